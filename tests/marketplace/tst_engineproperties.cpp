// Property tests of the engine (PROTOCOL.md §4, §9): thousands of random transactions, valid and
// not, on a random network. After each: check() predicted apply(); conservation; refusals change nothing; successful
// bookings are whole and inside one cluster; no HN is ever overbooked; replaying the encoded log
// from genesis gives the same running hash and the same state, byte for byte.
#include "EngineFixture.h"
#include "Transaction.h"

#include <QRandomGenerator>
#include <QTest>

using namespace icn;
using namespace icn::test;

class TestEngineProperties : public QObject
{
    Q_OBJECT

private slots:
    void randomTransactionsKeepTheInvariants_data();
    void randomTransactionsKeepTheInvariants();
};

namespace {

NetworkSnapshot randomNetwork(QRandomGenerator &rng)
{
    NetBuilder nb;
    const QString regions[] = {QStringLiteral("EUW"), QStringLiteral("USE")};
    for (const QString &r : regions) {
        nb.region(r);
        for (int z = 1; z <= 2; ++z) {
            const QString zone = r + QStringLiteral("-Z%1").arg(z);
            nb.zone(zone, r);
            for (int c = 1; c <= 3; ++c) {
                const QString cluster = zone + QStringLiteral("-C%1").arg(c);
                nb.cluster(cluster, zone, "4");
                const int nodes = 1 + rng.bounded(5);
                for (int n = 1; n <= nodes; ++n) {
                    // Prices from a few steps so that ties happen often.
                    const char *prices[] = {"2", "2.5", "2.8", "3", "3.333333333333333333"};
                    HardwareNode &node = nb.node(cluster + QStringLiteral("-N%1").arg(n), cluster, 10 + rng.bounded(200),
                                                 prices[rng.bounded(5)]);
                    node.maxDurationMonths = 6 + rng.bounded(7);
                    node.maxLeadMonths = 6 + rng.bounded(4);
                    node.commitmentEnd = ym(2027, 1).plus(rng.bounded(90));
                    node.reliabilityPpm = 850'000 + rng.bounded(3) * 50'000;
                    if (rng.bounded(12) == 0)
                        node.status = NodeStatus::Jailed;
                    if (rng.bounded(12) == 0)
                        node.collateral = *node.collateral.div(10);
                }
            }
        }
    }
    nb.s.params.regionMarginPpm.insert(QStringLiteral("USE"), 123'457);
    for (int a = 1; a <= 6; ++a)
        nb.account(addr(a), a == 6 ? "0" : "50000");
    return nb.s;
}

} // namespace

void TestEngineProperties::randomTransactionsKeepTheInvariants_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("count");
    QTest::newRow("seed 1, three thousand transactions") << 1u << 3000;
    QTest::newRow("seed 2, three thousand transactions") << 2u << 3000;
    QTest::newRow("seed 3, three thousand transactions") << 3u << 3000;
}

void TestEngineProperties::randomTransactionsKeepTheInvariants()
{
    QFETCH(quint32, seed);
    QFETCH(int, count);
    QRandomGenerator rng(seed);
    const NetworkSnapshot genesis = randomNetwork(rng);
    auto created = Engine::create(genesis);
    QVERIFY(created.ok());
    Engine engine = std::move(created).value();

    QStringList scopes;
    for (const Region &r : genesis.regions)
        scopes << r.id;
    for (const Zone &z : genesis.zones)
        scopes << z.id;
    for (const Cluster &c : genesis.clusters)
        scopes << c.id;
    scopes << QStringLiteral("NOWHERE");

    QList<QByteArray> log;
    int booked = 0, refused = 0;
    QMap<QString, int> refusals;
    for (int i = 0; i < count; ++i) {
        const Address who = addr(1 + rng.bounded(6));
        Transaction tx;
        const int kind = rng.bounded(100);
        if (kind < 8) {
            tx = FaucetTx{who, Amount::fromIcnt(rng.bounded(20000))};
        } else if (kind < 14) {
            tx = TransferTx{who, addr(1 + rng.bounded(6)), Amount::fromIcnt(rng.bounded(3000)),
                            engine.nextNonce(who) + (rng.bounded(10) == 0 ? 1 : 0), true, {}};
        } else if (kind < 16) {
            tx = CloseMonthTx{rng.bounded(10) == 0 ? engine.currentMonth().plus(1) : engine.currentMonth()};
        } else {
            // Mostly plausible requests, one in six wild (too early, too far, too long, too big).
            const bool wild = rng.bounded(6) == 0;
            const QString scope = scopes[rng.bounded(static_cast<int>(scopes.size()))];
            const qint64 size = 1 + rng.bounded(wild ? 900 : 60);
            const Month start = engine.currentMonth().plus(wild ? rng.bounded(11) : 1 + rng.bounded(5));
            const qint32 months = wild ? 1 + rng.bounded(13) : 3 + rng.bounded(4);
            const auto q = engine.quote(QuoteRequest{scope, size, start, months});
            Amount quoted = q ? q->total : Amount::fromIcnt(1 + rng.bounded(1000));
            if (q && rng.bounded(20) == 0)
                quoted = *quoted.add(Amount::fromBaseUnits(1));
            BookTx b = bookTx(scope, size, start, months, quoted, engine.nextNonce(who), who);
            b.deadline = engine.currentMonth().plus(wild ? rng.bounded(3) - 1 : 1);
            tx = b;
        }

        const QByteArray hashBefore = engine.stateHash();
        const LedgerTotals totalsBefore = engine.totals();
        const quint64 bookingsBefore = engine.bookingCount();
        // check() predicts apply() exactly and changes nothing (close_month only now and then: it copies the engine).
        const bool predict = !std::holds_alternative<CloseMonthTx>(tx) || i % 10 == 0;
        const auto predicted = predict ? engine.check(tx) : Result<Receipt>(Error{});
        QCOMPARE(engine.stateHash(), hashBefore);
        const auto r = engine.apply(tx);
        if (predict) {
            QCOMPARE(predicted.ok(), r.ok());
            if (r.ok()) {
                QCOMPARE(predicted->stateHash, r->stateHash);
                QCOMPARE(encodeReceipt(*predicted), encodeReceipt(*r));
            } else {
                QCOMPARE(predicted.error().code, r.error().code);
            }
        }
        if (!r) {
            ++refused;
            ++refusals[r.error().code];
            QCOMPARE(engine.stateHash(), hashBefore);
            QCOMPARE(engine.bookingCount(), bookingsBefore);
            QCOMPARE(engine.totals().balances, totalsBefore.balances);
            QCOMPARE(engine.totals().escrow, totalsBefore.escrow);
            continue;
        }
        log.append(encodeTransaction(tx));
        if (const auto *b = std::get_if<BookTx>(&tx)) {
            ++booked;
            // Whole, and inside the one cluster named by the receipt.
            qint64 sum = 0;
            for (const Slice &s : r->slices) {
                sum += s.tb;
                QVERIFY(s.nodeId.startsWith(r->clusterId + QLatin1Char('-')));
            }
            QCOMPARE(sum, b->sizeTb);
            QCOMPARE(r->amount, b->quotedTotal);
            QCOMPARE(*r->hpCost.add(r->margin), r->amount);
        }
        if (i % 25 == 0) {
            const auto conserved = engine.checkConservation();
            QVERIFY2(conserved.ok(), qPrintable(conserved.ok() ? QString() : conserved.error().message));
            // No overbooking: every HN, every month of the window.
            const CapacityBook &book = engine.capacityBook();
            for (quint32 n = 0; n < engine.network().nodes.size(); ++n)
                for (qint32 m = 0; m < book.horizon(); ++m)
                    QVERIFY(book.allocated(n, book.base().plus(m)) <= engine.network().nodes[n].capacityTb);
        }
    }
    QVERIFY(engine.checkConservation().ok());
    qDebug("%d bookings applied, %d transactions refused", booked, refused);
    for (auto it = refusals.cbegin(); it != refusals.cend(); ++it)
        qDebug("  %s: %d", qPrintable(it.key()), it.value());
    QVERIFY2(booked > count / 5, qPrintable(QStringLiteral("only %1 bookings").arg(booked)));
    QVERIFY(refused > count / 20);

    // The listed-price history, replayed, gives today's listed price of every cluster and month.
    QHash<QPair<QString, qint32>, ListedPriceChange> latest;
    for (const ListedPriceChange &c : engine.listedPriceHistory())
        for (Month m = c.first; m <= c.last; m = m.plus(1))
            latest.insert({c.clusterId, m.index()}, c);
    for (const Cluster &c : genesis.clusters) {
        for (qint32 k = 1; k < engine.capacityBook().horizon(); ++k) {
            const Month m = engine.currentMonth().plus(k);
            const auto view = engine.capacity(c.id, MonthRange{m, 1});
            QVERIFY(view.ok());
            const auto it = latest.constFind({c.id, m.index()});
            const bool recorded = it != latest.constEnd() && it->hasPrice;
            QCOMPARE(recorded, view->hasListedPrice);
            if (recorded)
                QCOMPARE(it->price, view->listedPrice);
        }
    }

    // Replay the encoded log from the genesis.
    auto replayCreated = Engine::create(genesis);
    QVERIFY(replayCreated.ok());
    Engine replay = std::move(replayCreated).value();
    for (const QByteArray &bytes : log) {
        const auto tx = decodeTransaction(bytes);
        QVERIFY(tx.ok());
        QVERIFY(replay.apply(*tx).ok());
    }
    QCOMPARE(replay.stateHash(), engine.stateHash());
    QCOMPARE(replay.computeStateDigest(), engine.computeStateDigest());
    QCOMPARE(replay.appliedCount(), engine.appliedCount());

    // Any different history gives a different hash.
    if (!log.isEmpty()) {
        auto otherCreated = Engine::create(genesis);
        Engine other = std::move(otherCreated).value();
        for (qsizetype k = 0; k + 1 < log.size(); ++k)
            QVERIFY(other.apply(*decodeTransaction(log[k])).ok());
        QVERIFY(other.stateHash() != engine.stateHash());
    }
}

QTEST_GUILESS_MAIN(TestEngineProperties)
#include "tst_engineproperties.moc"
