#pragma once

#include "Address.h"
#include "AppServices.h"
#include "Keystore.h"
#include "PageRegistry.h"
#include "Result.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

namespace icn::ui {

class AppSettings;
class LocalMarketService;
class FakeKeyProvider;
class FirstRunWizard;
class MainWindow;
class MarketService;
class WalletService;
struct FirstRunRequest;

// Composes the app at start-up, so main() stays thin and tests can drive the real path:
//  - a fresh data folder (no mirror database yet) runs the FirstRunWizard: the network (demo or a
//    validated snapshot) and the wallet; Finish creates the mirror in a worker behind a progress
//    dialog (the demo is `icnctl init --demo`'s: a year of simulated market history) and opens the
//    window with that account active. Cancel removes the folders the start created and asks to quit.
//  - an existing data folder opens directly, restoring the last active account (AppSettings).
//  - fake mode: the in-memory demo network with its demo key, no wizard and nothing stored.
// Owns the services and the window; the settings object must outlive it.
class AppController : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString dataDir;
        bool fake = false;
        KeystoreOptions keystore; // KDF of new keystores (tests pass a small scrypt N)
    };

    AppController(Options options, AppSettings *settings, QObject *parent = nullptr);
    ~AppController() override;

    // Whether `dataDir` still needs the first-run wizard (it holds no mirror database).
    static bool needsFirstRun(const QString &dataDir);
    // The fake mode's demo password.
    static QString fakePassword() { return QStringLiteral("demo"); }

    // The first-run wizard on a fresh folder, else the window (shown). Errors: the mirror's open errors.
    Result<void> start();
    // Opens the mirror (the demo network when there is none) and builds the window, without
    // showing it (screenshots) unless `show`.
    Result<void> openWindow(bool show);

    FirstRunWizard *firstRunWizard() const;
    // The progress dialog while the first run creates the network (in a worker); null otherwise.
    QWidget *creationProgress() const { return m_creationProgress.data(); }
    MainWindow *window() const { return m_window.get(); }
    MarketService *market() const { return m_market.get(); }
    WalletService *wallet() const { return m_wallet.get(); }

signals:
    void windowOpened();
    // The first-run wizard was cancelled (0) or its network could not be created (1).
    void quitRequested(int exitCode);

private:
    void showFirstRunWizard();
    void onFirstRunFinished(const FirstRunRequest &request);
    void onFirstRunRejected();
    void onNetworkCreated(const Address &account);
    Result<void> openServices();
    void buildWindow(const Address &account, bool show);
    Address restoredAccount() const;
    void ensureWallet();

    Options m_options;
    AppSettings *m_settings;
    PageRegistry m_registry;
    std::unique_ptr<MarketService> m_market;
    std::unique_ptr<WalletService> m_wallet;
    std::unique_ptr<FakeKeyProvider> m_fakeKeys;
    std::unique_ptr<MainWindow> m_window;
    QPointer<FirstRunWizard> m_wizard;
    QString m_createdRoot; // the topmost folder this start created (removed again on Cancel)
    // The first run's network, created off the GUI thread (the demo simulates a year of history).
    using Created = Result<std::unique_ptr<LocalMarketService>>;
    QFutureWatcher<Created> m_creation;
    QPointer<QWidget> m_creationProgress;
};

} // namespace icn::ui
