#pragma once

#include "Address.h"
#include "AppServices.h"
#include "PageRegistry.h"

#include <QFutureWatcher>
#include <QHash>
#include <QMainWindow>
#include <QPointer>

#include <functional>

class QActionGroup;
class QLabel;
class QListWidget;
class QProgressBar;
class QStackedWidget;

namespace icn::ui {

class AppSettings;
class QuickSearch;

// The shell: a sidebar of pages from the PageRegistry (Ctrl+1…), menus, Ctrl+K quick search, and
// a status bar with the network, the engine clock, the active account and the "Local mirror"
// badge. Pages are built on first show. Geometry, last page and theme persist in AppSettings.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(const AppServices &services, const PageRegistry &registry, AppSettings *settings,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    QString currentPageId() const;
    QWidget *page(const QString &id); // builds it if needed; null for an unknown id
    QListWidget *sidebar() const { return m_sidebar; }
    QuickSearch *quickSearch() const { return m_quickSearch; }
    QLabel *accountLabel() const { return m_accountLabel; }
    QLabel *clockLabel() const { return m_clockLabel; }
    QLabel *networkLabel() const { return m_networkLabel; }
    QLabel *mirrorBadge() const { return m_badge; }
    QProgressBar *busyIndicator() const { return m_busy; }
    bool isImporting() const { return m_import.isRunning(); }
    Address activeAccount() const { return m_account; }

    // Tests answer the open-file dialog (STYLE.md §10).
    void setFileChooser(std::function<QString(QWidget *)> chooser) { m_chooseFile = std::move(chooser); }
    void saveSettings();

public slots:
    void showPage(const QString &id);
    void setActiveAccount(const icn::Address &account, const QString &label = {});
    void openQuickSearch();
    void jumpTo(const QString &kind, const QString &id, const QString &pageId);
    // Asks first (MessageBox seam): a snapshot starts a new local network; the old one is kept as a backup.
    void importSnapshot();
    void openPreferences(); // modal PreferencesDialog (Edit > Preferences)
    void refreshStatus();

signals:
    // After an import finished, successfully or not (tests wait for it).
    void importFinished(bool ok);

private slots:
    void onPageAccountSelected(const icn::Address &account);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildMenus();
    void buildStatusBar();
    void styleSidebar();
    void restoreSettings();
    void applyTheme(int theme);
    void onImportFinished();
    void onSettingChanged(int key);

    AppServices m_services;
    PageRegistry m_registry;
    AppSettings *m_settings = nullptr;
    QListWidget *m_sidebar = nullptr;
    QStackedWidget *m_stack = nullptr;
    QHash<QString, QWidget *> m_pages; // built pages by id
    QuickSearch *m_quickSearch = nullptr;
    QActionGroup *m_themeGroup = nullptr;
    QLabel *m_networkLabel = nullptr;
    QLabel *m_clockLabel = nullptr;
    QLabel *m_accountLabel = nullptr;
    QLabel *m_badge = nullptr;
    QProgressBar *m_busy = nullptr;
    QAction *m_importAction = nullptr;
    Address m_account;
    QString m_accountName;
    std::function<QString(QWidget *)> m_chooseFile;
    QFutureWatcher<Result<void>> m_import;
    bool m_stylingSidebar = false;
};

} // namespace icn::ui
