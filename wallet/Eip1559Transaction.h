#pragma once

#include "Address.h"
#include "Result.h"
#include "SecureBytes.h"
#include "SignedTransaction.h"
#include "UInt256.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace icn {

// One EIP-2930 access list entry: a contract and the storage slots (32 bytes each) it will touch.
struct AccessListEntry
{
    Address address;
    QList<QByteArray> storageKeys;

    friend bool operator==(const AccessListEntry &a, const AccessListEntry &b) = default;
};

// An EIP-1559 (type 2) transaction. Signed over
//   keccak256(0x02 || rlp([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data, accessList]))
// and sent as 0x02 || rlp([...the same 9 fields, yParity, r, s]).
struct Eip1559Transaction
{
    static constexpr quint8 kType = 0x02;
    static constexpr quint64 kMaxChainId = 9223372036854775771ULL; // as for legacy transactions

    quint64 chainId = 8453; // Base
    quint64 nonce = 0;
    UInt256 maxPriorityFeePerGas; // wei per gas, tip to the block producer
    UInt256 maxFeePerGas;         // wei per gas, cap on base fee + tip
    quint64 gasLimit = 21000;
    std::optional<Address> to;    // nullopt creates a contract
    UInt256 value;                // wei
    QByteArray data;
    QList<AccessListEntry> accessList;

    // What sign() checks: chain id in [1, kMaxChainId] ("transaction.bad_chain_id"), gas limit at
    // least 21000 ("transaction.gas_limit_too_low"), tip not above the fee cap
    // ("transaction.priority_fee_above_max_fee"), a non-empty recipient ("transaction.null_recipient"),
    // 20-byte access list addresses and 32-byte storage keys ("transaction.bad_access_list").
    Result<void> validate() const;

    QByteArray signingPayload() const; // 0x02 || rlp(9 fields)
    QByteArray signingHash() const;    // keccak256(signingPayload())

    Result<SignedTransaction> sign(const SecureBytes &privateKey) const;
    // Encodes the transaction with a given signature and recovers its sender.
    Result<SignedTransaction> withSignature(const Signature &signature) const;

    // A fee per gas given in gwei as exact decimal text ("1.5", at most 9 decimals, no sign), in wei.
    // Errors are parseFixed's "amount.*" codes, with `field` set.
    static Result<UInt256> parseGwei(QStringView text, const QString &field);

    // Strict decoding of 0x02 || rlp(12 fields); the sender is recovered.
    static Result<DecodedTransaction<Eip1559Transaction>> decode(QByteArrayView raw);

    friend bool operator==(const Eip1559Transaction &a, const Eip1559Transaction &b) = default;
};

} // namespace icn
