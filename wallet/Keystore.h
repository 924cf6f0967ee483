#pragma once

#include "Address.h"
#include "Result.h"
#include "SecureBytes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace icn {

enum class KeystoreKdf { Scrypt, Pbkdf2 };

struct KeystoreOptions
{
    KeystoreKdf kdf = KeystoreKdf::Scrypt;
    quint64 scryptN = 262144;
    quint32 scryptR = 8;
    quint32 scryptP = 1;
    quint32 pbkdf2Iterations = 262144;
};

// A Web3 Secret Storage v3 keystore: a secret encrypted with AES-128-CTR under a key derived from
// a password by scrypt or PBKDF2-HMAC-SHA256, authenticated by MAC = keccak256(dk[16..32] ‖ ciphertext).
//
// A value type holding only public data (the encrypted blob and its parameters). Its methods are
// reentrant and blocking: decrypt()/encrypt() take ~0.5–1 s with the default scrypt parameters, so
// the UI calls them from a worker thread.
//
// Error codes (all "keystore.*" unless noted):
//   too_large, bad_json, unsupported_version, missing_field, bad_field, bad_hex, bad_id, bad_address,
//   unsupported_cipher, unsupported_kdf, unsupported_prf, bad_dklen, bad_salt, bad_iv, bad_mac,
//   bad_ciphertext, kdf.bad_params / kdf.too_expensive (hostile or broken KDF parameters, refused by
//   parse() and by encrypt()), wrong_password (MAC mismatch: a wrong password and a tampered file
//   cannot be told apart, so both get this one code), bad_private_key, address_mismatch (the key
//   does not produce the file's address; also catches a modified IV, which the MAC does not cover),
//   bad_options, kdf.failed, random_failed, cipher_failed.
class Keystore
{
public:
    static constexpr qsizetype kMaxJsonSize = 64 * 1024;
    static constexpr qsizetype kMaxCiphertextSize = 4096;

    // Validates the whole structure, and refuses hostile KDF parameters before anything is derived
    // or allocated. Accepts "Crypto" for "crypto" (old MyEtherWallet files) and hex with or without 0x.
    static Result<Keystore> parse(QByteArrayView json);

    // The 32-byte private key. Keys stored as 30 or 31 bytes (old encoders dropped leading zero bytes
    // of the big-endian number) are left-padded with zeros, as go-ethereum reads them. When the file
    // names an address, the key must produce it ("keystore.address_mismatch").
    Result<SecureBytes> decrypt(const SecureBytes &password) const;
    // The decrypted plaintext exactly as stored (any length), MAC checked. Used for the encrypted
    // mnemonic and by tests that compare with the reference's raw bytes.
    Result<SecureBytes> decryptRaw(const SecureBytes &password) const;

    // A new keystore for a valid 32-byte secp256k1 private key: random 32-byte salt and 16-byte IV,
    // UUID v4 id, and the key's address.
    static Result<Keystore> encrypt(const SecureBytes &privateKey, const SecureBytes &password,
                                    const KeystoreOptions &options = {});
    // The same scheme for any secret of 1..kMaxCiphertextSize bytes (no address).
    static Result<Keystore> encryptRaw(const SecureBytes &secret, const SecureBytes &password,
                                       const KeystoreOptions &options = {});

    // v3 JSON (compact, keys sorted); "address" in lower-case hex without 0x when known.
    QByteArray toJson() const;

    Address address() const { return m_address; } // null when the file had no address field
    QString id() const { return m_id; }            // UUID, without braces
    KeystoreOptions options() const;               // the KDF parameters this keystore uses

    // This keystore with `address` recorded (for files without one, once decrypt() has shown the key).
    Keystore withAddress(const Address &address) const;

private:
    Keystore() = default;
    Result<SecureBytes> deriveKey(const SecureBytes &password) const;

    QString m_id;
    Address m_address;
    KeystoreKdf m_kdf = KeystoreKdf::Scrypt;
    quint64 m_n = 0; // scrypt N
    quint32 m_r = 0;
    quint32 m_p = 0;
    quint64 m_c = 0; // PBKDF2 iterations
    QByteArray m_salt;
    QByteArray m_iv;
    QByteArray m_ciphertext;
    QByteArray m_mac;
};

} // namespace icn
