#include "Eip1559Transaction.h"

#include "Amount.h"
#include "Keccak.h"
#include "Rlp.h"
#include "Signer.h"
#include "TransactionFields.h"

#include <QCoreApplication>

namespace icn {

namespace {

QByteArray encodeAccessList(const QList<AccessListEntry> &list)
{
    QList<QByteArray> entries;
    for (const auto &entry : list) {
        QList<QByteArray> keys;
        for (const auto &key : entry.storageKeys)
            keys << rlp::encodeBytes(key);
        entries << rlp::encodeList({rlp::encodeBytes(entry.address.bytes()), rlp::encodeList(keys)});
    }
    return rlp::encodeList(entries);
}

QList<QByteArray> bodyFields(const Eip1559Transaction &tx)
{
    return {rlp::encodeUInt(tx.chainId),   rlp::encodeUInt(tx.nonce),        rlp::encodeUInt(tx.maxPriorityFeePerGas),
            rlp::encodeUInt(tx.maxFeePerGas), rlp::encodeUInt(tx.gasLimit), txfields::encodeTo(tx.to),
            rlp::encodeUInt(tx.value),     rlp::encodeBytes(tx.data),      encodeAccessList(tx.accessList)};
}

QByteArray typed(const QByteArray &rlpList)
{
    return QByteArray(1, static_cast<char>(Eip1559Transaction::kType)) + rlpList;
}

Error badAccessList()
{
    return Error::make(QStringLiteral("transaction.bad_access_list"),
                       QCoreApplication::translate("Transaction",
                                                   "An access list entry is a 20-byte address and a list of 32-byte storage keys."),
                       QStringLiteral("accessList"));
}

Result<QList<AccessListEntry>> decodeAccessList(const rlp::Item &item)
{
    if (!item.isList)
        return badAccessList();
    QList<AccessListEntry> out;
    for (const auto &entry : item.items) {
        if (!entry.isList || entry.items.size() != 2 || entry.items[0].isList || entry.items[0].bytes.size() != 20
            || !entry.items[1].isList)
            return badAccessList();
        AccessListEntry decoded{*Address::fromBytes(entry.items[0].bytes), {}};
        for (const auto &key : entry.items[1].items) {
            if (key.isList || key.bytes.size() != 32)
                return badAccessList();
            decoded.storageKeys << key.bytes;
        }
        out << decoded;
    }
    return out;
}

} // namespace

Result<void> Eip1559Transaction::validate() const
{
    if (auto common = txfields::validate(chainId, kMaxChainId, gasLimit, to); !common)
        return common;
    if (maxPriorityFeePerGas > maxFeePerGas)
        return Error::make(QStringLiteral("transaction.priority_fee_above_max_fee"),
                           QCoreApplication::translate("Transaction", "The priority fee cannot exceed the maximum fee per gas."),
                           QStringLiteral("maxPriorityFeePerGas"),
                           {{QStringLiteral("maxPriorityFeePerGas"), maxPriorityFeePerGas.toDecimal()},
                            {QStringLiteral("maxFeePerGas"), maxFeePerGas.toDecimal()}});
    for (const auto &entry : accessList) {
        if (entry.address.isNull())
            return badAccessList();
        for (const auto &key : entry.storageKeys) {
            if (key.size() != 32)
                return badAccessList();
        }
    }
    return {};
}

QByteArray Eip1559Transaction::signingPayload() const
{
    return typed(rlp::encodeList(bodyFields(*this)));
}

QByteArray Eip1559Transaction::signingHash() const
{
    return keccak256(signingPayload());
}

Result<SignedTransaction> Eip1559Transaction::sign(const SecureBytes &privateKey) const
{
    if (auto valid = validate(); !valid)
        return valid.error();
    auto signature = signer::signDigest(privateKey, signingHash());
    if (!signature)
        return signature.error();
    return withSignature(*signature);
}

Result<SignedTransaction> Eip1559Transaction::withSignature(const Signature &signature) const
{
    SignedTransaction out;
    out.signingHash = signingHash();
    auto from = signer::recoverAddress(out.signingHash, signature);
    if (!from)
        return from.error();
    QList<QByteArray> fields = bodyFields(*this);
    fields << rlp::encodeUInt(static_cast<quint64>(signature.recoveryId))
           << rlp::encodeBytes(UInt256::fromBigEndian(signature.r)->toMinimalBytes())
           << rlp::encodeBytes(UInt256::fromBigEndian(signature.s)->toMinimalBytes());
    out.raw = typed(rlp::encodeList(fields));
    out.hash = keccak256(out.raw);
    out.signature = signature;
    out.from = *from;
    return out;
}

Result<UInt256> Eip1559Transaction::parseGwei(QStringView text, const QString &field)
{
    // 1 gwei = 10^9 wei, so the 9-decimal fixed-point value is the amount in wei.
    auto wei = parseFixed(text, 9);
    if (!wei) {
        Error error = wei.error();
        error.field = field;
        return error;
    }
    return UInt256::fromUInt128(static_cast<UInt128>(*wei));
}

Result<DecodedTransaction<Eip1559Transaction>> Eip1559Transaction::decode(QByteArrayView raw)
{
    if (raw.isEmpty() || static_cast<quint8>(raw[0]) != kType)
        return Error::make(QStringLiteral("transaction.wrong_type"),
                           QCoreApplication::translate("Transaction", "This is not an EIP-1559 (type 2) transaction."),
                           QStringLiteral("raw"));
    auto decoded = rlp::decode(raw.sliced(1));
    if (!decoded)
        return decoded.error();
    if (!decoded->isList || decoded->items.size() != 12)
        return txfields::malformed(QCoreApplication::translate("Transaction", "A type 2 transaction is a list of 12 fields."));
    const QList<rlp::Item> &f = decoded->items;

    Eip1559Transaction tx;
    auto chainId = f[0].toUInt64(QStringLiteral("chainId"));
    if (!chainId)
        return chainId.error();
    auto nonce = f[1].toUInt64(QStringLiteral("nonce"));
    if (!nonce)
        return nonce.error();
    auto priority = f[2].toUInt256(QStringLiteral("maxPriorityFeePerGas"));
    if (!priority)
        return priority.error();
    auto maxFee = f[3].toUInt256(QStringLiteral("maxFeePerGas"));
    if (!maxFee)
        return maxFee.error();
    auto gasLimit = f[4].toUInt64(QStringLiteral("gasLimit"));
    if (!gasLimit)
        return gasLimit.error();
    auto to = txfields::decodeTo(f[5]);
    if (!to)
        return to.error();
    auto value = f[6].toUInt256(QStringLiteral("value"));
    if (!value)
        return value.error();
    if (f[7].isList)
        return txfields::malformed(QCoreApplication::translate("Transaction", "The data field is a list."), QStringLiteral("data"));
    auto accessList = decodeAccessList(f[8]);
    if (!accessList)
        return accessList.error();
    auto yParity = f[9].toUInt64(QStringLiteral("yParity"));
    if (!yParity)
        return yParity.error();
    if (*yParity > 1)
        return Error::make(QStringLiteral("signature.bad_recovery_id"),
                           QCoreApplication::translate("Transaction", "yParity must be 0 or 1."), QStringLiteral("yParity"));
    tx.chainId = *chainId;
    tx.nonce = *nonce;
    tx.maxPriorityFeePerGas = *priority;
    tx.maxFeePerGas = *maxFee;
    tx.gasLimit = *gasLimit;
    tx.to = *to;
    tx.value = *value;
    tx.data = f[7].bytes;
    tx.accessList = *accessList;

    auto signature = txfields::decodeSignature(f[10], f[11], static_cast<int>(*yParity));
    if (!signature)
        return signature.error();
    auto signedTx = tx.withSignature(*signature);
    if (!signedTx)
        return signedTx.error();
    Q_ASSERT(signedTx->raw == raw); // strict decoding leaves one encoding
    return DecodedTransaction<Eip1559Transaction>{tx, *signedTx};
}

} // namespace icn
