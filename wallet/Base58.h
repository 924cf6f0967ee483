#pragma once

#include "Result.h"
#include "SecureBytes.h"

#include <QByteArrayView>

namespace icn::base58 {

// Bitcoin's Base58 alphabet (no 0, O, I, l). Leading zero bytes become leading '1's.
// Inputs and outputs are SecureBytes because extended private keys travel through here.
SecureBytes encode(QByteArrayView bytes);
// Refuses any character outside the alphabet ("base58.bad_character", with its position).
Result<SecureBytes> decode(QByteArrayView text);

// Base58Check: payload || first 4 bytes of SHA-256(SHA-256(payload)).
SecureBytes encodeCheck(QByteArrayView payload);
// Decodes and verifies the checksum ("base58.bad_checksum"); returns the payload.
Result<SecureBytes> decodeCheck(QByteArrayView text);

} // namespace icn::base58
