// SLA report feeds in JSON and CSV (docs/sla-feed-format.md): round trips and refusals by line.
#include "Signer.h"
#include "SlaFeed.h"

#include <QTemporaryDir>
#include <QTest>

using namespace icn;

namespace {

SecureBytes key(char fill)
{
    return SecureBytes(QByteArray(32, fill));
}

SlaReport signedReport(const QString &hn, qint64 epoch, SlaMetrics m, char keyFill)
{
    SlaReport r;
    r.hnId = hn;
    r.epoch = epoch;
    r.metrics = m;
    r.oracle = *signer::addressOf(key(keyFill));
    return *SlaReport::sign(r, key(keyFill));
}

QByteArray replaceLine(QByteArray text, int line, const QByteArray &from, const QByteArray &to)
{
    QList<QByteArray> lines = text.split('\n');
    lines[line - 1].replace(from, to);
    return lines.join('\n');
}

} // namespace

class TestSlaFeed : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTripsCsvAndJson();
    void acceptsCsvVariants();
    void unsignedReportsOnlyWhenAllowed();
    void csvRefusals_data();
    void csvRefusals();
    void jsonRefusals_data();
    void jsonRefusals();
    void readsFiles();
    void duplicatesNeedTheSameHnEpochAndOracle();

private:
    QList<SlaReport> m_reports;
    QByteArray m_csv;
    QByteArray m_json;
};

void TestSlaFeed::initTestCase()
{
    m_reports = {signedReport(QStringLiteral("FRA-1-N01"), 100, {999'500, 80, 1'500}, 0x11),
                 signedReport(QStringLiteral("FRA-1-N01"), 100, {999'100, 95, 1'200}, 0x12),
                 signedReport(QStringLiteral("FRA-2-N01"), 100, {990'000, 300, 800}, 0x11)};
    m_csv = SlaFeed::toCsv(m_reports);
    m_json = SlaFeed::toJson(m_reports);
}

void TestSlaFeed::roundTripsCsvAndJson()
{
    const auto csv = SlaFeed::parse(m_csv);
    QVERIFY2(csv.ok(), csv.ok() ? "" : qPrintable(csv.error().message));
    QCOMPARE(*csv, m_reports);
    const auto json = SlaFeed::parse(m_json);
    QVERIFY2(json.ok(), json.ok() ? "" : qPrintable(json.error().message));
    QCOMPARE(*json, m_reports);
    QCOMPARE(SlaFeed::toCsv(*json), m_csv);
    QCOMPARE(SlaFeed::toJson(*csv), m_json);
    // The documented layout: one report per line.
    QCOMPARE(m_csv.count('\n'), 4);
    QCOMPARE(m_json.count('\n'), 5);
    QCOMPARE(SlaFeed::jsonLineOf(m_json, 2), 4);
    QCOMPARE(SlaFeed::jsonLineOf(m_json, 3), 0);
    // A UTF-8 byte order mark is allowed in front of either format.
    QCOMPARE(*SlaFeed::parse("\xEF\xBB\xBF" + m_json), m_reports);
    QCOMPARE(SlaFeed::jsonLineOf("\xEF\xBB\xBF" + m_json, 1), 3);
    // An empty feed is valid in both formats.
    QCOMPARE(SlaFeed::parse(SlaFeed::toCsv({}))->size(), 0);
    QCOMPARE(SlaFeed::parse(SlaFeed::toJson({}))->size(), 0);
}

void TestSlaFeed::acceptsCsvVariants()
{
    QByteArray crlf = m_csv;
    crlf.replace("\n", "\r\n");
    QCOMPARE(*SlaFeed::parseCsv(crlf), m_reports);
    QByteArray noFinalNewline = m_csv;
    noFinalNewline.chop(1);
    QCOMPARE(*SlaFeed::parseCsv(noFinalNewline), m_reports);
    QCOMPARE(*SlaFeed::parseCsv("\xEF\xBB\xBF" + m_csv), m_reports);
    QByteArray lowerAddress = m_csv;
    lowerAddress = replaceLine(lowerAddress, 2, m_reports[0].oracle.toChecksummed().toLatin1(), m_reports[0].oracle.toLower().toLatin1());
    QCOMPARE(*SlaFeed::parseCsv(lowerAddress), m_reports);
}

void TestSlaFeed::unsignedReportsOnlyWhenAllowed()
{
    QList<SlaReport> unsignedReports = m_reports;
    for (SlaReport &r : unsignedReports)
        r.signature.clear();
    SlaFeedOptions lenient;
    lenient.requireSignatures = false;
    for (const QByteArray &text : {SlaFeed::toCsv(unsignedReports), SlaFeed::toJson(unsignedReports)}) {
        const auto strict = SlaFeed::parse(text);
        QVERIFY(!strict.ok());
        QCOMPARE(strict.error().code, QStringLiteral("sla_feed.missing_signature"));
        QCOMPARE(strict.error().details.value(QStringLiteral("line")).toInt(), 2);
        QCOMPARE(*SlaFeed::parse(text, SlaFeed::Format::Auto, lenient), unsignedReports);
    }
    // A present signature is verified even when signatures are optional.
    const QByteArray tampered = replaceLine(m_csv, 3, ",95,", ",94,");
    QCOMPARE(SlaFeed::parse(tampered, SlaFeed::Format::Auto, lenient).error().code, QStringLiteral("sla_feed.bad_signature"));
}

void TestSlaFeed::csvRefusals_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("line");
    const QByteArray ok = m_csv;
    QTest::newRow("an empty file has no header") << QByteArray() << "sla_feed.bad_header" << 1;
    QTest::newRow("a wrong header is refused on line 1") << replaceLine(ok, 1, "hn_id", "hn") << "sla_feed.bad_header" << 1;
    QTest::newRow("a missing column is refused on its line") << replaceLine(ok, 3, ",95,", ",") << "sla_feed.wrong_column_count" << 3;
    QTest::newRow("an extra column is refused on its line") << replaceLine(ok, 4, "FRA-2-N01", "FRA-2-N01,x") << "sla_feed.wrong_column_count"
                                                            << 4;
    QTest::newRow("a negative epoch is not a number here") << replaceLine(ok, 2, ",100,", ",-100,") << "sla_feed.bad_number" << 2;
    QTest::newRow("a number with letters is refused") << replaceLine(ok, 3, ",95,", ",9x5,") << "sla_feed.bad_number" << 3;
    QTest::newRow("a number with spaces is refused") << replaceLine(ok, 3, ",95,", ", 95,") << "sla_feed.bad_number" << 3;
    QTest::newRow("a number of 19 digits is refused") << replaceLine(ok, 3, ",95,", ",9999999999999999999,") << "sla_feed.bad_number" << 3;
    QTest::newRow("availability above 100 percent is an invalid report")
        << replaceLine(ok, 4, ",990000,", ",1000001,") << "sla_feed.invalid_report" << 4;
    QTest::newRow("a malformed oracle address is refused") << replaceLine(ok, 2, ",0x", ",0xZZ") << "sla_feed.bad_address" << 2;
    QTest::newRow("a short signature is refused") << replaceLine(ok, 3, m_reports[1].signature.toHex().right(4), QByteArray())
                                                  << "sla_feed.bad_signature" << 3;
    QTest::newRow("a changed metric breaks its signature") << replaceLine(ok, 4, ",300,", ",299,") << "sla_feed.bad_signature" << 4;
    QTest::newRow("a report repeated by the same oracle is a duplicate")
        << ok + ok.split('\n')[1] + '\n' << "sla_feed.duplicate_report" << 5;
    QTest::newRow("an empty line in the middle is refused") << replaceLine(ok, 3, "FRA", "\nFRA") << "sla_feed.empty_line" << 3;
    QTest::newRow("the first problem wins when there are several")
        << replaceLine(replaceLine(ok, 4, ",300,", ",x,"), 3, ",95,", ",") << "sla_feed.wrong_column_count" << 3;
}

void TestSlaFeed::csvRefusals()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, code);
    QFETCH(int, line);
    const auto r = SlaFeed::parseCsv(text);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, code);
    QCOMPARE(r.error().details.value(QStringLiteral("line")).toInt(), line);
    QVERIFY(r.error().message.startsWith(QStringLiteral("line %1:").arg(line)));
}

void TestSlaFeed::jsonRefusals_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("line");
    const QByteArray ok = m_json;
    QTest::newRow("broken JSON is refused where it breaks") << replaceLine(ok, 3, "}", "") << "sla_feed.malformed_json" << 4;
    QTest::newRow("a JSON array is not a feed") << QByteArray("[]") << "sla_feed.malformed_json" << 1;
    QTest::newRow("another format is refused") << replaceLine(ok, 1, "icn-sla-feed", "icn-network") << "sla_feed.unsupported_format" << 1;
    QTest::newRow("another version is refused") << replaceLine(ok, 1, "\"version\": 1", "\"version\": 2") << "sla_feed.unsupported_format"
                                                << 1;
    QTest::newRow("an unknown top-level field is refused") << replaceLine(ok, 1, "\"version\"", "\"extra\": 0, \"version\"")
                                                           << "sla_feed.unknown_field" << 1;
    QTest::newRow("a feed without reports is refused") << QByteArray("{\"format\": \"icn-sla-feed\", \"version\": 1}")
                                                       << "sla_feed.missing_field" << 1;
    QTest::newRow("reports that are not a list are refused") << QByteArray("{\"format\": \"icn-sla-feed\", \"version\": 1,\n\"reports\": {}}")
                                                             << "sla_feed.bad_field" << 2;
    QTest::newRow("a report that is not an object is refused on its line") << replaceLine(ok, 3, ok.split('\n')[2].chopped(1), "7")
                                                                           << "sla_feed.bad_field" << 3;
    QTest::newRow("a report missing a field is refused on its line") << replaceLine(ok, 4, "\"latencyMs\":300,", "")
                                                                     << "sla_feed.missing_field" << 4;
    QTest::newRow("an unknown field in a report is refused") << replaceLine(ok, 2, "\"epoch\"", "\"note\":1,\"epoch\"")
                                                             << "sla_feed.unknown_field" << 2;
    QTest::newRow("an epoch as a string is not a number") << replaceLine(ok, 3, "\"epoch\":100", "\"epoch\":\"100\"")
                                                          << "sla_feed.bad_number" << 3;
    QTest::newRow("a fractional latency is not a whole number") << replaceLine(ok, 3, "\"latencyMs\":95", "\"latencyMs\":95.5")
                                                                << "sla_feed.bad_number" << 3;
    QTest::newRow("a negative bandwidth is not a whole number ≥ 0") << replaceLine(ok, 3, "\"bandwidthMbps\":1200", "\"bandwidthMbps\":-1")
                                                                    << "sla_feed.bad_number" << 3;
    QTest::newRow("an HN id that is a number is refused") << replaceLine(ok, 4, "\"FRA-2-N01\"", "12") << "sla_feed.bad_field" << 4;
    QTest::newRow("a changed metric breaks its signature") << replaceLine(ok, 4, "\"latencyMs\":300", "\"latencyMs\":299")
                                                           << "sla_feed.bad_signature" << 4;
    QTest::newRow("a report repeated by the same oracle is a duplicate")
        << replaceLine(ok, 4, ok.split('\n')[3], ok.split('\n')[3] + ",\n" + ok.split('\n')[1].chopped(1))
        << "sla_feed.duplicate_report" << 5;
}

void TestSlaFeed::jsonRefusals()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, code);
    QFETCH(int, line);
    const auto r = SlaFeed::parseJson(text);
    QVERIFY2(!r.ok(), text.constData());
    QCOMPARE(r.error().code, code);
    QCOMPARE(r.error().details.value(QStringLiteral("line")).toInt(), line);
    QVERIFY(r.error().message.startsWith(QStringLiteral("line %1:").arg(line)));
}

void TestSlaFeed::readsFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const auto &[name, text] : {std::pair{"feed.csv", m_csv}, std::pair{"feed.json", m_json}}) {
        QFile file(dir.filePath(QString::fromLatin1(name)));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
        file.close();
        QCOMPARE(*SlaFeed::readFile(file.fileName()), m_reports);
    }
    QCOMPARE(SlaFeed::readFile(dir.filePath(QStringLiteral("missing.csv"))).error().code, QStringLiteral("sla_feed.unreadable"));
}

void TestSlaFeed::duplicatesNeedTheSameHnEpochAndOracle()
{
    const auto make = [](const char *hn, qint64 epoch, char oracleKey) {
        SlaReport r;
        r.hnId = QString::fromLatin1(hn);
        r.epoch = epoch;
        r.metrics = SlaMetrics{999'500, 80, 1'500};
        r.oracle = *signer::addressOf(key(oracleKey));
        return r;
    };
    SlaFeedOptions lenient;
    lenient.requireSignatures = false;
    const QList<SlaReport> distinct{make("N1", 100, 0x11), make("N1", 101, 0x11), make("N2", 100, 0x11), make("N1", 100, 0x12),
                                    make("N1", 100 + 65'536, 0x11), make("N1", 100 + (qint64(1) << 48), 0x11), make("N10", 0, 0x11),
                                    make("N", 10, 0x11)};
    QCOMPARE(*SlaFeed::parseCsv(SlaFeed::toCsv(distinct), lenient), distinct);
    QCOMPARE(*SlaFeed::parseJson(SlaFeed::toJson(distinct), lenient), distinct);
    QList<SlaReport> repeated = distinct;
    repeated.append(make("N1", 100 + 65'536, 0x11));
    const auto r = SlaFeed::parseCsv(SlaFeed::toCsv(repeated), lenient);
    QCOMPARE(r.error().code, QStringLiteral("sla_feed.duplicate_report"));
    QCOMPARE(r.error().details.value(QStringLiteral("line")).toInt(), 10);
    QCOMPARE(r.error().details.value(QStringLiteral("firstLine")).toInt(), 6);
}

QTEST_GUILESS_MAIN(TestSlaFeed)
#include "tst_slafeed.moc"
