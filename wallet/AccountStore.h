#pragma once

#include "Address.h"
#include "Keystore.h"
#include "Result.h"
#include "SecureBytes.h"

#include <QList>
#include <QMap>
#include <QString>

namespace icn {

enum class AccountKind { Hd, Imported };

// What the index (accounts.json) says about one account. No secrets.
struct AccountInfo
{
    Address address;
    QString label;
    AccountKind kind = AccountKind::Imported;
    QString hdPath;     // "m/44'/60'/0'/0/3" for HD accounts, empty for imported ones
    qint64 hdIndex = -1; // the last step of hdPath, -1 for imported accounts
};

// The user's accounts, each kept as an encrypted Web3 keystore file in one directory:
//
//   <directory>/accounts.json          index: address, label, kind, HD path (no secrets)
//   <directory>/0x<address>.json       one keystore per account (mode 0600)
//   <directory>/mnemonic.json          the BIP-39 mnemonic of the HD accounts, encrypted with the
//                                      same scrypt + AES-128-CTR + MAC scheme (no address field)
//
// HD accounts are derived at m/44'/60'/0'/0/i. Every file is written atomically (QSaveFile); a
// failed operation leaves the directory and the in-memory state as they were.
//
// Unlocked private keys stay in memory (SecureBytes) until lock()/lockAll()/remove() or destruction.
//
// Threads: an AccountStore is a movable value, not thread-safe: use it from one thread at a time.
// Encrypting and decrypting take ~0.5–1 s each with the default scrypt parameters, so the UI makes
// these plain blocking calls from a worker thread (moving the store there, or guarding it).
//
// Error codes: "accountstore.unknown_account", "accountstore.duplicate", "accountstore.locked",
// "accountstore.unreadable_file", "accountstore.write_failed", "accountstore.corrupt_index",
// "accountstore.bad_label", "accountstore.mnemonic_exists", "accountstore.no_mnemonic",
// "accountstore.wrong_passphrase", plus "keystore.*" (e.g. "keystore.wrong_password"),
// "kdf.*" and "bip39.*" errors passed through.
class AccountStore
{
public:
    static constexpr qsizetype kMaxLabelLength = 100;

    // Opens (creating it with mode 0700 when missing) the directory and reads its index.
    // `options` are the KDF parameters used for new keystores (tests pass a small scrypt N).
    static Result<AccountStore> open(const QString &directory, const KeystoreOptions &options = {});

    QString directory() const { return m_directory; }
    QList<AccountInfo> accounts() const { return m_accounts; } // in the order they were added
    bool contains(const Address &address) const { return indexOf(address) >= 0; }
    Result<AccountInfo> account(const Address &address) const;

    // Adds an existing keystore file's content; the password proves it decrypts (and yields the
    // address when the file names none). The keystore keeps its own KDF parameters.
    Result<AccountInfo> addKeystore(QByteArrayView keystoreJson, const SecureBytes &password, const QString &label);
    // Encrypts a 32-byte private key with `password` into a new keystore.
    Result<AccountInfo> importPrivateKey(const SecureBytes &privateKey, const SecureBytes &password, const QString &label);
    Result<void> rename(const Address &address, const QString &label);
    // Deletes the account's keystore file and forgets it (locking it first).
    Result<void> remove(const Address &address);

    // Decrypts the account's keystore and keeps the private key in memory.
    Result<void> unlock(const Address &address, const SecureBytes &password);
    void lock(const Address &address);
    void lockAll();
    bool isUnlocked(const Address &address) const { return m_unlocked.contains(address); }
    // The private key of an unlocked account (for signing); "accountstore.locked" otherwise.
    Result<SecureBytes> privateKey(const Address &address) const;
    // The account's keystore JSON, as stored (v3, encrypted; safe to hand out).
    Result<QByteArray> exportKeystore(const Address &address) const;

    // HD accounts. There is at most one mnemonic per store; all HD keystores and mnemonic.json
    // use the password given when they were created. `passphrase` is the optional BIP-39 passphrase.
    bool hasMnemonic() const { return m_nextHdIndex >= 0; }
    // Stores the mnemonic encrypted and adds its account 0.
    Result<AccountInfo> createFromMnemonic(const SecureBytes &mnemonic, const SecureBytes &passphrase,
                                           const SecureBytes &password, const QString &label);
    // Adds the next HD account (m/44'/60'/0'/0/i, i one past the last derived). The passphrase is
    // checked against account 0's address ("accountstore.wrong_passphrase").
    Result<AccountInfo> deriveNext(const SecureBytes &password, const SecureBytes &passphrase, const QString &label);
    // The decrypted mnemonic (for a backup screen).
    Result<SecureBytes> revealMnemonic(const SecureBytes &password) const;

    QString keystorePath(const Address &address) const;
    QString indexPath() const;
    QString mnemonicPath() const;

private:
    AccountStore(QString directory, KeystoreOptions options);
    Result<void> loadIndex();
    Result<void> saveIndex(const QList<AccountInfo> &accounts, qint64 nextHdIndex, const Address &hdFirstAddress) const;
    qsizetype indexOf(const Address &address) const;
    Result<Keystore> readKeystore(const Address &address) const;
    // Writes the keystore file, then the index with `info` appended; undoes the file on failure.
    Result<AccountInfo> addAccount(const Keystore &keystore, AccountInfo info, qint64 nextHdIndex, const Address &hdFirstAddress);
    Result<SecureBytes> hdSeed(const SecureBytes &mnemonic, const SecureBytes &passphrase) const;

    QString m_directory;
    KeystoreOptions m_options;
    QList<AccountInfo> m_accounts;
    QMap<Address, SecureBytes> m_unlocked;
    qint64 m_nextHdIndex = -1; // -1: no mnemonic stored
    Address m_hdFirstAddress;  // address of m/44'/60'/0'/0/0, to check the passphrase
};

} // namespace icn
