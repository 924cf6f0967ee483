// The history tables of the Store: written with the log records they come from (same SQL
// transaction), read by HistoryQuery. Amounts are exact base-unit integers as TEXT
// (Amount::toStorage), months "YYYY-MM" (they sort as text), epochs integers.
#include "StoreHistory.h"

#include "ByteReader.h"
#include "ByteWriter.h"
#include "Store.h"

#include <QCoreApplication>

#include <sqlite3.h>

#include <map>
#include <type_traits>
#include <utility>
#include <vector>

namespace icn {

const char *const kHistorySchema = R"sql(
CREATE TABLE hist_listed_price (
    seq INTEGER NOT NULL CHECK (seq >= 0),
    idx INTEGER NOT NULL CHECK (idx >= 0),
    cluster TEXT NOT NULL,
    first_month TEXT NOT NULL,
    last_month TEXT NOT NULL,
    price TEXT,
    at_month TEXT NOT NULL,
    at_epoch INTEGER NOT NULL,
    PRIMARY KEY (seq, idx)
) STRICT, WITHOUT ROWID;
CREATE INDEX hist_listed_price_by_cluster ON hist_listed_price(cluster, last_month);
CREATE TABLE hist_cluster_month (
    seq INTEGER NOT NULL CHECK (seq > 0),
    idx INTEGER NOT NULL CHECK (idx >= 0),
    month TEXT NOT NULL,
    cluster TEXT NOT NULL,
    booked_tb INTEGER NOT NULL CHECK (booked_tb >= 0),
    capacity_tb INTEGER NOT NULL CHECK (capacity_tb >= 0),
    booked_value TEXT NOT NULL,
    PRIMARY KEY (seq, idx)
) STRICT, WITHOUT ROWID;
CREATE INDEX hist_cluster_month_by_cluster ON hist_cluster_month(cluster, month);
CREATE TABLE hist_node_epoch (
    seq INTEGER NOT NULL CHECK (seq > 0),
    idx INTEGER NOT NULL CHECK (idx >= 0),
    epoch INTEGER NOT NULL,
    node TEXT NOT NULL,
    observed INTEGER NOT NULL CHECK (observed IN (0, 1)),
    compliant INTEGER NOT NULL CHECK (compliant IN (0, 1)),
    availability_ppm INTEGER NOT NULL,
    latency_ms INTEGER NOT NULL,
    bandwidth_mbps INTEGER NOT NULL,
    reliability_ppm INTEGER NOT NULL,
    PRIMARY KEY (seq, idx)
) STRICT, WITHOUT ROWID;
CREATE INDEX hist_node_epoch_by_node ON hist_node_epoch(node, epoch);
CREATE TABLE hist_event (
    seq INTEGER NOT NULL CHECK (seq > 0),
    idx INTEGER NOT NULL CHECK (idx >= 0),
    kind TEXT NOT NULL CHECK (kind IN ('slash', 'withholding', 'reward', 'claim', 'node')),
    node TEXT NOT NULL DEFAULT '',
    booking INTEGER,
    account TEXT,
    epoch INTEGER NOT NULL,
    month TEXT NOT NULL,
    step INTEGER,
    ppm INTEGER,
    days INTEGER,
    flag INTEGER,
    amount TEXT,
    amount2 TEXT,
    what TEXT,
    PRIMARY KEY (seq, idx)
) STRICT, WITHOUT ROWID;
CREATE INDEX hist_event_by_node ON hist_event(kind, node, epoch);
CREATE INDEX hist_event_by_booking ON hist_event(booking) WHERE booking IS NOT NULL;
)sql";

// Version 4: an epoch close's per-HN SLA medians are kept as one packed block per cluster
// (encodeSlaBlock) instead of one row per HN. A row per HN per epoch wrote two B-tree entries at
// 10,000 places of the file each epoch; a cluster's blocks are appended next to each other.
// The v3 rows are dropped and rewritten as blocks from the log by the history backfill, which
// runs because the history's position goes back to the genesis.
const char *const kHistorySchemaV4 = R"sql(
CREATE TABLE hist_sla_block (
    cluster TEXT NOT NULL,
    epoch INTEGER NOT NULL,
    seq INTEGER NOT NULL CHECK (seq > 0),
    nodes INTEGER NOT NULL CHECK (nodes > 0),
    data BLOB NOT NULL,
    PRIMARY KEY (cluster, epoch, seq)
) STRICT, WITHOUT ROWID;
DROP TABLE hist_node_epoch;
UPDATE meta SET value = '0' WHERE key = 'history_seq';
)sql";

namespace {

QByteArray encodeSlaBlock(const std::vector<const NodeEpochEvent *> &rows)
{
    ByteWriter w;
    w.reserve(qsizetype(rows.size()) * 48);
    for (const NodeEpochEvent *e : rows) {
        w.string(e->nodeId);
        w.u8(quint8((e->observed ? 1 : 0) | (e->compliant ? 2 : 0)));
        w.i64(e->availabilityPpm);
        w.i64(e->latencyMs);
        w.i64(e->bandwidthMbps);
        w.i32(e->reliabilityPpm);
    }
    return w.toByteArray();
}

bool decodeSlaBlock(QByteArrayView data, qint64 epoch, const QString &clusterId, qint64 count, const QString &onlyNode,
                    QList<NodeEpochEvent> &out)
{
    ByteReader r(data);
    for (qint64 i = 0; i < count; ++i) {
        NodeEpochEvent e;
        e.epoch = epoch;
        e.clusterId = clusterId;
        e.nodeId = r.string(256);
        const quint8 flags = r.u8();
        e.observed = (flags & 1) != 0;
        e.compliant = (flags & 2) != 0;
        e.availabilityPpm = r.i64();
        e.latencyMs = r.i64();
        e.bandwidthMbps = r.i64();
        e.reliabilityPpm = r.i32();
        if (r.failed() || flags > 3)
            return false;
        if (onlyNode.isEmpty() || e.nodeId == onlyNode)
            out.append(std::move(e));
    }
    return r.atEnd();
}

} // namespace

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Store", text);
}

// Binds the parameters of one statement in order, runs it once and resets it.
class Row
{
public:
    explicit Row(sqlite3_stmt *st) : m_st(st) {}
    Row &integer(qint64 v)
    {
        sqlite3_bind_int64(m_st, m_col++, v);
        return *this;
    }
    Row &text(const QString &v)
    {
        const QByteArray utf8 = v.toUtf8();
        sqlite3_bind_text(m_st, m_col++, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Row &null()
    {
        sqlite3_bind_null(m_st, m_col++);
        return *this;
    }
    Row &amount(const Amount &a) { return text(a.toStorage()); }
    bool run()
    {
        const bool done = sqlite3_step(m_st) == SQLITE_DONE;
        sqlite3_reset(m_st);
        sqlite3_clear_bindings(m_st);
        return done;
    }

private:
    sqlite3_stmt *m_st;
    int m_col = 1;
};

QByteArrayView blobOf(sqlite3_stmt *st, int col)
{
    const void *p = sqlite3_column_blob(st, col);
    return QByteArrayView(static_cast<const char *>(p), sqlite3_column_bytes(st, col));
}

QString textOf(sqlite3_stmt *st, int col)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, col)), sqlite3_column_bytes(st, col));
}

struct Finalizer
{
    sqlite3_stmt *st;
    ~Finalizer() { sqlite3_finalize(st); }
};

Error damaged(const char *table, qint64 seq)
{
    return Error::make(QStringLiteral("store.bad_row"), tr("A row of %1 (log entry %2) is damaged.").arg(QLatin1String(table)).arg(seq),
                       {}, {{QStringLiteral("seq"), seq}});
}

// Reads a column the history wrote with Amount::toStorage (or a month): false when damaged.
bool amountAt(sqlite3_stmt *st, int col, Amount &out)
{
    if (sqlite3_column_type(st, col) == SQLITE_NULL) {
        out = Amount();
        return true;
    }
    const auto a = Amount::fromStorage(textOf(st, col));
    if (a)
        out = *a;
    return a.ok();
}

bool monthAt(sqlite3_stmt *st, int col, Month &out)
{
    const auto m = Month::parse(textOf(st, col));
    if (m)
        out = *m;
    return m.ok();
}

} // namespace

HistoryStatements::~HistoryStatements()
{
    for (sqlite3_stmt *st : {listedPrice, clusterMonth, slaBlock, event, upsertSeq})
        sqlite3_finalize(st);
}

Result<std::unique_ptr<HistoryStatements>> HistoryStatements::prepare(sqlite3 *db)
{
    auto h = std::make_unique<HistoryStatements>();
    const auto prep = [db](const char *sql, sqlite3_stmt *&out) {
        return sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &out, nullptr) == SQLITE_OK;
    };
    const bool ok =
        prep("INSERT OR IGNORE INTO hist_listed_price (seq, idx, cluster, first_month, last_month, price, at_month, at_epoch) "
             "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
             h->listedPrice)
        && prep("INSERT OR IGNORE INTO hist_cluster_month (seq, idx, month, cluster, booked_tb, capacity_tb, booked_value) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                h->clusterMonth)
        && prep("INSERT OR IGNORE INTO hist_sla_block (cluster, epoch, seq, nodes, data) VALUES (?, ?, ?, ?, ?)", h->slaBlock)
        && prep("INSERT OR IGNORE INTO hist_event (seq, idx, kind, node, booking, account, epoch, month, step, ppm, days, flag, "
                "amount, amount2, what) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                h->event)
        && prep("INSERT INTO meta (key, value) VALUES ('history_seq', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE CAST(excluded.value AS INTEGER) > CAST(value AS INTEGER)",
                h->upsertSeq);
    if (!ok)
        return Error::make(QStringLiteral("store.sql_failed"), tr("Preparing the history statements failed: %1").arg(QString::fromUtf8(sqlite3_errmsg(db))));
    return h;
}

bool HistoryStatements::setSeq(qint64 seq)
{
    return Row(upsertSeq).text(QString::number(seq)).run();
}

bool HistoryStatements::write(const LogRecord &r)
{
    const QString atMonth = r.month.toString();
    // (cluster, (epoch, seq)) → that cluster's HN rows, in the record's order.
    std::map<std::pair<QString, std::pair<qint64, qint64>>, std::vector<const NodeEpochEvent *>> slaBlocks;
    for (qsizetype i = 0; i < r.priceChanges.size(); ++i) {
        const ListedPriceChange &c = r.priceChanges[i];
        Row row(listedPrice);
        row.integer(qint64(c.sequence)).integer(i).text(c.clusterId).text(c.first.toString()).text(c.last.toString());
        if (c.hasPrice)
            row.amount(c.price);
        else
            row.null();
        if (!row.text(atMonth).integer(r.epoch).run())
            return false;
    }
    for (size_t i = 0; i < r.events.size(); ++i) {
        const EngineEvent &e = r.events[i];
        const auto seq = qint64(e.sequence);
        const auto idx = qint64(i);
        const bool ok = std::visit(
            [&](const auto &ev) {
                using T = std::decay_t<decltype(ev)>;
                // hist_event: kind, node, booking, account, epoch, month, step, ppm, days, flag, amount, amount2, what
                const auto common = [&](const char *kind, const QString &node) -> Row {
                    Row row(event);
                    row.integer(seq).integer(idx).text(QLatin1String(kind)).text(node);
                    return row;
                };
                if constexpr (std::is_same_v<T, ClusterMonthEvent>) {
                    return Row(clusterMonth).integer(seq).integer(idx).text(ev.month.toString()).text(ev.clusterId)
                        .integer(ev.bookedTb).integer(ev.capacityTb).amount(ev.bookedValue).run();
                } else if constexpr (std::is_same_v<T, NodeEpochEvent>) {
                    slaBlocks[{ev.clusterId, {ev.epoch, seq}}].push_back(&ev);
                    return true;
                } else if constexpr (std::is_same_v<T, SlashEvent>) {
                    Row row = common("slash", ev.nodeId).null().null().integer(ev.epoch).text(atMonth).integer(ev.step).integer(ev.ppm)
                        .null().integer(ev.jailed ? 1 : 0).amount(ev.amount);
                    if (ev.bonds > Amount()) // §8 kept bonds slashed with the collateral (amount2)
                        row.amount(ev.bonds);
                    else
                        row.null();
                    return row.null().run();
                } else if constexpr (std::is_same_v<T, WithholdingEvent>) {
                    return common("withholding", ev.nodeId).integer(qint64(ev.bookingId)).null().integer(r.epoch).text(ev.month.toString())
                        .null().null().integer(ev.breachDays).null().amount(ev.withheld).null().null().run();
                } else if constexpr (std::is_same_v<T, RewardEvent>) {
                    return common("reward", ev.nodeId).null().null().integer(r.epoch).text(ev.month.toString()).null().null().null()
                        .null().amount(ev.amount).amount(ev.toCollateral).null().run();
                } else if constexpr (std::is_same_v<T, ClaimEvent>) {
                    return common("claim", QString()).integer(qint64(ev.bookingId)).text(ev.spAccount).integer(r.epoch).text(atMonth)
                        .null().null().null().null().amount(ev.amount).null().null().run();
                } else if constexpr (std::is_same_v<T, NodeChangeEvent>) {
                    return common("node", ev.nodeId).null().null().integer(r.epoch).text(atMonth).null().null().null().null()
                        .amount(ev.amount).null().text(ev.what).run();
                } else {
                    return true; // an event kind this build does not persist yet
                }
            },
            e.data);
        if (!ok)
            return false;
    }
    for (const auto &[key, rows] : slaBlocks) {
        const QByteArray data = encodeSlaBlock(rows);
        sqlite3_bind_blob(slaBlock, 5, data.constData(), int(data.size()), SQLITE_TRANSIENT);
        Row row(slaBlock);
        if (!row.text(key.first).integer(key.second.first).integer(key.second.second).integer(qint64(rows.size())).run())
            return false;
    }
    return true;
}

// --- Store members ---

bool Store::writeHistoryRows(const LogRecord &record, Error &error)
{
    if (m_history->write(record))
        return true;
    error = sqlError(tr("Recording the history of transaction %1").arg(record.seq));
    return false;
}

qint64 Store::historySeq() const
{
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(m_db, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'history_seq'", -1, &st, nullptr) != SQLITE_OK)
        return -1;
    Finalizer f{st};
    return sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
}

Result<void> Store::writeHistory(const QList<LogRecord> &records, quint64 throughSeq)
{
    if (auto ok = exec("BEGIN IMMEDIATE"); !ok)
        return ok.error();
    Error error;
    bool good = true;
    for (const LogRecord &r : records) {
        good = writeHistoryRows(r, error);
        if (!good)
            break;
    }
    if (good && !m_history->setSeq(qint64(throughSeq))) {
        good = false;
        error = sqlError(tr("Recording the history's position"));
    }
    if (good) {
        if (exec("COMMIT"))
            return {};
        error = sqlError(tr("Committing the history"));
    }
    (void)exec("ROLLBACK");
    return error;
}

Result<QList<ClusterMonthEvent>> Store::clusterMonthHistory(const QString &clusterId, Month from, Month to) const
{
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(m_db, "SELECT seq, month, booked_tb, capacity_tb, booked_value FROM hist_cluster_month "
                                 "WHERE cluster = ? AND month BETWEEN ? AND ? ORDER BY month, seq, idx",
                           -1, &st, nullptr) != SQLITE_OK)
        return sqlError(tr("Reading the cluster history"));
    Finalizer f{st};
    Row(st).text(clusterId).text(from.toString()).text(to.toString());
    QList<ClusterMonthEvent> out;
    while (sqlite3_step(st) == SQLITE_ROW) {
        ClusterMonthEvent e;
        e.clusterId = clusterId;
        e.bookedTb = sqlite3_column_int64(st, 2);
        e.capacityTb = sqlite3_column_int64(st, 3);
        if (!monthAt(st, 1, e.month) || !amountAt(st, 4, e.bookedValue))
            return damaged("hist_cluster_month", sqlite3_column_int64(st, 0));
        out.append(e);
    }
    return out;
}

Result<QList<PriceChangeRow>> Store::listedPriceHistory(const QString &clusterId, Month from, Month to) const
{
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(m_db, "SELECT seq, first_month, last_month, price, at_month, at_epoch FROM hist_listed_price "
                                 "WHERE cluster = ? AND last_month >= ? AND first_month <= ? ORDER BY seq, idx",
                           -1, &st, nullptr) != SQLITE_OK)
        return sqlError(tr("Reading the listed-price history"));
    Finalizer f{st};
    Row(st).text(clusterId).text(from.toString()).text(to.toString());
    QList<PriceChangeRow> out;
    while (sqlite3_step(st) == SQLITE_ROW) {
        PriceChangeRow r;
        r.change.sequence = quint64(sqlite3_column_int64(st, 0));
        r.change.clusterId = clusterId;
        r.change.hasPrice = sqlite3_column_type(st, 3) != SQLITE_NULL;
        r.atEpoch = sqlite3_column_int64(st, 5);
        if (!monthAt(st, 1, r.change.first) || !monthAt(st, 2, r.change.last) || !amountAt(st, 3, r.change.price)
            || !monthAt(st, 4, r.atMonth))
            return damaged("hist_listed_price", sqlite3_column_int64(st, 0));
        out.append(r);
    }
    return out;
}

Result<QList<NodeEpochEvent>> Store::nodeEpochHistory(const QString &clusterId, const QString &nodeId, qint64 fromEpoch,
                                                      qint64 toEpoch) const
{
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(m_db, "SELECT epoch, seq, nodes, data FROM hist_sla_block WHERE cluster = ? AND epoch BETWEEN ? AND ? "
                                 "ORDER BY epoch, seq",
                           -1, &st, nullptr) != SQLITE_OK)
        return sqlError(tr("Reading the SLA history"));
    Finalizer f{st};
    Row(st).text(clusterId).integer(fromEpoch).integer(toEpoch);
    QList<NodeEpochEvent> out;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const qint64 seq = sqlite3_column_int64(st, 1);
        if (!decodeSlaBlock(blobOf(st, 3), sqlite3_column_int64(st, 0), clusterId, sqlite3_column_int64(st, 2), nodeId, out))
            return damaged("hist_sla_block", seq);
    }
    return out;
}

Result<std::vector<EngineEvent>> Store::historyEvents(const QString &kind, const QString &nodeId, qint64 fromEpoch, qint64 toEpoch,
                                                      Month fromMonth, Month toMonth) const
{
    sqlite3_stmt *st = nullptr;
    const char *sql = nodeId.isEmpty()
        ? "SELECT seq, node, booking, account, epoch, month, step, ppm, days, flag, amount, amount2, what FROM hist_event "
          "WHERE kind = ?1 AND ?2 = '' AND epoch BETWEEN ?3 AND ?4 AND month BETWEEN ?5 AND ?6 ORDER BY seq, idx"
        : "SELECT seq, node, booking, account, epoch, month, step, ppm, days, flag, amount, amount2, what FROM hist_event "
          "WHERE kind = ?1 AND node = ?2 AND epoch BETWEEN ?3 AND ?4 AND month BETWEEN ?5 AND ?6 ORDER BY seq, idx";
    if (sqlite3_prepare_v2(m_db, sql, -1, &st, nullptr) != SQLITE_OK)
        return sqlError(tr("Reading the history"));
    Finalizer f{st};
    Row(st).text(kind).text(nodeId).integer(fromEpoch).integer(toEpoch).text(fromMonth.toString()).text(toMonth.toString());
    std::vector<EngineEvent> out;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const qint64 seq = sqlite3_column_int64(st, 0);
        const QString node = textOf(st, 1);
        const auto booking = quint64(sqlite3_column_int64(st, 2));
        const qint64 epoch = sqlite3_column_int64(st, 4);
        Month month;
        Amount amount, amount2;
        if (!monthAt(st, 5, month) || !amountAt(st, 10, amount) || !amountAt(st, 11, amount2))
            return damaged("hist_event", seq);
        EngineEventData data;
        if (kind == QLatin1String("slash"))
            data = SlashEvent{epoch, node, sqlite3_column_int(st, 6), sqlite3_column_int64(st, 7), amount, sqlite3_column_int(st, 9) != 0,
                              amount2};
        else if (kind == QLatin1String("withholding"))
            data = WithholdingEvent{month, booking, node, sqlite3_column_int(st, 8), amount};
        else if (kind == QLatin1String("reward"))
            data = RewardEvent{month, node, amount, amount2};
        else if (kind == QLatin1String("claim"))
            data = ClaimEvent{booking, textOf(st, 3), amount};
        else
            data = NodeChangeEvent{node, textOf(st, 12), amount};
        out.push_back(EngineEvent{quint64(seq), std::move(data)});
    }
    return out;
}

qint64 Store::historyRowCount() const
{
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(m_db, "SELECT (SELECT count(*) FROM hist_listed_price) + (SELECT count(*) FROM hist_cluster_month) + "
                                 "(SELECT coalesce(sum(nodes), 0) FROM hist_sla_block) + (SELECT count(*) FROM hist_event)",
                           -1, &st, nullptr) != SQLITE_OK)
        return -1;
    Finalizer f{st};
    return sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
}

} // namespace icn
