// History for analysts: a 1,000,000-point price series (base units, a random walk with spikes)
// reduced to 2,000 points the way HistoryQuery serves charts: LTTB keeping the extremes, and
// min/max bands of 2,000 buckets. Median of 7 runs each; the anchor is sorting 1,000,000 random
// 64-bit integers in the same run.
// Prints "name: value unit" lines. Usage: bench_history [points, default 1000000]
// Target: 1,000,000 → 2,000 points ≤ 20 ms.

#include "Amount.h"
#include "Downsample.h"
#include "HistoryQuery.h"

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

template <typename F>
double medianMillis(F &&run)
{
    std::vector<double> ms;
    for (int i = 0; i < 7; ++i) {
        const auto t0 = Clock::now();
        run();
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const qsizetype n = argc > 1 ? QString::fromLocal8Bit(argv[1]).toLongLong() : 1'000'000;
    std::mt19937_64 rng(20261121);
    QList<AmountPoint> series;
    series.reserve(n);
    Int128 price = 3 * Amount::kUnitsPerIcnt;
    for (qsizetype i = 0; i < n; ++i) {
        price += (static_cast<Int128>(rng() % 2'001) - 1'000) * 1'000'000'000'000LL;
        series.append({i, rng() % 100'000 == 0 ? price * 3 : price});
    }
    qsizetype kept = 0;
    const double line = medianMillis([&] { kept = HistoryQuery::downsampleLine(series, 2'000)->size(); });
    qsizetype buckets = 0;
    const double bands = medianMillis([&] { buckets = Downsample::bands(series, 2'000)->size(); });
    if (kept > 2'000 || buckets > 2'000) {
        out << "error: more points than asked" << Qt::endl;
        return 1;
    }
    // Same-run anchor (as bench_sla): sorting 1,000,000 random 64-bit integers, to judge machine load.
    std::vector<quint64> anchor(1'000'000);
    const double sortMs = medianMillis([&] {
        std::mt19937_64 r(7);
        for (quint64 &v : anchor)
            v = r();
        std::sort(anchor.begin(), anchor.end());
    });
    print("history_line_1M_to_2000_ms", line, "ms");
    print("history_bands_1M_to_2000_ms", bands, "ms");
    print("anchor_sort_1M_u64_ms", sortMs, "ms");
    return 0;
}
