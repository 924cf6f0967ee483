#include "Tender.h"

#include "WideUInt.h"

#include <algorithm>
#include <vector>

namespace icn {

namespace {

const QString kPrefix = QStringLiteral("tender");

// price / (rel × Fn/Fd) as the exact fraction (price × Fd) / (rel × Fn); the constant 10^6 of the
// reliability ppm is common to every bid and left out.
struct QualityKey
{
    WideUInt num;
    WideUInt den;
};

QualityKey qualityKey(const QualityTerms &t, qint32 months, qint64 capPpm)
{
    assert(t.price.baseUnits() > 0 && t.offeredTb > 0 && months > 0 && t.reliabilityPpm > 0);
    assert(!t.bond.isNegative() && capPpm >= 0);
    const auto perMonth = checkedMul(t.price.baseUnits(), t.offeredTb);
    const auto c = perMonth ? checkedMul(*perMonth, months) : perMonth;
    assert(c.has_value());
    const UInt128 value = static_cast<UInt128>(*c);
    const UInt128 bond = static_cast<UInt128>(t.bond.baseUnits());
    // Bonus = min(bond / C, cap / 10^6): capped when bond × 10^6 ≥ cap × C.
    const bool capped = WideUInt(bond) * WideUInt(Amount::kPpm) >= WideUInt(static_cast<UInt128>(capPpm)) * WideUInt(value);
    UInt128 fn = 0;
    UInt128 fd = 0;
    if (bond == 0) {
        fn = fd = 1; // no bonus: keep the factors small, the comparison cheap
    } else if (capped) {
        fn = static_cast<UInt128>(Amount::kPpm + capPpm);
        fd = static_cast<UInt128>(Amount::kPpm);
    } else {
        fn = value + bond; // both < 2^127: no overflow
        fd = value;
    }
    const WideUInt price(static_cast<UInt128>(t.price.baseUnits()));
    return QualityKey{price * WideUInt(fd), WideUInt(static_cast<UInt128>(t.reliabilityPpm)) * WideUInt(fn)};
}

std::strong_ordering compareKeys(const QualityKey &a, const QualityKey &b)
{
    return a.num * b.den <=> b.num * a.den;
}

Error refuse(const QString &code, const QString &field, const QString &message, QVariantMap details = {})
{
    return Error::make(kPrefix + QLatin1Char('.') + code, message, field, std::move(details));
}

} // namespace

Result<Tender> Tender::post(const TenderSpec &spec, qint64 currentEpoch, Month currentMonth,
                            const ProtocolParams &params, const AuctionFacts &facts)
{
    Tender t;
    if (spec.sizeTb <= 0)
        return refuse(QStringLiteral("invalid_size"), QStringLiteral("sizeTb"), QStringLiteral("The size must be at least 1 TB."));
    if (spec.months < params.minBookingMonths)
        return refuse(QStringLiteral("invalid_duration"), QStringLiteral("months"),
                        QStringLiteral("The duration must be at least %1 months.").arg(params.minBookingMonths),
                        {{QStringLiteral("minimum"), params.minBookingMonths}});
    if (spec.start <= currentMonth)
        return refuse(QStringLiteral("start_too_early"), QStringLiteral("start"),
                        QStringLiteral("The start month must be next month or later."));
    if (spec.maxPrice.baseUnits() <= 0)
        return refuse(QStringLiteral("invalid_price"), QStringLiteral("maxPrice"), QStringLiteral("The maximum price must be positive."));
    if (spec.minReliabilityPpm < 0 || spec.minReliabilityPpm > Amount::kPpm)
        return refuse(QStringLiteral("invalid_reliability"), QStringLiteral("minReliabilityPpm"),
                        QStringLiteral("The minimum reliability must be between 0 and 1,000,000 ppm."));
    if (spec.marginPpm < 0)
        return refuse(QStringLiteral("invalid_margin"), QStringLiteral("marginPpm"), QStringLiteral("The margin cannot be negative."));
    if (spec.bidDeadlineEpoch <= currentEpoch)
        return refuse(QStringLiteral("deadline_passed"), QStringLiteral("bidDeadlineEpoch"),
                        QStringLiteral("The bid deadline must be a later epoch."),
                        {{QStringLiteral("deadlineEpoch"), spec.bidDeadlineEpoch}, {QStringLiteral("currentEpoch"), currentEpoch}});
    if (facts.nodesInScope(spec.scopeId, spec.range()).isEmpty())
        return refuse(QStringLiteral("unknown_scope"), QStringLiteral("scopeId"), QStringLiteral("No HN is in this scope."));
    const auto lock = computeAuctionLock(spec.maxPrice, spec.sizeTb, spec.months, spec.marginPpm, kPrefix);
    if (!lock)
        return lock.error();
    const Amount balance = facts.balance(spec.sp);
    if (balance < lock->total)
        return refuse(QStringLiteral("lock_not_covered"), QStringLiteral("sp"),
                        QStringLiteral("The balance does not cover the lock."),
                        {{QStringLiteral("required"), lock->total.toString()}, {QStringLiteral("balance"), balance.toString()}});
    t.m_spec = spec;
    t.m_lock = *lock;
    t.m_maxBondBonusPpm = params.maxBondBonusPpm;
    return t;
}

Result<Tender> Tender::restore(const TenderSpec &spec, qint64 maxBondBonusPpm, TenderState state,
                               const QList<TenderBid> &bids)
{
    Tender t;
    const auto lock = computeAuctionLock(spec.maxPrice, spec.sizeTb, spec.months, spec.marginPpm, kPrefix);
    if (!lock)
        return lock.error();
    for (const TenderBid &b : bids) {
        if (t.m_bids.contains(b.nodeId))
            return refuse(QStringLiteral("duplicate_bid"), QStringLiteral("nodeId"), QStringLiteral("Two stored bids for one HN."));
        t.m_bids.insert(b.nodeId, b);
    }
    t.m_spec = spec;
    t.m_lock = *lock;
    t.m_maxBondBonusPpm = maxBondBonusPpm;
    t.m_state = state;
    return t;
}

QList<LedgerMovement> Tender::postingMovements() const
{
    return {LedgerMovement{MovementKind::AccountToLock, m_spec.sp, QString(), m_lock.total}};
}

Result<QList<LedgerMovement>> Tender::bid(const TenderBid &b, qint64 currentEpoch, const AuctionFacts &facts)
{
    if (m_state != TenderState::Open)
        return refuse(QStringLiteral("already_awarded"), QString(), QStringLiteral("The tender is closed."));
    if (currentEpoch >= m_spec.bidDeadlineEpoch)
        return refuse(QStringLiteral("bid_after_deadline"), QStringLiteral("epoch"), QStringLiteral("The bid deadline has passed."),
                      {{QStringLiteral("deadlineEpoch"), m_spec.bidDeadlineEpoch}, {QStringLiteral("currentEpoch"), currentEpoch}});
    if (b.offeredTb <= 0)
        return refuse(QStringLiteral("invalid_capacity"), QStringLiteral("offeredTb"), QStringLiteral("Offer at least 1 TB."));
    if (b.offeredTb > m_spec.sizeTb)
        return refuse(QStringLiteral("capacity_above_size"), QStringLiteral("offeredTb"),
                      QStringLiteral("The offer exceeds the tender's size."), {{QStringLiteral("size"), m_spec.sizeTb}});
    if (b.price.baseUnits() <= 0)
        return refuse(QStringLiteral("invalid_price"), QStringLiteral("price"), QStringLiteral("The price must be positive."));
    if (b.price > m_spec.maxPrice)
        return refuse(QStringLiteral("price_above_max"), QStringLiteral("price"), QStringLiteral("The price exceeds the tender's maximum."),
                      {{QStringLiteral("maxPrice"), m_spec.maxPrice.toString()}});
    if (b.bond.isNegative())
        return refuse(QStringLiteral("invalid_bond"), QStringLiteral("bond"), QStringLiteral("The bond cannot be negative."));
    const auto node = facts.node(b.nodeId, m_spec.range());
    if (!node)
        return refuse(QStringLiteral("unknown_node"), QStringLiteral("nodeId"), QStringLiteral("No such HN."));
    if (!node->inScope(m_spec.scopeId))
        return refuse(QStringLiteral("not_in_scope"), QStringLiteral("nodeId"), QStringLiteral("The HN is not in the tender's scope."));
    if (node->provider != b.bidder)
        return refuse(QStringLiteral("not_provider"), QStringLiteral("bidder"), QStringLiteral("Only the HN's provider can bid for it."));
    if (m_bids.contains(b.nodeId))
        return refuse(QStringLiteral("duplicate_bid"), QStringLiteral("nodeId"),
                      QStringLiteral("This HN already bids; withdraw that bid first."));
    if (!node->eligible)
        return refuse(QStringLiteral("node_ineligible"), QStringLiteral("nodeId"),
                      QStringLiteral("The HN is not eligible for this month range."));
    if (node->freeTb < b.offeredTb)
        return refuse(QStringLiteral("capacity_unavailable"), QStringLiteral("offeredTb"),
                      QStringLiteral("The HN has only %1 TB free for the whole range.").arg(node->freeTb),
                      {{QStringLiteral("available"), node->freeTb}});
    const Amount balance = facts.balance(b.bidder);
    if (balance < b.bond)
        return refuse(QStringLiteral("bond_not_covered"), QStringLiteral("bond"), QStringLiteral("The balance does not cover the bond."),
                      {{QStringLiteral("balance"), balance.toString()}});
    m_bids.insert(b.nodeId, b);
    QList<LedgerMovement> moves;
    if (!b.bond.isZero())
        moves.append({MovementKind::AccountToBond, b.bidder, b.nodeId, b.bond});
    return moves;
}

Result<QList<LedgerMovement>> Tender::withdraw(const QString &nodeId, const Address &bidder, qint64 currentEpoch)
{
    if (m_state != TenderState::Open)
        return refuse(QStringLiteral("already_awarded"), QString(), QStringLiteral("The tender is closed."));
    if (currentEpoch >= m_spec.bidDeadlineEpoch)
        return refuse(QStringLiteral("withdraw_after_deadline"), QStringLiteral("epoch"),
                      QStringLiteral("Bids cannot be withdrawn after the deadline."),
                      {{QStringLiteral("deadlineEpoch"), m_spec.bidDeadlineEpoch}, {QStringLiteral("currentEpoch"), currentEpoch}});
    const auto it = m_bids.constFind(nodeId);
    if (it == m_bids.constEnd())
        return refuse(QStringLiteral("no_such_bid"), QStringLiteral("nodeId"), QStringLiteral("This HN has no bid in the tender."));
    if (it->bidder != bidder)
        return refuse(QStringLiteral("not_provider"), QStringLiteral("bidder"), QStringLiteral("Only the bidder can withdraw its bid."));
    QList<LedgerMovement> moves;
    if (!it->bond.isZero())
        moves.append({MovementKind::BondToAccount, it->bidder, nodeId, it->bond});
    m_bids.erase(it);
    return moves;
}

Result<TenderAward> Tender::previewAward(qint64 currentEpoch, const AuctionFacts &facts) const
{
    if (m_state != TenderState::Open)
        return refuse(QStringLiteral("already_awarded"), QString(), QStringLiteral("The tender was already awarded."));
    if (currentEpoch < m_spec.bidDeadlineEpoch)
        return refuse(QStringLiteral("award_before_deadline"), QStringLiteral("epoch"),
                      QStringLiteral("The tender can be awarded from its deadline on."),
                      {{QStringLiteral("deadlineEpoch"), m_spec.bidDeadlineEpoch}, {QStringLiteral("currentEpoch"), currentEpoch}});

    TenderAward award;
    struct Admitted
    {
        QualityKey key;
        const TenderBid *bid;
        QString clusterId;
    };
    std::vector<Admitted> admitted;
    admitted.reserve(static_cast<size_t>(m_bids.size()));
    QList<HeldBond> bonds;
    for (const TenderBid &b : m_bids) {
        if (!b.bond.isZero())
            bonds.append({b.nodeId, b.bidder, b.bond});
        const auto node = facts.node(b.nodeId, m_spec.range());
        QString reason;
        if (!node)
            reason = QStringLiteral("tender.unknown_node");
        else if (!node->inScope(m_spec.scopeId))
            reason = QStringLiteral("tender.not_in_scope");
        else if (!node->eligible)
            reason = QStringLiteral("tender.node_ineligible");
        else if (node->freeTb < b.offeredTb)
            reason = QStringLiteral("tender.capacity_unavailable");
        else if (node->reliabilityPpm < m_spec.minReliabilityPpm || node->reliabilityPpm <= 0)
            reason = QStringLiteral("tender.below_min_reliability");
        if (!reason.isEmpty()) {
            award.dropped.append({b.nodeId, reason});
            continue;
        }
        const QualityTerms terms{b.price, b.offeredTb, b.bond, node->reliabilityPpm};
        admitted.push_back({qualityKey(terms, m_spec.months, m_maxBondBonusPpm), &b, node->clusterId});
    }

    std::vector<const Admitted *> order(admitted.size());
    for (size_t i = 0; i < admitted.size(); ++i)
        order[i] = &admitted[i];
    std::sort(order.begin(), order.end(), [](const Admitted *a, const Admitted *b) {
        const auto q = compareKeys(a->key, b->key);
        if (q != 0)
            return q < 0;
        if (a->bid->submittedOrder != b->bid->submittedOrder)
            return a->bid->submittedOrder < b->bid->submittedOrder;
        return a->bid->nodeId < b->bid->nodeId;
    });

    qint64 remaining = m_spec.sizeTb;
    QList<AwardSlice> slices;
    award.ranking.reserve(static_cast<qsizetype>(order.size()));
    for (const Admitted *p : order) {
        const Admitted &a = *p;
        const qint64 take = std::min(a.bid->offeredTb, remaining);
        remaining -= take;
        award.ranking.append({*a.bid, take});
        if (take > 0)
            slices.append({a.bid->nodeId, a.clusterId, a.bid->bidder, take, a.bid->price, Amount()});
    }

    const qint64 filled = m_spec.sizeTb - remaining;
    if (remaining == 0)
        award.outcome = TenderOutcome::Filled;
    else if (filled > 0 && m_spec.partialFillAllowed)
        award.outcome = TenderOutcome::PartlyFilled;
    else
        award.outcome = TenderOutcome::Failed;
    if (award.outcome == TenderOutcome::Failed) {
        slices.clear();
        for (RankedBid &r : award.ranking)
            r.awardedTb = 0;
    }
    auto settlement = settleAuction(m_spec.sp, m_lock, m_spec.marginPpm, m_spec.months, std::move(slices), bonds, kPrefix);
    if (!settlement)
        return settlement.error();
    award.settlement = std::move(*settlement);
    return award;
}

Result<TenderAward> Tender::award(qint64 currentEpoch, const AuctionFacts &facts)
{
    auto result = previewAward(currentEpoch, facts);
    if (!result)
        return result;
    switch (result->outcome) {
    case TenderOutcome::Filled: m_state = TenderState::Awarded; break;
    case TenderOutcome::PartlyFilled: m_state = TenderState::PartlyAwarded; break;
    case TenderOutcome::Failed: m_state = TenderState::Failed; break;
    }
    return result;
}

std::strong_ordering Tender::compareQuality(const QualityTerms &a, const QualityTerms &b, qint32 months,
                                            qint64 maxBondBonusPpm)
{
    return compareKeys(qualityKey(a, months, maxBondBonusPpm), qualityKey(b, months, maxBondBonusPpm));
}

} // namespace icn
