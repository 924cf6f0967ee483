#include "EngineFixture.h"
#include "Pricing.h"

#include <QTest>

using namespace icn;
using icn::test::icnt;

class TestPricing : public QObject
{
    Q_OBJECT

private slots:
    void icnExampleCostsExactly3500();
    void costArithmetic_data();
    void costArithmetic();
    void marginTruncatesTowardZero();
    void overflowIsRefused();
};

// ICN's own example (PROTOCOL.md §5): 1 PB for 1 month at 2.8 ICNT/TB-month, 25 % margin.
void TestPricing::icnExampleCostsExactly3500()
{
    const auto hp = Pricing::sliceCost(1000, icnt("2.8"), 1);
    QVERIFY(hp.ok());
    QCOMPARE(*hp, Amount::fromIcnt(2800));
    const auto cost = Pricing::withMargin(*hp, 250'000);
    QVERIFY(cost.ok());
    QCOMPARE(cost->hpCost, Amount::fromIcnt(2800));
    QCOMPARE(cost->margin, Amount::fromIcnt(700));
    QCOMPARE(cost->total, Amount::fromIcnt(3500));
    QCOMPARE(cost->total.toStorage(), QStringLiteral("3500000000000000000000"));
}

void TestPricing::costArithmetic_data()
{
    QTest::addColumn<qint64>("tb");
    QTest::addColumn<QString>("price");
    QTest::addColumn<qint32>("months");
    QTest::addColumn<qint64>("marginPpm");
    QTest::addColumn<QString>("hpCost");
    QTest::addColumn<QString>("margin");
    QTest::addColumn<QString>("total");

    QTest::newRow("one PB for three months at 2.8 with 25 percent") << qint64(1000) << "2.8" << 3 << qint64(250'000) << "8400" << "2100" << "10500";
    QTest::newRow("a zero margin region pays only the HP side") << qint64(10) << "3" << 6 << qint64(0) << "180" << "0" << "180";
    QTest::newRow("one TB for one month at a fractional price") << qint64(1) << "2.123456789012345678" << 1 << qint64(250'000)
                                                              << "2.123456789012345678" << "0.530864197253086419" << "2.654320986265432097";
    QTest::newRow("a full margin doubles the cost") << qint64(7) << "2.5" << 4 << qint64(1'000'000) << "70" << "70" << "140";
}

void TestPricing::costArithmetic()
{
    QFETCH(qint64, tb);
    QFETCH(QString, price);
    QFETCH(qint32, months);
    QFETCH(qint64, marginPpm);
    QFETCH(QString, hpCost);
    QFETCH(QString, margin);
    QFETCH(QString, total);

    const auto hp = Pricing::sliceCost(tb, *Amount::parse(price), months);
    QVERIFY(hp.ok());
    const auto cost = Pricing::withMargin(*hp, marginPpm);
    QVERIFY(cost.ok());
    QCOMPARE(cost->hpCost.toString(), hpCost);
    QCOMPARE(cost->margin.toString(), margin);
    QCOMPARE(cost->total.toString(), total);
    QCOMPARE(*cost->hpCost.add(cost->margin), cost->total);
}

void TestPricing::marginTruncatesTowardZero()
{
    // 3 base units × 25 % = 0.75 → 0.
    const auto cost = Pricing::withMargin(Amount::fromBaseUnits(3), 250'000);
    QVERIFY(cost.ok());
    QCOMPARE(cost->margin, Amount());
    QCOMPARE(cost->total, Amount::fromBaseUnits(3));
}

void TestPricing::overflowIsRefused()
{
    const auto huge = Pricing::sliceCost(std::numeric_limits<qint64>::max(), Amount::fromIcnt(700'000'000), 120);
    QVERIFY(!huge.ok());
    QCOMPARE(huge.error().code, QStringLiteral("pricing.overflow"));
    const auto negative = Pricing::sliceCost(-1, Amount::fromIcnt(1), 1);
    QVERIFY(!negative.ok());
    const auto margin = Pricing::withMargin(Amount::fromBaseUnits(kInt128Max / 2), 1'000'000);
    QVERIFY(!margin.ok());
}

QTEST_GUILESS_MAIN(TestPricing)
#include "tst_pricing.moc"
