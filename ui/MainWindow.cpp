#include "MainWindow.h"

#include "AppSettings.h"
#include "QuickSearch.h"
#include "Theme.h"
#include "dialogs/ErrorPresenter.h"
#include "dialogs/MessageBox.h"
#include "dialogs/PreferencesDialog.h"
#include "service/MarketService.h"
#include "service/WalletService.h"

#include <QAction>
#include <QDate>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QProgressBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

namespace icn::ui {

namespace {

QString shortAddress(const Address &a)
{
    const QString s = a.toChecksummed();
    return s.left(6) + QStringLiteral("…") + s.right(4);
}

} // namespace

MainWindow::MainWindow(const AppServices &services, const PageRegistry &registry, AppSettings *settings, QWidget *parent)
    : QMainWindow(parent), m_services(services), m_registry(registry), m_settings(settings)
{
    setWindowTitle(tr("ICN Desk"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/icn-desk.svg")));
    m_chooseFile = [](QWidget *owner) {
        return QFileDialog::getOpenFileName(owner, tr("Import network snapshot"), QString(),
                                            tr("Network snapshots (*.json);;All files (*)"));
    };

    auto *central = new QWidget(this);
    auto *row = new QHBoxLayout(central);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(0);
    m_sidebar = new QListWidget(central);
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setAccessibleName(tr("Pages"));
    m_sidebar->setIconSize(QSize(20, 20));
    m_sidebar->setSpacing(2);
    m_sidebar->setFixedWidth(184);
    m_sidebar->setFrameShape(QFrame::NoFrame);
    styleSidebar();
    m_stack = new QStackedWidget(central);
    row->addWidget(m_sidebar);
    row->addWidget(m_stack, 1);
    setCentralWidget(central);

    for (const PageInfo &p : m_registry.pages()) {
        auto *item = new QListWidgetItem(p.icon, p.title, m_sidebar);
        item->setData(Qt::UserRole, p.id);
        auto *placeholder = new QWidget(m_stack); // replaced by the real page on first show
        m_stack->addWidget(placeholder);
    }
    connect(m_sidebar, &QListWidget::currentRowChanged, this, [this](int current) {
        if (current >= 0 && current < m_registry.pages().size())
            showPage(m_registry.pages()[current].id);
    });

    m_quickSearch = new QuickSearch(this);
    connect(m_quickSearch, &QuickSearch::chosen, this, &MainWindow::jumpTo);
    connect(&m_import, &QFutureWatcher<Result<void>>::finished, this, &MainWindow::onImportFinished);

    buildMenus();
    buildStatusBar();
    if (m_services.market)
        connect(m_services.market, &MarketService::stateChanged, this, &MainWindow::refreshStatus);
    if (m_settings)
        connect(m_settings, &AppSettings::changed, this, [this](AppSettings::Key key) { onSettingChanged(int(key)); });
    restoreSettings();
    refreshStatus();
}

MainWindow::~MainWindow()
{
    m_import.waitForFinished();
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_importAction = file->addAction(tr("&Import network snapshot…"), this, &MainWindow::importSnapshot);
    m_importAction->setShortcut(QKeySequence::Open);
    m_importAction->setObjectName(QStringLiteral("importSnapshotAction"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *prefs = edit->addAction(tr("&Preferences…"), this, &MainWindow::openPreferences);
    prefs->setObjectName(QStringLiteral("preferencesAction"));
    prefs->setMenuRole(QAction::PreferencesRole);
    // Not every platform theme defines a Preferences key; Ctrl+, is the common one.
    prefs->setShortcuts(QKeySequence::keyBindings(QKeySequence::Preferences).isEmpty()
                            ? QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::Key_Comma)}
                            : QKeySequence::keyBindings(QKeySequence::Preferences));
    prefs->setEnabled(m_settings != nullptr);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *search = view->addAction(tr("&Quick search…"), this, &MainWindow::openQuickSearch);
    search->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    search->setObjectName(QStringLiteral("quickSearchAction"));
    QMenu *go = view->addMenu(tr("&Go to"));
    for (int i = 0; i < m_registry.pages().size(); ++i) {
        const PageInfo &p = m_registry.pages()[i];
        QAction *a = go->addAction(p.icon, p.title);
        if (i < 9)
            a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        const QString id = p.id;
        connect(a, &QAction::triggered, this, [this, id] { showPage(id); });
    }
    QMenu *theme = view->addMenu(tr("&Theme"));
    m_themeGroup = new QActionGroup(this);
    const QList<std::pair<Theme, QString>> themes{{Theme::System, tr("&System")}, {Theme::Light, tr("&Light")},
                                                  {Theme::Dark, tr("&Dark")}};
    for (const auto &[value, label] : themes) {
        QAction *a = theme->addAction(label);
        a->setCheckable(true);
        a->setData(int(value));
        m_themeGroup->addAction(a);
    }
    connect(m_themeGroup, &QActionGroup::triggered, this, [this](QAction *a) {
        if (m_settings)
            m_settings->setTheme(static_cast<Theme>(a->data().toInt()));
        applyTheme(a->data().toInt());
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About ICN Desk"), this, [this] {
        MessageBox::information(this, tr("About ICN Desk"),
                                tr("ICN Desk %1\n\nA desktop for the Impossible Cloud Network marketplace, running a "
                                   "local, deterministic mirror of the protocol's allocation and auction engine.\n\n"
                                   "GPL-3.0-or-later.")
                                    .arg(QApplication::applicationVersion()));
    });
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::buildStatusBar()
{
    m_networkLabel = new QLabel(this);
    m_clockLabel = new QLabel(this);
    m_accountLabel = new QLabel(this);
    m_badge = new QLabel(tr("Local mirror"), this);
    m_badge->setObjectName(QStringLiteral("mirrorBadge"));
    m_badge->setToolTip(tr("Everything here runs on a local, deterministic mirror of the protocol, not on the live network."));
    m_badge->setStyleSheet(QStringLiteral("QLabel#mirrorBadge { background: #f59e0b; color: #1f2937; font-weight: bold;"
                                          " border-radius: 8px; padding: 1px 10px; }"));
    statusBar()->addWidget(m_networkLabel);
    statusBar()->addWidget(m_clockLabel);
    statusBar()->addWidget(m_accountLabel, 1);
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("busyIndicator"));
    m_busy->setRange(0, 0); // indeterminate
    m_busy->setMaximumWidth(140);
    m_busy->setTextVisible(false);
    m_busy->hide();
    statusBar()->addPermanentWidget(m_busy);
    statusBar()->addPermanentWidget(m_badge);
}

void MainWindow::restoreSettings()
{
    if (!m_settings) {
        showPage(m_registry.pages().isEmpty() ? QString() : m_registry.pages().front().id);
        return;
    }
    const QByteArray geometry = m_settings->value(AppSettings::Key::WindowGeometry).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1280, 820);
    restoreState(m_settings->value(AppSettings::Key::WindowState).toByteArray());
    const int theme = int(m_settings->theme());
    for (QAction *a : m_themeGroup->actions())
        a->setChecked(a->data().toInt() == theme);
    applyTheme(theme);
    const QString last = m_settings->lastPage();
    showPage(m_registry.indexOf(last) >= 0 ? last : m_registry.pages().value(0).id);
}

void MainWindow::saveSettings()
{
    if (!m_settings)
        return;
    m_settings->setValue(AppSettings::Key::WindowGeometry, saveGeometry());
    m_settings->setValue(AppSettings::Key::WindowState, saveState());
    m_settings->setLastPage(currentPageId());
    m_settings->sync();
}

void MainWindow::styleSidebar()
{
    // Colours written out from the current palette: set again whenever the theme changes.
    const QPalette p = QApplication::palette();
    m_sidebar->setStyleSheet(QStringLiteral("QListWidget#sidebar { padding: 8px 6px; background: %1; color: %2; outline: 0; }"
                                            "QListWidget#sidebar::item { padding: 8px 10px; border-radius: 6px; }"
                                            "QListWidget#sidebar::item:selected { background: %3; color: %4; }")
                                 .arg(p.color(QPalette::AlternateBase).name(), p.color(QPalette::Text).name(),
                                      p.color(QPalette::Highlight).name(), p.color(QPalette::HighlightedText).name()));
}

void MainWindow::changeEvent(QEvent *event)
{
    if ((event->type() == QEvent::ApplicationPaletteChange || event->type() == QEvent::PaletteChange) && m_sidebar
        && !m_stylingSidebar) {
        m_stylingSidebar = true;
        styleSidebar();
        m_stylingSidebar = false;
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::applyTheme(int theme)
{
    icn::ui::applyTheme(static_cast<Theme>(theme));
}

QWidget *MainWindow::page(const QString &id)
{
    const int index = m_registry.indexOf(id);
    if (index < 0)
        return nullptr;
    if (QWidget *built = m_pages.value(id))
        return built;
    QWidget *created = m_registry.pages()[index].factory(m_services, m_stack);
    QWidget *placeholder = m_stack->widget(index);
    m_stack->insertWidget(index, created);
    m_stack->removeWidget(placeholder);
    placeholder->deleteLater();
    m_pages.insert(id, created);
    if (!m_account.isNull() && created->metaObject()->indexOfSlot("setAccount(icn::Address)") >= 0)
        QMetaObject::invokeMethod(created, "setAccount", Q_ARG(icn::Address, m_account));
    // A page where the user picks an account (the Wallet page) makes it the active one.
    if (created->metaObject()->indexOfSignal("accountSelected(icn::Address)") >= 0)
        connect(created, SIGNAL(accountSelected(icn::Address)), this, SLOT(onPageAccountSelected(icn::Address)));
    return created;
}

QString MainWindow::currentPageId() const
{
    const int row = m_sidebar->currentRow();
    return row >= 0 && row < m_registry.pages().size() ? m_registry.pages()[row].id : QString();
}

void MainWindow::showPage(const QString &id)
{
    const int index = m_registry.indexOf(id);
    if (index < 0)
        return;
    QWidget *w = page(id);
    m_stack->setCurrentWidget(w);
    if (m_sidebar->currentRow() != index) {
        const QSignalBlocker block(m_sidebar);
        m_sidebar->setCurrentRow(index);
    }
    if (m_settings)
        m_settings->setLastPage(id);
}

void MainWindow::setActiveAccount(const Address &account, const QString &label)
{
    m_account = account;
    m_accountName = label;
    if (m_services.market)
        m_services.market->setViewer(account); // its own sealed auction bids are visible to it
    if (m_settings)
        m_settings->setValue(AppSettings::Key::ActiveAccount, account.isNull() ? QString() : account.toChecksummed());
    for (QWidget *p : std::as_const(m_pages))
        if (p->metaObject()->indexOfSlot("setAccount(icn::Address)") >= 0)
            QMetaObject::invokeMethod(p, "setAccount", Q_ARG(icn::Address, account));
    refreshStatus();
}

void MainWindow::refreshStatus()
{
    MarketService *market = m_services.market;
    if (!market) {
        m_networkLabel->setText(tr("No network open"));
        m_clockLabel->clear();
        m_accountLabel->clear();
        return;
    }
    m_networkLabel->setText(tr("Network: %1").arg(market->networkName()));
    // Epochs are days (PROTOCOL.md §1): the number, and the day it is.
    m_clockLabel->setText(tr("Month %1 · epoch %2 (%3)")
                              .arg(market->currentMonth().toString())
                              .arg(market->currentEpoch())
                              .arg(QDate(1970, 1, 1).addDays(market->currentEpoch()).toString(Qt::ISODate)));
    if (m_account.isNull()) {
        m_accountLabel->setText(tr("No active account"));
        return;
    }
    QString name = m_accountName;
    if (name.isEmpty() && m_services.wallet)
        if (const auto own = m_services.wallet->account(m_account))
            name = own->label;
    if (name.isEmpty())
        for (const AccountInfo &a : market->accounts())
            if (a.address == m_account)
                name = a.label;
    m_accountLabel->setText(tr("%1 %2 · %3")
                                .arg(name.isEmpty() ? tr("Account") : name, shortAddress(m_account),
                                     market->balance(m_account).toDisplayString(locale())));
    m_accountLabel->setToolTip(m_account.toChecksummed());
}

void MainWindow::openQuickSearch()
{
    if (m_services.market) {
        QList<std::pair<Address, QString>> own;
        if (m_services.wallet)
            for (const WalletAccount &a : m_services.wallet->accounts())
                own.append({a.address, a.label});
        m_quickSearch->setEntries(QuickSearch::collect(*m_services.market, m_account, own));
    }
    m_quickSearch->popup(this);
}

void MainWindow::jumpTo(const QString &kind, const QString &id, const QString &pageId)
{
    showPage(pageId);
    QWidget *p = m_pages.value(pageId);
    if (p && p->metaObject()->indexOfSlot("focusItem(QString,QString)") >= 0)
        QMetaObject::invokeMethod(p, "focusItem", Q_ARG(QString, kind), Q_ARG(QString, id));
}

void MainWindow::importSnapshot()
{
    if (!m_services.market || m_import.isRunning())
        return;
    const QString path = m_chooseFile ? m_chooseFile(this) : QString();
    if (path.isEmpty())
        return;
    const auto answer = MessageBox::question(
        this, tr("Start a new local network?"),
        tr("Importing “%1” starts a new local network from that snapshot. Your bookings and activity on "
           "“%2” stay in a backup file in the data folder; they are not deleted.\n\nYour wallet is not changed.")
            .arg(QFileInfo(path).fileName(), m_services.market->networkName()),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    statusBar()->showMessage(tr("Importing %1…").arg(path));
    m_busy->show();
    m_importAction->setEnabled(false);
    QApplication::setOverrideCursor(Qt::BusyCursor);
    MarketService *market = m_services.market;
    m_import.setFuture(QtConcurrent::run([market, path] { return market->importSnapshot(path); }));
}

void MainWindow::onImportFinished()
{
    QApplication::restoreOverrideCursor();
    m_busy->hide();
    m_importAction->setEnabled(true);
    statusBar()->clearMessage();
    const Result<void> r = m_import.result();
    if (!r) {
        // The typed error as is: its message names the line of the first problem in the file.
        MessageBox::critical(this, tr("Snapshot not imported"),
                             tr("%1\n[%2]\n\nThe current network “%3” was not changed.")
                                 .arg(r.error().message, r.error().code, m_services.market->networkName()));
    } else {
        QString backup;
        if (m_services.market->metaObject()->indexOfMethod("lastBackupPath()") >= 0)
            QMetaObject::invokeMethod(m_services.market, "lastBackupPath", Qt::DirectConnection, Q_RETURN_ARG(QString, backup));
        statusBar()->showMessage(backup.isEmpty() ? tr("Snapshot imported.")
                                                  : tr("Snapshot imported; the previous network is kept in %1.")
                                                        .arg(QDir::toNativeSeparators(backup)),
                                 15000);
    }
    refreshStatus();
    emit importFinished(bool(r));
}

void MainWindow::openPreferences()
{
    if (!m_settings)
        return;
    PreferencesDialog dialog(m_settings, this);
    dialog.exec();
}

void MainWindow::onSettingChanged(int key)
{
    if (AppSettings::Key(key) != AppSettings::Key::Theme)
        return;
    const int theme = int(m_settings->theme());
    for (QAction *a : m_themeGroup->actions())
        a->setChecked(a->data().toInt() == theme);
    applyTheme(theme);
}

void MainWindow::onPageAccountSelected(const Address &account)
{
    if (account.isNull() || account == m_account)
        return;
    setActiveAccount(account);
}

} // namespace icn::ui
