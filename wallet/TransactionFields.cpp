#include "TransactionFields.h"

#include <QCoreApplication>

namespace icn::txfields {

QByteArray encodeTo(const std::optional<Address> &to)
{
    return rlp::encodeBytes(to ? to->bytes() : QByteArray());
}

Result<std::optional<Address>> decodeTo(const rlp::Item &item)
{
    if (item.isList || (!item.bytes.isEmpty() && item.bytes.size() != 20))
        return malformed(QCoreApplication::translate("Transaction", "The recipient is neither 20 bytes nor empty."),
                         QStringLiteral("to"));
    if (item.bytes.isEmpty())
        return std::optional<Address>();
    return std::optional<Address>(*Address::fromBytes(item.bytes));
}

Result<Signature> decodeSignature(const rlp::Item &r, const rlp::Item &s, int recoveryId)
{
    auto rValue = r.toUInt256(QStringLiteral("r"));
    if (!rValue)
        return rValue.error();
    auto sValue = s.toUInt256(QStringLiteral("s"));
    if (!sValue)
        return sValue.error();
    return Signature::fromParts(rValue->toBigEndian32(), sValue->toBigEndian32(), recoveryId);
}

Result<void> validate(quint64 chainId, quint64 maxChainId, quint64 gasLimit, const std::optional<Address> &to)
{
    if (chainId == 0 || chainId > maxChainId)
        return Error::make(QStringLiteral("transaction.bad_chain_id"),
                           QCoreApplication::translate("Transaction", "The chain id must be between 1 and %1.").arg(maxChainId),
                           QStringLiteral("chainId"), {{QStringLiteral("chainId"), QString::number(chainId)}});
    if (gasLimit < 21000)
        return Error::make(QStringLiteral("transaction.gas_limit_too_low"),
                           QCoreApplication::translate("Transaction", "The gas limit must be at least 21000, the cost of any transaction."),
                           QStringLiteral("gasLimit"), {{QStringLiteral("gasLimit"), QString::number(gasLimit)}});
    if (to && to->isNull())
        return Error::make(QStringLiteral("transaction.null_recipient"),
                           QCoreApplication::translate("Transaction", "The recipient address is empty."), QStringLiteral("to"));
    return {};
}

Error malformed(const QString &message, const QString &field)
{
    return Error::make(QStringLiteral("transaction.malformed"), message, field);
}

} // namespace icn::txfields
