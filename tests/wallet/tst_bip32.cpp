#include "Address.h"
#include "Bip32.h"
#include "Bip39.h"
#include "Hex.h"
#include "TestVectors.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using icn::HdPath;
using icn::Result;
using icn::SecureBytes;
using icn::Bip32::ExtendedKey;

namespace {

SecureBytes secretHex(const QString &hex)
{
    return SecureBytes(icn::fromHex(hex).value());
}

QString xprvOf(const ExtendedKey &key)
{
    return QString::fromLatin1(key.toXprv().value().view());
}

Result<ExtendedKey> parseText(const QString &text)
{
    return ExtendedKey::parse(text.toLatin1());
}

// The error code parse() must give for each reason of bip32_vectors.extracted.json's "invalid" list.
QString expectedCode(const QString &reason)
{
    if (reason.startsWith(QLatin1String("pubkey version")) || reason.startsWith(QLatin1String("invalid pubkey")))
        return QStringLiteral("bip32.invalid_public_key");
    if (reason.startsWith(QLatin1String("prvkey version")) || reason.startsWith(QLatin1String("invalid prvkey"))
        || reason.startsWith(QLatin1String("private key")))
        return QStringLiteral("bip32.invalid_private_key");
    if (reason.startsWith(QLatin1String("zero depth")))
        return QStringLiteral("bip32.bad_master");
    if (reason.startsWith(QLatin1String("unknown extended key version")))
        return QStringLiteral("bip32.unknown_version");
    if (reason.startsWith(QLatin1String("invalid checksum")))
        return QStringLiteral("bip32.bad_checksum");
    return QStringLiteral("unmapped reason: ") + reason;
}

} // namespace

class TestBip32 : public QObject
{
    Q_OBJECT

private slots:
    void embeddedVectorOneDerives_data();
    void embeddedVectorOneDerives();
    void publicDerivationsMatch();
    void publicInvalidKeysAreRefused();
    void embeddedInvalidKeysAreRefused_data();
    void embeddedInvalidKeysAreRefused();
    void publicKeysDeriveNormalChildren();
    void publicKeysRefuseHardenedChildren();
    void neuteredKeyHasNoXprv();
    void childrenRecordTheirParent();
    void seedLengthIsChecked_data();
    void seedLengthIsChecked();
    void badPathIsRefusedBeforeDeriving();
    void bip44EthereumGoldenAddress();
    void bip44PublicGoldenVector();
};

void TestBip32::embeddedVectorOneDerives_data()
{
    // BIP-32 test vector 1 (seed 000102…0f).
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("xprv");
    QTest::addColumn<QString>("xpub");
    QTest::newRow("the root key")
        << "m"
        << "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi"
        << "xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8";
    QTest::newRow("a hardened then a normal child")
        << "m/0'/1"
        << "xprv9wTYmMFdV23N2TdNG573QoEsfRrWKQgWeibmLntzniatZvR9BmLnvSxqu53Kw1UmYPxLgboyZQaXwTCg8MSY3H2EU4pWcQDnRnrVA1xe8fs"
        << "xpub6ASuArnXKPbfEwhqN6e3mwBcDTgzisQN1wXN9BJcM47sSikHjJf3UFHKkNAWbWMiGj7Wf5uMash7SyYq527Hqck2AxYysAA7xmALppuCkwQ";
    QTest::newRow("five levels down, written with h")
        << "m/0h/1/2h/2/1000000000"
        << "xprvA41z7zogVVwxVSgdKUHDy1SKmdb533PjDz7J6N6mV6uS3ze1ai8FHa8kmHScGpWmj4WggLyQjgPie1rFSruoUihUZREPSL39UNdE3BBDu76"
        << "xpub6H1LXWLaKsWFhvm6RVpEL9P4KfRZSW7abD2ttkWP3SSQvnyA8FSVqNTEcYFgJS2UaFcxupHiYkro49S8yGasTvXEYBVPamhGW6cFJodrTHy";
}

void TestBip32::embeddedVectorOneDerives()
{
    QFETCH(QString, path);
    QFETCH(QString, xprv);
    QFETCH(QString, xpub);
    const auto master = ExtendedKey::fromSeed(secretHex(QStringLiteral("000102030405060708090a0b0c0d0e0f")));
    QVERIFY(master.ok());
    const auto key = master->derive(QStringView(path));
    QVERIFY(key.ok());
    QCOMPARE(xprvOf(*key), xprv);
    QCOMPARE(key->toXpub(), xpub);

    const auto parsed = parseText(xprv);
    QVERIFY(parsed.ok());
    QVERIFY(parsed->isPrivate());
    QCOMPARE(xprvOf(*parsed), xprv);
    QCOMPARE(parsed->depth(), key->depth());
    const auto parsedPublic = parseText(xpub);
    QVERIFY(parsedPublic.ok());
    QVERIFY(!parsedPublic->isPrivate());
    QCOMPARE(parsedPublic->toXpub(), xpub);
    QCOMPARE(parsedPublic->publicKey(), key->publicKey());
}

void TestBip32::publicDerivationsMatch()
{
    ICN_REQUIRE_VECTORS(doc, "bip32_vectors.extracted.json");
    const QJsonArray derivations = doc.object().value(QStringLiteral("derivations")).toArray();
    QVERIFY(derivations.size() >= 17);
    for (const auto &value : derivations) {
        const QJsonObject row = value.toObject();
        const QString path = row.value(QStringLiteral("path")).toString();
        const QString xprv = row.value(QStringLiteral("xprv")).toString();
        const QString xpub = row.value(QStringLiteral("xpub")).toString();
        const QString context = row.value(QStringLiteral("seed")).toString().left(8) + QLatin1Char(' ') + path;

        const auto master = ExtendedKey::fromSeed(secretHex(row.value(QStringLiteral("seed")).toString()));
        QVERIFY2(master.ok(), qPrintable(context));
        const auto key = master->derive(QStringView(path));
        QVERIFY2(key.ok(), qPrintable(context));
        QCOMPARE(xprvOf(*key), xprv);
        QCOMPARE(key->toXpub(), xpub);
        QCOMPARE(key->neutered().toXpub(), xpub);

        // Serialization round trips.
        QCOMPARE(xprvOf(parseText(xprv).value()), xprv);
        QCOMPARE(parseText(xpub)->toXpub(), xpub);

        // CKDpub: the public parent derives the same public child when the last step is normal.
        const HdPath full = HdPath::parse(path).value();
        if (full.depth() > 0 && !HdPath::isHardened(full.indexes().back())) {
            const HdPath parentPath(full.indexes().first(full.depth() - 1));
            const auto publicParent = master->derive(parentPath)->neutered();
            const auto child = publicParent.deriveChild(full.indexes().back());
            QVERIFY2(child.ok(), qPrintable(context));
            QCOMPARE(child->toXpub(), xpub);
        }
    }
}

void TestBip32::publicInvalidKeysAreRefused()
{
    ICN_REQUIRE_VECTORS(doc, "bip32_vectors.extracted.json");
    const QJsonArray invalid = doc.object().value(QStringLiteral("invalid")).toArray();
    QVERIFY(invalid.size() >= 16);
    for (const auto &value : invalid) {
        const QJsonObject row = value.toObject();
        const QString reason = row.value(QStringLiteral("reason")).toString();
        const auto parsed = parseText(row.value(QStringLiteral("key")).toString());
        QVERIFY2(!parsed.ok(), qPrintable(reason));
        QCOMPARE(parsed.error().code, expectedCode(reason));
        QCOMPARE(parsed.error().field, QStringLiteral("key"));
    }
}

void TestBip32::embeddedInvalidKeysAreRefused_data()
{
    // From BIP-32 test vector 5, plus malformed text.
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("code");
    QTest::newRow("the root xprv with its last character changed")
        << "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHL"
        << "bip32.bad_checksum";
    QTest::newRow("a master key with a parent fingerprint")
        << "xprv9s2SPatNQ9Vc6GTbVMFPFo7jsaZySyzk7L8n2uqKXJen3KUmvQNTuLh3fhZMBoG3G4ZW1N2kZuHEPY53qmbZzCHshoQnNf4GvELZfqTUrcv"
        << "bip32.bad_master";
    QTest::newRow("a private key of zero")
        << "xprv9s21ZrQH143K24Mfq5zL5MhWK9hUhhGbd45hLXo2Pq2oqzMMo63oStZzF93Y5wvzdUayhgkkFoicQZcP3y52uPPxFnfoLZB21Teqt1VvEHx"
        << "bip32.invalid_private_key";
    QTest::newRow("a public key off the curve")
        << "xpub661MyMwAqRbcEYS8w7XLSVeEsBXy79zSzH1J8vCdxAZningWLdN3zgtU6Q5JXayek4PRsn35jii4veMimro1xefsM58PgBMrvdYre8QyULY"
        << "bip32.invalid_public_key";
    QTest::newRow("a character outside Base58") << "xprv0OIl" << "bip32.bad_base58";
    QTest::newRow("nothing at all") << "" << "bip32.bad_checksum";
    QTest::newRow("a valid Base58Check string of the wrong length") << "3vQB7B6MrGQZaxCuFg4oh" << "bip32.wrong_length";
}

void TestBip32::embeddedInvalidKeysAreRefused()
{
    QFETCH(QString, key);
    QFETCH(QString, code);
    const auto parsed = parseText(key);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, code);
    QVERIFY(!parsed.error().message.isEmpty());
}

void TestBip32::publicKeysDeriveNormalChildren()
{
    const auto master = ExtendedKey::fromSeed(secretHex(QStringLiteral("000102030405060708090a0b0c0d0e0f")));
    const auto privateChild = master->derive(QStringView(u"m/0'/1/2'/2/7"));
    const auto publicChild = master->derive(QStringView(u"m/0'/1/2'"))->neutered().derive(QStringView(u"m/2/7"));
    QVERIFY(privateChild.ok() && publicChild.ok());
    QCOMPARE(publicChild->toXpub(), privateChild->toXpub());
    QCOMPARE(publicChild->publicKey(), privateChild->publicKey());
    QCOMPARE(publicChild->publicKey().size(), 33);
    QCOMPARE(publicChild->uncompressedPublicKey().size(), 65);
}

void TestBip32::publicKeysRefuseHardenedChildren()
{
    const auto xpub = parseText(QStringLiteral(
        "xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8"));
    QVERIFY(xpub.ok());
    const auto child = xpub->deriveChild(HdPath::kHardened);
    QVERIFY(!child.ok());
    QCOMPARE(child.error().code, QStringLiteral("bip32.hardened_from_public"));
    QCOMPARE(xpub->derive(QStringView(u"m/1/2'")).error().code, QStringLiteral("bip32.hardened_from_public"));
}

void TestBip32::neuteredKeyHasNoXprv()
{
    const auto master = ExtendedKey::fromSeed(secretHex(QStringLiteral("000102030405060708090a0b0c0d0e0f")));
    const ExtendedKey neutered = master->neutered();
    QVERIFY(master->isPrivate());
    QVERIFY(!neutered.isPrivate());
    QVERIFY(neutered.privateKey().isEmpty());
    QCOMPARE(neutered.toXprv().error().code, QStringLiteral("bip32.no_private_key"));
    QCOMPARE(master->privateKey().size(), std::size_t(32));
}

void TestBip32::childrenRecordTheirParent()
{
    const auto master = ExtendedKey::fromSeed(secretHex(QStringLiteral("000102030405060708090a0b0c0d0e0f")));
    const auto child = master->deriveChild(HdPath::kHardened | 0);
    QVERIFY(child.ok());
    QCOMPARE(child->depth(), quint8(1));
    QCOMPARE(child->childNumber(), HdPath::kHardened);
    QCOMPARE(master->fingerprint(), 0x3442193eu); // BIP-32 vector 1: chain m/0H's parent fingerprint
    QCOMPARE(child->parentFingerprint(), master->fingerprint());
}

void TestBip32::seedLengthIsChecked_data()
{
    QTest::addColumn<int>("bytes");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("no seed") << 0 << false;
    QTest::newRow("fifteen bytes") << 15 << false;
    QTest::newRow("sixteen bytes") << 16 << true;
    QTest::newRow("sixty-four bytes") << 64 << true;
    QTest::newRow("sixty-five bytes") << 65 << false;
}

void TestBip32::seedLengthIsChecked()
{
    QFETCH(int, bytes);
    QFETCH(bool, accepted);
    SecureBytes seed(static_cast<std::size_t>(bytes));
    for (int i = 0; i < bytes; ++i)
        seed.data()[i] = static_cast<unsigned char>(i + 1);
    const auto master = ExtendedKey::fromSeed(seed);
    QCOMPARE(master.ok(), accepted);
    if (!accepted) {
        QCOMPARE(master.error().code, QStringLiteral("bip32.bad_seed_length"));
        QCOMPARE(master.error().field, QStringLiteral("seed"));
    }
}

void TestBip32::badPathIsRefusedBeforeDeriving()
{
    const auto master = ExtendedKey::fromSeed(secretHex(QStringLiteral("000102030405060708090a0b0c0d0e0f")));
    QCOMPARE(master->derive(QStringView(u"m/44'/x")).error().code, QStringLiteral("hdpath.malformed"));
    QCOMPARE(master->derive(QStringView(u"44'/60'")).error().code, QStringLiteral("hdpath.missing_root"));
}

void TestBip32::bip44EthereumGoldenAddress()
{
    // known_answers "bip44_ethereum_golden": abandon x11 about, no passphrase, m/44'/60'/0'/0/0.
    const auto seed = icn::Bip39::mnemonicToSeed(SecureBytes(QByteArrayView(
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about")));
    QVERIFY(seed.ok());
    const auto key = ExtendedKey::fromSeed(*seed)->derive(HdPath::ethereum(0, 0));
    QVERIFY(key.ok());
    const auto address = icn::Address::fromPublicKey(key->publicKey());
    QVERIFY(address.ok());
    QCOMPARE(address->toChecksummed(), QStringLiteral("0x9858EfFD232B4033E47d90003D41EC34EcaEda94"));
    QCOMPARE(HdPath::ethereum(0, 0).toString(), QStringLiteral("m/44'/60'/0'/0/0"));
}

void TestBip32::bip44PublicGoldenVector()
{
    ICN_REQUIRE_VECTORS(doc, "known_answers.extracted.json");
    const QJsonObject golden = doc.object().value(QStringLiteral("bip44_ethereum_golden")).toObject();
    const auto seed = icn::Bip39::mnemonicToSeed(SecureBytes(golden.value(QStringLiteral("mnemonic")).toString().toUtf8()),
                                                 SecureBytes(golden.value(QStringLiteral("passphrase")).toString().toUtf8()));
    QVERIFY(seed.ok());
    QCOMPARE(icn::toHex(seed->view(), false), golden.value(QStringLiteral("seed")).toString());
    const auto key = ExtendedKey::fromSeed(*seed)->derive(QStringView(golden.value(QStringLiteral("path")).toString()));
    QVERIFY(key.ok());
    QCOMPARE(icn::Address::fromPublicKey(key->publicKey())->toChecksummed(), golden.value(QStringLiteral("address")).toString());
}

QTEST_GUILESS_MAIN(TestBip32)
#include "tst_bip32.moc"
