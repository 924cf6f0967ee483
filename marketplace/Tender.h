#pragma once

#include "AuctionTypes.h"
#include "ProtocolParams.h"

#include <QMap>

#include <compare>
#include <optional>

namespace icn {

// A tender (PROTOCOL.md §8, docs/auctions.md): sealed bids per HN, several winners, pay-as-bid.
// A self-contained rule core: value types in, value types out, no clock but the epoch it is given.
// Every refusal is a typed "tender.*" error and leaves the tender unchanged.

struct TenderSpec
{
    Address sp;
    QString scopeId; // cluster, zone or region id
    qint64 sizeTb = 0;
    Month start;
    qint32 months = 0;           // D
    Amount maxPrice;             // ICNT per TB-month
    qint32 minReliabilityPpm = 0;
    qint64 bidDeadlineEpoch = 0; // bids while epoch < deadline; award from epoch ≥ deadline
    bool partialFillAllowed = false;
    qint64 marginPpm = 0;        // the scope's region margin (ProtocolParams::marginPpmFor)

    MonthRange range() const { return MonthRange{start, months}; }
    friend bool operator==(const TenderSpec &, const TenderSpec &) = default;
};

struct TenderBid
{
    QString nodeId;
    Address bidder;       // must be the HN's provider
    qint64 offeredTb = 0; // 0 < offered ≤ size, and free on the HN for the whole range
    Amount price;         // ICNT per TB-month, 0 < price ≤ max price
    Amount bond;          // optional (zero), locked until the booking ends if the bid wins
    quint64 submittedOrder = 0; // the engine's order of the bid (log position); lower = earlier
    friend bool operator==(const TenderBid &, const TenderBid &) = default;
};

enum class TenderState { Open, Awarded, PartlyAwarded, Failed };
enum class TenderOutcome { Filled, PartlyFilled, Failed };

struct RankedBid
{
    TenderBid bid;
    qint64 awardedTb = 0; // 0 for a loser; < offeredTb for the last winner when it fills partly
    friend bool operator==(const RankedBid &, const RankedBid &) = default;
};

struct TenderAward
{
    TenderOutcome outcome = TenderOutcome::Failed;
    QList<RankedBid> ranking;     // every admitted bid, best quality-adjusted price first
    QList<DroppedEntry> dropped;  // bids not admitted at the deadline, in node id order
    AuctionSettlement settlement; // slices (pay-as-bid), refund, bonds, movements
};

// What the quality-adjusted price of a bid depends on.
struct QualityTerms
{
    Amount price;
    qint64 offeredTb = 0;
    Amount bond;
    qint32 reliabilityPpm = 0;
};

class Tender
{
public:
    // Validates the spec and the SP's balance against the lock. Uses the protocol parameters in
    // force at posting for the whole life of the tender.
    static Result<Tender> post(const TenderSpec &spec, qint64 currentEpoch, Month currentMonth,
                               const ProtocolParams &params, const AuctionFacts &facts);

    // Rebuilds a tender from stored state (a snapshot), without the posting checks; the lock is
    // recomputed from the spec. Refuses only a spec whose lock overflows or a duplicate HN.
    static Result<Tender> restore(const TenderSpec &spec, qint64 maxBondBonusPpm, TenderState state,
                                  const QList<TenderBid> &bids);

    const TenderSpec &spec() const { return m_spec; }
    const AuctionLock &lock() const { return m_lock; }
    TenderState state() const { return m_state; }
    qint64 maxBondBonusPpm() const { return m_maxBondBonusPpm; }
    // The SP's lock, to apply when the post is accepted.
    QList<LedgerMovement> postingMovements() const;
    // Open bids in node id order.
    QList<TenderBid> bids() const { return m_bids.values(); }
    qsizetype bidCount() const { return m_bids.size(); }
    std::optional<TenderBid> bidFor(const QString &nodeId) const
    {
        const auto it = m_bids.constFind(nodeId);
        return it == m_bids.constEnd() ? std::nullopt : std::optional<TenderBid>(*it);
    }

    // One bid per HN; to change it, withdraw and bid again. Returns the bond lock (if any).
    Result<QList<LedgerMovement>> bid(const TenderBid &bid, qint64 currentEpoch, const AuctionFacts &facts);
    // Before the deadline only. Returns the bond release (if any).
    Result<QList<LedgerMovement>> withdraw(const QString &nodeId, const Address &bidder, qint64 currentEpoch);

    // The award as it would be now, changing nothing.
    Result<TenderAward> previewAward(qint64 currentEpoch, const AuctionFacts &facts) const;
    // The award: closes the tender (Awarded, PartlyAwarded or Failed).
    Result<TenderAward> award(qint64 currentEpoch, const AuctionFacts &facts);

    // Exact order of two quality-adjusted prices price / (rel × (1 + min(bond / (price × offered × D), cap))),
    // by cross-multiplication on 512 bits: less = better. Preconditions: price, offered, D and
    // reliability > 0, bond ≥ 0, price × offered × D fits 128 bits (validated bids always do).
    static std::strong_ordering compareQuality(const QualityTerms &a, const QualityTerms &b, qint32 months,
                                               qint64 maxBondBonusPpm);

private:
    Tender() = default;

    TenderSpec m_spec;
    AuctionLock m_lock;
    qint64 m_maxBondBonusPpm = 0;
    TenderState m_state = TenderState::Open;
    QMap<QString, TenderBid> m_bids; // by node id
};

} // namespace icn
