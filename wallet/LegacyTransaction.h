#pragma once

#include "Address.h"
#include "Result.h"
#include "SecureBytes.h"
#include "SignedTransaction.h"
#include "UInt256.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace icn {

// A pre-typed ("legacy") Ethereum transaction with EIP-155 replay protection:
// signed over rlp([nonce, gasPrice, gasLimit, to, value, data, chainId, 0, 0]) and sent as
// rlp([nonce, gasPrice, gasLimit, to, value, data, v, r, s]) with v = chainId * 2 + 35 + recoveryId.
struct LegacyTransaction
{
    // Chain ids above this make v overflow 64 bits (EIP-2294's bound).
    static constexpr quint64 kMaxChainId = 9223372036854775771ULL;
    static constexpr quint64 kMinGasLimit = 21000; // the intrinsic gas of any transaction

    quint64 chainId = 1; // 0 only when reading a pre-EIP-155 transaction (v = 27/28); never signed
    quint64 nonce = 0;
    UInt256 gasPrice;    // wei per gas
    quint64 gasLimit = kMinGasLimit;
    std::optional<Address> to; // nullopt creates a contract
    UInt256 value;       // wei
    QByteArray data;

    // What sign() checks: chain id in [1, kMaxChainId] ("transaction.bad_chain_id"), gas limit
    // at least 21000 ("transaction.gas_limit_too_low"), a recipient that is not an empty
    // Address ("transaction.null_recipient").
    Result<void> validate() const;

    QByteArray signingPayload() const; // the RLP list hashed for signing
    QByteArray signingHash() const;    // keccak256(signingPayload())

    Result<SignedTransaction> sign(const SecureBytes &privateKey) const;
    // Encodes the transaction with a given signature and recovers its sender.
    Result<SignedTransaction> withSignature(const Signature &signature) const;

    // Strict decoding of a raw signed legacy transaction; the sender is recovered.
    static Result<DecodedTransaction<LegacyTransaction>> decode(QByteArrayView raw);

    friend bool operator==(const LegacyTransaction &a, const LegacyTransaction &b) = default;
};

} // namespace icn
