// The §6 hardware-node transactions and capacity rewards through the engine (PROTOCOL.md §6):
// every refusal with its code, field and nothing changed; registration appends HNs without
// disturbing bookings; prices, collateral, commitment and offboarding; rewards by the formula,
// diverted to collateral below 100 %, never beyond the reserve; random mixes conserve and replay.
#include "NodeFixture.h"
#include "NodeTypedData.h"
#include "Signer.h"
#include "TxCodec.h"

#include <QRandomGenerator>
#include <QTest>

using namespace icn;
using namespace icn::test;

class TestHardwareNodes : public QObject
{
    Q_OBJECT

private slots:
    void refusalsChangeNothing_data();
    void refusalsChangeNothing();
    void clusterLimitCountsServingHns();
    void registrationMovesTheDepositAndActivates();
    void registrationDoesNotRenumberOrDisturbBookings();
    void registrationWithALongerWindowGrowsTheCapacityBook();
    void priceChangeKeepsBookedPrices();
    void depositUnjailsAtTheThreshold();
    void withdrawalAfterTheCommitmentAndJailingBelowThreshold();
    void bookingsOnAnHnAreCountedActiveAndPending();
    void extensionMovesTheCommitmentInSteps();
    void offboardReturnsCollateralAndRetiresTheHn();
    void signedTransactionsVerifyTheProvider();
    void rewardsFollowTheFormulaWithUtilisation();
    void rewardsAreDivertedToCollateralUntilFull();
    void jailedOffboardedAndUnderCollateralisedHnsEarnNothing();
    void rewardsNeverExceedTheReserve();
    void randomMixesConserveAndReplay_data();
    void randomMixesConserveAndReplay();
};

void TestHardwareNodes::refusalsChangeNothing_data()
{
    QTest::addColumn<Transaction>("tx");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");

    const QString fra1 = QStringLiteral("FRA-1"), nid = QStringLiteral("NEW-1");
    const auto reg = [&](auto change) {
        RegisterNodeTx t = registerTx(nid, fra1);
        change(t);
        return Transaction(t);
    };
    QTest::newRow("register: no provider") << reg([](RegisterNodeTx &t) { t.provider = Address(); }) << "hn.no_account" << "provider";
    QTest::newRow("register: not marked unsigned and not signed")
        << reg([](RegisterNodeTx &t) { t.unsignedLocal = false; }) << "hn.bad_signature" << "signature";
    QTest::newRow("register: marked unsigned yet carrying a signature")
        << reg([](RegisterNodeTx &t) { t.signature = QByteArray(65, '\x01'); }) << "hn.bad_signature" << "signature";
    QTest::newRow("register: a signature by someone else")
        << reg([](RegisterNodeTx &t) {
               t.unsignedLocal = false;
               t.signature = QByteArray(64, '\x11') + QByteArray(1, '\x1b');
           })
        << "hn.bad_signature" << "signature";
    QTest::newRow("register: a nonce from the future") << reg([](RegisterNodeTx &t) { t.nonce = 1; }) << "hn.bad_nonce" << "nonce";
    QTest::newRow("register: an empty id") << reg([](RegisterNodeTx &t) { t.nodeId.clear(); }) << "hn.bad_id" << "nodeId";
    QTest::newRow("register: an id of 65 characters")
        << reg([](RegisterNodeTx &t) { t.nodeId = QString(65, QLatin1Char('x')); }) << "hn.bad_id" << "nodeId";
    QTest::newRow("register: an id already taken")
        << reg([](RegisterNodeTx &t) { t.nodeId = QStringLiteral("FRA-1-N01"); }) << "hn.duplicate_id" << "nodeId";
    QTest::newRow("register: an unknown cluster")
        << reg([](RegisterNodeTx &t) { t.clusterId = QStringLiteral("NOPE"); }) << "hn.unknown_cluster" << "clusterId";
    QTest::newRow("register: a zone given as the cluster")
        << reg([](RegisterNodeTx &t) { t.clusterId = QStringLiteral("EUW-FRA"); }) << "hn.unknown_cluster" << "clusterId";
    QTest::newRow("register: no capacity") << reg([](RegisterNodeTx &t) { t.capacityTb = 0; }) << "hn.bad_capacity" << "capacityTb";
    QTest::newRow("register: negative capacity") << reg([](RegisterNodeTx &t) { t.capacityTb = -5; }) << "hn.bad_capacity" << "capacityTb";
    QTest::newRow("register: capacity beyond the limit")
        << reg([](RegisterNodeTx &t) { t.capacityTb = 1'000'000'001; }) << "hn.bad_capacity" << "capacityTb";
    QTest::newRow("register: price 0")
        << reg([](RegisterNodeTx &t) { t.reservationPrice = Amount(); }) << "hn.price_not_positive" << "reservationPrice";
    QTest::newRow("register: price one base unit above the cap")
        << reg([](RegisterNodeTx &t) { t.reservationPrice = *icnt("4").add(Amount::fromBaseUnits(1)); })
        << "hn.price_above_cap" << "reservationPrice";
    QTest::newRow("register: maximum duration 5 months")
        << reg([](RegisterNodeTx &t) { t.maxDurationMonths = 5; }) << "hn.bad_max_duration" << "maxDurationMonths";
    QTest::newRow("register: maximum lead 5 months")
        << reg([](RegisterNodeTx &t) { t.maxLeadMonths = 5; }) << "hn.bad_max_lead" << "maxLeadMonths";
    QTest::newRow("register: lead plus duration over 120 months")
        << reg([](RegisterNodeTx &t) {
               t.maxDurationMonths = 100;
               t.maxLeadMonths = 21;
           })
        << "hn.bad_max_lead" << "maxLeadMonths";
    QTest::newRow("register: a commitment of 35 months")
        << reg([](RegisterNodeTx &t) { t.commitmentMonths = 35; }) << "hn.commitment_too_short" << "commitmentMonths";
    QTest::newRow("register: a negative commitment")
        << reg([](RegisterNodeTx &t) { t.commitmentMonths = -36; }) << "hn.commitment_too_short" << "commitmentMonths";
    QTest::newRow("register: a commitment of 1,201 months")
        << reg([](RegisterNodeTx &t) { t.commitmentMonths = 1201; }) << "hn.bad_commitment" << "commitmentMonths";
    QTest::newRow("register: a deposit one base unit under 30 %")
        << reg([](RegisterNodeTx &t) { t.deposit = *icnt("720").sub(Amount::fromBaseUnits(1)); })
        << "hn.deposit_below_minimum" << "deposit";
    QTest::newRow("register: a deposit beyond the balance")
        << reg([](RegisterNodeTx &t) {
               t.capacityTb = 1000;
               t.deposit = icnt("10000.000000000000000001");
           })
        << "hn.insufficient_balance" << "balance";

    const QString jailed = QStringLiteral("FRA-2-J1"), old = QStringLiteral("OLD-1"), off = QStringLiteral("OFF-1");
    QTest::newRow("set price: an unknown HN") << Transaction(priceTx(QStringLiteral("NOPE"), "2")) << "hn.unknown_node" << "nodeId";
    QTest::newRow("set price: someone else's HN")
        << Transaction(priceTx(QStringLiteral("FRA-1-N01"), "2")) << "hn.not_provider" << "provider";
    QTest::newRow("set price: 0") << Transaction(priceTx(jailed, "0")) << "hn.price_not_positive" << "price";
    QTest::newRow("set price: above the cap") << Transaction(priceTx(jailed, "4.5")) << "hn.price_above_cap" << "price";
    QTest::newRow("set price: a stale nonce") << Transaction(priceTx(jailed, "2", 3)) << "hn.bad_nonce" << "nonce";
    QTest::newRow("set price: an offboarded HN") << Transaction(priceTx(off, "2")) << "hn.offboarded" << "nodeId";

    QTest::newRow("deposit: nothing") << Transaction(depositTx(jailed, "0")) << "hn.bad_amount" << "amount";
    QTest::newRow("deposit: more than the balance") << Transaction(depositTx(jailed, "10001")) << "hn.insufficient_balance" << "balance";
    QTest::newRow("deposit: an offboarded HN") << Transaction(depositTx(off, "1")) << "hn.offboarded" << "nodeId";
    QTest::newRow("deposit: someone else's HN")
        << Transaction(depositTx(QStringLiteral("FRA-1-N01"), "1")) << "hn.not_provider" << "provider";

    QTest::newRow("withdraw: while the commitment runs")
        << Transaction(withdrawTx(jailed, "1")) << "hn.commitment_running" << "commitmentEnd";
    QTest::newRow("withdraw: more than the collateral")
        << Transaction(withdrawTx(old, "2400.000000000000000001")) << "hn.collateral_insufficient" << "amount";
    QTest::newRow("withdraw: nothing") << Transaction(withdrawTx(old, "0")) << "hn.bad_amount" << "amount";
    QTest::newRow("withdraw: an offboarded HN") << Transaction(withdrawTx(off, "1")) << "hn.offboarded" << "nodeId";

    QTest::newRow("extend: by 0 months") << Transaction(extendTx(jailed, 0)) << "hn.commitment_not_extended" << "months";
    QTest::newRow("extend: by −6 months") << Transaction(extendTx(jailed, -6)) << "hn.commitment_not_extended" << "months";
    QTest::newRow("extend: by 5 months") << Transaction(extendTx(jailed, 5)) << "hn.commitment_bad_step" << "months";
    QTest::newRow("extend: by 1,206 months") << Transaction(extendTx(jailed, 1206)) << "hn.bad_commitment" << "months";
    QTest::newRow("extend: an offboarded HN") << Transaction(extendTx(off, 6)) << "hn.offboarded" << "nodeId";

    QTest::newRow("offboard: while the commitment runs")
        << Transaction(offboardTx(jailed)) << "hn.commitment_running" << "commitmentEnd";
    QTest::newRow("offboard: twice") << Transaction(offboardTx(off)) << "hn.offboarded" << "nodeId";
    QTest::newRow("offboard: someone else's HN")
        << Transaction(offboardTx(QStringLiteral("FRA-1-N01"))) << "hn.not_provider" << "provider";
}

void TestHardwareNodes::refusalsChangeNothing()
{
    QFETCH(Transaction, tx);
    QFETCH(QString, code);
    QFETCH(QString, field);
    Engine engine = hpNetwork().engine();
    engine.setRecordEvents(true);
    const Frozen before = freeze(engine);
    const Amount balance = engine.balance(kHp);

    const auto checked = engine.check(tx);
    QVERIFY(!checked.ok());
    QCOMPARE(checked.error().code, code);
    const auto applied = engine.apply(tx);
    QVERIFY(!applied.ok());
    QCOMPARE(applied.error().code, code);
    QCOMPARE(applied.error().field, field);
    QVERIFY(freeze(engine) == before);
    QCOMPARE(engine.balance(kHp), balance);
    QCOMPARE(engine.nextNonce(kHp), quint64(0));
    QCOMPARE(engine.pendingEventCount(), size_t(0));
    QVERIFY(engine.checkConservation().ok());
}

void TestHardwareNodes::clusterLimitCountsServingHns()
{
    NetBuilder nb = hpNetwork();
    nb.s.params.maxHnsPerCluster = 4; // FRA-2 holds N01, J1, OLD-1 and the offboarded OFF-1
    Engine engine = nb.engine();
    // The offboarded HN does not count: one place is left.
    QVERIFY(engine.apply(registerTx(QStringLiteral("FRA-2-A"), QStringLiteral("FRA-2"))).ok());
    const Frozen before = freeze(engine);
    const auto refused = engine.apply(registerTx(QStringLiteral("FRA-2-B"), QStringLiteral("FRA-2"), 100, "2.8", "2400", 36, 1));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, QStringLiteral("hn.cluster_full"));
    QCOMPARE(refused.error().field, QStringLiteral("clusterId"));
    QVERIFY(freeze(engine) == before);
}

void TestHardwareNodes::registrationMovesTheDepositAndActivates()
{
    Engine engine = hpNetwork().engine();
    engine.setRecordEvents(true);
    const LedgerTotals t0 = engine.totals();
    // 30 % of 6 × 4 × 100 = 720 ICNT is enough.
    const auto r = engine.apply(registerTx(QStringLiteral("FRA-1-N09"), QStringLiteral("FRA-1"), 100, "3", "720", 42));
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().code));
    QCOMPARE(r->type, QStringLiteral("hn_register"));
    QCOMPARE(r->amount, icnt("720"));
    QVERIFY(!r->details.isEmpty());
    QCOMPARE(engine.balance(kHp), icnt("9280"));
    QCOMPARE(engine.totals().collateral, *t0.collateral.add(icnt("720")));
    QCOMPARE(engine.totals().balances, *t0.balances.sub(icnt("720")));
    QCOMPARE(engine.nextNonce(kHp), quint64(1));
    const auto e = engine.nodeEconomics(QStringLiteral("FRA-1-N09"));
    QVERIFY(e.has_value());
    QCOMPARE(e->status, NodeStatus::Active);
    QVERIFY(e->servable);
    QCOMPARE(e->collateral, icnt("720"));
    QCOMPARE(e->requiredCollateral, icnt("2400"));
    QCOMPARE(e->jailThreshold, icnt("720"));
    QCOMPARE(e->registeredMonth, ym(2026, 11));
    QCOMPARE(e->commitmentEnd, ym(2030, 5)); // 42 months after 2026-11
    QCOMPARE(e->clusterId, QStringLiteral("FRA-1"));
    QCOMPARE(e->regionId, QStringLiteral("EUW"));
    const auto events = engine.takeEvents();
    QCOMPARE(events.size(), size_t(1));
    const auto *change = std::get_if<NodeChangeEvent>(&events[0].data);
    QVERIFY(change);
    QCOMPARE(change->what, QStringLiteral("register"));
    QCOMPARE(change->amount, icnt("720"));
    QCOMPARE(events[0].sequence, r->sequence);
    // The current network lists the HN and its provider.
    const NetworkSnapshot now = engine.currentNetwork();
    QVERIFY(std::ranges::any_of(now.nodes, [](const HardwareNode &n) { return n.id == QStringLiteral("FRA-1-N09"); }));
    QVERIFY(std::ranges::any_of(now.providers, [](const HardwareProvider &p) { return p.account == kHp; }));
    QVERIFY(engine.checkConservation().ok());
}

void TestHardwareNodes::registrationDoesNotRenumberOrDisturbBookings()
{
    Engine engine = hpNetwork().engine();
    QVERIFY(bookAtQuote(engine, QStringLiteral("FRA-1"), 150, ym(2026, 12), 3).ok());
    const BookingInfo before = *engine.booking(1);
    const MonthRange range{ym(2026, 12), 3};
    const qint64 freeN01 = nodeFreeTb(engine, QStringLiteral("FRA-1"), QStringLiteral("FRA-1-N01"), range);
    const qint64 freeN02 = nodeFreeTb(engine, QStringLiteral("FRA-1"), QStringLiteral("FRA-1-N02"), range);
    QCOMPARE(freeN01 + freeN02, 50);

    // "FRA-1-A00" sorts before every HN of FRA-1 and joins at the same price, commitment end and
    // reliability as FRA-1-N01: the id decides, not the (later) index.
    QVERIFY(engine.apply(registerTx(QStringLiteral("FRA-1-A00"), QStringLiteral("FRA-1"), 100, "2.8", "2400", 37)).ok());
    QCOMPARE(engine.nodeEconomics(QStringLiteral("FRA-1-A00"))->commitmentEnd, ym(2029, 12));
    const BookingInfo after = *engine.booking(1);
    QCOMPARE(after.slices.size(), before.slices.size());
    for (qsizetype i = 0; i < before.slices.size(); ++i) {
        QCOMPARE(after.slices[i].nodeId, before.slices[i].nodeId);
        QCOMPARE(after.slices[i].tb, before.slices[i].tb);
        QCOMPARE(after.slices[i].price, before.slices[i].price);
    }
    QCOMPARE(nodeFreeTb(engine, QStringLiteral("FRA-1"), QStringLiteral("FRA-1-N01"), range), freeN01);
    QCOMPARE(nodeFreeTb(engine, QStringLiteral("FRA-1"), QStringLiteral("FRA-1-N02"), range), freeN02);
    QCOMPARE(nodeFreeTb(engine, QStringLiteral("FRA-1"), QStringLiteral("FRA-1-A00"), range), 100);

    const auto q = engine.quote(QuoteRequest{QStringLiteral("FRA-1"), 60, ym(2027, 1), 3});
    QVERIFY(q.ok());
    QCOMPARE(q->slices.front().nodeId, QStringLiteral("FRA-1-A00"));
    QVERIFY(bookAtQuote(engine, QStringLiteral("FRA-1"), 60, ym(2027, 1), 3).ok());
    QCOMPARE(engine.booking(2)->slices.front().nodeId, QStringLiteral("FRA-1-A00"));
    QVERIFY(engine.checkConservation().ok());
}

void TestHardwareNodes::registrationWithALongerWindowGrowsTheCapacityBook()
{
    Engine engine = hpNetwork().engine();
    QVERIFY(bookAtQuote(engine, QStringLiteral("FRA-3"), 250, ym(2027, 2), 6).ok());
    const qint32 horizon = engine.capacityBook().horizon();
    RegisterNodeTx t = registerTx(QStringLiteral("FRA-3-L1"), QStringLiteral("FRA-3"), 100, "1");
    t.maxDurationMonths = 48;
    t.maxLeadMonths = 12;
    t.commitmentMonths = 120;
    QVERIFY(engine.apply(t).ok());
    QVERIFY(engine.capacityBook().horizon() > horizon);
    // The booking made before kept its allocation in the relaid window.
    QCOMPARE(engine.capacity(QStringLiteral("FRA-3"), MonthRange{ym(2027, 2), 6})->freeTbWholeRange, 150);
    QCOMPARE(engine.capacityBook().allocated(0, ym(2027, 2)), 0u); // FRA-1-N01 untouched
    // A long booking far ahead now fits on the new HN only.
    const auto q = engine.quote(QuoteRequest{QStringLiteral("FRA-3"), 100, ym(2027, 11), 48});
    QVERIFY2(q.ok(), qPrintable(q.ok() ? QString() : q.error().code));
    QCOMPARE(q->slices.size(), 1);
    QCOMPARE(q->slices.front().nodeId, QStringLiteral("FRA-3-L1"));
    QVERIFY(bookAtQuote(engine, QStringLiteral("FRA-3"), 100, ym(2027, 11), 48).ok());
    for (int m = 0; m < 14; ++m)
        QVERIFY(closeMonth(engine).ok());
    QVERIFY(engine.checkConservation().ok());
}

void TestHardwareNodes::priceChangeKeepsBookedPrices()
{
    Engine engine = hpNetwork().engine();
    const Address hp1 = addr(1000); // provider of FRA-1-N01
    QVERIFY(bookAtQuote(engine, QStringLiteral("FRA-1-N01"), 100, ym(2026, 12), 3).ok() == false); // HNs are never a scope
    QVERIFY(bookAtQuote(engine, QStringLiteral("FRA-1"), 100, ym(2026, 12), 3).ok());
    QCOMPARE(engine.booking(1)->slices.front().price, icnt("2.8"));
    const qsizetype history = engine.listedPriceHistory(QStringLiteral("FRA-1")).size();

    const auto r = engine.apply(priceTx(QStringLiteral("FRA-1-N02"), "1.5", 0, addr(1001)));
    QVERIFY(r.ok());
    QCOMPARE(r->type, QStringLiteral("hn_set_price"));
    QCOMPARE(engine.nodeEconomics(QStringLiteral("FRA-1-N02"))->reservationPrice, icnt("1.5"));
    QVERIFY(engine.listedPriceHistory(QStringLiteral("FRA-1")).size() > history);
    QCOMPARE(engine.listedPriceHistory(QStringLiteral("FRA-1")).last().price, icnt("1.5"));
    // The cheaper HN now ranks first; the booking keeps 2.8 and is paid at 2.8.
    QCOMPARE(engine.quote(QuoteRequest{QStringLiteral("FRA-1"), 10, ym(2027, 1), 3})->slices.front().nodeId, QStringLiteral("FRA-1-N02"));
    QCOMPARE(engine.booking(1)->slices.front().price, icnt("2.8"));
    QVERIFY(closeMonth(engine).ok()); // November: nothing booked yet; both HNs earn 0.5 × 100
    const Amount afterNovember = engine.balance(hp1);
    QVERIFY(closeMonth(engine).ok()); // December: 100 TB × 2.8 from escrow, + reward
    const Amount reward = engine.nodeEconomics(QStringLiteral("FRA-1-N01"))->rewardsEarned;
    QCOMPARE(*engine.balance(hp1).sub(afterNovember), *icnt("280").add(*reward.sub(icnt("50"))));
    // Price refusal on the same HN from its provider: above the cap.
    const Frozen before = freeze(engine);
    QCOMPARE(engine.apply(priceTx(QStringLiteral("FRA-1-N02"), "4.01", 1, addr(1001))).error().code, QStringLiteral("hn.price_above_cap"));
    QVERIFY(freeze(engine) == before);
}

void TestHardwareNodes::depositUnjailsAtTheThreshold()
{
    Engine engine = hpNetwork().engine();
    engine.setRecordEvents(true);
    const QString j = QStringLiteral("FRA-2-J1");
    QVERIFY(!engine.nodeEconomics(j)->servable);
    // 100 + 619.999… stays under 720: still jailed.
    QVERIFY(engine.apply(depositTx(j, "619.999999999999999999")).ok());
    QCOMPARE(engine.nodeEconomics(j)->status, NodeStatus::Jailed);
    QCOMPARE(engine.quote(QuoteRequest{QStringLiteral("FRA-2"), 150, ym(2026, 12), 3}).error().code,
             QStringLiteral("booking.insufficient_capacity"));
    // One more base unit reaches exactly 30 %: Active and eligible again.
    const LedgerTotals t0 = engine.totals();
    QVERIFY(engine.apply(DepositCollateralTx{kHp, j, Amount::fromBaseUnits(1), 1, true, {}}).ok());
    QCOMPARE(engine.totals().collateral, *t0.collateral.add(Amount::fromBaseUnits(1)));
    const auto e = engine.nodeEconomics(j);
    QCOMPARE(e->status, NodeStatus::Active);
    QVERIFY(e->servable);
    QCOMPARE(e->collateral, icnt("720"));
    QVERIFY(engine.quote(QuoteRequest{QStringLiteral("FRA-2"), 150, ym(2026, 12), 3}).ok());
    QStringList what;
    for (const EngineEvent &ev : engine.takeEvents())
        if (const auto *c = std::get_if<NodeChangeEvent>(&ev.data))
            what.append(c->what);
    QCOMPARE(what, (QStringList{QStringLiteral("deposit"), QStringLiteral("deposit"), QStringLiteral("unjail")}));
    QCOMPARE(engine.balance(kHp), icnt("9380"));
    QVERIFY(engine.checkConservation().ok());
}

void TestHardwareNodes::withdrawalAfterTheCommitmentAndJailingBelowThreshold()
{
    Engine engine = hpNetwork().engine();
    const QString old = QStringLiteral("OLD-1");
    const auto r = engine.apply(withdrawTx(old, "1000"));
    QVERIFY(r.ok());
    QCOMPARE(r->type, QStringLiteral("hn_withdraw"));
    QCOMPARE(engine.balance(kHp), icnt("11000"));
    QCOMPARE(engine.nodeEconomics(old)->collateral, icnt("1400"));
    QCOMPARE(engine.nodeEconomics(old)->status, NodeStatus::Active);
    // Below 720 the HN is jailed (mirror rule: like a slash there).
    QVERIFY(engine.apply(withdrawTx(old, "700", 1)).ok());
    QCOMPARE(engine.nodeEconomics(old)->status, NodeStatus::Jailed);
    QVERIFY(!engine.nodeEconomics(old)->servable);
    QVERIFY(engine.checkConservation().ok());
}

void TestHardwareNodes::bookingsOnAnHnAreCountedActiveAndPending()
{
    Engine engine = hpNetwork().engine();
    QVERIFY(bookAtQuote(engine, QStringLiteral("FRA-3"), 250, ym(2026, 12), 3).ok()); // all three HNs
    QVERIFY(bookAtQuote(engine, QStringLiteral("FRA-3"), 10, ym(2027, 3), 3).ok()); // N01 again, once free
    auto e = engine.nodeEconomics(QStringLiteral("FRA-3-N01"));
    QCOMPARE(e->activeBookings, 0);
    QCOMPARE(e->pendingBookings, 2);
    QVERIFY(closeMonth(engine).ok());
    e = engine.nodeEconomics(QStringLiteral("FRA-3-N01"));
    QCOMPARE(e->activeBookings, 1);
    QCOMPARE(e->pendingBookings, 1);
    for (int i = 0; i < 3; ++i)
        QVERIFY(closeMonth(engine).ok());
    e = engine.nodeEconomics(QStringLiteral("FRA-3-N01"));
    QCOMPARE(e->activeBookings, 1); // the second booking, 2027-03..05
    QCOMPARE(e->pendingBookings, 0);
}

void TestHardwareNodes::extensionMovesTheCommitmentInSteps()
{
    Engine engine = hpNetwork().engine();
    const QString j = QStringLiteral("FRA-2-J1");
    const auto r = engine.apply(extendTx(j, 12));
    QVERIFY(r.ok());
    QCOMPARE(r->type, QStringLiteral("hn_extend"));
    QCOMPARE(engine.nodeEconomics(j)->commitmentEnd, ym(2030, 12));
    // The ended commitment of OLD-1 can be renewed too: 2026-10 + 48 = 2030-10.
    QVERIFY(engine.apply(extendTx(QStringLiteral("OLD-1"), 48, 1)).ok());
    QCOMPARE(engine.nodeEconomics(QStringLiteral("OLD-1"))->commitmentEnd, ym(2030, 10));
    // Longer commitment ranks first at equal price: OLD-1 (2030-10) outranks FRA-2-N01 (2029-12).
    QCOMPARE(engine.quote(QuoteRequest{QStringLiteral("FRA-2"), 10, ym(2026, 12), 3})->slices.front().nodeId, QStringLiteral("OLD-1"));
    QCOMPARE(engine.apply(withdrawTx(QStringLiteral("OLD-1"), "1", 2)).error().code, QStringLiteral("hn.commitment_running"));
}

void TestHardwareNodes::offboardReturnsCollateralAndRetiresTheHn()
{
    Engine engine = hpNetwork().engine();
    engine.setRecordEvents(true);
    const QString old = QStringLiteral("OLD-1");
    const LedgerTotals t0 = engine.totals();
    const auto r = engine.apply(offboardTx(old));
    QVERIFY(r.ok());
    QCOMPARE(r->type, QStringLiteral("hn_offboard"));
    QCOMPARE(r->amount, icnt("2400"));
    QCOMPARE(engine.balance(kHp), icnt("12400"));
    QCOMPARE(engine.totals().collateral, *t0.collateral.sub(icnt("2400")));
    const auto e = engine.nodeEconomics(old);
    QCOMPARE(e->status, NodeStatus::Offboarded);
    QCOMPARE(e->collateral, Amount());
    QVERIFY(!e->servable);
    QCOMPARE(nodeFreeTb(engine, QStringLiteral("FRA-2"), old, MonthRange{ym(2026, 12), 3}), 0);
    for (const Transaction &tx : {Transaction(depositTx(old, "2400", 1)), Transaction(extendTx(old, 36, 1)),
                                  Transaction(priceTx(old, "1", 1)), Transaction(offboardTx(old, 1))}) {
        const auto refused = engine.apply(tx);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("hn.offboarded"));
    }
    const auto events = engine.takeEvents();
    QCOMPARE(events.size(), size_t(1));
    QCOMPARE(std::get<NodeChangeEvent>(events[0].data).what, QStringLiteral("offboard"));
    QVERIFY(engine.checkConservation().ok());
}

void TestHardwareNodes::signedTransactionsVerifyTheProvider()
{
    const SecureBytes key(QByteArray(32, '\x46'));
    const Address provider = *signer::addressOf(key);
    NetBuilder nb = hpNetwork();
    nb.account(provider, "5000");
    Engine engine = nb.engine();

    RegisterNodeTx t = registerTx(QStringLiteral("FRA-1-S1"), QStringLiteral("FRA-1"), 100, "2.8", "2400", 36, 0, provider);
    const auto signedTx = signNodeTransaction(t, key);
    QVERIFY(signedTx.ok());
    QVERIFY(!signedTx->unsignedLocal);
    QCOMPARE(signedTx->signature.size(), 65);
    // A tampered field no longer matches the signature.
    RegisterNodeTx tampered = *signedTx;
    tampered.deposit = icnt("2401");
    QCOMPARE(engine.apply(tampered).error().code, QStringLiteral("hn.bad_signature"));
    QVERIFY(engine.apply(*signedTx).ok());
    // Replaying the same signed transaction fails on the nonce.
    QCOMPARE(engine.apply(*signedTx).error().code, QStringLiteral("hn.bad_nonce"));
    const auto dep = signNodeTransaction(DepositCollateralTx{provider, QStringLiteral("FRA-1-S1"), icnt("1"), 1, true, {}}, key);
    QVERIFY(dep.ok());
    QVERIFY(engine.apply(*dep).ok());
    // A key that is not the provider's cannot sign for it.
    const auto mismatch = signNodeTransaction(OffboardNodeTx{kHp, QStringLiteral("OLD-1"), 0, true, {}}, key);
    QVERIFY(!mismatch.ok());
    QCOMPARE(mismatch.error().code, QStringLiteral("hn.key_mismatch"));
}

void TestHardwareNodes::rewardsFollowTheFormulaWithUtilisation()
{
    NetBuilder nb = seedNetwork(); // 6 HNs × 100 TB in EUW, all fully collateralised
    Engine engine = nb.engine();
    engine.setRecordEvents(true);
    QVERIFY(bookAtQuote(engine, QStringLiteral("FRA-1"), 150, ym(2026, 12), 3).ok());
    engine.takeEvents();
    const Amount reserve0 = engine.totals().reserve;
    // November: nothing booked, utilisation 0: 0.5 × 100 each.
    auto close = closeMonth(engine);
    QVERIFY(close.ok());
    QCOMPARE(engine.lastMonthRewards(), icnt("300"));
    QCOMPARE(close->figures.front(), (std::pair<QString, Amount>(QStringLiteral("rewards"), icnt("300"))));
    QCOMPARE(engine.totals().reserve, *reserve0.sub(icnt("300")));
    // December: 150 of 600 TB booked in the region: 0.5 × 100 × 0.75 = 37.5 each.
    close = closeMonth(engine);
    QVERIFY(close.ok());
    QCOMPARE(engine.lastMonthRewards(), icnt("225"));
    QCOMPARE(engine.nodeEconomics(QStringLiteral("FRA-3-N01"))->rewardsEarned, icnt("87.5"));
    QCOMPARE(engine.providerRewards(nb.s.nodes[5].provider), icnt("87.5"));
    QCOMPARE(engine.balance(nb.s.nodes[5].provider), icnt("87.5"));
    int rewardEvents = 0;
    for (const EngineEvent &ev : engine.takeEvents())
        if (const auto *re = std::get_if<RewardEvent>(&ev.data)) {
            ++rewardEvents;
            QCOMPARE(re->amount, re->month == ym(2026, 11) ? icnt("50") : icnt("37.5"));
            QCOMPARE(re->toCollateral, Amount());
        }
    QCOMPARE(rewardEvents, 12);
    // A fully booked region pays nothing.
    NetBuilder full = seedNetwork();
    Engine e2 = full.engine();
    for (const QString &c : {QStringLiteral("FRA-1"), QStringLiteral("FRA-2"), QStringLiteral("FRA-3")})
        while (bookAtQuote(e2, c, 100, ym(2026, 12), 3).ok()) {
        }
    QVERIFY(closeMonth(e2).ok());
    QVERIFY(closeMonth(e2).ok());
    QCOMPARE(e2.lastMonthRewards(), Amount());
    QVERIFY(engine.checkConservation().ok());
    QVERIFY(e2.checkConservation().ok());
}

void TestHardwareNodes::rewardsAreDivertedToCollateralUntilFull()
{
    NetBuilder nb = seedNetwork();
    nb.nodeById(QStringLiteral("FRA-1-N01")).collateral = icnt("1200"); // 50 %
    nb.nodeById(QStringLiteral("FRA-1-N02")).collateral = icnt("2380"); // 20 short
    Engine engine = nb.engine();
    engine.setRecordEvents(true);
    const Address a = nb.nodeById(QStringLiteral("FRA-1-N01")).provider;
    const Address b = nb.nodeById(QStringLiteral("FRA-1-N02")).provider;
    const LedgerTotals t0 = engine.totals();
    const auto close = closeMonth(engine);
    QVERIFY(close.ok());
    QCOMPARE(engine.balance(a), Amount());
    QCOMPARE(engine.nodeEconomics(QStringLiteral("FRA-1-N01"))->collateral, icnt("1250"));
    QCOMPARE(engine.balance(b), icnt("30"));
    QCOMPARE(engine.nodeEconomics(QStringLiteral("FRA-1-N02"))->collateral, icnt("2400"));
    QCOMPARE(engine.nodeEconomics(QStringLiteral("FRA-1-N01"))->rewardsToCollateral, icnt("50"));
    QCOMPARE(engine.totals().collateral, *t0.collateral.add(icnt("70")));
    QCOMPARE(close->figures.at(1), (std::pair<QString, Amount>(QStringLiteral("rewardsToCollateral"), icnt("70"))));
    for (const EngineEvent &ev : engine.takeEvents())
        if (const auto *re = std::get_if<RewardEvent>(&ev.data); re && re->nodeId == QStringLiteral("FRA-1-N02"))
            QCOMPARE(re->toCollateral, icnt("20"));
    QVERIFY(engine.checkConservation().ok());
}

void TestHardwareNodes::jailedOffboardedAndUnderCollateralisedHnsEarnNothing()
{
    NetBuilder nb = hpNetwork();
    nb.nodeById(QStringLiteral("FRA-1-N01")).collateral = *icnt("720").sub(Amount::fromBaseUnits(1)); // Active, under 30 %
    Engine engine = nb.engine();
    QVERIFY(engine.apply(offboardTx(QStringLiteral("OLD-1"))).ok());
    QVERIFY(closeMonth(engine).ok());
    for (const QString &id : {QStringLiteral("FRA-1-N01"), QStringLiteral("FRA-2-J1"), QStringLiteral("OLD-1"), QStringLiteral("OFF-1")})
        QCOMPARE(engine.nodeEconomics(id)->rewardsEarned, Amount());
    QCOMPARE(engine.nodeEconomics(QStringLiteral("FRA-1-N02"))->rewardsEarned, icnt("50"));
    QCOMPARE(engine.lastMonthRewards(), icnt("250")); // N02, FRA-2-N01, FRA-3 × 3
}

void TestHardwareNodes::rewardsNeverExceedTheReserve()
{
    NetBuilder nb = seedNetwork();
    nb.s.params.rewardsReserve = icnt("100"); // 300 due
    Engine engine = nb.engine();
    QVERIFY(closeMonth(engine).ok());
    // Pro rata: floor(50 × 100 / 300) each; the dust stays in the reserve.
    QCOMPARE(engine.nodeEconomics(QStringLiteral("FRA-2-N01"))->rewardsEarned, icnt("16.666666666666666666"));
    QCOMPARE(engine.lastMonthRewards(), icnt("99.999999999999999996"));
    QCOMPARE(engine.totals().reserve, Amount::fromBaseUnits(4));
    QVERIFY(closeMonth(engine).ok());
    QVERIFY(engine.lastMonthRewards() <= Amount::fromBaseUnits(4));
    QVERIFY(!engine.totals().reserve.isNegative());
    QVERIFY(closeMonth(engine).ok());
    QVERIFY(engine.checkConservation().ok());
}

void TestHardwareNodes::randomMixesConserveAndReplay_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::newRow("seed 7, 600 transactions") << 7u;
    QTest::newRow("seed 8, 600 transactions") << 8u;
}

void TestHardwareNodes::randomMixesConserveAndReplay()
{
    QFETCH(quint32, seed);
    QRandomGenerator rng(seed);
    NetBuilder nb = hpNetwork();
    nb.s.params.rewardsReserve = icnt("3000"); // runs dry along the way
    const Address providers[] = {kHp, addr(51), addr(52)};
    nb.account(addr(51), "20000").account(addr(52), "300");
    Engine engine = nb.engine();
    QStringList ids;
    for (const HardwareNode &n : nb.s.nodes)
        ids.append(n.id);
    const char *prices[] = {"1", "2.8", "3.5", "4", "0", "5"};
    const char *amounts[] = {"0", "1", "500", "720", "2400", "30000"};
    QList<QByteArray> log;
    int applied = 0;
    for (int i = 0; i < 600; ++i) {
        const Address who = providers[rng.bounded(3)];
        const quint64 nonce = engine.nextNonce(who) + (rng.bounded(20) == 0 ? 1 : 0);
        const QString id = rng.bounded(4) == 0 ? QStringLiteral("R-%1").arg(rng.bounded(30)) : ids[rng.bounded(ids.size())];
        Transaction tx;
        switch (rng.bounded(9)) {
        case 0: {
            const char *clusters[] = {"FRA-1", "FRA-2", "FRA-3"};
            RegisterNodeTx t = registerTx(id, QString::fromLatin1(clusters[rng.bounded(3)]), 10 + rng.bounded(300),
                                          prices[rng.bounded(4)], amounts[rng.bounded(6)], 30 + rng.bounded(20), nonce, who);
            t.maxDurationMonths = 5 + rng.bounded(30);
            t.maxLeadMonths = 6 + rng.bounded(12);
            tx = t;
            break;
        }
        case 1:
            tx = priceTx(id, prices[rng.bounded(6)], nonce, who);
            break;
        case 2:
            tx = depositTx(id, amounts[rng.bounded(6)], nonce, who);
            break;
        case 3:
            tx = withdrawTx(id, amounts[rng.bounded(6)], nonce, who);
            break;
        case 4:
            tx = extendTx(id, static_cast<qint32>(rng.bounded(20)) - 2, nonce, who);
            break;
        case 5:
            tx = offboardTx(id, nonce, who);
            break;
        case 6:
            tx = CloseMonthTx{engine.currentMonth()};
            break;
        default: {
            const char *scopes[] = {"FRA-1", "FRA-2", "FRA-3", "EUW-FRA", "EUW"};
            const QString scope = QString::fromLatin1(scopes[rng.bounded(5)]);
            const Month start = engine.currentMonth().plus(1 + rng.bounded(6));
            const qint32 months = 3 + rng.bounded(8);
            const auto q = engine.quote(QuoteRequest{scope, 1 + rng.bounded(200), start, months});
            if (!q)
                continue;
            tx = bookTx(scope, q->sizeTb, start, months, q->total, engine.nextNonce(kSp));
            break;
        }
        }
        if (ids.size() < 40 && std::holds_alternative<RegisterNodeTx>(tx))
            ids.append(std::get<RegisterNodeTx>(tx).nodeId);
        const Frozen before = freeze(engine);
        const auto predicted = engine.check(tx);
        QVERIFY(freeze(engine) == before);
        const auto result = engine.apply(tx);
        QCOMPARE(result.ok(), predicted.ok());
        if (!result) {
            QCOMPARE(result.error().code, predicted.error().code);
            QVERIFY2(freeze(engine) == before, qPrintable(result.error().code));
        } else {
            QCOMPARE(result->stateHash, predicted->stateHash);
            log.append(encodeTransaction(tx));
            ++applied;
        }
        QVERIFY(engine.checkConservation().ok());
    }
    QVERIFY(applied > 100);
    // Replaying the decoded log into a fresh engine gives the same running hash and state.
    Engine replayed = nb.engine();
    for (const QByteArray &bytes : log) {
        const auto tx = decodeTransaction(bytes);
        QVERIFY(tx.ok());
        QVERIFY(replayed.apply(*tx).ok());
    }
    QCOMPARE(replayed.stateHash(), engine.stateHash());
    QCOMPARE(replayed.computeStateDigest(), engine.computeStateDigest());
    QCOMPARE(replayed.nodeEconomicsList().size(), engine.nodeEconomicsList().size());
}

QTEST_GUILESS_MAIN(TestHardwareNodes)
#include "tst_hardwarenodes.moc"
