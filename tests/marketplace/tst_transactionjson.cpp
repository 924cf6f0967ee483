// transactionJson: every transaction type, readable amounts, no signatures, sealed auction terms.
#include "Engine.h"
#include "NetworkGenerator.h"
#include "Simulator.h"
#include "TransactionJson.h"

#include <QJsonArray>
#include <QTest>

#include <utility>

using namespace icn;

namespace {

template <std::size_t... I>
QList<Transaction> everyAlternative(std::index_sequence<I...>)
{
    return {Transaction(std::in_place_index<I>)...};
}

Amount icnt(const char *decimal)
{
    return *Amount::parse(QString::fromLatin1(decimal));
}

// An engine after a short simulation with tenders and reverse auctions every month: those posted
// in the last month are still open, the earlier ones are settled.
Engine marketWithAuctions()
{
    GeneratorOptions g;
    g.seed = 4;
    g.regions = 1;
    g.zonesPerRegion = 2;
    g.clustersPerZone = 2;
    g.nodesPerCluster = 8;
    auto engine = Engine::create(NetworkGenerator::generate(g));
    if (!engine)
        qFatal("%s", qPrintable(engine.error().message));
    Engine &e = *engine;
    SimulationOptions o;
    o.seed = 6;
    o.months = 3;
    o.bookingsPerMonth = 5;
    o.sla = false;
    o.tendersPerMonth = 2;
    o.reverseAuctionsPerMonth = 2;
    Simulator sim(e, o, [&e](const Transaction &tx) { return e.apply(tx); });
    if (!sim.run())
        qFatal("simulation failed");
    return std::move(e);
}

} // namespace

class TestTransactionJson : public QObject
{
    Q_OBJECT

private slots:
    void everyTypeHasItsNameAndNoSignature()
    {
        const auto all = everyAlternative(std::make_index_sequence<std::variant_size_v<Transaction>>{});
        QCOMPARE(all.size(), qsizetype(std::variant_size_v<Transaction>));
        for (const Transaction &tx : all) {
            const QJsonObject o = transactionJson(tx);
            QCOMPARE(o.value(QStringLiteral("type")).toString(), transactionTypeName(tx));
            QVERIFY(!o.contains(QStringLiteral("signature")));
            QVERIFY2(o.size() >= 2, qPrintable(transactionTypeName(tx))); // the type and its fields
        }
    }

    void amountsAreIcntAndSignaturesOnlyFlagged()
    {
        BookTx book;
        book.sp = *Address::parse(QStringLiteral("0x9858EfFD232B4033E47d90003D41EC34EcaEda94"));
        book.scope = QStringLiteral("FRA-1");
        book.sizeTb = 120;
        book.startMonth = Month::fromYearMonth(2026, 12);
        book.months = 3;
        book.quotedTotal = icnt("1234.5");
        book.nonce = 7;
        book.deadline = Month::fromYearMonth(2026, 11);
        book.signature = QByteArray(65, '\x01');
        const QJsonObject o = transactionJson(book);
        QCOMPARE(o.value(QStringLiteral("quotedTotal")).toString(), QStringLiteral("1234.5"));
        QCOMPARE(o.value(QStringLiteral("sp")).toString(), QStringLiteral("0x9858EfFD232B4033E47d90003D41EC34EcaEda94"));
        QCOMPARE(o.value(QStringLiteral("startMonth")).toString(), QStringLiteral("2026-12"));
        QCOMPARE(o.value(QStringLiteral("nonce")).toString(), QStringLiteral("7"));
        QCOMPARE(o.value(QStringLiteral("signed")).toBool(), true);

        SlaReportTx feed;
        feed.unsignedLocal = true;
        for (int i = 0; i < 120; ++i) {
            SlaReport r;
            r.hnId = QStringLiteral("FRA-1-N01");
            r.epoch = 20'000 + i;
            feed.reports.append(r);
        }
        const QJsonObject f = transactionJson(feed);
        QCOMPARE(f.value(QStringLiteral("reportCount")).toString(), QStringLiteral("120"));
        QCOMPARE(f.value(QStringLiteral("reports")).toArray().size(), 50); // long feeds are summarised
    }

    // A bid's price, bond and TB (and drop-out terms) read "sealed" while the tender (auction) is
    // open in the given engine; once it is awarded (run), they are shown.
    void sealedAuctionTermsStayHiddenUntilTheAward()
    {
        const Engine e = marketWithAuctions();
        int open = 0, settled = 0;
        for (const TenderView &t : e.tenders()) {
            TenderBidTx bid;
            bid.tenderId = t.id;
            bid.nodeId = QStringLiteral("any");
            bid.offeredTb = 17;
            bid.price = icnt("2.75");
            bid.bond = icnt("3");
            const QJsonObject o = transactionJson(bid, &e);
            if (t.state == TenderState::Open) {
                ++open;
                for (const char *key : {"price", "bond", "offeredTb"})
                    QCOMPARE(o.value(QLatin1String(key)).toString(), QStringLiteral("sealed"));
            } else {
                ++settled;
                QCOMPARE(o.value(QStringLiteral("price")).toString(), QStringLiteral("2.75"));
                QCOMPARE(o.value(QStringLiteral("offeredTb")).toString(), QStringLiteral("17"));
            }
            // Without an engine to ask, nothing is known to be sealed: the caller decides.
            QCOMPARE(transactionJson(bid).value(QStringLiteral("price")).toString(), QStringLiteral("2.75"));
        }
        QVERIFY(open > 0);
        QVERIFY(settled > 0);
        int openAuctions = 0, ran = 0;
        for (const ReverseAuctionView &a : e.reverseAuctions()) {
            SetDropOutTx terms;
            terms.auctionId = a.id;
            terms.dropOutPrice = icnt("2.1");
            terms.capacityTb = 40;
            const QJsonObject o = transactionJson(terms, &e);
            const bool sealed = o.value(QStringLiteral("dropOutPrice")).toString() == QLatin1String("sealed");
            QCOMPARE(sealed, a.state == ReverseAuctionState::Open);
            QCOMPARE(o.value(QStringLiteral("capacityTb")).toString() == QLatin1String("sealed"), sealed);
            (sealed ? openAuctions : ran)++;
        }
        QVERIFY(openAuctions > 0);
        QVERIFY(ran > 0);
    }
};

QTEST_GUILESS_MAIN(TestTransactionJson)
#include "tst_transactionjson.moc"
