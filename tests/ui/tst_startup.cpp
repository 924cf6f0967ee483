#include "WalletTestSupport.h"

#include "AppController.h"
#include "AppSettings.h"
#include "MainWindow.h"
#include "dialogs/PreferencesDialog.h"
#include "models/BookingFilterProxy.h"
#include "models/BookingTableModel.h"
#include "pages/BookingsPage.h"
#include "pages/WalletPage.h"
#include "service/LocalMarketService.h"
#include "service/WalletService.h"
#include "wizards/FirstRunWizard.h"
#include "wizards/FirstRunWizardNetworkPage.h"
#include "wizards/WalletWizardChoosePage.h"
#include "wizards/WalletWizardPasswordPage.h"
#include "wizards/WalletWizardState.h"

#include "DemoNetwork.h"
#include "SnapshotJson.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace icn;
using namespace icn::ui;

namespace {

constexpr auto kPassword = "Kitchen5-table";

void clickNext(QWizard *wizard)
{
    QAbstractButton *next = wizard->button(QWizard::NextButton);
    QVERIFY(next->isVisible() && next->isEnabled());
    QTest::mouseClick(next, Qt::LeftButton);
}

// Books `sizeTb` in the first cluster that quotes, signed with `key`.
Result<BookingRow> bookSomething(MarketService &market, const Address &sp, const SecureBytes &key)
{
    const MonthRange range{market.currentMonth().plus(1), 3};
    for (const ScopeNode &n : market.scopeTree(range)) {
        if (n.kind != ScopeKind::Cluster || n.freeTb < 2)
            continue;
        const Result<QuoteResult> q = market.quote(n.id, 2, range);
        if (!q)
            continue;
        return market.book({sp, n.id, 2, range, q->total}, key);
    }
    return Error::make(QStringLiteral("test.no_cluster"), QStringLiteral("nothing to book"));
}

} // namespace

class TestStartup : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void theFirstRunOnTheDemoNetworkOpensTheWindowWithTheDemoAccountAbleToSign();
    void aRestartSkipsTheWizardAndRestoresTheLastActiveAccount();
    void cancellingTheFirstRunLeavesNoFolderBehind();
    void aRefusedSnapshotShowsItsLineAndAnotherFileCanBePicked();
    void quickSearchSelectsABookingAndAnAccount();
    void preferencesPersistTheThemeAndTheAutoLock();

private:
    std::unique_ptr<AppController> makeController();
    // Runs the wizard from the welcome page to Finish with the demo account; the network page is
    // answered by `onNetworkPage` (default: the demo network).
    void runFirstRun(AppController &controller, const std::function<void(FirstRunWizard *)> &onNetworkPage = {});

    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_dataDir;
    std::unique_ptr<AppSettings> m_settings;
};

void TestStartup::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
    m_dataDir = m_tmp->filePath(QStringLiteral("profile/icn-desk"));
    m_settings = std::make_unique<AppSettings>(m_tmp->filePath(QStringLiteral("settings.ini")));
}

void TestStartup::cleanup()
{
    m_settings.reset();
    m_tmp.reset();
}

std::unique_ptr<AppController> TestStartup::makeController()
{
    return std::make_unique<AppController>(AppController::Options{m_dataDir, false, test::fastKdf()}, m_settings.get());
}

void TestStartup::runFirstRun(AppController &controller, const std::function<void(FirstRunWizard *)> &onNetworkPage)
{
    QVERIFY(controller.start());
    FirstRunWizard *wizard = controller.firstRunWizard();
    QVERIFY(wizard);
    QVERIFY(!controller.window());
    QTRY_VERIFY(wizard->isVisible());
    QCOMPARE(wizard->currentId(), int(FirstRunWizard::Page_Welcome));
    clickNext(wizard);
    QCOMPARE(wizard->currentId(), int(FirstRunWizard::Page_Network));
    if (onNetworkPage)
        onNetworkPage(wizard);
    else
        clickNext(wizard);
    QCOMPARE(wizard->currentId(), int(WalletWizard::Page_Choose));
    auto *choose = qobject_cast<WalletWizardChoosePage *>(wizard->currentPage());
    QTest::mouseClick(choose->demoButton(), Qt::LeftButton, {}, QPoint(5, 5));
    clickNext(wizard);
    QCOMPARE(wizard->currentId(), int(WalletWizard::Page_Demo));
    clickNext(wizard);
    auto *password = qobject_cast<WalletWizardPasswordPage *>(wizard->currentPage());
    QVERIFY(password);
    QTest::keyClicks(password->passwordEdit(), QString::fromLatin1(kPassword));
    QTest::keyClicks(password->repeatEdit(), QString::fromLatin1(kPassword));
    QSignalSpy opened(&controller, &AppController::windowOpened);
    QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 30000);
    QTRY_VERIFY(!controller.firstRunWizard()); // closed and deleted
}

void TestStartup::theFirstRunOnTheDemoNetworkOpensTheWindowWithTheDemoAccountAbleToSign()
{
    QVERIFY(AppController::needsFirstRun(m_dataDir));
    auto controller = makeController();
    runFirstRun(*controller);
    if (QTest::currentTestFailed())
        return;

    MainWindow *window = controller->window();
    QVERIFY(window && window->isVisible());
    QVERIFY(LocalMarketService::hasMirror(m_dataDir));
    QVERIFY(!AppController::needsFirstRun(m_dataDir));
    QCOMPARE(controller->market()->networkName(), DemoNetwork::snapshot().name);
    // The demo is `icnctl init --demo`'s: a year of simulated market history up to the demo month,
    // created in a worker behind a progress dialog that is gone once the window is up.
    QCOMPARE(controller->market()->currentMonth(), DemoNetwork::kCurrentMonth);
    QVERIFY(controller->market()->activityCount() > 1000);
    QTRY_VERIFY(!controller->creationProgress());
    QCOMPARE(window->activeAccount().toChecksummed(), test::demoAddress());
    QCOMPARE(m_settings->value(AppSettings::Key::ActiveAccount).toString(), test::demoAddress());
    QVERIFY(window->accountLabel()->text().contains(QStringLiteral("0x9858")));

    // The wallet signs for the window's account through KeyProvider: a booking goes through.
    const Result<SecureBytes> wrong = controller->wallet()->unlock(window->activeAccount(), SecureBytes(QByteArrayView("nope")));
    QVERIFY(!wrong);
    const Result<SecureBytes> key = controller->wallet()->unlock(window->activeAccount(), SecureBytes(QByteArrayView(kPassword)));
    QVERIFY2(key, key ? "" : qPrintable(key.error().toString()));
    const Amount before = controller->market()->balance(window->activeAccount());
    const Result<BookingRow> booked = bookSomething(*controller->market(), window->activeAccount(), *key);
    QVERIFY2(booked, booked ? "" : qPrintable(booked.error().toString()));
    QVERIFY(controller->market()->balance(window->activeAccount()) < before);
    QCOMPARE(controller->market()->bookings(window->activeAccount()).size(), 1);
}

void TestStartup::aRestartSkipsTheWizardAndRestoresTheLastActiveAccount()
{
    Address second;
    {
        auto controller = makeController();
        runFirstRun(*controller);
        if (QTest::currentTestFailed())
            return;
        // A second account, made the active one.
        const auto added = test::waitFor<Address>([&](QObject *ctx, auto done) {
            controller->wallet()->importPrivateKey(test::hdKey(test::demoMnemonic(), 7), QStringLiteral("Second"),
                                                   SecureBytes(QByteArrayView(kPassword)), ctx, done);
        });
        QVERIFY(added && *added);
        second = added->value();
        controller->window()->setActiveAccount(second);
        QVERIFY(controller->window()->close());
    }
    QVERIFY(!AppController::needsFirstRun(m_dataDir));

    auto again = makeController();
    QVERIFY(again->start());
    QVERIFY(!again->firstRunWizard());
    QVERIFY(again->window());
    QTRY_VERIFY(again->window()->isVisible());
    QCOMPARE(again->window()->activeAccount(), second);
    QVERIFY(again->window()->accountLabel()->text().contains(QStringLiteral("Second")));
    QCOMPARE(again->wallet()->accounts().size(), 2);
    QCOMPARE(again->market()->networkName(), DemoNetwork::snapshot().name);

    // A remembered account that the wallet no longer has falls back to the wallet's first one.
    again.reset();
    m_settings->setValue(AppSettings::Key::ActiveAccount, QStringLiteral("0x0000000000000000000000000000000000000001"));
    auto third = makeController();
    QVERIFY(third->start());
    QCOMPARE(third->window()->activeAccount().toChecksummed(), test::demoAddress());
}

void TestStartup::cancellingTheFirstRunLeavesNoFolderBehind()
{
    auto controller = makeController();
    QSignalSpy quit(controller.get(), &AppController::quitRequested);
    QVERIFY(controller->start());
    FirstRunWizard *wizard = controller->firstRunWizard();
    QVERIFY(wizard);
    clickNext(wizard); // the welcome page creates the folder
    QVERIFY(QDir(m_dataDir).exists());
    QTest::mouseClick(wizard->button(QWizard::CancelButton), Qt::LeftButton);
    QTRY_COMPARE(quit.count(), 1);
    QCOMPARE(quit.at(0).at(0).toInt(), 0);
    QVERIFY(!controller->window());
    QVERIFY(!QDir(m_dataDir).exists());
    QVERIFY(!QDir(m_tmp->filePath(QStringLiteral("profile"))).exists()); // created by this start, so removed too
    QVERIFY(m_settings->value(AppSettings::Key::ActiveAccount).toString().isEmpty());

    // The next start asks again.
    controller.reset();
    QVERIFY(AppController::needsFirstRun(m_dataDir));
    auto again = makeController();
    QVERIFY(again->start());
    QVERIFY(again->firstRunWizard());
}

void TestStartup::aRefusedSnapshotShowsItsLineAndAnotherFileCanBePicked()
{
    // A bad file: the demo network with one HN status nobody knows.
    QByteArray text = SnapshotJson::toJson(DemoNetwork::snapshot());
    const qsizetype at = text.indexOf("\"status\":\"active\"");
    QVERIFY(at > 0);
    const int badLine = int(text.left(at).count('\n')) + 1;
    text.replace(at, qsizetype(qstrlen("\"status\":\"active\"")), "\"status\":\"sleeping\"");
    const QString bad = m_tmp->filePath(QStringLiteral("bad.json"));
    QFile badFile(bad);
    QVERIFY(badFile.open(QIODevice::WriteOnly));
    badFile.write(text);
    badFile.close();
    // A good file: a network of its own name.
    NetworkSnapshot mine = DemoNetwork::snapshot();
    mine.name = QStringLiteral("Team test network");
    const QString good = m_tmp->filePath(QStringLiteral("good.json"));
    QVERIFY(SnapshotJson::writeFile(good, mine));

    auto controller = makeController();
    runFirstRun(*controller, [&](FirstRunWizard *wizard) {
        FirstRunWizardNetworkPage *page = wizard->networkPage();
        // The file dialog seam picks the bad file first.
        wizard->state().seams.openFile = [bad](QWidget *, const QString &, const QString &) { return bad; };
        QTest::mouseClick(page->snapshotButton(), Qt::LeftButton, {}, QPoint(5, 5));
        QVERIFY(page->pathEdit()->isEnabled());
        const auto buttons = page->findChildren<QAbstractButton *>();
        for (QAbstractButton *b : buttons)
            if (b->text().contains(QStringLiteral("Browse")))
                QTest::mouseClick(b, Qt::LeftButton);
        QCOMPARE(page->pathEdit()->text(), bad);
        QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
        QTRY_VERIFY(!page->isValidating()); // checked in a worker
        QCOMPARE(wizard->currentId(), int(FirstRunWizard::Page_Network)); // refused: the page stays
        QVERIFY2(page->errorText().contains(QStringLiteral("line %1").arg(badLine)), qPrintable(page->errorText()));
        QVERIFY2(page->errorText().contains(QStringLiteral("snapshot.bad_status")), qPrintable(page->errorText()));
        QVERIFY(!LocalMarketService::hasMirror(m_dataDir)); // nothing stored

        page->pathEdit()->clear();
        QTest::keyClicks(page->pathEdit(), good);
        clickNext(wizard);
        QTRY_COMPARE(wizard->currentId(), int(WalletWizard::Page_Choose)); // passed in the worker
        QVERIFY(page->errorText().isEmpty());
    });
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(controller->market()->networkName(), QStringLiteral("Team test network"));
    QCOMPARE(controller->window()->activeAccount().toChecksummed(), test::demoAddress());
}

void TestStartup::quickSearchSelectsABookingAndAnAccount()
{
    auto controller = makeController();
    runFirstRun(*controller);
    if (QTest::currentTestFailed())
        return;
    MainWindow *window = controller->window();
    const Address demo = window->activeAccount();
    const Result<SecureBytes> key = controller->wallet()->unlock(demo, SecureBytes(QByteArrayView(kPassword)));
    QVERIFY(key);
    const Result<BookingRow> first = bookSomething(*controller->market(), demo, *key);
    QVERIFY2(first, first ? "" : qPrintable(first.error().toString()));

    window->jumpTo(QStringLiteral("booking"), first->id, QStringLiteral("bookings"));
    QCOMPARE(window->currentPageId(), QStringLiteral("bookings"));
    auto *bookings = qobject_cast<BookingsPage *>(window->page(QStringLiteral("bookings")));
    QVERIFY(bookings);
    QTRY_COMPARE(bookings->model()->rowCount(), 1);
    bookings->view()->clearSelection();
    bookings->view()->selectionModel()->clearCurrentIndex();
    window->jumpTo(QStringLiteral("booking"), first->id, QStringLiteral("bookings"));
    const QModelIndex current = bookings->view()->selectionModel()->currentIndex();
    QVERIFY(current.isValid());
    const QModelIndex source = bookings->proxy()->mapToSource(current);
    QCOMPARE(bookings->model()->bookingAt(source.row()).id, first->id);
    QVERIFY(bookings->view()->selectionModel()->isRowSelected(current.row(), QModelIndex()));

    // An account: the Wallet page selects it (and the shell makes it the active one).
    const auto added = test::waitFor<Address>([&](QObject *ctx, auto done) {
        controller->wallet()->importPrivateKey(test::hdKey(test::demoMnemonic(), 3), QStringLiteral("Spare"),
                                               SecureBytes(QByteArrayView(kPassword)), ctx, done);
    });
    QVERIFY(added && *added);
    const Address spare = added->value();
    window->jumpTo(QStringLiteral("account"), spare.toChecksummed(), QStringLiteral("wallet"));
    QCOMPARE(window->currentPageId(), QStringLiteral("wallet"));
    auto *wallet = qobject_cast<WalletPage *>(window->page(QStringLiteral("wallet")));
    QVERIFY(wallet);
    QTRY_COMPARE(wallet->selectedAccount(), spare);
    QCOMPARE(window->activeAccount(), spare);
    window->jumpTo(QStringLiteral("account"), demo.toChecksummed(), QStringLiteral("wallet"));
    QTRY_COMPARE(wallet->selectedAccount(), demo);
    // Not an address, or not in the wallet: nothing changes.
    window->jumpTo(QStringLiteral("account"), QStringLiteral("0xnot-an-address"), QStringLiteral("wallet"));
    window->jumpTo(QStringLiteral("account"), QStringLiteral("0x0000000000000000000000000000000000000001"), QStringLiteral("wallet"));
    QCOMPARE(wallet->selectedAccount(), demo);
}

void TestStartup::preferencesPersistTheThemeAndTheAutoLock()
{
    QCOMPARE(AppSettings::defaultValue(AppSettings::Key::AutoLockMinutes).toInt(), 10);
    QCOMPARE(m_settings->autoLockMinutes(), 10);
    {
        auto controller = makeController();
        runFirstRun(*controller);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(controller->wallet()->autoLockMinutes(), 10);
        PreferencesDialog dialog(m_settings.get(), controller->window());
        QCOMPARE(dialog.autoLockBox()->value(), 10);
        dialog.autoLockBox()->setValue(25);
        dialog.themeBox()->setCurrentIndex(dialog.themeBox()->findData(int(Theme::Dark)));
        dialog.accept();
        QCOMPARE(m_settings->autoLockMinutes(), 25);
        QCOMPARE(m_settings->theme(), Theme::Dark);
        QCOMPARE(controller->wallet()->autoLockMinutes(), 25); // applied at once

        // Cancel changes nothing.
        PreferencesDialog cancelled(m_settings.get(), controller->window());
        cancelled.autoLockBox()->setValue(3);
        cancelled.reject();
        QCOMPARE(m_settings->autoLockMinutes(), 25);

        // The Wallet page's own spin box is kept too, when the app ends.
        auto *page = controller->window()->page(QStringLiteral("wallet"));
        auto *spin = page->findChild<QSpinBox *>(QStringLiteral("autoLockMinutes"));
        QVERIFY(spin);
        spin->setValue(40);
        QCOMPARE(controller->wallet()->autoLockMinutes(), 40);
    }
    QCOMPARE(m_settings->autoLockMinutes(), 40);
    m_settings->setValue(AppSettings::Key::AutoLockMinutes, 100000); // out of range in the file
    QCOMPARE(m_settings->autoLockMinutes(), AppSettings::kMaxAutoLockMinutes);
    m_settings->setAutoLockMinutes(40);

    auto again = makeController();
    QVERIFY(again->start());
    QCOMPARE(again->wallet()->autoLockMinutes(), 40);
    m_settings->setTheme(Theme::System);
}

QTEST_MAIN(TestStartup)
#include "tst_startup.moc"
