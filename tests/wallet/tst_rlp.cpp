#include "Rlp.h"

#include <QRandomGenerator>
#include <QTest>

namespace rlp = icn::rlp;

namespace {

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(text);
}

// Re-encodes a decoded item, to check that decoding loses nothing.
QByteArray reencode(const rlp::Item &item)
{
    if (!item.isList)
        return rlp::encodeBytes(item.bytes);
    QList<QByteArray> children;
    for (const auto &child : item.items)
        children << reencode(child);
    return rlp::encodeList(children);
}

QByteArray randomTree(QRandomGenerator &rng, int depth)
{
    if (depth > 4 || rng.bounded(3) == 0) {
        const int size = rng.bounded(4) == 0 ? rng.bounded(300) : rng.bounded(3);
        QByteArray bytes(size, '\0');
        for (auto &b : bytes)
            b = static_cast<char>(rng.bounded(256));
        return rlp::encodeBytes(bytes);
    }
    QList<QByteArray> children;
    const int count = rng.bounded(6);
    for (int i = 0; i < count; ++i)
        children << randomTree(rng, depth + 1);
    return rlp::encodeList(children);
}

} // namespace

class TestRlp : public QObject
{
    Q_OBJECT

private slots:
    void encodesBytes_data();
    void encodesBytes();
    void encodesScalars_data();
    void encodesScalars();
    void encodesLists();
    void decodesWhatItEncodes();
    void refusesNonCanonicalOrBrokenInput_data();
    void refusesNonCanonicalOrBrokenInput();
    void refusesDeepNesting();
    void readsScalarsStrictly_data();
    void readsScalarsStrictly();
};

void TestRlp::encodesBytes_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("encoded");

    const QByteArray lorem("Lorem ipsum dolor sit amet, consectetur adipisicing elit");
    QTest::newRow("the string dog") << QByteArray("dog") << hex("83646f67");
    QTest::newRow("the empty string") << QByteArray() << hex("80");
    QTest::newRow("a zero byte is itself") << hex("00") << hex("00");
    QTest::newRow("byte 0x7f is itself") << hex("7f") << hex("7f");
    QTest::newRow("byte 0x80 gets a prefix") << hex("80") << hex("8180");
    QTest::newRow("55 bytes use the short form") << QByteArray(55, 'a') << hex("b7") + QByteArray(55, 'a');
    QTest::newRow("56 bytes use the long form") << lorem << hex("b838") + lorem;
    QTest::newRow("1024 bytes have a two-byte length") << QByteArray(1024, 'x') << hex("b90400") + QByteArray(1024, 'x');
}

void TestRlp::encodesBytes()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, encoded);
    QCOMPARE(rlp::encodeBytes(bytes).toHex(), encoded.toHex());
    const auto decoded = rlp::decode(encoded);
    QVERIFY(decoded.ok());
    QVERIFY(!decoded->isList);
    QCOMPARE(decoded->bytes, bytes);
}

void TestRlp::encodesScalars_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("encoded");

    QTest::newRow("zero is the empty string") << "0" << hex("80");
    QTest::newRow("15 is one byte") << "15" << hex("0f");
    QTest::newRow("127 is one byte") << "127" << hex("7f");
    QTest::newRow("128 needs a prefix") << "128" << hex("8180");
    QTest::newRow("1024 is two bytes") << "1024" << hex("820400");
    QTest::newRow("the largest uint64") << "18446744073709551615" << hex("88ffffffffffffffff");
    QTest::newRow("the largest uint256") << "115792089237316195423570985008687907853269984665640564039457584007913129639935"
                                         << hex("a0") + QByteArray(32, '\xff');
}

void TestRlp::encodesScalars()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, encoded);
    const auto big = icn::UInt256::fromDecimal(value);
    QVERIFY(big.ok());
    QCOMPARE(rlp::encodeUInt(*big).toHex(), encoded.toHex());
    if (big->fitsUInt64()) {
        QCOMPARE(rlp::encodeUInt(big->toUInt64()).toHex(), encoded.toHex());
        QCOMPARE(*rlp::decode(encoded)->toUInt64(), big->toUInt64());
    }
    QCOMPARE(*rlp::decode(encoded)->toUInt256(), *big);
}

void TestRlp::encodesLists()
{
    QCOMPARE(rlp::encodeList({}).toHex(), QByteArray("c0"));
    QCOMPARE(rlp::encodeList({rlp::encodeBytes("cat"), rlp::encodeBytes("dog")}).toHex(), QByteArray("c88363617483646f67"));
    // The set-theoretic representation of three: [ [], [[]], [ [], [[]] ] ].
    const QByteArray empty = rlp::encodeList({});
    const QByteArray one = rlp::encodeList({empty});
    QCOMPARE(rlp::encodeList({empty, one, rlp::encodeList({empty, one})}).toHex(), QByteArray("c7c0c1c0c3c0c1c0"));
    // A list whose payload is 56 bytes switches to the long form.
    const QByteArray item = rlp::encodeBytes(QByteArray(54, 'z')); // 55 bytes encoded
    const QByteArray list = rlp::encodeList({item, rlp::encodeBytes("\x01")});
    QCOMPARE(list.left(2).toHex(), QByteArray("f838"));
    QCOMPARE(list.size(), 58);
}

void TestRlp::decodesWhatItEncodes()
{
    QRandomGenerator rng(1559);
    for (int i = 0; i < 2000; ++i) {
        const QByteArray encoded = randomTree(rng, 0);
        const auto decoded = rlp::decode(encoded);
        QVERIFY2(decoded.ok(), encoded.toHex().constData());
        QCOMPARE(reencode(*decoded), encoded);
    }
}

void TestRlp::refusesNonCanonicalOrBrokenInput_data()
{
    QTest::addColumn<QByteArray>("encoded");
    QTest::addColumn<QString>("code");

    QTest::newRow("nothing at all") << QByteArray() << "rlp.truncated";
    QTest::newRow("a string cut short") << hex("83646f") << "rlp.truncated";
    QTest::newRow("a byte after the item") << hex("83646f6700") << "rlp.trailing_bytes";
    QTest::newRow("two items side by side") << hex("0102") << "rlp.trailing_bytes";
    QTest::newRow("a list cut short") << hex("c3646f") << "rlp.truncated";
    QTest::newRow("a child running past its list") << hex("c283646f67") << "rlp.truncated";
    QTest::newRow("a long length cut short") << hex("b904") << "rlp.truncated";
    QTest::newRow("a length of 2^64 - 1") << hex("bfffffffffffffffff00") << "rlp.truncated";
    QTest::newRow("a zero byte wrapped in a prefix") << hex("8100") << "rlp.non_canonical";
    QTest::newRow("byte 0x7f wrapped in a prefix") << hex("817f") << "rlp.non_canonical";
    QTest::newRow("the long form for one byte") << hex("b80180") << "rlp.non_canonical";
    QTest::newRow("the long form for 55 bytes") << hex("b837") + QByteArray(55, 'a') << "rlp.non_canonical";
    QTest::newRow("a length with a leading zero") << hex("b90038") + QByteArray(56, 'a') << "rlp.non_canonical";
    QTest::newRow("the long form for an empty list") << hex("f800") << "rlp.non_canonical";
    QTest::newRow("a non-canonical item inside a list") << hex("c28100") << "rlp.non_canonical";
}

void TestRlp::refusesNonCanonicalOrBrokenInput()
{
    QFETCH(QByteArray, encoded);
    QFETCH(QString, code);
    const auto decoded = rlp::decode(encoded);
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().code, code);
    QVERIFY(!decoded.error().message.isEmpty());
}

void TestRlp::refusesDeepNesting()
{
    QByteArray nested = rlp::encodeList({});
    for (int depth = 1; depth < 64; ++depth)
        nested = rlp::encodeList({nested});
    QVERIFY(rlp::decode(nested).ok()); // 64 levels of lists
    nested = rlp::encodeList({nested});
    QCOMPARE(rlp::decode(nested).error().code, QStringLiteral("rlp.too_deep"));
}

void TestRlp::readsScalarsStrictly_data()
{
    QTest::addColumn<QByteArray>("encoded");
    QTest::addColumn<QString>("code64");
    QTest::addColumn<QString>("code256");

    QTest::newRow("a leading zero byte") << hex("820001") << "rlp.leading_zero" << "rlp.leading_zero";
    QTest::newRow("the single byte zero") << hex("00") << "rlp.leading_zero" << "rlp.leading_zero";
    QTest::newRow("nine bytes") << hex("89010000000000000000") << "rlp.too_large" << "";
    QTest::newRow("33 bytes") << hex("a101") + QByteArray(32, '\0') << "rlp.too_large" << "rlp.too_large";
    QTest::newRow("a list") << hex("c0") << "rlp.expected_bytes" << "rlp.expected_bytes";
}

void TestRlp::readsScalarsStrictly()
{
    QFETCH(QByteArray, encoded);
    QFETCH(QString, code64);
    QFETCH(QString, code256);
    const auto item = rlp::decode(encoded);
    QVERIFY(item.ok());
    const auto small = item->toUInt64(QStringLiteral("nonce"));
    QVERIFY(!small.ok());
    QCOMPARE(small.error().code, code64);
    QCOMPARE(small.error().field, QStringLiteral("nonce"));
    const auto big = item->toUInt256();
    if (code256.isEmpty()) {
        QVERIFY(big.ok());
    } else {
        QVERIFY(!big.ok());
        QCOMPARE(big.error().code, code256);
    }
}

QTEST_GUILESS_MAIN(TestRlp)
#include "tst_rlp.moc"
