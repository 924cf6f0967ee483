#pragma once

#include "Amount.h"
#include "BookingTypes.h"
#include "EngineEvents.h"
#include "Month.h"
#include "NetworkTypes.h"
#include "Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace icn {

// A booking's row in the `bookings` query table (for SQL export and analysts; the engine's
// own state comes from the log).
struct BookingRow
{
    quint64 id = 0;
    quint64 seq = 0; // the log entry that made it
    QString sp;      // "0x" + lower-case hex (cheap to write; SQL compares it exactly)
    QString scope;
    QString clusterId;
    qint64 sizeTb = 0;
    Month start;
    qint32 months = 0;
    Amount hpCost;
    Amount margin;
    Amount total;
};

// One applied transaction as the log keeps it.
struct LogRecord
{
    quint64 seq = 0;    // 1-based, contiguous
    QString type;       // transactionTypeName()
    QString signer;     // "0x" + lower-case hex, empty for faucet/month close
    bool isSigned = false;
    Month month;        // the engine's month when it was applied
    qint64 epoch = 0;
    QByteArray tx;      // encodeTransaction()
    QByteArray receipt; // encodeReceipt()
    QByteArray stateHash;
    std::optional<BookingRow> booking;
    // History for analysts: what applying it emitted (EngineEvents.h, stamped with `seq`) and the
    // listed-price changes it caused; written in the same SQL transaction as the log entry.
    std::vector<EngineEvent> events;
    QList<ListedPriceChange> priceChanges;
};

// A stored listed-price change with the engine's clock when it happened.
struct PriceChangeRow
{
    ListedPriceChange change;
    Month atMonth;
    qint64 atEpoch = 0;
};

struct HistoryStatements;

// What replay reads: views into SQLite's row buffers, valid only during the callback.
struct LogView
{
    quint64 seq = 0;
    QByteArrayView tx;
    QByteArrayView receipt;
    QByteArrayView stateHash;
};

// The SQLite database of one mirror: the genesis snapshot, the transaction log and query tables
// (schema in docs/network-format.md). Uses the sqlite3 C API directly: it is about twice as fast
// as QtSql here (PERFORMANCE.md) and the log append is the hot path.
//
// Every connection sets journal_mode=WAL, synchronous=FULL, foreign_keys=ON, secure_delete=ON.
// Tables are STRICT; PRAGMA application_id marks the file; PRAGMA user_version is the schema
// version, migrated forward on open. Every write is one BEGIN IMMEDIATE … COMMIT, so after a crash
// the database holds a whole append or none of it.
//
// Not thread-safe: one owner (the Market) uses it from one thread. Movable, not copyable.
class Store
{
public:
    static constexpr qint32 kApplicationId = 0x49434E44; // "ICND"
    static constexpr int kSchemaVersion = 5;

    // Opens or creates the database file and migrates it to kSchemaVersion. Errors:
    // store.open_failed, store.not_icn_database, store.newer_schema, store.sql_failed.
    static Result<Store> open(const QString &path);

    Store(Store &&other) noexcept;
    Store &operator=(Store &&other) noexcept;
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;
    ~Store();

    QString path() const { return m_path; }

    bool hasGenesis() const;
    // Once per database ("store.already_initialized" otherwise): canonical JSON + fast binary form.
    Result<void> writeGenesis(const NetworkSnapshot &genesis, const QByteArray &genesisHash);
    Result<NetworkSnapshot> readGenesis() const; // the binary form (fast start-up)
    Result<QByteArray> genesisJson() const;      // the canonical JSON (export, check)
    Result<QByteArray> genesisHash() const;

    // Appends the records (contiguous after lastSeq()) in ONE SQL transaction: all or none.
    Result<void> append(const QList<LogRecord> &records);
    quint64 lastSeq() const;
    // Every log entry in sequence order, through one forward-only statement; the callback's error
    // stops the walk and is returned.
    Result<void> forEachLogEntry(const std::function<Result<void>(const LogView &)> &visit) const;
    Result<QList<LogRecord>> logEntries(quint64 fromSeq, int limit) const;
    // Seq of every log entry of `type` (any when empty) whose signer contains `signerPart`
    // (ASCII case-insensitive; any when empty), ascending: the activity filter, done in SQL.
    Result<QList<quint64>> logSeqsMatching(const QString &type, const QString &signerPart) const;

    // Query tables.
    // All bookings, or those of one SP (its address as "0x" + lower-case hex).
    Result<QList<BookingRow>> bookings(const QString &spOrEmpty = {}) const;
    qint64 bookingRowCount() const;
    // Set by the v1 → v2 migration: the bookings table must be refilled from the replayed engine.
    bool needsBookingBackfill() const;
    Result<void> backfillBookings(const QList<BookingRow> &rows);

    // History for analysts (StoreHistory.cpp; schema v3, docs/history.md). Rows are keyed by
    // (transaction seq, index within it) and inserted with OR IGNORE, so writing the same
    // transaction's history twice changes nothing. The highest seq whose history is stored:
    // −1 when none is, not even the genesis's (seq 0) listed prices.
    qint64 historySeq() const;
    // Writes only the history of `records` (backfill after a migration, the genesis's listed
    // prices, tests) in one SQL transaction and records `throughSeq` as stored.
    Result<void> writeHistory(const QList<LogRecord> &records, quint64 throughSeq);
    Result<QList<ClusterMonthEvent>> clusterMonthHistory(const QString &clusterId, Month from, Month to) const;
    // Changes of one cluster whose month range meets from..to, oldest first.
    Result<QList<PriceChangeRow>> listedPriceHistory(const QString &clusterId, Month from, Month to) const;
    // One HN's rows, read from its cluster's blocks.
    Result<QList<NodeEpochEvent>> nodeEpochHistory(const QString &clusterId, const QString &nodeId, qint64 fromEpoch,
                                                   qint64 toEpoch) const;
    // Slashes, withholdings, rewards, claims and node changes (kind "slash", "withholding",
    // "reward", "claim", "node"), of one HN (empty: any) with their epoch and month in range
    // (an event's own epoch/month, else the engine's clock when it was emitted), oldest first.
    Result<std::vector<EngineEvent>> historyEvents(const QString &kind, const QString &nodeId, qint64 fromEpoch, qint64 toEpoch,
                                                   Month fromMonth, Month toMonth) const;
    qint64 historyRowCount() const; // every history table together (tests, check)

    // Checks for `check`: "ok" or the problems PRAGMA integrity_check lists; foreign-key violations.
    Result<QStringList> integrityCheck() const;
    Result<qint64> foreignKeyViolations() const;

    // Starts a read transaction that holds one snapshot of the file until this connection closes:
    // every later read sees the same log, history and bookings, whatever another connection
    // commits meanwhile (WAL). For a read-only connection such as check's.
    Result<void> beginReadSnapshot() const;

    // A pragma's current value as text (tests read what every connection set).
    QString pragma(const QString &name) const;
    int schemaVersion() const;

private:
    Store() = default;
    Result<void> configure();
    Result<void> migrate();
    Result<void> exec(const char *sql) const;
    Error sqlError(const QString &what) const;
    Result<sqlite3_stmt *> prepare(const char *sql) const;
    void close();

    QString m_path;
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_insertLog = nullptr;
    sqlite3_stmt *m_insertBooking = nullptr;
    std::unique_ptr<HistoryStatements> m_history;
    bool writeHistoryRows(const LogRecord &record, Error &error);
};

} // namespace icn
