// The §9 history of listed prices: the engine keeps each cluster's listed price per month of its
// capacity window and records every change as a run of months. A booking can only change the
// months it occupies, so it refreshes just those; a month close refreshes the whole window.
#include "Engine.h"

namespace icn {

Int128 Engine::listedPriceAt(quint32 cluster, Month month) const
{
    if (month <= m_current || !m_book.covers(month, 1))
        return -1;
    const qint32 lead = month.monthsSince(m_current);
    for (quint32 n : m_net.clusters[cluster].ranked) {
        const NodeHot &h = m_net.hot[n];
        if (!h.servable || lead > h.maxLead || h.commitmentEnd <= month.index())
            continue;
        if (m_book.allocated(n, month) < h.capacityTb)
            return m_net.priceUnits[n];
    }
    return -1;
}

void Engine::refreshListedPrices(quint32 cluster, Month first, qint32 months, quint64 sequence)
{
    const auto horizon = static_cast<size_t>(m_book.horizon());
    const auto mask = horizon - 1;
    Int128 *row = m_listed.data() + cluster * horizon;
    PriceChangeRec run;
    bool open = false;
    for (qint32 i = 0; i < months; ++i) {
        const Month m = first.plus(i);
        const Int128 now = listedPriceAt(cluster, m);
        Int128 &cached = row[static_cast<size_t>(m.index()) & mask];
        if (now == cached) {
            if (open) {
                m_priceHistory.push_back(run);
                open = false;
            }
            continue;
        }
        cached = now;
        if (open && run.price == now && run.last.plus(1) == m) {
            run.last = m;
            continue;
        }
        if (open)
            m_priceHistory.push_back(run);
        run = PriceChangeRec{sequence, cluster, m, m, now};
        open = true;
    }
    if (open)
        m_priceHistory.push_back(run);
}

void Engine::refreshAllListedPrices(quint64 sequence)
{
    const auto horizon = static_cast<size_t>(m_book.horizon());
    if (m_listed.size() != m_net.clusters.size() * horizon)
        m_listed.assign(m_net.clusters.size() * horizon, -1);
    // The slot of the month that just left the window is reused for the new last month.
    for (quint32 c = 0; c < m_net.clusters.size(); ++c) {
        m_listed[c * horizon + (static_cast<size_t>(m_current.index()) & (horizon - 1))] = -1;
        refreshListedPrices(c, m_current.plus(1), m_book.horizon() - 1, sequence);
    }
}

QList<ListedPriceChange> Engine::listedPriceHistory(const QString &clusterId) const
{
    QList<ListedPriceChange> out;
    const ScopeRef *scope = clusterId.isEmpty() ? nullptr : m_net.findScope(clusterId);
    if (!clusterId.isEmpty() && (!scope || scope->kind != ScopeKind::Cluster))
        return out;
    for (const PriceChangeRec &r : m_priceHistory) {
        if (scope && r.cluster != scope->index)
            continue;
        out.append(ListedPriceChange{r.sequence, m_net.clusters[r.cluster].id, r.first, r.last, r.price >= 0,
                                     r.price >= 0 ? Amount::fromBaseUnits(r.price) : Amount()});
    }
    return out;
}

} // namespace icn
