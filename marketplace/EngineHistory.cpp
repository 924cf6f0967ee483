// History for analysts: what the engine hands its owner besides the events emitted by the
// transaction handlers (the month-close averages per cluster, the listed-price changes).
#include "Engine.h"

namespace icn {

void Engine::emitClusterMonths(Month month)
{
    if (!m_recordEvents)
        return; // no cost for owners that never drain
    const size_t clusters = m_net.clusters.size();
    std::vector<qint64> bookedTb(clusters, 0);
    std::vector<Int128> bookedValue(clusters, 0);
    for (quint32 bi : m_open) {
        const BookingRec &b = m_bookings[bi];
        if (month < b.start || month > b.start.plus(b.months - 1))
            continue;
        for (quint32 s = b.firstSlice; s < b.firstSlice + b.sliceCount; ++s) {
            const SliceRec &slice = m_slices[s];
            bookedTb[b.cluster] += slice.tb;
            // Bounded by the escrow of the month's bookings, itself below the total supply.
            bookedValue[b.cluster] += static_cast<Int128>(slice.tb) * slice.price.baseUnits();
        }
    }
    for (quint32 c = 0; c < clusters; ++c) {
        const ClusterRec &cluster = m_net.clusters[c];
        qint64 capacity = 0;
        for (quint32 n : cluster.nodes)
            if (m_net.hot[n].servable)
                capacity += m_net.hot[n].capacityTb;
        emitEvent(ClusterMonthEvent{month, cluster.id, bookedTb[c], capacity, Amount::fromBaseUnits(bookedValue[c])});
    }
}

QList<ListedPriceChange> Engine::listedPriceChangesSince(size_t from) const
{
    QList<ListedPriceChange> out;
    if (from >= m_priceHistory.size())
        return out;
    out.reserve(static_cast<qsizetype>(m_priceHistory.size() - from));
    for (size_t i = from; i < m_priceHistory.size(); ++i) {
        const PriceChangeRec &r = m_priceHistory[i];
        out.append(ListedPriceChange{r.sequence, m_net.clusters[r.cluster].id, r.first, r.last, r.price >= 0,
                                     r.price >= 0 ? Amount::fromBaseUnits(r.price) : Amount()});
    }
    return out;
}

} // namespace icn
