#include "AuctionTypes.h"

#include <QSet>

namespace icn {

namespace {

Error overflow(const QString &prefix)
{
    return Error::make(prefix + QStringLiteral(".overflow"),
                       QStringLiteral("The amounts of this auction do not fit 128 bits."));
}

} // namespace

Result<AuctionLock> computeAuctionLock(Amount pricePerTbMonth, qint64 sizeTb, qint32 months, qint64 marginPpm,
                                       const QString &errorPrefix)
{
    const auto perMonth = pricePerTbMonth.mul(sizeTb);
    if (!perMonth)
        return overflow(errorPrefix);
    const auto hp = perMonth->mul(months);
    if (!hp)
        return overflow(errorPrefix);
    const auto margin = hp->mulPpm(marginPpm);
    if (!margin)
        return overflow(errorPrefix);
    const auto total = hp->add(*margin);
    if (!total)
        return overflow(errorPrefix);
    return AuctionLock{*hp, *margin, *total};
}

Result<AuctionSettlement> settleAuction(const Address &sp, const AuctionLock &lock, qint64 marginPpm, qint32 months,
                                        QList<AwardSlice> slices, const QList<HeldBond> &bonds,
                                        const QString &errorPrefix)
{
    AuctionSettlement s;
    QSet<QString> winners;
    for (AwardSlice &slice : slices) {
        const auto perMonth = slice.price.mul(slice.tb);
        const auto cost = perMonth ? perMonth->mul(months) : perMonth;
        if (!cost)
            return overflow(errorPrefix);
        slice.hpCost = *cost;
        const auto sum = s.hpCost.add(slice.hpCost);
        if (!sum)
            return overflow(errorPrefix);
        s.hpCost = *sum;
        s.filledTb += slice.tb;
        winners.insert(slice.nodeId);
    }
    const auto margin = s.hpCost.mulPpm(marginPpm);
    const auto total = margin ? s.hpCost.add(*margin) : margin;
    if (!total)
        return overflow(errorPrefix);
    s.margin = *margin;
    s.total = *total;
    if (s.total > lock.total)
        return Error::make(errorPrefix + QStringLiteral(".lock_exceeded"),
                           QStringLiteral("The award costs more than the SP locked."));
    s.refund = *lock.total.sub(s.total);
    s.slices = std::move(slices);

    for (const AwardSlice &slice : std::as_const(s.slices))
        s.movements.append({MovementKind::LockToEscrow, sp, slice.nodeId, slice.hpCost});
    if (!s.margin.isZero())
        s.movements.append({MovementKind::LockToTreasury, sp, QString(), s.margin});
    if (!s.refund.isZero())
        s.movements.append({MovementKind::LockToAccount, sp, QString(), s.refund});
    for (const HeldBond &bond : bonds) {
        if (bond.amount.isZero())
            continue;
        if (winners.contains(bond.nodeId)) {
            s.bondsKept.append(bond);
        } else {
            s.bondsReleased.append(bond);
            s.movements.append({MovementKind::BondToAccount, bond.account, bond.nodeId, bond.amount});
        }
    }
    return s;
}

} // namespace icn
