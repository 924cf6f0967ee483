// Capacity rewards from the Rewards Reserve (PROTOCOL.md §6).
#include "CapacityRewards.h"

#include <QTest>

#include <vector>

using namespace icn;

namespace {

Amount icnt(const char *text)
{
    return *Amount::parse(QString::fromLatin1(text));
}

} // namespace

class TestCapacityRewards : public QObject
{
    Q_OBJECT

private slots:
    void formula_data();
    void formula();
    void refusesBadUtilisation_data();
    void refusesBadUtilisation();
    void monthCloseRewardsActiveHnsByRegion();
    void reserveShortScalesProRataWhateverTheOrder();
    void emptyReservePaysNothing();
    void monthCloseRefusesUnknownRegionAndPaysNothing();
    void rateComesFromProtocolParams();
};

void TestCapacityRewards::formula_data()
{
    QTest::addColumn<qint64>("capacity");
    QTest::addColumn<qint64>("booked");
    QTest::addColumn<qint64>("total");
    QTest::addColumn<QString>("reward");
    QTest::newRow("an empty region pays the full 0.5 ICNT per TB") << qint64(1'000) << qint64(0) << qint64(10'000) << "500";
    QTest::newRow("a region 25 percent booked pays 75 percent") << qint64(1'000) << qint64(2'500) << qint64(10'000) << "375";
    QTest::newRow("a fully booked region pays nothing") << qint64(1'000) << qint64(10'000) << qint64(10'000) << "0";
    QTest::newRow("a region with no capacity pays nothing") << qint64(0) << qint64(0) << qint64(0) << "0";
    QTest::newRow("one third utilisation truncates once at the end") << qint64(1) << qint64(1) << qint64(3)
                                                                     << "0.333333333333333333";
    QTest::newRow("two thirds free of 100 TB") << qint64(100) << qint64(1) << qint64(3) << "33.333333333333333333";
    QTest::newRow("a huge region does not overflow") << qint64(4'000'000'000'000) << qint64(1) << qint64(4'000'000'000'000'000)
                                                     << "1999999999999.9995";
}

void TestCapacityRewards::formula()
{
    QFETCH(qint64, capacity);
    QFETCH(qint64, booked);
    QFETCH(qint64, total);
    QFETCH(QString, reward);
    const auto r = CapacityRewards::rewardFor(capacity, RegionUtilisation{booked, total}, ProtocolParams());
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
    QCOMPARE(r->toString(), reward);
}

void TestCapacityRewards::refusesBadUtilisation_data()
{
    QTest::addColumn<qint64>("capacity");
    QTest::addColumn<qint64>("booked");
    QTest::addColumn<qint64>("total");
    QTest::addColumn<QString>("code");
    QTest::newRow("booked above total is refused") << qint64(10) << qint64(11) << qint64(10) << "rewards.bad_utilisation";
    QTest::newRow("negative booked capacity is refused") << qint64(10) << qint64(-1) << qint64(10) << "rewards.bad_utilisation";
    QTest::newRow("negative total capacity is refused") << qint64(10) << qint64(0) << qint64(-1) << "rewards.bad_utilisation";
    QTest::newRow("negative HN capacity is refused") << qint64(-1) << qint64(0) << qint64(10) << "rewards.bad_capacity";
}

void TestCapacityRewards::refusesBadUtilisation()
{
    QFETCH(qint64, capacity);
    QFETCH(qint64, booked);
    QFETCH(qint64, total);
    QFETCH(QString, code);
    const auto r = CapacityRewards::rewardFor(capacity, RegionUtilisation{booked, total}, ProtocolParams());
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, code);
}

void TestCapacityRewards::monthCloseRewardsActiveHnsByRegion()
{
    const ProtocolParams params;
    const std::vector<RewardNode> nodes{
        {QStringLiteral("FRA-1-N01"), QStringLiteral("EUW"), 1'000, true},
        {QStringLiteral("FRA-1-N02"), QStringLiteral("EUW"), 500, false}, // jailed or offboarded: nothing
        {QStringLiteral("NYC-1-N01"), QStringLiteral("USE"), 2'000, true},
    };
    const QHash<QString, RegionUtilisation> regions{{QStringLiteral("EUW"), {300, 1'500}}, {QStringLiteral("USE"), {0, 2'000}}};
    const auto run = CapacityRewards::closeMonth(nodes, regions, Amount::fromIcnt(70'000'000), params);
    QVERIFY(run.ok());
    QCOMPARE(run->rewards.size(), 2);
    QCOMPARE(run->rewards[0], (CapacityReward{QStringLiteral("FRA-1-N01"), icnt("400"), icnt("400")}));
    QCOMPARE(run->rewards[1], (CapacityReward{QStringLiteral("NYC-1-N01"), icnt("1000"), icnt("1000")}));
    QCOMPARE(run->totalDue, icnt("1400"));
    QCOMPARE(run->totalPaid, icnt("1400"));
    QCOMPARE(run->reserveAfter, icnt("69998600"));
    QVERIFY(!run->scaled);
}

void TestCapacityRewards::reserveShortScalesProRataWhateverTheOrder()
{
    const ProtocolParams params;
    std::vector<RewardNode> nodes{
        {QStringLiteral("A"), QStringLiteral("R"), 1, true},
        {QStringLiteral("B"), QStringLiteral("R"), 2, true},
        {QStringLiteral("C"), QStringLiteral("R"), 3, true},
    };
    const QHash<QString, RegionUtilisation> regions{{QStringLiteral("R"), {0, 6}}};
    // Due 0.5, 1 and 1.5 ICNT (3 in all); the reserve holds 1 ICNT + 1 base unit.
    const Amount reserve = *Amount::fromIcnt(1).add(Amount::fromBaseUnits(1));
    const auto run = CapacityRewards::closeMonth(nodes, regions, reserve, params);
    QVERIFY(run.ok());
    QVERIFY(run->scaled);
    QCOMPARE(run->totalDue, Amount::fromIcnt(3));
    // floor(due × reserve / 3 ICNT): 166666666666666666, 333333333333333333, 500000000000000000.
    QCOMPARE(run->rewards[0].paid.toStorage(), QStringLiteral("166666666666666666"));
    QCOMPARE(run->rewards[1].paid.toStorage(), QStringLiteral("333333333333333333"));
    QCOMPARE(run->rewards[2].paid.toStorage(), QStringLiteral("500000000000000000"));
    QCOMPARE(run->totalPaid.toStorage(), QStringLiteral("999999999999999999"));
    QCOMPARE(run->reserveAfter.toStorage(), QStringLiteral("2")); // truncation dust stays in the reserve
    QVERIFY(run->totalPaid <= reserve);
    QCOMPARE(*run->totalPaid.add(run->reserveAfter), reserve);

    std::reverse(nodes.begin(), nodes.end());
    const auto reversed = CapacityRewards::closeMonth(nodes, regions, reserve, params);
    QVERIFY(reversed.ok());
    QCOMPARE(reversed->rewards[2].paid, run->rewards[0].paid);
    QCOMPARE(reversed->rewards[0].paid, run->rewards[2].paid);
    QCOMPARE(reversed->totalPaid, run->totalPaid);

    // Exactly enough: nothing is scaled and the reserve is emptied.
    const auto exact = CapacityRewards::closeMonth(nodes, regions, Amount::fromIcnt(3), params);
    QVERIFY(!exact->scaled);
    QCOMPARE(exact->reserveAfter, Amount());
}

void TestCapacityRewards::emptyReservePaysNothing()
{
    const std::vector<RewardNode> nodes{{QStringLiteral("A"), QStringLiteral("R"), 10, true}};
    const QHash<QString, RegionUtilisation> regions{{QStringLiteral("R"), {0, 10}}};
    const auto run = CapacityRewards::closeMonth(nodes, regions, Amount(), ProtocolParams());
    QVERIFY(run.ok());
    QCOMPARE(run->rewards[0].due, Amount::fromIcnt(5));
    QCOMPARE(run->rewards[0].paid, Amount());
    QCOMPARE(run->totalPaid, Amount());
    QCOMPARE(run->reserveAfter, Amount());
    QCOMPARE(CapacityRewards::closeMonth(nodes, regions, Amount::fromIcnt(-1), ProtocolParams()).error().code,
             QStringLiteral("rewards.bad_reserve"));
}

void TestCapacityRewards::monthCloseRefusesUnknownRegionAndPaysNothing()
{
    const std::vector<RewardNode> nodes{{QStringLiteral("A"), QStringLiteral("R"), 10, true},
                                        {QStringLiteral("B"), QStringLiteral("X"), 10, true}};
    const QHash<QString, RegionUtilisation> regions{{QStringLiteral("R"), {0, 10}}};
    const auto run = CapacityRewards::closeMonth(nodes, regions, Amount::fromIcnt(100), ProtocolParams());
    QVERIFY(!run.ok());
    QCOMPARE(run.error().code, QStringLiteral("rewards.unknown_region"));
    QCOMPARE(run.error().details.value(QStringLiteral("hnId")).toString(), QStringLiteral("B"));
}

void TestCapacityRewards::rateComesFromProtocolParams()
{
    ProtocolParams params;
    params.capacityRewardPerTbMonth = Amount::fromIcnt(2);
    QCOMPARE(CapacityRewards::rewardFor(10, RegionUtilisation{5, 10}, params)->toString(), QStringLiteral("10"));
    params.capacityRewardPerTbMonth = Amount();
    QCOMPARE(CapacityRewards::rewardFor(10, RegionUtilisation{5, 10}, params)->toString(), QStringLiteral("0"));
}

QTEST_GUILESS_MAIN(TestCapacityRewards)
#include "tst_capacityrewards.moc"
