// The market simulator: determinism, demand, scenarios, refusals, cancellation and persistence.
#include "HistoryQuery.h"
#include "Market.h"
#include "NetworkGenerator.h"
#include "SimRandom.h"
#include "Simulator.h"

#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace icn;

namespace {

NetworkSnapshot smallNetwork(quint64 seed = 3)
{
    GeneratorOptions g;
    g.seed = seed;
    g.regions = 2;
    g.zonesPerRegion = 2;
    g.clustersPerZone = 2;
    g.nodesPerCluster = 6;
    return NetworkGenerator::generate(g);
}

struct Run
{
    Engine engine;
    SimulationSummary summary;
};

Run simulate(const SimulationOptions &options, const NetworkSnapshot &network = smallNetwork())
{
    auto engine = Engine::create(network);
    if (!engine)
        qFatal("%s", qPrintable(engine.error().message));
    Engine &e = *engine;
    Simulator sim(e, options, [&e](const Transaction &tx) { return e.apply(tx); });
    auto summary = sim.run();
    if (!summary)
        qFatal("%s", qPrintable(summary.error().message));
    return Run{std::move(e), *summary};
}

} // namespace

class TestSimulator : public QObject
{
    Q_OBJECT

private slots:
    void randomIsFixedByTheSeed()
    {
        SimRandom a(42), b(42), c(43);
        bool differs = false;
        for (int i = 0; i < 1000; ++i) {
            const quint64 x = a.next();
            QCOMPARE(b.next(), x);
            differs = differs || c.next() != x;
        }
        QVERIFY(differs);
        // below() stays in range and reaches both ends; between() is inclusive.
        SimRandom r(7);
        bool sawZero = false, sawTop = false;
        for (int i = 0; i < 10'000; ++i) {
            const quint64 v = r.below(5);
            QVERIFY(v < 5);
            sawZero = sawZero || v == 0;
            sawTop = sawTop || v == 4;
            const qint64 w = r.between(-3, 3);
            QVERIFY(w >= -3 && w <= 3);
        }
        QVERIFY(sawZero && sawTop);
        QVERIFY(!r.chance(0));
        QVERIFY(r.chance(1'000'000));
    }

    void sameSeedSameStateHash()
    {
        SimulationOptions o;
        o.seed = 11;
        o.months = 4;
        o.bookingsPerMonth = 40;
        const Run a = simulate(o);
        const Run b = simulate(o);
        QCOMPARE(a.engine.stateHash(), b.engine.stateHash());
        QCOMPARE(a.summary.stateHash, a.engine.stateHash());
        QCOMPARE(a.engine.computeStateDigest(), b.engine.computeStateDigest());
        QCOMPARE(a.summary.bookings, b.summary.bookings);
        o.seed = 12;
        const Run c = simulate(o);
        QVERIFY(c.engine.stateHash() != a.engine.stateHash());
    }

    void marketMovesForward()
    {
        SimulationOptions o;
        o.seed = 5;
        o.months = 3;
        o.bookingsPerMonth = 30;
        o.tendersPerMonth = 0; // posted-price demand only: every booking is one of the 90 attempts
        o.reverseAuctionsPerMonth = 0;
        const NetworkSnapshot network = smallNetwork();
        const Run r = simulate(o, network);
        QCOMPARE(r.engine.currentMonth(), network.currentMonth.plus(3));
        QCOMPARE(r.summary.monthsSimulated, 3);
        QVERIFY(!r.summary.cancelled);
        QVERIFY(r.summary.bookings > 0);
        QCOMPARE(r.summary.bookings + r.summary.bookingsRefused, quint64(90));
        QCOMPARE(quint64(r.engine.bookingCount()), r.summary.bookings);
        QCOMPARE(r.summary.transactions, r.engine.appliedCount());
        // The booked value is exactly the sum of the bookings' totals.
        Amount sum;
        for (const BookingInfo &b : r.engine.bookings())
            sum = *sum.add(b.total);
        QCOMPARE(sum, r.summary.bookedValue);
        QVERIFY(r.engine.checkConservation().ok());
    }

    // HP agents move prices with utilisation: idle clusters cut, busy ones raise, always in whole
    // cents, above zero and within the cap, through ordinary set-price transactions.
    void hpAgentsMovePricesWithinTheRules()
    {
        SimulationOptions idle;
        idle.seed = 21;
        idle.months = 3;
        idle.bookingsPerMonth = 0;
        idle.priceMovePpm = 1'000'000;
        const NetworkSnapshot network = smallNetwork();
        const Run cut = simulate(idle, network);
        QVERIFY(cut.summary.priceChanges > 0);
        const Int128 cent = Amount::kUnitsPerIcnt / 100;
        for (const NodeRec &n : cut.engine.network().nodes) {
            const ClusterRec &c = cut.engine.network().clusters[n.cluster];
            QVERIFY(n.price > Amount());
            QVERIFY(n.price <= c.maxPrice);
            QCOMPARE(n.price.baseUnits() % cent, Int128(0));
        }
        Amount before, after;
        for (const HardwareNode &n : network.nodes)
            before = *before.add(n.reservationPrice);
        for (const NodeRec &n : cut.engine.network().nodes)
            after = *after.add(n.price);
        QVERIFY(after < before); // nothing booked: every move is a cut

        SimulationOptions busy = idle;
        busy.bookingsPerMonth = 400;
        busy.minSizeTb = 40;
        busy.maxSizeTb = 200;
        busy.raiseAbovePpm = 0; // any utilisation counts as busy
        busy.cutBelowPpm = 0;
        const Run raised = simulate(busy, network);
        QVERIFY(raised.summary.priceChanges > 0);
        Amount high;
        for (const NodeRec &n : raised.engine.network().nodes) {
            QVERIFY(n.price <= raised.engine.network().clusters[n.cluster].maxPrice);
            high = *high.add(n.price);
        }
        QVERIFY(high > before);
    }

    // Oracles report every HN every day; failing HNs breach, get slashed after the grace window,
    // and the epochs of every simulated day are closed.
    void oraclesReportAndOutagesBreach()
    {
        const NetworkSnapshot network = smallNetwork();
        SimulationOptions o;
        o.seed = 31;
        o.months = 2;
        o.bookingsPerMonth = 10;
        o.oracles = 3;
        o.missingReportPpm = 0;
        o.oracleOutagePpm = 0;
        o.measurementErrorPpm = 0;
        o.failurePerNodeMonthPpm = 0;
        ScenarioEvent outage;
        outage.kind = ScenarioEvent::Kind::Outage;
        outage.from = network.currentMonth;
        outage.to = network.currentMonth;
        outage.scope = network.clusters.first().id;
        outage.epochs = 6;
        o.events = {outage};
        const Run r = simulate(o, network);
        const qint64 days = network.currentMonth.daysInMonth() + network.currentMonth.plus(1).daysInMonth();
        QCOMPARE(r.summary.epochsClosed, quint64(days));
        QCOMPARE(r.summary.nodeEpochs, quint64(days) * quint64(network.nodes.size()));
        QCOMPARE(r.summary.slaReports, r.summary.nodeEpochs * 3); // nothing missing
        QCOMPARE(r.engine.oracles().size(), 3);
        // Every HN of the failed cluster breached 6 days (slashed after the 2-day grace window),
        // then recovered; the others stayed compliant.
        const ClusterRec &failed = r.engine.network().clusters[r.engine.network().findScope(outage.scope)->index];
        for (const NodeRec &n : r.engine.network().nodes) {
            const auto sla = r.engine.slaNode(n.id);
            QVERIFY(sla);
            QCOMPARE(sla->lastOutcome, EpochOutcome::Compliant);
            const bool inFailed = std::find(failed.nodes.begin(), failed.nodes.end(),
                                            quint32(r.engine.network().nodeIndex.value(n.id))) != failed.nodes.end();
            QCOMPARE(sla->compliant, inFailed ? sla->observed - 6 : sla->observed);
        }
        QVERIFY(r.engine.totals().treasury > Amount());
        QVERIFY(r.engine.checkConservation().ok());

        // With wrong measurements and missing reports, medians of three still hold: healthy HNs
        // stay overwhelmingly compliant.
        o.measurementErrorPpm = 10'000;
        o.missingReportPpm = 20'000;
        o.events.clear();
        const Run noisy = simulate(o, network);
        qint64 observed = 0, compliant = 0;
        for (const NodeRec &n : noisy.engine.network().nodes) {
            observed += noisy.engine.slaNode(n.id)->observed;
            compliant += noisy.engine.slaNode(n.id)->compliant;
        }
        QVERIFY(observed > 0);
        QVERIFY2(compliant * 1000 >= observed * 995, qPrintable(QStringLiteral("%1 of %2").arg(compliant).arg(observed)));
    }

    // An oracle down for a whole epoch leaves the epoch unobserved for every HN once fewer than
    // 2/3 of the oracles reported (PROTOCOL.md §7 quorum); with all oracles up every epoch is observed.
    void oraclesDownForAnEpochLeaveItUnobserved()
    {
        SimulationOptions o;
        o.seed = 5;
        o.months = 1;
        o.bookingsPerMonth = 0;
        o.tendersPerMonth = 0;
        o.reverseAuctionsPerMonth = 0;
        o.oracles = 3;
        o.missingReportPpm = 0;
        o.measurementErrorPpm = 0;
        o.failurePerNodeMonthPpm = 0;
        o.oracleOutagePpm = 0;
        const Run up = simulate(o);
        const qint64 epochs = qint64(up.summary.epochsClosed);
        QVERIFY(epochs >= 28);
        for (const NodeRec &n : up.engine.network().nodes)
            QCOMPARE(qint64(up.engine.slaNode(n.id)->observed), epochs);

        o.oracleOutagePpm = 500'000; // half the oracle-epochs: two or three down in half the epochs
        const Run down = simulate(o);
        QCOMPARE(qint64(down.summary.epochsClosed), epochs);
        QVERIFY(down.summary.slaReports < up.summary.slaReports);
        const qint32 observed = down.engine.slaNode(down.engine.network().nodes.front().id)->observed;
        QVERIFY2(observed > 0 && observed < epochs, qPrintable(QStringLiteral("%1 of %2").arg(observed).arg(epochs)));
        // The quorum is per epoch, not per HN: every HN lost the same epochs.
        for (const NodeRec &n : down.engine.network().nodes) {
            QCOMPARE(down.engine.slaNode(n.id)->observed, observed);
            QCOMPARE(down.engine.slaNode(n.id)->compliant, observed); // healthy HNs: nothing unobserved counts against them
        }
        QVERIFY(down.engine.checkConservation().ok());
    }

    // SPs post tenders and reverse auctions, HPs bid, and each is awarded or run once its deadline
    // epoch has come (a week after posting; the simulator settles at the next month's start);
    // awards become ordinary bookings and no ICNT is lost.
    void auctionsArePostedBidAndSettled()
    {
        SimulationOptions o;
        o.seed = 17;
        o.months = 4;
        o.bookingsPerMonth = 5;
        o.tendersPerMonth = 2;
        o.reverseAuctionsPerMonth = 2;
        const Run r = simulate(o);
        QCOMPARE(r.summary.tenders, quint64(8));
        QCOMPARE(r.summary.reverseAuctions, quint64(8));
        const Month now = r.engine.currentMonth();
        const qint64 lastMonth = SlaClock::firstEpochOf(now.plus(-1)); // the last simulated month's first epoch
        qint64 awardBookings = 0, bids = 0, bonded = 0;
        for (const TenderView &t : r.engine.tenders()) {
            // Deadlines are epochs inside the posting month, before the start month, and passed by
            // now; only the last month's tenders are still open (settled at the next month's start).
            QVERIFY(t.spec.bidDeadlineEpoch <= r.engine.currentEpoch());
            QVERIFY(t.spec.bidDeadlineEpoch < SlaClock::firstEpochOf(t.spec.start));
            QCOMPARE(t.state == TenderState::Open, t.spec.bidDeadlineEpoch >= lastMonth);
            bids += t.bidCount;
            for (const TenderBidView &b : t.bids) // visible once awarded
                bonded += b.bid.bond > Amount();
            awardBookings += t.bookingIds.size();
        }
        for (const ReverseAuctionView &a : r.engine.reverseAuctions()) {
            QVERIFY(a.clockEpoch <= r.engine.currentEpoch());
            QVERIFY(a.clockEpoch < SlaClock::firstEpochOf(a.spec.start));
            QCOMPARE(a.state == ReverseAuctionState::Open, a.clockEpoch >= lastMonth);
            awardBookings += a.bookingIds.size();
        }
        QVERIFY(bids > 0);
        QVERIFY(bonded > 0); // some HPs lock a bond with their bid
        QVERIFY(awardBookings > 0);
        QCOMPARE(quint64(r.engine.bookingCount()), r.summary.bookings + quint64(awardBookings));
        QVERIFY(r.engine.checkConservation().ok());
    }

    void demandScenarioScalesBookings()
    {
        SimulationOptions o;
        o.seed = 9;
        o.months = 2;
        o.bookingsPerMonth = 20;
        ScenarioEvent none;
        none.kind = ScenarioEvent::Kind::Demand;
        none.from = smallNetwork().currentMonth;
        none.to = none.from.plus(1);
        none.demandPpm = 0;
        o.events = {none};
        const Run r = simulate(o);
        QCOMPARE(r.summary.bookings, quint64(0));
        QCOMPARE(r.summary.bookingsRefused, quint64(0));
    }

    void reservedAccountsAreNotTouched()
    {
        const NetworkSnapshot network = smallNetwork();
        QVERIFY(!network.accounts.isEmpty());
        SimulationOptions o;
        o.seed = 2;
        o.months = 2;
        o.bookingsPerMonth = 50;
        for (const AccountEntry &a : network.accounts)
            o.reservedAccounts.append(a.account);
        const Run r = simulate(o, network);
        QSet<Address> providers; // HPs are paid at month close; SP accounts must stay as they were
        for (const HardwareProvider &h : network.providers)
            providers.insert(h.account);
        for (const AccountEntry &a : network.accounts) {
            if (providers.contains(a.account))
                continue;
            QCOMPARE(r.engine.balance(a.account), a.balance);
            QCOMPARE(r.engine.nextNonce(a.account), quint64(0));
        }
        QVERIFY(r.summary.bookings > 0); // made by SP accounts derived from the seed, funded by the faucet
    }

    void scenarioFileIsValidated_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("unknown key") << QByteArray(R"({"bookings": 3})") << "bookings";
        QTest::newRow("fraction") << QByteArray(R"({"months": 1.5})") << "months";
        QTest::newRow("string number") << QByteArray(R"({"months": "3"})") << "months";
        QTest::newRow("months zero") << QByteArray(R"({"months": 0})") << "months";
        QTest::newRow("ppm over 100%") << QByteArray(R"({"missingReportPpm": 1000001})") << "missingReportPpm";
        QTest::newRow("sizes inverted") << QByteArray(R"({"minSizeTb": 10, "maxSizeTb": 5})") << "maxSizeTb";
        QTest::newRow("sla not bool") << QByteArray(R"({"sla": 1})") << "sla";
        QTest::newRow("event kind") << QByteArray(R"({"events": [{"kind": "flood", "from": "2027-01"}]})") << "events[0].kind";
        QTest::newRow("event month") << QByteArray(R"({"events": [{"kind": "demand", "from": "2027-13", "demandPpm": 5}]})")
                                     << "events[0].from";
        QTest::newRow("event to before from")
            << QByteArray(R"({"events": [{"kind": "demand", "from": "2027-03", "to": "2027-01", "demandPpm": 5}]})")
            << "events[0].to";
        QTest::newRow("outage without scope") << QByteArray(R"({"events": [{"kind": "outage", "from": "2027-01", "epochs": 3}]})")
                                              << "events[0].scope";
        QTest::newRow("outage epochs") << QByteArray(R"({"events": [{"kind": "outage", "from": "2027-01", "scope": "X", "epochs": 0}]})")
                                       << "events[0].epochs";
    }
    void scenarioFileIsValidated()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        const auto parsed = SimulationOptions::fromJson(QJsonDocument::fromJson(json).object(), {});
        QVERIFY(!parsed);
        QVERIFY2(parsed.error().code.startsWith(QLatin1String("simulate.")), qPrintable(parsed.error().code));
        QCOMPARE(parsed.error().field, field);
    }

    void scenarioFileSetsOptions()
    {
        const auto parsed = SimulationOptions::fromJson(
            QJsonDocument::fromJson(R"({"seed": 99, "months": 7, "bookingsPerMonth": 12, "sla": false,
                "events": [{"kind": "outage", "from": "2027-01", "to": "2027-02", "scope": "EUW", "epochs": 4},
                           {"kind": "demand", "from": "2027-03", "demandPpm": 2000000}]})")
                .object(),
            {});
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
        QCOMPARE(parsed->seed, quint64(99));
        QCOMPARE(parsed->months, 7);
        QCOMPARE(parsed->bookingsPerMonth, 12);
        QVERIFY(!parsed->sla);
        QCOMPARE(parsed->events.size(), 2);
        QCOMPARE(parsed->events[0].scope, QStringLiteral("EUW"));
        QCOMPARE(parsed->events[0].to, Month::fromYearMonth(2027, 2));
        QCOMPARE(parsed->events[1].demandPpm, qint64(2'000'000));
        QCOMPARE(parsed->events[1].to, parsed->events[1].from);
    }

    void badOptionsAreRefusedBeforeAnythingHappens()
    {
        auto engine = Engine::create(smallNetwork());
        QVERIFY(engine.ok());
        const QByteArray before = engine->stateHash();
        SimulationOptions o;
        o.months = 0;
        int submitted = 0;
        Simulator sim(*engine, o, [&](const Transaction &tx) {
            ++submitted;
            return engine->apply(tx);
        });
        const auto summary = sim.run();
        QVERIFY(!summary);
        QCOMPARE(summary.error().code, QStringLiteral("simulate.bad_option"));
        QCOMPARE(summary.error().field, QStringLiteral("months"));
        QCOMPARE(submitted, 0);
        QCOMPARE(engine->stateHash(), before);
    }

    // Persisted through the market's buffered path, cancelled after the first month: the database
    // holds whole months, replays to the same state hash and passes every check.
    void cancelledRunLeavesAConsistentDatabase()
    {
        QTemporaryDir dir;
        auto market = Market::create(dir.path(), smallNetwork());
        QVERIFY2(market.ok(), market.ok() ? "" : qPrintable(market.error().message));
        SimulationOptions o;
        o.seed = 4;
        o.months = 5;
        o.bookingsPerMonth = 25;
        std::atomic_bool cancel{false};
        int flushes = 0;
        Simulator sim(
            market->engine(), o, [&](const Transaction &tx) { return market->applyBuffered(tx); },
            [&]() {
                ++flushes;
                cancel.store(true); // as if Ctrl-C came during the first month
                return market->commitBuffered();
            });
        const auto summary = sim.run({}, &cancel);
        QVERIFY(summary.ok());
        QVERIFY(summary->cancelled);
        QCOMPARE(summary->monthsSimulated, 1);
        QVERIFY(flushes >= 1);
        QCOMPARE(market->bufferedCount(), 0);
        const QByteArray hash = market->engine().stateHash();
        const Month month = market->engine().currentMonth();
        auto reopened = Market::open(dir.path());
        QVERIFY(reopened.ok());
        QCOMPARE(reopened->engine().stateHash(), hash);
        QCOMPARE(reopened->engine().currentMonth(), month);
        QVERIFY(reopened->check().ok);
    }

    // A simulation persisted through the buffered path leaves the analysts' history behind: every
    // simulated month is a closed month of every cluster, with the bookings' TB in it.
    void persistedSimulationLeavesHistory()
    {
        QTemporaryDir dir;
        const NetworkSnapshot network = smallNetwork();
        auto market = Market::create(dir.path(), network);
        QVERIFY(market.ok());
        SimulationOptions o;
        o.seed = 8;
        o.months = 4;
        o.bookingsPerMonth = 40;
        Simulator sim(
            market->engine(), o, [&](const Transaction &tx) { return market->applyBuffered(tx); },
            [&]() { return market->commitBuffered(); });
        const auto summary = sim.run();
        QVERIFY(summary.ok());
        const HistoryQuery query(*market);
        const QString region = network.regions.first().id;
        const auto prices = query.prices(region, network.currentMonth, network.currentMonth.plus(3), 100);
        QVERIFY2(prices.ok(), prices.ok() ? "" : qPrintable(prices.error().message));
        QCOMPARE(prices->monthly.size(), 4);
        qint64 booked = 0;
        for (const MonthlyPrice &m : prices->monthly) {
            QVERIFY(m.capacityTb > 0);
            booked += m.bookedTb;
        }
        QVERIFY(booked > 0); // bookings start 1–3 months ahead, so the later months hold some
        // The same history after reopening (it was written with the log, not rebuilt).
        auto reopened = Market::open(dir.path());
        QVERIFY(reopened.ok());
        const auto again = HistoryQuery(*reopened).prices(region, network.currentMonth, network.currentMonth.plus(3), 100);
        QVERIFY(again.ok());
        QCOMPARE(again->monthly, prices->monthly);
    }

    void progressIsReported()
    {
        auto engine = Engine::create(smallNetwork());
        QVERIFY(engine.ok());
        SimulationOptions o;
        o.months = 3;
        o.bookingsPerMonth = 5;
        QList<qint32> done;
        Simulator sim(*engine, o, [&](const Transaction &tx) { return engine->apply(tx); });
        QVERIFY(sim.run([&](const SimulationProgress &p) {
                       QCOMPARE(p.months, 3);
                       done.append(p.monthsDone);
                   })
                    .ok());
        QCOMPARE(done, (QList<qint32>{0, 1, 2, 3}));
    }
};

QTEST_GUILESS_MAIN(TestSimulator)
#include "tst_simulator.moc"
