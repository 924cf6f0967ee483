// The §8 auction transactions on the wire and under signature: canonical round trips of every
// type (codec tags 30–36), refusal of non-canonical or malformed bytes, and EIP-712 signing that
// the engine accepts and refuses exactly like bookings.
#include "AuctionTypedData.h"
#include "BookingTypedData.h"
#include "EngineFixture.h"
#include "Keccak.h"
#include "Signer.h"

#include <QJsonDocument>
#include <QTest>

using namespace icn;
using namespace icn::test;

Q_DECLARE_METATYPE(Transaction)

namespace {

SecureBytes key(char fill)
{
    return SecureBytes(QByteArray(32, fill));
}

QList<std::pair<const char *, Transaction>> samples()
{
    PostTenderTx pt{kSp, QStringLiteral("EUW-FRA"), 250, ym(2027, 1), 3, icnt("3.25"), 800'000, SlaClock::firstEpochOf(ym(2026, 12)) + 3, true, 4, true, {}};
    TenderBidTx bid{addr(7), 3, QStringLiteral("FRA-1-N01"), 100, icnt("2.5"), icnt("10"), 0, true, {}};
    TenderWithdrawTx wd{addr(7), 3, QStringLiteral("FRA-1-N01"), 1, false, QByteArray(65, '\x02')};
    TenderAwardTx aw{addr(8), 3, 9, true, {}};
    PostAuctionTx pa{kSp, QStringLiteral("FRA-3"), 100, ym(2027, 2), 6, icnt("3"), 50'000, icnt("1.2"), 0, SlaClock::firstEpochOf(ym(2026, 12)), 5, true, {}};
    SetDropOutTx so{addr(9), 1, QStringLiteral("FRA-3-N02"), icnt("2.2"), 40, icnt("1.5"), 2, true, {}};
    RunAuctionTx run{addr(8), 1, 10, false, QByteArray(65, '\x03')};
    return {{"post tender", pt}, {"tender bid", bid}, {"tender withdraw (signed)", wd}, {"tender award", aw},
            {"post reverse auction", pa}, {"set drop-out", so}, {"run reverse auction (signed)", run}};
}

} // namespace

class TestAuctionCodec : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void nonCanonicalRefused_data();
    void nonCanonicalRefused();
    void typedDataDigestMatchesItsTypeString();
    void signedAuctionTransactionsAreAccepted();
    void wrongKeyAndTamperingAreRefused();
};

void TestAuctionCodec::roundTrip_data()
{
    QTest::addColumn<Transaction>("tx");
    QTest::addColumn<int>("tag");
    int tag = 30;
    for (const auto &[name, tx] : samples())
        QTest::newRow(name) << tx << tag++;
}

void TestAuctionCodec::roundTrip()
{
    QFETCH(Transaction, tx);
    QFETCH(int, tag);
    const QByteArray bytes = encodeTransaction(tx);
    QCOMPARE(static_cast<int>(static_cast<quint8>(bytes[1])), tag);
    const auto decoded = decodeTransaction(bytes);
    QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error().code + QLatin1Char(' ') + decoded.error().field));
    QVERIFY(*decoded == tx);
    QCOMPARE(encodeTransaction(*decoded), bytes);
    QVERIFY(!transactionTypeName(tx).isEmpty());
    QVERIFY(!transactionSender(tx).isNull());
    // Every strict prefix is refused as truncated/malformed, never accepted.
    for (qsizetype n = 2; n < bytes.size(); n += 7)
        QVERIFY(!decodeTransaction(bytes.first(n)).ok());
}

void TestAuctionCodec::nonCanonicalRefused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");

    const QByteArray award = encodeTransaction(TenderAwardTx{addr(8), 3, 9, true, {}});
    QTest::newRow("trailing bytes") << award + QByteArray(1, '\0') << QStringLiteral("tx.trailing_bytes") << QStringLiteral("type");
    QByteArray badBool = award;
    badBool[badBool.size() - 5] = '\x02'; // unsignedLocal = 2
    QTest::newRow("a boolean that is not 0 or 1") << badBool << QStringLiteral("tx.malformed") << QStringLiteral("unsignedLocal");
    // unsignedLocal with a signature attached
    QByteArray withSig = award.first(award.size() - 4);
    withSig += QByteArray::fromHex("00000041") + QByteArray(65, '\x05');
    QTest::newRow("an unsigned transaction carrying a signature") << withSig << QStringLiteral("tx.malformed") << QStringLiteral("signature");
    // a negative bond
    TenderBidTx bid{addr(7), 3, QStringLiteral("N"), 1, icnt("1"), icnt("1"), 0, true, {}};
    QByteArray negative = encodeTransaction(bid);
    const qsizetype bondAt = negative.size() - 4 - 1 - 8 - 16;
    negative[bondAt] = '\x80';
    QTest::newRow("a negative amount") << negative << QStringLiteral("tx.malformed") << QStringLiteral("bond");
    // a negative epoch (the deadline is a uint64 day number in EIP-712)
    PostAuctionTx pa{kSp, QStringLiteral("FRA-3"), 100, ym(2027, 2), 6, icnt("3"), 50'000, icnt("1.2"), 0, 0, 5, true, {}};
    QByteArray negativeEpoch = encodeTransaction(pa);
    negativeEpoch[negativeEpoch.size() - 4 - 1 - 8 - 8] = '\x80';
    QTest::newRow("a negative clock epoch") << negativeEpoch << QStringLiteral("tx.malformed") << QStringLiteral("clockEpoch");
    QByteArray unknown = award;
    unknown[1] = '\x31'; // 49: in the range, not assigned
    QTest::newRow("an unassigned tag of the auction range") << unknown << QStringLiteral("tx.unknown_type") << QStringLiteral("type");
}

void TestAuctionCodec::nonCanonicalRefused()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, code);
    QFETCH(QString, field);
    const auto decoded = decodeTransaction(bytes);
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().code, code);
    QCOMPARE(decoded.error().field, field);
}

void TestAuctionCodec::typedDataDigestMatchesItsTypeString()
{
    const Transaction aw = TenderAwardTx{addr(8), 3, 9, false, {}};
    QCOMPARE(AuctionTypedData::typeString(aw), QStringLiteral("TenderAward(address caller,uint64 tenderId,uint64 nonce)"));
    // Hand-built EIP-712 digest of the award.
    QByteArray data = keccak256(QByteArrayLiteral("TenderAward(address caller,uint64 tenderId,uint64 nonce)"));
    data += QByteArray(12, '\0') + addr(8).bytes();
    data += QByteArray(31, '\0') + QByteArray(1, '\x03');
    data += QByteArray(31, '\0') + QByteArray(1, '\x09');
    const QByteArray expected = keccak256(QByteArray("\x19\x01", 2) + BookingTypedData::domainSeparator() + keccak256(data));
    QCOMPARE(AuctionTypedData::digest(aw), expected);
    const QJsonObject json = AuctionTypedData::typedDataJson(aw);
    QCOMPARE(json.value(QStringLiteral("primaryType")).toString(), QStringLiteral("TenderAward"));
    QCOMPARE(json.value(QStringLiteral("message")).toObject().value(QStringLiteral("tenderId")).toString(), QStringLiteral("3"));
    QVERIFY(AuctionTypedData::typeString(Transaction(CloseMonthTx{})).isEmpty());
    QVERIFY(AuctionTypedData::typeString(Transaction(PostTenderTx{})).startsWith(QStringLiteral("PostTender(address sp,string scope,")));
    // §8 deadlines are epochs: uint64 day numbers in the signed message.
    QVERIFY(AuctionTypedData::typeString(Transaction(PostTenderTx{})).contains(QStringLiteral(",uint64 bidDeadlineEpoch,")));
    QVERIFY(AuctionTypedData::typeString(Transaction(PostAuctionTx{})).contains(QStringLiteral(",uint64 clockEpoch,")));
}

void TestAuctionCodec::signedAuctionTransactionsAreAccepted()
{
    const SecureBytes spKey = key('\x46');
    const Address sp = *signer::addressOf(spKey);
    NetBuilder b = seedNetwork();
    b.account(sp, "5000");
    Engine e = b.engine();
    PostTenderTx t{sp, QStringLiteral("FRA-1"), 100, ym(2027, 1), 3, icnt("3"), 0, SlaClock::firstEpochOf(ym(2026, 12)), false, 0, true, {}};
    const auto signedTx = signAuctionTx(t, spKey);
    QVERIFY(signedTx.ok());
    const auto &st = std::get<PostTenderTx>(*signedTx);
    QVERIFY(!st.unsignedLocal);
    QCOMPARE(st.signature.size(), 65);
    const auto r = e.apply(*decodeTransaction(encodeTransaction(*signedTx)));
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().code));
    QCOMPARE(e.nextNonce(sp), quint64(1));
    QCOMPARE(e.tenders().size(), 1);
}

void TestAuctionCodec::wrongKeyAndTamperingAreRefused()
{
    const SecureBytes spKey = key('\x46');
    const Address sp = *signer::addressOf(spKey);
    NetBuilder b = seedNetwork();
    b.account(sp, "5000");
    Engine e = b.engine();
    PostTenderTx t{sp, QStringLiteral("FRA-1"), 100, ym(2027, 1), 3, icnt("3"), 0, SlaClock::firstEpochOf(ym(2026, 12)), false, 0, true, {}};
    const auto mismatch = signAuctionTx(t, key('\x47'));
    QVERIFY(!mismatch.ok());
    QCOMPARE(mismatch.error().code, QStringLiteral("tender.key_mismatch"));

    auto signedTx = std::get<PostTenderTx>(*signAuctionTx(t, spKey));
    signedTx.sizeTb = 99; // the signature no longer covers the message
    const QByteArray before = e.computeStateDigest();
    const auto r = e.apply(signedTx);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("tender.bad_signature"));
    QCOMPARE(e.computeStateDigest(), before);

    RunAuctionTx run{sp, 1, 0, true, {}};
    const auto signedRun = signAuctionTx(run, key('\x47'));
    QCOMPARE(signedRun.error().code, QStringLiteral("auction.key_mismatch"));
}

QTEST_GUILESS_MAIN(TestAuctionCodec)
#include "tst_auctioncodec.moc"
