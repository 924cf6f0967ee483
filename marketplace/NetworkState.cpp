#include "NetworkState.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>

namespace icn {

namespace {

Error genesisError(const QString &code, const QString &field, const QString &message)
{
    return Error::make(QStringLiteral("genesis.") + code, message, field);
}

QString tr(const char *text)
{
    return QCoreApplication::translate("Engine", text);
}

template <typename T>
std::vector<T> sortedById(const QList<T> &in)
{
    std::vector<T> out(in.begin(), in.end());
    std::stable_sort(out.begin(), out.end(), [](const T &a, const T &b) { return a.id < b.id; });
    return out;
}

} // namespace

Result<NetworkState> NetworkState::build(const NetworkSnapshot &snap)
{
    const ProtocolParams &p = snap.params;
    NetworkState s;
    s.jailCollateralPpm = p.jailCollateralPpm;

    if (p.minBookingMonths < 1 || p.minHnMaxDurationMonths < 1 || p.minHnMaxLeadMonths < 1 || p.maxHnsPerCluster < 1
        || p.defaultMarginPpm < 0 || p.defaultMarginPpm > Amount::kPpm || p.jailCollateralPpm < 0
        || p.collateralMonths < 0 || p.totalSupply.isNegative() || p.rewardsReserve.isNegative())
        return genesisError(QStringLiteral("bad_params"), QStringLiteral("params"), tr("A protocol parameter is out of range."));
    for (auto it = p.regionMarginPpm.cbegin(); it != p.regionMarginPpm.cend(); ++it)
        if (it.value() < 0 || it.value() > Amount::kPpm)
            return genesisError(QStringLiteral("bad_params"), QStringLiteral("params.regionMarginPpm"),
                                tr("The margin of region %1 is out of range.").arg(it.key()));

    const auto claim = [&s](const QString &id, ScopeKind kind, quint32 index) {
        if (id.isEmpty() || s.scopes.contains(id))
            return false;
        s.scopes.insert(id, ScopeRef{kind, index});
        return true;
    };
    const auto duplicate = [](const QString &kind, const QString &id) {
        return genesisError(QStringLiteral("duplicate_id"), kind,
                            tr("The id \"%1\" is empty or used twice (ids are unique across regions, zones and clusters).").arg(id));
    };

    const auto tooLong = [](const QString &id) { return id.size() > kMaxIdLength; };
    for (const auto &ids : {std::ranges::any_of(snap.regions, [&](const Region &r) { return tooLong(r.id); }),
                            std::ranges::any_of(snap.zones, [&](const Zone &z) { return tooLong(z.id); }),
                            std::ranges::any_of(snap.clusters, [&](const Cluster &c) { return tooLong(c.id); }),
                            std::ranges::any_of(snap.nodes, [&](const HardwareNode &n) { return tooLong(n.id); })})
        if (ids)
            return genesisError(QStringLiteral("bad_id"), QStringLiteral("id"),
                                tr("Ids are at most %1 characters long.").arg(kMaxIdLength));

    QHash<QString, quint32> regionIx, zoneIx, clusterIx;
    for (const Region &r : sortedById(snap.regions)) {
        const auto ix = static_cast<quint32>(s.regions.size());
        if (!claim(r.id, ScopeKind::Region, ix))
            return duplicate(QStringLiteral("regions"), r.id);
        regionIx.insert(r.id, ix);
        s.regions.push_back(RegionRec{r.id, r.name, {}, {}, {}, p.marginPpmFor(r.id)});
    }
    for (const Zone &z : sortedById(snap.zones)) {
        const auto ix = static_cast<quint32>(s.zones.size());
        if (!claim(z.id, ScopeKind::Zone, ix))
            return duplicate(QStringLiteral("zones"), z.id);
        if (!regionIx.contains(z.regionId))
            return genesisError(QStringLiteral("unknown_parent"), QStringLiteral("zones"),
                                tr("Zone %1 names an unknown region %2.").arg(z.id, z.regionId));
        zoneIx.insert(z.id, ix);
        s.zones.push_back(ZoneRec{z.id, z.name, regionIx.value(z.regionId), {}, {}});
        s.regions[s.zones.back().region].zones.push_back(ix);
    }
    for (const Cluster &c : sortedById(snap.clusters)) {
        const auto ix = static_cast<quint32>(s.clusters.size());
        if (!claim(c.id, ScopeKind::Cluster, ix))
            return duplicate(QStringLiteral("clusters"), c.id);
        if (!zoneIx.contains(c.zoneId))
            return genesisError(QStringLiteral("unknown_parent"), QStringLiteral("clusters"),
                                tr("Cluster %1 names an unknown zone %2.").arg(c.id, c.zoneId));
        if (c.maxClusterPrice <= Amount())
            return genesisError(QStringLiteral("bad_price"), QStringLiteral("clusters.maxClusterPrice"),
                                tr("Cluster %1 needs a positive Max_Cluster_Price.").arg(c.id));
        clusterIx.insert(c.id, ix);
        ClusterRec rec;
        rec.id = c.id;
        rec.name = c.name;
        rec.hardwareClass = c.hardwareClass;
        rec.zone = zoneIx.value(c.zoneId);
        rec.maxPrice = c.maxClusterPrice;
        rec.slaTargets = c.slaTargets;
        s.clusters.push_back(std::move(rec));
        s.zones[s.clusters.back().zone].clusters.push_back(ix);
        s.regions[s.zones[s.clusters.back().zone].region].clusters.push_back(ix);
    }

    for (const HardwareNode &n : sortedById(snap.nodes)) {
        const auto ix = static_cast<quint32>(s.nodes.size());
        const auto bad = [&n](const QString &field, const QString &why) {
            return genesisError(QStringLiteral("bad_node"), QStringLiteral("nodes.") + field,
                                tr("Node %1: %2").arg(n.id, why));
        };
        if (n.id.isEmpty() || s.nodeIndex.contains(n.id))
            return duplicate(QStringLiteral("nodes"), n.id);
        if (!clusterIx.contains(n.clusterId))
            return genesisError(QStringLiteral("unknown_parent"), QStringLiteral("nodes"),
                                tr("Node %1 names an unknown cluster %2.").arg(n.id, n.clusterId));
        ClusterRec &cluster = s.clusters[clusterIx.value(n.clusterId)];
        if (n.provider.isNull())
            return bad(QStringLiteral("provider"), tr("it has no provider account."));
        if (n.capacityTb <= 0 || n.capacityTb > kMaxNodeCapacityTb)
            return bad(QStringLiteral("capacityTb"), tr("capacity must be between 1 and %1 TB.").arg(kMaxNodeCapacityTb));
        if (n.reservationPrice <= Amount() || n.reservationPrice > cluster.maxPrice)
            return bad(QStringLiteral("reservationPrice"), tr("the reservation price must be above 0 and at most the cluster's maximum."));
        if (n.collateral.isNegative())
            return bad(QStringLiteral("collateral"), tr("collateral cannot be negative."));
        if (n.maxDurationMonths < p.minHnMaxDurationMonths || n.maxLeadMonths < p.minHnMaxLeadMonths
            || n.maxDurationMonths + n.maxLeadMonths > kMaxNodeMonths)
            return bad(QStringLiteral("maxDurationMonths"),
                       tr("maximum duration and lead must be at least %1 and %2 months, together at most %3.")
                           .arg(p.minHnMaxDurationMonths).arg(p.minHnMaxLeadMonths).arg(kMaxNodeMonths));
        if (n.commitmentEnd < n.registeredMonth)
            return bad(QStringLiteral("commitmentEnd"), tr("the commitment ends before registration."));
        if (n.reliabilityPpm < 0 || n.reliabilityPpm > Amount::kPpm)
            return bad(QStringLiteral("reliabilityPpm"), tr("reliability must be between 0 and 1,000,000 ppm."));
        if (static_cast<qint32>(cluster.nodes.size()) >= p.maxHnsPerCluster)
            return genesisError(QStringLiteral("cluster_too_large"), QStringLiteral("nodes"),
                                tr("Cluster %1 holds more than %2 nodes.").arg(cluster.id).arg(p.maxHnsPerCluster));
        auto required = cluster.maxPrice.mul(static_cast<Int128>(p.collateralMonths) * n.capacityTb);
        const auto threshold = required ? required->mulPpm(p.jailCollateralPpm) : Result<Amount>(required.error());
        if (!threshold || n.collateral > p.totalSupply)
            return bad(QStringLiteral("collateral"), tr("the collateral or its requirement is beyond the total supply."));

        NodeRec rec;
        rec.id = n.id;
        rec.cluster = clusterIx.value(n.clusterId);
        rec.provider = n.provider;
        rec.capacityTb = static_cast<quint32>(n.capacityTb);
        rec.price = n.reservationPrice;
        rec.collateral = n.collateral;
        rec.requiredCollateral = *required;
        rec.jailThreshold = *threshold;
        rec.registeredMonth = n.registeredMonth;
        rec.commitmentEnd = n.commitmentEnd;
        rec.maxDurationMonths = n.maxDurationMonths;
        rec.maxLeadMonths = n.maxLeadMonths;
        rec.status = n.status;
        rec.reliabilityPpm = n.reliabilityPpm;
        cluster.nodes.push_back(ix);
        s.nodeIndex.insert(n.id, ix);
        s.longestNodeWindow = qMax(s.longestNodeWindow, n.maxDurationMonths + n.maxLeadMonths);
        s.nodes.push_back(std::move(rec));
    }
    s.hot.resize(s.nodes.size());
    s.priceUnits.resize(s.nodes.size());
    for (quint32 i = 0; i < s.nodes.size(); ++i) {
        s.hot[i] = s.makeHot(s.nodes[i]);
        s.priceUnits[i] = s.nodes[i].price.baseUnits();
    }
    for (quint32 c = 0; c < s.clusters.size(); ++c)
        s.rerankCluster(c);
    for (quint32 z = 0; z < s.zones.size(); ++z)
        s.resortMinPrice(z);
    return s;
}

NodeHot NetworkState::makeHot(const NodeRec &n) const
{
    NodeHot h;
    h.commitmentEnd = n.commitmentEnd.index();
    h.capacityTb = n.capacityTb;
    h.maxDuration = static_cast<quint16>(n.maxDurationMonths);
    h.maxLead = static_cast<quint16>(n.maxLeadMonths);
    // §6: an HN whose collateral is below the jail threshold is not eligible for new bookings.
    const bool collateralOk = n.collateral >= n.jailThreshold;
    h.servable = (n.status == NodeStatus::Active && collateralOk) ? 1 : 0;
    return h;
}

bool NetworkState::outranks(quint32 a, quint32 b) const
{
    if (priceUnits[a] != priceUnits[b])
        return priceUnits[a] < priceUnits[b];
    if (nodes[a].commitmentEnd != nodes[b].commitmentEnd)
        return nodes[a].commitmentEnd > nodes[b].commitmentEnd;
    if (nodes[a].reliabilityPpm != nodes[b].reliabilityPpm)
        return nodes[a].reliabilityPpm > nodes[b].reliabilityPpm;
    return a != b && nodes[a].id < nodes[b].id; // HN id, not index: registered HNs are appended
}

quint32 NetworkState::appendNode(NodeRec rec)
{
    const auto ix = static_cast<quint32>(nodes.size());
    std::vector<quint32> &members = clusters[rec.cluster].nodes;
    const auto at = std::lower_bound(members.begin(), members.end(), rec.id,
                                     [this](quint32 n, const QString &id) { return nodes[n].id < id; });
    members.insert(at, ix);
    nodeIndex.insert(rec.id, ix);
    longestNodeWindow = qMax(longestNodeWindow, rec.maxDurationMonths + rec.maxLeadMonths);
    nodes.push_back(std::move(rec));
    hot.push_back(makeHot(nodes.back()));
    priceUnits.push_back(nodes.back().price.baseUnits());
    refreshNode(ix);
    return ix;
}

void NetworkState::refreshNode(quint32 node)
{
    hot[node] = makeHot(nodes[node]);
    priceUnits[node] = nodes[node].price.baseUnits();
    rerankCluster(nodes[node].cluster);
    resortMinPrice(clusters[nodes[node].cluster].zone);
}

void NetworkState::rerankCluster(quint32 c)
{
    ClusterRec &cluster = clusters[c];
    cluster.ranked = cluster.nodes;
    std::sort(cluster.ranked.begin(), cluster.ranked.end(), [this](quint32 a, quint32 b) { return outranks(a, b); });
    cluster.minPrice = std::numeric_limits<Int128>::max();
    cluster.maxDuration = cluster.maxLead = 0;
    for (quint32 n : cluster.nodes) {
        cluster.minPrice = qMin(cluster.minPrice, priceUnits[n]);
        cluster.maxDuration = qMax(cluster.maxDuration, nodes[n].maxDurationMonths);
        cluster.maxLead = qMax(cluster.maxLead, nodes[n].maxLeadMonths);
    }
}

void NetworkState::resortMinPrice(quint32 z)
{
    const auto byMin = [this](quint32 a, quint32 b) {
        return clusters[a].minPrice != clusters[b].minPrice ? clusters[a].minPrice < clusters[b].minPrice : a < b;
    };
    ZoneRec &zone = zones[z];
    zone.byMinPrice = zone.clusters;
    std::sort(zone.byMinPrice.begin(), zone.byMinPrice.end(), byMin);
    RegionRec &region = regions[zone.region];
    region.byMinPrice = region.clusters;
    std::sort(region.byMinPrice.begin(), region.byMinPrice.end(), byMin);

    zone.maxDuration = zone.maxLead = 0;
    for (quint32 c : zone.clusters) {
        zone.maxDuration = qMax(zone.maxDuration, clusters[c].maxDuration);
        zone.maxLead = qMax(zone.maxLead, clusters[c].maxLead);
    }
    region.maxDuration = region.maxLead = 0;
    for (quint32 other : region.zones) {
        region.maxDuration = qMax(region.maxDuration, zones[other].maxDuration);
        region.maxLead = qMax(region.maxLead, zones[other].maxLead);
    }
}

qint32 NetworkState::scopeMaxDuration(const ScopeRef &s) const
{
    switch (s.kind) {
    case ScopeKind::Cluster:
        return clusters[s.index].maxDuration;
    case ScopeKind::Zone:
        return zones[s.index].maxDuration;
    case ScopeKind::Region:
        break;
    }
    return regions[s.index].maxDuration;
}

qint32 NetworkState::scopeMaxLead(const ScopeRef &s) const
{
    switch (s.kind) {
    case ScopeKind::Cluster:
        return clusters[s.index].maxLead;
    case ScopeKind::Zone:
        return zones[s.index].maxLead;
    case ScopeKind::Region:
        break;
    }
    return regions[s.index].maxLead;
}

const std::vector<quint32> &NetworkState::clustersOf(const ScopeRef &scope, std::vector<quint32> &scratch) const
{
    switch (scope.kind) {
    case ScopeKind::Cluster:
        scratch.assign(1, scope.index);
        return scratch;
    case ScopeKind::Zone:
        return zones[scope.index].byMinPrice;
    case ScopeKind::Region:
        break;
    }
    return regions[scope.index].byMinPrice;
}

} // namespace icn
