#include "NodeTypedData.h"

#include "BookingTypedData.h"
#include "Keccak.h"
#include "Signer.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <vector>

namespace icn {

namespace {

// One member of a typed struct: its EIP-712 name and type, its 32-byte encoding and its JSON value.
struct Member
{
    const char *name;
    const char *type;
    QByteArray word;
    QJsonValue json;
};

QByteArray uintWord(UInt128 v)
{
    QByteArray out(32, '\0');
    for (int i = 31; i >= 16; --i) {
        out[i] = static_cast<char>(static_cast<quint8>(v & 0xff));
        v >>= 8;
    }
    return out;
}

Member address(const char *name, const Address &a)
{
    QByteArray w(12, '\0');
    w.append(a.isNull() ? QByteArray(20, '\0') : a.bytes());
    return {name, "address", w, a.toChecksummed()};
}

Member string(const char *name, const QString &s)
{
    return {name, "string", keccak256(s.toUtf8()), s};
}

Member u64(const char *name, quint64 v)
{
    return {name, "uint64", uintWord(v), QString::number(v)};
}

Member u32(const char *name, qint32 v)
{
    return {name, "uint32", uintWord(static_cast<quint32>(v)), v};
}

Member amount(const char *name, Amount a)
{
    return {name, "uint256", uintWord(static_cast<UInt128>(a.baseUnits())), a.toStorage()};
}

QString typeOf(const char *primary, const std::vector<Member> &members)
{
    QStringList parts;
    for (const Member &m : members)
        parts.append(QString::fromLatin1(m.type) + QLatin1Char(' ') + QString::fromLatin1(m.name));
    return QString::fromLatin1(primary) + QLatin1Char('(') + parts.join(QLatin1Char(',')) + QLatin1Char(')');
}

QByteArray digestOf(const char *primary, const std::vector<Member> &members)
{
    QByteArray data = keccak256(typeOf(primary, members).toLatin1());
    for (const Member &m : members)
        data.append(m.word);
    QByteArray envelope("\x19\x01", 2);
    envelope.append(BookingTypedData::domainSeparator());
    envelope.append(keccak256(data));
    return keccak256(envelope);
}

QJsonObject jsonOf(const char *primary, const std::vector<Member> &members)
{
    const auto field = [](const char *name, const char *type) {
        return QJsonObject{{QStringLiteral("name"), QString::fromLatin1(name)}, {QStringLiteral("type"), QString::fromLatin1(type)}};
    };
    QJsonArray fields;
    QJsonObject message;
    for (const Member &m : members) {
        fields.append(field(m.name, m.type));
        message.insert(QString::fromLatin1(m.name), m.json);
    }
    const QJsonArray domainFields{field("name", "string"), field("version", "string"), field("chainId", "uint256")};
    const QString type = QString::fromLatin1(primary);
    return QJsonObject{
        {QStringLiteral("types"), QJsonObject{{QStringLiteral("EIP712Domain"), domainFields}, {type, fields}}},
        {QStringLiteral("primaryType"), type},
        {QStringLiteral("domain"),
         QJsonObject{{QStringLiteral("name"), BookingTypedData::domainName()},
                     {QStringLiteral("version"), QStringLiteral("1")},
                     {QStringLiteral("chainId"), BookingTypedData::kChainId}}},
        {QStringLiteral("message"), message},
    };
}

std::vector<Member> membersOf(const RegisterNodeTx &t)
{
    return {address("provider", t.provider), string("nodeId", t.nodeId), string("clusterId", t.clusterId),
            u64("capacityTb", static_cast<quint64>(t.capacityTb)), amount("reservationPrice", t.reservationPrice),
            amount("deposit", t.deposit), u32("maxDurationMonths", t.maxDurationMonths), u32("maxLeadMonths", t.maxLeadMonths),
            u32("commitmentMonths", t.commitmentMonths), u64("nonce", t.nonce)};
}
std::vector<Member> membersOf(const SetReservationPriceTx &t)
{
    return {address("provider", t.provider), string("nodeId", t.nodeId), amount("price", t.price), u64("nonce", t.nonce)};
}
std::vector<Member> membersOf(const DepositCollateralTx &t)
{
    return {address("provider", t.provider), string("nodeId", t.nodeId), amount("amount", t.amount), u64("nonce", t.nonce)};
}
std::vector<Member> membersOf(const WithdrawCollateralTx &t)
{
    return {address("provider", t.provider), string("nodeId", t.nodeId), amount("amount", t.amount), u64("nonce", t.nonce)};
}
std::vector<Member> membersOf(const ExtendCommitmentTx &t)
{
    return {address("provider", t.provider), string("nodeId", t.nodeId), u32("months", t.months), u64("nonce", t.nonce)};
}
std::vector<Member> membersOf(const OffboardNodeTx &t)
{
    return {address("provider", t.provider), string("nodeId", t.nodeId), u64("nonce", t.nonce)};
}

const char *primaryOf(const RegisterNodeTx &) { return "RegisterNode"; }
const char *primaryOf(const SetReservationPriceTx &) { return "SetReservationPrice"; }
const char *primaryOf(const DepositCollateralTx &) { return "DepositCollateral"; }
const char *primaryOf(const WithdrawCollateralTx &) { return "WithdrawCollateral"; }
const char *primaryOf(const ExtendCommitmentTx &) { return "ExtendCommitment"; }
const char *primaryOf(const OffboardNodeTx &) { return "OffboardNode"; }

} // namespace

#define ICN_NODE_TYPED_DATA(T)                                                                                         \
    QString NodeTypedData::typeString(const T &tx) { return typeOf(primaryOf(tx), membersOf(tx)); }                   \
    QByteArray NodeTypedData::digest(const T &tx) { return digestOf(primaryOf(tx), membersOf(tx)); }                  \
    QJsonObject NodeTypedData::json(const T &tx) { return jsonOf(primaryOf(tx), membersOf(tx)); }                     \
    template Result<T> signNodeTransaction(T, const SecureBytes &);

template <typename T>
Result<T> signNodeTransaction(T tx, const SecureBytes &privateKey)
{
    const auto signerAddress = signer::addressOf(privateKey);
    if (!signerAddress)
        return signerAddress.error();
    if (!(*signerAddress == tx.provider))
        return Error::make(QStringLiteral("hn.key_mismatch"),
                           QCoreApplication::translate("Engine", "The key does not belong to the HN's provider account."),
                           QStringLiteral("provider"));
    tx.unsignedLocal = false;
    tx.signature.clear();
    const auto signature = signer::signDigest(privateKey, NodeTypedData::digest(tx));
    if (!signature)
        return signature.error();
    tx.signature = signature->toRsv();
    return tx;
}

ICN_NODE_TYPED_DATA(RegisterNodeTx)
ICN_NODE_TYPED_DATA(SetReservationPriceTx)
ICN_NODE_TYPED_DATA(DepositCollateralTx)
ICN_NODE_TYPED_DATA(WithdrawCollateralTx)
ICN_NODE_TYPED_DATA(ExtendCommitmentTx)
ICN_NODE_TYPED_DATA(OffboardNodeTx)

#undef ICN_NODE_TYPED_DATA

} // namespace icn
