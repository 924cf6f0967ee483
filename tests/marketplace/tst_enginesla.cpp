// PROTOCOL.md §7 in the engine: one rule table per sentence (quorum, medians, targets, grace and
// escalation, reset, jailing, withholding, claims, reliability), the epoch clock, refusals that
// change nothing, the codec, replay determinism and conservation under random mixes.
#include "EngineFixture.h"

#include "Signer.h"
#include "SlaTypedData.h"
#include "TxCodec.h"

#include <QDate>
#include <QRandomGenerator>
#include <QTest>

using namespace icn;
using namespace icn::test;

namespace {

const QString kN1 = QStringLiteral("FRA-1-N01");
const QString kN2 = QStringLiteral("FRA-1-N02");
const QString kBooked = QStringLiteral("FRA-2-N01"); // alone in FRA-2: bookings of FRA-2 land on it
const QString kSlashed = QStringLiteral("FRA-3-N01");
const QString kLow = QStringLiteral("FRA-3-N02");

const SlaMetrics kGood{999'000, 150, 1'000}; // exactly on every target: compliant
const SlaMetrics kBad{998'999, 150, 1'000};  // availability one ppm short: breach

Address oracle(int i)
{
    return addr(500 + i);
}

qint64 dayOf(int y, int m, int d)
{
    return QDate(1970, 1, 1).daysTo(QDate(y, m, d));
}

void registerOracles(Engine &e, int count)
{
    const int first = static_cast<int>(e.oracles().size());
    for (int i = first; i < first + count; ++i) {
        const auto r = e.apply(RegisterOracleTx{oracle(i), e.nextNonce(oracle(i)), true, {}});
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().code));
    }
}

SlaReport rep(const QString &node, qint64 epoch, SlaMetrics m, int oracleIndex)
{
    SlaReport r;
    r.hnId = node;
    r.epoch = epoch;
    r.metrics = m;
    r.oracle = oracle(oracleIndex);
    return r;
}

// Reports `m` for `node` in the current epoch from oracles 0..count−1.
Result<Receipt> reportFrom(Engine &e, const QString &node, SlaMetrics m, int count, int firstOracle = 0)
{
    SlaReportTx tx;
    tx.unsignedLocal = true;
    for (int i = firstOracle; i < firstOracle + count; ++i)
        tx.reports.append(rep(node, e.currentEpoch(), m, i));
    return e.apply(tx);
}

Result<Receipt> closeEpoch(Engine &e)
{
    return e.apply(CloseEpochTx{e.currentEpoch()});
}

// A packed batch of (node index, metrics) entries from oracle `oracleIndex` for the current epoch.
SlaBatchTx batchOf(const Engine &e, int oracleIndex, const QList<std::pair<quint32, SlaMetrics>> &entries)
{
    SlaBatchTx b;
    b.oracle = oracle(oracleIndex);
    b.epoch = e.currentEpoch();
    for (const auto &[node, m] : entries)
        for (qint64 v : {qint64(node), m.availabilityPpm, m.latencyMs, m.bandwidthMbps}) {
            const auto u = static_cast<quint32>(v);
            const char bytes[4] = {char(u >> 24), char(u >> 16), char(u >> 8), char(u)};
            b.packed.append(bytes, 4);
        }
    return b;
}

quint32 indexOf(const Engine &e, const QString &node)
{
    return e.network().nodeIndex.value(node);
}

struct Snapshot
{
    QByteArray hash, digest;
    LedgerTotals totals;
    quint64 applied;
};

Snapshot snap(const Engine &e)
{
    return {e.stateHash(), e.computeStateDigest(), e.totals(), e.appliedCount()};
}

bool sameTotals(const LedgerTotals &a, const LedgerTotals &b)
{
    return a.balances == b.balances && a.escrow == b.escrow && a.collateral == b.collateral && a.treasury == b.treasury
           && a.reserve == b.reserve && a.genesisPool == b.genesisPool && a.bonds == b.bonds;
}

// The transaction is refused with `code` by check() and apply(), and nothing changed.
void expectRefused(Engine &e, const Transaction &tx, const QString &code, const QString &field = {})
{
    const Snapshot before = snap(e);
    const size_t events = e.pendingEventCount();
    const auto checked = e.check(tx);
    QVERIFY(!checked.ok());
    QCOMPARE(checked.error().code, code);
    const auto r = e.apply(tx);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, code);
    if (!field.isEmpty())
        QCOMPARE(r.error().field, field);
    const Snapshot after = snap(e);
    QCOMPARE(after.hash, before.hash);
    QCOMPARE(after.digest, before.digest);
    QCOMPARE(after.applied, before.applied);
    QVERIFY(sameTotals(after.totals, before.totals));
    QCOMPARE(e.pendingEventCount(), events);
}

Amount pct(Amount a, qint64 ppm)
{
    return Amount::fromBaseUnits(a.baseUnits() * ppm / 1'000'000);
}

// `capacityRewards` false: HP balances move by escrow payments only (§6 rewards: tst_hardwarenodes).
Engine slaEngine(int oracles = 3, bool capacityRewards = true)
{
    NetBuilder nb = seedNetwork();
    if (!capacityRewards)
        nb.s.params.capacityRewardPerTbMonth = Amount();
    nb.nodeById(kLow).collateral = icnt("721"); // jail threshold 720 (30 % of 2400)
    Engine e = nb.engine();
    e.setRecordEvents(true);
    registerOracles(e, oracles);
    e.takeEvents();
    return e;
}

template <class T>
std::vector<T> eventsOf(std::vector<EngineEvent> events)
{
    std::vector<T> out;
    for (const EngineEvent &ev : events)
        if (const T *t = std::get_if<T>(&ev.data))
            out.push_back(*t);
    return out;
}

} // namespace

class TestEngineSla : public QObject
{
    Q_OBJECT

private slots:
    // The packed local batch (SlaBatchTx)
    void batchDecidesLikeSeparateReports();
    void batchRefusals_data();
    void batchRefusals();
    void batchCodecRoundTripAndRefusals();
    // Clock
    void genesisEpochOutsideMonthStartsAtFirstDay();
    void genesisEpochInsideMonthIsKept();
    void closeEpochAdvancesAndRefusesPastMonthEnd();
    void closeMonthMovesEpochToNewMonthAndDropsOpenReports();
    // Oracles
    void registerOracleSignedAndRefusals();
    // Reports
    void reportRefusals();
    void signedReportsAreVerified();
    void reportBatchIsAllOrNothing();
    // Quorum and medians
    void quorum_data();
    void quorum();
    void medianIgnoresOneOutlier();
    void targetsInclusivePerCluster();
    // Breach, grace, escalation
    void graceThenEscalation();
    void compliantEpochResetsK();
    void unobservedEpochIsNeutral();
    void jailingBelowThirtyPercent();
    // Reliability
    void reliabilityScoreAndRanking();
    void genesisReliabilityStandsUntilObserved();
    // Withholding and claims
    void withholdingProRataAndClaimOnce();
    void withholdingKeptAtLastMonth();
    void claimRefusals();
    void signedClaim();
    // Retention
    void rawReportsPrunedAfterRetention();
    void prunedEpochsKeepMediansBreachesAndSlashes();
    // Codec, replay, conservation
    void codecRoundTrip();
    void codecRefusesNonCanonical();
    void checkMatchesApply();
    void replayIsDeterministic();
    void conservationUnderRandomMix();
};

void TestEngineSla::genesisEpochOutsideMonthStartsAtFirstDay()
{
    NetBuilder nb = seedNetwork();
    nb.s.currentEpoch = 5; // 1970: outside 2026-11
    const Engine e = nb.engine();
    QCOMPARE(e.currentEpoch(), dayOf(2026, 11, 1));
    QCOMPARE(SlaClock::firstEpochOf(ym(2026, 11)), dayOf(2026, 11, 1));
    QCOMPARE(SlaClock::monthOfEpoch(dayOf(2026, 11, 30)), ym(2026, 11));
    QCOMPARE(SlaClock::monthOfEpoch(dayOf(2026, 12, 1)), ym(2026, 12));
    nb.s.currentEpoch = dayOf(2026, 12, 1); // the day after the month: outside too
    QCOMPARE(nb.engine().currentEpoch(), dayOf(2026, 11, 1));
}

void TestEngineSla::genesisEpochInsideMonthIsKept()
{
    NetBuilder nb = seedNetwork();
    nb.s.currentEpoch = dayOf(2026, 11, 17);
    QCOMPARE(nb.engine().currentEpoch(), dayOf(2026, 11, 17));
}

void TestEngineSla::closeEpochAdvancesAndRefusesPastMonthEnd()
{
    NetBuilder nb = seedNetwork();
    nb.s.currentEpoch = dayOf(2026, 11, 29);
    Engine e = nb.engine();
    expectRefused(e, CloseEpochTx{e.currentEpoch() + 1}, QStringLiteral("close_epoch.wrong_epoch"), QStringLiteral("epoch"));
    expectRefused(e, CloseEpochTx{e.currentEpoch() - 1}, QStringLiteral("close_epoch.wrong_epoch"));
    QVERIFY(closeEpoch(e).ok());
    QCOMPARE(e.currentEpoch(), dayOf(2026, 11, 30));
    QVERIFY(closeEpoch(e).ok()); // the month's last epoch may close
    QCOMPARE(e.currentEpoch(), dayOf(2026, 12, 1));
    expectRefused(e, CloseEpochTx{dayOf(2026, 12, 1)}, QStringLiteral("close_epoch.month_not_closed"));
    // Reports for the new month's first epoch are taken already.
    registerOracles(e, 1);
    QVERIFY(reportFrom(e, kN1, kGood, 1).ok());
    QVERIFY(e.apply(CloseMonthTx{ym(2026, 11)}).ok());
    QCOMPARE(e.currentEpoch(), dayOf(2026, 12, 1)); // not behind: unchanged, its report kept
    QCOMPARE(e.slaNode(kN1)->openReports, 1);
    QVERIFY(closeEpoch(e).ok());
    QCOMPARE(e.slaNode(kN1)->lastOutcome, EpochOutcome::Compliant);
}

void TestEngineSla::closeMonthMovesEpochToNewMonthAndDropsOpenReports()
{
    Engine e = slaEngine();
    QCOMPARE(e.currentEpoch(), dayOf(2026, 11, 1));
    QVERIFY(reportFrom(e, kN1, kBad, 3).ok());
    QVERIFY(e.apply(CloseMonthTx{ym(2026, 11)}).ok());
    QCOMPARE(e.currentEpoch(), dayOf(2026, 12, 1));
    const auto n = *e.slaNode(kN1);
    QCOMPARE(n.openReports, 0);          // the never-closed epoch is unobserved
    QCOMPARE(n.inBreach, false);
    QCOMPARE(n.lastClosedEpoch, qint64(-1));
    QVERIFY(e.checkConservation().ok());
}

void TestEngineSla::registerOracleSignedAndRefusals()
{
    NetBuilder nb = seedNetwork();
    Engine e = nb.engine();
    const SecureBytes sk(QByteArray(32, '\x51'));
    const Address a = *signer::addressOf(sk);
    auto tx = signRegisterOracle(a, 0, sk);
    QVERIFY(tx.ok());
    expectRefused(e, RegisterOracleTx{}, QStringLiteral("oracle.no_account"), QStringLiteral("oracle"));
    auto wrongNonce = *signRegisterOracle(a, 1, sk);
    expectRefused(e, wrongNonce, QStringLiteral("oracle.bad_nonce"), QStringLiteral("nonce"));
    auto forged = *tx;
    forged.oracle = addr(77); // signature no longer matches the account
    expectRefused(e, forged, QStringLiteral("oracle.bad_signature"), QStringLiteral("signature"));
    auto unsignedWithSig = *tx;
    unsignedWithSig.unsignedLocal = true;
    expectRefused(e, unsignedWithSig, QStringLiteral("oracle.bad_signature"));
    auto missing = *tx;
    missing.signature.clear();
    expectRefused(e, missing, QStringLiteral("oracle.bad_signature"));
    QVERIFY(!signRegisterOracle(addr(77), 0, sk).ok()); // key_mismatch
    const auto r = e.apply(*tx);
    QVERIFY(r.ok());
    QCOMPARE(r->type, QStringLiteral("register_oracle"));
    QCOMPARE(e.oracles(), QList<Address>{a});
    QCOMPARE(e.nextNonce(a), quint64(1));
    expectRefused(e, *signRegisterOracle(a, 1, sk), QStringLiteral("oracle.already_registered"));
    QCOMPARE(e.quorumReports(), 1);
    registerOracles(e, 2);
    QCOMPARE(e.quorumReports(), 2); // ceil(2/3 × 3)
    QVERIFY(e.checkConservation().ok());
}

void TestEngineSla::reportRefusals()
{
    Engine e = slaEngine();
    const qint64 ep = e.currentEpoch();
    const auto one = [](SlaReport r) {
        SlaReportTx t;
        t.unsignedLocal = true;
        t.reports = {std::move(r)};
        return t;
    };
    expectRefused(e, SlaReportTx{{}, true}, QStringLiteral("sla.no_reports"), QStringLiteral("reports"));
    expectRefused(e, one(rep(kN1, ep, kGood, 7)), QStringLiteral("sla.unknown_oracle"), QStringLiteral("reports[0].oracle"));
    expectRefused(e, one(rep(QStringLiteral("NOPE"), ep, kGood, 0)), QStringLiteral("sla.unknown_hn"), QStringLiteral("reports[0].hnId"));
    expectRefused(e, one(rep(kN1, ep + 1, kGood, 0)), QStringLiteral("sla.epoch_in_future"), QStringLiteral("reports[0].epoch"));
    expectRefused(e, one(rep(kN1, ep, SlaMetrics{1'000'001, 1, 1}, 0)), QStringLiteral("sla.bad_values"));
    expectRefused(e, one(rep(kN1, ep, SlaMetrics{1, -1, 1}, 0)), QStringLiteral("sla.bad_values"));
    expectRefused(e, one(rep(kN1, ep, SlaMetrics{1, 1, -1}, 0)), QStringLiteral("sla.bad_values"));
    SlaReport withSig = rep(kN1, ep, kGood, 0);
    withSig.signature = QByteArray(65, '\x01');
    expectRefused(e, one(withSig), QStringLiteral("sla.bad_signature"));
    SlaReportTx signedTx = one(rep(kN1, ep, kGood, 0));
    signedTx.unsignedLocal = false; // no signature on a signed transaction
    expectRefused(e, signedTx, QStringLiteral("sla.bad_signature"), QStringLiteral("reports[0].signature"));
    // Duplicates: inside one transaction, and against an admitted report.
    SlaReportTx twice = one(rep(kN1, ep, kGood, 0));
    twice.reports.append(rep(kN2, ep, kGood, 0));
    twice.reports.append(rep(kN1, ep, kBad, 0));
    expectRefused(e, twice, QStringLiteral("sla.duplicate_report"), QStringLiteral("reports[2].oracle"));
    QVERIFY(e.apply(one(rep(kN1, ep, kGood, 0))).ok());
    expectRefused(e, one(rep(kN1, ep, kBad, 0)), QStringLiteral("sla.duplicate_report"));
    QVERIFY(closeEpoch(e).ok());
    expectRefused(e, one(rep(kN1, ep, kGood, 1)), QStringLiteral("sla.epoch_closed"), QStringLiteral("reports[0].epoch"));
    QVERIFY(e.checkConservation().ok());
}

void TestEngineSla::signedReportsAreVerified()
{
    NetBuilder nb = seedNetwork();
    Engine e = nb.engine();
    const SecureBytes sk(QByteArray(32, '\x52'));
    const Address a = *signer::addressOf(sk);
    QVERIFY(e.apply(*signRegisterOracle(a, 0, sk)).ok());
    SlaReport r;
    r.hnId = kN1;
    r.epoch = e.currentEpoch();
    r.metrics = kGood;
    r.oracle = a;
    auto signedReport = SlaReport::sign(r, sk);
    QVERIFY(signedReport.ok());
    SlaReport tampered = *signedReport;
    tampered.metrics.latencyMs = 10;
    expectRefused(e, SlaReportTx{{tampered}, false}, QStringLiteral("sla.bad_signature"));
    const auto ok = e.apply(SlaReportTx{{*signedReport}, false});
    QVERIFY2(ok.ok(), qPrintable(ok.ok() ? QString() : ok.error().code));
    QVERIFY(closeEpoch(e).ok());
    QCOMPARE(e.slaNode(kN1)->lastOutcome, EpochOutcome::Compliant);
}

void TestEngineSla::reportBatchIsAllOrNothing()
{
    Engine e = slaEngine();
    SlaReportTx tx;
    tx.unsignedLocal = true;
    tx.reports = {rep(kN1, e.currentEpoch(), kGood, 0), rep(kN2, e.currentEpoch(), kGood, 0),
                  rep(QStringLiteral("NOPE"), e.currentEpoch(), kGood, 0)};
    expectRefused(e, tx, QStringLiteral("sla.unknown_hn"), QStringLiteral("reports[2].hnId"));
    QCOMPARE(e.slaNode(kN1)->openReports, 0);
    tx.reports.removeLast();
    const auto r = e.apply(tx);
    QVERIFY(r.ok());
    QCOMPARE(r->type, QStringLiteral("sla_report"));
    QCOMPARE(e.slaNode(kN1)->openReports, 1);
    QCOMPARE(e.slaNode(kN2)->openReports, 1);
}

void TestEngineSla::quorum_data()
{
    QTest::addColumn<int>("registered");
    QTest::addColumn<int>("reports");
    QTest::addColumn<bool>("observed");
    QTest::newRow("no oracle") << 0 << 0 << false;
    QTest::newRow("3 of 3") << 3 << 3 << true;
    QTest::newRow("2 of 3 (exactly 2/3)") << 3 << 2 << true;
    QTest::newRow("1 of 3") << 3 << 1 << false;
    QTest::newRow("4 of 6 (exactly 2/3)") << 6 << 4 << true;
    QTest::newRow("3 of 6") << 6 << 3 << false;
    QTest::newRow("5 of 8 (below)") << 8 << 5 << false;
    QTest::newRow("6 of 8") << 8 << 6 << true;
    QTest::newRow("1 of 1") << 1 << 1 << true;
    QTest::newRow("1 of 2 (below)") << 2 << 1 << false;
    QTest::newRow("0 of 3") << 3 << 0 << false;
}

void TestEngineSla::quorum()
{
    QFETCH(int, registered);
    QFETCH(int, reports);
    QFETCH(bool, observed);
    Engine e = slaEngine(registered);
    if (reports > 0)
        QVERIFY(reportFrom(e, kN1, kBad, reports).ok());
    const auto r = closeEpoch(e);
    QVERIFY(r.ok());
    const auto n = *e.slaNode(kN1);
    QCOMPARE(n.lastOutcome, observed ? EpochOutcome::Breach : EpochOutcome::Unobserved);
    QCOMPARE(n.inBreach, observed);
    QCOMPARE(n.breachDaysThisMonth, observed ? 1 : 0);
    const auto events = eventsOf<NodeEpochEvent>(e.takeEvents());
    QCOMPARE(events.size(), size_t(6)); // one per HN, observed or not
    QCOMPARE(events[0].nodeId, kN1);    // HN id order
    QCOMPARE(events[0].observed, observed);
    QCOMPARE(events[0].compliant, false);
}

void TestEngineSla::medianIgnoresOneOutlier()
{
    Engine e = slaEngine();
    SlaReportTx tx;
    tx.unsignedLocal = true;
    tx.reports = {rep(kN1, e.currentEpoch(), SlaMetrics{999'500, 100, 2'000}, 0),
                  rep(kN1, e.currentEpoch(), SlaMetrics{0, 90'000, 0}, 1), // a broken oracle
                  rep(kN1, e.currentEpoch(), SlaMetrics{999'900, 120, 3'000}, 2)};
    QVERIFY(e.apply(tx).ok());
    QVERIFY(closeEpoch(e).ok());
    const auto n = *e.slaNode(kN1);
    QCOMPARE(n.lastOutcome, EpochOutcome::Compliant);
    QCOMPARE(n.lastMedian, (SlaMetrics{999'500, 120, 2'000}));
    // Even count: truncated mean of the middle two.
    Engine f = slaEngine(4);
    tx.reports = {rep(kN1, f.currentEpoch(), SlaMetrics{999'000, 100, 1'000}, 0),
                  rep(kN1, f.currentEpoch(), SlaMetrics{999'001, 151, 1'001}, 1),
                  rep(kN1, f.currentEpoch(), SlaMetrics{999'002, 152, 1'002}, 2)};
    QVERIFY(f.apply(tx).ok());
    QVERIFY(closeEpoch(f).ok());
    QCOMPARE(f.slaNode(kN1)->lastMedian, (SlaMetrics{999'001, 151, 1'001}));
    QCOMPARE(f.slaNode(kN1)->lastOutcome, EpochOutcome::Breach); // latency 151 > 150
}

void TestEngineSla::targetsInclusivePerCluster()
{
    NetBuilder nb = seedNetwork();
    nb.s.clusters[2].slaTargets = SlaTargets{990'000, 500, 10}; // FRA-3: looser targets
    Engine e = nb.engine();
    registerOracles(e, 1);
    const SlaMetrics m{990'000, 500, 10};
    QVERIFY(reportFrom(e, kN1, m, 1).ok());
    QVERIFY(reportFrom(e, kSlashed, m, 1).ok());
    QVERIFY(closeEpoch(e).ok());
    QCOMPARE(e.slaNode(kN1)->lastOutcome, EpochOutcome::Breach);
    QCOMPARE(e.slaNode(kSlashed)->lastOutcome, EpochOutcome::Compliant);
}

void TestEngineSla::graceThenEscalation()
{
    Engine e = slaEngine();
    const Amount treasury0 = e.totals().treasury;
    Amount collateral = e.slaNode(kSlashed)->collateral;
    QCOMPARE(collateral, icnt("2400"));
    // Breach epoch → (k, ppm): 1–2 grace; then 0.5 %, 1 %, 2 %, 4 %, 8 %, 8 %, 8 %.
    const qint64 ppm[] = {0, 0, 5'000, 10'000, 20'000, 40'000, 80'000, 80'000, 80'000};
    Amount totalSlashed;
    for (int i = 0; i < 9; ++i) {
        QVERIFY(reportFrom(e, kSlashed, kBad, 3).ok());
        const auto r = closeEpoch(e);
        QVERIFY(r.ok());
        const Amount slash = pct(collateral, ppm[i]);
        QCOMPARE(r->amount, slash);
        collateral = *collateral.sub(slash);
        totalSlashed = *totalSlashed.add(slash);
        const auto n = *e.slaNode(kSlashed);
        QCOMPARE(n.streak, i + 1);
        QCOMPARE(n.k, qMax(0, i - 1));
        QCOMPARE(n.collateral, collateral);
        const auto slashes = eventsOf<SlashEvent>(e.takeEvents());
        QCOMPARE(slashes.size(), size_t(ppm[i] ? 1 : 0));
        if (ppm[i]) {
            QCOMPARE(slashes[0].ppm, ppm[i]);
            QCOMPARE(slashes[0].step, i - 1);
            QCOMPARE(slashes[0].amount, slash);
            QCOMPARE(slashes[0].jailed, false);
        }
        QVERIFY(e.checkConservation().ok());
    }
    QCOMPARE(e.totals().treasury, *treasury0.add(totalSlashed));
    QCOMPARE(e.slaNode(kSlashed)->breachDaysThisMonth, 9);
    QCOMPARE(e.sla().breaches.size(), size_t(9));
    QCOMPARE(e.slaNode(kSlashed)->status, NodeStatus::Active); // 2400 × 0.70… stays above 30 %
}

void TestEngineSla::compliantEpochResetsK()
{
    Engine e = slaEngine();
    for (int i = 0; i < 4; ++i) { // k = 2 after four breach epochs
        QVERIFY(reportFrom(e, kSlashed, kBad, 3).ok());
        QVERIFY(closeEpoch(e).ok());
    }
    QCOMPARE(e.slaNode(kSlashed)->k, 2);
    QVERIFY(reportFrom(e, kSlashed, kGood, 2).ok());
    QVERIFY(closeEpoch(e).ok());
    QCOMPARE(e.slaNode(kSlashed)->inBreach, false);
    QCOMPARE(e.slaNode(kSlashed)->streak, 0);
    QCOMPARE(e.slaNode(kSlashed)->k, 0);
    // A new breach starts a new grace window: two free epochs, then 0.5 % again.
    for (int i = 0; i < 3; ++i) {
        const Amount before = e.slaNode(kSlashed)->collateral;
        QVERIFY(reportFrom(e, kSlashed, kBad, 3).ok());
        const auto r = closeEpoch(e);
        QCOMPARE(r->amount, i < 2 ? Amount() : pct(before, 5'000));
    }
}

void TestEngineSla::unobservedEpochIsNeutral()
{
    Engine e = slaEngine();
    for (int i = 0; i < 3; ++i) {
        QVERIFY(reportFrom(e, kSlashed, kBad, 3).ok());
        QVERIFY(closeEpoch(e).ok());
    }
    const auto before = *e.slaNode(kSlashed);
    QCOMPARE(before.k, 1);
    QVERIFY(reportFrom(e, kSlashed, kGood, 1).ok()); // 1 of 3: no quorum, even if compliant
    const auto r = closeEpoch(e);
    QCOMPARE(r->amount, Amount());
    const auto after = *e.slaNode(kSlashed);
    QCOMPARE(after.lastOutcome, EpochOutcome::Unobserved);
    QCOMPARE(after.inBreach, true); // neither breaks nor continues the streak
    QCOMPARE(after.streak, before.streak);
    QCOMPARE(after.k, before.k);
    QCOMPARE(after.breachDaysThisMonth, before.breachDaysThisMonth); // not a breach day
    QCOMPARE(after.collateral, before.collateral);
    QVERIFY(reportFrom(e, kSlashed, kBad, 3).ok());
    QCOMPARE(closeEpoch(e)->amount, pct(after.collateral, 10'000)); // k = 2 follows k = 1
}

void TestEngineSla::jailingBelowThirtyPercent()
{
    Engine e = slaEngine();
    const quint32 low = e.network().nodeIndex.value(kLow);
    QCOMPARE(e.network().hot[low].servable, quint8(1));
    for (int i = 0; i < 2; ++i) {
        QVERIFY(reportFrom(e, kLow, kBad, 3).ok());
        QVERIFY(closeEpoch(e).ok());
        QCOMPARE(e.slaNode(kLow)->status, NodeStatus::Active);
    }
    e.takeEvents();
    QVERIFY(reportFrom(e, kLow, kBad, 3).ok());
    const auto r = closeEpoch(e);
    QCOMPARE(r->amount, pct(icnt("721"), 5'000)); // 721 − 3.605 < 720
    const auto n = *e.slaNode(kLow);
    QCOMPARE(n.status, NodeStatus::Jailed);
    QCOMPARE(e.network().nodes[low].status, NodeStatus::Jailed);
    QCOMPARE(e.network().hot[low].servable, quint8(0)); // not assignable
    const auto events = e.takeEvents();
    const auto slashes = eventsOf<SlashEvent>(events);
    QCOMPARE(slashes.size(), size_t(1));
    QCOMPARE(slashes[0].jailed, true);
    const auto changes = eventsOf<NodeChangeEvent>(events);
    QCOMPARE(changes.size(), size_t(1));
    QCOMPARE(changes[0].nodeId, kLow);
    QCOMPARE(changes[0].what, QStringLiteral("jail"));
    QCOMPARE(e.currentNetwork().nodes[4].status, NodeStatus::Jailed);
    // FRA-3 now has 200 TB left to book.
    const auto view = e.capacity(QStringLiteral("FRA-3"), MonthRange{ym(2026, 12), 3});
    QVERIFY(view.ok());
    QCOMPARE(view->freeTbWholeRange, qint64(200));
    // Slashed again later: no second jail event.
    QVERIFY(reportFrom(e, kLow, kBad, 3).ok());
    QVERIFY(closeEpoch(e).ok());
    QCOMPARE(eventsOf<NodeChangeEvent>(e.takeEvents()).size(), size_t(0));
    QVERIFY(e.checkConservation().ok());
}

void TestEngineSla::reliabilityScoreAndRanking()
{
    Engine e = slaEngine();
    QCOMPARE(e.slaNode(kN1)->reliabilityPpm, qint64(900'000)); // new HN: 0.9
    const quint32 n1 = e.network().nodeIndex.value(kN1), n2 = e.network().nodeIndex.value(kN2);
    const auto &ranked = [&]() -> const std::vector<quint32> & { return e.network().clusters[e.network().nodes[n1].cluster].ranked; };
    QCOMPARE(ranked().front(), n1); // same price and commitment: id order
    QVERIFY(reportFrom(e, kN1, kBad, 3).ok());
    QVERIFY(reportFrom(e, kN2, kGood, 3).ok());
    QVERIFY(closeEpoch(e).ok());
    QCOMPARE(e.slaNode(kN1)->reliabilityPpm, qint64(818'181)); // (0 + 9) / (1 + 10)
    QCOMPARE(e.slaNode(kN2)->reliabilityPpm, qint64(909'090)); // (1 + 9) / (1 + 10)
    QCOMPARE(e.network().nodes[n1].reliabilityPpm, 818'181);
    QCOMPARE(ranked().front(), n2); // reranked: reliability desc
    // Unobserved epochs leave the score.
    QVERIFY(closeEpoch(e).ok());
    QCOMPARE(e.slaNode(kN2)->reliabilityPpm, qint64(909'090));
    QCOMPARE(e.slaNode(kN2)->observed, 1);
    QVERIFY(reportFrom(e, kN2, kGood, 3).ok());
    QVERIFY(closeEpoch(e).ok());
    QCOMPARE(e.slaNode(kN2)->reliabilityPpm, qint64(916'666)); // 11 / 12
    const auto events = eventsOf<NodeEpochEvent>(e.takeEvents());
    QCOMPARE(events.back().reliabilityPpm, 900'000); // FRA-3-N03, never observed
}

void TestEngineSla::genesisReliabilityStandsUntilObserved()
{
    NetBuilder nb = seedNetwork();
    nb.nodeById(kN1).reliabilityPpm = 970'000;
    Engine e = nb.engine();
    registerOracles(e, 1);
    QVERIFY(closeEpoch(e).ok()); // unobserved
    QCOMPARE(e.slaNode(kN1)->reliabilityPpm, qint64(970'000));
    QVERIFY(reportFrom(e, kN1, kGood, 1).ok());
    QVERIFY(closeEpoch(e).ok());
    QCOMPARE(e.slaNode(kN1)->reliabilityPpm, qint64(909'090)); // the engine's own window from now on
}

// A 10 TB, 3-month booking on FRA-2-N01 (2.8 ICNT/TB-month: 28 ICNT a month) from 2026-12.
static quint64 bookOnBooked(Engine &e)
{
    const auto r = bookAtQuote(e, QStringLiteral("FRA-2"), 10, ym(2026, 12), 3);
    if (!r)
        qFatal("booking refused: %s", qPrintable(r.error().code));
    return r->bookingId;
}

void TestEngineSla::withholdingProRataAndClaimOnce()
{
    Engine e = slaEngine(3, false);
    const quint64 id = bookOnBooked(e);
    QVERIFY(e.apply(CloseMonthTx{ym(2026, 11)}).ok());
    const Address hp = e.network().nodes[e.network().nodeIndex.value(kBooked)].provider;
    // December: 5 breach epochs, 1 unobserved, 2 compliant (31 days).
    const EpochOutcome plan[] = {EpochOutcome::Breach, EpochOutcome::Breach, EpochOutcome::Unobserved, EpochOutcome::Breach,
                                 EpochOutcome::Compliant, EpochOutcome::Breach, EpochOutcome::Breach, EpochOutcome::Compliant};
    for (EpochOutcome o : plan) {
        if (o != EpochOutcome::Unobserved)
            QVERIFY(reportFrom(e, kBooked, o == EpochOutcome::Breach ? kBad : kGood, 3).ok());
        QVERIFY(closeEpoch(e).ok());
    }
    QCOMPARE(e.slaNode(kBooked)->breachDaysThisMonth, 5);
    const Amount hpBefore = e.balance(hp), spBefore = e.balance(kSp);
    const Amount monthly = icnt("28");
    const Amount withheld = Amount::fromBaseUnits(monthly.baseUnits() * 5 / 31); // floor
    e.takeEvents();
    const auto closed = e.apply(CloseMonthTx{ym(2026, 12)});
    QVERIFY(closed.ok());
    QCOMPARE(e.balance(hp), *hpBefore.add(*monthly.sub(withheld))); // the HP gets the rounding unit
    QCOMPARE(closed->amount, *monthly.sub(withheld));
    QCOMPARE(e.claimable(id), withheld);
    QCOMPARE(e.slaNode(kBooked)->breachDaysThisMonth, 0); // a new month
    const auto w = eventsOf<WithholdingEvent>(e.takeEvents());
    QCOMPARE(w.size(), size_t(1));
    QCOMPARE(w[0].bookingId, id);
    QCOMPARE(w[0].nodeId, kBooked);
    QCOMPARE(w[0].breachDays, 5);
    QCOMPARE(w[0].withheld, withheld);
    QCOMPARE(w[0].month, ym(2026, 12));
    // The withheld ICNT stays in escrow until claimed.
    QCOMPARE(e.booking(id)->escrowLeft, *icnt("56").add(withheld));
    QVERIFY(e.checkConservation().ok());
    // Claim: once.
    const ClaimCompensationTx claim{kSp, id, e.nextNonce(kSp), true, {}};
    const auto c = e.apply(claim);
    QVERIFY(c.ok());
    QCOMPARE(c->amount, withheld);
    QCOMPARE(c->type, QStringLiteral("claim_compensation"));
    QCOMPARE(e.balance(kSp), *spBefore.add(withheld));
    QCOMPARE(e.claimable(id), Amount());
    QCOMPARE(e.booking(id)->escrowLeft, icnt("56"));
    QCOMPARE(eventsOf<ClaimEvent>(e.takeEvents()).size(), size_t(1));
    expectRefused(e, ClaimCompensationTx{kSp, id, e.nextNonce(kSp), true, {}}, QStringLiteral("claim.nothing_to_claim"),
                  QStringLiteral("bookingId"));
    // The remaining months pay in full (no breach), and escrow empties exactly.
    QVERIFY(e.apply(CloseMonthTx{ym(2027, 1)}).ok());
    QVERIFY(e.apply(CloseMonthTx{ym(2027, 2)}).ok());
    QCOMPARE(e.booking(id)->escrowLeft, Amount());
    QCOMPARE(e.totals().escrow, Amount());
    QCOMPARE(e.balance(hp), *hpBefore.add(*icnt("84").sub(withheld)));
    QVERIFY(e.checkConservation().ok());
}

void TestEngineSla::withholdingKeptAtLastMonth()
{
    // Breach days in the booking's first and last month: the last month must not pay out what
    // was withheld before; everything withheld stays claimable after the booking ends.
    Engine e = slaEngine(3, false);
    const quint64 id = bookOnBooked(e);
    QVERIFY(e.apply(CloseMonthTx{ym(2026, 11)}).ok());
    const Address hp = e.network().nodes[e.network().nodeIndex.value(kBooked)].provider;
    const Amount hp0 = e.balance(hp);
    QVERIFY(reportFrom(e, kBooked, kBad, 3).ok());
    QVERIFY(closeEpoch(e).ok()); // 1 breach day in December
    QVERIFY(e.apply(CloseMonthTx{ym(2026, 12)}).ok());
    QVERIFY(e.apply(CloseMonthTx{ym(2027, 1)}).ok());
    for (int i = 0; i < 3; ++i) { // 3 breach days in February (28 days)
        QVERIFY(reportFrom(e, kBooked, kBad, 3).ok());
        QVERIFY(closeEpoch(e).ok());
    }
    QVERIFY(e.apply(CloseMonthTx{ym(2027, 2)}).ok());
    const Int128 m = icnt("28").baseUnits();
    const Amount withheld = Amount::fromBaseUnits(m * 1 / 31 + m * 3 / 28);
    QVERIFY(e.booking(id)->status != BookingStatus::Active);
    QCOMPARE(e.claimable(id), withheld);
    QCOMPARE(e.booking(id)->escrowLeft, withheld);
    QCOMPARE(e.totals().escrow, withheld);
    QCOMPARE(*e.balance(hp).sub(hp0), *icnt("84").sub(withheld));
    QCOMPARE(e.sla().withholdings.size(), size_t(2));
    const Amount sp0 = e.balance(kSp);
    QVERIFY(e.apply(ClaimCompensationTx{kSp, id, e.nextNonce(kSp), true, {}}).ok());
    QCOMPARE(e.balance(kSp), *sp0.add(withheld));
    QCOMPARE(e.totals().escrow, Amount());
    QVERIFY(e.checkConservation().ok());
}

void TestEngineSla::claimRefusals()
{
    Engine e = slaEngine();
    const quint64 id = bookOnBooked(e);
    QVERIFY(e.apply(CloseMonthTx{ym(2026, 11)}).ok());
    QVERIFY(reportFrom(e, kBooked, kBad, 3).ok());
    QVERIFY(closeEpoch(e).ok());
    QVERIFY(e.apply(CloseMonthTx{ym(2026, 12)}).ok());
    QVERIFY(e.claimable(id) > Amount());
    const quint64 nonce = e.nextNonce(kSp);
    expectRefused(e, ClaimCompensationTx{{}, id, 0, true, {}}, QStringLiteral("claim.no_account"), QStringLiteral("sp"));
    expectRefused(e, ClaimCompensationTx{kSp, id, nonce + 1, true, {}}, QStringLiteral("claim.bad_nonce"), QStringLiteral("nonce"));
    expectRefused(e, ClaimCompensationTx{kSp, id, nonce, false, {}}, QStringLiteral("claim.bad_signature"));
    expectRefused(e, ClaimCompensationTx{kSp, id, nonce, true, QByteArray(65, '\x02')}, QStringLiteral("claim.bad_signature"));
    expectRefused(e, ClaimCompensationTx{kSp, 0, nonce, true, {}}, QStringLiteral("claim.unknown_booking"), QStringLiteral("bookingId"));
    expectRefused(e, ClaimCompensationTx{kSp, id + 1, nonce, true, {}}, QStringLiteral("claim.unknown_booking"));
    expectRefused(e, ClaimCompensationTx{kSp2, id, e.nextNonce(kSp2), true, {}}, QStringLiteral("claim.not_sp"), QStringLiteral("sp"));
}

void TestEngineSla::signedClaim()
{
    const SecureBytes sk(QByteArray(32, '\x53'));
    const Address sp = *signer::addressOf(sk);
    NetBuilder nb = seedNetwork();
    nb.account(sp, "1000");
    Engine e = nb.engine();
    registerOracles(e, 1);
    const auto booked = bookAtQuote(e, QStringLiteral("FRA-2"), 10, ym(2026, 12), 3, sp);
    QVERIFY(booked.ok());
    QVERIFY(e.apply(CloseMonthTx{ym(2026, 11)}).ok());
    QVERIFY(reportFrom(e, kBooked, kBad, 1).ok());
    QVERIFY(closeEpoch(e).ok());
    QVERIFY(e.apply(CloseMonthTx{ym(2026, 12)}).ok());
    auto tx = signClaimCompensation(sp, booked->bookingId, e.nextNonce(sp), sk);
    QVERIFY(tx.ok());
    auto other = *tx;
    other.bookingId = 99; // signed for another booking
    expectRefused(e, other, QStringLiteral("claim.bad_signature"));
    const Amount before = e.balance(sp);
    QVERIFY(e.apply(*tx).ok());
    QVERIFY(e.balance(sp) > before);
}

void TestEngineSla::rawReportsPrunedAfterRetention()
{
    NetBuilder nb = seedNetwork();
    nb.s.params.slaReportRetentionEpochs = 3;
    nb.s.currentEpoch = dayOf(2026, 11, 1);
    Engine e = nb.engine();
    registerOracles(e, 1);
    for (int i = 0; i < 5; ++i) {
        QVERIFY(reportFrom(e, kN1, kGood, 1).ok());
        QVERIFY(closeEpoch(e).ok());
    }
    QCOMPARE(e.sla().retained.size(), size_t(3));
    QCOMPARE(e.sla().retained.front()->epoch, dayOf(2026, 11, 3));
    QCOMPARE(e.sla().retained.back()->reports.size(), size_t(1));
    QCOMPARE(e.sla().retained.back()->reports[0].availabilityPpm, quint32(kGood.availabilityPpm));
    QCOMPARE(e.sla().retained.back()->reports[0].node, e.network().nodeIndex.value(kN1));
    QCOMPARE(e.sla().open.size(), size_t(0));
}

// Pruning drops only raw reports: the medians of every epoch (history events), every breach and
// slash, and the reliability over all observed epochs stay.
void TestEngineSla::prunedEpochsKeepMediansBreachesAndSlashes()
{
    NetBuilder nb = seedNetwork();
    nb.s.params.slaReportRetentionEpochs = 2;
    nb.s.currentEpoch = dayOf(2026, 11, 1);
    Engine e = nb.engine();
    e.setRecordEvents(true);
    registerOracles(e, 1);
    (void)e.takeEvents();
    // Epochs 1–3 breach (the third slashes, after the 2-epoch grace), epochs 4–6 comply.
    for (int i = 0; i < 6; ++i) {
        QVERIFY(reportFrom(e, kN1, i < 3 ? kBad : kGood, 1).ok());
        QVERIFY(closeEpoch(e).ok());
    }
    QCOMPARE(e.sla().retained.size(), size_t(2));
    QCOMPARE(e.sla().retained.front()->epoch, dayOf(2026, 11, 5));
    const quint32 n1 = e.network().nodeIndex.value(kN1);
    std::vector<SlaBreachRecord> breaches;
    for (const SlaBreachRecord &b : e.sla().breaches)
        if (b.node == n1)
            breaches.push_back(b);
    QCOMPARE(breaches.size(), size_t(3));
    QCOMPARE(breaches.front().epoch, dayOf(2026, 11, 1));
    QCOMPARE(breaches.back().epoch, dayOf(2026, 11, 3));
    QVERIFY(breaches.back().slashed > Amount());
    const auto events = e.takeEvents();
    const auto medians = eventsOf<NodeEpochEvent>(events);
    std::vector<NodeEpochEvent> mine;
    for (const NodeEpochEvent &m : medians)
        if (m.nodeId == kN1)
            mine.push_back(m);
    QCOMPARE(mine.size(), size_t(6));
    QCOMPARE(mine.front().epoch, dayOf(2026, 11, 1));
    QCOMPARE(mine.front().availabilityPpm, kBad.availabilityPpm);
    QVERIFY(!mine.front().compliant);
    QVERIFY(mine.back().compliant);
    QCOMPARE(eventsOf<SlashEvent>(events).size(), size_t(1));
    // (3 compliant + 9) / (6 observed + 10) over all six epochs, not only the retained two.
    QCOMPARE(e.slaNode(kN1)->reliabilityPpm, qint64(750'000));
}

void TestEngineSla::codecRoundTrip()
{
    SlaReport r = rep(kN1, 20'000, SlaMetrics{1, 2, 3}, 4);
    SlaReport s = r;
    s.signature = QByteArray(65, '\x07');
    const QList<Transaction> txs{RegisterOracleTx{oracle(1), 3, true, {}},
                                 RegisterOracleTx{oracle(2), 0, false, QByteArray(65, '\x01')},
                                 SlaReportTx{{r, rep(kN2, 20'000, kGood, 1)}, true},
                                 SlaReportTx{{s}, false},
                                 CloseEpochTx{20'123},
                                 ClaimCompensationTx{kSp, 7, 2, true, {}},
                                 ClaimCompensationTx{kSp, 7, 2, false, QByteArray(65, '\x03')}};
    for (const Transaction &tx : txs) {
        const QByteArray bytes = encodeTransaction(tx);
        QCOMPARE(static_cast<quint8>(bytes[1]) >= 20 && static_cast<quint8>(bytes[1]) <= 29, true);
        const auto back = decodeTransaction(bytes);
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().code + back.error().field));
        QVERIFY(*back == tx);
        QCOMPARE(transactionTypeName(*back), transactionTypeName(tx));
    }
    QCOMPARE(transactionSender(txs[0]), oracle(1));
    QCOMPARE(transactionSender(txs[5]), kSp);
    QVERIFY(transactionSender(txs[2]).isNull());
}

void TestEngineSla::codecRefusesNonCanonical()
{
    const QByteArray reg = encodeTransaction(RegisterOracleTx{oracle(1), 3, true, {}});
    QCOMPARE(decodeTransaction(reg + QByteArray(1, '\0')).error().code, QStringLiteral("tx.trailing_bytes"));
    QCOMPARE(decodeTransaction(reg.left(reg.size() - 1)).error().code, QStringLiteral("tx.malformed"));
    // unsignedLocal with a signature.
    QByteArray withSig = encodeTransaction(RegisterOracleTx{oracle(1), 3, false, QByteArray(65, '\x01')});
    const qsizetype flag = withSig.size() - 65 - 4 - 1;
    withSig[flag] = 1;
    QCOMPARE(decodeTransaction(withSig).error().code, QStringLiteral("tx.malformed"));
    QCOMPARE(decodeTransaction(withSig).error().field, QStringLiteral("signature"));
    // A boolean of 2.
    QByteArray badBool = encodeTransaction(SlaReportTx{{rep(kN1, 1, kGood, 0)}, true});
    badBool[2] = 2;
    QCOMPARE(decodeTransaction(badBool).error().code, QStringLiteral("tx.malformed"));
    // A report count larger than what follows.
    QByteArray count = encodeTransaction(SlaReportTx{{rep(kN1, 1, kGood, 0)}, true});
    count[6] = 2;
    QCOMPARE(decodeTransaction(count).error().code, QStringLiteral("tx.malformed"));
    QByteArray huge = encodeTransaction(SlaReportTx{{}, true});
    huge[3] = '\x7f';
    QCOMPARE(decodeTransaction(huge).error().field, QStringLiteral("reports"));
    const QByteArray close = encodeTransaction(CloseEpochTx{5});
    QCOMPARE(decodeTransaction(close.left(5)).error().field, QStringLiteral("epoch"));

    // Random byte flips, truncations and extensions: a typed refusal, or bytes that re-encode exactly.
    SlaReport signedReport = rep(kN1, 20'000, kGood, 1);
    signedReport.signature = QByteArray(65, '\x05');
    const QList<QByteArray> seeds{encodeTransaction(SlaReportTx{{rep(kN1, 20'000, kGood, 0), rep(kN2, 20'000, kBad, 2)}, true}),
                                  encodeTransaction(SlaReportTx{{signedReport}, false}), reg, close,
                                  encodeTransaction(ClaimCompensationTx{kSp, 3, 1, false, QByteArray(65, '\x09')})};
    QRandomGenerator rng(99);
    for (int i = 0; i < 5'000; ++i) {
        QByteArray b = seeds[rng.bounded(seeds.size())];
        switch (rng.bounded(3)) {
        case 0:
            b[rng.bounded(b.size())] = static_cast<char>(rng.bounded(256));
            break;
        case 1:
            b.truncate(rng.bounded(b.size()));
            break;
        default:
            b.insert(rng.bounded(b.size() + 1), static_cast<char>(rng.bounded(256)));
            break;
        }
        const auto tx = decodeTransaction(b);
        if (tx)
            QCOMPARE(encodeTransaction(*tx), b);
        else
            QVERIFY(tx.error().code.startsWith(QStringLiteral("tx.")));
    }
}

void TestEngineSla::checkMatchesApply()
{
    Engine e = slaEngine();
    for (int i = 0; i < 4; ++i) {
        SlaReportTx tx;
        tx.unsignedLocal = true;
        for (const QString &n : {kN1, kSlashed, kLow})
            for (int o = 0; o < 3; ++o)
                tx.reports.append(rep(n, e.currentEpoch(), n == kN1 ? kGood : kBad, o));
        const auto checked = e.check(tx);
        const auto applied = e.apply(tx);
        QVERIFY(checked.ok() && applied.ok());
        QCOMPARE(checked->stateHash, applied->stateHash);
        const QByteArray digest = e.computeStateDigest();
        const auto c2 = e.check(CloseEpochTx{e.currentEpoch()});
        QCOMPARE(e.computeStateDigest(), digest); // check() changed nothing
        const auto a2 = closeEpoch(e);
        QVERIFY(c2.ok() && a2.ok());
        QCOMPARE(c2->stateHash, a2->stateHash);
        QCOMPARE(c2->details, a2->details);
        QCOMPARE(c2->amount, a2->amount);
    }
}

namespace {

// A random mix of every transaction kind (valid and not), from a seed.
std::vector<Transaction> randomMix(quint32 seed, int count, const Engine &start)
{
    QRandomGenerator rng(seed);
    Engine e = start;
    std::vector<Transaction> out;
    const QStringList nodes{kN1, kN2, kBooked, kSlashed, kLow, QStringLiteral("FRA-3-N03")};
    for (int i = 0; i < count; ++i) {
        Transaction tx;
        switch (rng.bounded(10)) {
        case 0:
        case 1:
        case 2: {
            SlaReportTx t;
            t.unsignedLocal = true;
            const QString node = rng.bounded(2) ? kBooked : nodes[rng.bounded(nodes.size())];
            const int n = static_cast<int>(rng.bounded(4));
            for (int o = 0; o < n; ++o)
                t.reports.append(rep(node, e.currentEpoch() - (rng.bounded(20) == 0 ? 1 : 0),
                                     rng.bounded(2) == 0 ? kBad : kGood, (o + static_cast<int>(rng.bounded(2))) % 4));
            tx = t;
            break;
        }
        case 3:
        case 4:
        case 5:
            tx = CloseEpochTx{e.currentEpoch()};
            break;
        case 6:
            tx = CloseMonthTx{e.currentMonth()};
            break;
        case 7: {
            const auto q = e.quote(QuoteRequest{QStringLiteral("FRA-2"), 1 + rng.bounded(5), e.currentMonth().plus(1), 3});
            tx = q ? Transaction(bookTx(QStringLiteral("FRA-2"), q->sizeTb, q->start, 3, q->total, e.nextNonce(kSp)))
                   : Transaction(CloseEpochTx{e.currentEpoch()});
            break;
        }
        case 8:
            tx = ClaimCompensationTx{kSp, 1 + rng.bounded(qMax<quint64>(1, e.bookingCount() + 1)), e.nextNonce(kSp), true, {}};
            break;
        default:
            tx = RegisterOracleTx{oracle(static_cast<int>(rng.bounded(5))), 0, true, {}};
            break;
        }
        (void)e.apply(tx);
        out.push_back(tx);
    }
    return out;
}

} // namespace

void TestEngineSla::replayIsDeterministic()
{
    const Engine start = slaEngine();
    const auto txs = randomMix(7, 400, start);
    Engine a = start, b = start;
    a.setRecordEvents(true);
    b.setRecordEvents(true);
    for (const Transaction &tx : txs) {
        const auto ra = a.apply(tx);
        const auto rb = b.apply(decodeTransaction(encodeTransaction(tx)).value());
        QCOMPARE(ra.ok(), rb.ok());
    }
    QCOMPARE(a.stateHash(), b.stateHash());
    QCOMPARE(a.computeStateDigest(), b.computeStateDigest());
    QCOMPARE(a.takeEvents().size(), b.takeEvents().size());
    QVERIFY(a.appliedCount() > 100);
}

void TestEngineSla::conservationUnderRandomMix()
{
    int claims = 0, slashes = 0;
    for (quint32 seed : {1u, 2u, 3u}) {
        Engine e = slaEngine();
        int applied = 0;
        for (const Transaction &tx : randomMix(seed, 600, e)) {
            const Snapshot before = snap(e);
            const auto r = e.apply(tx);
            if (r) {
                ++applied;
                claims += std::holds_alternative<ClaimCompensationTx>(tx);
                slashes += std::holds_alternative<CloseEpochTx>(tx) && r->amount > Amount();
            } else {
                QCOMPARE(e.computeStateDigest(), before.digest);
                QVERIFY(sameTotals(e.totals(), before.totals));
            }
            const auto ok = e.checkConservation();
            QVERIFY2(ok.ok(), qPrintable(ok.ok() ? QString() : ok.error().message));
        }
        QVERIFY(applied > 200);
    }
    // The mixes reach the interesting paths.
    QVERIFY(claims > 0);
    QVERIFY(slashes > 0);
}

// Three oracles' batches and the same reports as one SlaReportTx settle the epoch identically.
void TestEngineSla::batchDecidesLikeSeparateReports()
{
    Engine a = slaEngine();
    Engine b = slaEngine();
    const QList<std::pair<QString, SlaMetrics>> plan = {{kN1, kGood}, {kN2, kBad}, {kBooked, kBad}, {kSlashed, kGood}};
    for (int o = 0; o < 3; ++o) {
        SlaReportTx reports;
        reports.unsignedLocal = true;
        QList<std::pair<quint32, SlaMetrics>> entries;
        for (const auto &[node, m] : plan) {
            reports.reports.append(rep(node, a.currentEpoch(), m, o));
            entries.append({indexOf(b, node), m});
        }
        std::sort(entries.begin(), entries.end(), [](const auto &x, const auto &y) { return x.first < y.first; });
        QVERIFY(a.apply(reports).ok());
        const auto batch = b.apply(batchOf(b, o, entries));
        QVERIFY2(batch.ok(), batch.ok() ? "" : qPrintable(batch.error().message));
        QCOMPARE(batch->type, QStringLiteral("sla_batch"));
    }
    QVERIFY(closeEpoch(a).ok());
    QVERIFY(closeEpoch(b).ok());
    for (const NodeRec &n : a.network().nodes) {
        const auto x = a.slaNode(n.id), y = b.slaNode(n.id);
        QVERIFY(x && y);
        QCOMPARE(y->lastOutcome, x->lastOutcome);
        QCOMPARE(y->lastMedian, x->lastMedian);
        QCOMPARE(y->streak, x->streak);
        QCOMPARE(y->reliabilityPpm, x->reliabilityPpm);
    }
    QCOMPARE(b.slaNode(kN2)->lastOutcome, EpochOutcome::Breach);
    QCOMPARE(b.slaNode(kN1)->lastOutcome, EpochOutcome::Compliant);
    QVERIFY(sameTotals(a.totals(), b.totals()));
}

void TestEngineSla::batchRefusals_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    QTest::newRow("empty") << 0 << "sla.no_reports" << "packed";
    QTest::newRow("unknown oracle") << 1 << "sla.unknown_oracle" << "oracle";
    QTest::newRow("closed epoch") << 2 << "sla.epoch_closed" << "epoch";
    QTest::newRow("future epoch") << 3 << "sla.epoch_in_future" << "epoch";
    QTest::newRow("no such HN") << 4 << "sla.unknown_hn" << "packed[1].node";
    QTest::newRow("not ascending") << 5 << "sla.bad_batch" << "packed[1].node";
    QTest::newRow("availability over 100 %") << 6 << "sla.bad_values" << "packed[0].availabilityPpm";
    QTest::newRow("already reported") << 7 << "sla.duplicate_report" << "packed[0].node";
}

void TestEngineSla::batchRefusals()
{
    QFETCH(int, kind);
    QFETCH(QString, code);
    QFETCH(QString, field);
    Engine e = slaEngine();
    QVERIFY(closeEpoch(e).ok()); // so that an earlier epoch exists
    const quint32 n1 = indexOf(e, kN1), n2 = indexOf(e, kN2);
    const auto [lo, hi] = std::minmax(n1, n2);
    SlaBatchTx tx = batchOf(e, 0, {{lo, kGood}, {hi, kGood}});
    switch (kind) {
    case 0: tx.packed.clear(); break;
    case 1: tx.oracle = addr(999); break;
    case 2: tx.epoch -= 1; break;
    case 3: tx.epoch += 1; break;
    case 4: tx = batchOf(e, 0, {{lo, kGood}, {quint32(e.network().nodes.size()), kGood}}); break;
    case 5: tx = batchOf(e, 0, {{hi, kGood}, {lo, kGood}}); break;
    case 6: tx = batchOf(e, 0, {{lo, SlaMetrics{1'000'001, 10, 2'000}}}); break;
    case 7: QVERIFY(e.apply(SlaReportTx{{rep(e.network().nodes[lo].id, e.currentEpoch(), kGood, 0)}, true}).ok()); break;
    }
    expectRefused(e, tx, code, field);
}

void TestEngineSla::batchCodecRoundTripAndRefusals()
{
    Engine e = slaEngine();
    const SlaBatchTx tx = batchOf(e, 1, {{0, kGood}, {3, kBad}});
    const QByteArray bytes = encodeTransaction(tx);
    QVERIFY(bytes.size() <= 40 + 2 * SlaBatchTx::kEntryBytes); // a fixed head and 16 bytes a report
    const auto back = decodeTransaction(bytes);
    QVERIFY(back.ok());
    QCOMPARE(std::get<SlaBatchTx>(*back), tx);
    QCOMPARE(transactionTypeName(*back), QStringLiteral("sla_batch"));
    SlaBatchTx ragged = tx;
    ragged.packed.chop(3); // not whole entries
    const auto refused = decodeTransaction(encodeTransaction(ragged));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().field, QStringLiteral("packed"));
    QVERIFY(!decodeTransaction(bytes.left(bytes.size() - 1)).ok());
}

QTEST_GUILESS_MAIN(TestEngineSla)
#include "tst_enginesla.moc"
