#include "CliRunner.h"
#include "Bip32.h"
#include "Bip39.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

// Runs the real icnctl binary (ICNCTL_PATH is set by CMake; the ICNCTL environment variable overrides it).
class TestCliWallet : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void newMnemonicPrintsValidWords_data();
    void newMnemonicPrintsValidWords();
    void newMnemonicRefusesOtherCounts();
    void seedPrintsTheTrezorVector();
    void seedWithoutPassphraseMatchesTheGoldenVector();
    void refusals_data();
    void refusals();
    void refusalWithJsonPrintsAnErrorObject();
    void derivePrintsTheGoldenAddress();
    void deriveFollowsThePath();
    void bip32PrintsVectorOne();
    void bip32ReadsTheSeedFromAFile();

private:
    using Run = icn::test::CliRun;
    Run icnctl(const QStringList &arguments);
    QString writeFile(const QString &name, const QByteArray &content);

    QString m_program;
    QTemporaryDir m_dir;
};

namespace {

const QByteArray kAbandonAbout = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

} // namespace

TestCliWallet::Run TestCliWallet::icnctl(const QStringList &arguments)
{
    return icn::test::runIcnctl(m_program, arguments);
}

QString TestCliWallet::writeFile(const QString &name, const QByteArray &content)
{
    return icn::test::writeTestFile(m_dir.filePath(name), content);
}

void TestCliWallet::initTestCase()
{
    m_program = icn::test::icnctlProgram();
    QVERIFY2(QFile::exists(m_program), qPrintable(m_program));
    QVERIFY(m_dir.isValid());
}

void TestCliWallet::newMnemonicPrintsValidWords_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("words");
    QTest::newRow("twelve words by default") << QStringList{} << 12;
    QTest::newRow("twelve words on request") << QStringList{"--words", "12"} << 12;
    QTest::newRow("twenty-four words on request") << QStringList{"--words", "24"} << 24;
}

void TestCliWallet::newMnemonicPrintsValidWords()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, words);
    const Run text = icnctl(QStringList{"wallet", "new-mnemonic"} + arguments);
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.err.isEmpty());
    const QString mnemonic = text.out.trimmed();
    QCOMPARE(mnemonic.split(QLatin1Char(' ')).size(), words);
    QVERIFY(icn::Bip39::validate(icn::SecureBytes(mnemonic.toUtf8())).ok());

    const Run json = icnctl(QStringList{"wallet", "new-mnemonic", "--json"} + arguments);
    QCOMPARE(json.exitCode, 0);
    const QJsonObject object = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(object.value(QStringLiteral("words")).toInt(), words);
    const QString other = object.value(QStringLiteral("mnemonic")).toString();
    QVERIFY(icn::Bip39::validate(icn::SecureBytes(other.toUtf8())).ok());
    QVERIFY(other != mnemonic);
}

void TestCliWallet::newMnemonicRefusesOtherCounts()
{
    for (const QString &count : {QStringLiteral("15"), QStringLiteral("11"), QStringLiteral("many")}) {
        const Run run = icnctl({"wallet", "new-mnemonic", "--words", count});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QCOMPARE(run.err, QStringLiteral("icnctl: words: --words must be 12 or 24 [cli.bad_number]\n"));
    }
}

void TestCliWallet::seedPrintsTheTrezorVector()
{
    const QString mnemonic = writeFile(QStringLiteral("trezor.txt"), kAbandonAbout + '\n');
    const QString passphrase = writeFile(QStringLiteral("trezor-pass.txt"), "TREZOR\n");
    const QString expected = QStringLiteral("c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e53495531f09a6987599d1"
                                            "8264c1e1c92f2cf141630c7a3c4ab7c81b2f001698e7463b04");
    const Run text = icnctl({"wallet", "seed", "--mnemonic-file", mnemonic, "--passphrase-file", passphrase});
    QCOMPARE(text.exitCode, 0);
    QCOMPARE(text.out, expected + QLatin1Char('\n'));
    const Run json = icnctl({"wallet", "seed", "--mnemonic-file", mnemonic, "--passphrase-file", passphrase, "--json"});
    QCOMPARE(json.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8()).object().value(QStringLiteral("seed")).toString(), expected);
}

void TestCliWallet::seedWithoutPassphraseMatchesTheGoldenVector()
{
    const QString mnemonic = writeFile(QStringLiteral("golden.txt"), kAbandonAbout);
    const Run run = icnctl({"wallet", "seed", "--mnemonic-file", mnemonic});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out.trimmed(), QStringLiteral("5eb00bbddcf069084889a8ab9155568165f5c453ccb85e70811aaed6f6da5fc1"
                                               "9a5ac40b389cd370d086206dec8aa6c43daea6690f20ad3d8d48b2d2ce9e38e4"));
}

void TestCliWallet::refusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("code");

    const QString badChecksum = writeFile(QStringLiteral("bad-checksum.txt"), QByteArray("abandon ").repeated(12));
    const QString unknownWord = writeFile(QStringLiteral("unknown.txt"), QByteArray(kAbandonAbout).replace("about", "aboot"));
    const QString elevenWords = writeFile(QStringLiteral("eleven.txt"), QByteArray("abandon ").repeated(11));
    const QString empty = writeFile(QStringLiteral("empty.txt"), "\n");
    const QString golden = writeFile(QStringLiteral("golden.txt"), kAbandonAbout);
    const QString missing = m_dir.filePath(QStringLiteral("does-not-exist.txt"));

    QTest::newRow("seed of a phrase with a wrong checksum")
        << QStringList{"wallet", "seed", "--mnemonic-file", badChecksum} << 1 << "bip39.bad_checksum";
    QTest::newRow("seed of a phrase with an unknown word")
        << QStringList{"wallet", "seed", "--mnemonic-file", unknownWord} << 1 << "bip39.unknown_word";
    QTest::newRow("seed of eleven words") << QStringList{"wallet", "seed", "--mnemonic-file", elevenWords} << 1
                                          << "bip39.wrong_word_count";
    QTest::newRow("seed of an empty file") << QStringList{"wallet", "seed", "--mnemonic-file", empty} << 1 << "bip39.empty";
    QTest::newRow("seed without a mnemonic file") << QStringList{"wallet", "seed"} << 2 << "cli.missing_option";
    QTest::newRow("seed of a file that does not exist") << QStringList{"wallet", "seed", "--mnemonic-file", missing} << 2
                                                        << "cli.unreadable_file";
    QTest::newRow("seed with a passphrase file that does not exist")
        << QStringList{"wallet", "seed", "--mnemonic-file", golden, "--passphrase-file", missing} << 2
        << "cli.unreadable_file";
    QTest::newRow("derive at a malformed path")
        << QStringList{"wallet", "derive", "--mnemonic-file", golden, "--path", "m/44'/x"} << 1 << "hdpath.malformed";
    QTest::newRow("derive at a path without m")
        << QStringList{"wallet", "derive", "--mnemonic-file", golden, "--path", "44'/60'"} << 1 << "hdpath.missing_root";
    QTest::newRow("derive of a phrase with a wrong checksum")
        << QStringList{"wallet", "derive", "--mnemonic-file", badChecksum} << 1 << "bip39.bad_checksum";
    QTest::newRow("bip32 without a seed") << QStringList{"wallet", "bip32", "--path", "m/0"} << 2 << "cli.missing_option";
    QTest::newRow("bip32 with two seeds")
        << QStringList{"wallet", "bip32", "--seed", "000102030405060708090a0b0c0d0e0f", "--seed-file", golden} << 2
        << "cli.missing_option";
    QTest::newRow("bip32 of a seed that is not hex") << QStringList{"wallet", "bip32", "--seed", "00zz"} << 1
                                                     << "hex.bad_digit";
    QTest::newRow("bip32 of a seed that is too short") << QStringList{"wallet", "bip32", "--seed", "0001020304"} << 1
                                                       << "bip32.bad_seed_length";
    QTest::newRow("bip32 at an index of 2^31")
        << QStringList{"wallet", "bip32", "--seed", "000102030405060708090a0b0c0d0e0f", "--path", "m/2147483648"} << 1
        << "hdpath.index_out_of_range";
}

void TestCliWallet::refusals()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, code);
    const Run run = icnctl(arguments);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.out.isEmpty(), qPrintable(run.out)); // nothing written on a refusal
    QVERIFY(run.err.startsWith(QStringLiteral("icnctl: ")));
    QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
    QVERIFY2(run.err.endsWith(QStringLiteral(" [") + code + QStringLiteral("]\n")), qPrintable(run.err));
}

void TestCliWallet::refusalWithJsonPrintsAnErrorObject()
{
    const QString unknownWord = writeFile(QStringLiteral("unknown-json.txt"),
                                          "abandon abandon abandon abandon abandon bitcoin abandon abandon abandon "
                                          "abandon abandon about");
    const Run run = icnctl({"wallet", "seed", "--mnemonic-file", unknownWord, "--json"});
    QCOMPARE(run.exitCode, 1);
    const QJsonObject error = QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("bip39.unknown_word"));
    QCOMPARE(error.value(QStringLiteral("field")).toString(), QStringLiteral("mnemonic"));
    QCOMPARE(error.value(QStringLiteral("details")).toObject().value(QStringLiteral("position")).toInt(), 6);
    QCOMPARE(error.value(QStringLiteral("details")).toObject().value(QStringLiteral("word")).toString(), QStringLiteral("bitcoin"));
    QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
}

void TestCliWallet::derivePrintsTheGoldenAddress()
{
    const QString mnemonic = writeFile(QStringLiteral("golden.txt"), kAbandonAbout + '\n');
    const Run text = icnctl({"wallet", "derive", "--mnemonic-file", mnemonic});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains(QStringLiteral("address: 0x9858EfFD232B4033E47d90003D41EC34EcaEda94\n")));
    QVERIFY(text.out.contains(QStringLiteral("path: m/44'/60'/0'/0/0\n")));

    const Run json = icnctl({"wallet", "derive", "--mnemonic-file", mnemonic, "--json"});
    QCOMPARE(json.exitCode, 0);
    const QJsonObject object = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(object.value(QStringLiteral("address")).toString(), QStringLiteral("0x9858EfFD232B4033E47d90003D41EC34EcaEda94"));
    QCOMPARE(object.value(QStringLiteral("path")).toString(), QStringLiteral("m/44'/60'/0'/0/0"));
    QVERIFY(object.value(QStringLiteral("publicKey")).toString().startsWith(QStringLiteral("0x04")));
    QCOMPARE(object.value(QStringLiteral("publicKey")).toString().size(), 2 + 130);
    QCOMPARE(object.value(QStringLiteral("compressedPublicKey")).toString().size(), 2 + 66);
}

void TestCliWallet::deriveFollowsThePath()
{
    const QString mnemonic = writeFile(QStringLiteral("golden.txt"), kAbandonAbout);
    const QString passphrase = writeFile(QStringLiteral("pass.txt"), "TREZOR");
    const Run run = icnctl({"wallet", "derive", "--mnemonic-file", mnemonic, "--passphrase-file", passphrase, "--path",
                            "m/44h/60h/0h/0/3", "--json"});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject object = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(object.value(QStringLiteral("path")).toString(), QStringLiteral("m/44'/60'/0'/0/3"));

    // The same key through the library.
    const auto seed = icn::Bip39::mnemonicToSeed(icn::SecureBytes(kAbandonAbout), icn::SecureBytes(QByteArrayView("TREZOR")));
    const auto key = icn::Bip32::ExtendedKey::fromSeed(*seed)->derive(QStringView(u"m/44'/60'/0'/0/3"));
    QVERIFY(key.ok());
    QCOMPARE(object.value(QStringLiteral("compressedPublicKey")).toString(),
             QStringLiteral("0x") + QString::fromLatin1(key->publicKey().toHex()));
    QVERIFY(object.value(QStringLiteral("address")).toString() != QStringLiteral("0x9858EfFD232B4033E47d90003D41EC34EcaEda94"));
}

void TestCliWallet::bip32PrintsVectorOne()
{
    const Run run = icnctl({"wallet", "bip32", "--seed", "000102030405060708090a0b0c0d0e0f", "--path", "m/0'/1", "--json"});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject object = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(object.value(QStringLiteral("xprv")).toString(),
             QStringLiteral("xprv9wTYmMFdV23N2TdNG573QoEsfRrWKQgWeibmLntzniatZvR9BmLnvSxqu53Kw1UmYPxLgboyZQaXwTCg8MSY3H2EU4pWcQDnRnrVA1xe8fs"));
    QCOMPARE(object.value(QStringLiteral("xpub")).toString(),
             QStringLiteral("xpub6ASuArnXKPbfEwhqN6e3mwBcDTgzisQN1wXN9BJcM47sSikHjJf3UFHKkNAWbWMiGj7Wf5uMash7SyYq527Hqck2AxYysAA7xmALppuCkwQ"));
}

void TestCliWallet::bip32ReadsTheSeedFromAFile()
{
    const QString seed = writeFile(QStringLiteral("seed.txt"), "000102030405060708090a0b0c0d0e0f\n");
    const Run run = icnctl({"wallet", "bip32", "--seed-file", seed});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(
        QStringLiteral("xprv: xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi\n")));
    QVERIFY(run.out.contains(
        QStringLiteral("xpub: xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8")));
    QVERIFY(run.out.contains(QStringLiteral("path: m\n")));
}

QTEST_GUILESS_MAIN(TestCliWallet)
#include "tst_cli_wallet.moc"
