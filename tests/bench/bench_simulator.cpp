// The market simulator on 10,000 HNs (200 clusters of 50):
//  - in memory, SLA only (oracle reports, epoch closes; no bookings, nothing persisted): HN-epochs/s,
//    target ≥ 2,000,000;
//  - persisted through the store: 36 months with 5,000 booking attempts a month, target ≤ 60 s.
// Prints "name: value unit" lines. Usage: bench_simulator [months, default 36]

#include "Market.h"
#include "NetworkGenerator.h"
#include "Simulator.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTextStream>

#include <chrono>

using namespace icn;
using Clock = std::chrono::steady_clock;

namespace {

QTextStream out(stdout);

void print(const char *name, double value, const char *unit)
{
    out << name << ": " << QString::number(value, 'f', value < 10 ? 3 : 1) << ' ' << unit << Qt::endl;
}

double seconds(Clock::duration d)
{
    return std::chrono::duration<double>(d).count();
}

NetworkSnapshot tenThousandNodes()
{
    GeneratorOptions g;
    g.seed = 36;
    g.regions = 4;
    g.zonesPerRegion = 5;
    g.clustersPerZone = 10;
    g.nodesPerCluster = 50;
    g.serviceProviders = 200;
    return NetworkGenerator::generate(g);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const qint32 months = argc > 1 ? QByteArray(argv[1]).toInt() : 36;
    const NetworkSnapshot network = tenThousandNodes();
    print("simulator_nodes", network.nodes.size(), "HNs");

    {
        auto engine = Engine::create(network);
        if (!engine)
            qFatal("%s", qPrintable(engine.error().message));
        SimulationOptions o;
        o.seed = 1;
        o.months = 2;
        o.bookingsPerMonth = 0;
        o.tendersPerMonth = 0;
        o.reverseAuctionsPerMonth = 0;
        Engine &e = *engine;
        Simulator sim(e, o, [&e](const Transaction &tx) { return e.apply(tx); });
        const auto t0 = Clock::now();
        const auto summary = sim.run();
        const double s = seconds(Clock::now() - t0);
        if (!summary)
            qFatal("%s", qPrintable(summary.error().message));
        print("simulator_memory_node_epochs", static_cast<double>(summary->nodeEpochs), "HN-epochs");
        print("simulator_memory_rate", s > 0 ? static_cast<double>(summary->nodeEpochs) / s : 0, "HN-epochs/s");
    }

    {
        QTemporaryDir dir;
        auto market = Market::create(dir.path(), network);
        if (!market)
            qFatal("%s", qPrintable(market.error().message));
        SimulationOptions o;
        o.seed = 2;
        o.months = months;
        o.bookingsPerMonth = 5'000;
        Simulator sim(
            market->engine(), o, [&](const Transaction &tx) { return market->applyBuffered(tx); },
            [&]() { return market->commitBuffered(); });
        const auto t0 = Clock::now();
        const auto summary = sim.run();
        const double s = seconds(Clock::now() - t0);
        if (!summary)
            qFatal("%s", qPrintable(summary.error().message));
        print("simulator_persisted_months", summary->monthsSimulated, "months");
        print("simulator_persisted_bookings", static_cast<double>(summary->bookings), "bookings");
        print("simulator_persisted_transactions", static_cast<double>(summary->transactions), "tx");
        print("simulator_persisted_node_epochs", static_cast<double>(summary->nodeEpochs), "HN-epochs");
        print("simulator_persisted_seconds", s, "s");
        print("simulator_database_mb", static_cast<double>(QFileInfo(Market::databasePath(dir.path())).size()) / 1e6, "MB");
    }
    return 0;
}
