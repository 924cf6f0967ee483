#pragma once

#include "Address.h"
#include "Result.h"
#include "SecureBytes.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace icn {

// The three SLA metrics an oracle measures for one HN in one epoch (PROTOCOL.md §7).
struct SlaMetrics
{
    qint64 availabilityPpm = 0; // 0 … 1,000,000
    qint64 latencyMs = 0;       // p95
    qint64 bandwidthMbps = 0;

    friend bool operator==(const SlaMetrics &, const SlaMetrics &) = default;
};

// One SLA oracle report: an oracle's signed measurement of one HN for one epoch
// (docs/protocol-types.md, "SLA reports"). EIP-712, same domain as bookings:
//   SlaReport(string hnId,uint64 epoch,uint64 availabilityPpm,uint64 latencyMs,
//             uint64 bandwidthMbps,address oracle)
// The oracle's address is part of the signed message, so a signature cannot be replayed as
// another oracle's report. `signature` is 65 bytes r || s || v (v = 27/28 or 0/1, low s).
struct SlaReport
{
    // Limits of validate(): values outside them are refused, never clamped.
    static constexpr qint64 kMaxAvailabilityPpm = 1'000'000;
    static constexpr qint64 kMaxLatencyMs = 86'400'000;         // one day
    static constexpr qint64 kMaxBandwidthMbps = 1'000'000'000; // 1 Pbit/s
    static constexpr qsizetype kMaxHnIdBytes = 256;
    static constexpr qint64 kMaxEpoch = 9'007'199'254'740'991; // 2^53 − 1: exact as a JSON number
    static constexpr qint64 kChainId = 8453;

    QString hnId;
    qint64 epoch = 0;
    SlaMetrics metrics;
    Address oracle;
    QByteArray signature;

    // Ranges and identity: "sla_report.bad_hn_id", "sla_report.bad_epoch",
    // "sla_report.bad_availability", "sla_report.bad_latency", "sla_report.bad_bandwidth",
    // "sla_report.no_oracle"; Error::field names the field.
    Result<void> validate() const;
    // The metric ranges of validate() alone, for reports whose id, epoch and oracle the caller
    // has already checked (an oracle's packed batch names registered HNs by index).
    static Result<void> validateMetrics(const SlaMetrics &metrics);

    static QString typeString();
    static QByteArray domainSeparator(); // name "ICN Desk Local Mirror", version "1", chainId 8453
    QByteArray structHash() const;
    QByteArray digest() const; // keccak256(0x19 0x01 || domainSeparator || structHash)
    // The eth_signTypedData_v4 JSON an oracle's wallet shows and signs (uint64 values as decimal strings).
    QJsonObject typedDataJson() const;

    // validate(), then the signature must recover to `oracle`: "sla_report.bad_signature".
    Result<void> verify() const;
    // Validates, checks the key is the oracle's ("sla_report.key_mismatch") and fills `signature`.
    static Result<SlaReport> sign(SlaReport report, const SecureBytes &privateKey);

    friend bool operator==(const SlaReport &, const SlaReport &) = default;
};

} // namespace icn
