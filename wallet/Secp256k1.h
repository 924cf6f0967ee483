#pragma once

#include "Result.h"
#include "SecureBytes.h"

#include <QByteArray>

struct secp256k1_context_struct;

namespace icn::secp256k1 {

// The process-wide libsecp256k1 context (sign + verify, randomized once at first use).
const secp256k1_context_struct *context();

// True when `privateKey` is 32 bytes and in [1, n-1].
bool isValidPrivateKey(const SecureBytes &privateKey);

// 65-byte uncompressed (0x04 || X || Y) or 33-byte compressed public key of a private key.
Result<QByteArray> publicKey(const SecureBytes &privateKey, bool compressed = false);

// Re-serializes a public key given in either form (validates that it is on the curve).
Result<QByteArray> convertPublicKey(QByteArrayView publicKey, bool compressed);

} // namespace icn::secp256k1
