#include "Assignment.h"

namespace icn {

qint64 Assignment::freeTb(quint32 node, Month start, qint32 months) const
{
    const quint32 used = m_book.maxAllocated(node, start, months);
    const quint32 cap = m_net.hot[node].capacityTb;
    return used >= cap ? 0 : static_cast<qint64>(cap - used);
}

bool Assignment::fillCluster(quint32 cluster, qint64 sizeTb, Month start, qint32 months, Fill &out) const
{
    out.cluster = cluster;
    out.filledTb = 0;
    out.hpCostUnits = 0;
    out.overflow = false;
    out.freeLeftTb = -1;
    out.slices.clear();
    qint64 remaining = sizeTb;
    for (quint32 n : m_net.clusters[cluster].ranked) {
        if (!eligible(n, start, months))
            continue;
        const qint64 free = freeTb(n, start, months);
        if (free <= 0)
            continue;
        const qint64 take = qMin(free, remaining);
        Int128 cost = 0;
        if (__builtin_mul_overflow(m_net.priceUnits[n], static_cast<Int128>(take) * months, &cost)
            || __builtin_add_overflow(out.hpCostUnits, cost, &out.hpCostUnits))
            out.overflow = true;
        out.slices.append(SliceDraft{n, static_cast<quint32>(take)});
        out.filledTb += take;
        remaining -= take;
        if (remaining == 0)
            return true;
    }
    return false;
}

qint64 Assignment::eligibleFreeTb(quint32 cluster, Month start, qint32 months) const
{
    qint64 total = 0;
    for (quint32 n : m_net.clusters[cluster].nodes)
        if (eligible(n, start, months))
            total += freeTb(n, start, months);
    return total;
}

// Lower total cost first; ties: more free capacity left after the booking, then zone id, then
// cluster id (index order is id order). Free capacity is computed only when costs tie.
bool Assignment::better(Fill &candidate, Fill &best, Month start, qint32 months) const
{
    if (candidate.hpCostUnits != best.hpCostUnits)
        return candidate.hpCostUnits < best.hpCostUnits;
    if (best.freeLeftTb < 0)
        best.freeLeftTb = eligibleFreeTb(best.cluster, start, months) - best.filledTb;
    candidate.freeLeftTb = eligibleFreeTb(candidate.cluster, start, months) - candidate.filledTb;
    if (candidate.freeLeftTb != best.freeLeftTb)
        return candidate.freeLeftTb > best.freeLeftTb;
    const quint32 zc = m_net.clusters[candidate.cluster].zone;
    const quint32 zb = m_net.clusters[best.cluster].zone;
    if (zc != zb)
        return zc < zb;
    return candidate.cluster < best.cluster;
}

bool Assignment::assign(const ScopeRef &scope, qint64 sizeTb, Month start, qint32 months, Fill &best,
                        qint64 &availableTb) const
{
    availableTb = 0;
    if (scope.kind == ScopeKind::Cluster) {
        const bool ok = fillCluster(scope.index, sizeTb, start, months, best);
        availableTb = best.filledTb;
        return ok;
    }
    const std::vector<quint32> &order = scope.kind == ScopeKind::Zone ? m_net.zones[scope.index].byMinPrice
                                                                      : m_net.regions[scope.index].byMinPrice;
    bool found = false;
    Fill candidate;
    for (quint32 c : order) {
        // Clusters come by their cheapest HN price: size × D × that price bounds their cost from below,
        // so once the bound exceeds the best cost no later cluster can win (branch and bound).
        if (found) {
            Int128 bound = 0;
            if (!__builtin_mul_overflow(m_net.clusters[c].minPrice, static_cast<Int128>(sizeTb) * months, &bound)
                && bound > best.hpCostUnits)
                break;
        }
        if (!fillCluster(c, sizeTb, start, months, candidate)) {
            availableTb = qMax(availableTb, candidate.filledTb);
            continue;
        }
        availableTb = qMax(availableTb, candidate.filledTb);
        if (!found || better(candidate, best, start, months)) {
            std::swap(best, candidate);
            found = true;
        }
    }
    return found;
}

} // namespace icn
