#pragma once

#include "Address.h"
#include "Amount.h"
#include "Month.h"
#include "NetworkTypes.h"

#include <QString>

namespace icn {

// One HN's §6 economics as the UI and CLI show them (Engine::nodeEconomics).
struct NodeEconomics
{
    QString nodeId;
    QString clusterId;
    QString regionId;
    Address provider;
    qint64 capacityTb = 0;
    Amount reservationPrice;
    Amount collateral;
    Amount requiredCollateral;  // collateralMonths × Max_Cluster_Price × capacity
    Amount jailThreshold;       // jailCollateralPpm of the requirement (truncated)
    NodeStatus status = NodeStatus::Active;
    bool servable = false;      // eligible for new bookings (Active, at or above the jail threshold)
    Month registeredMonth;
    Month commitmentEnd;        // last month of the commitment
    qint32 maxDurationMonths = 0;
    qint32 maxLeadMonths = 0;
    Amount rewardsEarned;       // capacity rewards to date (paid from the reserve)
    Amount rewardsToCollateral; // the part of rewardsEarned diverted to collateral
    qint64 activeBookings = 0;  // bookings with a slice on the HN covering the current month
    qint64 pendingBookings = 0; // bookings with a slice on the HN starting later
};

// "registered", "active", "jailed", "offboarded".
QString nodeStatusName(NodeStatus status);

} // namespace icn
