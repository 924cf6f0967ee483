#include "CapacityRewards.h"

#include <QCoreApplication>

#include <optional>

namespace icn {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CapacityRewards", text);
}

// floor(a × b / c) with a 256-bit intermediate product; nullopt when c is 0 or the quotient
// does not fit 127 bits. a, b, c < 2^127.
std::optional<Int128> mulDivWide(Int128 a, Int128 b, Int128 c)
{
    if (a < 0 || b < 0 || c <= 0)
        return std::nullopt;
    const UInt128 mask = 0xffffffffffffffffULL;
    const UInt128 a0 = static_cast<UInt128>(a) & mask, a1 = static_cast<UInt128>(a) >> 64;
    const UInt128 b0 = static_cast<UInt128>(b) & mask, b1 = static_cast<UInt128>(b) >> 64;
    // The 256-bit product as hi:lo.
    const UInt128 p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    const UInt128 mid = (p00 >> 64) + (p01 & mask) + (p10 & mask);
    const UInt128 lo = (p00 & mask) | (mid << 64);
    const UInt128 hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
    const UInt128 divisor = static_cast<UInt128>(c);
    if (hi >= divisor)
        return std::nullopt; // the quotient would not fit 128 bits
    // Long division, one bit at a time; the remainder stays below c < 2^127.
    UInt128 rem = hi;
    UInt128 quotient = 0;
    for (int bit = 127; bit >= 0; --bit) {
        rem = (rem << 1) | ((lo >> bit) & 1);
        quotient <<= 1;
        if (rem >= divisor) {
            rem -= divisor;
            quotient |= 1;
        }
    }
    if (quotient > static_cast<UInt128>(kInt128Max))
        return std::nullopt;
    return static_cast<Int128>(quotient);
}

Error overflow()
{
    return Error::make(QStringLiteral("rewards.overflow"), tr("The capacity reward is too large to compute."));
}

} // namespace

Result<Amount> CapacityRewards::rewardFor(qint64 capacityTb, const RegionUtilisation &region, const ProtocolParams &params)
{
    if (capacityTb < 0)
        return Error::make(QStringLiteral("rewards.bad_capacity"), tr("Capacity cannot be negative."), QStringLiteral("capacityTb"));
    if (region.totalTb < 0 || region.bookedTb < 0 || region.bookedTb > region.totalTb)
        return Error::make(QStringLiteral("rewards.bad_utilisation"),
                           tr("Booked capacity %1 TB does not fit the region's %2 TB.").arg(region.bookedTb).arg(region.totalTb),
                           QStringLiteral("bookedTb"),
                           {{QStringLiteral("bookedTb"), region.bookedTb}, {QStringLiteral("totalTb"), region.totalTb}});
    if (region.totalTb == 0 || capacityTb == 0 || params.capacityRewardPerTbMonth.isZero())
        return Amount();
    const auto base = params.capacityRewardPerTbMonth.mul(capacityTb);
    if (!base)
        return overflow();
    const auto reward = mulDivWide(base->baseUnits(), region.totalTb - region.bookedTb, region.totalTb);
    if (!reward)
        return overflow();
    return Amount::fromBaseUnits(*reward);
}

Result<RewardRun> CapacityRewards::closeMonth(std::span<const RewardNode> nodes, const QHash<QString, RegionUtilisation> &regions,
                                              Amount reserve, const ProtocolParams &params)
{
    if (reserve.isNegative())
        return Error::make(QStringLiteral("rewards.bad_reserve"), tr("The reserve cannot be negative."), QStringLiteral("reserve"));
    RewardRun run;
    run.rewards.reserve(static_cast<qsizetype>(nodes.size()));
    Int128 totalDue = 0;
    for (const RewardNode &node : nodes) {
        if (!node.active)
            continue;
        const auto region = regions.constFind(node.regionId);
        if (region == regions.constEnd())
            return Error::make(QStringLiteral("rewards.unknown_region"), tr("HN %1 names unknown region %2.").arg(node.hnId, node.regionId),
                               QStringLiteral("regionId"), {{QStringLiteral("hnId"), node.hnId}});
        auto due = rewardFor(node.capacityTb, *region, params);
        if (!due) {
            Error e = due.error();
            e.details.insert(QStringLiteral("hnId"), node.hnId);
            return e;
        }
        const auto sum = checkedAdd(totalDue, due->baseUnits());
        if (!sum)
            return overflow();
        totalDue = *sum;
        run.rewards.append(CapacityReward{node.hnId, *due, *due});
    }
    run.totalDue = Amount::fromBaseUnits(totalDue);
    run.scaled = totalDue > reserve.baseUnits();
    Int128 paid = totalDue;
    if (run.scaled) {
        paid = 0;
        for (CapacityReward &r : run.rewards) {
            // due ≤ totalDue and reserve < totalDue, so the quotient fits and is < due.
            r.paid = Amount::fromBaseUnits(*mulDivWide(r.due.baseUnits(), reserve.baseUnits(), totalDue));
            paid += r.paid.baseUnits();
        }
    }
    run.totalPaid = Amount::fromBaseUnits(paid);
    run.reserveAfter = Amount::fromBaseUnits(reserve.baseUnits() - paid);
    return run;
}

} // namespace icn
