// icnctl §7 commands end to end on the demo network: oracle register (signed and local), sla
// report (signed), sla import (CSV and JSON feeds, refusals), epoch close, sla show, claim
// compensation (once), and the log replays to the same state.
#include "CliRunner.h"
#include "DemoNetwork.h"
#include "Keystore.h"
#include "SlaFeed.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace icn;
using namespace icn::test;

namespace {

// The demo SP's key: m/44'/60'/0'/0/0 of the public test mnemonic "abandon … about".
const char *const kDemoKeyHex = "1ab42cc412b618bdea3a599e3c9bae199ebf030895b039e9db1e30dafb12b727";
const QString kOracleB = QStringLiteral("0x00000000000000000000000000000000000000b1");
const QString kOracleC = QStringLiteral("0x00000000000000000000000000000000000000c1");

QJsonObject json(const CliRun &r)
{
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

QString errorCode(const CliRun &r)
{
    return json(r).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

} // namespace

class TestCliSla : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void reportsCloseEpochsAndClaims();
    void feedRefusalsChangeNothing();

private:
    CliRun icnctl(QStringList args) const
    {
        args << QStringLiteral("--data-dir") << m_data << QStringLiteral("--json");
        return runIcnctl(icnctlProgram(), args);
    }
    QString stateHash() const { return json(icnctl({QStringLiteral("state-hash")})).value(QStringLiteral("stateHash")).toString(); }
    QStringList signer() const
    {
        return {QStringLiteral("--keystore"), m_keystore, QStringLiteral("--password-file"), m_password};
    }

    QTemporaryDir m_dir;
    QString m_data;
    QString m_keystore;
    QString m_password;
};

void TestCliSla::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QByteArray keyBytes = QByteArray::fromHex(kDemoKeyHex);
    KeystoreOptions cheap;
    cheap.scryptN = 1024;
    const auto keystore = Keystore::encrypt(SecureBytes::takeFrom(keyBytes), SecureBytes(QByteArrayView("correct horse")), cheap);
    QVERIFY(keystore.ok());
    m_keystore = writeTestFile(m_dir.filePath(QStringLiteral("oracle.json")), keystore->toJson());
    m_password = writeTestFile(m_dir.filePath(QStringLiteral("password.txt")), "correct horse\n");
    m_data = m_dir.filePath(QStringLiteral("data"));
    QCOMPARE(runIcnctl(icnctlProgram(), {QStringLiteral("init"), QStringLiteral("--demo"), QStringLiteral("--history-months"), QStringLiteral("0"), QStringLiteral("--data-dir"), m_data}).exitCode, 0);
}

void TestCliSla::reportsCloseEpochsAndClaims()
{
    // Three oracles: the demo key (signed) and two local ones.
    const CliRun reg = icnctl(QStringList{QStringLiteral("oracle"), QStringLiteral("register")} + signer());
    QVERIFY2(reg.exitCode == 0, qPrintable(reg.err));
    QCOMPARE(json(reg).value(QStringLiteral("type")).toString(), QStringLiteral("register_oracle"));
    QCOMPARE(errorCode(icnctl(QStringList{QStringLiteral("oracle"), QStringLiteral("register")} + signer())),
             QStringLiteral("oracle.already_registered"));
    for (const QString &o : {kOracleB, kOracleC})
        QCOMPARE(icnctl({QStringLiteral("oracle"), QStringLiteral("register"), QStringLiteral("--local"), o}).exitCode, 0);
    const QJsonObject list = json(icnctl({QStringLiteral("oracle"), QStringLiteral("list")}));
    QCOMPARE(list.value(QStringLiteral("oracles")).toArray().size(), 3);
    QCOMPARE(list.value(QStringLiteral("quorum")).toInt(), 2);

    // A 1 TB booking from next month, so that its HN's breach days withhold escrow.
    const NetworkSnapshot demo = DemoNetwork::snapshot();
    const QString next = demo.currentMonth.plus(1).toString();
    const QStringList request{QStringLiteral("--scope"), demo.clusters.front().id, QStringLiteral("--size-tb"), QStringLiteral("1"),
                              QStringLiteral("--start"), next, QStringLiteral("--months"), QStringLiteral("3")};
    const CliRun quote = icnctl(QStringList{QStringLiteral("quote")} + request);
    QCOMPARE(quote.exitCode, 0);
    const CliRun book = icnctl(QStringList{QStringLiteral("book"), QStringLiteral("--quoted-total"),
                                           json(quote).value(QStringLiteral("total")).toString()}
                               + request + signer());
    QVERIFY2(book.exitCode == 0, qPrintable(book.err));
    const QString hn = json(book).value(QStringLiteral("slices")).toArray().first().toObject().value(QStringLiteral("node")).toString();
    QVERIFY(!hn.isEmpty());
    QCOMPARE(icnctl({QStringLiteral("month"), QStringLiteral("close")}).exitCode, 0);

    // In the booking's first month: one breach epoch (a signed report + a CSV feed of two).
    const qint64 epoch = json(icnctl({QStringLiteral("sla"), QStringLiteral("show")})).value(QStringLiteral("epoch")).toInteger();
    QVERIFY(epoch > 20'000);
    const QStringList bad{QStringLiteral("--hn"), hn, QStringLiteral("--availability-ppm"), QStringLiteral("900000"),
                          QStringLiteral("--latency-ms"), QStringLiteral("40"), QStringLiteral("--bandwidth-mbps"), QStringLiteral("5000")};
    const CliRun rep = icnctl(QStringList{QStringLiteral("sla"), QStringLiteral("report")} + signer() + bad);
    QVERIFY2(rep.exitCode == 0, qPrintable(rep.err));
    QCOMPARE(json(rep).value(QStringLiteral("type")).toString(), QStringLiteral("sla_report"));
    QCOMPARE(errorCode(icnctl(QStringList{QStringLiteral("sla"), QStringLiteral("report")} + signer() + bad)),
             QStringLiteral("sla.duplicate_report"));
    QList<SlaReport> feed;
    for (const QString &o : {kOracleB, kOracleC}) {
        SlaReport r;
        r.hnId = hn;
        r.epoch = epoch;
        r.metrics = SlaMetrics{950'000, 30, 4'000};
        r.oracle = *Address::parse(o);
        feed.append(r);
    }
    const QString csv = writeTestFile(m_dir.filePath(QStringLiteral("feed.csv")), SlaFeed::toCsv(feed));
    QCOMPARE(errorCode(icnctl({QStringLiteral("sla"), QStringLiteral("import"), csv})), QStringLiteral("sla_feed.missing_signature"));
    const CliRun imported = icnctl({QStringLiteral("sla"), QStringLiteral("import"), csv, QStringLiteral("--unsigned")});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    QCOMPARE(json(imported).value(QStringLiteral("reports")).toInt(), 2);

    const CliRun closed = icnctl({QStringLiteral("epoch"), QStringLiteral("close")});
    QVERIFY2(closed.exitCode == 0, qPrintable(closed.err));
    QCOMPARE(json(closed).value(QStringLiteral("type")).toString(), QStringLiteral("close_epoch"));
    const QJsonObject state = json(icnctl({QStringLiteral("sla"), QStringLiteral("show"), hn}));
    QCOMPARE(state.value(QStringLiteral("inBreach")).toBool(), true);
    QCOMPARE(state.value(QStringLiteral("streak")).toInt(), 1);
    QCOMPARE(state.value(QStringLiteral("lastOutcome")).toString(), QStringLiteral("breach"));
    QCOMPARE(state.value(QStringLiteral("reliabilityPpm")).toInt(), 818'181);
    QCOMPARE(state.value(QStringLiteral("lastMedian")).toObject().value(QStringLiteral("availabilityPpm")).toInt(), 950'000);
    const QJsonArray inBreach = json(icnctl({QStringLiteral("sla"), QStringLiteral("show")})).value(QStringLiteral("inBreach")).toArray();
    QCOMPARE(inBreach.size(), 1);

    // Reports for the closed epoch are refused; JSON feeds are read too.
    const QString jsonFeed = writeTestFile(m_dir.filePath(QStringLiteral("feed.json")), SlaFeed::toJson(feed));
    QCOMPARE(errorCode(icnctl({QStringLiteral("sla"), QStringLiteral("import"), jsonFeed, QStringLiteral("--unsigned")})),
             QStringLiteral("sla.epoch_closed"));

    // Month close withholds 1/daysInMonth of the slice's payment; the SP claims it once.
    QCOMPARE(icnctl({QStringLiteral("month"), QStringLiteral("close")}).exitCode, 0);
    const QString claimable = json(icnctl({QStringLiteral("claim"), QStringLiteral("show"), QStringLiteral("1")}))
                                  .value(QStringLiteral("claimable")).toString();
    QVERIFY2(claimable != QStringLiteral("0") && !claimable.isEmpty(), qPrintable(claimable));
    QCOMPARE(errorCode(icnctl({QStringLiteral("claim"), QStringLiteral("compensation"), QStringLiteral("1"), QStringLiteral("--local"), kOracleB})),
             QStringLiteral("claim.not_sp"));
    const CliRun claim = icnctl(QStringList{QStringLiteral("claim"), QStringLiteral("compensation"), QStringLiteral("1")} + signer());
    QVERIFY2(claim.exitCode == 0, qPrintable(claim.err));
    QCOMPARE(json(claim).value(QStringLiteral("amount")).toString(), claimable);
    const CliRun again = icnctl(QStringList{QStringLiteral("claim"), QStringLiteral("compensation"), QStringLiteral("1")} + signer());
    QCOMPARE(again.exitCode, 1);
    QCOMPARE(errorCode(again), QStringLiteral("claim.nothing_to_claim"));

    // The log replays to the same state and passes every check.
    const CliRun replay = icnctl({QStringLiteral("replay"), QStringLiteral("--verify")});
    QCOMPARE(replay.exitCode, 0);
    QCOMPARE(json(replay).value(QStringLiteral("stateHash")).toString(), stateHash());
    QCOMPARE(icnctl({QStringLiteral("check")}).exitCode, 0);
}

void TestCliSla::feedRefusalsChangeNothing()
{
    const QString before = stateHash();
    const QString garbage = writeTestFile(m_dir.filePath(QStringLiteral("garbage.csv")), "hn_id,epoch\nx,1\n");
    const CliRun bad = icnctl({QStringLiteral("sla"), QStringLiteral("import"), garbage, QStringLiteral("--unsigned")});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY(errorCode(bad).startsWith(QStringLiteral("sla_feed.")));
    QCOMPARE(errorCode(icnctl({QStringLiteral("sla"), QStringLiteral("import"), m_dir.filePath(QStringLiteral("missing.csv"))})),
             QStringLiteral("sla_feed.unreadable"));
    QCOMPARE(errorCode(icnctl({QStringLiteral("sla"), QStringLiteral("show"), QStringLiteral("NOPE")})), QStringLiteral("sla.unknown_hn"));
    QCOMPARE(icnctl({QStringLiteral("oracle"), QStringLiteral("register")}).exitCode, 2); // neither --keystore nor --local
    QCOMPARE(stateHash(), before);
}

QTEST_GUILESS_MAIN(TestCliSla)
#include "tst_cli_sla.moc"
