#include "AuctionTypedData.h"

#include "AuctionCodec.h"
#include "BookingTypedData.h"
#include "Keccak.h"
#include "Signer.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <variant>

namespace icn {

namespace {

// One EIP-712 field: its name, its Solidity type and its value.
struct Field
{
    const char *name;
    const char *type;
    std::variant<Address, QString, UInt128, bool> value;
};

struct Typed
{
    const char *primaryType = nullptr;
    QList<Field> fields;
};

UInt128 u(qint64 v)
{
    return static_cast<UInt128>(static_cast<quint64>(v));
}

UInt128 amountWord(Amount a)
{
    return static_cast<UInt128>(a.baseUnits());
}

template <class... Ts>
struct Overloaded : Ts...
{
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

Typed typedOf(const Transaction &tx)
{
    return std::visit(
        Overloaded{
            [](const PostTenderTx &t) {
                return Typed{"PostTender",
                             {{"sp", "address", t.sp},
                              {"scope", "string", t.scope},
                              {"sizeTb", "uint64", u(t.sizeTb)},
                              {"startMonth", "string", t.startMonth.toString()},
                              {"months", "uint32", u(static_cast<quint32>(t.months))},
                              {"maxPrice", "uint256", amountWord(t.maxPrice)},
                              {"minReliabilityPpm", "uint32", u(static_cast<quint32>(t.minReliabilityPpm))},
                              {"bidDeadlineEpoch", "uint64", u(t.bidDeadlineEpoch)},
                              {"partialFill", "bool", t.partialFill},
                              {"nonce", "uint64", static_cast<UInt128>(t.nonce)}}};
            },
            [](const TenderBidTx &t) {
                return Typed{"TenderBid",
                             {{"bidder", "address", t.bidder},
                              {"tenderId", "uint64", static_cast<UInt128>(t.tenderId)},
                              {"nodeId", "string", t.nodeId},
                              {"offeredTb", "uint64", u(t.offeredTb)},
                              {"price", "uint256", amountWord(t.price)},
                              {"bond", "uint256", amountWord(t.bond)},
                              {"nonce", "uint64", static_cast<UInt128>(t.nonce)}}};
            },
            [](const TenderWithdrawTx &t) {
                return Typed{"TenderWithdraw",
                             {{"bidder", "address", t.bidder},
                              {"tenderId", "uint64", static_cast<UInt128>(t.tenderId)},
                              {"nodeId", "string", t.nodeId},
                              {"nonce", "uint64", static_cast<UInt128>(t.nonce)}}};
            },
            [](const TenderAwardTx &t) {
                return Typed{"TenderAward",
                             {{"caller", "address", t.caller},
                              {"tenderId", "uint64", static_cast<UInt128>(t.tenderId)},
                              {"nonce", "uint64", static_cast<UInt128>(t.nonce)}}};
            },
            [](const PostAuctionTx &t) {
                return Typed{"PostReverseAuction",
                             {{"sp", "address", t.sp},
                              {"scope", "string", t.scope},
                              {"sizeTb", "uint64", u(t.sizeTb)},
                              {"startMonth", "string", t.startMonth.toString()},
                              {"months", "uint32", u(static_cast<quint32>(t.months))},
                              {"ceilingPrice", "uint256", amountWord(t.ceilingPrice)},
                              {"decrementPpm", "uint64", u(t.decrementPpm)},
                              {"floorPrice", "uint256", amountWord(t.floorPrice)},
                              {"minReliabilityPpm", "uint32", u(static_cast<quint32>(t.minReliabilityPpm))},
                              {"clockEpoch", "uint64", u(t.clockEpoch)},
                              {"nonce", "uint64", static_cast<UInt128>(t.nonce)}}};
            },
            [](const SetDropOutTx &t) {
                return Typed{"SetDropOut",
                             {{"bidder", "address", t.bidder},
                              {"auctionId", "uint64", static_cast<UInt128>(t.auctionId)},
                              {"nodeId", "string", t.nodeId},
                              {"dropOutPrice", "uint256", amountWord(t.dropOutPrice)},
                              {"capacityTb", "uint64", u(t.capacityTb)},
                              {"bond", "uint256", amountWord(t.bond)},
                              {"nonce", "uint64", static_cast<UInt128>(t.nonce)}}};
            },
            [](const RunAuctionTx &t) {
                return Typed{"RunReverseAuction",
                             {{"caller", "address", t.caller},
                              {"auctionId", "uint64", static_cast<UInt128>(t.auctionId)},
                              {"nonce", "uint64", static_cast<UInt128>(t.nonce)}}};
            },
            [](const auto &) { return Typed{}; },
        },
        tx);
}

QString typeStringOf(const Typed &t)
{
    QStringList parts;
    for (const Field &f : t.fields)
        parts << QString::fromLatin1(f.type) + QLatin1Char(' ') + QString::fromLatin1(f.name);
    return QString::fromLatin1(t.primaryType) + QLatin1Char('(') + parts.join(QLatin1Char(',')) + QLatin1Char(')');
}

QByteArray word(UInt128 v)
{
    QByteArray out(32, '\0');
    for (int i = 31; i >= 16; --i) {
        out[i] = static_cast<char>(static_cast<quint8>(v & 0xff));
        v >>= 8;
    }
    return out;
}

QByteArray encodeValue(const Field &f)
{
    return std::visit(Overloaded{
                          [](const Address &a) {
                              QByteArray out(12, '\0');
                              out.append(a.isNull() ? QByteArray(20, '\0') : a.bytes());
                              return out;
                          },
                          [](const QString &s) { return keccak256(s.toUtf8()); },
                          [](UInt128 v) { return word(v); },
                          [](bool b) { return word(b ? 1 : 0); },
                      },
                      f.value);
}

QJsonValue jsonValue(const Field &f)
{
    return std::visit(Overloaded{
                          [](const Address &a) { return QJsonValue(a.toChecksummed()); },
                          [](const QString &s) { return QJsonValue(s); },
                          [](UInt128 v) {
                              // decimal string: uint256 values do not fit a JSON number
                              QString text;
                              do {
                                  text.prepend(QChar(u'0' + static_cast<int>(v % 10)));
                                  v /= 10;
                              } while (v != 0);
                              return QJsonValue(text);
                          },
                          [](bool b) { return QJsonValue(b); },
                      },
                      f.value);
}

} // namespace

namespace AuctionTypedData {

QString typeString(const Transaction &tx)
{
    const Typed t = typedOf(tx);
    return t.primaryType ? typeStringOf(t) : QString();
}

QByteArray digest(const Transaction &tx)
{
    const Typed t = typedOf(tx);
    if (!t.primaryType)
        return {};
    QByteArray data = keccak256(typeStringOf(t).toLatin1());
    for (const Field &f : t.fields)
        data.append(encodeValue(f));
    QByteArray envelope("\x19\x01", 2);
    envelope.append(BookingTypedData::domainSeparator());
    envelope.append(keccak256(data));
    return keccak256(envelope);
}

QJsonObject typedDataJson(const Transaction &tx)
{
    const Typed t = typedOf(tx);
    if (!t.primaryType)
        return {};
    const auto field = [](const char *name, const char *type) {
        return QJsonObject{{QStringLiteral("name"), QString::fromLatin1(name)}, {QStringLiteral("type"), QString::fromLatin1(type)}};
    };
    QJsonArray fields;
    QJsonObject message;
    for (const Field &f : t.fields) {
        fields.append(field(f.name, f.type));
        message.insert(QString::fromLatin1(f.name), jsonValue(f));
    }
    const QJsonArray domainFields{field("name", "string"), field("version", "string"), field("chainId", "uint256")};
    const QString primary = QString::fromLatin1(t.primaryType);
    return QJsonObject{
        {QStringLiteral("types"), QJsonObject{{QStringLiteral("EIP712Domain"), domainFields}, {primary, fields}}},
        {QStringLiteral("primaryType"), primary},
        {QStringLiteral("domain"),
         QJsonObject{{QStringLiteral("name"), BookingTypedData::domainName()},
                     {QStringLiteral("version"), QStringLiteral("1")},
                     {QStringLiteral("chainId"), BookingTypedData::kChainId}}},
        {QStringLiteral("message"), message},
    };
}

} // namespace AuctionTypedData

Result<Transaction> signAuctionTx(Transaction tx, const SecureBytes &privateKey)
{
    const QString type = AuctionCodec::typeName(tx);
    if (type.isEmpty())
        return Error::make(QStringLiteral("auction.not_auction_tx"),
                           QCoreApplication::translate("Engine", "Not an auction transaction."), QStringLiteral("type"));
    const QString prefix = type.contains(QLatin1String("tender")) ? QStringLiteral("tender") : QStringLiteral("auction");
    const auto address = signer::addressOf(privateKey);
    if (!address)
        return address.error();
    if (!(*address == AuctionCodec::sender(tx)))
        return Error::make(prefix + QStringLiteral(".key_mismatch"),
                           QCoreApplication::translate("Engine", "The key does not belong to the transaction's account."),
                           QStringLiteral("signature"));
    std::visit(
        [](auto &t) {
            if constexpr (AuctionTransaction<std::decay_t<decltype(t)>>) {
                t.unsignedLocal = false;
                t.signature.clear();
            }
        },
        tx);
    const auto signature = signer::signDigest(privateKey, AuctionTypedData::digest(tx));
    if (!signature)
        return signature.error();
    std::visit(
        [&](auto &t) {
            if constexpr (AuctionTransaction<std::decay_t<decltype(t)>>)
                t.signature = signature->toRsv();
        },
        tx);
    return tx;
}

} // namespace icn
