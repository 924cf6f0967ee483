// History for analysts: persistence with the log, idempotent replay, migration, queries on
// hand-computed data, downsampling limits.
#include "DemoNetwork.h"
#include "HistoryQuery.h"
#include "Market.h"
#include "Simulator.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace icn;

namespace {

Address demoSp()
{
    return *Address::parse(DemoNetwork::demoSpAddress());
}

BookTx booking(const Engine &e, const QString &scope, qint64 sizeTb, qint32 months = 3)
{
    BookTx b;
    b.sp = demoSp();
    b.scope = scope;
    b.sizeTb = sizeTb;
    b.startMonth = e.currentMonth().plus(1);
    b.months = months;
    const auto q = e.quote({scope, sizeTb, b.startMonth, months});
    b.quotedTotal = q ? q->total : Amount::fromIcnt(1);
    b.nonce = e.nextNonce(b.sp);
    b.deadline = e.currentMonth();
    b.unsignedLocal = true;
    return b;
}

bool rawExec(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    const bool ok = sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

Market demoMarket(const QTemporaryDir &dir)
{
    auto m = Market::create(dir.path(), DemoNetwork::snapshot());
    if (!m)
        qFatal("create: %s", qPrintable(m.error().message));
    return std::move(*m);
}

// Two bookings (FRA-1, FRA-3), then two month closes: the second closes a month they are active in.
void bookAndClose(Market &m)
{
    QVERIFY(m.submit(booking(m.engine(), QStringLiteral("FRA-1"), 5)).ok());
    QVERIFY(m.submit(booking(m.engine(), QStringLiteral("FRA-3"), 7)).ok());
    QVERIFY(m.submit(CloseMonthTx{m.engine().currentMonth()}).ok());
    QVERIFY(m.submit(CloseMonthTx{m.engine().currentMonth()}).ok());
}

// The history of one transaction written straight into the store (a test stand-in for the
// events the §6–7 transactions emit).
LogRecord injected(quint64 seq, std::vector<EngineEventData> data, Month month = Month::fromYearMonth(2200, 1), qint64 epoch = 0)
{
    LogRecord r;
    r.seq = seq;
    r.month = month;
    r.epoch = epoch;
    for (EngineEventData &d : data)
        r.events.push_back(EngineEvent{seq, std::move(d)});
    return r;
}

// Through a second connection, as another process would: the Market's own store is read-only to callers.
bool writeStraight(const QTemporaryDir &dir, const QList<LogRecord> &records, quint64 throughSeq)
{
    auto store = Store::open(Market::databasePath(dir.path()));
    return store && store->writeHistory(records, throughSeq).ok();
}

Month ym(int y, int m)
{
    return Month::fromYearMonth(y, m);
}

} // namespace

class TestHistory : public QObject
{
    Q_OBJECT

private slots:
    void monthCloseHistoryIsPersistedWithTheLog();
    void reopeningWritesNoDuplicates();
    void migratesAVersionTwoDatabase();
    void migratesAVersionThreeDatabase();
    void damagedSlaBlockIsReportedNotGuessed();
    void failedCommitLeavesHistoryAndLogTogether();
    void averagesAreTbWeightedAndExact();
    void listedPriceIsAStepSeries();
    void refusesBadQueries_data();
    void refusesBadQueries();
    void slaSeriesPerNodeAndProvider();
    void downsampledSlaKeepsEveryMetricsExtremes();
    void downsampledLinesKeepLimitsAndExtremes_data();
    void downsampledLinesKeepLimitsAndExtremes();
    void extremesThatTrianglesMissAreKept();
    void longPriceSeriesAreReducedToThePointsAsked();
    void epochsParseFromNumbersAndDates();
};

void TestHistory::monthCloseHistoryIsPersistedWithTheLog()
{
    QTemporaryDir dir;
    Market m = demoMarket(dir);
    QCOMPARE(m.store().historySeq(), 0); // the genesis's listed prices
    const Month first = m.engine().currentMonth();
    bookAndClose(m);
    QCOMPARE(m.store().historySeq(), qint64(m.store().lastSeq()));
    QCOMPARE(m.engine().pendingEventCount(), size_t(0));

    const Month active = first.plus(1);
    const auto rows = m.store().clusterMonthHistory(QStringLiteral("FRA-1"), first, active);
    QVERIFY(rows.ok());
    QCOMPARE(rows->size(), 2);
    QCOMPARE(rows->at(0).bookedTb, 0); // nothing active in the first month
    QCOMPARE(rows->at(1).month, active);
    QCOMPARE(rows->at(1).bookedTb, 5);
    Int128 value = 0;
    qint64 capacity = 0;
    const auto b = m.engine().booking(1);
    for (const Slice &s : b->slices)
        value += s.price.baseUnits() * s.tb;
    for (quint32 n : m.engine().network().clusters[m.engine().network().findScope(QStringLiteral("FRA-1"))->index].nodes)
        capacity += m.engine().network().nodes[n].capacityTb;
    QCOMPARE(rows->at(1).bookedValue, Amount::fromBaseUnits(value));
    QCOMPARE(rows->at(1).capacityTb, capacity);

    // Every cluster has one row per closed month.
    const qint64 clusters = qint64(m.engine().network().clusters.size());
    const HistoryQuery q(m);
    const auto region = q.prices(QStringLiteral("EUW"), first, active, 100);
    QVERIFY(region.ok());
    QCOMPARE(region->monthly.size(), 2);
    QCOMPARE(region->monthly[1].bookedTb, 12);
    QVERIFY(!region->listed.isEmpty());
    const auto changes = q.listedPriceChanges(QStringLiteral("FRA-1"), first, first.plus(12));
    QVERIFY(changes.ok());
    QVERIFY(!changes->isEmpty());
    QCOMPARE(changes->first().change.sequence, quint64(0));
    QVERIFY(clusters > 3);
    // Booking all that FRA-2 has left for three months leaves nothing listed in them.
    const Month start = m.engine().currentMonth().plus(1);
    const auto free = m.engine().capacity(QStringLiteral("FRA-2"), {start, 3});
    QVERIFY(free.ok() && free->freeTbWholeRange > 0);
    const auto full = m.submit(booking(m.engine(), QStringLiteral("FRA-2"), free->freeTbWholeRange));
    QVERIFY(full.ok());
    const auto after = q.prices(QStringLiteral("FRA-2"), start, start.plus(2), 10);
    QVERIFY(after.ok());
    QCOMPARE(after->listed.first(), (ListedStep{start, false, Amount()}));
    const auto sold = q.listedPriceChanges(QStringLiteral("FRA-2"), start, start.plus(2));
    QCOMPARE(sold->last().change.sequence, full->sequence);
    QVERIFY(!sold->last().change.hasPrice);
    const CheckReport report = m.check();
    QVERIFY2(report.ok, qPrintable(report.problems.join(QLatin1Char(' '))));
}

void TestHistory::reopeningWritesNoDuplicates()
{
    QTemporaryDir dir;
    qint64 rows = 0;
    {
        Market m = demoMarket(dir);
        bookAndClose(m);
        rows = m.store().historyRowCount();
        QVERIFY(rows > 0);
    }
    for (int i = 0; i < 2; ++i) {
        auto m = Market::open(dir.path());
        QVERIFY(m.ok());
        QCOMPARE(m->store().historyRowCount(), rows);
    }
    // Even a replay that rewrites everything (the position lost) adds nothing.
    QVERIFY(rawExec(Market::databasePath(dir.path()), "DELETE FROM meta WHERE key = 'history_seq';"));
    auto m = Market::open(dir.path());
    QVERIFY(m.ok());
    QCOMPARE(m->store().historyRowCount(), rows);
    QCOMPARE(m->store().historySeq(), qint64(m->store().lastSeq()));
    QVERIFY(m->submit(CloseMonthTx{m->engine().currentMonth()}).ok());
    QVERIFY(m->store().historyRowCount() > rows);
    QVERIFY(m->check().ok);
}

void TestHistory::migratesAVersionTwoDatabase()
{
    QTemporaryDir dir;
    qint64 rows = 0;
    {
        Market m = demoMarket(dir);
        bookAndClose(m);
        rows = m.store().historyRowCount();
    }
    // Back to schema version 2: no history tables, no position.
    QVERIFY(rawExec(Market::databasePath(dir.path()),
                    "DROP TABLE hist_listed_price; DROP TABLE hist_cluster_month; DROP TABLE hist_sla_block; DROP TABLE hist_event; "
                    "DELETE FROM meta WHERE key = 'history_seq'; PRAGMA user_version = 2;"));
    auto m = Market::open(dir.path());
    QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : m.error().message));
    QCOMPARE(m->store().schemaVersion(), Store::kSchemaVersion);
    QCOMPARE(m->store().historyRowCount(), rows);
    const CheckReport report = m->check();
    QVERIFY2(report.ok, qPrintable(report.problems.join(QLatin1Char(' '))));
}

// A month of simulated SLA on the demo network (oracles report, epochs close), persisted.
void simulateAMonth(Market &m)
{
    SimulationOptions o;
    o.seed = 11;
    o.months = 1;
    o.bookingsPerMonth = 5;
    Simulator sim(
        m.engine(), o, [&m](const Transaction &tx) { return m.applyBuffered(tx); }, [&m]() { return m.commitBuffered(); });
    const auto summary = sim.run();
    QVERIFY2(summary.ok(), summary.ok() ? "" : qPrintable(summary.error().message));
    QVERIFY(summary->nodeEpochs > 0);
}

// Version 3 kept one row per HN per epoch (hist_node_epoch); version 4 packs a cluster's epoch
// into one block. The migration drops the rows and rebuilds the blocks from the log.
void TestHistory::migratesAVersionThreeDatabase()
{
    QTemporaryDir dir;
    qint64 rows = 0;
    QString node;
    qint64 from = 0, to = 0;
    QList<SlaEpochRow> epochs;
    {
        Market m = demoMarket(dir);
        simulateAMonth(m);
        QVERIFY(QTest::currentTestFailed() == false);
        rows = m.store().historyRowCount();
        node = m.engine().network().nodes.front().id;
        to = m.engine().currentEpoch();
        from = to - 40;
        const auto sla = HistoryQuery(m).nodeSla(node, from, to);
        QVERIFY(sla.ok());
        epochs = sla->epochs;
        QVERIFY(epochs.size() >= 28); // every epoch of the simulated month
    }
    QVERIFY(rawExec(Market::databasePath(dir.path()),
                    "DROP TABLE hist_sla_block; "
                    "CREATE TABLE hist_node_epoch (seq INTEGER NOT NULL CHECK (seq > 0), idx INTEGER NOT NULL CHECK (idx >= 0), "
                    "epoch INTEGER NOT NULL, node TEXT NOT NULL, observed INTEGER NOT NULL, compliant INTEGER NOT NULL, "
                    "availability_ppm INTEGER NOT NULL, latency_ms INTEGER NOT NULL, bandwidth_mbps INTEGER NOT NULL, "
                    "reliability_ppm INTEGER NOT NULL, PRIMARY KEY (seq, idx)) STRICT, WITHOUT ROWID; "
                    "INSERT INTO hist_node_epoch VALUES (1, 0, 1, 'x', 1, 1, 1, 1, 1, 1); PRAGMA user_version = 3;"));
    auto m = Market::open(dir.path());
    QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : m.error().message));
    QCOMPARE(m->store().schemaVersion(), Store::kSchemaVersion);
    QCOMPARE(m->store().historyRowCount(), rows);
    const auto sla = HistoryQuery(*m).nodeSla(node, from, to);
    QVERIFY(sla.ok());
    QCOMPARE(sla->epochs, epochs);
    const CheckReport report = m->check();
    QVERIFY2(report.ok, qPrintable(report.problems.join(QLatin1Char(' '))));
}

// A block that does not decode is a typed error naming the table, never a partial series.
void TestHistory::damagedSlaBlockIsReportedNotGuessed()
{
    QTemporaryDir dir;
    QString node;
    {
        Market m = demoMarket(dir);
        simulateAMonth(m);
        node = m.engine().network().nodes.front().id;
    }
    QVERIFY(rawExec(Market::databasePath(dir.path()), "UPDATE hist_sla_block SET data = substr(data, 1, length(data) - 3);"));
    auto m = Market::open(dir.path());
    QVERIFY(m.ok());
    const auto sla = HistoryQuery(*m).nodeSla(node, 0, m->engine().currentEpoch());
    QVERIFY(!sla.ok());
    QCOMPARE(sla.error().code, QStringLiteral("store.bad_row"));
    QVERIFY(sla.error().message.contains(QStringLiteral("hist_sla_block")));
}

void TestHistory::failedCommitLeavesHistoryAndLogTogether()
{
    QTemporaryDir dir;
    Market m = demoMarket(dir);
    QVERIFY(m.submit(booking(m.engine(), QStringLiteral("FRA-1"), 5)).ok());
    const qint64 rows = m.store().historyRowCount();
    const quint64 seq = m.store().lastSeq();
    QVERIFY(rawExec(m.store().path(), "CREATE TRIGGER refuse BEFORE INSERT ON hist_cluster_month BEGIN SELECT RAISE(ABORT, 'injected'); END;"));
    const auto r = m.submit(CloseMonthTx{m.engine().currentMonth()});
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("store.sql_failed"));
    QCOMPARE(m.store().lastSeq(), seq); // the log entry went with its history
    QCOMPARE(m.store().historyRowCount(), rows);
    QCOMPARE(m.engine().appliedCount(), seq);
    QVERIFY(rawExec(m.store().path(), "DROP TRIGGER refuse;"));
    QVERIFY(m.submit(CloseMonthTx{m.engine().currentMonth()}).ok());
    QVERIFY(m.store().historyRowCount() > rows);
    QVERIFY(m.check().ok);
}

void TestHistory::averagesAreTbWeightedAndExact()
{
    QTemporaryDir dir;
    Market m = demoMarket(dir);
    const Month a = ym(2200, 1), b = ym(2200, 2);
    const Amount three = Amount::fromIcnt(3);
    // FRA-1: 10 TB for 30 ICNT (3/TB); FRA-2: 30 TB for 60 ICNT (2/TB); FRA-3 closes with nothing
    // booked. Zone: 90 / 40 = 2.25 ICNT, utilisation 40 / 300 TB.
    QVERIFY(writeStraight(dir, {injected(1000, {ClusterMonthEvent{a, QStringLiteral("FRA-1"), 10, 100, Amount::fromIcnt(30)},
                                               ClusterMonthEvent{a, QStringLiteral("FRA-2"), 30, 100, Amount::fromIcnt(60)},
                                               ClusterMonthEvent{a, QStringLiteral("FRA-3"), 0, 100, Amount()},
                                               // 10 base units over 3 TB: 3 (truncated), 3 × 10^6 / 7 ppm = 428571
                                               ClusterMonthEvent{b, QStringLiteral("FRA-1"), 3, 7, Amount::fromBaseUnits(10)}})},
                              1000));
    const HistoryQuery q(m);
    const auto zone = q.prices(QStringLiteral("EUW-FRA"), a, b, 10);
    QVERIFY2(zone.ok(), qPrintable(zone.ok() ? QString() : zone.error().message));
    QCOMPARE(zone->scopeKind, ScopeKind::Zone);
    QCOMPARE(zone->monthly.size(), 2);
    const MonthlyPrice &first = zone->monthly[0];
    QCOMPARE(first.bookedTb, 40);
    QCOMPARE(first.capacityTb, 300);
    QCOMPARE(first.bookedValue, Amount::fromIcnt(90));
    QVERIFY(first.hasAverage);
    QCOMPARE(first.averagePrice.toString(), QStringLiteral("2.25"));
    QCOMPARE(first.utilisationPpm, 133'333);
    QCOMPARE(zone->monthly[1].averagePrice, Amount::fromBaseUnits(3));
    QCOMPARE(zone->monthly[1].utilisationPpm, 428'571);
    // The band spans the clusters' own averages (2 and 3 ICNT in the first month).
    QCOMPARE(zone->averageBand.size(), 2);
    QCOMPARE(zone->averageBand[0].min, Amount::fromIcnt(2));
    QCOMPARE(zone->averageBand[0].max, three);

    const auto cluster = q.prices(QStringLiteral("FRA-3"), a, a, 10);
    QVERIFY(cluster.ok());
    QCOMPARE(cluster->monthly.size(), 1);
    QVERIFY(!cluster->monthly[0].hasAverage);
    QCOMPARE(cluster->monthly[0].utilisationPpm, 0);
    QVERIFY(cluster->averageBand.isEmpty());
}

void TestHistory::listedPriceIsAStepSeries()
{
    QTemporaryDir dir;
    Market m = demoMarket(dir);
    const auto change = [](quint64 seq, const char *cluster, Month first, Month last, std::optional<qint64> icnt) {
        return ListedPriceChange{seq, QLatin1String(cluster), first, last, icnt.has_value(), icnt ? Amount::fromIcnt(*icnt) : Amount()};
    };
    LogRecord r1, r2;
    r1.seq = 1000;
    r1.month = ym(2199, 12);
    r1.priceChanges = {change(1000, "FRA-1", ym(2200, 1), ym(2200, 6), 3), change(1000, "FRA-2", ym(2200, 2), ym(2200, 3), 2)};
    r2.seq = 1001;
    r2.month = ym(2199, 12);
    r2.priceChanges = {change(1001, "FRA-1", ym(2200, 3), ym(2200, 4), 4), change(1001, "FRA-1", ym(2200, 6), ym(2200, 6), std::nullopt)};
    QVERIFY(writeStraight(dir, {r1, r2}, 1001));

    const HistoryQuery q(m);
    const auto cluster = q.prices(QStringLiteral("FRA-1"), ym(2200, 1), ym(2200, 7), 100);
    QVERIFY(cluster.ok());
    const QList<ListedStep> expected{{ym(2200, 1), true, Amount::fromIcnt(3)}, {ym(2200, 3), true, Amount::fromIcnt(4)},
                                     {ym(2200, 5), true, Amount::fromIcnt(3)}, {ym(2200, 6), false, Amount()},
                                     {ym(2200, 7), false, Amount()}};
    QCOMPARE(cluster->listed, expected);
    // The zone lists its cheapest cluster: FRA-2 at 2 in February and March.
    const auto zone = q.prices(QStringLiteral("EUW-FRA"), ym(2200, 1), ym(2200, 5), 100);
    QVERIFY(zone.ok());
    const QList<ListedStep> zoneExpected{{ym(2200, 1), true, Amount::fromIcnt(3)}, {ym(2200, 2), true, Amount::fromIcnt(2)},
                                         {ym(2200, 4), true, Amount::fromIcnt(4)}, {ym(2200, 5), true, Amount::fromIcnt(3)}};
    QCOMPARE(zone->listed, zoneExpected);
    // Two points: the first and the last step only.
    const auto two = q.prices(QStringLiteral("FRA-1"), ym(2200, 1), ym(2200, 7), 2);
    QCOMPARE(two->listed.size(), 2);
    QCOMPARE(two->listed.first(), expected.first());
    QCOMPARE(two->listed.last(), expected.last());
    const auto raw = q.listedPriceChanges(QStringLiteral("FRA-1"), ym(2200, 5), ym(2200, 5));
    QCOMPARE(raw->size(), 1);
    QCOMPARE(raw->first().atMonth, ym(2199, 12));
}

void TestHistory::refusesBadQueries_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    QTest::newRow("an unknown scope") << "scope" << "history.unknown_scope" << "scope";
    QTest::newRow("a month range that ends before it starts") << "months" << "history.bad_range" << "from";
    QTest::newRow("fewer than two points") << "points" << "history.bad_points" << "points";
    QTest::newRow("an unknown hardware node") << "node" << "history.unknown_node" << "hn";
    QTest::newRow("an account that runs no node") << "provider" << "history.unknown_provider" << "hp";
    QTest::newRow("an epoch range that ends before it starts") << "epochs" << "history.bad_range" << "from";
}

void TestHistory::refusesBadQueries()
{
    QFETCH(QString, what);
    QFETCH(QString, code);
    QFETCH(QString, field);
    QTemporaryDir dir;
    Market m = demoMarket(dir);
    const HistoryQuery q(m);
    const QString node = m.engine().network().nodes.front().id;
    Error e;
    if (what == QLatin1String("scope"))
        e = q.prices(QStringLiteral("NOWHERE"), ym(2026, 1), ym(2026, 2), 10).error();
    else if (what == QLatin1String("months"))
        e = q.prices(QStringLiteral("FRA-1"), ym(2026, 3), ym(2026, 2), 10).error();
    else if (what == QLatin1String("points"))
        e = q.prices(QStringLiteral("FRA-1"), ym(2026, 1), ym(2026, 2), 1).error();
    else if (what == QLatin1String("node"))
        e = q.nodeSla(QStringLiteral("NO-NODE"), 0, 10).error();
    else if (what == QLatin1String("provider"))
        e = q.providerSla(demoSp(), 0, 10).error();
    else
        e = q.nodeSla(node, 10, 9).error();
    QCOMPARE(e.code, code);
    QCOMPARE(e.field, field);
}

void TestHistory::slaSeriesPerNodeAndProvider()
{
    QTemporaryDir dir;
    Market m = demoMarket(dir);
    QVERIFY(m.submit(booking(m.engine(), QStringLiteral("FRA-1"), 5)).ok());
    const NetworkState &net = m.engine().network();
    const auto b = m.engine().booking(1);
    const QString n1 = b->slices.front().nodeId;
    const Address hp = net.nodes[net.nodeIndex.value(n1)].provider;
    QString n2; // another HN of the same HP
    for (const NodeRec &n : net.nodes)
        if (n.provider == hp && n.id != n1 && n2.isEmpty())
            n2 = n.id;
    QVERIFY(!n2.isEmpty());
    const qint64 e0 = 20'400;
    const Month month = HistoryQuery::monthOfEpoch(e0);
    const auto clusterOf = [&net](const QString &node) { return net.clusters[net.nodes[net.nodeIndex.value(node)].cluster].id; };
    const QString c1 = clusterOf(n1), c2 = clusterOf(n2);
    QVERIFY(writeStraight(dir, {injected(1000, {NodeEpochEvent{e0, n1, true, true, 999'500, 80, 1'500, 900'900, c1},
                                               NodeEpochEvent{e0, n2, true, false, 990'000, 200, 2'000, 890'000, c2}}),
                               injected(1001, {NodeEpochEvent{e0 + 1, n1, false, false, 0, 0, 0, 900'900, c1},
                                               SlashEvent{e0 + 1, n1, 1, 5'000, Amount::fromIcnt(7), false},
                                               WithholdingEvent{month, 1, n1, 2, Amount::fromBaseUnits(123)},
                                               RewardEvent{month, n1, Amount::fromIcnt(2), Amount::fromIcnt(1)},
                                               ClaimEvent{1, demoSp().toChecksummed(), Amount::fromBaseUnits(123)}},
                                        month, e0 + 1)},
                              1001));
    const HistoryQuery q(m);
    const auto node = q.nodeSla(n1, e0, e0 + 5);
    QVERIFY2(node.ok(), qPrintable(node.ok() ? QString() : node.error().message));
    QCOMPARE(node->epochs.size(), 2);
    QCOMPARE(node->epochs[0], (SlaEpochRow{e0, 1, 1, 1, 999'500, 80, 1'500, 900'900}));
    QCOMPARE(node->epochs[1].observed, 0);
    QCOMPARE(node->observedEpochs, 1);
    QCOMPARE(node->compliantEpochs, 1);
    QCOMPARE(node->slashes.size(), 1);
    QCOMPARE(node->slashes[0].amount, Amount::fromIcnt(7));
    QCOMPARE(node->withholdings.size(), 1);
    QCOMPARE(node->withholdings[0].withheld, Amount::fromBaseUnits(123));
    QCOMPARE(node->withholdings[0].breachDays, 2);
    QCOMPARE(node->rewards.size(), 1);
    QCOMPARE(node->rewards[0].toCollateral, Amount::fromIcnt(1));
    QCOMPARE(node->claims.size(), 1);
    QCOMPARE(node->claims[0].bookingId, quint64(1));
    QCOMPARE(node->availabilityBand.size(), 1);
    // Outside the range: nothing.
    QVERIFY(q.nodeSla(n1, e0 + 2, e0 + 5)->slashes.isEmpty());

    const auto provider = q.providerSla(hp, e0, e0 + 5);
    QVERIFY(provider.ok());
    QVERIFY(provider->nodes.contains(n1) && provider->nodes.contains(n2));
    // Epoch e0: 2 HNs observed, 1 compliant; worst medians; mean reliability (900900 + 890000) / 2.
    QCOMPARE(provider->epochs[0], (SlaEpochRow{e0, 2, 2, 1, 990'000, 200, 1'500, 895'450}));
    QCOMPARE(provider->slashes.size(), 1);
    QCOMPARE(provider->claims.size(), 1);
    // n2 alone had no slash nor claim.
    QVERIFY(q.nodeSla(n2, e0, e0 + 5)->slashes.isEmpty());
    QVERIFY(q.nodeSla(n2, e0, e0 + 5)->claims.isEmpty());
}

// 300 epochs of one HN asked as 12 points: the rows follow the reliability line, and each metric's
// band still holds its one-epoch extreme (a latency spike, a bandwidth dip) that no picked row shows.
void TestHistory::downsampledSlaKeepsEveryMetricsExtremes()
{
    QTemporaryDir dir;
    Market m = demoMarket(dir);
    const NetworkState &net = m.engine().network();
    const NodeRec &node = net.nodes.front();
    const QString cluster = net.clusters[node.cluster].id;
    const qint64 e0 = 20'000;
    std::vector<EngineEventData> rows;
    for (qint64 k = 0; k < 300; ++k)
        rows.push_back(NodeEpochEvent{e0 + k, node.id, true, k != 101 && k != 202, 999'500, k == 101 ? 900 : 80,
                                      k == 202 ? 10 : 1'500, 900'000, cluster});
    QVERIFY(writeStraight(dir, {injected(1000, std::move(rows))}, 1000));
    const auto sla = HistoryQuery(m).nodeSla(node.id, e0, e0 + 299, 12);
    QVERIFY2(sla.ok(), qPrintable(sla.ok() ? QString() : sla.error().message));
    QCOMPARE(sla->sourceEpochs, 300);
    QVERIFY(sla->epochs.size() <= 12);
    QVERIFY(sla->latencyBand.size() <= 12 && sla->bandwidthBand.size() <= 12 && sla->availabilityBand.size() <= 12);
    qint64 worstLatency = 0, lowestBandwidth = std::numeric_limits<qint64>::max();
    for (const BandBucket<qint64> &b : sla->latencyBand) {
        worstLatency = std::max(worstLatency, b.max);
        QCOMPARE(b.min, b.xFirst <= e0 + 101 && e0 + 101 <= b.xLast && b.xFirst == b.xLast ? 900 : 80);
    }
    for (const BandBucket<qint64> &b : sla->bandwidthBand)
        lowestBandwidth = std::min(lowestBandwidth, b.min);
    QCOMPARE(worstLatency, 900);
    QCOMPARE(lowestBandwidth, 10);
    // The buckets cover the range once, in order.
    QCOMPARE(sla->latencyBand.front().xFirst, e0);
    QCOMPARE(sla->latencyBand.back().xLast, e0 + 299);
    for (qsizetype i = 1; i < sla->latencyBand.size(); ++i)
        QVERIFY(sla->latencyBand[i].xFirst > sla->latencyBand[i - 1].xLast);
}

void TestHistory::downsampledLinesKeepLimitsAndExtremes_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("points");
    QTest::newRow("a short series is returned whole") << 5 << 10;
    QTest::newRow("two points keep first and last") << 1000 << 2;
    QTest::newRow("four points keep both extremes") << 1000 << 4;
    QTest::newRow("a hundred points out of ten thousand") << 10'000 << 100;
    QTest::newRow("a thousand points out of a hundred thousand") << 100'000 << 1000;
}

void TestHistory::downsampledLinesKeepLimitsAndExtremes()
{
    QFETCH(int, size);
    QFETCH(int, points);
    QRandomGenerator random(size * 7 + points);
    QList<AmountPoint> series;
    Int128 y = 3 * Amount::kUnitsPerIcnt;
    for (int i = 0; i < size; ++i) {
        y += Int128(random.bounded(2001) - 1000) * 1'000'000'000'000LL;
        series.append({i, y});
    }
    // Spikes in the middle of buckets, where a triangle may not pick them.
    series[size / 3].y = 50 * Amount::kUnitsPerIcnt;
    series[2 * size / 3].y = -50 * Amount::kUnitsPerIcnt;
    const auto out = HistoryQuery::downsampleLine(series, points);
    QVERIFY(out.ok());
    QVERIFY(out->size() <= points);
    QCOMPARE(out->first(), series.first());
    QCOMPARE(out->last(), series.last());
    for (qsizetype i = 1; i < out->size(); ++i)
        QVERIFY(out->at(i - 1).x < out->at(i).x);
    for (const AmountPoint &p : *out)
        QCOMPARE(series[qsizetype(p.x)], p); // every point is an input point, unchanged
    if (points >= 4 || size <= points) {
        QVERIFY(out->contains(series[size / 3]));
        QVERIFY(out->contains(series[2 * size / 3]));
    }
}

// Ten points to four: LTTB's first bucket (x 1..4) holds both the maximum (x 2) and the deeper
// minimum (x 3) and keeps only the minimum; the maximum takes the second bucket's slot.
void TestHistory::extremesThatTrianglesMissAreKept()
{
    const QList<SeriesPoint> series{{0, 0}, {1, 1}, {2, 50}, {3, -100}, {4, 2}, {5, 3}, {6, 1}, {7, 4}, {8, 2}, {9, 0}};
    const auto plain = Downsample::lttb(series, 4);
    QVERIFY(!plain->contains(SeriesPoint{2, 50})); // what this guards against
    const auto kept = HistoryQuery::downsampleLine(series, 4);
    QCOMPARE(*kept, (QList<SeriesPoint>{{0, 0}, {2, 50}, {3, -100}, {9, 0}}));
    // The same as amounts, small and beyond 2^82 base units (the wide-shift path): the same picks.
    for (const Int128 scale : {Int128(1), Int128(1) << 90}) {
        QList<AmountPoint> amounts;
        for (const SeriesPoint &p : series)
            amounts.append({p.x, Int128(p.y) * scale});
        QList<AmountPoint> expected;
        for (const SeriesPoint &p : *kept)
            expected.append({p.x, Int128(p.y) * scale});
        QCOMPARE(*HistoryQuery::downsampleLine(amounts, 4), expected);
    }
    const auto three = HistoryQuery::downsampleLine(series, 3);
    QCOMPARE(three->size(), 3); // one inner slot: the deeper extreme
    QVERIFY(three->contains(SeriesPoint{3, -100}));
}

void TestHistory::longPriceSeriesAreReducedToThePointsAsked()
{
    QTemporaryDir dir;
    Market m = demoMarket(dir);
    std::vector<EngineEventData> events;
    const Month start = ym(2300, 1);
    for (int i = 0; i < 600; ++i) {
        const qint64 tb = 1 + (i * 37) % 50;
        events.push_back(ClusterMonthEvent{start.plus(i), QStringLiteral("FRA-1"), tb, 100, Amount::fromIcnt(tb * (2 + i % 5))});
        events.push_back(ClusterMonthEvent{start.plus(i), QStringLiteral("FRA-2"), tb, 100, Amount::fromIcnt(tb * (3 + i % 7))});
    }
    QVERIFY(writeStraight(dir, {injected(1000, std::move(events))}, 1000));
    const HistoryQuery q(m);
    const auto h = q.prices(QStringLiteral("EUW-FRA"), start, start.plus(599), 50);
    QVERIFY(h.ok());
    QCOMPARE(h->closedMonths, 600);
    QVERIFY(h->monthly.size() <= 50);
    QVERIFY(h->averageBand.size() <= 50);
    QVERIFY(h->listed.size() <= 50);
    QCOMPARE(h->monthly.first().month, start);
    QCOMPARE(h->monthly.last().month, start.plus(599));
    QCOMPARE(h->averageBand.first().first, start);
    QCOMPARE(h->averageBand.last().last, start.plus(599));
}

void TestHistory::epochsParseFromNumbersAndDates()
{
    QCOMPARE(*HistoryQuery::parseEpoch(QStringLiteral("20412"), QStringLiteral("from")), 20412);
    QCOMPARE(*HistoryQuery::parseEpoch(QStringLiteral("1970-01-02"), QStringLiteral("from")), 1);
    QCOMPARE(*HistoryQuery::parseEpoch(QStringLiteral("2025-11-20"), QStringLiteral("from")), 20412);
    const auto bad = HistoryQuery::parseEpoch(QStringLiteral("2025-13-01"), QStringLiteral("to"));
    QCOMPARE(bad.error().code, QStringLiteral("history.bad_epoch"));
    QCOMPARE(bad.error().field, QStringLiteral("to"));
    QCOMPARE(HistoryQuery::monthOfEpoch(20412), ym(2025, 11));
}

QTEST_GUILESS_MAIN(TestHistory)
#include "tst_history.moc"
