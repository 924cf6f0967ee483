#pragma once

#include "CapacityBook.h"
#include "NetworkState.h"

#include <QVarLengthArray>

namespace icn {

// One HN's part of a candidate assignment.
struct SliceDraft
{
    quint32 node = 0;
    quint32 tb = 0;
};

// A cluster's greedy fill of a request (PROTOCOL.md §4).
struct Fill
{
    quint32 cluster = 0;
    qint64 filledTb = 0;
    Int128 hpCostUnits = 0; // Σ tb × price × D in base units
    bool overflow = false;
    qint64 freeLeftTb = -1; // eligible free TB after the booking; computed only to break ties
    QVarLengthArray<SliceDraft, 16> slices;
};

// Eligibility, ranking and choice of the serving cluster. Reads only; every call is O(HNs looked at).
class Assignment
{
public:
    Assignment(const NetworkState &network, const CapacityBook &book, Month current)
        : m_net(network), m_book(book), m_current(current)
    {
    }

    // §4 per-HN eligibility except "free capacity" (the request-wide rules D ≥ minimum and
    // S ≥ next month are checked by the caller once).
    bool eligible(quint32 node, Month start, qint32 months) const
    {
        const NodeHot &h = m_net.hot[node];
        return h.servable && months <= h.maxDuration && start.monthsSince(m_current) <= h.maxLead
               && h.commitmentEnd > start.index() + months - 1;
    }
    // Free TB of the HN for the whole range (capacity minus its largest allocation in the range).
    qint64 freeTb(quint32 node, Month start, qint32 months) const;
    // Greedy fill down the cluster's ranking; true when the whole size was supplied.
    bool fillCluster(quint32 cluster, qint64 sizeTb, Month start, qint32 months, Fill &out) const;
    // Σ free TB of the cluster's eligible HNs for the range.
    qint64 eligibleFreeTb(quint32 cluster, Month start, qint32 months) const;
    // §4 choice for a cluster, zone or region request. False when no cluster can supply the whole
    // size; `availableTb` then holds the most a single cluster could supply.
    bool assign(const ScopeRef &scope, qint64 sizeTb, Month start, qint32 months, Fill &best, qint64 &availableTb) const;

private:
    bool better(Fill &candidate, Fill &best, Month start, qint32 months) const;

    const NetworkState &m_net;
    const CapacityBook &m_book;
    Month m_current;
};

} // namespace icn
