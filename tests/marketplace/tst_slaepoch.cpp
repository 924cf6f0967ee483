// SLA epoch aggregation (PROTOCOL.md §7): quorum, medians, target boundaries, refusals.
#include "ProtocolParams.h"
#include "SlaEpoch.h"

#include <QTest>

#include <vector>

using namespace icn;

Q_DECLARE_METATYPE(QList<qint64>)
Q_DECLARE_METATYPE(QList<icn::SlaReport>)

namespace {

Address oracle(int n)
{
    QByteArray bytes(20, '\0');
    bytes[19] = static_cast<char>(n);
    return *Address::fromBytes(bytes);
}

SlaMetrics good()
{
    return SlaMetrics{999'500, 80, 1'500};
}

SlaReport report(int oracleNo, SlaMetrics m = good(), const QString &hn = QStringLiteral("FRA-1-N01"), qint64 epoch = 7)
{
    SlaReport r;
    r.hnId = hn;
    r.epoch = epoch;
    r.metrics = m;
    r.oracle = oracle(oracleNo);
    return r;
}

std::vector<Address> oracles(int count)
{
    std::vector<Address> out;
    for (int i = 1; i <= count; ++i)
        out.push_back(oracle(i));
    return out;
}

} // namespace

class TestSlaEpoch : public QObject
{
    Q_OBJECT

private slots:
    void quorum_data();
    void quorum();
    void medians_data();
    void medians();
    void targets_data();
    void targets();
    void decideUsesMediansOfEachMetric();
    void aggregateRefuses_data();
    void aggregateRefuses();
    void aggregateWithoutQuorumIsUnobserved();
    void defaultsComeFromProtocolParams();
};

void TestSlaEpoch::quorum_data()
{
    QTest::addColumn<int>("reports");
    QTest::addColumn<int>("registered");
    QTest::addColumn<bool>("quorum");
    QTest::newRow("exactly two thirds (2 of 3) is quorum") << 2 << 3 << true;
    QTest::newRow("all three of three is quorum") << 3 << 3 << true;
    QTest::newRow("one of three is not quorum") << 1 << 3 << false;
    QTest::newRow("exactly two thirds (6 of 9) is quorum") << 6 << 9 << true;
    QTest::newRow("just under two thirds (5 of 8) is not quorum") << 5 << 8 << false;
    QTest::newRow("just over two thirds (6 of 8) is quorum") << 6 << 8 << true;
    QTest::newRow("just under two thirds (66 of 100) is not quorum") << 66 << 100 << false;
    QTest::newRow("67 of 100 is quorum") << 67 << 100 << true;
    QTest::newRow("one oracle registered and reporting is quorum") << 1 << 1 << true;
    QTest::newRow("zero oracles registered is never quorum") << 0 << 0 << false;
    QTest::newRow("zero reports is never quorum") << 0 << 3 << false;
}

void TestSlaEpoch::quorum()
{
    QFETCH(int, reports);
    QFETCH(int, registered);
    QFETCH(bool, quorum);
    const ProtocolParams params;
    QCOMPARE(SlaEpoch::hasQuorum(reports, registered, params), quorum);
    std::vector<SlaMetrics> metrics(static_cast<size_t>(reports), good());
    const auto r = SlaEpoch::decide(metrics, registered, params.defaultSlaTargets, params);
    QCOMPARE(r.observed(), quorum);
    QCOMPARE(r.reportCount, reports);
}

void TestSlaEpoch::medians_data()
{
    QTest::addColumn<QList<qint64>>("values");
    QTest::addColumn<qint64>("median");
    QTest::newRow("one value is its own median") << QList<qint64>{42} << qint64(42);
    QTest::newRow("odd count takes the middle value") << QList<qint64>{90, 10, 50} << qint64(50);
    QTest::newRow("odd count of five ignores two outliers each side") << QList<qint64>{1, 1'000'000, 7, 8, 9} << qint64(8);
    QTest::newRow("even count takes the mean of the two middles") << QList<qint64>{10, 20, 30, 40} << qint64(25);
    QTest::newRow("even count truncates a half down") << QList<qint64>{998'999, 999'002} << qint64(999'000);
    QTest::newRow("even count of equal middles is that value") << QList<qint64>{5, 7, 7, 100} << qint64(7);
    QTest::newRow("even count with an odd gap truncates toward the lower middle") << QList<qint64>{150, 151} << qint64(150);
    QTest::newRow("empty gives zero") << QList<qint64>{} << qint64(0);
}

void TestSlaEpoch::medians()
{
    QFETCH(QList<qint64>, values);
    QFETCH(qint64, median);
    std::vector<qint64> v(values.begin(), values.end());
    QCOMPARE(SlaEpoch::median(v), median);
}

void TestSlaEpoch::targets_data()
{
    QTest::addColumn<qint64>("availability");
    QTest::addColumn<qint64>("latency");
    QTest::addColumn<qint64>("bandwidth");
    QTest::addColumn<int>("missed");
    QTest::newRow("exactly 999,000 ppm is compliant") << qint64(999'000) << qint64(80) << qint64(1'500) << 0;
    QTest::newRow("998,999 ppm misses availability") << qint64(998'999) << qint64(80) << qint64(1'500) << int(SlaAvailabilityMissed);
    QTest::newRow("exactly 150 ms is compliant") << qint64(999'500) << qint64(150) << qint64(1'500) << 0;
    QTest::newRow("151 ms misses latency") << qint64(999'500) << qint64(151) << qint64(1'500) << int(SlaLatencyMissed);
    QTest::newRow("exactly 1,000 Mbit/s is compliant") << qint64(999'500) << qint64(80) << qint64(1'000) << 0;
    QTest::newRow("999 Mbit/s misses bandwidth") << qint64(999'500) << qint64(80) << qint64(999) << int(SlaBandwidthMissed);
    QTest::newRow("all three at their limits is compliant") << qint64(999'000) << qint64(150) << qint64(1'000) << 0;
    QTest::newRow("all three missed are all flagged") << qint64(0) << qint64(1'000) << qint64(0)
                                                      << int(SlaAvailabilityMissed | SlaLatencyMissed | SlaBandwidthMissed);
}

void TestSlaEpoch::targets()
{
    QFETCH(qint64, availability);
    QFETCH(qint64, latency);
    QFETCH(qint64, bandwidth);
    QFETCH(int, missed);
    const ProtocolParams params;
    const std::vector<SlaMetrics> metrics(3, SlaMetrics{availability, latency, bandwidth});
    const auto r = SlaEpoch::decide(metrics, 3, params.defaultSlaTargets, params);
    QCOMPARE(int(r.missedTargets), missed);
    QCOMPARE(r.outcome, missed ? EpochOutcome::Breach : EpochOutcome::Compliant);
    QCOMPARE(r.median, (SlaMetrics{availability, latency, bandwidth}));
}

void TestSlaEpoch::decideUsesMediansOfEachMetric()
{
    const ProtocolParams params;
    // One oracle sees an outage; the two others outvote it metric by metric.
    const std::vector<SlaMetrics> metrics{{999'900, 40, 2'000}, {100'000, 900, 10}, {999'100, 120, 1'100}};
    const auto r = SlaEpoch::decide(metrics, 3, params.defaultSlaTargets, params);
    QCOMPARE(r.median, (SlaMetrics{999'100, 120, 1'100}));
    QCOMPARE(r.outcome, EpochOutcome::Compliant);

    // Two oracles agree on a breach: the median follows them.
    const std::vector<SlaMetrics> bad{{999'900, 40, 2'000}, {990'000, 40, 2'000}, {980'000, 40, 2'000}};
    const auto b = SlaEpoch::decide(bad, 3, params.defaultSlaTargets, params);
    QCOMPARE(b.median.availabilityPpm, qint64(990'000));
    QCOMPARE(b.outcome, EpochOutcome::Breach);
    QCOMPARE(int(b.missedTargets), int(SlaAvailabilityMissed));

    // Even count: the truncated mean of the middles decides the boundary.
    const std::vector<SlaMetrics> even{{998'998, 150, 999}, {999'002, 151, 1'002}};
    const auto e = SlaEpoch::decide(even, 3, params.defaultSlaTargets, params);
    QCOMPARE(e.median, (SlaMetrics{999'000, 150, 1'000}));
    QCOMPARE(e.outcome, EpochOutcome::Compliant);
}

void TestSlaEpoch::aggregateRefuses_data()
{
    QTest::addColumn<QList<SlaReport>>("reports");
    QTest::addColumn<QString>("code");
    QTest::addColumn<qint64>("index");
    QTest::newRow("a second report from the same oracle is refused")
        << QList<SlaReport>{report(1), report(2), report(1, SlaMetrics{0, 0, 0})} << "sla_epoch.duplicate_report" << qint64(2);
    QTest::newRow("a report from an unregistered oracle is refused")
        << QList<SlaReport>{report(1), report(9)} << "sla_epoch.unknown_oracle" << qint64(1);
    QTest::newRow("a report about another HN is refused")
        << QList<SlaReport>{report(1, good(), QStringLiteral("FRA-1-N02"))} << "sla_epoch.wrong_hn" << qint64(0);
    QTest::newRow("a report for another epoch is refused")
        << QList<SlaReport>{report(1), report(2, good(), QStringLiteral("FRA-1-N01"), 8)} << "sla_epoch.wrong_epoch" << qint64(1);
    QTest::newRow("availability above 1,000,000 ppm is refused")
        << QList<SlaReport>{report(1, SlaMetrics{1'000'001, 80, 1'500})} << "sla_report.bad_availability" << qint64(0);
    QTest::newRow("a negative latency is refused")
        << QList<SlaReport>{report(1, SlaMetrics{999'500, -1, 1'500})} << "sla_report.bad_latency" << qint64(0);
}


void TestSlaEpoch::aggregateRefuses()
{
    QFETCH(QList<SlaReport>, reports);
    QFETCH(QString, code);
    QFETCH(qint64, index);
    const ProtocolParams params;
    const auto registered = oracles(3);
    const auto r = SlaEpoch::aggregate(QStringLiteral("FRA-1-N01"), 7, std::vector<SlaReport>(reports.begin(), reports.end()),
                                       registered, params.defaultSlaTargets, params);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, code);
    QCOMPARE(r.error().details.value(QStringLiteral("index")).toLongLong(), index);
}

void TestSlaEpoch::aggregateWithoutQuorumIsUnobserved()
{
    const ProtocolParams params;
    const std::vector<SlaReport> one{report(2, SlaMetrics{0, 10'000, 0})};
    const auto r = SlaEpoch::aggregate(QStringLiteral("FRA-1-N01"), 7, one, oracles(3), params.defaultSlaTargets, params);
    QVERIFY(r.ok());
    QCOMPARE(r->outcome, EpochOutcome::Unobserved);
    QCOMPARE(r->median, SlaMetrics{});
    QCOMPARE(r->hnId, QStringLiteral("FRA-1-N01"));
    QCOMPARE(r->epoch, qint64(7));

    const auto none = SlaEpoch::aggregate(QStringLiteral("FRA-1-N01"), 7, {}, {}, params.defaultSlaTargets, params);
    QVERIFY(none.ok());
    QCOMPARE(none->outcome, EpochOutcome::Unobserved);

    const std::vector<SlaReport> two{report(3), report(1)};
    const auto ok = SlaEpoch::aggregate(QStringLiteral("FRA-1-N01"), 7, two, oracles(3), params.defaultSlaTargets, params);
    QVERIFY(ok.ok());
    QCOMPARE(ok->outcome, EpochOutcome::Compliant);
    QCOMPARE(ok->reportCount, 2);
    QCOMPARE(ok->registeredOracles, 3);

    std::vector<Address> unsorted{oracle(2), oracle(1)};
    const auto bad = SlaEpoch::aggregate(QStringLiteral("FRA-1-N01"), 7, two, unsorted, params.defaultSlaTargets, params);
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, QStringLiteral("sla_epoch.bad_oracle_list"));
}

void TestSlaEpoch::defaultsComeFromProtocolParams()
{
    ProtocolParams params;
    params.quorumNumerator = 1;
    params.quorumDenominator = 2;
    QVERIFY(SlaEpoch::hasQuorum(1, 2, params));
    QVERIFY(!SlaEpoch::hasQuorum(1, 3, params));
    SlaTargets strict;
    strict.maxLatencyMs = 50;
    const std::vector<SlaMetrics> metrics(2, good());
    QCOMPARE(SlaEpoch::decide(metrics, 2, strict, params).outcome, EpochOutcome::Breach);
    QCOMPARE(SlaEpoch::decide(metrics, 2, params.defaultSlaTargets, params).outcome, EpochOutcome::Compliant);
}

QTEST_GUILESS_MAIN(TestSlaEpoch)
#include "tst_slaepoch.moc"
