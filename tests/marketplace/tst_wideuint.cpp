// WideUInt: the exact 512-bit products behind the tender's quality-adjusted price comparison.

#include "WideUInt.h"

#include <QTest>

using icn::UInt128;
using icn::WideUInt;

namespace {

constexpr UInt128 kMax = ~static_cast<UInt128>(0);
constexpr UInt128 kTwo64 = static_cast<UInt128>(1) << 64;
constexpr UInt128 kTwo127 = static_cast<UInt128>(1) << 127;

int sign(std::strong_ordering o)
{
    return o < 0 ? -1 : o > 0 ? 1 : 0;
}

} // namespace

class TestWideUInt : public QObject
{
    Q_OBJECT

private slots:
    void comparesProducts_data();
    void comparesProducts();
    void productsAreCommutativeAndAssociative();
};

void TestWideUInt::comparesProducts_data()
{
    QTest::addColumn<QList<quint64>>("leftHigh"); // each factor as (high, low) 64-bit halves
    QTest::addColumn<QList<quint64>>("leftLow");
    QTest::addColumn<QList<quint64>>("rightHigh");
    QTest::addColumn<QList<quint64>>("rightLow");
    QTest::addColumn<int>("expected");

    const quint64 m = ~quint64(0);
    QTest::newRow("small products compare like integers") << QList<quint64>{0, 0} << QList<quint64>{6, 7}
                                                         << QList<quint64>{0, 0} << QList<quint64>{5, 9} << -1;
    QTest::newRow("a carry into the next limb is kept") << QList<quint64>{0, 0} << QList<quint64>{m, 2}
                                                      << QList<quint64>{1, 0} << QList<quint64>{0, 1} << 1;
    QTest::newRow("2^127 × 2 equals 2^64 × 2^64") << QList<quint64>{quint64(1) << 63, 0} << QList<quint64>{0, 2}
                                                << QList<quint64>{1, 1} << QList<quint64>{0, 0} << 0;
    QTest::newRow("four maximal factors beat three and one less")
        << QList<quint64>{m, m, m, m} << QList<quint64>{m, m, m, m} << QList<quint64>{m, m, m, m} << QList<quint64>{m, m, m, m - 1}
        << 1;
    QTest::newRow("a zero factor makes zero") << QList<quint64>{0, m} << QList<quint64>{0, m}
                                            << QList<quint64>{0, 0} << QList<quint64>{0, 0} << 0;
    QTest::newRow("one unit in the lowest limb of a full product decides")
        << QList<quint64>{m, m, m} << QList<quint64>{m, m, m} << QList<quint64>{m, m, m} << QList<quint64>{m, m, m - 1} << 1;
}

void TestWideUInt::comparesProducts()
{
    QFETCH(QList<quint64>, leftHigh);
    QFETCH(QList<quint64>, leftLow);
    QFETCH(QList<quint64>, rightHigh);
    QFETCH(QList<quint64>, rightLow);
    QFETCH(int, expected);

    const auto product = [](const QList<quint64> &high, const QList<quint64> &low) {
        WideUInt p(1);
        for (qsizetype i = 0; i < high.size(); ++i)
            p = p * WideUInt((static_cast<UInt128>(high[i]) << 64) | low[i]);
        return p;
    };
    const WideUInt left = product(leftHigh, leftLow);
    const WideUInt right = product(rightHigh, rightLow);
    QCOMPARE(sign(left <=> right), expected);
    QCOMPARE(sign(right <=> left), -expected);
    QCOMPARE(left == right, expected == 0);
}

void TestWideUInt::productsAreCommutativeAndAssociative()
{
    const UInt128 a = kMax - 12345;
    const UInt128 b = kTwo127 + 999;
    const UInt128 c = kTwo64 - 1;
    const UInt128 d = 1'000'000;
    QCOMPARE((WideUInt(a) * WideUInt(b)) * (WideUInt(c) * WideUInt(d)),
             (WideUInt(d) * WideUInt(a)) * (WideUInt(b) * WideUInt(c)));
    QCOMPARE(WideUInt(a) * WideUInt(1), WideUInt(a));
    QVERIFY(WideUInt(a) * WideUInt(b) < WideUInt(a) * WideUInt(b + 1));
    QVERIFY(WideUInt(kMax) > WideUInt(kMax - 1));
}

QTEST_GUILESS_MAIN(TestWideUInt)
#include "tst_wideuint.moc"
