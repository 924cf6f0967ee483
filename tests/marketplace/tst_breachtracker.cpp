// The per-HN breach state machine (PROTOCOL.md §7): grace window, escalation, reset, slashing.
#include "BreachTracker.h"
#include "Collateral.h"

#include <QTest>

using namespace icn;

Q_DECLARE_METATYPE(QList<icn::EpochOutcome>)

namespace {

constexpr auto B = EpochOutcome::Breach;
constexpr auto C = EpochOutcome::Compliant;
constexpr auto U = EpochOutcome::Unobserved;

Amount icnt(qint64 whole)
{
    return Amount::fromIcnt(whole);
}

} // namespace

class TestBreachTracker : public QObject
{
    Q_OBJECT

private slots:
    void escalation_data();
    void escalation();
    void slashPpmTable_data();
    void slashPpmTable();
    void slashAmountsTruncateAndNeverGoNegative_data();
    void slashAmountsTruncateAndNeverGoNegative();
    void collateralCompoundsDownAcrossSlashes();
    void breachDaysAreBreachEpochsOnly();
    void refusesEpochsOutOfOrderAndChangesNothing();
    void restoreResumesTheStreak();
    void graceWindowFollowsParams();
    void persistentBreachJailsOnTheTwentiethEpoch();
};

// Each row: outcomes of consecutive epochs and the slash ppm each one applies.
void TestBreachTracker::escalation_data()
{
    QTest::addColumn<QList<EpochOutcome>>("outcomes");
    QTest::addColumn<QList<qint64>>("slashPpm");
    QTest::newRow("one breach epoch slashes nothing") << QList<EpochOutcome>{B} << QList<qint64>{0};
    QTest::newRow("two breach epochs are the grace window") << QList<EpochOutcome>{B, B} << QList<qint64>{0, 0};
    QTest::newRow("the 3rd to 8th breach epochs slash 0.5, 1, 2, 4, 8 and 8 percent")
        << QList<EpochOutcome>{B, B, B, B, B, B, B, B} << QList<qint64>{0, 0, 5'000, 10'000, 20'000, 40'000, 80'000, 80'000};
    QTest::newRow("a compliant epoch resets the streak and the grace window starts again")
        << QList<EpochOutcome>{B, B, B, B, C, B, B, B} << QList<qint64>{0, 0, 5'000, 10'000, 0, 0, 0, 5'000};
    QTest::newRow("a compliant epoch inside the grace window ends the breach")
        << QList<EpochOutcome>{B, C, B, B, B} << QList<qint64>{0, 0, 0, 0, 5'000};
    QTest::newRow("an unobserved epoch neither breaks nor continues the streak")
        << QList<EpochOutcome>{B, B, U, B, U, U, B} << QList<qint64>{0, 0, 0, 5'000, 0, 0, 10'000};
    QTest::newRow("an unobserved epoch inside the grace window does not count as breach")
        << QList<EpochOutcome>{B, U, B, B} << QList<qint64>{0, 0, 0, 5'000};
    QTest::newRow("compliant and unobserved epochs alone never slash")
        << QList<EpochOutcome>{C, U, C, U} << QList<qint64>{0, 0, 0, 0};
    QTest::newRow("twenty breach epochs stay at the 8 percent cap")
        << QList<EpochOutcome>(20, B)
        << QList<qint64>{0, 0, 5'000, 10'000, 20'000, 40'000, 80'000, 80'000, 80'000, 80'000, 80'000, 80'000, 80'000, 80'000,
                         80'000, 80'000, 80'000, 80'000, 80'000, 80'000};
}

void TestBreachTracker::escalation()
{
    QFETCH(QList<EpochOutcome>, outcomes);
    QFETCH(QList<qint64>, slashPpm);
    const ProtocolParams params;
    BreachTracker tracker;
    const Amount collateral = icnt(1'000'000);
    qint32 expectedStreak = 0;
    for (qsizetype i = 0; i < outcomes.size(); ++i) {
        const auto step = tracker.record(100 + i, outcomes[i], collateral, params);
        QVERIFY(step.ok());
        if (outcomes[i] == B)
            ++expectedStreak;
        else if (outcomes[i] == C)
            expectedStreak = 0;
        QCOMPARE(step->slashPpm, slashPpm[i]);
        QCOMPARE(step->slashed, *collateral.mulPpm(slashPpm[i]));
        QCOMPARE(step->collateralAfter, *collateral.sub(step->slashed));
        QCOMPARE(step->streak, expectedStreak);
        QCOMPARE(step->inBreach, expectedStreak > 0);
        QCOMPARE(step->breachDay, outcomes[i] == B);
        QCOMPARE(step->k, std::max(expectedStreak - 2, 0));
    }
}

void TestBreachTracker::slashPpmTable_data()
{
    QTest::addColumn<int>("k");
    QTest::addColumn<qint64>("ppm");
    QTest::newRow("k 0 slashes nothing") << 0 << qint64(0);
    QTest::newRow("k 1 slashes 0.5 percent") << 1 << qint64(5'000);
    QTest::newRow("k 2 slashes 1 percent") << 2 << qint64(10'000);
    QTest::newRow("k 3 slashes 2 percent") << 3 << qint64(20'000);
    QTest::newRow("k 4 slashes 4 percent") << 4 << qint64(40'000);
    QTest::newRow("k 5 slashes 8 percent") << 5 << qint64(80'000);
    QTest::newRow("k 6 is capped at 8 percent") << 6 << qint64(80'000);
    QTest::newRow("a huge k is capped without overflow") << 2'000'000'000 << qint64(80'000);
}

void TestBreachTracker::slashPpmTable()
{
    QFETCH(int, k);
    QFETCH(qint64, ppm);
    QCOMPARE(BreachTracker::slashPpmFor(k, ProtocolParams()), ppm);
}

void TestBreachTracker::slashAmountsTruncateAndNeverGoNegative_data()
{
    QTest::addColumn<QString>("collateral"); // base units
    QTest::addColumn<QString>("slashed");
    QTest::addColumn<QString>("after");
    QTest::newRow("0.5 percent of 1,000 ICNT is 5 ICNT") << "1000000000000000000000" << "5000000000000000000" << "995000000000000000000";
    QTest::newRow("0.5 percent of 199 base units truncates to 0") << "199" << "0" << "199";
    QTest::newRow("0.5 percent of 200 base units is 1") << "200" << "1" << "199";
    QTest::newRow("0.5 percent of 399 base units truncates to 1") << "399" << "1" << "398";
    QTest::newRow("zero collateral slashes nothing") << "0" << "0" << "0";
    QTest::newRow("negative collateral is treated as zero") << "-5" << "0" << "0";
}

void TestBreachTracker::slashAmountsTruncateAndNeverGoNegative()
{
    QFETCH(QString, collateral);
    QFETCH(QString, slashed);
    QFETCH(QString, after);
    const ProtocolParams params;
    BreachTracker tracker = BreachTracker::restore(10, 2); // the next breach epoch is the 3rd: k = 1
    const auto step = tracker.record(11, B, Amount::fromBaseUnits(*int128FromString(collateral)), params);
    QVERIFY(step.ok());
    QCOMPARE(step->slashPpm, qint64(5'000));
    QCOMPARE(step->slashed.toStorage(), slashed);
    QCOMPARE(step->collateralAfter.toStorage(), after);
}

void TestBreachTracker::collateralCompoundsDownAcrossSlashes()
{
    const ProtocolParams params;
    BreachTracker tracker;
    Amount collateral = icnt(10'000);
    Amount total;
    for (int e = 0; e < 12; ++e) {
        const auto step = tracker.record(e, B, collateral, params);
        QVERIFY(step.ok());
        QVERIFY(!step->collateralAfter.isNegative());
        QCOMPARE(*step->collateralAfter.add(step->slashed), collateral);
        total = *total.add(step->slashed);
        collateral = step->collateralAfter;
    }
    QCOMPARE(*collateral.add(total), icnt(10'000));
    // 10,000 × 0.995 × 0.99 × 0.98 × 0.96 × 0.92^6 ≈ 5,619 ICNT.
    QVERIFY(collateral < icnt(5'650));
    QVERIFY(collateral > icnt(5'600));
}

void TestBreachTracker::breachDaysAreBreachEpochsOnly()
{
    const ProtocolParams params;
    BreachTracker tracker;
    const QList<EpochOutcome> outcomes{C, B, U, B, C, U};
    const QList<bool> days{false, true, false, true, false, false};
    const QList<bool> inBreach{false, true, true, true, false, false};
    const QList<bool> ended{false, false, false, false, true, false};
    for (qsizetype i = 0; i < outcomes.size(); ++i) {
        const auto step = tracker.record(i, outcomes[i], icnt(1), params);
        QVERIFY(step.ok());
        QCOMPARE(step->breachDay, days[i]);
        QCOMPARE(step->inBreach, inBreach[i]);
        QCOMPARE(step->breachEnded, ended[i]);
    }
}

void TestBreachTracker::refusesEpochsOutOfOrderAndChangesNothing()
{
    const ProtocolParams params;
    BreachTracker tracker;
    QVERIFY(tracker.record(5, B, icnt(1), params).ok());
    const BreachTracker before = tracker;
    for (qint64 epoch : {qint64(5), qint64(4), qint64(-1)}) {
        const auto step = tracker.record(epoch, B, icnt(1), params);
        QVERIFY(!step.ok());
        QCOMPARE(step.error().code, QStringLiteral("breach.epoch_out_of_order"));
        QCOMPARE(tracker, before);
    }
    // A gap of skipped epochs is allowed and neutral.
    const auto later = tracker.record(50, B, icnt(1), params);
    QVERIFY(later.ok());
    QCOMPARE(later->streak, 2);
}

void TestBreachTracker::restoreResumesTheStreak()
{
    const ProtocolParams params;
    BreachTracker live;
    for (int e = 0; e < 4; ++e)
        QVERIFY(live.record(e, B, icnt(100), params).ok());
    BreachTracker restored = BreachTracker::restore(live.lastEpoch(), live.streak());
    QCOMPARE(restored, live);
    QCOMPARE(restored.k(params), 2);
    const auto a = live.record(4, B, icnt(100), params);
    const auto b = restored.record(4, B, icnt(100), params);
    QCOMPARE(*a, *b);
    QCOMPARE(a->slashPpm, qint64(20'000));
}

void TestBreachTracker::graceWindowFollowsParams()
{
    ProtocolParams params;
    params.graceEpochs = 0;
    params.slashBasePpm = 1'000;
    params.slashCapPpm = 3'000;
    BreachTracker tracker;
    QCOMPARE(tracker.record(0, B, icnt(1'000), params)->slashPpm, qint64(1'000));
    QCOMPARE(tracker.record(1, B, icnt(1'000), params)->slashPpm, qint64(2'000));
    QCOMPARE(tracker.record(2, B, icnt(1'000), params)->slashPpm, qint64(3'000));
    QCOMPARE(tracker.record(3, B, icnt(1'000), params)->slashPpm, qint64(3'000));
}

void TestBreachTracker::persistentBreachJailsOnTheTwentiethEpoch()
{
    // A full collateral under daily breaches: 2 grace epochs, 0.5 + 1 + 2 + 4 %, then 8 % a day
    // until it falls below 30 % (0.995 × 0.99 × 0.98 × 0.96 × 0.92^14 ≈ 0.287).
    const ProtocolParams params;
    const Amount required = *Collateral::required(Amount::fromIcnt(3), 1'000, params); // 18,000 ICNT
    BreachTracker tracker;
    Amount collateral = required;
    int jailedAt = 0;
    for (int epoch = 1; epoch <= 40 && jailedAt == 0; ++epoch) {
        collateral = tracker.record(epoch, B, collateral, params)->collateralAfter;
        if (Collateral::isJailed(collateral, required, params))
            jailedAt = epoch;
    }
    QCOMPARE(jailedAt, 20);
    QVERIFY(collateral >= Collateral::jailThreshold(required, params).mulPpm(900'000).value());
}

QTEST_GUILESS_MAIN(TestBreachTracker)
#include "tst_breachtracker.moc"
