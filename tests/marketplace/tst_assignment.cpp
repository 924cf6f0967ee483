// PROTOCOL.md §3–4 through the engine's read side: eligibility, ranking, greedy fill, the choice
// of cluster in zone and region requests, capacity views and listed prices.
#include "EngineFixture.h"

#include <QTest>

#include <functional>

using namespace icn;
using namespace icn::test;

using Mutation = std::function<void(NetBuilder &)>;
Q_DECLARE_METATYPE(Mutation)

class TestAssignment : public QObject
{
    Q_OBJECT

private slots:
    void eligibility_data();
    void eligibility();
    void ranking_data();
    void ranking();
    void greedyFillTakesTheRankingInOrder();
    void partlyFreeHnsGiveWhatTheyHave();
    void neverSpansClusters();
    void zoneChoice_data();
    void zoneChoice();
    void regionChoice_data();
    void regionChoice();
    void quoteChangesNothing();
    void capacityViewAndListedPrice();
    void listedPriceHistoryRecordsEveryChange();
};

// Cluster C with the HN under test "C-N01" (cheap, 2.0) and a fallback "C-N02" (3.0).
static NetBuilder twoNodeCluster()
{
    NetBuilder b;
    b.region(QStringLiteral("R")).zone(QStringLiteral("R-Z"), QStringLiteral("R")).cluster(QStringLiteral("C"), QStringLiteral("R-Z"));
    b.node(QStringLiteral("C-N01"), QStringLiteral("C"), 100, "2");
    b.node(QStringLiteral("C-N02"), QStringLiteral("C"), 100, "3");
    b.account(kSp, "1000000");
    return b;
}

void TestAssignment::eligibility_data()
{
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<Month>("start");
    QTest::addColumn<qint32>("months");
    QTest::addColumn<QString>("servedBy");

    const QString a = QStringLiteral("C-N01");
    const QString b = QStringLiteral("C-N02");
    const auto node = [](NetBuilder &nb) -> HardwareNode & { return nb.nodeById(QStringLiteral("C-N01")); };
    const Month next = ym(2026, 12);

    QTest::newRow("an active HN with everything in order serves") << Mutation([](NetBuilder &) {}) << next << 3 << a;
    QTest::newRow("a jailed HN is skipped") << Mutation([=](NetBuilder &nb) { node(nb).status = NodeStatus::Jailed; }) << next << 3 << b;
    QTest::newRow("a registered but not yet active HN is skipped")
        << Mutation([=](NetBuilder &nb) { node(nb).status = NodeStatus::Registered; }) << next << 3 << b;
    QTest::newRow("an offboarded HN is skipped") << Mutation([=](NetBuilder &nb) { node(nb).status = NodeStatus::Offboarded; }) << next << 3 << b;
    // Required collateral = 6 × 4 ICNT × 100 TB = 2,400 ICNT; the jail line is 30 % = 720.
    QTest::newRow("an HN just below 30 percent collateral is skipped")
        << Mutation([=](NetBuilder &nb) { node(nb).collateral = *icnt("720").sub(Amount::fromBaseUnits(1)); }) << next << 3 << b;
    QTest::newRow("an HN at exactly 30 percent collateral serves")
        << Mutation([=](NetBuilder &nb) { node(nb).collateral = icnt("720"); }) << next << 3 << a;
    QTest::newRow("an HN whose maximum duration is shorter than the booking is skipped")
        << Mutation([=](NetBuilder &nb) { node(nb).maxDurationMonths = 6; }) << next << 7 << b;
    QTest::newRow("an HN whose maximum duration equals the booking serves")
        << Mutation([=](NetBuilder &nb) { node(nb).maxDurationMonths = 7; }) << next << 7 << a;
    QTest::newRow("an HN whose maximum lead is shorter than the start is skipped")
        << Mutation([=](NetBuilder &nb) { nb.nodeById(QStringLiteral("C-N02")).maxLeadMonths = 7; }) << ym(2027, 6) << 3 << b;
    QTest::newRow("an HN whose maximum lead reaches the start serves")
        << Mutation([=](NetBuilder &nb) { node(nb).maxLeadMonths = 7; }) << ym(2027, 6) << 3 << a;
    QTest::newRow("an HN whose commitment ends in the booking's last month is skipped")
        << Mutation([=](NetBuilder &nb) { node(nb).commitmentEnd = ym(2027, 2); }) << next << 3 << b;
    QTest::newRow("an HN whose commitment ends the month after serves")
        << Mutation([=](NetBuilder &nb) { node(nb).commitmentEnd = ym(2027, 3); }) << next << 3 << a;
}

void TestAssignment::eligibility()
{
    QFETCH(Mutation, mutate);
    QFETCH(Month, start);
    QFETCH(qint32, months);
    QFETCH(QString, servedBy);
    NetBuilder nb = twoNodeCluster();
    mutate(nb);
    const Engine engine = nb.engine();
    const auto q = engine.quote(QuoteRequest{QStringLiteral("C"), 10, start, months});
    QVERIFY2(q.ok(), qPrintable(q.ok() ? QString() : q.error().code));
    QCOMPARE(q->slices.size(), 1);
    QCOMPARE(q->slices[0].nodeId, servedBy);
}

void TestAssignment::ranking_data()
{
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<QString>("first");

    const auto x = [](NetBuilder &nb) -> HardwareNode & { return nb.nodeById(QStringLiteral("C-N01")); };
    const auto y = [](NetBuilder &nb) -> HardwareNode & { return nb.nodeById(QStringLiteral("C-N02")); };
    const auto equal = [=](NetBuilder &nb) { y(nb).reservationPrice = x(nb).reservationPrice; };

    QTest::newRow("the lower reservation price ranks first") << Mutation([=](NetBuilder &nb) { y(nb).reservationPrice = icnt("1.99"); })
                                                             << "C-N02";
    QTest::newRow("on equal prices the longer commitment ranks first")
        << Mutation([=](NetBuilder &nb) { equal(nb); y(nb).commitmentEnd = ym(2030, 6); }) << "C-N02";
    QTest::newRow("on equal price and commitment the higher reliability ranks first")
        << Mutation([=](NetBuilder &nb) { equal(nb); y(nb).reliabilityPpm = 950'000; }) << "C-N02";
    QTest::newRow("price beats a longer commitment")
        << Mutation([=](NetBuilder &nb) { y(nb).commitmentEnd = ym(2031, 1); }) << "C-N01";
    QTest::newRow("commitment beats reliability")
        << Mutation([=](NetBuilder &nb) { equal(nb); x(nb).commitmentEnd = ym(2030, 1); y(nb).reliabilityPpm = 999'000; }) << "C-N01";
    QTest::newRow("when everything is equal the lower HN id ranks first") << Mutation([=](NetBuilder &nb) { equal(nb); }) << "C-N01";
}

void TestAssignment::ranking()
{
    QFETCH(Mutation, mutate);
    QFETCH(QString, first);
    NetBuilder nb = twoNodeCluster();
    mutate(nb);
    const Engine engine = nb.engine();
    const auto q = engine.quote(QuoteRequest{QStringLiteral("C"), 10, ym(2026, 12), 3});
    QVERIFY(q.ok());
    QCOMPARE(q->slices.size(), 1);
    QCOMPARE(q->slices[0].nodeId, first);
}

void TestAssignment::greedyFillTakesTheRankingInOrder()
{
    NetBuilder nb = twoNodeCluster();
    nb.node(QStringLiteral("C-N03"), QStringLiteral("C"), 100, "2.5");
    const Engine engine = nb.engine();
    const auto q = engine.quote(QuoteRequest{QStringLiteral("C"), 250, ym(2026, 12), 3});
    QVERIFY(q.ok());
    QCOMPARE(q->slices.size(), 3);
    QCOMPARE(q->slices[0].nodeId, QStringLiteral("C-N01"));
    QCOMPARE(q->slices[0].tb, 100);
    QCOMPARE(q->slices[1].nodeId, QStringLiteral("C-N03"));
    QCOMPARE(q->slices[1].tb, 100);
    QCOMPARE(q->slices[2].nodeId, QStringLiteral("C-N02"));
    QCOMPARE(q->slices[2].tb, 50);
    // hp_cost = (100 × 2 + 100 × 2.5 + 50 × 3) × 3 = 1,800; margin 25 % = 450.
    QCOMPARE(q->hpCost, Amount::fromIcnt(1800));
    QCOMPARE(q->margin, Amount::fromIcnt(450));
    QCOMPARE(q->total, Amount::fromIcnt(2250));
    QCOMPARE(q->freeLeftTb, 50);
}

void TestAssignment::partlyFreeHnsGiveWhatTheyHave()
{
    NetBuilder nb = twoNodeCluster();
    Engine engine = nb.engine();
    // 60 TB on the cheap HN in 2027-01 only: for 2026-12..2027-02 it has 40 TB free.
    QVERIFY(bookAtQuote(engine, QStringLiteral("C"), 60, ym(2027, 1), 3).ok());
    const auto q = engine.quote(QuoteRequest{QStringLiteral("C"), 50, ym(2026, 12), 3});
    QVERIFY(q.ok());
    QCOMPARE(q->slices.size(), 2);
    QCOMPARE(q->slices[0].nodeId, QStringLiteral("C-N01"));
    QCOMPARE(q->slices[0].tb, 40);
    QCOMPARE(q->slices[1].nodeId, QStringLiteral("C-N02"));
    QCOMPARE(q->slices[1].tb, 10);
}

void TestAssignment::neverSpansClusters()
{
    NetBuilder nb = seedNetwork(); // FRA-3 has the most: 300 TB
    const Engine engine = nb.engine();
    const auto q = engine.quote(QuoteRequest{QStringLiteral("EUW-FRA"), 301, ym(2026, 12), 3});
    QVERIFY(!q.ok());
    QCOMPARE(q.error().code, QStringLiteral("booking.insufficient_capacity"));
    QCOMPARE(q.error().details.value(QStringLiteral("available")).toString(), QStringLiteral("300"));
    QCOMPARE(q.error().details.value(QStringLiteral("requested")).toString(), QStringLiteral("301"));
    const auto fits = engine.quote(QuoteRequest{QStringLiteral("EUW-FRA"), 300, ym(2026, 12), 3});
    QVERIFY(fits.ok());
    QCOMPARE(fits->clusterId, QStringLiteral("FRA-3"));
}

// Zone Z with clusters Z-1 and Z-2, one or more HNs each, shaped per row.
struct ClusterShape
{
    QList<qint64> capacities;
    QList<QString> prices;
};
Q_DECLARE_METATYPE(QList<ClusterShape>)

void TestAssignment::zoneChoice_data()
{
    QTest::addColumn<QList<ClusterShape>>("clusters");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<QString>("chosen");

    QTest::newRow("the cheapest cluster that can fill wins")
        << QList<ClusterShape>{{{100}, {"3"}}, {{100}, {"2.5"}}} << qint64(50) << "Z-2";
    QTest::newRow("a cheaper cluster that cannot fill is passed over")
        << QList<ClusterShape>{{{100}, {"3"}}, {{40}, {"2"}}} << qint64(50) << "Z-1";
    QTest::newRow("total cost counts, not the best price")
        << QList<ClusterShape>{{{50, 100}, {"2", "3.9"}}, {{100}, {"2.9"}}} << qint64(100) << "Z-2";
    QTest::newRow("on equal cost the cluster with more free capacity left wins")
        << QList<ClusterShape>{{{100}, {"3"}}, {{100, 100}, {"3", "3.5"}}} << qint64(50) << "Z-2";
    QTest::newRow("on equal cost and free capacity the lower cluster id wins")
        << QList<ClusterShape>{{{100}, {"3"}}, {{100}, {"3"}}} << qint64(50) << "Z-1";
}

void TestAssignment::zoneChoice()
{
    QFETCH(QList<ClusterShape>, clusters);
    QFETCH(qint64, size);
    QFETCH(QString, chosen);
    NetBuilder nb;
    nb.region(QStringLiteral("R")).zone(QStringLiteral("Z"), QStringLiteral("R"));
    for (int c = 0; c < clusters.size(); ++c) {
        const QString id = QStringLiteral("Z-%1").arg(c + 1);
        nb.cluster(id, QStringLiteral("Z"));
        for (int n = 0; n < clusters[c].capacities.size(); ++n)
            nb.node(id + QStringLiteral("-N%1").arg(n + 1), id, clusters[c].capacities[n], qPrintable(clusters[c].prices[n]));
    }
    const Engine engine = nb.engine();
    const auto q = engine.quote(QuoteRequest{QStringLiteral("Z"), size, ym(2026, 12), 3});
    QVERIFY2(q.ok(), qPrintable(q.ok() ? QString() : q.error().code));
    QCOMPARE(q->clusterId, chosen);
    QCOMPARE(q->scopeKind, ScopeKind::Zone);
}

void TestAssignment::regionChoice_data()
{
    QTest::addColumn<QList<ClusterShape>>("zoneA"); // zone "R-A", clusters "Y-9", "Y-8"… (ids after zone B's)
    QTest::addColumn<QList<ClusterShape>>("zoneB"); // zone "R-B", clusters "B-1", "B-2"…
    QTest::addColumn<QString>("chosen");

    QTest::newRow("the zone whose best cluster is cheapest wins")
        << QList<ClusterShape>{{{100}, {"3"}}, {{100}, {"3.5"}}} << QList<ClusterShape>{{{100}, {"2.9"}}} << "B-1";
    QTest::newRow("a zone's best cluster is its cheapest, not its first")
        << QList<ClusterShape>{{{100}, {"3.5"}}, {{100}, {"2.5"}}} << QList<ClusterShape>{{{100}, {"2.9"}}} << "Y-8";
    QTest::newRow("on equal cost the zone with more free capacity left wins")
        << QList<ClusterShape>{{{100}, {"3"}}} << QList<ClusterShape>{{{100, 100}, {"3", "3.9"}}} << "B-1";
    QTest::newRow("on equal cost and free capacity the lower zone id wins")
        << QList<ClusterShape>{{{100}, {"3"}}} << QList<ClusterShape>{{{100}, {"3"}}} << "Y-9";
}

void TestAssignment::regionChoice()
{
    QFETCH(QList<ClusterShape>, zoneA);
    QFETCH(QList<ClusterShape>, zoneB);
    QFETCH(QString, chosen);
    NetBuilder nb;
    nb.region(QStringLiteral("R")).zone(QStringLiteral("R-A"), QStringLiteral("R")).zone(QStringLiteral("R-B"), QStringLiteral("R"));
    const auto addZone = [&nb](const QString &zone, const QList<ClusterShape> &shapes, const QString &prefix, int firstNumber, int step) {
        for (int c = 0; c < shapes.size(); ++c) {
            const QString id = prefix + QString::number(firstNumber + c * step);
            nb.cluster(id, zone);
            for (int n = 0; n < shapes[c].capacities.size(); ++n)
                nb.node(id + QStringLiteral("-N%1").arg(n + 1), id, shapes[c].capacities[n], qPrintable(shapes[c].prices[n]));
        }
    };
    addZone(QStringLiteral("R-A"), zoneA, QStringLiteral("Y-"), 9, -1); // high cluster ids in the low zone id
    addZone(QStringLiteral("R-B"), zoneB, QStringLiteral("B-"), 1, 1);
    const Engine engine = nb.engine();
    const auto q = engine.quote(QuoteRequest{QStringLiteral("R"), 50, ym(2026, 12), 3});
    QVERIFY2(q.ok(), qPrintable(q.ok() ? QString() : q.error().code));
    QCOMPARE(q->clusterId, chosen);
    QCOMPARE(q->regionId, QStringLiteral("R"));
}

void TestAssignment::quoteChangesNothing()
{
    const Engine engine = seedNetwork().engine();
    const QByteArray digest = engine.computeStateDigest();
    for (const QString &scope : {QStringLiteral("FRA-1"), QStringLiteral("EUW-FRA"), QStringLiteral("EUW")})
        QVERIFY(engine.quote(QuoteRequest{scope, 100, ym(2026, 12), 3}).ok());
    QVERIFY(engine.capacity(QStringLiteral("EUW"), MonthRange{ym(2026, 12), 6}).ok());
    QCOMPARE(engine.computeStateDigest(), digest);
    QCOMPARE(engine.stateHash(), engine.genesisHash());
    QCOMPARE(engine.appliedCount(), quint64(0));
}

void TestAssignment::capacityViewAndListedPrice()
{
    NetBuilder nb = seedNetwork();
    nb.nodeById(QStringLiteral("FRA-3-N02")).reservationPrice = icnt("2.5");
    Engine engine = nb.engine();
    // FRA-3-N02 (the cheapest) fully booked for 2027-01..03.
    QVERIFY(bookAtQuote(engine, QStringLiteral("FRA-3"), 100, ym(2027, 1), 3).ok());

    const auto view = engine.capacity(QStringLiteral("EUW-FRA"), MonthRange{ym(2026, 12), 3});
    QVERIFY(view.ok());
    QCOMPARE(view->scopeKind, ScopeKind::Zone);
    QCOMPARE(view->freeTbPerMonth, (QList<qint64>{600, 500, 500}));
    QCOMPARE(view->totalTbPerMonth, (QList<qint64>{600, 600, 600}));
    QCOMPARE(view->freeTbWholeRange, 500);
    QVERIFY(view->hasListedPrice);
    QCOMPARE(view->listedPrice, icnt("2.8")); // the 2.5 HN has no free capacity for the whole range
    QCOMPARE(view->children.size(), 3);
    QCOMPARE(view->children[2].scopeId, QStringLiteral("FRA-3"));
    QCOMPARE(view->children[2].freeTbPerMonth, (QList<qint64>{300, 200, 200}));

    const auto december = engine.capacity(QStringLiteral("FRA-3"), MonthRange{ym(2026, 12), 1});
    QVERIFY(december.ok());
    QCOMPARE(december->listedPrice, icnt("2.5")); // free in December alone
    QCOMPARE(december->children.size(), 3);
    QCOMPARE(december->children[1].scopeId, QStringLiteral("FRA-3-N02"));

    const auto unknown = engine.capacity(QStringLiteral("NOPE"), MonthRange{ym(2026, 12), 1});
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error().code, QStringLiteral("capacity.unknown_scope"));
}

void TestAssignment::listedPriceHistoryRecordsEveryChange()
{
    NetBuilder nb = twoNodeCluster(); // C-N01 100 TB at 2, C-N02 100 TB at 3; lead 6 from 2026-11
    Engine engine = nb.engine();
    // Genesis: months 2026-12..2027-05 list 2 (lead 6); nothing beyond.
    auto history = engine.listedPriceHistory(QStringLiteral("C"));
    QCOMPARE(history.size(), 1);
    QCOMPARE(history[0].sequence, quint64(0));
    QCOMPARE(history[0].first, ym(2026, 12));
    QCOMPARE(history[0].last, ym(2027, 5));
    QVERIFY(history[0].hasPrice);
    QCOMPARE(history[0].price, icnt("2"));

    // Filling the cheap HN for 2027-01..03 moves those months to 3.
    QVERIFY(bookAtQuote(engine, QStringLiteral("C"), 100, ym(2027, 1), 3).ok());
    history = engine.listedPriceHistory(QStringLiteral("C"));
    QCOMPARE(history.size(), 2);
    QCOMPARE(history[1].sequence, quint64(1));
    QCOMPARE(history[1].first, ym(2027, 1));
    QCOMPARE(history[1].last, ym(2027, 3));
    QCOMPARE(history[1].price, icnt("3"));

    // A booking that leaves the best ask with free capacity changes nothing.
    QVERIFY(bookAtQuote(engine, QStringLiteral("C"), 10, ym(2027, 4), 3).ok());
    QCOMPARE(engine.listedPriceHistory(QStringLiteral("C")).size(), 2);

    // Sold out in 2027-01..03.
    QVERIFY(bookAtQuote(engine, QStringLiteral("C"), 100, ym(2027, 1), 3).ok());
    history = engine.listedPriceHistory(QStringLiteral("C"));
    QCOMPARE(history.size(), 3);
    QVERIFY(!history[2].hasPrice);

    // Closing November makes 2027-06 bookable (lead 6 from December) at 2.
    QVERIFY(engine.apply(CloseMonthTx{ym(2026, 11)}).ok());
    history = engine.listedPriceHistory(QStringLiteral("C"));
    QCOMPARE(history.size(), 4);
    QCOMPARE(history[3].first, ym(2027, 6));
    QCOMPARE(history[3].last, ym(2027, 6));
    QCOMPARE(history[3].price, icnt("2"));
    QCOMPARE(engine.bookings()[0].averagePrice, icnt("2"));
    QVERIFY(engine.listedPriceHistory(QStringLiteral("NOPE")).isEmpty());
}

QTEST_GUILESS_MAIN(TestAssignment)
#include "tst_assignment.moc"
