#pragma once

#include "Address.h"
#include "AccountStore.h"
#include "Amount.h"
#include "BaseTransfer.h"
#include "KeyProvider.h"
#include "MarketService.h"
#include "Result.h"
#include "SecureBytes.h"
#include "SignedTransaction.h"
#include "WalletAccount.h"
#include "WalletRequest.h"

#include <QFuture>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace icn::ui {


// The wallet as views see it: the accounts with their labels and balances, and every operation on
// keys. Everything that runs scrypt or PBKDF2 (create, import, unlock, reveal, sign with a password)
// runs on a worker thread; the result comes back on the GUI thread to a callback bound to a context
// object (dropped if the context is gone) and through the change signals below.
//
// One operation at a time: while one runs, isBusy() is true and new ones fail with "wallet.busy".
// Unlocking keeps the decrypted keys in memory (SecureBytes) until lock(), the idle auto-lock
// timer, or destruction; while unlocked, operations that need a key take an empty password.
//
// Error codes besides the wallet library's: "wallet.busy", "wallet.locked" (no password and not
// unlocked), "wallet.unknown_account", "wallet.no_market", "wallet.no_mnemonic",
// "wallet.duplicate_account", "wallet.bad_label".
class WalletService : public QObject, public KeyProvider
{
    Q_OBJECT

public:
    template <typename T>
    using Callback = std::function<void(Result<T>)>;

    // The wallet lives in `walletDir` (created when missing; AccountStore's layout). `market` may be
    // null until a network is open. `options` are the KDF parameters of new keystores: tests pass a
    // small scrypt N, a real wallet keeps the defaults.
    WalletService(const QString &walletDir, MarketService *market, QObject *parent = nullptr,
                  const KeystoreOptions &options = {});
    ~WalletService() override;

    // Why the wallet folder could not be opened (then every operation fails with it), or null.
    const std::optional<Error> &openError() const { return m_openError; }

    void setMarketService(MarketService *market);
    MarketService *marketService() const { return m_market; }
    QString walletDir() const { return m_walletDir; }

    // Reading (GUI thread, instant).
    QList<WalletAccount> accounts() const { return m_accounts; }
    std::optional<WalletAccount> account(const Address &address) const;
    bool hasAccounts() const { return !m_accounts.isEmpty(); }
    bool hasMnemonic() const;
    Amount balance(const Address &address) const; // 0 without a market
    bool isUnlocked() const { return m_unlocked; }
    bool isBusy() const { return m_busy; }

    // Idle auto-lock: after `minutes` without noteActivity() the wallet locks (0 = never).
    int autoLockMinutes() const { return m_autoLockMinutes; }
    void setAutoLockMinutes(int minutes);
    // The same in any unit, for tests (minutes are too long to wait for).
    void setAutoLockInterval(std::chrono::milliseconds interval);
    void noteActivity();

    // Slow operations (worker thread).
    void submit(WalletRequest request, QObject *context, Callback<Address> done);
    void deriveNext(const QString &label, SecureBytes password, QObject *context, Callback<Address> done);
    void importPrivateKey(SecureBytes privateKey, const QString &label, SecureBytes password, QObject *context,
                          Callback<Address> done);
    void unlockWallet(SecureBytes password, QObject *context, Callback<void> done);
    void revealMnemonic(SecureBytes password, QObject *context, Callback<SecureBytes> done);
    void signBaseTransfer(const BaseTransfer &transfer, SecureBytes password, QObject *context,
                          Callback<SignedTransaction> done);
    // An ICNT transfer inside the local mirror (MarketService::transfer), signed with `from`'s key.
    void transferInMirror(const Address &from, const Address &to, Amount amount, SecureBytes password,
                          QObject *context, Callback<void> done);

    // Quick operations (GUI thread).
    void lock();
    Result<void> rename(const Address &address, const QString &label);
    Result<void> remove(const Address &address);
    Result<QByteArray> exportKeystore(const Address &address) const; // the encrypted v3 JSON, as stored

    // KeyProvider: any thread; decrypts one account's keystore with `password` (or uses the
    // unlocked key when the password is empty and the wallet is unlocked).
    Result<SecureBytes> unlock(const Address &account, const SecureBytes &password) override;

signals:
    void accountsChanged();
    void balancesChanged();
    void lockStateChanged(bool unlocked);
    void busyChanged(bool busy);
    void autoLocked();

private:
    template <typename T>
    void run(QObject *context, std::function<Result<T>()> work, std::function<void(Result<T> &)> apply,
             Callback<T> done);
    template <typename T>
    bool refuseIfBusy(QObject *context, const Callback<T> &done);
    void setBusy(bool busy);
    void setUnlocked(bool unlocked);
    void reloadAccounts();
    void onAccountAdded(Result<Address> &result);
    // Worker side, store mutex held.
    Result<void> checkWalletPassword(const SecureBytes &password) const;
    Result<SecureBytes> keyFor(const Address &address, const SecureBytes &password) const;
    Result<Address> addPrivateKey(const SecureBytes &key, const SecureBytes &password, const QString &label);
    Result<Address> carryOut(const WalletRequest &request);

    bool eventFilter(QObject *watched, QEvent *event) override;

    QString m_walletDir;
    QPointer<MarketService> m_market;
    std::optional<AccountStore> m_store; // guarded by m_storeMutex
    std::optional<Error> m_openError;
    mutable QMutex m_storeMutex; // the GUI thread, our worker and KeyProvider callers share the store
    QList<WalletAccount> m_accounts;  // GUI thread copy of the index
    QFuture<void> m_current;
    QTimer m_idleTimer;
    int m_autoLockMinutes = 10;
    std::chrono::milliseconds m_autoLockInterval = std::chrono::minutes(10);
    bool m_busy = false;
    bool m_unlocked = false;
    bool m_lockWhenIdle = false; // lock() arrived while a worker held the store
};

} // namespace icn::ui
