#include "AccountStore.h"
#include "Bip32.h"
#include "Bip39.h"
#include "HdPath.h"
#include "Hex.h"
#include "Keystore.h"
#include "Secp256k1.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace icn;

namespace {

// BIP-39's all-"abandon" mnemonic and its well-known first Ethereum account (m/44'/60'/0'/0/0).
const char kMnemonic[] = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
const char kFirstAddress[] = "0x9858EfFD232B4033E47d90003D41EC34EcaEda94";
const char kKeyA[] = "4646464646464646464646464646464646464646464646464646464646464646";
const char kKeyB[] = "7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d";

SecureBytes secret(const char *text)
{
    return SecureBytes(QByteArrayView(text));
}

SecureBytes keyFromHex(const char *hex)
{
    QByteArray bytes = *fromHex(QString::fromLatin1(hex));
    return SecureBytes::takeFrom(bytes);
}

Address addressOf(const SecureBytes &key)
{
    return *Address::fromPublicKey(*secp256k1::publicKey(key));
}

KeystoreOptions fast()
{
    KeystoreOptions o;
    o.scryptN = 1024;
    return o;
}

// Every file below `dir` with its content, to prove that a refused operation changed nothing.
QMap<QString, QByteArray> snapshot(const QString &dir)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly))
            files.insert(f.fileName(), f.readAll());
    }
    return files;
}

// The private key of m/44'/60'/0'/0/index, computed independently of AccountStore.
SecureBytes hdKey(quint32 index, const char *passphrase = "")
{
    auto seed = Bip39::mnemonicToSeed(secret(kMnemonic), secret(passphrase));
    auto child = Bip32::ExtendedKey::fromSeed(*seed)->derive(HdPath::ethereum(0, index));
    return child->privateKey();
}

} // namespace

class TestAccountStore : public QObject
{
    Q_OBJECT

private slots:
    void opensAnEmptyFolder();
    void importsAPrivateKeyAndUnlocksIt();
    void addsAKeystoreFileWithoutAddress();
    void refusesBadImportsWithoutChanges_data();
    void refusesBadImportsWithoutChanges();
    void renamesAndRemoves();
    void failedWritesChangeNothing();
    void reportsDamagedFiles();
    void derivesHdAccountsFromAMnemonic();
    void hdRefusals();
    void hdSkipsAnIndexAlreadyImported();
};

void TestAccountStore::opensAnEmptyFolder()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("data/keystore"));
    auto store = AccountStore::open(dir, fast());
    QVERIFY(store.ok());
    QVERIFY(QFileInfo(dir).isDir());
    QCOMPARE(QFileInfo(dir).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    QVERIFY(store->accounts().isEmpty());
    QVERIFY(!store->hasMnemonic());
    QVERIFY(!QFileInfo::exists(store->indexPath()));
}

void TestAccountStore::importsAPrivateKeyAndUnlocksIt()
{
    QTemporaryDir tmp;
    auto store = AccountStore::open(tmp.path(), fast());
    QVERIFY(store.ok());
    const SecureBytes key = keyFromHex(kKeyA);
    const Address address = addressOf(key);

    auto added = store->importPrivateKey(key, secret("pw"), QStringLiteral("  Savings  "));
    QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().toString()));
    QCOMPARE(added->address, address);
    QCOMPARE(added->label, QStringLiteral("Savings"));
    QCOMPARE(added->kind, AccountKind::Imported);
    QVERIFY(added->hdPath.isEmpty());
    QCOMPARE(store->keystorePath(address), QDir(tmp.path()).filePath(address.toLower() + QStringLiteral(".json")));
    QVERIFY(QFileInfo::exists(store->keystorePath(address)));
    QCOMPARE(QFileInfo(store->keystorePath(address)).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());

    // No file holds the key in plain text; the index names no secret.
    for (const QByteArray &content : snapshot(tmp.path())) {
        QVERIFY(!content.contains(kKeyA));
        QVERIFY(!content.contains(key.view().toByteArray()));
    }
    const QJsonObject index = QJsonDocument::fromJson(snapshot(tmp.path()).value(store->indexPath())).object();
    const QJsonObject entry = index.value(QStringLiteral("accounts")).toArray().at(0).toObject();
    QCOMPARE(entry.value(QStringLiteral("address")).toString(), address.toChecksummed());
    QCOMPARE(entry.value(QStringLiteral("kind")).toString(), QStringLiteral("imported"));

    // Locked until unlocked with the right password.
    QVERIFY(!store->isUnlocked(address));
    QCOMPARE(store->privateKey(address).error().code, QStringLiteral("accountstore.locked"));
    QCOMPARE(store->unlock(address, secret("wrong")).error().code, QStringLiteral("keystore.wrong_password"));
    QVERIFY(!store->isUnlocked(address));
    QVERIFY(store->unlock(address, secret("pw")).ok());
    QVERIFY(store->isUnlocked(address));
    QVERIFY(*store->privateKey(address) == key);
    store->lock(address);
    QCOMPARE(store->privateKey(address).error().code, QStringLiteral("accountstore.locked"));
    QVERIFY(store->unlock(address, secret("pw")).ok());
    store->lockAll();
    QVERIFY(!store->isUnlocked(address));

    // The exported keystore decrypts to the key elsewhere.
    auto exported = store->exportKeystore(address);
    QVERIFY(exported.ok());
    QVERIFY(*Keystore::parse(*exported)->decrypt(secret("pw")) == key);

    // A second store on the same folder sees the account; unknown addresses are typed errors.
    auto reopened = AccountStore::open(tmp.path(), fast());
    QVERIFY(reopened.ok());
    QCOMPARE(reopened->accounts().size(), 1);
    QCOMPARE(reopened->accounts().front().label, QStringLiteral("Savings"));
    QVERIFY(!reopened->isUnlocked(address));
    const Address other = addressOf(keyFromHex(kKeyB));
    QCOMPARE(reopened->unlock(other, secret("pw")).error().code, QStringLiteral("accountstore.unknown_account"));
    QCOMPARE(reopened->privateKey(other).error().code, QStringLiteral("accountstore.unknown_account"));
    QCOMPARE(reopened->exportKeystore(other).error().code, QStringLiteral("accountstore.unknown_account"));
    QCOMPARE(reopened->account(other).error().code, QStringLiteral("accountstore.unknown_account"));
}

void TestAccountStore::addsAKeystoreFileWithoutAddress()
{
    QTemporaryDir tmp;
    auto store = AccountStore::open(tmp.path(), fast());
    const SecureBytes key = keyFromHex(kKeyB);
    QJsonObject json = QJsonDocument::fromJson(Keystore::encrypt(key, secret("old"), fast())->toJson()).object();
    json.remove(QStringLiteral("address"));

    auto added = store->addKeystore(QJsonDocument(json).toJson(), secret("old"), QStringLiteral("From MyCrypto"));
    QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().toString()));
    QCOMPARE(added->address, addressOf(key));
    // Stored with its address filled in and its own password.
    auto stored = Keystore::parse(*store->exportKeystore(added->address));
    QCOMPARE(stored->address(), addressOf(key));
    QVERIFY(store->unlock(added->address, secret("old")).ok());
    QVERIFY(*store->privateKey(added->address) == key);
}

void TestAccountStore::refusesBadImportsWithoutChanges_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("code");

    QTest::newRow("a private key that is already there") << "duplicate key" << "accountstore.duplicate";
    QTest::newRow("a keystore of an account that is already there") << "duplicate keystore" << "accountstore.duplicate";
    QTest::newRow("a keystore with the wrong password") << "wrong password" << "keystore.wrong_password";
    QTest::newRow("a keystore that is not JSON") << "bad json" << "keystore.bad_json";
    QTest::newRow("a zero private key") << "zero key" << "keystore.bad_private_key";
    QTest::newRow("a label of 101 characters") << "long label" << "accountstore.bad_label";
    QTest::newRow("a label with a newline") << "newline label" << "accountstore.bad_label";
}

void TestAccountStore::refusesBadImportsWithoutChanges()
{
    QFETCH(QString, what);
    QFETCH(QString, code);
    QTemporaryDir tmp;
    auto store = AccountStore::open(tmp.path(), fast());
    const SecureBytes key = keyFromHex(kKeyA);
    QVERIFY(store->importPrivateKey(key, secret("pw"), QStringLiteral("A")).ok());
    const auto before = snapshot(tmp.path());
    const QByteArray otherKeystore = Keystore::encrypt(keyFromHex(kKeyB), secret("pw"), fast())->toJson();

    Error error;
    if (what == QLatin1String("duplicate key"))
        error = store->importPrivateKey(key, secret("other"), QStringLiteral("again")).error();
    else if (what == QLatin1String("duplicate keystore"))
        error = store->addKeystore(Keystore::encrypt(key, secret("x"), fast())->toJson(), secret("x"), {}).error();
    else if (what == QLatin1String("wrong password"))
        error = store->addKeystore(otherKeystore, secret("nope"), {}).error();
    else if (what == QLatin1String("bad json"))
        error = store->addKeystore("{not json", secret("pw"), {}).error();
    else if (what == QLatin1String("zero key"))
        error = store->importPrivateKey(SecureBytes(32), secret("pw"), {}).error();
    else if (what == QLatin1String("long label"))
        error = store->addKeystore(otherKeystore, secret("pw"), QString(101, QLatin1Char('x'))).error();
    else if (what == QLatin1String("newline label"))
        error = store->importPrivateKey(keyFromHex(kKeyB), secret("pw"), QStringLiteral("a\nb")).error();
    QCOMPARE(error.code, code);
    QVERIFY(!error.message.isEmpty());
    QCOMPARE(store->accounts().size(), 1);
    QCOMPARE(snapshot(tmp.path()), before);
}

void TestAccountStore::renamesAndRemoves()
{
    QTemporaryDir tmp;
    auto store = AccountStore::open(tmp.path(), fast());
    const Address a = store->importPrivateKey(keyFromHex(kKeyA), secret("pw"), QStringLiteral("A"))->address;
    const Address b = store->importPrivateKey(keyFromHex(kKeyB), secret("pw"), QStringLiteral("B"))->address;
    QCOMPARE(store->accounts().size(), 2);
    QCOMPARE(store->accounts().at(0).address, a);
    QCOMPARE(store->accounts().at(1).address, b);

    QVERIFY(store->rename(a, QStringLiteral("Hot wallet")).ok());
    QCOMPARE(store->account(a)->label, QStringLiteral("Hot wallet"));
    QCOMPARE(store->rename(addressOf(keyFromHex("0101010101010101010101010101010101010101010101010101010101010101")),
                           QStringLiteral("x"))
                 .error()
                 .code,
             QStringLiteral("accountstore.unknown_account"));
    QCOMPARE(store->rename(a, QString(200, QLatin1Char('y'))).error().code, QStringLiteral("accountstore.bad_label"));

    QVERIFY(store->unlock(b, secret("pw")).ok());
    QVERIFY(store->remove(b).ok());
    QVERIFY(!store->contains(b));
    QVERIFY(!store->isUnlocked(b));
    QVERIFY(!QFileInfo::exists(store->keystorePath(b)));
    QCOMPARE(store->remove(b).error().code, QStringLiteral("accountstore.unknown_account"));

    auto reopened = AccountStore::open(tmp.path(), fast());
    QCOMPARE(reopened->accounts().size(), 1);
    QCOMPARE(reopened->accounts().front().label, QStringLiteral("Hot wallet"));
    QCOMPARE(QDir(tmp.path()).entryList(QDir::Files).size(), 2); // index + one keystore, nothing left over
}

void TestAccountStore::failedWritesChangeNothing()
{
    QTemporaryDir tmp;
    auto store = AccountStore::open(tmp.path(), fast());
    const Address a = store->importPrivateKey(keyFromHex(kKeyA), secret("pw"), QStringLiteral("A"))->address;
    // A folder where the index should be makes every index write fail (even for root).
    QVERIFY(QFile::remove(store->indexPath()));
    QVERIFY(QDir(tmp.path()).mkdir(QStringLiteral("accounts.json")));
    const auto before = snapshot(tmp.path());

    auto added = store->importPrivateKey(keyFromHex(kKeyB), secret("pw"), QStringLiteral("B"));
    QCOMPARE(added.error().code, QStringLiteral("accountstore.write_failed"));
    QCOMPARE(store->rename(a, QStringLiteral("renamed")).error().code, QStringLiteral("accountstore.write_failed"));
    QCOMPARE(store->remove(a).error().code, QStringLiteral("accountstore.write_failed"));
    QCOMPARE(store->accounts().size(), 1);
    QCOMPARE(store->account(a)->label, QStringLiteral("A"));
    QCOMPARE(snapshot(tmp.path()), before);
    QVERIFY(store->unlock(a, secret("pw")).ok());
}

void TestAccountStore::reportsDamagedFiles()
{
    QTemporaryDir tmp;
    Address a;
    {
        auto store = AccountStore::open(tmp.path(), fast());
        a = store->importPrivateKey(keyFromHex(kKeyA), secret("pw"), QStringLiteral("A"))->address;
        QFile f(store->keystorePath(a));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("{\"version\": 3}");
    }
    auto store = AccountStore::open(tmp.path(), fast());
    QVERIFY(store.ok());
    QCOMPARE(store->unlock(a, secret("pw")).error().code, QStringLiteral("accountstore.unreadable_file"));
    QCOMPARE(store->exportKeystore(a).error().code, QStringLiteral("accountstore.unreadable_file"));
    QVERIFY(QFile::remove(store->keystorePath(a)));
    QCOMPARE(store->unlock(a, secret("pw")).error().code, QStringLiteral("accountstore.unreadable_file"));

    // Another account's keystore in this account's file.
    QFile f(store->keystorePath(a));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(Keystore::encrypt(keyFromHex(kKeyB), secret("pw"), fast())->toJson());
    f.close();
    QCOMPARE(store->unlock(a, secret("pw")).error().code, QStringLiteral("accountstore.unreadable_file"));
    // A damaged index.
    QFile index(store->indexPath());
    QVERIFY(index.open(QIODevice::WriteOnly | QIODevice::Truncate));
    index.write("{\"version\": 1, \"accounts\": [{\"address\": \"nonsense\"}]}");
    index.close();
    QCOMPARE(AccountStore::open(tmp.path(), fast()).error().code, QStringLiteral("accountstore.corrupt_index"));
}

void TestAccountStore::derivesHdAccountsFromAMnemonic()
{
    QTemporaryDir tmp;
    auto store = AccountStore::open(tmp.path(), fast());
    // Extra spaces and capitals are accepted; the canonical phrase is what gets stored.
    auto first = store->createFromMnemonic(secret("  Abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon ABOUT "),
                                           {}, secret("pw"), QStringLiteral("Main"));
    QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().toString()));
    QCOMPARE(first->address.toChecksummed(), QString::fromLatin1(kFirstAddress));
    QCOMPARE(first->kind, AccountKind::Hd);
    QCOMPARE(first->hdPath, QStringLiteral("m/44'/60'/0'/0/0"));
    QCOMPARE(first->hdIndex, 0);
    QVERIFY(store->hasMnemonic());
    QVERIFY(QFileInfo::exists(store->mnemonicPath()));
    for (const QByteArray &content : snapshot(tmp.path()))
        QVERIFY(!content.contains("abandon"));
    QVERIFY(*store->revealMnemonic(secret("pw")) == secret(kMnemonic));

    auto second = store->deriveNext(secret("pw"), {}, QStringLiteral("Second"));
    QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().toString()));
    QCOMPARE(second->hdPath, QStringLiteral("m/44'/60'/0'/0/1"));
    QCOMPARE(second->hdIndex, 1);
    QCOMPARE(second->address, addressOf(hdKey(1)));
    QVERIFY(store->unlock(second->address, secret("pw")).ok());
    QVERIFY(*store->privateKey(second->address) == hdKey(1));

    // Removing an HD account does not reuse its index; a reopened store continues the sequence.
    QVERIFY(store->remove(second->address).ok());
    auto reopened = AccountStore::open(tmp.path(), fast());
    QVERIFY(reopened->hasMnemonic());
    auto third = reopened->deriveNext(secret("pw"), {}, QStringLiteral("Third"));
    QVERIFY(third.ok());
    QCOMPARE(third->hdIndex, 2);
    QCOMPARE(third->address, addressOf(hdKey(2)));
    QCOMPARE(reopened->accounts().size(), 2);
    QCOMPARE(reopened->account(third->address)->hdPath, QStringLiteral("m/44'/60'/0'/0/2"));
}

void TestAccountStore::hdRefusals()
{
    QTemporaryDir tmp;
    auto store = AccountStore::open(tmp.path(), fast());
    QCOMPARE(store->deriveNext(secret("pw"), {}, {}).error().code, QStringLiteral("accountstore.no_mnemonic"));
    QCOMPARE(store->revealMnemonic(secret("pw")).error().code, QStringLiteral("accountstore.no_mnemonic"));
    const auto empty = snapshot(tmp.path());
    QCOMPARE(store->createFromMnemonic(secret("abandon abandon abandon"), {}, secret("pw"), {}).error().code,
             QStringLiteral("bip39.wrong_word_count"));
    QCOMPARE(store->createFromMnemonic(secret("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon"),
                                       {}, secret("pw"), {})
                 .error()
                 .code,
             QStringLiteral("bip39.bad_checksum"));
    QCOMPARE(snapshot(tmp.path()), empty);
    QVERIFY(!store->hasMnemonic());

    auto first = store->createFromMnemonic(secret(kMnemonic), secret("TREZOR"), secret("pw"), {});
    QVERIFY(first.ok());
    QCOMPARE(first->address, addressOf(hdKey(0, "TREZOR")));
    const auto before = snapshot(tmp.path());
    QCOMPARE(store->createFromMnemonic(secret(kMnemonic), {}, secret("pw"), {}).error().code,
             QStringLiteral("accountstore.mnemonic_exists"));
    QCOMPARE(store->deriveNext(secret("bad"), secret("TREZOR"), {}).error().code, QStringLiteral("keystore.wrong_password"));
    QCOMPARE(store->deriveNext(secret("pw"), {}, {}).error().code, QStringLiteral("accountstore.wrong_passphrase"));
    QCOMPARE(store->revealMnemonic(secret("bad")).error().code, QStringLiteral("keystore.wrong_password"));
    QCOMPARE(snapshot(tmp.path()), before);
    QCOMPARE(store->accounts().size(), 1);
    QVERIFY(store->deriveNext(secret("pw"), secret("TREZOR"), {}).ok());
}

void TestAccountStore::hdSkipsAnIndexAlreadyImported()
{
    QTemporaryDir tmp;
    auto store = AccountStore::open(tmp.path(), fast());
    QVERIFY(store->createFromMnemonic(secret(kMnemonic), {}, secret("pw"), {}).ok());
    QVERIFY(store->importPrivateKey(hdKey(1), secret("pw"), QStringLiteral("by hand")).ok());
    auto next = store->deriveNext(secret("pw"), {}, {});
    QVERIFY(next.ok());
    QCOMPARE(next->hdIndex, 2);
    QCOMPARE(store->accounts().size(), 3);
}

QTEST_GUILESS_MAIN(TestAccountStore)
#include "tst_accountstore.moc"
