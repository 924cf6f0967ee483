// The EIP-712 typed data of bookings and transfers, signing, and the engine's signature checks.
#include "BookingTypedData.h"
#include "EngineFixture.h"
#include "Hex.h"
#include "Keccak.h"
#include "Signer.h"
#include "TypedData.h"

#include <QJsonDocument>
#include <QTest>

using namespace icn;
using namespace icn::test;

Q_DECLARE_METATYPE(icn::BookingRequest)

class TestBookingTypedData : public QObject
{
    Q_OBJECT

private slots:
    void schemaStrings();
    void digestMatchesTheWalletsTypedData_data();
    void digestMatchesTheWalletsTypedData();
    void everyFieldIsSigned();
    void signedBookingIsAccepted();
    void forgedBookingsAreRefused_data();
    void forgedBookingsAreRefused();
    void signedTransfer();
    void signingWithAnotherKeyIsRefused();

private:
    static SecureBytes key(char fill) { return SecureBytes(QByteArray(32, fill)); }
};

namespace {

BookingRequest sampleRequest(const Address &sp)
{
    return BookingRequest{sp, QStringLiteral("FRA-1"), 100, ym(2026, 12), 3, Amount::fromIcnt(1050), 0, ym(2026, 12)};
}

} // namespace

void TestBookingTypedData::schemaStrings()
{
    QCOMPARE(BookingTypedData::bookingTypeString(),
             QStringLiteral("Booking(address sp,string scope,uint64 sizeTb,string startMonth,uint32 months,uint256 quotedTotal,uint64 nonce,string deadline)"));
    QCOMPARE(BookingTypedData::transferTypeString(), QStringLiteral("Transfer(address from,address to,uint256 amount,uint64 nonce)"));
    // Domain separator = keccak(typeHash || keccak(name) || keccak("1") || uint256(8453)).
    QByteArray data = keccak256("EIP712Domain(string name,string version,uint256 chainId)");
    data += keccak256("ICN Desk Local Mirror");
    data += keccak256("1");
    data += QByteArray(30, '\0') + QByteArray::fromHex("2105");
    QCOMPARE(BookingTypedData::domainSeparator(), keccak256(data));
}

void TestBookingTypedData::digestMatchesTheWalletsTypedData_data()
{
    QTest::addColumn<BookingRequest>("request");
    QTest::newRow("a plain cluster booking") << sampleRequest(addr(5));
    BookingRequest big = sampleRequest(addr(6));
    big.scope = QStringLiteral("Zürich Süd");
    big.sizeTb = 123456789;
    big.quotedTotal = Amount::fromBaseUnits(kInt128Max);
    big.nonce = std::numeric_limits<quint64>::max();
    QTest::newRow("large numbers and a non-ASCII scope") << big;
}

void TestBookingTypedData::digestMatchesTheWalletsTypedData()
{
    QFETCH(BookingRequest, request);
    const QJsonObject json = BookingTypedData::bookingJson(request);
    const auto typed = TypedData::fromJson(json);
    QVERIFY2(typed.ok(), qPrintable(typed.ok() ? QString() : typed.error().code + u' ' + typed.error().field));
    QCOMPARE(typed->primaryType(), QStringLiteral("Booking"));
    QCOMPARE(typed->domainSeparator(), BookingTypedData::domainSeparator());
    QCOMPARE(typed->hashStruct(), BookingTypedData::bookingStructHash(request));
    QCOMPARE(typed->digest(), BookingTypedData::bookingDigest(request));

    const QJsonObject transfer = BookingTypedData::transferJson(addr(1), addr(2), Amount::fromIcnt(3), 4);
    const auto typedTransfer = TypedData::fromJson(transfer);
    QVERIFY(typedTransfer.ok());
    QCOMPARE(typedTransfer->digest(), BookingTypedData::transferDigest(addr(1), addr(2), Amount::fromIcnt(3), 4));
}

void TestBookingTypedData::everyFieldIsSigned()
{
    const BookingRequest base = sampleRequest(addr(5));
    const QByteArray digest = BookingTypedData::bookingDigest(base);
    QList<BookingRequest> variants(8, base);
    variants[0].sp = addr(6);
    variants[1].scope = QStringLiteral("FRA-2");
    variants[2].sizeTb = 101;
    variants[3].startMonth = ym(2027, 1);
    variants[4].months = 4;
    variants[5].quotedTotal = *base.quotedTotal.add(Amount::fromBaseUnits(1));
    variants[6].nonce = 1;
    variants[7].deadline = ym(2027, 1);
    for (const BookingRequest &v : variants)
        QVERIFY(BookingTypedData::bookingDigest(v) != digest);
}

void TestBookingTypedData::signedBookingIsAccepted()
{
    const SecureBytes sk = key('\x46');
    const Address sp = *signer::addressOf(sk);
    NetBuilder nb = seedNetwork();
    nb.account(sp, "5000");
    Engine engine = nb.engine();
    const auto tx = signBooking(sampleRequest(sp), sk);
    QVERIFY(tx.ok());
    QCOMPARE(tx->signature.size(), 65);
    QVERIFY(!tx->unsignedLocal);
    const auto r = engine.apply(*tx);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().code + u' ' + r.error().message));
    QCOMPARE(engine.balance(sp), Amount::fromIcnt(3950));
    // The same signed transaction again is a replay: its nonce is used.
    const auto again = engine.apply(*tx);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, QStringLiteral("booking.bad_nonce"));
}

void TestBookingTypedData::forgedBookingsAreRefused_data()
{
    QTest::addColumn<int>("tamper");
    QTest::newRow("the size was changed after signing") << 0;
    QTest::newRow("the quoted total was changed after signing") << 1;
    QTest::newRow("the signature was made by another key") << 2;
    QTest::newRow("a signature byte was flipped") << 3;
    QTest::newRow("the recovery byte is not 27 or 28") << 4;
    QTest::newRow("the transaction claims to be unsigned and local") << 5;
}

void TestBookingTypedData::forgedBookingsAreRefused()
{
    QFETCH(int, tamper);
    const SecureBytes sk = key('\x46');
    const Address sp = *signer::addressOf(sk);
    NetBuilder nb = seedNetwork();
    nb.account(sp, "5000");
    Engine engine = nb.engine();
    auto tx = *signBooking(sampleRequest(sp), sk);
    switch (tamper) {
    case 0:
        tx.sizeTb = 101;
        break;
    case 1:
        tx.quotedTotal = Amount::fromIcnt(1);
        break;
    case 2: {
        BookingRequest r = sampleRequest(sp);
        const SecureBytes other = key('\x47');
        tx.signature = signer::signDigest(other, BookingTypedData::bookingDigest(r))->toRsv();
        break;
    }
    case 3:
        tx.signature[10] = static_cast<char>(tx.signature[10] ^ 0x01);
        break;
    case 4:
        tx.signature[64] = 30;
        break;
    case 5:
        tx.unsignedLocal = true;
        break;
    }
    const QByteArray hash = engine.stateHash();
    const auto r = engine.apply(tx);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("booking.bad_signature"));
    QCOMPARE(r.error().field, QStringLiteral("signature"));
    QCOMPARE(engine.stateHash(), hash);
    QCOMPARE(engine.balance(sp), Amount::fromIcnt(5000));
}

void TestBookingTypedData::signedTransfer()
{
    const SecureBytes sk = key('\x21');
    const Address from = *signer::addressOf(sk);
    NetBuilder nb = seedNetwork();
    nb.account(from, "100");
    Engine engine = nb.engine();
    const auto tx = signTransfer(from, kSp2, Amount::fromIcnt(40), 0, sk);
    QVERIFY(tx.ok());
    QVERIFY(engine.apply(*tx).ok());
    QCOMPARE(engine.balance(from), Amount::fromIcnt(60));
    QCOMPARE(engine.balance(kSp2), Amount::fromIcnt(50));
    TransferTx forged = *signTransfer(from, kSp2, Amount::fromIcnt(40), 1, sk);
    forged.amount = Amount::fromIcnt(60);
    const auto r = engine.apply(forged);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("transfer.bad_signature"));
}

void TestBookingTypedData::signingWithAnotherKeyIsRefused()
{
    const auto tx = signBooking(sampleRequest(addr(9)), key('\x46'));
    QVERIFY(!tx.ok());
    QCOMPARE(tx.error().code, QStringLiteral("booking.key_mismatch"));
    const auto t = signTransfer(addr(9), addr(8), Amount::fromIcnt(1), 0, key('\x46'));
    QVERIFY(!t.ok());
    QCOMPARE(t.error().code, QStringLiteral("transfer.key_mismatch"));
}

QTEST_GUILESS_MAIN(TestBookingTypedData)
#include "tst_bookingtypeddata.moc"
