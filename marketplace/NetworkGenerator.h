#pragma once

#include "NetworkTypes.h"

#include <QList>
#include <QString>

namespace icn {

// How large and how varied a generated network is. Every figure is deterministic in `seed`:
// the same options give the same snapshot, byte for byte, on every machine and standard library.
struct GeneratorOptions
{
    quint64 seed = 1;
    int regions = 4;
    int zonesPerRegion = 3;
    int clustersPerZone = 3;
    int nodesPerCluster = 10;     // at most params.maxHnsPerCluster
    int nodesPerProvider = 5;     // average HNs per HP (an HP owns a run of 1..2× this many)
    int serviceProviders = 10;    // funded SP accounts "SP 001", …
    Amount spBalance = Amount::fromIcnt(100'000);
    Amount providerBalance = Amount::fromIcnt(1'000); // liquid ICNT of each HP (collateral top-ups)
    Month currentMonth = Month::fromYearMonth(2026, 11);
    QString name = QStringLiteral("Generated ICN network");
    ProtocolParams params;

    // 100,000 HNs: 10 regions, 200 zones, 2,000 clusters of 50 HNs, 5,000 HPs, 1,000 funded SPs.
    static GeneratorOptions large(quint64 seed = 1);
};

// A zone with explicit cluster sizes, for hand-shaped networks such as the demo network.
struct ZoneLayout
{
    QString code; // "FRA": zone id is "<region>-<code>", clusters "<code>-1", "<code>-2", …
    QString name; // "Frankfurt"
    QList<int> clusterSizes; // HNs per cluster
};

struct RegionLayout
{
    QString id;   // "EUW"
    QString name; // "Europe West"
    QList<ZoneLayout> zones;
};

// Builds realistic, valid network snapshots (PROTOCOL.md §2, §6): prices of 2–4 ICNT per TB-month
// in whole cents, reservation price ≤ the cluster's max price, capacities in whole TB, collateral
// 30–80 % of 6 × max price × capacity, commitments of 36–60 months from registration, HPs owning
// runs of several HNs, funded SP accounts, and a non-negative genesis pool (conservation).
class NetworkGenerator
{
public:
    static NetworkSnapshot generate(const GeneratorOptions &options);
    // Same figures, but on the given regions/zones/cluster sizes (options' counts are ignored).
    static NetworkSnapshot generate(const GeneratorOptions &options, const QList<RegionLayout> &layout);

    // The layout `generate(options)` uses: real region and city names first, then synthetic ones.
    static QList<RegionLayout> layoutFor(const GeneratorOptions &options);

    // The implicit genesis pool: total supply − reserve − balances − collateral (may be negative
    // for an invalid snapshot; callers check).
    static Result<Amount> genesisPool(const NetworkSnapshot &snapshot);
};

} // namespace icn
