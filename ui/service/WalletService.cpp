#include "WalletService.h"

#include "Bip32.h"
#include "Bip39.h"
#include "Erc20.h"
#include "HdPath.h"
#include "Keystore.h"
#include "Signer.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFutureWatcher>
#include <QMutexLocker>
#include <QtConcurrent>

namespace icn::ui {

namespace {

Error walletError(const char *code, const QString &message, const QString &field = {})
{
    return Error::make(QStringLiteral("wallet.") + QLatin1String(code), message, field);
}

const char *const kDemoAddress = "0x9858EfFD232B4033E47d90003D41EC34EcaEda94";

bool isDemoAddress(const Address &address)
{
    return address.toChecksummed() == QLatin1String(kDemoAddress);
}

} // namespace

WalletService::WalletService(const QString &walletDir, MarketService *market, QObject *parent,
                             const KeystoreOptions &options)
    : QObject(parent), m_walletDir(walletDir)
{
    auto store = AccountStore::open(walletDir, options);
    if (store)
        m_store.emplace(std::move(store).value());
    else
        m_openError = store.error();
    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        if (!m_unlocked)
            return;
        lock();
        emit autoLocked();
    });
    if (QCoreApplication *app = QCoreApplication::instance())
        app->installEventFilter(this); // any key or click counts as activity for the idle lock
    setMarketService(market);
    reloadAccounts();
}

WalletService::~WalletService()
{
    m_current.waitForFinished(); // the worker uses the store
    QMutexLocker locker(&m_storeMutex);
    if (m_store)
        m_store->lockAll();
}

void WalletService::setMarketService(MarketService *market)
{
    if (m_market)
        disconnect(m_market, nullptr, this, nullptr);
    m_market = market;
    if (m_market)
        connect(m_market, &MarketService::stateChanged, this, &WalletService::balancesChanged);
    emit balancesChanged();
}

std::optional<WalletAccount> WalletService::account(const Address &address) const
{
    for (const WalletAccount &a : m_accounts)
        if (a.address == address)
            return a;
    return std::nullopt;
}

bool WalletService::hasMnemonic() const
{
    for (const WalletAccount &a : m_accounts)
        if (a.isDerived())
            return true;
    return false;
}

Amount WalletService::balance(const Address &address) const
{
    return m_market ? m_market->balance(address) : Amount::zero();
}

void WalletService::setAutoLockMinutes(int minutes)
{
    m_autoLockMinutes = qMax(0, minutes);
    setAutoLockInterval(std::chrono::minutes(m_autoLockMinutes));
}

void WalletService::setAutoLockInterval(std::chrono::milliseconds interval)
{
    m_autoLockInterval = interval;
    noteActivity();
}

void WalletService::noteActivity()
{
    if (m_unlocked && m_autoLockInterval.count() > 0)
        m_idleTimer.start(m_autoLockInterval);
    else
        m_idleTimer.stop();
}

bool WalletService::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::Wheel:
        if (m_unlocked && watched->isWidgetType())
            noteActivity();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

// ---- running work off the GUI thread ----------------------------------------------------------

template <typename T>
void WalletService::run(QObject *context, std::function<Result<T>()> work, std::function<void(Result<T> &)> apply,
                        Callback<T> done)
{
    auto box = std::make_shared<std::optional<Result<T>>>();
    const bool hasContext = context != nullptr;
    QPointer<QObject> target(context);
    setBusy(true);
    auto *watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcher<void>::finished, this,
            [this, watcher, box, apply = std::move(apply), done = std::move(done), hasContext, target] {
                watcher->deleteLater();
                m_current = QFuture<void>();
                Result<T> result = std::move(**box);
                box->reset();
                setBusy(false);
                if (apply)
                    apply(result);
                if (m_lockWhenIdle) {
                    m_lockWhenIdle = false;
                    lock();
                }
                if (done && (!hasContext || target))
                    done(std::move(result));
            });
    m_current = QtConcurrent::run([this, box, work = std::move(work)] {
        QMutexLocker locker(&m_storeMutex);
        box->emplace(work());
    });
    watcher->setFuture(m_current);
}

template <typename T>
bool WalletService::refuseIfBusy(QObject *context, const Callback<T> &done)
{
    Error error;
    if (m_busy)
        error = walletError("busy", tr("The wallet is still busy with the previous operation."));
    else if (m_openError)
        error = *m_openError;
    else
        return false;
    // Callbacks always arrive later, never inside the call, so callers see one behaviour.
    QMetaObject::invokeMethod(context ? context : this, [done, error] {
        if (done)
            done(Result<T>(error));
    }, Qt::QueuedConnection);
    return true;
}

void WalletService::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
}

void WalletService::setUnlocked(bool unlocked)
{
    if (m_unlocked != unlocked) {
        m_unlocked = unlocked;
        emit lockStateChanged(unlocked);
    }
    noteActivity();
}

void WalletService::reloadAccounts()
{
    QList<WalletAccount> accounts;
    {
        QMutexLocker locker(&m_storeMutex);
        if (m_store) {
            for (const icn::AccountInfo &info : m_store->accounts())
                accounts.append({info.address, info.label, info.hdPath, isDemoAddress(info.address)});
        }
    }
    if (accounts != m_accounts) {
        m_accounts = accounts;
        emit accountsChanged();
    }
}

void WalletService::onAccountAdded(Result<Address> &result)
{
    if (!result)
        return;
    reloadAccounts();
    emit balancesChanged();
}

// ---- worker side (store mutex held) -----------------------------------------------------------

Result<void> WalletService::checkWalletPassword(const SecureBytes &password) const
{
    // One password protects the whole wallet: a new account must use the one already in place.
    const QList<icn::AccountInfo> existing = m_store->accounts();
    if (existing.isEmpty())
        return {};
    auto json = m_store->exportKeystore(existing.front().address);
    if (!json)
        return json.error();
    auto keystore = Keystore::parse(*json);
    if (!keystore)
        return keystore.error();
    auto key = keystore->decrypt(password);
    if (!key) {
        if (key.error().code == QLatin1String("keystore.wrong_password"))
            return walletError("wrong_password", tr("This is not the password the wallet already uses."),
                               QStringLiteral("password"));
        return key.error();
    }
    return {};
}

Result<SecureBytes> WalletService::keyFor(const Address &address, const SecureBytes &password) const
{
    if (!m_store->contains(address))
        return walletError("unknown_account", tr("There is no account %1 in this wallet.").arg(address.toChecksummed()));
    if (m_store->isUnlocked(address))
        return m_store->privateKey(address);
    if (password.isEmpty())
        return walletError("locked", tr("The wallet is locked: type your password."), QStringLiteral("password"));
    auto json = m_store->exportKeystore(address);
    if (!json)
        return json.error();
    auto keystore = Keystore::parse(*json);
    if (!keystore)
        return keystore.error();
    return keystore->decrypt(password);
}

Result<Address> WalletService::addPrivateKey(const SecureBytes &key, const SecureBytes &password, const QString &label)
{
    auto address = signer::addressOf(key);
    if (!address)
        return address.error();
    if (m_store->contains(*address))
        return walletError("duplicate_account", tr("Account %1 is already in the wallet.").arg(address->toChecksummed()));
    if (auto checked = checkWalletPassword(password); !checked)
        return checked.error();
    auto added = m_store->importPrivateKey(key, password, label);
    if (!added)
        return added.error();
    return added->address;
}

Result<Address> WalletService::carryOut(const WalletRequest &request)
{
    switch (request.kind) {
    case WalletRequest::Kind::Create:
    case WalletRequest::Kind::ImportMnemonic: {
        if (m_store->hasMnemonic())
            return walletError("mnemonic_exists", tr("This wallet already has a recovery phrase. Remove its "
                                                     "accounts first, or import this one into a new data folder."));
        if (auto checked = checkWalletPassword(request.password); !checked)
            return checked.error();
        auto added = m_store->createFromMnemonic(request.mnemonic, SecureBytes(), request.password, request.label);
        if (!added) {
            if (added.error().code == QLatin1String("accountstore.duplicate"))
                return walletError("duplicate_account", added.error().message);
            return added.error();
        }
        return added->address;
    }
    case WalletRequest::Kind::ImportKeystore: {
        // Re-encrypted under the wallet password, so one password unlocks every account.
        auto keystore = Keystore::parse(request.keystoreJson);
        if (!keystore)
            return keystore.error();
        auto key = keystore->decrypt(request.keystorePassword);
        if (!key)
            return key.error();
        return addPrivateKey(*key, request.password, request.label);
    }
    case WalletRequest::Kind::Demo: {
        // Imported as a plain key, not as the wallet's phrase: its phrase is public.
        auto seed = Bip39::mnemonicToSeed(request.mnemonic);
        if (!seed)
            return seed.error();
        auto master = Bip32::ExtendedKey::fromSeed(*seed);
        if (!master)
            return master.error();
        auto child = master->derive(HdPath::ethereum(0, 0));
        if (!child)
            return child.error();
        return addPrivateKey(child->privateKey(), request.password, request.label);
    }
    }
    return walletError("bad_request", tr("Unknown wallet request."));
}

// ---- slow operations --------------------------------------------------------------------------

void WalletService::submit(WalletRequest request, QObject *context, Callback<Address> done)
{
    if (refuseIfBusy(context, done))
        return;
    auto shared = std::make_shared<WalletRequest>(std::move(request));
    run<Address>(
        context,
        [this, shared] {
            Result<Address> result = carryOut(*shared);
            shared->clearSecrets();
            return result;
        },
        [this](Result<Address> &result) { onAccountAdded(result); }, std::move(done));
}

void WalletService::deriveNext(const QString &label, SecureBytes password, QObject *context, Callback<Address> done)
{
    if (refuseIfBusy(context, done))
        return;
    auto secret = std::make_shared<SecureBytes>(std::move(password));
    run<Address>(
        context,
        [this, secret, label]() -> Result<Address> {
            auto added = m_store->deriveNext(*secret, SecureBytes(), label);
            secret->clear();
            if (!added) {
                if (added.error().code == QLatin1String("accountstore.no_mnemonic"))
                    return walletError("no_mnemonic", added.error().message);
                return added.error();
            }
            return added->address;
        },
        [this](Result<Address> &result) { onAccountAdded(result); }, std::move(done));
}

void WalletService::importPrivateKey(SecureBytes privateKey, const QString &label, SecureBytes password,
                                     QObject *context, Callback<Address> done)
{
    if (refuseIfBusy(context, done))
        return;
    auto key = std::make_shared<SecureBytes>(std::move(privateKey));
    auto secret = std::make_shared<SecureBytes>(std::move(password));
    run<Address>(
        context,
        [this, key, secret, label] {
            Result<Address> result = addPrivateKey(*key, *secret, label);
            key->clear();
            secret->clear();
            return result;
        },
        [this](Result<Address> &result) { onAccountAdded(result); }, std::move(done));
}

void WalletService::unlockWallet(SecureBytes password, QObject *context, Callback<void> done)
{
    if (refuseIfBusy(context, done))
        return;
    auto secret = std::make_shared<SecureBytes>(std::move(password));
    run<void>(
        context,
        [this, secret]() -> Result<void> {
            // Accounts that another password protects stay locked; none opening means a wrong password.
            int opened = 0;
            Error last = walletError("no_accounts", tr("The wallet has no accounts yet."));
            for (const icn::AccountInfo &info : m_store->accounts()) {
                auto unlocked = m_store->unlock(info.address, *secret);
                if (unlocked)
                    ++opened;
                else
                    last = unlocked.error();
            }
            secret->clear();
            if (opened == 0)
                return last;
            return {};
        },
        [this](Result<void> &result) {
            if (result)
                setUnlocked(true);
        },
        std::move(done));
}

void WalletService::revealMnemonic(SecureBytes password, QObject *context, Callback<SecureBytes> done)
{
    if (refuseIfBusy(context, done))
        return;
    auto secret = std::make_shared<SecureBytes>(std::move(password));
    run<SecureBytes>(
        context,
        [this, secret] {
            auto mnemonic = m_store->revealMnemonic(*secret);
            secret->clear();
            return mnemonic;
        },
        {}, std::move(done));
}

void WalletService::signBaseTransfer(const BaseTransfer &transfer, SecureBytes password, QObject *context,
                                     Callback<SignedTransaction> done)
{
    if (refuseIfBusy(context, done))
        return;
    auto secret = std::make_shared<SecureBytes>(std::move(password));
    run<SignedTransaction>(
        context,
        [this, secret, transfer]() -> Result<SignedTransaction> {
            auto key = keyFor(transfer.from, *secret);
            secret->clear();
            if (!key)
                return key.error();
            erc20::TransferParams params;
            params.chainId = erc20::kBaseChainId;
            params.token = erc20::icntOnBase();
            params.nonce = transfer.nonce;
            params.maxFeePerGas = transfer.maxFeePerGas;
            params.maxPriorityFeePerGas = transfer.maxPriorityFeePerGas;
            params.gasLimit = transfer.gasLimit;
            auto tx = erc20::transferTransaction(transfer.to, transfer.amount, params);
            if (!tx)
                return tx.error();
            return tx->sign(*key);
        },
        {}, std::move(done));
}

void WalletService::transferInMirror(const Address &from, const Address &to, Amount amount, SecureBytes password,
                                     QObject *context, Callback<void> done)
{
    if (!m_market) {
        QMetaObject::invokeMethod(context ? context : this, [done] {
            if (done)
                done(walletError("no_market", tr("No network is open.")));
        }, Qt::QueuedConnection);
        return;
    }
    if (refuseIfBusy(context, done))
        return;
    auto secret = std::make_shared<SecureBytes>(std::move(password));
    // The key is decrypted on the worker; the engine call itself is made on the GUI thread.
    run<SecureBytes>(
        context,
        [this, secret, from] {
            auto key = keyFor(from, *secret);
            secret->clear();
            return key;
        },
        {},
        [this, from, to, amount, done](Result<SecureBytes> key) {
            if (!key) {
                if (done)
                    done(key.error());
                return;
            }
            Result<void> sent = m_market ? m_market->transfer(from, to, amount, *key)
                                         : Result<void>(walletError("no_market", tr("No network is open.")));
            key.value().clear();
            if (done)
                done(sent);
        });
}

// ---- quick operations -------------------------------------------------------------------------

// Our worker holds the store mutex only while m_busy is set; KeyProvider callers on other threads
// hold it just long enough to copy a keystore. So when not busy, taking the mutex never waits long.

void WalletService::lock()
{
    if (m_busy) {
        m_lockWhenIdle = true; // the worker may be using an unlocked key right now
        return;
    }
    {
        QMutexLocker locker(&m_storeMutex);
        if (m_store)
            m_store->lockAll();
    }
    setUnlocked(false);
}

Result<void> WalletService::rename(const Address &address, const QString &label)
{
    if (m_openError)
        return *m_openError;
    if (label.trimmed().isEmpty())
        return walletError("bad_label", tr("Give the account a name."), QStringLiteral("label"));
    if (m_busy)
        return walletError("busy", tr("The wallet is still busy with the previous operation."));
    QMutexLocker locker(&m_storeMutex);
    Result<void> renamed = m_store->rename(address, label);
    locker.unlock();
    if (renamed)
        reloadAccounts();
    return renamed;
}

Result<void> WalletService::remove(const Address &address)
{
    if (m_openError)
        return *m_openError;
    if (m_busy)
        return walletError("busy", tr("The wallet is still busy with the previous operation."));
    QMutexLocker locker(&m_storeMutex);
    Result<void> removed = m_store->remove(address);
    bool anyUnlocked = false;
    for (const icn::AccountInfo &info : m_store->accounts())
        anyUnlocked = anyUnlocked || m_store->isUnlocked(info.address);
    locker.unlock();
    if (removed) {
        reloadAccounts();
        if (!anyUnlocked)
            setUnlocked(false);
    }
    return removed;
}

Result<QByteArray> WalletService::exportKeystore(const Address &address) const
{
    if (m_openError)
        return *m_openError;
    if (m_busy)
        return walletError("busy", tr("The wallet is still busy with the previous operation."));
    QMutexLocker locker(&m_storeMutex);
    return m_store->exportKeystore(address);
}

Result<SecureBytes> WalletService::unlock(const Address &account, const SecureBytes &password)
{
    QByteArray json;
    {
        QMutexLocker locker(&m_storeMutex);
        if (!m_store)
            return *m_openError;
        if (!m_store->contains(account))
            return walletError("unknown_account", tr("There is no account %1 in this wallet.").arg(account.toChecksummed()));
        if (password.isEmpty() && m_store->isUnlocked(account))
            return m_store->privateKey(account);
        auto exported = m_store->exportKeystore(account);
        if (!exported)
            return exported.error();
        json = *exported;
    }
    // The slow part runs without the lock, so the GUI thread's quick operations are not held up.
    auto keystore = Keystore::parse(json);
    if (!keystore)
        return keystore.error();
    return keystore->decrypt(password);
}

} // namespace icn::ui
