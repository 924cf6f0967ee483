#include "service/LocalMarketService.h"

#include "DemoNetwork.h"
#include "Hex.h"
#include "Simulator.h"
#include "NetworkGenerator.h"
#include "Market.h"

#include "pages/ActivityPage.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProgressBar>
#include <QPushButton>
#include <QSemaphore>
#include <QtConcurrent/QtConcurrentRun>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace icn;
using namespace icn::ui;

namespace {
// m/44'/60'/0'/0/0 of the public test mnemonic "abandon × 11, about" (BIP-44 test vector): the
// demo SP's key, public on purpose (local mirror only).
SecureBytes demoKey()
{
    return SecureBytes(QByteArray::fromHex("1ab42cc412b618bdea3a599e3c9bae199ebf030895b039e9db1e30dafb12b727"));
}
} // namespace

class TestLocalMarketService : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void treeFollowsTheDemoNetwork();
    void quoteAndBookGoThroughTheEngine();
    void priceChangeAndWrongKeyComeBackTyped();
    void hnScopeIsRefused();
    void reopensFromTheStore();
    void bookingsShowWithheldCompensation();
    void explainsWhyClustersAndNodesAreNotMatched();
    void capacityAndAskLadderFollowBookings();
    void checkReportsProgressAndLeavesTheServiceAnswering();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalMarketService> m_service;
    Address m_sp;
};

void TestLocalMarketService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto opened = LocalMarketService::openOrCreate(m_dir->path(), DemoNetwork::snapshot());
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
    m_service = std::move(opened).value();
    m_sp = *Address::parse(DemoNetwork::demoSpAddress());
}

void TestLocalMarketService::treeFollowsTheDemoNetwork()
{
    const Month next = m_service->currentMonth().plus(1);
    const QList<ScopeNode> tree = m_service->scopeTree({next, 3});
    QStringList fra1Nodes;
    bool sawFra3 = false;
    for (const ScopeNode &n : tree) {
        if (n.kind == ui::ScopeKind::Node && n.parentId == QLatin1String("FRA-1"))
            fra1Nodes << n.id;
        sawFra3 = sawFra3 || n.id == QLatin1String("FRA-3");
    }
    QCOMPARE(fra1Nodes.size(), 2); // PROTOCOL.md's seed example
    QVERIFY(sawFra3);
    QVERIFY(m_service->balance(m_sp) > Amount());
}

void TestLocalMarketService::quoteAndBookGoThroughTheEngine()
{
    const MonthRange range{m_service->currentMonth().plus(1), 3};
    const Result<QuoteResult> q = m_service->quote(QStringLiteral("FRA-1"), 10, range);
    QVERIFY2(q.ok(), qPrintable(q.ok() ? QString() : q.error().toString()));
    QCOMPARE(q->clusterId, QStringLiteral("FRA-1"));
    Amount sum;
    for (const QuoteSlice &s : q->slices)
        sum = *sum.add(*s.price.mul(Int128(s.sizeTb) * range.months));
    QCOMPARE(sum, q->hpCost);
    QCOMPARE(*q->hpCost.add(q->margin), q->total);

    const Amount before = m_service->balance(m_sp);
    QSignalSpy changed(m_service.get(), &MarketService::stateChanged);
    const Result<ui::BookingRow> row = m_service->book({m_sp, QStringLiteral("FRA-1"), 10, range, q->total}, demoKey());
    QVERIFY2(row.ok(), qPrintable(row.ok() ? QString() : row.error().toString()));
    QCOMPARE(row->clusterId, QStringLiteral("FRA-1"));
    QCOMPARE(row->total, q->total);
    QCOMPARE(m_service->balance(m_sp), *before.sub(q->total));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_service->bookings(m_sp).size(), 1);
    // Any booking by id (quick search shows another account's in its details).
    const std::optional<ui::BookingRow> byId = m_service->booking(row->id);
    QVERIFY(byId.has_value());
    QCOMPARE(byId->sp, m_sp);
    QCOMPARE(byId->total, q->total);
    QVERIFY(!m_service->booking(QStringLiteral("999999")).has_value());
    QVERIFY(!m_service->booking(QStringLiteral("not a number")).has_value());
    QVERIFY(m_service->activityCount() >= 1);
    // The decoded transaction for the activity detail view.
    const QList<ActivityRow> entries = m_service->activity(m_service->activityCount(), 1);
    QCOMPARE(entries.size(), 1);
    const QString details = m_service->activityDetails(entries.first().seq);
    const QJsonObject decoded = QJsonDocument::fromJson(details.toUtf8()).object();
    QCOMPARE(decoded.value(QStringLiteral("type")).toString(), QStringLiteral("book"));
    QCOMPARE(decoded.value(QStringLiteral("scope")).toString(), QStringLiteral("FRA-1"));
    QCOMPARE(decoded.value(QStringLiteral("quotedTotal")).toString(), q->total.toString());
    QCOMPARE(decoded.value(QStringLiteral("signed")).toBool(), true);
    QVERIFY(!details.contains(QStringLiteral("signature")));
    QVERIFY(m_service->activityDetails(m_service->activityCount() + 1).isEmpty()); // no such entry

    // The activity filter, answered in SQL: type exact, signer substring in any case, wildcards literal.
    const quint64 bookedSeq = entries.first().seq;
    const auto books = m_service->activityMatching(QStringLiteral("book"), QString());
    QVERIFY(books.has_value());
    QCOMPARE(*books, QList<quint64>{bookedSeq});
    const QString middle = m_sp.toChecksummed().mid(6, 8).toUpper();
    const auto bySigner = m_service->activityMatching(QString(), middle);
    QVERIFY(bySigner.has_value() && bySigner->contains(bookedSeq));
    QCOMPARE(m_service->activityMatching(QString(), QStringLiteral("%"))->size(), 0);
    QCOMPARE(m_service->activityMatching(QString(), QStringLiteral("_"))->size(), 0);
    QCOMPARE(m_service->activityMatching(QStringLiteral("no_such_type"), QString())->size(), 0);
    QCOMPARE(quint64(m_service->activityMatching(QString(), QString())->size()), m_service->activityCount());
}

void TestLocalMarketService::priceChangeAndWrongKeyComeBackTyped()
{
    const MonthRange range{m_service->currentMonth().plus(1), 3};
    const Result<QuoteResult> q = m_service->quote(QStringLiteral("FRA-1"), 10, range);
    QVERIFY(q.ok());
    const Amount wrongTotal = *q->total.add(Amount::fromIcnt(1));
    const Result<ui::BookingRow> moved = m_service->book({m_sp, QStringLiteral("FRA-1"), 10, range, wrongTotal}, demoKey());
    QVERIFY(!moved.ok());
    QCOMPARE(moved.error().code, QStringLiteral("booking.price_changed"));
    QCOMPARE(moved.error().details.value(QStringLiteral("actual")).toString(), q->total.toStorage());
    const Result<ui::BookingRow> wrongKey = m_service->book({m_sp, QStringLiteral("FRA-1"), 10, range, q->total},
                                                        SecureBytes(QByteArray(32, '\x22')));
    QVERIFY(!wrongKey.ok());
    QVERIFY(m_service->bookings(m_sp).isEmpty());
}

void TestLocalMarketService::hnScopeIsRefused()
{
    const Result<QuoteResult> q = m_service->quote(QStringLiteral("FRA-1-N01"), 10, {m_service->currentMonth().plus(1), 3});
    QVERIFY(!q.ok());
    QCOMPARE(q.error().code, QStringLiteral("booking.scope_not_bookable"));
}

void TestLocalMarketService::reopensFromTheStore()
{
    const MonthRange range{m_service->currentMonth().plus(1), 3};
    const Result<QuoteResult> q = m_service->quote(QStringLiteral("EUW"), 5, range);
    QVERIFY(q.ok());
    QVERIFY(m_service->book({m_sp, QStringLiteral("EUW"), 5, range, q->total}, demoKey()).ok());
    m_service.reset();
    auto reopened = LocalMarketService::openOrCreate(m_dir->path(), DemoNetwork::snapshot());
    QVERIFY(reopened.ok());
    QCOMPARE((*reopened)->bookings(m_sp).size(), 1);
}

// Bookings on HNs that breached their SLA carry the withheld, claimable ICNT in their row.
void TestLocalMarketService::bookingsShowWithheldCompensation()
{
    QTemporaryDir dir;
    GeneratorOptions g;
    g.seed = 12;
    g.regions = 1;
    g.zonesPerRegion = 2;
    g.clustersPerZone = 2;
    g.nodesPerCluster = 5;
    const NetworkSnapshot network = NetworkGenerator::generate(g);
    QHash<quint64, Amount> claimable;
    QSet<Address> sps;
    {
        auto market = Market::create(dir.path(), network);
        QVERIFY(market.ok());
        SimulationOptions o;
        o.seed = 3;
        o.months = 3;
        o.bookingsPerMonth = 30;
        o.tendersPerMonth = 0;
        o.reverseAuctionsPerMonth = 0;
        ScenarioEvent outage; // the whole region fails for 10 days in the 2nd and 3rd month
        outage.from = network.currentMonth.plus(1);
        outage.to = network.currentMonth.plus(2);
        outage.scope = network.regions.first().id;
        outage.epochs = 10;
        o.events = {outage};
        Simulator sim(
            market->engine(), o, [&](const Transaction &tx) { return market->applyBuffered(tx); },
            [&]() { return market->commitBuffered(); });
        QVERIFY(sim.run().ok());
        for (const BookingInfo &b : market->engine().bookings()) {
            claimable.insert(b.id, market->engine().claimable(b.id));
            sps.insert(b.sp);
        }
    }
    auto opened = LocalMarketService::openOrCreate(dir.path(), network);
    QVERIFY(opened.ok());
    int withWithheld = 0;
    for (const Address &sp : sps)
        for (const ui::BookingRow &row : (*opened)->bookings(sp)) {
            QCOMPARE(row.withheld, claimable.value(row.id.toULongLong()));
            if (row.withheld > Amount())
                ++withWithheld;
        }
    QVERIFY(withWithheld > 0);
}

namespace {

QString reasonFor(const QList<Exclusion> &exclusions, const QString &clusterId, const QString &nodeId)
{
    for (const Exclusion &e : exclusions)
        if (e.clusterId == clusterId && e.nodeId == nodeId)
            return e.reason;
    return {};
}

QStringList nodesOf(const NetworkSnapshot &s, const QString &clusterId)
{
    QStringList out;
    for (const HardwareNode &n : s.nodes)
        if (n.clusterId == clusterId)
            out << n.id;
    return out;
}

} // namespace

// "Why not matched" on the real mirror, one reason at a time: a jailed HN, an HN whose commitment
// ends inside the range, a start beyond what the HNs sell, a month that is full (named, with how
// much the cluster has free then), and the cluster that is cheaper.
void TestLocalMarketService::explainsWhyClustersAndNodesAreNotMatched()
{
    NetworkSnapshot genesis = DemoNetwork::snapshot();
    const QStringList fra3 = nodesOf(genesis, QStringLiteral("FRA-3"));
    QVERIFY(fra3.size() >= 3);
    const Month now = genesis.currentMonth;
    for (HardwareNode &n : genesis.nodes) {
        if (n.id == fra3[0])
            n.status = NodeStatus::Jailed;
        if (n.id == fra3[1]) {
            n.registeredMonth = now.plus(-40);
            n.commitmentEnd = now.plus(2);
        }
    }
    QTemporaryDir dir;
    auto opened = LocalMarketService::openOrCreate(dir.path(), genesis);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
    LocalMarketService &service = **opened;

    const MonthRange range{now.plus(1), 3};
    QList<Exclusion> why = service.explainExclusions(QStringLiteral("FRA-3"), 10, range);
    QCOMPARE(reasonFor(why, QStringLiteral("FRA-3"), fra3[0]), QStringLiteral("status is Jailed"));
    QCOMPARE(reasonFor(why, QStringLiteral("FRA-3"), fra3[1]), QStringLiteral("commitment ends %1").arg(now.plus(2).toString()));
    QVERIFY(reasonFor(why, QStringLiteral("FRA-3"), fra3[2]).isEmpty()
            || reasonFor(why, QStringLiteral("FRA-3"), fra3[2]).startsWith(QStringLiteral("not needed")));

    // Lead too long: every HN sells at most its maxLeadMonths ahead.
    const BookingLimits limits = service.bookingLimits();
    const MonthRange far{now.plus(limits.maxLeadMonths + 1), 3};
    why = service.explainExclusions(QStringLiteral("FRA-1"), 10, far);
    for (const QString &node : nodesOf(genesis, QStringLiteral("FRA-1")))
        QVERIFY2(reasonFor(why, QStringLiteral("FRA-1"), node).startsWith(QStringLiteral("sells at most")),
                 qPrintable(reasonFor(why, QStringLiteral("FRA-1"), node)));

    // A full month is named: book all of FRA-1 for three months, then ask for a range that
    // overlaps their last month.
    const QList<ScopeNode> tree = service.scopeTree(range);
    qint64 freeFra1 = 0;
    for (const ScopeNode &n : tree)
        if (n.id == QLatin1String("FRA-1"))
            freeFra1 = n.freeTb;
    QVERIFY(freeFra1 > 0);
    const Result<QuoteResult> q = service.quote(QStringLiteral("FRA-1"), freeFra1, range);
    QVERIFY2(q.ok(), qPrintable(q.ok() ? QString() : q.error().toString()));
    QVERIFY(service.book({m_sp, QStringLiteral("FRA-1"), freeFra1, range, q->total}, demoKey()).ok());
    const MonthRange overlapping{range.last(), 3};
    why = service.explainExclusions(QStringLiteral("FRA-1"), 10, overlapping);
    for (const QString &node : nodesOf(genesis, QStringLiteral("FRA-1")))
        QVERIFY2(reasonFor(why, QStringLiteral("FRA-1"), node).startsWith(QStringLiteral("no free capacity in %1: all ").arg(range.last().toString())),
                 qPrintable(reasonFor(why, QStringLiteral("FRA-1"), node)));
    QCOMPARE(reasonFor(why, QStringLiteral("FRA-1"), QString()),
             QStringLiteral("short in %1: only 0 TB free on eligible nodes that month (10 TB asked); a booking never spans clusters")
                 .arg(range.last().toString()));

    // Zone scope: the cluster that serves is named where the others would also do.
    why = service.explainExclusions(QStringLiteral("EUW-FRA"), 10, range);
    const Result<QuoteResult> zone = service.quote(QStringLiteral("EUW-FRA"), 10, range);
    QVERIFY(zone.ok());
    QVERIFY(reasonFor(why, QStringLiteral("FRA-1"), QString()).startsWith(QStringLiteral("short in")));
    for (const Exclusion &e : why)
        QVERIFY2(e.clusterId != zone->clusterId || !e.nodeId.isEmpty(), qPrintable(e.reason)); // the serving cluster is not excluded
}

void TestLocalMarketService::capacityAndAskLadderFollowBookings()
{
    const MonthRange range{m_service->currentMonth().plus(1), 3};
    const QList<CapacityPoint> before = m_service->capacityByMonth(QStringLiteral("FRA-1"), range);
    QCOMPARE(before.size(), 3);
    QCOMPARE(before.first().month, range.first);
    const QList<AskLevel> ladder = m_service->askLadder(QStringLiteral("FRA-1"), range);
    QVERIFY(!ladder.isEmpty());
    qint64 offered = 0;
    for (qsizetype i = 0; i < ladder.size(); ++i) {
        offered += ladder[i].freeTb;
        if (i > 0)
            QVERIFY(ladder[i - 1].price < ladder[i].price); // ascending, one level per price
    }
    qint64 freeFra1 = 0;
    for (const ScopeNode &n : m_service->scopeTree(range))
        if (n.id == QLatin1String("FRA-1"))
            freeFra1 = n.freeTb;
    QCOMPARE(offered, freeFra1);

    // 10 TB booked: every month of the range shows them, the cheapest level shrinks by them.
    const Result<QuoteResult> q = m_service->quote(QStringLiteral("FRA-1"), 10, range);
    QVERIFY(q.ok());
    QVERIFY(m_service->book({m_sp, QStringLiteral("FRA-1"), 10, range, q->total}, demoKey()).ok());
    const QList<CapacityPoint> after = m_service->capacityByMonth(QStringLiteral("FRA-1"), range);
    for (qsizetype i = 0; i < after.size(); ++i) {
        QCOMPARE(after[i].capacityTb, before[i].capacityTb);
        QCOMPARE(after[i].bookedTb, before[i].bookedTb + 10);
    }
    const QList<AskLevel> later = m_service->askLadder(QStringLiteral("FRA-1"), range);
    qint64 offeredLater = 0;
    for (const AskLevel &l : later)
        offeredLater += l.freeTb;
    QCOMPARE(offeredLater, offered - 10);
    // An HN's own capacity; an unknown scope has none.
    const QList<CapacityPoint> node = m_service->capacityByMonth(q->slices.first().nodeId, range);
    QCOMPARE(node.size(), 3);
    QVERIFY(node.first().bookedTb >= q->slices.first().sizeTb);
    QVERIFY(m_service->capacityByMonth(QStringLiteral("NOPE"), range).isEmpty());
    QVERIFY(m_service->askLadder(QStringLiteral("NOPE"), range).isEmpty());
}

// A log of several replay chunks: the check reports progress between its first and last steps,
// and while it replays, the window's calls are answered at once (no lock held over the check).
void TestLocalMarketService::checkReportsProgressAndLeavesTheServiceAnswering()
{
    QTemporaryDir dir;
    {
        Result<Market> market = Market::create(dir.path(), DemoNetwork::snapshot());
        QVERIFY(market.ok());
        QList<Transaction> faucets;
        for (int i = 0; i < 3 * 4096; ++i)
            faucets.append(FaucetTx{m_sp, Amount::fromIcnt(1)});
        for (const Result<Receipt> &r : market->submitBatch(faucets))
            QVERIFY(r.ok());
    }
    auto opened = LocalMarketService::openOrCreate(dir.path(), DemoNetwork::snapshot());
    QVERIFY(opened.ok());
    LocalMarketService &service = **opened;

    QList<int> percents;
    QSemaphore reachedMiddle, mayGoOn;
    bool paused = false; // the worker pauses once, in the middle of the replay
    QFuture<ui::CheckReport> running = QtConcurrent::run([&] {
        return service.check([&](int percent) {
            percents.append(percent);
            if (percent > 10 && percent < 95 && !paused) {
                paused = true;
                reachedMiddle.release();
                (void)mayGoOn.tryAcquire(1, 10'000);
            }
        });
    });
    QVERIFY(reachedMiddle.tryAcquire(1, 20'000)); // `paused` and `percents` are the worker's until it ends
    QElapsedTimer answered;
    answered.start();
    QCOMPARE(service.activityCount(), quint64(3 * 4096));
    QVERIFY(service.balance(m_sp) > Amount());
    QVERIFY2(answered.elapsed() < 2'000, "the service answered only after the check");
    // A booking committed in the middle of the check (log, history and bookings rows) is not a
    // problem: the check reads one snapshot and names what came after it.
    const MonthRange range{service.currentMonth().plus(1), 3};
    const Result<QuoteResult> q = service.quote(QStringLiteral("FRA-1"), 10, range);
    QVERIFY(q.ok());
    QVERIFY(service.book({m_sp, QStringLiteral("FRA-1"), 10, range, q->total}, demoKey()).ok());
    mayGoOn.release();
    const ui::CheckReport report = running.result();
    QVERIFY2(report.ok, qPrintable(report.lines.join(QLatin1Char('\n'))));
    QVERIFY(report.lines.contains(QStringLiteral("Replayed 12288 log entries")));
    QVERIFY2(report.lines.contains(QStringLiteral("1 transaction(s) applied during the check are checked next time.")),
             qPrintable(report.lines.join(QLatin1Char('\n'))));
    QCOMPARE(percents.first(), 0);
    QCOMPARE(percents.last(), 100);
    QVERIFY(std::is_sorted(percents.cbegin(), percents.cend()));
    QVERIFY2(std::count_if(percents.cbegin(), percents.cend(), [](int p) { return p > 10 && p < 95; }) >= 2,
             qPrintable(QStringLiteral("%1").arg(percents.size())));

    // The Activity page's bar shows those steps.
    ActivityPage page(&service);
    page.show();
    auto *bar = page.findChild<QProgressBar *>(QStringLiteral("checkProgress"));
    QList<int> shown;
    QObject context;
    connect(bar, &QProgressBar::valueChanged, &context, [&shown](int v) { shown.append(v); });
    QSignalSpy finished(&page, &ActivityPage::checkFinished);
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("checkButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30'000);
    QVERIFY(finished.at(0).at(0).toBool());
    QVERIFY2(std::any_of(shown.cbegin(), shown.cend(), [](int v) { return v > 0 && v < 100; }),
             qPrintable(QStringLiteral("%1 values").arg(shown.size())));
}

QTEST_MAIN(TestLocalMarketService)
#include "tst_localmarketservice.moc"
