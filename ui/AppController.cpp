#include "AppController.h"

#include "AppSettings.h"
#include "MainWindow.h"
#include "StandardPages.h"
#include "dialogs/MessageBox.h"
#include "service/FakeKeyProvider.h"
#include "service/FakeMarketService.h"
#include "service/LocalMarketService.h"
#include "service/WalletService.h"
#include "wizards/FirstRunWizard.h"

#include "DemoNetwork.h"
#include "NetworkTypes.h"

#include <QDir>
#include <QFileInfo>

namespace icn::ui {

namespace {

// The topmost missing folder on the way to `path` (what mkpath would create), or empty.
QString firstMissingAncestor(const QString &path)
{
    QString missing;
    QFileInfo at(QDir::cleanPath(QDir(path).absolutePath()));
    while (!at.exists()) {
        missing = at.absoluteFilePath();
        const QFileInfo up(at.absolutePath());
        if (up.absoluteFilePath() == at.absoluteFilePath())
            break;
        at = up;
    }
    return missing;
}

} // namespace

AppController::AppController(Options options, AppSettings *settings, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_settings(settings)
{
    registerStandardPages(m_registry);
    if (m_settings)
        connect(m_settings, &AppSettings::changed, this, [this](AppSettings::Key key) {
            if (key == AppSettings::Key::AutoLockMinutes && m_wallet)
                m_wallet->setAutoLockMinutes(m_settings->autoLockMinutes());
        });
}

AppController::~AppController()
{
    // The Wallet page changes the auto-lock on the service directly; keep what the user left.
    if (m_window && m_wallet && m_settings) {
        m_settings->setAutoLockMinutes(m_wallet->autoLockMinutes());
        m_settings->sync();
    }
    delete m_wizard.data();
    m_window.reset(); // pages hold service pointers
    m_wallet.reset();
    m_market.reset();
}

FirstRunWizard *AppController::firstRunWizard() const
{
    return m_wizard.data();
}

bool AppController::needsFirstRun(const QString &dataDir)
{
    return !LocalMarketService::hasMirror(dataDir);
}

Result<void> AppController::start()
{
    if (!m_options.fake && needsFirstRun(m_options.dataDir)) {
        showFirstRunWizard();
        return {};
    }
    return openWindow(true);
}

void AppController::ensureWallet()
{
    if (!m_wallet)
        m_wallet = std::make_unique<WalletService>(m_options.dataDir, m_market.get(), nullptr, m_options.keystore);
    if (m_settings)
        m_wallet->setAutoLockMinutes(m_settings->autoLockMinutes());
}

void AppController::showFirstRunWizard()
{
    m_createdRoot = firstMissingAncestor(m_options.dataDir);
    ensureWallet(); // the wizard writes the account into it (creates the folder)
    m_wizard = new FirstRunWizard(m_options.dataDir, m_wallet.get());
    m_wizard->setAttribute(Qt::WA_DeleteOnClose);
    m_wizard->setSnapshotValidator([](const QString &path) -> Result<void> {
        const Result<NetworkSnapshot> checked = LocalMarketService::validateSnapshotFile(path);
        if (!checked)
            return checked.error();
        return {};
    });
    connect(m_wizard, &FirstRunWizard::firstRunFinished, this, &AppController::onFirstRunFinished);
    connect(m_wizard, &QDialog::rejected, this, &AppController::onFirstRunRejected);
    m_wizard->show();
}

void AppController::onFirstRunFinished(const FirstRunRequest &request)
{
    // Runs before the wizard closes, so a window is always up (the app does not quit in between).
    Result<std::unique_ptr<LocalMarketService>> local = Error::make(QStringLiteral("app.no_network"), QString());
    if (request.network == FirstRunRequest::Network::Snapshot) {
        const Result<NetworkSnapshot> snapshot = LocalMarketService::validateSnapshotFile(request.snapshotPath);
        local = snapshot ? LocalMarketService::openOrCreate(m_options.dataDir, *snapshot)
                         : Result<std::unique_ptr<LocalMarketService>>(snapshot.error());
    } else {
        local = LocalMarketService::openOrCreate(m_options.dataDir, DemoNetwork::snapshot());
    }
    if (!local) {
        MessageBox::critical(m_wizard, tr("The network could not be created"),
                             tr("%1 [%2]\n\nYour wallet was kept; ICN Desk asks for the network again on the next start.")
                                 .arg(local.error().message, local.error().code));
        emit quitRequested(1);
        return;
    }
    m_market = std::move(local).value();
    m_wallet->setMarketService(m_market.get());
    m_createdRoot.clear(); // the folder is in use now
    buildWindow(request.account, true);
}

void AppController::onFirstRunRejected()
{
    // Leave nothing behind that the next start could mistake for a set-up folder.
    m_wallet.reset();
    if (!m_createdRoot.isEmpty() && !LocalMarketService::hasMirror(m_options.dataDir))
        QDir(m_createdRoot).removeRecursively();
    m_createdRoot.clear();
    emit quitRequested(0);
}

Result<void> AppController::openServices()
{
    if (m_options.fake) {
        auto fake = std::make_unique<FakeMarketService>();
        m_fakeKeys = std::make_unique<FakeKeyProvider>();
        m_fakeKeys->add(FakeMarketService::demoSp(), fakePassword().toUtf8(), FakeMarketService::demoSpKey());
        fake->setAccountKey(FakeMarketService::demoSp(), FakeMarketService::demoSpKey());
        m_market = std::move(fake);
        return {};
    }
    auto local = LocalMarketService::openOrCreate(m_options.dataDir, DemoNetwork::snapshot());
    if (!local)
        return local.error();
    m_market = std::move(local).value();
    ensureWallet();
    m_wallet->setMarketService(m_market.get());
    return {};
}

Result<void> AppController::openWindow(bool show)
{
    if (!m_market)
        if (Result<void> opened = openServices(); !opened)
            return opened;
    buildWindow(m_options.fake ? FakeMarketService::demoSp() : restoredAccount(), show);
    return {};
}

Address AppController::restoredAccount() const
{
    if (!m_wallet || !m_wallet->hasAccounts())
        return {};
    if (m_settings)
        if (const Result<Address> saved = Address::parse(m_settings->value(AppSettings::Key::ActiveAccount).toString()))
            if (m_wallet->account(*saved))
                return *saved;
    return m_wallet->accounts().front().address;
}

void AppController::buildWindow(const Address &account, bool show)
{
    AppServices services;
    services.market = m_market.get();
    services.wallet = m_wallet.get();
    services.keys = m_fakeKeys ? static_cast<KeyProvider *>(m_fakeKeys.get()) : static_cast<KeyProvider *>(m_wallet.get());
    m_window = std::make_unique<MainWindow>(services, m_registry, m_settings);
    QString label;
    if (m_wallet)
        if (const auto own = m_wallet->account(account))
            label = own->label;
    if (m_options.fake)
        label = QStringLiteral("Demo SP");
    m_window->setActiveAccount(account, label);
    if (m_settings)
        m_settings->sync();
    if (show)
        m_window->show();
    emit windowOpened();
}

} // namespace icn::ui
