#include "CapacityBook.h"

namespace icn {

void CapacityBook::reset(quint32 nodeCount, Month base, qint32 minHorizon)
{
    qint32 horizon = 1;
    while (horizon < minHorizon)
        horizon *= 2;
    m_nodes = nodeCount;
    m_horizon = horizon;
    m_mask = static_cast<quint32>(horizon - 1);
    m_base = base;
    m_alloc.assign(static_cast<size_t>(nodeCount) * static_cast<size_t>(horizon), 0);
}

void CapacityBook::allocate(quint32 node, Month first, qint32 months, quint32 tb)
{
    Q_ASSERT(node < m_nodes && covers(first, months));
    quint32 *row = m_alloc.data() + static_cast<size_t>(node) * m_horizon;
    quint32 slot = static_cast<quint32>(first.index()) & m_mask;
    for (qint32 i = 0; i < months; ++i) {
        row[slot] += tb;
        slot = (slot + 1) & m_mask;
    }
}

void CapacityBook::release(quint32 node, Month first, qint32 months, quint32 tb)
{
    Q_ASSERT(node < m_nodes && covers(first, months));
    quint32 *row = m_alloc.data() + static_cast<size_t>(node) * m_horizon;
    quint32 slot = static_cast<quint32>(first.index()) & m_mask;
    for (qint32 i = 0; i < months; ++i) {
        Q_ASSERT(row[slot] >= tb);
        row[slot] -= tb;
        slot = (slot + 1) & m_mask;
    }
}

void CapacityBook::addNode()
{
    m_alloc.resize(m_alloc.size() + static_cast<size_t>(m_horizon), 0);
    ++m_nodes;
}

void CapacityBook::growHorizon(qint32 minHorizon)
{
    if (minHorizon <= m_horizon)
        return;
    CapacityBook grown;
    grown.reset(m_nodes, m_base, minHorizon);
    for (quint32 n = 0; n < m_nodes; ++n)
        for (qint32 i = 0; i < m_horizon; ++i) {
            const Month m = m_base.plus(i);
            grown.m_alloc[static_cast<size_t>(n) * grown.m_horizon + (static_cast<quint32>(m.index()) & grown.m_mask)] =
                allocated(n, m);
        }
    *this = std::move(grown);
}

void CapacityBook::advanceTo(Month newBase)
{
    Q_ASSERT(newBase >= m_base);
    const qint32 steps = qMin(newBase.monthsSince(m_base), m_horizon);
    for (qint32 s = 0; s < steps; ++s) {
        const quint32 slot = static_cast<quint32>(m_base.plus(s).index()) & m_mask;
        for (quint32 n = 0; n < m_nodes; ++n)
            m_alloc[static_cast<size_t>(n) * m_horizon + slot] = 0;
    }
    m_base = newBase;
}

} // namespace icn
