// The SLA rule core on 100,000 HNs: epoch close with 3 oracle reports per HN (identity checks,
// medians, quorum, breach tracking, reliability), HN-epochs per second of the rule core alone
// (no persistence), and downsampling a 1,000,000-point series to 2,000 points. The same-run
// anchor is sorting 1,000,000 random 64-bit integers.
// Prints "name: value unit" lines. Usage: bench_sla [hns, default 100000]
// Targets: epoch close ≤ 1 s, rule core ≥ 2,000,000 HN-epochs/s, downsampling ≤ 20 ms.

#include "BreachTracker.h"
#include "Downsample.h"
#include "Reliability.h"
#include "SlaEpoch.h"
#include "SlaFeed.h"

#include <QCoreApplication>
#include <QTextStream>

#include <algorithm>
#include <chrono>
#include <random>
#include <vector>

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
    QByteArray bytes(20, '\0');
    bytes[0] = static_cast<char>(n);
    return *Address::fromBytes(bytes);
}

// About 5 % of measurements miss a target at random; every 50th HN is persistently failing, so
// that grace windows, escalation and slashing run too.
bool failingHn(qsizetype i)
{
    return i % 50 == 0;
}

SlaMetrics randomMetrics(std::mt19937_64 &rng, bool failing = false)
{
    const bool bad = failing || rng() % 20 == 0;
    return SlaMetrics{bad ? 990'000 : 999'000 + static_cast<qint64>(rng() % 1'000), 20 + static_cast<qint64>(rng() % 120),
                      1'000 + static_cast<qint64>(rng() % 9'000)};
}

struct HnState
{
    BreachTracker breach;
    Reliability reliability{ProtocolParams().reliabilityWindowEpochs};
    Amount collateral = Amount::fromIcnt(16'800);
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qsizetype hns = argc > 1 ? QByteArray(argv[1]).toLongLong() : 100'000;
    const ProtocolParams params;
    const SlaTargets targets = params.defaultSlaTargets;
    std::mt19937_64 rng(20261121);

    {
        std::vector<qint64> v(1'000'000);
        for (auto &x : v)
            x = static_cast<qint64>(rng());
        const auto t0 = Clock::now();
        std::sort(v.begin(), v.end());
        print("anchor_sort_1m_int64_ms", millis(Clock::now() - t0), "ms");
    }

    // 1. Epoch close with full report aggregation.
    const std::vector<Address> oracles{oracle(1), oracle(2), oracle(3)};
    std::vector<QString> ids(static_cast<size_t>(hns));
    for (qsizetype i = 0; i < hns; ++i)
        ids[static_cast<size_t>(i)] = QStringLiteral("HN-%1").arg(i, 6, 10, QLatin1Char('0'));
    std::vector<HnState> state(static_cast<size_t>(hns));
    const int closes = 5;
    double worst = 0, total = 0;
    qint64 breaches = 0;
    std::vector<SlaReport> reports(static_cast<size_t>(hns) * 3);
    for (int epoch = 0; epoch < closes; ++epoch) {
        for (qsizetype i = 0; i < hns; ++i) {
            for (int o = 0; o < 3; ++o) {
                SlaReport &r = reports[static_cast<size_t>(i * 3 + o)];
                r.hnId = ids[static_cast<size_t>(i)];
                r.epoch = epoch;
                r.metrics = randomMetrics(rng, failingHn(i));
                r.oracle = oracles[static_cast<size_t>(o)];
            }
        }
        const auto t0 = Clock::now();
        for (qsizetype i = 0; i < hns; ++i) {
            HnState &s = state[static_cast<size_t>(i)];
            const auto decided = SlaEpoch::aggregate(ids[static_cast<size_t>(i)], epoch,
                                                     std::span<const SlaReport>(reports.data() + i * 3, 3), oracles, targets, params);
            const auto step = s.breach.record(epoch, decided->outcome, s.collateral, params);
            s.collateral = step->collateralAfter;
            (void)s.reliability.record(epoch, decided->outcome);
            breaches += decided->breach();
        }
        const double ms = millis(Clock::now() - t0);
        worst = std::max(worst, ms);
        total += ms;
    }
    print("epoch_close_100k_hns_3_reports_ms", total / closes, "ms");
    print("epoch_close_100k_hns_3_reports_worst_ms", worst, "ms");
    print("epoch_close_breach_share_pct", 100.0 * double(breaches) / double(hns * closes), "%");

    // 2. The rule core alone on pre-admitted metrics: decide + breach + reliability.
    const int epochs = 30;
    std::vector<SlaMetrics> metrics(static_cast<size_t>(hns) * 3);
    for (size_t j = 0; j < metrics.size(); ++j)
        metrics[j] = randomMetrics(rng, failingHn(static_cast<qsizetype>(j / 3)));
    std::vector<HnState> core(static_cast<size_t>(hns));
    qint64 slashes = 0;
    const auto t1 = Clock::now();
    for (int epoch = 0; epoch < epochs; ++epoch) {
        for (qsizetype i = 0; i < hns; ++i) {
            HnState &s = core[static_cast<size_t>(i)];
            // Healthy HNs rotate through the triples so their outcomes vary between epochs.
            const size_t slot = static_cast<size_t>(failingHn(i) ? i : (i + epoch * 7919) % hns) * 3;
            const auto decided = SlaEpoch::decide(std::span<const SlaMetrics>(metrics.data() + slot, 3), 3, targets, params);
            const auto step = s.breach.record(epoch, decided.outcome, s.collateral, params);
            s.collateral = step->collateralAfter;
            slashes += step->slashPpm > 0;
            (void)s.reliability.record(epoch, decided.outcome);
        }
    }
    const double coreSeconds = millis(Clock::now() - t1) / 1000.0;
    print("rule_core_hn_epochs_per_s", double(hns) * epochs / coreSeconds, "HN-epochs/s");
    print("rule_core_slashes", double(slashes), "slashes");

    // 3. Downsampling 1,000,000 points to 2,000.
    QList<SeriesPoint> series;
    series.reserve(1'000'000);
    qint64 y = 0;
    for (qint64 x = 0; x < 1'000'000; ++x) {
        y += static_cast<qint64>(rng() % 2'001) - 1'000;
        series.append(SeriesPoint{x, y});
    }
    const auto best = [&](auto &&f) {
        double ms = 1e9;
        for (int i = 0; i < 5; ++i) {
            const auto t = Clock::now();
            const auto r = f();
            ms = std::min(ms, millis(Clock::now() - t));
            if (!r.ok() || r->size() > 2'000)
                qFatal("downsampling failed");
        }
        return ms;
    };
    print("downsample_lttb_1m_to_2k_ms", best([&] { return Downsample::lttb(series, 2'000); }), "ms");
    print("downsample_minmax_1m_to_2k_ms", best([&] { return Downsample::minMax(series, 2'000); }), "ms");
    print("downsample_bands_1m_to_1k_ms", best([&] { return Downsample::bands(series, 1'000); }), "ms");

    // 4. Importing a feed of one epoch's reports (unsigned: this measures parsing and checks,
    // not signature recovery, which bench_signing measures).
    const QList<SlaReport> feedReports(reports.begin(), reports.end());
    SlaFeedOptions unsignedOk;
    unsignedOk.requireSignatures = false;
    for (const auto &[name, text] : {std::pair{"sla_feed_csv_import_ms", SlaFeed::toCsv(feedReports)},
                                     std::pair{"sla_feed_json_import_ms", SlaFeed::toJson(feedReports)}}) {
        const auto t = Clock::now();
        const auto parsed = SlaFeed::parse(text, SlaFeed::Format::Auto, unsignedOk);
        const double ms = millis(Clock::now() - t);
        if (!parsed.ok() || parsed->size() != feedReports.size())
            qFatal("feed import failed");
        print(name, ms, "ms");
    }
    print("sla_feed_reports", double(feedReports.size()), "reports");
    return 0;
}
