#include "SlaEpoch.h"

#include <QCoreApplication>
#include <QVarLengthArray>

#include <algorithm>

namespace icn {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SlaEpoch", text);
}

} // namespace

bool SlaEpoch::hasQuorum(qint64 reports, qint64 registeredOracles, const ProtocolParams &params)
{
    if (registeredOracles <= 0 || reports <= 0 || params.quorumDenominator <= 0)
        return false;
    return reports * params.quorumDenominator >= registeredOracles * params.quorumNumerator;
}

qint64 SlaEpoch::median(std::span<qint64> values)
{
    const size_t n = values.size();
    if (n == 0)
        return 0;
    const auto upperIt = values.begin() + static_cast<std::ptrdiff_t>(n / 2);
    std::nth_element(values.begin(), upperIt, values.end());
    const qint64 upper = *upperIt;
    if (n % 2 == 1)
        return upper;
    const qint64 lower = *std::max_element(values.begin(), upperIt);
    return lower + (upper - lower) / 2;
}

quint8 SlaEpoch::missedTargets(const SlaMetrics &m, const SlaTargets &t)
{
    quint8 missed = 0;
    if (m.availabilityPpm < t.minAvailabilityPpm)
        missed |= SlaAvailabilityMissed;
    if (m.latencyMs > t.maxLatencyMs)
        missed |= SlaLatencyMissed;
    if (m.bandwidthMbps < t.minBandwidthMbps)
        missed |= SlaBandwidthMissed;
    return missed;
}

SlaEpochResult SlaEpoch::decide(std::span<const SlaMetrics> reports, qint32 registeredOracles, const SlaTargets &targets,
                                const ProtocolParams &params)
{
    SlaEpochResult r;
    r.reportCount = static_cast<qint32>(reports.size());
    r.registeredOracles = registeredOracles;
    if (!hasQuorum(r.reportCount, registeredOracles, params))
        return r;
    QVarLengthArray<qint64, 16> values(static_cast<qsizetype>(reports.size()));
    const auto column = [&](qint64 SlaMetrics::*member) {
        for (size_t i = 0; i < reports.size(); ++i)
            values[static_cast<qsizetype>(i)] = reports[i].*member;
        return median(std::span<qint64>(values.data(), static_cast<size_t>(values.size())));
    };
    r.median.availabilityPpm = column(&SlaMetrics::availabilityPpm);
    r.median.latencyMs = column(&SlaMetrics::latencyMs);
    r.median.bandwidthMbps = column(&SlaMetrics::bandwidthMbps);
    r.missedTargets = missedTargets(r.median, targets);
    r.outcome = r.missedTargets ? EpochOutcome::Breach : EpochOutcome::Compliant;
    return r;
}

Result<SlaEpochResult> SlaEpoch::aggregate(const QString &hnId, qint64 epoch, std::span<const SlaReport> reports,
                                           std::span<const Address> registeredOracles, const SlaTargets &targets,
                                           const ProtocolParams &params)
{
    for (size_t i = 1; i < registeredOracles.size(); ++i) {
        if (!(registeredOracles[i - 1] < registeredOracles[i]))
            return Error::make(QStringLiteral("sla_epoch.bad_oracle_list"),
                               tr("The registered oracles must be sorted and distinct."), QStringLiteral("oracles"));
    }
    QVarLengthArray<SlaMetrics, 16> metrics;
    QVarLengthArray<qsizetype, 16> seen; // indexes into registeredOracles
    for (size_t i = 0; i < reports.size(); ++i) {
        const SlaReport &report = reports[i];
        const QVariantMap where{{QStringLiteral("index"), static_cast<qint64>(i)}};
        if (auto ok = report.validate(); !ok) {
            Error e = ok.error();
            e.details.insert(where);
            return e;
        }
        if (report.hnId != hnId)
            return Error::make(QStringLiteral("sla_epoch.wrong_hn"), tr("A report is about HN %1, not %2.").arg(report.hnId, hnId),
                               QStringLiteral("hnId"), where);
        if (report.epoch != epoch)
            return Error::make(QStringLiteral("sla_epoch.wrong_epoch"),
                               tr("A report is for epoch %1, not %2.").arg(report.epoch).arg(epoch), QStringLiteral("epoch"), where);
        const auto it = std::lower_bound(registeredOracles.begin(), registeredOracles.end(), report.oracle);
        if (it == registeredOracles.end() || !(*it == report.oracle))
            return Error::make(QStringLiteral("sla_epoch.unknown_oracle"),
                               tr("%1 is not a registered SLA oracle.").arg(report.oracle.toChecksummed()),
                               QStringLiteral("oracle"), where);
        const qsizetype slot = it - registeredOracles.begin();
        if (seen.contains(slot))
            return Error::make(QStringLiteral("sla_epoch.duplicate_report"),
                               tr("Oracle %1 already reported on %2 for epoch %3.")
                                   .arg(report.oracle.toChecksummed(), hnId)
                                   .arg(epoch),
                               QStringLiteral("oracle"), where);
        seen.append(slot);
        metrics.append(report.metrics);
    }
    SlaEpochResult r = decide(std::span<const SlaMetrics>(metrics.data(), static_cast<size_t>(metrics.size())),
                              static_cast<qint32>(registeredOracles.size()), targets, params);
    r.hnId = hnId;
    r.epoch = epoch;
    return r;
}

} // namespace icn
