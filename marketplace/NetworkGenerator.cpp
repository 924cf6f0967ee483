#include "NetworkGenerator.h"

#include <array>
#include <limits>
#include <random>

namespace icn {

namespace {

// std::mt19937_64's output sequence is fixed by the standard; the std:: distributions are not,
// so every draw below goes through these two functions.
class Prng
{
public:
    explicit Prng(quint64 seed) : m_engine(seed) {}

    // Uniform integer in [lo, hi], by rejection (no modulo bias).
    qint64 uniform(qint64 lo, qint64 hi)
    {
        Q_ASSERT(lo <= hi);
        const quint64 span = static_cast<quint64>(hi - lo) + 1;
        if (span == 0) // the whole 64-bit range
            return static_cast<qint64>(m_engine());
        const quint64 limit = std::numeric_limits<quint64>::max() - (std::numeric_limits<quint64>::max() % span);
        quint64 x = 0;
        do {
            x = m_engine();
        } while (x >= limit);
        return lo + static_cast<qint64>(x % span);
    }

    QByteArray bytes(int count)
    {
        QByteArray out;
        out.reserve(count);
        while (out.size() < count) {
            quint64 x = m_engine();
            for (int i = 0; i < 8 && out.size() < count; ++i, x >>= 8)
                out.append(static_cast<char>(x & 0xff));
        }
        return out;
    }

private:
    std::mt19937_64 m_engine;
};

struct City
{
    const char *code;
    const char *name;
};

struct RegionName
{
    const char *id;
    const char *name;
    std::array<City, 5> cities; // empty codes are unused slots
};

// Real regions and data-centre cities; generated layouts take them in order.
const std::array<RegionName, 10> kRegions = {{
    {"EUW", "Europe West", {{{"FRA", "Frankfurt"}, {"AMS", "Amsterdam"}, {"PAR", "Paris"}, {"LON", "London"}, {"DUB", "Dublin"}}}},
    {"USE", "US East", {{{"ASH", "Ashburn"}, {"NYC", "New York"}, {"ATL", "Atlanta"}, {"MIA", "Miami"}, {"CHI", "Chicago"}}}},
    {"APS", "Asia Pacific", {{{"SIN", "Singapore"}, {"TYO", "Tokyo"}, {"SYD", "Sydney"}, {"HKG", "Hong Kong"}, {"SEL", "Seoul"}}}},
    {"USW", "US West", {{{"LAX", "Los Angeles"}, {"SEA", "Seattle"}, {"SJC", "San Jose"}, {"PHX", "Phoenix"}, {"DFW", "Dallas"}}}},
    {"EUC", "Europe Central", {{{"WAW", "Warsaw"}, {"VIE", "Vienna"}, {"PRG", "Prague"}, {"ZRH", "Zurich"}, {"MUC", "Munich"}}}},
    {"EUN", "Europe North", {{{"STO", "Stockholm"}, {"HEL", "Helsinki"}, {"OSL", "Oslo"}, {"CPH", "Copenhagen"}, {"", ""}}}},
    {"SAM", "South America", {{{"GRU", "Sao Paulo"}, {"SCL", "Santiago"}, {"BOG", "Bogota"}, {"EZE", "Buenos Aires"}, {"", ""}}}},
    {"MEA", "Middle East", {{{"DXB", "Dubai"}, {"TLV", "Tel Aviv"}, {"DOH", "Doha"}, {"RUH", "Riyadh"}, {"", ""}}}},
    {"AFR", "Africa", {{{"JNB", "Johannesburg"}, {"CPT", "Cape Town"}, {"NBO", "Nairobi"}, {"LOS", "Lagos"}, {"", ""}}}},
    {"IND", "India", {{{"BOM", "Mumbai"}, {"MAA", "Chennai"}, {"DEL", "Delhi"}, {"BLR", "Bangalore"}, {"", ""}}}},
}};

const std::array<const char *, 20> kProviderWords = {
    "Atlas", "Borealis", "Cobalt", "Delta", "Ember", "Fjord", "Granite", "Helix", "Iris", "Juniper",
    "Krypton", "Lumen", "Meridian", "Nimbus", "Orion", "Polar", "Quartz", "Rhine", "Sierra", "Titan"};
const std::array<const char *, 6> kProviderKinds = {"Storage", "Data", "Cloud", "Systems", "Hosting", "Infra"};

QString providerName(int index)
{
    const int words = int(kProviderWords.size() * kProviderKinds.size());
    QString name = QStringLiteral("%1 %2").arg(QLatin1String(kProviderWords[index % kProviderWords.size()]),
                                                QLatin1String(kProviderKinds[(index / kProviderWords.size()) % kProviderKinds.size()]));
    if (index >= words)
        name += QStringLiteral(" %1").arg(index / words + 1);
    return name;
}

Amount cents(qint64 c)
{
    return Amount::fromBaseUnits(static_cast<Int128>(c) * (Amount::kUnitsPerIcnt / 100));
}

Address randomAddress(Prng &prng)
{
    auto address = Address::fromBytes(prng.bytes(20));
    Q_ASSERT(address.ok());
    return *address;
}

QString twoDigits(int n, int width)
{
    return QStringLiteral("%1").arg(n, width, 10, QLatin1Char('0'));
}

} // namespace

GeneratorOptions GeneratorOptions::large(quint64 seed)
{
    GeneratorOptions o;
    o.seed = seed;
    o.regions = 10;
    o.zonesPerRegion = 20;
    o.clustersPerZone = 10;
    o.nodesPerCluster = 50;
    o.nodesPerProvider = 20;
    o.serviceProviders = 1000;
    o.name = QStringLiteral("Generated ICN network (100,000 HNs)");
    return o;
}

QList<RegionLayout> NetworkGenerator::layoutFor(const GeneratorOptions &options)
{
    QList<RegionLayout> layout;
    for (int r = 0; r < options.regions; ++r) {
        RegionLayout region;
        if (r < int(kRegions.size())) {
            region.id = QLatin1String(kRegions[r].id);
            region.name = QLatin1String(kRegions[r].name);
        } else {
            region.id = QStringLiteral("R%1").arg(twoDigits(r + 1, 2));
            region.name = QStringLiteral("Region %1").arg(r + 1);
        }
        for (int z = 0; z < options.zonesPerRegion; ++z) {
            ZoneLayout zone;
            if (r < int(kRegions.size()) && z < int(kRegions[r].cities.size()) && *kRegions[r].cities[z].code) {
                zone.code = QLatin1String(kRegions[r].cities[z].code);
                zone.name = QLatin1String(kRegions[r].cities[z].name);
            } else {
                zone.code = region.id + twoDigits(z + 1, 2);
                zone.name = QStringLiteral("%1 zone %2").arg(region.name).arg(z + 1);
            }
            for (int c = 0; c < options.clustersPerZone; ++c)
                zone.clusterSizes.append(options.nodesPerCluster);
            region.zones.append(zone);
        }
        layout.append(region);
    }
    return layout;
}

NetworkSnapshot NetworkGenerator::generate(const GeneratorOptions &options)
{
    return generate(options, layoutFor(options));
}

NetworkSnapshot NetworkGenerator::generate(const GeneratorOptions &options, const QList<RegionLayout> &layout)
{
    Prng prng(options.seed);
    const ProtocolParams &params = options.params;

    NetworkSnapshot s;
    s.name = options.name;
    s.params = params;
    s.currentMonth = options.currentMonth;
    s.currentEpoch = 0;

    // Service providers first, so their addresses do not move when the network's size changes.
    for (int i = 0; i < options.serviceProviders; ++i)
        s.accounts.append({randomAddress(prng), QStringLiteral("SP %1").arg(twoDigits(i + 1, 3)), options.spBalance});

    const QStringList classes = {QStringLiteral("hdd-standard"), QStringLiteral("hdd-standard"),
                                 QStringLiteral("hdd-dense"), QStringLiteral("ssd-performance")};
    const int perProvider = qMax(1, options.nodesPerProvider);
    int providerRunLeft = 0;
    Address provider;

    for (const RegionLayout &rl : layout) {
        s.regions.append({rl.id, rl.name});
        for (const ZoneLayout &zl : rl.zones) {
            const QString zoneId = rl.id + QLatin1Char('-') + zl.code;
            s.zones.append({zoneId, rl.id, zl.name});
            for (int c = 0; c < zl.clusterSizes.size(); ++c) {
                Cluster cluster;
                cluster.id = QStringLiteral("%1-%2").arg(zl.code).arg(c + 1);
                cluster.zoneId = zoneId;
                cluster.name = QStringLiteral("%1 %2").arg(zl.name).arg(c + 1);
                cluster.hardwareClass = classes[prng.uniform(0, classes.size() - 1)];
                const qint64 maxCents = prng.uniform(280, 400);
                cluster.maxClusterPrice = cents(maxCents);
                cluster.slaTargets = params.defaultSlaTargets;
                s.clusters.append(cluster);

                const int nodes = zl.clusterSizes[c];
                const int width = nodes > 99 ? 3 : 2;
                for (int n = 0; n < nodes; ++n) {
                    if (providerRunLeft == 0) {
                        provider = randomAddress(prng);
                        const QString name = providerName(int(s.providers.size()));
                        s.providers.append({provider, name});
                        s.accounts.append({provider, name, options.providerBalance});
                        providerRunLeft = int(prng.uniform(1, 2 * perProvider - 1));
                    }
                    --providerRunLeft;

                    HardwareNode hn;
                    hn.id = QStringLiteral("%1-N%2").arg(cluster.id, twoDigits(n + 1, width));
                    hn.clusterId = cluster.id;
                    hn.provider = provider;
                    hn.capacityTb = 24 * prng.uniform(2, 16); // 48–384 TB
                    hn.reservationPrice = cents(prng.uniform(qMax<qint64>(200, maxCents * 70 / 100), maxCents));
                    const Amount required = *cluster.maxClusterPrice.mul(Int128(params.collateralMonths) * hn.capacityTb);
                    // Whole percents of a multiple of 0.06 ICNT: exact, and never below the 30 % floor.
                    const qint64 minPercent = (params.minRegistrationCollateralPpm + 9'999) / 10'000;
                    hn.collateral = *required.mulPpm(10'000 * prng.uniform(minPercent, qMax<qint64>(minPercent, 80)));
                    hn.registeredMonth = options.currentMonth.plus(-qint32(prng.uniform(0, 24)));
                    hn.commitmentEnd = hn.registeredMonth.plus(params.minCommitmentMonths
                                                               + params.commitmentStepMonths * qint32(prng.uniform(0, 4)));
                    static constexpr std::array<qint32, 5> durations = {6, 12, 12, 24, 36};
                    hn.maxDurationMonths = qMax(params.minHnMaxDurationMonths, durations[prng.uniform(0, 4)]);
                    hn.maxLeadMonths = prng.uniform(0, 4) == 0 ? 12 : params.defaultMaxLeadMonths;
                    hn.maxLeadMonths = qMax(params.minHnMaxLeadMonths, hn.maxLeadMonths);
                    hn.status = NodeStatus::Active;
                    s.nodes.append(hn);
                }
            }
        }
    }
    Q_ASSERT_X(genesisPool(s).ok() && !genesisPool(s)->isNegative(), "NetworkGenerator::generate",
               "the options fund more ICNT than the supply holds");
    return s;
}

Result<Amount> NetworkGenerator::genesisPool(const NetworkSnapshot &snapshot)
{
    auto pool = snapshot.params.totalSupply.sub(snapshot.params.rewardsReserve);
    for (const AccountEntry &a : snapshot.accounts) {
        if (!pool)
            break;
        pool = pool->sub(a.balance);
    }
    for (const HardwareNode &n : snapshot.nodes) {
        if (!pool)
            break;
        pool = pool->sub(n.collateral);
    }
    return pool;
}

} // namespace icn
