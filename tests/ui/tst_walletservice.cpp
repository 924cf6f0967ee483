#include "WalletTestSupport.h"

#include "service/FakeMarketService.h"
#include "service/WalletService.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

using namespace icn;
using namespace icn::ui;

namespace {
const char *const kPassword = "Kitchen5-table";

SecureBytes secret(const char *text)
{
    return SecureBytes(QByteArrayView(text));
}
} // namespace

class TestWalletService : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void oneOperationRunsAtATime();
    void newAccountsMustUseTheWalletPassword();
    void aSecondRecoveryPhraseIsRefused();
    void theSameKeyCannotBeAddedTwice();
    void deriveNextAddsTheNextBip44Account();
    void theKeyProviderDecryptsFromAWorkerThread();
    void unlockingKeepsKeysUntilTheIdleTimerLocks();
    void lockDuringAnOperationLocksWhenItEnds();
    void signingWhileLockedNeedsThePassword();
    void aBrokenWalletFolderIsReportedAndRefusesEverything();

private:
    Result<Address> importKey(char fill, const char *password);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<WalletService> m_wallet;
};

void TestWalletService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_wallet = std::make_unique<WalletService>(m_dir->filePath(QStringLiteral("wallet")), nullptr, nullptr, test::fastKdf());
}

void TestWalletService::cleanup()
{
    m_wallet.reset();
    m_dir.reset();
}

Result<Address> TestWalletService::importKey(char fill, const char *password)
{
    auto result = test::waitFor<Address>([&](QObject *context, WalletService::Callback<Address> done) {
        m_wallet->importPrivateKey(SecureBytes(QByteArray(32, fill)), QStringLiteral("Key"), secret(password), context,
                                   std::move(done));
    });
    if (!result)
        return Error::make(QStringLiteral("test.timeout"), QString());
    return std::move(*result);
}

void TestWalletService::oneOperationRunsAtATime()
{
    QSignalSpy busy(m_wallet.get(), &WalletService::busyChanged);
    std::optional<Result<Address>> first, second;
    QObject context;
    WalletRequest a;
    a.kind = WalletRequest::Kind::Demo;
    a.mnemonic = secret(test::demoMnemonic());
    a.password = secret(kPassword);
    a.label = QStringLiteral("Demo");
    WalletRequest b = a;
    m_wallet->submit(std::move(a), &context, [&](Result<Address> r) { first.emplace(std::move(r)); });
    QVERIFY(m_wallet->isBusy());
    m_wallet->submit(std::move(b), &context, [&](Result<Address> r) { second.emplace(std::move(r)); });
    QVERIFY(!second.has_value()); // refusals arrive later too, never inside the call
    QTRY_VERIFY(first.has_value() && second.has_value());
    QVERIFY(first->ok());
    QCOMPARE(second->error().code, QStringLiteral("wallet.busy"));
    QCOMPARE(m_wallet->accounts().size(), 1);
    QCOMPARE(busy.count(), 2);
    QVERIFY(!m_wallet->isBusy());
}

void TestWalletService::newAccountsMustUseTheWalletPassword()
{
    QVERIFY(importKey('\x11', kPassword).ok());
    auto other = importKey('\x12', "another password");
    QVERIFY(!other.ok());
    QCOMPARE(other.error().code, QStringLiteral("wallet.wrong_password"));
    QCOMPARE(m_wallet->accounts().size(), 1);
    QVERIFY(importKey('\x12', kPassword).ok());
    QCOMPARE(m_wallet->accounts().size(), 2);
}

void TestWalletService::aSecondRecoveryPhraseIsRefused()
{
    QVERIFY(test::submitAndWait(*m_wallet, WalletRequest::Kind::ImportMnemonic, kPassword, test::demoMnemonic()).ok());
    auto again = test::submitAndWait(*m_wallet, WalletRequest::Kind::Create, kPassword,
                                     "legal winner thank year wave sausage worth useful legal winner thank yellow");
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, QStringLiteral("wallet.mnemonic_exists"));
    QCOMPARE(m_wallet->accounts().size(), 1);
}

void TestWalletService::theSameKeyCannotBeAddedTwice()
{
    QVERIFY(test::submitAndWait(*m_wallet, WalletRequest::Kind::Demo, kPassword, test::demoMnemonic()).ok());
    auto again = test::submitAndWait(*m_wallet, WalletRequest::Kind::Demo, kPassword, test::demoMnemonic());
    QCOMPARE(again.error().code, QStringLiteral("wallet.duplicate_account"));
    QCOMPARE(m_wallet->accounts().size(), 1);
}

void TestWalletService::deriveNextAddsTheNextBip44Account()
{
    QVERIFY(test::submitAndWait(*m_wallet, WalletRequest::Kind::ImportMnemonic, kPassword, test::demoMnemonic()).ok());
    QVERIFY(m_wallet->hasMnemonic());
    auto derive = [this](const char *password) {
        return *test::waitFor<Address>([&](QObject *context, WalletService::Callback<Address> done) {
            m_wallet->deriveNext(QStringLiteral("Second"), secret(password), context, std::move(done));
        });
    };
    auto wrong = derive("nope");
    QCOMPARE(wrong.error().code, QStringLiteral("keystore.wrong_password"));
    QCOMPARE(m_wallet->accounts().size(), 1);
    auto next = derive(kPassword);
    QVERIFY(next.ok());
    QCOMPARE(*next, *signer::addressOf(test::hdKey(test::demoMnemonic(), 1)));
    QCOMPARE(m_wallet->accounts().at(1).hdPath, QStringLiteral("m/44'/60'/0'/0/1"));
}

void TestWalletService::theKeyProviderDecryptsFromAWorkerThread()
{
    auto demo = test::submitAndWait(*m_wallet, WalletRequest::Kind::Demo, kPassword, test::demoMnemonic());
    QVERIFY(demo.ok());
    KeyProvider *keys = m_wallet.get();
    const Address address = *demo;
    auto key = QtConcurrent::run([keys, address] { return std::optional(keys->unlock(address, secret(kPassword))); }).result();
    QVERIFY(key->ok());
    QVERIFY(key->value() == test::hdKey(test::demoMnemonic()));
    auto wrong = QtConcurrent::run([keys, address] { return std::optional(keys->unlock(address, secret("x"))); }).result();
    QCOMPARE(wrong->error().code, QStringLiteral("keystore.wrong_password"));
    const Address stranger = *signer::addressOf(SecureBytes(QByteArray(32, '\x55')));
    QCOMPARE(keys->unlock(stranger, secret(kPassword)).error().code, QStringLiteral("wallet.unknown_account"));
}

void TestWalletService::unlockingKeepsKeysUntilTheIdleTimerLocks()
{
    auto demo = test::submitAndWait(*m_wallet, WalletRequest::Kind::Demo, kPassword, test::demoMnemonic());
    QVERIFY(demo.ok());
    QSignalSpy lockState(m_wallet.get(), &WalletService::lockStateChanged);
    QSignalSpy autoLocked(m_wallet.get(), &WalletService::autoLocked);
    auto wrong = test::waitFor<void>([&](QObject *c, WalletService::Callback<void> done) {
        m_wallet->unlockWallet(secret("wrong"), c, std::move(done));
    });
    QCOMPARE(wrong->error().code, QStringLiteral("keystore.wrong_password"));
    QVERIFY(!m_wallet->isUnlocked());

    m_wallet->setAutoLockMinutes(0); // never, while we look
    auto unlocked = test::waitFor<void>([&](QObject *c, WalletService::Callback<void> done) {
        m_wallet->unlockWallet(secret(kPassword), c, std::move(done));
    });
    QVERIFY(unlocked->ok());
    QVERIFY(m_wallet->isUnlocked());
    QCOMPARE(lockState.count(), 1);
    QVERIFY(m_wallet->unlock(*demo, SecureBytes()).ok()); // no password needed while unlocked

    m_wallet->setAutoLockInterval(std::chrono::milliseconds(20));
    QTRY_VERIFY(!m_wallet->isUnlocked());
    QCOMPARE(autoLocked.count(), 1);
    QCOMPARE(lockState.count(), 2);
    QCOMPARE(m_wallet->unlock(*demo, SecureBytes()).error().code, QStringLiteral("keystore.wrong_password"));
}

void TestWalletService::lockDuringAnOperationLocksWhenItEnds()
{
    QVERIFY(test::submitAndWait(*m_wallet, WalletRequest::Kind::ImportMnemonic, kPassword, test::demoMnemonic()).ok());
    m_wallet->setAutoLockMinutes(0);
    QObject context;
    bool unlockedDone = false;
    m_wallet->unlockWallet(secret(kPassword), &context, [&](Result<void> r) { unlockedDone = r.ok(); });
    QTRY_VERIFY(unlockedDone);
    bool derived = false;
    m_wallet->deriveNext(QStringLiteral("Next"), secret(kPassword), &context, [&](Result<Address> r) { derived = r.ok(); });
    m_wallet->lock(); // the worker may hold the store: the lock waits for it
    QTRY_VERIFY(derived);
    QVERIFY(!m_wallet->isUnlocked());
}

void TestWalletService::signingWhileLockedNeedsThePassword()
{
    auto demo = test::submitAndWait(*m_wallet, WalletRequest::Kind::Demo, kPassword, test::demoMnemonic());
    BaseTransfer transfer;
    transfer.from = *demo;
    transfer.to = *Address::parse(u"0x8ba1f109551bD432803012645Ac136ddd64DBA72");
    transfer.amount = Amount::fromIcnt(1);
    transfer.maxFeePerGas = UInt256::fromUInt64(100);
    transfer.maxPriorityFeePerGas = UInt256::fromUInt64(1);
    auto locked = test::waitFor<SignedTransaction>([&](QObject *c, WalletService::Callback<SignedTransaction> done) {
        m_wallet->signBaseTransfer(transfer, SecureBytes(), c, std::move(done));
    });
    QCOMPARE(locked->error().code, QStringLiteral("wallet.locked"));
    auto noMarket = test::waitFor<void>([&](QObject *c, WalletService::Callback<void> done) {
        m_wallet->transferInMirror(*demo, transfer.to, transfer.amount, secret(kPassword), c, std::move(done));
    });
    QCOMPARE(noMarket->error().code, QStringLiteral("wallet.no_market"));
    auto signedTx = test::waitFor<SignedTransaction>([&](QObject *c, WalletService::Callback<SignedTransaction> done) {
        m_wallet->signBaseTransfer(transfer, secret(kPassword), c, std::move(done));
    });
    QVERIFY(signedTx->ok());
    QCOMPARE(signedTx->value().from, *demo);
}

void TestWalletService::aBrokenWalletFolderIsReportedAndRefusesEverything()
{
    const QString file = m_dir->filePath(QStringLiteral("not-a-folder"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    WalletService broken(file, nullptr, nullptr, test::fastKdf());
    QVERIFY(broken.openError().has_value());
    QVERIFY(broken.accounts().isEmpty());
    auto refused = test::submitAndWait(broken, WalletRequest::Kind::Demo, kPassword, test::demoMnemonic());
    QCOMPARE(refused.error().code, broken.openError()->code);
    QCOMPARE(broken.rename(Address(), QStringLiteral("x")).error().code, broken.openError()->code);
}

QTEST_MAIN(TestWalletService)
#include "tst_walletservice.moc"
