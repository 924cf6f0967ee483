#pragma once

#include "AuctionTypes.h"
#include "CapacityBook.h"
#include "Ledger.h"
#include "NetworkState.h"

namespace icn {

// AuctionFacts read from the engine's state (PROTOCOL.md §3–4, docs/auctions.md §1): for an HN
// and a month range, its place in the hierarchy, provider, §4 eligibility except capacity
// (Active and not jailed, duration, lead, commitment; the start must be a later month than the
// current one and the range inside the capacity window), its free TB for the whole range, its
// reliability (NodeRec::reliabilityPpm, kept up to date by §7) and its Reservation_Price;
// balances from the ledger. A view over references: valid while the engine is not changed.
class EngineAuctionFacts : public AuctionFacts
{
public:
    EngineAuctionFacts(const NetworkState &network, const CapacityBook &book, const Ledger &ledger, Month current)
        : m_net(network), m_book(book), m_ledger(ledger), m_current(current)
    {
    }

    std::optional<AuctionNodeFacts> node(const QString &nodeId, const MonthRange &range) const override;
    // In node id order (index order is id order), clusters in id order.
    QList<AuctionNodeFacts> nodesInScope(const QString &scopeId, const MonthRange &range) const override;
    Amount balance(const Address &account) const override { return m_ledger.balance(account); }

    AuctionNodeFacts factsOf(quint32 node, const MonthRange &range) const;

private:
    const NetworkState &m_net;
    const CapacityBook &m_book;
    const Ledger &m_ledger;
    Month m_current;
};

} // namespace icn
