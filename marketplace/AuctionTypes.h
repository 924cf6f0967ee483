#pragma once

#include "Address.h"
#include "Amount.h"
#include "Month.h"
#include "Result.h"

#include <QList>
#include <QString>

#include <optional>

namespace icn {

// Value types shared by tenders and reverse auctions (PROTOCOL.md §8, docs/auctions.md).
// The auction rule cores never touch the ledger: they return the movements as plain values and
// the engine applies them in its atomic apply phase.

// What the engine knows about one HN for an auction's month range. The engine fills it from its
// state; tests and benches use StaticAuctionFacts.
struct AuctionNodeFacts
{
    QString nodeId;
    QString clusterId;
    QString zoneId;
    QString regionId;
    Address provider;
    // §4 eligibility for the range except capacity: Active, not jailed, collateral, duration,
    // lead and commitment limits.
    bool eligible = false;
    qint64 freeTb = 0; // free capacity for the whole range (§3)
    qint32 reliabilityPpm = 0;
    Amount reservationPrice; // the default drop-out price of a reverse auction

    // A scope is a cluster, zone or region id (ids are unique within their kind, and the network
    // format keeps the kinds' ids distinct).
    bool inScope(const QString &scopeId) const
    {
        return scopeId == clusterId || scopeId == zoneId || scopeId == regionId;
    }
    friend bool operator==(const AuctionNodeFacts &, const AuctionNodeFacts &) = default;
};

// The engine facts an auction needs, read at the moment of a bid or an award.
class AuctionFacts
{
public:
    virtual ~AuctionFacts() = default;
    // nullopt when no such HN exists.
    virtual std::optional<AuctionNodeFacts> node(const QString &nodeId, const MonthRange &range) const = 0;
    // Every HN of the scope (any status), in any order.
    virtual QList<AuctionNodeFacts> nodesInScope(const QString &scopeId, const MonthRange &range) const = 0;
    // Liquid balance of an account (zero when unknown).
    virtual Amount balance(const Address &account) const = 0;
};

// A ledger movement of an auction. The SP's lock is held in escrow (§8); "lock" names that part
// of escrow, so LockToEscrow relabels it as the escrow of the award's booking.
enum class MovementKind {
    AccountToLock,  // the SP locks at posting
    LockToEscrow,   // a winner's hp cost becomes booking escrow (nodeId names the slice)
    LockToTreasury, // the protocol margin of what was awarded
    LockToAccount,  // refund of the unused lock to the SP
    AccountToBond,  // a bidder's bond is locked
    BondToAccount,  // a bond is released to its bidder
};

struct LedgerMovement
{
    MovementKind kind = MovementKind::AccountToLock;
    Address account; // the SP for lock movements, the bidder for bond movements
    QString nodeId;  // the HN of a slice or a bond; empty for SP-wide movements
    Amount amount;
    friend bool operator==(const LedgerMovement &, const LedgerMovement &) = default;
};

// price × size × D × (1 + margin), computed like a §5 quote: hpPart = price × size × D exactly,
// marginPart = hpPart × marginPpm / 10^6 truncated once, total = hpPart + marginPart.
struct AuctionLock
{
    Amount hpPart;
    Amount marginPart;
    Amount total;
    friend bool operator==(const AuctionLock &, const AuctionLock &) = default;
};

// Typed errors "<prefix>.overflow" when a product does not fit 128 bits.
Result<AuctionLock> computeAuctionLock(Amount pricePerTbMonth, qint64 sizeTb, qint32 months, qint64 marginPpm,
                                       const QString &errorPrefix);

// One awarded part: TB on an HN at a price, ready to become (part of) an ordinary booking.
struct AwardSlice
{
    QString nodeId;
    QString clusterId;
    Address provider;
    qint64 tb = 0;
    Amount price;  // ICNT per TB-month
    Amount hpCost; // tb × price × D
    friend bool operator==(const AwardSlice &, const AwardSlice &) = default;
};

// A bond locked by a bidder for an HN.
struct HeldBond
{
    QString nodeId;
    Address account;
    Amount amount;
    friend bool operator==(const HeldBond &, const HeldBond &) = default;
};

// A bid or an HN that was not considered at an award, and why (a typed error code).
struct DroppedEntry
{
    QString nodeId;
    QString reason; // e.g. "tender.below_min_reliability"
    friend bool operator==(const DroppedEntry &, const DroppedEntry &) = default;
};

// The money side of an award, in plain values. Σ of the lock movements == the lock.
struct AuctionSettlement
{
    QList<AwardSlice> slices; // in fill order
    qint64 filledTb = 0;
    Amount hpCost;            // Σ slice hpCost
    Amount margin;            // hpCost × marginPpm / 10^6, truncated once
    Amount total;             // hpCost + margin
    Amount refund;            // lock − total
    QList<HeldBond> bondsKept;     // winners: locked until their booking ends
    QList<HeldBond> bondsReleased; // everyone else
    QList<LedgerMovement> movements;
};

// Settles an award: slices get their hpCost, the margin and the refund are computed exactly,
// winners' bonds stay locked and every other bond is released. Empty slices = everything
// released. Typed errors "<prefix>.overflow"; "<prefix>.lock_exceeded" would be a bug in the caller.
Result<AuctionSettlement> settleAuction(const Address &sp, const AuctionLock &lock, qint64 marginPpm, qint32 months,
                                        QList<AwardSlice> slices, const QList<HeldBond> &bonds,
                                        const QString &errorPrefix);

} // namespace icn
