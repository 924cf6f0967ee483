#include "CliRunner.h"
#include "Address.h"
#include "Hex.h"
#include "Keystore.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace icn;

namespace {

// The PBKDF2 vector of the Web3 Secret Storage Definition and its key's address.
const QByteArray kSpecVector = R"({"crypto": {"cipher": "aes-128-ctr", "cipherparams": {"iv": "6087dab2f9fdbbfaddc31a909735c1e6"},
  "ciphertext": "5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46", "kdf": "pbkdf2",
  "kdfparams": {"c": 262144, "dklen": 32, "prf": "hmac-sha256", "salt": "ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd"},
  "mac": "517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2"},
  "id": "3198bc9c-6672-5ab3-d995-4942343ae5b6", "version": 3})";
const QString kSpecKey = QStringLiteral("0x7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d");
const QString kSpecAddress = QStringLiteral("0x008AeEda4D805471dF9b2A5B0f38A0C3bCBA786b");

} // namespace

// Runs the real icnctl binary (ICNCTL_PATH is set by CMake; the ICNCTL environment variable overrides it).
class TestCliKeystore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void decryptPrintsTheAddressOnly();
    void decryptShowsThePrivateKeyOnRequest();
    void decryptRefusals_data();
    void decryptRefusals();
    void wrongPasswordWithJsonPrintsAnErrorObject();
    void encryptWritesAFileThatDecrypts();
    void encryptPrintsTheKeystoreWithDefaults();
    void encryptPbkdf2AsJson();
    void encryptRefusalsWriteNothing_data();
    void encryptRefusalsWriteNothing();

private:
    using Run = icn::test::CliRun;
    Run icnctl(const QStringList &arguments);
    QString writeFile(const QString &name, const QByteArray &content);

    QString m_program;
    QTemporaryDir m_dir;
};

TestCliKeystore::Run TestCliKeystore::icnctl(const QStringList &arguments)
{
    return icn::test::runIcnctl(m_program, arguments);
}

QString TestCliKeystore::writeFile(const QString &name, const QByteArray &content)
{
    return icn::test::writeTestFile(m_dir.filePath(name), content);
}

void TestCliKeystore::initTestCase()
{
    m_program = icn::test::icnctlProgram();
    QVERIFY2(QFile::exists(m_program), qPrintable(m_program));
    QVERIFY(m_dir.isValid());
    writeFile(QStringLiteral("spec.json"), kSpecVector);
    writeFile(QStringLiteral("password"), "testpassword\n");
    writeFile(QStringLiteral("wrong-password"), "testpassword2\n");
    writeFile(QStringLiteral("key"), kSpecKey.toLatin1() + '\n');
}

void TestCliKeystore::decryptPrintsTheAddressOnly()
{
    const Run run = icnctl({QStringLiteral("keystore"), QStringLiteral("decrypt"), m_dir.filePath(QStringLiteral("spec.json")),
                            QStringLiteral("--password-file"), m_dir.filePath(QStringLiteral("password"))});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QStringLiteral("address: %1\n").arg(kSpecAddress));
    QVERIFY(run.err.isEmpty());
    QVERIFY(!run.out.contains(kSpecKey.mid(2)));
}

void TestCliKeystore::decryptShowsThePrivateKeyOnRequest()
{
    const QStringList base{QStringLiteral("keystore"), QStringLiteral("decrypt"), m_dir.filePath(QStringLiteral("spec.json")),
                           QStringLiteral("--password-file"), m_dir.filePath(QStringLiteral("password")),
                           QStringLiteral("--show-private-key")};
    const Run text = icnctl(base);
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains(QStringLiteral("private key: ") + kSpecKey));
    const Run json = icnctl(base + QStringList{QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("address")).toString(), kSpecAddress);
    QCOMPARE(o.value(QStringLiteral("privateKey")).toString(), kSpecKey);
    QCOMPARE(o.value(QStringLiteral("id")).toString(), QStringLiteral("3198bc9c-6672-5ab3-d995-4942343ae5b6"));
}

void TestCliKeystore::decryptRefusals_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("passwordFile");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("code");

    QTest::newRow("a wrong password") << "spec.json" << "wrong-password" << 1 << "keystore.wrong_password";
    QTest::newRow("a missing password file") << "spec.json" << "no-such-password" << 2 << "cli.unreadable_file";
    QTest::newRow("no --password-file at all") << "spec.json" << "" << 2 << "cli.missing_option";
    QTest::newRow("a missing keystore file") << "no-such.json" << "password" << 2 << "cli.unreadable_file";
    QTest::newRow("a keystore with a hostile N") << "hostile.json" << "password" << 1 << "kdf.too_expensive";
    QTest::newRow("a file that is not JSON") << "password" << "password" << 1 << "keystore.bad_json";
}

void TestCliKeystore::decryptRefusals()
{
    QFETCH(QString, file);
    QFETCH(QString, passwordFile);
    QFETCH(int, exitCode);
    QFETCH(QString, code);
    writeFile(QStringLiteral("hostile.json"), QByteArray(kSpecVector).replace("\"c\": 262144", "\"c\": 1e15"));

    QStringList args{QStringLiteral("keystore"), QStringLiteral("decrypt"), m_dir.filePath(file)};
    if (!passwordFile.isEmpty())
        args << QStringLiteral("--password-file") << m_dir.filePath(passwordFile);
    const Run run = icnctl(args);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY(run.out.isEmpty());
    QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
    QVERIFY2(run.err.contains(QLatin1Char('[') + code + QLatin1Char(']')), qPrintable(run.err));
}

void TestCliKeystore::wrongPasswordWithJsonPrintsAnErrorObject()
{
    const Run run = icnctl({QStringLiteral("keystore"), QStringLiteral("decrypt"), m_dir.filePath(QStringLiteral("spec.json")),
                            QStringLiteral("--password-file"), m_dir.filePath(QStringLiteral("wrong-password")), QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 1);
    const QJsonObject error = QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("keystore.wrong_password"));
}

void TestCliKeystore::encryptWritesAFileThatDecrypts()
{
    const QString out = m_dir.filePath(QStringLiteral("written.json"));
    QFile::remove(out);
    const Run run = icnctl({QStringLiteral("keystore"), QStringLiteral("encrypt"), QStringLiteral("--private-key-file"),
                            m_dir.filePath(QStringLiteral("key")), QStringLiteral("--password-file"), m_dir.filePath(QStringLiteral("password")),
                            QStringLiteral("--scrypt-n"), QStringLiteral("1024"), QStringLiteral("--out"), out});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(kSpecAddress));
    QVERIFY(QFileInfo::exists(out));
    QCOMPARE(QFileInfo(out).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    auto keystore = Keystore::parse(f.readAll());
    QVERIFY(keystore.ok());
    QCOMPARE(keystore->options().scryptN, quint64(1024));
    QCOMPARE(keystore->address().toChecksummed(), kSpecAddress);
    QCOMPARE(toHex(keystore->decrypt(SecureBytes(QByteArrayView("testpassword")))->view()), kSpecKey);

    // And icnctl reads it back.
    const Run back = icnctl({QStringLiteral("keystore"), QStringLiteral("decrypt"), out, QStringLiteral("--password-file"),
                             m_dir.filePath(QStringLiteral("password")), QStringLiteral("--json")});
    QCOMPARE(back.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(back.out.toUtf8()).object().value(QStringLiteral("address")).toString(), kSpecAddress);
}

void TestCliKeystore::encryptPrintsTheKeystoreWithDefaults()
{
    const Run run = icnctl({QStringLiteral("keystore"), QStringLiteral("encrypt"), QStringLiteral("--private-key-file"),
                            m_dir.filePath(QStringLiteral("key")), QStringLiteral("--password-file"), m_dir.filePath(QStringLiteral("password"))});
    QCOMPARE(run.exitCode, 0);
    auto keystore = Keystore::parse(run.out.toUtf8());
    QVERIFY2(keystore.ok(), qPrintable(run.out));
    QCOMPARE(keystore->options().kdf, KeystoreKdf::Scrypt);
    QCOMPARE(keystore->options().scryptN, quint64(262144));
    QCOMPARE(keystore->options().scryptR, 8u);
    QCOMPARE(keystore->options().scryptP, 1u);
    QCOMPARE(keystore->address().toChecksummed(), kSpecAddress);
}

void TestCliKeystore::encryptPbkdf2AsJson()
{
    const Run run = icnctl({QStringLiteral("keystore"), QStringLiteral("encrypt"), QStringLiteral("--private-key-file"),
                            m_dir.filePath(QStringLiteral("key")), QStringLiteral("--password-file"), m_dir.filePath(QStringLiteral("password")),
                            QStringLiteral("--kdf"), QStringLiteral("pbkdf2"), QStringLiteral("--iterations"), QStringLiteral("1000"),
                            QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("address")).toString(), kSpecAddress);
    auto keystore = Keystore::parse(QJsonDocument(o.value(QStringLiteral("keystore")).toObject()).toJson());
    QVERIFY(keystore.ok());
    QCOMPARE(keystore->options().kdf, KeystoreKdf::Pbkdf2);
    QCOMPARE(keystore->options().pbkdf2Iterations, 1000u);
    QCOMPARE(keystore->id(), o.value(QStringLiteral("id")).toString());
    QCOMPARE(toHex(keystore->decrypt(SecureBytes(QByteArrayView("testpassword")))->view()), kSpecKey);
}

void TestCliKeystore::encryptRefusalsWriteNothing_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QByteArray>("keyFile");
    QTest::addColumn<bool>("outExists");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("code");

    const QByteArray key = kSpecKey.toLatin1();
    QTest::newRow("a key file that is not hex") << QStringList() << QByteArray("hello") << false << 1 << "keystore.bad_private_key";
    QTest::newRow("a zero private key") << QStringList() << QByteArray(64, '0') << false << 1 << "keystore.bad_private_key";
    QTest::newRow("an unknown kdf") << QStringList{QStringLiteral("--kdf"), QStringLiteral("argon2")} << key << false << 2 << "cli.bad_value";
    QTest::newRow("an N that is not a power of two") << QStringList{QStringLiteral("--scrypt-n"), QStringLiteral("1000")} << key << false << 1
                                                     << "kdf.bad_params";
    QTest::newRow("a missing password file") << QStringList{QStringLiteral("--password-file"), QStringLiteral("/nonexistent/pw")} << key
                                             << false << 2 << "cli.unreadable_file";
    QTest::newRow("an existing output file") << QStringList() << key << true << 1 << "keystore.file_exists";
}

void TestCliKeystore::encryptRefusalsWriteNothing()
{
    QFETCH(QStringList, extra);
    QFETCH(QByteArray, keyFile);
    QFETCH(bool, outExists);
    QFETCH(int, exitCode);
    QFETCH(QString, code);

    const QString out = m_dir.filePath(QStringLiteral("refused.json"));
    QFile::remove(out);
    if (outExists)
        writeFile(QStringLiteral("refused.json"), "precious");
    QStringList args{QStringLiteral("keystore"), QStringLiteral("encrypt"), QStringLiteral("--private-key-file"),
                     writeFile(QStringLiteral("refusal-key"), keyFile), QStringLiteral("--out"), out};
    if (!extra.contains(QStringLiteral("--password-file")))
        args << QStringLiteral("--password-file") << m_dir.filePath(QStringLiteral("password"));
    args << extra;
    const Run run = icnctl(args);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY(run.out.isEmpty());
    QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
    QVERIFY2(run.err.contains(QLatin1Char('[') + code + QLatin1Char(']')), qPrintable(run.err));
    if (outExists) {
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("precious"));
    } else {
        QVERIFY(!QFileInfo::exists(out));
    }
}

QTEST_GUILESS_MAIN(TestCliKeystore)
#include "tst_cli_keystore.moc"
