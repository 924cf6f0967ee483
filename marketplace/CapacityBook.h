#pragma once

#include "Month.h"

#include <QtGlobal>

#include <vector>

namespace icn {

// TB allocated on each HN for each month of a sliding window [base, base + horizon − 1].
// One flat array of nodes × horizon slots (horizon a power of two, slot = month index mod horizon),
// so the months of one HN sit next to each other and a lookup is a multiply, a mask and a load.
class CapacityBook
{
public:
    CapacityBook() = default;
    // `minHorizon` months from `base` must fit; it is rounded up to a power of two.
    void reset(quint32 nodeCount, Month base, qint32 minHorizon);

    quint32 nodeCount() const { return m_nodes; }
    Month base() const { return m_base; }
    qint32 horizon() const { return m_horizon; }
    Month lastCovered() const { return m_base.plus(m_horizon - 1); }
    bool covers(Month first, qint32 months) const { return first >= m_base && first.plus(months - 1) <= lastCovered(); }

    quint32 allocated(quint32 node, Month m) const
    {
        return m_alloc[static_cast<size_t>(node) * m_horizon + (static_cast<quint32>(m.index()) & m_mask)];
    }
    // The largest allocation of the HN over months first..first+months−1 (which must be covered).
    quint32 maxAllocated(quint32 node, Month first, qint32 months) const
    {
        const quint32 *row = m_alloc.data() + static_cast<size_t>(node) * m_horizon;
        quint32 slot = static_cast<quint32>(first.index()) & m_mask;
        quint32 best = 0;
        for (qint32 i = 0; i < months; ++i) {
            best = qMax(best, row[slot]);
            slot = (slot + 1) & m_mask;
        }
        return best;
    }
    void allocate(quint32 node, Month first, qint32 months, quint32 tb);
    void release(quint32 node, Month first, qint32 months, quint32 tb);

    // §6 hardware nodes: one more HN (nothing allocated), and a longer window keeping every allocation.
    void addNode();
    void growHorizon(qint32 minHorizon);

    // Moves the window start to `newBase` (later months only), clearing the slots that leave it.
    void advanceTo(Month newBase);

    size_t memoryBytes() const { return m_alloc.capacity() * sizeof(quint32); }

private:
    std::vector<quint32> m_alloc;
    quint32 m_nodes = 0;
    qint32 m_horizon = 1;
    quint32 m_mask = 0;
    Month m_base;
};

} // namespace icn
