#include "CliRunner.h"
#include "Eip1559Transaction.h"
#include "Erc20.h"
#include "Hex.h"
#include "Keccak.h"
#include "Signer.h"
#include "TypedData.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace icn;

namespace {

// The PBKDF2 vector of the Web3 Secret Storage Definition (password "testpassword") and its key.
const QByteArray kKeystore = R"({"crypto": {"cipher": "aes-128-ctr", "cipherparams": {"iv": "6087dab2f9fdbbfaddc31a909735c1e6"},
  "ciphertext": "5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46", "kdf": "pbkdf2",
  "kdfparams": {"c": 262144, "dklen": 32, "prf": "hmac-sha256", "salt": "ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd"},
  "mac": "517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2"},
  "id": "3198bc9c-6672-5ab3-d995-4942343ae5b6", "version": 3})";
const char *const kKeystoreKey = "7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d";
const QString kKeystoreAddress = QStringLiteral("0x008AeEda4D805471dF9b2A5B0f38A0C3bCBA786b");

// EIP-712's Mail example and the signature the EIP gives for it (key keccak256("cow")).
const QByteArray kMail = R"({"types": {
    "EIP712Domain": [{"name": "name", "type": "string"}, {"name": "version", "type": "string"},
                     {"name": "chainId", "type": "uint256"}, {"name": "verifyingContract", "type": "address"}],
    "Person": [{"name": "name", "type": "string"}, {"name": "wallet", "type": "address"}],
    "Mail": [{"name": "from", "type": "Person"}, {"name": "to", "type": "Person"}, {"name": "contents", "type": "string"}]},
  "primaryType": "Mail",
  "domain": {"name": "Ether Mail", "version": "1", "chainId": 1, "verifyingContract": "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"},
  "message": {"from": {"name": "Cow", "wallet": "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"},
              "to": {"name": "Bob", "wallet": "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"}, "contents": "Hello, Bob!"}})";
const QString kMailSignature = QStringLiteral("0x4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d"
                                              "07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b915621c");
const QString kMailSigner = QStringLiteral("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826");
const QString kRecipient = QStringLiteral("0x3535353535353535353535353535353535353535");

} // namespace

// Runs the real icnctl binary (ICNCTL_PATH is set by CMake; the ICNCTL environment variable overrides it).
class TestCliSign : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void verifyRecoversTheEipSigner();
    void verifyRefusals_data();
    void verifyRefusals();
    void signTypedDataWithAKeystore();
    void signTransferBuildsAnIcntTransferOnBase();
    void signTransferRefusals_data();
    void signTransferRefusals();

private:
    using Run = icn::test::CliRun;
    Run icnctl(const QStringList &arguments);
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString writeFile(const QString &name, const QByteArray &content);
    QStringList transferArgs() const;

    QString m_program;
    QTemporaryDir m_dir;
};

TestCliSign::Run TestCliSign::icnctl(const QStringList &arguments)
{
    return icn::test::runIcnctl(m_program, arguments);
}

QString TestCliSign::writeFile(const QString &name, const QByteArray &content)
{
    return icn::test::writeTestFile(path(name), content);
}

QStringList TestCliSign::transferArgs() const
{
    return {QStringLiteral("sign"), QStringLiteral("transfer"), QStringLiteral("--keystore"), path(QStringLiteral("keystore.json")),
            QStringLiteral("--password-file"), path(QStringLiteral("password")), QStringLiteral("--to"), kRecipient,
            QStringLiteral("--amount"), QStringLiteral("1.5"), QStringLiteral("--nonce"), QStringLiteral("3"),
            QStringLiteral("--max-fee-gwei"), QStringLiteral("0.05"), QStringLiteral("--priority-fee-gwei"), QStringLiteral("0.001"),
            QStringLiteral("--gas-limit"), QStringLiteral("60000")};
}

void TestCliSign::initTestCase()
{
    m_program = icn::test::icnctlProgram();
    QVERIFY2(QFile::exists(m_program), qPrintable(m_program));
    QVERIFY(m_dir.isValid());
    writeFile(QStringLiteral("keystore.json"), kKeystore);
    writeFile(QStringLiteral("password"), "testpassword\n");
    writeFile(QStringLiteral("wrong-password"), "testpassword!\n");
    writeFile(QStringLiteral("mail.json"), kMail);
    writeFile(QStringLiteral("unknown-type.json"), QByteArray(kMail).replace("\"type\": \"Person\"}", "\"type\": \"Persn\"}"));
    writeFile(QStringLiteral("not-json.json"), "{\"types\":");
}

void TestCliSign::verifyRecoversTheEipSigner()
{
    const QStringList args{QStringLiteral("verify"), QStringLiteral("typed-data"), QStringLiteral("--data"), path(QStringLiteral("mail.json")),
                           QStringLiteral("--signature"), kMailSignature};
    const Run text = icnctl(args);
    QCOMPARE(text.exitCode, 0);
    QCOMPARE(text.out, QStringLiteral("signer: %1\n").arg(kMailSigner));
    QVERIFY(text.err.isEmpty());

    const Run json = icnctl(args + QStringList{QStringLiteral("--json"), QStringLiteral("--signer"), kMailSigner.toLower()});
    QCOMPARE(json.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(o.value(QLatin1String("signer")).toString(), kMailSigner);
    QCOMPARE(o.value(QLatin1String("digest")).toString(), QStringLiteral("0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2"));
}

void TestCliSign::verifyRefusals_data()
{
    QTest::addColumn<QString>("data");
    QTest::addColumn<QString>("signature");
    QTest::addColumn<QString>("signer");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("code");

    // The same signature with s replaced by n - s and v flipped: valid ECDSA, refused as high-s.
    const QString highS = kMailSignature.left(66) + QStringLiteral("f8d666c92cfb3eac09bbc205fa0bf00eb2d7b3d4f8517d33c63c3b76ca7d2bdf") + "1b";
    QTest::newRow("a signature by someone else than --signer") << "mail.json" << kMailSignature << kKeystoreAddress << 1
                                                               << "signature.signer_mismatch";
    QTest::newRow("a high-s signature") << "mail.json" << highS << "" << 1 << "signature.high_s";
    QTest::newRow("a 64-byte signature") << "mail.json" << kMailSignature.left(130) << "" << 1 << "signature.wrong_length";
    QTest::newRow("v = 29") << "mail.json" << kMailSignature.left(130) + "1d" << "" << 1 << "signature.bad_recovery_id";
    QTest::newRow("a signature that is not hex") << "mail.json" << "0xzz" << "" << 1 << "hex.bad_digit";
    QTest::newRow("typed data with an undeclared type") << "unknown-type.json" << kMailSignature << "" << 1 << "typeddata.unknown_type";
    QTest::newRow("typed data that is not JSON") << "not-json.json" << kMailSignature << "" << 1 << "typeddata.bad_json";
    QTest::newRow("a missing data file") << "no-such.json" << kMailSignature << "" << 2 << "cli.unreadable_file";
    QTest::newRow("no signature") << "mail.json" << "" << "" << 2 << "cli.missing_option";
}

void TestCliSign::verifyRefusals()
{
    QFETCH(QString, data);
    QFETCH(QString, signature);
    QFETCH(QString, signer);
    QFETCH(int, exitCode);
    QFETCH(QString, code);

    QStringList args{QStringLiteral("verify"), QStringLiteral("typed-data"), QStringLiteral("--data"), path(data)};
    if (!signature.isEmpty())
        args << QStringLiteral("--signature") << signature;
    if (!signer.isEmpty())
        args << QStringLiteral("--signer") << signer;
    const Run text = icnctl(args);
    QCOMPARE(text.exitCode, exitCode);
    QVERIFY(text.out.isEmpty());
    QVERIFY2(text.err.contains(QLatin1Char('[') + code + QLatin1Char(']')), qPrintable(text.err));
    QCOMPARE(text.err.count(QLatin1Char('\n')), 1);

    const Run json = icnctl(args << QStringLiteral("--json"));
    QCOMPARE(json.exitCode, exitCode);
    QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8()).object().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             code);
}

void TestCliSign::signTypedDataWithAKeystore()
{
    const QStringList args{QStringLiteral("sign"), QStringLiteral("typed-data"), QStringLiteral("--keystore"), path(QStringLiteral("keystore.json")),
                           QStringLiteral("--password-file"), path(QStringLiteral("password")), QStringLiteral("--data"),
                           path(QStringLiteral("mail.json")), QStringLiteral("--json")};
    const Run run = icnctl(args);
    QCOMPARE(run.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(o.value(QLatin1String("signer")).toString(), kKeystoreAddress);
    QCOMPARE(o.value(QLatin1String("primaryType")).toString(), QStringLiteral("Mail"));
    // The same bytes as signing in-process with the keystore's key (RFC 6979 is deterministic).
    const auto data = TypedData::fromJson(QByteArrayView(kMail));
    QVERIFY(data.ok());
    const auto expected = signer::signDigest(SecureBytes(QByteArray::fromHex(kKeystoreKey)), data->digest());
    QCOMPARE(o.value(QLatin1String("signature")).toString(), toHex(expected->toRsv()));
    QVERIFY(!run.out.contains(QLatin1String(kKeystoreKey)));

    // What sign printed, verify accepts.
    const Run verify = icnctl({QStringLiteral("verify"), QStringLiteral("typed-data"), QStringLiteral("--data"), path(QStringLiteral("mail.json")),
                               QStringLiteral("--signature"), o.value(QLatin1String("signature")).toString(), QStringLiteral("--signer"),
                               kKeystoreAddress});
    QCOMPARE(verify.exitCode, 0);
    QCOMPARE(verify.out, QStringLiteral("signer: %1\n").arg(kKeystoreAddress));

    const Run wrong = icnctl(QStringList(args).replaceInStrings(QStringLiteral("/password"), QStringLiteral("/wrong-password")));
    QCOMPARE(wrong.exitCode, 1);
    QVERIFY(wrong.err.contains(QStringLiteral("[keystore.wrong_password]")));
}

void TestCliSign::signTransferBuildsAnIcntTransferOnBase()
{
    const Run text = icnctl(transferArgs());
    QCOMPARE(text.exitCode, 0);
    const QStringList lines = text.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines[0].startsWith(QLatin1String("raw: 0x02")));
    QVERIFY(lines[1].startsWith(QLatin1String("hash: 0x")));
    QCOMPARE(lines[2], QStringLiteral("from: ") + kKeystoreAddress);

    const Run json = icnctl(transferArgs() << QStringLiteral("--json"));
    QCOMPARE(json.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
    const QByteArray raw = *fromHex(o.value(QLatin1String("raw")).toString());
    QCOMPARE(o.value(QLatin1String("raw")).toString(), lines[0].mid(5));
    QCOMPARE(o.value(QLatin1String("hash")).toString(), toHex(keccak256(raw)));
    QCOMPARE(o.value(QLatin1String("token")).toString(), QStringLiteral("0xE0Cd4cAcDdcBF4f36e845407CE53E87717b6601d"));
    QCOMPARE(o.value(QLatin1String("chainId")).toString(), QStringLiteral("8453"));
    QCOMPARE(o.value(QLatin1String("amountBaseUnits")).toString(), QStringLiteral("1500000000000000000"));
    QCOMPARE(o.value(QLatin1String("maxFeePerGas")).toString(), QStringLiteral("50000000"));
    QCOMPARE(o.value(QLatin1String("maxPriorityFeePerGas")).toString(), QStringLiteral("1000000"));

    // Decoded, it is a value-0 call of transfer(0x3535…35, 1.5 ICNT) on the ICNT contract on Base.
    const auto decoded = Eip1559Transaction::decode(raw);
    QVERIFY(decoded.ok());
    const Eip1559Transaction &tx = decoded->transaction;
    QCOMPARE(tx.chainId, quint64(8453));
    QCOMPARE(tx.nonce, quint64(3));
    QCOMPARE(tx.gasLimit, quint64(60000));
    QCOMPARE(*tx.to, erc20::icntOnBase());
    QVERIFY(tx.value.isZero());
    QCOMPARE(tx.data.toHex(), QByteArray("a9059cbb000000000000000000000000353535353535353535353535353535353535353500000000000000000000000000000000000000000000000014d1120d7b160000"));
    QCOMPARE(decoded->signedTransaction.from.toChecksummed(), kKeystoreAddress);

    // Byte for byte what the library signs with the keystore's key.
    const auto expected = tx.sign(SecureBytes(QByteArray::fromHex(kKeystoreKey)));
    QCOMPARE(expected->raw, raw);
}

void TestCliSign::signTransferRefusals_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("code");

    QTest::newRow("a negative amount") << "amount" << "-1" << 1 << "amount.sign_not_allowed";
    QTest::newRow("an amount in exponent form") << "amount" << "1e3" << 1 << "amount.exponent_not_allowed";
    QTest::newRow("an amount with 19 decimals") << "amount" << "0.0000000000000000001" << 1 << "amount.too_many_decimals";
    QTest::newRow("chain id 0") << "chain-id" << "0" << 1 << "transaction.bad_chain_id";
    QTest::newRow("a chain without a known ICNT contract") << "chain-id" << "4" << 2 << "cli.missing_option";
    QTest::newRow("a recipient with a wrong checksum") << "to" << "0xcD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"
                                                      << 1 << "address.bad_checksum";
    QTest::newRow("a malformed token address") << "token" << "0x1234" << 1 << "address.malformed";
    QTest::newRow("a fee in floating point notation") << "max-fee-gwei" << "5e-2" << 1 << "amount.exponent_not_allowed";
    QTest::newRow("a fee with ten decimals") << "max-fee-gwei" << "0.0000000001" << 1 << "amount.too_many_decimals";
    QTest::newRow("a negative tip") << "priority-fee-gwei" << "-0.001" << 1 << "amount.sign_not_allowed";
    QTest::newRow("a tip above the fee cap") << "priority-fee-gwei" << "0.06" << 1 << "transaction.priority_fee_above_max_fee";
    QTest::newRow("a gas limit below 21000") << "gas-limit" << "20000" << 1 << "transaction.gas_limit_too_low";
    QTest::newRow("a negative nonce") << "nonce" << "-1" << 2 << "cli.bad_number";
    QTest::newRow("a wrong password") << "password-file" << "wrong-password" << 1 << "keystore.wrong_password";
    QTest::newRow("no keystore") << "keystore" << "" << 2 << "cli.missing_option";
}

void TestCliSign::signTransferRefusals()
{
    QFETCH(QString, option);
    QFETCH(QString, value);
    QFETCH(int, exitCode);
    QFETCH(QString, code);

    QStringList args = transferArgs();
    const qsizetype at = args.indexOf(QStringLiteral("--") + option);
    if (value.isEmpty()) {
        args.remove(at, 2);
    } else if (at >= 0) {
        args[at + 1] = option.endsWith(QLatin1String("-file")) ? path(value) : value;
    } else {
        args << QStringLiteral("--") + option << value;
    }
    const Run run = icnctl(args);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains(QLatin1Char('[') + code + QLatin1Char(']')), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestCliSign)
#include "tst_cli_sign.moc"
