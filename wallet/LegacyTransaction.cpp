#include "LegacyTransaction.h"

#include "Keccak.h"
#include "Rlp.h"
#include "Signer.h"
#include "TransactionFields.h"

#include <QCoreApplication>

namespace icn {

namespace {

QList<QByteArray> bodyFields(const LegacyTransaction &tx)
{
    return {rlp::encodeUInt(tx.nonce), rlp::encodeUInt(tx.gasPrice), rlp::encodeUInt(tx.gasLimit), txfields::encodeTo(tx.to),
            rlp::encodeUInt(tx.value), rlp::encodeBytes(tx.data)};
}

} // namespace

Result<void> LegacyTransaction::validate() const
{
    return txfields::validate(chainId, kMaxChainId, gasLimit, to);
}

QByteArray LegacyTransaction::signingPayload() const
{
    QList<QByteArray> fields = bodyFields(*this);
    // EIP-155 appends (chainId, 0, 0); an unprotected transaction (chain id 0) signs the six fields.
    if (chainId != 0)
        fields << rlp::encodeUInt(chainId) << rlp::encodeUInt(quint64(0)) << rlp::encodeUInt(quint64(0));
    return rlp::encodeList(fields);
}

QByteArray LegacyTransaction::signingHash() const
{
    return keccak256(signingPayload());
}

Result<SignedTransaction> LegacyTransaction::sign(const SecureBytes &privateKey) const
{
    if (auto valid = validate(); !valid)
        return valid.error();
    auto signature = signer::signDigest(privateKey, signingHash());
    if (!signature)
        return signature.error();
    return withSignature(*signature);
}

Result<SignedTransaction> LegacyTransaction::withSignature(const Signature &signature) const
{
    if (chainId > kMaxChainId)
        return txfields::validate(chainId, kMaxChainId, gasLimit, to).error();
    SignedTransaction out;
    out.signingHash = signingHash();
    auto from = signer::recoverAddress(out.signingHash, signature);
    if (!from)
        return from.error();
    const quint64 v = chainId == 0 ? 27 + static_cast<quint64>(signature.recoveryId)
                                   : chainId * 2 + 35 + static_cast<quint64>(signature.recoveryId);
    QList<QByteArray> fields = bodyFields(*this);
    fields << rlp::encodeUInt(v) << rlp::encodeBytes(UInt256::fromBigEndian(signature.r)->toMinimalBytes())
           << rlp::encodeBytes(UInt256::fromBigEndian(signature.s)->toMinimalBytes());
    out.raw = rlp::encodeList(fields);
    out.hash = keccak256(out.raw);
    out.signature = signature;
    out.from = *from;
    return out;
}

Result<DecodedTransaction<LegacyTransaction>> LegacyTransaction::decode(QByteArrayView raw)
{
    if (!raw.isEmpty() && static_cast<quint8>(raw[0]) < 0xc0)
        return Error::make(QStringLiteral("transaction.wrong_type"),
                           QCoreApplication::translate("Transaction", "This is not a legacy transaction (it starts with a type byte)."),
                           QStringLiteral("raw"));
    auto decoded = rlp::decode(raw);
    if (!decoded)
        return decoded.error();
    if (!decoded->isList || decoded->items.size() != 9)
        return txfields::malformed(QCoreApplication::translate("Transaction", "A legacy transaction is a list of 9 fields."));
    const QList<rlp::Item> &f = decoded->items;

    LegacyTransaction tx;
    auto nonce = f[0].toUInt64(QStringLiteral("nonce"));
    auto gasPrice = f[1].toUInt256(QStringLiteral("gasPrice"));
    auto gasLimit = f[2].toUInt64(QStringLiteral("gasLimit"));
    auto to = txfields::decodeTo(f[3]);
    auto value = f[4].toUInt256(QStringLiteral("value"));
    auto v = f[6].toUInt64(QStringLiteral("v"));
    if (!nonce)
        return nonce.error();
    if (!gasPrice)
        return gasPrice.error();
    if (!gasLimit)
        return gasLimit.error();
    if (!to)
        return to.error();
    if (!value)
        return value.error();
    if (f[5].isList)
        return txfields::malformed(QCoreApplication::translate("Transaction", "The data field is a list."), QStringLiteral("data"));
    if (!v)
        return v.error();
    tx.nonce = *nonce;
    tx.gasPrice = *gasPrice;
    tx.gasLimit = *gasLimit;
    tx.to = *to;
    tx.value = *value;
    tx.data = f[5].bytes;

    int recoveryId = 0;
    if (*v == 27 || *v == 28) {
        tx.chainId = 0;
        recoveryId = static_cast<int>(*v - 27);
    } else if (*v >= 37) {
        tx.chainId = (*v - 35) / 2;
        recoveryId = static_cast<int>((*v - 35) % 2);
    } else {
        return Error::make(QStringLiteral("transaction.bad_v"),
                           QCoreApplication::translate("Transaction", "v is neither 27/28 nor an EIP-155 value."), QStringLiteral("v"),
                           {{QStringLiteral("v"), QString::number(*v)}});
    }
    auto signature = txfields::decodeSignature(f[7], f[8], recoveryId);
    if (!signature)
        return signature.error();
    auto signedTx = tx.withSignature(*signature);
    if (!signedTx)
        return signedTx.error();
    Q_ASSERT(signedTx->raw == raw); // strict decoding leaves one encoding
    return DecodedTransaction<LegacyTransaction>{tx, *signedTx};
}

} // namespace icn
