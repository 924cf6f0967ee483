// Properties of the auction rule cores on deterministic random inputs, checked against a
// brute-force reading of docs/auctions.md: conservation of the lock, the exact ranking with its
// tie-breaks, greedy fills, outcomes, and the clock's rounds, floor and clearing price.

#include "AuctionFixture.h"

#include <QTest>

#include <algorithm>
#include <random>

using namespace icn;
using namespace icn::auctiontest;

class TestAuctionProperties : public QObject
{
    Q_OBJECT

private slots:
    void randomTendersKeepTheInvariants();
    void randomClocksKeepTheInvariants();
};

void TestAuctionProperties::randomTendersKeepTheInvariants()
{
    // Deterministic random tenders: money is conserved, the ranking is the exact order, fills are
    // greedy, and the outcome follows the partial-fill rule.
    std::mt19937_64 rng(8);
    const auto pick = [&](qint64 lo, qint64 hi) { return lo + static_cast<qint64>(rng() % static_cast<quint64>(hi - lo + 1)); };
    for (int iteration = 0; iteration < 300; ++iteration) {
        StaticAuctionFacts facts = tenderFacts();
        TenderSpec spec = tenderSpec(pick(1, 400));
        spec.partialFillAllowed = rng() % 2 == 0;
        spec.marginPpm = pick(0, 400'000);
        spec.months = static_cast<qint32>(pick(3, 24));
        spec.maxPrice = Amount::fromBaseUnits(pick(1, 5'000'000'000'000'000'000));
        auto tender = Tender::post(spec, 0, kNow, ProtocolParams(), facts);
        QVERIFY(tender.ok());
        const int bids = static_cast<int>(pick(0, 12));
        QList<Amount> bonds;
        for (int i = 0; i < bids; ++i) {
            const QString id = QStringLiteral("R%1").arg(i, 2, 10, QLatin1Char('0'));
            facts.setNode(tenderNode(id, static_cast<qint32>(pick(7, 10) * 100'000), 1000)); // few levels: ties happen
            facts.setBalance(providerOf(id), icnt("1000000"));
            // Few distinct prices and bonds, so ties happen.
            const Amount price = *spec.maxPrice.mulDiv(pick(1, 4), 4);
            const qint64 offered = pick(1, spec.sizeTb);
            const Amount bond = rng() % 2 ? Amount() : *price.mulDiv(offered * spec.months * pick(0, 4), 8);
            QVERIFY(price.baseUnits() > 0 || spec.maxPrice.baseUnits() < 4);
            if (price.isZero())
                continue;
            QVERIFY(tender->bid(TenderBid{id, providerOf(id), offered, price, bond, static_cast<quint64>(pick(0, 3))}, 1, facts).ok());
            bonds << bond;
        }
        const auto award = tender->award(kDeadline, facts);
        QVERIFY(award.ok());
        const AuctionSettlement &s = award->settlement;
        QCOMPARE(movedOut(s.movements), tender->lock().total);
        QVERIFY(!s.refund.isNegative());
        QVERIFY(s.filledTb <= spec.sizeTb);
        // Exact order with its tie-breaks.
        for (qsizetype i = 0; i + 1 < award->ranking.size(); ++i) {
            const TenderBid &a = award->ranking[i].bid;
            const TenderBid &b = award->ranking[i + 1].bid;
            const auto relA = facts.node(a.nodeId, spec.range())->reliabilityPpm;
            const auto relB = facts.node(b.nodeId, spec.range())->reliabilityPpm;
            const auto q = Tender::compareQuality({a.price, a.offeredTb, a.bond, relA}, {b.price, b.offeredTb, b.bond, relB},
                                                  spec.months, tender->maxBondBonusPpm());
            QVERIFY(q <= 0);
            if (q == 0)
                QVERIFY(a.submittedOrder < b.submittedOrder || (a.submittedOrder == b.submittedOrder && a.nodeId < b.nodeId));
        }
        // Greedy fill: everyone before the last winner is filled completely.
        qint64 filled = 0;
        bool sawPartialWinner = false;
        for (const RankedBid &r : award->ranking) {
            if (award->outcome == TenderOutcome::Failed) {
                QCOMPARE(r.awardedTb, qint64(0));
                continue;
            }
            QVERIFY(!sawPartialWinner || r.awardedTb == 0);
            sawPartialWinner = r.awardedTb < r.bid.offeredTb;
            filled += r.awardedTb;
        }
        QCOMPARE(filled, s.filledTb);
        qint64 offered = 0;
        for (const RankedBid &r : award->ranking)
            offered += r.bid.offeredTb;
        if (offered >= spec.sizeTb)
            QCOMPARE(award->outcome, TenderOutcome::Filled);
        else if (offered > 0 && spec.partialFillAllowed)
            QCOMPARE(award->outcome, TenderOutcome::PartlyFilled);
        else
            QCOMPARE(award->outcome, TenderOutcome::Failed);
        qsizetype nonZeroBonds = 0;
        for (const Amount &b : bonds)
            nonZeroBonds += b.isZero() ? 0 : 1;
        QCOMPARE(s.bondsKept.size() + s.bondsReleased.size(), nonZeroBonds);
    }
}

void TestAuctionProperties::randomClocksKeepTheInvariants()
{
    // Deterministic random auctions checked against a brute-force reading of the rules.
    std::mt19937_64 rng(21);
    const auto pick = [&](qint64 lo, qint64 hi) { return lo + static_cast<qint64>(rng() % static_cast<quint64>(hi - lo + 1)); };
    for (int iteration = 0; iteration < 300; ++iteration) {
        StaticAuctionFacts facts = clockFacts();
        ReverseAuctionSpec spec = clockSpec();
        spec.sizeTb = pick(1, 300);
        spec.ceilingPrice = Amount::fromBaseUnits(pick(1'000, 3'000'000));
        spec.floorPrice = Amount::fromBaseUnits(pick(1, spec.ceilingPrice.baseUnits()));
        spec.decrementPpm = pick(1'000, 300'000);
        spec.marginPpm = pick(0, 400'000);
        const int nodes = static_cast<int>(pick(1, 10));
        for (int i = 0; i < nodes; ++i) {
            AuctionNodeFacts n = clockNode(QStringLiteral("N%1").arg(i + 1), "1", pick(0, 120), static_cast<qint32>(pick(750'000, 1'000'000)));
            n.reservationPrice = Amount::fromBaseUnits(pick(1, spec.ceilingPrice.baseUnits() * 5 / 4));
            facts.setNode(n);
        }
        auto auction = ReverseAuction::post(spec, kNow, ProtocolParams(), facts);
        QVERIFY(auction.ok());
        const auto result = auction->run(facts);
        QVERIFY(result.ok());
        const Amount step = auction->step();
        const auto supplyAt = [&](Amount price) {
            qint64 supply = 0;
            for (const ClockEntrant &e : result->entrants)
                supply += e.dropOutPrice <= price ? e.capacityTb : 0;
            return supply;
        };
        QVERIFY(!result->rounds.isEmpty());
        for (qsizetype i = 0; i < result->rounds.size(); ++i) {
            const AuctionRound &r = result->rounds[i];
            QCOMPARE(r.price, *spec.ceilingPrice.sub(*step.mul(i)));
            QVERIFY(r.price >= spec.floorPrice);
            QCOMPARE(r.supplyTb, supplyAt(r.price));
            QCOMPARE(r.coversDemand, r.supplyTb >= spec.sizeTb);
            if (i + 1 < result->rounds.size())
                QVERIFY(r.coversDemand); // the clock only goes on while supply covers
        }
        const AuctionRound &last = result->rounds.last();
        if (result->outcome == ReverseAuctionOutcome::NotCleared) {
            QCOMPARE(result->rounds.size(), 1);
            QVERIFY(!last.coversDemand);
            QVERIFY(result->settlement.slices.isEmpty());
        } else {
            // Cleared at the last covering price: the next one failed or was below the floor.
            if (last.coversDemand) {
                QCOMPARE(result->clearingPrice, last.price);
                QVERIFY(*last.price.sub(step) < spec.floorPrice);
            } else {
                QCOMPARE(result->clearingPrice, result->rounds[result->rounds.size() - 2].price);
            }
            QCOMPARE(result->settlement.filledTb, spec.sizeTb);
            for (const AwardSlice &s : result->settlement.slices) {
                QCOMPARE(s.price, result->clearingPrice);
                const auto e = std::find_if(result->entrants.cbegin(), result->entrants.cend(),
                                            [&](const ClockEntrant &c) { return c.nodeId == s.nodeId; });
                QVERIFY(e != result->entrants.cend());
                QVERIFY(e->dropOutPrice <= result->clearingPrice);
                QVERIFY(s.tb <= e->capacityTb);
            }
        }
        QCOMPARE(movedOut(result->settlement.movements), auction->lock().total);
    }
}

QTEST_GUILESS_MAIN(TestAuctionProperties)
#include "tst_auctionproperties.moc"
