#include "Signer.h"

#include "Keccak.h"
#include "Secp256k1.h"

#include <QCoreApplication>

#include <secp256k1.h>
#include <secp256k1_recovery.h>

#include <algorithm>
#include <array>

namespace icn::signer {

namespace {

Error badDigest(qsizetype size)
{
    return Error::make(QStringLiteral("signer.bad_digest_length"),
                       QCoreApplication::translate("Signer", "A digest to sign has 32 bytes, not %1.").arg(size),
                       QStringLiteral("digest"), {{QStringLiteral("expected"), 32}, {QStringLiteral("actual"), size}});
}

Error invalidKey()
{
    return Error::make(QStringLiteral("key.invalid_private_key"),
                       QCoreApplication::translate("Signer", "The private key is not a valid secp256k1 key."),
                       QStringLiteral("privateKey"));
}

const unsigned char *bytes(QByteArrayView view)
{
    return reinterpret_cast<const unsigned char *>(view.data());
}

} // namespace

Result<Signature> signDigest(const SecureBytes &privateKey, QByteArrayView digest32)
{
    if (digest32.size() != 32)
        return badDigest(digest32.size());
    if (!secp256k1::isValidPrivateKey(privateKey))
        return invalidKey();
    secp256k1_ecdsa_recoverable_signature sig;
    // A null nonce function selects RFC 6979, so the same key and digest give the same signature.
    if (secp256k1_ecdsa_sign_recoverable(secp256k1::context(), &sig, bytes(digest32), privateKey.data(), nullptr, nullptr) != 1)
        return invalidKey();
    std::array<unsigned char, 64> compact{};
    int recoveryId = 0;
    secp256k1_ecdsa_recoverable_signature_serialize_compact(secp256k1::context(), compact.data(), &recoveryId, &sig);
    // libsecp256k1 already emits low-s; ids 2 and 3 (r >= n after reduction) have probability ~2^-127,
    // and fromParts refuses them rather than produce something Ethereum cannot encode.
    return Signature::fromParts(QByteArrayView(compact.data(), 32), QByteArrayView(compact.data() + 32, 32), recoveryId);
}

Result<QByteArray> recoverPublicKey(QByteArrayView digest32, const Signature &signature)
{
    if (digest32.size() != 32)
        return badDigest(digest32.size());
    // Re-check the parts: a Signature is a plain struct and may have been filled by hand.
    auto checked = Signature::fromParts(signature.r, signature.s, signature.recoveryId);
    if (!checked)
        return checked.error();
    std::array<unsigned char, 64> compact{};
    std::copy_n(bytes(checked->r), 32, compact.begin());
    std::copy_n(bytes(checked->s), 32, compact.begin() + 32);
    const Error failed = Error::make(QStringLiteral("signature.recovery_failed"),
                                     QCoreApplication::translate("Signer", "No public key matches this signature."),
                                     QStringLiteral("signature"));
    secp256k1_ecdsa_recoverable_signature sig;
    if (secp256k1_ecdsa_recoverable_signature_parse_compact(secp256k1::context(), &sig, compact.data(), checked->recoveryId) != 1)
        return failed;
    secp256k1_pubkey pub;
    if (secp256k1_ecdsa_recover(secp256k1::context(), &pub, &sig, bytes(digest32)) != 1)
        return failed;
    std::array<unsigned char, 65> out{};
    size_t len = out.size();
    secp256k1_ec_pubkey_serialize(secp256k1::context(), out.data(), &len, &pub, SECP256K1_EC_UNCOMPRESSED);
    return QByteArray(reinterpret_cast<const char *>(out.data()), static_cast<qsizetype>(len));
}

Result<Address> recoverAddress(QByteArrayView digest32, const Signature &signature)
{
    auto pub = recoverPublicKey(digest32, signature);
    if (!pub)
        return pub.error();
    // The key came out of libsecp256k1 already valid and uncompressed: hash it without re-parsing.
    return Address::fromBytes(keccak256(QByteArrayView(*pub).sliced(1)).right(20));
}

Result<Address> addressOf(const SecureBytes &privateKey)
{
    auto pub = secp256k1::publicKey(privateKey, false);
    if (!pub)
        return invalidKey();
    return Address::fromPublicKey(*pub);
}

} // namespace icn::signer
