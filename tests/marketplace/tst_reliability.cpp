// Reliability score (PROTOCOL.md §7): (compliant + 9) / (observed + 10) over the last 90 epochs.
#include "Reliability.h"

#include <QTest>

using namespace icn;

namespace {

constexpr auto B = EpochOutcome::Breach;
constexpr auto C = EpochOutcome::Compliant;
constexpr auto U = EpochOutcome::Unobserved;

} // namespace

class TestReliability : public QObject
{
    Q_OBJECT

private slots:
    void formula_data();
    void formula();
    void newHnScoresNinetyPercent();
    void countsOutcomesInTheWindow();
    void windowOfNinetyEpochsDropsOldEpochs();
    void gapsAndReadingLaterAgeTheWindow();
    void matchesABruteForceRecount();
    void refusesEpochsOutOfOrderAndChangesNothing();
};

void TestReliability::formula_data()
{
    QTest::addColumn<qint64>("compliant");
    QTest::addColumn<qint64>("observed");
    QTest::addColumn<qint64>("ppm");
    QTest::newRow("nothing observed is 9/10") << qint64(0) << qint64(0) << qint64(900'000);
    QTest::newRow("one compliant epoch is 10/11 truncated") << qint64(1) << qint64(1) << qint64(909'090);
    QTest::newRow("one breach epoch is 9/11 truncated") << qint64(0) << qint64(1) << qint64(818'181);
    QTest::newRow("ninety compliant epochs is 99/100") << qint64(90) << qint64(90) << qint64(990'000);
    QTest::newRow("ninety breach epochs is 9/100") << qint64(0) << qint64(90) << qint64(90'000);
    QTest::newRow("half of 90 is 54/100") << qint64(45) << qint64(90) << qint64(540'000);
    QTest::newRow("two of three is 11/13 truncated") << qint64(2) << qint64(3) << qint64(846'153);
}

void TestReliability::formula()
{
    QFETCH(qint64, compliant);
    QFETCH(qint64, observed);
    QFETCH(qint64, ppm);
    QCOMPARE(Reliability::scorePpm(compliant, observed, ProtocolParams()), ppm);
}

void TestReliability::newHnScoresNinetyPercent()
{
    const ProtocolParams params;
    Reliability r;
    QCOMPARE(r.window(), 90);
    QCOMPARE(r.scorePpm(params), qint64(900'000));
    QCOMPARE(r.scorePpmAt(1'000, params), qint64(900'000));
    QVERIFY(r.record(3, U).ok());
    QCOMPARE(r.scorePpm(params), qint64(900'000)); // unobserved epochs count for nothing
}

void TestReliability::countsOutcomesInTheWindow()
{
    const ProtocolParams params;
    Reliability r;
    const QList<EpochOutcome> outcomes{C, C, B, U, C};
    for (qsizetype i = 0; i < outcomes.size(); ++i)
        QVERIFY(r.record(i, outcomes[i]).ok());
    QCOMPARE(r.observed(), 4);
    QCOMPARE(r.compliant(), 3);
    QCOMPARE(r.scorePpm(params), qint64(12 * 1'000'000 / 14));
}

void TestReliability::windowOfNinetyEpochsDropsOldEpochs()
{
    const ProtocolParams params;
    Reliability r(params.reliabilityWindowEpochs);
    // Epoch 0 is a breach, then 89 compliant epochs: all 90 in the window.
    QVERIFY(r.record(0, B).ok());
    for (int e = 1; e < 90; ++e)
        QVERIFY(r.record(e, C).ok());
    QCOMPARE(r.observed(), 90);
    QCOMPARE(r.compliant(), 89);
    QCOMPARE(r.scorePpm(params), qint64(980'000));
    // Epoch 90 pushes epoch 0 (the breach) out of the window.
    QVERIFY(r.record(90, C).ok());
    QCOMPARE(r.observed(), 90);
    QCOMPARE(r.compliant(), 90);
    QCOMPARE(r.scorePpm(params), qint64(990'000));
}

void TestReliability::gapsAndReadingLaterAgeTheWindow()
{
    const ProtocolParams params;
    Reliability r;
    for (int e = 0; e < 10; ++e)
        QVERIFY(r.record(e, B).ok());
    QCOMPARE(r.scorePpm(params), qint64(9 * 1'000'000 / 20));
    // Read 85 epochs later: epochs 0..4 have left the window (window 6..95 → epochs 6..9 remain).
    QCOMPARE(r.scorePpmAt(95, params), qint64(9 * 1'000'000 / 14));
    // 90 or more epochs later nothing is left: back to the prior.
    QCOMPARE(r.scorePpmAt(99, params), qint64(900'000));
    QCOMPARE(r.scorePpmAt(5'000, params), qint64(900'000));
    // An epoch recorded after a gap of 92 epochs starts a fresh window.
    QVERIFY(r.record(101, C).ok());
    QCOMPARE(r.observed(), 1);
    QCOMPARE(r.compliant(), 1);
}

void TestReliability::matchesABruteForceRecount()
{
    ProtocolParams params;
    params.reliabilityWindowEpochs = 7;
    Reliability r(params.reliabilityWindowEpochs);
    QList<QPair<qint64, EpochOutcome>> history;
    quint32 seed = 12345;
    qint64 epoch = 0;
    for (int i = 0; i < 400; ++i) {
        seed = seed * 1103515245u + 12345u;
        epoch += ((seed >> 16) % 4 == 0) ? 9 : 1 + qint64((seed >> 20) % 3);
        const auto outcome = static_cast<EpochOutcome>((seed >> 8) % 3);
        QVERIFY(r.record(epoch, outcome).ok());
        history.append({epoch, outcome});
        for (qint64 at : {epoch, epoch + 3, epoch + 6, epoch + 7}) {
            qint64 observed = 0, compliant = 0;
            for (const auto &[e, o] : history) {
                if (e > at - 7 && e <= at) {
                    observed += o != U;
                    compliant += o == C;
                }
            }
            QCOMPARE(r.scorePpmAt(at, params), Reliability::scorePpm(compliant, observed, params));
        }
    }
}

void TestReliability::refusesEpochsOutOfOrderAndChangesNothing()
{
    const ProtocolParams params;
    Reliability r;
    QVERIFY(r.record(10, C).ok());
    for (qint64 e : {qint64(10), qint64(9), qint64(-3)}) {
        const auto result = r.record(e, B);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("reliability.epoch_out_of_order"));
    }
    QCOMPARE(r.observed(), 1);
    QCOMPARE(r.compliant(), 1);
    QCOMPARE(r.lastEpoch(), qint64(10));
}

QTEST_GUILESS_MAIN(TestReliability)
#include "tst_reliability.moc"
