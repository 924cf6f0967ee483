#pragma once

#include "Address.h"
#include "Amount.h"
#include "Month.h"
#include "ProtocolParams.h"

#include <QList>
#include <QString>

namespace icn {

// The network as PROTOCOL.md §2 describes it: plain values, as imported from or exported to a
// network snapshot (docs/network-format.md) and as the genesis of the engine. Ids are stable,
// human-readable strings ("EUW", "EUW-FRA", "FRA-1", "FRA-1-N01") unique within their kind.

struct Region
{
    QString id;   // "EUW"
    QString name; // "Europe West"
    friend bool operator==(const Region &, const Region &) = default;
};

struct Zone
{
    QString id;       // "EUW-FRA"
    QString regionId;
    QString name;     // "Frankfurt"
    friend bool operator==(const Zone &, const Zone &) = default;
};

struct Cluster
{
    QString id;     // "FRA-1"
    QString zoneId;
    QString name;
    QString hardwareClass;  // one class per cluster, e.g. "hdd-standard"
    Amount maxClusterPrice; // ICNT per TB-month
    SlaTargets slaTargets;
    friend bool operator==(const Cluster &, const Cluster &) = default;
};

enum class NodeStatus { Registered, Active, Jailed, Offboarded };

struct HardwareProvider
{
    Address account;
    QString name;
    friend bool operator==(const HardwareProvider &, const HardwareProvider &) = default;
};

struct HardwareNode
{
    QString id; // "FRA-1-N01"
    QString clusterId;
    Address provider;
    qint64 capacityTb = 0;
    Amount reservationPrice; // ICNT per TB-month, 0 < price ≤ cluster's maxClusterPrice
    Amount collateral;       // deposited
    Month registeredMonth;
    Month commitmentEnd;     // last month of the commitment
    qint32 maxDurationMonths = 6; // ≥ 6
    qint32 maxLeadMonths = 6;     // ≥ 6
    NodeStatus status = NodeStatus::Active;
    // Reliability score in ppm (PROTOCOL.md §7); a new HN starts at 0.9 until SLA epochs say more.
    qint32 reliabilityPpm = 900'000;
    friend bool operator==(const HardwareNode &, const HardwareNode &) = default;
};

struct AccountEntry
{
    Address account;
    QString label;  // "Demo SP", shown in the UI; not part of the protocol
    Amount balance; // liquid ICNT at genesis
    friend bool operator==(const AccountEntry &, const AccountEntry &) = default;
};

// A complete network: the genesis state of a local mirror. The 700M supply is conserved:
// rewards reserve + account balances + HN collateral + the genesis allocation pool = total supply,
// the pool (faucet source) holding whatever the others do not.
struct NetworkSnapshot
{
    QString name; // "ICN demo network"
    ProtocolParams params;
    Month currentMonth;
    qint64 currentEpoch = 0; // day index; see the engine clock
    QList<Region> regions;
    QList<Zone> zones;
    QList<Cluster> clusters;
    QList<HardwareProvider> providers;
    QList<HardwareNode> nodes;
    QList<AccountEntry> accounts;
    friend bool operator==(const NetworkSnapshot &, const NetworkSnapshot &) = default;
};

} // namespace icn
