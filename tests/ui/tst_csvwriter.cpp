#include "CsvWriter.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using icn::ui::CsvWriter;

class TestCsvWriter : public QObject
{
    Q_OBJECT

private slots:
    void quotesOnlyWhenNeeded_data();
    void quotesOnlyWhenNeeded();
    void formatsRecords_data();
    void formatsRecords();
    void writesCrlfRecordsInUtf8();
    void writesFileWithHeaderAndRows();
    void refusesUnwritablePath();
    void writesHeaderOnlyForNoRows();
};

void TestCsvWriter::quotesOnlyWhenNeeded_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain text stays bare") << "Active" << "Active";
    QTest::newRow("an empty field stays empty") << "" << "";
    QTest::newRow("an exact amount stays bare") << "123.456789012345678901" << "123.456789012345678901";
    QTest::newRow("a comma needs quotes") << "EU, West" << "\"EU, West\"";
    QTest::newRow("a quote is doubled inside quotes") << "say \"hi\"" << "\"say \"\"hi\"\"\"";
    QTest::newRow("a lone quote becomes four quotes") << "\"" << "\"\"\"\"";
    QTest::newRow("a line feed needs quotes") << "a\nb" << "\"a\nb\"";
    QTest::newRow("a carriage return needs quotes") << "a\rb" << "\"a\rb\"";
    QTest::newRow("a leading space is protected") << " x" << "\" x\"";
    QTest::newRow("a trailing space is protected") << "x " << "\"x \"";
    QTest::newRow("non-ASCII text stays bare") << "Zürich → ZRH-1" << "Zürich → ZRH-1";
    QTest::newRow("a semicolon is not special") << "a;b" << "a;b";
}

void TestCsvWriter::quotesOnlyWhenNeeded()
{
    QFETCH(QString, field);
    QFETCH(QString, expected);
    QCOMPARE(CsvWriter::quoteField(field), expected);
}

void TestCsvWriter::formatsRecords_data()
{
    QTest::addColumn<QStringList>("fields");
    QTest::addColumn<QString>("expected");

    QTest::newRow("three plain fields") << QStringList{"a", "b", "c"} << "a,b,c";
    QTest::newRow("empty fields keep their commas") << QStringList{"", "x", ""} << ",x,";
    QTest::newRow("one quoted field among plain ones") << QStringList{"BK-1", "FRA-1, FRA-2", "3"} << "BK-1,\"FRA-1, FRA-2\",3";
    QTest::newRow("no fields give an empty record") << QStringList{} << "";
}

void TestCsvWriter::formatsRecords()
{
    QFETCH(QStringList, fields);
    QFETCH(QString, expected);
    QCOMPARE(CsvWriter::formatRecord(fields), expected);
}

void TestCsvWriter::writesCrlfRecordsInUtf8()
{
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    CsvWriter writer(&buffer);
    QVERIFY(writer.writeRecord({QStringLiteral("id"), QStringLiteral("scope")}));
    QVERIFY(writer.writeRecord({QStringLiteral("BK-1"), QStringLiteral("Zürich")}));
    QVERIFY(writer.ok());
    QCOMPARE(buffer.data(), QByteArray("id,scope\r\nBK-1,Z\xc3\xbcrich\r\n"));
}

void TestCsvWriter::writesFileWithHeaderAndRows()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("out.csv"));
    const QList<QStringList> rows = {{QStringLiteral("1"), QStringLiteral("a,b")},
                                     {QStringLiteral("2"), QStringLiteral("\"q\"")}};
    const auto result = CsvWriter::writeFile(path, {QStringLiteral("n"), QStringLiteral("text")}, rows.size(),
                                             [&rows](qsizetype i) { return rows.at(i); });
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("n,text\r\n1,\"a,b\"\r\n2,\"\"\"q\"\"\"\r\n"));
}

void TestCsvWriter::refusesUnwritablePath()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("missing-folder/out.csv"));
    const auto result = CsvWriter::writeFile(path, {QStringLiteral("n")}, 1,
                                             [](qsizetype) { return QStringList{QStringLiteral("1")}; });
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, QStringLiteral("csv.open_failed"));
    QCOMPARE(result.error().field, QStringLiteral("path"));
    QVERIFY(!QFile::exists(path));
    QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());
}

void TestCsvWriter::writesHeaderOnlyForNoRows()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("empty.csv"));
    QVERIFY(CsvWriter::writeFile(path, {QStringLiteral("a"), QStringLiteral("b")}, 0,
                                 [](qsizetype) { return QStringList(); }).ok());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("a,b\r\n"));
}

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
