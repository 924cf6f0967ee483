#include "Amount.h"

#include <QRandomGenerator>
#include <QTest>

using icn::Amount;
using icn::DecimalFormat;
using icn::Int128;

Q_DECLARE_METATYPE(icn::DecimalFormat)

class TestAmount : public QObject
{
    Q_OBJECT

private slots:
    void parsesAndFormats_data();
    void parsesAndFormats();
    void refusesBadInput_data();
    void refusesBadInput();
    void roundTripsRandomValues();
    void checkedArithmeticRefusesOverflow();
    void ppmTruncatesTowardZero();
    void splitAddsUpExactly_data();
    void splitAddsUpExactly();
    void icnExampleCostsExactly3500();
    void storageFormIsCanonical();
    void localeFormats();
};

void TestAmount::parsesAndFormats_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<DecimalFormat>("format");
    QTest::addColumn<QString>("baseUnits");
    QTest::addColumn<QString>("formatted");

    DecimalFormat plain;
    DecimalFormat grouped;
    grouped.grouping = true;
    DecimalFormat german;
    german.decimalPoint = QLatin1Char(',');
    german.groupSeparator = QLatin1Char('.');
    german.grouping = true;
    DecimalFormat signedFormat;
    signedFormat.allowNegative = true;

    QTest::newRow("one whole ICNT") << "1" << plain << "1000000000000000000" << "1";
    QTest::newRow("the smallest unit") << "0.000000000000000001" << plain << "1" << "0.000000000000000001";
    QTest::newRow("grouped thousands with a fraction") << "1,234.5" << grouped << "1234500000000000000000" << "1,234.5";
    QTest::newRow("German locale groups with dots") << "1.234,5" << german << "1234500000000000000000" << "1.234,5";
    QTest::newRow("zero") << "0" << plain << "0" << "0";
    QTest::newRow("trailing zeros are dropped") << "2.800" << plain << "2800000000000000000" << "2.8";
    QTest::newRow("leading zeros are dropped") << "007" << plain << "7000000000000000000" << "7";
    QTest::newRow("surrounding spaces are trimmed") << "  3.5 " << plain << "3500000000000000000" << "3.5";
    QTest::newRow("total supply") << "700000000" << plain << "700000000000000000000000000" << "700000000";
    QTest::newRow("negative where allowed") << "-0.5" << signedFormat << "-500000000000000000" << "-0.5";
    QTest::newRow("eighteen decimals exactly") << "123.456789012345678901" << plain << "123456789012345678901" << "123.456789012345678901";
}

void TestAmount::parsesAndFormats()
{
    QFETCH(QString, text);
    QFETCH(DecimalFormat, format);
    QFETCH(QString, baseUnits);
    QFETCH(QString, formatted);

    const auto amount = Amount::parse(text, format);
    QVERIFY2(amount.ok(), qPrintable(amount.ok() ? QString() : amount.error().message));
    QCOMPARE(icn::int128ToString(amount->baseUnits()), baseUnits);
    QCOMPARE(amount->toString(format), formatted);
    QCOMPARE(Amount::parse(amount->toString(format), format)->baseUnits(), amount->baseUnits());
}

void TestAmount::refusesBadInput_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("grouping");
    QTest::addColumn<QString>("code");

    QTest::newRow("empty text") << "" << false << "amount.empty";
    QTest::newRow("only spaces") << "   " << false << "amount.empty";
    QTest::newRow("nineteen decimals") << "0.0000000000000000001" << false << "amount.too_many_decimals";
    QTest::newRow("a minus sign where none is allowed") << "-1" << false << "amount.sign_not_allowed";
    QTest::newRow("a plus sign") << "+1" << false << "amount.sign_not_allowed";
    QTest::newRow("an exponent") << "1e18" << false << "amount.exponent_not_allowed";
    QTest::newRow("an upper-case exponent") << "1E3" << false << "amount.exponent_not_allowed";
    QTest::newRow("NaN") << "NaN" << false << "amount.not_a_number";
    QTest::newRow("infinity") << "inf" << false << "amount.not_a_number";
    QTest::newRow("letters") << "12abc" << false << "amount.malformed";
    QTest::newRow("two decimal points") << "1.2.3" << false << "amount.malformed";
    QTest::newRow("nothing after the point") << "5." << false << "amount.malformed";
    QTest::newRow("nothing before the point") << ".5" << false << "amount.malformed";
    QTest::newRow("a lone point") << "." << false << "amount.malformed";
    QTest::newRow("group separator when grouping is off") << "1,000" << false << "amount.bad_grouping";
    QTest::newRow("a group of two digits") << "12,34" << true << "amount.bad_grouping";
    QTest::newRow("a leading group of four digits") << "1234,567" << true << "amount.bad_grouping";
    QTest::newRow("more than 128 bits") << "999999999999999999999999" << false << "amount.overflow";
    QTest::newRow("an internal space") << "1 000" << false << "amount.malformed";
}

void TestAmount::refusesBadInput()
{
    QFETCH(QString, text);
    QFETCH(bool, grouping);
    QFETCH(QString, code);
    DecimalFormat format;
    format.grouping = grouping;
    const auto amount = Amount::parse(text, format);
    QVERIFY(!amount.ok());
    QCOMPARE(amount.error().code, code);
    QVERIFY(!amount.error().message.isEmpty());
}

void TestAmount::roundTripsRandomValues()
{
    QRandomGenerator rng(20261120);
    DecimalFormat grouped;
    grouped.grouping = true;
    grouped.allowNegative = true;
    for (int i = 0; i < 20000; ++i) {
        const auto hi = static_cast<Int128>(rng.generate64() >> (rng.bounded(64)));
        const auto lo = static_cast<Int128>(rng.generate64());
        Int128 units = (hi << 40) ^ lo;
        if (rng.bounded(2))
            units = -units;
        const auto amount = Amount::fromBaseUnits(units);
        for (const DecimalFormat &f : {DecimalFormat{.allowNegative = true}, grouped}) {
            const auto back = Amount::parse(amount.toString(f), f);
            QVERIFY2(back.ok(), qPrintable(amount.toString(f)));
            QCOMPARE(back->baseUnits(), units);
        }
        QCOMPARE(Amount::fromStorage(amount.toStorage())->baseUnits(), units);
    }
}

void TestAmount::checkedArithmeticRefusesOverflow()
{
    const auto max = Amount::fromBaseUnits(icn::kInt128Max);
    QCOMPARE(max.add(Amount::fromBaseUnits(1)).error().code, QStringLiteral("amount.overflow"));
    QCOMPARE(Amount::fromBaseUnits(icn::kInt128Min).sub(Amount::fromBaseUnits(1)).error().code, QStringLiteral("amount.overflow"));
    QCOMPARE(max.mul(2).error().code, QStringLiteral("amount.overflow"));
    QCOMPARE(Amount::fromIcnt(1).div(0).error().code, QStringLiteral("amount.division_by_zero"));
    QCOMPARE(Amount::fromBaseUnits(icn::kInt128Min).div(-1).error().code, QStringLiteral("amount.overflow"));
    QCOMPARE(Amount::fromIcnt(2).add(Amount::fromIcnt(3))->toString(), QStringLiteral("5"));
    QCOMPARE(Amount::fromIcnt(2).sub(Amount::fromIcnt(3))->toString({.allowNegative = true}), QStringLiteral("-1"));
    QCOMPARE(Amount::fromIcnt(7).div(2)->toString(), QStringLiteral("3.5"));
}

void TestAmount::ppmTruncatesTowardZero()
{
    // 1 base unit × 25% truncates to 0; -3 units × 50% truncates to -1, not -2.
    QCOMPARE(Amount::fromBaseUnits(1).mulPpm(250000)->baseUnits(), Int128(0));
    QCOMPARE(Amount::fromBaseUnits(-3).mulPpm(500000)->baseUnits(), Int128(-1));
    QCOMPARE(Amount::fromIcnt(2800).mulPpm(250000)->toString(), QStringLiteral("700"));
}

void TestAmount::splitAddsUpExactly_data()
{
    QTest::addColumn<QString>("whole");
    QTest::addColumn<QList<int>>("weights");
    QTest::addColumn<QStringList>("parts");

    QTest::newRow("thirds: the last part takes the remainder") << "1" << QList<int>{1, 1, 1}
        << QStringList{"0.333333333333333333", "0.333333333333333333", "0.333333333333333334"};
    QTest::newRow("uneven weights") << "10" << QList<int>{1, 3} << QStringList{"2.5", "7.5"};
    QTest::newRow("a zero weight gets nothing") << "5" << QList<int>{0, 2, 0} << QStringList{"0", "5", "0"};
    QTest::newRow("one part takes everything") << "0.000000000000000007" << QList<int>{9} << QStringList{"0.000000000000000007"};
}

void TestAmount::splitAddsUpExactly()
{
    QFETCH(QString, whole);
    QFETCH(QList<int>, weights);
    QFETCH(QStringList, parts);
    QList<Int128> w;
    for (int x : weights)
        w.append(x);
    const auto result = Amount::split(*Amount::parse(whole), w);
    QVERIFY(result.ok());
    QStringList got;
    Amount sum;
    for (const Amount &a : *result) {
        got.append(a.toString());
        sum = *sum.add(a);
    }
    QCOMPARE(got, parts);
    QCOMPARE(sum, *Amount::parse(whole));

    QCOMPARE(Amount::split(Amount::fromIcnt(1), {}).error().code, QStringLiteral("amount.split_empty"));
    QCOMPARE(Amount::split(Amount::fromIcnt(1), {0, 0}).error().code, QStringLiteral("amount.division_by_zero"));
    QCOMPARE(Amount::split(Amount::fromIcnt(1), {1, -1}).error().code, QStringLiteral("amount.split_negative_weight"));
}

void TestAmount::icnExampleCostsExactly3500()
{
    // ICN's own example: 1 PB for 1 month at 2.8 ICNT/TB-month with a 25% margin.
    const Amount price = *Amount::parse(QStringLiteral("2.8"));
    const Amount hpCost = *price.mul(1000);
    const Amount margin = *hpCost.mulPpm(250000);
    QCOMPARE(hpCost.toString(), QStringLiteral("2800"));
    QCOMPARE(margin.toString(), QStringLiteral("700"));
    QCOMPARE(hpCost.add(margin)->toString(), QStringLiteral("3500"));
}

void TestAmount::storageFormIsCanonical()
{
    QCOMPARE(Amount::fromIcnt(3500).toStorage(), QStringLiteral("3500000000000000000000"));
    QCOMPARE(Amount::fromStorage(QStringLiteral("-12"))->baseUnits(), Int128(-12));
    for (const char *bad : {"", "007", "-0", "1.5", "12a", "+1", "1e3", "999999999999999999999999999999999999999999"})
        QCOMPARE(Amount::fromStorage(QString::fromLatin1(bad)).error().code, QStringLiteral("amount.bad_storage"));
}

void TestAmount::localeFormats()
{
    const Amount a = *Amount::parse(QStringLiteral("1234567.25"));
    QCOMPARE(a.toDisplayString(QLocale(QLocale::English, QLocale::UnitedStates)), QStringLiteral("1,234,567.25 ICNT"));
    QCOMPARE(a.toDisplayString(QLocale(QLocale::German, QLocale::Germany), false), QStringLiteral("1.234.567,25"));
    const auto format = DecimalFormat::forLocale(QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(Amount::parse(QStringLiteral("1.234.567,25"), format)->baseUnits(), a.baseUnits());
}

QTEST_GUILESS_MAIN(TestAmount)
#include "tst_amount.moc"
