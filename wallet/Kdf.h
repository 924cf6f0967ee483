#pragma once

#include "Result.h"
#include "SecureBytes.h"

#include <QByteArrayView>

namespace icn {

// Password-based key derivation for keystores: scrypt (libsodium's low-level scrypt, which unlike
// OpenSSL 3 accepts the N ≥ 2^(16r) parameters of older keystores) and PBKDF2-HMAC-SHA256 (OpenSSL).
// Parameters are checked against the limits below BEFORE anything is allocated, so a hostile
// keystore file cannot make us reserve gigabytes or spin for minutes. Thread-safe (no state).
class Kdf
{
public:
    // scrypt: N a power of two in [2, 2^20]; r in [1, 32]; p in [1, 16];
    // memory 128·r·N bytes at most 1 GiB; work N·r·p at most 2^24 (8× the default 2^18·8·1).
    static constexpr quint64 kScryptMaxN = quint64(1) << 20;
    static constexpr quint32 kScryptMaxR = 32;
    static constexpr quint32 kScryptMaxP = 16;
    static constexpr quint64 kScryptMaxMemory = quint64(1) << 30;
    static constexpr quint64 kScryptMaxWork = quint64(1) << 24;
    // PBKDF2: c in [1, 2^23] (32× the default 262144).
    static constexpr quint64 kPbkdf2MaxIterations = quint64(1) << 23;
    // Salt length in bytes: [1, 1024].
    static constexpr qsizetype kMaxSaltSize = 1024;
    // Derived key length in bytes: [1, 64] (keystores use 32).
    static constexpr qsizetype kMaxKeySize = 64;

    // "kdf.bad_params" (zero, not a power of two, bad sizes) or "kdf.too_expensive" (over a cap).
    // `field` names the offending parameter in the error ("n", "r", "p", "c", "salt", "dklen").
    static Result<void> checkScrypt(quint64 n, quint32 r, quint32 p, qsizetype saltSize, qsizetype keySize);
    static Result<void> checkPbkdf2(quint64 iterations, qsizetype saltSize, qsizetype keySize);

    // The derived key, or the check's error, or "kdf.failed" (out of memory, library error).
    static Result<SecureBytes> scrypt(const SecureBytes &password, QByteArrayView salt, quint64 n, quint32 r,
                                      quint32 p, qsizetype keySize);
    static Result<SecureBytes> pbkdf2Sha256(const SecureBytes &password, QByteArrayView salt, quint64 iterations,
                                            qsizetype keySize);
};

} // namespace icn
