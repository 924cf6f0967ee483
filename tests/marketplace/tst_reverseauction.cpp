// Rule tables for reverse auctions (PROTOCOL.md §8, docs/auctions.md): the descending clock,
// its exact steps and floor, clearing, winners' ranking, uniform payment and recorded rounds.

#include "AuctionFixture.h"

#include <QTest>

#include <algorithm>

using namespace icn;
using namespace icn::auctiontest;

struct NodeRow
{
    QString nodeId;
    QString dropOut; // its Reservation_Price, the default drop-out
    qint64 capacity = 0;
    qint32 reliabilityPpm = 900'000;
    QString bond = QStringLiteral("0");
};
Q_DECLARE_METATYPE(NodeRow)

class TestReverseAuction : public QObject
{
    Q_OBJECT

private slots:
    void clocksByTheRules_data();
    void clocksByTheRules();
    void lockAndUniformPaymentAreExact();
    void termsOverrideTheDefaults();
    void freeCapacityCapsStatedCapacity();
    void droppedHnsAreListedWithTheirReason();
    void replacingTermsMovesTheBond();
    void winnersKeepBondsAndOthersGetThemBack();
    void notClearedReleasesEverything();
    void postRefusals_data();
    void postRefusals();
    void termsRefusals_data();
    void termsRefusals();
    void runsOnlyOnce();
    void restoredAuctionRunsTheSame();
};

void TestReverseAuction::clocksByTheRules_data()
{
    QTest::addColumn<QList<NodeRow>>("nodes");
    QTest::addColumn<QString>("ceiling");
    QTest::addColumn<qint64>("decrementPpm");
    QTest::addColumn<QString>("floor");
    QTest::addColumn<QStringList>("rounds");  // "price|supply|active|covers"
    QTest::addColumn<QString>("clearing");    // empty: not cleared
    QTest::addColumn<QStringList>("winners"); // "node:tb" in fill order

    QTest::newRow("supply equal to demand keeps the clock going and clears there")
        << QList<NodeRow>{{"N1", "2", 60}, {"N2", "2.5", 40}, {"N3", "2.9", 50}} << "3" << qint64(100'000) << "1.5"
        << QStringList{"3|150|3|1", "2.7|100|2|1", "2.4|60|1|0"} << "2.7" << QStringList{"N1:60", "N2:40"};
    QTest::newRow("the clock stops at the floor itself")
        << QList<NodeRow>{{"N1", "1", 200}} << "3" << qint64(100'000) << "1.5"
        << QStringList{"3|200|1|1", "2.7|200|1|1", "2.4|200|1|1", "2.1|200|1|1", "1.8|200|1|1", "1.5|200|1|1"} << "1.5"
        << QStringList{"N1:100"};
    QTest::newRow("a floor between two steps is never crossed")
        << QList<NodeRow>{{"N1", "1", 200}} << "3" << qint64(100'000) << "1.6"
        << QStringList{"3|200|1|1", "2.7|200|1|1", "2.4|200|1|1", "2.1|200|1|1", "1.8|200|1|1"} << "1.8"
        << QStringList{"N1:100"};
    QTest::newRow("a single bidder clears at its last covering price")
        << QList<NodeRow>{{"N1", "2.2", 100}} << "3" << qint64(100'000) << "1.5"
        << QStringList{"3|100|1|1", "2.7|100|1|1", "2.4|100|1|1", "2.1|0|0|0"} << "2.4" << QStringList{"N1:100"};
    QTest::newRow("a drop-out exactly at a price still supplies at that price")
        << QList<NodeRow>{{"N1", "2.7", 100}} << "3" << qint64(100'000) << "1.5"
        << QStringList{"3|100|1|1", "2.7|100|1|1", "2.4|0|0|0"} << "2.7" << QStringList{"N1:100"};
    QTest::newRow("no bidder: nothing clears")
        << QList<NodeRow>{{"N1", "1", 500, 700'000}} << "3" << qint64(100'000) << "1.5"
        << QStringList{"3|0|0|0"} << "" << QStringList{};
    QTest::newRow("supply below demand at the ceiling: nothing clears")
        << QList<NodeRow>{{"N1", "2", 50}, {"N2", "2", 49}} << "3" << qint64(100'000) << "1.5"
        << QStringList{"3|99|2|0"} << "" << QStringList{};
    QTest::newRow("a drop-out above the ceiling never supplies")
        << QList<NodeRow>{{"N1", "3.5", 100}, {"N2", "2.5", 100}} << "3" << qint64(100'000) << "1.5"
        << QStringList{"3|100|1|1", "2.7|100|1|1", "2.4|0|0|0"} << "2.7" << QStringList{"N2:100"};
    QTest::newRow("winners rank by reliability, then bond, then HN id, the last filling partly")
        << QList<NodeRow>{{"N1", "1", 40, 900'000}, {"N2", "1", 40, 950'000}, {"N4", "1", 40, 950'000, "10"},
                          {"N3", "1", 40, 950'000, "10"}}
        << "3" << qint64(1'000'000) << "1" << QStringList{"3|160|4|1"} << "3" << QStringList{"N3:40", "N4:40", "N2:20"};
    QTest::newRow("a larger bond ranks before a smaller one at equal reliability")
        << QList<NodeRow>{{"N1", "1", 60, 950'000, "1"}, {"N2", "1", 60, 950'000, "2"}}
        << "3" << qint64(1'000'000) << "1" << QStringList{"3|120|2|1"} << "3" << QStringList{"N2:60", "N1:40"};
    QTest::newRow("higher reliability wins over a larger bond")
        << QList<NodeRow>{{"N1", "1", 60, 960'000, "0"}, {"N2", "1", 60, 950'000, "50"}}
        << "3" << qint64(1'000'000) << "1" << QStringList{"3|120|2|1"} << "3" << QStringList{"N1:60", "N2:40"};
    QTest::newRow("the winners are only those still in at the clearing price")
        // N2 (cheapest) would rank last by reliability but N3 dropped out above the clearing price
        << QList<NodeRow>{{"N1", "2", 60, 850'000}, {"N2", "1", 60, 820'000}, {"N3", "2.6", 100, 990'000}}
        << "3" << qint64(100'000) << "1.5" << QStringList{"3|220|3|1", "2.7|220|3|1", "2.4|120|2|1", "2.1|120|2|1", "1.8|60|1|0"}
        << "2.1" << QStringList{"N1:60", "N2:40"};
    QTest::newRow("decrement steps are one truncated step, repeated exactly")
        // step = 1.000000000000000007 × 333,333 ppm = 0.333333000000000002 (truncated once)
        << QList<NodeRow>{{"N1", "0.000000000000000001", 100}} << "1.000000000000000007" << qint64(333'333)
        << "0.000000000000000001"
        << QStringList{"1.000000000000000007|100|1|1", "0.666667000000000005|100|1|1", "0.333334000000000003|100|1|1",
                       "0.000001000000000001|100|1|1"}
        << "0.000001000000000001" << QStringList{"N1:100"};
}

void TestReverseAuction::clocksByTheRules()
{
    QFETCH(QList<NodeRow>, nodes);
    QFETCH(QString, ceiling);
    QFETCH(qint64, decrementPpm);
    QFETCH(QString, floor);
    QFETCH(QStringList, rounds);
    QFETCH(QString, clearing);
    QFETCH(QStringList, winners);

    StaticAuctionFacts facts = clockFacts();
    for (const NodeRow &row : nodes) {
        facts.setNode(clockNode(row.nodeId, row.dropOut, row.capacity, row.reliabilityPpm));
        facts.setBalance(providerOf(row.nodeId), icnt(QStringLiteral("100")));
    }
    ReverseAuctionSpec spec = clockSpec();
    spec.ceilingPrice = icnt(ceiling);
    spec.decrementPpm = decrementPpm;
    spec.floorPrice = icnt(floor);
    auto auction = ReverseAuction::post(spec, kNow, ProtocolParams(), facts);
    QVERIFY2(auction.ok(), qPrintable(auction.ok() ? QString() : auction.error().code));
    for (const NodeRow &row : nodes) {
        if (row.bond != QLatin1String("0"))
            QVERIFY(auction->setTerms({row.nodeId, providerOf(row.nodeId), std::nullopt, std::nullopt, icnt(row.bond)}, facts).ok());
    }
    const auto result = auction->run(facts);
    QVERIFY(result.ok());
    QCOMPARE(roundsText(result->rounds), rounds);
    for (qsizetype i = 0; i < result->rounds.size(); ++i)
        QCOMPARE(result->rounds[i].round, qint32(i + 1));
    const bool cleared = !clearing.isEmpty();
    QCOMPARE(result->outcome, cleared ? ReverseAuctionOutcome::Cleared : ReverseAuctionOutcome::NotCleared);
    QCOMPARE(auction->state(), cleared ? ReverseAuctionState::Cleared : ReverseAuctionState::NotCleared);
    QCOMPARE(result->clearingPrice, cleared ? icnt(clearing) : Amount());
    QStringList actualWinners;
    for (const AwardSlice &s : result->settlement.slices) {
        actualWinners << QStringLiteral("%1:%2").arg(s.nodeId).arg(s.tb);
        // Uniform payment: everyone at the clearing price.
        QCOMPARE(s.price, result->clearingPrice);
        QCOMPARE(s.hpCost, *result->clearingPrice.mul(s.tb * spec.months));
    }
    QCOMPARE(actualWinners, winners);
    QCOMPARE(result->settlement.filledTb, cleared ? spec.sizeTb : qint64(0));
    QCOMPARE(movedOut(result->settlement.movements), auction->lock().total);
}

void TestReverseAuction::lockAndUniformPaymentAreExact()
{
    // Margin 333,333 ppm: lock = 3 × 7 × 3 = 63 → margin 20.999979; the award at 2.4 × 7 × 3 =
    // 50.4 → margin 16.7999832 (a single truncation on the total).
    StaticAuctionFacts facts = clockFacts();
    facts.setNode(clockNode("N1", "2.2", 4));
    facts.setNode(clockNode("N2", "2.3", 4, 950'000));
    ReverseAuctionSpec spec = clockSpec();
    spec.sizeTb = 7;
    spec.marginPpm = 333'333;
    auto auction = ReverseAuction::post(spec, kNow, ProtocolParams(), facts);
    QVERIFY(auction.ok());
    QCOMPARE(auction->step(), icnt("0.3"));
    QCOMPARE(auction->lock().hpPart, icnt("63"));
    QCOMPARE(auction->lock().marginPart, icnt("20.999979"));
    QCOMPARE(auction->lock().total, icnt("83.999979"));
    QCOMPARE(auction->postingMovements(),
             (QList<LedgerMovement>{{MovementKind::AccountToLock, spAccount(), QString(), icnt("83.999979")}}));
    const auto result = auction->run(facts);
    QVERIFY(result.ok());
    QCOMPARE(result->clearingPrice, icnt("2.4"));
    const AuctionSettlement &s = result->settlement;
    QCOMPARE(s.slices.size(), 2);
    QCOMPARE(s.slices[0].nodeId, QStringLiteral("N2")); // more reliable first
    QCOMPARE(s.slices[0].hpCost, icnt("28.8"));           // 4 × 2.4 × 3
    QCOMPARE(s.slices[1].hpCost, icnt("21.6"));           // 3 × 2.4 × 3
    QCOMPARE(s.hpCost, icnt("50.4"));
    QCOMPARE(s.margin, icnt("16.7999832"));
    QCOMPARE(s.total, icnt("67.1999832"));
    QCOMPARE(s.refund, icnt("16.7999958"));
    const QList<LedgerMovement> expected{
        {MovementKind::LockToEscrow, spAccount(), "N2", icnt("28.8")},
        {MovementKind::LockToEscrow, spAccount(), "N1", icnt("21.6")},
        {MovementKind::LockToTreasury, spAccount(), QString(), icnt("16.7999832")},
        {MovementKind::LockToAccount, spAccount(), QString(), icnt("16.7999958")},
    };
    QCOMPARE(s.movements, expected);
}

void TestReverseAuction::termsOverrideTheDefaults()
{
    StaticAuctionFacts facts = clockFacts();
    facts.setNode(clockNode("N1", "2.9", 100)); // by default it leaves the clock below 2.9
    facts.setNode(clockNode("N2", "1", 100));
    auto auction = ReverseAuction::post(clockSpec(), kNow, ProtocolParams(), facts);
    QVERIFY(auction.ok());
    QVERIFY(auction->setTerms({"N1", providerOf("N1"), icnt("2"), qint64(60), Amount()}, facts).ok());
    QVERIFY(auction->setTerms({"N2", providerOf("N2"), icnt("2.4"), qint64(50), Amount()}, facts).ok());
    const auto result = auction->run(facts);
    QVERIFY(result.ok());
    QCOMPARE(roundsText(result->rounds), (QStringList{"3|110|2|1", "2.7|110|2|1", "2.4|110|2|1", "2.1|60|1|0"}));
    QCOMPARE(result->clearingPrice, icnt("2.4"));
    QCOMPARE(result->entrants.value(0).dropOutPrice, icnt("2"));
    QCOMPARE(result->entrants.value(0).capacityTb, qint64(60));
}

void TestReverseAuction::freeCapacityCapsStatedCapacity()
{
    StaticAuctionFacts facts = clockFacts();
    facts.setNode(clockNode("N1", "1", 100));
    auto auction = ReverseAuction::post(clockSpec(), kNow, ProtocolParams(), facts);
    QVERIFY(auction.ok());
    QVERIFY(auction->setTerms({"N1", providerOf("N1"), std::nullopt, qint64(100), Amount()}, facts).ok());
    facts.setNode(clockNode("N1", "1", 80)); // booked elsewhere meanwhile
    const auto result = auction->run(facts);
    QVERIFY(result.ok());
    QCOMPARE(result->outcome, ReverseAuctionOutcome::NotCleared);
    QCOMPARE(roundsText(result->rounds), QStringList{"3|80|1|0"});
}

void TestReverseAuction::droppedHnsAreListedWithTheirReason()
{
    StaticAuctionFacts facts = clockFacts();
    facts.setNode(clockNode("N1", "1", 100));
    AuctionNodeFacts ineligible = clockNode("N2", "1", 100);
    ineligible.eligible = false;
    facts.setNode(ineligible);
    facts.setNode(clockNode("N3", "1", 100, 799'999));
    facts.setNode(clockNode("N4", "1", 0));
    facts.setNode(clockNode("A1", "1", 100, 900'000, "AMS-1", "EUW-AMS")); // out of scope: not listed
    auto auction = ReverseAuction::post(clockSpec(), kNow, ProtocolParams(), facts);
    QVERIFY(auction.ok());
    const auto result = auction->run(facts);
    QVERIFY(result.ok());
    QCOMPARE(result->dropped, (QList<DroppedEntry>{{"N2", "reverse_auction.node_ineligible"},
                                                   {"N3", "reverse_auction.below_min_reliability"},
                                                   {"N4", "reverse_auction.capacity_unavailable"}}));
    QCOMPARE(result->entrants.size(), 1);
    QCOMPARE(result->entrants[0].nodeId, QStringLiteral("N1"));
}

void TestReverseAuction::replacingTermsMovesTheBond()
{
    StaticAuctionFacts facts = clockFacts();
    facts.setNode(clockNode("N1", "1", 100));
    facts.setBalance(providerOf("N1"), icnt("5"));
    auto auction = ReverseAuction::post(clockSpec(), kNow, ProtocolParams(), facts);
    QVERIFY(auction.ok());
    const auto first = auction->setTerms({"N1", providerOf("N1"), std::nullopt, std::nullopt, icnt("5")}, facts);
    QVERIFY(first.ok());
    QCOMPARE(*first, (QList<LedgerMovement>{{MovementKind::AccountToBond, providerOf("N1"), "N1", icnt("5")}}));
    facts.setBalance(providerOf("N1"), icnt("3")); // the engine applied the lock: 5 left the balance
    // A new bond of 8 is covered by the balance (3) plus the bond being released (5).
    const auto second = auction->setTerms({"N1", providerOf("N1"), std::nullopt, std::nullopt, icnt("8")}, facts);
    QVERIFY(second.ok());
    QCOMPARE(*second, (QList<LedgerMovement>{{MovementKind::BondToAccount, providerOf("N1"), "N1", icnt("5")},
                                             {MovementKind::AccountToBond, providerOf("N1"), "N1", icnt("8")}}));
    const auto refused = auction->setTerms({"N1", providerOf("N1"), std::nullopt, std::nullopt, icnt("11.000000000000000001")}, facts);
    QCOMPARE(refused.error().code, QStringLiteral("reverse_auction.bond_not_covered"));
    const auto withdrawn = auction->withdrawTerms("N1", providerOf("N1"));
    QVERIFY(withdrawn.ok());
    QCOMPARE(*withdrawn, (QList<LedgerMovement>{{MovementKind::BondToAccount, providerOf("N1"), "N1", icnt("8")}}));
    QVERIFY(auction->terms().isEmpty());
    QCOMPARE(auction->withdrawTerms("N1", providerOf("N1")).error().code, QStringLiteral("reverse_auction.no_such_terms"));
}

void TestReverseAuction::winnersKeepBondsAndOthersGetThemBack()
{
    StaticAuctionFacts facts = clockFacts();
    facts.setNode(clockNode("N1", "1", 100, 990'000));
    facts.setNode(clockNode("N2", "1", 100, 900'000));
    facts.setNode(clockNode("N3", "2.9", 100, 999'999)); // drops out before clearing
    for (const char *id : {"N1", "N2", "N3"}) {
        facts.setBalance(providerOf(id), icnt("10"));
    }
    auto auction = ReverseAuction::post(clockSpec(), kNow, ProtocolParams(), facts);
    QVERIFY(auction.ok());
    for (const char *id : {"N1", "N2", "N3"})
        QVERIFY(auction->setTerms({id, providerOf(id), std::nullopt, std::nullopt, icnt("1")}, facts).ok());
    const auto result = auction->run(facts);
    QVERIFY(result.ok());
    QCOMPARE(result->clearingPrice, icnt("1.5"));
    QCOMPARE(result->settlement.bondsKept, (QList<HeldBond>{{"N1", providerOf("N1"), icnt("1")}}));
    QCOMPARE(result->settlement.bondsReleased,
             (QList<HeldBond>{{"N2", providerOf("N2"), icnt("1")}, {"N3", providerOf("N3"), icnt("1")}}));
}

void TestReverseAuction::notClearedReleasesEverything()
{
    StaticAuctionFacts facts = clockFacts();
    facts.setNode(clockNode("N1", "1", 10));
    facts.setBalance(providerOf("N1"), icnt("10"));
    auto auction = ReverseAuction::post(clockSpec(), kNow, ProtocolParams(), facts);
    QVERIFY(auction.ok());
    QVERIFY(auction->setTerms({"N1", providerOf("N1"), std::nullopt, std::nullopt, icnt("2")}, facts).ok());
    const auto result = auction->run(facts);
    QVERIFY(result.ok());
    QCOMPARE(result->outcome, ReverseAuctionOutcome::NotCleared);
    QCOMPARE(result->settlement.movements,
             (QList<LedgerMovement>{{MovementKind::LockToAccount, spAccount(), QString(), auction->lock().total},
                                    {MovementKind::BondToAccount, providerOf("N1"), "N1", icnt("2")}}));
    QVERIFY(result->settlement.slices.isEmpty());
}

void TestReverseAuction::postRefusals_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("code");

    QTest::newRow("a zero size is refused") << "sizeTb" << "reverse_auction.invalid_size";
    QTest::newRow("a duration under the protocol minimum is refused") << "months" << "reverse_auction.invalid_duration";
    QTest::newRow("a start in the current month is refused") << "start" << "reverse_auction.start_too_early";
    QTest::newRow("a zero ceiling is refused") << "ceilingPrice" << "reverse_auction.invalid_price";
    QTest::newRow("a floor above the ceiling is refused") << "floorPrice" << "reverse_auction.invalid_floor";
    QTest::newRow("a zero floor is refused") << "zeroFloor" << "reverse_auction.invalid_floor";
    QTest::newRow("a zero decrement is refused") << "decrementPpm" << "reverse_auction.invalid_decrement";
    QTest::newRow("a decrement above the whole ceiling is refused") << "hugeDecrement" << "reverse_auction.invalid_decrement";
    QTest::newRow("a decrement that truncates to nothing is refused") << "tinyStep" << "reverse_auction.decrement_too_small";
    QTest::newRow("a negative reliability is refused") << "minReliabilityPpm" << "reverse_auction.invalid_reliability";
    QTest::newRow("a negative margin is refused") << "marginPpm" << "reverse_auction.invalid_margin";
    QTest::newRow("a scope without HNs is refused") << "scopeId" << "reverse_auction.unknown_scope";
    QTest::newRow("a lock the SP cannot cover is refused") << "sp" << "reverse_auction.lock_not_covered";
}

void TestReverseAuction::postRefusals()
{
    QFETCH(QString, field);
    QFETCH(QString, code);

    StaticAuctionFacts facts = clockFacts();
    facts.setNode(clockNode("N1", "1", 100));
    ReverseAuctionSpec spec = clockSpec();
    if (field == "sizeTb")
        spec.sizeTb = 0;
    else if (field == "months")
        spec.months = 2;
    else if (field == "start")
        spec.start = kNow;
    else if (field == "ceilingPrice")
        spec.ceilingPrice = Amount();
    else if (field == "floorPrice")
        spec.floorPrice = icnt("3.000000000000000001");
    else if (field == "zeroFloor")
        spec.floorPrice = Amount();
    else if (field == "decrementPpm")
        spec.decrementPpm = 0;
    else if (field == "hugeDecrement")
        spec.decrementPpm = 1'000'001;
    else if (field == "tinyStep") {
        spec.ceilingPrice = Amount::fromBaseUnits(9);
        spec.floorPrice = Amount::fromBaseUnits(1);
        spec.decrementPpm = 100'000; // 0.9 base units → 0
    } else if (field == "minReliabilityPpm")
        spec.minReliabilityPpm = -1;
    else if (field == "marginPpm")
        spec.marginPpm = -1;
    else if (field == "scopeId")
        spec.scopeId = QStringLiteral("NOWHERE");
    else if (field == "sp")
        facts.setBalance(spAccount(), icnt("1124.999999999999999999")); // lock = 3 × 100 × 3 × 1.25
    const auto r = ReverseAuction::post(spec, kNow, ProtocolParams(), facts);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, code);
}

void TestReverseAuction::termsRefusals_data()
{
    QTest::addColumn<QString>("nodeId");
    QTest::addColumn<int>("bidder"); // 0 = the HN's provider
    QTest::addColumn<QString>("dropOut");  // empty = default
    QTest::addColumn<qint64>("capacity");  // -1 = default
    QTest::addColumn<QString>("bond");
    QTest::addColumn<QString>("code");

    QTest::newRow("an unknown HN is refused") << "X9" << 0 << "" << qint64(-1) << "0" << "reverse_auction.unknown_node";
    QTest::newRow("an HN outside the scope is refused") << "A1" << 0 << "" << qint64(-1) << "0" << "reverse_auction.not_in_scope";
    QTest::newRow("someone else's HN is refused") << "N1" << 9 << "" << qint64(-1) << "0" << "reverse_auction.not_provider";
    QTest::newRow("an ineligible HN is refused") << "N2" << 0 << "" << qint64(-1) << "0" << "reverse_auction.node_ineligible";
    QTest::newRow("a capacity beyond the free capacity is refused")
        << "N1" << 0 << "" << qint64(101) << "0" << "reverse_auction.capacity_unavailable";
    QTest::newRow("a zero drop-out price is refused") << "N1" << 0 << "0" << qint64(-1) << "0" << "reverse_auction.invalid_price";
    QTest::newRow("a zero capacity is refused") << "N1" << 0 << "" << qint64(0) << "0" << "reverse_auction.invalid_capacity";
    QTest::newRow("a negative bond is refused") << "N1" << 0 << "" << qint64(-1) << "-1" << "reverse_auction.invalid_bond";
    QTest::newRow("a bond the bidder cannot cover is refused")
        << "N1" << 0 << "" << qint64(-1) << "10.000000000000000001" << "reverse_auction.bond_not_covered";
}

void TestReverseAuction::termsRefusals()
{
    QFETCH(QString, nodeId);
    QFETCH(int, bidder);
    QFETCH(QString, dropOut);
    QFETCH(qint64, capacity);
    QFETCH(QString, bond);
    QFETCH(QString, code);

    StaticAuctionFacts facts = clockFacts();
    facts.setNode(clockNode("N1", "1", 100));
    AuctionNodeFacts ineligible = clockNode("N2", "1", 100);
    ineligible.eligible = false;
    facts.setNode(ineligible);
    facts.setNode(clockNode("N3", "1", 100));
    facts.setNode(clockNode("A1", "1", 100, 900'000, "AMS-1", "EUW-AMS"));
    facts.setBalance(providerOf("N1"), icnt("10"));
    auto auction = ReverseAuction::post(clockSpec(), kNow, ProtocolParams(), facts);
    QVERIFY(auction.ok());
    QVERIFY(auction->setTerms({"N3", providerOf("N3"), icnt("2"), std::nullopt, Amount()}, facts).ok());
    const QList<ReverseAuctionTerms> before = auction->terms();

    ReverseAuctionTerms t;
    t.nodeId = nodeId;
    t.bidder = bidder == 0 ? providerOf(nodeId) : addr(bidder);
    if (!dropOut.isEmpty())
        t.dropOutPrice = icnt(dropOut);
    if (capacity >= 0)
        t.capacityTb = capacity;
    DecimalFormat signedFormat;
    signedFormat.allowNegative = true;
    t.bond = *Amount::parse(bond, signedFormat);
    const auto r = auction->setTerms(t, facts);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, code);
    QCOMPARE(auction->terms(), before);
    QCOMPARE(auction->state(), ReverseAuctionState::Open);
}

void TestReverseAuction::runsOnlyOnce()
{
    StaticAuctionFacts facts = clockFacts();
    facts.setNode(clockNode("N1", "1", 100));
    auto auction = ReverseAuction::post(clockSpec(), kNow, ProtocolParams(), facts);
    QVERIFY(auction.ok());
    const auto preview = auction->preview(facts);
    QVERIFY(preview.ok());
    QCOMPARE(auction->state(), ReverseAuctionState::Open);
    const auto result = auction->run(facts);
    QVERIFY(result.ok());
    QCOMPARE(result->rounds, preview->rounds);
    QCOMPARE(auction->run(facts).error().code, QStringLiteral("reverse_auction.closed"));
    QCOMPARE(auction->setTerms({"N1", providerOf("N1"), std::nullopt, std::nullopt, Amount()}, facts).error().code,
             QStringLiteral("reverse_auction.closed"));
    QCOMPARE(auction->withdrawTerms("N1", providerOf("N1")).error().code, QStringLiteral("reverse_auction.closed"));
}

void TestReverseAuction::restoredAuctionRunsTheSame()
{
    StaticAuctionFacts facts = clockFacts();
    facts.setNode(clockNode("N1", "2", 60));
    facts.setNode(clockNode("N2", "2.5", 60, 950'000));
    facts.setBalance(providerOf("N2"), icnt("10"));
    auto auction = ReverseAuction::post(clockSpec(), kNow, ProtocolParams(), facts);
    QVERIFY(auction.ok());
    QVERIFY(auction->setTerms({"N2", providerOf("N2"), icnt("2.2"), qint64(50), icnt("3")}, facts).ok());
    auto restored = ReverseAuction::restore(auction->spec(), auction->state(), auction->terms());
    QVERIFY(restored.ok());
    QCOMPARE(restored->lock(), auction->lock());
    QCOMPARE(restored->step(), auction->step());
    const auto a = auction->run(facts);
    const auto b = restored->run(facts);
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(b->rounds, a->rounds);
    QCOMPARE(b->settlement.movements, a->settlement.movements);
    QCOMPARE(b->clearingPrice, icnt("2.4"));
    ReverseAuctionSpec broken = clockSpec();
    broken.decrementPpm = 0;
    QCOMPARE(ReverseAuction::restore(broken, ReverseAuctionState::Open, {}).error().code,
             QStringLiteral("reverse_auction.decrement_too_small"));
}

QTEST_GUILESS_MAIN(TestReverseAuction)
#include "tst_reverseauction.moc"
