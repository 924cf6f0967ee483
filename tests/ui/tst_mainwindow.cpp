#include "AppSettings.h"
#include "MainWindow.h"
#include "PageRegistry.h"
#include "QuickSearch.h"
#include "StandardPages.h"
#include "dialogs/BookingDetailsDialog.h"
#include "models/ActivityTableModel.h"
#include "models/BookingTableModel.h"
#include "pages/ActivityPage.h"
#include "pages/BookingsPage.h"
#include "pages/MarketplacePage.h"
#include "service/FakeKeyProvider.h"
#include "service/FakeMarketService.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QActionGroup>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QDate>
#include <QTest>

using namespace icn;
using namespace icn::ui;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void sidebarListsTheRegisteredPages();
    void shortcutsSwitchPages_data();
    void shortcutsSwitchPages();
    void addingAPageIsOneRegistryEntry();
    void restoresGeometryLastPageAndTheme();
    void settingsHaveTypedDefaultsAndSignalChanges();
    void statusBarShowsNetworkClockAccountAndBadge();
    void quickSearchJumpsToAnHn();
    void quickSearchNavigatesWithTheKeyboard();
    void quickSearchModelPassesTheTester();
    void quickSearchJumpsToRegionsAndZones_data();
    void quickSearchJumpsToRegionsAndZones();
    void quickSearchOpensAnotherAccountInActivity();
    void quickSearchShowsBookingsOfThisAndOtherAccounts();
    void quickSearchSendsWalletAccountsToTheWallet();

private:
    std::unique_ptr<MainWindow> makeWindow(const PageRegistry &registry);
    // Ctrl+K, type `text`, expect one row of `kind`, Enter.
    void searchAndJump(MainWindow *w, const QString &text, const QString &kind);
    PageRegistry standardRegistry() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<FakeMarketService> m_service;
    FakeKeyProvider m_keys;
};

void TestMainWindow::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<AppSettings>(m_dir->filePath(QStringLiteral("settings.ini")));
    m_service = std::make_unique<FakeMarketService>();
}

void TestMainWindow::cleanup()
{
    m_settings.reset();
    m_service.reset();
    m_dir.reset();
}

PageRegistry TestMainWindow::standardRegistry() const
{
    PageRegistry registry;
    registerStandardPages(registry);
    return registry;
}

std::unique_ptr<MainWindow> TestMainWindow::makeWindow(const PageRegistry &registry)
{
    AppServices services;
    services.market = m_service.get();
    services.keys = &m_keys;
    auto w = std::make_unique<MainWindow>(services, registry, m_settings.get());
    w->show();
    w->activateWindow();
    if (!QTest::qWaitForWindowActive(w.get()))
        qWarning("window not active");
    return w;
}

void TestMainWindow::sidebarListsTheRegisteredPages()
{
    auto w = makeWindow(standardRegistry());
    QStringList titles;
    for (int i = 0; i < w->sidebar()->count(); ++i)
        titles << w->sidebar()->item(i)->text();
    QCOMPARE(titles, (QStringList{QStringLiteral("Marketplace"), QStringLiteral("Bookings"), QStringLiteral("Wallet"),
                                  QStringLiteral("Activity")}));
    QCOMPARE(w->currentPageId(), QStringLiteral("marketplace"));
    QVERIFY(qobject_cast<MarketplacePage *>(w->page(QStringLiteral("marketplace"))));
}

void TestMainWindow::shortcutsSwitchPages_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<QString>("page");
    QTest::newRow("Ctrl+2 opens Bookings") << int(Qt::Key_2) << "bookings";
    QTest::newRow("Ctrl+3 opens Wallet") << int(Qt::Key_3) << "wallet";
    QTest::newRow("Ctrl+4 opens Activity") << int(Qt::Key_4) << "activity";
    QTest::newRow("Ctrl+1 goes back to the Marketplace") << int(Qt::Key_1) << "marketplace";
}

void TestMainWindow::shortcutsSwitchPages()
{
    QFETCH(int, key);
    QFETCH(QString, page);
    auto w = makeWindow(standardRegistry());
    w->showPage(QStringLiteral("wallet"));
    if (page == QLatin1String("wallet"))
        w->showPage(QStringLiteral("activity"));
    QTest::keyClick(w.get(), Qt::Key(key), Qt::ControlModifier);
    QTRY_COMPARE(w->currentPageId(), page);
    QCOMPARE(w->sidebar()->currentItem()->data(Qt::UserRole).toString(), page);
    QCOMPARE(m_settings->lastPage(), page);
}

void TestMainWindow::addingAPageIsOneRegistryEntry()
{
    PageRegistry registry = standardRegistry();
    registry.add({QStringLiteral("provider"), QStringLiteral("Provider"), QIcon(),
                  [](const AppServices &, QWidget *parent) -> QWidget * {
                      auto *page = new QLabel(QStringLiteral("provider page"), parent);
                      page->setObjectName(QStringLiteral("providerPage"));
                      return page;
                  }});
    auto w = makeWindow(registry);
    QCOMPARE(w->sidebar()->count(), 5);
    QTest::keyClick(w.get(), Qt::Key_5, Qt::ControlModifier);
    QTRY_COMPARE(w->currentPageId(), QStringLiteral("provider"));
    QCOMPARE(w->page(QStringLiteral("provider"))->objectName(), QStringLiteral("providerPage"));
}

void TestMainWindow::restoresGeometryLastPageAndTheme()
{
    {
        auto w = makeWindow(standardRegistry());
        w->resize(1320, 780);
        w->showPage(QStringLiteral("activity"));
        const auto themes = w->findChildren<QAction *>();
        for (QAction *a : themes)
            if (a->isCheckable() && a->data().toInt() == int(Theme::Dark))
                a->trigger();
        w->close();
    }
    QCOMPARE(m_settings->theme(), Theme::Dark);
    auto w = makeWindow(standardRegistry());
    QCOMPARE(w->currentPageId(), QStringLiteral("activity"));
    QCOMPARE(w->size(), QSize(1320, 780));
    bool darkChecked = false;
    for (QAction *a : w->findChildren<QAction *>())
        if (a->isCheckable() && a->data().toInt() == int(Theme::Dark))
            darkChecked = a->isChecked();
    QVERIFY(darkChecked);
    m_settings->setTheme(Theme::System);
}

void TestMainWindow::settingsHaveTypedDefaultsAndSignalChanges()
{
    QCOMPARE(m_settings->lastPage(), QStringLiteral("marketplace"));
    QCOMPARE(m_settings->theme(), Theme::System);
    QSignalSpy changed(m_settings.get(), &AppSettings::changed);
    m_settings->setTheme(Theme::Light);
    m_settings->setTheme(Theme::Light); // unchanged: no signal
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<AppSettings::Key>(), AppSettings::Key::Theme);
    AppSettings reread(m_dir->filePath(QStringLiteral("settings.ini")));
    m_settings->sync();
    QCOMPARE(reread.theme(), Theme::Light);
    QCOMPARE(reread.value(AppSettings::Key::TileColouring).typeId(), QMetaType::Int);
}

void TestMainWindow::statusBarShowsNetworkClockAccountAndBadge()
{
    auto w = makeWindow(standardRegistry());
    QCOMPARE(w->networkLabel()->text(), QStringLiteral("Network: ICN demo network"));
    QVERIFY(w->clockLabel()->text().contains(QStringLiteral("Month 2026-11")));
    QVERIFY(w->clockLabel()->text().contains(QStringLiteral("epoch 20777 (%1)").arg(QDate(1970, 1, 1).addDays(20777).toString(Qt::ISODate))));
    QCOMPARE(w->mirrorBadge()->text(), QStringLiteral("Local mirror"));
    QVERIFY(w->mirrorBadge()->isVisible());
    QCOMPARE(w->accountLabel()->text(), QStringLiteral("No active account"));
    w->setActiveAccount(FakeMarketService::demoSp(), QStringLiteral("Demo SP"));
    QVERIFY(w->accountLabel()->text().startsWith(QStringLiteral("Demo SP 0x")));
    QVERIFY(w->accountLabel()->text().endsWith(QStringLiteral("25,000 ICNT")));
    m_service->setBalance(FakeMarketService::demoSp(), Amount::fromIcnt(12'345));
    QVERIFY(w->accountLabel()->text().endsWith(QStringLiteral("12,345 ICNT")));
}

void TestMainWindow::quickSearchJumpsToAnHn()
{
    auto w = makeWindow(standardRegistry());
    w->showPage(QStringLiteral("wallet"));
    QTest::keyClick(w.get(), Qt::Key_K, Qt::ControlModifier);
    QTRY_VERIFY(w->quickSearch()->isVisible());
    QTest::keyClicks(w->quickSearch()->lineEdit(), QStringLiteral("fra-3-n02"));
    QCOMPARE(w->quickSearch()->proxy()->rowCount(), 1);
    QTest::keyClick(w->quickSearch()->lineEdit(), Qt::Key_Return);
    QTRY_COMPARE(w->currentPageId(), QStringLiteral("marketplace"));
    QVERIFY(!w->quickSearch()->isVisible());
    auto *market = qobject_cast<MarketplacePage *>(w->page(QStringLiteral("marketplace")));
    QCOMPARE(market->selectedScopeId(), QStringLiteral("FRA-3-N02"));
}

void TestMainWindow::quickSearchNavigatesWithTheKeyboard()
{
    auto w = makeWindow(standardRegistry());
    w->openQuickSearch();
    QuickSearch *search = w->quickSearch();
    QTest::keyClicks(search->lineEdit(), QStringLiteral("Demo SP"));
    QCOMPARE(search->proxy()->rowCount(), 1);
    QCOMPARE(search->listView()->currentIndex().data(QuickSearch::KindRole).toString(), QStringLiteral("account"));
    search->lineEdit()->clear();
    QTest::keyClicks(search->lineEdit(), QStringLiteral("frankfurt"));
    // The zone itself and its three clusters ("Cluster in Frankfurt").
    QCOMPARE(search->proxy()->rowCount(), 4);
    QSignalSpy chosen(search, &QuickSearch::chosen);
    QTest::keyClick(search->lineEdit(), Qt::Key_Down);
    QTest::keyClick(search->lineEdit(), Qt::Key_Down);
    QTest::keyClick(search->lineEdit(), Qt::Key_Up);
    QTest::keyClick(search->lineEdit(), Qt::Key_Enter);
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.at(0).at(0).toString(), QStringLiteral("cluster"));
    QCOMPARE(chosen.at(0).at(1).toString(), QStringLiteral("FRA-1"));
    auto *market = qobject_cast<MarketplacePage *>(w->page(QStringLiteral("marketplace")));
    QCOMPARE(market->selectedScopeId(), QStringLiteral("FRA-1"));
}

void TestMainWindow::quickSearchModelPassesTheTester()
{
    QuickSearch search;
    QAbstractItemModelTester tester(search.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    search.setEntries(QuickSearch::collect(*m_service, FakeMarketService::demoSp()));
    QVERIFY(search.proxy()->rowCount() > 12);
    search.proxy()->setFilterFixedString(QStringLiteral("NYC"));
    QVERIFY(search.proxy()->rowCount() >= 3);
}

void TestMainWindow::searchAndJump(MainWindow *w, const QString &text, const QString &kind)
{
    QTest::keyClick(w, Qt::Key_K, Qt::ControlModifier);
    QTRY_VERIFY(w->quickSearch()->isVisible());
    QTest::keyClicks(w->quickSearch()->lineEdit(), text);
    QSortFilterProxyModel *proxy = w->quickSearch()->proxy();
    QVERIFY2(proxy->rowCount() >= 1, qPrintable(text));
    QCOMPARE(w->quickSearch()->listView()->currentIndex().data(QuickSearch::KindRole).toString(), kind);
    QTest::keyClick(w->quickSearch()->lineEdit(), Qt::Key_Return);
    QTRY_VERIFY(!w->quickSearch()->isVisible());
}

void TestMainWindow::quickSearchJumpsToRegionsAndZones_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("scope");
    QTest::newRow("a region by name selects the region") << "north america" << "region" << "NAE";
    QTest::newRow("a zone by name selects the zone") << "amsterdam (EUW-AMS)" << "zone" << "EUW-AMS";
    QTest::newRow("a region by id selects the region") << "(EUW)" << "region" << "EUW";
}

void TestMainWindow::quickSearchJumpsToRegionsAndZones()
{
    QFETCH(QString, typed);
    QFETCH(QString, kind);
    QFETCH(QString, scope);
    auto w = makeWindow(standardRegistry());
    w->showPage(QStringLiteral("activity"));
    searchAndJump(w.get(), typed, kind);
    QTRY_COMPARE(w->currentPageId(), QStringLiteral("marketplace"));
    auto *market = qobject_cast<MarketplacePage *>(w->page(QStringLiteral("marketplace")));
    QCOMPARE(market->selectedScopeId(), scope);
}

void TestMainWindow::quickSearchOpensAnotherAccountInActivity()
{
    auto w = makeWindow(standardRegistry());
    w->setActiveAccount(FakeMarketService::demoSp(), QStringLiteral("Demo SP"));
    QVERIFY(m_service->transfer(FakeMarketService::demoHp(), FakeMarketService::demoSp(), Amount::fromIcnt(1),
                                SecureBytes(QByteArray(32, '\x22'))).ok());
    QVERIFY(m_service->faucet(FakeMarketService::demoSp(), Amount::fromIcnt(1)).ok());
    searchAndJump(w.get(), QStringLiteral("Rhein Storage"), QStringLiteral("account"));
    QTRY_COMPARE(w->currentPageId(), QStringLiteral("activity"));
    auto *activity = qobject_cast<ActivityPage *>(w->page(QStringLiteral("activity")));
    QCOMPARE(activity->findChild<QLineEdit *>(QStringLiteral("signerEdit"))->text(), FakeMarketService::demoHp().toChecksummed());
    QTRY_VERIFY(!activity->model()->isScanning());
    QTRY_COMPARE(activity->model()->rowCount(), 1); // its transfer, not the faucet
    QCOMPARE(activity->model()->index(0, 0).data(ActivityTableModel::SignerRole).toString(),
             FakeMarketService::demoHp().toChecksummed());
}

void TestMainWindow::quickSearchShowsBookingsOfThisAndOtherAccounts()
{
    const MonthRange range{m_service->currentMonth().plus(1), 3};
    const auto totalOf = [this, range](const char *scope, qint64 tb) {
        const auto q = m_service->quote(QString::fromLatin1(scope), tb, range);
        return q ? q->total : Amount();
    };
    const auto own = m_service->book({FakeMarketService::demoSp(), QStringLiteral("FRA-1"), 5, range, totalOf("FRA-1", 5)},
                                     FakeMarketService::demoSpKey());
    QVERIFY(own.ok());
    const auto other = m_service->book({FakeMarketService::demoHp(), QStringLiteral("AMS-1"), 7, range, totalOf("AMS-1", 7)},
                                       SecureBytes(QByteArray(32, '\x22')));
    QVERIFY2(other.ok(), qPrintable(other.ok() ? QString() : other.error().toString()));
    auto w = makeWindow(standardRegistry());
    w->setActiveAccount(FakeMarketService::demoSp(), QStringLiteral("Demo SP"));

    // Its own booking: selected in the Bookings table.
    searchAndJump(w.get(), own->id, QStringLiteral("booking"));
    QTRY_COMPARE(w->currentPageId(), QStringLiteral("bookings"));
    auto *bookings = qobject_cast<BookingsPage *>(w->page(QStringLiteral("bookings")));
    QTRY_VERIFY(bookings->view()->currentIndex().isValid());
    QCOMPARE(bookings->view()->currentIndex().siblingAtColumn(0).data(BookingTableModel::IdRole).toString(), own->id);
    QVERIFY(!bookings->findChild<BookingDetailsDialog *>());

    // Another account's booking: its details open, since the table lists only this account's.
    w->showPage(QStringLiteral("marketplace"));
    searchAndJump(w.get(), other->id, QStringLiteral("booking"));
    QTRY_COMPARE(w->currentPageId(), QStringLiteral("bookings"));
    BookingDetailsDialog *details = nullptr;
    QTRY_VERIFY((details = bookings->findChild<BookingDetailsDialog *>()) != nullptr);
    QCOMPARE(details->findChild<QLabel *>(QStringLiteral("idValue"))->text(), other->id);
    QCOMPARE(details->findChild<QLabel *>(QStringLiteral("accountValue"))->text(), FakeMarketService::demoHp().toChecksummed());
    delete details;
}

void TestMainWindow::quickSearchSendsWalletAccountsToTheWallet()
{
    const QList<QuickSearchEntry> entries = QuickSearch::collect(*m_service, FakeMarketService::demoSp(),
                                                                 {{FakeMarketService::demoSp(), QStringLiteral("My SP")}});
    QHash<QString, QString> pageOf;
    for (const QuickSearchEntry &e : entries)
        if (e.kind == QLatin1String("account")) {
            QVERIFY2(!pageOf.contains(e.id), qPrintable(e.id)); // listed once
            pageOf.insert(e.id, e.pageId);
        }
    QCOMPARE(pageOf.value(FakeMarketService::demoSp().toChecksummed()), QStringLiteral("wallet"));
    QCOMPARE(pageOf.value(FakeMarketService::demoHp().toChecksummed()), QStringLiteral("activity"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
