#include "EngineAuctionFacts.h"

#include "Assignment.h"

#include <algorithm>

namespace icn {

AuctionNodeFacts EngineAuctionFacts::factsOf(quint32 index, const MonthRange &range) const
{
    const NodeRec &n = m_net.nodes[index];
    const ClusterRec &cluster = m_net.clusters[n.cluster];
    const ZoneRec &zone = m_net.zones[cluster.zone];
    AuctionNodeFacts f;
    f.nodeId = n.id;
    f.clusterId = cluster.id;
    f.zoneId = zone.id;
    f.regionId = m_net.regions[zone.region].id;
    f.provider = n.provider;
    f.reliabilityPpm = n.reliabilityPpm;
    f.reservationPrice = n.price;
    // A range outside the capacity window (or not after the current month) cannot be booked.
    // (Bounds first, so that no month arithmetic can overflow on a hostile range.)
    const bool bookable = range.months > 0 && range.months <= NetworkState::kMaxNodeMonths && range.first > m_current
                          && range.first.monthsSince(m_current) <= NetworkState::kMaxNodeMonths
                          && m_book.covers(range.first, range.months);
    if (bookable) {
        const Assignment assignment(m_net, m_book, m_current);
        f.eligible = assignment.eligible(index, range.first, range.months);
        f.freeTb = assignment.freeTb(index, range.first, range.months);
    }
    return f;
}

std::optional<AuctionNodeFacts> EngineAuctionFacts::node(const QString &nodeId, const MonthRange &range) const
{
    const auto it = m_net.nodeIndex.constFind(nodeId);
    if (it == m_net.nodeIndex.constEnd())
        return std::nullopt;
    return factsOf(it.value(), range);
}

QList<AuctionNodeFacts> EngineAuctionFacts::nodesInScope(const QString &scopeId, const MonthRange &range) const
{
    QList<AuctionNodeFacts> out;
    const ScopeRef *scope = m_net.findScope(scopeId);
    if (!scope)
        return out;
    std::vector<quint32> clusters;
    switch (scope->kind) {
    case ScopeKind::Cluster:
        clusters.push_back(scope->index);
        break;
    case ScopeKind::Zone:
        clusters = m_net.zones[scope->index].clusters;
        break;
    case ScopeKind::Region:
        clusters = m_net.regions[scope->index].clusters;
        break;
    }
    std::sort(clusters.begin(), clusters.end());
    for (quint32 c : clusters)
        for (quint32 n : m_net.clusters[c].nodes)
            out.append(factsOf(n, range));
    return out;
}

} // namespace icn
