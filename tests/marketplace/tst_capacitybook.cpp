#include "CapacityBook.h"

#include <QTest>

using namespace icn;

class TestCapacityBook : public QObject
{
    Q_OBJECT

private slots:
    void horizonRoundsUpToAPowerOfTwo();
    void maxAllocatedIsTheLargestMonthInTheRange_data();
    void maxAllocatedIsTheLargestMonthInTheRange();
    void advancingClearsTheMonthsThatLeaveTheWindow();
    void releaseUndoesAllocate();
};

void TestCapacityBook::horizonRoundsUpToAPowerOfTwo()
{
    CapacityBook book;
    book.reset(3, Month::fromYearMonth(2026, 11), 12);
    QCOMPARE(book.horizon(), 16);
    QCOMPARE(book.lastCovered(), Month::fromYearMonth(2028, 2));
    QVERIFY(book.covers(Month::fromYearMonth(2027, 1), 12));
    QVERIFY(!book.covers(Month::fromYearMonth(2027, 1), 15));
    QVERIFY(!book.covers(Month::fromYearMonth(2026, 10), 1));
}

void TestCapacityBook::maxAllocatedIsTheLargestMonthInTheRange_data()
{
    QTest::addColumn<int>("startOffset");
    QTest::addColumn<int>("months");
    QTest::addColumn<quint32>("expected");

    // Allocations on node 1: 10 TB in months +1..+3, 30 TB in month +3..+4 (so +3 holds 40).
    QTest::newRow("a range before any allocation is free") << 0 << 1 << quint32(0);
    QTest::newRow("a range over the first booking sees 10") << 1 << 2 << quint32(10);
    QTest::newRow("a range touching the overlap sees 40") << 2 << 3 << quint32(40);
    QTest::newRow("a range after the overlap sees 30") << 4 << 1 << quint32(30);
    QTest::newRow("a range wrapping the ring sees nothing beyond") << 5 << 11 << quint32(0);
}

void TestCapacityBook::maxAllocatedIsTheLargestMonthInTheRange()
{
    QFETCH(int, startOffset);
    QFETCH(int, months);
    QFETCH(quint32, expected);
    const Month base = Month::fromYearMonth(2026, 11);
    CapacityBook book;
    book.reset(3, base, 16);
    book.allocate(1, base.plus(1), 3, 10);
    book.allocate(1, base.plus(3), 2, 30);
    QCOMPARE(book.maxAllocated(1, base.plus(startOffset), months), expected);
    QCOMPARE(book.maxAllocated(0, base.plus(startOffset), months), quint32(0)); // neighbours untouched
    QCOMPARE(book.maxAllocated(2, base.plus(startOffset), months), quint32(0));
}

void TestCapacityBook::advancingClearsTheMonthsThatLeaveTheWindow()
{
    const Month base = Month::fromYearMonth(2026, 11);
    CapacityBook book;
    book.reset(2, base, 8);
    book.allocate(0, base, 3, 5);
    book.advanceTo(base.plus(1));
    QCOMPARE(book.allocated(0, base.plus(1)), quint32(5));
    QCOMPARE(book.allocated(0, base.plus(8)), quint32(0)); // the slot of `base`, reused for base+8
    book.advanceTo(base.plus(3));
    QCOMPARE(book.allocated(0, base.plus(9)), quint32(0));
    QCOMPARE(book.allocated(0, base.plus(10)), quint32(0));
}

void TestCapacityBook::releaseUndoesAllocate()
{
    const Month base = Month::fromYearMonth(2026, 11);
    CapacityBook book;
    book.reset(1, base, 8);
    book.allocate(0, base.plus(1), 4, 7);
    book.release(0, base.plus(1), 4, 7);
    QCOMPARE(book.maxAllocated(0, base, 8), quint32(0));
}

QTEST_GUILESS_MAIN(TestCapacityBook)
#include "tst_capacitybook.moc"
