// Withholding of escrow payments for breach days (PROTOCOL.md §7).
#include "Withholding.h"

#include <QTest>

#include <vector>

using namespace icn;

class TestWithholding : public QObject
{
    Q_OBJECT

private slots:
    void proRataByBreachDays_data();
    void proRataByBreachDays();
    void partsAlwaysAddUp();
    void refusesBadInput_data();
    void refusesBadInput();
    void countsDistinctBreachDaysInsideTheMonth();
    void calendarMonthsGiveTheirDays();
};

void TestWithholding::proRataByBreachDays_data()
{
    QTest::addColumn<QString>("payment"); // base units
    QTest::addColumn<int>("breachDays");
    QTest::addColumn<int>("days");
    QTest::addColumn<QString>("withheld");
    QTest::addColumn<QString>("released");
    QTest::newRow("no breach day releases everything") << "2800000000000000000000" << 0 << 30 << "0" << "2800000000000000000000";
    QTest::newRow("every day in breach withholds everything") << "2800000000000000000000" << 30 << 30 << "2800000000000000000000"
                                                              << "0";
    QTest::newRow("3 of 30 days withholds a tenth") << "2800000000000000000000" << 3 << 30 << "280000000000000000000"
                                                    << "2520000000000000000000";
    QTest::newRow("1 of 31 days truncates the withheld part") << "100" << 1 << 31 << "3" << "97";
    QTest::newRow("the remainder goes to the HP, 2 of 3 days of 100 units") << "100" << 2 << 3 << "66" << "34";
    QTest::newRow("February has 28 days") << "28" << 7 << 28 << "7" << "21";
    QTest::newRow("a leap February has 29 days") << "29" << 1 << 29 << "1" << "28";
    QTest::newRow("a zero payment splits into zeros") << "0" << 5 << 30 << "0" << "0";
}

void TestWithholding::proRataByBreachDays()
{
    QFETCH(QString, payment);
    QFETCH(int, breachDays);
    QFETCH(int, days);
    QFETCH(QString, withheld);
    QFETCH(QString, released);
    const auto s = Withholding::split(*Amount::fromStorage(payment), breachDays, days);
    QVERIFY(s.ok());
    QCOMPARE(s->withheld.toStorage(), withheld);
    QCOMPARE(s->released.toStorage(), released);
}

void TestWithholding::partsAlwaysAddUp()
{
    quint64 seed = 42;
    for (int i = 0; i < 2'000; ++i) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        const Amount payment = Amount::fromBaseUnits(static_cast<Int128>(seed >> 1) * 1'000'003);
        const qint32 days = 28 + static_cast<qint32>(seed % 4);
        const qint32 breach = static_cast<qint32>((seed >> 33) % static_cast<quint64>(days + 1));
        const auto s = Withholding::split(payment, breach, days);
        QVERIFY(s.ok());
        QCOMPARE(*s->withheld.add(s->released), payment);
        QVERIFY(!s->withheld.isNegative());
        QVERIFY(!s->released.isNegative());
        QCOMPARE(s->withheld, *payment.mulDiv(breach, days));
    }
}

void TestWithholding::refusesBadInput_data()
{
    QTest::addColumn<qint64>("payment");
    QTest::addColumn<int>("breachDays");
    QTest::addColumn<int>("days");
    QTest::addColumn<QString>("code");
    QTest::newRow("more breach days than days is refused") << qint64(100) << 31 << 30 << "withholding.bad_days";
    QTest::newRow("negative breach days are refused") << qint64(100) << -1 << 30 << "withholding.bad_days";
    QTest::newRow("a month without days is refused") << qint64(100) << 0 << 0 << "withholding.bad_days";
    QTest::newRow("a negative payment is refused") << qint64(-100) << 1 << 30 << "withholding.bad_payment";
}

void TestWithholding::refusesBadInput()
{
    QFETCH(qint64, payment);
    QFETCH(int, breachDays);
    QFETCH(int, days);
    QFETCH(QString, code);
    const auto s = Withholding::split(Amount::fromBaseUnits(payment), breachDays, days);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, code);
}

void TestWithholding::countsDistinctBreachDaysInsideTheMonth()
{
    const std::vector<qint64> epochs{99, 100, 105, 105, 129, 130};
    QCOMPARE(Withholding::breachDaysIn(epochs, 100, 30), 3); // 100, 105, 129
    QCOMPARE(Withholding::breachDaysIn(epochs, 100, 31), 4); // and 130
    QCOMPARE(Withholding::breachDaysIn({}, 100, 30), 0);
}

void TestWithholding::calendarMonthsGiveTheirDays()
{
    // 29 units over February 2028 (a leap year): one breach day withholds exactly one unit.
    QCOMPARE(Withholding::split(Amount::fromBaseUnits(29), 1, Month::fromYearMonth(2028, 2))->withheld, Amount::fromBaseUnits(1));
    // February 2027 has 28 days: 1 × 29 / 28 truncates to 1 as well, but 28 days withhold all 29.
    QCOMPARE(Withholding::split(Amount::fromBaseUnits(29), 28, Month::fromYearMonth(2027, 2))->released, Amount());
    QCOMPARE(Withholding::split(Amount::fromBaseUnits(29), 29, Month::fromYearMonth(2027, 2)).error().code,
             QStringLiteral("withholding.bad_days"));
    QCOMPARE(Withholding::split(Amount::fromBaseUnits(31), 1, Month::fromYearMonth(2026, 12))->withheld, Amount::fromBaseUnits(1));
}

QTEST_GUILESS_MAIN(TestWithholding)
#include "tst_withholding.moc"
