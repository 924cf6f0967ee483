#include "Bip32.h"

#include "Base58.h"
#include "Secp256k1.h"

#include <QCoreApplication>
#include <QtEndian>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include <secp256k1.h>

#include <algorithm>

namespace icn::Bip32 {

namespace {

constexpr qsizetype kSerializedSize = 78;
const QString kKeyField = QStringLiteral("key");

QString tr(const char *text)
{
    return QCoreApplication::translate("Bip32", text);
}

Error error(const char *code, const QString &message, const QString &field = kKeyField)
{
    return Error::make(QString::fromLatin1(code), message, field);
}

SecureBytes hmacSha512(QByteArrayView key, QByteArrayView data)
{
    SecureBytes out(64);
    unsigned int length = 64;
    HMAC(EVP_sha512(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char *>(data.data()),
         static_cast<std::size_t>(data.size()), out.data(), &length);
    return out;
}

QByteArray hash160(QByteArrayView data)
{
    unsigned char sha[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char *>(data.data()), static_cast<std::size_t>(data.size()), sha);
    unsigned char ripemd[EVP_MAX_MD_SIZE];
    size_t length = 0;
    const int ok = EVP_Q_digest(nullptr, "RIPEMD160", nullptr, sha, sizeof(sha), ripemd, &length);
    // RIPEMD-160 is in OpenSSL 3's default provider since 3.0.7; Debian 12 ships 3.0.x ≥ 3.0.9.
    Q_ASSERT(ok == 1 && length == 20);
    if (ok != 1)
        return QByteArray(20, '\0');
    return QByteArray(reinterpret_cast<const char *>(ripemd), 20);
}

void putBigEndian32(unsigned char *at, quint32 value)
{
    qToBigEndian(value, at);
}

quint32 bigEndian32(const unsigned char *at)
{
    return qFromBigEndian<quint32>(at);
}

QByteArray serializePoint(const secp256k1_pubkey &point)
{
    unsigned char out[33];
    size_t length = sizeof(out);
    secp256k1_ec_pubkey_serialize(secp256k1::context(), out, &length, &point, SECP256K1_EC_COMPRESSED);
    return QByteArray(reinterpret_cast<const char *>(out), static_cast<qsizetype>(length));
}

} // namespace

Result<ExtendedKey> ExtendedKey::fromSeed(const SecureBytes &seed)
{
    if (seed.size() < 16 || seed.size() > 64)
        return error("bip32.bad_seed_length", tr("A BIP-32 seed has 16 to 64 bytes, not %1.").arg(seed.size()),
                     QStringLiteral("seed"));
    const SecureBytes i = hmacSha512("Bitcoin seed", seed.view());
    ExtendedKey key;
    key.m_privateKey = SecureBytes(i.view().first(32));
    key.m_chainCode = SecureBytes(i.view().sliced(32));
    auto publicKey = secp256k1::publicKey(key.m_privateKey, true);
    if (!publicKey)
        return error("bip32.invalid_seed", tr("This seed gives no valid master key; use another seed."),
                     QStringLiteral("seed"));
    key.m_publicKey = *publicKey;
    return key;
}

Result<ExtendedKey> ExtendedKey::deriveChild(quint32 index) const
{
    if (m_depth == HdPath::kMaxDepth)
        return error("bip32.too_deep", tr("An extended key can be derived at most 255 levels deep."), QStringLiteral("path"));
    const bool hardened = HdPath::isHardened(index);
    if (hardened && !isPrivate())
        return error("bip32.hardened_from_public",
                     tr("A hardened child (') cannot be derived from a public extended key."), QStringLiteral("path"));

    // data = ser256(k) with a 0x00 prefix for hardened children, serP(K) otherwise; then ser32(i).
    SecureBytes data(37);
    if (hardened)
        std::copy(m_privateKey.data(), m_privateKey.data() + 32, data.data() + 1);
    else
        std::copy(m_publicKey.begin(), m_publicKey.end(), data.data());
    putBigEndian32(data.data() + 33, index);
    const SecureBytes i = hmacSha512(m_chainCode.view(), data.view());

    const Error invalidChild = Error::make(QStringLiteral("bip32.invalid_child"),
                                           tr("Child %1 is not a valid key (this happens with probability below 2^-127); "
                                              "use the next index.")
                                               .arg(index & ~HdPath::kHardened),
                                           QStringLiteral("path"), {{QStringLiteral("index"), index}});
    ExtendedKey child;
    child.m_chainCode = SecureBytes(i.view().sliced(32));
    child.m_depth = static_cast<quint8>(m_depth + 1);
    child.m_parentFingerprint = fingerprint();
    child.m_childNumber = index;
    if (isPrivate()) {
        // k_i = parse256(I_L) + k_par (mod n); the tweak fails when I_L ≥ n or k_i = 0.
        child.m_privateKey = m_privateKey;
        if (secp256k1_ec_seckey_tweak_add(secp256k1::context(), child.m_privateKey.data(), i.data()) != 1)
            return invalidChild;
        auto publicKey = secp256k1::publicKey(child.m_privateKey, true);
        if (!publicKey)
            return invalidChild;
        child.m_publicKey = *publicKey;
    } else {
        // K_i = point(parse256(I_L)) + K_par; fails when I_L ≥ n or K_i is the point at infinity.
        secp256k1_pubkey point;
        if (secp256k1_ec_pubkey_parse(secp256k1::context(), &point,
                                      reinterpret_cast<const unsigned char *>(m_publicKey.constData()),
                                      static_cast<size_t>(m_publicKey.size()))
                != 1
            || secp256k1_ec_pubkey_tweak_add(secp256k1::context(), &point, i.data()) != 1)
            return invalidChild;
        child.m_publicKey = serializePoint(point);
    }
    return child;
}

Result<ExtendedKey> ExtendedKey::derive(const HdPath &path) const
{
    Result<ExtendedKey> key = *this;
    for (const quint32 index : path.indexes()) {
        key = key->deriveChild(index);
        if (!key)
            return key.error();
    }
    return key;
}

Result<ExtendedKey> ExtendedKey::derive(QStringView path) const
{
    auto parsed = HdPath::parse(path);
    if (!parsed)
        return parsed.error();
    return derive(*parsed);
}

ExtendedKey ExtendedKey::neutered() const
{
    ExtendedKey key = *this;
    key.m_privateKey.clear();
    return key;
}

QByteArray ExtendedKey::uncompressedPublicKey() const
{
    auto key = secp256k1::convertPublicKey(m_publicKey, false);
    Q_ASSERT(key.ok()); // m_publicKey is always a valid point
    return key.ok() ? *key : QByteArray();
}

quint32 ExtendedKey::fingerprint() const
{
    return bigEndian32(reinterpret_cast<const unsigned char *>(hash160(m_publicKey).constData()));
}

SecureBytes ExtendedKey::serialize(bool asPrivate) const
{
    // version(4) depth(1) parent fingerprint(4) child number(4) chain code(32) key(33)
    SecureBytes out(kSerializedSize);
    unsigned char *at = out.data();
    putBigEndian32(at, asPrivate ? kVersionXprv : kVersionXpub);
    at[4] = m_depth;
    putBigEndian32(at + 5, m_parentFingerprint);
    putBigEndian32(at + 9, m_childNumber);
    std::copy(m_chainCode.data(), m_chainCode.data() + 32, at + 13);
    if (asPrivate)
        std::copy(m_privateKey.data(), m_privateKey.data() + 32, at + 46); // at[45] stays 0x00
    else
        std::copy(m_publicKey.begin(), m_publicKey.end(), at + 45);
    return base58::encodeCheck(out.view());
}

Result<SecureBytes> ExtendedKey::toXprv() const
{
    if (!isPrivate())
        return error("bip32.no_private_key", tr("This is a public extended key; it has no xprv form."));
    return serialize(true);
}

QString ExtendedKey::toXpub() const
{
    return QString::fromLatin1(serialize(false).view());
}

Result<ExtendedKey> ExtendedKey::parse(QByteArrayView base58)
{
    auto decoded = base58::decodeCheck(base58.trimmed());
    if (!decoded) {
        if (decoded.error().code == QLatin1String("base58.bad_checksum"))
            return error("bip32.bad_checksum",
                         tr("The extended key's checksum does not match; check it for a typing error."));
        return error("bip32.bad_base58", tr("The extended key contains a character that is not Base58."));
    }
    if (decoded->size() != kSerializedSize)
        return error("bip32.wrong_length", tr("An extended key holds 78 bytes, not %1.").arg(decoded->size()));

    const unsigned char *at = decoded->data();
    const quint32 version = bigEndian32(at);
    if (version != kVersionXprv && version != kVersionXpub)
        return error("bip32.unknown_version", tr("This is not an xprv or xpub key (unknown version %1).")
                                                  .arg(version, 8, 16, QLatin1Char('0')));
    ExtendedKey key;
    key.m_depth = at[4];
    key.m_parentFingerprint = bigEndian32(at + 5);
    key.m_childNumber = bigEndian32(at + 9);
    if (key.m_depth == 0 && (key.m_parentFingerprint != 0 || key.m_childNumber != 0))
        return error("bip32.bad_master", tr("A master key (depth 0) cannot have a parent fingerprint or child number."));
    key.m_chainCode = SecureBytes(decoded->view().sliced(13, 32));

    const QByteArrayView keyData = decoded->view().sliced(45, 33);
    if (version == kVersionXprv) {
        const Error invalid = error("bip32.invalid_private_key", tr("The extended private key's key is not valid."));
        if (keyData[0] != 0)
            return invalid;
        key.m_privateKey = SecureBytes(keyData.sliced(1));
        auto publicKey = secp256k1::publicKey(key.m_privateKey, true); // checks 1 ≤ k ≤ n-1
        if (!publicKey)
            return invalid;
        key.m_publicKey = *publicKey;
    } else {
        const Error invalid = error("bip32.invalid_public_key", tr("The extended public key's key is not a valid point."));
        if (keyData[0] != 0x02 && keyData[0] != 0x03)
            return invalid;
        auto publicKey = secp256k1::convertPublicKey(keyData, true); // checks that it is on the curve
        if (!publicKey)
            return invalid;
        key.m_publicKey = *publicKey;
    }
    return key;
}

} // namespace icn::Bip32
