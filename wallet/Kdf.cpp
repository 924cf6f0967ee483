#include "Kdf.h"

#include <QCoreApplication>

#include <openssl/evp.h>
#include <sodium.h>

#include <climits>

namespace icn {

namespace {

Error badParams(const QString &field, const QString &message, QVariantMap details = {})
{
    return Error::make(QStringLiteral("kdf.bad_params"), message, field, std::move(details));
}

Error tooExpensive(const QString &field, const QString &message, QVariantMap details = {})
{
    return Error::make(QStringLiteral("kdf.too_expensive"), message, field, std::move(details));
}

Result<void> checkSizes(qsizetype saltSize, qsizetype keySize)
{
    if (saltSize < 1 || saltSize > Kdf::kMaxSaltSize)
        return badParams(QStringLiteral("salt"),
                         QCoreApplication::translate("Kdf", "The salt must have 1 to %1 bytes, not %2.")
                             .arg(Kdf::kMaxSaltSize)
                             .arg(saltSize));
    if (keySize < 1 || keySize > Kdf::kMaxKeySize)
        return badParams(QStringLiteral("dklen"),
                         QCoreApplication::translate("Kdf", "The derived key must have 1 to %1 bytes, not %2.")
                             .arg(Kdf::kMaxKeySize)
                             .arg(keySize));
    return {};
}

} // namespace

Result<void> Kdf::checkScrypt(quint64 n, quint32 r, quint32 p, qsizetype saltSize, qsizetype keySize)
{
    if (n < 2 || (n & (n - 1)) != 0)
        return badParams(QStringLiteral("n"),
                         QCoreApplication::translate("Kdf", "The scrypt cost N must be a power of two of at least 2."),
                         {{QStringLiteral("n"), n}});
    if (n > kScryptMaxN)
        return tooExpensive(QStringLiteral("n"),
                            QCoreApplication::translate("Kdf", "The scrypt cost N = %1 is above the limit %2.").arg(n).arg(kScryptMaxN),
                            {{QStringLiteral("n"), n}, {QStringLiteral("limit"), kScryptMaxN}});
    if (r == 0)
        return badParams(QStringLiteral("r"), QCoreApplication::translate("Kdf", "The scrypt block size r must not be zero."));
    if (r > kScryptMaxR)
        return tooExpensive(QStringLiteral("r"),
                            QCoreApplication::translate("Kdf", "The scrypt block size r = %1 is above the limit %2.").arg(r).arg(kScryptMaxR),
                            {{QStringLiteral("r"), r}, {QStringLiteral("limit"), kScryptMaxR}});
    if (p == 0)
        return badParams(QStringLiteral("p"), QCoreApplication::translate("Kdf", "The scrypt parallelism p must not be zero."));
    if (p > kScryptMaxP)
        return tooExpensive(QStringLiteral("p"),
                            QCoreApplication::translate("Kdf", "The scrypt parallelism p = %1 is above the limit %2.").arg(p).arg(kScryptMaxP),
                            {{QStringLiteral("p"), p}, {QStringLiteral("limit"), kScryptMaxP}});
    // Each factor is bounded above, so these products cannot overflow 64 bits.
    const quint64 memory = quint64(128) * r * n;
    if (memory > kScryptMaxMemory)
        return tooExpensive(QStringLiteral("n"),
                            QCoreApplication::translate("Kdf", "scrypt with N = %1 and r = %2 would need %3 MiB of memory (limit %4 MiB).")
                                .arg(n)
                                .arg(r)
                                .arg(memory >> 20)
                                .arg(kScryptMaxMemory >> 20),
                            {{QStringLiteral("memory"), memory}, {QStringLiteral("limit"), kScryptMaxMemory}});
    const quint64 work = n * r * p;
    if (work > kScryptMaxWork)
        return tooExpensive(QStringLiteral("p"),
                            QCoreApplication::translate("Kdf", "scrypt with N·r·p = %1 is above the work limit %2.").arg(work).arg(kScryptMaxWork),
                            {{QStringLiteral("work"), work}, {QStringLiteral("limit"), kScryptMaxWork}});
    return checkSizes(saltSize, keySize);
}

Result<void> Kdf::checkPbkdf2(quint64 iterations, qsizetype saltSize, qsizetype keySize)
{
    if (iterations == 0)
        return badParams(QStringLiteral("c"), QCoreApplication::translate("Kdf", "The PBKDF2 iteration count must not be zero."));
    if (iterations > kPbkdf2MaxIterations)
        return tooExpensive(QStringLiteral("c"),
                            QCoreApplication::translate("Kdf", "The PBKDF2 iteration count %1 is above the limit %2.")
                                .arg(iterations)
                                .arg(kPbkdf2MaxIterations),
                            {{QStringLiteral("c"), iterations}, {QStringLiteral("limit"), kPbkdf2MaxIterations}});
    return checkSizes(saltSize, keySize);
}

Result<SecureBytes> Kdf::scrypt(const SecureBytes &password, QByteArrayView salt, quint64 n, quint32 r, quint32 p,
                                qsizetype keySize)
{
    if (auto ok = checkScrypt(n, r, p, salt.size(), keySize); !ok)
        return ok.error();
    if (sodium_init() < 0)
        return Error::make(QStringLiteral("kdf.failed"), QCoreApplication::translate("Kdf", "libsodium could not be initialised."));
    SecureBytes key(static_cast<std::size_t>(keySize));
    // libsodium wants non-null pointers even for an empty password.
    static const unsigned char empty = 0;
    const unsigned char *pass = password.isEmpty() ? &empty : password.data();
    if (crypto_pwhash_scryptsalsa208sha256_ll(pass, password.size(), reinterpret_cast<const uint8_t *>(salt.data()),
                                              static_cast<size_t>(salt.size()), n, r, p, key.data(), key.size())
        != 0)
        return Error::make(QStringLiteral("kdf.failed"),
                           QCoreApplication::translate("Kdf", "scrypt failed (probably out of memory)."));
    return key;
}

Result<SecureBytes> Kdf::pbkdf2Sha256(const SecureBytes &password, QByteArrayView salt, quint64 iterations,
                                      qsizetype keySize)
{
    if (auto ok = checkPbkdf2(iterations, salt.size(), keySize); !ok)
        return ok.error();
    static_assert(kPbkdf2MaxIterations <= quint64(INT_MAX));
    SecureBytes key(static_cast<std::size_t>(keySize));
    if (PKCS5_PBKDF2_HMAC(password.constChar(), static_cast<int>(password.size()),
                          reinterpret_cast<const unsigned char *>(salt.data()), static_cast<int>(salt.size()),
                          static_cast<int>(iterations), EVP_sha256(), static_cast<int>(keySize), key.data())
        != 1)
        return Error::make(QStringLiteral("kdf.failed"), QCoreApplication::translate("Kdf", "PBKDF2 failed."));
    return key;
}

} // namespace icn
