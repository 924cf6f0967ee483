#include "Market.h"

#include "LogPipeline.h"
#include "SnapshotBinary.h"
#include "SnapshotJson.h"
#include "SnapshotValidator.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QStandardPaths>

namespace icn {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Market", text);
}

// Any transaction kind with an `unsignedLocal` flag is signed unless it says otherwise; new
// kinds added to the variant are covered without touching this.
bool isSignedTx(const Transaction &tx)
{
    return std::visit(
        [](const auto &t) {
            if constexpr (requires { t.unsignedLocal; })
                return !t.unsignedLocal;
            else
                return false;
        },
        tx);
}

} // namespace

QJsonObject CheckReport::toJson() const
{
    return {{QStringLiteral("ok"), ok},
            {QStringLiteral("integrity"), QJsonArray::fromStringList(integrity)},
            {QStringLiteral("foreignKeyViolations"), foreignKeyViolations},
            {QStringLiteral("genesisConsistent"), genesisConsistent},
            {QStringLiteral("conservationOk"), conservationOk},
            {QStringLiteral("replayed"), qint64(replayed)},
            {QStringLiteral("firstMismatchSeq"), qint64(firstMismatchSeq)},
            {QStringLiteral("memoryMatchesStore"), memoryMatchesStore},
            {QStringLiteral("stateHash"), QString::fromLatin1("0x" + stateHash.toHex())},
            {QStringLiteral("problems"), QJsonArray::fromStringList(problems)}};
}

QString Market::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString Market::databasePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(databaseFileName());
}

Result<Market> Market::create(const QString &dataDir, const NetworkSnapshot &genesis)
{
    if (auto valid = SnapshotValidator::validate(genesis); !valid)
        return valid.error();
    auto engine = Engine::create(genesis);
    if (!engine)
        return engine.error();
    if (QFileInfo::exists(databasePath(dataDir))) {
        // Refuse before touching the file (opening would migrate it).
        auto existing = Store::open(databasePath(dataDir));
        if (existing && existing->hasGenesis())
            return Error::make(QStringLiteral("store.already_initialized"),
                               tr("%1 already holds a network; choose another --data-dir.").arg(dataDir), QStringLiteral("data-dir"));
    }
    if (!QDir().mkpath(dataDir))
        return Error::make(QStringLiteral("store.open_failed"), tr("Cannot create the folder %1.").arg(dataDir), QStringLiteral("data-dir"));
    auto store = Store::open(databasePath(dataDir));
    if (!store)
        return store.error();
    if (auto ok = store->writeGenesis(genesis, engine->genesisHash()); !ok)
        return ok.error();
    // The genesis's listed prices (seq 0); if this is lost, open() writes them again.
    LogRecord genesisHistory;
    genesisHistory.month = engine->currentMonth();
    genesisHistory.epoch = engine->currentEpoch();
    genesisHistory.priceChanges = engine->listedPriceChangesSince(0);
    if (auto ok = store->writeHistory({genesisHistory}, 0); !ok)
        return ok.error();
    return Market(std::move(*store), std::move(*engine));
}

Result<Market> Market::open(const QString &dataDir)
{
    if (!QFileInfo::exists(databasePath(dataDir)))
        return Error::make(QStringLiteral("market.not_initialized"),
                           tr("No network in %1 yet: run icnctl init --demo (or --network FILE).").arg(dataDir), QStringLiteral("data-dir"));
    QElapsedTimer timer;
    timer.start();
    auto store = Store::open(databasePath(dataDir));
    if (!store)
        return store.error();
    if (!store->hasGenesis())
        return Error::make(QStringLiteral("market.not_initialized"),
                           tr("No network in %1 yet: run icnctl init --demo (or --network FILE).").arg(dataDir), QStringLiteral("data-dir"));
    const bool backfill = store->needsBookingBackfill();
    QList<quint64> bookingSeqs;
    // History for analysts: only entries whose history is not stored yet (after the v2 → v3
    // migration, or a create interrupted before the genesis's rows) are collected and written.
    const qint64 historySeq = store->historySeq();
    const bool historyBackfill = historySeq < 0 || quint64(historySeq) < store->lastSeq();
    QList<LogRecord> history;
    auto engine = replay(*store, backfill ? &bookingSeqs : nullptr, historyBackfill ? &history : nullptr, historySeq);
    if (!engine)
        return engine.error();
    if (historyBackfill) {
        if (auto ok = store->writeHistory(history, engine->appliedCount()); !ok)
            return ok.error();
    }
    if (backfill) {
        // After the v1 → v2 migration: the query table is rebuilt from the replayed engine.
        QList<BookingRow> rows;
        for (const BookingInfo &b : engine->bookings()) {
            rows.append({b.id, b.id >= 1 && b.id <= quint64(bookingSeqs.size()) ? bookingSeqs[qsizetype(b.id - 1)] : 0, b.sp.toLower(),
                         b.scopeId, b.clusterId, b.sizeTb, b.start, b.months, b.hpCost, b.margin, b.total});
        }
        if (auto ok = store->backfillBookings(rows); !ok)
            return ok.error();
    }
    Market market(std::move(*store), std::move(*engine));
    market.m_openMs = timer.elapsed();
    return market;
}

Result<Engine> Market::replay(const Store &store, QList<quint64> *bookingSeqs, QList<LogRecord> *history, qint64 historyAfter,
                              const std::function<void(quint64)> &replayed)
{
    auto genesis = store.readGenesis();
    if (!genesis)
        return genesis.error();
    const auto storedHash = store.genesisHash();
    if (!storedHash)
        return storedHash.error();
    // From here the pipeline's worker owns the connection: it reads, decodes and verifies the
    // log's hash chain while this thread builds the engine and applies what arrives.
    LogPipeline log(store, *storedHash);
    auto engine = Engine::create(*genesis);
    if (!engine)
        return engine.error();
    if (*storedHash != engine->genesisHash())
        return Error::make(QStringLiteral("store.genesis_mismatch"), tr("The stored genesis does not match its hash."));
    Engine &e = *engine;
    e.deferHashForReplay(); // the worker checks the chain; this thread checks each receipt
    size_t priceCursor = 0;
    if (history) {
        e.setRecordEvents(true);
        LogRecord genesisRecord;
        genesisRecord.month = e.currentMonth();
        genesisRecord.epoch = e.currentEpoch();
        genesisRecord.priceChanges = e.listedPriceChangesSince(0);
        priceCursor = e.listedPriceChangeCount();
        if (historyAfter < 0)
            history->append(std::move(genesisRecord));
    }
    QByteArray verifiedHash = *storedHash; // after the last entry applied
    for (;;) {
        auto chunk = log.next();
        if (!chunk)
            return chunk.error();
        if (chunk->empty())
            break;
        for (const DecodedLogEntry &entry : chunk->entries) {
            if (entry.seq != e.appliedCount() + 1)
                return logEntryError("log_gap", entry.seq, tr("expected entry %1.").arg(e.appliedCount() + 1));
            const Month month = e.currentMonth();
            const qint64 epoch = e.currentEpoch();
            const auto receipt = e.apply(entry.tx);
            if (!receipt)
                return logEntryError("replay_failed", entry.seq, tr("replaying it was refused: %1").arg(receipt.error().message));
            if (!chunk->receiptIs(entry, e.lastReceiptBytes()))
                return logEntryError("replay_mismatch", entry.seq, tr("the replayed receipt differs from the stored one, so its state hash would too."));
            if (bookingSeqs && std::holds_alternative<BookTx>(entry.tx)) {
                while (quint64(bookingSeqs->size()) + 1 < receipt->bookingId) // ids are 1-based
                    bookingSeqs->append(0);
                bookingSeqs->append(entry.seq);
            }
            if (history) {
                LogRecord r;
                r.seq = entry.seq;
                r.month = month;
                r.epoch = epoch;
                r.events = e.takeEvents();
                r.priceChanges = e.listedPriceChangesSince(priceCursor);
                priceCursor = e.listedPriceChangeCount();
                if (qint64(entry.seq) > historyAfter)
                    history->append(std::move(r));
            }
        }
        verifiedHash = chunk->stateHash;
        if (replayed)
            replayed(e.appliedCount());
    }
    e.adoptVerifiedHash(verifiedHash);
    return engine;
}

Result<Receipt> Market::applyBuffered(const Transaction &tx)
{
    if (m_broken)
        return Error::make(QStringLiteral("market.diverged"), tr("The mirror must be reopened after a failed save."));
    const Month month = m_engine.currentMonth();
    const qint64 epoch = m_engine.currentEpoch();
    auto receipt = m_engine.apply(tx);
    if (receipt) {
        m_buffered.append(recordFor(tx, *receipt, month, epoch));
        drainHistory(m_buffered.last()); // history goes in the same SQL transaction as its log entry
    }
    return receipt;
}

Result<void> Market::commitBuffered()
{
    if (m_buffered.isEmpty())
        return {};
    const QList<LogRecord> records = std::exchange(m_buffered, {});
    if (auto ok = m_store.append(records); !ok)
        return rebuildAfter(ok.error());
    return {};
}

LogRecord Market::recordFor(const Transaction &tx, const Receipt &receipt, Month month, qint64 epoch) const
{
    LogRecord r;
    r.seq = receipt.sequence;
    r.type = transactionTypeName(tx);
    const Address signer = transactionSender(tx);
    r.signer = signer.isNull() ? QString() : signer.toLower();
    r.isSigned = isSignedTx(tx);
    r.month = month;
    r.epoch = epoch;
    r.tx = encodeTransaction(tx);
    r.receipt = encodeReceipt(receipt);
    r.stateHash = receipt.stateHash;
    if (const auto *book = std::get_if<BookTx>(&tx)) {
        r.booking = BookingRow{receipt.bookingId, receipt.sequence, book->sp.toLower(), book->scope, receipt.clusterId,
                               book->sizeTb, book->startMonth, book->months, receipt.hpCost, receipt.margin, receipt.amount};
    }
    return r;
}

void Market::adoptEngine()
{
    m_engine.setRecordEvents(true);
    (void)m_engine.takeEvents(); // a replay's events are stored already
    m_priceCursor = m_engine.listedPriceChangeCount();
}

void Market::drainHistory(LogRecord &record)
{
    record.events = m_engine.takeEvents();
    record.priceChanges = m_engine.listedPriceChangesSince(m_priceCursor);
    m_priceCursor = m_engine.listedPriceChangeCount();
}

Error Market::rebuildAfter(const Error &commitError)
{
    auto rebuilt = replay(m_store);
    if (rebuilt) {
        m_engine = std::move(*rebuilt);
        adoptEngine();
        return commitError;
    }
    m_broken = true;
    return Error::make(QStringLiteral("market.diverged"),
                       tr("Saving failed (%1) and the mirror could not be reloaded (%2). Reopen the data folder.")
                           .arg(commitError.message, rebuilt.error().message));
}

Result<Receipt> Market::submit(const Transaction &tx)
{
    if (m_broken)
        return Error::make(QStringLiteral("market.diverged"), tr("The mirror must be reopened after a failed save."));
    if (auto flushed = commitBuffered(); !flushed) // the log stays in sequence order
        return flushed.error();
    const Month month = m_engine.currentMonth();
    const qint64 epoch = m_engine.currentEpoch();
    auto receipt = m_engine.apply(tx);
    if (!receipt)
        return receipt;
    LogRecord record = recordFor(tx, *receipt, month, epoch);
    drainHistory(record);
    if (auto ok = m_store.append({record}); !ok)
        return rebuildAfter(ok.error());
    return receipt;
}

QList<Result<Receipt>> Market::submitBatch(const QList<Transaction> &txs)
{
    QList<Result<Receipt>> out;
    out.reserve(txs.size());
    if (m_broken) {
        for (qsizetype i = 0; i < txs.size(); ++i)
            out.append(Error::make(QStringLiteral("market.diverged"), tr("The mirror must be reopened after a failed save.")));
        return out;
    }
    if (auto flushed = commitBuffered(); !flushed) {
        for (qsizetype i = 0; i < txs.size(); ++i)
            out.append(flushed.error());
        return out;
    }
    QList<LogRecord> records;
    records.reserve(txs.size());
    for (const Transaction &tx : txs) {
        const Month month = m_engine.currentMonth();
        const qint64 epoch = m_engine.currentEpoch();
        auto receipt = m_engine.apply(tx);
        if (receipt) {
            records.append(recordFor(tx, *receipt, month, epoch));
            drainHistory(records.last());
        }
        out.append(std::move(receipt));
    }
    if (auto ok = m_store.append(records); !ok) {
        const Error error = rebuildAfter(ok.error());
        for (auto &slot : out)
            if (slot)
                slot = error;
    }
    return out;
}

Result<quint64> Market::verifyReplay() const
{
    auto replayed = replay(m_store);
    if (!replayed)
        return replayed.error();
    if (replayed->stateHash() != m_engine.stateHash())
        return Error::make(QStringLiteral("store.replay_mismatch"), tr("The replayed state differs from the open mirror."));
    return replayed->appliedCount();
}

CheckReport Market::check(const std::function<void(int)> &progress) const
{
    return checkStore(m_store, &m_engine, progress);
}

CheckReport Market::checkDatabase(const QString &dataDir, const std::function<void(int)> &progress)
{
    auto store = QFileInfo::exists(databasePath(dataDir)) ? Store::open(databasePath(dataDir))
                                                          : Result<Store>(Error::make(QStringLiteral("market.not_initialized"),
                                                                                      tr("No network in %1 yet.").arg(dataDir)));
    if (!store) {
        CheckReport r;
        r.problems.append(store.error().message);
        if (progress)
            progress(100);
        return r;
    }
    // One snapshot for every check: a commit by the open mirror during the replay must not make
    // the history count or the bookings table disagree with the log that was replayed.
    if (auto snapshot = store->beginReadSnapshot(); !snapshot) {
        CheckReport r;
        r.problems.append(snapshot.error().message);
        if (progress)
            progress(100);
        return r;
    }
    return checkStore(*store, nullptr, progress);
}

CheckReport Market::checkStore(const Store &store, const Engine *live, const std::function<void(int)> &progress)
{
    // Shares of the whole: SQLite's own checks and the genesis to 10 %, the replay to 95 %.
    int last = -1;
    const auto report = [&progress, &last](int percent) {
        if (progress && percent != last) {
            last = percent;
            progress(percent);
        }
    };
    report(0);
    CheckReport r;
    if (const auto integrity = store.integrityCheck(); integrity) {
        r.integrity = *integrity;
        if (r.integrity != QStringList{QStringLiteral("ok")})
            r.problems.append(tr("SQLite integrity check: %1").arg(r.integrity.join(QStringLiteral("; "))));
    } else {
        r.problems.append(integrity.error().message);
    }
    if (const auto fk = store.foreignKeyViolations(); fk) {
        r.foreignKeyViolations = *fk;
        if (*fk != 0)
            r.problems.append(tr("%1 foreign key violations.").arg(*fk));
    } else {
        r.problems.append(fk.error().message);
    }
    report(5);

    const auto json = store.genesisJson();
    const auto fromJson = json ? SnapshotJson::fromJson(*json) : Result<NetworkSnapshot>(json.error());
    const auto fromBinary = store.readGenesis();
    const auto hash = store.genesisHash();
    r.genesisConsistent = fromJson && fromBinary && *fromJson == *fromBinary && hash && (!live || *hash == live->genesisHash());
    if (!r.genesisConsistent)
        r.problems.append(fromJson ? tr("The stored genesis forms or its hash disagree.") : fromJson.error().message);

    report(10);

    QList<LogRecord> history;
    const quint64 expected = std::max<quint64>(1, live ? live->appliedCount() : store.lastSeq());
    auto replayed = replay(store, nullptr, &history, -1, [&report, expected](quint64 applied) {
        report(10 + int(std::min<quint64>(applied, expected) * 85 / expected));
    });
    if (!replayed) {
        r.problems.append(replayed.error().message);
        if (replayed.error().code == QLatin1String("store.replay_mismatch"))
            r.firstMismatchSeq = replayed.error().details.value(QStringLiteral("seq")).toULongLong();
    } else {
        r.replayed = replayed->appliedCount();
        r.stateHash = replayed->stateHash();
        if (live) {
            r.memoryMatchesStore = replayed->stateHash() == live->stateHash();
            if (!r.memoryMatchesStore)
                r.problems.append(tr("The open mirror's state differs from the stored log."));
        } // else the caller compares (replay itself refuses a genesis that does not match its hash)
        // History for analysts: the tables hold exactly the rows the log gives back on replay.
        qint64 expectedRows = 0;
        for (const LogRecord &h : history)
            expectedRows += qint64(h.events.size()) + h.priceChanges.size();
        if (store.historySeq() != qint64(replayed->appliedCount()) || store.historyRowCount() != expectedRows)
            r.problems.append(tr("The history tables (%1 rows through entry %2) do not match the log (%3 rows through entry %4).")
                                  .arg(store.historyRowCount()).arg(store.historySeq()).arg(expectedRows).arg(replayed->appliedCount()));
        const auto conservation = replayed->checkConservation();
        r.conservationOk = conservation.ok();
        if (!conservation)
            r.problems.append(conservation.error().message);
        // The query table holds the posted-price bookings (other kinds, e.g. tender awards, may
        // add engine bookings without a row); every row must match the engine.
        if (const auto rows = store.bookings(); !rows) {
            r.problems.append(rows.error().message);
        } else {
            for (const BookingRow &row : *rows) {
                const auto b = replayed->booking(row.id);
                if (!b || b->sp.toLower() != row.sp || b->clusterId != row.clusterId || b->sizeTb != row.sizeTb
                    || b->total != row.total || b->hpCost != row.hpCost) {
                    r.problems.append(tr("Row %1 of the bookings table does not match the engine.").arg(row.id));
                    break;
                }
            }
        }
    }
    r.ok = r.problems.isEmpty();
    report(100);
    return r;
}

} // namespace icn
