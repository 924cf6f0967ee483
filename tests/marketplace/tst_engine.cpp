// PROTOCOL.md §5 and §9 through Engine::apply: booking refusals in their order, each with its
// code, field and numbers and nothing changed; atomic booking; month close; faucet, transfer; genesis.
#include "EngineFixture.h"

#include <QTest>

#include <functional>

using namespace icn;
using namespace icn::test;

using TxEdit = std::function<void(BookTx &)>;
Q_DECLARE_METATYPE(TxEdit)
using Mutation = std::function<void(NetBuilder &)>;
Q_DECLARE_METATYPE(Mutation)

class TestEngine : public QObject
{
    Q_OBJECT

private slots:
    void bookingRefusals_data();
    void bookingRefusals();
    void bookingMovesMoneyAtomically();
    void icnExampleBookedForThreeMonthsEndToEnd();
    void nonceAdvancesOnlyOnSuccess();
    void faucetAndTransfer();
    void faucetAndTransferRefusals();
    void closeMonthRefusesAnotherMonth();
    void checkPredictsApplyWithoutChangingState();
    void genesisRefusals_data();
    void genesisRefusals();
    void genesisHashIsStable();
};

namespace {

struct Snapshot
{
    QByteArray hash;
    QByteArray digest;
    quint64 applied = 0;
    Amount spBalance;
    LedgerTotals totals;
};

Snapshot snapshotOf(const Engine &e)
{
    return Snapshot{e.stateHash(), e.computeStateDigest(), e.appliedCount(), e.balance(kSp), e.totals()};
}

void verifyUnchanged(const Snapshot &before, const Engine &after)
{
    QCOMPARE(after.stateHash(), before.hash);
    QCOMPARE(after.computeStateDigest(), before.digest);
    QCOMPARE(after.appliedCount(), before.applied);
    QCOMPARE(after.balance(kSp), before.spBalance);
    QCOMPARE(after.totals().escrow, before.totals.escrow);
    QCOMPARE(after.totals().treasury, before.totals.treasury);
}

} // namespace

void TestEngine::bookingRefusals_data()
{
    QTest::addColumn<TxEdit>("edit");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QVariantMap>("details");

    // The base transaction is valid: 100 TB of FRA-1 for 2026-12..2027-02 at the quoted total
    // (100 × 2.8 × 3 = 840 + 210 margin = 1,050 ICNT), nonce 1 after one earlier booking.
    QTest::newRow("an unsigned-marked booking that carries a signature is refused")
        << TxEdit([](BookTx &t) { t.signature = QByteArray(65, '\x01'); }) << "booking.bad_signature" << "signature" << QVariantMap{};
    QTest::newRow("a wallet booking without a signature is refused")
        << TxEdit([](BookTx &t) { t.unsignedLocal = false; }) << "booking.bad_signature" << "signature" << QVariantMap{};
    QTest::newRow("a replayed nonce is refused with expected and got")
        << TxEdit([](BookTx &t) { t.nonce = 0; }) << "booking.bad_nonce" << "nonce"
        << QVariantMap{{"expected", "1"}, {"got", "0"}};
    QTest::newRow("a nonce from the future is refused")
        << TxEdit([](BookTx &t) { t.nonce = 5; }) << "booking.bad_nonce" << "nonce" << QVariantMap{{"expected", "1"}, {"got", "5"}};
    QTest::newRow("a passed deadline is refused")
        << TxEdit([](BookTx &t) { t.deadline = ym(2026, 10); }) << "booking.deadline_passed" << "deadline"
        << QVariantMap{{"deadline", "2026-10"}, {"current", "2026-11"}};
    QTest::newRow("an unknown scope is refused") << TxEdit([](BookTx &t) { t.scope = QStringLiteral("FRA-9"); })
                                                 << "booking.unknown_scope" << "scope" << QVariantMap{{"scope", "FRA-9"}};
    QTest::newRow("an HN as the scope is refused: an SP never picks an HN")
        << TxEdit([](BookTx &t) { t.scope = QStringLiteral("FRA-1-N01"); }) << "booking.scope_is_hn" << "scope"
        << QVariantMap{{"scope", "FRA-1-N01"}};
    QTest::newRow("a size of zero is refused") << TxEdit([](BookTx &t) { t.sizeTb = 0; }) << "booking.bad_size" << "sizeTb"
                                               << QVariantMap{{"sizeTb", "0"}};
    QTest::newRow("two months is below the minimum duration")
        << TxEdit([](BookTx &t) { t.months = 2; }) << "booking.duration_too_short" << "months"
        << QVariantMap{{"months", "2"}, {"minimum", "3"}};
    QTest::newRow("thirteen months is beyond every HN's maximum duration")
        << TxEdit([](BookTx &t) { t.months = 13; }) << "booking.duration_too_long" << "months"
        << QVariantMap{{"months", "13"}, {"maximum", "12"}};
    QTest::newRow("a start in the current month is too early")
        << TxEdit([](BookTx &t) { t.startMonth = ym(2026, 11); }) << "booking.start_too_early" << "startMonth"
        << QVariantMap{{"start", "2026-11"}, {"earliest", "2026-12"}};
    QTest::newRow("a start seven months ahead is beyond the maximum lead")
        << TxEdit([](BookTx &t) { t.startMonth = ym(2027, 6); t.deadline = ym(2027, 6); }) << "booking.lead_too_long" << "startMonth"
        << QVariantMap{{"lead", "7"}, {"maximum", "6"}};
    QTest::newRow("more than the cluster has free is refused with what is available")
        << TxEdit([](BookTx &t) { t.sizeTb = 151; }) << "booking.insufficient_capacity" << "sizeTb"
        << QVariantMap{{"requested", "151"}, {"available", "150"}};
    QTest::newRow("a quoted total one base unit short is a price change")
        << TxEdit([](BookTx &t) { t.quotedTotal = *t.quotedTotal.sub(Amount::fromBaseUnits(1)); }) << "booking.price_changed"
        << "quotedTotal" << QVariantMap{{"quoted", "1049999999999999999999"}, {"actual", "1050000000000000000000"}};
    QTest::newRow("an SP that cannot pay is refused with balance and cost")
        << TxEdit([](BookTx &t) { t.sp = kSp2; t.nonce = 0; }) << "booking.insufficient_balance" << "balance"
        << QVariantMap{{"balance", "10000000000000000000"}, {"cost", "1050000000000000000000"}};
    // Order (§5): signature and nonce, deadline, scope, limits, capacity, price, balance.
    QTest::newRow("a bad nonce is reported before a passed deadline")
        << TxEdit([](BookTx &t) { t.nonce = 9; t.deadline = ym(2026, 1); }) << "booking.bad_nonce" << "nonce"
        << QVariantMap{{"expected", "1"}, {"got", "9"}};
    QTest::newRow("a passed deadline is reported before an unknown scope")
        << TxEdit([](BookTx &t) { t.deadline = ym(2026, 1); t.scope = QStringLiteral("X"); }) << "booking.deadline_passed"
        << "deadline" << QVariantMap{{"deadline", "2026-01"}, {"current", "2026-11"}};
    QTest::newRow("an unknown scope is reported before a bad duration")
        << TxEdit([](BookTx &t) { t.scope = QStringLiteral("X"); t.months = 1; }) << "booking.unknown_scope" << "scope"
        << QVariantMap{{"scope", "X"}};
    QTest::newRow("a bad duration is reported before missing capacity")
        << TxEdit([](BookTx &t) { t.months = 1; t.sizeTb = 1000; }) << "booking.duration_too_short" << "months"
        << QVariantMap{{"months", "1"}, {"minimum", "3"}};
    QTest::newRow("missing capacity is reported before a price change")
        << TxEdit([](BookTx &t) { t.sizeTb = 1000; }) << "booking.insufficient_capacity" << "sizeTb"
        << QVariantMap{{"requested", "1000"}, {"available", "150"}};
    QTest::newRow("a price change is reported before a short balance")
        << TxEdit([](BookTx &t) { t.sp = kSp2; t.nonce = 0; t.quotedTotal = Amount::fromIcnt(1); }) << "booking.price_changed"
        << "quotedTotal" << QVariantMap{{"quoted", "1000000000000000000"}, {"actual", "1050000000000000000000"}};
}

void TestEngine::bookingRefusals()
{
    QFETCH(TxEdit, edit);
    QFETCH(QString, code);
    QFETCH(QString, field);
    QFETCH(QVariantMap, details);

    Engine engine = seedNetwork().engine();
    // An earlier booking takes 50 TB of FRA-1 (nonce 0), leaving 150 TB for the range.
    QVERIFY(bookAtQuote(engine, QStringLiteral("FRA-1"), 50, ym(2026, 12), 3).ok());
    BookTx tx = bookTx(QStringLiteral("FRA-1"), 100, ym(2026, 12), 3, Amount::fromIcnt(1050), 1);
    tx.deadline = ym(2026, 12);
    edit(tx);

    const Snapshot before = snapshotOf(engine);
    const auto result = engine.apply(tx);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, code);
    QCOMPARE(result.error().field, field);
    for (auto it = details.cbegin(); it != details.cend(); ++it)
        QCOMPARE(result.error().details.value(it.key()).toString(), it.value().toString());
    verifyUnchanged(before, engine);
    QVERIFY(engine.checkConservation().ok());
}

void TestEngine::bookingMovesMoneyAtomically()
{
    Engine engine = seedNetwork().engine();
    const LedgerTotals before = engine.totals();
    const auto r = engine.apply(bookTx(QStringLiteral("FRA-1"), 150, ym(2026, 12), 3, Amount::fromIcnt(1575)));
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().code));
    QCOMPARE(r->type, QStringLiteral("book"));
    QCOMPARE(r->bookingId, quint64(1));
    QCOMPARE(r->clusterId, QStringLiteral("FRA-1"));
    QCOMPARE(r->slices.size(), 2);
    QCOMPARE(r->slices[0].tb + r->slices[1].tb, 150);
    QCOMPARE(r->hpCost, Amount::fromIcnt(1260));
    QCOMPARE(r->margin, Amount::fromIcnt(315));
    QCOMPARE(engine.balance(kSp), Amount::fromIcnt(100000 - 1575));
    QCOMPARE(engine.totals().escrow, *before.escrow.add(Amount::fromIcnt(1260)));
    QCOMPARE(engine.totals().treasury, *before.treasury.add(Amount::fromIcnt(315)));
    QCOMPARE(engine.appliedCount(), quint64(1));
    QCOMPARE(r->stateHash, engine.stateHash());
    QVERIFY(engine.stateHash() != engine.genesisHash());

    const auto bookings = engine.bookings(kSp);
    QCOMPARE(bookings.size(), 1);
    QCOMPARE(bookings[0].status, BookingStatus::Pending);
    QCOMPARE(bookings[0].escrowLeft, Amount::fromIcnt(1260));
    QCOMPARE(bookings[0].sizeTb, 150);
    QVERIFY(engine.bookings(kSp2).isEmpty());
    // The capacity is gone for the whole range.
    const auto view = engine.capacity(QStringLiteral("FRA-1"), MonthRange{ym(2026, 12), 4});
    QCOMPARE(view->freeTbPerMonth, (QList<qint64>{50, 50, 50, 200}));
    QVERIFY(engine.checkConservation().ok());
}

void TestEngine::icnExampleBookedForThreeMonthsEndToEnd()
{
    // 10 HNs × 100 TB at 2.8 ICNT: 1 PB for 3 months = 8,400 + 2,100 margin = 10,500 ICNT,
    // i.e. ICN's 3,500 ICNT per month.
    NetBuilder nb;
    nb.region(QStringLiteral("EUW")).zone(QStringLiteral("EUW-FRA"), QStringLiteral("EUW")).cluster(QStringLiteral("FRA-1"), QStringLiteral("EUW-FRA"));
    for (int i = 1; i <= 10; ++i)
        nb.node(QStringLiteral("FRA-1-N%1").arg(i, 2, 10, QLatin1Char('0')), QStringLiteral("FRA-1"));
    nb.account(kSp, "20000");
    Engine engine = nb.engine();

    const auto q = engine.quote(QuoteRequest{QStringLiteral("FRA-1"), 1000, ym(2026, 12), 3});
    QVERIFY(q.ok());
    QCOMPARE(q->total, Amount::fromIcnt(10500));
    QCOMPARE(q->hpCost, Amount::fromIcnt(8400));
    QCOMPARE(q->margin, Amount::fromIcnt(2100));
    QVERIFY(engine.apply(bookTx(QStringLiteral("FRA-1"), 1000, ym(2026, 12), 3, q->total)).ok());
    QCOMPARE(engine.balance(kSp), Amount::fromIcnt(9500));

    const Address hp = nb.s.nodes[0].provider;
    // November: the booking has not started; nothing is paid.
    auto close = engine.apply(CloseMonthTx{ym(2026, 11)});
    QVERIFY(close.ok());
    QCOMPARE(close->amount, Amount());
    QCOMPARE(engine.currentMonth(), ym(2026, 12));
    QCOMPARE(engine.bookings()[0].status, BookingStatus::Active);
    // Each month moves 2,800 ICNT (100 TB × 2.8 per HN) from escrow to the HPs.
    for (int m = 0; m < 3; ++m) {
        close = engine.apply(CloseMonthTx{engine.currentMonth()});
        QVERIFY(close.ok());
        QCOMPARE(close->amount, Amount::fromIcnt(2800));
        // + November's §6 capacity reward (0.5 ICNT × 100 TB, region 0 % used); booked-out months earn none.
        QCOMPARE(engine.balance(hp), Amount::fromIcnt(50 + 280 * (m + 1)));
        QCOMPARE(engine.totals().escrow, Amount::fromIcnt(2800 * (2 - m)));
        QCOMPARE(close->bookingsEnded, m == 2 ? 1u : 0u);
        QVERIFY(engine.checkConservation().ok());
    }
    QCOMPARE(engine.bookings()[0].status, BookingStatus::Completed);
    QCOMPARE(engine.bookings()[0].escrowLeft, Amount());
    QCOMPARE(engine.totals().treasury, Amount::fromIcnt(2100));
    // After the booking the capacity is free again.
    QCOMPARE(engine.capacity(QStringLiteral("FRA-1"), MonthRange{engine.currentMonth().plus(1), 3})->freeTbWholeRange, 1000);
}

void TestEngine::nonceAdvancesOnlyOnSuccess()
{
    Engine engine = seedNetwork().engine();
    QCOMPARE(engine.nextNonce(kSp), quint64(0));
    QVERIFY(!engine.apply(bookTx(QStringLiteral("FRA-1"), 1, ym(2026, 12), 3, Amount::fromIcnt(1))).ok());
    QCOMPARE(engine.nextNonce(kSp), quint64(0));
    QVERIFY(bookAtQuote(engine, QStringLiteral("FRA-1"), 1, ym(2026, 12), 3).ok());
    QCOMPARE(engine.nextNonce(kSp), quint64(1));
    QVERIFY(engine.apply(TransferTx{kSp, kSp2, Amount::fromIcnt(1), 1, true, {}}).ok());
    QCOMPARE(engine.nextNonce(kSp), quint64(2));
}

void TestEngine::faucetAndTransfer()
{
    Engine engine = seedNetwork().engine();
    const Amount pool = engine.totals().genesisPool;
    const Address fresh = addr(77);
    auto r = engine.apply(FaucetTx{fresh, Amount::fromIcnt(500)});
    QVERIFY(r.ok());
    QCOMPARE(r->type, QStringLiteral("faucet"));
    QCOMPARE(engine.balance(fresh), Amount::fromIcnt(500));
    QCOMPARE(engine.totals().genesisPool, *pool.sub(Amount::fromIcnt(500)));
    r = engine.apply(TransferTx{fresh, kSp2, Amount::fromIcnt(200), 0, true, {}});
    QVERIFY(r.ok());
    QCOMPARE(engine.balance(fresh), Amount::fromIcnt(300));
    QCOMPARE(engine.balance(kSp2), Amount::fromIcnt(210));
    QVERIFY(engine.checkConservation().ok());
}

void TestEngine::faucetAndTransferRefusals()
{
    Engine engine = seedNetwork().engine();
    const Snapshot before = snapshotOf(engine);
    const Amount pool = engine.totals().genesisPool;
    const struct
    {
        Transaction tx;
        const char *code;
    } cases[] = {
        {FaucetTx{kSp, *pool.add(Amount::fromBaseUnits(1))}, "faucet.pool_exhausted"},
        {FaucetTx{kSp, Amount()}, "faucet.bad_amount"},
        {FaucetTx{Address(), Amount::fromIcnt(1)}, "faucet.no_account"},
        {TransferTx{kSp2, kSp, Amount::fromIcnt(11), 0, true, {}}, "transfer.insufficient_balance"},
        {TransferTx{kSp2, kSp, Amount::fromIcnt(1), 3, true, {}}, "transfer.bad_nonce"},
        {TransferTx{kSp2, kSp, Amount::fromIcnt(1), 0, false, {}}, "transfer.bad_signature"},
        {TransferTx{kSp2, kSp, Amount(), 0, true, {}}, "transfer.bad_amount"},
        {TransferTx{kSp2, Address(), Amount::fromIcnt(1), 0, true, {}}, "transfer.no_account"},
    };
    for (const auto &c : cases) {
        const auto r = engine.apply(c.tx);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QString::fromLatin1(c.code));
        verifyUnchanged(before, engine);
    }
}

void TestEngine::closeMonthRefusesAnotherMonth()
{
    Engine engine = seedNetwork().engine();
    const Snapshot before = snapshotOf(engine);
    const auto r = engine.apply(CloseMonthTx{ym(2026, 12)});
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("close_month.wrong_month"));
    QCOMPARE(r.error().details.value(QStringLiteral("expected")).toString(), QStringLiteral("2026-11"));
    verifyUnchanged(before, engine);
}

void TestEngine::checkPredictsApplyWithoutChangingState()
{
    Engine engine = seedNetwork().engine();
    const QList<Transaction> txs = {
        FaucetTx{addr(50), Amount::fromIcnt(10)},
        bookTx(QStringLiteral("EUW"), 120, ym(2026, 12), 3, Amount::fromIcnt(1260)),
        bookTx(QStringLiteral("EUW"), 120, ym(2026, 12), 3, Amount::fromIcnt(1), 1), // price changed
        TransferTx{kSp, kSp2, Amount::fromIcnt(5), 1, true, {}},
        CloseMonthTx{ym(2026, 11)},
        CloseMonthTx{ym(2026, 11)}, // no longer the current month
        CloseMonthTx{ym(2026, 12)},
    };
    for (const Transaction &tx : txs) {
        const Snapshot before = snapshotOf(engine);
        const auto predicted = engine.check(tx);
        verifyUnchanged(before, engine);
        const auto applied = engine.apply(tx);
        QCOMPARE(predicted.ok(), applied.ok());
        if (applied.ok()) {
            QCOMPARE(predicted->stateHash, applied->stateHash);
            QCOMPARE(predicted->sequence, applied->sequence);
            QCOMPARE(predicted->slices, applied->slices);
            QCOMPARE(encodeReceipt(*predicted), encodeReceipt(*applied));
        } else {
            QCOMPARE(predicted.error().code, applied.error().code);
        }
    }
    QCOMPARE(engine.appliedCount(), quint64(5));
}

void TestEngine::genesisRefusals_data()
{
    QTest::addColumn<Mutation>("edit");
    QTest::addColumn<QString>("code");

    const auto firstNode = [](NetBuilder &nb) -> HardwareNode & { return nb.s.nodes[0]; };
    QTest::newRow("a node in an unknown cluster") << Mutation([=](NetBuilder &nb) { firstNode(nb).clusterId = QStringLiteral("NOPE"); })
                                                  << "genesis.unknown_parent";
    QTest::newRow("a zone in an unknown region") << Mutation([](NetBuilder &nb) { nb.s.zones[0].regionId = QStringLiteral("NOPE"); })
                                                 << "genesis.unknown_parent";
    QTest::newRow("a cluster reusing a region's id") << Mutation([](NetBuilder &nb) { nb.cluster(QStringLiteral("EUW"), QStringLiteral("EUW-FRA")); })
                                                     << "genesis.duplicate_id";
    QTest::newRow("an id longer than 64 characters") << Mutation([=](NetBuilder &nb) { firstNode(nb).id = QString(65, u'N'); })
                                                     << "genesis.bad_id";
    QTest::newRow("two nodes with one id") << Mutation([](NetBuilder &nb) { nb.node(QStringLiteral("FRA-1-N01"), QStringLiteral("FRA-2")); })
                                           << "genesis.duplicate_id";
    QTest::newRow("a reservation price above the cluster's maximum")
        << Mutation([=](NetBuilder &nb) { firstNode(nb).reservationPrice = icnt("4.000000000000000001"); }) << "genesis.bad_node";
    QTest::newRow("a node without capacity") << Mutation([=](NetBuilder &nb) { firstNode(nb).capacityTb = 0; }) << "genesis.bad_node";
    QTest::newRow("a maximum duration below six months") << Mutation([=](NetBuilder &nb) { firstNode(nb).maxDurationMonths = 5; })
                                                         << "genesis.bad_node";
    QTest::newRow("a maximum lead below six months") << Mutation([=](NetBuilder &nb) { firstNode(nb).maxLeadMonths = 5; })
                                                     << "genesis.bad_node";
    QTest::newRow("a cluster of 51 nodes") << Mutation([](NetBuilder &nb) {
        for (int i = 0; i < 50; ++i)
            nb.node(QStringLiteral("FRA-2-X%1").arg(i), QStringLiteral("FRA-2"));
    }) << "genesis.cluster_too_large";
    QTest::newRow("balances beyond the total supply")
        << Mutation([](NetBuilder &nb) { nb.s.accounts[0].balance = Amount::fromIcnt(630'000'000); }) << "genesis.supply_exceeded";
    QTest::newRow("one account listed twice") << Mutation([](NetBuilder &nb) { nb.account(kSp, "1"); }) << "genesis.bad_account";
    QTest::newRow("a negative balance") << Mutation([](NetBuilder &nb) { nb.s.accounts[1].balance = Amount::fromBaseUnits(-1); })
                                        << "genesis.bad_account";
    QTest::newRow("a margin above 100 percent") << Mutation([](NetBuilder &nb) { nb.s.params.regionMarginPpm.insert(QStringLiteral("EUW"), 1'000'001); })
                                                << "genesis.bad_params";
}

void TestEngine::genesisRefusals()
{
    QFETCH(Mutation, edit);
    QFETCH(QString, code);
    NetBuilder nb = seedNetwork();
    QVERIFY(Engine::create(nb.s).ok());
    edit(nb);
    const auto e = Engine::create(nb.s);
    QVERIFY(!e.ok());
    QCOMPARE(e.error().code, code);
}

void TestEngine::genesisHashIsStable()
{
    const Engine a = seedNetwork().engine();
    const Engine b = seedNetwork().engine();
    QCOMPARE(a.genesisHash().size(), 32);
    QCOMPARE(a.genesisHash(), b.genesisHash());
    QCOMPARE(a.stateHash(), a.genesisHash());
    QCOMPARE(a.computeStateDigest(), b.computeStateDigest());
    NetBuilder other = seedNetwork();
    other.s.accounts[0].balance = Amount::fromIcnt(99999);
    QVERIFY(other.engine().genesisHash() != a.genesisHash());
    QVERIFY(a.checkConservation().ok());
    const LedgerTotals t = a.totals();
    QCOMPARE(t.reserve, Amount::fromIcnt(70'000'000));
    QCOMPARE(t.balances, Amount::fromIcnt(100010));
}

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
