#pragma once

#include "BookingTypes.h"
#include "NetworkTypes.h"
#include "Result.h"

#include <QHash>
#include <QString>

#include <vector>

namespace icn {

// The engine's working copy of the network: dense integer indexes, string ids only at the edges.
// Built from, and validated against, a NetworkSnapshot; there index order = id order. HNs
// registered later (§6) are appended, so existing indexes never change: anything that breaks ties
// between HNs compares ids, not indexes.
struct NodeRec
{
    QString id;
    quint32 cluster = 0;
    Address provider;
    quint32 providerAccount = 0; // ledger index, set by the engine
    quint32 capacityTb = 0;
    Amount price; // Reservation_Price = its Cluster_Price (never above the cluster cap)
    Amount collateral;
    Amount requiredCollateral; // collateralMonths × Max_Cluster_Price × capacity
    Amount jailThreshold;      // requiredCollateral × jailCollateralPpm / 10^6 (truncated)
    Month registeredMonth;
    Month commitmentEnd;
    qint32 maxDurationMonths = 6;
    qint32 maxLeadMonths = 6;
    NodeStatus status = NodeStatus::Active;
    qint32 reliabilityPpm = 900'000;
};

// What the assignment loop reads per HN, packed in 16 bytes.
struct NodeHot
{
    qint32 commitmentEnd = 0; // Month index
    quint32 capacityTb = 0;
    quint16 maxDuration = 0;
    quint16 maxLead = 0;
    quint8 servable = 0; // Active, not jailed, collateral at or above the jail threshold
};

struct ClusterRec
{
    QString id;
    QString name;
    QString hardwareClass;
    quint32 zone = 0;
    Amount maxPrice;
    SlaTargets slaTargets;
    std::vector<quint32> nodes;  // by id
    std::vector<quint32> ranked; // §4 ranking order
    Int128 minPrice = 0;         // lowest reservation price of its HNs: a lower bound of its unit cost
    qint32 maxDuration = 0;      // longest maxDuration / maxLead of its HNs (the scope's limits)
    qint32 maxLead = 0;
};

struct ZoneRec
{
    QString id;
    QString name;
    quint32 region = 0;
    std::vector<quint32> clusters;  // by id
    std::vector<quint32> byMinPrice; // clusters by minPrice, then id
    qint32 maxDuration = 0;
    qint32 maxLead = 0;
};

struct RegionRec
{
    QString id;
    QString name;
    std::vector<quint32> zones;
    std::vector<quint32> clusters;   // all clusters of the region, by id
    std::vector<quint32> byMinPrice; // all clusters of the region by minPrice, then id
    qint64 marginPpm = 0;
    qint32 maxDuration = 0;
    qint32 maxLead = 0;
};

struct ScopeRef
{
    ScopeKind kind = ScopeKind::Cluster;
    quint32 index = 0;
};

class NetworkState
{
public:
    // Longest maxLead + maxDuration an HN may declare (mirror rule: bounds the capacity window).
    static constexpr qint32 kMaxNodeMonths = 120;
    static constexpr quint32 kMaxNodeCapacityTb = 1'000'000'000;
    static constexpr qsizetype kMaxIdLength = 64; // so every applicable booking's scope fits the codec's limit

    static Result<NetworkState> build(const NetworkSnapshot &snapshot);

    std::vector<RegionRec> regions;
    std::vector<ZoneRec> zones;
    std::vector<ClusterRec> clusters;
    std::vector<NodeRec> nodes;
    std::vector<NodeHot> hot;
    std::vector<Int128> priceUnits; // nodes[i].price in base units, next to `hot`
    QHash<QString, ScopeRef> scopes;
    QHash<QString, quint32> nodeIndex;
    qint64 jailCollateralPpm = 0;
    qint32 longestNodeWindow = 0; // max over HNs of maxLead + maxDuration

    const ScopeRef *findScope(const QString &id) const
    {
        const auto it = scopes.constFind(id);
        return it == scopes.constEnd() ? nullptr : &it.value();
    }
    // §4 ranking: price asc, commitment end desc, reliability desc, HN id asc.
    bool outranks(quint32 a, quint32 b) const;
    // Recomputes the hot record, the cluster ranking and the min-price orders after an HN changed.
    void refreshNode(quint32 node);
    void rerankCluster(quint32 cluster);
    void resortMinPrice(quint32 zone);
    // §6 hardware nodes: appends a registered HN (its id new, its cluster valid) as index
    // nodes.size(), keeping its cluster's node list in id order and every ranking current.
    quint32 appendNode(NodeRec rec);

    // Clusters serving a scope (by min price for zones and regions).
    const std::vector<quint32> &clustersOf(const ScopeRef &scope, std::vector<quint32> &scratch) const;
    qint32 scopeMaxDuration(const ScopeRef &s) const;
    qint32 scopeMaxLead(const ScopeRef &s) const;
    QString regionIdOfCluster(quint32 c) const { return regions[zones[clusters[c].zone].region].id; }
    qint64 marginPpmOfCluster(quint32 c) const { return regions[zones[clusters[c].zone].region].marginPpm; }

    NodeHot makeHot(const NodeRec &node) const;
};

} // namespace icn
