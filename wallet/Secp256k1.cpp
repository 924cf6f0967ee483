#include "Secp256k1.h"

#include <QCoreApplication>
#include <QtGlobal>

#include <openssl/rand.h>
#include <secp256k1.h>

#include <array>

namespace icn::secp256k1 {

namespace {

secp256k1_context *createContext()
{
    secp256k1_context *ctx = secp256k1_context_create(SECP256K1_CONTEXT_SIGN | SECP256K1_CONTEXT_VERIFY);
    std::array<unsigned char, 32> seed{};
    // Randomization only hardens against side channels; a failure leaves a correct context.
    if (RAND_bytes(seed.data(), static_cast<int>(seed.size())) == 1 && secp256k1_context_randomize(ctx, seed.data()) != 1)
        qWarning("secp256k1 context randomization failed");
    return ctx;
}

Error invalidKey()
{
    return Error::make(QStringLiteral("key.invalid_private_key"),
                       QCoreApplication::translate("Secp256k1", "The private key is not a valid secp256k1 key."));
}

} // namespace

const secp256k1_context_struct *context()
{
    static secp256k1_context *ctx = createContext();
    return ctx;
}

bool isValidPrivateKey(const SecureBytes &privateKey)
{
    return privateKey.size() == 32 && secp256k1_ec_seckey_verify(context(), privateKey.data()) == 1;
}

Result<QByteArray> publicKey(const SecureBytes &privateKey, bool compressed)
{
    if (!isValidPrivateKey(privateKey))
        return invalidKey();
    secp256k1_pubkey pub;
    if (secp256k1_ec_pubkey_create(context(), &pub, privateKey.data()) != 1)
        return invalidKey();
    unsigned char out[65];
    size_t len = sizeof(out);
    secp256k1_ec_pubkey_serialize(context(), out, &len, &pub, compressed ? SECP256K1_EC_COMPRESSED : SECP256K1_EC_UNCOMPRESSED);
    return QByteArray(reinterpret_cast<const char *>(out), static_cast<qsizetype>(len));
}

Result<QByteArray> convertPublicKey(QByteArrayView publicKey, bool compressed)
{
    secp256k1_pubkey pub;
    if (secp256k1_ec_pubkey_parse(context(), &pub, reinterpret_cast<const unsigned char *>(publicKey.data()),
                                  static_cast<size_t>(publicKey.size())) != 1)
        return Error::make(QStringLiteral("key.invalid_public_key"),
                           QCoreApplication::translate("Secp256k1", "The public key is not a point on secp256k1."));
    unsigned char out[65];
    size_t len = sizeof(out);
    secp256k1_ec_pubkey_serialize(context(), out, &len, &pub, compressed ? SECP256K1_EC_COMPRESSED : SECP256K1_EC_UNCOMPRESSED);
    return QByteArray(reinterpret_cast<const char *>(out), static_cast<qsizetype>(len));
}

} // namespace icn::secp256k1
