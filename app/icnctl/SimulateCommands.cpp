// `icnctl simulate`: a seeded market simulation on the local mirror (docs/simulator.md).
#include "Cli.h"
#include "MarketCli.h"

#include "Market.h"
#include "NetworkGenerator.h"
#include "SimulationRun.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>

#include <atomic>
#include <csignal>

namespace icn::cli {

namespace {

std::atomic_bool g_interrupted{false};

extern "C" void onInterrupt(int)
{
    g_interrupted.store(true);
}

// Ctrl-C asks the simulation to stop after the month it is in (whole epochs and months are
// persisted at a time), so the database is always consistent; a second Ctrl-C kills at once.
class InterruptGuard
{
public:
    InterruptGuard()
    {
        g_interrupted.store(false);
        struct sigaction action = {};
        action.sa_handler = onInterrupt;
        action.sa_flags = SA_RESETHAND; // the second Ctrl-C gets the default action
        sigemptyset(&action.sa_mask);
        sigaction(SIGINT, &action, &m_previous);
        sigaction(SIGTERM, &action, &m_previousTerm);
    }
    ~InterruptGuard()
    {
        sigaction(SIGINT, &m_previous, nullptr);
        sigaction(SIGTERM, &m_previousTerm, nullptr);
    }
    InterruptGuard(const InterruptGuard &) = delete;
    InterruptGuard &operator=(const InterruptGuard &) = delete;

private:
    struct sigaction m_previous = {};
    struct sigaction m_previousTerm = {};
};

Result<qint64> optionalInt(const Context &c, const QString &name, qint64 fallback, qint64 min, qint64 max)
{
    if (!c.args().has(name))
        return fallback;
    return c.requireInt(name, min, max);
}

// Options from the scenario file (if any), then from the command line, which wins.
Result<SimulationOptions> optionsFrom(const Context &c)
{
    SimulationOptions o;
    if (c.args().has(QStringLiteral("scenario"))) {
        QFile file(c.args().value(QStringLiteral("scenario")));
        if (!file.open(QIODevice::ReadOnly))
            return Error::make(QStringLiteral("simulate.scenario_unreadable"),
                               QStringLiteral("cannot read the scenario file %1: %2").arg(file.fileName(), file.errorString()),
                               QStringLiteral("scenario"));
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(file.read(4 * 1024 * 1024), &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject())
            return Error::make(QStringLiteral("simulate.bad_scenario"),
                               QStringLiteral("the scenario file is not a JSON object (%1 at byte %2)")
                                   .arg(parseError.errorString())
                                   .arg(parseError.offset),
                               QStringLiteral("scenario"));
        auto parsed = SimulationOptions::fromJson(doc.object(), o);
        if (!parsed)
            return parsed.error();
        o = *parsed;
    }
    if (c.args().has(QStringLiteral("seed"))) {
        auto seed = c.requireInt(QStringLiteral("seed"), 0);
        if (!seed)
            return seed.error();
        o.seed = static_cast<quint64>(*seed);
    }
    auto months = optionalInt(c, QStringLiteral("months"), o.months, 1, 1200);
    auto bookings = optionalInt(c, QStringLiteral("bookings-per-month"), o.bookingsPerMonth, 0, 1'000'000);
    auto oracles = optionalInt(c, QStringLiteral("oracles"), o.oracles, 1, 64);
    for (const auto *r : {&months, &bookings, &oracles})
        if (!*r)
            return r->error();
    o.months = static_cast<qint32>(*months);
    o.bookingsPerMonth = static_cast<qint32>(*bookings);
    o.oracles = static_cast<qint32>(*oracles);
    if (c.args().flags.contains(QStringLiteral("no-sla")))
        o.sla = false;
    if (auto ok = o.validate(); !ok)
        return ok.error();
    return o;
}

// --nodes/--clusters: a generated network of that size (clusters of at most 50 HNs).
Result<NetworkSnapshot> generatedNetwork(const Context &c, quint64 seed)
{
    auto nodes = optionalInt(c, QStringLiteral("nodes"), 1'000, 1, 1'000'000);
    if (!nodes)
        return nodes.error();
    auto clusters = optionalInt(c, QStringLiteral("clusters"), (*nodes + 19) / 20, 1, 100'000);
    if (!clusters)
        return clusters.error();
    const qint64 perCluster = (*nodes + *clusters - 1) / *clusters;
    if (perCluster > 50)
        return Error::make(QStringLiteral("simulate.bad_option"),
                           QStringLiteral("%1 HNs in %2 clusters is more than 50 HNs per cluster").arg(*nodes).arg(*clusters),
                           QStringLiteral("clusters"));
    GeneratorOptions g;
    g.seed = seed;
    g.regions = static_cast<int>(std::clamp<qint64>(*clusters / 30, 1, 10));
    g.zonesPerRegion = static_cast<int>(std::clamp<qint64>(*clusters / (g.regions * 3), 1, 20));
    g.clustersPerZone = static_cast<int>((*clusters + g.regions * g.zonesPerRegion - 1) / (g.regions * g.zonesPerRegion));
    g.nodesPerCluster = static_cast<int>(perCluster);
    g.name = QStringLiteral("Simulated ICN network (seed %1)").arg(seed);
    return NetworkGenerator::generate(g);
}

} // namespace

// Shared with `init --demo` (MarketCommands.cpp): runs a simulation on an open market, printing
// progress to stderr; returns the summary or the error that stopped it.
Result<SimulationSummary> runSimulation(Market &market, const SimulationOptions &options, bool quiet)
{
    InterruptGuard guard;
    QTextStream err(stderr);
    QElapsedTimer timer;
    timer.start();
    Simulator sim(
        market.engine(), options, [&market](const Transaction &tx) { return market.applyBuffered(tx); },
        [&market]() { return market.commitBuffered(); });
    auto summary = sim.run(
        [&](const SimulationProgress &p) {
            if (quiet)
                return;
            err << QStringLiteral("\rsimulating: %1 of %2 months done, now %3, %4 transactions, %5 s   ")
                       .arg(p.monthsDone)
                       .arg(p.months)
                       .arg(p.month.toString())
                       .arg(p.transactions)
                       .arg(timer.elapsed() / 1000);
            err.flush();
        },
        &g_interrupted);
    if (!quiet) {
        err << '\n';
        err.flush();
    }
    if (!summary) {
        (void)market.commitBuffered(); // keep what was whole; the error is reported by the caller
        return summary.error();
    }
    return summary;
}

namespace {

int simulate(Context &c)
{
    auto options = optionsFrom(c);
    if (!options)
        return c.fail(options.error());
    const bool generate = c.args().has(QStringLiteral("nodes")) || c.args().has(QStringLiteral("clusters"));
    Result<Market> market = generate ? [&]() -> Result<Market> {
        auto network = generatedNetwork(c, options->seed);
        if (!network)
            return network.error();
        return Market::create(dataDir(c), *network);
    }()
                                     : Market::open(dataDir(c));
    if (!market)
        return c.fail(market.error());
    QElapsedTimer timer;
    timer.start();
    auto summary = runSimulation(*market, *options, c.json());
    if (!summary)
        return c.fail(summary.error());
    QJsonObject json = summary->toJson();
    json.insert(QStringLiteral("seed"), QString::number(options->seed));
    json.insert(QStringLiteral("month"), market->engine().currentMonth().toString());
    json.insert(QStringLiteral("milliseconds"), timer.elapsed());
    const QString text =
        QStringLiteral("%1 %2 months from seed %3: %4 bookings (%5 refused), %6 price changes, %7 SLA reports, %8 epochs, "
                       "%9 outages, %10 tenders, %11 reverse auctions; now %12.\nstate hash 0x%13")
            .arg(summary->cancelled ? QStringLiteral("Cancelled after") : QStringLiteral("Simulated"))
            .arg(summary->monthsSimulated)
            .arg(options->seed)
            .arg(summary->bookings)
            .arg(summary->bookingsRefused)
            .arg(summary->priceChanges)
            .arg(summary->slaReports)
            .arg(summary->epochsClosed)
            .arg(summary->outages)
            .arg(summary->tenders)
            .arg(summary->reverseAuctions)
            .arg(market->engine().currentMonth().toString(), QString::fromLatin1(summary->stateHash.toHex()));
    const int code = c.succeed(json, text);
    return summary->cancelled ? 130 : code;
}

} // namespace

void registerSimulateCommands(Registry &registry)
{
    registry.add({{QStringLiteral("simulate")},
                  QStringLiteral("[--seed S] [--months M] [--nodes N [--clusters C]] [--bookings-per-month N] [--oracles N] "
                                 "[--no-sla] [--scenario FILE] [--data-dir DIR]"),
                  QStringLiteral("run a seeded market simulation on the mirror (--nodes: on a new generated network)"),
                  {QStringLiteral("no-sla")}, simulate});
}

} // namespace icn::cli
