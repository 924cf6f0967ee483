#pragma once

#include "ByteWriter.h"
#include "Result.h"
#include "Store.h"
#include "Transaction.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace icn {

// A refusal of log entry `seq` during a replay: code "store.<code>", details "seq".
Error logEntryError(const char *code, quint64 seq, const QString &why);

// One decoded log entry, ready to apply; its stored receipt bytes are in the chunk.
struct DecodedLogEntry
{
    quint64 seq = 0;
    Transaction tx;
    qsizetype receiptOffset = 0; // into LogChunk::receipts
    qsizetype receiptSize = 0;
};

// Consecutive log entries whose hash chain the worker has verified.
struct LogChunk
{
    std::vector<DecodedLogEntry> entries;
    QByteArray receipts;  // the entries' stored receipt bytes, back to back
    QByteArray stateHash; // the stored (and verified) running hash after the last entry

    bool empty() const { return entries.empty(); }
    QByteArrayView receipt(const DecodedLogEntry &e) const { return QByteArrayView(receipts).sliced(e.receiptOffset, e.receiptSize); }
    // Whether `replayed` (Engine::lastReceiptBytes()) is the entry's stored receipt, byte for byte.
    bool receiptIs(const DecodedLogEntry &e, QByteArrayView replayed) const;
};

// Reads, decodes and verifies the transaction log on a worker thread, in chunks, while the caller
// applies them: opening a mirror overlaps SQLite reads, decoding and the running hash with the
// engine's replay (and with building the engine from the genesis).
//
// The worker checks the chain on the stored bytes: h_0 is the genesis hash and every entry's
// stored state_hash must be keccak256(h_{n−1} || tx || receipt) of its stored tx and receipt
// bytes, the tx bytes being the canonical encoding of what they decode to. The caller, replaying
// with Engine::deferHashForReplay(), compares the engine's receipt bytes with the stored ones;
// together the two checks are the engine recomputing every state hash, on two cores.
//
// While it runs, the worker is the only user of the store's connection; the caller must not touch
// the store until the pipeline is destroyed.
class LogPipeline
{
public:
    static constexpr size_t kChunk = 4096;
    static constexpr size_t kMaxQueuedChunks = 8;

    LogPipeline(const Store &store, const QByteArray &genesisHash);
    ~LogPipeline(); // stops the worker and waits for it
    LogPipeline(const LogPipeline &) = delete;
    LogPipeline &operator=(const LogPipeline &) = delete;

    // The next chunk in log order; an empty chunk once the log is exhausted. The entries before
    // a bad one are delivered first, then the error: "store.bad_log_entry" (does not decode),
    // "store.replay_mismatch" (stored hash or encoding disagrees; details "seq") or the store's
    // read error.
    Result<LogChunk> next();

private:
    void run(const Store &store);
    bool push(LogChunk &chunk);

    QByteArray m_genesisHash;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<LogChunk> m_queue;
    std::optional<Error> m_error;
    bool m_done = false;
    bool m_stop = false;
    std::thread m_worker;
};

} // namespace icn
