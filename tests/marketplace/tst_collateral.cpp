// Collateral, commitment and reservation price rules (PROTOCOL.md §6).
#include "Collateral.h"

#include <QTest>

using namespace icn;

namespace {

Amount units(const char *text)
{
    return Amount::fromBaseUnits(*int128FromString(QString::fromLatin1(text)));
}

Month m(int year, int month)
{
    return Month::fromYearMonth(year, month);
}

} // namespace

class TestCollateral : public QObject
{
    Q_OBJECT

private slots:
    void requiredIsSixMonthsOfMaxEarnings_data();
    void requiredIsSixMonthsOfMaxEarnings();
    void requiredRefusesBadInput();
    void registrationMinimumIsThirtyPercent_data();
    void registrationMinimumIsThirtyPercent();
    void jailingThreshold_data();
    void jailingThreshold();
    void earningsAreDivertedUntilFull_data();
    void earningsAreDivertedUntilFull();
    void withdrawal_data();
    void withdrawal();
    void commitment_data();
    void commitment();
    void reservationPrice_data();
    void reservationPrice();
};

void TestCollateral::requiredIsSixMonthsOfMaxEarnings_data()
{
    QTest::addColumn<QString>("price");
    QTest::addColumn<qint64>("capacity");
    QTest::addColumn<QString>("required");
    QTest::newRow("1 PB at 2.8 ICNT per TB-month needs 16,800 ICNT") << "2.8" << qint64(1'000) << "16800";
    QTest::newRow("100 TB at 3.62 ICNT needs 2,172 ICNT") << "3.62" << qint64(100) << "2172";
    QTest::newRow("zero capacity needs nothing") << "2.8" << qint64(0) << "0";
    QTest::newRow("one TB at one base unit needs six base units") << "0.000000000000000001" << qint64(1) << "0.000000000000000006";
}

void TestCollateral::requiredIsSixMonthsOfMaxEarnings()
{
    QFETCH(QString, price);
    QFETCH(qint64, capacity);
    QFETCH(QString, required);
    const auto r = Collateral::required(*Amount::parse(price), capacity, ProtocolParams());
    QVERIFY(r.ok());
    QCOMPARE(r->toString(), required);
}

void TestCollateral::requiredRefusesBadInput()
{
    const ProtocolParams params;
    QCOMPARE(Collateral::required(Amount::fromIcnt(1), -1, params).error().code, QStringLiteral("collateral.bad_capacity"));
    QCOMPARE(Collateral::required(Amount::fromIcnt(-1), 1, params).error().code, QStringLiteral("collateral.bad_price"));
    QCOMPARE(Collateral::required(Amount::fromBaseUnits(kInt128Max / 2), 3, params).error().code,
             QStringLiteral("collateral.overflow"));
    ProtocolParams twelve;
    twelve.collateralMonths = 12;
    QCOMPARE(Collateral::required(Amount::fromIcnt(1), 10, twelve)->toString(), QStringLiteral("120"));
}

void TestCollateral::registrationMinimumIsThirtyPercent_data()
{
    QTest::addColumn<QString>("required");
    QTest::addColumn<QString>("deposit");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("exactly 30 percent is accepted") << "16800000000000000000000" << "5040000000000000000000" << true;
    QTest::newRow("one base unit under 30 percent is refused") << "16800000000000000000000" << "5039999999999999999999" << false;
    QTest::newRow("the full requirement is accepted") << "16800000000000000000000" << "16800000000000000000000" << true;
    QTest::newRow("30 percent of 7 base units truncates to 2") << "7" << "2" << true;
    QTest::newRow("1 base unit of 7 is refused") << "7" << "1" << false;
}

void TestCollateral::registrationMinimumIsThirtyPercent()
{
    QFETCH(QString, required);
    QFETCH(QString, deposit);
    QFETCH(bool, accepted);
    const ProtocolParams params;
    const auto r = Collateral::checkRegistrationDeposit(units(qPrintable(deposit)), units(qPrintable(required)), params);
    QCOMPARE(r.ok(), accepted);
    if (!accepted) {
        QCOMPARE(r.error().code, QStringLiteral("collateral.below_registration_minimum"));
        QCOMPARE(r.error().details.value(QStringLiteral("minimum")).toString(),
                 Collateral::registrationMinimum(units(qPrintable(required)), params).toStorage());
    }
}

void TestCollateral::jailingThreshold_data()
{
    QTest::addColumn<QString>("required");
    QTest::addColumn<QString>("collateral");
    QTest::addColumn<bool>("jailed");
    QTest::newRow("exactly 30 percent is not jailed") << "1000000" << "300000" << false;
    QTest::newRow("one base unit below 30 percent is jailed") << "1000000" << "299999" << true;
    QTest::newRow("full collateral is not jailed") << "1000000" << "1000000" << false;
    QTest::newRow("zero collateral is jailed") << "1000000" << "0" << true;
    QTest::newRow("nothing required never jails") << "0" << "0" << false;
    QTest::newRow("the threshold truncates: 30 percent of 10 base units is 3") << "10" << "3" << false;
}

void TestCollateral::jailingThreshold()
{
    QFETCH(QString, required);
    QFETCH(QString, collateral);
    QFETCH(bool, jailed);
    QCOMPARE(Collateral::isJailed(units(qPrintable(collateral)), units(qPrintable(required)), ProtocolParams()), jailed);
}

void TestCollateral::earningsAreDivertedUntilFull_data()
{
    QTest::addColumn<qint64>("earning");
    QTest::addColumn<qint64>("collateral");
    QTest::addColumn<qint64>("required");
    QTest::addColumn<qint64>("toCollateral");
    QTest::addColumn<qint64>("toProvider");
    QTest::newRow("below 100 percent the whole earning fills the collateral") << qint64(100) << qint64(500) << qint64(1'000)
                                                                              << qint64(100) << qint64(0);
    QTest::newRow("the earning that fills it splits at the shortfall") << qint64(100) << qint64(950) << qint64(1'000) << qint64(50)
                                                                       << qint64(50);
    QTest::newRow("a full collateral passes everything to the HP") << qint64(100) << qint64(1'000) << qint64(1'000) << qint64(0)
                                                                   << qint64(100);
    QTest::newRow("an over-full collateral passes everything to the HP") << qint64(100) << qint64(1'200) << qint64(1'000)
                                                                         << qint64(0) << qint64(100);
    QTest::newRow("a zero earning splits into zeros") << qint64(0) << qint64(10) << qint64(1'000) << qint64(0) << qint64(0);
    QTest::newRow("an earning equal to the shortfall fills it exactly") << qint64(70) << qint64(930) << qint64(1'000)
                                                                        << qint64(70) << qint64(0);
}

void TestCollateral::earningsAreDivertedUntilFull()
{
    QFETCH(qint64, earning);
    QFETCH(qint64, collateral);
    QFETCH(qint64, required);
    QFETCH(qint64, toCollateral);
    QFETCH(qint64, toProvider);
    const auto s = Collateral::splitEarning(Amount::fromBaseUnits(earning), Amount::fromBaseUnits(collateral),
                                            Amount::fromBaseUnits(required));
    QVERIFY(s.ok());
    QCOMPARE(s->toCollateral, Amount::fromBaseUnits(toCollateral));
    QCOMPARE(s->toProvider, Amount::fromBaseUnits(toProvider));
    QCOMPARE(*s->toCollateral.add(s->toProvider), Amount::fromBaseUnits(earning));
    QCOMPARE(Collateral::splitEarning(Amount::fromBaseUnits(-1), Amount(), Amount::fromIcnt(1)).error().code,
             QStringLiteral("collateral.bad_amount"));
}

Q_DECLARE_METATYPE(icn::WithdrawalRequest)
Q_DECLARE_METATYPE(icn::Month)

void TestCollateral::withdrawal_data()
{
    QTest::addColumn<WithdrawalRequest>("request");
    QTest::addColumn<QString>("code"); // empty: allowed
    const WithdrawalRequest free{Amount::fromIcnt(10), Amount::fromIcnt(100), m(2030, 1), m(2029, 12), 0, 0};
    QTest::newRow("after the commitment with no bookings a withdrawal is allowed") << free << QString();
    WithdrawalRequest all = free;
    all.amount = all.collateral;
    QTest::newRow("the whole collateral may be withdrawn") << all << QString();
    WithdrawalRequest running = free;
    running.currentMonth = m(2029, 12);
    QTest::newRow("in the commitment's last month the commitment is still running") << running << "collateral.commitment_running";
    WithdrawalRequest early = free;
    early.currentMonth = m(2027, 3);
    QTest::newRow("years before the end the commitment is running") << early << "collateral.commitment_running";
    WithdrawalRequest active = free;
    active.activeBookings = 1;
    QTest::newRow("an active booking blocks the withdrawal") << active << "collateral.bookings_active";
    WithdrawalRequest pending = free;
    pending.pendingBookings = 2;
    QTest::newRow("a pending booking blocks the withdrawal") << pending << "collateral.bookings_pending";
    WithdrawalRequest zero = free;
    zero.amount = Amount();
    QTest::newRow("a zero amount is refused") << zero << "collateral.bad_amount";
    WithdrawalRequest negative = free;
    negative.amount = Amount::fromIcnt(-1);
    QTest::newRow("a negative amount is refused") << negative << "collateral.bad_amount";
    WithdrawalRequest tooMuch = free;
    tooMuch.amount = *free.collateral.add(Amount::fromBaseUnits(1));
    QTest::newRow("more than deposited is refused") << tooMuch << "collateral.insufficient";
    WithdrawalRequest both = running;
    both.activeBookings = 1;
    QTest::newRow("a running commitment is reported before bookings") << both << "collateral.commitment_running";
}

void TestCollateral::withdrawal()
{
    QFETCH(WithdrawalRequest, request);
    QFETCH(QString, code);
    const auto r = Collateral::checkWithdrawal(request);
    QCOMPARE(r.ok(), code.isEmpty());
    if (!code.isEmpty())
        QCOMPARE(r.error().code, code);
}

void TestCollateral::commitment_data()
{
    QTest::addColumn<Month>("registered");
    QTest::addColumn<Month>("currentEnd");
    QTest::addColumn<Month>("newEnd");
    QTest::addColumn<QString>("code");
    QTest::newRow("extending by 6 months is allowed") << m(2026, 1) << m(2029, 1) << m(2029, 7) << QString();
    QTest::newRow("extending by 12 months is allowed") << m(2026, 1) << m(2029, 1) << m(2030, 1) << QString();
    QTest::newRow("extending by 5 months is refused") << m(2026, 1) << m(2029, 1) << m(2029, 6) << "commitment.bad_step";
    QTest::newRow("extending by 7 months is refused") << m(2026, 1) << m(2029, 1) << m(2029, 8) << "commitment.bad_step";
    QTest::newRow("the same end is not an extension") << m(2026, 1) << m(2029, 1) << m(2029, 1) << "commitment.not_extended";
    QTest::newRow("an earlier end is not an extension") << m(2026, 1) << m(2029, 1) << m(2028, 7) << "commitment.not_extended";
    QTest::newRow("an extension that stays under 36 months is refused") << m(2026, 1) << m(2027, 1) << m(2028, 7)
                                                                        << "commitment.too_short";
    QTest::newRow("an extension reaching exactly 36 months is allowed") << m(2026, 1) << m(2028, 7) << m(2029, 1) << QString();
}

void TestCollateral::commitment()
{
    QFETCH(Month, registered);
    QFETCH(Month, currentEnd);
    QFETCH(Month, newEnd);
    QFETCH(QString, code);
    const auto r = Collateral::checkExtension(registered, currentEnd, newEnd, ProtocolParams());
    QCOMPARE(r.ok(), code.isEmpty());
    if (!code.isEmpty())
        QCOMPARE(r.error().code, code);
    const ProtocolParams params;
    QVERIFY(Collateral::checkCommitment(m(2026, 1), m(2029, 1), params).ok());
    QCOMPARE(Collateral::checkCommitment(m(2026, 1), m(2028, 12), params).error().code, QStringLiteral("commitment.too_short"));
}

void TestCollateral::reservationPrice_data()
{
    QTest::addColumn<QString>("price");
    QTest::addColumn<QString>("code");
    QTest::newRow("a price at the cap is allowed") << "3.62" << QString();
    QTest::newRow("a price below the cap is allowed") << "2.8" << QString();
    QTest::newRow("the smallest positive price is allowed") << "0.000000000000000001" << QString();
    QTest::newRow("a zero price is refused") << "0" << "reservation_price.not_positive";
    QTest::newRow("one base unit above the cap is refused") << "3.620000000000000001" << "reservation_price.above_cap";
}

void TestCollateral::reservationPrice()
{
    QFETCH(QString, price);
    QFETCH(QString, code);
    const auto r = Collateral::checkReservationPrice(*Amount::parse(price), *Amount::parse(u"3.62"));
    QCOMPARE(r.ok(), code.isEmpty());
    if (!code.isEmpty())
        QCOMPARE(r.error().code, code);
    QCOMPARE(Collateral::checkReservationPrice(Amount::fromIcnt(-1), Amount::fromIcnt(3)).error().code,
             QStringLiteral("reservation_price.not_positive"));
}

QTEST_GUILESS_MAIN(TestCollateral)
#include "tst_collateral.moc"
