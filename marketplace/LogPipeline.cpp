#include "LogPipeline.h"

#include "Keccak.h"
#include "TxCodec.h"

#include <QCoreApplication>

#include <cstring>

namespace icn {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Market", text);
}

bool sameBytes(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), size_t(a.size())) == 0);
}

} // namespace

Error logEntryError(const char *code, quint64 seq, const QString &why)
{
    return Error::make(QStringLiteral("store.") + QLatin1String(code), tr("Log entry %1: %2").arg(seq).arg(why), {},
                       {{QStringLiteral("seq"), seq}});
}

bool LogChunk::receiptIs(const DecodedLogEntry &e, QByteArrayView replayed) const
{
    return sameBytes(receipt(e), replayed);
}

LogPipeline::LogPipeline(const Store &store, const QByteArray &genesisHash)
    : m_genesisHash(genesisHash), m_worker([this, &store] { run(store); })
{
}

LogPipeline::~LogPipeline()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_worker.join();
}

bool LogPipeline::push(LogChunk &chunk)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_stop || m_queue.size() < kMaxQueuedChunks; });
    if (m_stop)
        return false;
    m_queue.push_back(std::move(chunk));
    lock.unlock();
    m_changed.notify_all();
    chunk = LogChunk{};
    chunk.entries.reserve(kChunk);
    return true;
}

void LogPipeline::run(const Store &store)
{
    LogChunk chunk;
    chunk.entries.reserve(kChunk);
    unsigned char hash[32];
    if (m_genesisHash.size() == qsizetype(sizeof hash))
        std::memcpy(hash, m_genesisHash.constData(), sizeof hash);
    else
        std::memset(hash, 0, sizeof hash); // the caller refuses the genesis; the first entry fails the chain
    ByteWriter canonical;
    ByteWriter entry;
    const Result<void> walked = store.forEachLogEntry([&](const LogView &v) -> Result<void> {
        auto tx = decodeTransaction(v.tx);
        if (!tx)
            return logEntryError("bad_log_entry", v.seq, tx.error().message);
        canonical.clear();
        TxCodec::writeTransaction(canonical, *tx);
        if (!sameBytes(canonical.view(), v.tx))
            return logEntryError("replay_mismatch", v.seq, tr("the stored transaction is not in its canonical encoding."));
        entry.clear();
        entry.raw(QByteArrayView(reinterpret_cast<const char *>(hash), sizeof hash));
        entry.raw(v.tx);
        entry.raw(v.receipt);
        unsigned char next[sizeof hash];
        keccak256(entry.view(), next);
        if (!sameBytes(v.stateHash, QByteArrayView(reinterpret_cast<const char *>(next), sizeof next)))
            return logEntryError("replay_mismatch", v.seq, tr("the stored state hash does not follow from the entries before it."));
        std::memcpy(hash, next, sizeof hash);
        chunk.entries.push_back({v.seq, std::move(*tx), chunk.receipts.size(), v.receipt.size()});
        chunk.receipts.append(v.receipt);
        if (chunk.entries.size() == kChunk) {
            chunk.stateHash = QByteArray(reinterpret_cast<const char *>(hash), sizeof hash);
            if (!push(chunk))
                return Error::make(QStringLiteral("store.cancelled"), QStringLiteral("cancelled"));
        }
        return {};
    });
    if (!chunk.entries.empty()) { // the entries before a bad one go first
        chunk.stateHash = QByteArray(reinterpret_cast<const char *>(hash), sizeof hash);
        push(chunk);
    }
    {
        std::lock_guard lock(m_mutex);
        if (!walked)
            m_error = walked.error();
        m_done = true;
    }
    m_changed.notify_all();
}

Result<LogChunk> LogPipeline::next()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_queue.empty() || m_done; });
    if (!m_queue.empty()) {
        LogChunk chunk = std::move(m_queue.front());
        m_queue.pop_front();
        lock.unlock();
        m_changed.notify_all();
        return chunk;
    }
    // Entries queued before a failure were delivered first, so the error names the first bad one.
    if (m_error)
        return *m_error;
    return LogChunk{};
}

} // namespace icn
