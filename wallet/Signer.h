#pragma once

#include "Address.h"
#include "Result.h"
#include "SecureBytes.h"
#include "Signature.h"

#include <QByteArray>
#include <QByteArrayView>

namespace icn::signer {

// Signs a 32-byte digest with libsecp256k1: RFC 6979 deterministic nonce (the library default),
// low-s. Errors: "key.invalid_private_key", "signer.bad_digest_length".
Result<Signature> signDigest(const SecureBytes &privateKey, QByteArrayView digest32);

// The 65-byte uncompressed public key that made `signature` over `digest32`.
// Errors: "signer.bad_digest_length", the Signature range errors, "signature.recovery_failed".
Result<QByteArray> recoverPublicKey(QByteArrayView digest32, const Signature &signature);

// The address of the key that made `signature` over `digest32`.
Result<Address> recoverAddress(QByteArrayView digest32, const Signature &signature);

// The address of a private key ("key.invalid_private_key" when it is not one).
Result<Address> addressOf(const SecureBytes &privateKey);

} // namespace icn::signer
