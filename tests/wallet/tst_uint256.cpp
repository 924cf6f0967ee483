#include "UInt256.h"

#include <QRandomGenerator>
#include <QTest>

using icn::UInt256;

class TestUInt256 : public QObject
{
    Q_OBJECT

private slots:
    void parsesAndPrints_data();
    void parsesAndPrints();
    void refusesBadText_data();
    void refusesBadText();
    void roundTripsRandom128BitValues();
    void bigEndianFormsAreExact();
    void twosComplementAndPowers();
};

void TestUInt256::parsesAndPrints_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("decimal");
    QTest::addColumn<QString>("hex");
    QTest::addColumn<int>("bits");

    QTest::newRow("zero") << "0" << "0" << "0x0" << 0;
    QTest::newRow("zero in hex") << "0x0" << "0" << "0x0" << 0;
    QTest::newRow("one ether in wei") << "1000000000000000000" << "1000000000000000000" << "0xde0b6b3a7640000" << 60;
    QTest::newRow("hex with an odd digit count") << "0xabc" << "2748" << "0xabc" << 12;
    QTest::newRow("upper-case hex with leading zeros") << "0X00FF" << "255" << "0xff" << 8;
    QTest::newRow("2^128, beyond Int128")
        << "340282366920938463463374607431768211456" << "340282366920938463463374607431768211456" << "0x100000000000000000000000000000000" << 129;
    QTest::newRow("the largest value")
        << "115792089237316195423570985008687907853269984665640564039457584007913129639935"
        << "115792089237316195423570985008687907853269984665640564039457584007913129639935"
        << "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff" << 256;
}

void TestUInt256::parsesAndPrints()
{
    QFETCH(QString, text);
    QFETCH(QString, decimal);
    QFETCH(QString, hex);
    QFETCH(int, bits);
    const auto value = UInt256::parse(text);
    QVERIFY2(value.ok(), qPrintable(value.ok() ? QString() : value.error().toString()));
    QCOMPARE(value->toDecimal(), decimal);
    QCOMPARE(value->toHex(), hex);
    QCOMPARE(value->bitLength(), bits);
    QCOMPARE(*UInt256::parse(value->toHex()), *value);
    QCOMPARE(*UInt256::fromBigEndian(value->toMinimalBytes()), *value);
}

void TestUInt256::refusesBadText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");
    QTest::newRow("empty") << "" << "uint256.malformed";
    QTest::newRow("a sign") << "-1" << "uint256.malformed";
    QTest::newRow("a plus sign") << "+1" << "uint256.malformed";
    QTest::newRow("a space") << "1 0" << "uint256.malformed";
    QTest::newRow("a decimal point") << "1.0" << "uint256.malformed";
    QTest::newRow("an exponent") << "1e18" << "uint256.malformed";
    QTest::newRow("0x without digits") << "0x" << "uint256.malformed";
    QTest::newRow("a bad hex digit") << "0x1g" << "uint256.malformed";
    QTest::newRow("2^256") << "115792089237316195423570985008687907853269984665640564039457584007913129639936" << "uint256.overflow";
    QTest::newRow("65 hex digits") << "0x1" + QString(64, QLatin1Char('0')) << "uint256.overflow";
}

void TestUInt256::refusesBadText()
{
    QFETCH(QString, text);
    QFETCH(QString, code);
    const auto value = UInt256::parse(text, QStringLiteral("value"));
    QVERIFY(!value.ok());
    QCOMPARE(value.error().code, code);
    QCOMPARE(value.error().field, QStringLiteral("value"));
}

void TestUInt256::roundTripsRandom128BitValues()
{
    QRandomGenerator rng(256);
    for (int i = 0; i < 5000; ++i) {
        const icn::UInt128 v = (static_cast<icn::UInt128>(rng.generate64()) << 64) | rng.generate64();
        const icn::UInt128 shifted = v >> rng.bounded(128);
        const UInt256 value = UInt256::fromUInt128(shifted);
        QCOMPARE(value.toDecimal(), icn::uint128ToString(shifted));
        QCOMPARE(*UInt256::fromDecimal(value.toDecimal()), value);
        QCOMPARE(*UInt256::fromHex(value.toHex()), value);
    }
    const icn::UInt128 v = (static_cast<icn::UInt128>(0x0123456789abcdefULL) << 64) | 0xfedcba9876543210ULL;
    QCOMPARE(UInt256::fromUInt128(v).toDecimal(), icn::uint128ToString(v));
    QCOMPARE(UInt256::fromUInt64(42).toUInt64(), quint64(42));
    QVERIFY(UInt256::fromUInt64(42).fitsUInt64());
    QVERIFY(!UInt256::powerOfTwo(64).fitsUInt64());
}

void TestUInt256::bigEndianFormsAreExact()
{
    QCOMPARE(UInt256().toMinimalBytes(), QByteArray());
    QCOMPARE(UInt256().toBigEndian32(), QByteArray(32, '\0'));
    QCOMPARE(UInt256::fromUInt64(0x0400).toMinimalBytes().toHex(), QByteArray("0400"));
    QCOMPARE(UInt256::fromUInt64(0x0400).toBigEndian32().toHex(), QByteArray(60, '0') + "0400");
    QCOMPARE(*UInt256::fromBigEndian(QByteArray(40, '\0') + QByteArray(1, '\x07')), UInt256::fromUInt64(7)); // leading zeros are fine
    QCOMPARE(UInt256::fromBigEndian(QByteArray(33, '\x01')).error().code, QStringLiteral("uint256.overflow"));
    QVERIFY(UInt256::fromUInt64(1) < UInt256::fromUInt64(2));
    QVERIFY(UInt256::powerOfTwo(200) > UInt256::fromUInt128(~static_cast<icn::UInt128>(0)));
}

void TestUInt256::twosComplementAndPowers()
{
    QCOMPARE(UInt256::fromUInt64(1).negated().toBigEndian32(), QByteArray(32, '\xff'));
    QCOMPARE(UInt256().negated(), UInt256());
    QCOMPARE(UInt256::powerOfTwo(255).negated(), UInt256::powerOfTwo(255));
    QCOMPARE(UInt256::fromUInt64(12345).negated().negated(), UInt256::fromUInt64(12345));
    QCOMPARE(UInt256::powerOfTwo(0), UInt256::fromUInt64(1));
    QCOMPARE(UInt256::powerOfTwo(8).toHex(), QStringLiteral("0x100"));
    QCOMPARE(UInt256::powerOfTwo(255).bitLength(), 256);
}

QTEST_GUILESS_MAIN(TestUInt256)
#include "tst_uint256.moc"
