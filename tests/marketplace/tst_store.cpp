#include "DemoNetwork.h"
#include "Engine.h"
#include "Market.h"
#include "NetworkGenerator.h"
#include "SnapshotJson.h"
#include "Store.h"

#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace icn;

namespace {

// A second, raw connection, as another program (or a damaged disk) would touch the file.
class RawDb
{
public:
    explicit RawDb(const QString &path) { sqlite3_open(path.toUtf8().constData(), &m_db); }
    ~RawDb() { sqlite3_close(m_db); }
    bool exec(const QByteArray &sql)
    {
        char *message = nullptr;
        const int rc = sqlite3_exec(m_db, sql.constData(), nullptr, nullptr, &message);
        if (message) {
            qWarning("%s", message);
            sqlite3_free(message);
        }
        return rc == SQLITE_OK;
    }
    bool insert(const char *sql, const QList<QVariant> &values)
    {
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(m_db, sql, -1, &st, nullptr) != SQLITE_OK)
            return false;
        QList<QByteArray> keep;
        for (int i = 0; i < values.size(); ++i) {
            const QVariant &v = values[i];
            if (v.typeId() == QMetaType::QByteArray) {
                keep.append(v.toByteArray());
                sqlite3_bind_blob(st, i + 1, keep.back().constData(), int(keep.back().size()), SQLITE_TRANSIENT);
            } else if (v.typeId() == QMetaType::QString) {
                keep.append(v.toString().toUtf8());
                sqlite3_bind_text(st, i + 1, keep.back().constData(), int(keep.back().size()), SQLITE_TRANSIENT);
            } else if (v.isNull()) {
                sqlite3_bind_null(st, i + 1);
            } else {
                sqlite3_bind_int64(st, i + 1, v.toLongLong());
            }
        }
        const bool ok = sqlite3_step(st) == SQLITE_DONE;
        sqlite3_finalize(st);
        return ok;
    }

private:
    sqlite3 *m_db = nullptr;
};

NetworkSnapshot smallNetwork()
{
    GeneratorOptions o;
    o.regions = 1;
    o.zonesPerRegion = 1;
    o.clustersPerZone = 2;
    o.nodesPerCluster = 4;
    o.serviceProviders = 2;
    return NetworkGenerator::generate(o);
}

LogRecord record(quint64 seq, QByteArray hash = QByteArray(32, '\x01'))
{
    LogRecord r;
    r.seq = seq;
    r.type = QStringLiteral("faucet");
    r.month = Month::fromYearMonth(2026, 11);
    r.tx = QByteArray("tx");
    r.receipt = QByteArray("receipt");
    r.stateHash = hash;
    return r;
}

} // namespace

class TestStore : public QObject
{
    Q_OBJECT

private slots:
    void everyConnectionSetsTheRequiredPragmas();
    void tablesAreStrict_data();
    void tablesAreStrict();
    void refusesAForeignDatabase();
    void refusesANewerSchema();
    void storesTheGenesisOnce();
    void appendIsAllOrNothing();
    void appendRecordsBookingsWithAmountsAsText();
    void migratesAVersionOneDatabase();
    void versionFiveDropsTheSpIndexAndStillFiltersBySp();

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("db%1.sqlite").arg(++m_n)); }
};

void TestStore::everyConnectionSetsTheRequiredPragmas()
{
    const QString path = freshPath();
    {
        auto store = Store::open(path);
        QVERIFY(store.ok());
    }
    auto store = Store::open(path); // a second connection to the existing file
    QVERIFY(store.ok());
    QCOMPARE(store->pragma(QStringLiteral("journal_mode")), QStringLiteral("wal"));
    QCOMPARE(store->pragma(QStringLiteral("synchronous")), QStringLiteral("2")); // FULL
    QCOMPARE(store->pragma(QStringLiteral("foreign_keys")), QStringLiteral("1"));
    QCOMPARE(store->pragma(QStringLiteral("secure_delete")), QStringLiteral("1"));
    QCOMPARE(store->pragma(QStringLiteral("application_id")).toLongLong(), qint64(Store::kApplicationId));
    QCOMPARE(store->schemaVersion(), Store::kSchemaVersion);
}

void TestStore::tablesAreStrict_data()
{
    QTest::addColumn<QString>("table");
    QTest::newRow("the genesis") << "genesis";
    QTest::newRow("the transaction log") << "tx_log";
    QTest::newRow("the bookings query table") << "bookings";
    QTest::newRow("the meta table") << "meta";
}

void TestStore::tablesAreStrict()
{
    QFETCH(QString, table);
    auto store = Store::open(freshPath());
    QVERIFY(store.ok());
    // PRAGMA table_list's columns: schema, name, type, ncol, wr, strict.
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(store->path().toUtf8().constData(), &db), SQLITE_OK);
    sqlite3_stmt *st = nullptr;
    QCOMPARE(sqlite3_prepare_v2(db, "SELECT strict FROM pragma_table_list WHERE name = ?", -1, &st, nullptr), SQLITE_OK);
    const QByteArray name = table.toUtf8();
    sqlite3_bind_text(st, 1, name.constData(), int(name.size()), SQLITE_TRANSIENT);
    QCOMPARE(sqlite3_step(st), SQLITE_ROW);
    QCOMPARE(sqlite3_column_int(st, 0), 1);
    sqlite3_finalize(st);
    sqlite3_close(db);
}

void TestStore::refusesAForeignDatabase()
{
    const QString path = freshPath();
    {
        RawDb raw(path);
        QVERIFY(raw.exec("CREATE TABLE photos (id INTEGER PRIMARY KEY)"));
    }
    const auto store = Store::open(path);
    QVERIFY(!store.ok());
    QCOMPARE(store.error().code, QStringLiteral("store.not_icn_database"));
}

void TestStore::refusesANewerSchema()
{
    const QString path = freshPath();
    {
        auto store = Store::open(path);
        QVERIFY(store.ok());
    }
    {
        RawDb raw(path);
        QVERIFY(raw.exec("PRAGMA user_version = 99"));
    }
    const auto store = Store::open(path);
    QVERIFY(!store.ok());
    QCOMPARE(store.error().code, QStringLiteral("store.newer_schema"));
}

void TestStore::storesTheGenesisOnce()
{
    auto store = Store::open(freshPath());
    QVERIFY(store.ok());
    QVERIFY(!store->hasGenesis());
    QCOMPARE(store->readGenesis().error().code, QStringLiteral("store.not_initialized"));
    const NetworkSnapshot s = smallNetwork();
    QVERIFY(store->writeGenesis(s, QByteArray(32, 'g')).ok());
    QVERIFY(store->hasGenesis());
    QCOMPARE(*store->readGenesis(), s);
    QCOMPARE(*SnapshotJson::fromJson(*store->genesisJson()), s);
    QCOMPARE(*store->genesisHash(), QByteArray(32, 'g'));
    const auto again = store->writeGenesis(s, QByteArray(32, 'h'));
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, QStringLiteral("store.already_initialized"));
    QCOMPARE(*store->genesisHash(), QByteArray(32, 'g'));
}

void TestStore::appendIsAllOrNothing()
{
    auto store = Store::open(freshPath());
    QVERIFY(store.ok());
    QVERIFY(store->append({record(1), record(2)}).ok());
    QCOMPARE(store->lastSeq(), quint64(2));
    // The third record breaks a constraint (a 31-byte state hash): the whole batch is refused.
    const auto bad = store->append({record(3), record(4), record(5, QByteArray(31, 'x'))});
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, QStringLiteral("store.sql_failed"));
    QCOMPARE(store->lastSeq(), quint64(2));
    // A duplicate sequence number is refused too, and the store still accepts the next batch.
    QVERIFY(!store->append({record(2)}).ok());
    QVERIFY(store->append({record(3)}).ok());
    QCOMPARE(store->lastSeq(), quint64(3));
    QList<quint64> seen;
    QVERIFY(store->forEachLogEntry([&](const LogView &v) -> Result<void> {
        seen.append(v.seq);
        return {};
    }).ok());
    QCOMPARE(seen, (QList<quint64>{1, 2, 3}));
}

void TestStore::appendRecordsBookingsWithAmountsAsText()
{
    auto store = Store::open(freshPath());
    QVERIFY(store.ok());
    LogRecord r = record(1);
    r.booking = BookingRow{7, 1, QStringLiteral("0x9858EfFD232B4033E47d90003D41EC34EcaEda94"), QStringLiteral("FRA-1"),
                           QStringLiteral("FRA-1"), 1000, Month::fromYearMonth(2026, 12), 1,
                           Amount::fromIcnt(2800), Amount::fromIcnt(700), Amount::fromIcnt(3500)};
    QVERIFY(store->append({r}).ok());
    const auto rows = store->bookings();
    QVERIFY(rows.ok());
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->front().total, Amount::fromIcnt(3500));
    QCOMPARE(rows->front().sizeTb, 1000);
    // A booking row must point at a log entry (foreign key).
    LogRecord orphan = record(2);
    orphan.booking = r.booking;
    orphan.booking->id = 8;
    QVERIFY(store->append({orphan}).ok());
    QCOMPARE(*store->foreignKeyViolations(), 0);
    // Amounts are TEXT holding base units (README "Money").
    RawDb raw(store->path());
    sqlite3 *db = nullptr;
    sqlite3_open(store->path().toUtf8().constData(), &db);
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2(db, "SELECT typeof(total), total FROM bookings WHERE id = 7", -1, &st, nullptr);
    QCOMPARE(sqlite3_step(st), SQLITE_ROW);
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(st, 0))), QByteArray("text"));
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(st, 1))), QByteArray("3500000000000000000000"));
    sqlite3_finalize(st);
    sqlite3_close(db);
}

// A database written by schema version 1 (no bookings table, no binary genesis) is migrated on
// open, its bookings table refilled from the replayed log, and its state is unchanged.
void TestStore::migratesAVersionOneDatabase()
{
    const NetworkSnapshot genesis = DemoNetwork::snapshot();
    auto engine = Engine::create(genesis);
    QVERIFY(engine.ok());
    const Address sp = *Address::parse(DemoNetwork::demoSpAddress());
    QList<Transaction> txs{FaucetTx{sp, Amount::fromIcnt(5)}};
    for (const char *scope : {"FRA-1", "EUW-AMS", "USE"}) {
        const auto q = engine->quote({QString::fromLatin1(scope), 10, genesis.currentMonth.plus(1), 3});
        QVERIFY(q.ok());
        BookTx b;
        b.sp = sp;
        b.scope = QString::fromLatin1(scope);
        b.sizeTb = 10;
        b.startMonth = genesis.currentMonth.plus(1);
        b.months = 3;
        b.quotedTotal = q->total;
        b.deadline = genesis.currentMonth;
        b.unsignedLocal = true;
        b.nonce = quint64(txs.size() - 1); // the faucet does not use the SP's nonce
        txs.append(b);
    }
    txs.append(CloseMonthTx{genesis.currentMonth});

    QTemporaryDir dir;
    const QString path = Market::databasePath(dir.path());
    {
        RawDb raw(path);
        QVERIFY(raw.exec("PRAGMA journal_mode=WAL; PRAGMA application_id=" + QByteArray::number(Store::kApplicationId) + ";"));
        QVERIFY(raw.exec(R"sql(
            CREATE TABLE genesis (id INTEGER PRIMARY KEY CHECK (id = 1), name TEXT NOT NULL, json BLOB NOT NULL,
                                  genesis_hash BLOB NOT NULL) STRICT;
            CREATE TABLE tx_log (seq INTEGER PRIMARY KEY CHECK (seq > 0), type TEXT NOT NULL, signer TEXT,
                                 signed INTEGER NOT NULL CHECK (signed IN (0, 1)), month TEXT NOT NULL, epoch INTEGER NOT NULL,
                                 tx BLOB NOT NULL, receipt BLOB NOT NULL, state_hash BLOB NOT NULL CHECK (length(state_hash) = 32)) STRICT;
            PRAGMA user_version = 1;)sql"));
        QVERIFY(raw.insert("INSERT INTO genesis VALUES (1, ?, ?, ?)",
                           {genesis.name, SnapshotJson::toJson(genesis), engine->genesisHash()}));
        for (const Transaction &tx : txs) {
            const Month month = engine->currentMonth();
            const auto receipt = engine->apply(tx);
            QVERIFY2(receipt.ok(), qPrintable(receipt.ok() ? QString() : receipt.error().message));
            QVERIFY(raw.insert("INSERT INTO tx_log VALUES (?, ?, ?, 0, ?, 0, ?, ?, ?)",
                               {qint64(receipt->sequence), transactionTypeName(tx), QVariant(), month.toString(),
                                encodeTransaction(tx), encodeReceipt(*receipt), receipt->stateHash}));
        }
    }
    auto market = Market::open(dir.path());
    QVERIFY2(market.ok(), qPrintable(market.ok() ? QString() : market.error().message));
    QCOMPARE(market->store().schemaVersion(), Store::kSchemaVersion);
    QCOMPARE(market->engine().stateHash(), engine->stateHash());
    QCOMPARE(market->store().bookingRowCount(), 3);
    QVERIFY(!market->store().needsBookingBackfill());
    const auto rows = market->store().bookings();
    QCOMPARE(rows->at(1).scope, QStringLiteral("EUW-AMS"));
    QCOMPARE(rows->at(1).seq, quint64(3));
    const CheckReport report = market->check();
    QVERIFY2(report.ok, qPrintable(report.problems.join(QLatin1Char(' '))));
}

namespace {
int indexCount(const QString &path, const char *name)
{
    sqlite3 *db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?", -1, &st, nullptr);
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    const int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
}
} // namespace

// v5 drops the SP index on bookings (its random keys made every batch rewrite an index page per
// booking). A v4 file that has it loses it on open; a fresh file never keeps it; the filter by SP
// still returns exactly that SP's bookings.
void TestStore::versionFiveDropsTheSpIndexAndStillFiltersBySp()
{
    const QString path = freshPath();
    {
        auto store = Store::open(path);
        QVERIFY(store.ok());
        const auto booking = [](quint64 id, const char *sp) {
            LogRecord r = record(id);
            r.booking = BookingRow{id, id, QString::fromLatin1(sp), QStringLiteral("FRA-1"), QStringLiteral("FRA-1"), 10,
                                   Month::fromYearMonth(2026, 12), 1, Amount::fromIcnt(28), Amount::fromIcnt(7), Amount::fromIcnt(35)};
            return r;
        };
        QVERIFY(store->append({booking(1, "0x00000000000000000000000000000000000000aa"),
                               booking(2, "0x00000000000000000000000000000000000000bb"),
                               booking(3, "0x00000000000000000000000000000000000000aa")})
                    .ok());
    }
    QCOMPARE(indexCount(path, "bookings_by_sp"), 0);
    {
        RawDb raw(path); // as a version 4 database left it
        QVERIFY(raw.exec("CREATE INDEX bookings_by_sp ON bookings(sp); PRAGMA user_version = 4;"));
    }
    QCOMPARE(indexCount(path, "bookings_by_sp"), 1);
    auto store = Store::open(path);
    QVERIFY(store.ok());
    QCOMPARE(store->schemaVersion(), 5);
    QCOMPARE(indexCount(path, "bookings_by_sp"), 0);
    const auto mine = store->bookings(QStringLiteral("0x00000000000000000000000000000000000000aa"));
    QVERIFY(mine.ok());
    QCOMPARE(mine->size(), 2);
    QCOMPARE(mine->at(0).id, quint64(1));
    QCOMPARE(mine->at(1).id, quint64(3));
    QCOMPARE(store->bookings()->size(), 3);
    QCOMPARE(store->bookings(QStringLiteral("0x00000000000000000000000000000000000000cc"))->size(), 0);
    QCOMPARE(*store->foreignKeyViolations(), 0);
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
