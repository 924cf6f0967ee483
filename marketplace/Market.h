#pragma once

#include "Engine.h"
#include "Store.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace icn {

// What `check` found: SQLite's own checks, the genesis, conservation, and a full replay of the
// log from the genesis comparing every stored state hash.
struct CheckReport
{
    bool ok = false;
    QStringList integrity;          // PRAGMA integrity_check: {"ok"} when sound
    qint64 foreignKeyViolations = 0;
    bool genesisConsistent = false; // JSON, binary form and genesis hash agree
    bool conservationOk = false;
    quint64 replayed = 0;           // log entries replayed
    quint64 firstMismatchSeq = 0;   // first entry whose state hash differs (0: none)
    bool memoryMatchesStore = false; // the open engine's state hash equals the replayed one
    QByteArray stateHash;
    QStringList problems;           // one sentence per failed check

    QJsonObject toJson() const;
};

// The one object the CLI and the UI use: the engine mirror coupled with its SQLite store.
// Opening replays the log from the genesis into a fresh Engine; submit() applies a transaction in
// memory and appends it to the log in one SQL transaction, so the database holds all of an
// applied transaction or none of it. If the SQL commit fails, the engine is rebuilt from the store,
// so memory never shows what the disk does not hold.
//
// Not thread-safe: one Market owns its database connection and is used from one thread. The UI
// wraps it in a worker (or a service that serialises calls); readers take values from engine().
class Market
{
public:
    static QString databaseFileName() { return QStringLiteral("icn-desk.sqlite"); }
    // QStandardPaths::AppDataLocation.
    static QString defaultDataDir();
    static QString databasePath(const QString &dataDir);

    // A new mirror in `dataDir` (created if needed) starting from `genesis`. Errors: the
    // SnapshotValidator's "snapshot.*", the engine's "genesis.*", "store.already_initialized", store.*.
    static Result<Market> create(const QString &dataDir, const NetworkSnapshot &genesis);
    // An existing mirror, rebuilt by replaying its log. "market.not_initialized" when there is none.
    static Result<Market> open(const QString &dataDir);

    const Engine &engine() const { return m_engine; }
    const Store &store() const { return m_store; }
    qint64 openMilliseconds() const { return m_openMs; }

    // Applies and persists one transaction (one durable SQL transaction). On a refusal nothing
    // changed; "store.*" errors mean the commit failed and the engine was rebuilt from the store.
    Result<Receipt> submit(const Transaction &tx);
    // Batched mode (simulator, importers): every transaction is applied in order (refused ones are
    // skipped and reported in their slot) and all applied ones are persisted in ONE SQL transaction.
    // If that commit fails every slot reports the store error and the engine is rebuilt.
    QList<Result<Receipt>> submitBatch(const QList<Transaction> &txs);

    // Buffered mode (the simulator): each transaction is applied at once, so the next one can be
    // built from the state it left, and every buffered one is persisted by commitBuffered() in ONE
    // SQL transaction. Until then the disk lacks them; if the commit fails the engine is rebuilt
    // from the store (the buffered transactions are lost, memory and disk agree again).
    Result<Receipt> applyBuffered(const Transaction &tx);
    Result<void> commitBuffered();
    qsizetype bufferedCount() const { return m_buffered.size(); }

    // Full verification (integrity, foreign keys, genesis, conservation, replay). Read-only.
    // `progress`, when given, gets 0–100 as the checks pass and the log replays (most of the time
    // goes to the replay), from the calling thread.
    CheckReport check(const std::function<void(int percent)> &progress = {}) const;
    // The same checks on a connection of their own to `dataDir`'s database, so the owner of an open
    // Market can go on serving it meanwhile (WAL readers do not block the writer). The open mirror
    // is not compared: memoryMatchesStore stays false, and the caller compares its engine with
    // `stateHash` after `replayed` entries.
    static CheckReport checkDatabase(const QString &dataDir, const std::function<void(int percent)> &progress = {});
    // Replays the log into a fresh engine, comparing every stored state hash ("replay --verify").
    Result<quint64> verifyReplay() const;

private:
    Market(Store store, Engine engine) : m_store(std::move(store)), m_engine(std::move(engine)) { adoptEngine(); }
    // `bookingSeqs`, when given, receives the log seq of every booking in id order; `history`,
    // when given, the history of every entry after seq `historyAfter` (−1: the genesis's too).
    // `replayed`, when given, is told the count of entries applied after each chunk of the log.
    static Result<Engine> replay(const Store &store, QList<quint64> *bookingSeqs = nullptr, QList<LogRecord> *history = nullptr,
                                 qint64 historyAfter = -1, const std::function<void(quint64 applied)> &replayed = {});
    // History for analysts: the engine records its events; the history not yet drained starts here.
    void adoptEngine();
    void drainHistory(LogRecord &record);
    static Result<Market> finishOpen(Store store);
    // check()'s body; `live`, when given, is the open mirror to compare with.
    static CheckReport checkStore(const Store &store, const Engine *live, const std::function<void(int)> &progress);
    LogRecord recordFor(const Transaction &tx, const Receipt &receipt, Month month, qint64 epoch) const;
    Error rebuildAfter(const Error &commitError);

    Store m_store;
    Engine m_engine;
    size_t m_priceCursor = 0; // listed-price changes already handed to the store
    qint64 m_openMs = 0;
    QList<LogRecord> m_buffered;
    bool m_broken = false; // a failed save could not be undone by reloading: refuse further writes
};

} // namespace icn
