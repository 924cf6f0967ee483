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
#include <QProgressDialog>
#include <QPromise>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

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
    if (m_creation.isRunning()) // the worker writes into the data folder (a taken result is not waitable)
        m_creation.waitForFinished();
    delete m_creationProgress.data();
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
    // Runs before the wizard closes. The progress dialog is a window of its own (not the wizard's
    // child), so a window is always up and the app does not quit while the network is created.
    auto *progress = new QProgressDialog;
    progress->setObjectName(QStringLiteral("networkCreationProgress"));
    progress->setWindowTitle(tr("Preparing the network"));
    progress->setLabelText(request.network == FirstRunRequest::Network::Demo
                               ? tr("Creating the demo network with a year of simulated market history…")
                               : tr("Creating the network from the snapshot…"));
    progress->setCancelButton(nullptr);
    progress->setRange(0, 100);
    progress->setMinimumDuration(0);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setValue(0);
    progress->show();
    m_creationProgress = progress;

    const QString dataDir = m_options.dataDir;
    const FirstRunRequest::Network network = request.network;
    const QString snapshotPath = request.snapshotPath;
    QThread *gui = thread();
    connect(&m_creation, &QFutureWatcher<Created>::progressValueChanged, progress, &QProgressDialog::setValue,
            Qt::UniqueConnection);
    const Address account = request.account;
    disconnect(&m_creation, &QFutureWatcher<Created>::finished, this, nullptr);
    connect(&m_creation, &QFutureWatcher<Created>::finished, this, [this, account] { onNetworkCreated(account); });
    m_creation.setFuture(QtConcurrent::run([dataDir, network, snapshotPath, gui](QPromise<Created> &promise) {
        promise.setProgressRange(0, 100);
        if (network == FirstRunRequest::Network::Demo) {
            promise.addResult(LocalMarketService::createDemo(
                dataDir, [&promise](int percent) { promise.setProgressValue(percent); }, gui));
            return;
        }
        const Result<NetworkSnapshot> snapshot = LocalMarketService::validateSnapshotFile(snapshotPath);
        if (!snapshot) {
            promise.addResult(Created(snapshot.error()));
            return;
        }
        promise.setProgressValue(50);
        Created opened = LocalMarketService::openOrCreate(dataDir, *snapshot);
        if (opened)
            (*opened)->moveToThread(gui);
        promise.setProgressValue(100);
        promise.addResult(std::move(opened));
    }));
}

void AppController::onNetworkCreated(const Address &account)
{
    Created local = m_creation.future().resultCount() > 0
        ? m_creation.future().takeResult()
        : Created(Error::make(QStringLiteral("app.no_network"), tr("The network was not created.")));
    QWidget *progress = m_creationProgress.data();
    if (!local) {
        MessageBox::critical(progress, tr("The network could not be created"),
                             tr("%1 [%2]\n\nYour wallet was kept; ICN Desk asks for the network again on the next start.")
                                 .arg(local.error().message, local.error().code));
        if (progress)
            progress->close();
        emit quitRequested(1);
        return;
    }
    m_market = std::move(local).value();
    m_wallet->setMarketService(m_market.get());
    m_createdRoot.clear(); // the folder is in use now
    buildWindow(account, true);
    if (progress)
        progress->close();
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
    // A folder without a mirror gets the same demo as the first run (with its year of history).
    auto local = LocalMarketService::hasMirror(m_options.dataDir)
        ? LocalMarketService::openOrCreate(m_options.dataDir, DemoNetwork::snapshot())
        : LocalMarketService::createDemo(m_options.dataDir);
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
