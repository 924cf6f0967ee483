#include "dialogs/BookingDetailsDialog.h"
#include "models/BookingFilterProxy.h"
#include "models/BookingTableModel.h"
#include "pages/BookingsPage.h"
#include "service/FakeMarketService.h"

#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace icn;
using namespace icn::ui;

namespace {

class BookingService : public FakeMarketService
{
public:
    QList<BookingRow> rows;
    QList<BookingRow> bookings(const Address &sp) const override
    {
        QList<BookingRow> out;
        for (const BookingRow &b : rows) {
            if (b.sp == sp)
                out.append(b);
        }
        return out;
    }
    void announce() { emit stateChanged(); }
};

Amount icnt(const char *text)
{
    return *Amount::parse(QString::fromLatin1(text));
}

BookingRow booking(const QString &id, const QString &status, qint64 sizeTb, const char *total)
{
    BookingRow b;
    b.id = id;
    b.status = status;
    b.sp = FakeMarketService::demoSp();
    b.scopeId = QStringLiteral("FRA-1");
    b.clusterId = QStringLiteral("FRA-1");
    b.nodeIds = {QStringLiteral("FRA-1-hn1"), QStringLiteral("FRA-1-hn2")};
    b.sizeTb = sizeTb;
    b.range = {Month::fromYearMonth(2027, 1), 3};
    b.total = icnt(total);
    b.escrowLeft = icnt(total);
    return b;
}

QStringList shownIds(const QTableView *view)
{
    QStringList ids;
    for (int r = 0; r < view->model()->rowCount(); ++r)
        ids << view->model()->index(r, 0).data(BookingTableModel::IdRole).toString();
    return ids;
}

} // namespace

class TestBookingsPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void showsTheAccountsBookings();
    void filtersAsTheUserTypes();
    void filtersByStatus();
    void sortsWhenAHeaderIsClicked();
    void showsDetailsOfTheSelectedBooking();
    void exportsTheRowsShownExactly();
    void reportsAnExportThatCannotBeWritten();
    void doesNothingWhenExportIsCancelled();
    void refreshesWhenTheStateChanges();
    void focusesABookingFromQuickSearch();
    void offersTheShellsSlots();

private:
    BookingService *m_service = nullptr;
    BookingsPage *m_page = nullptr;
    QStringList m_errors;
    QString m_nextSavePath;
};

void TestBookingsPage::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestBookingsPage::init()
{
    m_service = new BookingService;
    m_service->rows << booking(QStringLiteral("BK-9"), QStringLiteral("Active"), 9, "90")
                    << booking(QStringLiteral("BK-10"), QStringLiteral("Pending"), 10, "100.000000000000000001")
                    << booking(QStringLiteral("BK-2"), QStringLiteral("Ended"), 100, "100");
    m_page = new BookingsPage(m_service);
    DialogSeams seams;
    seams.saveFile = [this](QWidget *, const QString &, const QString &) { return m_nextSavePath; };
    seams.error = [this](QWidget *, const QString &title, const QString &text) { m_errors << title + QLatin1Char('|') + text; };
    m_page->setDialogSeams(seams);
    m_page->resize(1000, 400);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page));
    m_errors.clear();
    m_nextSavePath.clear();
}

void TestBookingsPage::cleanup()
{
    delete m_page;
    delete m_service;
}

void TestBookingsPage::showsTheAccountsBookings()
{
    auto *summary = m_page->findChild<QLabel *>(QStringLiteral("summaryLabel"));
    QVERIFY(summary);
    QCOMPARE(m_page->view()->model()->rowCount(), 0);
    QCOMPARE(summary->text(), QStringLiteral("No account selected."));
    QVERIFY(!m_page->findChild<QPushButton *>(QStringLiteral("exportButton"))->isEnabled());

    m_page->setAccount(FakeMarketService::demoSp());
    QCOMPARE(m_page->account(), FakeMarketService::demoSp());
    QCOMPARE(shownIds(m_page->view()), (QStringList{"BK-9", "BK-10", "BK-2"}));
    QCOMPARE(summary->text(), QStringLiteral("3 booking(s)"));
    QVERIFY(m_page->findChild<QPushButton *>(QStringLiteral("exportButton"))->isEnabled());

    m_page->setAccount(FakeMarketService::demoHp()); // an account without bookings
    QCOMPARE(m_page->view()->model()->rowCount(), 0);
    QCOMPARE(summary->text(), QStringLiteral("This account has no bookings yet."));
}

void TestBookingsPage::filtersAsTheUserTypes()
{
    m_page->setAccount(FakeMarketService::demoSp());
    auto *edit = m_page->findChild<QLineEdit *>(QStringLiteral("filterEdit"));
    QVERIFY(edit);
    QTest::keyClicks(edit, QStringLiteral("bk-1"));
    QTRY_COMPARE(shownIds(m_page->view()), QStringList{"BK-10"});
    QCOMPARE(m_page->findChild<QLabel *>(QStringLiteral("summaryLabel"))->text(), QStringLiteral("1 of 3 booking(s) shown"));
    edit->clear();
    QTRY_COMPARE(m_page->view()->model()->rowCount(), 3);
}

void TestBookingsPage::filtersByStatus()
{
    m_page->setAccount(FakeMarketService::demoSp());
    auto *combo = m_page->findChild<QComboBox *>(QStringLiteral("statusCombo"));
    QVERIFY(combo);
    combo->setCurrentIndex(combo->findData(QStringLiteral("Ended")));
    QCOMPARE(shownIds(m_page->view()), QStringList{"BK-2"});
    combo->setCurrentIndex(0);
    QCOMPARE(m_page->view()->model()->rowCount(), 3);
}

void TestBookingsPage::sortsWhenAHeaderIsClicked()
{
    m_page->setAccount(FakeMarketService::demoSp());
    QHeaderView *header = m_page->view()->horizontalHeader();
    const auto clickHeader = [header](int section) {
        const QPoint centre(header->sectionViewportPosition(section) + header->sectionSize(section) / 2, header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, centre);
    };
    clickHeader(BookingTableModel::SizeColumn);
    QTRY_COMPARE(shownIds(m_page->view()), (QStringList{"BK-9", "BK-10", "BK-2"})); // 9, 10, 100 TB
    clickHeader(BookingTableModel::SizeColumn);
    QTRY_COMPARE(shownIds(m_page->view()), (QStringList{"BK-2", "BK-10", "BK-9"}));
    clickHeader(BookingTableModel::IdColumn);
    QTRY_COMPARE(shownIds(m_page->view()), (QStringList{"BK-2", "BK-9", "BK-10"}));
    clickHeader(BookingTableModel::TotalColumn);
    QTRY_COMPARE(shownIds(m_page->view()), (QStringList{"BK-9", "BK-2", "BK-10"})); // 100 < 100.000…001

    // The same through the worker, as for a big table.
    m_page->proxy()->setAsyncSortThreshold(0);
    QSignalSpy finished(m_page->proxy(), &BookingFilterProxy::sortingFinished);
    clickHeader(BookingTableModel::TotalColumn);
    QVERIFY(finished.wait());
    QCOMPARE(shownIds(m_page->view()), (QStringList{"BK-10", "BK-2", "BK-9"}));
}

void TestBookingsPage::showsDetailsOfTheSelectedBooking()
{
    m_page->setAccount(FakeMarketService::demoSp());
    auto *details = m_page->findChild<QPushButton *>(QStringLiteral("detailsButton"));
    QVERIFY(!details->isEnabled());
    QTableView *view = m_page->view();
    const QRect cell = view->visualRect(view->model()->index(1, 0));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    QVERIFY(details->isEnabled());
    QTest::mouseClick(details, Qt::LeftButton);

    BookingDetailsDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_page->findChild<BookingDetailsDialog *>()) != nullptr);
    QCOMPARE(dialog->booking().id, QStringLiteral("BK-10"));
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("totalValue"))->text(), QStringLiteral("100.000000000000000001 ICNT"));
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("statusValue"))->text(), QStringLiteral("Pending"));
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("sizeValue"))->text(), QStringLiteral("10 TB"));
    QCOMPARE(dialog->findChild<QListWidget *>(QStringLiteral("nodesList"))->count(), 2);
    dialog->reject();
    QTRY_VERIFY(!m_page->findChild<BookingDetailsDialog *>());

    // A double click opens it as well.
    const QPoint third = view->visualRect(view->model()->index(2, 1)).center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, third);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, third);
    QTRY_VERIFY((dialog = m_page->findChild<BookingDetailsDialog *>()) != nullptr);
    QCOMPARE(dialog->booking().id, QStringLiteral("BK-2"));
}

void TestBookingsPage::exportsTheRowsShownExactly()
{
    BookingRow tricky = booking(QStringLiteral("BK-\"quoted\""), QStringLiteral("Active"), 5, "0.000000000000000001");
    tricky.scopeId = QStringLiteral("EUW, Frankfurt");
    tricky.withheld = icnt("12345678901234567890.123456789012345678");
    m_service->rows << tricky;
    m_page->setAccount(FakeMarketService::demoSp());
    m_page->proxy()->setStatusFilter(QStringLiteral("Active")); // only what is shown is exported
    m_page->proxy()->sort(BookingTableModel::SizeColumn, Qt::AscendingOrder);
    QCOMPARE(shownIds(m_page->view()), (QStringList{"BK-\"quoted\"", "BK-9"}));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    m_nextSavePath = dir.filePath(QStringLiteral("bookings.csv"));
    QSignalSpy finished(m_page, &BookingsPage::exportFinished);
    QTest::mouseClick(m_page->findChild<QPushButton *>(QStringLiteral("exportButton")), Qt::LeftButton);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QCOMPARE(finished.at(0).at(1).toString(), m_nextSavePath);
    QVERIFY(m_errors.isEmpty());

    const QString sp = FakeMarketService::demoSp().toChecksummed();
    const QByteArray expected =
        "id,status,sp,scope,cluster,nodes,size_tb,first_month,last_month,months,total_icnt,escrow_left_icnt,withheld_icnt\r\n"
        "\"BK-\"\"quoted\"\"\",Active," + sp.toLatin1() + ",\"EUW, Frankfurt\",FRA-1,FRA-1-hn1 FRA-1-hn2,5,2027-01,2027-03,3,"
        "0.000000000000000001,0.000000000000000001,12345678901234567890.123456789012345678\r\n"
        "BK-9,Active," + sp.toLatin1() + ",FRA-1,FRA-1,FRA-1-hn1 FRA-1-hn2,9,2027-01,2027-03,3,90,90,0\r\n";
    QFile file(m_nextSavePath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), expected);
    QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("messageLabel"))->text().contains(QStringLiteral("Exported 2 booking(s)")));
}

void TestBookingsPage::reportsAnExportThatCannotBeWritten()
{
    m_page->setAccount(FakeMarketService::demoSp());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    m_nextSavePath = dir.filePath(QStringLiteral("no-such-folder/bookings.csv"));
    QSignalSpy finished(m_page, &BookingsPage::exportFinished);
    m_page->exportCsv();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QCOMPARE(m_errors.size(), 1);
    QVERIFY(m_errors.constFirst().startsWith(QStringLiteral("Export failed|Cannot write")));
    QVERIFY(!QFile::exists(m_nextSavePath));
    QVERIFY(m_page->findChild<QPushButton *>(QStringLiteral("exportButton"))->isEnabled());
}

void TestBookingsPage::doesNothingWhenExportIsCancelled()
{
    m_page->setAccount(FakeMarketService::demoSp());
    QSignalSpy finished(m_page, &BookingsPage::exportFinished);
    m_nextSavePath.clear(); // the user closed the file dialog
    m_page->exportCsv();
    QVERIFY(!m_page->isExporting());
    QTest::qWait(50);
    QCOMPARE(finished.size(), 0);
    QVERIFY(m_errors.isEmpty());
}

void TestBookingsPage::refreshesWhenTheStateChanges()
{
    m_page->setAccount(FakeMarketService::demoSp());
    m_service->rows << booking(QStringLiteral("BK-11"), QStringLiteral("Pending"), 1, "1");
    m_service->rows[0].status = QStringLiteral("Ended");
    m_service->announce();
    QTRY_COMPARE(m_page->view()->model()->rowCount(), 4);
    QCOMPARE(m_page->view()->model()->index(0, BookingTableModel::StatusColumn).data().toString(), QStringLiteral("Ended"));
    QCOMPARE(m_page->findChild<QLabel *>(QStringLiteral("summaryLabel"))->text(), QStringLiteral("4 booking(s)"));
}

void TestBookingsPage::focusesABookingFromQuickSearch()
{
    m_page->setAccount(FakeMarketService::demoSp());
    QTest::keyClicks(m_page->findChild<QLineEdit *>(QStringLiteral("filterEdit")), QStringLiteral("BK-9"));
    QTRY_COMPARE(m_page->view()->model()->rowCount(), 1);
    m_page->focusItem(QStringLiteral("booking"), QStringLiteral("BK-2"));
    QCOMPARE(m_page->view()->model()->rowCount(), 3);
    const QModelIndexList selected = m_page->view()->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.constFirst().data(BookingTableModel::IdRole).toString(), QStringLiteral("BK-2"));
    m_page->focusItem(QStringLiteral("booking"), QStringLiteral("BK-404")); // unknown: nothing changes
    QCOMPARE(m_page->view()->selectionModel()->selectedRows().constFirst().data(BookingTableModel::IdRole).toString(),
             QStringLiteral("BK-2"));
}

void TestBookingsPage::offersTheShellsSlots()
{
    // The shell calls these through the meta-object (PageRegistry.h).
    QVERIFY(m_page->metaObject()->indexOfSlot("setAccount(icn::Address)") >= 0);
    QVERIFY(m_page->metaObject()->indexOfSlot("focusItem(QString,QString)") >= 0);
    QVERIFY(QMetaObject::invokeMethod(m_page, "setAccount", Q_ARG(icn::Address, FakeMarketService::demoSp())));
    QCOMPARE(m_page->view()->model()->rowCount(), 3);
}

QTEST_MAIN(TestBookingsPage)
#include "tst_bookingspage.moc"
