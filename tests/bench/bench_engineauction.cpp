// §8 auctions through Engine::apply (docs/auctions.md §4): a tender with 10,000 sealed bids
// awarded (target ≤ 50 ms) and a reverse auction over 5,000 HNs whose clock runs 200 rounds
// (target ≤ 50 ms), on generated networks. Each figure is the median of several applies on
// fresh copies of the same engine (the award and the run include staging with the rule cores,
// the bookings, the ledger movements and the running hash). Prints "name: value unit" lines.

#include "Engine.h"
#include "NetworkGenerator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>
#include <random>
#include <vector>

using namespace icn;

namespace {

QTextStream out(stdout);

void print(const char *name, double value, const char *unit)
{
    out << name << ": " << QString::number(value, 'f', value < 10 ? 3 : 1) << ' ' << unit << Qt::endl;
}

void count(const char *name, qint64 value, const char *unit)
{
    out << name << ": " << value << ' ' << unit << Qt::endl;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

constexpr int kRuns = 7;
const Month kNow = Month::fromYearMonth(2026, 11);

Address spAccount()
{
    return *Address::fromBytes(QByteArray(20, '\x5a'));
}

NetworkSnapshot network(int clusters)
{
    GeneratorOptions o;
    o.seed = 7;
    o.regions = 1;
    o.zonesPerRegion = clusters / 20;
    o.clustersPerZone = 20;
    o.nodesPerCluster = 50;
    o.currentMonth = kNow;
    NetworkSnapshot s = NetworkGenerator::generate(o);
    s.accounts.append(AccountEntry{spAccount(), QStringLiteral("bench SP"), Amount::fromIcnt(50'000'000)});
    return s;
}

Engine engineOf(const NetworkSnapshot &s)
{
    auto e = Engine::create(s);
    if (!e)
        qFatal("genesis refused: %s", qPrintable(e.error().code));
    return std::move(*e);
}

template <class Tx>
double timeApply(const Engine &base, const Tx &tx, Receipt *last)
{
    Engine copy = base;
    QElapsedTimer t;
    t.start();
    auto r = copy.apply(tx);
    const double ms = t.nsecsElapsed() / 1e6;
    if (!r)
        qFatal("refused: %s %s", qPrintable(r.error().code), qPrintable(r.error().message));
    if (last)
        *last = *r;
    return ms;
}

void tenderBench()
{
    const NetworkSnapshot s = network(200); // 10,000 HNs
    Engine e = engineOf(s);
    const MonthRange range{kNow.plus(2), 3};
    PostTenderTx post{spAccount(), s.regions.first().id, 200'000, range.first, range.months, Amount::fromIcnt(4), 0,
                      SlaClock::firstEpochOf(kNow.plus(1)), true, 0, true, {}};
    if (!e.apply(post))
        qFatal("post refused");
    std::mt19937_64 rng(11);
    QElapsedTimer t;
    t.start();
    int bids = 0;
    for (const HardwareNode &n : s.nodes) {
        const Amount price = Amount::fromBaseUnits(Amount::fromIcnt(2).baseUnits() + static_cast<Int128>(rng() % 200) * 10'000'000'000'000'000LL);
        const Amount bond = bids % 10 == 0 ? Amount::fromIcnt(1) : Amount();
        TenderBidTx bid{n.provider, 1, n.id, std::min<qint64>(50, n.capacityTb), price, bond, e.nextNonce(n.provider), true, {}};
        if (e.apply(bid))
            ++bids;
    }
    const double bidMs = t.nsecsElapsed() / 1e6;
    count("engine_tender_bids", bids, "bids");
    print("engine_tender_bid_apply", bidMs * 1000.0 / std::max(bids, 1), "us/bid");
    if (!e.apply(CloseMonthTx{kNow}))
        qFatal("close refused");
    const TenderAwardTx award{spAccount(), 1, e.nextNonce(spAccount()), true, {}};
    std::vector<double> runs;
    Receipt r;
    for (int i = 0; i < kRuns; ++i)
        runs.push_back(timeApply(e, award, &r));
    print("engine_tender_award_10000_bids_median", median(runs), "ms");
    print("engine_tender_award_10000_bids_best", *std::min_element(runs.begin(), runs.end()), "ms");
    count("engine_tender_award_winners", r.slices.size(), "slices");
}

void reverseAuctionBench()
{
    const NetworkSnapshot s = network(100); // 5,000 HNs
    Engine e = engineOf(s);
    // Step 0.01 ICNT from 4 down to the floor 2.01: 200 rounds when 100 TB is still supplied at 2.01.
    PostAuctionTx post{spAccount(), s.regions.first().id, 100, kNow.plus(2), 3, Amount::fromIcnt(4), 2'500,
                       Amount::fromBaseUnits(Amount::fromIcnt(201).baseUnits() / 100), 0, SlaClock::firstEpochOf(kNow.plus(1)), 0, true, {}};
    if (!e.apply(post))
        qFatal("post refused");
    if (!e.apply(CloseMonthTx{kNow}))
        qFatal("close refused");
    const RunAuctionTx run{spAccount(), 1, e.nextNonce(spAccount()), true, {}};
    std::vector<double> runs;
    Receipt r;
    for (int i = 0; i < kRuns; ++i)
        runs.push_back(timeApply(e, run, &r));
    Engine ran = e;
    (void)ran.apply(run);
    count("engine_reverse_auction_5000_hns_rounds", ran.auctionRounds(1).size(), "rounds");
    print("engine_reverse_auction_5000_hns_median", median(runs), "ms");
    print("engine_reverse_auction_5000_hns_best", *std::min_element(runs.begin(), runs.end()), "ms");
    count("engine_reverse_auction_winners", r.slices.size(), "slices");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    tenderBench();
    reverseAuctionBench();
    return 0;
}
