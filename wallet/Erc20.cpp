#include "Erc20.h"

#include "Keccak.h"

#include <QCoreApplication>

namespace icn::erc20 {

Address icntOnBase()
{
    static const Address address = *Address::fromBytes(QByteArray::fromHex("e0cd4cacddcbf4f36e845407ce53e87717b6601d"));
    return address;
}

std::optional<Address> icntTokenFor(quint64 chainId)
{
    if (chainId == kBaseChainId)
        return icntOnBase();
    if (chainId == kEthereumChainId)
        return *Address::fromBytes(QByteArray::fromHex("e5e0b73380181273abcfd88695f52c4d0c825661"));
    return std::nullopt;
}

QByteArray transferSelector()
{
    return keccak256("transfer(address,uint256)").left(4);
}

Result<QByteArray> transferCalldata(const Address &recipient, Amount amount)
{
    if (amount.isNegative())
        return Error::make(QStringLiteral("erc20.negative_amount"),
                           QCoreApplication::translate("Erc20", "A transfer amount cannot be negative."), QStringLiteral("amount"),
                           {{QStringLiteral("amount"), amount.toStorage()}});
    if (recipient.isNull())
        return Error::make(QStringLiteral("erc20.null_recipient"),
                           QCoreApplication::translate("Erc20", "The recipient address is empty."), QStringLiteral("to"));
    return transferSelector() + QByteArray(12, '\0') + recipient.bytes()
           + UInt256::fromUInt128(static_cast<UInt128>(amount.baseUnits())).toBigEndian32();
}

Result<Eip1559Transaction> transferTransaction(const Address &recipient, Amount amount, const TransferParams &params)
{
    auto calldata = transferCalldata(recipient, amount);
    if (!calldata)
        return calldata.error();
    if (params.token.isNull())
        return Error::make(QStringLiteral("erc20.null_token"),
                           QCoreApplication::translate("Erc20", "The token contract address is empty."), QStringLiteral("token"));
    Eip1559Transaction tx;
    tx.chainId = params.chainId;
    tx.nonce = params.nonce;
    tx.maxFeePerGas = params.maxFeePerGas;
    tx.maxPriorityFeePerGas = params.maxPriorityFeePerGas;
    tx.gasLimit = params.gasLimit;
    tx.to = params.token;
    tx.data = *calldata;
    if (auto valid = tx.validate(); !valid)
        return valid.error();
    return tx;
}

} // namespace icn::erc20
