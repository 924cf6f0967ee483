#include "Address.h"
#include "Hex.h"
#include "Keccak.h"
#include "Secp256k1.h"
#include "TestVectors.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace icn;

class TestAddress : public QObject
{
    Q_OBJECT

private slots:
    void keccakEmbeddedKnownAnswers();
    void keccakAllPublicKnownAnswers();
    void eip55EncodesTheSpecExamples_data();
    void eip55EncodesTheSpecExamples();
    void refusesBadAddresses_data();
    void refusesBadAddresses();
    void addressFromPrivateKey();
    void hexIsStrict();
};

void TestAddress::keccakEmbeddedKnownAnswers()
{
    QCOMPARE(toHex(keccak256(QByteArray()), false),
             QStringLiteral("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"));
    QCOMPARE(toHex(keccak256(QByteArrayLiteral("transfer(address,uint256)")).left(4)), QStringLiteral("0xa9059cbb"));
}

void TestAddress::keccakAllPublicKnownAnswers()
{
    ICN_REQUIRE_VECTORS(doc, "keccak256_kat.json");
    const QJsonArray vectors = doc.object().value(QStringLiteral("vectors")).toArray();
    QVERIFY(vectors.size() >= 10);
    for (const auto &v : vectors) {
        const QJsonObject o = v.toObject();
        QByteArray message;
        if (o.contains(QStringLiteral("repeat_byte"))) {
            message = fromHex(o.value(QStringLiteral("repeat_byte")).toString())->repeated(
                o.value(QStringLiteral("repeat_count")).toVariant().toInt());
        } else if (o.contains(QStringLiteral("msg_ascii"))) {
            message = o.value(QStringLiteral("msg_ascii")).toString().toUtf8();
        } else {
            message = *fromHex(o.value(QStringLiteral("msg_hex")).toString());
        }
        const QString digest = toHex(keccak256(message), false);
        if (o.contains(QStringLiteral("digest_prefix4"))) {
            QCOMPARE(digest.left(8), o.value(QStringLiteral("digest_prefix4")).toString());
            continue;
        }
        QCOMPARE(digest, o.value(QStringLiteral("digest")).toString());
    }
}

void TestAddress::eip55EncodesTheSpecExamples_data()
{
    QTest::addColumn<QString>("checksummed");
    // The examples of the EIP-55 text.
    QTest::newRow("all caps") << "0x52908400098527886E0F7030069857D2E4169EE7";
    QTest::newRow("all caps 2") << "0x8617E340B3D01FA5F11F306F4090FD50E238070D";
    QTest::newRow("all lower") << "0xde709f2102306220921060314715629080e2fb77";
    QTest::newRow("all lower 2") << "0x27b1fdb04752bbc536007a920d24acb045561c26";
    QTest::newRow("mixed 1") << "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    QTest::newRow("mixed 2") << "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359";
    QTest::newRow("mixed 3") << "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB";
    QTest::newRow("mixed 4") << "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb";
    QTest::newRow("ICNT on Base") << "0xE0Cd4cAcDdcBF4f36e845407CE53E87717b6601d";
}

void TestAddress::eip55EncodesTheSpecExamples()
{
    QFETCH(QString, checksummed);
    const auto fromLower = Address::parse(checksummed.toLower().replace(QStringLiteral("0X"), QStringLiteral("0x")));
    QVERIFY(fromLower.ok());
    QCOMPARE(fromLower->toChecksummed(), checksummed);
    QVERIFY(Address::parse(checksummed).ok());
}

void TestAddress::refusesBadAddresses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");
    QTest::newRow("one letter's case flipped") << "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD" << "address.bad_checksum";
    QTest::newRow("too short") << "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA" << "address.malformed";
    QTest::newRow("no 0x") << "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed00" << "address.malformed";
    QTest::newRow("not hex") << "0xZZAeb6053F3E94C9b9A09f33669435E7Ef1BeAed" << "address.malformed";
    QTest::newRow("empty") << "" << "address.malformed";
}

void TestAddress::refusesBadAddresses()
{
    QFETCH(QString, text);
    QFETCH(QString, code);
    const auto a = Address::parse(text);
    QVERIFY(!a.ok());
    QCOMPARE(a.error().code, code);
}

void TestAddress::addressFromPrivateKey()
{
    // EIP-155's example key 0x4646…46 signs as 0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F.
    const SecureBytes key(*fromHex(QStringLiteral("0x4646464646464646464646464646464646464646464646464646464646464646")));
    const auto pub = secp256k1::publicKey(key);
    QVERIFY(pub.ok());
    QCOMPARE(pub->size(), 65);
    QCOMPARE(Address::fromPublicKey(*pub)->toChecksummed(), QStringLiteral("0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F"));
    const auto compressed = secp256k1::publicKey(key, true);
    QCOMPARE(Address::fromPublicKey(*compressed)->toChecksummed(), QStringLiteral("0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F"));

    QVERIFY(!secp256k1::isValidPrivateKey(SecureBytes(QByteArray(32, '\0'))));
    QCOMPARE(secp256k1::publicKey(SecureBytes(QByteArray(31, '\1'))).error().code, QStringLiteral("key.invalid_private_key"));
    QCOMPARE(Address::fromPublicKey(QByteArray(65, '\x04')).error().code, QStringLiteral("key.invalid_public_key"));
}

void TestAddress::hexIsStrict()
{
    QCOMPARE(*fromHex(QStringLiteral("0xA0ff")), QByteArray("\xa0\xff", 2));
    QCOMPARE(fromHex(QStringLiteral("0xabc")).error().code, QStringLiteral("hex.odd_length"));
    QCOMPARE(fromHex(QStringLiteral("0xgg")).error().code, QStringLiteral("hex.bad_digit"));
    QCOMPARE(fromHex(QStringLiteral("00"), 2).error().code, QStringLiteral("hex.wrong_length"));
}

QTEST_GUILESS_MAIN(TestAddress)
#include "tst_address.moc"
