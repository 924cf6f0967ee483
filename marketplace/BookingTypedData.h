#pragma once

#include "BookingTypes.h"
#include "Result.h"
#include "SecureBytes.h"
#include "Transaction.h"

#include <QByteArray>
#include <QJsonObject>

namespace icn {

// The EIP-712 typed data that SPs sign for bookings and accounts sign for transfers
// (docs/protocol-types.md). Domain: name "ICN Desk Local Mirror", version "1", chainId 8453.
//   Booking(address sp,string scope,uint64 sizeTb,string startMonth,uint32 months,
//           uint256 quotedTotal,uint64 nonce,string deadline)
//   Transfer(address from,address to,uint256 amount,uint64 nonce)
// The digests are computed directly here (the engine checks every signed transaction); the JSON
// is what a wallet shows and signs (eth_signTypedData_v4 form), and both give the same digest.
class BookingTypedData
{
public:
    static constexpr qint64 kChainId = 8453;
    static QString domainName() { return QStringLiteral("ICN Desk Local Mirror"); }
    static QString bookingTypeString();
    static QString transferTypeString();

    static QByteArray domainSeparator();
    static QByteArray bookingStructHash(const BookingRequest &request);
    static QByteArray bookingDigest(const BookingRequest &request);
    static QByteArray transferDigest(const Address &from, const Address &to, Amount amount, quint64 nonce);

    static QJsonObject bookingJson(const BookingRequest &request);
    static QJsonObject transferJson(const Address &from, const Address &to, Amount amount, quint64 nonce);

    static BookingRequest requestOf(const BookTx &tx);
};

// Signs a booking with the SP's key. "booking.key_mismatch" when the key is not the SP's.
Result<BookTx> signBooking(const BookingRequest &request, const SecureBytes &privateKey);
// Signs a transfer with the sender's key. "transfer.key_mismatch" when the key is not `from`'s.
Result<TransferTx> signTransfer(const Address &from, const Address &to, Amount amount, quint64 nonce,
                                const SecureBytes &privateKey);
// Checks that `signature` (65 bytes r||s||v) over `digest` was made by `expected`.
// Errors "<prefix>.bad_signature".
Result<void> verifySignature(const QString &prefix, QByteArrayView digest, QByteArrayView signature, const Address &expected);

} // namespace icn
