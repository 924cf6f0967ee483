// The read side of Engine: quotes, capacity views and bookings. Nothing here changes state.
#include "Engine.h"

#include "EngineErrors.h"

#include <QCoreApplication>

namespace icn {

QString scopeKindName(ScopeKind kind)
{
    switch (kind) {
    case ScopeKind::Cluster:
        return QStringLiteral("cluster");
    case ScopeKind::Zone:
        return QStringLiteral("zone");
    case ScopeKind::Region:
        break;
    }
    return QStringLiteral("region");
}

QString bookingStatusName(BookingStatus s)
{
    switch (s) {
    case BookingStatus::Pending:
        return QStringLiteral("pending");
    case BookingStatus::Active:
        return QStringLiteral("active");
    case BookingStatus::Completed:
        break;
    }
    return QStringLiteral("completed");
}

Result<Quote> Engine::quote(const QuoteRequest &request) const
{
    auto planned = plan(request.scopeId, request.sizeTb, request.start, request.months);
    if (!planned)
        return planned.error();
    const Plan &p = *planned;
    const ClusterRec &cluster = m_net.clusters[p.fill.cluster];
    const ZoneRec &zone = m_net.zones[cluster.zone];
    Quote q;
    q.scopeId = request.scopeId;
    q.scopeKind = p.scope.kind;
    q.clusterId = cluster.id;
    q.zoneId = zone.id;
    q.regionId = m_net.regions[zone.region].id;
    q.sizeTb = request.sizeTb;
    q.start = request.start;
    q.months = request.months;
    for (const SliceDraft &d : p.fill.slices) {
        const NodeRec &n = m_net.nodes[d.node];
        q.slices.append(Slice{n.id, n.provider, d.tb, n.price, *Pricing::sliceCost(d.tb, n.price, request.months)});
    }
    q.hpCost = p.cost.hpCost;
    q.marginPpm = m_net.marginPpmOfCluster(p.fill.cluster);
    q.margin = p.cost.margin;
    q.total = p.cost.total;
    const Assignment assignment(m_net, m_book, m_current);
    q.freeLeftTb = assignment.eligibleFreeTb(p.fill.cluster, request.start, request.months) - request.sizeTb;
    return q;
}

CapacityView Engine::nodeView(quint32 node, MonthRange range) const
{
    const NodeRec &n = m_net.nodes[node];
    const NodeHot &h = m_net.hot[node];
    CapacityView v;
    v.scopeId = n.id;
    v.range = range;
    qint64 whole = h.servable ? static_cast<qint64>(h.capacityTb) : 0;
    for (qint32 i = 0; i < range.months; ++i) {
        const Month m = range.first.plus(i);
        const bool serves = h.servable && h.commitmentEnd > m.index();
        const qint64 used = allocatedAt(node, m);
        const qint64 free = serves ? qMax<qint64>(0, h.capacityTb - used) : 0;
        v.freeTbPerMonth.append(free);
        v.totalTbPerMonth.append(serves ? h.capacityTb : 0);
        whole = qMin(whole, free);
    }
    v.freeTbWholeRange = whole;
    const Assignment assignment(m_net, m_book, m_current);
    if (whole > 0 && assignment.eligible(node, range.first, range.months)) {
        v.hasListedPrice = true;
        v.listedPrice = n.price;
    }
    return v;
}

CapacityView Engine::viewOf(const ScopeRef &scope, MonthRange range, bool withChildren) const
{
    CapacityView v;
    v.scopeKind = scope.kind;
    v.range = range;
    v.freeTbPerMonth = QList<qint64>(range.months, 0);
    v.totalTbPerMonth = QList<qint64>(range.months, 0);
    const auto add = [&v](const CapacityView &child) {
        for (qint32 i = 0; i < v.range.months; ++i) {
            v.freeTbPerMonth[i] += child.freeTbPerMonth[i];
            v.totalTbPerMonth[i] += child.totalTbPerMonth[i];
        }
        v.freeTbWholeRange += child.freeTbWholeRange;
        // Best ask: the cheapest listed price among the parts.
        if (child.hasListedPrice && (!v.hasListedPrice || child.listedPrice < v.listedPrice)) {
            v.hasListedPrice = true;
            v.listedPrice = child.listedPrice;
        }
    };
    switch (scope.kind) {
    case ScopeKind::Cluster: {
        const ClusterRec &c = m_net.clusters[scope.index];
        v.scopeId = c.id;
        for (quint32 n : c.nodes) {
            CapacityView child = nodeView(n, range);
            add(child);
            if (withChildren)
                v.children.append(std::move(child));
        }
        break;
    }
    case ScopeKind::Zone: {
        const ZoneRec &z = m_net.zones[scope.index];
        v.scopeId = z.id;
        for (quint32 c : z.clusters) {
            CapacityView child = viewOf(ScopeRef{ScopeKind::Cluster, c}, range, false);
            add(child);
            if (withChildren)
                v.children.append(std::move(child));
        }
        break;
    }
    case ScopeKind::Region: {
        const RegionRec &r = m_net.regions[scope.index];
        v.scopeId = r.id;
        for (quint32 z : r.zones) {
            CapacityView child = viewOf(ScopeRef{ScopeKind::Zone, z}, range, false);
            add(child);
            if (withChildren)
                v.children.append(std::move(child));
        }
        break;
    }
    }
    return v;
}

Result<CapacityView> Engine::capacity(const QString &scopeId, MonthRange range) const
{
    const ScopeRef *scope = m_net.findScope(scopeId);
    if (!scope)
        return Error::make(QStringLiteral("capacity.unknown_scope"),
                           QCoreApplication::translate("Engine", "No cluster, zone or region is called \"%1\".").arg(scopeId),
                           QStringLiteral("scope"));
    if (range.months < 1 || range.months > NetworkState::kMaxNodeMonths || range.first.monthsSince(m_current) < -1200
        || range.first.monthsSince(m_current) > 1200)
        return Error::make(QStringLiteral("capacity.bad_range"),
                           QCoreApplication::translate("Engine", "A range covers 1 to %1 months within 100 years of now.")
                               .arg(NetworkState::kMaxNodeMonths),
                           QStringLiteral("months"));
    return viewOf(*scope, range, true);
}

BookingInfo Engine::infoOf(quint64 index) const
{
    const BookingRec &b = m_bookings[index];
    BookingInfo info;
    info.id = index + 1;
    info.sp = m_ledger.account(b.spAccount).address;
    info.status = b.completed ? BookingStatus::Completed
                              : (m_current >= b.start ? BookingStatus::Active : BookingStatus::Pending);
    info.scopeKind = b.scope.kind;
    switch (b.scope.kind) {
    case ScopeKind::Cluster:
        info.scopeId = m_net.clusters[b.scope.index].id;
        break;
    case ScopeKind::Zone:
        info.scopeId = m_net.zones[b.scope.index].id;
        break;
    case ScopeKind::Region:
        info.scopeId = m_net.regions[b.scope.index].id;
        break;
    }
    info.clusterId = m_net.clusters[b.cluster].id;
    info.sizeTb = b.sizeTb;
    info.start = b.start;
    info.months = b.months;
    info.bookedInMonth = b.bookedIn;
    info.hpCost = b.hpCost;
    info.margin = b.margin;
    info.total = b.total;
    info.averagePrice = *b.hpCost.div(static_cast<Int128>(b.sizeTb) * b.months);
    for (quint32 s = b.firstSlice; s < b.firstSlice + b.sliceCount; ++s) {
        const SliceRec &slice = m_slices[s];
        const NodeRec &n = m_net.nodes[slice.node];
        info.escrowLeft = *info.escrowLeft.add(slice.escrowLeft);
        info.slices.append(Slice{n.id, n.provider, slice.tb, slice.price, *Pricing::sliceCost(slice.tb, slice.price, b.months)});
    }
    return info;
}

QList<BookingInfo> Engine::bookings(const Address &spOrNull) const
{
    QList<BookingInfo> out;
    const qint64 sp = spOrNull.isNull() ? -1 : m_ledger.find(spOrNull);
    if (!spOrNull.isNull() && sp < 0)
        return out;
    for (quint64 i = 0; i < m_bookings.size(); ++i)
        if (sp < 0 || m_bookings[i].spAccount == static_cast<quint32>(sp))
            out.append(infoOf(i));
    return out;
}

std::optional<BookingInfo> Engine::booking(quint64 id) const
{
    if (id == 0 || id > m_bookings.size())
        return std::nullopt;
    return infoOf(id - 1);
}

} // namespace icn
