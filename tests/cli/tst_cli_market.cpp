#include "DemoNetwork.h"
#include "Keystore.h"
#include "Market.h"
#include "NetworkGenerator.h"
#include "SnapshotJson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <sqlite3.h>
#include <QTemporaryDir>
#include <QTest>

using namespace icn;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

// The demo SP's key: m/44'/60'/0'/0/0 of the public test mnemonic "abandon … about".
const char *const kDemoKeyHex = "1ab42cc412b618bdea3a599e3c9bae199ebf030895b039e9db1e30dafb12b727";

} // namespace

class TestCliMarket : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void initialisesTheDemoNetworkOnce();
    void importsASnapshotFileAndRefusesABadOne();
    void quotesBooksAndListsBookings();
    void refusalsLeaveTheDatabaseUnchanged_data();
    void refusalsLeaveTheDatabaseUnchanged();
    void closesMonthsReplaysAndChecks();
    void exportsWhatItImports();
    void checkReportsATamperedDatabaseInOneJsonObject();

private:
    Run icnctl(QStringList args, const QString &dataDir = {});
    QString writeFile(const QString &name, const QByteArray &bytes);

    QTemporaryDir m_dir;
    QString m_keystore;
    QString m_password;
    QString m_wrongPassword;
};

Run TestCliMarket::icnctl(QStringList args, const QString &dataDir)
{
    if (!dataDir.isEmpty())
        args << QStringLiteral("--data-dir") << dataDir;
    QProcess p;
    p.start(QStringLiteral(ICNCTL_PATH), args);
    p.waitForFinished(120'000);
    return Run{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
}

QString TestCliMarket::writeFile(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(bytes);
    return path;
}

void TestCliMarket::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // A keystore of the demo key with cheap scrypt parameters (the test is about the CLI).
    QByteArray keyBytes = QByteArray::fromHex(kDemoKeyHex);
    KeystoreOptions cheap;
    cheap.scryptN = 1024;
    const auto keystore = Keystore::encrypt(SecureBytes::takeFrom(keyBytes), SecureBytes(QByteArrayView("correct horse")), cheap);
    QVERIFY(keystore.ok());
    QCOMPARE(keystore->address().toChecksummed(), DemoNetwork::demoSpAddress());
    m_keystore = writeFile(QStringLiteral("demo-sp.json"), keystore->toJson());
    m_password = writeFile(QStringLiteral("password.txt"), "correct horse\n");
    m_wrongPassword = writeFile(QStringLiteral("wrong.txt"), "battery staple\n");
}

void TestCliMarket::initialisesTheDemoNetworkOnce()
{
    const QString data = m_dir.filePath(QStringLiteral("demo-once"));
    const Run init = icnctl({QStringLiteral("init"), QStringLiteral("--demo"), QStringLiteral("--json")}, data);
    QCOMPARE(init.exitCode, 0);
    QCOMPARE(init.json().value(QStringLiteral("nodes")).toInt(), 301);
    QVERIFY(QFile::exists(Market::databasePath(data)));
    // A year of simulated history up to the demo month, reserved demo SP untouched.
    QCOMPARE(init.json().value(QStringLiteral("historyMonths")).toInt(), 12);
    QCOMPARE(init.json().value(QStringLiteral("month")).toString(), DemoNetwork::kCurrentMonth.toString());
    QVERIFY(init.json().value(QStringLiteral("transactions")).toString().toLongLong() > 12);
    const Run history = icnctl({QStringLiteral("bookings"), QStringLiteral("--json")}, data);
    QCOMPARE(history.exitCode, 0);
    QVERIFY(history.json().value(QStringLiteral("bookings")).toArray().size() > 100);
    const Run demoSp = icnctl({QStringLiteral("balance"), DemoNetwork::demoSpAddress(), QStringLiteral("--json")}, data);
    QCOMPARE(demoSp.json().value(QStringLiteral("balance")).toString(), DemoNetwork::demoSpBalance().toString());
    const QString genesisFile = m_dir.filePath(QStringLiteral("demo-history-genesis.json"));
    QCOMPARE(icnctl({QStringLiteral("network"), QStringLiteral("export"), genesisFile, QStringLiteral("--genesis")}, data).exitCode, 0);
    const auto genesis = SnapshotJson::readFile(genesisFile);
    QVERIFY(genesis.ok());
    QCOMPARE(*genesis, DemoNetwork::snapshot(DemoNetwork::kCurrentMonth.plus(-12)));
    const Run check = icnctl({QStringLiteral("check"), QStringLiteral("--json")}, data);
    QCOMPARE(check.exitCode, 0);
    const Run badHistory = icnctl({QStringLiteral("init"), QStringLiteral("--demo"), QStringLiteral("--history-months"),
                                   QStringLiteral("121")}, m_dir.filePath(QStringLiteral("demo-bad-history")));
    QCOMPARE(badHistory.exitCode, 2); // a usage error
    QVERIFY(badHistory.err.contains("history-months"));
    QVERIFY(!QFile::exists(Market::databasePath(m_dir.filePath(QStringLiteral("demo-bad-history")))));

    const Run show = icnctl({QStringLiteral("network"), QStringLiteral("show"), QStringLiteral("--json")}, data);
    QCOMPARE(show.exitCode, 0);
    QCOMPARE(show.json().value(QStringLiteral("regions")).toArray().size(), 4);
    // One scope with its children: a zone's are clusters, a cluster's are its HNs.
    const Run zone = icnctl({QStringLiteral("network"), QStringLiteral("show"), QStringLiteral("--scope"), QStringLiteral("EUW-FRA"),
                             QStringLiteral("--json")}, data);
    const Run cluster = icnctl({QStringLiteral("network"), QStringLiteral("show"), QStringLiteral("--scope"), QStringLiteral("FRA-1"),
                                QStringLiteral("--json")}, data);
    QCOMPARE(cluster.exitCode, 0);
    QCOMPARE(cluster.json().value(QStringLiteral("scopeKind")).toString(), QStringLiteral("cluster"));
    const QJsonArray hns = cluster.json().value(QStringLiteral("children")).toArray();
    QVERIFY(!hns.isEmpty());
    for (const QJsonValue &hn : hns)
        QCOMPARE(hn.toObject().value(QStringLiteral("scopeKind")).toString(), QStringLiteral("hn"));
    QCOMPARE(zone.exitCode, 0);
    QCOMPARE(zone.json().value(QStringLiteral("children")).toArray().size(), 3);
    for (const QJsonValue &c : zone.json().value(QStringLiteral("children")).toArray())
        QCOMPARE(c.toObject().value(QStringLiteral("scopeKind")).toString(), QStringLiteral("cluster"));
    const Run text = icnctl({QStringLiteral("network"), QStringLiteral("show"), QStringLiteral("--scope"), QStringLiteral("FRA-1")}, data);
    QVERIFY(text.out.contains("  hn "));

    const Run again = icnctl({QStringLiteral("init"), QStringLiteral("--demo"), QStringLiteral("--json")}, data);
    QCOMPARE(again.exitCode, 1);
    QCOMPARE(again.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("store.already_initialized"));

    const Run none = icnctl({QStringLiteral("state-hash")}, m_dir.filePath(QStringLiteral("never-initialised")));
    QCOMPARE(none.exitCode, 1);
    QVERIFY(none.err.contains("market.not_initialized"));
}

void TestCliMarket::importsASnapshotFileAndRefusesABadOne()
{
    GeneratorOptions o;
    o.regions = 1;
    o.zonesPerRegion = 2;
    o.nodesPerCluster = 3;
    const NetworkSnapshot s = NetworkGenerator::generate(o);
    const QString good = writeFile(QStringLiteral("good.json"), SnapshotJson::toJson(s));
    const QString data = m_dir.filePath(QStringLiteral("from-file"));
    const Run init = icnctl({QStringLiteral("init"), QStringLiteral("--network"), good}, data);
    QCOMPARE(init.exitCode, 0);

    NetworkSnapshot bad = s;
    bad.nodes[4].reservationPrice = *bad.clusters[1].maxClusterPrice.add(Amount::fromIcnt(1));
    const QByteArray badText = SnapshotJson::toJson(bad);
    const QString badPath = writeFile(QStringLiteral("bad.json"), badText);
    const int line = SnapshotJson::lineOf(badText, QStringLiteral("nodes"), 4, QStringLiteral("reservationPrice"));
    const QString refusedDir = m_dir.filePath(QStringLiteral("refused"));
    const Run refused = icnctl({QStringLiteral("init"), QStringLiteral("--network"), badPath}, refusedDir);
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("snapshot.price_above_cap"), refused.err.constData());
    QVERIFY2(refused.err.contains(QStringLiteral("line %1:").arg(line).toUtf8()), refused.err.constData());
    QVERIFY(!QFile::exists(Market::databasePath(refusedDir))); // nothing half-imported
}

void TestCliMarket::quotesBooksAndListsBookings()
{
    const QString data = m_dir.filePath(QStringLiteral("booking"));
    QCOMPARE(icnctl({QStringLiteral("init"), QStringLiteral("--demo"), QStringLiteral("--history-months"), QStringLiteral("0")}, data).exitCode, 0);
    const QStringList request{QStringLiteral("--scope"), QStringLiteral("EUW-FRA"), QStringLiteral("--size-tb"), QStringLiteral("100"),
                              QStringLiteral("--start"), QStringLiteral("2026-12"), QStringLiteral("--months"), QStringLiteral("3")};
    const Run quote = icnctl(QStringList{QStringLiteral("quote"), QStringLiteral("--json")} + request, data);
    QCOMPARE(quote.exitCode, 0);
    const QString total = quote.json().value(QStringLiteral("total")).toString();
    QVERIFY(!total.isEmpty());

    const QString exported = m_dir.filePath(QStringLiteral("signed.json"));
    const Run book = icnctl(QStringList{QStringLiteral("book"), QStringLiteral("--json"), QStringLiteral("--keystore"), m_keystore,
                                       QStringLiteral("--password-file"), m_password, QStringLiteral("--quoted-total"), total,
                                       QStringLiteral("--export-signed"), exported} + request, data);
    QVERIFY2(book.exitCode == 0, book.err.constData());
    QCOMPARE(book.json().value(QStringLiteral("bookingId")).toInt(), 1);
    QCOMPARE(book.json().value(QStringLiteral("amount")).toString(), total);
    QFile signedFile(exported);
    QVERIFY(signedFile.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(signedFile.readAll()).object().value(QStringLiteral("signature")).toString().size(), 2 + 130);

    const Run list = icnctl({QStringLiteral("bookings"), QStringLiteral("--json"), QStringLiteral("--account"), DemoNetwork::demoSpAddress()}, data);
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(list.json().value(QStringLiteral("bookings")).toArray().size(), 1);

    const Run balance = icnctl({QStringLiteral("balance"), QStringLiteral("--json"), DemoNetwork::demoSpAddress()}, data);
    const Amount expected = *DemoNetwork::demoSpBalance().sub(*Amount::parse(total));
    QCOMPARE(balance.json().value(QStringLiteral("balance")).toString(), expected.toString());
    QCOMPARE(balance.json().value(QStringLiteral("nonce")).toInt(), 1);
}

void TestCliMarket::refusalsLeaveTheDatabaseUnchanged_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("exitCode");
    const QStringList request{QStringLiteral("--scope"), QStringLiteral("FRA-1"), QStringLiteral("--size-tb"), QStringLiteral("10"),
                              QStringLiteral("--start"), QStringLiteral("2026-12"), QStringLiteral("--months"), QStringLiteral("3")};
    const auto book = [&](const QString &total, const QString &password, const QStringList &req) {
        return QStringList{QStringLiteral("book"), QStringLiteral("--keystore"), m_keystore, QStringLiteral("--password-file"), password,
                           QStringLiteral("--quoted-total"), total} + req;
    };
    QTest::newRow("a booking at a stale price") << book(QStringLiteral("1"), m_password, request) << "booking.price_changed" << 1;
    QTest::newRow("a booking with the wrong password") << book(QStringLiteral("100"), m_wrongPassword, request) << "keystore.wrong_password" << 1;
    QStringList unknown = request;
    unknown[1] = QStringLiteral("ATLANTIS");
    QTest::newRow("a booking in an unknown scope") << book(QStringLiteral("100"), m_password, unknown) << "booking.unknown_scope" << 1;
    QStringList tooShort = request;
    tooShort[7] = QStringLiteral("1");
    QTest::newRow("a booking shorter than three months") << book(QStringLiteral("100"), m_password, tooShort) << "booking.duration_too_short" << 1;
    QTest::newRow("a booking without a quoted total")
        << QStringList{QStringLiteral("book"), QStringLiteral("--keystore"), m_keystore, QStringLiteral("--password-file"), m_password} + request
        << "cli.missing_option" << 2;
    QTest::newRow("a faucet to a malformed address") << QStringList{QStringLiteral("faucet"), QStringLiteral("0x1234"), QStringLiteral("5")}
                                                     << "address.malformed" << 1;
    QTest::newRow("a faucet of a negative amount")
        << QStringList{QStringLiteral("faucet"), DemoNetwork::demoSpAddress(), QStringLiteral("-5")} << "" << 1;
    QTest::newRow("a capacity query with a malformed month")
        << QStringList{QStringLiteral("capacity"), QStringLiteral("--scope"), QStringLiteral("FRA-1"), QStringLiteral("--start"),
                       QStringLiteral("Dec 2026"), QStringLiteral("--months"), QStringLiteral("3")}
        << "month.malformed" << 1;
}

void TestCliMarket::refusalsLeaveTheDatabaseUnchanged()
{
    QFETCH(QStringList, args);
    QFETCH(QString, code);
    QFETCH(int, exitCode);
    const QString data = m_dir.filePath(QStringLiteral("refusals"));
    if (!QFile::exists(Market::databasePath(data))) {
        QCOMPARE(icnctl({QStringLiteral("init"), QStringLiteral("--demo"), QStringLiteral("--history-months"), QStringLiteral("0")}, data).exitCode, 0);
        QCOMPARE(icnctl({QStringLiteral("faucet"), DemoNetwork::demoSpAddress(), QStringLiteral("1")}, data).exitCode, 0);
    }
    const Run before = icnctl({QStringLiteral("state-hash"), QStringLiteral("--json")}, data);
    QCOMPARE(before.exitCode, 0);

    const Run refused = icnctl(args + QStringList{QStringLiteral("--json")}, data);
    QCOMPARE(refused.exitCode, exitCode);
    const QJsonObject error = refused.json().value(QStringLiteral("error")).toObject();
    if (!code.isEmpty())
        QVERIFY2(error.value(QStringLiteral("code")).toString() == code, refused.out.constData());
    QCOMPARE(refused.err.count('\n'), 1); // one line on stderr

    const Run after = icnctl({QStringLiteral("state-hash"), QStringLiteral("--json")}, data);
    QCOMPARE(after.out, before.out); // same state hash, same number of applied transactions
    QCOMPARE(icnctl({QStringLiteral("check")}, data).exitCode, 0);
}

void TestCliMarket::closesMonthsReplaysAndChecks()
{
    const QString data = m_dir.filePath(QStringLiteral("months"));
    QCOMPARE(icnctl({QStringLiteral("init"), QStringLiteral("--demo"), QStringLiteral("--history-months"), QStringLiteral("0")}, data).exitCode, 0);
    const Run closed = icnctl({QStringLiteral("month"), QStringLiteral("close"), QStringLiteral("--json")}, data);
    QCOMPARE(closed.exitCode, 0);
    QCOMPARE(closed.json().value(QStringLiteral("closedMonth")).toString(), QStringLiteral("2026-11"));
    const Run hash = icnctl({QStringLiteral("state-hash"), QStringLiteral("--json")}, data);
    QCOMPARE(hash.json().value(QStringLiteral("month")).toString(), QStringLiteral("2026-12"));

    const Run replay = icnctl({QStringLiteral("replay"), QStringLiteral("--verify"), QStringLiteral("--json")}, data);
    QCOMPARE(replay.exitCode, 0);
    QCOMPARE(replay.json().value(QStringLiteral("replayed")).toInt(), 1);
    QCOMPARE(replay.json().value(QStringLiteral("stateHash")), hash.json().value(QStringLiteral("stateHash")));

    const Run check = icnctl({QStringLiteral("check"), QStringLiteral("--json")}, data);
    QCOMPARE(check.exitCode, 0);
    QVERIFY(check.json().value(QStringLiteral("ok")).toBool());
    QCOMPARE(check.json().value(QStringLiteral("integrity")).toArray().first().toString(), QStringLiteral("ok"));
}

void TestCliMarket::exportsWhatItImports()
{
    const QString data = m_dir.filePath(QStringLiteral("export"));
    QCOMPARE(icnctl({QStringLiteral("init"), QStringLiteral("--demo"), QStringLiteral("--history-months"), QStringLiteral("0")}, data).exitCode, 0);
    const QString file = m_dir.filePath(QStringLiteral("demo-export.json"));
    QCOMPARE(icnctl({QStringLiteral("network"), QStringLiteral("export"), file, QStringLiteral("--genesis")}, data).exitCode, 0);
    const auto back = SnapshotJson::readFile(file);
    QVERIFY(back.ok());
    QCOMPARE(*back, DemoNetwork::snapshot());
    const QString copy = m_dir.filePath(QStringLiteral("export-copy"));
    QCOMPARE(icnctl({QStringLiteral("init"), QStringLiteral("--network"), file}, copy).exitCode, 0);
    QCOMPARE(icnctl({QStringLiteral("state-hash")}, copy).out, icnctl({QStringLiteral("state-hash")}, data).out);
}

// A bookings row edited behind the engine's back: the mirror still opens (the log is intact), but
// check finds the difference, exits 1 and prints one JSON object holding the report and the error.
void TestCliMarket::checkReportsATamperedDatabaseInOneJsonObject()
{
    const QString data = m_dir.filePath(QStringLiteral("tampered"));
    QCOMPARE(icnctl({QStringLiteral("init"), QStringLiteral("--demo"), QStringLiteral("--history-months"), QStringLiteral("1")}, data)
                 .exitCode,
             0);
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(QFile::encodeName(Market::databasePath(data)).constData(), &db), SQLITE_OK);
    QCOMPARE(sqlite3_exec(db, "UPDATE bookings SET size_tb = size_tb + 1 WHERE id = 1", nullptr, nullptr, nullptr), SQLITE_OK);
    QCOMPARE(sqlite3_changes(db), 1);
    sqlite3_close(db);

    const Run check = icnctl({QStringLiteral("check"), QStringLiteral("--json")}, data);
    QCOMPARE(check.exitCode, 1);
    QCOMPARE(check.out.trimmed().count('\n'), 0); // one line, one object
    const QJsonObject whole = check.json();
    QCOMPARE(whole.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("store.check_failed"));
    const QJsonObject report = whole.value(QStringLiteral("report")).toObject();
    QCOMPARE(report.value(QStringLiteral("ok")).toBool(true), false);
    QVERIFY(!report.value(QStringLiteral("problems")).toArray().isEmpty());
}

QTEST_GUILESS_MAIN(TestCliMarket)
#include "tst_cli_market.moc"
