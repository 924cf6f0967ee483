// The read side of the §8 auctions (docs/auctions.md §4): tender and reverse-auction views with
// sealed bids and terms, and the rounds of a clock. Nothing here changes state.
#include "Engine.h"

#include <QHash>

#include <algorithm>
#include <limits>

namespace icn {

QString tenderStateName(TenderState s)
{
    switch (s) {
    case TenderState::Open:
        return QStringLiteral("open");
    case TenderState::Awarded:
        return QStringLiteral("awarded");
    case TenderState::PartlyAwarded:
        return QStringLiteral("partly_awarded");
    case TenderState::Failed:
        break;
    }
    return QStringLiteral("failed");
}

QString reverseAuctionStateName(ReverseAuctionState s)
{
    switch (s) {
    case ReverseAuctionState::Open:
        return QStringLiteral("open");
    case ReverseAuctionState::Cleared:
        return QStringLiteral("cleared");
    case ReverseAuctionState::NotCleared:
        break;
    }
    return QStringLiteral("not_cleared");
}

namespace {

TenderView tenderViewOf(const TenderRec &rec, const Address &viewer)
{
    TenderView v;
    v.id = rec.id;
    v.spec = rec.tender.spec();
    v.state = rec.tender.state();
    v.lock = rec.tender.lock();
    v.postedSeq = rec.postedSeq;
    if (!rec.award) {
        v.bidCount = static_cast<qint32>(rec.tender.bidCount());
        if (!viewer.isNull()) {
            for (const TenderBid &b : rec.tender.bids())
                if (b.bidder == viewer)
                    v.bids.append(TenderBidView{b, 0, 0, {}});
        }
        return v;
    }
    const TenderAward &a = *rec.award;
    v.bidCount = static_cast<qint32>(rec.finalBids.size());
    v.bidsVisible = true;
    QHash<QString, qint32> rank;
    QHash<QString, qint64> awarded;
    for (qsizetype i = 0; i < a.ranking.size(); ++i) {
        rank.insert(a.ranking[i].bid.nodeId, static_cast<qint32>(i + 1));
        awarded.insert(a.ranking[i].bid.nodeId, a.ranking[i].awardedTb);
    }
    QHash<QString, QString> dropped;
    for (const DroppedEntry &d : a.dropped)
        dropped.insert(d.nodeId, d.reason);
    for (const TenderBid &b : rec.finalBids)
        v.bids.append(TenderBidView{b, rank.value(b.nodeId), awarded.value(b.nodeId), dropped.value(b.nodeId)});
    std::stable_sort(v.bids.begin(), v.bids.end(), [](const TenderBidView &x, const TenderBidView &y) {
        const qint32 rx = x.rank == 0 ? std::numeric_limits<qint32>::max() : x.rank;
        const qint32 ry = y.rank == 0 ? std::numeric_limits<qint32>::max() : y.rank;
        return rx < ry;
    });
    const AuctionSettlement &s = a.settlement;
    v.filledTb = s.filledTb;
    v.hpCost = s.hpCost;
    v.margin = s.margin;
    v.total = s.total;
    v.refund = s.refund;
    v.slices = s.slices;
    v.bookingIds = rec.bookingIds;
    return v;
}

ReverseAuctionView auctionViewOf(const ReverseAuctionRec &rec, const Address &viewer)
{
    ReverseAuctionView v;
    v.id = rec.id;
    v.spec = rec.auction.spec();
    v.clockEpoch = rec.clockEpoch;
    v.state = rec.auction.state();
    v.lock = rec.auction.lock();
    v.step = rec.auction.step();
    v.postedSeq = rec.postedSeq;
    if (!rec.result) {
        v.termsCount = static_cast<qint32>(rec.auction.termsCount());
        if (!viewer.isNull())
            for (const ReverseAuctionTerms &t : rec.auction.terms())
                if (t.bidder == viewer)
                    v.terms.append(t);
        return v;
    }
    const ReverseAuctionResult &r = *rec.result;
    v.termsCount = static_cast<qint32>(rec.finalTerms.size());
    v.termsVisible = true;
    v.terms = rec.finalTerms;
    v.clearingPrice = r.clearingPrice;
    v.roundCount = static_cast<qint32>(r.rounds.size());
    v.filledTb = r.settlement.filledTb;
    v.hpCost = r.settlement.hpCost;
    v.margin = r.settlement.margin;
    v.total = r.settlement.total;
    v.refund = r.settlement.refund;
    v.slices = r.settlement.slices;
    v.dropped = r.dropped;
    v.bookingIds = rec.bookingIds;
    return v;
}

} // namespace

QList<TenderView> Engine::tenders(const Address &viewer) const
{
    QList<TenderView> out;
    out.reserve(static_cast<qsizetype>(m_auctions.tenders.size()));
    for (const TenderRec &rec : m_auctions.tenders)
        out.append(tenderViewOf(rec, viewer));
    return out;
}

std::optional<TenderView> Engine::tender(quint64 id, const Address &viewer) const
{
    if (id == 0 || id > m_auctions.tenders.size())
        return std::nullopt;
    return tenderViewOf(m_auctions.tenders[id - 1], viewer);
}

QList<ReverseAuctionView> Engine::reverseAuctions(const Address &viewer) const
{
    QList<ReverseAuctionView> out;
    out.reserve(static_cast<qsizetype>(m_auctions.auctions.size()));
    for (const ReverseAuctionRec &rec : m_auctions.auctions)
        out.append(auctionViewOf(rec, viewer));
    return out;
}

std::optional<ReverseAuctionView> Engine::reverseAuction(quint64 id, const Address &viewer) const
{
    if (id == 0 || id > m_auctions.auctions.size())
        return std::nullopt;
    return auctionViewOf(m_auctions.auctions[id - 1], viewer);
}

QList<AuctionRound> Engine::auctionRounds(quint64 id) const
{
    if (id == 0 || id > m_auctions.auctions.size() || !m_auctions.auctions[id - 1].result)
        return {};
    return m_auctions.auctions[id - 1].result->rounds;
}

} // namespace icn
