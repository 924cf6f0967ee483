#pragma once

#include "Address.h"
#include "Result.h"
#include "Rlp.h"
#include "Signature.h"

#include <QByteArray>

#include <optional>

// Encoding pieces shared by LegacyTransaction and Eip1559Transaction (internal to the wallet).
namespace icn::txfields {

// The `to` field: 20 bytes, or the empty string for a contract creation.
QByteArray encodeTo(const std::optional<Address> &to);
Result<std::optional<Address>> decodeTo(const rlp::Item &item);

// r and s as canonical RLP scalars, checked for range and low s.
Result<Signature> decodeSignature(const rlp::Item &r, const rlp::Item &s, int recoveryId);

// The checks common to every transaction type before signing.
Result<void> validate(quint64 chainId, quint64 maxChainId, quint64 gasLimit, const std::optional<Address> &to);

// "transaction.malformed" with a sentence saying what is wrong.
Error malformed(const QString &message, const QString &field = {});

} // namespace icn::txfields
