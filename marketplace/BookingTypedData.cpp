#include "BookingTypedData.h"

#include "EngineErrors.h"
#include "Keccak.h"
#include "Signer.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace icn {

namespace {

QByteArray word(UInt128 v)
{
    QByteArray out(32, '\0');
    for (int i = 31; i >= 16; --i) {
        out[i] = static_cast<char>(static_cast<quint8>(v & 0xff));
        v >>= 8;
    }
    return out;
}

QByteArray addressWord(const Address &a)
{
    QByteArray out(12, '\0');
    out.append(a.isNull() ? QByteArray(20, '\0') : a.bytes());
    return out;
}

QByteArray stringWord(const QString &s)
{
    return keccak256(s.toUtf8());
}

QByteArray typedDigest(const QByteArray &structHash)
{
    QByteArray data("\x19\x01", 2);
    data.append(BookingTypedData::domainSeparator());
    data.append(structHash);
    return keccak256(data);
}

QJsonObject field(const char *name, const char *type)
{
    return QJsonObject{{QStringLiteral("name"), QString::fromLatin1(name)}, {QStringLiteral("type"), QString::fromLatin1(type)}};
}

QJsonObject envelope(const QString &primaryType, const QJsonArray &fields, const QJsonObject &message)
{
    const QJsonArray domainFields{field("name", "string"), field("version", "string"), field("chainId", "uint256")};
    return QJsonObject{
        {QStringLiteral("types"), QJsonObject{{QStringLiteral("EIP712Domain"), domainFields}, {primaryType, fields}}},
        {QStringLiteral("primaryType"), primaryType},
        {QStringLiteral("domain"),
         QJsonObject{{QStringLiteral("name"), BookingTypedData::domainName()},
                     {QStringLiteral("version"), QStringLiteral("1")},
                     {QStringLiteral("chainId"), BookingTypedData::kChainId}}},
        {QStringLiteral("message"), message},
    };
}

QString amountText(Amount a)
{
    return a.toStorage(); // the uint256 as a decimal string of base units
}

} // namespace

QString BookingTypedData::bookingTypeString()
{
    return QStringLiteral("Booking(address sp,string scope,uint64 sizeTb,string startMonth,uint32 months,"
                          "uint256 quotedTotal,uint64 nonce,string deadline)");
}

QString BookingTypedData::transferTypeString()
{
    return QStringLiteral("Transfer(address from,address to,uint256 amount,uint64 nonce)");
}

QByteArray BookingTypedData::domainSeparator()
{
    static const QByteArray separator = [] {
        QByteArray data = keccak256("EIP712Domain(string name,string version,uint256 chainId)");
        data.append(stringWord(domainName()));
        data.append(stringWord(QStringLiteral("1")));
        data.append(word(static_cast<UInt128>(kChainId)));
        return keccak256(data);
    }();
    return separator;
}

QByteArray BookingTypedData::bookingStructHash(const BookingRequest &r)
{
    static const QByteArray typeHash = keccak256(bookingTypeString().toLatin1());
    QByteArray data = typeHash;
    data.append(addressWord(r.sp));
    data.append(stringWord(r.scope));
    data.append(word(static_cast<UInt128>(static_cast<quint64>(r.sizeTb))));
    data.append(stringWord(r.startMonth.toString()));
    data.append(word(static_cast<UInt128>(static_cast<quint32>(r.months))));
    data.append(word(static_cast<UInt128>(r.quotedTotal.baseUnits())));
    data.append(word(static_cast<UInt128>(r.nonce)));
    data.append(stringWord(r.deadline.toString()));
    return keccak256(data);
}

QByteArray BookingTypedData::bookingDigest(const BookingRequest &request)
{
    return typedDigest(bookingStructHash(request));
}

QByteArray BookingTypedData::transferDigest(const Address &from, const Address &to, Amount amount, quint64 nonce)
{
    static const QByteArray typeHash = keccak256(transferTypeString().toLatin1());
    QByteArray data = typeHash;
    data.append(addressWord(from));
    data.append(addressWord(to));
    data.append(word(static_cast<UInt128>(amount.baseUnits())));
    data.append(word(static_cast<UInt128>(nonce)));
    return typedDigest(keccak256(data));
}

QJsonObject BookingTypedData::bookingJson(const BookingRequest &r)
{
    const QJsonArray fields{field("sp", "address"),     field("scope", "string"),     field("sizeTb", "uint64"),
                            field("startMonth", "string"), field("months", "uint32"),  field("quotedTotal", "uint256"),
                            field("nonce", "uint64"),   field("deadline", "string")};
    const QJsonObject message{
        {QStringLiteral("sp"), r.sp.toChecksummed()},
        {QStringLiteral("scope"), r.scope},
        {QStringLiteral("sizeTb"), QString::number(r.sizeTb)},
        {QStringLiteral("startMonth"), r.startMonth.toString()},
        {QStringLiteral("months"), r.months},
        {QStringLiteral("quotedTotal"), amountText(r.quotedTotal)},
        {QStringLiteral("nonce"), QString::number(r.nonce)},
        {QStringLiteral("deadline"), r.deadline.toString()},
    };
    return envelope(QStringLiteral("Booking"), fields, message);
}

QJsonObject BookingTypedData::transferJson(const Address &from, const Address &to, Amount amount, quint64 nonce)
{
    const QJsonArray fields{field("from", "address"), field("to", "address"), field("amount", "uint256"), field("nonce", "uint64")};
    const QJsonObject message{
        {QStringLiteral("from"), from.toChecksummed()},
        {QStringLiteral("to"), to.toChecksummed()},
        {QStringLiteral("amount"), amountText(amount)},
        {QStringLiteral("nonce"), QString::number(nonce)},
    };
    return envelope(QStringLiteral("Transfer"), fields, message);
}

BookingRequest BookingTypedData::requestOf(const BookTx &tx)
{
    return BookingRequest{tx.sp, tx.scope, tx.sizeTb, tx.startMonth, tx.months, tx.quotedTotal, tx.nonce, tx.deadline};
}

Result<BookTx> signBooking(const BookingRequest &request, const SecureBytes &privateKey)
{
    const auto address = signer::addressOf(privateKey);
    if (!address)
        return address.error();
    if (!(*address == request.sp))
        return Error::make(QStringLiteral("booking.key_mismatch"),
                           QCoreApplication::translate("Engine", "The key does not belong to the booking's SP account."),
                           QStringLiteral("sp"));
    if (request.sizeTb < 0 || request.months < 0 || request.quotedTotal.isNegative())
        return engine_errors::badSize(request.sizeTb);
    const auto signature = signer::signDigest(privateKey, BookingTypedData::bookingDigest(request));
    if (!signature)
        return signature.error();
    BookTx tx;
    tx.sp = request.sp;
    tx.scope = request.scope;
    tx.sizeTb = request.sizeTb;
    tx.startMonth = request.startMonth;
    tx.months = request.months;
    tx.quotedTotal = request.quotedTotal;
    tx.nonce = request.nonce;
    tx.deadline = request.deadline;
    tx.signature = signature->toRsv();
    return tx;
}

Result<TransferTx> signTransfer(const Address &from, const Address &to, Amount amount, quint64 nonce,
                                const SecureBytes &privateKey)
{
    const auto address = signer::addressOf(privateKey);
    if (!address)
        return address.error();
    if (!(*address == from))
        return Error::make(QStringLiteral("transfer.key_mismatch"),
                           QCoreApplication::translate("Engine", "The key does not belong to the sending account."),
                           QStringLiteral("from"));
    const auto signature = signer::signDigest(privateKey, BookingTypedData::transferDigest(from, to, amount, nonce));
    if (!signature)
        return signature.error();
    return TransferTx{from, to, amount, nonce, false, signature->toRsv()};
}

Result<void> verifySignature(const QString &prefix, QByteArrayView digest, QByteArrayView signature, const Address &expected)
{
    const auto parsed = Signature::fromRsv(signature);
    if (!parsed)
        return engine_errors::badSignature(prefix, parsed.error().message);
    const auto signerAddress = signer::recoverAddress(digest, *parsed);
    if (!signerAddress)
        return engine_errors::badSignature(prefix, signerAddress.error().message);
    if (!(*signerAddress == expected))
        return engine_errors::badSignature(
            prefix, QCoreApplication::translate("Engine", "signed by %1, not %2.")
                        .arg(signerAddress->toChecksummed(), expected.toChecksummed()));
    return {};
}

} // namespace icn
