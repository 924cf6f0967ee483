#include "dialogs/TransactionDetailsDialog.h"
#include "models/ActivityTableModel.h"
#include "pages/ActivityPage.h"
#include "service/FakeMarketService.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <atomic>

using namespace icn;
using namespace icn::ui;

namespace {

// A generated log, and a check() that reports 40 % and then waits until the test lets it finish.
class LogService : public FakeMarketService
{
public:
    quint64 count = 0;
    bool checkPasses = true;
    QSemaphore release;
    std::atomic<bool> checkRunning = false;

    static ActivityRow entry(quint64 seq)
    {
        ActivityRow a;
        a.seq = seq;
        a.type = seq % 2 ? QStringLiteral("transfer") : QStringLiteral("book");
        a.signer = seq % 2 ? FakeMarketService::demoHp().toChecksummed() : FakeMarketService::demoSp().toChecksummed();
        a.isSigned = true;
        a.month = Month::fromYearMonth(2026, 11);
        a.epoch = 3;
        a.status = QStringLiteral("applied");
        a.stateHash = QStringLiteral("0x%1").arg(seq, 64, 16, QLatin1Char('f'));
        a.summary = QStringLiteral("entry %1").arg(seq);
        a.details = QStringLiteral("{\"seq\":%1,\"amount\":\"3500000000000000000000\",\"units\":3500000000000000000000,"
                                   "\"note\":\"a, {b}\"}").arg(seq);
        return a;
    }
    quint64 activityCount() const override { return count; }
    QList<ActivityRow> activity(quint64 first, int n) const override
    {
        QList<ActivityRow> out;
        for (quint64 seq = std::max<quint64>(first, 1); seq <= count && out.size() < n; ++seq) {
            out.append(entry(seq));
            if (lazyDetails) // like the local mirror: rows stay cheap, details come on request
                out.last().details.clear();
        }
        return out;
    }
    QString activityDetails(quint64 seq) const override
    {
        ++detailRequests;
        return lazyDetails && seq >= 1 && seq <= count ? entry(seq).details : QString();
    }
    bool lazyDetails = false;
    mutable int detailRequests = 0;
    CheckReport check(const std::function<void(int)> &progress) override
    {
        checkRunning = true;
        progress(40);
        release.acquire(); // the GUI must stay live meanwhile
        progress(100);
        checkRunning = false;
        return {checkPasses, {QStringLiteral("conservation: ok"), QStringLiteral("replay: %1 entries").arg(count)}};
    }
};

} // namespace

class TestActivityPage : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void showsTheLogNewestFirst();
    void filtersByTypeAndSigner();
    void detailDialogShowsTheDecodedTransaction();
    void detailDialogAsksTheServiceWhenRowsCarryNoDetails();
    void prettyPrintsWithoutTouchingNumbers_data();
    void prettyPrintsWithoutTouchingNumbers();
    void checkRunsOffTheGuiThreadWithProgress();
    void checkShowsAFailure();
    void focusesATransactionFromQuickSearch();

private:
    LogService *m_service = nullptr;
    ActivityPage *m_page = nullptr;
};

void TestActivityPage::init()
{
    m_service = new LogService;
    m_service->count = 30;
    m_page = new ActivityPage(m_service);
    m_page->resize(1100, 500);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page));
}

void TestActivityPage::cleanup()
{
    if (m_service->checkRunning)
        m_service->release.release();
    delete m_page;
    delete m_service;
}

void TestActivityPage::showsTheLogNewestFirst()
{
    QAbstractItemModel *model = m_page->view()->model();
    QCOMPARE(model->rowCount(), 30);
    QCOMPARE(model->index(0, 0).data(ActivityTableModel::SeqRole).toULongLong(), quint64(30));
    QCOMPARE(model->index(29, 0).data(ActivityTableModel::SeqRole).toULongLong(), quint64(1));
    QCOMPARE(m_page->findChild<QLabel *>(QStringLiteral("summaryLabel"))->text(), QStringLiteral("30 transaction(s)"));
    // Types met in the log are offered in the filter.
    auto *types = m_page->findChild<QComboBox *>(QStringLiteral("typeCombo"));
    QTRY_VERIFY(types->findData(QStringLiteral("book")) > 0);
    QVERIFY(types->findData(QStringLiteral("transfer")) > 0);
}

void TestActivityPage::filtersByTypeAndSigner()
{
    auto *types = m_page->findChild<QComboBox *>(QStringLiteral("typeCombo"));
    QTRY_VERIFY(types->findData(QStringLiteral("book")) > 0);
    types->setCurrentIndex(types->findData(QStringLiteral("book")));
    QTRY_COMPARE(m_page->view()->model()->rowCount(), 15);
    QCOMPARE(m_page->view()->model()->index(0, 0).data(ActivityTableModel::SeqRole).toULongLong(), quint64(30));
    QTRY_COMPARE(m_page->findChild<QLabel *>(QStringLiteral("summaryLabel"))->text(), QStringLiteral("15 match(es)"));

    // Books are signed by the SP: a part of the HP's address leaves nothing.
    auto *signer = m_page->findChild<QLineEdit *>(QStringLiteral("signerEdit"));
    QTest::keyClicks(signer, FakeMarketService::demoHp().toChecksummed().mid(2, 10));
    QTRY_COMPARE(m_page->view()->model()->rowCount(), 0);
    types->setCurrentIndex(0);
    QTRY_COMPARE(m_page->view()->model()->rowCount(), 15); // the HP's transfers
    QCOMPARE(m_page->view()->model()->index(0, 0).data(ActivityTableModel::TypeRole).toString(), QStringLiteral("transfer"));
    signer->clear();
    QTRY_COMPARE(m_page->view()->model()->rowCount(), 30);
}

void TestActivityPage::detailDialogShowsTheDecodedTransaction()
{
    QTableView *view = m_page->view();
    auto *details = m_page->findChild<QPushButton *>(QStringLiteral("detailsButton"));
    QVERIFY(!details->isEnabled());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(view->model()->index(2, 1)).center());
    QVERIFY(details->isEnabled());
    QTest::mouseClick(details, Qt::LeftButton);

    TransactionDetailsDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_page->findChild<TransactionDetailsDialog *>()) != nullptr);
    QCOMPARE(dialog->entry().seq, quint64(28));
    const ActivityRow expected = LogService::entry(28);
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("stateHashValue"))->text(), expected.stateHash);
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("typeValue"))->text(), QStringLiteral("book"));
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("signerValue"))->text(), expected.signer);
    const QString text = dialog->findChild<QPlainTextEdit *>(QStringLiteral("detailsText"))->toPlainText();
    QCOMPARE(text, QStringLiteral("{\n  \"seq\": 28,\n  \"amount\": \"3500000000000000000000\",\n"
                                  "  \"units\": 3500000000000000000000,\n  \"note\": \"a, {b}\"\n}"));
    dialog->reject();
    QTRY_VERIFY(!m_page->findChild<TransactionDetailsDialog *>());
}

void TestActivityPage::detailDialogAsksTheServiceWhenRowsCarryNoDetails()
{
    LogService service;
    service.count = 30;
    service.lazyDetails = true;
    ActivityPage page(&service);
    page.resize(900, 600);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTableView *view = page.view();
    QTRY_VERIFY(view->model()->rowCount() > 2);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(view->model()->index(2, 1)).center());
    QCOMPARE(service.detailRequests, 0); // reading rows never decodes
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("detailsButton")), Qt::LeftButton);
    TransactionDetailsDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = page.findChild<TransactionDetailsDialog *>()) != nullptr);
    QCOMPARE(service.detailRequests, 1);
    const QString text = dialog->findChild<QPlainTextEdit *>(QStringLiteral("detailsText"))->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("\"seq\": 28")), qPrintable(text));
    dialog->reject();
    QTRY_VERIFY(!page.findChild<TransactionDetailsDialog *>());
}

void TestActivityPage::prettyPrintsWithoutTouchingNumbers_data()
{
    QTest::addColumn<QString>("details");
    QTest::addColumn<QString>("expected");

    QTest::newRow("a flat object is indented")
        << "{\"a\":1,\"b\":\"x\"}" << "{\n  \"a\": 1,\n  \"b\": \"x\"\n}";
    QTest::newRow("big integers keep every digit")
        << "{\"wei\":123456789012345678901234567890}" << "{\n  \"wei\": 123456789012345678901234567890\n}";
    QTest::newRow("nested arrays and empty containers")
        << "{\"xs\":[1,[]],\"o\":{}}" << "{\n  \"xs\": [\n    1,\n    []\n  ],\n  \"o\": {}\n}";
    QTest::newRow("escaped quotes inside strings stay inside")
        << "{\"s\":\"say \\\"hi\\\", {ok}\"}" << "{\n  \"s\": \"say \\\"hi\\\", {ok}\"\n}";
    QTest::newRow("text that is not JSON is shown as given") << "book 10 TB, FRA-1" << "book 10 TB, FRA-1";
    QTest::newRow("already indented JSON is kept") << "{\n \"a\": 1\n}" << "{\n \"a\": 1\n}";
    QTest::newRow("nothing stays nothing") << "" << "";
}

void TestActivityPage::prettyPrintsWithoutTouchingNumbers()
{
    QFETCH(QString, details);
    QFETCH(QString, expected);
    QCOMPARE(TransactionDetailsDialog::prettyDetails(details), expected);
}

void TestActivityPage::checkRunsOffTheGuiThreadWithProgress()
{
    auto *button = m_page->findChild<QPushButton *>(QStringLiteral("checkButton"));
    auto *progress = m_page->findChild<QProgressBar *>(QStringLiteral("checkProgress"));
    auto *label = m_page->findChild<QLabel *>(QStringLiteral("checkLabel"));
    auto *report = m_page->findChild<QPlainTextEdit *>(QStringLiteral("reportText"));
    QSignalSpy finished(m_page, &ActivityPage::checkFinished);
    QVERIFY(!progress->isVisible());

    QTest::mouseClick(button, Qt::LeftButton);
    // The click returned although check() is still waiting in the worker.
    QVERIFY(m_page->isChecking());
    QVERIFY(!button->isEnabled());
    QVERIFY(progress->isVisible());
    QTRY_COMPARE(progress->value(), 40);
    QCOMPARE(label->text(), QStringLiteral("Checking…"));

    // The window still answers: the filter works while the check runs.
    QTest::keyClicks(m_page->findChild<QLineEdit *>(QStringLiteral("signerEdit")), QStringLiteral("zzz"));
    QTRY_COMPARE(m_page->view()->model()->rowCount(), 0);
    QVERIFY(m_page->isChecking());
    m_page->runCheck(); // a second request while one runs is ignored
    QCOMPARE(finished.size(), 0);

    m_service->release.release();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QCOMPARE(label->text(), QStringLiteral("Check passed."));
    QVERIFY(!progress->isVisible());
    QVERIFY(button->isEnabled());
    QVERIFY(report->isVisible());
    QCOMPARE(report->toPlainText(), QStringLiteral("conservation: ok\nreplay: 30 entries"));
    QVERIFY(m_page->lastReport() && m_page->lastReport()->ok);
}

void TestActivityPage::checkShowsAFailure()
{
    m_service->checkPasses = false;
    m_service->release.release(); // let it run straight through
    QSignalSpy finished(m_page, &ActivityPage::checkFinished);
    m_page->runCheck();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("checkLabel"))->text().startsWith(QStringLiteral("Check FAILED")));
}

void TestActivityPage::focusesATransactionFromQuickSearch()
{
    QTest::keyClicks(m_page->findChild<QLineEdit *>(QStringLiteral("signerEdit")), QStringLiteral("zzz"));
    QTRY_COMPARE(m_page->view()->model()->rowCount(), 0);
    m_page->focusItem(QStringLiteral("transaction"), QStringLiteral("7"));
    QCOMPARE(m_page->view()->model()->rowCount(), 30);
    const QModelIndexList selected = m_page->view()->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.constFirst().data(ActivityTableModel::SeqRole).toULongLong(), quint64(7));
    m_page->focusItem(QStringLiteral("transaction"), QStringLiteral("not-a-number"));
    QCOMPARE(m_page->view()->selectionModel()->selectedRows().size(), 1);
    QVERIFY(m_page->metaObject()->indexOfSlot("focusItem(QString,QString)") >= 0); // the shell's quick search
}

QTEST_MAIN(TestActivityPage)
#include "tst_activitypage.moc"
