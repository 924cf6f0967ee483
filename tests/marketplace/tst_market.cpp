#include "BookingTypedData.h"
#include "DemoNetwork.h"
#include "Hex.h"
#include "Keccak.h"
#include "Market.h"
#include "NetworkGenerator.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <sqlite3.h>

using namespace icn;

namespace {

// m/44'/60'/0'/0/0 of the public test mnemonic "abandon … about": the demo SP's key.
const char *const kDemoKeyHex = "1ab42cc412b618bdea3a599e3c9bae199ebf030895b039e9db1e30dafb12b727";

Address demoSp()
{
    return *Address::parse(DemoNetwork::demoSpAddress());
}

BookTx unsignedBooking(const Engine &e, const QString &scope, qint64 sizeTb, qint32 months = 3)
{
    BookTx b;
    b.sp = demoSp();
    b.scope = scope;
    b.sizeTb = sizeTb;
    b.startMonth = e.currentMonth().plus(1);
    b.months = months;
    const auto q = e.quote({scope, sizeTb, b.startMonth, months});
    b.quotedTotal = q ? q->total : Amount::fromIcnt(1);
    b.nonce = e.nextNonce(b.sp);
    b.deadline = e.currentMonth();
    b.unsignedLocal = true;
    return b;
}

bool rawExec(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    const bool ok = sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

} // namespace

class TestMarket : public QObject
{
    Q_OBJECT

private slots:
    void reopeningRebuildsTheSameState();
    void refusedTransactionsChangeNothing_data();
    void refusedTransactionsChangeNothing();
    void signedBookingIsVerifiedAndPersisted();
    void batchPersistsTheAppliedTransactionsTogether();
    void failedCommitRebuildsTheEngineFromTheStore();
    void checkFindsATamperedLog();
    void openFindsATamperedReceipt();
    void checkFindsATamperedBookingRow();
    void initialisesOnlyOnce();
    void openingAnEmptyFolderIsRefused();
    void survivesBeingKilledAtRandomMoments();

private:
    static Market demoMarket(const QTemporaryDir &dir);
};

Market TestMarket::demoMarket(const QTemporaryDir &dir)
{
    auto m = Market::create(dir.path(), DemoNetwork::snapshot());
    Q_ASSERT(m.ok());
    return std::move(*m);
}

void TestMarket::reopeningRebuildsTheSameState()
{
    QTemporaryDir dir;
    QByteArray hash;
    quint64 applied = 0;
    {
        Market m = demoMarket(dir);
        QVERIFY(m.submit(FaucetTx{demoSp(), Amount::fromIcnt(10)}).ok());
        for (const char *scope : {"FRA-1", "EUW-AMS", "APS", "FRA-3"})
            QVERIFY(m.submit(unsignedBooking(m.engine(), QString::fromLatin1(scope), 5)).ok());
        QVERIFY(m.submit(CloseMonthTx{m.engine().currentMonth()}).ok());
        QVERIFY(m.submit(unsignedBooking(m.engine(), QStringLiteral("USE"), 7)).ok());
        hash = m.engine().stateHash();
        applied = m.engine().appliedCount();
        QCOMPARE(m.store().lastSeq(), applied);
    }
    auto reopened = Market::open(dir.path());
    QVERIFY(reopened.ok());
    QCOMPARE(reopened->engine().stateHash(), hash);
    QCOMPARE(reopened->engine().appliedCount(), applied);
    QCOMPARE(reopened->engine().bookings(demoSp()).size(), 5);
    QCOMPARE(reopened->store().bookingRowCount(), 5);
    const CheckReport report = reopened->check();
    QVERIFY2(report.ok, qPrintable(report.problems.join(QLatin1Char(' '))));
    QCOMPARE(report.replayed, applied);
    QVERIFY(report.memoryMatchesStore && report.conservationOk && report.genesisConsistent);
}

void TestMarket::refusedTransactionsChangeNothing_data()
{
    QTest::addColumn<QString>("scope");
    QTest::addColumn<qint64>("sizeTb");
    QTest::addColumn<QString>("tamper");
    QTest::addColumn<QString>("code");
    QTest::newRow("an unknown scope") << "MARS-1" << qint64(1) << "" << "booking.unknown_scope";
    QTest::newRow("more than the cluster holds") << "FRA-2" << qint64(100'000) << "" << "booking.insufficient_capacity";
    QTest::newRow("a stale quoted total") << "FRA-1" << qint64(10) << "price" << "booking.price_changed";
    QTest::newRow("a replayed nonce") << "FRA-1" << qint64(10) << "nonce" << "booking.bad_nonce";
    QTest::newRow("a forged signature") << "FRA-1" << qint64(10) << "signature" << "booking.bad_signature";
}

void TestMarket::refusedTransactionsChangeNothing()
{
    QFETCH(QString, scope);
    QFETCH(qint64, sizeTb);
    QFETCH(QString, tamper);
    QFETCH(QString, code);
    QTemporaryDir dir;
    Market m = demoMarket(dir);
    QVERIFY(m.submit(FaucetTx{demoSp(), Amount::fromIcnt(1)}).ok());
    BookTx b = unsignedBooking(m.engine(), scope, sizeTb);
    if (tamper == QLatin1String("price"))
        b.quotedTotal = *b.quotedTotal.sub(Amount::fromIcnt(1));
    if (tamper == QLatin1String("nonce"))
        b.nonce += 5;
    if (tamper == QLatin1String("signature")) {
        b.unsignedLocal = false;
        b.signature = QByteArray(65, '\x07');
    }
    const QByteArray before = m.engine().stateHash();
    const auto r = m.submit(b);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, code);
    QCOMPARE(m.engine().stateHash(), before);
    QCOMPARE(m.store().lastSeq(), quint64(1));
    QCOMPARE(m.store().bookingRowCount(), 0);
}

void TestMarket::signedBookingIsVerifiedAndPersisted()
{
    QTemporaryDir dir;
    QByteArray hash;
    {
        Market m = demoMarket(dir);
        const Engine &e = m.engine();
        const auto q = e.quote({QStringLiteral("FRA-1"), 100, e.currentMonth().plus(1), 3});
        QVERIFY(q.ok());
        const BookingRequest request{demoSp(), QStringLiteral("FRA-1"), 100, e.currentMonth().plus(1), 3, q->total,
                                     e.nextNonce(demoSp()), e.currentMonth()};
        auto key = fromHex(QString::fromLatin1(kDemoKeyHex), 32);
        QVERIFY(key.ok());
        const auto tx = signBooking(request, SecureBytes::takeFrom(*key));
        QVERIFY2(tx.ok(), qPrintable(tx.ok() ? QString() : tx.error().message));
        const auto receipt = m.submit(*tx);
        QVERIFY2(receipt.ok(), qPrintable(receipt.ok() ? QString() : receipt.error().message));
        QCOMPARE(receipt->amount, q->total);
        const auto log = m.store().logEntries(1, 10);
        QCOMPARE(log->size(), 1);
        QVERIFY(log->front().isSigned);
        QCOMPARE(log->front().signer, DemoNetwork::demoSpAddress().toLower());
        QCOMPARE(log->front().type, QStringLiteral("book"));
        QVERIFY(log->front().booking.has_value());
        QCOMPARE(log->front().booking->total, q->total);
        QCOMPARE(log->front().booking->seq, quint64(1));
        QCOMPARE(m.store().bookings(DemoNetwork::demoSpAddress().toLower())->size(), 1);
        QCOMPARE(m.store().bookings(QStringLiteral("0x0000000000000000000000000000000000000001"))->size(), 0);
        hash = e.stateHash();
    }
    auto reopened = Market::open(dir.path());
    QVERIFY(reopened.ok());
    QCOMPARE(reopened->engine().stateHash(), hash);
}

void TestMarket::batchPersistsTheAppliedTransactionsTogether()
{
    QTemporaryDir dir;
    Market m = demoMarket(dir);
    QList<Transaction> txs;
    txs.append(FaucetTx{demoSp(), Amount::fromIcnt(3)});
    txs.append(unsignedBooking(m.engine(), QStringLiteral("FRA-1"), 2));
    BookTx nowhere = unsignedBooking(m.engine(), QStringLiteral("NOWHERE"), 2); // refused in its slot
    nowhere.nonce = 1; // after the first booking
    txs.append(nowhere);
    BookTx next = unsignedBooking(m.engine(), QStringLiteral("FRA-3"), 2);
    next.nonce = 1; // the refused one did not use it
    txs.append(next);
    const auto results = m.submitBatch(txs);
    QCOMPARE(results.size(), 4);
    QVERIFY(results[0].ok() && results[1].ok() && results[3].ok());
    QCOMPARE(results[2].error().code, QStringLiteral("booking.unknown_scope"));
    QCOMPARE(m.store().lastSeq(), quint64(3));
    QCOMPARE(m.store().bookingRowCount(), 2);
    QVERIFY(m.check().ok);
}

void TestMarket::failedCommitRebuildsTheEngineFromTheStore()
{
    QTemporaryDir dir;
    Market m = demoMarket(dir);
    QVERIFY(m.submit(FaucetTx{demoSp(), Amount::fromIcnt(1)}).ok());
    const QByteArray before = m.engine().stateHash();
    // Another connection makes every bookings insert fail: the engine has applied the booking
    // in memory when the SQL transaction is refused.
    QVERIFY(rawExec(m.store().path(), "CREATE TRIGGER refuse BEFORE INSERT ON bookings BEGIN SELECT RAISE(ABORT, 'injected'); END;"));
    const auto r = m.submit(unsignedBooking(m.engine(), QStringLiteral("FRA-1"), 3));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("store.sql_failed"));
    QCOMPARE(m.engine().stateHash(), before);
    QCOMPARE(m.engine().appliedCount(), quint64(1));
    QCOMPARE(m.engine().bookings().size(), 0);
    QCOMPARE(m.store().lastSeq(), quint64(1));
    QVERIFY(rawExec(m.store().path(), "DROP TRIGGER refuse;"));
    QVERIFY(m.submit(unsignedBooking(m.engine(), QStringLiteral("FRA-1"), 3)).ok());
    QVERIFY(m.check().ok);
}

void TestMarket::checkFindsATamperedLog()
{
    QTemporaryDir dir;
    {
        Market m = demoMarket(dir);
        for (int i = 0; i < 3; ++i)
            QVERIFY(m.submit(FaucetTx{demoSp(), Amount::fromIcnt(i + 1)}).ok());
        QVERIFY(m.check().ok);
        QVERIFY(rawExec(m.store().path(), "UPDATE tx_log SET state_hash = zeroblob(32) WHERE seq = 2;"));
        const CheckReport report = m.check();
        QVERIFY(!report.ok);
        QCOMPARE(report.firstMismatchSeq, quint64(2));
        QVERIFY(!m.verifyReplay().ok());
    }
    const auto reopened = Market::open(dir.path());
    QVERIFY(!reopened.ok());
    QCOMPARE(reopened.error().code, QStringLiteral("store.replay_mismatch"));
}

// The opening replay checks the stored receipts too (the log's hash chain is verified on the
// stored tx and receipt bytes by the pipeline's worker; the engine compares its own receipts): a
// receipt changed in place, even with the chain recomputed over it, is found at its entry.
void TestMarket::openFindsATamperedReceipt()
{
    QTemporaryDir dir;
    QByteArray lastHash;
    {
        Market m = demoMarket(dir);
        for (int i = 0; i < 3; ++i)
            QVERIFY(m.submit(FaucetTx{demoSp(), Amount::fromIcnt(i + 1)}).ok());
        QVERIFY(m.submit(unsignedBooking(m.engine(), QStringLiteral("FRA-1"), 3)).ok());
        lastHash = m.engine().stateHash();
    }
    {
        const auto reopened = Market::open(dir.path());
        QVERIFY(reopened.ok());
        QCOMPARE(reopened->engine().stateHash(), lastHash); // the adopted hash is the chain's last
        QCOMPARE(reopened->engine().appliedCount(), quint64(4));
        QVERIFY(reopened->check().ok);
    }
    // Re-chain the log over a receipt whose last byte is flipped: the stored hashes all follow.
    {
        auto store = Store::open(Market::databasePath(dir.path()));
        QVERIFY(store.ok());
        const auto entries = store->logEntries(1, 4);
        QVERIFY(entries.ok());
        QByteArray h = *store->genesisHash();
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(store->path().toUtf8().constData(), &db), SQLITE_OK);
        for (LogRecord r : *entries) {
            if (r.seq == 4)
                r.receipt[r.receipt.size() - 1] = char(r.receipt.back() ^ 1);
            h = keccak256(h + r.tx + r.receipt);
            sqlite3_stmt *st = nullptr;
            sqlite3_prepare_v2(db, "UPDATE tx_log SET receipt = ?, state_hash = ? WHERE seq = ?", -1, &st, nullptr);
            sqlite3_bind_blob(st, 1, r.receipt.constData(), int(r.receipt.size()), SQLITE_TRANSIENT);
            sqlite3_bind_blob(st, 2, h.constData(), int(h.size()), SQLITE_TRANSIENT);
            sqlite3_bind_int64(st, 3, qint64(r.seq));
            QCOMPARE(sqlite3_step(st), SQLITE_DONE);
            sqlite3_finalize(st);
        }
        sqlite3_close(db);
    }
    const auto reopened = Market::open(dir.path());
    QVERIFY(!reopened.ok());
    QCOMPARE(reopened.error().code, QStringLiteral("store.replay_mismatch"));
    QCOMPARE(reopened.error().details.value(QStringLiteral("seq")).toULongLong(), quint64(4));
}

void TestMarket::checkFindsATamperedBookingRow()
{
    QTemporaryDir dir;
    Market m = demoMarket(dir);
    QVERIFY(m.submit(unsignedBooking(m.engine(), QStringLiteral("FRA-1"), 4)).ok());
    QVERIFY(m.check().ok);
    QVERIFY(rawExec(m.store().path(), "UPDATE bookings SET total = '1' WHERE id = 1;"));
    const CheckReport report = m.check();
    QVERIFY(!report.ok);
    QCOMPARE(report.problems.size(), 1);
    QVERIFY(report.problems.front().contains(QStringLiteral("bookings table")));
}

void TestMarket::initialisesOnlyOnce()
{
    QTemporaryDir dir;
    {
        Market m = demoMarket(dir);
        QVERIFY(m.submit(FaucetTx{demoSp(), Amount::fromIcnt(1)}).ok());
    }
    const auto again = Market::create(dir.path(), DemoNetwork::snapshot());
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, QStringLiteral("store.already_initialized"));
    QCOMPARE(Market::open(dir.path())->engine().appliedCount(), quint64(1));

    NetworkSnapshot bad = DemoNetwork::snapshot();
    bad.nodes[3].reservationPrice = Amount::fromIcnt(50);
    QTemporaryDir other;
    const auto refused = Market::create(other.path(), bad);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, QStringLiteral("snapshot.price_above_cap"));
    QVERIFY(!QFile::exists(Market::databasePath(other.path())));
}

void TestMarket::openingAnEmptyFolderIsRefused()
{
    QTemporaryDir dir;
    const auto m = Market::open(dir.path());
    QVERIFY(!m.ok());
    QCOMPARE(m.error().code, QStringLiteral("market.not_initialized"));
    QVERIFY(!QFile::exists(Market::databasePath(dir.path())));
}

// A child applies bookings in a loop and prints each acknowledged commit; it is killed with
// SIGKILL at random moments. Every acknowledged booking must survive and `check` must pass.
void TestMarket::survivesBeingKilledAtRandomMoments()
{
    QTemporaryDir dir;
    { demoMarket(dir); }
    QRandomGenerator random(QRandomGenerator::global()->generate());
    quint64 acknowledgedSeq = 0;
    QList<quint64> acknowledgedBookings;
    for (int round = 0; round < 5; ++round) {
        QProcess child;
        child.start(QStringLiteral(MARKET_CRASH_CHILD), {dir.path()});
        QVERIFY(child.waitForStarted());
        QVERIFY2(child.waitForReadyRead(30'000), "the child printed nothing");
        const int delay = 20 + int(random.bounded(400));
        QThread::msleep(delay);
        child.kill(); // SIGKILL
        QVERIFY(child.waitForFinished());
        const QList<QByteArray> lines = child.readAllStandardOutput().split('\n');
        int acks = 0;
        for (const QByteArray &line : lines) {
            const QList<QByteArray> f = line.split(' ');
            if (f.size() == 3 && f[0] == "ack") {
                acknowledgedSeq = qMax(acknowledgedSeq, f[1].toULongLong());
                acknowledgedBookings.append(f[2].toULongLong());
                ++acks;
            }
        }
        qInfo("round %d: killed after %d ms, %d acknowledged commits", round + 1, delay, acks);

        auto m = Market::open(dir.path());
        QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : m.error().message));
        QVERIFY(m->engine().appliedCount() >= acknowledgedSeq);
        for (quint64 id : acknowledgedBookings)
            QVERIFY2(m->engine().booking(id).has_value(), qPrintable(QStringLiteral("booking %1 lost").arg(id)));
        const CheckReport report = m->check();
        QVERIFY2(report.ok, qPrintable(report.problems.join(QLatin1Char(' '))));
    }
    QVERIFY2(!acknowledgedBookings.isEmpty(), "the child never got a booking committed");
}

QTEST_GUILESS_MAIN(TestMarket)
#include "tst_market.moc"
