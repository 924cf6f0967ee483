// The persisted mirror (Market = Engine + SQLite store):
//  - persisted bookings per second through Market::submitBatch (one SQL transaction per block of
//    2,000), and over the first 100,000 of them next to a raw sqlite3 prepared-insert loop of the
//    same rows into a fresh database in the same run (the anchor);
//  - one durable signed booking end to end (sign, verify, apply, commit with synchronous=FULL): p50/p99;
//  - start-up (open + replay) of a 100,000-HN network with N bookings in its log.
// Prints "name: value unit" lines. Usage: bench_store [bookings, default 1000000] [folder to keep the 100k-HN mirror in]

#include "BookingTypedData.h"
#include "DemoNetwork.h"
#include "Hex.h"
#include "Market.h"
#include "NetworkGenerator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <random>
#include <vector>

using namespace icn;
using Clock = std::chrono::steady_clock;

namespace {

QTextStream out(stdout);

void print(const QString &name, double value, const char *unit)
{
    out << name << ": " << QString::number(value, 'f', value < 10 ? 3 : 1) << ' ' << unit << Qt::endl;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    const size_t k = std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())));
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
    return v[k];
}

double seconds(Clock::duration d)
{
    return std::chrono::duration<double>(d).count();
}

// Process CPU time (all threads): on a shared machine the wall-clock figures move with the load,
// CPU seconds much less, so both are printed.
double cpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

// Builds one block of unsigned cluster bookings, at most one per cluster so that no booking in
// the block changes another's quote.
QList<Transaction> nextBlock(const Engine &e, const QStringList &clusters, const QList<Address> &sps, std::mt19937_64 &rng,
                             qsizetype size, QHash<Address, quint64> &nonces)
{
    QList<Transaction> block;
    block.reserve(size);
    const qsizetype offset = qsizetype(rng() % quint64(clusters.size()));
    for (qsizetype i = 0; i < size && i < clusters.size(); ++i) {
        BookTx b;
        b.sp = sps[qsizetype(rng() % quint64(sps.size()))];
        b.scope = clusters[(offset + i) % clusters.size()];
        b.sizeTb = 1 + qint64(rng() % 10);
        b.startMonth = e.currentMonth().plus(1 + qint32(rng() % 5));
        b.months = 3 + qint32(rng() % 4);
        const auto q = e.quote({b.scope, b.sizeTb, b.startMonth, b.months});
        if (!q)
            continue;
        b.quotedTotal = q->total;
        if (!nonces.contains(b.sp))
            nonces.insert(b.sp, e.nextNonce(b.sp));
        b.nonce = nonces[b.sp]++;
        b.deadline = e.currentMonth();
        b.unsignedLocal = true;
        block.append(b);
    }
    return block;
}

// The anchor: the same rows (log entries + booking rows, pre-encoded) through a raw prepared
// insert loop, one transaction per block of 2,000, into a fresh database with the same schema,
// indexes and pragmas: what SQLite alone costs for the first blocks the Market persisted.
double rawInsertRate(const QString &path, const QList<LogRecord> &records)
{
    {
        auto schema = Store::open(path); // creates the same schema and settings
        if (!schema)
            return 0;
    }
    sqlite3 *db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON; "
                     "PRAGMA cache_size=-65536;",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt *log = nullptr, *booking = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO tx_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", -1, &log, nullptr);
    sqlite3_prepare_v2(db, "INSERT INTO bookings (id, seq, sp, scope, cluster, size_tb, start_month, months, hp_cost, margin, total) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", -1, &booking, nullptr);
    struct Row
    {
        QByteArray type, signer, month, sp, scope, cluster, start, hp, margin, total;
    };
    std::vector<Row> rows;
    rows.reserve(size_t(records.size()));
    for (const LogRecord &r : records) {
        const BookingRow &b = *r.booking;
        rows.push_back({r.type.toUtf8(), r.signer.toUtf8(), r.month.toString().toUtf8(), b.sp.toUtf8(), b.scope.toUtf8(),
                        b.clusterId.toUtf8(), b.start.toString().toUtf8(), b.hpCost.toStorage().toUtf8(),
                        b.margin.toStorage().toUtf8(), b.total.toStorage().toUtf8()});
    }
    const auto t0 = Clock::now();
    for (qsizetype i = 0; i < records.size(); ++i) {
        if (i % 2000 == 0)
            sqlite3_exec(db, i == 0 ? "BEGIN IMMEDIATE" : "COMMIT; BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        const LogRecord &r = records[i];
        const Row &w = rows[size_t(i)];
        const auto text = [](sqlite3_stmt *st, int col, const QByteArray &b) {
            sqlite3_bind_text(st, col, b.constData(), int(b.size()), SQLITE_STATIC);
        };
        sqlite3_bind_int64(log, 1, qint64(r.seq));
        text(log, 2, w.type);
        sqlite3_bind_null(log, 3);
        sqlite3_bind_int(log, 4, 0);
        text(log, 5, w.month);
        sqlite3_bind_int64(log, 6, r.epoch);
        sqlite3_bind_blob(log, 7, r.tx.constData(), int(r.tx.size()), SQLITE_STATIC);
        sqlite3_bind_blob(log, 8, r.receipt.constData(), int(r.receipt.size()), SQLITE_STATIC);
        sqlite3_bind_blob(log, 9, r.stateHash.constData(), int(r.stateHash.size()), SQLITE_STATIC);
        sqlite3_step(log);
        sqlite3_reset(log);
        const BookingRow &b = *r.booking;
        sqlite3_bind_int64(booking, 1, qint64(b.id));
        sqlite3_bind_int64(booking, 2, qint64(r.seq));
        text(booking, 3, w.sp);
        text(booking, 4, w.scope);
        text(booking, 5, w.cluster);
        sqlite3_bind_int64(booking, 6, b.sizeTb);
        text(booking, 7, w.start);
        sqlite3_bind_int(booking, 8, b.months);
        text(booking, 9, w.hp);
        text(booking, 10, w.margin);
        text(booking, 11, w.total);
        sqlite3_step(booking);
        sqlite3_reset(booking);
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    const double elapsed = seconds(Clock::now() - t0);
    sqlite3_finalize(log);
    sqlite3_finalize(booking);
    sqlite3_close(db);
    return double(records.size()) / elapsed;
}

void durableSignedBookings(const QString &dir, int count)
{
    auto market = Market::create(dir, DemoNetwork::snapshot());
    if (!market) {
        out << "error: " << market.error().message << Qt::endl;
        return;
    }
    auto keyBytes = fromHex(QStringLiteral("1ab42cc412b618bdea3a599e3c9bae199ebf030895b039e9db1e30dafb12b727"), 32);
    const SecureBytes key = SecureBytes::takeFrom(*keyBytes);
    const Address sp = *Address::parse(DemoNetwork::demoSpAddress());
    QStringList clusters;
    for (const Cluster &c : market->engine().genesis().clusters)
        clusters.append(c.id);
    std::vector<double> micros;
    for (int i = 0; i < count; ++i) {
        const Engine &e = market->engine();
        const QString scope = clusters[i % clusters.size()];
        const auto q = e.quote({scope, 1, e.currentMonth().plus(1), 3});
        if (!q)
            continue;
        const BookingRequest request{sp, scope, 1, e.currentMonth().plus(1), 3, q->total, e.nextNonce(sp), e.currentMonth()};
        const auto t0 = Clock::now();
        const auto tx = signBooking(request, key);
        const auto receipt = tx ? market->submit(*tx) : Result<Receipt>(tx.error());
        micros.push_back(seconds(Clock::now() - t0) * 1e6);
        if (!receipt) {
            out << "error: " << receipt.error().message << Qt::endl;
            return;
        }
    }
    print(QStringLiteral("durable_signed_booking_p50"), percentile(micros, 0.5) / 1000, "ms");
    print(QStringLiteral("durable_signed_booking_p99"), percentile(micros, 0.99) / 1000, "ms");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const qint64 target = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1'000'000;
    QTemporaryDir tmp;

    durableSignedBookings(tmp.filePath(QStringLiteral("durable")), 300);

    const NetworkSnapshot genesis = NetworkGenerator::generate(GeneratorOptions::large());
    const QString dir = argc > 2 ? QString::fromLocal8Bit(argv[2]) : tmp.filePath(QStringLiteral("large"));
    auto t0 = Clock::now();
    auto market = Market::create(dir, genesis);
    if (!market) {
        out << "error: " << market.error().message << Qt::endl;
        return 1;
    }
    print(QStringLiteral("create_100k_hns"), seconds(Clock::now() - t0) * 1000, "ms");

    QStringList clusters;
    for (const Cluster &c : genesis.clusters)
        clusters.append(c.id);
    QList<Address> sps;
    for (const AccountEntry &a : genesis.accounts)
        if (a.label.startsWith(QLatin1String("SP ")))
            sps.append(a.account);
    std::mt19937_64 rng(20261120);
    QHash<Address, quint64> nonces;
    Clock::duration persisting{};
    double persistingCpu = 0;
    std::vector<std::pair<qint64, double>> blocks; // (bookings persisted, seconds) per block
    qint64 persisted = 0;
    while (persisted < target) {
        const QList<Transaction> block = nextBlock(market->engine(), clusters, sps, rng, qMin<qint64>(2000, target - persisted), nonces);
        const auto start = Clock::now();
        const double startCpu = cpuSeconds();
        const auto results = market->submitBatch(block);
        persisting += Clock::now() - start;
        persistingCpu += cpuSeconds() - startCpu;
        qint64 ok = 0;
        for (const auto &r : results)
            ok += r.ok() ? 1 : 0;
        persisted += ok;
        blocks.emplace_back(ok, seconds(Clock::now() - start));
        if (block.isEmpty())
            break;
    }
    const double marketRate = double(persisted) / seconds(persisting);
    print(QStringLiteral("persisted_bookings_batched"), marketRate, "bookings/s");
    print(QStringLiteral("persisted_bookings_batched_per_cpu_second"), double(persisted) / persistingCpu, "bookings/cpu-s");

    // The anchor, on the first 100,000 rows (or all of them): the Market wrote them into a
    // nearly empty database, the anchor writes them into an empty one.
    const quint64 sample = quint64(qMin<qint64>(persisted, 100'000));
    auto rows = market->store().logEntries(1, int(sample));
    qint64 firstCount = 0;
    double firstSeconds = 0;
    for (auto it = blocks.begin(); it != blocks.end() && firstCount < qint64(sample); ++it) {
        firstCount += it->first;
        firstSeconds += it->second;
    }
    const double firstRate = double(firstCount) / firstSeconds;
    const double rawRate = rawInsertRate(tmp.filePath(QStringLiteral("raw.sqlite")), *rows);
    print(QStringLiteral("persisted_bookings_batched_first_%1").arg(firstCount), firstRate, "bookings/s");
    print(QStringLiteral("raw_sqlite_same_rows"), rawRate, "rows/s");
    print(QStringLiteral("persisted_vs_raw_ratio"), firstRate / rawRate, "ratio");

    const quint64 applied = market->engine().appliedCount();
    market = Error{}; // closes the database
    t0 = Clock::now();
    const double cpu0 = cpuSeconds();
    auto reopened = Market::open(dir);
    const double startup = seconds(Clock::now() - t0) * 1000;
    const double startupCpu = (cpuSeconds() - cpu0) * 1000;
    if (!reopened || reopened->engine().appliedCount() != applied) {
        out << "error: reopening failed" << Qt::endl;
        return 1;
    }
    print(QStringLiteral("startup_100k_hns_%1_bookings").arg(persisted), startup, "ms");
    print(QStringLiteral("startup_100k_hns_%1_bookings_cpu").arg(persisted), startupCpu, "ms (cpu, both threads)");
    return 0;
}
