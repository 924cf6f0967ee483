#pragma once

#include "Address.h"
#include "Amount.h"
#include "Eip1559Transaction.h"
#include "Result.h"
#include "UInt256.h"

#include <QByteArray>

#include <optional>

// ERC-20 calls the wallet makes, and where ICNT lives.
namespace icn::erc20 {

inline constexpr quint64 kBaseChainId = 8453;
inline constexpr quint64 kEthereumChainId = 1;
inline constexpr int kIcntDecimals = 18;

// ICNT's token contract on Base (0xE0Cd4cAcDdcBF4f36e845407CE53E87717b6601d).
Address icntOnBase();
// The ICNT contract on a chain the wallet knows (Base and Ethereum mainnet), or nullopt.
std::optional<Address> icntTokenFor(quint64 chainId);

// The first 4 bytes of keccak256("transfer(address,uint256)"): a9059cbb.
QByteArray transferSelector();

// selector || recipient left-padded to 32 bytes || amount as a uint256. Refuses a negative amount
// ("erc20.negative_amount") and an empty recipient ("erc20.null_recipient").
Result<QByteArray> transferCalldata(const Address &recipient, Amount amount);

// What a token transfer needs besides the recipient and amount.
struct TransferParams
{
    quint64 chainId = kBaseChainId;
    Address token;        // the ERC-20 contract (icntOnBase() for ICNT on Base)
    quint64 nonce = 0;
    UInt256 maxFeePerGas; // wei
    UInt256 maxPriorityFeePerGas;
    quint64 gasLimit = 0;
};

// A type 2 transaction to the token contract with value 0 and the transfer calldata, validated.
Result<Eip1559Transaction> transferTransaction(const Address &recipient, Amount amount, const TransferParams &params);

} // namespace icn::erc20
