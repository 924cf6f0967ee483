#include "Base58.h"
#include "Hex.h"

#include <QTest>

namespace base58 = icn::base58;

class TestBase58 : public QObject
{
    Q_OBJECT

private slots:
    void encodesKnownAnswers_data();
    void encodesKnownAnswers();
    void checkEncodingRoundTrips();
    void refusesBadText_data();
    void refusesBadText();
};

void TestBase58::encodesKnownAnswers_data()
{
    QTest::addColumn<QString>("hex");
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("nothing") << "" << QByteArray("");
    QTest::newRow("one zero byte") << "00" << QByteArray("1");
    QTest::newRow("leading zero bytes become ones") << "0000287fb4cd" << QByteArray("11233QC4");
    QTest::newRow("hello world") << "68656c6c6f20776f726c64" << QByteArray("StV1DL6CwTryKyV");
    QTest::newRow("a single 0x61") << "61" << QByteArray("2g");
    QTest::newRow("bitcoin's 516b6fcd0f") << "516b6fcd0f" << QByteArray("ABnLTmg");
    QTest::newRow("sixteen 0xff bytes") << "ffffffffffffffffffffffffffffffff" << QByteArray("YcVfxkQb6JRzqk5kF2tNLv");
}

void TestBase58::encodesKnownAnswers()
{
    QFETCH(QString, hex);
    QFETCH(QByteArray, text);
    const QByteArray bytes = icn::fromHex(hex).value();
    QCOMPARE(base58::encode(bytes).view().toByteArray(), text);
    const auto decoded = base58::decode(text);
    QVERIFY(decoded.ok());
    QCOMPARE(decoded->view().toByteArray(), bytes);
}

void TestBase58::checkEncodingRoundTrips()
{
    const QByteArray payload = QByteArrayLiteral("\x00\x01\x02payload\xff");
    const auto text = base58::encodeCheck(payload);
    const auto back = base58::decodeCheck(text.view());
    QVERIFY(back.ok());
    QCOMPARE(back->view().toByteArray(), payload);
    QVERIFY(text.view().startsWith("1")); // the leading zero byte
}

void TestBase58::refusesBadText_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("code");
    QTest::newRow("a zero digit") << QByteArray("3vQB0") << "base58.bad_character";
    QTest::newRow("a capital O") << QByteArray("O") << "base58.bad_character";
    QTest::newRow("a lower-case l") << QByteArray("l1") << "base58.bad_character";
    QTest::newRow("a space") << QByteArray("2g 2g") << "base58.bad_character";
    QTest::newRow("too short for a checksum") << QByteArray("2g") << "base58.bad_checksum";
    QTest::newRow("a changed last character") << QByteArray("3vQB7B6MrGQZaxCuFg4oi") << "base58.bad_checksum";
}

void TestBase58::refusesBadText()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, code);
    const auto decoded = base58::decodeCheck(text);
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().code, code);
}

QTEST_GUILESS_MAIN(TestBase58)
#include "tst_base58.moc"
