#pragma once

#include "Address.h"
#include "Amount.h"
#include "Month.h"

#include <QList>
#include <QString>

namespace icn {

// Read-side value types of assignment and booking (PROTOCOL.md §3–5).

enum class ScopeKind { Cluster, Zone, Region };

// A request for a quote: which scope, how much, when, for how long.
struct QuoteRequest
{
    QString scopeId; // cluster, zone or region id
    qint64 sizeTb = 0;
    Month start;
    qint32 months = 0;
};

// One HN's part of a booking: TB on that HN at that HN's Cluster_Price.
struct Slice
{
    QString nodeId;
    Address provider;
    qint64 tb = 0;
    Amount price;   // ICNT per TB-month
    Amount hpCost;  // tb × price × D
    friend bool operator==(const Slice &, const Slice &) = default;
};

struct Quote
{
    QString scopeId;
    ScopeKind scopeKind = ScopeKind::Cluster;
    QString clusterId; // the cluster that would serve
    QString zoneId;
    QString regionId;
    qint64 sizeTb = 0;
    Month start;
    qint32 months = 0;
    QList<Slice> slices; // in ranking order
    Amount hpCost;       // Σ slice hpCost
    qint64 marginPpm = 0;
    Amount margin;       // hpCost × marginPpm / 10^6, truncated
    Amount total;        // hpCost + margin
    qint64 freeLeftTb = 0; // eligible free TB of the cluster for the range after this booking
};

// Free capacity of a scope for each month of a range, and its listed price (best ask).
struct CapacityView
{
    QString scopeId;
    ScopeKind scopeKind = ScopeKind::Cluster; // children of a cluster are its HNs
    MonthRange range;
    QList<qint64> freeTbPerMonth;  // one entry per month of the range
    QList<qint64> totalTbPerMonth; // capacity of the serving HNs in that month
    qint64 freeTbWholeRange = 0;   // Σ over HNs of free capacity for the whole range
    bool hasListedPrice = false;
    Amount listedPrice;            // Cluster_Price of the best eligible HN with free capacity
    QList<CapacityView> children;  // zones of a region, clusters of a zone, HNs of a cluster
};

enum class BookingStatus { Pending, Active, Completed };

struct BookingInfo
{
    quint64 id = 0;
    Address sp;
    BookingStatus status = BookingStatus::Pending;
    QString scopeId;
    ScopeKind scopeKind = ScopeKind::Cluster;
    QString clusterId;
    qint64 sizeTb = 0;
    Month start;
    qint32 months = 0;
    Month bookedInMonth;
    Amount hpCost;
    Amount margin;
    Amount total;
    Amount escrowLeft;
    Amount averagePrice; // hpCost / (sizeTb × months): ICNT per TB-month, truncated
    QList<Slice> slices;
};

// A change of a cluster's listed price (best ask) for a run of months (PROTOCOL.md §9 history).
// The listed price of one month is the Cluster_Price of the best-ranked HN that could serve that
// month (Active, collateral, commitment, lead) and has free capacity in it.
struct ListedPriceChange
{
    quint64 sequence = 0; // the transaction that caused it (0: genesis)
    QString clusterId;
    Month first;          // the months first..last now list `price`
    Month last;
    bool hasPrice = false; // false: nothing left to book in those months
    Amount price;
};

// What the SP signs (a BookTx without the signature).
struct BookingRequest
{
    Address sp;
    QString scope;
    qint64 sizeTb = 0;
    Month startMonth;
    qint32 months = 0;
    Amount quotedTotal;
    quint64 nonce = 0;
    Month deadline;
};

QString scopeKindName(ScopeKind kind);     // "cluster", "zone", "region"
QString bookingStatusName(BookingStatus s); // "pending", "active", "completed"

} // namespace icn
