#pragma once

#include "ReverseAuction.h"
#include "Tender.h"
#include "Transaction.h"

#include <QList>

#include <optional>
#include <vector>

namespace icn {

// The engine's §8 state and its read views (EngineAuctions.cpp, docs/auctions.md §4).

inline bool isAuctionTransaction(const Transaction &tx)
{
    return std::visit([](const auto &t) { return AuctionTransaction<std::decay_t<decltype(t)>>; }, tx);
}

// --- read views (what Engine::tender()/reverseAuction() return) ---

struct TenderBidView
{
    TenderBid bid;
    qint32 rank = 0;         // 1-based position in the award's ranking; 0 before the award or when dropped
    qint64 awardedTb = 0;
    QString droppedReason;   // "tender.*" when not admitted at the award
};

// Sealed bids: before the award a view holds only the viewer's own bids (bidCount counts all);
// from the award on, every bid with its rank and outcome.
struct TenderView
{
    quint64 id = 0;
    TenderSpec spec;         // spec.bidDeadlineEpoch: the deadline epoch (PROTOCOL.md §8)
    TenderState state = TenderState::Open;
    AuctionLock lock;
    quint64 postedSeq = 0;
    qint32 bidCount = 0;
    bool bidsVisible = false; // true from the award on
    QList<TenderBidView> bids;
    // the award (state != Open)
    qint64 filledTb = 0;
    Amount hpCost;
    Amount margin;
    Amount total;
    Amount refund;
    QList<AwardSlice> slices;
    QList<quint64> bookingIds;
};

// Drop-out terms are sealed the same way until the clock runs.
struct ReverseAuctionView
{
    quint64 id = 0;
    ReverseAuctionSpec spec;
    qint64 clockEpoch = 0;   // terms while currentEpoch < clockEpoch; runs from it on
    ReverseAuctionState state = ReverseAuctionState::Open;
    AuctionLock lock;
    Amount step;
    quint64 postedSeq = 0;
    qint32 termsCount = 0;
    bool termsVisible = false;
    QList<ReverseAuctionTerms> terms;
    // the run (state != Open)
    Amount clearingPrice;
    qint32 roundCount = 0;
    qint64 filledTb = 0;
    Amount hpCost;
    Amount margin;
    Amount total;
    Amount refund;
    QList<AwardSlice> slices;
    QList<DroppedEntry> dropped;
    QList<quint64> bookingIds;
};

QString tenderStateName(TenderState s);               // "open", "awarded", "partly_awarded", "failed"
QString reverseAuctionStateName(ReverseAuctionState s); // "open", "cleared", "not_cleared"

// --- engine records ---

struct TenderRec
{
    quint64 id = 0;
    Tender tender;
    quint32 spAccount = 0;
    quint64 postedSeq = 0;
    QList<TenderBid> finalBids;          // every bid at the award
    std::optional<TenderAward> award;
    QList<quint64> bookingIds;
};

struct ReverseAuctionRec
{
    quint64 id = 0;
    ReverseAuction auction;
    qint64 clockEpoch = 0;
    quint32 spAccount = 0;
    quint64 postedSeq = 0;
    QList<ReverseAuctionTerms> finalTerms;
    std::optional<ReverseAuctionResult> result;
    QList<quint64> bookingIds;
};

// A winner's bond, held until its booking ends (released at that month close).
struct KeptBondRec
{
    quint32 account = 0;
    quint32 booking = 0; // index into the engine's bookings
    QString nodeId;
    Amount amount;
};

struct AuctionBook
{
    std::vector<TenderRec> tenders;          // id = index + 1
    std::vector<ReverseAuctionRec> auctions; // id = index + 1
    std::vector<KeptBondRec> keptBonds;
    bool empty() const { return tenders.empty() && auctions.empty(); }
};

} // namespace icn
