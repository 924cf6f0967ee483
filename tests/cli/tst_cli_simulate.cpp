// icnctl simulate as a user runs it: progress on stderr, the same seed giving the same state hash
// in two data folders, and Ctrl-C (SIGINT) stopping after a whole month with a database that
// passes `check` and reopens at the month it stopped in.
#include "CliRunner.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

using namespace icn::test;

class TestCliSimulate : public QObject
{
    Q_OBJECT

private slots:
    void progressOnStderrAndTheSameSeedGivesTheSameHash();
    void interruptLeavesAConsistentDatabase();
    void refusesBadOptionsWithoutCreatingAnything();

private:
    static CliRun icnctl(const QStringList &args) { return runIcnctl(icnctlProgram(), args); }
    static QJsonObject json(const CliRun &run) { return QJsonDocument::fromJson(run.out.toUtf8()).object(); }
    QTemporaryDir m_dir;
};

void TestCliSimulate::progressOnStderrAndTheSameSeedGivesTheSameHash()
{
    QStringList hashes;
    for (const QString &name : {QStringLiteral("a"), QStringLiteral("b")}) {
        const QString data = m_dir.filePath(name);
        const CliRun run = icnctl({QStringLiteral("simulate"), QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--months"),
                                   QStringLiteral("2"), QStringLiteral("--nodes"), QStringLiteral("300"), QStringLiteral("--data-dir"), data});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains(QStringLiteral("simulating: 0 of 2 months done")), qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("simulating: 2 of 2 months done")));
        QVERIFY2(run.out.startsWith(QStringLiteral("Simulated 2 months from seed 7")), qPrintable(run.out));
        const CliRun hash = icnctl({QStringLiteral("state-hash"), QStringLiteral("--json"), QStringLiteral("--data-dir"), data});
        QCOMPARE(hash.exitCode, 0);
        hashes << json(hash).value(QStringLiteral("stateHash")).toString();
        QCOMPARE(icnctl({QStringLiteral("check"), QStringLiteral("--data-dir"), data}).exitCode, 0);
    }
    QVERIFY(!hashes[0].isEmpty());
    QCOMPARE(hashes[0], hashes[1]);
    // The simulated SLA history of one HN, whole and downsampled to 8 points with its bands.
    const QString a = m_dir.filePath(QStringLiteral("a"));
    const QStringList sla{QStringLiteral("history"), QStringLiteral("sla"), QStringLiteral("--hn"), QStringLiteral("FRA-1-N01"),
                          QStringLiteral("--from"), QStringLiteral("0"), QStringLiteral("--to"), QStringLiteral("100000"),
                          QStringLiteral("--json"), QStringLiteral("--data-dir"), a};
    const QJsonObject whole = json(icnctl(sla));
    const qint64 epochs = whole.value(QStringLiteral("sourceEpochs")).toInteger();
    QVERIFY2(epochs >= 59, qPrintable(QString::number(epochs))); // two months of daily epochs
    QCOMPARE(whole.value(QStringLiteral("epochs")).toArray().size(), epochs);
    const QJsonObject few = json(icnctl(sla + QStringList{QStringLiteral("--points"), QStringLiteral("8")}));
    QCOMPARE(few.value(QStringLiteral("sourceEpochs")).toInteger(), epochs);
    QVERIFY(few.value(QStringLiteral("epochs")).toArray().size() <= 8);
    for (const char *name : {"availabilityBand", "latencyBand", "bandwidthBand"}) {
        const QJsonArray band = few.value(QLatin1String(name)).toArray();
        QVERIFY2(!band.isEmpty() && band.size() <= 8, name);
        QCOMPARE(band.first().toObject().value(QStringLiteral("firstEpoch")).toInteger(),
                 whole.value(QStringLiteral("epochs")).toArray().first().toObject().value(QStringLiteral("epoch")).toInteger());
    }
    // --json prints no progress, only the summary.
    const CliRun quiet = icnctl({QStringLiteral("simulate"), QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--months"),
                                 QStringLiteral("1"), QStringLiteral("--json"), QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("a"))});
    QCOMPARE(quiet.exitCode, 0);
    QVERIFY(!quiet.err.contains(QStringLiteral("simulating")));
    QCOMPARE(json(quiet).value(QStringLiteral("months")).toInt(), 1);
    QVERIFY(!json(quiet).value(QStringLiteral("cancelled")).toBool());
}

void TestCliSimulate::interruptLeavesAConsistentDatabase()
{
    const QString data = m_dir.filePath(QStringLiteral("interrupted"));
    QProcess process;
    process.start(icnctlProgram(), {QStringLiteral("simulate"), QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--months"),
                                    QStringLiteral("600"), QStringLiteral("--nodes"), QStringLiteral("1500"), QStringLiteral("--data-dir"), data});
    QVERIFY(process.waitForStarted());
    // Wait until the first month is done, then press Ctrl-C.
    QByteArray err;
    QElapsedTimer waited;
    waited.start();
    while (!err.contains("simulating: 1 of 600") && waited.elapsed() < 120'000 && process.state() == QProcess::Running) {
        process.waitForReadyRead(200);
        err += process.readAllStandardError();
    }
    QVERIFY2(err.contains("simulating: 1 of 600"), err.constData());
    QCOMPARE(::kill(static_cast<pid_t>(process.processId()), SIGINT), 0);
    QVERIFY(process.waitForFinished(120'000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 130);
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    QVERIFY2(out.startsWith(QStringLiteral("Cancelled after ")), qPrintable(out));
    const qsizetype from = qsizetype(qstrlen("Cancelled after "));
    const int months = out.mid(from, out.indexOf(QLatin1Char(' '), from) - from).toInt();
    QVERIFY(months >= 1 && months < 600);

    const CliRun check = icnctl({QStringLiteral("check"), QStringLiteral("--json"), QStringLiteral("--data-dir"), data});
    QCOMPARE(check.exitCode, 0);
    QVERIFY(json(check).value(QStringLiteral("ok")).toBool());
    // The store holds the whole months: replaying it gives the hash the run printed.
    const QString printed = out.section(QStringLiteral("state hash 0x"), 1).trimmed();
    const CliRun hash = icnctl({QStringLiteral("state-hash"), QStringLiteral("--json"), QStringLiteral("--data-dir"), data});
    QVERIFY(json(hash).value(QStringLiteral("stateHash")).toString().endsWith(printed));
}

void TestCliSimulate::refusesBadOptionsWithoutCreatingAnything()
{
    const QString data = m_dir.filePath(QStringLiteral("bad"));
    const CliRun run = icnctl({QStringLiteral("simulate"), QStringLiteral("--months"), QStringLiteral("0"), QStringLiteral("--nodes"),
                               QStringLiteral("100"), QStringLiteral("--json"), QStringLiteral("--data-dir"), data});
    QVERIFY(run.exitCode != 0);
    QCOMPARE(json(run).value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString(), QStringLiteral("months"));
    QVERIFY(!QFile::exists(data + QStringLiteral("/icn-desk.sqlite")));
}

QTEST_GUILESS_MAIN(TestCliSimulate)
#include "tst_cli_simulate.moc"
