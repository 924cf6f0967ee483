#pragma once

#include "Amount.h"

#include <QMap>
#include <QString>

namespace icn {

// SLA targets of a cluster (PROTOCOL.md §7 defaults).
struct SlaTargets
{
    qint64 minAvailabilityPpm = 999'000; // 99.9 %
    qint64 maxLatencyMs = 150;           // p95
    qint64 minBandwidthMbps = 1'000;

    friend bool operator==(const SlaTargets &, const SlaTargets &) = default;
};

// Every default protocol parameter of PROTOCOL.md, in one value stored with the network and
// editable in the app's protocol settings. The engine reads numbers only from here.
struct ProtocolParams
{
    // §1 supply
    Amount totalSupply = Amount::fromIcnt(700'000'000);
    Amount rewardsReserve = Amount::fromIcnt(70'000'000);

    // §4 booking limits
    qint32 minBookingMonths = 3;      // D ≥ 3
    qint32 minHnMaxDurationMonths = 6; // an HN's maximum booking duration is at least 6
    qint32 minHnMaxLeadMonths = 6;     // an HN's maximum lead is at least 6
    qint32 defaultMaxLeadMonths = 6;
    qint32 maxHnsPerCluster = 50;

    // §5 margin: a default and per-region overrides (region id → ppm)
    qint64 defaultMarginPpm = 250'000; // 25 %
    QMap<QString, qint64> regionMarginPpm;
    qint64 marginPpmFor(const QString &regionId) const { return regionMarginPpm.value(regionId, defaultMarginPpm); }

    // §6 collateral and commitment
    qint32 collateralMonths = 6;               // required = 6 × Max_Cluster_Price × capacity
    qint64 minRegistrationCollateralPpm = 300'000; // 30 % at registration
    qint64 jailCollateralPpm = 300'000;         // jailed below 30 %
    qint32 minCommitmentMonths = 36;
    qint32 commitmentStepMonths = 6;
    Amount capacityRewardPerTbMonth = Amount::fromBaseUnits(Amount::kUnitsPerIcnt / 2); // 0.5 ICNT

    // §7 SLA and slashing
    SlaTargets defaultSlaTargets;
    qint32 quorumNumerator = 2; // at least 2/3 of registered oracles
    qint32 quorumDenominator = 3;
    qint32 graceEpochs = 2;
    qint64 slashBasePpm = 5'000;  // 0.5 % × 2^(k−1)
    qint64 slashCapPpm = 80'000;  // at most 8 %
    qint32 reliabilityWindowEpochs = 90;
    qint32 reliabilityPriorCompliant = 9; // (compliant + 9) / (observed + 10)
    qint32 reliabilityPriorObserved = 10;
    qint32 slaReportRetentionEpochs = 90;

    // §8 auctions
    qint64 maxBondBonusPpm = 250'000; // min(bond / (price × offered × D), 0.25)

    friend bool operator==(const ProtocolParams &, const ProtocolParams &) = default;
};

} // namespace icn
