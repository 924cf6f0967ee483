#include "LogPipeline.h"

#include <QCoreApplication>

namespace icn {

LogPipeline::LogPipeline(const Store &store) : m_worker([this, &store] { run(store); }) {}

LogPipeline::~LogPipeline()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_worker.join();
}

void LogPipeline::run(const Store &store)
{
    std::vector<DecodedLogEntry> chunk;
    chunk.reserve(kChunk);
    const auto push = [this](std::vector<DecodedLogEntry> &c) -> bool {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_stop || m_queue.size() < kMaxQueuedChunks; });
        if (m_stop)
            return false;
        m_queue.push_back(std::move(c));
        lock.unlock();
        m_changed.notify_all();
        c = {};
        c.reserve(kChunk);
        return true;
    };
    const Result<void> walked = store.forEachLogEntry([&](const LogView &v) -> Result<void> {
        auto tx = decodeTransaction(v.tx);
        if (!tx)
            return Error::make(QStringLiteral("store.bad_log_entry"),
                               QCoreApplication::translate("Market", "Log entry %1: %2").arg(v.seq).arg(tx.error().message), {},
                               {{QStringLiteral("seq"), v.seq}});
        chunk.push_back({v.seq, std::move(*tx), v.stateHash.toByteArray()});
        if (chunk.size() == kChunk && !push(chunk))
            return Error::make(QStringLiteral("store.cancelled"), QStringLiteral("cancelled"));
        return {};
    });
    if (walked && !chunk.empty())
        push(chunk);
    {
        std::lock_guard lock(m_mutex);
        if (!walked)
            m_error = walked.error();
        m_done = true;
    }
    m_changed.notify_all();
}

Result<std::vector<DecodedLogEntry>> LogPipeline::next()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_queue.empty() || m_done; });
    if (!m_queue.empty()) {
        std::vector<DecodedLogEntry> chunk = std::move(m_queue.front());
        m_queue.pop_front();
        lock.unlock();
        m_changed.notify_all();
        return chunk;
    }
    // Entries queued before a failure were delivered first, so the error names the first bad one.
    if (m_error)
        return *m_error;
    return std::vector<DecodedLogEntry>();
}

} // namespace icn
