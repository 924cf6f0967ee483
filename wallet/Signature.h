#pragma once

#include "Result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace icn {

// A secp256k1 recoverable ECDSA signature in Ethereum's canonical form: r and s are 32 big-endian
// bytes each, 1 <= r, s < n, and s is "low" (s <= n/2, EIP-2), so every signature has one encoding.
struct Signature
{
    QByteArray r;         // 32 bytes
    QByteArray s;         // 32 bytes
    int recoveryId = 0;   // 0 or 1: the parity of the nonce point's y

    // 65 bytes r || s || (27 + recoveryId), as eth_sign / eth_signTypedData return it.
    QByteArray toRsv() const;
    // Accepts v = 27/28 or 0/1. Refuses: a length other than 65 ("signature.wrong_length"),
    // another v ("signature.bad_recovery_id"), r or s zero or >= n ("signature.out_of_range"),
    // high s ("signature.high_s").
    static Result<Signature> fromRsv(QByteArrayView bytes);
    // From the parts (r and s big-endian, at most 32 bytes each, left-padded), same checks.
    static Result<Signature> fromParts(QByteArrayView r, QByteArrayView s, int recoveryId);

    // True when both scalars are in range and s is low; what every constructor above enforces.
    bool isCanonical() const;

    friend bool operator==(const Signature &a, const Signature &b) = default;
};

} // namespace icn
