#include "SlaFeed.h"

#include "Hex.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace icn {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SlaFeed", text);
}

Error feedError(const char *code, int line, const QString &field, const QString &why, QVariantMap details = {})
{
    details.insert(QStringLiteral("line"), line);
    if (!field.isEmpty())
        details.insert(QStringLiteral("field"), field);
    return Error::make(QString::fromLatin1(code), tr("line %1: %2").arg(line).arg(why), field, details);
}

int lineAt(QByteArrayView text, qsizetype offset)
{
    int line = 1;
    for (qsizetype i = 0; i < offset && i < text.size(); ++i)
        line += text[i] == '\n' ? 1 : 0;
    return line;
}

// A bounds-checked walk over JSON text, enough to find where reports[i] and its keys start.
struct JsonWalk
{
    QByteArrayView t;
    qsizetype pos = 0;

    bool atEnd() const { return pos >= t.size(); }
    char peek() const { return atEnd() ? '\0' : t[pos]; }
    void skipWs()
    {
        while (!atEnd() && (t[pos] == ' ' || t[pos] == '\n' || t[pos] == '\r' || t[pos] == '\t'))
            ++pos;
    }
    // At a '"': returns the raw bytes between the quotes and moves past the closing one.
    QByteArrayView string()
    {
        const qsizetype start = ++pos;
        while (!atEnd() && t[pos] != '"')
            pos += t[pos] == '\\' ? 2 : 1;
        const qsizetype end = std::min(pos, t.size());
        ++pos;
        return t.sliced(start, end - start);
    }
    void value()
    {
        skipWs();
        if (peek() == '"') {
            string();
            return;
        }
        if (peek() == '{' || peek() == '[') {
            int depth = 0;
            while (!atEnd()) {
                const char c = t[pos];
                if (c == '"') {
                    string();
                    continue;
                }
                ++pos;
                if (c == '{' || c == '[')
                    ++depth;
                else if ((c == '}' || c == ']') && --depth == 0)
                    return;
            }
            return;
        }
        while (!atEnd() && t[pos] != ',' && t[pos] != '}' && t[pos] != ']')
            ++pos;
    }
    // At the value of "reports": the offset of each element of the list (empty if not a list).
    QList<qsizetype> elementOffsets()
    {
        QList<qsizetype> offsets;
        skipWs();
        if (peek() != '[')
            return offsets;
        ++pos;
        while (true) {
            skipWs();
            if (atEnd() || peek() == ']')
                return offsets;
            offsets.append(pos);
            value();
            skipWs();
            if (peek() != ',')
                return offsets;
            ++pos;
        }
    }
    // At the top-level object: moves to the value of "reports"; false when there is none.
    bool enterReports()
    {
        if (pos == 0 && t.startsWith("\xEF\xBB\xBF"))
            pos = 3; // a UTF-8 byte order mark, which QJsonDocument accepts
        skipWs();
        if (peek() != '{')
            return false;
        ++pos;
        if (findKey("reports") < 0)
            return false;
        skipWs();
        if (peek() != ':')
            return false;
        ++pos;
        skipWs();
        return true;
    }
    // Inside an object (just after '{'): finds `key` and returns its offset, or −1.
    qsizetype findKey(QByteArrayView key)
    {
        while (true) {
            skipWs();
            if (peek() != '"')
                return -1;
            const qsizetype keyAt = pos;
            if (string() == key)
                return keyAt;
            skipWs();
            if (peek() != ':')
                return -1;
            ++pos;
            value();
            skipWs();
            if (peek() != ',')
                return -1;
            ++pos;
        }
    }
};

// Feeds name few oracles many times: parse (and checksum) each distinct address text once.
struct AddressCache
{
    QHash<QString, Address> known;
    Result<Address> parse(const QString &text)
    {
        const auto it = known.constFind(text);
        if (it != known.constEnd())
            return *it;
        auto parsed = Address::parse(text);
        if (parsed && known.size() < 4096)
            known.insert(text, *parsed);
        return parsed;
    }
};

struct Dedup
{
    QHash<QString, int> firstLine;
    Result<void> check(const SlaReport &r, int line)
    {
        QString key = r.hnId;
        key.reserve(key.size() + 24);
        key.append(QChar(0)); // ids never hold control characters
        for (int shift = 48; shift >= 0; shift -= 16)
            key.append(QChar(static_cast<char16_t>(r.epoch >> shift)));
        for (qsizetype i = 0; i + 1 < r.oracle.bytes().size(); i += 2)
            key.append(QChar(static_cast<char16_t>((quint8(r.oracle.bytes()[i]) << 8) | quint8(r.oracle.bytes()[i + 1]))));
        const auto it = firstLine.constFind(key);
        if (it != firstLine.constEnd())
            return feedError("sla_feed.duplicate_report", line, QStringLiteral("oracle"),
                             tr("oracle %1 already reported on %2 for epoch %3 (line %4).")
                                 .arg(r.oracle.toChecksummed(), r.hnId)
                                 .arg(r.epoch)
                                 .arg(*it),
                             {{QStringLiteral("firstLine"), *it}});
        firstLine.insert(key, line);
        return {};
    }
};

// The checks every report passes once its fields are read, in this order.
Result<void> checkReport(const SlaReport &r, int line, const SlaFeedOptions &options, const QString &signatureText, Dedup &dedup)
{
    if (auto ok = r.validate(); !ok)
        return feedError("sla_feed.invalid_report", line, ok.error().field, ok.error().message,
                         {{QStringLiteral("reason"), ok.error().code}});
    if (signatureText.isEmpty()) {
        if (options.requireSignatures)
            return feedError("sla_feed.missing_signature", line, QStringLiteral("signature"), tr("the report is not signed."));
    } else if (auto ok = r.verify(); !ok) {
        return feedError("sla_feed.bad_signature", line, QStringLiteral("signature"), ok.error().message);
    }
    return dedup.check(r, line);
}

// `line` is a callable: the JSON importer finds a field's line only when it reports a problem.
template <typename LineFn>
Result<QByteArray> parseSignature(const QString &text, LineFn line)
{
    if (text.isEmpty())
        return QByteArray();
    auto bytes = fromHex(text, 65, QStringLiteral("signature"));
    if (!bytes)
        return feedError("sla_feed.bad_signature", line(), QStringLiteral("signature"),
                         tr("the signature must be 0x followed by 130 hex digits."));
    return *bytes;
}

// Decimal digits only, no sign, at most 18 digits (fits qint64).
bool parseCount(QByteArrayView text, qint64 &out)
{
    if (text.isEmpty() || text.size() > 18)
        return false;
    qint64 v = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

const char *const kJsonFields[] = {"hnId", "epoch", "availabilityPpm", "latencyMs", "bandwidthMbps", "oracle", "signature"};

} // namespace

Result<QList<SlaReport>> SlaFeed::parse(QByteArrayView data, Format format, const SlaFeedOptions &options)
{
    if (format == Format::Auto) {
        format = Format::Csv;
        if (data.startsWith("\xEF\xBB\xBF"))
            data = data.sliced(3);
        for (char c : data) {
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
                continue;
            format = c == '{' ? Format::Json : Format::Csv;
            break;
        }
    }
    return format == Format::Json ? parseJson(data, options) : parseCsv(data, options);
}

int SlaFeed::jsonLineOf(QByteArrayView json, qsizetype index, QByteArrayView key)
{
    JsonWalk w{json};
    if (!w.enterReports())
        return 0;
    if (index < 0)
        return lineAt(json, w.pos);
    const QList<qsizetype> offsets = w.elementOffsets();
    if (index >= offsets.size())
        return 0;
    const qsizetype elementAt = offsets[index];
    if (key.isEmpty() || json[elementAt] != '{')
        return lineAt(json, elementAt);
    JsonWalk inside{json, elementAt + 1};
    const qsizetype keyAt = inside.findKey(key);
    return lineAt(json, keyAt >= 0 ? keyAt : elementAt);
}

Result<QList<SlaReport>> SlaFeed::parseJson(QByteArrayView json, const SlaFeedOptions &options)
{
    if (json.size() > kMaxFeedSize)
        return feedError("sla_feed.too_large", 1, {}, tr("the feed is larger than %1 MB.").arg(kMaxFeedSize / (1024 * 1024)));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return feedError("sla_feed.malformed_json", parseError.error != QJsonParseError::NoError ? lineAt(json, parseError.offset) : 1,
                         {}, parseError.error != QJsonParseError::NoError ? parseError.errorString() : tr("the feed must be a JSON object."));
    const QJsonObject root = doc.object();
    const int topLine = 1;
    if (root.value(QStringLiteral("format")).toString() != formatName() || root.value(QStringLiteral("version")) != QJsonValue(kFormatVersion))
        return feedError("sla_feed.unsupported_format", topLine, QStringLiteral("format"),
                         tr("this is not an %1 version %2 feed.").arg(formatName()).arg(kFormatVersion));
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (it.key() != QLatin1String("format") && it.key() != QLatin1String("version") && it.key() != QLatin1String("reports"))
            return feedError("sla_feed.unknown_field", topLine, it.key(), tr("unknown field \"%1\".").arg(it.key()));
    }
    if (!root.contains(QStringLiteral("reports")))
        return feedError("sla_feed.missing_field", topLine, QStringLiteral("reports"), tr("the feed has no \"reports\" list."));
    const QJsonValue list = root.value(QStringLiteral("reports"));
    if (!list.isArray())
        return feedError("sla_feed.bad_field", std::max(jsonLineOf(json, -1), 1), QStringLiteral("reports"),
                         tr("\"reports\" must be a list."));
    const QJsonArray items = list.toArray();

    // The line of every report in one pass (a per-report search would be quadratic).
    QList<int> lines;
    {
        JsonWalk w{json};
        const QList<qsizetype> offsets = w.enterReports() ? w.elementOffsets() : QList<qsizetype>();
        lines.reserve(offsets.size());
        int line = 1;
        qsizetype counted = 0;
        for (qsizetype offset : offsets) {
            for (; counted < offset; ++counted)
                line += json[counted] == '\n' ? 1 : 0;
            lines.append(line);
        }
    }
    QList<SlaReport> reports;
    reports.reserve(items.size());
    Dedup dedup;
    AddressCache addresses;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const int elementLine = i < lines.size() ? lines[i] : 1;
        const auto lineOfKey = [&](const char *key) { return std::max(jsonLineOf(json, i, key), elementLine); };
        if (!items[i].isObject())
            return feedError("sla_feed.bad_field", elementLine, QStringLiteral("reports[%1]").arg(i), tr("a report must be an object."));
        const QJsonObject o = items[i].toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (std::find_if(std::begin(kJsonFields), std::end(kJsonFields), [&](const char *f) { return it.key() == QLatin1String(f); })
                == std::end(kJsonFields))
                return feedError("sla_feed.unknown_field", lineOfKey(it.key().toUtf8().constData()), it.key(),
                                 tr("unknown field \"%1\".").arg(it.key()));
        }
        for (const char *f : kJsonFields) {
            if (!o.contains(QLatin1String(f)))
                return feedError("sla_feed.missing_field", elementLine, QString::fromLatin1(f), tr("the report has no \"%1\".").arg(QLatin1String(f)));
        }
        SlaReport r;
        const auto text = [&](const char *f, QString &out) -> Result<void> {
            const QJsonValue v = o.value(QLatin1String(f));
            if (!v.isString())
                return feedError("sla_feed.bad_field", lineOfKey(f), QString::fromLatin1(f), tr("\"%1\" must be a string.").arg(QLatin1String(f)));
            out = v.toString();
            return {};
        };
        const auto count = [&](const char *f, qint64 &out) -> Result<void> {
            const QJsonValue v = o.value(QLatin1String(f));
            const double d = v.toDouble(-1);
            // Whole numbers below 2^53 only: every metric and epoch fits, and doubles are exact there.
            if (!v.isDouble() || d < 0 || d > 9007199254740991.0 || std::floor(d) != d)
                return feedError("sla_feed.bad_number", lineOfKey(f), QString::fromLatin1(f),
                                 tr("\"%1\" must be a whole number ≥ 0.").arg(QLatin1String(f)));
            out = static_cast<qint64>(d);
            return {};
        };
        QString oracleText, signatureText;
        for (const auto &ok : {text("hnId", r.hnId), count("epoch", r.epoch), count("availabilityPpm", r.metrics.availabilityPpm),
                               count("latencyMs", r.metrics.latencyMs), count("bandwidthMbps", r.metrics.bandwidthMbps),
                               text("oracle", oracleText), text("signature", signatureText)}) {
            if (!ok)
                return ok.error();
        }
        const auto oracle = addresses.parse(oracleText);
        if (!oracle)
            return feedError("sla_feed.bad_address", lineOfKey("oracle"), QStringLiteral("oracle"), oracle.error().message);
        r.oracle = *oracle;
        const auto signature = parseSignature(signatureText, [&] { return lineOfKey("signature"); });
        if (!signature)
            return signature.error();
        r.signature = *signature;
        if (auto ok = checkReport(r, elementLine, options, signatureText, dedup); !ok)
            return ok.error();
        reports.append(std::move(r));
    }
    return reports;
}

Result<QList<SlaReport>> SlaFeed::parseCsv(QByteArrayView csv, const SlaFeedOptions &options)
{
    if (csv.size() > kMaxFeedSize)
        return feedError("sla_feed.too_large", 1, {}, tr("the feed is larger than %1 MB.").arg(kMaxFeedSize / (1024 * 1024)));
    QList<SlaReport> reports;
    Dedup dedup;
    AddressCache addresses;
    qsizetype pos = 0;
    int line = 0;
    while (pos < csv.size()) {
        ++line;
        qsizetype end = csv.indexOf('\n', pos);
        const bool lastLine = end < 0;
        if (lastLine)
            end = csv.size();
        QByteArrayView row = csv.sliced(pos, end - pos);
        pos = end + 1;
        if (row.endsWith('\r'))
            row.chop(1);
        if (line == 1) {
            if (row.startsWith("\xEF\xBB\xBF"))
                row = row.sliced(3); // a UTF-8 byte order mark
            if (row != csvHeader())
                return feedError("sla_feed.bad_header", 1, {}, tr("the first line must be \"%1\".").arg(QString::fromLatin1(csvHeader())));
            continue;
        }
        if (row.isEmpty())
            return feedError("sla_feed.empty_line", line, {}, tr("empty line."));
        QList<QByteArrayView> cells;
        qsizetype from = 0;
        while (true) {
            const qsizetype comma = row.indexOf(',', from);
            if (comma < 0) {
                cells.append(row.sliced(from));
                break;
            }
            cells.append(row.sliced(from, comma - from));
            from = comma + 1;
        }
        if (cells.size() != 7)
            return feedError("sla_feed.wrong_column_count", line, {}, tr("%1 columns instead of 7.").arg(cells.size()),
                             {{QStringLiteral("columns"), cells.size()}});
        SlaReport r;
        const auto hnId = QString::fromUtf8(cells[0]);
        if (hnId.toUtf8() != cells[0])
            return feedError("sla_feed.invalid_report", line, QStringLiteral("hnId"), tr("the HN id is not valid UTF-8."),
                             {{QStringLiteral("reason"), QStringLiteral("sla_report.bad_hn_id")}});
        r.hnId = hnId;
        static const char *const kNumberFields[] = {"epoch", "availabilityPpm", "latencyMs", "bandwidthMbps"};
        qint64 *const numbers[] = {&r.epoch, &r.metrics.availabilityPpm, &r.metrics.latencyMs, &r.metrics.bandwidthMbps};
        for (int c = 0; c < 4; ++c) {
            if (!parseCount(cells[1 + c], *numbers[c]))
                return feedError("sla_feed.bad_number", line, QString::fromLatin1(kNumberFields[c]),
                                 tr("\"%1\" must be a whole number ≥ 0.").arg(QString::fromUtf8(cells[1 + c])));
        }
        const auto oracle = addresses.parse(QString::fromLatin1(cells[5]));
        if (!oracle)
            return feedError("sla_feed.bad_address", line, QStringLiteral("oracle"), oracle.error().message);
        r.oracle = *oracle;
        const QString signatureText = QString::fromLatin1(cells[6]);
        const auto signature = parseSignature(signatureText, [line] { return line; });
        if (!signature)
            return signature.error();
        r.signature = *signature;
        if (auto ok = checkReport(r, line, options, signatureText, dedup); !ok)
            return ok.error();
        reports.append(std::move(r));
        if (lastLine)
            break;
    }
    if (line == 0)
        return feedError("sla_feed.bad_header", 1, {}, tr("the feed is empty; the first line must be the header."));
    return reports;
}

Result<QList<SlaReport>> SlaFeed::readFile(const QString &path, const SlaFeedOptions &options)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(QStringLiteral("sla_feed.unreadable"), tr("Cannot read %1: %2").arg(path, file.errorString()), QStringLiteral("file"));
    if (file.size() > kMaxFeedSize)
        return feedError("sla_feed.too_large", 1, {}, tr("the feed is larger than %1 MB.").arg(kMaxFeedSize / (1024 * 1024)));
    return parse(file.readAll(), Format::Auto, options);
}

QByteArray SlaFeed::toJson(const QList<SlaReport> &reports)
{
    QByteArray out = "{\"format\": \"" + formatName().toLatin1() + "\", \"version\": " + QByteArray::number(kFormatVersion)
        + ", \"reports\": [\n";
    for (qsizetype i = 0; i < reports.size(); ++i) {
        const SlaReport &r = reports[i];
        const QJsonObject o{
            {QStringLiteral("hnId"), r.hnId},
            {QStringLiteral("epoch"), r.epoch},
            {QStringLiteral("availabilityPpm"), r.metrics.availabilityPpm},
            {QStringLiteral("latencyMs"), r.metrics.latencyMs},
            {QStringLiteral("bandwidthMbps"), r.metrics.bandwidthMbps},
            {QStringLiteral("oracle"), r.oracle.isNull() ? QString() : r.oracle.toChecksummed()},
            {QStringLiteral("signature"), r.signature.isEmpty() ? QString() : toHex(r.signature)},
        };
        out += "  " + QJsonDocument(o).toJson(QJsonDocument::Compact) + (i + 1 < reports.size() ? ",\n" : "\n");
    }
    out += "]}\n";
    return out;
}

QByteArray SlaFeed::toCsv(const QList<SlaReport> &reports)
{
    QByteArray out = csvHeader() + '\n';
    for (const SlaReport &r : reports) {
        out += r.hnId.toUtf8() + ',' + QByteArray::number(r.epoch) + ',' + QByteArray::number(r.metrics.availabilityPpm) + ','
            + QByteArray::number(r.metrics.latencyMs) + ',' + QByteArray::number(r.metrics.bandwidthMbps) + ','
            + (r.oracle.isNull() ? QByteArray() : r.oracle.toChecksummed().toLatin1()) + ','
            + (r.signature.isEmpty() ? QByteArray() : toHex(r.signature).toLatin1()) + '\n';
    }
    return out;
}

} // namespace icn
