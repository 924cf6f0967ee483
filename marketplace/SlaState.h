#pragma once

#include "Address.h"
#include "Amount.h"
#include "BreachTracker.h"
#include "Month.h"
#include "NetworkTypes.h"
#include "Reliability.h"
#include "SlaEpoch.h"

#include <QHash>
#include <QString>

#include <deque>
#include <memory>
#include <vector>

namespace icn {

// The engine's SLA clock (PROTOCOL.md §7, docs/protocol-types.md "SLA transactions"): epoch
// number = day number since 1970-01-01 (UTC calendar days, one epoch per day).
namespace SlaClock {
// Day number of the first day of `month`.
qint64 firstEpochOf(Month month);
// The month that contains day `epoch`.
Month monthOfEpoch(qint64 epoch);
// "YYYY-MM-DD" of an epoch (for messages and the CLI).
QString dateOf(qint64 epoch);
} // namespace SlaClock

// One admitted oracle report of an epoch, stored flat: HN and oracle as indexes.
struct SlaRawReport
{
    quint32 node = 0;
    quint32 oracle = 0; // registration index
    qint32 next = -1;   // open epoch only: the HN's previous report (a list per HN), −1 at the end
    SlaMetrics metrics;
};

// A closed epoch's report, packed in 20 bytes (every metric's range fits 32 bits: SlaReport limits).
struct SlaRetainedReport
{
    quint32 node = 0;
    quint16 oracle = 0; // registration index (< kMaxOracles)
    quint32 availabilityPpm = 0;
    quint32 latencyMs = 0;
    quint32 bandwidthMbps = 0;
};
static_assert(sizeof(SlaRetainedReport) == 20);

// Raw reports of one closed epoch in admission order, kept for slaReportRetentionEpochs epochs
// after it closed. Immutable once built, so engine copies share it.
struct SlaRetainedEpoch
{
    qint64 epoch = 0;
    std::vector<SlaRetainedReport> reports;
};

// What closing an epoch decides for one HN (computed read-only, then applied).
struct SlaNodeStep
{
    quint32 node = 0;
    EpochOutcome outcome = EpochOutcome::Unobserved;
    qint32 reports = 0;
    SlaMetrics median;
    quint8 missedTargets = 0;
    BreachTracker trackerAfter;
    BreachStep step;
    bool jail = false;
};

// Per-HN SLA state.
struct SlaNodeRec
{
    BreachTracker tracker;
    EpochOutcome lastOutcome = EpochOutcome::Unobserved;
    qint64 lastClosedEpoch = -1;   // last epoch closed while this HN existed
    qint64 lastObservedEpoch = -1; // last epoch with quorum
    SlaMetrics lastMedian;         // medians of lastObservedEpoch
    qint32 breachDaysThisMonth = 0;
};

// Facts kept forever (the history also gets them as events).
struct SlaBreachRecord
{
    qint64 epoch = 0;
    quint32 node = 0;
    qint32 streak = 0;
    qint32 k = 0;
    qint64 slashPpm = 0;
    Amount slashed;
    bool jailed = false;
};
struct SlaWithholdingRecord
{
    Month month;
    quint32 booking = 0; // index (id − 1)
    quint32 node = 0;
    qint32 breachDays = 0;
    Amount withheld;
};
struct SlaClaimRecord
{
    quint32 booking = 0; // index (id − 1)
    Amount amount;
    quint64 sequence = 0;
};

// Everything §7 adds to the engine, as one value (copied with the engine).
struct SlaState
{
    static constexpr quint32 kMaxOracles = 4096;

    std::vector<Address> oracles;         // registration order
    QHash<Address, quint32> oracleIndex;  // lookups only, never iterated
    std::vector<SlaNodeRec> nodes;        // by HN index
    std::vector<Reliability> reliability; // by HN index
    // The open epoch (= the engine's current epoch): reports as per-HN lists in one flat vector.
    std::vector<qint32> head; // by HN index, −1 = no report
    std::vector<SlaRawReport> open;
    std::deque<std::shared_ptr<const SlaRetainedEpoch>> retained; // closed epochs, oldest first
    // Withheld ICNT per booking slice still in escrow, claimable by the booking's SP. Indexed by
    // slice; shorter than the slice list when the tail never had anything withheld.
    std::vector<Amount> sliceWithheld;
    std::vector<SlaBreachRecord> breaches;
    std::vector<SlaWithholdingRecord> withholdings;
    std::vector<SlaClaimRecord> claims;

    Amount withheldOf(quint32 slice) const { return slice < sliceWithheld.size() ? sliceWithheld[slice] : Amount(); }
};

// Per-HN SLA state as read by callers (Engine::slaNode).
struct SlaNodeInfo
{
    QString nodeId;
    NodeStatus status = NodeStatus::Active;
    Amount collateral;
    bool inBreach = false;
    qint32 streak = 0;         // consecutive breach epochs
    qint32 k = 0;              // escalation step (0 inside the grace window)
    qint64 reliabilityPpm = 0;
    qint32 observed = 0;       // observed epochs in the reliability window
    qint32 compliant = 0;
    EpochOutcome lastOutcome = EpochOutcome::Unobserved;
    qint64 lastClosedEpoch = -1;
    qint64 lastObservedEpoch = -1;
    SlaMetrics lastMedian;
    qint32 breachDaysThisMonth = 0;
    qint32 openReports = 0;    // reports admitted for the current epoch
};

} // namespace icn
