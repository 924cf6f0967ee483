#pragma once

#include "Amount.h"
#include "Month.h"

#include <QString>

#include <variant>
#include <vector>

namespace icn {

// What the engine tells the history (PROTOCOL.md §9 "History kept for analysts") while it applies
// a transaction: facts that the transaction log alone would only give back by replaying. The
// engine appends them during apply(); commit() stamps them with the transaction's sequence; the
// owner drains them with Engine::takeEvents() and persists or charts them. check() never emits.
// Replaying the log emits the same events again, in the same order (determinism).

// The averages of one cluster's month, recorded at month close before the clock advances.
struct ClusterMonthEvent
{
    Month month;
    QString clusterId;
    qint64 bookedTb = 0;      // TB of bookings active in the month
    qint64 capacityTb = 0;    // TB of the cluster's servable HNs
    Amount bookedValue;       // Σ slice TB × slice price for the month (ICNT per month)
};

// One HN's SLA outcome for one epoch (medians only when observed).
struct NodeEpochEvent
{
    qint64 epoch = 0;
    QString nodeId;
    bool observed = false;     // quorum reached
    bool compliant = false;    // observed and within every target
    qint64 availabilityPpm = 0;
    qint64 latencyMs = 0;
    qint64 bandwidthMbps = 0;
    qint32 reliabilityPpm = 0; // after this epoch
    QString clusterId;         // the HN's cluster: the store keeps a cluster's epoch in one block
};

struct SlashEvent
{
    qint64 epoch = 0;
    QString nodeId;
    qint32 step = 0;       // k of PROTOCOL.md §7
    qint64 ppm = 0;
    Amount amount;         // collateral moved to the treasury
    bool jailed = false;   // the slash put the HN under the jail threshold
    Amount bonds{};        // §8: the HN's kept winners' bonds slashed by the same ppm, to the treasury
};

struct WithholdingEvent
{
    Month month;
    quint64 bookingId = 0;
    QString nodeId;
    qint32 breachDays = 0;
    Amount withheld;       // claimable by the SP
};

struct RewardEvent
{
    Month month;
    QString nodeId;
    Amount amount;         // paid from the Rewards Reserve
    Amount toCollateral;   // part of `amount` diverted to the HN's collateral
};

struct ClaimEvent
{
    quint64 bookingId = 0;
    QString spAccount;     // checksummed address
    Amount amount;
};

// An HN's status, price, collateral or commitment changed (register, set price, deposit, withdraw,
// extend, offboard, jail, unjail).
struct NodeChangeEvent
{
    QString nodeId;
    QString what;          // "register", "price", "deposit", "withdraw", "extend", "offboard", "jail", "unjail"
    Amount amount;         // new price, or the collateral moved
};

using EngineEventData = std::variant<ClusterMonthEvent, NodeEpochEvent, SlashEvent, WithholdingEvent, RewardEvent,
                                     ClaimEvent, NodeChangeEvent>;

struct EngineEvent
{
    quint64 sequence = 0; // the transaction that caused it
    EngineEventData data;
};

} // namespace icn
