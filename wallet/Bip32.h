#pragma once

#include "HdPath.h"
#include "Result.h"
#include "SecureBytes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace icn::Bip32 {

// Serialization versions of mainnet extended keys ("xprv…" and "xpub…").
inline constexpr quint32 kVersionXprv = 0x0488ADE4u;
inline constexpr quint32 kVersionXpub = 0x0488B21Eu;

// A BIP-32 extended key: a secp256k1 key plus its chain code and its place in the tree.
// A private extended key can derive hardened and normal children; a public one ("neutered")
// only normal children. The private key and chain code are held in SecureBytes.
//
// Errors: "bip32.bad_seed_length", "bip32.invalid_seed" (unusable master key, p < 2^-127),
// "bip32.invalid_child" (unusable child, p < 2^-127: skip to the next index),
// "bip32.hardened_from_public", "bip32.too_deep", "bip32.no_private_key", and for parse():
// "bip32.bad_base58", "bip32.bad_checksum", "bip32.wrong_length", "bip32.unknown_version",
// "bip32.invalid_private_key" (bad 0x00 prefix or key not in 1..n-1),
// "bip32.invalid_public_key" (bad prefix or not on the curve), "bip32.bad_master" (depth 0
// with a parent fingerprint or child number). Every error's field is "key" (or "seed", "path").
class ExtendedKey
{
public:
    // The master key of a 16..64-byte seed: HMAC-SHA512("Bitcoin seed", seed).
    static Result<ExtendedKey> fromSeed(const SecureBytes &seed);
    // Parses a Base58Check "xprv…" or "xpub…" (78 bytes), checking every field.
    // The text may be an xprv, so pass a SecureBytes' view() when it is one.
    static Result<ExtendedKey> parse(QByteArrayView base58);

    // CKDpriv for a private key (hardened or normal index), CKDpub for a public one (normal only).
    Result<ExtendedKey> deriveChild(quint32 index) const;
    // Applies the path's steps one after another, starting from this key (normally the master).
    Result<ExtendedKey> derive(const HdPath &path) const;
    // Parses the path text first (HdPath::parse errors), then derives.
    Result<ExtendedKey> derive(QStringView path) const;
    // The public extended key of this key (N() in BIP-32).
    ExtendedKey neutered() const;

    bool isPrivate() const { return !m_privateKey.isEmpty(); }
    // The 32-byte private key, empty for a public extended key.
    const SecureBytes &privateKey() const { return m_privateKey; }
    // The 33-byte compressed public key.
    const QByteArray &publicKey() const { return m_publicKey; }
    // The 65-byte uncompressed public key (0x04 || X || Y), as Ethereum tools show it.
    QByteArray uncompressedPublicKey() const;
    const SecureBytes &chainCode() const { return m_chainCode; }
    quint8 depth() const { return m_depth; }
    quint32 parentFingerprint() const { return m_parentFingerprint; }
    quint32 childNumber() const { return m_childNumber; }
    // The first 32 bits of HASH160(public key), which children store as their parent fingerprint.
    quint32 fingerprint() const;

    // Base58Check "xprv…" (a secret, hence SecureBytes of ASCII); "bip32.no_private_key" for a public key.
    Result<SecureBytes> toXprv() const;
    // Base58Check "xpub…".
    QString toXpub() const;

private:
    ExtendedKey() = default;
    SecureBytes serialize(bool asPrivate) const;

    SecureBytes m_privateKey;
    QByteArray m_publicKey;
    SecureBytes m_chainCode;
    quint8 m_depth = 0;
    quint32 m_parentFingerprint = 0;
    quint32 m_childNumber = 0;
};

} // namespace icn::Bip32
