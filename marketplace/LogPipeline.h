#pragma once

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

// One decoded log entry, ready to apply.
struct DecodedLogEntry
{
    quint64 seq = 0;
    Transaction tx;
    QByteArray stateHash;
};

// Reads and decodes the transaction log on a worker thread, in chunks, while the caller applies
// them: opening a mirror overlaps SQLite reads and decoding with the engine's replay (and with
// building the engine from the genesis). While it runs, the worker is the only user of the
// store's connection; the caller must not touch the store until the pipeline is destroyed.
class LogPipeline
{
public:
    static constexpr size_t kChunk = 4096;
    static constexpr size_t kMaxQueuedChunks = 8;

    explicit LogPipeline(const Store &store);
    ~LogPipeline(); // stops the worker and waits for it
    LogPipeline(const LogPipeline &) = delete;
    LogPipeline &operator=(const LogPipeline &) = delete;

    // The next chunk in log order; an empty chunk once the log is exhausted. Errors:
    // "store.bad_log_entry" (with the entry's seq) or the store's read error.
    Result<std::vector<DecodedLogEntry>> next();

private:
    void run(const Store &store);

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::vector<DecodedLogEntry>> m_queue;
    std::optional<Error> m_error;
    bool m_done = false;
    bool m_stop = false;
    std::thread m_worker;
};

} // namespace icn
