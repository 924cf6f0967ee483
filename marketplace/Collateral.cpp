#include "Collateral.h"

#include <QCoreApplication>

namespace icn {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Collateral", text);
}

Amount ppmOf(Amount whole, qint64 ppm)
{
    const Int128 c = whole.baseUnits();
    // Exact floor(c × ppm / 10^6) without overflow for any c.
    return Amount::fromBaseUnits((c / Amount::kPpm) * ppm + (c % Amount::kPpm) * ppm / Amount::kPpm);
}

} // namespace

Result<Amount> Collateral::required(Amount maxClusterPrice, qint64 capacityTb, const ProtocolParams &params)
{
    if (capacityTb < 0)
        return Error::make(QStringLiteral("collateral.bad_capacity"), tr("Capacity cannot be negative."),
                           QStringLiteral("capacityTb"));
    if (maxClusterPrice.isNegative())
        return Error::make(QStringLiteral("collateral.bad_price"), tr("The cluster price cannot be negative."),
                           QStringLiteral("maxClusterPrice"));
    const auto perMonth = maxClusterPrice.mul(capacityTb);
    const auto total = perMonth ? perMonth->mul(params.collateralMonths) : perMonth;
    if (!total)
        return Error::make(QStringLiteral("collateral.overflow"), tr("The required collateral is too large."),
                           QStringLiteral("capacityTb"));
    return *total;
}

Amount Collateral::registrationMinimum(Amount required, const ProtocolParams &params)
{
    return ppmOf(required, params.minRegistrationCollateralPpm);
}

Amount Collateral::jailThreshold(Amount required, const ProtocolParams &params)
{
    return ppmOf(required, params.jailCollateralPpm);
}

Result<void> Collateral::checkRegistrationDeposit(Amount deposit, Amount required, const ProtocolParams &params)
{
    const Amount minimum = registrationMinimum(required, params);
    if (deposit < minimum)
        return Error::make(QStringLiteral("collateral.below_registration_minimum"),
                           tr("At least %1 ICNT of collateral must be deposited at registration.").arg(minimum.toString()),
                           QStringLiteral("collateral"),
                           {{QStringLiteral("deposit"), deposit.toStorage()}, {QStringLiteral("minimum"), minimum.toStorage()}});
    return {};
}

bool Collateral::isJailed(Amount collateral, Amount required, const ProtocolParams &params)
{
    return collateral < jailThreshold(required, params);
}

Amount Collateral::shortfall(Amount collateral, Amount required)
{
    if (collateral >= required)
        return Amount();
    return Amount::fromBaseUnits(required.baseUnits() - collateral.baseUnits());
}

Result<EarningSplit> Collateral::splitEarning(Amount earning, Amount collateral, Amount required)
{
    if (earning.isNegative())
        return Error::make(QStringLiteral("collateral.bad_amount"), tr("An earning cannot be negative."),
                           QStringLiteral("earning"));
    const Amount missing = shortfall(collateral, required);
    const Amount toCollateral = earning < missing ? earning : missing;
    return EarningSplit{toCollateral, Amount::fromBaseUnits(earning.baseUnits() - toCollateral.baseUnits())};
}

Result<void> Collateral::checkWithdrawal(const WithdrawalRequest &r)
{
    if (r.amount <= Amount())
        return Error::make(QStringLiteral("collateral.bad_amount"), tr("The amount to withdraw must be positive."),
                           QStringLiteral("amount"));
    if (r.amount > r.collateral)
        return Error::make(QStringLiteral("collateral.insufficient"),
                           tr("Only %1 ICNT of collateral is deposited.").arg(r.collateral.toString()), QStringLiteral("amount"),
                           {{QStringLiteral("requested"), r.amount.toStorage()}, {QStringLiteral("available"), r.collateral.toStorage()}});
    if (r.currentMonth <= r.commitmentEnd)
        return Error::make(QStringLiteral("collateral.commitment_running"),
                           tr("The commitment runs until %1; collateral can be withdrawn after it.").arg(r.commitmentEnd.toString()),
                           QStringLiteral("commitmentEnd"),
                           {{QStringLiteral("commitmentEnd"), r.commitmentEnd.toString()}, {QStringLiteral("current"), r.currentMonth.toString()}});
    if (r.activeBookings > 0)
        return Error::make(QStringLiteral("collateral.bookings_active"),
                           QCoreApplication::translate("Collateral", "%n booking(s) on this HN are active.", nullptr, int(r.activeBookings)), QStringLiteral("bookings"),
                           {{QStringLiteral("active"), r.activeBookings}});
    if (r.pendingBookings > 0)
        return Error::make(QStringLiteral("collateral.bookings_pending"),
                           QCoreApplication::translate("Collateral", "%n booking(s) on this HN have not started yet.", nullptr, int(r.pendingBookings)),
                           QStringLiteral("bookings"), {{QStringLiteral("pending"), r.pendingBookings}});
    return {};
}

Result<void> Collateral::checkCommitment(Month registeredMonth, Month commitmentEnd, const ProtocolParams &params)
{
    const qint32 months = commitmentEnd.monthsSince(registeredMonth);
    if (months < params.minCommitmentMonths)
        return Error::make(QStringLiteral("commitment.too_short"),
                           tr("The commitment must end at least %1 months after registration.").arg(params.minCommitmentMonths),
                           QStringLiteral("commitmentEnd"),
                           {{QStringLiteral("months"), months}, {QStringLiteral("minimum"), params.minCommitmentMonths}});
    return {};
}

Result<void> Collateral::checkExtension(Month registeredMonth, Month currentEnd, Month newEnd, const ProtocolParams &params)
{
    const qint32 by = newEnd.monthsSince(currentEnd);
    if (by <= 0)
        return Error::make(QStringLiteral("commitment.not_extended"),
                           tr("The new commitment end must be after %1.").arg(currentEnd.toString()), QStringLiteral("commitmentEnd"),
                           {{QStringLiteral("current"), currentEnd.toString()}, {QStringLiteral("requested"), newEnd.toString()}});
    if (params.commitmentStepMonths > 0 && by % params.commitmentStepMonths != 0)
        return Error::make(QStringLiteral("commitment.bad_step"),
                           tr("A commitment is extended in steps of %1 months.").arg(params.commitmentStepMonths),
                           QStringLiteral("commitmentEnd"),
                           {{QStringLiteral("months"), by}, {QStringLiteral("step"), params.commitmentStepMonths}});
    return checkCommitment(registeredMonth, newEnd, params);
}

Result<void> Collateral::checkReservationPrice(Amount price, Amount maxClusterPrice)
{
    if (price <= Amount())
        return Error::make(QStringLiteral("reservation_price.not_positive"), tr("The reservation price must be positive."),
                           QStringLiteral("reservationPrice"));
    if (price > maxClusterPrice)
        return Error::make(QStringLiteral("reservation_price.above_cap"),
                           tr("The reservation price cannot exceed the cluster's maximum of %1 ICNT.").arg(maxClusterPrice.toString()),
                           QStringLiteral("reservationPrice"),
                           {{QStringLiteral("price"), price.toStorage()}, {QStringLiteral("cap"), maxClusterPrice.toStorage()}});
    return {};
}

} // namespace icn
