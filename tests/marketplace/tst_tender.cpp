// Rule tables for tenders (PROTOCOL.md §8, docs/auctions.md): ranking by quality-adjusted price,
// ties, fills, outcomes, refusals, withdrawal, award timing, and exact lock/refund amounts.

#include "AuctionFixture.h"

#include <QTest>

#include <algorithm>

using namespace icn;
using namespace icn::auctiontest;

// One row of a bid table: the HN, its bid and its facts (at bid time and at the award).
struct BidRow
{
    QString nodeId;
    QString price;
    qint64 offered = 0;
    QString bond = QStringLiteral("0");
    qint32 reliabilityPpm = 900'000;
    quint64 order = 0;
    bool eligibleAtAward = true;
    qint64 freeAtAward = 1000;
};
Q_DECLARE_METATYPE(BidRow)
Q_DECLARE_METATYPE(TenderOutcome)

class TestTender : public QObject
{
    Q_OBJECT

private slots:
    void awardsByTheRules_data();
    void awardsByTheRules();
    void compareQualityIsExact_data();
    void compareQualityIsExact();
    void lockAndRefundAreExact();
    void failedTenderReleasesEverything();
    void winnersKeepBondsAndLosersGetThemBack();
    void zoneTenderMaySpanClusters();
    void postRefusals_data();
    void postRefusals();
    void bidRefusals_data();
    void bidRefusals();
    void withdrawalBeforeTheDeadline();
    void withdrawalRefusals();
    void awardBeforeTheDeadlineIsRefused();
    void doubleAwardIsRefused();
    void previewChangesNothing();
    void usesTheBondCapOfItsParams();
    void restoredTenderAwardsTheSame();
};

void TestTender::awardsByTheRules_data()
{
    QTest::addColumn<QList<BidRow>>("bids");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<bool>("partialAllowed");
    QTest::addColumn<QStringList>("ranking"); // "node:awardedTb", best first
    QTest::addColumn<QStringList>("dropped"); // "node:reason"
    QTest::addColumn<TenderOutcome>("outcome");

    const QStringList none;
    const auto filled = TenderOutcome::Filled;

    QTest::newRow("a lower price ranks first at equal reliability")
        << QList<BidRow>{{"N1", "2.5", 100}, {"N2", "2", 100}} << qint64(100) << false
        << QStringList{"N2:100", "N1:0"} << none << filled;
    QTest::newRow("higher reliability beats a slightly lower price")
        << QList<BidRow>{{"N1", "2", 100, "0", 800'000}, {"N2", "2.2", 100, "0", 950'000}} << qint64(100) << false
        << QStringList{"N2:100", "N1:0"} << none << filled;
    QTest::newRow("a bond of 25% lets a dearer bid win")
        // N2: C = 2.4 × 50 × 3 = 360, bond 90 = 25 % → 2.4 / (0.9 × 1.25) = 2.133 < 2 / 0.9 = 2.222
        << QList<BidRow>{{"N1", "2", 50}, {"N2", "2.4", 50, "90"}} << qint64(50) << false
        << QStringList{"N2:50", "N1:0"} << none << filled;
    QTest::newRow("a bond of 20% is not enough for that price")
        // N2: bond 72 = 20 % → 2.4 / (0.9 × 1.2) = 2.222… equal to N1; N1 bid earlier
        << QList<BidRow>{{"N1", "2", 50, "0", 900'000, 1}, {"N2", "2.4", 50, "72", 900'000, 2}} << qint64(50) << false
        << QStringList{"N1:50", "N2:0"} << none << filled;
    QTest::newRow("a bond above the cap buys no more than the cap")
        // both capped at 25 % → equal quality; the earlier bid wins despite the larger bond
        << QList<BidRow>{{"N1", "2", 10, "15", 900'000, 1}, {"N2", "2", 10, "60", 900'000, 2}} << qint64(10) << false
        << QStringList{"N1:10", "N2:0"} << none << filled;
    QTest::newRow("a larger bond below the cap ranks first")
        << QList<BidRow>{{"N1", "2", 10, "6", 900'000, 1}, {"N2", "2", 10, "12", 900'000, 2}} << qint64(10) << false
        << QStringList{"N2:10", "N1:0"} << none << filled;
    QTest::newRow("equal quality goes to the earlier bid")
        << QList<BidRow>{{"N1", "2", 10, "0", 900'000, 7}, {"N2", "2", 10, "0", 900'000, 3}} << qint64(10) << false
        << QStringList{"N2:10", "N1:0"} << none << filled;
    QTest::newRow("equal quality and order go to the lower HN id")
        << QList<BidRow>{{"N3", "2", 10, "0", 900'000, 5}, {"N2", "2", 10, "0", 900'000, 5}} << qint64(10) << false
        << QStringList{"N2:10", "N3:0"} << none << filled;
    QTest::newRow("equal quality from price and reliability falls to the earlier bid")
        // 1.8 / 0.9 == 2 / 1.0
        << QList<BidRow>{{"N1", "2", 10, "0", 1'000'000, 2}, {"N2", "1.8", 10, "0", 900'000, 1}} << qint64(10) << false
        << QStringList{"N2:10", "N1:0"} << none << filled;
    QTest::newRow("one base unit of price is decided exactly")
        << QList<BidRow>{{"N1", "2.800000000000000001", 10, "0", 900'000, 1}, {"N2", "2.8", 10, "0", 900'000, 2}}
        << qint64(10) << false << QStringList{"N2:10", "N1:0"} << none << filled;
    QTest::newRow("one base unit of bond is decided exactly")
        << QList<BidRow>{{"N1", "2.8", 10, "1.000000000000000000", 933'333, 1},
                         {"N2", "2.8", 10, "1.000000000000000001", 933'333, 2}}
        << qint64(10) << false << QStringList{"N2:10", "N1:0"} << none << filled;
    QTest::newRow("bids fill in ranking order and the last winner fills partly")
        << QList<BidRow>{{"N1", "2", 60}, {"N2", "2.1", 60}, {"N3", "2.2", 30}} << qint64(100) << false
        << QStringList{"N1:60", "N2:40", "N3:0"} << none << filled;
    QTest::newRow("an exact fill uses every winner completely")
        << QList<BidRow>{{"N1", "2", 60}, {"N2", "2.1", 40}} << qint64(100) << false
        << QStringList{"N1:60", "N2:40"} << none << filled;
    QTest::newRow("an unfilled tender fails when partial fill is not allowed")
        << QList<BidRow>{{"N1", "2", 30}, {"N2", "2.1", 40}} << qint64(100) << false
        << QStringList{"N1:0", "N2:0"} << none << TenderOutcome::Failed;
    QTest::newRow("an unfilled tender fills partly when allowed")
        << QList<BidRow>{{"N1", "2", 30}, {"N2", "2.1", 40}} << qint64(100) << true
        << QStringList{"N1:30", "N2:40"} << none << TenderOutcome::PartlyFilled;
    QTest::newRow("a tender without bids fails even when partial fill is allowed")
        << QList<BidRow>{} << qint64(100) << true << QStringList{} << none << TenderOutcome::Failed;
    QTest::newRow("a bid below the minimum reliability is dropped")
        << QList<BidRow>{{"N1", "1", 100, "0", 799'999}, {"N2", "2", 100, "0", 800'000}} << qint64(100) << false
        << QStringList{"N2:100"} << QStringList{"N1:tender.below_min_reliability"} << filled;
    QTest::newRow("an HN that became ineligible is dropped")
        << QList<BidRow>{{"N1", "1", 100, "0", 900'000, 0, false}, {"N2", "2", 100}} << qint64(100) << false
        << QStringList{"N2:100"} << QStringList{"N1:tender.node_ineligible"} << filled;
    QTest::newRow("an HN whose free capacity fell below its offer is dropped")
        << QList<BidRow>{{"N1", "1", 100, "0", 900'000, 0, true, 99}, {"N2", "2", 100}} << qint64(100) << false
        << QStringList{"N2:100"} << QStringList{"N1:tender.capacity_unavailable"} << filled;
    QTest::newRow("dropping the only bids fails the tender")
        << QList<BidRow>{{"N1", "1", 100, "0", 500'000}} << qint64(100) << true << QStringList{}
        << QStringList{"N1:tender.below_min_reliability"} << TenderOutcome::Failed;
}

void TestTender::awardsByTheRules()
{
    QFETCH(QList<BidRow>, bids);
    QFETCH(qint64, size);
    QFETCH(bool, partialAllowed);
    QFETCH(QStringList, ranking);
    QFETCH(QStringList, dropped);
    QFETCH(TenderOutcome, outcome);

    StaticAuctionFacts facts = tenderFacts();
    for (const BidRow &row : bids)
        facts.setNode(tenderNode(row.nodeId, row.reliabilityPpm));
    TenderSpec spec = tenderSpec(size);
    spec.partialFillAllowed = partialAllowed;
    auto tender = Tender::post(spec, 0, kNow, ProtocolParams(), facts);
    QVERIFY(tender.ok());
    for (const BidRow &row : bids) {
        facts.setBalance(providerOf(row.nodeId), icnt(QStringLiteral("1000")));
        const auto r = tender->bid(makeBid(row.nodeId, row.price, row.offered, row.bond, row.order), 1, facts);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().code));
    }
    for (const BidRow &row : bids) {
        AuctionNodeFacts n = tenderNode(row.nodeId, row.reliabilityPpm, row.freeAtAward);
        n.eligible = row.eligibleAtAward;
        facts.setNode(n);
    }
    const auto award = tender->award(kDeadline, facts);
    QVERIFY(award.ok());
    QStringList actualRanking;
    for (const RankedBid &r : award->ranking)
        actualRanking << QStringLiteral("%1:%2").arg(r.bid.nodeId).arg(r.awardedTb);
    QCOMPARE(actualRanking, ranking);
    QStringList actualDropped;
    for (const DroppedEntry &d : award->dropped)
        actualDropped << d.nodeId + QLatin1Char(':') + d.reason;
    QCOMPARE(actualDropped, dropped);
    QCOMPARE(award->outcome, outcome);

    // Slices: the winners in ranking order, each paid its own price (pay-as-bid).
    QStringList expectedSlices;
    for (const QString &r : ranking) {
        if (!r.endsWith(QLatin1String(":0")))
            expectedSlices << r;
    }
    QStringList actualSlices;
    qint64 filled = 0;
    for (const AwardSlice &s : award->settlement.slices) {
        actualSlices << QStringLiteral("%1:%2").arg(s.nodeId).arg(s.tb);
        filled += s.tb;
        const auto bid = std::find_if(bids.cbegin(), bids.cend(), [&](const BidRow &b) { return b.nodeId == s.nodeId; });
        QCOMPARE(s.price, icnt(bid->price));
        QCOMPARE(s.hpCost, *icnt(bid->price).mul(s.tb * 3));
        QCOMPARE(s.provider, providerOf(s.nodeId));
    }
    QCOMPARE(actualSlices, expectedSlices);
    QCOMPARE(award->settlement.filledTb, filled);
    QCOMPARE(movedOut(award->settlement.movements), tender->lock().total);
    const TenderState expectedState = outcome == TenderOutcome::Filled ? TenderState::Awarded
        : outcome == TenderOutcome::PartlyFilled                      ? TenderState::PartlyAwarded
                                                                       : TenderState::Failed;
    QCOMPARE(tender->state(), expectedState);
}

void TestTender::compareQualityIsExact_data()
{
    QTest::addColumn<QString>("priceA");
    QTest::addColumn<qint64>("offeredA");
    QTest::addColumn<QString>("bondA");
    QTest::addColumn<qint32>("relA");
    QTest::addColumn<QString>("priceB");
    QTest::addColumn<qint64>("offeredB");
    QTest::addColumn<QString>("bondB");
    QTest::addColumn<qint32>("relB");
    QTest::addColumn<int>("expected"); // -1: A better, 0: equal, 1: B better

    QTest::newRow("equal terms are equal") << "2" << qint64(10) << "0" << 900'000 << "2" << qint64(10) << "0" << 900'000 << 0;
    QTest::newRow("the cheaper bid is better") << "2" << qint64(10) << "0" << 900'000 << "2.1" << qint64(10) << "0" << 900'000 << -1;
    QTest::newRow("a bond exactly at the cap equals any larger bond")
        << "2" << qint64(10) << "15" << 900'000 << "2" << qint64(10) << "1000" << 900'000 << 0;
    QTest::newRow("one base unit under the cap is worse than the cap")
        << "2" << qint64(10) << "14.999999999999999999" << 900'000 << "2" << qint64(10) << "15" << 900'000 << 1;
    QTest::newRow("the bonus is relative to the offered capacity")
        // same bond, A offers less: larger ratio for A
        << "2" << qint64(10) << "3" << 900'000 << "2" << qint64(20) << "3" << 900'000 << -1;
    QTest::newRow("huge amounts are compared without overflow")
        << "170000000000" << qint64(1'000'000) << "1" << 999'999 << "170000000000" << qint64(1'000'000) << "0" << 999'999 << -1;
    QTest::newRow("reliability one ppm apart decides")
        << "2" << qint64(10) << "0" << 900'001 << "2" << qint64(10) << "0" << 900'000 << -1;
}

void TestTender::compareQualityIsExact()
{
    QFETCH(QString, priceA);
    QFETCH(qint64, offeredA);
    QFETCH(QString, bondA);
    QFETCH(qint32, relA);
    QFETCH(QString, priceB);
    QFETCH(qint64, offeredB);
    QFETCH(QString, bondB);
    QFETCH(qint32, relB);
    QFETCH(int, expected);

    const QualityTerms a{icnt(priceA), offeredA, icnt(bondA), relA};
    const QualityTerms b{icnt(priceB), offeredB, icnt(bondB), relB};
    const auto ab = Tender::compareQuality(a, b, 3, 250'000);
    const auto ba = Tender::compareQuality(b, a, 3, 250'000);
    const int sign = ab < 0 ? -1 : ab > 0 ? 1 : 0;
    QCOMPARE(sign, expected);
    QCOMPARE(ba < 0 ? -1 : ba > 0 ? 1 : 0, -expected);
}

void TestTender::lockAndRefundAreExact()
{
    // A margin of 333,333 ppm truncates both on the lock and on the award; computing the margin
    // per slice would give one base unit less (…035) than on the awarded total (…036).
    StaticAuctionFacts facts = tenderFacts();
    TenderSpec spec = tenderSpec(7);
    spec.maxPrice = icnt(QStringLiteral("3.000000000000000001"));
    spec.marginPpm = 333'333;
    auto tender = Tender::post(spec, 0, kNow, ProtocolParams(), facts);
    QVERIFY(tender.ok());
    QCOMPARE(tender->lock().hpPart.toStorage(), QStringLiteral("63000000000000000021"));
    QCOMPARE(tender->lock().marginPart.toStorage(), QStringLiteral("20999979000000000006"));
    QCOMPARE(tender->lock().total.toStorage(), QStringLiteral("83999979000000000027"));
    QCOMPARE(tender->postingMovements(),
             (QList<LedgerMovement>{{MovementKind::AccountToLock, spAccount(), QString(), tender->lock().total}}));

    QVERIFY(tender->bid(makeBid("N1", "2.500000000000000007", 4), 1, facts).ok());
    QVERIFY(tender->bid(makeBid("N2", "2.900000000000000003", 5), 2, facts).ok());
    const auto award = tender->award(kDeadline, facts);
    QVERIFY(award.ok());
    const AuctionSettlement &s = award->settlement;
    QCOMPARE(s.slices.size(), 2);
    QCOMPARE(s.slices[0].hpCost.toStorage(), QStringLiteral("30000000000000000084"));
    QCOMPARE(s.slices[1].tb, qint64(3));
    QCOMPARE(s.slices[1].hpCost.toStorage(), QStringLiteral("26100000000000000027"));
    QCOMPARE(s.hpCost.toStorage(), QStringLiteral("56100000000000000111"));
    QCOMPARE(s.margin.toStorage(), QStringLiteral("18699981300000000036"));
    QCOMPARE(s.total.toStorage(), QStringLiteral("74799981300000000147"));
    QCOMPARE(s.refund.toStorage(), QStringLiteral("9199997699999999880"));
    const QList<LedgerMovement> expected{
        {MovementKind::LockToEscrow, spAccount(), "N1", s.slices[0].hpCost},
        {MovementKind::LockToEscrow, spAccount(), "N2", s.slices[1].hpCost},
        {MovementKind::LockToTreasury, spAccount(), QString(), s.margin},
        {MovementKind::LockToAccount, spAccount(), QString(), s.refund},
    };
    QCOMPARE(s.movements, expected);
    QCOMPARE(movedOut(s.movements), tender->lock().total);
}

void TestTender::failedTenderReleasesEverything()
{
    StaticAuctionFacts facts = tenderFacts();
    facts.setBalance(providerOf("N1"), icnt("100"));
    facts.setBalance(providerOf("N2"), icnt("100"));
    auto tender = Tender::post(tenderSpec(100), 0, kNow, ProtocolParams(), facts);
    QVERIFY(tender.ok());
    QVERIFY(tender->bid(makeBid("N1", "2", 40, "5"), 1, facts).ok());
    QVERIFY(tender->bid(makeBid("N2", "2", 40, "7"), 1, facts).ok());
    const auto award = tender->award(kDeadline, facts);
    QVERIFY(award.ok());
    QCOMPARE(award->outcome, TenderOutcome::Failed);
    const AuctionSettlement &s = award->settlement;
    QVERIFY(s.slices.isEmpty());
    QCOMPARE(s.refund, tender->lock().total);
    QVERIFY(s.margin.isZero());
    QVERIFY(s.bondsKept.isEmpty());
    const QList<LedgerMovement> expected{
        {MovementKind::LockToAccount, spAccount(), QString(), tender->lock().total},
        {MovementKind::BondToAccount, providerOf("N1"), "N1", icnt("5")},
        {MovementKind::BondToAccount, providerOf("N2"), "N2", icnt("7")},
    };
    QCOMPARE(s.movements, expected);
    QCOMPARE(tender->state(), TenderState::Failed);
}

void TestTender::winnersKeepBondsAndLosersGetThemBack()
{
    StaticAuctionFacts facts = tenderFacts();
    facts.setNode(tenderNode("N4", 500'000)); // will be dropped at the award
    for (const char *id : {"N1", "N2", "N3", "N4"})
        facts.setBalance(providerOf(id), icnt("100"));
    auto tender = Tender::post(tenderSpec(100), 0, kNow, ProtocolParams(), facts);
    QVERIFY(tender.ok());
    QVERIFY(tender->bid(makeBid("N1", "2", 60, "1"), 1, facts).ok());
    QVERIFY(tender->bid(makeBid("N2", "2.1", 60, "2"), 2, facts).ok()); // last winner, partly
    QVERIFY(tender->bid(makeBid("N3", "2.2", 60, "3"), 3, facts).ok()); // loser
    QVERIFY(tender->bid(makeBid("N4", "1", 60, "4"), 4, facts).ok());   // dropped
    const auto award = tender->award(kDeadline, facts);
    QVERIFY(award.ok());
    const AuctionSettlement &s = award->settlement;
    QCOMPARE(s.bondsKept, (QList<HeldBond>{{"N1", providerOf("N1"), icnt("1")}, {"N2", providerOf("N2"), icnt("2")}}));
    QCOMPARE(s.bondsReleased, (QList<HeldBond>{{"N3", providerOf("N3"), icnt("3")}, {"N4", providerOf("N4"), icnt("4")}}));
    QList<LedgerMovement> bondMoves;
    for (const LedgerMovement &m : s.movements) {
        if (m.kind == MovementKind::BondToAccount)
            bondMoves << m;
    }
    QCOMPARE(bondMoves, (QList<LedgerMovement>{{MovementKind::BondToAccount, providerOf("N3"), "N3", icnt("3")},
                                               {MovementKind::BondToAccount, providerOf("N4"), "N4", icnt("4")}}));
}

void TestTender::zoneTenderMaySpanClusters()
{
    StaticAuctionFacts facts = tenderFacts();
    TenderSpec spec = tenderSpec(100);
    spec.scopeId = QStringLiteral("EUW-FRA");
    auto tender = Tender::post(spec, 0, kNow, ProtocolParams(), facts);
    QVERIFY(tender.ok());
    QVERIFY(tender->bid(makeBid("N1", "2", 50), 1, facts).ok());
    QVERIFY(tender->bid(makeBid("M1", "2.1", 50), 2, facts).ok());
    QCOMPARE(tender->bid(makeBid("A1", "1", 50), 3, facts).error().code, QStringLiteral("tender.not_in_scope"));
    const auto award = tender->award(kDeadline, facts);
    QVERIFY(award.ok());
    QCOMPARE(award->settlement.slices.size(), 2);
    QCOMPARE(award->settlement.slices[0].clusterId, QStringLiteral("FRA-1"));
    QCOMPARE(award->settlement.slices[1].clusterId, QStringLiteral("FRA-2"));
}

void TestTender::postRefusals_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("code");

    QTest::newRow("a zero size is refused") << "sizeTb" << "tender.invalid_size";
    QTest::newRow("a duration under the protocol minimum is refused") << "months" << "tender.invalid_duration";
    QTest::newRow("a start in the current month is refused") << "start" << "tender.start_too_early";
    QTest::newRow("a zero maximum price is refused") << "maxPrice" << "tender.invalid_price";
    QTest::newRow("a reliability above one million ppm is refused") << "minReliabilityPpm" << "tender.invalid_reliability";
    QTest::newRow("a negative margin is refused") << "marginPpm" << "tender.invalid_margin";
    QTest::newRow("a deadline that is not in the future is refused") << "bidDeadlineEpoch" << "tender.deadline_passed";
    QTest::newRow("a scope without HNs is refused") << "scopeId" << "tender.unknown_scope";
    QTest::newRow("a lock the SP cannot cover is refused") << "sp" << "tender.lock_not_covered";
    QTest::newRow("a lock beyond 128 bits is refused") << "overflow" << "tender.overflow";
}

void TestTender::postRefusals()
{
    QFETCH(QString, field);
    QFETCH(QString, code);

    StaticAuctionFacts facts = tenderFacts();
    TenderSpec spec = tenderSpec();
    const qint64 epoch = 5;
    if (field == "sizeTb")
        spec.sizeTb = 0;
    else if (field == "months")
        spec.months = 2;
    else if (field == "start")
        spec.start = kNow;
    else if (field == "maxPrice")
        spec.maxPrice = Amount();
    else if (field == "minReliabilityPpm")
        spec.minReliabilityPpm = 1'000'001;
    else if (field == "marginPpm")
        spec.marginPpm = -1;
    else if (field == "bidDeadlineEpoch")
        spec.bidDeadlineEpoch = epoch;
    else if (field == "scopeId")
        spec.scopeId = QStringLiteral("NOWHERE");
    else if (field == "sp")
        facts.setBalance(spAccount(), icnt("1124.999999999999999999")); // lock = 3 × 100 × 3 × 1.25 = 1125
    else if (field == "overflow")
        spec.maxPrice = icnt("100000000000000000000");
    const auto r = Tender::post(spec, epoch, kNow, ProtocolParams(), facts);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, code);
    if (field != "overflow")
        QCOMPARE(r.error().field, field);
}

void TestTender::bidRefusals_data()
{
    QTest::addColumn<QString>("nodeId");
    QTest::addColumn<QString>("price");
    QTest::addColumn<qint64>("offered");
    QTest::addColumn<QString>("bond");
    QTest::addColumn<qint64>("epoch");
    QTest::addColumn<int>("bidder"); // 0 = the HN's provider
    QTest::addColumn<QString>("code");

    QTest::newRow("a bid at the deadline epoch is refused") << "N2" << "2" << qint64(10) << "0" << kDeadline << 0 << "tender.bid_after_deadline";
    QTest::newRow("a price one base unit above the maximum is refused")
        << "N2" << "3.000000000000000001" << qint64(10) << "0" << qint64(1) << 0 << "tender.price_above_max";
    QTest::newRow("an offer beyond the HN's free capacity is refused")
        << "N3" << "2" << qint64(51) << "0" << qint64(1) << 0 << "tender.capacity_unavailable";
    QTest::newRow("a bond the bidder cannot cover is refused")
        << "N2" << "2" << qint64(10) << "10.000000000000000001" << qint64(1) << 0 << "tender.bond_not_covered";
    QTest::newRow("an HN outside the scope is refused") << "A1" << "2" << qint64(10) << "0" << qint64(1) << 0 << "tender.not_in_scope";
    QTest::newRow("an unknown HN is refused") << "X9" << "2" << qint64(10) << "0" << qint64(1) << 0 << "tender.unknown_node";
    QTest::newRow("someone else's HN is refused") << "N2" << "2" << qint64(10) << "0" << qint64(1) << 9 << "tender.not_provider";
    QTest::newRow("a second bid for the same HN is refused") << "N1" << "2" << qint64(10) << "0" << qint64(1) << 0 << "tender.duplicate_bid";
    QTest::newRow("an ineligible HN is refused") << "N4" << "2" << qint64(10) << "0" << qint64(1) << 0 << "tender.node_ineligible";
    QTest::newRow("a zero capacity is refused") << "N2" << "2" << qint64(0) << "0" << qint64(1) << 0 << "tender.invalid_capacity";
    QTest::newRow("an offer above the tender's size is refused")
        << "N2" << "2" << qint64(101) << "0" << qint64(1) << 0 << "tender.capacity_above_size";
    QTest::newRow("a zero price is refused") << "N2" << "0" << qint64(10) << "0" << qint64(1) << 0 << "tender.invalid_price";
}

void TestTender::bidRefusals()
{
    QFETCH(QString, nodeId);
    QFETCH(QString, price);
    QFETCH(qint64, offered);
    QFETCH(QString, bond);
    QFETCH(qint64, epoch);
    QFETCH(int, bidder);
    QFETCH(QString, code);

    StaticAuctionFacts facts = tenderFacts();
    facts.setNode(tenderNode("N3", 900'000, 50));
    AuctionNodeFacts ineligible = tenderNode("N4");
    ineligible.eligible = false;
    facts.setNode(ineligible);
    facts.setBalance(providerOf("N2"), icnt("10"));
    auto tender = Tender::post(tenderSpec(100), 0, kNow, ProtocolParams(), facts);
    QVERIFY(tender.ok());
    QVERIFY(tender->bid(makeBid("N1", "2", 10), 0, facts).ok());
    const QList<TenderBid> before = tender->bids();

    TenderBid b = makeBid(nodeId, price, offered, bond, 1);
    if (bidder != 0)
        b.bidder = addr(bidder);
    const auto r = tender->bid(b, epoch, facts);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, code);
    QCOMPARE(tender->bids(), before);
    QCOMPARE(tender->state(), TenderState::Open);
    if (code == "tender.capacity_unavailable")
        QCOMPARE(r.error().details.value("available").toLongLong(), qint64(50));
}

void TestTender::withdrawalBeforeTheDeadline()
{
    StaticAuctionFacts facts = tenderFacts();
    facts.setBalance(providerOf("N1"), icnt("10"));
    auto tender = Tender::post(tenderSpec(100), 0, kNow, ProtocolParams(), facts);
    QVERIFY(tender.ok());
    const auto locked = tender->bid(makeBid("N1", "2", 100, "4"), 1, facts);
    QVERIFY(locked.ok());
    QCOMPARE(*locked, (QList<LedgerMovement>{{MovementKind::AccountToBond, providerOf("N1"), "N1", icnt("4")}}));
    const auto released = tender->withdraw("N1", providerOf("N1"), kDeadline - 1);
    QVERIFY(released.ok());
    QCOMPARE(*released, (QList<LedgerMovement>{{MovementKind::BondToAccount, providerOf("N1"), "N1", icnt("4")}}));
    QVERIFY(tender->bids().isEmpty());
    // The HN may bid again, at another price.
    QVERIFY(tender->bid(makeBid("N1", "2.5", 100), 2, facts).ok());
    const auto award = tender->award(kDeadline, facts);
    QVERIFY(award.ok());
    QCOMPARE(award->settlement.slices.value(0).price, icnt("2.5"));
}

void TestTender::withdrawalRefusals()
{
    StaticAuctionFacts facts = tenderFacts();
    auto tender = Tender::post(tenderSpec(100), 0, kNow, ProtocolParams(), facts);
    QVERIFY(tender.ok());
    QVERIFY(tender->bid(makeBid("N1", "2", 100), 1, facts).ok());
    const QList<TenderBid> before = tender->bids();
    const auto late = tender->withdraw("N1", providerOf("N1"), kDeadline + 2);
    QCOMPARE(late.error().code, QStringLiteral("tender.withdraw_after_deadline"));
    QCOMPARE(late.error().details.value(QStringLiteral("deadlineEpoch")).toLongLong(), kDeadline);
    QCOMPARE(late.error().details.value(QStringLiteral("currentEpoch")).toLongLong(), kDeadline + 2);
    QCOMPARE(tender->withdraw("N1", providerOf("N1"), kDeadline).error().code, QStringLiteral("tender.withdraw_after_deadline"));
    const auto lateBid = tender->bid(makeBid("N2", "2", 10), kDeadline, facts);
    QCOMPARE(lateBid.error().code, QStringLiteral("tender.bid_after_deadline"));
    QCOMPARE(lateBid.error().details.value(QStringLiteral("deadlineEpoch")).toLongLong(), kDeadline);
    QCOMPARE(lateBid.error().details.value(QStringLiteral("currentEpoch")).toLongLong(), kDeadline);
    QCOMPARE(tender->withdraw("N2", providerOf("N2"), 2).error().code, QStringLiteral("tender.no_such_bid"));
    QCOMPARE(tender->withdraw("N1", addr(9), 2).error().code, QStringLiteral("tender.not_provider"));
    QCOMPARE(tender->bids(), before);
    QVERIFY(tender->award(kDeadline, facts).ok());
    QCOMPARE(tender->withdraw("N1", providerOf("N1"), 2).error().code, QStringLiteral("tender.already_awarded"));
}

void TestTender::awardBeforeTheDeadlineIsRefused()
{
    StaticAuctionFacts facts = tenderFacts();
    auto tender = Tender::post(tenderSpec(100), 0, kNow, ProtocolParams(), facts);
    QVERIFY(tender.ok());
    QVERIFY(tender->bid(makeBid("N1", "2", 100), 1, facts).ok());
    const auto r = tender->award(kDeadline - 1, facts);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("tender.award_before_deadline"));
    QCOMPARE(r.error().details.value(QStringLiteral("deadlineEpoch")).toLongLong(), kDeadline); // both epochs
    QCOMPARE(r.error().details.value(QStringLiteral("currentEpoch")).toLongLong(), kDeadline - 1);
    QCOMPARE(tender->state(), TenderState::Open);
    QCOMPARE(tender->bids().size(), 1);
    QVERIFY(tender->award(kDeadline, facts).ok());
}

void TestTender::doubleAwardIsRefused()
{
    StaticAuctionFacts facts = tenderFacts();
    auto tender = Tender::post(tenderSpec(100), 0, kNow, ProtocolParams(), facts);
    QVERIFY(tender.ok());
    QVERIFY(tender->bid(makeBid("N1", "2", 100), 1, facts).ok());
    QVERIFY(tender->award(kDeadline, facts).ok());
    QCOMPARE(tender->state(), TenderState::Awarded);
    QCOMPARE(tender->award(kDeadline + 1, facts).error().code, QStringLiteral("tender.already_awarded"));
    QCOMPARE(tender->bid(makeBid("N2", "2", 100), 2, facts).error().code, QStringLiteral("tender.already_awarded"));
    QCOMPARE(tender->state(), TenderState::Awarded);
}

void TestTender::previewChangesNothing()
{
    StaticAuctionFacts facts = tenderFacts();
    auto tender = Tender::post(tenderSpec(100), 0, kNow, ProtocolParams(), facts);
    QVERIFY(tender.ok());
    QVERIFY(tender->bid(makeBid("N1", "2", 100), 1, facts).ok());
    const auto preview = tender->previewAward(kDeadline, facts);
    QVERIFY(preview.ok());
    QCOMPARE(tender->state(), TenderState::Open);
    const auto award = tender->award(kDeadline, facts);
    QVERIFY(award.ok());
    QCOMPARE(award->settlement.movements, preview->settlement.movements);
    QCOMPARE(award->ranking, preview->ranking);
}

void TestTender::usesTheBondCapOfItsParams()
{
    // With a 50 % cap, a 50 % bond counts in full: 2.2 / 1.5 beats 2 / 1.25 (a 25 % bond).
    StaticAuctionFacts facts = tenderFacts();
    facts.setBalance(providerOf("N1"), icnt("1000"));
    facts.setBalance(providerOf("N2"), icnt("1000"));
    ProtocolParams params;
    params.maxBondBonusPpm = 500'000;
    auto tender = Tender::post(tenderSpec(10), 0, kNow, params, facts);
    QVERIFY(tender.ok());
    QCOMPARE(tender->maxBondBonusPpm(), qint64(500'000));
    QVERIFY(tender->bid(makeBid("N1", "2", 10, "15", 1), 1, facts).ok());   // C = 60, 25 %
    QVERIFY(tender->bid(makeBid("N2", "2.2", 10, "33", 2), 1, facts).ok()); // C = 66, 50 %
    const auto award = tender->award(kDeadline, facts);
    QVERIFY(award.ok());
    QCOMPARE(award->ranking.value(0).bid.nodeId, QStringLiteral("N2"));
    // Under the default 25 % cap the same bids rank the other way (2.2 / 1.25 = 1.76 vs 1.6).
    auto capped = Tender::post(tenderSpec(10), 0, kNow, ProtocolParams(), facts);
    QVERIFY(capped->bid(makeBid("N1", "2", 10, "15", 1), 1, facts).ok());
    QVERIFY(capped->bid(makeBid("N2", "2.2", 10, "33", 2), 1, facts).ok());
    QCOMPARE(capped->award(kDeadline, facts)->ranking.value(0).bid.nodeId, QStringLiteral("N1"));
}

void TestTender::restoredTenderAwardsTheSame()
{
    StaticAuctionFacts facts = tenderFacts();
    facts.setBalance(providerOf("N2"), icnt("100"));
    auto tender = Tender::post(tenderSpec(100), 0, kNow, ProtocolParams(), facts);
    QVERIFY(tender.ok());
    QVERIFY(tender->bid(makeBid("N1", "2", 60), 1, facts).ok());
    QVERIFY(tender->bid(makeBid("N2", "2.4", 60, "36", 2), 1, facts).ok());
    auto restored = Tender::restore(tender->spec(), tender->maxBondBonusPpm(), tender->state(), tender->bids());
    QVERIFY(restored.ok());
    QCOMPARE(restored->lock(), tender->lock());
    QCOMPARE(restored->bids(), tender->bids());
    const auto a = tender->award(kDeadline, facts);
    const auto b = restored->award(kDeadline, facts);
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(b->ranking, a->ranking);
    QCOMPARE(b->settlement.movements, a->settlement.movements);
    QCOMPARE(restored->state(), tender->state());
    const auto twice = Tender::restore(tender->spec(), 250'000, TenderState::Open, {makeBid("N1", "2", 1), makeBid("N1", "2", 2)});
    QCOMPARE(twice.error().code, QStringLiteral("tender.duplicate_bid"));
}

QTEST_GUILESS_MAIN(TestTender)
#include "tst_tender.moc"
