#include "Keystore.h"

#include "Hex.h"
#include "Kdf.h"
#include "Keccak.h"
#include "Secp256k1.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QUuid>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <cmath>
#include <memory>

namespace icn {

namespace {

constexpr qsizetype kDerivedKeySize = 32;
constexpr qsizetype kIvSize = 16;
constexpr qsizetype kMacSize = 32;
constexpr qsizetype kSaltSize = 32;
constexpr qsizetype kPrivateKeySize = 32;

QString tr(const char *text)
{
    return QCoreApplication::translate("Keystore", text);
}

Error keystoreError(const char *code, const QString &message, const QString &field = {}, QVariantMap details = {})
{
    return Error::make(QStringLiteral("keystore.") + QLatin1String(code), message, field, std::move(details));
}

// Reads the fields of one JSON object, naming errors by their dotted path ("crypto.kdfparams.n").
class FieldReader
{
public:
    FieldReader(QJsonObject object, QString path) : m_object(std::move(object)), m_path(std::move(path)) {}

    QString path(const QString &key) const { return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key; }
    bool has(const QString &key) const { return m_object.contains(key); }

    Result<QJsonValue> value(const QString &key) const
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull())
            return keystoreError("missing_field", tr("The keystore has no \"%1\".").arg(path(key)), path(key));
        return v;
    }

    Result<QString> string(const QString &key) const
    {
        auto v = value(key);
        if (!v)
            return v.error();
        if (!v->isString())
            return keystoreError("bad_field", tr("\"%1\" must be a string.").arg(path(key)), path(key));
        return v->toString();
    }

    Result<QJsonObject> object(const QString &key) const
    {
        auto v = value(key);
        if (!v)
            return v.error();
        if (!v->isObject())
            return keystoreError("bad_field", tr("\"%1\" must be an object.").arg(path(key)), path(key));
        return v->toObject();
    }

    // A non-negative whole number. Values beyond 2^62 saturate there so that the KDF checks report
    // them as too expensive rather than wrapping around.
    Result<quint64> unsignedInt(const QString &key) const
    {
        auto v = value(key);
        if (!v)
            return v.error();
        const double d = v->isDouble() ? v->toDouble() : -1.0;
        if (!v->isDouble() || d < 0 || (std::isfinite(d) && d != std::floor(d)))
            return keystoreError("bad_field", tr("\"%1\" must be a non-negative whole number.").arg(path(key)), path(key));
        constexpr double kSaturation = 4611686018427387904.0; // 2^62
        return d >= kSaturation || !std::isfinite(d) ? quint64(1) << 62 : static_cast<quint64>(d);
    }

    // Hex with or without 0x, of a length in [minSize, maxSize] bytes.
    Result<QByteArray> hex(const QString &key, qsizetype minSize, qsizetype maxSize, const char *lengthCode) const
    {
        auto text = string(key);
        if (!text)
            return text.error();
        auto bytes = fromHex(*text, -1, path(key));
        if (!bytes)
            return keystoreError("bad_hex", tr("\"%1\" is not valid hex.").arg(path(key)), path(key));
        if (bytes->size() < minSize || bytes->size() > maxSize) {
            const QString expected = minSize == maxSize ? QString::number(minSize)
                                                        : QStringLiteral("%1 to %2").arg(minSize).arg(maxSize);
            return keystoreError(lengthCode, tr("\"%1\" must have %2 bytes, not %3.").arg(path(key), expected).arg(bytes->size()),
                                 path(key), {{QStringLiteral("size"), bytes->size()}});
        }
        return *bytes;
    }

private:
    QJsonObject m_object;
    QString m_path;
};

Result<QByteArray> randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(bytes.data()), static_cast<int>(size)) != 1)
        return keystoreError("random_failed", tr("The system's random number generator failed."));
    return bytes;
}

// AES-128-CTR over the whole 128-bit big-endian counter block (encryption and decryption are the
// same operation). An IV of all ff bytes wraps to zero, as in go-ethereum's crypto/cipher.
Result<SecureBytes> aes128Ctr(const unsigned char *key, QByteArrayView iv, QByteArrayView input)
{
    std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    SecureBytes output(static_cast<std::size_t>(input.size()));
    int written = 0;
    int finalWritten = 0;
    if (!ctx
        || EVP_EncryptInit_ex(ctx.get(), EVP_aes_128_ctr(), nullptr, key, reinterpret_cast<const unsigned char *>(iv.data())) != 1
        || EVP_EncryptUpdate(ctx.get(), output.data(), &written, reinterpret_cast<const unsigned char *>(input.data()),
                             static_cast<int>(input.size()))
               != 1
        || EVP_EncryptFinal_ex(ctx.get(), output.data() + written, &finalWritten) != 1
        || written + finalWritten != input.size())
        return keystoreError("cipher_failed", tr("AES-128-CTR failed."));
    return output;
}

// keccak256(dk[16..32] ‖ ciphertext); the buffer holding half the derived key is wiped.
QByteArray computeMac(const SecureBytes &derivedKey, QByteArrayView ciphertext)
{
    QByteArray body;
    body.reserve(16 + ciphertext.size());
    body.append(derivedKey.view().sliced(16, 16));
    body.append(ciphertext);
    QByteArray mac = keccak256(body);
    wipe(body);
    return mac;
}

QString kdfName(KeystoreKdf kdf)
{
    return kdf == KeystoreKdf::Scrypt ? QStringLiteral("scrypt") : QStringLiteral("pbkdf2");
}

} // namespace

Result<Keystore> Keystore::parse(QByteArrayView json)
{
    if (json.size() > kMaxJsonSize)
        return keystoreError("too_large", tr("A keystore file is at most %1 bytes; this one has %2.").arg(kMaxJsonSize).arg(json.size()));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return keystoreError("bad_json", tr("The keystore is not a JSON object (%1).")
                                             .arg(parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                                                : QStringLiteral("not an object")));
    const FieldReader top(doc.object(), {});
    Keystore ks;

    auto version = top.value(QStringLiteral("version"));
    if (!version)
        return version.error();
    if (!version->isDouble() || version->toDouble() != 3.0)
        return keystoreError("unsupported_version", tr("Only version 3 keystores are supported."), QStringLiteral("version"),
                             {{QStringLiteral("version"), version->toVariant()}});

    auto id = top.string(QStringLiteral("id"));
    if (!id)
        return id.error();
    const QUuid uuid = QUuid::fromString(*id);
    if (uuid.isNull())
        return keystoreError("bad_id", tr("The keystore id is not a UUID."), QStringLiteral("id"));
    ks.m_id = uuid.toString(QUuid::WithoutBraces);

    if (top.has(QStringLiteral("address")) && !doc.object().value(QStringLiteral("address")).isNull()) {
        auto text = top.string(QStringLiteral("address"));
        if (!text)
            return text.error();
        auto bytes = fromHex(*text, 20);
        if (!bytes)
            return keystoreError("bad_address", tr("The keystore's address is not 20 bytes of hex."), QStringLiteral("address"));
        ks.m_address = *Address::fromBytes(*bytes);
    }

    // go-ethereum matches JSON keys case-insensitively; old MyEtherWallet files say "Crypto".
    const QString cryptoKey = !top.has(QStringLiteral("crypto")) && top.has(QStringLiteral("Crypto")) ? QStringLiteral("Crypto")
                                                                                                        : QStringLiteral("crypto");
    auto cryptoObject = top.object(cryptoKey);
    if (!cryptoObject)
        return cryptoObject.error();
    const FieldReader crypto(*cryptoObject, cryptoKey);

    auto cipher = crypto.string(QStringLiteral("cipher"));
    if (!cipher)
        return cipher.error();
    if (*cipher != QLatin1String("aes-128-ctr"))
        return keystoreError("unsupported_cipher", tr("The cipher \"%1\" is not supported (only aes-128-ctr).").arg(*cipher),
                             crypto.path(QStringLiteral("cipher")));
    auto cipherParams = crypto.object(QStringLiteral("cipherparams"));
    if (!cipherParams)
        return cipherParams.error();
    auto iv = FieldReader(*cipherParams, crypto.path(QStringLiteral("cipherparams"))).hex(QStringLiteral("iv"), kIvSize, kIvSize, "bad_iv");
    if (!iv)
        return iv.error();
    ks.m_iv = *iv;
    auto ciphertext = crypto.hex(QStringLiteral("ciphertext"), 1, kMaxCiphertextSize, "bad_ciphertext");
    if (!ciphertext)
        return ciphertext.error();
    ks.m_ciphertext = *ciphertext;
    auto mac = crypto.hex(QStringLiteral("mac"), kMacSize, kMacSize, "bad_mac");
    if (!mac)
        return mac.error();
    ks.m_mac = *mac;

    auto kdf = crypto.string(QStringLiteral("kdf"));
    if (!kdf)
        return kdf.error();
    if (*kdf == QLatin1String("scrypt"))
        ks.m_kdf = KeystoreKdf::Scrypt;
    else if (*kdf == QLatin1String("pbkdf2"))
        ks.m_kdf = KeystoreKdf::Pbkdf2;
    else
        return keystoreError("unsupported_kdf", tr("The key derivation \"%1\" is not supported (scrypt or pbkdf2).").arg(*kdf),
                             crypto.path(QStringLiteral("kdf")));
    auto kdfParamsObject = crypto.object(QStringLiteral("kdfparams"));
    if (!kdfParamsObject)
        return kdfParamsObject.error();
    const FieldReader params(*kdfParamsObject, crypto.path(QStringLiteral("kdfparams")));

    auto dklen = params.unsignedInt(QStringLiteral("dklen"));
    if (!dklen)
        return dklen.error();
    if (*dklen != quint64(kDerivedKeySize))
        return keystoreError("bad_dklen", tr("The derived key length must be 32, not %1.").arg(*dklen),
                             params.path(QStringLiteral("dklen")));
    auto salt = params.hex(QStringLiteral("salt"), 1, Kdf::kMaxSaltSize, "bad_salt");
    if (!salt)
        return salt.error();
    ks.m_salt = *salt;

    // Every cost parameter is checked here, before decrypt() could allocate anything for it.
    Result<void> costs;
    if (ks.m_kdf == KeystoreKdf::Scrypt) {
        auto n = params.unsignedInt(QStringLiteral("n"));
        auto r = n ? params.unsignedInt(QStringLiteral("r")) : n;
        auto p = r ? params.unsignedInt(QStringLiteral("p")) : r;
        if (!p)
            return p.error();
        ks.m_n = *n;
        ks.m_r = static_cast<quint32>(std::min<quint64>(*r, 0xffffffffu));
        ks.m_p = static_cast<quint32>(std::min<quint64>(*p, 0xffffffffu));
        costs = Kdf::checkScrypt(ks.m_n, ks.m_r, ks.m_p, ks.m_salt.size(), kDerivedKeySize);
    } else {
        auto prf = params.string(QStringLiteral("prf"));
        if (!prf)
            return prf.error();
        if (*prf != QLatin1String("hmac-sha256"))
            return keystoreError("unsupported_prf", tr("The PBKDF2 function \"%1\" is not supported (only hmac-sha256).").arg(*prf),
                                 params.path(QStringLiteral("prf")));
        auto c = params.unsignedInt(QStringLiteral("c"));
        if (!c)
            return c.error();
        ks.m_c = *c;
        costs = Kdf::checkPbkdf2(ks.m_c, ks.m_salt.size(), kDerivedKeySize);
    }
    if (!costs) {
        Error e = costs.error();
        e.field = params.path(e.field);
        return e;
    }
    return ks;
}

Result<SecureBytes> Keystore::deriveKey(const SecureBytes &password) const
{
    if (m_kdf == KeystoreKdf::Scrypt)
        return Kdf::scrypt(password, m_salt, m_n, m_r, m_p, kDerivedKeySize);
    return Kdf::pbkdf2Sha256(password, m_salt, m_c, kDerivedKeySize);
}

Result<SecureBytes> Keystore::decryptRaw(const SecureBytes &password) const
{
    auto derived = deriveKey(password);
    if (!derived)
        return derived.error();
    if (!constantTimeEquals(computeMac(*derived, m_ciphertext), m_mac))
        return keystoreError("wrong_password",
                             tr("The password is wrong, or the keystore file was altered (its MAC does not match)."),
                             QStringLiteral("password"));
    return aes128Ctr(derived->data(), m_iv, m_ciphertext);
}

Result<SecureBytes> Keystore::decrypt(const SecureBytes &password) const
{
    auto plain = decryptRaw(password);
    if (!plain)
        return plain.error();
    if (plain->size() > std::size_t(kPrivateKeySize))
        return keystoreError("bad_private_key", tr("The keystore holds %1 bytes, not a 32-byte private key.").arg(plain->size()));
    SecureBytes key(static_cast<std::size_t>(kPrivateKeySize));
    const std::size_t pad = key.size() - plain->size();
    std::copy(plain->data(), plain->data() + plain->size(), key.data() + pad);
    if (!secp256k1::isValidPrivateKey(key))
        return keystoreError("bad_private_key", tr("The keystore does not hold a valid secp256k1 private key."));
    if (!m_address.isNull()) {
        auto publicKey = secp256k1::publicKey(key);
        if (!publicKey)
            return publicKey.error();
        auto derived = Address::fromPublicKey(*publicKey);
        if (!derived)
            return derived.error();
        if (*derived != m_address)
            return keystoreError("address_mismatch",
                                 tr("The key in the keystore belongs to %1, not to the address %2 the file names.")
                                     .arg(derived->toChecksummed(), m_address.toChecksummed()),
                                 QStringLiteral("address"));
    }
    return key;
}

Result<Keystore> Keystore::encryptRaw(const SecureBytes &secret, const SecureBytes &password, const KeystoreOptions &options)
{
    if (secret.isEmpty() || secret.size() > std::size_t(kMaxCiphertextSize))
        return keystoreError("bad_options", tr("The secret to encrypt must have 1 to %1 bytes.").arg(kMaxCiphertextSize));
    Keystore ks;
    ks.m_kdf = options.kdf;
    if (options.kdf == KeystoreKdf::Scrypt) {
        ks.m_n = options.scryptN;
        ks.m_r = options.scryptR;
        ks.m_p = options.scryptP;
    } else {
        ks.m_c = options.pbkdf2Iterations;
    }
    auto salt = randomBytes(kSaltSize);
    auto iv = salt ? randomBytes(kIvSize) : salt;
    if (!iv)
        return iv.error();
    ks.m_salt = *salt;
    ks.m_iv = *iv;
    ks.m_id = QUuid::createUuid().toString(QUuid::WithoutBraces);

    auto derived = ks.deriveKey(password);
    if (!derived)
        return derived.error();
    auto ciphertext = aes128Ctr(derived->data(), ks.m_iv, secret.view());
    if (!ciphertext)
        return ciphertext.error();
    ks.m_ciphertext = ciphertext->view().toByteArray(); // ciphertext is public
    ks.m_mac = computeMac(*derived, ks.m_ciphertext);
    return ks;
}

Result<Keystore> Keystore::encrypt(const SecureBytes &privateKey, const SecureBytes &password, const KeystoreOptions &options)
{
    if (!secp256k1::isValidPrivateKey(privateKey))
        return keystoreError("bad_private_key", tr("A private key is 32 bytes in [1, n−1] of secp256k1."), QStringLiteral("privateKey"));
    auto publicKey = secp256k1::publicKey(privateKey);
    if (!publicKey)
        return publicKey.error();
    auto address = Address::fromPublicKey(*publicKey);
    if (!address)
        return address.error();
    auto ks = encryptRaw(privateKey, password, options);
    if (!ks)
        return ks.error();
    ks->m_address = *address;
    return ks;
}

Keystore Keystore::withAddress(const Address &address) const
{
    Keystore copy = *this;
    copy.m_address = address;
    return copy;
}

KeystoreOptions Keystore::options() const
{
    KeystoreOptions o;
    o.kdf = m_kdf;
    if (m_kdf == KeystoreKdf::Scrypt) {
        o.scryptN = m_n;
        o.scryptR = m_r;
        o.scryptP = m_p;
    } else {
        o.pbkdf2Iterations = static_cast<quint32>(m_c);
    }
    return o;
}

QByteArray Keystore::toJson() const
{
    QJsonObject kdfParams{{QStringLiteral("dklen"), kDerivedKeySize}, {QStringLiteral("salt"), toHex(m_salt, false)}};
    if (m_kdf == KeystoreKdf::Scrypt) {
        kdfParams.insert(QStringLiteral("n"), static_cast<qint64>(m_n));
        kdfParams.insert(QStringLiteral("r"), static_cast<qint64>(m_r));
        kdfParams.insert(QStringLiteral("p"), static_cast<qint64>(m_p));
    } else {
        kdfParams.insert(QStringLiteral("c"), static_cast<qint64>(m_c));
        kdfParams.insert(QStringLiteral("prf"), QStringLiteral("hmac-sha256"));
    }
    const QJsonObject crypto{
        {QStringLiteral("cipher"), QStringLiteral("aes-128-ctr")},
        {QStringLiteral("cipherparams"), QJsonObject{{QStringLiteral("iv"), toHex(m_iv, false)}}},
        {QStringLiteral("ciphertext"), toHex(m_ciphertext, false)},
        {QStringLiteral("kdf"), kdfName(m_kdf)},
        {QStringLiteral("kdfparams"), kdfParams},
        {QStringLiteral("mac"), toHex(m_mac, false)},
    };
    QJsonObject top{{QStringLiteral("crypto"), crypto}, {QStringLiteral("id"), m_id}, {QStringLiteral("version"), 3}};
    if (!m_address.isNull())
        top.insert(QStringLiteral("address"), toHex(m_address.bytes(), false));
    return QJsonDocument(top).toJson(QJsonDocument::Compact);
}

} // namespace icn
