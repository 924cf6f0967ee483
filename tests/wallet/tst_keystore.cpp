#include "Address.h"
#include "Hex.h"
#include "Kdf.h"
#include "Keystore.h"
#include "Secp256k1.h"
#include "TestVectors.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <QUuid>

using namespace icn;

namespace {

// The PBKDF2 test vector of the Web3 Secret Storage Definition (ethereum.org), embedded so that a
// clone without ../shared still checks the essentials. c = 262144 is what the spec publishes.
const char kSpecPbkdf2Vector[] = R"({
  "crypto": {"cipher": "aes-128-ctr", "cipherparams": {"iv": "6087dab2f9fdbbfaddc31a909735c1e6"},
    "ciphertext": "5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46",
    "kdf": "pbkdf2", "kdfparams": {"c": 262144, "dklen": 32, "prf": "hmac-sha256",
      "salt": "ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd"},
    "mac": "517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2"},
  "id": "3198bc9c-6672-5ab3-d995-4942343ae5b6", "version": 3})";
const char kSpecPrivateKey[] = "7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d";
const char kSpecDerivedKey[] = "f06d69cdc7da0faffb1008270bca38f5e31891a3a773950e6d0fea48a7188551";

// go-ethereum's "31_byte_key" (scrypt N=2): cheap, so it is the base the refusal rows mutate.
const char kScryptSmallVector[] = R"({
  "crypto": {"cipher": "aes-128-ctr", "cipherparams": {"iv": "e0c41130a323adc1446fc82f724bca2f"},
    "ciphertext": "9517cd5bdbe69076f9bf5057248c6c050141e970efa36ce53692d5d59a3984",
    "kdf": "scrypt", "kdfparams": {"dklen": 32, "n": 2, "r": 8, "p": 1,
      "salt": "711f816911c92d649fb4c84b047915679933555030b3552c1212609b38208c63"},
    "mac": "d5e116151c6aa71470e67a7d42c9620c75c4d23229847dcc127794f0732b0db5"},
  "id": "fecfc4ce-e956-48fd-953b-30f8b52ed66c", "version": 3})";
const char kScryptSmallKey[] = "fa7b3db73dc7dfdf8c5fbdb796d741e4488628c41fc4febd9160a866ba0f35";

SecureBytes secret(const char *text)
{
    return SecureBytes(QByteArrayView(text));
}

SecureBytes secretHex(const QString &hex)
{
    QByteArray bytes = *fromHex(hex);
    return SecureBytes::takeFrom(bytes);
}

QString hexOf(const SecureBytes &bytes)
{
    return toHex(bytes.view(), false);
}

// A copy of `object` with the value at the dotted `path` replaced (or removed when undefined).
QJsonObject mutated(QJsonObject object, QStringList path, const QJsonValue &value)
{
    const QString key = path.takeFirst();
    if (!path.isEmpty()) {
        object.insert(key, mutated(object.value(key).toObject(), path, value));
    } else if (value.isUndefined()) {
        object.remove(key);
    } else {
        object.insert(key, value);
    }
    return object;
}

QByteArray toBytes(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

KeystoreOptions fastScrypt()
{
    KeystoreOptions o;
    o.scryptN = 1024;
    return o;
}

SecureBytes randomPrivateKey()
{
    SecureBytes key(32);
    do {
        for (std::size_t i = 0; i < key.size(); ++i)
            key.data()[i] = static_cast<unsigned char>(QRandomGenerator::global()->bounded(256));
    } while (!secp256k1::isValidPrivateKey(key));
    return key;
}

Address addressOf(const SecureBytes &key)
{
    return *Address::fromPublicKey(*secp256k1::publicKey(key));
}

} // namespace

class TestKeystore : public QObject
{
    Q_OBJECT

private slots:
    void kdfEmbeddedKnownAnswers();
    void decryptsTheSpecPbkdf2Vector();
    void decryptsAShortKeyAsGoEthereumDoes();
    void decryptsAllPublicVectors_data();
    void decryptsAllPublicVectors();
    void refusesTheKnownBadEthereumOrgScryptVector();
    void roundTrips_data();
    void roundTrips();
    void roundTripsWithTheDefaultParameters();
    void wrongPasswordAndTamperingAreRefused_data();
    void wrongPasswordAndTamperingAreRefused();
    void refusesBadInput_data();
    void refusesBadInput();
    void acceptsLegacySpellings();
    void encryptRefusesBadKeysAndOptions_data();
    void encryptRefusesBadKeysAndOptions();
    void rawSecretsRoundTrip();
};

void TestKeystore::kdfEmbeddedKnownAnswers()
{
    // RFC 7914 section 12 (scrypt) and section 11 (PBKDF2-HMAC-SHA256).
    auto scrypt = Kdf::scrypt(secret("password"), "NaCl", 1024, 8, 16, 64);
    QVERIFY(scrypt.ok());
    QCOMPARE(hexOf(*scrypt), QStringLiteral("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                                            "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640"));
    auto pbkdf2 = Kdf::pbkdf2Sha256(secret("passwd"), "salt", 1, 64);
    QVERIFY(pbkdf2.ok());
    QCOMPARE(hexOf(*pbkdf2), QStringLiteral("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                                            "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"));
    // The spec vector's intermediate derived key.
    auto derived = Kdf::pbkdf2Sha256(secret("testpassword"),
                                     *fromHex(QStringLiteral("ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd")),
                                     262144, 32);
    QVERIFY(derived.ok());
    QCOMPARE(hexOf(*derived), QString::fromLatin1(kSpecDerivedKey));
}

void TestKeystore::decryptsTheSpecPbkdf2Vector()
{
    auto ks = Keystore::parse(kSpecPbkdf2Vector);
    QVERIFY2(ks.ok(), qPrintable(ks.ok() ? QString() : ks.error().toString()));
    QCOMPARE(ks->id(), QStringLiteral("3198bc9c-6672-5ab3-d995-4942343ae5b6"));
    QVERIFY(ks->address().isNull());
    auto key = ks->decrypt(secret("testpassword"));
    QVERIFY2(key.ok(), qPrintable(key.ok() ? QString() : key.error().toString()));
    QCOMPARE(hexOf(*key), QString::fromLatin1(kSpecPrivateKey));
    // The spec's details give the address of that key.
    QCOMPARE(addressOf(*key).toLower(), QStringLiteral("0x008aeeda4d805471df9b2a5b0f38a0c3bcba786b"));
}

void TestKeystore::decryptsAShortKeyAsGoEthereumDoes()
{
    auto ks = Keystore::parse(kScryptSmallVector);
    QVERIFY(ks.ok());
    auto raw = ks->decryptRaw(secret("foo"));
    QVERIFY(raw.ok());
    QCOMPARE(hexOf(*raw), QString::fromLatin1(kScryptSmallKey));
    auto key = ks->decrypt(secret("foo"));
    QVERIFY(key.ok());
    QCOMPARE(hexOf(*key), QStringLiteral("00") + QString::fromLatin1(kScryptSmallKey));
}

void TestKeystore::decryptsAllPublicVectors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("priv");

    int rows = 0;
    for (const char *file : {"basic_tests.json", "v3_test_vector.json"}) {
        const QJsonDocument doc = icn::test::loadVectors(QString::fromLatin1(file));
        if (doc.isNull())
            QSKIP("public test vectors not found (set ICN_VECTORS_DIR); embedded known answers still ran");
        const QJsonObject all = doc.object();
        for (auto it = all.begin(); it != all.end(); ++it, ++rows) {
            const QJsonObject v = it.value().toObject();
            QTest::addRow("%s %s decrypts", file, qPrintable(it.key()))
                << toBytes(v.value(QStringLiteral("json")).toObject()) << v.value(QStringLiteral("password")).toString()
                << v.value(QStringLiteral("priv")).toString();
        }
    }
    ICN_REQUIRE_VECTORS(org, "keystore_ethereum_org.json");
    const QJsonObject pbkdf2 = org.object().value(QStringLiteral("vectors")).toObject().value(QStringLiteral("pbkdf2_sha256")).toObject();
    QVERIFY(pbkdf2.value(QStringLiteral("status")).toString().startsWith(QLatin1String("valid")));
    QTest::newRow("ethereum.org pbkdf2 vector decrypts")
        << toBytes(pbkdf2.value(QStringLiteral("json")).toObject()) << pbkdf2.value(QStringLiteral("password")).toString()
        << pbkdf2.value(QStringLiteral("priv")).toString();
    QCOMPARE(rows, 9); // 5 in basic_tests, 4 in v3_test_vector: none may silently go missing
}

void TestKeystore::decryptsAllPublicVectors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, password);
    QFETCH(QString, priv);

    auto ks = Keystore::parse(json);
    QVERIFY2(ks.ok(), qPrintable(ks.ok() ? QString() : ks.error().toString()));
    const SecureBytes pass(password.toUtf8());
    // The raw plaintext must equal the reference's bytes exactly (30/31-byte keys included).
    auto raw = ks->decryptRaw(pass);
    QVERIFY2(raw.ok(), qPrintable(raw.ok() ? QString() : raw.error().toString()));
    QCOMPARE(hexOf(*raw), priv);
    // decrypt() validates the key (and the address when the file names one) and left-pads it.
    auto key = ks->decrypt(pass);
    QVERIFY2(key.ok(), qPrintable(key.ok() ? QString() : key.error().toString()));
    QCOMPARE(hexOf(*key), priv.rightJustified(64, QLatin1Char('0')));
    if (!ks->address().isNull())
        QCOMPARE(addressOf(*key), ks->address());
    // Re-serialising keeps every parameter.
    auto again = Keystore::parse(ks->toJson());
    QVERIFY(again.ok());
    QCOMPARE(again->toJson(), ks->toJson());
    QCOMPARE(again->id(), ks->id());
}

void TestKeystore::refusesTheKnownBadEthereumOrgScryptVector()
{
    // Its MAC was computed with the salt as ASCII hex (see the file's _warning): a correct decoder
    // must refuse it with the MAC error.
    ICN_REQUIRE_VECTORS(doc, "keystore_ethereum_org.json");
    const QJsonObject v = doc.object().value(QStringLiteral("vectors")).toObject().value(QStringLiteral("scrypt_n262144_r8_p1")).toObject();
    QVERIFY(v.value(QStringLiteral("status")).toString().startsWith(QLatin1String("KNOWN-BAD")));
    auto ks = Keystore::parse(toBytes(v.value(QStringLiteral("json")).toObject()));
    QVERIFY(ks.ok());
    auto key = ks->decrypt(SecureBytes(v.value(QStringLiteral("password")).toString().toUtf8()));
    QVERIFY(!key.ok());
    QCOMPARE(key.error().code, QStringLiteral("keystore.wrong_password"));
}

void TestKeystore::roundTrips_data()
{
    QTest::addColumn<int>("kdf");
    QTest::addColumn<quint64>("n");
    QTest::addColumn<quint32>("r");
    QTest::addColumn<quint32>("p");
    QTest::addColumn<quint32>("c");
    QTest::addColumn<QString>("password");

    QTest::newRow("scrypt with a small N") << int(KeystoreKdf::Scrypt) << quint64(1024) << 8u << 1u << 0u << "hunter2";
    QTest::newRow("scrypt with r=1 and p=8 like the old wiki vector") << int(KeystoreKdf::Scrypt) << quint64(1024) << 1u << 8u << 0u
                                                                       << "correct horse";
    QTest::newRow("pbkdf2 with few iterations") << int(KeystoreKdf::Pbkdf2) << quint64(0) << 0u << 0u << 1000u << "pässwörd ✓";
    QTest::newRow("an empty password") << int(KeystoreKdf::Scrypt) << quint64(16) << 8u << 1u << 0u << "";
}

void TestKeystore::roundTrips()
{
    QFETCH(int, kdf);
    QFETCH(quint64, n);
    QFETCH(quint32, r);
    QFETCH(quint32, p);
    QFETCH(quint32, c);
    QFETCH(QString, password);

    KeystoreOptions options;
    options.kdf = static_cast<KeystoreKdf>(kdf);
    options.scryptN = n;
    options.scryptR = r;
    options.scryptP = p;
    options.pbkdf2Iterations = c;
    const SecureBytes key = randomPrivateKey();
    const SecureBytes pass(password.toUtf8());

    auto ks = Keystore::encrypt(key, pass, options);
    QVERIFY2(ks.ok(), qPrintable(ks.ok() ? QString() : ks.error().toString()));
    QCOMPARE(ks->address(), addressOf(key));
    const QUuid id = QUuid::fromString(ks->id());
    QVERIFY(!id.isNull());
    QCOMPARE(id.version(), QUuid::Random);

    const QJsonObject json = QJsonDocument::fromJson(ks->toJson()).object();
    QCOMPARE(json.value(QStringLiteral("version")).toInt(), 3);
    QCOMPARE(json.value(QStringLiteral("address")).toString(), ks->address().toLower().mid(2));
    const QJsonObject crypto = json.value(QStringLiteral("crypto")).toObject();
    const QJsonObject params = crypto.value(QStringLiteral("kdfparams")).toObject();
    QCOMPARE(crypto.value(QStringLiteral("cipher")).toString(), QStringLiteral("aes-128-ctr"));
    QCOMPARE(crypto.value(QStringLiteral("cipherparams")).toObject().value(QStringLiteral("iv")).toString().size(), 32);
    QCOMPARE(params.value(QStringLiteral("salt")).toString().size(), 64);
    QCOMPARE(params.value(QStringLiteral("dklen")).toInt(), 32);
    if (options.kdf == KeystoreKdf::Scrypt) {
        QCOMPARE(crypto.value(QStringLiteral("kdf")).toString(), QStringLiteral("scrypt"));
        QCOMPARE(params.value(QStringLiteral("n")).toInteger(), qint64(n));
        QCOMPARE(params.value(QStringLiteral("r")).toInteger(), qint64(r));
        QCOMPARE(params.value(QStringLiteral("p")).toInteger(), qint64(p));
    } else {
        QCOMPARE(crypto.value(QStringLiteral("kdf")).toString(), QStringLiteral("pbkdf2"));
        QCOMPARE(params.value(QStringLiteral("c")).toInteger(), qint64(c));
        QCOMPARE(params.value(QStringLiteral("prf")).toString(), QStringLiteral("hmac-sha256"));
    }

    auto parsed = Keystore::parse(ks->toJson());
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->address(), ks->address());
    QCOMPARE(parsed->id(), ks->id());
    auto back = parsed->decrypt(pass);
    QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().toString()));
    QVERIFY(*back == key);

    // Two encryptions of the same key differ (fresh salt, IV and id).
    auto other = Keystore::encrypt(key, pass, options);
    QVERIFY(other.ok());
    QVERIFY(other->toJson() != ks->toJson());
    QVERIFY(other->id() != ks->id());
}

void TestKeystore::roundTripsWithTheDefaultParameters()
{
    const SecureBytes key = randomPrivateKey();
    auto ks = Keystore::encrypt(key, secret("default parameters"));
    QVERIFY(ks.ok());
    const KeystoreOptions o = ks->options();
    QCOMPARE(o.kdf, KeystoreKdf::Scrypt);
    QCOMPARE(o.scryptN, quint64(262144));
    QCOMPARE(o.scryptR, 8u);
    QCOMPARE(o.scryptP, 1u);
    auto back = Keystore::parse(ks->toJson())->decrypt(secret("default parameters"));
    QVERIFY(back.ok());
    QVERIFY(*back == key);
}

void TestKeystore::wrongPasswordAndTamperingAreRefused_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("code");

    QTest::newRow("a wrong password") << "" << QJsonValue() << "bar" << "keystore.wrong_password";
    QTest::newRow("a password differing in case") << "" << QJsonValue() << "FOO" << "keystore.wrong_password";
    QTest::newRow("a flipped ciphertext byte")
        << "crypto.ciphertext" << QJsonValue(QStringLiteral("9517cd5bdbe69076f9bf5057248c6c050141e970efa36ce53692d5d59a3985")) << "foo"
        << "keystore.wrong_password";
    QTest::newRow("a flipped MAC byte")
        << "crypto.mac" << QJsonValue(QStringLiteral("d5e116151c6aa71470e67a7d42c9620c75c4d23229847dcc127794f0732b0db4")) << "foo"
        << "keystore.wrong_password";
    QTest::newRow("another salt")
        << "crypto.kdfparams.salt" << QJsonValue(QStringLiteral("711f816911c92d649fb4c84b047915679933555030b3552c1212609b38208c64"))
        << "foo" << "keystore.wrong_password";
    QTest::newRow("another N") << "crypto.kdfparams.n" << QJsonValue(4) << "foo" << "keystore.wrong_password";
    // The MAC does not cover the IV (a weakness of the format); the address check catches it.
    QTest::newRow("another IV when the file names its address")
        << "crypto.cipherparams.iv" << QJsonValue(QStringLiteral("e0c41130a323adc1446fc82f724bca2e")) << "foo"
        << "keystore.address_mismatch";
    QTest::newRow("an address that is not the key's")
        << "address" << QJsonValue(QStringLiteral("008aeeda4d805471df9b2a5b0f38a0c3bcba786b")) << "foo" << "keystore.address_mismatch";
}

void TestKeystore::wrongPasswordAndTamperingAreRefused()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, password);
    QFETCH(QString, code);

    // The base names its (correct) address so that IV tampering is detectable.
    auto base = Keystore::parse(kScryptSmallVector);
    QVERIFY(base.ok());
    auto key = base->decrypt(secret("foo"));
    QVERIFY(key.ok());
    QJsonObject json = QJsonDocument::fromJson(base->withAddress(addressOf(*key)).toJson()).object();
    if (!path.isEmpty())
        json = mutated(json, path.split(QLatin1Char('.')), value);
    auto ks = Keystore::parse(toBytes(json));
    QVERIFY2(ks.ok(), qPrintable(ks.ok() ? QString() : ks.error().toString()));
    auto result = ks->decrypt(SecureBytes(password.toUtf8()));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, code);
    QVERIFY(!result.error().message.isEmpty());
}

void TestKeystore::refusesBadInput_data()
{
    QTest::addColumn<QByteArray>("base");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");

    const QByteArray s = kScryptSmallVector;
    const QByteArray k = kSpecPbkdf2Vector;
    const QJsonValue removed(QJsonValue::Undefined);
    auto row = [&](const char *name, const QByteArray &b, const char *path, const QJsonValue &v, const char *code, const char *field) {
        QTest::newRow(name) << b << QString::fromLatin1(path) << v << QString::fromLatin1(code) << QString::fromLatin1(field);
    };
    row("a missing version", s, "version", removed, "keystore.missing_field", "version");
    row("version 1", s, "version", 1, "keystore.unsupported_version", "version");
    row("version 3 as a string", s, "version", QStringLiteral("3"), "keystore.unsupported_version", "version");
    row("a missing id", s, "id", removed, "keystore.missing_field", "id");
    row("an id that is no UUID", s, "id", QStringLiteral("not-a-uuid"), "keystore.bad_id", "id");
    row("an address that is not hex", s, "address", QStringLiteral("zz8aeeda4d805471df9b2a5b0f38a0c3bcba786b"), "keystore.bad_address", "address");
    row("an address of 19 bytes", s, "address", QStringLiteral("8aeeda4d805471df9b2a5b0f38a0c3bcba786b"), "keystore.bad_address", "address");
    row("no crypto section", s, "crypto", removed, "keystore.missing_field", "crypto");
    row("a crypto section that is a string", s, "crypto", QStringLiteral("x"), "keystore.bad_field", "crypto");
    row("an AES-CBC cipher", s, "crypto.cipher", QStringLiteral("aes-128-cbc"), "keystore.unsupported_cipher", "crypto.cipher");
    row("a missing IV", s, "crypto.cipherparams.iv", removed, "keystore.missing_field", "crypto.cipherparams.iv");
    row("an IV of 15 bytes", s, "crypto.cipherparams.iv", QStringLiteral("e0c41130a323adc1446fc82f724bca"), "keystore.bad_iv", "crypto.cipherparams.iv");
    row("an IV with a non-hex digit", s, "crypto.cipherparams.iv", QStringLiteral("g0c41130a323adc1446fc82f724bca2f"), "keystore.bad_hex", "crypto.cipherparams.iv");
    row("an IV with an odd number of digits", s, "crypto.cipherparams.iv", QStringLiteral("0c41130a323adc1446fc82f724bca2f"), "keystore.bad_hex", "crypto.cipherparams.iv");
    row("an empty ciphertext", s, "crypto.ciphertext", QStringLiteral(""), "keystore.bad_ciphertext", "crypto.ciphertext");
    row("a ciphertext that is a number", s, "crypto.ciphertext", 12, "keystore.bad_field", "crypto.ciphertext");
    row("a huge ciphertext", s, "crypto.ciphertext", QString(QStringLiteral("ab")).repeated(5000), "keystore.bad_ciphertext", "crypto.ciphertext");
    row("a MAC of 31 bytes", s, "crypto.mac", QStringLiteral("d5e116151c6aa71470e67a7d42c9620c75c4d23229847dcc127794f0732b0d"), "keystore.bad_mac", "crypto.mac");
    row("a missing MAC", s, "crypto.mac", removed, "keystore.missing_field", "crypto.mac");
    row("argon2 as the kdf", s, "crypto.kdf", QStringLiteral("argon2id"), "keystore.unsupported_kdf", "crypto.kdf");
    row("missing kdf parameters", s, "crypto.kdfparams", removed, "keystore.missing_field", "crypto.kdfparams");
    row("dklen 16", s, "crypto.kdfparams.dklen", 16, "keystore.bad_dklen", "crypto.kdfparams.dklen");
    row("dklen 64", s, "crypto.kdfparams.dklen", 64, "keystore.bad_dklen", "crypto.kdfparams.dklen");
    row("an empty salt", s, "crypto.kdfparams.salt", QStringLiteral(""), "keystore.bad_salt", "crypto.kdfparams.salt");
    row("a missing N", s, "crypto.kdfparams.n", removed, "keystore.missing_field", "crypto.kdfparams.n");
    row("N of 2^30", s, "crypto.kdfparams.n", double(1 << 30), "kdf.too_expensive", "crypto.kdfparams.n");
    row("N of 2^21", s, "crypto.kdfparams.n", double(1 << 21), "kdf.too_expensive", "crypto.kdfparams.n");
    row("N of 10^300", s, "crypto.kdfparams.n", 1e300, "kdf.too_expensive", "crypto.kdfparams.n");
    row("N that is not a power of two", s, "crypto.kdfparams.n", 1000, "kdf.bad_params", "crypto.kdfparams.n");
    row("N of zero", s, "crypto.kdfparams.n", 0, "kdf.bad_params", "crypto.kdfparams.n");
    row("N of one", s, "crypto.kdfparams.n", 1, "kdf.bad_params", "crypto.kdfparams.n");
    row("a negative N", s, "crypto.kdfparams.n", -1024, "keystore.bad_field", "crypto.kdfparams.n");
    row("a fractional N", s, "crypto.kdfparams.n", 2.5, "keystore.bad_field", "crypto.kdfparams.n");
    row("N as a string", s, "crypto.kdfparams.n", QStringLiteral("1024"), "keystore.bad_field", "crypto.kdfparams.n");
    row("r of zero", s, "crypto.kdfparams.r", 0, "kdf.bad_params", "crypto.kdfparams.r");
    row("an absurd r", s, "crypto.kdfparams.r", 1000000, "kdf.too_expensive", "crypto.kdfparams.r");
    row("r beyond 32 bits", s, "crypto.kdfparams.r", 1e12, "kdf.too_expensive", "crypto.kdfparams.r");
    row("p of zero", s, "crypto.kdfparams.p", 0, "kdf.bad_params", "crypto.kdfparams.p");
    row("an absurd p", s, "crypto.kdfparams.p", 4294967296.0, "kdf.too_expensive", "crypto.kdfparams.p");
    row("c of zero", k, "crypto.kdfparams.c", 0, "kdf.bad_params", "crypto.kdfparams.c");
    row("c of 2^40", k, "crypto.kdfparams.c", 1099511627776.0, "kdf.too_expensive", "crypto.kdfparams.c");
    row("a missing c", k, "crypto.kdfparams.c", removed, "keystore.missing_field", "crypto.kdfparams.c");
    row("an HMAC-SHA512 prf", k, "crypto.kdfparams.prf", QStringLiteral("hmac-sha512"), "keystore.unsupported_prf", "crypto.kdfparams.prf");
    row("a missing prf", k, "crypto.kdfparams.prf", removed, "keystore.missing_field", "crypto.kdfparams.prf");
}

void TestKeystore::refusesBadInput()
{
    QFETCH(QByteArray, base);
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, code);
    QFETCH(QString, field);

    const QJsonObject json = mutated(QJsonDocument::fromJson(base).object(), path.split(QLatin1Char('.')), value);
    // Refused by parse() itself: nothing is derived (and so nothing allocated) for hostile costs.
    auto ks = Keystore::parse(toBytes(json));
    QVERIFY(!ks.ok());
    QCOMPARE(ks.error().code, code);
    QCOMPARE(ks.error().field, field);
    QVERIFY(!ks.error().message.isEmpty());
}

void TestKeystore::acceptsLegacySpellings()
{
    // "Crypto" (old MyEtherWallet), 0x-prefixed hex and a file-level address with 0x.
    QJsonObject json = QJsonDocument::fromJson(kScryptSmallVector).object();
    QJsonObject crypto = json.take(QStringLiteral("crypto")).toObject();
    crypto.insert(QStringLiteral("mac"), QStringLiteral("0x") + crypto.value(QStringLiteral("mac")).toString());
    json.insert(QStringLiteral("Crypto"), crypto);
    auto ks = Keystore::parse(toBytes(json));
    QVERIFY2(ks.ok(), qPrintable(ks.ok() ? QString() : ks.error().toString()));
    QCOMPARE(hexOf(*ks->decryptRaw(secret("foo"))), QString::fromLatin1(kScryptSmallKey));
    // Written back in the standard spelling.
    QVERIFY(QJsonDocument::fromJson(ks->toJson()).object().contains(QStringLiteral("crypto")));

    // Not JSON at all, JSON that is not an object, an oversized file.
    QCOMPARE(Keystore::parse("{\"version\": 3,").error().code, QStringLiteral("keystore.bad_json"));
    QCOMPARE(Keystore::parse("[1, 2, 3]").error().code, QStringLiteral("keystore.bad_json"));
    QCOMPARE(Keystore::parse("").error().code, QStringLiteral("keystore.bad_json"));
    QCOMPARE(Keystore::parse(QByteArray(Keystore::kMaxJsonSize + 1, ' ')).error().code, QStringLiteral("keystore.too_large"));
}

void TestKeystore::encryptRefusesBadKeysAndOptions_data()
{
    QTest::addColumn<QString>("keyHex");
    QTest::addColumn<quint64>("n");
    QTest::addColumn<quint32>("r");
    QTest::addColumn<QString>("code");

    const QString good = QString::fromLatin1(kSpecPrivateKey);
    QTest::newRow("a zero private key") << QString(64, QLatin1Char('0')) << quint64(16) << 8u << "keystore.bad_private_key";
    QTest::newRow("a 31-byte private key") << good.left(62) << quint64(16) << 8u << "keystore.bad_private_key";
    QTest::newRow("the curve order as private key")
        << "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141" << quint64(16) << 8u << "keystore.bad_private_key";
    QTest::newRow("N above the cap") << good << (quint64(1) << 21) << 8u << "kdf.too_expensive";
    QTest::newRow("N not a power of two") << good << quint64(1000) << 8u << "kdf.bad_params";
    QTest::newRow("r of zero") << good << quint64(16) << 0u << "kdf.bad_params";
}

void TestKeystore::encryptRefusesBadKeysAndOptions()
{
    QFETCH(QString, keyHex);
    QFETCH(quint64, n);
    QFETCH(quint32, r);
    QFETCH(QString, code);
    KeystoreOptions options;
    options.scryptN = n;
    options.scryptR = r;
    auto ks = Keystore::encrypt(secretHex(keyHex), secret("pw"), options);
    QVERIFY(!ks.ok());
    QCOMPARE(ks.error().code, code);

    KeystoreOptions pbkdf2;
    pbkdf2.kdf = KeystoreKdf::Pbkdf2;
    pbkdf2.pbkdf2Iterations = 0;
    QCOMPARE(Keystore::encrypt(secretHex(QString::fromLatin1(kSpecPrivateKey)), secret("pw"), pbkdf2).error().code,
             QStringLiteral("kdf.bad_params"));
}

void TestKeystore::rawSecretsRoundTrip()
{
    const SecureBytes mnemonic(QByteArrayView("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"));
    auto ks = Keystore::encryptRaw(mnemonic, secret("pw"), fastScrypt());
    QVERIFY(ks.ok());
    QVERIFY(ks->address().isNull());
    QVERIFY(!QJsonDocument::fromJson(ks->toJson()).object().contains(QStringLiteral("address")));
    auto parsed = Keystore::parse(ks->toJson());
    QVERIFY(parsed.ok());
    QVERIFY(*parsed->decryptRaw(secret("pw")) == mnemonic);
    QCOMPARE(parsed->decryptRaw(secret("wrong")).error().code, QStringLiteral("keystore.wrong_password"));
    // Not a private key, so decrypt() refuses it.
    QCOMPARE(parsed->decrypt(secret("pw")).error().code, QStringLiteral("keystore.bad_private_key"));
    QCOMPARE(Keystore::encryptRaw(SecureBytes(), secret("pw"), fastScrypt()).error().code, QStringLiteral("keystore.bad_options"));
}

QTEST_GUILESS_MAIN(TestKeystore)
#include "tst_keystore.moc"
