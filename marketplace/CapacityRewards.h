#pragma once

#include "Amount.h"
#include "ProtocolParams.h"
#include "Result.h"

#include <QHash>
#include <QList>
#include <QString>

#include <span>

namespace icn {

// One HN as capacity rewards see it at month close.
struct RewardNode
{
    QString hnId;
    QString regionId;
    qint64 capacityTb = 0;
    bool active = true; // only Active HNs earn
};

// A region's utilisation in the closing month: booked TB / total TB, an exact fraction.
struct RegionUtilisation
{
    qint64 bookedTb = 0;
    qint64 totalTb = 0;
};

struct CapacityReward
{
    QString hnId;
    Amount due;  // the formula's amount
    Amount paid; // what the reserve pays (less than due only when the reserve runs short)
    friend bool operator==(const CapacityReward &, const CapacityReward &) = default;
};

struct RewardRun
{
    QList<CapacityReward> rewards; // one per Active HN, in input order
    Amount totalDue;
    Amount totalPaid;    // ≤ the reserve, always
    Amount reserveAfter; // reserve − totalPaid
    bool scaled = false; // the reserve could not pay everything due
};

// Capacity rewards of PROTOCOL.md §6: at month close each Active HN earns
//   rate × capacity_TB × (total_TB − booked_TB) / total_TB   (truncated once, at the end)
// from the Rewards Reserve, never more than the reserve holds. Where the HP's share goes
// (collateral first while below 100 %) is Collateral::splitEarning's job.
//
// Mirror rules:
// - Utilisation is the exact fraction booked / total of the HN's region; a region with
//   total 0 pays nothing; booked > total or negative values are refused ("rewards.bad_utilisation").
// - When the reserve holds less than the total due, every reward is scaled pro rata:
//   paid = floor(due × reserve / totalDue). The result does not depend on the order of the HNs;
//   the truncation dust (< one base unit per HN) stays in the reserve.
// - Errors: "rewards.unknown_region", "rewards.bad_utilisation", "rewards.bad_capacity",
//   "rewards.bad_reserve" (negative), "rewards.overflow". On error nothing is paid.
class CapacityRewards
{
public:
    static Result<Amount> rewardFor(qint64 capacityTb, const RegionUtilisation &region, const ProtocolParams &params);

    static Result<RewardRun> closeMonth(std::span<const RewardNode> nodes, const QHash<QString, RegionUtilisation> &regions,
                                        Amount reserve, const ProtocolParams &params);
};

} // namespace icn
