#pragma once

#include "Amount.h"
#include "ProtocolParams.h"
#include "Result.h"
#include "SlaEpoch.h"

namespace icn {

// What one epoch did to an HN's breach state.
struct BreachStep
{
    qint64 epoch = 0;
    EpochOutcome outcome = EpochOutcome::Unobserved;
    bool inBreach = false;     // after this epoch
    bool breachDay = false;    // this epoch's escrow payments are withheld (§7)
    qint32 streak = 0;         // consecutive breach epochs so far (0 when not in breach)
    qint32 k = 0;              // escalation step: breach epochs after the grace window (0 = none)
    qint64 slashPpm = 0;       // min(base × 2^(k−1), cap), 0 when not slashing
    Amount slashed;            // collateral × slashPpm / 10^6, truncated; to the treasury
    Amount collateralAfter;    // collateral − slashed, never negative
    bool breachEnded = false;  // a compliant epoch closed a breach

    friend bool operator==(const BreachStep &, const BreachStep &) = default;
};

// The per-HN breach state machine of PROTOCOL.md §7, fed one decided epoch at a time.
//
// - The first breach epoch opens a breach and starts the grace window: consecutive breach epochs
//   1..graceEpochs (1 and 2 by default) slash nothing; from breach epoch graceEpochs + 1 (the 3rd)
//   on, each breach epoch slashes with k = streak − graceEpochs (3rd → 0.5 %, 4th → 1 %, 5th → 2 %,
//   6th → 4 %, 7th and later → 8 %).
// - One compliant epoch ends the breach and resets the streak and k.
//
// Mirror rules:
// - An unobserved epoch (no quorum), and an epoch skipped entirely (no record), neither breaks
//   nor continues a streak: streak and k are unchanged, nothing is slashed, and it is not a
//   breach day (no withholding) — an oracle outage must neither cost the HP money nor reset its
//   escalation. The HN stays in breach (inBreach) until a compliant epoch.
// - Breach days are exactly the breach epochs (withholding is by day; an epoch is a day).
// - Slash amounts truncate toward zero; the slash never exceeds the collateral (the ppm is
//   clamped to 10^6) and a negative collateral input is treated as zero.
// - Epochs must be recorded in strictly increasing order ("breach.epoch_out_of_order").
// - Each slash is a fraction of the collateral passed in (the HN's collateral at that epoch, so
//   after earlier slashes); whether the HN is then jailed is Collateral::isJailed(collateralAfter).
class BreachTracker
{
public:
    BreachTracker() = default;
    // Restores a persisted state (lastEpoch −1 means never recorded).
    static BreachTracker restore(qint64 lastEpoch, qint32 streak);

    // Slash fraction for escalation step k ≥ 1: min(slashBasePpm × 2^(k−1), slashCapPpm), ≤ 10^6.
    static qint64 slashPpmFor(qint32 k, const ProtocolParams &params);

    // Applies one epoch's outcome to the state and returns what it did. On error nothing changes.
    Result<BreachStep> record(qint64 epoch, EpochOutcome outcome, Amount collateral, const ProtocolParams &params);

    qint64 lastEpoch() const { return m_lastEpoch; }
    qint32 streak() const { return m_streak; }
    bool inBreach() const { return m_streak > 0; }
    qint32 k(const ProtocolParams &params) const;

    friend bool operator==(const BreachTracker &, const BreachTracker &) = default;

private:
    qint64 m_lastEpoch = -1;
    qint32 m_streak = 0;
};

} // namespace icn
