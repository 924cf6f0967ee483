#include "EngineFixture.h"
#include "Hex.h"
#include "Transaction.h"
#include "TxCodec.h"

#include <QTest>

using namespace icn;
using namespace icn::test;

Q_DECLARE_METATYPE(icn::Transaction)

class TestTxCodec : public QObject
{
    Q_OBJECT

private slots:
    void roundTrips_data();
    void roundTrips();
    void knownEncoding();
    void refusesGarbage_data();
    void refusesGarbage();
    void refusesEveryTruncation();
    void namesTypes();
    void receiptEncodingIsDeterministic();
    void genesisEncodingIgnoresListOrder();
};

namespace {

BookTx signedLookingBook()
{
    BookTx b = bookTx(QStringLiteral("FRA-1"), 250, ym(2027, 1), 6, icnt("5250.000000000000000001"), 7);
    b.unsignedLocal = false;
    b.signature = QByteArray(64, '\x11') + QByteArray(1, '\x1b');
    b.deadline = ym(2026, 12);
    return b;
}

} // namespace

void TestTxCodec::roundTrips_data()
{
    QTest::addColumn<Transaction>("tx");
    QTest::newRow("a faucet drip") << Transaction(FaucetTx{kSp, icnt("1000")});
    QTest::newRow("an unsigned local transfer") << Transaction(TransferTx{kSp, kSp2, icnt("0.5"), 3, true, {}});
    QTest::newRow("a signed transfer") << Transaction(TransferTx{kSp, kSp2, icnt("12"), 0, false, QByteArray(65, '\x01')});
    QTest::newRow("an unsigned booking") << Transaction(bookTx(QStringLiteral("EUW"), 1000, ym(2026, 12), 3, icnt("10500")));
    QTest::newRow("a signed booking with a non-ASCII scope")
        << Transaction([] { BookTx b = signedLookingBook(); b.scope = QStringLiteral("Zürich-1"); return b; }());
    QTest::newRow("a month close") << Transaction(CloseMonthTx{ym(2026, 11)});
}

void TestTxCodec::roundTrips()
{
    QFETCH(Transaction, tx);
    const QByteArray bytes = encodeTransaction(tx);
    QCOMPARE(encodeTransaction(tx), bytes); // deterministic
    const auto decoded = decodeTransaction(bytes);
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().code + u' ' + decoded.error().field));
    QVERIFY(*decoded == tx);
    QCOMPARE(encodeTransaction(*decoded), bytes);
}

void TestTxCodec::knownEncoding()
{
    // version 1, tag 4, month index 2026 × 12 + 10 = 24322 = 0x00005F02 big-endian.
    QCOMPARE(toHex(encodeTransaction(CloseMonthTx{ym(2026, 11)}), false), QStringLiteral("0104" "00005f02"));
    // version, tag 1, address present + 20 bytes, amount 1 ICNT = 0x0de0b6b3a7640000 in 16 bytes.
    QCOMPARE(toHex(encodeTransaction(FaucetTx{addr(1), Amount::fromIcnt(1)}), false),
             QStringLiteral("0101" "01" "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa0001" "00000000000000000de0b6b3a7640000"));
}

void TestTxCodec::refusesGarbage_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");

    const QByteArray book = encodeTransaction(signedLookingBook());
    const QByteArray faucet = encodeTransaction(FaucetTx{kSp, icnt("1")});
    const QByteArray unsignedTransfer = encodeTransaction(TransferTx{kSp, kSp2, icnt("1"), 0, true, {}});

    QTest::newRow("empty input") << QByteArray() << "tx.truncated" << "type";
    QTest::newRow("a version byte only") << QByteArray("\x01", 1) << "tx.truncated" << "type";
    QTest::newRow("an unknown format version") << (QByteArray("\x02") + book.mid(1)) << "tx.bad_version" << "version";
    QTest::newRow("an unknown transaction type") << QByteArray("\x01\x09\x00", 3) << "tx.unknown_type" << "type";
    QTest::newRow("a trailing byte") << (faucet + '\0') << "tx.trailing_bytes" << "type";
    {
        QByteArray b = faucet;
        b[2] = '\x02'; // address presence byte must be 0 or 1
        QTest::newRow("an address with a bad presence byte") << b << "tx.malformed" << "to";
    }
    {
        QByteArray b = faucet;
        b[23] = '\x80'; // top bit of the amount: negative
        QTest::newRow("a negative amount") << b << "tx.malformed" << "amount";
    }
    {
        QByteArray b = unsignedTransfer;
        b[b.size() - 5] = '\x02'; // the unsignedLocal flag
        QTest::newRow("a boolean that is neither 0 nor 1") << b << "tx.malformed" << "unsignedLocal";
    }
    {
        QByteArray b = unsignedTransfer;
        b.chop(4);
        b.append(QByteArray::fromHex("00000041") + QByteArray(65, '\x01'));
        QTest::newRow("an unsigned transaction carrying a signature") << b << "tx.malformed" << "signature";
    }
    {
        QByteArray b = book;
        b.chop(65 + 4);
        b.append(QByteArray::fromHex("00000040") + QByteArray(64, '\x01'));
        QTest::newRow("a signature of 64 bytes") << b << "tx.malformed" << "signature";
    }
    {
        // Scope "FRA-1" with its first byte replaced by an invalid UTF-8 lead byte.
        QByteArray b = book;
        const qsizetype at = b.indexOf("FRA-1");
        b[at] = '\xff';
        QTest::newRow("a scope that is not UTF-8") << b << "tx.malformed" << "scope";
    }
    {
        QByteArray b = book;
        const qsizetype at = b.indexOf("FRA-1");
        b[at - 1] = '\x7f'; // scope length beyond the input
        QTest::newRow("a scope longer than the input") << b << "tx.malformed" << "scope";
    }
}

void TestTxCodec::refusesGarbage()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, code);
    QFETCH(QString, field);
    const auto decoded = decodeTransaction(bytes);
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().code, code);
    QCOMPARE(decoded.error().field, field);
}

void TestTxCodec::refusesEveryTruncation()
{
    for (const Transaction &tx : {Transaction(signedLookingBook()), Transaction(TransferTx{kSp, kSp2, icnt("1"), 9, false, QByteArray(65, 'x')}),
                                  Transaction(FaucetTx{kSp, icnt("2")}), Transaction(CloseMonthTx{ym(2027, 2)})}) {
        const QByteArray bytes = encodeTransaction(tx);
        for (qsizetype n = 0; n < bytes.size(); ++n)
            QVERIFY2(!decodeTransaction(bytes.first(n)).ok(), qPrintable(QStringLiteral("prefix of %1 bytes accepted").arg(n)));
    }
}

void TestTxCodec::namesTypes()
{
    QCOMPARE(transactionTypeName(FaucetTx{}), QStringLiteral("faucet"));
    QCOMPARE(transactionTypeName(TransferTx{}), QStringLiteral("transfer"));
    QCOMPARE(transactionTypeName(BookTx{}), QStringLiteral("book"));
    QCOMPARE(transactionTypeName(CloseMonthTx{}), QStringLiteral("close_month"));
    QCOMPARE(transactionSender(signedLookingBook()), kSp);
    QVERIFY(transactionSender(FaucetTx{kSp, icnt("1")}).isNull());
}

void TestTxCodec::receiptEncodingIsDeterministic()
{
    Receipt r;
    r.sequence = 4;
    r.type = QStringLiteral("book");
    r.amount = icnt("10500");
    r.slices.append(Slice{QStringLiteral("FRA-1-N01"), addr(9), 100, icnt("2.8"), icnt("840")});
    const QByteArray a = encodeReceipt(r);
    r.stateHash = QByteArray(32, 'h'); // not part of the encoding
    QCOMPARE(encodeReceipt(r), a);
    r.slices[0].tb = 101;
    QVERIFY(encodeReceipt(r) != a);
}

void TestTxCodec::genesisEncodingIgnoresListOrder()
{
    NetworkSnapshot s = seedNetwork().s;
    const QByteArray a = TxCodec::canonicalSnapshot(s);
    std::reverse(s.nodes.begin(), s.nodes.end());
    std::reverse(s.clusters.begin(), s.clusters.end());
    std::reverse(s.accounts.begin(), s.accounts.end());
    QCOMPARE(TxCodec::canonicalSnapshot(s), a);
    s.nodes[0].capacityTb += 1;
    QVERIFY(TxCodec::canonicalSnapshot(s) != a);
}

QTEST_GUILESS_MAIN(TestTxCodec)
#include "tst_txcodec.moc"
