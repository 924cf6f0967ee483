#pragma once

#include "ProtocolParams.h"
#include "Result.h"
#include "SlaReport.h"

#include <QList>
#include <QString>

#include <span>

namespace icn {

enum class EpochOutcome : quint8 { Unobserved = 0, Compliant = 1, Breach = 2 };

// Which targets a median missed (bit flags).
enum SlaTargetFlag : quint8 {
    SlaAvailabilityMissed = 1,
    SlaLatencyMissed = 2,
    SlaBandwidthMissed = 4,
};

// The decision on one HN for one epoch (PROTOCOL.md §7).
struct SlaEpochResult
{
    QString hnId;
    qint64 epoch = 0;
    EpochOutcome outcome = EpochOutcome::Unobserved;
    qint32 reportCount = 0;
    qint32 registeredOracles = 0;
    SlaMetrics median;      // all zero when unobserved
    quint8 missedTargets = 0; // SlaTargetFlag bits; 0 unless a breach

    bool observed() const { return outcome != EpochOutcome::Unobserved; }
    bool breach() const { return outcome == EpochOutcome::Breach; }
    friend bool operator==(const SlaEpochResult &, const SlaEpochResult &) = default;
};

// Aggregates one HN's oracle reports of one epoch: median per metric, quorum, compliance.
//
// Mirror rules:
// - Median of an even count = the truncated mean of the two middle values,
//   lower + (upper − lower) / 2 (all metrics are ≥ 0, so this is floor((lower + upper) / 2)).
// - Quorum: reports × quorumDenominator ≥ registered × quorumNumerator (2 of 3 is quorum,
//   5 of 8 is not). With no registered oracle there is never quorum: the epoch is unobserved.
// - Targets are inclusive: availability ≥ minimum, latency ≤ maximum, bandwidth ≥ minimum.
// - A second report from the same oracle for the same HN and epoch is refused
//   ("sla_epoch.duplicate_report"), never silently dropped: the engine refuses the SLA report
//   transaction that would add it, so the first report stands.
// - Reports from an oracle that is not registered are refused ("sla_epoch.unknown_oracle"), as
//   are reports for another HN or epoch ("sla_epoch.wrong_hn", "sla_epoch.wrong_epoch") and
//   reports failing SlaReport::validate(). Signatures are checked when a report is admitted
//   (SlaReport::verify), not here.
class SlaEpoch
{
public:
    static bool hasQuorum(qint64 reports, qint64 registeredOracles, const ProtocolParams &params);
    // Median under the rule above; sorts `values` in place. Empty → 0.
    static qint64 median(std::span<qint64> values);
    static quint8 missedTargets(const SlaMetrics &median, const SlaTargets &targets);

    // The fast core on already-admitted metrics (one entry per distinct registered oracle).
    static SlaEpochResult decide(std::span<const SlaMetrics> reports, qint32 registeredOracles,
                                 const SlaTargets &targets, const ProtocolParams &params);

    // Checks identity, registration and duplicates, then decide(). `registeredOracles` must be
    // sorted ascending and free of duplicates ("sla_epoch.bad_oracle_list" otherwise).
    static Result<SlaEpochResult> aggregate(const QString &hnId, qint64 epoch, std::span<const SlaReport> reports,
                                            std::span<const Address> registeredOracles, const SlaTargets &targets,
                                            const ProtocolParams &params);
};

} // namespace icn
