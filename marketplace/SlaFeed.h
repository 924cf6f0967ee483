#pragma once

#include "Result.h"
#include "SlaReport.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace icn {

struct SlaFeedOptions
{
    // Every report must carry the oracle's signature; unsigned reports ("" signature) are
    // accepted only when this is off (local simulations). A present signature is always verified.
    bool requireSignatures = true;
};

// SLA report feeds (docs/sla-feed-format.md) in JSON or CSV, imported like network snapshots:
// all or nothing, refused at the first problem in document order, with a message starting
// "line N:" and details {"line": N, "field": …}. Error codes: sla_feed.too_large,
// sla_feed.malformed_json, sla_feed.unsupported_format, sla_feed.missing_field,
// sla_feed.unknown_field, sla_feed.bad_field, sla_feed.bad_header, sla_feed.wrong_column_count,
// sla_feed.empty_line, sla_feed.bad_number, sla_feed.bad_address, sla_feed.invalid_report
// (details.reason: the SlaReport::validate code), sla_feed.missing_signature,
// sla_feed.bad_signature, sla_feed.duplicate_report (details.firstLine); files: sla_feed.unreadable.
class SlaFeed
{
public:
    enum class Format { Auto, Json, Csv };
    static constexpr qsizetype kMaxFeedSize = 256LL * 1024 * 1024;
    static QString formatName() { return QStringLiteral("icn-sla-feed"); }
    static constexpr int kFormatVersion = 1;
    static QByteArray csvHeader() { return QByteArrayLiteral("hn_id,epoch,availability_ppm,latency_ms,bandwidth_mbps,oracle,signature"); }

    // Auto: JSON when the first non-blank byte is '{', CSV otherwise.
    static Result<QList<SlaReport>> parse(QByteArrayView data, Format format = Format::Auto, const SlaFeedOptions &options = {});
    static Result<QList<SlaReport>> parseJson(QByteArrayView json, const SlaFeedOptions &options = {});
    static Result<QList<SlaReport>> parseCsv(QByteArrayView csv, const SlaFeedOptions &options = {});
    static Result<QList<SlaReport>> readFile(const QString &path, const SlaFeedOptions &options = {});

    // Writers of the same formats (one report per line), for exports and round trips.
    static QByteArray toJson(const QList<SlaReport> &reports);
    static QByteArray toCsv(const QList<SlaReport> &reports);

    // 1-based line of reports[index] (or of its `key` when given) in a feed JSON text; 0 when not found.
    static int jsonLineOf(QByteArrayView json, qsizetype index, QByteArrayView key = {});
};

} // namespace icn
