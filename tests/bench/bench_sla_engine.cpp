// §7 in the engine on the large generated network (100,000 HNs, 2,000 clusters): each epoch three
// registered oracles report every HN (one SlaReportTx, unsigned: signature recovery is measured
// by bench_signing), then CloseEpochTx settles the epoch (medians, quorum, breach, grace, slashes,
// jailing, reliability, reranking, listed prices, raw-report retention).
// Prints "name: value unit" lines. Usage: bench_sla_engine [epochs, default 5]
// Target: epoch close of 100,000 HNs with 3 reports each ≤ 1 s.

#include "Engine.h"
#include "NetworkGenerator.h"

#include <QCoreApplication>
#include <QTextStream>

#include <algorithm>
#include <chrono>
#include <random>

using namespace icn;
using Clock = std::chrono::steady_clock;

namespace {

QTextStream out(stdout);

void print(const char *name, double value, const char *unit)
{
    out << name << ": " << QString::number(value, 'f', value < 10 ? 3 : 1) << ' ' << unit << Qt::endl;
}

double millis(Clock::duration d)
{
    return std::chrono::duration<double, std::milli>(d).count();
}

Address oracle(int n)
{
    QByteArray bytes(20, '\x0c');
    bytes[19] = static_cast<char>(n);
    return *Address::fromBytes(bytes);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int epochs = argc > 1 ? QByteArray(argv[1]).toInt() : 5;
    const NetworkSnapshot genesis = NetworkGenerator::generate(GeneratorOptions::large(1));
    auto created = Engine::create(genesis);
    if (!created)
        qFatal("genesis refused: %s", qPrintable(created.error().code));
    Engine engine = std::move(created).value();
    for (int o = 0; o < 3; ++o)
        if (!engine.apply(RegisterOracleTx{oracle(o), 0, true, {}}))
            qFatal("oracle refused");
    QStringList ids;
    for (const HardwareNode &n : genesis.nodes)
        ids.append(n.id);
    std::sort(ids.begin(), ids.end());

    std::mt19937_64 rng(20261121);
    double closeTotal = 0, closeWorst = 0, reportTotal = 0, checkTotal = 0;
    Amount slashed;
    for (int e = 0; e < epochs; ++e) {
        SlaReportTx tx;
        tx.unsignedLocal = true;
        tx.reports.reserve(ids.size() * 3);
        for (qsizetype i = 0; i < ids.size(); ++i) {
            const bool failing = i % 50 == 0; // grace, escalation and slashes run too
            for (int o = 0; o < 3; ++o) {
                const bool bad = failing || rng() % 20 == 0;
                SlaReport r;
                r.hnId = ids[i];
                r.epoch = engine.currentEpoch();
                r.metrics = SlaMetrics{bad ? 990'000 : 999'000 + static_cast<qint64>(rng() % 1'000),
                                       20 + static_cast<qint64>(rng() % 120), 1'000 + static_cast<qint64>(rng() % 9'000)};
                r.oracle = oracle(o);
                tx.reports.append(std::move(r));
            }
        }
        const auto t0 = Clock::now();
        if (const auto r = engine.apply(tx); !r)
            qFatal("reports refused: %s", qPrintable(r.error().code));
        reportTotal += millis(Clock::now() - t0);
        const CloseEpochTx close{engine.currentEpoch()};
        const auto t1 = Clock::now();
        if (!engine.check(close))
            qFatal("check refused");
        checkTotal += millis(Clock::now() - t1);
        const auto t2 = Clock::now();
        const auto r = engine.apply(close);
        const double ms = millis(Clock::now() - t2);
        if (!r)
            qFatal("close refused: %s", qPrintable(r.error().code));
        slashed = *slashed.add(r->amount);
        closeTotal += ms;
        closeWorst = std::max(closeWorst, ms);
    }
    if (!engine.checkConservation())
        qFatal("conservation broken");
    print("engine_hns", double(ids.size()), "HNs");
    print("engine_epoch_close_100k_hns_3_reports_ms", closeTotal / epochs, "ms");
    print("engine_epoch_close_100k_hns_3_reports_worst_ms", closeWorst, "ms");
    print("engine_epoch_check_100k_hns_ms", checkTotal / epochs, "ms");
    print("engine_sla_report_tx_300k_reports_ms", reportTotal / epochs, "ms");
    print("engine_epoch_close_slashed_icnt", slashed.toString().toDouble(), "ICNT");
    print("engine_retained_report_epochs", double(engine.sla().retained.size()), "epochs");
    print("engine_retained_mib_per_epoch",
          double(engine.sla().retained.back()->reports.capacity() * sizeof(SlaRetainedReport)) / (1024.0 * 1024.0), "MiB");
    return 0;
}
