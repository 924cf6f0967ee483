#include "AccountStore.h"

#include "Bip32.h"
#include "Bip39.h"
#include "HdPath.h"
#include "Secp256k1.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace icn {

namespace {

constexpr int kIndexVersion = 1;
constexpr qint64 kMaxIndexSize = 8 * 1024 * 1024;
constexpr int kMaxHdSkips = 1000; // derived addresses already present (imported) are skipped

QString tr(const char *text)
{
    return QCoreApplication::translate("AccountStore", text);
}

Error storeError(const char *code, const QString &message, const QString &field = {}, QVariantMap details = {})
{
    return Error::make(QStringLiteral("accountstore.") + QLatin1String(code), message, field, std::move(details));
}

Result<void> writeAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return storeError("write_failed", tr("Cannot write %1: %2").arg(path, file.errorString()), {}, {{QStringLiteral("path"), path}});
    // Owner-only before the content goes in (applies to the temporary file that replaces `path`).
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(bytes) != bytes.size() || !file.commit())
        return storeError("write_failed", tr("Cannot write %1: %2").arg(path, file.errorString()), {}, {{QStringLiteral("path"), path}});
    return {};
}

Result<QByteArray> readSmallFile(const QString &path, qint64 maxSize)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return storeError("unreadable_file", tr("Cannot read %1: %2").arg(path, file.errorString()), {}, {{QStringLiteral("path"), path}});
    if (file.size() > maxSize)
        return storeError("unreadable_file", tr("%1 is too large (%2 bytes).").arg(path).arg(file.size()), {},
                          {{QStringLiteral("path"), path}});
    return file.readAll();
}

Result<Address> addressOfKey(const SecureBytes &privateKey)
{
    auto publicKey = secp256k1::publicKey(privateKey);
    if (!publicKey)
        return publicKey.error();
    return Address::fromPublicKey(*publicKey);
}

Result<QString> checkedLabel(const QString &label)
{
    const QString trimmed = label.trimmed();
    if (trimmed.size() > AccountStore::kMaxLabelLength)
        return storeError("bad_label", tr("A label has at most %1 characters.").arg(AccountStore::kMaxLabelLength), QStringLiteral("label"));
    for (const QChar c : trimmed) {
        if (c.category() == QChar::Other_Control)
            return storeError("bad_label", tr("A label cannot contain control characters."), QStringLiteral("label"));
    }
    return trimmed;
}

Error unknownAccount(const Address &address)
{
    return storeError("unknown_account", tr("There is no account %1 in this wallet.").arg(address.toChecksummed()),
                      QStringLiteral("address"), {{QStringLiteral("address"), address.toChecksummed()}});
}

Error duplicate(const Address &address)
{
    return storeError("duplicate", tr("The account %1 is already in this wallet.").arg(address.toChecksummed()),
                      QStringLiteral("address"), {{QStringLiteral("address"), address.toChecksummed()}});
}

QJsonObject toJson(const AccountInfo &a)
{
    QJsonObject o{{QStringLiteral("address"), a.address.toChecksummed()},
                  {QStringLiteral("label"), a.label},
                  {QStringLiteral("kind"), a.kind == AccountKind::Hd ? QStringLiteral("hd") : QStringLiteral("imported")}};
    if (a.kind == AccountKind::Hd) {
        o.insert(QStringLiteral("hdPath"), a.hdPath);
        o.insert(QStringLiteral("hdIndex"), a.hdIndex);
    }
    return o;
}

Result<AccountInfo> accountFromJson(const QJsonValue &value)
{
    const QJsonObject o = value.toObject();
    AccountInfo a;
    auto address = Address::parse(o.value(QStringLiteral("address")).toString());
    const QString kind = o.value(QStringLiteral("kind")).toString();
    if (!value.isObject() || !address || !o.value(QStringLiteral("label")).isString()
        || (kind != QLatin1String("hd") && kind != QLatin1String("imported")))
        return storeError("corrupt_index", tr("The account index has a malformed entry."));
    a.address = *address;
    a.label = o.value(QStringLiteral("label")).toString();
    a.kind = kind == QLatin1String("hd") ? AccountKind::Hd : AccountKind::Imported;
    if (a.kind == AccountKind::Hd) {
        a.hdPath = o.value(QStringLiteral("hdPath")).toString();
        a.hdIndex = o.value(QStringLiteral("hdIndex")).toInteger(-1);
        if (a.hdIndex < 0 || !HdPath::parse(a.hdPath))
            return storeError("corrupt_index", tr("The account index has an HD account without a valid path."));
    }
    return a;
}

} // namespace

AccountStore::AccountStore(QString directory, KeystoreOptions options) : m_directory(std::move(directory)), m_options(options) {}

Result<AccountStore> AccountStore::open(const QString &directory, const KeystoreOptions &options)
{
    const QString absolute = QFileInfo(directory).absoluteFilePath();
    if (!QFileInfo::exists(absolute)) {
        if (!QDir().mkpath(absolute))
            return storeError("write_failed", tr("Cannot create the folder %1.").arg(absolute), {}, {{QStringLiteral("path"), absolute}});
        QFile::setPermissions(absolute, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    } else if (!QFileInfo(absolute).isDir()) {
        return storeError("unreadable_file", tr("%1 is not a folder.").arg(absolute), {}, {{QStringLiteral("path"), absolute}});
    }
    AccountStore store(absolute, options);
    if (auto loaded = store.loadIndex(); !loaded)
        return loaded.error();
    return store;
}

QString AccountStore::keystorePath(const Address &address) const
{
    return QDir(m_directory).filePath(address.toLower() + QStringLiteral(".json"));
}

QString AccountStore::indexPath() const
{
    return QDir(m_directory).filePath(QStringLiteral("accounts.json"));
}

QString AccountStore::mnemonicPath() const
{
    return QDir(m_directory).filePath(QStringLiteral("mnemonic.json"));
}

Result<void> AccountStore::loadIndex()
{
    if (!QFileInfo::exists(indexPath()))
        return {};
    auto bytes = readSmallFile(indexPath(), kMaxIndexSize);
    if (!bytes)
        return bytes.error();
    const QJsonObject root = QJsonDocument::fromJson(*bytes).object();
    if (root.value(QStringLiteral("version")).toInt() != kIndexVersion || !root.value(QStringLiteral("accounts")).isArray())
        return storeError("corrupt_index", tr("%1 is not an account index this version understands.").arg(indexPath()));
    QList<AccountInfo> accounts;
    for (const QJsonValue &v : root.value(QStringLiteral("accounts")).toArray()) {
        auto account = accountFromJson(v);
        if (!account)
            return account.error();
        for (const auto &a : accounts) {
            if (a.address == account->address)
                return storeError("corrupt_index", tr("The account index lists %1 twice.").arg(a.address.toChecksummed()));
        }
        accounts.append(*account);
    }
    qint64 nextHdIndex = -1;
    Address first;
    if (root.contains(QStringLiteral("hd"))) {
        const QJsonObject hd = root.value(QStringLiteral("hd")).toObject();
        nextHdIndex = hd.value(QStringLiteral("nextIndex")).toInteger(-1);
        auto address = Address::parse(hd.value(QStringLiteral("firstAddress")).toString());
        if (nextHdIndex < 0 || !address)
            return storeError("corrupt_index", tr("The account index has a malformed HD section."));
        first = *address;
    }
    m_accounts = accounts;
    m_nextHdIndex = nextHdIndex;
    m_hdFirstAddress = first;
    return {};
}

Result<void> AccountStore::saveIndex(const QList<AccountInfo> &accounts, qint64 nextHdIndex, const Address &hdFirstAddress) const
{
    QJsonArray list;
    for (const auto &a : accounts)
        list.append(toJson(a));
    QJsonObject root{{QStringLiteral("version"), kIndexVersion}, {QStringLiteral("accounts"), list}};
    if (nextHdIndex >= 0)
        root.insert(QStringLiteral("hd"), QJsonObject{{QStringLiteral("nextIndex"), nextHdIndex},
                                                      {QStringLiteral("firstAddress"), hdFirstAddress.toChecksummed()}});
    return writeAtomically(indexPath(), QJsonDocument(root).toJson(QJsonDocument::Indented));
}

qsizetype AccountStore::indexOf(const Address &address) const
{
    for (qsizetype i = 0; i < m_accounts.size(); ++i) {
        if (m_accounts[i].address == address)
            return i;
    }
    return -1;
}

Result<AccountInfo> AccountStore::account(const Address &address) const
{
    const qsizetype i = indexOf(address);
    if (i < 0)
        return unknownAccount(address);
    return m_accounts[i];
}

Result<Keystore> AccountStore::readKeystore(const Address &address) const
{
    if (!contains(address))
        return unknownAccount(address);
    auto bytes = readSmallFile(keystorePath(address), Keystore::kMaxJsonSize);
    if (!bytes)
        return bytes.error();
    auto keystore = Keystore::parse(*bytes);
    if (!keystore)
        return storeError("unreadable_file", tr("The keystore file %1 is damaged: %2").arg(keystorePath(address), keystore.error().message),
                          {}, {{QStringLiteral("path"), keystorePath(address)}, {QStringLiteral("reason"), keystore.error().code}});
    if (keystore->address() != address)
        return storeError("unreadable_file", tr("The keystore file %1 belongs to another address.").arg(keystorePath(address)), {},
                          {{QStringLiteral("path"), keystorePath(address)}});
    return keystore;
}

Result<AccountInfo> AccountStore::addAccount(const Keystore &keystore, AccountInfo info, qint64 nextHdIndex, const Address &hdFirstAddress)
{
    const QString path = keystorePath(info.address);
    if (auto written = writeAtomically(path, keystore.toJson()); !written)
        return written.error();
    QList<AccountInfo> accounts = m_accounts;
    accounts.append(info);
    if (auto saved = saveIndex(accounts, nextHdIndex, hdFirstAddress); !saved) {
        QFile::remove(path);
        return saved.error();
    }
    m_accounts = accounts;
    m_nextHdIndex = nextHdIndex;
    m_hdFirstAddress = hdFirstAddress;
    return info;
}

Result<AccountInfo> AccountStore::addKeystore(QByteArrayView keystoreJson, const SecureBytes &password, const QString &label)
{
    auto name = checkedLabel(label);
    if (!name)
        return name.error();
    auto keystore = Keystore::parse(keystoreJson);
    if (!keystore)
        return keystore.error();
    // Refuse a known duplicate before the slow decryption.
    if (!keystore->address().isNull() && contains(keystore->address()))
        return duplicate(keystore->address());
    auto key = keystore->decrypt(password);
    if (!key)
        return key.error();
    auto address = addressOfKey(*key);
    if (!address)
        return address.error();
    if (contains(*address))
        return duplicate(*address);
    AccountInfo info;
    info.address = *address;
    info.label = *name;
    return addAccount(keystore->withAddress(*address), info, m_nextHdIndex, m_hdFirstAddress);
}

Result<AccountInfo> AccountStore::importPrivateKey(const SecureBytes &privateKey, const SecureBytes &password, const QString &label)
{
    auto name = checkedLabel(label);
    if (!name)
        return name.error();
    if (!secp256k1::isValidPrivateKey(privateKey))
        return Error::make(QStringLiteral("keystore.bad_private_key"), tr("A private key is 32 bytes in [1, n−1] of secp256k1."),
                           QStringLiteral("privateKey"));
    auto address = addressOfKey(privateKey);
    if (!address)
        return address.error();
    if (contains(*address))
        return duplicate(*address);
    auto keystore = Keystore::encrypt(privateKey, password, m_options);
    if (!keystore)
        return keystore.error();
    AccountInfo info;
    info.address = *address;
    info.label = *name;
    return addAccount(*keystore, info, m_nextHdIndex, m_hdFirstAddress);
}

Result<void> AccountStore::rename(const Address &address, const QString &label)
{
    const qsizetype i = indexOf(address);
    if (i < 0)
        return unknownAccount(address);
    auto name = checkedLabel(label);
    if (!name)
        return name.error();
    QList<AccountInfo> accounts = m_accounts;
    accounts[i].label = *name;
    if (auto saved = saveIndex(accounts, m_nextHdIndex, m_hdFirstAddress); !saved)
        return saved.error();
    m_accounts = accounts;
    return {};
}

Result<void> AccountStore::remove(const Address &address)
{
    const qsizetype i = indexOf(address);
    if (i < 0)
        return unknownAccount(address);
    // Move the file aside first, so that a failed index write can put everything back.
    const QString path = keystorePath(address);
    const QString aside = path + QStringLiteral(".removed");
    QFile::remove(aside);
    const bool hadFile = QFileInfo::exists(path);
    if (hadFile && !QFile::rename(path, aside))
        return storeError("write_failed", tr("Cannot remove %1.").arg(path), {}, {{QStringLiteral("path"), path}});
    QList<AccountInfo> accounts = m_accounts;
    accounts.removeAt(i);
    if (auto saved = saveIndex(accounts, m_nextHdIndex, m_hdFirstAddress); !saved) {
        if (hadFile)
            QFile::rename(aside, path);
        return saved.error();
    }
    QFile::remove(aside);
    lock(address);
    m_accounts = accounts;
    return {};
}

Result<void> AccountStore::unlock(const Address &address, const SecureBytes &password)
{
    auto keystore = readKeystore(address);
    if (!keystore)
        return keystore.error();
    // decrypt() also checks that the key produces the address the file names.
    auto key = keystore->decrypt(password);
    if (!key)
        return key.error();
    m_unlocked.insert(address, *key);
    return {};
}

void AccountStore::lock(const Address &address)
{
    m_unlocked.remove(address); // SecureBytes wipes itself
}

void AccountStore::lockAll()
{
    m_unlocked.clear();
}

Result<SecureBytes> AccountStore::privateKey(const Address &address) const
{
    if (!contains(address))
        return unknownAccount(address);
    const auto it = m_unlocked.constFind(address);
    if (it == m_unlocked.cend())
        return storeError("locked", tr("The account %1 is locked; unlock it with its password first.").arg(address.toChecksummed()),
                          QStringLiteral("address"));
    return *it;
}

Result<QByteArray> AccountStore::exportKeystore(const Address &address) const
{
    auto keystore = readKeystore(address);
    if (!keystore)
        return keystore.error();
    return keystore->toJson();
}

Result<SecureBytes> AccountStore::hdSeed(const SecureBytes &mnemonic, const SecureBytes &passphrase) const
{
    return Bip39::mnemonicToSeed(mnemonic, passphrase);
}

namespace {

// The private key and address of m/44'/60'/0'/0/index under `master`.
struct HdAccount
{
    SecureBytes privateKey;
    Address address;
};

Result<HdAccount> deriveHd(const Bip32::ExtendedKey &master, quint32 index)
{
    auto child = master.derive(HdPath::ethereum(0, index));
    if (!child)
        return child.error();
    auto address = addressOfKey(child->privateKey());
    if (!address)
        return address.error();
    return HdAccount{child->privateKey(), *address};
}

} // namespace

Result<AccountInfo> AccountStore::createFromMnemonic(const SecureBytes &mnemonic, const SecureBytes &passphrase,
                                                     const SecureBytes &password, const QString &label)
{
    if (hasMnemonic())
        return storeError("mnemonic_exists", tr("This wallet already has a recovery phrase."));
    auto name = checkedLabel(label);
    if (!name)
        return name.error();
    auto canonical = Bip39::canonical(mnemonic);
    if (!canonical)
        return canonical.error();
    auto seed = hdSeed(*canonical, passphrase);
    if (!seed)
        return seed.error();
    auto master = Bip32::ExtendedKey::fromSeed(*seed);
    if (!master)
        return master.error();
    auto first = deriveHd(*master, 0);
    if (!first)
        return first.error();
    if (contains(first->address))
        return duplicate(first->address);

    auto sealedMnemonic = Keystore::encryptRaw(*canonical, password, m_options);
    if (!sealedMnemonic)
        return sealedMnemonic.error();
    auto keystore = Keystore::encrypt(first->privateKey, password, m_options);
    if (!keystore)
        return keystore.error();
    if (auto written = writeAtomically(mnemonicPath(), sealedMnemonic->toJson()); !written)
        return written.error();
    AccountInfo info;
    info.address = first->address;
    info.label = *name;
    info.kind = AccountKind::Hd;
    info.hdIndex = 0;
    info.hdPath = HdPath::ethereum(0, 0).toString();
    auto added = addAccount(*keystore, info, 1, first->address);
    if (!added)
        QFile::remove(mnemonicPath());
    return added;
}

Result<SecureBytes> AccountStore::revealMnemonic(const SecureBytes &password) const
{
    if (!hasMnemonic())
        return storeError("no_mnemonic", tr("This wallet has no recovery phrase."));
    auto bytes = readSmallFile(mnemonicPath(), Keystore::kMaxJsonSize);
    if (!bytes)
        return bytes.error();
    auto sealed = Keystore::parse(*bytes);
    if (!sealed)
        return storeError("unreadable_file", tr("The recovery phrase file %1 is damaged: %2").arg(mnemonicPath(), sealed.error().message),
                          {}, {{QStringLiteral("path"), mnemonicPath()}, {QStringLiteral("reason"), sealed.error().code}});
    return sealed->decryptRaw(password);
}

Result<AccountInfo> AccountStore::deriveNext(const SecureBytes &password, const SecureBytes &passphrase, const QString &label)
{
    auto name = checkedLabel(label);
    if (!name)
        return name.error();
    auto mnemonic = revealMnemonic(password);
    if (!mnemonic)
        return mnemonic.error();
    auto seed = hdSeed(*mnemonic, passphrase);
    if (!seed)
        return seed.error();
    auto master = Bip32::ExtendedKey::fromSeed(*seed);
    if (!master)
        return master.error();
    auto first = deriveHd(*master, 0);
    if (!first)
        return first.error();
    if (first->address != m_hdFirstAddress)
        return storeError("wrong_passphrase", tr("The BIP-39 passphrase is not the one this wallet's accounts were made with."),
                          QStringLiteral("passphrase"));

    for (qint64 index = m_nextHdIndex; index < m_nextHdIndex + kMaxHdSkips && index < qint64(HdPath::kHardened); ++index) {
        auto next = deriveHd(*master, static_cast<quint32>(index));
        if (!next)
            return next.error();
        if (contains(next->address))
            continue; // already imported by hand: skip this index
        auto keystore = Keystore::encrypt(next->privateKey, password, m_options);
        if (!keystore)
            return keystore.error();
        AccountInfo info;
        info.address = next->address;
        info.label = *name;
        info.kind = AccountKind::Hd;
        info.hdIndex = index;
        info.hdPath = HdPath::ethereum(0, static_cast<quint32>(index)).toString();
        return addAccount(*keystore, info, index + 1, m_hdFirstAddress);
    }
    return storeError("duplicate", tr("No free HD account index was found."));
}

} // namespace icn
