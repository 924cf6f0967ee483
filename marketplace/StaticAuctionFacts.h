#pragma once

#include "AuctionTypes.h"

#include <QHash>

namespace icn {

// AuctionFacts from a fixed table (tests, benches, previews on a snapshot): the facts do not
// depend on the month range. Scope listing keeps insertion order, so results are deterministic.
class StaticAuctionFacts : public AuctionFacts
{
public:
    void setNode(const AuctionNodeFacts &facts)
    {
        const auto it = m_index.constFind(facts.nodeId);
        if (it != m_index.constEnd()) {
            m_nodes[it.value()] = facts;
            return;
        }
        m_index.insert(facts.nodeId, m_nodes.size());
        m_nodes.append(facts);
    }
    void setBalance(const Address &account, Amount balance) { m_balances.insert(account, balance); }

    std::optional<AuctionNodeFacts> node(const QString &nodeId, const MonthRange &) const override
    {
        const auto it = m_index.constFind(nodeId);
        if (it == m_index.constEnd())
            return std::nullopt;
        return m_nodes[it.value()];
    }
    QList<AuctionNodeFacts> nodesInScope(const QString &scopeId, const MonthRange &) const override
    {
        QList<AuctionNodeFacts> out;
        for (const AuctionNodeFacts &n : m_nodes) {
            if (n.inScope(scopeId))
                out.append(n);
        }
        return out;
    }
    Amount balance(const Address &account) const override { return m_balances.value(account); }

private:
    QList<AuctionNodeFacts> m_nodes;
    QHash<QString, qsizetype> m_index;
    QHash<Address, Amount> m_balances;
};

} // namespace icn
