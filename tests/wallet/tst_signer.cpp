#include "Hex.h"
#include "Keccak.h"
#include "Signature.h"
#include "Signer.h"
#include "TestVectors.h"
#include "UInt256.h"

#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using icn::Signature;
using icn::SecureBytes;

namespace {

// EIP-155's example: key 0x4646…46 signs the example transaction's signing hash.
const char *const kEip155Key = "0x4646464646464646464646464646464646464646464646464646464646464646";
const char *const kEip155Hash = "0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53";
const char *const kEip155R = "18515461264373351373200002665853028612451056578545711640558177340181847433846";
const char *const kEip155S = "46948507304638947509940763649030358759909902576025900602547168820602576006531";
const char *const kEip155Signer = "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F";

const char *const kOrder = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";
const char *const kHalfOrder = "7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0";

SecureBytes key(const char *hex)
{
    return SecureBytes(*icn::fromHex(QString::fromLatin1(hex)));
}

QByteArray bytes(const char *hex)
{
    return *icn::fromHex(QString::fromLatin1(hex));
}

QByteArray decimal32(const char *text)
{
    return icn::UInt256::fromDecimal(QString::fromLatin1(text))->toBigEndian32();
}

// n - s: the other, "high" s that also verifies (ECDSA malleability).
QByteArray negateModOrder(const QByteArray &s)
{
    const QByteArray n = QByteArray::fromHex(kOrder);
    QByteArray out(32, '\0');
    int borrow = 0;
    for (int i = 31; i >= 0; --i) {
        int v = static_cast<quint8>(n[i]) - static_cast<quint8>(s[i]) - borrow;
        borrow = v < 0 ? 1 : 0;
        out[i] = static_cast<char>(v + (borrow ? 256 : 0));
    }
    return out;
}

} // namespace

class TestSigner : public QObject
{
    Q_OBJECT

private slots:
    void signsTheEip155ExampleDeterministically();
    void signsTheSharedKnownAnswer();
    void rsvRoundTrips_data();
    void rsvRoundTrips();
    void refusesBadSignatures_data();
    void refusesBadSignatures();
    void refusesTheMalleableHighSTwin();
    void refusesBadKeysAndDigests_data();
    void refusesBadKeysAndDigests();
    void reportsAnRFromNoCurvePoint();
    void randomKeysRecoverTheirAddress();
};

void TestSigner::signsTheEip155ExampleDeterministically()
{
    const auto signature = icn::signer::signDigest(key(kEip155Key), bytes(kEip155Hash));
    QVERIFY(signature.ok());
    QCOMPARE(signature->r, decimal32(kEip155R));
    QCOMPARE(signature->s, decimal32(kEip155S));
    QCOMPARE(signature->recoveryId, 0); // v = 37 = 1 * 2 + 35 + 0
    QVERIFY(signature->isCanonical());
    // RFC 6979: signing again gives the same bytes.
    QCOMPARE(*icn::signer::signDigest(key(kEip155Key), bytes(kEip155Hash)), *signature);
    QCOMPARE(icn::signer::recoverAddress(bytes(kEip155Hash), *signature)->toChecksummed(), QString::fromLatin1(kEip155Signer));
    QCOMPARE(icn::signer::addressOf(key(kEip155Key))->toChecksummed(), QString::fromLatin1(kEip155Signer));
    const auto pub = icn::signer::recoverPublicKey(bytes(kEip155Hash), *signature);
    QVERIFY(pub.ok());
    QCOMPARE(pub->size(), 65);
    QCOMPARE(icn::Address::fromPublicKey(*pub)->toChecksummed(), QString::fromLatin1(kEip155Signer));
}

void TestSigner::signsTheSharedKnownAnswer()
{
    ICN_REQUIRE_VECTORS(doc, "known_answers.extracted.json");
    const QJsonObject example = doc.object().value(QLatin1String("eip155_example")).toObject();
    const auto privateKey = SecureBytes(*icn::fromHex(example.value(QLatin1String("private_key")).toString()));
    const auto signature = icn::signer::signDigest(privateKey, *icn::fromHex(example.value(QLatin1String("signing_hash")).toString()));
    QVERIFY(signature.ok());
    QCOMPARE(icn::UInt256::fromBigEndian(signature->r)->toDecimal(), example.value(QLatin1String("r")).toString());
    QCOMPARE(icn::UInt256::fromBigEndian(signature->s)->toDecimal(), example.value(QLatin1String("s")).toString());
    QCOMPARE(37 + signature->recoveryId, example.value(QLatin1String("v")).toInt());
    QCOMPARE(icn::signer::addressOf(privateKey)->toChecksummed(), example.value(QLatin1String("signer_address_derived")).toString());
}

void TestSigner::rsvRoundTrips_data()
{
    QTest::addColumn<int>("v");
    QTest::addColumn<int>("recoveryId");
    QTest::newRow("v = 27 is recovery id 0") << 27 << 0;
    QTest::newRow("v = 28 is recovery id 1") << 28 << 1;
    QTest::newRow("v = 0 is recovery id 0") << 0 << 0;
    QTest::newRow("v = 1 is recovery id 1") << 1 << 1;
}

void TestSigner::rsvRoundTrips()
{
    QFETCH(int, v);
    QFETCH(int, recoveryId);
    QByteArray rsv = decimal32(kEip155R) + decimal32(kEip155S);
    rsv.append(static_cast<char>(v));
    const auto signature = Signature::fromRsv(rsv);
    QVERIFY(signature.ok());
    QCOMPARE(signature->recoveryId, recoveryId);
    QCOMPARE(signature->r, decimal32(kEip155R));
    QCOMPARE(signature->s, decimal32(kEip155S));
    QCOMPARE(static_cast<int>(static_cast<quint8>(signature->toRsv().at(64))), 27 + recoveryId);
    QCOMPARE(signature->toRsv().left(64), rsv.left(64));
}

void TestSigner::refusesBadSignatures_data()
{
    QTest::addColumn<QByteArray>("rsv");
    QTest::addColumn<QString>("code");

    const QByteArray r = decimal32(kEip155R);
    const QByteArray s = decimal32(kEip155S);
    const QByteArray zero(32, '\0');
    const QByteArray n = QByteArray::fromHex(kOrder);
    QByteArray halfPlusOne = QByteArray::fromHex(kHalfOrder);
    halfPlusOne[31] = static_cast<char>(halfPlusOne[31] + 1);

    QTest::newRow("64 bytes") << r + s << "signature.wrong_length";
    QTest::newRow("66 bytes") << r + s + QByteArray("\x1b\x00", 2) << "signature.wrong_length";
    QTest::newRow("empty") << QByteArray() << "signature.wrong_length";
    QTest::newRow("v = 29") << r + s + QByteArray("\x1d") << "signature.bad_recovery_id";
    QTest::newRow("v = 2") << r + s + QByteArray("\x02") << "signature.bad_recovery_id";
    QTest::newRow("an EIP-155 v of 37") << r + s + QByteArray("\x25") << "signature.bad_recovery_id";
    QTest::newRow("r is zero") << zero + s + QByteArray("\x1b") << "signature.out_of_range";
    QTest::newRow("s is zero") << r + zero + QByteArray("\x1b") << "signature.out_of_range";
    QTest::newRow("r equals the curve order") << n + s + QByteArray("\x1b") << "signature.out_of_range";
    QTest::newRow("r is all ones") << QByteArray(32, '\xff') + s + QByteArray("\x1b") << "signature.out_of_range";
    QTest::newRow("s is half the order plus one") << r + halfPlusOne + QByteArray("\x1b") << "signature.high_s";
    QTest::newRow("s is the order minus one") << r + negateModOrder(QByteArray(31, '\0') + QByteArray("\x01")) + QByteArray("\x1b")
                                              << "signature.high_s";
}

void TestSigner::refusesBadSignatures()
{
    QFETCH(QByteArray, rsv);
    QFETCH(QString, code);
    const auto signature = Signature::fromRsv(rsv);
    QVERIFY(!signature.ok());
    QCOMPARE(signature.error().code, code);
    QVERIFY(!signature.error().message.isEmpty());
}

void TestSigner::refusesTheMalleableHighSTwin()
{
    const auto signature = icn::signer::signDigest(key(kEip155Key), bytes(kEip155Hash));
    QVERIFY(signature.ok());
    // (r, n - s, 1 - recid) is mathematically valid too; Ethereum (EIP-2) and we accept only low s.
    Signature twin{signature->r, negateModOrder(signature->s), 1 - signature->recoveryId};
    QVERIFY(!twin.isCanonical());
    QCOMPARE(Signature::fromRsv(twin.toRsv()).error().code, QStringLiteral("signature.high_s"));
    const auto recovered = icn::signer::recoverAddress(bytes(kEip155Hash), twin);
    QVERIFY(!recovered.ok());
    QCOMPARE(recovered.error().code, QStringLiteral("signature.high_s"));
    // A hand-filled bad recovery id is caught too.
    Signature wrongId = *signature;
    wrongId.recoveryId = 2;
    QCOMPARE(icn::signer::recoverAddress(bytes(kEip155Hash), wrongId).error().code, QStringLiteral("signature.bad_recovery_id"));
}

void TestSigner::refusesBadKeysAndDigests_data()
{
    QTest::addColumn<QByteArray>("privateKey");
    QTest::addColumn<QByteArray>("digest");
    QTest::addColumn<QString>("code");

    const QByteArray digest = bytes(kEip155Hash);
    const QByteArray goodKey = bytes(kEip155Key);
    QTest::newRow("a zero key") << QByteArray(32, '\0') << digest << "key.invalid_private_key";
    QTest::newRow("the curve order as a key") << QByteArray::fromHex(kOrder) << digest << "key.invalid_private_key";
    QTest::newRow("an all-ones key") << QByteArray(32, '\xff') << digest << "key.invalid_private_key";
    QTest::newRow("a 31-byte key") << goodKey.left(31) << digest << "key.invalid_private_key";
    QTest::newRow("a 33-byte key") << goodKey + QByteArray(1, '\x01') << digest << "key.invalid_private_key";
    QTest::newRow("an empty key") << QByteArray() << digest << "key.invalid_private_key";
    QTest::newRow("a 31-byte digest") << goodKey << digest.left(31) << "signer.bad_digest_length";
    QTest::newRow("a 33-byte digest") << goodKey << digest + QByteArray(1, '\0') << "signer.bad_digest_length";
    QTest::newRow("an empty digest") << goodKey << QByteArray() << "signer.bad_digest_length";
}

void TestSigner::refusesBadKeysAndDigests()
{
    QFETCH(QByteArray, privateKey);
    QFETCH(QByteArray, digest);
    QFETCH(QString, code);
    const auto signature = icn::signer::signDigest(SecureBytes(privateKey), digest);
    QVERIFY(!signature.ok());
    QCOMPARE(signature.error().code, code);
    if (digest.size() != 32) {
        const auto good = *icn::signer::signDigest(key(kEip155Key), bytes(kEip155Hash));
        QCOMPARE(icn::signer::recoverAddress(digest, good).error().code, code);
    }
}

void TestSigner::reportsAnRFromNoCurvePoint()
{
    // x = 5 is not the x coordinate of any point (5^3 + 7 = 132 is not a square mod p), so no key recovers.
    const Signature noPoint{icn::UInt256::fromUInt64(5).toBigEndian32(), decimal32(kEip155S), 0};
    QVERIFY(noPoint.isCanonical());
    const auto recovered = icn::signer::recoverAddress(bytes(kEip155Hash), noPoint);
    QVERIFY(!recovered.ok());
    QCOMPARE(recovered.error().code, QStringLiteral("signature.recovery_failed"));
}

void TestSigner::randomKeysRecoverTheirAddress()
{
    QRandomGenerator rng(8453);
    for (int i = 0; i < 200; ++i) {
        QByteArray keyBytes(32, '\0');
        QByteArray digest(32, '\0');
        rng.fillRange(reinterpret_cast<quint32 *>(keyBytes.data()), 8);
        rng.fillRange(reinterpret_cast<quint32 *>(digest.data()), 8);
        const SecureBytes privateKey(keyBytes);
        const auto signature = icn::signer::signDigest(privateKey, digest);
        QVERIFY(signature.ok());
        QVERIFY(signature->isCanonical());
        const auto back = Signature::fromRsv(signature->toRsv());
        QVERIFY(back.ok());
        QCOMPARE(*back, *signature);
        QCOMPARE(*icn::signer::recoverAddress(digest, *back), *icn::signer::addressOf(privateKey));
        // A different digest recovers a different address.
        digest[0] = static_cast<char>(digest[0] ^ 1);
        QVERIFY(*icn::signer::recoverAddress(digest, *back) != *icn::signer::addressOf(privateKey));
    }
}

QTEST_GUILESS_MAIN(TestSigner)
#include "tst_signer.moc"
