#include "ReverseAuction.h"

#include <algorithm>
#include <limits>
#include <vector>

namespace icn {

namespace {

const QString kPrefix = QStringLiteral("reverse_auction");

Error refuse(const QString &code, const QString &field, const QString &message, QVariantMap details = {})
{
    return Error::make(kPrefix + QLatin1Char('.') + code, message, field, std::move(details));
}

} // namespace

Result<ReverseAuction> ReverseAuction::post(const ReverseAuctionSpec &spec, Month currentMonth,
                                            const ProtocolParams &params, const AuctionFacts &facts)
{
    if (spec.sizeTb <= 0)
        return refuse(QStringLiteral("invalid_size"), QStringLiteral("sizeTb"), QStringLiteral("The size must be at least 1 TB."));
    if (spec.months < params.minBookingMonths)
        return refuse(QStringLiteral("invalid_duration"), QStringLiteral("months"),
                      QStringLiteral("The duration must be at least %1 months.").arg(params.minBookingMonths),
                      {{QStringLiteral("minimum"), params.minBookingMonths}});
    if (spec.start <= currentMonth)
        return refuse(QStringLiteral("start_too_early"), QStringLiteral("start"),
                      QStringLiteral("The start month must be next month or later."));
    if (spec.ceilingPrice.baseUnits() <= 0)
        return refuse(QStringLiteral("invalid_price"), QStringLiteral("ceilingPrice"), QStringLiteral("The ceiling price must be positive."));
    if (spec.floorPrice.baseUnits() <= 0 || spec.floorPrice > spec.ceilingPrice)
        return refuse(QStringLiteral("invalid_floor"), QStringLiteral("floorPrice"),
                      QStringLiteral("The floor price must be positive and at most the ceiling."));
    if (spec.decrementPpm <= 0 || spec.decrementPpm > Amount::kPpm)
        return refuse(QStringLiteral("invalid_decrement"), QStringLiteral("decrementPpm"),
                      QStringLiteral("The decrement must be between 1 and 1,000,000 ppm of the ceiling."));
    const auto step = spec.ceilingPrice.mulPpm(spec.decrementPpm);
    if (!step)
        return refuse(QStringLiteral("overflow"), QStringLiteral("decrementPpm"), QStringLiteral("The decrement does not fit 128 bits."));
    if (step->isZero())
        return refuse(QStringLiteral("decrement_too_small"), QStringLiteral("decrementPpm"),
                      QStringLiteral("The decrement truncates to zero base units."));
    if (spec.minReliabilityPpm < 0 || spec.minReliabilityPpm > Amount::kPpm)
        return refuse(QStringLiteral("invalid_reliability"), QStringLiteral("minReliabilityPpm"),
                      QStringLiteral("The minimum reliability must be between 0 and 1,000,000 ppm."));
    if (spec.marginPpm < 0)
        return refuse(QStringLiteral("invalid_margin"), QStringLiteral("marginPpm"), QStringLiteral("The margin cannot be negative."));
    if (facts.nodesInScope(spec.scopeId, spec.range()).isEmpty())
        return refuse(QStringLiteral("unknown_scope"), QStringLiteral("scopeId"), QStringLiteral("No HN is in this scope."));
    const auto lock = computeAuctionLock(spec.ceilingPrice, spec.sizeTb, spec.months, spec.marginPpm, kPrefix);
    if (!lock)
        return lock.error();
    const Amount balance = facts.balance(spec.sp);
    if (balance < lock->total)
        return refuse(QStringLiteral("lock_not_covered"), QStringLiteral("sp"), QStringLiteral("The balance does not cover the lock."),
                      {{QStringLiteral("required"), lock->total.toString()}, {QStringLiteral("balance"), balance.toString()}});
    ReverseAuction a;
    a.m_spec = spec;
    a.m_lock = *lock;
    a.m_step = *step;
    return a;
}

Result<ReverseAuction> ReverseAuction::restore(const ReverseAuctionSpec &spec, ReverseAuctionState state,
                                               const QList<ReverseAuctionTerms> &terms)
{
    const auto lock = computeAuctionLock(spec.ceilingPrice, spec.sizeTb, spec.months, spec.marginPpm, kPrefix);
    if (!lock)
        return lock.error();
    const auto step = spec.ceilingPrice.mulPpm(spec.decrementPpm);
    if (!step || step->baseUnits() <= 0)
        return refuse(QStringLiteral("decrement_too_small"), QStringLiteral("decrementPpm"),
                      QStringLiteral("The stored decrement gives no step."));
    ReverseAuction a;
    for (const ReverseAuctionTerms &t : terms) {
        if (a.m_terms.contains(t.nodeId))
            return refuse(QStringLiteral("duplicate_terms"), QStringLiteral("nodeId"), QStringLiteral("Two stored terms for one HN."));
        a.m_terms.insert(t.nodeId, t);
    }
    a.m_spec = spec;
    a.m_lock = *lock;
    a.m_step = *step;
    a.m_state = state;
    return a;
}

QList<LedgerMovement> ReverseAuction::postingMovements() const
{
    return {LedgerMovement{MovementKind::AccountToLock, m_spec.sp, QString(), m_lock.total}};
}

Result<QList<LedgerMovement>> ReverseAuction::setTerms(const ReverseAuctionTerms &t, const AuctionFacts &facts)
{
    if (m_state != ReverseAuctionState::Open)
        return refuse(QStringLiteral("closed"), QString(), QStringLiteral("The auction has already run."));
    if (t.dropOutPrice && t.dropOutPrice->baseUnits() <= 0)
        return refuse(QStringLiteral("invalid_price"), QStringLiteral("dropOutPrice"), QStringLiteral("The drop-out price must be positive."));
    if (t.capacityTb && *t.capacityTb <= 0)
        return refuse(QStringLiteral("invalid_capacity"), QStringLiteral("capacityTb"), QStringLiteral("Supply at least 1 TB."));
    if (t.bond.isNegative())
        return refuse(QStringLiteral("invalid_bond"), QStringLiteral("bond"), QStringLiteral("The bond cannot be negative."));
    const auto node = facts.node(t.nodeId, m_spec.range());
    if (!node)
        return refuse(QStringLiteral("unknown_node"), QStringLiteral("nodeId"), QStringLiteral("No such HN."));
    if (!node->inScope(m_spec.scopeId))
        return refuse(QStringLiteral("not_in_scope"), QStringLiteral("nodeId"), QStringLiteral("The HN is not in the auction's scope."));
    if (node->provider != t.bidder)
        return refuse(QStringLiteral("not_provider"), QStringLiteral("bidder"), QStringLiteral("Only the HN's provider can set its terms."));
    if (!node->eligible)
        return refuse(QStringLiteral("node_ineligible"), QStringLiteral("nodeId"),
                      QStringLiteral("The HN is not eligible for this month range."));
    if (t.capacityTb && *t.capacityTb > node->freeTb)
        return refuse(QStringLiteral("capacity_unavailable"), QStringLiteral("capacityTb"),
                      QStringLiteral("The HN has only %1 TB free for the whole range.").arg(node->freeTb),
                      {{QStringLiteral("available"), node->freeTb}});
    const auto old = m_terms.constFind(t.nodeId);
    const Amount oldBond = old == m_terms.constEnd() ? Amount() : old->bond;
    const auto available = facts.balance(t.bidder).add(oldBond);
    if (!available || *available < t.bond)
        return refuse(QStringLiteral("bond_not_covered"), QStringLiteral("bond"), QStringLiteral("The balance does not cover the bond."));
    QList<LedgerMovement> moves;
    if (!oldBond.isZero())
        moves.append({MovementKind::BondToAccount, t.bidder, t.nodeId, oldBond});
    if (!t.bond.isZero())
        moves.append({MovementKind::AccountToBond, t.bidder, t.nodeId, t.bond});
    m_terms.insert(t.nodeId, t);
    return moves;
}

Result<QList<LedgerMovement>> ReverseAuction::withdrawTerms(const QString &nodeId, const Address &bidder)
{
    if (m_state != ReverseAuctionState::Open)
        return refuse(QStringLiteral("closed"), QString(), QStringLiteral("The auction has already run."));
    const auto it = m_terms.constFind(nodeId);
    if (it == m_terms.constEnd())
        return refuse(QStringLiteral("no_such_terms"), QStringLiteral("nodeId"), QStringLiteral("This HN has no terms in the auction."));
    if (it->bidder != bidder)
        return refuse(QStringLiteral("not_provider"), QStringLiteral("bidder"), QStringLiteral("Only the bidder can withdraw its terms."));
    QList<LedgerMovement> moves;
    if (!it->bond.isZero())
        moves.append({MovementKind::BondToAccount, it->bidder, nodeId, it->bond});
    m_terms.erase(it);
    return moves;
}

Result<ReverseAuctionResult> ReverseAuction::preview(const AuctionFacts &facts) const
{
    if (m_state != ReverseAuctionState::Open)
        return refuse(QStringLiteral("closed"), QString(), QStringLiteral("The auction has already run."));
    QList<AuctionNodeFacts> nodes = facts.nodesInScope(m_spec.scopeId, m_spec.range());
    std::sort(nodes.begin(), nodes.end(), [](const AuctionNodeFacts &a, const AuctionNodeFacts &b) { return a.nodeId < b.nodeId; });
    QList<ClockEntrant> entrants;
    QList<DroppedEntry> dropped;
    entrants.reserve(nodes.size());
    for (const AuctionNodeFacts &n : std::as_const(nodes)) {
        const auto terms = m_terms.constFind(n.nodeId);
        const bool hasTerms = terms != m_terms.constEnd();
        const qint64 capacity = hasTerms && terms->capacityTb ? std::min(*terms->capacityTb, n.freeTb) : n.freeTb;
        const Amount dropOut = hasTerms && terms->dropOutPrice ? *terms->dropOutPrice : n.reservationPrice;
        QString reason;
        if (!n.eligible)
            reason = QStringLiteral("reverse_auction.node_ineligible");
        else if (n.reliabilityPpm < m_spec.minReliabilityPpm)
            reason = QStringLiteral("reverse_auction.below_min_reliability");
        else if (capacity <= 0)
            reason = QStringLiteral("reverse_auction.capacity_unavailable");
        else if (dropOut.baseUnits() <= 0)
            reason = QStringLiteral("reverse_auction.invalid_price");
        else if (hasTerms && terms->bidder != n.provider)
            reason = QStringLiteral("reverse_auction.not_provider"); // the HN changed hands since
        if (!reason.isEmpty()) {
            dropped.append({n.nodeId, reason});
            continue;
        }
        entrants.append({n.nodeId, n.clusterId, n.provider, dropOut, capacity, n.reliabilityPpm,
                         hasTerms ? terms->bond : Amount()});
    }
    QList<HeldBond> bonds;
    for (const ReverseAuctionTerms &t : m_terms)
        bonds.append({t.nodeId, t.bidder, t.bond});
    auto result = runClock(m_spec, m_lock, m_step, std::move(entrants), bonds);
    if (result)
        result->dropped = std::move(dropped);
    return result;
}

Result<ReverseAuctionResult> ReverseAuction::run(const AuctionFacts &facts)
{
    auto result = preview(facts);
    if (result)
        m_state = result->outcome == ReverseAuctionOutcome::Cleared ? ReverseAuctionState::Cleared
                                                                    : ReverseAuctionState::NotCleared;
    return result;
}

Result<ReverseAuctionResult> ReverseAuction::runClock(const ReverseAuctionSpec &spec, const AuctionLock &lock, Amount step,
                                                      QList<ClockEntrant> entrants, const QList<HeldBond> &bonds)
{
    assert(step.baseUnits() > 0);
    ReverseAuctionResult result;
    std::sort(entrants.begin(), entrants.end(), [](const ClockEntrant &a, const ClockEntrant &b) { return a.nodeId < b.nodeId; });
    result.entrants = entrants;

    // Entrants by drop-out price ascending: the first `in` of them supply at the current price.
    std::vector<qsizetype> byDropOut(static_cast<size_t>(entrants.size()));
    for (qsizetype i = 0; i < entrants.size(); ++i)
        byDropOut[static_cast<size_t>(i)] = i;
    std::sort(byDropOut.begin(), byDropOut.end(), [&](qsizetype a, qsizetype b) {
        return entrants[a].dropOutPrice < entrants[b].dropOutPrice;
    });
    size_t in = byDropOut.size();
    Int128 supply = 0; // Σ of qint64 capacities: cannot overflow 128 bits
    for (const ClockEntrant &e : std::as_const(entrants))
        supply += e.capacityTb;
    const auto enter = [&](Amount price) {
        while (in > 0 && entrants[byDropOut[in - 1]].dropOutPrice > price) {
            --in;
            supply -= entrants[byDropOut[in]].capacityTb;
        }
        AuctionRound r;
        r.round = static_cast<qint32>(result.rounds.size() + 1);
        r.price = price;
        r.supplyTb = static_cast<qint64>(std::min<Int128>(supply, std::numeric_limits<qint64>::max()));
        r.activeBidders = static_cast<qint32>(in);
        r.coversDemand = supply >= spec.sizeTb;
        result.rounds.append(r);
        return r.coversDemand;
    };

    Amount price = spec.ceilingPrice;
    bool cleared = enter(price);
    if (cleared) {
        for (;;) {
            const Amount next = *price.sub(step); // both positive: cannot overflow
            if (next < spec.floorPrice || !enter(next))
                break;
            price = next;
        }
    }

    QList<AwardSlice> slices;
    if (cleared) {
        result.outcome = ReverseAuctionOutcome::Cleared;
        result.clearingPrice = price;
        QList<const ClockEntrant *> winners;
        for (const ClockEntrant &e : std::as_const(entrants)) {
            if (e.dropOutPrice <= price)
                winners.append(&e);
        }
        std::sort(winners.begin(), winners.end(), [](const ClockEntrant *a, const ClockEntrant *b) {
            if (a->reliabilityPpm != b->reliabilityPpm)
                return a->reliabilityPpm > b->reliabilityPpm;
            if (a->bond != b->bond)
                return a->bond > b->bond;
            return a->nodeId < b->nodeId;
        });
        qint64 remaining = spec.sizeTb;
        for (const ClockEntrant *w : std::as_const(winners)) {
            if (remaining == 0)
                break;
            const qint64 take = std::min(w->capacityTb, remaining);
            remaining -= take;
            slices.append({w->nodeId, w->clusterId, w->provider, take, price, Amount()});
        }
    }
    auto settlement = settleAuction(spec.sp, lock, spec.marginPpm, spec.months, std::move(slices), bonds, kPrefix);
    if (!settlement)
        return settlement.error();
    result.settlement = std::move(*settlement);
    return result;
}

} // namespace icn
