#include "Store.h"

#include "SnapshotBinary.h"
#include "SnapshotJson.h"
#include "StoreHistory.h"

#include <QCoreApplication>

#include <sqlite3.h>

#include <utility>

namespace icn {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Store", text);
}

// Schema history. A fresh database runs every step, so new and migrated files are identical.
// Never edit a step once shipped: add the next one.
const char *const kSchemaV1 = R"sql(
CREATE TABLE genesis (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    json BLOB NOT NULL,
    genesis_hash BLOB NOT NULL
) STRICT;
CREATE TABLE tx_log (
    seq INTEGER PRIMARY KEY CHECK (seq > 0),
    type TEXT NOT NULL,
    signer TEXT,
    signed INTEGER NOT NULL CHECK (signed IN (0, 1)),
    month TEXT NOT NULL,
    epoch INTEGER NOT NULL,
    tx BLOB NOT NULL,
    receipt BLOB NOT NULL,
    state_hash BLOB NOT NULL CHECK (length(state_hash) = 32)
) STRICT;
)sql";

const char *const kSchemaV2 = R"sql(
ALTER TABLE genesis ADD COLUMN snapshot_bin BLOB;
CREATE TABLE bookings (
    seq INTEGER PRIMARY KEY REFERENCES tx_log(seq),
    id INTEGER NOT NULL UNIQUE,
    sp TEXT NOT NULL,
    scope TEXT NOT NULL,
    cluster TEXT NOT NULL,
    size_tb INTEGER NOT NULL CHECK (size_tb > 0),
    start_month TEXT NOT NULL,
    months INTEGER NOT NULL CHECK (months > 0),
    hp_cost TEXT NOT NULL,
    margin TEXT NOT NULL,
    total TEXT NOT NULL
) STRICT;
CREATE INDEX bookings_by_sp ON bookings(sp);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
)sql";

// History for analysts (StoreHistory.cpp).
const char *const kSchemaV3 = kHistorySchema;
const char *const kSchemaV4 = kHistorySchemaV4;
// The SP index on bookings goes: its keys land at random pages, so every batch of bookings
// rewrote about one index page per booking into the WAL (3.6 times the cost of the rest of the
// rows). Nothing in the app reads bookings by SP from SQL: the mirror answers from memory, and a
// tool's `WHERE sp = ?` over 10^6 rows is a scan of a fraction of a second.
const char *const kSchemaV5 = "DROP INDEX IF EXISTS bookings_by_sp;";

QByteArrayView blobOf(sqlite3_stmt *st, int col)
{
    const void *p = sqlite3_column_blob(st, col);
    return QByteArrayView(static_cast<const char *>(p), sqlite3_column_bytes(st, col));
}

QString textOf(sqlite3_stmt *st, int col)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, col)), sqlite3_column_bytes(st, col));
}

// Finalizes a statement when it leaves scope.
struct Finalizer
{
    sqlite3_stmt *st;
    ~Finalizer() { sqlite3_finalize(st); }
};

// Binds and runs the prepared bookings insert; the texts live until the step is done.
bool insertBooking(sqlite3_stmt *st, const BookingRow &b, quint64 seq)
{
    const QByteArray sp = b.sp.toUtf8(), scope = b.scope.toUtf8(), cluster = b.clusterId.toUtf8(),
                     start = b.start.toString().toUtf8(), hp = b.hpCost.toStorage().toUtf8(),
                     margin = b.margin.toStorage().toUtf8(), total = b.total.toStorage().toUtf8();
    sqlite3_bind_int64(st, 1, qint64(b.id));
    sqlite3_bind_int64(st, 2, qint64(seq));
    sqlite3_bind_text(st, 3, sp.constData(), int(sp.size()), SQLITE_STATIC);
    sqlite3_bind_text(st, 4, scope.constData(), int(scope.size()), SQLITE_STATIC);
    sqlite3_bind_text(st, 5, cluster.constData(), int(cluster.size()), SQLITE_STATIC);
    sqlite3_bind_int64(st, 6, b.sizeTb);
    sqlite3_bind_text(st, 7, start.constData(), int(start.size()), SQLITE_STATIC);
    sqlite3_bind_int(st, 8, b.months);
    sqlite3_bind_text(st, 9, hp.constData(), int(hp.size()), SQLITE_STATIC);
    sqlite3_bind_text(st, 10, margin.constData(), int(margin.size()), SQLITE_STATIC);
    sqlite3_bind_text(st, 11, total.constData(), int(total.size()), SQLITE_STATIC);
    const bool done = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_reset(st);
    return done;
}

// The ten booking columns id, sp, scope, cluster, size_tb, start_month, months, hp_cost, margin,
// total, starting at column `c`.
Result<BookingRow> bookingFrom(sqlite3_stmt *st, int c, quint64 seq)
{
    BookingRow b;
    b.id = quint64(sqlite3_column_int64(st, c));
    b.seq = seq;
    b.sp = textOf(st, c + 1);
    b.scope = textOf(st, c + 2);
    b.clusterId = textOf(st, c + 3);
    b.sizeTb = sqlite3_column_int64(st, c + 4);
    const auto start = Month::parse(textOf(st, c + 5));
    b.months = sqlite3_column_int(st, c + 6);
    const auto hp = Amount::fromStorage(textOf(st, c + 7));
    const auto margin = Amount::fromStorage(textOf(st, c + 8));
    const auto total = Amount::fromStorage(textOf(st, c + 9));
    if (!start || !hp || !margin || !total)
        return Error::make(QStringLiteral("store.bad_row"), QCoreApplication::translate("Store", "Booking %1 has a damaged row.").arg(b.id));
    b.start = *start;
    b.hpCost = *hp;
    b.margin = *margin;
    b.total = *total;
    return b;
}

} // namespace

Store::Store(Store &&other) noexcept
    : m_path(std::move(other.m_path)), m_db(std::exchange(other.m_db, nullptr)),
      m_insertLog(std::exchange(other.m_insertLog, nullptr)), m_insertBooking(std::exchange(other.m_insertBooking, nullptr)),
      m_history(std::move(other.m_history))
{
}

Store &Store::operator=(Store &&other) noexcept
{
    if (this != &other) {
        close();
        m_path = std::move(other.m_path);
        m_db = std::exchange(other.m_db, nullptr);
        m_insertLog = std::exchange(other.m_insertLog, nullptr);
        m_insertBooking = std::exchange(other.m_insertBooking, nullptr);
        m_history = std::move(other.m_history);
    }
    return *this;
}

Store::~Store()
{
    close();
}

void Store::close()
{
    sqlite3_finalize(m_insertLog);
    sqlite3_finalize(m_insertBooking);
    m_insertLog = m_insertBooking = nullptr;
    m_history.reset();
    if (m_db)
        sqlite3_close_v2(m_db);
    m_db = nullptr;
}

Error Store::sqlError(const QString &what) const
{
    const QString why = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : tr("no database");
    return Error::make(QStringLiteral("store.sql_failed"), tr("%1: %2").arg(what, why), {},
                       {{QStringLiteral("sqlite"), why}, {QStringLiteral("code"), m_db ? sqlite3_extended_errcode(m_db) : 0}});
}

Result<void> Store::exec(const char *sql) const
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        const QString why = QString::fromUtf8(message ? message : "");
        sqlite3_free(message);
        return Error::make(QStringLiteral("store.sql_failed"), tr("SQL failed: %1").arg(why), {}, {{QStringLiteral("sqlite"), why}});
    }
    return {};
}

Result<void> Store::beginReadSnapshot() const
{
    // A deferred BEGIN takes its snapshot at the first read: read once at once.
    if (auto ok = exec("BEGIN DEFERRED; SELECT count(*) FROM meta;"); !ok)
        return ok;
    return {};
}

Result<sqlite3_stmt *> Store::prepare(const char *sql) const
{
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, nullptr) != SQLITE_OK)
        return sqlError(tr("Preparing a statement failed"));
    return st;
}

QString Store::pragma(const QString &name) const
{
    const QByteArray sql = "PRAGMA " + name.toUtf8();
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.constData(), -1, &st, nullptr) != SQLITE_OK)
        return {};
    Finalizer f{st};
    return sqlite3_step(st) == SQLITE_ROW ? textOf(st, 0) : QString();
}

int Store::schemaVersion() const
{
    return pragma(QStringLiteral("user_version")).toInt();
}

Result<Store> Store::open(const QString &path)
{
    Store s;
    s.m_path = path;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &s.m_db,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        const QString why = s.m_db ? QString::fromUtf8(sqlite3_errmsg(s.m_db)) : QString::fromUtf8(sqlite3_errstr(rc));
        return Error::make(QStringLiteral("store.open_failed"), tr("Cannot open the database %1: %2").arg(path, why), QStringLiteral("data-dir"));
    }
    sqlite3_extended_result_codes(s.m_db, 1);
    sqlite3_busy_timeout(s.m_db, 5000);
    if (auto ok = s.configure(); !ok)
        return ok.error();
    if (auto ok = s.migrate(); !ok)
        return ok.error();
    auto log = s.prepare("INSERT INTO tx_log (seq, type, signer, signed, month, epoch, tx, receipt, state_hash) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    auto booking = s.prepare("INSERT INTO bookings (id, seq, sp, scope, cluster, size_tb, start_month, months, hp_cost, margin, total) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!log)
        return log.error();
    s.m_insertLog = *log;
    if (!booking)
        return booking.error();
    s.m_insertBooking = *booking;
    auto history = HistoryStatements::prepare(s.m_db);
    if (!history)
        return history.error();
    s.m_history = std::move(*history);
    return s;
}

Result<void> Store::configure()
{
    // Set on every connection and read back: a pragma SQLite ignores would fail silently.
    // A 64 MB page cache keeps the log's and the history's hot pages in memory at 10^6 rows.
    if (auto ok = exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON; "
                       "PRAGMA cache_size=-65536;"); !ok)
        return Error::make(QStringLiteral("store.open_failed"), ok.error().message, QStringLiteral("data-dir"));
    if (pragma(QStringLiteral("journal_mode")) != QLatin1String("wal") || pragma(QStringLiteral("foreign_keys")) != QLatin1String("1")
        || pragma(QStringLiteral("synchronous")) != QLatin1String("2") || pragma(QStringLiteral("secure_delete")) != QLatin1String("1"))
        return Error::make(QStringLiteral("store.open_failed"), tr("The database %1 refused the required settings (WAL, synchronous=FULL, foreign keys, secure delete).").arg(m_path),
                           QStringLiteral("data-dir"));

    const qint64 appId = pragma(QStringLiteral("application_id")).toLongLong();
    if (appId == kApplicationId)
        return {};
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(m_db, "SELECT count(*) FROM sqlite_schema", -1, &st, nullptr) != SQLITE_OK)
        return Error::make(QStringLiteral("store.not_icn_database"), tr("%1 is not an ICN Desk database.").arg(m_path), QStringLiteral("data-dir"));
    Finalizer f{st};
    const bool empty = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int64(st, 0) == 0;
    if (appId != 0 || !empty)
        return Error::make(QStringLiteral("store.not_icn_database"), tr("%1 is not an ICN Desk database.").arg(m_path), QStringLiteral("data-dir"));
    return exec(QByteArray("PRAGMA application_id=" + QByteArray::number(kApplicationId)).constData());
}

Result<void> Store::migrate()
{
    const int from = schemaVersion();
    if (from > kSchemaVersion)
        return Error::make(QStringLiteral("store.newer_schema"),
                           tr("The database has schema version %1; this build knows up to %2. Use a newer ICN Desk.").arg(from).arg(kSchemaVersion),
                           QStringLiteral("data-dir"), {{QStringLiteral("version"), from}});
    for (int v = from + 1; v <= kSchemaVersion; ++v) {
        if (auto ok = exec("BEGIN IMMEDIATE"); !ok)
            return ok.error();
        Result<void> step = exec(v == 1 ? kSchemaV1 : v == 2 ? kSchemaV2 : v == 3 ? kSchemaV3 : v == 4 ? kSchemaV4 : kSchemaV5);
        if (step && v == 2) {
            // The binary genesis is derived from the JSON; the bookings table is refilled by the
            // Market once it has replayed the log (it has the engine's booking details).
            QByteArray json;
            sqlite3_stmt *st = nullptr;
            if (sqlite3_prepare_v2(m_db, "SELECT json FROM genesis WHERE id = 1", -1, &st, nullptr) == SQLITE_OK) {
                if (sqlite3_step(st) == SQLITE_ROW)
                    json = blobOf(st, 0).toByteArray();
                sqlite3_finalize(st);
            }
            if (!json.isEmpty()) {
                auto snap = SnapshotJson::fromJson(json);
                if (!snap) {
                    step = Error::make(QStringLiteral("store.bad_genesis"), tr("The stored genesis is damaged: %1").arg(snap.error().message));
                } else if (sqlite3_prepare_v2(m_db, "UPDATE genesis SET snapshot_bin = ? WHERE id = 1", -1, &st, nullptr) == SQLITE_OK) {
                    const QByteArray bin = SnapshotBinary::encode(*snap);
                    sqlite3_bind_blob(st, 1, bin.constData(), int(bin.size()), SQLITE_TRANSIENT);
                    if (sqlite3_step(st) != SQLITE_DONE)
                        step = sqlError(tr("Migrating the genesis"));
                    sqlite3_finalize(st);
                }
            }
            if (step)
                step = exec("INSERT INTO meta (key, value) SELECT 'bookings_backfill', '1' WHERE EXISTS (SELECT 1 FROM tx_log)");
        }
        if (step)
            step = exec(QByteArray("PRAGMA user_version=" + QByteArray::number(v)).constData());
        if (step)
            step = exec("COMMIT");
        if (!step) {
            (void)exec("ROLLBACK");
            return Error::make(QStringLiteral("store.migration_failed"),
                               tr("Migrating the database to schema version %1 failed: %2").arg(v).arg(step.error().message), QStringLiteral("data-dir"));
        }
    }
    return {};
}

bool Store::hasGenesis() const
{
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(m_db, "SELECT 1 FROM genesis WHERE id = 1", -1, &st, nullptr) != SQLITE_OK)
        return false;
    Finalizer f{st};
    return sqlite3_step(st) == SQLITE_ROW;
}

Result<void> Store::writeGenesis(const NetworkSnapshot &genesis, const QByteArray &genesisHash)
{
    if (hasGenesis())
        return Error::make(QStringLiteral("store.already_initialized"), tr("This database already holds a network."), QStringLiteral("data-dir"));
    const QByteArray json = SnapshotJson::toJson(genesis);
    const QByteArray bin = SnapshotBinary::encode(genesis);
    const QByteArray name = genesis.name.toUtf8();
    if (auto ok = exec("BEGIN IMMEDIATE"); !ok)
        return ok.error();
    sqlite3_stmt *st = nullptr;
    bool done = sqlite3_prepare_v2(m_db, "INSERT INTO genesis (id, name, json, genesis_hash, snapshot_bin) VALUES (1, ?, ?, ?, ?)", -1, &st, nullptr) == SQLITE_OK;
    if (done) {
        sqlite3_bind_text(st, 1, name.constData(), int(name.size()), SQLITE_STATIC);
        sqlite3_bind_blob(st, 2, json.constData(), int(json.size()), SQLITE_STATIC);
        sqlite3_bind_blob(st, 3, genesisHash.constData(), int(genesisHash.size()), SQLITE_STATIC);
        sqlite3_bind_blob(st, 4, bin.constData(), int(bin.size()), SQLITE_STATIC);
        done = sqlite3_step(st) == SQLITE_DONE;
    }
    const Error error = done ? Error() : sqlError(tr("Writing the genesis"));
    sqlite3_finalize(st);
    if (done && exec("COMMIT"))
        return {};
    (void)exec("ROLLBACK");
    return done ? sqlError(tr("Committing the genesis")) : error;
}

Result<NetworkSnapshot> Store::readGenesis() const
{
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(m_db, "SELECT snapshot_bin FROM genesis WHERE id = 1", -1, &st, nullptr) != SQLITE_OK)
        return sqlError(tr("Reading the genesis"));
    Finalizer f{st};
    if (sqlite3_step(st) != SQLITE_ROW)
        return Error::make(QStringLiteral("store.not_initialized"), tr("This database holds no network yet (run icnctl init)."), QStringLiteral("data-dir"));
    return SnapshotBinary::decode(blobOf(st, 0));
}

Result<QByteArray> Store::genesisJson() const
{
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(m_db, "SELECT json FROM genesis WHERE id = 1", -1, &st, nullptr) != SQLITE_OK)
        return sqlError(tr("Reading the genesis"));
    Finalizer f{st};
    if (sqlite3_step(st) != SQLITE_ROW)
        return Error::make(QStringLiteral("store.not_initialized"), tr("This database holds no network yet (run icnctl init)."), QStringLiteral("data-dir"));
    return blobOf(st, 0).toByteArray();
}

Result<QByteArray> Store::genesisHash() const
{
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(m_db, "SELECT genesis_hash FROM genesis WHERE id = 1", -1, &st, nullptr) != SQLITE_OK)
        return sqlError(tr("Reading the genesis"));
    Finalizer f{st};
    if (sqlite3_step(st) != SQLITE_ROW)
        return Error::make(QStringLiteral("store.not_initialized"), tr("This database holds no network yet (run icnctl init)."), QStringLiteral("data-dir"));
    return blobOf(st, 0).toByteArray();
}

Result<void> Store::append(const QList<LogRecord> &records)
{
    if (records.isEmpty())
        return {};
    if (auto ok = exec("BEGIN IMMEDIATE"); !ok)
        return ok.error();
    Error error;
    bool good = true;
    for (const LogRecord &r : records) {
        const QByteArray type = r.type.toUtf8();
        const QByteArray signer = r.signer.toUtf8();
        const QByteArray month = r.month.toString().toUtf8();
        sqlite3_stmt *st = m_insertLog;
        sqlite3_bind_int64(st, 1, qint64(r.seq));
        sqlite3_bind_text(st, 2, type.constData(), int(type.size()), SQLITE_STATIC);
        if (r.signer.isEmpty())
            sqlite3_bind_null(st, 3);
        else
            sqlite3_bind_text(st, 3, signer.constData(), int(signer.size()), SQLITE_STATIC);
        sqlite3_bind_int(st, 4, r.isSigned ? 1 : 0);
        sqlite3_bind_text(st, 5, month.constData(), int(month.size()), SQLITE_STATIC);
        sqlite3_bind_int64(st, 6, r.epoch);
        sqlite3_bind_blob(st, 7, r.tx.constData(), int(r.tx.size()), SQLITE_STATIC);
        sqlite3_bind_blob(st, 8, r.receipt.constData(), int(r.receipt.size()), SQLITE_STATIC);
        sqlite3_bind_blob(st, 9, r.stateHash.constData(), int(r.stateHash.size()), SQLITE_STATIC);
        good = sqlite3_step(st) == SQLITE_DONE;
        if (!good)
            error = sqlError(tr("Appending transaction %1 to the log").arg(r.seq));
        sqlite3_reset(st);
        if (good && r.booking) {
            good = insertBooking(m_insertBooking, *r.booking, r.seq);
            if (!good)
                error = sqlError(tr("Recording booking %1").arg(r.booking->id));
        }
        if (good)
            good = writeHistoryRows(r, error);
        if (!good)
            break;
    }
    if (good && !m_history->setSeq(qint64(records.last().seq))) {
        good = false;
        error = sqlError(tr("Recording the history's position"));
    }
    if (good) {
        if (exec("COMMIT"))
            return {};
        error = sqlError(tr("Committing the log"));
    }
    (void)exec("ROLLBACK");
    return error;
}

quint64 Store::lastSeq() const
{
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(m_db, "SELECT coalesce(max(seq), 0) FROM tx_log", -1, &st, nullptr) != SQLITE_OK)
        return 0;
    Finalizer f{st};
    return sqlite3_step(st) == SQLITE_ROW ? quint64(sqlite3_column_int64(st, 0)) : 0;
}

Result<void> Store::forEachLogEntry(const std::function<Result<void>(const LogView &)> &visit) const
{
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(m_db, "SELECT seq, tx, receipt, state_hash FROM tx_log ORDER BY seq", -1, &st, nullptr) != SQLITE_OK)
        return sqlError(tr("Reading the log"));
    Finalizer f{st};
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const LogView v{quint64(sqlite3_column_int64(st, 0)), blobOf(st, 1), blobOf(st, 2), blobOf(st, 3)};
        if (auto ok = visit(v); !ok)
            return ok.error();
    }
    if (rc != SQLITE_DONE)
        return sqlError(tr("Reading the log"));
    return {};
}

Result<QList<quint64>> Store::logSeqsMatching(const QString &type, const QString &signerPart) const
{
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(m_db, "SELECT seq FROM tx_log WHERE (?1 = '' OR type = ?1) "
                                 "AND (?2 = '' OR signer LIKE '%' || ?2 || '%' ESCAPE '\\') ORDER BY seq",
                           -1, &st, nullptr) != SQLITE_OK)
        return sqlError(tr("Filtering the log"));
    Finalizer f{st};
    QString escaped = signerPart;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('%'), QStringLiteral("\\%")).replace(QLatin1Char('_'), QStringLiteral("\\_"));
    const QByteArray t = type.toUtf8(), sp = escaped.toUtf8();
    sqlite3_bind_text(st, 1, t.constData(), int(t.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, sp.constData(), int(sp.size()), SQLITE_TRANSIENT);
    QList<quint64> out;
    int rc = SQLITE_OK;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        out.append(quint64(sqlite3_column_int64(st, 0)));
    if (rc != SQLITE_DONE)
        return sqlError(tr("Filtering the log"));
    return out;
}

Result<QList<LogRecord>> Store::logEntries(quint64 fromSeq, int limit) const
{
    sqlite3_stmt *st = nullptr;
    // A booking row's key is its log entry's seq, so the join is a rowid lookup.
    if (sqlite3_prepare_v2(m_db, "SELECT l.seq, l.type, l.signer, l.signed, l.month, l.epoch, l.tx, l.receipt, l.state_hash, "
                                 "b.id, b.sp, b.scope, b.cluster, b.size_tb, b.start_month, b.months, b.hp_cost, b.margin, b.total "
                                 "FROM tx_log l LEFT JOIN bookings b ON b.seq = l.seq WHERE l.seq >= ? ORDER BY l.seq LIMIT ?",
                           -1, &st, nullptr) != SQLITE_OK)
        return sqlError(tr("Reading the log"));
    Finalizer f{st};
    sqlite3_bind_int64(st, 1, qint64(fromSeq));
    sqlite3_bind_int(st, 2, limit);
    QList<LogRecord> out;
    while (sqlite3_step(st) == SQLITE_ROW) {
        LogRecord r;
        r.seq = quint64(sqlite3_column_int64(st, 0));
        r.type = textOf(st, 1);
        r.signer = sqlite3_column_type(st, 2) == SQLITE_NULL ? QString() : textOf(st, 2);
        r.isSigned = sqlite3_column_int(st, 3) != 0;
        r.month = Month::parse(textOf(st, 4)).value();
        r.epoch = sqlite3_column_int64(st, 5);
        r.tx = blobOf(st, 6).toByteArray();
        r.receipt = blobOf(st, 7).toByteArray();
        r.stateHash = blobOf(st, 8).toByteArray();
        if (sqlite3_column_type(st, 9) != SQLITE_NULL) {
            auto b = bookingFrom(st, 9, r.seq);
            if (!b)
                return b.error();
            r.booking = *b;
        }
        out.append(r);
    }
    return out;
}

Result<QList<BookingRow>> Store::bookings(const QString &sp) const
{
    sqlite3_stmt *st = nullptr;
    // Two statements, so that the unfiltered listing does not compare every row (no SP index since v5).
    const char *sql = sp.isEmpty() ? "SELECT id, sp, scope, cluster, size_tb, start_month, months, hp_cost, margin, total, seq "
                                     "FROM bookings WHERE ?1 = '' ORDER BY id"
                                   : "SELECT id, sp, scope, cluster, size_tb, start_month, months, hp_cost, margin, total, seq "
                                     "FROM bookings WHERE sp = ?1 ORDER BY id";
    if (sqlite3_prepare_v2(m_db, sql, -1, &st, nullptr) != SQLITE_OK)
        return sqlError(tr("Reading bookings"));
    Finalizer f{st};
    const QByteArray spText = sp.toUtf8();
    sqlite3_bind_text(st, 1, spText.constData(), int(spText.size()), SQLITE_STATIC);
    QList<BookingRow> out;
    while (sqlite3_step(st) == SQLITE_ROW) {
        auto b = bookingFrom(st, 0, quint64(sqlite3_column_int64(st, 10)));
        if (!b)
            return b.error();
        out.append(*b);
    }
    return out;
}

qint64 Store::bookingRowCount() const
{
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(m_db, "SELECT count(*) FROM bookings", -1, &st, nullptr) != SQLITE_OK)
        return -1;
    Finalizer f{st};
    return sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
}

bool Store::needsBookingBackfill() const
{
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(m_db, "SELECT 1 FROM meta WHERE key = 'bookings_backfill'", -1, &st, nullptr) != SQLITE_OK)
        return false;
    Finalizer f{st};
    return sqlite3_step(st) == SQLITE_ROW;
}

Result<void> Store::backfillBookings(const QList<BookingRow> &rows)
{
    if (auto ok = exec("BEGIN IMMEDIATE"); !ok)
        return ok.error();
    Result<void> step = exec("DELETE FROM bookings");
    for (const BookingRow &b : rows) {
        if (!step)
            break;
        if (!insertBooking(m_insertBooking, b, b.seq))
            step = sqlError(tr("Recording booking %1").arg(b.id));
    }
    if (step)
        step = exec("DELETE FROM meta WHERE key = 'bookings_backfill'");
    if (step)
        step = exec("COMMIT");
    if (!step)
        (void)exec("ROLLBACK");
    return step;
}

Result<QStringList> Store::integrityCheck() const
{
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(m_db, "PRAGMA integrity_check", -1, &st, nullptr) != SQLITE_OK)
        return sqlError(tr("Checking integrity"));
    Finalizer f{st};
    QStringList out;
    while (sqlite3_step(st) == SQLITE_ROW)
        out.append(textOf(st, 0));
    return out;
}

Result<qint64> Store::foreignKeyViolations() const
{
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(m_db, "PRAGMA foreign_key_check", -1, &st, nullptr) != SQLITE_OK)
        return sqlError(tr("Checking foreign keys"));
    Finalizer f{st};
    qint64 n = 0;
    while (sqlite3_step(st) == SQLITE_ROW)
        ++n;
    return n;
}

} // namespace icn
