// PROTOCOL.md §8 through Engine::apply (docs/auctions.md §4): tenders and reverse auctions as
// signed transactions over the engine's state, one rule-table row per sentence of §8, every
// refusal with its code and nothing changed, awards as ordinary bookings paid at month close,
// sealed bids in the reads, conservation after every transaction and replay of a mixed log.
#include "EngineFixture.h"

#include <QTest>

#include <functional>
#include <limits>

using namespace icn;
using namespace icn::test;

namespace {

const Month kNov = ym(2026, 11);
const Month kDec = ym(2026, 12);
const Month kJan = ym(2027, 1);

// The seed network's HNs in builder order: their providers are addr(1000 + index).
const QStringList kNodes{QStringLiteral("FRA-1-N01"), QStringLiteral("FRA-1-N02"), QStringLiteral("FRA-2-N01"),
                         QStringLiteral("FRA-3-N01"), QStringLiteral("FRA-3-N02"), QStringLiteral("FRA-3-N03")};

Address hpOf(const QString &node)
{
    return addr(1000 + static_cast<int>(kNodes.indexOf(node)));
}

// The seed network with funded HPs (bonds) and per-node reliability / reservation price edits.
NetBuilder auctionNetwork()
{
    NetBuilder b = seedNetwork();
    for (int i = 0; i < kNodes.size(); ++i)
        b.account(addr(1000 + i), "50");
    return b;
}

PostTenderTx tenderTx(const Engine &e, const QString &scope, qint64 size, const char *maxPrice = "3",
                      bool partial = false, qint32 minRel = 0)
{
    PostTenderTx t;
    t.sp = kSp;
    t.scope = scope;
    t.sizeTb = size;
    t.startMonth = kJan;
    t.months = 3;
    t.maxPrice = icnt(maxPrice);
    t.minReliabilityPpm = minRel;
    t.bidDeadlineEpoch = SlaClock::firstEpochOf(kDec); // reached by closing November
    t.partialFill = partial;
    t.nonce = e.nextNonce(kSp);
    t.unsignedLocal = true;
    return t;
}

TenderBidTx bidTx(const Engine &e, quint64 tender, const QString &node, const char *price, qint64 offered,
                  const char *bond = "0")
{
    TenderBidTx t;
    t.bidder = hpOf(node);
    t.tenderId = tender;
    t.nodeId = node;
    t.offeredTb = offered;
    t.price = icnt(price);
    t.bond = icnt(bond);
    t.nonce = e.nextNonce(t.bidder);
    t.unsignedLocal = true;
    return t;
}

TenderAwardTx awardTx(const Engine &e, quint64 tender, const Address &caller = kSp2)
{
    return TenderAwardTx{caller, tender, e.nextNonce(caller), true, {}};
}

PostAuctionTx auctionTx(const Engine &e, const QString &scope, qint64 size, qint32 minRel = 0)
{
    PostAuctionTx t;
    t.sp = kSp;
    t.scope = scope;
    t.sizeTb = size;
    t.startMonth = kJan;
    t.months = 3;
    t.ceilingPrice = icnt("3");
    t.decrementPpm = 100'000; // 0.3 per round
    t.floorPrice = icnt("1.5");
    t.minReliabilityPpm = minRel;
    t.clockEpoch = SlaClock::firstEpochOf(kDec);
    t.nonce = e.nextNonce(kSp);
    t.unsignedLocal = true;
    return t;
}

SetDropOutTx dropOutTx(const Engine &e, quint64 auction, const QString &node, const char *price, const char *bond = "0",
                       qint64 capacity = 0)
{
    SetDropOutTx t;
    t.bidder = hpOf(node);
    t.auctionId = auction;
    t.nodeId = node;
    t.dropOutPrice = icnt(price);
    t.capacityTb = capacity;
    t.bond = icnt(bond);
    t.nonce = e.nextNonce(t.bidder);
    t.unsignedLocal = true;
    return t;
}

RunAuctionTx runTx(const Engine &e, quint64 auction, const Address &caller = kSp2)
{
    return RunAuctionTx{caller, auction, e.nextNonce(caller), true, {}};
}

void must(Engine &e, const Transaction &tx);

// §7: three SLA oracles (registered on first use) report `node` in breach for `epochs` epochs;
// every other HN is unobserved (neutral). From the 3rd breach epoch on each one slashes.
void breachEpochs(Engine &e, const QString &node, int epochs, QList<Transaction> *log = nullptr)
{
    const auto run = [&](const Transaction &t) {
        must(e, t);
        if (log)
            log->append(t);
    };
    for (int i = static_cast<int>(e.oracles().size()); i < 3; ++i)
        run(RegisterOracleTx{addr(500 + i), e.nextNonce(addr(500 + i)), true, {}});
    for (int k = 0; k < epochs; ++k) {
        SlaReportTx reports;
        reports.unsignedLocal = true;
        for (int i = 0; i < 3; ++i) {
            SlaReport r;
            r.hnId = node;
            r.epoch = e.currentEpoch();
            r.metrics = SlaMetrics{998'999, 150, 1'000}; // availability one ppm short of 99.9 %
            r.oracle = addr(500 + i);
            reports.reports.append(r);
        }
        run(reports);
        run(CloseEpochTx{e.currentEpoch()});
    }
}

void must(Engine &e, const Transaction &tx)
{
    const auto r = e.apply(tx);
    if (!r)
        QFAIL(qPrintable(transactionTypeName(tx) + QStringLiteral(" refused: ") + r.error().code + QLatin1Char(' ') + r.error().message));
    QVERIFY2(e.checkConservation().ok(), "conservation after an auction transaction");
}

void closeMonth(Engine &e)
{
    must(e, CloseMonthTx{e.currentMonth()});
}

QStringList slicesText(const QList<AwardSlice> &slices)
{
    QStringList out;
    for (const AwardSlice &s : slices)
        out << QStringLiteral("%1:%2@%3").arg(s.nodeId).arg(s.tb).arg(s.price.toString());
    return out;
}

struct Frozen
{
    QByteArray hash;
    QByteArray digest;
    quint64 applied = 0;
    LedgerTotals totals;
    QList<AccountEntry> accounts;
};

Frozen freeze(const Engine &e)
{
    return Frozen{e.stateHash(), e.computeStateDigest(), e.appliedCount(), e.totals(), e.accounts()};
}

bool sameTotals(const LedgerTotals &a, const LedgerTotals &b)
{
    return a.balances == b.balances && a.escrow == b.escrow && a.bonds == b.bonds && a.treasury == b.treasury
           && a.collateral == b.collateral && a.genesisPool == b.genesisPool;
}

} // namespace

using Setup = std::function<void(NetBuilder &)>;
using Script = std::function<void(Engine &)>;
using TxOf = std::function<Transaction(const Engine &)>;
Q_DECLARE_METATYPE(Setup)
Q_DECLARE_METATYPE(Script)
Q_DECLARE_METATYPE(TxOf)

class TestEngineAuctions : public QObject
{
    Q_OBJECT

private slots:
    void tenderAward_data();
    void tenderAward();
    void tenderAwardsBecomeOrdinaryBookingsPaidAsBid();
    void tenderWithdrawalReleasesBond();
    void winnersBondsAreSlashedWithTheirHn();
    void deadlinesAreEpochs();
    void reverseAuctionClock_data();
    void reverseAuctionClock();
    void reverseAuctionWinnersBookedAtClearingPrice();
    void reverseAuctionOverZoneAndRegion_data();
    void reverseAuctionOverZoneAndRegion();
    void refusalsChangeNothing_data();
    void refusalsChangeNothing();
    void checkPredictsApply();
    void bidsHiddenUntilAward();
    void termsHiddenUntilRun();
    void conservationAndReplayWithAuctionsInTheMix();
};

// Every sentence of the tender part of §8 as a row: bids (node:price:offered[:bond]) in
// submission order, then the outcome and the fill.
void TestEngineAuctions::tenderAward_data()
{
    QTest::addColumn<Setup>("setup");
    QTest::addColumn<QString>("scope");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<bool>("partial");
    QTest::addColumn<qint32>("minRel");
    QTest::addColumn<QStringList>("bids");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QStringList>("fill");
    QTest::addColumn<QStringList>("dropped");
    QTest::addColumn<Script>("afterBids"); // runs once the deadline is reached, before the award

    const Setup none = [](NetBuilder &) {};
    const Script nothing = [](Engine &) {};
    QTest::newRow("the lowest quality-adjusted price wins and is paid its own price")
        << none << QStringLiteral("FRA-1") << qint64(100) << false << 0
        << QStringList{QStringLiteral("FRA-1-N02:2.5:100"), QStringLiteral("FRA-1-N01:2:100")} << QStringLiteral("awarded")
        << QStringList{QStringLiteral("FRA-1-N01:100@2")} << QStringList{} << nothing;
    QTest::newRow("reliability divides the price: a dearer but reliable HN wins")
        << Setup([](NetBuilder &b) { b.nodeById(QStringLiteral("FRA-1-N01")).reliabilityPpm = 500'000; })
        << QStringLiteral("FRA-1") << qint64(100) << false << 0
        << QStringList{QStringLiteral("FRA-1-N01:2:100"), QStringLiteral("FRA-1-N02:2.5:100")} << QStringLiteral("awarded")
        << QStringList{QStringLiteral("FRA-1-N02:100@2.5")} << QStringList{} << nothing;
    QTest::newRow("a bond lowers the quality-adjusted price, capped at 25%")
        // C = 2.5 × 10 × 3 = 75; a 50 ICNT bond is above 25 % of C, so q = 2.5 / 1.25 = 2 < 2.1
        << none << QStringLiteral("FRA-1") << qint64(100) << false << 0
        << QStringList{QStringLiteral("FRA-1-N01:2.1:100"), QStringLiteral("FRA-1-N02:2.5:10:50")} << QStringLiteral("awarded")
        << QStringList{QStringLiteral("FRA-1-N02:10@2.5"), QStringLiteral("FRA-1-N01:90@2.1")} << QStringList{} << nothing;
    QTest::newRow("a bond below the cap counts pro rata")
        // C = 750; 50 / 750 = 6.7 %: q = 2.5 / 1.0667 = 2.34 > 2.1
        << none << QStringLiteral("FRA-1") << qint64(100) << false << 0
        << QStringList{QStringLiteral("FRA-1-N01:2.1:100"), QStringLiteral("FRA-1-N02:2.5:100:50")} << QStringLiteral("awarded")
        << QStringList{QStringLiteral("FRA-1-N01:100@2.1")} << QStringList{} << nothing;
    QTest::newRow("equal quality-adjusted prices: the earlier bid wins")
        << none << QStringLiteral("FRA-1") << qint64(100) << false << 0
        << QStringList{QStringLiteral("FRA-1-N02:2:100"), QStringLiteral("FRA-1-N01:2:100")} << QStringLiteral("awarded")
        << QStringList{QStringLiteral("FRA-1-N02:100@2")} << QStringList{} << nothing;
    QTest::newRow("several winners filled in order, the last one partly, each at its own price")
        << none << QStringLiteral("EUW-FRA") << qint64(250) << false << 0
        << QStringList{QStringLiteral("FRA-3-N01:2.9:100"), QStringLiteral("FRA-1-N01:2:100"), QStringLiteral("FRA-2-N01:2.4:100")}
        << QStringLiteral("awarded")
        << QStringList{QStringLiteral("FRA-1-N01:100@2"), QStringLiteral("FRA-2-N01:100@2.4"), QStringLiteral("FRA-3-N01:50@2.9")}
        << QStringList{} << nothing;
    QTest::newRow("bids below the minimum reliability are dropped")
        << Setup([](NetBuilder &b) { b.nodeById(QStringLiteral("FRA-1-N01")).reliabilityPpm = 700'000; })
        << QStringLiteral("FRA-1") << qint64(100) << false << 800'000
        << QStringList{QStringLiteral("FRA-1-N01:1:100"), QStringLiteral("FRA-1-N02:2.5:100")} << QStringLiteral("awarded")
        << QStringList{QStringLiteral("FRA-1-N02:100@2.5")} << QStringList{QStringLiteral("FRA-1-N01:tender.below_min_reliability")} << nothing;
    // N01 bids (the best price, with a bond), then three breach epochs slash its collateral below
    // the jail threshold (721 − 0.5 % < 720): jailed HNs are ineligible, so the bid is dropped at
    // the award and its bond released like a loser's.
    QTest::newRow("bids from HNs that became ineligible are dropped")
        << Setup([](NetBuilder &b) {
               b.s.params.capacityRewardPerTbMonth = Amount(); // no reward tops the collateral up at month close
               b.nodeById(QStringLiteral("FRA-1-N01")).collateral = icnt("721"); // jail threshold 720 (30 % of 2400)
           })
        << QStringLiteral("FRA-1") << qint64(100) << false << 0
        << QStringList{QStringLiteral("FRA-1-N01:2:100:5"), QStringLiteral("FRA-1-N02:2.5:100")} << QStringLiteral("awarded")
        << QStringList{QStringLiteral("FRA-1-N02:100@2.5")} << QStringList{QStringLiteral("FRA-1-N01:tender.node_ineligible")}
        << Script([](Engine &e) {
               breachEpochs(e, QStringLiteral("FRA-1-N01"), 3);
               QCOMPARE(e.network().nodes[e.network().nodeIndex.value(QStringLiteral("FRA-1-N01"))].status, NodeStatus::Jailed);
           });
    QTest::newRow("not enough supply and no partial fill: the tender fails")
        << none << QStringLiteral("FRA-1") << qint64(150) << false << 0
        << QStringList{QStringLiteral("FRA-1-N01:2:100")} << QStringLiteral("failed") << QStringList{} << QStringList{} << nothing;
    QTest::newRow("not enough supply with partial fill allowed: fills partly")
        << none << QStringLiteral("FRA-1") << qint64(150) << true << 0
        << QStringList{QStringLiteral("FRA-1-N01:2:100")} << QStringLiteral("partly_awarded")
        << QStringList{QStringLiteral("FRA-1-N01:100@2")} << QStringList{} << nothing;
    QTest::newRow("no bid at all: the tender fails") << none << QStringLiteral("FRA-1") << qint64(100) << true << 0
                                                     << QStringList{} << QStringLiteral("failed") << QStringList{} << QStringList{} << nothing;
    QTest::newRow("a single bid that covers the size wins") << none << QStringLiteral("FRA-2") << qint64(60) << false << 0
                                                            << QStringList{QStringLiteral("FRA-2-N01:3:60")} << QStringLiteral("awarded")
                                                            << QStringList{QStringLiteral("FRA-2-N01:60@3")} << QStringList{} << nothing;
}

void TestEngineAuctions::tenderAward()
{
    QFETCH(Setup, setup);
    QFETCH(QString, scope);
    QFETCH(qint64, size);
    QFETCH(bool, partial);
    QFETCH(qint32, minRel);
    QFETCH(QStringList, bids);
    QFETCH(QString, state);
    QFETCH(QStringList, fill);
    QFETCH(QStringList, dropped);
    QFETCH(Script, afterBids);

    NetBuilder b = auctionNetwork();
    setup(b);
    Engine e = b.engine();
    must(e, tenderTx(e, scope, size, "3", partial, minRel));
    const Amount lock = e.tender(1)->lock.total;
    QCOMPARE(lock, *icnt("3").mul(size * 3)->add(*icnt("3").mul(size * 3)->mulPpm(250'000)));
    QCOMPARE(e.totals().escrow, lock);
    Amount bonds;
    for (const QString &bid : std::as_const(bids)) {
        const QStringList p = bid.split(QLatin1Char(':'));
        const QByteArray bond = p.size() > 3 ? p[3].toLatin1() : QByteArray("0");
        must(e, bidTx(e, 1, p[0], p[1].toLatin1().constData(), p[2].toLongLong(), bond.constData()));
        bonds = *bonds.add(icnt(bond.constData()));
    }
    QCOMPARE(e.totals().bonds, bonds);
    const Amount spBefore = e.balance(kSp);
    closeMonth(e); // the deadline month
    afterBids(e);
    must(e, awardTx(e, 1));

    const TenderView v = *e.tender(1);
    QCOMPARE(tenderStateName(v.state), state);
    QCOMPARE(slicesText(v.slices), fill);
    QStringList droppedText;
    for (const TenderBidView &bv : v.bids)
        if (!bv.droppedReason.isEmpty())
            droppedText << bv.bid.nodeId + QLatin1Char(':') + bv.droppedReason;
    QCOMPARE(droppedText, dropped);
    // The unused lock comes back, the margin of what was awarded goes to the treasury.
    QCOMPARE(v.refund, *lock.sub(v.total));
    QCOMPARE(e.balance(kSp), *spBefore.add(v.refund));
    QCOMPARE(v.margin, v.hpCost.mulPpm(250'000).value());
    Amount keptBonds;
    for (const TenderBidView &bv : v.bids)
        if (bv.awardedTb > 0)
            keptBonds = *keptBonds.add(bv.bid.bond);
    QCOMPARE(e.totals().bonds, keptBonds); // losers' bonds released, winners' kept
    QCOMPARE(v.bookingIds.isEmpty(), fill.isEmpty());
    if (state == QLatin1String("failed")) {
        QCOMPARE(v.refund, lock);
        QCOMPARE(e.totals().escrow, Amount());
    }
}

void TestEngineAuctions::tenderAwardsBecomeOrdinaryBookingsPaidAsBid()
{
    NetBuilder nb = auctionNetwork();
    nb.s.params.capacityRewardPerTbMonth = Amount(); // HP balances here move by bids and payments only (§6 rewards: tst_hardwarenodes)
    Engine e = nb.engine();
    must(e, tenderTx(e, QStringLiteral("EUW-FRA"), 150));
    must(e, bidTx(e, 1, QStringLiteral("FRA-1-N01"), "2", 100, "10"));
    must(e, bidTx(e, 1, QStringLiteral("FRA-3-N01"), "2.5", 100, "5"));
    must(e, bidTx(e, 1, QStringLiteral("FRA-3-N02"), "2.9", 100, "7"));
    const Amount hp3 = e.balance(hpOf(QStringLiteral("FRA-3-N02")));
    closeMonth(e);
    must(e, awardTx(e, 1));
    // The loser's bond is back at once.
    QCOMPARE(e.balance(hpOf(QStringLiteral("FRA-3-N02"))), *hp3.add(icnt("7")));
    const TenderView v = *e.tender(1);
    QCOMPARE(v.bookingIds, (QList<quint64>{1, 2})); // one booking per cluster, in fill order
    const BookingInfo b1 = *e.booking(1);
    const BookingInfo b2 = *e.booking(2);
    QCOMPARE(b1.clusterId, QStringLiteral("FRA-1"));
    QCOMPARE(b1.sizeTb, qint64(100));
    QCOMPARE(b1.hpCost, icnt("600"));
    QCOMPARE(b1.margin, Amount());
    QCOMPARE(b2.clusterId, QStringLiteral("FRA-3"));
    QCOMPARE(b2.sizeTb, qint64(50));
    QCOMPARE(b2.slices.first().price, icnt("2.5"));
    QCOMPARE(b2.hpCost, icnt("375"));
    QCOMPARE(v.margin, icnt("243.75"));
    // The capacity is allocated like any booking: the quote now sees 50 TB of FRA-3-N01 taken.
    QCOMPARE(e.capacity(QStringLiteral("FRA-3"), MonthRange{kJan, 3})->freeTbWholeRange, qint64(250));

    // Month closes pay pay-as-bid from escrow; the bonds return when the booking ends.
    const Amount hp1 = e.balance(hpOf(QStringLiteral("FRA-1-N01")));
    closeMonth(e); // Dec: not started
    closeMonth(e); // Jan
    QCOMPARE(e.balance(hpOf(QStringLiteral("FRA-1-N01"))), *hp1.add(icnt("200")));
    QCOMPARE(e.totals().bonds, icnt("15"));
    closeMonth(e);
    closeMonth(e); // Mar: the bookings end
    QCOMPARE(e.balance(hpOf(QStringLiteral("FRA-1-N01"))), *hp1.add(icnt("610"))); // 600 paid + the bond
    QCOMPARE(e.totals().bonds, Amount());
    QCOMPARE(e.totals().escrow, Amount());
    QCOMPARE(e.booking(1)->status, BookingStatus::Completed);
}

void TestEngineAuctions::tenderWithdrawalReleasesBond()
{
    Engine e = auctionNetwork().engine();
    must(e, tenderTx(e, QStringLiteral("FRA-1"), 100));
    const Address hp = hpOf(QStringLiteral("FRA-1-N01"));
    const Amount before = e.balance(hp);
    must(e, bidTx(e, 1, QStringLiteral("FRA-1-N01"), "2", 100, "20"));
    QCOMPARE(e.balance(hp), *before.sub(icnt("20")));
    QCOMPARE(e.totals().bonds, icnt("20"));
    must(e, TenderWithdrawTx{hp, 1, QStringLiteral("FRA-1-N01"), e.nextNonce(hp), true, {}});
    QCOMPARE(e.balance(hp), before);
    QCOMPARE(e.totals().bonds, Amount());
    QCOMPARE(e.tender(1)->bidCount, 0);
    // A withdrawn HN may bid again.
    must(e, bidTx(e, 1, QStringLiteral("FRA-1-N01"), "2.2", 100));
    QCOMPARE(e.tender(1)->bidCount, 1);
}

// §8 "a bond ... slashable like collateral" with §7: each slashing breach epoch of a winner's HN
// slashes its kept bond by the same min(0.5 % × 2^(k−1), 8 %), truncated, bond by bond; the ICNT
// goes to the treasury, the receipt and the slash event show it, the rest returns when the
// booking ends, and a replay of the log gives the same state.
void TestEngineAuctions::winnersBondsAreSlashedWithTheirHn()
{
    NetBuilder nb = auctionNetwork();
    nb.s.params.capacityRewardPerTbMonth = Amount();
    const NetBuilder genesis = nb;
    Engine e = nb.engine();
    e.setRecordEvents(true);
    QList<Transaction> log;
    const auto run = [&](const Transaction &t) {
        must(e, t);
        log.append(t);
    };
    const QString n1 = QStringLiteral("FRA-1-N01");
    const QString n2 = QStringLiteral("FRA-1-N02");
    const QString loser = QStringLiteral("FRA-3-N01");
    // Odd base units show the truncation: 10.000000000000000199 and 0.000000000000000333.
    run(tenderTx(e, QStringLiteral("EUW-FRA"), 150));
    run(bidTx(e, 1, n1, "2", 100, "10.000000000000000199"));
    run(bidTx(e, 1, n2, "2.1", 50, "0.000000000000000333"));
    run(bidTx(e, 1, loser, "2.9", 100, "4"));
    run(CloseMonthTx{e.currentMonth()});
    run(awardTx(e, 1));
    QCOMPARE(e.totals().bonds, icnt("10.000000000000000532")); // the loser's 4 are back

    // Two breach epochs are grace (nothing slashed), the 3rd slashes 0.5 %, the 4th 1 %.
    breachEpochs(e, n1, 2, &log);
    QCOMPARE(e.totals().bonds, icnt("10.000000000000000532"));
    e.takeEvents();
    const QList<std::pair<qint64, const char *>> steps{{5'000, "0.05"}, {10'000, "0.099500000000000001"}};
    Amount bondsSlashed;
    for (const auto &[ppm, bondSlash] : steps) {
        const Amount collateral = e.nodeEconomics(n1)->collateral;
        const Amount collateralSlash = Amount::fromBaseUnits(collateral.baseUnits() * ppm / 1'000'000);
        const LedgerTotals before = e.totals();
        SlaReportTx reports;
        reports.unsignedLocal = true;
        for (int i = 0; i < 3; ++i) {
            SlaReport rep;
            rep.hnId = n1;
            rep.epoch = e.currentEpoch();
            rep.metrics = SlaMetrics{998'999, 150, 1'000};
            rep.oracle = addr(500 + i);
            reports.reports.append(rep);
        }
        run(reports);
        const CloseEpochTx close{e.currentEpoch()};
        const auto r = e.apply(close);
        QVERIFY(r.ok());
        log.append(close);
        QVERIFY(e.checkConservation().ok());
        const Amount slash = icnt(bondSlash);
        bondsSlashed = *bondsSlashed.add(slash);
        // Exact balances: the collateral and the kept bond of N01 lose the same ppm, the treasury
        // gains both; N02's bond is untouched.
        QCOMPARE(e.nodeEconomics(n1)->collateral, *collateral.sub(collateralSlash));
        QCOMPARE(e.totals().bonds, *before.bonds.sub(slash));
        QCOMPARE(e.totals().treasury, *before.treasury.add(collateralSlash)->add(slash));
        QCOMPARE(r->amount, *collateralSlash.add(slash));
        QVERIFY(r->figures.contains(std::pair<QString, Amount>{QStringLiteral("slashed"), collateralSlash}));
        QVERIFY(r->figures.contains(std::pair<QString, Amount>{QStringLiteral("bonds_slashed"), slash}));
        std::vector<SlashEvent> slashes;
        for (const EngineEvent &ev : e.takeEvents())
            if (const auto *se = std::get_if<SlashEvent>(&ev.data))
                slashes.push_back(*se);
        QCOMPARE(slashes.size(), size_t(1));
        QCOMPARE(slashes[0].nodeId, n1);
        QCOMPARE(slashes[0].ppm, ppm);
        QCOMPARE(slashes[0].amount, collateralSlash);
        QCOMPARE(slashes[0].bonds, slash);
    }
    QCOMPARE(e.totals().bonds, *icnt("10.000000000000000532").sub(bondsSlashed));

    // The booking ends with March: what is left of each bond goes back to its bidder.
    const Amount hp1 = e.balance(hpOf(n1));
    const Amount hp2 = e.balance(hpOf(n2));
    while (e.currentMonth() <= ym(2027, 3))
        run(CloseMonthTx{e.currentMonth()});
    QCOMPARE(e.totals().bonds, Amount());
    const Amount paid1 = icnt("600"); // 100 TB × 2 × 3 months, nothing withheld (breach in December)
    const Amount paid2 = icnt("315"); // 50 TB × 2.1 × 3
    QCOMPARE(e.balance(hpOf(n1)), *hp1.add(paid1)->add(icnt("9.850500000000000198")));
    QCOMPARE(e.balance(hpOf(n2)), *hp2.add(paid2)->add(icnt("0.000000000000000333")));
    QVERIFY(e.checkConservation().ok());

    // Replay: the same log from the genesis gives the same hash and state.
    Engine replayed = genesis.engine();
    for (const Transaction &t : std::as_const(log)) {
        const auto decoded = decodeTransaction(encodeTransaction(t));
        QVERIFY(decoded.ok());
        QVERIFY(replayed.apply(*decoded).ok());
    }
    QCOMPARE(replayed.stateHash(), e.stateHash());
    QCOMPARE(replayed.computeStateDigest(), e.computeStateDigest());
}

// §8 "bid deadline (epoch)": the deadline is an epoch of the engine's epoch clock, reached by
// closing epochs inside a month. Bids, withdrawals and drop-out terms while currentEpoch < deadline;
// award and run from currentEpoch ≥ deadline; the refusals carry both epochs.
void TestEngineAuctions::deadlinesAreEpochs()
{
    Engine e = auctionNetwork().engine();
    const qint64 e0 = e.currentEpoch();
    QCOMPARE(e0, SlaClock::firstEpochOf(kNov));
    const QString n1 = QStringLiteral("FRA-1-N01");
    const QString n2 = QStringLiteral("FRA-1-N02");
    const QString n3 = QStringLiteral("FRA-3-N01");
    PostTenderTx pt = tenderTx(e, QStringLiteral("FRA-1"), 100);
    pt.bidDeadlineEpoch = e0 + 2; // 2026-11-03
    must(e, pt);
    PostAuctionTx pa = auctionTx(e, QStringLiteral("FRA-3"), 100);
    pa.clockEpoch = e0 + 2;
    must(e, pa);
    QCOMPARE(e.tender(1)->spec.bidDeadlineEpoch, e0 + 2);
    QCOMPARE(e.reverseAuction(1)->clockEpoch, e0 + 2);

    const auto refused = [&](const Transaction &t, const QString &code, const QString &deadlineKey, qint64 deadline) {
        const Frozen f = freeze(e);
        const auto r = e.apply(t);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, code);
        QCOMPARE(r.error().details.value(deadlineKey).toLongLong(), deadline);
        QCOMPARE(r.error().details.value(QStringLiteral("currentEpoch")).toLongLong(), e.currentEpoch());
        QCOMPARE(e.stateHash(), f.hash);
        QCOMPARE(e.computeStateDigest(), f.digest);
    };
    must(e, bidTx(e, 1, n1, "2.5", 100, "1")); // epoch e0
    must(e, CloseEpochTx{e.currentEpoch()});
    // Epoch e0 + 1, the last one before the deadline: bids and terms still taken, no award, no run.
    must(e, bidTx(e, 1, n2, "2", 100));
    must(e, dropOutTx(e, 1, n3, "2"));
    refused(awardTx(e, 1), QStringLiteral("tender.award_before_deadline"), QStringLiteral("deadlineEpoch"), e0 + 2);
    refused(runTx(e, 1), QStringLiteral("auction.run_before_clock"), QStringLiteral("clockEpoch"), e0 + 2);
    must(e, CloseEpochTx{e.currentEpoch()});
    // Epoch e0 + 2 = the deadline, still November: no more bids, withdrawals or terms.
    QCOMPARE(e.currentEpoch(), e0 + 2);
    QCOMPARE(e.currentMonth(), kNov);
    refused(bidTx(e, 1, QStringLiteral("FRA-1-N02"), "2", 10), QStringLiteral("tender.bid_after_deadline"),
            QStringLiteral("deadlineEpoch"), e0 + 2);
    const Address hp1 = hpOf(n1);
    refused(TenderWithdrawTx{hp1, 1, n1, e.nextNonce(hp1), true, {}}, QStringLiteral("tender.withdraw_after_deadline"),
            QStringLiteral("deadlineEpoch"), e0 + 2);
    refused(dropOutTx(e, 1, n3, "2.1"), QStringLiteral("auction.terms_after_clock"), QStringLiteral("clockEpoch"), e0 + 2);
    // The award and the run happen at the deadline epoch, inside the posting month.
    must(e, awardTx(e, 1));
    QCOMPARE(slicesText(e.tender(1)->slices), QStringList{QStringLiteral("FRA-1-N02:100@2")});
    must(e, runTx(e, 1));
    QCOMPARE(reverseAuctionStateName(e.reverseAuction(1)->state), QStringLiteral("cleared"));
    QCOMPARE(e.booking(e.tender(1)->bookingIds.first())->start, kJan);
    QCOMPARE(e.booking(e.tender(1)->bookingIds.first())->bookedInMonth, kNov);

    // Posting: the deadline must be a later epoch, and before the start month's first epoch.
    PostTenderTx late = tenderTx(e, QStringLiteral("FRA-1"), 10);
    late.bidDeadlineEpoch = e.currentEpoch();
    refused(late, QStringLiteral("tender.deadline_passed"), QStringLiteral("deadlineEpoch"), e.currentEpoch());
    late.bidDeadlineEpoch = SlaClock::firstEpochOf(kJan);
    const auto atStart = e.apply(late);
    QCOMPARE(atStart.error().code, QStringLiteral("tender.deadline_not_before_start"));
    QCOMPARE(atStart.error().details.value(QStringLiteral("startEpoch")).toLongLong(), SlaClock::firstEpochOf(kJan));
    late.bidDeadlineEpoch = SlaClock::firstEpochOf(kJan) - 1; // 2026-12-31: the last epoch that is allowed
    must(e, late);
    PostAuctionTx clock = auctionTx(e, QStringLiteral("FRA-3"), 10);
    clock.clockEpoch = e.currentEpoch();
    refused(clock, QStringLiteral("auction.clock_passed"), QStringLiteral("clockEpoch"), e.currentEpoch());
    clock.clockEpoch = SlaClock::firstEpochOf(kJan);
    const auto clockAtStart = e.apply(clock);
    QCOMPARE(clockAtStart.error().code, QStringLiteral("auction.clock_not_before_start"));
    QCOMPARE(clockAtStart.error().details.value(QStringLiteral("startEpoch")).toLongLong(), SlaClock::firstEpochOf(kJan));
}

// Every sentence of the reverse-auction part of §8 as a row: reservation prices of FRA-3's HNs
// (the default drop-out), drop-out terms, the size; then the rounds, the clearing price and winners.
void TestEngineAuctions::reverseAuctionClock_data()
{
    QTest::addColumn<Setup>("setup");
    QTest::addColumn<QString>("scope");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<qint32>("minRel");
    QTest::addColumn<QStringList>("terms"); // node:dropOut:bond
    QTest::addColumn<QStringList>("rounds");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QStringList>("fill");

    const auto prices = [](const char *a, const char *b, const char *c) {
        return Setup([=](NetBuilder &n) {
            n.nodeById(QStringLiteral("FRA-3-N01")).reservationPrice = icnt(a);
            n.nodeById(QStringLiteral("FRA-3-N02")).reservationPrice = icnt(b);
            n.nodeById(QStringLiteral("FRA-3-N03")).reservationPrice = icnt(c);
        });
    };
    QTest::newRow("clears at the last price where supply equals demand")
        << prices("2", "2.2", "2.6") << QStringLiteral("FRA-3") << qint64(200) << 0 << QStringList{}
        << QStringList{QStringLiteral("3|300|3|1"), QStringLiteral("2.7|300|3|1"), QStringLiteral("2.4|200|2|1"),
                       QStringLiteral("2.1|100|1|0")}
        << QStringLiteral("cleared") << QStringList{QStringLiteral("FRA-3-N01:100@2.4"), QStringLiteral("FRA-3-N02:100@2.4")};
    QTest::newRow("drop-out prices replace the reservation prices")
        << prices("2", "2.2", "2.6") << QStringLiteral("FRA-3") << qint64(200) << 0
        << QStringList{QStringLiteral("FRA-3-N03:1.9:0")}
        << QStringList{QStringLiteral("3|300|3|1"), QStringLiteral("2.7|300|3|1"), QStringLiteral("2.4|300|3|1"),
                       QStringLiteral("2.1|200|2|1"), QStringLiteral("1.8|0|0|0")}
        << QStringLiteral("cleared") << QStringList{QStringLiteral("FRA-3-N01:100@2.1"), QStringLiteral("FRA-3-N03:100@2.1")};
    QTest::newRow("the floor stops the clock: clears at the floor")
        << prices("1", "1", "1") << QStringLiteral("FRA-3") << qint64(100) << 0 << QStringList{}
        << QStringList{QStringLiteral("3|300|3|1"), QStringLiteral("2.7|300|3|1"), QStringLiteral("2.4|300|3|1"),
                       QStringLiteral("2.1|300|3|1"), QStringLiteral("1.8|300|3|1"), QStringLiteral("1.5|300|3|1")}
        << QStringLiteral("cleared") << QStringList{QStringLiteral("FRA-3-N01:100@1.5")};
    QTest::newRow("a single bidder clears at the last price it still covers")
        << Setup([](NetBuilder &) {}) << QStringLiteral("FRA-2") << qint64(80) << 0 << QStringList{}
        << QStringList{QStringLiteral("3|100|1|1"), QStringLiteral("2.7|0|0|0")} << QStringLiteral("cleared")
        << QStringList{QStringLiteral("FRA-2-N01:80@3")};
    QTest::newRow("no bidder: nothing clears and the lock comes back")
        << Setup([](NetBuilder &) {}) << QStringLiteral("FRA-3") << qint64(100) << 950'000 << QStringList{}
        << QStringList{QStringLiteral("3|0|0|0")} << QStringLiteral("not_cleared") << QStringList{};
    QTest::newRow("supply short of demand at the ceiling: not cleared")
        << prices("2", "2", "2") << QStringLiteral("FRA-3") << qint64(301) << 0 << QStringList{}
        << QStringList{QStringLiteral("3|300|3|0")} << QStringLiteral("not_cleared") << QStringList{};
    QTest::newRow("winners by reliability, then bond, then HN id; all paid the clearing price")
        << Setup([](NetBuilder &n) {
               for (const char *id : {"FRA-3-N01", "FRA-3-N02", "FRA-3-N03"})
                   n.nodeById(QString::fromLatin1(id)).reservationPrice = icnt("2");
               n.nodeById(QStringLiteral("FRA-3-N03")).reliabilityPpm = 990'000;
           })
        << QStringLiteral("FRA-3") << qint64(250) << 0 << QStringList{QStringLiteral("FRA-3-N02:2:5")}
        << QStringList{QStringLiteral("3|300|3|1"), QStringLiteral("2.7|300|3|1"), QStringLiteral("2.4|300|3|1"),
                       QStringLiteral("2.1|300|3|1"), QStringLiteral("1.8|0|0|0")}
        << QStringLiteral("cleared")
        << QStringList{QStringLiteral("FRA-3-N03:100@2.1"), QStringLiteral("FRA-3-N02:100@2.1"), QStringLiteral("FRA-3-N01:50@2.1")};
}

void TestEngineAuctions::reverseAuctionClock()
{
    QFETCH(Setup, setup);
    QFETCH(QString, scope);
    QFETCH(qint64, size);
    QFETCH(qint32, minRel);
    QFETCH(QStringList, terms);
    QFETCH(QStringList, rounds);
    QFETCH(QString, state);
    QFETCH(QStringList, fill);

    NetBuilder b = auctionNetwork();
    setup(b);
    Engine e = b.engine();
    must(e, auctionTx(e, scope, size, minRel));
    const Amount lock = e.reverseAuction(1)->lock.total;
    for (const QString &t : std::as_const(terms)) {
        const QStringList p = t.split(QLatin1Char(':'));
        must(e, dropOutTx(e, 1, p[0], p[1].toLatin1().constData(), p[2].toLatin1().constData()));
    }
    QVERIFY(e.auctionRounds(1).isEmpty());
    closeMonth(e);
    const Amount spBefore = e.balance(kSp);
    must(e, runTx(e, 1));

    QStringList roundText;
    for (const AuctionRound &r : e.auctionRounds(1))
        roundText << QStringLiteral("%1|%2|%3|%4").arg(r.price.toString()).arg(r.supplyTb).arg(r.activeBidders).arg(r.coversDemand ? 1 : 0);
    QCOMPARE(roundText, rounds);
    const ReverseAuctionView v = *e.reverseAuction(1);
    QCOMPARE(reverseAuctionStateName(v.state), state);
    QCOMPARE(v.roundCount, rounds.size());
    QCOMPARE(slicesText(v.slices), fill);
    QCOMPARE(e.balance(kSp), *spBefore.add(v.refund));
    QCOMPARE(v.refund, *lock.sub(v.total));
    if (state == QLatin1String("not_cleared")) {
        QCOMPARE(v.refund, lock);
        QCOMPARE(v.clearingPrice, Amount());
        QVERIFY(v.bookingIds.isEmpty());
    }
}

void TestEngineAuctions::reverseAuctionWinnersBookedAtClearingPrice()
{
    NetBuilder b = auctionNetwork();
    b.nodeById(QStringLiteral("FRA-3-N01")).reservationPrice = icnt("2");
    Engine e = b.engine();
    must(e, auctionTx(e, QStringLiteral("FRA-3"), 100));
    must(e, dropOutTx(e, 1, QStringLiteral("FRA-3-N02"), "2.9", "4"));
    QCOMPARE(e.totals().bonds, icnt("4"));
    closeMonth(e);
    must(e, runTx(e, 1));
    const ReverseAuctionView v = *e.reverseAuction(1);
    QCOMPARE(v.clearingPrice, icnt("2.1"));
    QCOMPARE(e.totals().bonds, Amount()); // the loser's bond is released
    const BookingInfo booking = *e.booking(v.bookingIds.first());
    QCOMPARE(booking.slices.first().nodeId, QStringLiteral("FRA-3-N01"));
    QCOMPARE(booking.slices.first().price, icnt("2.1"));
    QCOMPARE(booking.hpCost, icnt("630"));
    QCOMPARE(v.margin, icnt("157.5"));
}

// A reverse auction over a zone or a region: every HN of the scope takes part, winners may sit in
// several clusters (and zones), and the engine books one ordinary booking per cluster in fill order,
// each with the auction's scope. A second zone EUW-AMS holds one cheap HN: only the region sees it.
void TestEngineAuctions::reverseAuctionOverZoneAndRegion_data()
{
    QTest::addColumn<QString>("scope");
    QTest::addColumn<QStringList>("rounds");
    QTest::addColumn<QStringList>("fill");
    QTest::addColumn<QStringList>("bookings"); // cluster:TB per booking, in order

    QTest::newRow("zone: three clusters of EUW-FRA, cleared at 2.4")
        << QStringLiteral("EUW-FRA")
        << QStringList{QStringLiteral("3|600|6|1"), QStringLiteral("2.7|300|3|1"), QStringLiteral("2.4|300|3|1"),
                       QStringLiteral("2.1|200|2|0")}
        << QStringList{QStringLiteral("FRA-1-N01:100@2.4"), QStringLiteral("FRA-2-N01:100@2.4"), QStringLiteral("FRA-3-N01:50@2.4")}
        << QStringList{QStringLiteral("FRA-1:100"), QStringLiteral("FRA-2:100"), QStringLiteral("FRA-3:50")};
    QTest::newRow("region: the other zone's cheaper HN joins, cleared at 2.1")
        << QStringLiteral("EUW")
        << QStringList{QStringLiteral("3|700|7|1"), QStringLiteral("2.7|400|4|1"), QStringLiteral("2.4|400|4|1"),
                       QStringLiteral("2.1|300|3|1"), QStringLiteral("1.8|100|1|0")}
        << QStringList{QStringLiteral("AMS-1-N01:100@2.1"), QStringLiteral("FRA-1-N01:100@2.1"), QStringLiteral("FRA-2-N01:50@2.1")}
        << QStringList{QStringLiteral("AMS-1:100"), QStringLiteral("FRA-1:100"), QStringLiteral("FRA-2:50")};
}

void TestEngineAuctions::reverseAuctionOverZoneAndRegion()
{
    QFETCH(QString, scope);
    QFETCH(QStringList, rounds);
    QFETCH(QStringList, fill);
    QFETCH(QStringList, bookings);

    NetBuilder b = auctionNetwork();
    b.zone(QStringLiteral("EUW-AMS"), QStringLiteral("EUW")).cluster(QStringLiteral("AMS-1"), QStringLiteral("EUW-AMS"));
    b.node(QStringLiteral("AMS-1-N01"), QStringLiteral("AMS-1")).reservationPrice = icnt("1.8");
    b.nodeById(QStringLiteral("FRA-1-N01")).reservationPrice = icnt("2");
    b.nodeById(QStringLiteral("FRA-2-N01")).reservationPrice = icnt("2.1");
    b.nodeById(QStringLiteral("FRA-3-N01")).reservationPrice = icnt("2.2");
    for (const char *id : {"FRA-1-N02", "FRA-3-N02", "FRA-3-N03"})
        b.nodeById(QString::fromLatin1(id)).reservationPrice = icnt("2.9");
    Engine e = b.engine();
    must(e, auctionTx(e, scope, 250));
    const Amount lock = e.reverseAuction(1)->lock.total;
    QCOMPARE(lock, icnt("2812.5")); // 3 × 250 × 3 × 1.25
    closeMonth(e);
    const Amount spBefore = e.balance(kSp);
    const Amount treasuryBefore = e.totals().treasury;
    must(e, runTx(e, 1));

    QStringList roundText;
    for (const AuctionRound &r : e.auctionRounds(1))
        roundText << QStringLiteral("%1|%2|%3|%4").arg(r.price.toString()).arg(r.supplyTb).arg(r.activeBidders).arg(r.coversDemand ? 1 : 0);
    QCOMPARE(roundText, rounds);
    const ReverseAuctionView v = *e.reverseAuction(1);
    QCOMPARE(reverseAuctionStateName(v.state), QStringLiteral("cleared"));
    QCOMPARE(slicesText(v.slices), fill);
    QCOMPARE(v.filledTb, qint64(250));
    // Uniform price: hpCost = 250 TB × clearing × 3 months; the margin once on the total.
    QCOMPARE(v.hpCost, *v.clearingPrice.mul(250 * 3));
    QCOMPARE(v.margin, *v.hpCost.mulPpm(250'000));
    QCOMPARE(e.totals().treasury, *treasuryBefore.add(v.margin));
    QCOMPARE(e.balance(kSp), *spBefore.add(*lock.sub(v.total)));
    QStringList bookingText;
    for (quint64 id : v.bookingIds) {
        const BookingInfo booking = *e.booking(id);
        QCOMPARE(booking.scopeId, scope);
        QCOMPARE(booking.margin, Amount());
        QCOMPARE(booking.start, kJan);
        for (const Slice &slice : booking.slices)
            QCOMPARE(slice.price, v.clearingPrice);
        bookingText << QStringLiteral("%1:%2").arg(booking.clusterId).arg(booking.sizeTb);
    }
    QCOMPARE(bookingText, bookings);
    QVERIFY(e.checkConservation().ok());
}

// Each refusal: the code, the field, and nothing changed (state hash, digest, totals, balances).
void TestEngineAuctions::refusalsChangeNothing_data()
{
    QTest::addColumn<Script>("before");
    QTest::addColumn<TxOf>("tx");
    QTest::addColumn<QString>("code");

    const QString n1 = QStringLiteral("FRA-1-N01");
    const QString n2 = QStringLiteral("FRA-1-N02");
    const Script openTender = [](Engine &e) { must(e, tenderTx(e, QStringLiteral("FRA-1"), 100)); };
    const Script withBid = [=](Engine &e) {
        openTender(e);
        must(e, bidTx(e, 1, n1, "2", 100, "5"));
    };
    const Script afterDeadline = [=](Engine &e) {
        withBid(e);
        closeMonth(e);
    };
    const Script openAuction = [](Engine &e) { must(e, auctionTx(e, QStringLiteral("FRA-3"), 100)); };

    QTest::newRow("bid after the deadline") << afterDeadline
                                            << TxOf([=](const Engine &e) { return Transaction(bidTx(e, 1, n2, "2", 100)); })
                                            << QStringLiteral("tender.bid_after_deadline");
    QTest::newRow("price over the maximum") << openTender
                                            << TxOf([=](const Engine &e) { return Transaction(bidTx(e, 1, n1, "3.01", 100)); })
                                            << QStringLiteral("tender.price_above_max");
    QTest::newRow("capacity the HN does not have free for the range")
        << Script([=](Engine &e) {
               openTender(e);
               QVERIFY(bookAtQuote(e, QStringLiteral("FRA-1"), 150, kJan, 6).ok()); // N01 full, N02 half
           })
        << TxOf([=](const Engine &e) { return Transaction(bidTx(e, 1, n2, "2", 60)); }) << QStringLiteral("tender.capacity_unavailable");
    QTest::newRow("bond the HP cannot cover") << openTender
                                              << TxOf([=](const Engine &e) { return Transaction(bidTx(e, 1, n1, "2", 100, "50.01")); })
                                              << QStringLiteral("tender.bond_not_covered");
    QTest::newRow("not the HN's provider") << openTender << TxOf([=](const Engine &e) {
        TenderBidTx t = bidTx(e, 1, n1, "2", 100);
        t.bidder = hpOf(n2);
        t.nonce = e.nextNonce(t.bidder);
        return Transaction(t);
    }) << QStringLiteral("tender.not_provider");
    QTest::newRow("a second bid for the same HN") << withBid
                                                  << TxOf([=](const Engine &e) { return Transaction(bidTx(e, 1, n1, "2.1", 100)); })
                                                  << QStringLiteral("tender.duplicate_bid");
    QTest::newRow("an HN outside the scope") << openTender << TxOf([](const Engine &e) {
        return Transaction(bidTx(e, 1, QStringLiteral("FRA-2-N01"), "2", 100));
    }) << QStringLiteral("tender.not_in_scope");
    QTest::newRow("withdraw someone else's bid") << withBid << TxOf([=](const Engine &e) {
        const Address other = hpOf(n2);
        return Transaction(TenderWithdrawTx{other, 1, n1, e.nextNonce(other), true, {}});
    }) << QStringLiteral("tender.not_provider");
    QTest::newRow("withdraw after the deadline") << afterDeadline << TxOf([=](const Engine &e) {
        const Address hp = hpOf(n1);
        return Transaction(TenderWithdrawTx{hp, 1, n1, e.nextNonce(hp), true, {}});
    }) << QStringLiteral("tender.withdraw_after_deadline");
    QTest::newRow("award before the deadline") << withBid << TxOf([](const Engine &e) { return Transaction(awardTx(e, 1)); })
                                               << QStringLiteral("tender.award_before_deadline");
    QTest::newRow("double award") << Script([=](Engine &e) {
        afterDeadline(e);
        must(e, awardTx(e, 1));
    }) << TxOf([](const Engine &e) { return Transaction(awardTx(e, 1)); })
                                  << QStringLiteral("tender.already_awarded");
    QTest::newRow("an unknown tender") << openTender << TxOf([](const Engine &e) { return Transaction(awardTx(e, 7)); })
                                       << QStringLiteral("tender.unknown_tender");
    QTest::newRow("a tender the SP cannot lock") << Script([](Engine &) {}) << TxOf([](const Engine &e) {
        PostTenderTx t = tenderTx(e, QStringLiteral("FRA-1"), 100, "3");
        t.sp = kSp2;
        t.nonce = e.nextNonce(kSp2);
        return Transaction(t);
    }) << QStringLiteral("tender.lock_not_covered");
    QTest::newRow("a deadline not before the start") << Script([](Engine &) {}) << TxOf([](const Engine &e) {
        PostTenderTx t = tenderTx(e, QStringLiteral("FRA-1"), 100);
        t.bidDeadlineEpoch = SlaClock::firstEpochOf(kJan); // the start month's first epoch
        return Transaction(t);
    }) << QStringLiteral("tender.deadline_not_before_start");
    QTest::newRow("a deadline already passed") << Script([](Engine &) {}) << TxOf([](const Engine &e) {
        PostTenderTx t = tenderTx(e, QStringLiteral("FRA-1"), 100);
        t.bidDeadlineEpoch = e.currentEpoch(); // not a later epoch
        return Transaction(t);
    }) << QStringLiteral("tender.deadline_passed");
    QTest::newRow("an absurd duration (no month arithmetic overflows)") << Script([](Engine &) {}) << TxOf([](const Engine &e) {
        PostTenderTx t = tenderTx(e, QStringLiteral("FRA-1"), 1);
        t.months = std::numeric_limits<qint32>::max();
        t.startMonth = Month::fromIndex(std::numeric_limits<qint32>::max() - 5);
        return Transaction(t);
    }) << QStringLiteral("tender.lock_not_covered");
    QTest::newRow("an unknown scope") << Script([](Engine &) {})
                                      << TxOf([](const Engine &e) { return Transaction(tenderTx(e, QStringLiteral("NOPE"), 100)); })
                                      << QStringLiteral("tender.unknown_scope");
    QTest::newRow("a wrong nonce") << openTender << TxOf([=](const Engine &e) {
        TenderBidTx t = bidTx(e, 1, n1, "2", 100);
        t.nonce += 1;
        return Transaction(t);
    }) << QStringLiteral("tender.bad_nonce");
    QTest::newRow("a signed bid with a bad signature") << openTender << TxOf([=](const Engine &e) {
        TenderBidTx t = bidTx(e, 1, n1, "2", 100);
        t.unsignedLocal = false;
        t.signature = QByteArray(65, '\x01');
        return Transaction(t);
    }) << QStringLiteral("tender.bad_signature");
    QTest::newRow("drop-out after the clock epoch") << Script([=](Engine &e) {
        openAuction(e);
        closeMonth(e);
    }) << TxOf([](const Engine &e) { return Transaction(dropOutTx(e, 1, QStringLiteral("FRA-3-N01"), "2")); })
                                                    << QStringLiteral("auction.terms_after_clock");
    QTest::newRow("drop-out for another HP's HN") << openAuction << TxOf([](const Engine &e) {
        SetDropOutTx t = dropOutTx(e, 1, QStringLiteral("FRA-3-N01"), "2");
        t.bidder = hpOf(QStringLiteral("FRA-3-N02"));
        t.nonce = e.nextNonce(t.bidder);
        return Transaction(t);
    }) << QStringLiteral("reverse_auction.not_provider");
    QTest::newRow("drop-out bond the HP cannot cover") << openAuction << TxOf([](const Engine &e) {
        return Transaction(dropOutTx(e, 1, QStringLiteral("FRA-3-N01"), "2", "51"));
    }) << QStringLiteral("reverse_auction.bond_not_covered");
    QTest::newRow("drop-out capacity the HN does not have") << openAuction << TxOf([](const Engine &e) {
        return Transaction(dropOutTx(e, 1, QStringLiteral("FRA-3-N01"), "2", "0", 101));
    }) << QStringLiteral("reverse_auction.capacity_unavailable");
    QTest::newRow("run before the clock epoch") << openAuction << TxOf([](const Engine &e) { return Transaction(runTx(e, 1)); })
                                                << QStringLiteral("auction.run_before_clock");
    QTest::newRow("run twice") << Script([=](Engine &e) {
        openAuction(e);
        closeMonth(e);
        must(e, runTx(e, 1));
    }) << TxOf([](const Engine &e) { return Transaction(runTx(e, 1)); })
                               << QStringLiteral("reverse_auction.closed");
    QTest::newRow("an unknown reverse auction") << openAuction << TxOf([](const Engine &e) { return Transaction(runTx(e, 2)); })
                                                << QStringLiteral("auction.unknown_auction");
    QTest::newRow("a floor above the ceiling") << Script([](Engine &) {}) << TxOf([](const Engine &e) {
        PostAuctionTx t = auctionTx(e, QStringLiteral("FRA-3"), 100);
        t.floorPrice = icnt("3.1");
        return Transaction(t);
    }) << QStringLiteral("reverse_auction.invalid_floor");
    QTest::newRow("a clock epoch not before the start") << Script([](Engine &) {}) << TxOf([](const Engine &e) {
        PostAuctionTx t = auctionTx(e, QStringLiteral("FRA-3"), 100);
        t.clockEpoch = SlaClock::firstEpochOf(kJan);
        return Transaction(t);
    }) << QStringLiteral("auction.clock_not_before_start");
    QTest::newRow("a clock epoch already reached") << Script([](Engine &) {}) << TxOf([](const Engine &e) {
        PostAuctionTx t = auctionTx(e, QStringLiteral("FRA-3"), 100);
        t.clockEpoch = e.currentEpoch();
        return Transaction(t);
    }) << QStringLiteral("auction.clock_passed");
    QTest::newRow("an auction the SP cannot lock") << Script([](Engine &) {}) << TxOf([](const Engine &e) {
        PostAuctionTx t = auctionTx(e, QStringLiteral("FRA-3"), 100);
        t.sp = kSp2;
        t.nonce = e.nextNonce(kSp2);
        return Transaction(t);
    }) << QStringLiteral("reverse_auction.lock_not_covered");
}

void TestEngineAuctions::refusalsChangeNothing()
{
    QFETCH(Script, before);
    QFETCH(TxOf, tx);
    QFETCH(QString, code);
    Engine e = auctionNetwork().engine();
    before(e);
    const Frozen f = freeze(e);
    const Transaction t = tx(e);
    const auto checked = e.check(t);
    QVERIFY(!checked.ok());
    QCOMPARE(checked.error().code, code);
    const auto r = e.apply(t);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, code);
    QCOMPARE(e.stateHash(), f.hash);
    QCOMPARE(e.computeStateDigest(), f.digest);
    QCOMPARE(e.appliedCount(), f.applied);
    QVERIFY(sameTotals(e.totals(), f.totals));
    QCOMPARE(e.accounts().size(), f.accounts.size());
    for (qsizetype i = 0; i < f.accounts.size(); ++i)
        QCOMPARE(e.accounts()[i].balance, f.accounts[i].balance);
    QVERIFY(e.checkConservation().ok());
}

void TestEngineAuctions::checkPredictsApply()
{
    Engine e = auctionNetwork().engine();
    const QList<TxOf> steps{
        [](const Engine &x) { return Transaction(tenderTx(x, QStringLiteral("EUW-FRA"), 150)); },
        [](const Engine &x) { return Transaction(bidTx(x, 1, QStringLiteral("FRA-1-N01"), "2", 100, "3")); },
        [](const Engine &x) { return Transaction(bidTx(x, 1, QStringLiteral("FRA-2-N01"), "2.5", 100)); },
        [](const Engine &x) { return Transaction(auctionTx(x, QStringLiteral("FRA-3"), 100)); },
        [](const Engine &x) { return Transaction(dropOutTx(x, 1, QStringLiteral("FRA-3-N02"), "2.2", "1")); },
        [](const Engine &x) { return Transaction(CloseMonthTx{x.currentMonth()}); },
        [](const Engine &x) { return Transaction(awardTx(x, 1)); },
        [](const Engine &x) { return Transaction(runTx(x, 1)); },
    };
    for (const TxOf &step : steps) {
        const Transaction t = step(e);
        const QByteArray digest = e.computeStateDigest();
        const auto predicted = e.check(t);
        QVERIFY(predicted.ok());
        QCOMPARE(e.computeStateDigest(), digest);
        const auto applied = e.apply(t);
        QVERIFY(applied.ok());
        QCOMPARE(applied->stateHash, predicted->stateHash);
        QCOMPARE(applied->details, predicted->details);
    }
}

void TestEngineAuctions::bidsHiddenUntilAward()
{
    Engine e = auctionNetwork().engine();
    must(e, tenderTx(e, QStringLiteral("FRA-1"), 100));
    must(e, bidTx(e, 1, QStringLiteral("FRA-1-N01"), "2", 100));
    must(e, bidTx(e, 1, QStringLiteral("FRA-1-N02"), "2.5", 100));
    const Address hp1 = hpOf(QStringLiteral("FRA-1-N01"));

    const TenderView own = *e.tender(1, hp1);
    QCOMPARE(own.bidCount, 2);
    QVERIFY(!own.bidsVisible);
    QCOMPARE(own.bids.size(), 1);
    QCOMPARE(own.bids.first().bid.nodeId, QStringLiteral("FRA-1-N01"));
    QCOMPARE(e.tender(1, kSp)->bids.size(), 0); // not even the SP sees sealed bids
    QCOMPARE(e.tender(1)->bids.size(), 0);
    QCOMPARE(e.tenders(hpOf(QStringLiteral("FRA-1-N02"))).first().bids.first().bid.price, icnt("2.5"));

    closeMonth(e);
    must(e, awardTx(e, 1));
    const TenderView after = *e.tender(1);
    QVERIFY(after.bidsVisible);
    QCOMPARE(after.bids.size(), 2);
    QCOMPARE(after.bids[0].rank, 1);
    QCOMPARE(after.bids[0].bid.nodeId, QStringLiteral("FRA-1-N01"));
    QCOMPARE(after.bids[0].awardedTb, qint64(100));
    QCOMPARE(after.bids[1].awardedTb, qint64(0));
}

void TestEngineAuctions::termsHiddenUntilRun()
{
    Engine e = auctionNetwork().engine();
    must(e, auctionTx(e, QStringLiteral("FRA-3"), 100));
    must(e, dropOutTx(e, 1, QStringLiteral("FRA-3-N01"), "2.1"));
    must(e, dropOutTx(e, 1, QStringLiteral("FRA-3-N02"), "2.2"));
    QCOMPARE(e.reverseAuction(1)->termsCount, 2);
    QCOMPARE(e.reverseAuction(1)->terms.size(), 0);
    QCOMPARE(e.reverseAuction(1, hpOf(QStringLiteral("FRA-3-N02")))->terms.size(), 1);
    QCOMPARE(*e.reverseAuction(1, hpOf(QStringLiteral("FRA-3-N02")))->terms.first().dropOutPrice, icnt("2.2"));
    closeMonth(e);
    must(e, runTx(e, 1));
    QCOMPARE(e.reverseAuction(1)->terms.size(), 2);
    QVERIFY(e.reverseAuction(1)->termsVisible);
}

// A deterministic mix of bookings, tenders, reverse auctions and month closes: conservation after
// every transaction; replaying the log on a fresh engine gives the same hashes and the same state.
void TestEngineAuctions::conservationAndReplayWithAuctionsInTheMix()
{
    const NetBuilder b = auctionNetwork();
    Engine e = b.engine();
    QList<Transaction> log;
    const auto step = [&](const Transaction &t, bool mayRefuse = false) {
        const auto r = e.apply(t);
        if (!mayRefuse && !r)
            QFAIL(qPrintable(transactionTypeName(t) + QLatin1Char(' ') + r.error().code));
        if (r)
            log.append(t);
        QVERIFY(e.checkConservation().ok());
    };
    quint64 tenders = 0;
    quint64 auctions = 0;
    for (int round = 0; round < 6; ++round) {
        const Month start = e.currentMonth().plus(2);
        // a posted-price booking
        const auto q = e.quote(QuoteRequest{QStringLiteral("FRA-1"), 10, start, 3});
        if (q)
            step(bookTx(QStringLiteral("FRA-1"), 10, start, 3, q->total, e.nextNonce(kSp)));
        // a tender with bids (one with a bond, one withdrawn)
        PostTenderTx pt = tenderTx(e, QStringLiteral("EUW-FRA"), 40 + round * 10, "3.5", round % 2 == 1);
        pt.startMonth = start;
        pt.bidDeadlineEpoch = e.currentEpoch() + 1 + round % 5; // inside the month: reached at its close
        step(pt);
        ++tenders;
        step(bidTx(e, tenders, kNodes[round % 6], "2.5", 20, round % 3 == 0 ? "1" : "0"), true);
        step(bidTx(e, tenders, kNodes[(round + 1) % 6], "2.9", 30, "2"), true);
        step(bidTx(e, tenders, kNodes[(round + 2) % 6], "3.1", 25), true);
        const Address w = hpOf(kNodes[(round + 2) % 6]);
        step(TenderWithdrawTx{w, tenders, kNodes[(round + 2) % 6], e.nextNonce(w), true, {}}, true);
        // a reverse auction with one drop-out
        PostAuctionTx pa = auctionTx(e, QStringLiteral("FRA-3"), 30 + round * 20);
        pa.startMonth = start;
        pa.clockEpoch = e.currentEpoch() + 2;
        step(pa);
        ++auctions;
        step(dropOutTx(e, auctions, QStringLiteral("FRA-3-N02"), "2.4", round % 2 ? "1.5" : "0"), true);
        step(CloseMonthTx{e.currentMonth()});
        step(awardTx(e, tenders));
        step(runTx(e, auctions));
    }
    for (int i = 0; i < 6; ++i)
        step(CloseMonthTx{e.currentMonth()});
    QCOMPARE(e.totals().bonds, Amount()); // every bond released once its booking ended
    QVERIFY(e.bookingCount() > 6);

    Engine replayed = b.engine();
    for (const Transaction &t : std::as_const(log)) {
        const auto decoded = decodeTransaction(encodeTransaction(t));
        QVERIFY(decoded.ok());
        QVERIFY(replayed.apply(*decoded).ok());
    }
    QCOMPARE(replayed.stateHash(), e.stateHash());
    QCOMPARE(replayed.computeStateDigest(), e.computeStateDigest());
    QCOMPARE(replayed.tenders().size(), qsizetype(tenders));
}

QTEST_GUILESS_MAIN(TestEngineAuctions)
#include "tst_engineauctions.moc"
