#include "WalletTestSupport.h"

#include "service/WalletService.h"
#include "wizards/FirstRunWizard.h"
#include "wizards/FirstRunWizardNetworkPage.h"
#include "wizards/FirstRunWizardWelcomePage.h"
#include "wizards/WalletWizardChoosePage.h"
#include "wizards/WalletWizardPasswordPage.h"
#include "wizards/WalletWizardState.h"

#include <QAbstractButton>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSemaphore>
#include <QThread>
#include <QTimer>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace icn;
using namespace icn::ui;

class TestFirstRunWizard : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void theDemoPathCreatesTheFolderAndTheDemoAccount();
    void aSnapshotMustBeAReadableFile();
    void aFolderThatCannotBeCreatedIsRefused();
    void theSnapshotIsValidatedInAWorkerWhileTheWizardResponds();

private:
    void clickNext(QWizard &wizard);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_dataDir;
    std::unique_ptr<WalletService> m_wallet;
};

void TestFirstRunWizard::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_dataDir = m_dir->filePath(QStringLiteral("icn-desk/data"));
    m_wallet = std::make_unique<WalletService>(m_dir->filePath(QStringLiteral("wallet")), nullptr, nullptr,
                                               test::fastKdf());
}

void TestFirstRunWizard::cleanup()
{
    m_wallet.reset();
    m_dir.reset();
}

void TestFirstRunWizard::clickNext(QWizard &wizard)
{
    QAbstractButton *next = wizard.button(QWizard::NextButton);
    QVERIFY(next->isVisible() && next->isEnabled());
    QTest::mouseClick(next, Qt::LeftButton);
}

void TestFirstRunWizard::theDemoPathCreatesTheFolderAndTheDemoAccount()
{
    FirstRunWizard wizard(m_dataDir, m_wallet.get());
    wizard.show();
    QSignalSpy finished(&wizard, &FirstRunWizard::firstRunFinished);
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::Page_Welcome));
    QVERIFY(!QDir(m_dataDir).exists());
    clickNext(wizard);
    QVERIFY(QDir(m_dataDir).exists());

    QCOMPARE(wizard.currentId(), int(FirstRunWizard::Page_Network));
    auto *network = qobject_cast<FirstRunWizardNetworkPage *>(wizard.currentPage());
    QVERIFY(network->demoButton()->isChecked()); // the default
    QVERIFY(!network->pathEdit()->isEnabled());
    clickNext(wizard);

    QCOMPARE(wizard.currentId(), int(WalletWizard::Page_Choose));
    auto *choose = qobject_cast<WalletWizardChoosePage *>(wizard.currentPage());
    QTest::mouseClick(choose->demoButton(), Qt::LeftButton, {}, QPoint(5, 5));
    QVERIFY(choose->demoButton()->isChecked());
    clickNext(wizard);
    QCOMPARE(wizard.currentId(), int(WalletWizard::Page_Demo));
    QCOMPARE(wizard.currentPage()->findChild<QLabel *>(QStringLiteral("demoAddress"))->text(), test::demoAddress());
    clickNext(wizard);

    auto *password = qobject_cast<WalletWizardPasswordPage *>(wizard.currentPage());
    QTest::keyClicks(password->passwordEdit(), QStringLiteral("Kitchen5-table"));
    QTest::keyClicks(password->repeatEdit(), QStringLiteral("Kitchen5-table"));
    QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);

    const auto request = finished.at(0).at(0).value<FirstRunRequest>();
    QCOMPARE(request.dataDir, m_dataDir);
    QCOMPARE(int(request.network), int(FirstRunRequest::Network::Demo));
    QVERIFY(request.snapshotPath.isEmpty());
    QCOMPARE(request.account.toChecksummed(), test::demoAddress());
    QCOMPARE(m_wallet->accounts().size(), 1);
    QVERIFY(m_wallet->accounts().front().isPublicTestKey);
    QCOMPARE(wizard.result(), int(QDialog::Accepted));
    QVERIFY(password->passwordEdit()->text().isEmpty());
}

void TestFirstRunWizard::aSnapshotMustBeAReadableFile()
{
    const QString snapshot = m_dir->filePath(QStringLiteral("network.json"));
    QFile file(snapshot);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{}");
    file.close();

    FirstRunWizard wizard(m_dataDir, nullptr);
    wizard.state().seams.openFile = [&](QWidget *, const QString &, const QString &) { return snapshot; };
    wizard.show();
    QSignalSpy finished(&wizard, &FirstRunWizard::firstRunFinished);
    clickNext(wizard);
    auto *network = qobject_cast<FirstRunWizardNetworkPage *>(wizard.currentPage());
    QTest::mouseClick(network->snapshotButton(), Qt::LeftButton, {}, QPoint(5, 5));
    QVERIFY(network->pathEdit()->isEnabled());
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled()); // no file yet

    QTest::keyClicks(network->pathEdit(), m_dir->filePath(QStringLiteral("missing.json")));
    clickNext(wizard);
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::Page_Network));
    QVERIFY(network->errorText().contains(QStringLiteral("Cannot read")));

    network->pathEdit()->clear();
    auto *browse = network->findChild<QPushButton *>();
    QTest::mouseClick(browse, Qt::LeftButton);
    QCOMPARE(network->pathEdit()->text(), snapshot);
    clickNext(wizard);
    QCOMPARE(wizard.currentId(), int(WalletWizard::Page_Choose));

    qobject_cast<WalletWizardChoosePage *>(wizard.currentPage())->demoButton()->setChecked(true);
    clickNext(wizard);
    clickNext(wizard);
    auto *password = qobject_cast<WalletWizardPasswordPage *>(wizard.currentPage());
    QTest::keyClicks(password->passwordEdit(), QStringLiteral("Kitchen5-table"));
    QTest::keyClicks(password->repeatEdit(), QStringLiteral("Kitchen5-table"));
    QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
    QCOMPARE(finished.count(), 1);
    const auto request = finished.at(0).at(0).value<FirstRunRequest>();
    QCOMPARE(int(request.network), int(FirstRunRequest::Network::Snapshot));
    QCOMPARE(request.snapshotPath, snapshot);
    QVERIFY(request.account.isNull()); // no service: the wallet request went out on its own signal
}

void TestFirstRunWizard::aFolderThatCannotBeCreatedIsRefused()
{
    // A regular file where a parent folder should be.
    const QString blocker = m_dir->filePath(QStringLiteral("blocker"));
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    FirstRunWizard wizard(blocker + QStringLiteral("/data"), m_wallet.get());
    wizard.show();
    clickNext(wizard);
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::Page_Welcome));
    auto *welcome = qobject_cast<FirstRunWizardWelcomePage *>(wizard.currentPage());
    QVERIFY(welcome->errorText().contains(QStringLiteral("Cannot create")));
}

void TestFirstRunWizard::theSnapshotIsValidatedInAWorkerWhileTheWizardResponds()
{
    const QString snapshot = m_dir->filePath(QStringLiteral("network.json"));
    QFile file(snapshot);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{}");
    file.close();

    // A slow validator: it waits until the test releases it, refuses the first time, passes then.
    QSemaphore release;
    std::atomic<int> calls{0};
    std::atomic<bool> offGuiThread{true};
    QThread *gui = QThread::currentThread();
    FirstRunWizard wizard(m_dataDir, nullptr);
    wizard.networkPage()->setSnapshotValidator([&](const QString &) -> Result<void> {
        if (QThread::currentThread() == gui)
            offGuiThread = false;
        release.acquire();
        if (calls.fetch_add(1) == 0)
            return Error::make(QStringLiteral("snapshot.bad_status"), QStringLiteral("line 7: unknown status"));
        return {};
    });
    wizard.show();
    clickNext(wizard);
    FirstRunWizardNetworkPage *network = wizard.networkPage();
    QTest::mouseClick(network->snapshotButton(), Qt::LeftButton, {}, QPoint(5, 5));
    QTest::keyClicks(network->pathEdit(), snapshot);

    QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
    // Checking: the page stays, the busy indicator shows, Next and the inputs wait…
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::Page_Network));
    QVERIFY(network->isValidating());
    QVERIFY(network->busyIndicator()->isVisible());
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QVERIFY(!network->pathEdit()->isEnabled());
    // …and the GUI thread keeps serving events (a timer fires, the window repaints).
    bool ticked = false;
    QTimer::singleShot(10, &wizard, [&ticked] { ticked = true; });
    QTRY_VERIFY(ticked);
    QVERIFY(network->isValidating());

    release.release();
    QTRY_VERIFY(!network->isValidating());
    QVERIFY(offGuiThread);
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::Page_Network)); // refused
    QVERIFY2(network->errorText().contains(QStringLiteral("snapshot.bad_status")), qPrintable(network->errorText()));
    QVERIFY(!network->busyIndicator()->isVisible());
    QVERIFY(network->pathEdit()->isEnabled());
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());

    // The second check passes and the wizard moves on by itself.
    release.release();
    QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
    QTRY_COMPARE(wizard.currentId(), int(WalletWizard::Page_Choose));
    QCOMPARE(calls.load(), 2);
    QVERIFY(network->errorText().isEmpty());
    // Back and Next again: the file passed, no new check.
    wizard.back();
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::Page_Network));
    clickNext(wizard);
    QCOMPARE(wizard.currentId(), int(WalletWizard::Page_Choose));
    QCOMPARE(calls.load(), 2);
}

QTEST_MAIN(TestFirstRunWizard)
#include "tst_firstrunwizard.moc"
