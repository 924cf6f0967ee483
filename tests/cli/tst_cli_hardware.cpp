// `icnctl hn …` and `icnctl rewards` on the demo network: each §6 transaction signed with a
// keystore, refusals with their typed code and no change, rewards after a month close, replay.
#include "CliRunner.h"
#include "DemoNetwork.h"
#include "Keystore.h"

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

QJsonObject jsonOf(const CliRun &run)
{
    return QJsonDocument::fromJson(run.out.toUtf8()).object();
}

QString errorCode(const CliRun &run)
{
    return jsonOf(run).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

Amount amountOf(const QJsonValue &v)
{
    return *Amount::parse(v.toString());
}

} // namespace

class TestCliHardware : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void registersManagesAndRewardsAnHn();

private:
    CliRun icnctl(QStringList args);
    QStringList signing(const char *verb) const;

    QTemporaryDir m_dir;
    QString m_data;
    QString m_keystore;
    QString m_password;
};

CliRun TestCliHardware::icnctl(QStringList args)
{
    args << QStringLiteral("--data-dir") << m_data;
    return runIcnctl(icnctlProgram(), args);
}

QStringList TestCliHardware::signing(const char *verb) const
{
    return {QStringLiteral("hn"), QString::fromLatin1(verb), QStringLiteral("--keystore"), m_keystore, QStringLiteral("--password-file"),
            m_password, QStringLiteral("--node"), QStringLiteral("CLI-HN-1"), QStringLiteral("--json")};
}

void TestCliHardware::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_data = m_dir.filePath(QStringLiteral("data"));
    QByteArray keyBytes = QByteArray::fromHex(kDemoKeyHex);
    KeystoreOptions cheap;
    cheap.scryptN = 1024;
    const auto keystore = Keystore::encrypt(SecureBytes::takeFrom(keyBytes), SecureBytes(QByteArrayView("correct horse")), cheap);
    QVERIFY(keystore.ok());
    m_keystore = writeTestFile(m_dir.filePath(QStringLiteral("hp.json")), keystore->toJson());
    m_password = writeTestFile(m_dir.filePath(QStringLiteral("password.txt")), "correct horse\n");
    QCOMPARE(icnctl({QStringLiteral("init"), QStringLiteral("--demo")}).exitCode, 0);
}

void TestCliHardware::registersManagesAndRewardsAnHn()
{
    const NetworkSnapshot demo = DemoNetwork::snapshot();
    const Cluster &cluster = demo.clusters.front();
    const Amount required = *cluster.maxClusterPrice.mul(6 * 10);
    const Amount tooLittle = *required.mulPpm(299'999);
    const QString hp = DemoNetwork::demoSpAddress();
    const auto stateHash = [this] { return icnctl({QStringLiteral("state-hash")}).out; };

    QStringList reg = signing("register");
    reg << QStringLiteral("--cluster") << cluster.id << QStringLiteral("--capacity-tb") << QStringLiteral("10")
        << QStringLiteral("--price") << cluster.maxClusterPrice.toString() << QStringLiteral("--max-duration") << QStringLiteral("12");
    // Under 30 % of the requirement: refused, nothing written.
    const QString before = stateHash();
    CliRun run = icnctl(reg + QStringList{QStringLiteral("--deposit"), tooLittle.toString()});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(errorCode(run), QStringLiteral("hn.deposit_below_minimum"));
    QCOMPARE(stateHash(), before);

    run = icnctl(reg + QStringList{QStringLiteral("--deposit"), required.toString()});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QJsonObject out = jsonOf(run);
    QCOMPARE(out.value(QStringLiteral("type")).toString(), QStringLiteral("hn_register"));
    QCOMPARE(out.value(QStringLiteral("typedData")).toObject().value(QStringLiteral("primaryType")).toString(), QStringLiteral("RegisterNode"));
    QCOMPARE(out.value(QStringLiteral("signature")).toString().size(), 2 + 130);
    QJsonObject node = out.value(QStringLiteral("node")).toObject();
    QCOMPARE(node.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
    QCOMPARE(amountOf(node.value(QStringLiteral("collateral"))), required);
    QCOMPARE(node.value(QStringLiteral("commitmentEnd")).toString(), QStringLiteral("2029-11"));

    run = icnctl(reg + QStringList{QStringLiteral("--deposit"), required.toString()});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(errorCode(run), QStringLiteral("hn.duplicate_id"));

    run = icnctl(signing("set-price") + QStringList{QStringLiteral("--price"), QStringLiteral("0.5")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(amountOf(jsonOf(run).value(QStringLiteral("node")).toObject().value(QStringLiteral("reservationPrice"))), Amount::fromIcnt(1).div(2).value());

    run = icnctl(signing("deposit") + QStringList{QStringLiteral("--amount"), QStringLiteral("1")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(amountOf(jsonOf(run).value(QStringLiteral("node")).toObject().value(QStringLiteral("collateral"))),
             *required.add(Amount::fromIcnt(1)));

    const QString held = stateHash();
    run = icnctl(signing("withdraw") + QStringList{QStringLiteral("--amount"), QStringLiteral("1")});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(errorCode(run), QStringLiteral("hn.commitment_running"));
    run = icnctl(signing("offboard"));
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(errorCode(run), QStringLiteral("hn.commitment_running"));
    run = icnctl(signing("extend") + QStringList{QStringLiteral("--months"), QStringLiteral("5")});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(errorCode(run), QStringLiteral("hn.commitment_bad_step"));
    QCOMPARE(stateHash(), held);
    run = icnctl(signing("deposit"));
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(errorCode(run), QStringLiteral("cli.missing_option"));

    run = icnctl(signing("extend") + QStringList{QStringLiteral("--months"), QStringLiteral("6")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(jsonOf(run).value(QStringLiteral("node")).toObject().value(QStringLiteral("commitmentEnd")).toString(), QStringLiteral("2030-05"));

    QCOMPARE(icnctl({QStringLiteral("month"), QStringLiteral("close")}).exitCode, 0);
    run = icnctl({QStringLiteral("rewards"), hp, QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    out = jsonOf(run);
    const QJsonArray nodes = out.value(QStringLiteral("nodes")).toArray();
    QCOMPARE(nodes.size(), 1);
    node = nodes.first().toObject();
    QCOMPARE(node.value(QStringLiteral("node")).toString(), QStringLiteral("CLI-HN-1"));
    const Amount earned = amountOf(node.value(QStringLiteral("rewardsEarned")));
    QVERIFY(earned > Amount());
    QVERIFY(earned <= Amount::fromIcnt(5)); // 0.5 ICNT × 10 TB at most
    QCOMPARE(amountOf(out.value(QStringLiteral("total"))), earned);
    QCOMPARE(amountOf(out.value(QStringLiteral("toCollateral"))), Amount()); // fully collateralised

    run = icnctl({QStringLiteral("rewards"), hp});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(QStringLiteral("CLI-HN-1")));
    run = icnctl({QStringLiteral("hn"), QStringLiteral("show"), QStringLiteral("CLI-HN-1")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(QStringLiteral("active")));
    run = icnctl({QStringLiteral("rewards"), QStringLiteral("not-an-address"), QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 1);

    // The log of signed §6 transactions replays to the same state.
    run = icnctl({QStringLiteral("replay"), QStringLiteral("--verify"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(icnctl({QStringLiteral("check")}).exitCode, 0);
}

QTEST_GUILESS_MAIN(TestCliHardware)
#include "tst_cli_hardware.moc"
