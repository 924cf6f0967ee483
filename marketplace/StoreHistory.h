#pragma once

// Private to Store: the history tables' schema step and prepared inserts (StoreHistory.cpp).

#include "Result.h"

#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace icn {

struct LogRecord;

// Schema version 3: the history for analysts (PROTOCOL.md §9), one table per shape of event.
extern const char *const kHistorySchema;
// Schema version 4: per-HN per-epoch SLA medians packed into one block per cluster and epoch.
extern const char *const kHistorySchemaV4;

struct HistoryStatements
{
    sqlite3_stmt *listedPrice = nullptr;
    sqlite3_stmt *clusterMonth = nullptr;
    sqlite3_stmt *slaBlock = nullptr;
    sqlite3_stmt *event = nullptr;
    sqlite3_stmt *upsertSeq = nullptr;

    HistoryStatements() = default;
    HistoryStatements(const HistoryStatements &) = delete;
    HistoryStatements &operator=(const HistoryStatements &) = delete;
    ~HistoryStatements();

    static Result<std::unique_ptr<HistoryStatements>> prepare(sqlite3 *db);
    // Inserts (OR IGNORE) every history row of the record; false at the first SQL failure.
    bool write(const LogRecord &record);
    bool setSeq(qint64 seq);
};

} // namespace icn
