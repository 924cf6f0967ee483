#include "models/BookingFilterProxy.h"
#include "models/BookingTableModel.h"
#include "service/FakeMarketService.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <climits>

using namespace icn;
using namespace icn::ui;

namespace {

// Bookings are whatever the test puts in `rows`; the rest of the fake stays as is.
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

Amount icnt(const QString &text)
{
    const auto amount = Amount::parse(text);
    Q_ASSERT(amount.ok());
    return *amount;
}

BookingRow booking(const QString &id)
{
    BookingRow b;
    b.id = id;
    b.status = QStringLiteral("Active");
    b.sp = FakeMarketService::demoSp();
    b.scopeId = QStringLiteral("FRA-1");
    b.clusterId = QStringLiteral("FRA-1");
    b.nodeIds = {QStringLiteral("FRA-1-hn1")};
    b.sizeTb = 10;
    b.range = {Month::fromYearMonth(2027, 1), 3};
    b.total = icnt(QStringLiteral("100"));
    b.escrowLeft = icnt(QStringLiteral("50"));
    return b;
}

// Sets the field shown in `column` from text ("2027-01+3" for months, spaces between HN ids).
void setColumn(BookingRow &b, int column, const QString &value)
{
    switch (column) {
    case BookingTableModel::IdColumn: b.id = value; break;
    case BookingTableModel::StatusColumn: b.status = value; break;
    case BookingTableModel::ScopeColumn: b.scopeId = value; break;
    case BookingTableModel::NodesColumn: b.nodeIds = value.split(QLatin1Char(' ')); break;
    case BookingTableModel::SizeColumn: b.sizeTb = value.toLongLong(); break;
    case BookingTableModel::MonthsColumn:
        b.range = {*Month::parse(value.section(QLatin1Char('+'), 0, 0)), value.section(QLatin1Char('+'), 1).toInt()};
        break;
    case BookingTableModel::TotalColumn: b.total = icnt(value); break;
    case BookingTableModel::EscrowLeftColumn: b.escrowLeft = icnt(value); break;
    case BookingTableModel::WithheldColumn: b.withheld = icnt(value); break;
    default: Q_ASSERT(false);
    }
}

// `n` bookings BK-0 … with sizes, statuses and clusters that vary by index.
QList<BookingRow> manyBookings(int n)
{
    const QString statuses[] = {QStringLiteral("Pending"), QStringLiteral("Active"), QStringLiteral("Ended")};
    QList<BookingRow> rows;
    for (int i = 0; i < n; ++i) {
        BookingRow b = booking(QStringLiteral("BK-%1").arg(i));
        b.status = statuses[i % 3];
        b.sizeTb = (i * 7919) % 1000;
        b.scopeId = b.clusterId = i % 2 ? QStringLiteral("AMS-1") : QStringLiteral("FRA-1");
        rows << b;
    }
    return rows;
}

QStringList idsInViewOrder(const QAbstractItemModel &model)
{
    QStringList ids;
    for (int r = 0; r < model.rowCount(); ++r)
        ids << model.index(r, 0).data(BookingTableModel::IdRole).toString();
    return ids;
}

} // namespace

class TestBookingTableModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void passesModelTester();
    void isEmptyWithoutAccountOrBookings();
    void showsFormattedTextAndRawValues();
    void alignsNumbersRight();
    void sortsByTypedValues_data();
    void sortsByTypedValues();
    void sortKeepsServiceOrderForEqualKeys();
    void comparesTextNaturally_data();
    void comparesTextNaturally();
    void filtersByStatusAndText_data();
    void filtersByStatusAndText();
    void refreshUpdatesChangedAndNewRows();
    void refreshResetsWhenRowsDisappear();
    void presentationOrderKeepsPersistentIndexes();
    void exportsExactRecords();
    void workerFiltersAndSortsTogether();
    void staleWorkerResultsAreDropped();
    void workerSwapKeepsPersistentIndexes();
    void workerViewFollowsAppendedAndChangedRows();
};

void TestBookingTableModel::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestBookingTableModel::passesModelTester()
{
    BookingService service;
    for (int i = 0; i < 50; ++i) {
        BookingRow b = booking(QStringLiteral("BK-%1").arg(i));
        b.sizeTb = 50 - i;
        b.status = i % 3 == 0 ? QStringLiteral("Ended") : QStringLiteral("Active");
        service.rows << b;
    }
    BookingTableModel model(&service);
    BookingFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

    model.setAccount(FakeMarketService::demoSp());
    QCOMPARE(model.rowCount(), 50);
    proxy.sort(BookingTableModel::SizeColumn);
    proxy.setStatusFilter(QStringLiteral("Ended"));
    QCOMPARE(proxy.rowCount(), 17);
    proxy.setTextFilter(QStringLiteral("BK-1"));
    proxy.setStatusFilter(QString());
    service.rows[3].status = QStringLiteral("Pending");
    service.rows << booking(QStringLiteral("BK-new"));
    service.announce();
    QTRY_COMPARE(model.rowCount(), 51);
    model.setAccount(Address());
    QCOMPARE(model.rowCount(), 0);
}

void TestBookingTableModel::isEmptyWithoutAccountOrBookings()
{
    BookingService service;
    service.rows << booking(QStringLiteral("BK-1"));
    BookingTableModel model(&service);
    QCOMPARE(model.rowCount(), 0); // no account yet

    const auto stranger = Address::parse(QStringLiteral("0x00000000000000000000000000000000000000aa"));
    QVERIFY(stranger.ok());
    model.setAccount(*stranger);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.data(model.index(0, 0)).isValid());

    BookingTableModel orphan(nullptr); // no service at all
    orphan.setAccount(FakeMarketService::demoSp());
    QCOMPARE(orphan.rowCount(), 0);
}

void TestBookingTableModel::showsFormattedTextAndRawValues()
{
    BookingService service;
    BookingRow b = booking(QStringLiteral("BK-7"));
    b.scopeId = QStringLiteral("EUW");
    b.clusterId = QStringLiteral("FRA-2");
    b.nodeIds = {QStringLiteral("FRA-2-hn1"), QStringLiteral("FRA-2-hn2"), QStringLiteral("FRA-2-hn3"),
                 QStringLiteral("FRA-2-hn4"), QStringLiteral("FRA-2-hn5")};
    b.sizeTb = 1500;
    b.range = {Month::fromYearMonth(2026, 11), 6};
    b.total = icnt(QStringLiteral("1234.000000000000000001"));
    b.escrowLeft = icnt(QStringLiteral("617"));
    b.withheld = icnt(QStringLiteral("0.5"));
    service.rows << b;
    BookingTableModel model(&service);
    model.setAccount(FakeMarketService::demoSp());
    QCOMPARE(model.rowCount(), 1);

    const auto cell = [&model](int column, int role = Qt::DisplayRole) { return model.index(0, column).data(role); };
    QCOMPARE(cell(BookingTableModel::IdColumn).toString(), QStringLiteral("BK-7"));
    QCOMPARE(cell(BookingTableModel::StatusColumn).toString(), QStringLiteral("Active"));
    QCOMPARE(cell(BookingTableModel::ScopeColumn).toString(), QStringLiteral("EUW → FRA-2"));
    QCOMPARE(cell(BookingTableModel::NodesColumn).toString(), QStringLiteral("FRA-2-hn1, FRA-2-hn2, FRA-2-hn3 (+2)"));
    QCOMPARE(cell(BookingTableModel::NodesColumn, Qt::ToolTipRole).toString(), b.nodeIds.join(QLatin1Char('\n')));
    QCOMPARE(cell(BookingTableModel::SizeColumn).toString(), QStringLiteral("1,500 TB"));
    QCOMPARE(cell(BookingTableModel::MonthsColumn).toString(), QStringLiteral("2026-11 – 2027-04 (6 months)"));
    QCOMPARE(cell(BookingTableModel::TotalColumn).toString(), QStringLiteral("1,234.000000000000000001 ICNT"));
    QCOMPARE(cell(BookingTableModel::EscrowLeftColumn).toString(), QStringLiteral("617 ICNT"));
    QCOMPARE(cell(BookingTableModel::WithheldColumn).toString(), QStringLiteral("0.5 ICNT"));

    // Raw roles are typed and exact, on any column of the row.
    QCOMPARE(cell(0, BookingTableModel::SizeTbRole).toLongLong(), 1500);
    QCOMPARE(cell(0, BookingTableModel::SizeTbRole).metaType(), QMetaType::fromType<qint64>());
    QCOMPARE(cell(0, BookingTableModel::FirstMonthRole).toInt(), Month::fromYearMonth(2026, 11).index());
    QCOMPARE(cell(0, BookingTableModel::LastMonthRole).toInt(), Month::fromYearMonth(2027, 4).index());
    QCOMPARE(cell(0, BookingTableModel::MonthCountRole).toInt(), 6);
    QCOMPARE(cell(0, BookingTableModel::TotalRole).value<Amount>(), b.total);
    QCOMPARE(cell(0, BookingTableModel::EscrowLeftRole).value<Amount>(), b.escrowLeft);
    QCOMPARE(cell(0, BookingTableModel::WithheldRole).value<Amount>(), b.withheld);
    QCOMPARE(cell(0, BookingTableModel::StatusRole).toString(), QStringLiteral("Active"));
    QCOMPARE(cell(0, BookingTableModel::ClusterRole).toString(), QStringLiteral("FRA-2"));
    QCOMPARE(cell(0, BookingTableModel::NodeIdsRole).toStringList(), b.nodeIds);
    QCOMPARE(cell(0, BookingTableModel::SpRole).toString(), FakeMarketService::demoSp().toChecksummed());
    QCOMPARE(cell(BookingTableModel::TotalColumn, BookingTableModel::SortRole).value<Amount>(), b.total);
    QCOMPARE(cell(BookingTableModel::SizeColumn, BookingTableModel::SortRole).toLongLong(), 1500);

    // Out of range and invalid indexes give nothing.
    QVERIFY(!model.index(1, 0).isValid());
    QVERIFY(!model.data(QModelIndex()).isValid());
}

void TestBookingTableModel::alignsNumbersRight()
{
    BookingService service;
    service.rows << booking(QStringLiteral("BK-1"));
    BookingTableModel model(&service);
    model.setAccount(FakeMarketService::demoSp());
    for (int column = 0; column < BookingTableModel::ColumnCount; ++column) {
        const bool number = column == BookingTableModel::SizeColumn || column == BookingTableModel::TotalColumn
                         || column == BookingTableModel::EscrowLeftColumn || column == BookingTableModel::WithheldColumn;
        const auto alignment = model.index(0, column).data(Qt::TextAlignmentRole).value<Qt::Alignment>();
        QCOMPARE(bool(alignment & Qt::AlignRight), number);
        const auto header = model.headerData(column, Qt::Horizontal, Qt::TextAlignmentRole).value<Qt::Alignment>();
        QCOMPARE(bool(header & Qt::AlignRight), number);
        QVERIFY(!model.headerData(column, Qt::Horizontal).toString().isEmpty());
    }
}

void TestBookingTableModel::sortsByTypedValues_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QStringList>("values"); // for rows r0, r1, …
    QTest::addColumn<QStringList>("ascending"); // row names in ascending order

    using M = BookingTableModel;
    QTest::newRow("booking ids sort naturally so BK-10 follows BK-9")
        << int(M::IdColumn) << QStringList{"BK-10", "BK-9", "BK-100", "bk-2"} << QStringList{"bk-2", "BK-9", "BK-10", "BK-100"};
    QTest::newRow("sizes sort as numbers so 10 TB follows 9 TB")
        << int(M::SizeColumn) << QStringList{"10", "9", "100"} << QStringList{"r1", "r0", "r2"};
    QTest::newRow("totals differing in the 18th decimal sort exactly")
        << int(M::TotalColumn) << QStringList{"0.000000000000000002", "0.000000000000000001", "1"}
        << QStringList{"r1", "r0", "r2"};
    QTest::newRow("totals beyond double precision sort exactly")
        << int(M::TotalColumn) << QStringList{"1000000000.000000000000000001", "1000000000"} << QStringList{"r1", "r0"};
    QTest::newRow("amounts compare by value, not as text")
        << int(M::TotalColumn) << QStringList{"9", "10.5", "10.25"} << QStringList{"r0", "r2", "r1"};
    QTest::newRow("escrow left sorts as amounts")
        << int(M::EscrowLeftColumn) << QStringList{"11", "2"} << QStringList{"r1", "r0"};
    QTest::newRow("withheld compensation sorts as amounts")
        << int(M::WithheldColumn) << QStringList{"0.5", "0", "0.05"} << QStringList{"r1", "r2", "r0"};
    QTest::newRow("status sorts by lifecycle: pending, active, ended")
        << int(M::StatusColumn) << QStringList{"Ended", "Pending", "Active"} << QStringList{"r1", "r2", "r0"};
    QTest::newRow("months sort by start, then by duration")
        << int(M::MonthsColumn) << QStringList{"2027-03+3", "2027-01+6", "2027-01+3", "2026-12+6"}
        << QStringList{"r3", "r2", "r1", "r0"};
    QTest::newRow("scopes with numbers sort naturally")
        << int(M::ScopeColumn) << QStringList{"FRA-10", "FRA-2", "AMS-1"} << QStringList{"r2", "r1", "r0"};
    QTest::newRow("serving HN lists sort by their ids")
        << int(M::NodesColumn) << QStringList{"NYC-1-hn1", "AMS-1-hn2 AMS-1-hn3"} << QStringList{"r1", "r0"};
}

void TestBookingTableModel::sortsByTypedValues()
{
    QFETCH(int, column);
    QFETCH(QStringList, values);
    QFETCH(QStringList, ascending);

    BookingService service;
    for (qsizetype i = 0; i < values.size(); ++i) {
        BookingRow b = booking(QStringLiteral("r%1").arg(i));
        setColumn(b, column, values.at(i));
        service.rows << b;
    }
    QStringList serviceOrder;
    for (const BookingRow &b : std::as_const(service.rows))
        serviceOrder << b.id;
    QStringList descending = ascending;
    std::reverse(descending.begin(), descending.end());

    // The same answer from the GUI-thread path and from the worker.
    for (const int threshold : {1'000'000, 0}) {
        BookingTableModel model(&service);
        model.setAccount(FakeMarketService::demoSp());
        BookingFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.setAsyncSortThreshold(threshold);
        QSignalSpy finished(&proxy, &BookingFilterProxy::sortingFinished);

        proxy.sort(column, Qt::AscendingOrder);
        if (threshold == 0)
            QVERIFY(finished.wait());
        QCOMPARE(idsInViewOrder(proxy), ascending);
        proxy.sort(column, Qt::DescendingOrder);
        if (threshold == 0)
            QTRY_COMPARE(finished.size(), 2);
        QCOMPARE(idsInViewOrder(proxy), descending);
        proxy.sort(-1); // back to the service's order
        QCOMPARE(idsInViewOrder(proxy), serviceOrder);
    }
}

void TestBookingTableModel::sortKeepsServiceOrderForEqualKeys()
{
    BookingService service;
    for (const char *id : {"BK-3", "BK-1", "BK-2"})
        service.rows << booking(QString::fromLatin1(id)); // all the same size
    BookingTableModel model(&service);
    model.setAccount(FakeMarketService::demoSp());
    BookingFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(BookingTableModel::SizeColumn, Qt::DescendingOrder);
    QCOMPARE(idsInViewOrder(proxy), (QStringList{"BK-3", "BK-1", "BK-2"}));
    proxy.sort(BookingTableModel::IdColumn, Qt::AscendingOrder);
    QCOMPARE(idsInViewOrder(proxy), (QStringList{"BK-1", "BK-2", "BK-3"}));
}

void TestBookingTableModel::comparesTextNaturally_data()
{
    QTest::addColumn<QString>("smaller");
    QTest::addColumn<QString>("larger");

    QTest::newRow("9 comes before 10") << "BK-9" << "BK-10";
    QTest::newRow("case does not matter") << "bk-2" << "BK-9";
    QTest::newRow("a prefix comes first") << "FRA" << "FRA-1";
    QTest::newRow("numbers inside HN ids") << "FRA-1-hn9" << "FRA-1-hn10";
    QTest::newRow("numbers longer than 64 bits") << "99999999999999999999999" << "100000000000000000000001";
    QTest::newRow("digits sort before letters") << "1" << "a";
    QTest::newRow("punctuation keeps its place") << "BK-1" << "BK1";
    QTest::newRow("leading zeros only break ties") << "BK-01" << "BK-1";
    QTest::newRow("leading zeros do not change the value") << "BK-009" << "BK-10";
}

void TestBookingTableModel::comparesTextNaturally()
{
    QFETCH(QString, smaller);
    QFETCH(QString, larger);
    QCOMPARE(BookingFilterProxy::naturalCompare(smaller, larger), -1);
    QCOMPARE(BookingFilterProxy::naturalCompare(larger, smaller), 1);
    QCOMPARE(BookingFilterProxy::naturalCompare(smaller, smaller), 0);
    QVERIFY(BookingFilterProxy::naturalSortKey(smaller) < BookingFilterProxy::naturalSortKey(larger));
    QVERIFY(BookingFilterProxy::lessThanValues(smaller, larger));
    QVERIFY(!BookingFilterProxy::lessThanValues(larger, smaller));
}

void TestBookingTableModel::filtersByStatusAndText_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("no filter shows every booking") << "" << "" << QStringList{"BK-1", "BK-2", "BK-3", "BK-4"};
    QTest::newRow("the status filter keeps one status") << "Active" << "" << QStringList{"BK-1", "BK-3"};
    QTest::newRow("text matches a booking id") << "" << "bk-4" << QStringList{"BK-4"};
    QTest::newRow("text matches the scope") << "" << "nae" << QStringList{"BK-3"};
    QTest::newRow("text matches a serving HN") << "" << "AMS-1-hn2" << QStringList{"BK-2"};
    QTest::newRow("text matches the serving cluster") << "" << "NYC" << QStringList{"BK-3"};
    QTest::newRow("surrounding spaces are ignored") << "" << "  BK-2 " << QStringList{"BK-2"};
    QTest::newRow("status and text combine") << "Ended" << "FRA" << QStringList{"BK-4"};
    QTest::newRow("an unknown status shows nothing") << "Cancelled" << "" << QStringList{};
    QTest::newRow("text that matches nothing shows nothing") << "" << "zzz" << QStringList{};
}

void TestBookingTableModel::filtersByStatusAndText()
{
    QFETCH(QString, status);
    QFETCH(QString, text);
    QFETCH(QStringList, expected);

    BookingService service;
    BookingRow b1 = booking(QStringLiteral("BK-1"));
    BookingRow b2 = booking(QStringLiteral("BK-2"));
    b2.status = QStringLiteral("Pending");
    b2.scopeId = b2.clusterId = QStringLiteral("AMS-1");
    b2.nodeIds = {QStringLiteral("AMS-1-hn1"), QStringLiteral("AMS-1-hn2")};
    BookingRow b3 = booking(QStringLiteral("BK-3"));
    b3.scopeId = QStringLiteral("NAE");
    b3.clusterId = QStringLiteral("NYC-1");
    b3.nodeIds = {QStringLiteral("NYC-1-hn1")};
    BookingRow b4 = booking(QStringLiteral("BK-4"));
    b4.status = QStringLiteral("Ended");
    service.rows << b1 << b2 << b3 << b4;

    BookingTableModel model(&service);
    model.setAccount(FakeMarketService::demoSp());
    BookingFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.setStatusFilter(status);
    proxy.setTextFilter(text);
    QCOMPARE(idsInViewOrder(proxy), expected);
    QCOMPARE(model.rowCount(), 4); // filtering never touches the source
}

void TestBookingTableModel::refreshUpdatesChangedAndNewRows()
{
    BookingService service;
    service.rows << booking(QStringLiteral("BK-1")) << booking(QStringLiteral("BK-2"));
    BookingTableModel model(&service);
    model.setAccount(FakeMarketService::demoSp());
    const QPersistentModelIndex second = model.index(1, 0);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    service.rows[1].status = QStringLiteral("Ended");
    service.rows[1].escrowLeft = Amount();
    service.rows << booking(QStringLiteral("BK-3"));
    service.announce();
    service.announce(); // a burst costs one refresh
    QTRY_COMPARE(model.rowCount(), 3);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 1);
    QVERIFY(second.isValid());
    QCOMPARE(second.data(BookingTableModel::StatusRole).toString(), QStringLiteral("Ended"));
    QCOMPARE(model.index(2, 0).data(BookingTableModel::IdRole).toString(), QStringLiteral("BK-3"));

    // Nothing changed: nothing emitted.
    changed.clear();
    model.refresh();
    QCOMPARE(changed.size(), 0);
}

void TestBookingTableModel::refreshResetsWhenRowsDisappear()
{
    BookingService service;
    service.rows << booking(QStringLiteral("BK-1")) << booking(QStringLiteral("BK-2"));
    BookingTableModel model(&service);
    model.setAccount(FakeMarketService::demoSp());
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    service.rows.removeFirst();
    model.refresh();
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data(BookingTableModel::IdRole).toString(), QStringLiteral("BK-2"));
}

void TestBookingTableModel::presentationOrderKeepsPersistentIndexes()
{
    BookingService service;
    service.rows << booking(QStringLiteral("BK-1")) << booking(QStringLiteral("BK-2")) << booking(QStringLiteral("BK-3"));
    BookingTableModel model(&service);
    model.setAccount(FakeMarketService::demoSp());
    const QPersistentModelIndex first = model.index(0, 2);
    model.setPresentationOrder({2, 0, 1});
    QCOMPARE(idsInViewOrder(model), (QStringList{"BK-3", "BK-1", "BK-2"}));
    QCOMPARE(first.row(), 1);
    QCOMPARE(first.column(), 2);
    QCOMPARE(first.data(BookingTableModel::IdRole).toString(), QStringLiteral("BK-1"));
    model.setPresentationOrder({});
    QCOMPARE(first.row(), 0);
}

void TestBookingTableModel::exportsExactRecords()
{
    BookingRow b = booking(QStringLiteral("BK-9"));
    b.nodeIds = {QStringLiteral("FRA-1-hn1"), QStringLiteral("FRA-1-hn2")};
    b.total = icnt(QStringLiteral("1234567.000000000000000001"));
    b.withheld = icnt(QStringLiteral("0.000000000000000001"));
    const QStringList record = BookingTableModel::csvRecord(b);
    QCOMPARE(record.size(), BookingTableModel::csvHeader().size());
    QCOMPARE(record, (QStringList{"BK-9", "Active", FakeMarketService::demoSp().toChecksummed(), "FRA-1", "FRA-1",
                                  "FRA-1-hn1 FRA-1-hn2", "10", "2027-01", "2027-03", "3",
                                  "1234567.000000000000000001", "50", "0.000000000000000001"}));
}


void TestBookingTableModel::workerFiltersAndSortsTogether()
{
    BookingService service;
    service.rows = manyBookings(3000);
    QStringList expected[2]; // the synchronous answer, then the worker's
    for (const int threshold : {1'000'000, 0}) {
        BookingTableModel model(&service);
        model.setAccount(FakeMarketService::demoSp());
        BookingFilterProxy proxy;
        proxy.setAsyncSortThreshold(threshold);
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy started(&proxy, &BookingFilterProxy::sortingStarted);
        QSignalSpy finished(&proxy, &BookingFilterProxy::sortingFinished);
        proxy.setTextFilter(QStringLiteral("ams"));
        if (threshold == 0) {
            // Nothing moved yet on the GUI thread: the worker has the filter.
            QVERIFY(proxy.isSorting());
            QCOMPARE(started.size(), 1);
            QVERIFY(finished.wait());
        }
        QCOMPARE(proxy.rowCount(), 1500);
        proxy.setStatusFilter(QStringLiteral("Ended"));
        proxy.sort(BookingTableModel::SizeColumn, Qt::DescendingOrder);
        if (threshold == 0)
            QTRY_VERIFY(!proxy.isSorting());
        QCOMPARE(proxy.rowCount(), 500);
        qint64 previous = LLONG_MAX;
        for (int r = 0; r < proxy.rowCount(); ++r) {
            const QModelIndex idx = proxy.index(r, 0);
            QCOMPARE(idx.data(BookingTableModel::StatusRole).toString(), QStringLiteral("Ended"));
            QCOMPARE(idx.data(BookingTableModel::ClusterRole).toString(), QStringLiteral("AMS-1"));
            const qint64 size = idx.data(BookingTableModel::SizeTbRole).toLongLong();
            QVERIFY(size <= previous);
            previous = size;
            // The inverse mapping agrees.
            QCOMPARE(proxy.mapFromSource(proxy.mapToSource(idx)), idx);
        }
        expected[threshold == 0 ? 1 : 0] = idsInViewOrder(proxy);
        QCOMPARE(model.rowCount(), 3000); // the source is never filtered
    }
    QCOMPARE(expected[1], expected[0]);
}

void TestBookingTableModel::staleWorkerResultsAreDropped()
{
    BookingService service;
    service.rows = manyBookings(20'000);
    BookingTableModel model(&service);
    model.setAccount(FakeMarketService::demoSp());
    BookingFilterProxy proxy;
    proxy.setAsyncSortThreshold(0);
    proxy.setSourceModel(&model);
    QSignalSpy layouts(&proxy, &QAbstractItemModel::layoutChanged);
    QSignalSpy finished(&proxy, &BookingFilterProxy::sortingFinished);
    // Typing: three requests in a row; only the last one's result may reach the view.
    proxy.setTextFilter(QStringLiteral("BK-1"));
    proxy.sort(BookingTableModel::IdColumn, Qt::DescendingOrder);
    proxy.setTextFilter(QStringLiteral("BK-19"));
    QVERIFY(finished.wait());
    QCOMPARE(finished.size(), 1);
    QCOMPARE(layouts.size(), 1);
    QStringList ids = idsInViewOrder(proxy);
    QCOMPARE(ids.size(), 1 + 10 + 100 + 1000); // BK-19, BK-19x, BK-19xx, BK-19xxx
    QCOMPARE(ids.constFirst(), QStringLiteral("BK-19999"));
    QCOMPARE(ids.constLast(), QStringLiteral("BK-19"));
    // Stale results of cancelled runs never arrive later.
    QTest::qWait(100);
    QCOMPARE(layouts.size(), 1);
    QCOMPARE(idsInViewOrder(proxy), ids);
}

void TestBookingTableModel::workerSwapKeepsPersistentIndexes()
{
    BookingService service;
    service.rows = manyBookings(1000);
    BookingTableModel model(&service);
    model.setAccount(FakeMarketService::demoSp());
    BookingFilterProxy proxy;
    proxy.setAsyncSortThreshold(0);
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy finished(&proxy, &BookingFilterProxy::sortingFinished);
    const QPersistentModelIndex ams = proxy.index(1, 3); // BK-1, AMS-1
    const QPersistentModelIndex fra = proxy.index(2, 0); // BK-2, FRA-1
    proxy.sort(BookingTableModel::IdColumn, Qt::DescendingOrder);
    QVERIFY(finished.wait());
    QCOMPARE(ams.data(BookingTableModel::IdRole).toString(), QStringLiteral("BK-1"));
    QCOMPARE(ams.row(), 998);
    QCOMPARE(ams.column(), 3);
    QCOMPARE(fra.row(), 997);
    proxy.setTextFilter(QStringLiteral("AMS"));
    QVERIFY(finished.wait());
    QCOMPARE(ams.row(), 499); // still there, last of the odd ids
    QVERIFY(!fra.isValid()); // filtered out
}

void TestBookingTableModel::workerViewFollowsAppendedAndChangedRows()
{
    BookingService service;
    service.rows = manyBookings(600);
    BookingTableModel model(&service);
    model.setAccount(FakeMarketService::demoSp());
    BookingFilterProxy proxy;
    proxy.setAsyncSortThreshold(0);
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy finished(&proxy, &BookingFilterProxy::sortingFinished);
    proxy.setStatusFilter(QStringLiteral("Pending"));
    QVERIFY(finished.wait());
    QCOMPARE(proxy.rowCount(), 200);

    BookingRow fresh = booking(QStringLiteral("BK-new"));
    fresh.status = QStringLiteral("Pending");
    service.rows << fresh;
    service.rows[1].status = QStringLiteral("Pending"); // was Active
    service.rows[0].status = QStringLiteral("Ended");   // was Pending
    service.announce();
    QTRY_COMPARE(model.rowCount(), 601);
    QTRY_VERIFY(!proxy.isSorting());
    QTRY_COMPARE(proxy.rowCount(), 201);
    const QStringList ids = idsInViewOrder(proxy);
    QVERIFY(ids.contains(QStringLiteral("BK-new")));
    QVERIFY(ids.contains(QStringLiteral("BK-1")));
    QVERIFY(!ids.contains(QStringLiteral("BK-0")));

    // A reset of the source (another account) while a filter is set shows no unfiltered rows.
    model.setAccount(Address());
    QCOMPARE(proxy.rowCount(), 0);
    model.setAccount(FakeMarketService::demoSp());
    QCOMPARE(proxy.rowCount(), 0); // the worker has not answered yet
    QTRY_COMPARE(proxy.rowCount(), 201);
}

QTEST_MAIN(TestBookingTableModel)
#include "tst_bookingtablemodel.moc"
