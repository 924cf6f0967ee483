#pragma once

#include "AuctionTypes.h"
#include "ProtocolParams.h"

#include <QMap>

#include <optional>

namespace icn {

// A reverse auction (PROTOCOL.md §8, docs/auctions.md): a descending price clock with one
// clearing price paid to every winner. A self-contained rule core: value types in, value types
// out. Every refusal is a typed "reverse_auction.*" error and leaves the auction unchanged.

struct ReverseAuctionSpec
{
    Address sp;
    QString scopeId;
    qint64 sizeTb = 0;
    Month start;
    qint32 months = 0;
    Amount ceilingPrice;          // ICNT per TB-month, the first price of the clock
    qint64 decrementPpm = 0;      // step = ceiling × decrementPpm / 10^6, truncated once
    Amount floorPrice;            // the clock never goes below it; the floor itself is a valid price
    qint32 minReliabilityPpm = 0;
    qint64 marginPpm = 0;         // the scope's region margin

    MonthRange range() const { return MonthRange{start, months}; }
    friend bool operator==(const ReverseAuctionSpec &, const ReverseAuctionSpec &) = default;
};

// What an HP states for one of its HNs; every eligible HN of the scope takes part anyway, with
// its Reservation_Price as drop-out and its free capacity.
struct ReverseAuctionTerms
{
    QString nodeId;
    Address bidder;                    // must be the HN's provider
    std::optional<Amount> dropOutPrice; // default: the HN's Reservation_Price
    std::optional<qint64> capacityTb;   // default: its free capacity for the range
    Amount bond;                       // ranks winners; locked until the booking ends if it wins
    friend bool operator==(const ReverseAuctionTerms &, const ReverseAuctionTerms &) = default;
};

// One HN in the clock, as the rules see it.
struct ClockEntrant
{
    QString nodeId;
    QString clusterId;
    Address provider;
    Amount dropOutPrice; // supplies at every price p ≥ dropOutPrice
    qint64 capacityTb = 0;
    qint32 reliabilityPpm = 0;
    Amount bond;
    friend bool operator==(const ClockEntrant &, const ClockEntrant &) = default;
};

struct AuctionRound
{
    qint32 round = 0;      // 1 = the ceiling
    Amount price;
    qint64 supplyTb = 0;   // Σ capacity of the entrants still in at this price
    qint32 activeBidders = 0;
    bool coversDemand = false;
    friend bool operator==(const AuctionRound &, const AuctionRound &) = default;
};

enum class ReverseAuctionOutcome { Cleared, NotCleared };

struct ReverseAuctionResult
{
    ReverseAuctionOutcome outcome = ReverseAuctionOutcome::NotCleared;
    Amount clearingPrice;          // zero when not cleared
    QList<AuctionRound> rounds;    // every announced price, in order
    QList<ClockEntrant> entrants;  // admitted HNs, in node id order
    QList<DroppedEntry> dropped;   // HNs of the scope left out, and why
    AuctionSettlement settlement;  // slices at the clearing price, refund, bonds, movements
};

enum class ReverseAuctionState { Open, Cleared, NotCleared };

class ReverseAuction
{
public:
    // Validates the spec and the SP's balance against the lock.
    static Result<ReverseAuction> post(const ReverseAuctionSpec &spec, Month currentMonth,
                                       const ProtocolParams &params, const AuctionFacts &facts);

    // Rebuilds an auction from stored state (a snapshot), without the posting checks; the lock and
    // the step are recomputed from the spec. Refuses a spec whose lock overflows or whose step is
    // zero, and a duplicate HN.
    static Result<ReverseAuction> restore(const ReverseAuctionSpec &spec, ReverseAuctionState state,
                                          const QList<ReverseAuctionTerms> &terms);

    const ReverseAuctionSpec &spec() const { return m_spec; }
    const AuctionLock &lock() const { return m_lock; }
    Amount step() const { return m_step; }
    ReverseAuctionState state() const { return m_state; }
    QList<LedgerMovement> postingMovements() const;
    QList<ReverseAuctionTerms> terms() const { return m_terms.values(); }
    qsizetype termsCount() const { return m_terms.size(); }
    std::optional<ReverseAuctionTerms> termsFor(const QString &nodeId) const
    {
        const auto it = m_terms.constFind(nodeId);
        return it == m_terms.constEnd() ? std::nullopt : std::optional<ReverseAuctionTerms>(*it);
    }

    // Sets (or replaces) an HN's terms while the auction is open. Returns the bond movements:
    // the old bond released and the new one locked.
    Result<QList<LedgerMovement>> setTerms(const ReverseAuctionTerms &terms, const AuctionFacts &facts);
    Result<QList<LedgerMovement>> withdrawTerms(const QString &nodeId, const Address &bidder);

    // The clock on today's facts, changing nothing.
    Result<ReverseAuctionResult> preview(const AuctionFacts &facts) const;
    // Runs the clock and closes the auction.
    Result<ReverseAuctionResult> run(const AuctionFacts &facts);

    // The pure clock: rounds, clearing price and winners from admitted entrants. `bonds` are
    // every bond locked for the auction (released unless their HN wins).
    static Result<ReverseAuctionResult> runClock(const ReverseAuctionSpec &spec, const AuctionLock &lock, Amount step,
                                                 QList<ClockEntrant> entrants, const QList<HeldBond> &bonds);

private:
    ReverseAuction() = default;

    ReverseAuctionSpec m_spec;
    AuctionLock m_lock;
    Amount m_step;
    ReverseAuctionState m_state = ReverseAuctionState::Open;
    QMap<QString, ReverseAuctionTerms> m_terms; // by node id
};

} // namespace icn
