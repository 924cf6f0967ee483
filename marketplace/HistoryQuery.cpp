#include "HistoryQuery.h"

#include "Engine.h"
#include "Market.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>
#include <map>
#include <type_traits>

namespace icn {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("HistoryQuery", text);
}

const Month kFirstMonth = Month::fromYearMonth(1, 1);
const Month kLastMonth = Month::fromYearMonth(9999, 12);

Result<void> checkPoints(qsizetype maxPoints, bool zeroMeansAll)
{
    if ((zeroMeansAll && maxPoints == 0) || maxPoints >= 2)
        return {};
    return Error::make(QStringLiteral("history.bad_points"), tr("A series needs at least 2 points (got %1).").arg(maxPoints),
                       QStringLiteral("points"), {{QStringLiteral("points"), qint64(maxPoints)}});
}

Error badRange(const QString &from, const QString &to)
{
    return Error::make(QStringLiteral("history.bad_range"), tr("The range starts (%1) after it ends (%2).").arg(from, to),
                       QStringLiteral("from"), {{QStringLiteral("from"), from}, {QStringLiteral("to"), to}});
}

// One pass over a long series: the earliest minimum and maximum, the largest magnitude, and
// whether x strictly increases (then a kept point is found back by binary search).
template <typename Y>
struct SeriesFacts
{
    qsizetype lo = 0;
    qsizetype hi = 0;
    Y largest = 0;
    bool increasing = true;
};

template <typename Y>
SeriesFacts<Y> factsOf(const QList<XYPoint<Y>> &points)
{
    SeriesFacts<Y> f;
    const XYPoint<Y> *p = points.constData();
    for (qsizetype i = 1; i < points.size(); ++i) {
        if (p[i].y < p[f.lo].y)
            f.lo = i;
        if (p[i].y > p[f.hi].y)
            f.hi = i;
        f.increasing = f.increasing && p[i].x > p[i - 1].x;
    }
    for (const Y y : {p[f.lo].y, p[f.hi].y, p[0].y})
        f.largest = std::max(f.largest, y < 0 ? ~y : y); // ~y = −y − 1 cannot overflow
    return f;
}

// Converting Int128 to double is a library call, and LTTB converts every point twice. It only
// compares triangle areas, so it runs on a copy shifted right into 62 bits (a common shift keeps
// every area's ratio to about 2^−60) and the chosen points are mapped back to the originals. The
// copy is made in the same pass that finds the extremes, with a 20-bit shift (10^−12 ICNT) that
// suits any price up to 2^82 base units; larger values take a second pass with a wider shift.
Result<QList<AmountPoint>> lttbAmounts(const QList<AmountPoint> &points, qsizetype maxPoints, SeriesFacts<Int128> &facts)
{
    constexpr int kFastShift = 20;
    const qsizetype n = points.size();
    const AmountPoint *p = points.constData();
    QList<SeriesPoint> scaled(n);
    SeriesPoint *q = scaled.data();
    Int128 lo = p[0].y, hi = p[0].y;
    for (qsizetype i = 0; i < n; ++i) {
        const Int128 y = p[i].y;
        q[i] = {p[i].x, static_cast<qint64>(y >> kFastShift)};
        if (y < lo) {
            lo = y;
            facts.lo = i;
        }
        if (y > hi) {
            hi = y;
            facts.hi = i;
        }
        if (i > 0 && p[i].x <= p[i - 1].x)
            facts.increasing = false;
    }
    facts.largest = std::max(lo < 0 ? ~lo : lo, hi < 0 ? ~hi : hi); // ~y = −y − 1 cannot overflow
    if (!facts.increasing)
        return Downsample::lttb(points, maxPoints); // refuses unsorted x, maps duplicates exactly
    if ((facts.largest >> kFastShift) >= (Int128(1) << 62)) {
        int shift = kFastShift;
        while ((facts.largest >> shift) >= (Int128(1) << 62))
            ++shift;
        for (qsizetype i = 0; i < n; ++i)
            q[i].y = static_cast<qint64>(p[i].y >> shift);
    }
    auto picked = Downsample::lttb(scaled, maxPoints);
    if (!picked)
        return picked.error();
    QList<AmountPoint> out;
    out.reserve(picked->size());
    qsizetype j = 0;
    for (const SeriesPoint &s : *picked) {
        j = std::lower_bound(scaled.cbegin() + j, scaled.cend(), s.x, [](const SeriesPoint &a, qint64 x) { return a.x < x; })
            - scaled.cbegin();
        out.append(points[j++]);
    }
    return out;
}

template <typename Y>
Result<QList<XYPoint<Y>>> lineWithExtremes(const QList<XYPoint<Y>> &points, qsizetype maxPoints)
{
    if (maxPoints <= 0 || points.size() <= maxPoints)
        return Downsample::lttb(points, maxPoints); // as it is (or empty), x order still checked
    SeriesFacts<Y> facts;
    Result<QList<XYPoint<Y>>> reduced = QList<XYPoint<Y>>();
    if constexpr (std::is_same_v<Y, Int128>) {
        reduced = lttbAmounts(points, maxPoints, facts);
    } else {
        facts = factsOf(points);
        reduced = Downsample::lttb(points, maxPoints);
    }
    if (!reduced)
        return reduced;
    QList<XYPoint<Y>> out = std::move(*reduced);
    const qsizetype lo = facts.lo, hi = facts.hi;
    const auto isExtreme = [&](const XYPoint<Y> &p) { return p == points[lo] || p == points[hi]; };
    for (const qsizetype e : {lo, hi}) {
        const XYPoint<Y> &extreme = points[e];
        if (std::find(out.cbegin(), out.cend(), extreme) != out.cend())
            continue;
        // Where it goes (x order; after the points with the same x), and the inner point nearest
        // to that place that is not an extreme: it gives up its slot.
        const auto at = std::upper_bound(out.cbegin(), out.cend(), extreme, [](const auto &a, const auto &b) { return a.x < b.x; })
            - out.cbegin();
        qsizetype victim = -1;
        for (qsizetype d = 0; d <= out.size() && victim < 0; ++d) {
            for (const qsizetype j : {at - 1 - d, at + d}) {
                if (j > 0 && j < out.size() - 1 && !isExtreme(out[j])) {
                    victim = j;
                    break;
                }
            }
        }
        if (victim < 0)
            continue; // maxPoints < 4: only first and last fit
        out.removeAt(victim);
        const qsizetype place = victim < at ? at - 1 : at;
        out.insert(place, extreme);
    }
    return out;
}

// An HN's rows merged into per-epoch rows (worst medians of the observed, mean reliability).
void mergeEpochs(std::map<qint64, SlaEpochRow> &byEpoch, std::map<qint64, qint64> &reliabilitySum, const QList<NodeEpochEvent> &rows)
{
    for (const NodeEpochEvent &e : rows) {
        SlaEpochRow &r = byEpoch[e.epoch];
        const bool firstObserved = e.observed && r.observed == 0;
        r.epoch = e.epoch;
        ++r.nodes;
        reliabilitySum[e.epoch] += e.reliabilityPpm;
        if (!e.observed)
            continue;
        ++r.observed;
        if (e.compliant)
            ++r.compliant;
        r.availabilityPpm = firstObserved ? e.availabilityPpm : std::min(r.availabilityPpm, e.availabilityPpm);
        r.latencyMs = firstObserved ? e.latencyMs : std::max(r.latencyMs, e.latencyMs);
        r.bandwidthMbps = firstObserved ? e.bandwidthMbps : std::min(r.bandwidthMbps, e.bandwidthMbps);
    }
}

} // namespace

HistoryQuery::HistoryQuery(const Market &market) : m_store(market.store()), m_engine(market.engine()) {}

Result<QList<SeriesPoint>> HistoryQuery::downsampleLine(const QList<SeriesPoint> &points, qsizetype maxPoints)
{
    return lineWithExtremes(points, maxPoints);
}

Result<QList<AmountPoint>> HistoryQuery::downsampleLine(const QList<AmountPoint> &points, qsizetype maxPoints)
{
    return lineWithExtremes(points, maxPoints);
}

Month HistoryQuery::monthOfEpoch(qint64 epoch)
{
    const QDate d = QDate(1970, 1, 1).addDays(epoch);
    return d.isValid() ? Month::fromYearMonth(d.year(), d.month()) : (epoch < 0 ? kFirstMonth : kLastMonth);
}

Result<qint64> HistoryQuery::parseEpoch(const QString &text, const QString &field)
{
    bool ok = false;
    const qint64 epoch = text.toLongLong(&ok);
    if (ok && epoch >= 0)
        return epoch;
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid() && text.size() == 10)
        return epochOfDate(date);
    return Error::make(QStringLiteral("history.bad_epoch"), tr("%1 is neither an epoch number nor a date YYYY-MM-DD.").arg(text), field);
}

Result<QList<quint32>> HistoryQuery::clustersOf(const QString &scopeId, ScopeKind &kind) const
{
    const NetworkState &net = m_engine.network();
    const ScopeRef *scope = net.findScope(scopeId);
    if (!scope)
        return Error::make(QStringLiteral("history.unknown_scope"), tr("There is no region, zone or cluster %1.").arg(scopeId),
                           QStringLiteral("scope"), {{QStringLiteral("scope"), scopeId}});
    kind = scope->kind;
    std::vector<quint32> scratch;
    const std::vector<quint32> &clusters = net.clustersOf(*scope, scratch);
    QList<quint32> out(clusters.cbegin(), clusters.cend());
    std::sort(out.begin(), out.end()); // by id: the same order whatever the prices
    return out;
}

Result<QList<PriceChangeRow>> HistoryQuery::listedPriceChanges(const QString &scopeId, Month from, Month to) const
{
    if (from > to)
        return badRange(from.toString(), to.toString());
    ScopeKind kind;
    auto clusters = clustersOf(scopeId, kind);
    if (!clusters)
        return clusters.error();
    QList<PriceChangeRow> out;
    for (quint32 c : *clusters) {
        auto rows = m_store.listedPriceHistory(m_engine.network().clusters[c].id, from, to);
        if (!rows)
            return rows.error();
        out.append(*rows);
    }
    std::stable_sort(out.begin(), out.end(), [](const PriceChangeRow &a, const PriceChangeRow &b) { return a.change.sequence < b.change.sequence; });
    return out;
}

Result<PriceHistory> HistoryQuery::prices(const QString &scopeId, Month from, Month to, qsizetype maxPoints) const
{
    if (from > to)
        return badRange(from.toString(), to.toString());
    if (auto ok = checkPoints(maxPoints, false); !ok)
        return ok.error();
    PriceHistory h;
    h.scopeId = scopeId;
    h.from = from;
    h.to = to;
    auto clusters = clustersOf(scopeId, h.scopeKind);
    if (!clusters)
        return clusters.error();
    const auto months = static_cast<size_t>(to.monthsSince(from) + 1);

    // Listed price per month: per cluster the last change covering it; across clusters the lowest.
    std::vector<Int128> best(months, -1);
    // Monthly sums and the clusters' own averages (for the band).
    std::map<qint32, MonthlyPrice> sums;
    std::map<qint32, std::pair<Int128, Int128>> spread; // month → (min, max) of cluster averages
    for (quint32 c : *clusters) {
        const QString &id = m_engine.network().clusters[c].id;
        auto changes = m_store.listedPriceHistory(id, from, to);
        if (!changes)
            return changes.error();
        std::vector<Int128> own(months, -1);
        for (const PriceChangeRow &r : *changes) { // by sequence: later changes overwrite
            const Month first = std::max(r.change.first, from);
            const Month last = std::min(r.change.last, to);
            for (Month m = first; m <= last; m = m.plus(1))
                own[static_cast<size_t>(m.monthsSince(from))] = r.change.hasPrice ? r.change.price.baseUnits() : -1;
        }
        for (size_t i = 0; i < months; ++i)
            if (own[i] >= 0 && (best[i] < 0 || own[i] < best[i]))
                best[i] = own[i];

        auto closed = m_store.clusterMonthHistory(id, from, to);
        if (!closed)
            return closed.error();
        for (const ClusterMonthEvent &e : *closed) {
            MonthlyPrice &s = sums[e.month.index()];
            s.month = e.month;
            s.bookedTb += e.bookedTb;
            s.capacityTb += e.capacityTb;
            s.bookedValue = Amount::fromBaseUnits(s.bookedValue.baseUnits() + e.bookedValue.baseUnits());
            if (e.bookedTb > 0) {
                const Int128 avg = e.bookedValue.baseUnits() / e.bookedTb;
                auto [it, fresh] = spread.try_emplace(e.month.index(), avg, avg);
                if (!fresh) {
                    it->second.first = std::min(it->second.first, avg);
                    it->second.second = std::max(it->second.second, avg);
                }
            }
        }
    }

    // Steps: the first month, every change, and the last month.
    QList<AmountPoint> steps; // y −1: nothing listed
    for (size_t i = 0; i < months; ++i)
        if (i == 0 || i + 1 == months || best[i] != best[i - 1])
            steps.append({from.plus(qint32(i)).index(), best[i]});
    h.listedSteps = steps.size();
    auto reducedSteps = downsampleLine(steps, maxPoints);
    if (!reducedSteps)
        return reducedSteps.error();
    for (const AmountPoint &p : *reducedSteps)
        h.listed.append({Month::fromIndex(qint32(p.x)), p.y >= 0, p.y >= 0 ? Amount::fromBaseUnits(p.y) : Amount()});

    // Monthly rows, reduced by LTTB on the average price (utilisation when nothing was booked).
    QList<MonthlyPrice> rows;
    QList<AmountPoint> line;
    for (auto &[index, s] : sums) {
        s.hasAverage = s.bookedTb > 0;
        if (s.hasAverage)
            s.averagePrice = Amount::fromBaseUnits(s.bookedValue.baseUnits() / s.bookedTb);
        s.utilisationPpm = s.capacityTb > 0 ? s.bookedTb * Amount::kPpm / s.capacityTb : 0;
        rows.append(s);
        line.append({index, s.hasAverage ? s.averagePrice.baseUnits() : Int128(-1)});
    }
    h.closedMonths = rows.size();
    auto picked = downsampleLine(line, maxPoints);
    if (!picked)
        return picked.error();
    qsizetype j = 0;
    for (const MonthlyPrice &r : rows)
        if (j < picked->size() && picked->at(j).x == r.month.index()) {
            h.monthly.append(r);
            ++j;
        }

    if (h.scopeKind != ScopeKind::Cluster && !spread.empty()) {
        QList<AmountPoint> lows, highs;
        for (const auto &[index, mm] : spread) {
            lows.append({index, mm.first});
            highs.append({index, mm.second});
        }
        // Same x and count: the buckets of both bands coincide.
        auto lowBands = Downsample::bands(lows, maxPoints);
        auto highBands = Downsample::bands(highs, maxPoints);
        if (!lowBands || !highBands)
            return lowBands ? highBands.error() : lowBands.error();
        for (qsizetype i = 0; i < lowBands->size(); ++i)
            h.averageBand.append({Month::fromIndex(qint32(lowBands->at(i).xFirst)), Month::fromIndex(qint32(lowBands->at(i).xLast)),
                                  Amount::fromBaseUnits(lowBands->at(i).min), Amount::fromBaseUnits(highBands->at(i).max)});
    }
    return h;
}

Result<SlaHistory> HistoryQuery::nodeSla(const QString &nodeId, qint64 fromEpoch, qint64 toEpoch, qsizetype maxPoints) const
{
    if (!m_engine.network().nodeIndex.contains(nodeId))
        return Error::make(QStringLiteral("history.unknown_node"), tr("There is no hardware node %1.").arg(nodeId), QStringLiteral("hn"),
                           {{QStringLiteral("hn"), nodeId}});
    SlaHistory h;
    h.subject = nodeId;
    h.nodes = {nodeId};
    h.fromEpoch = fromEpoch;
    h.toEpoch = toEpoch;
    return sla(std::move(h), maxPoints);
}

Result<SlaHistory> HistoryQuery::providerSla(const Address &provider, qint64 fromEpoch, qint64 toEpoch, qsizetype maxPoints) const
{
    SlaHistory h;
    h.subject = provider.toChecksummed();
    h.provider = true;
    h.fromEpoch = fromEpoch;
    h.toEpoch = toEpoch;
    for (const NodeRec &n : m_engine.network().nodes)
        if (n.provider == provider)
            h.nodes.append(n.id);
    if (h.nodes.isEmpty())
        return Error::make(QStringLiteral("history.unknown_provider"), tr("%1 runs no hardware node.").arg(h.subject), QStringLiteral("hp"),
                           {{QStringLiteral("hp"), h.subject}});
    h.nodes.sort();
    return sla(std::move(h), maxPoints);
}

Result<SlaHistory> HistoryQuery::sla(SlaHistory h, qsizetype maxPoints) const
{
    if (h.fromEpoch > h.toEpoch)
        return badRange(QString::number(h.fromEpoch), QString::number(h.toEpoch));
    if (auto ok = checkPoints(maxPoints, true); !ok)
        return ok.error();
    const Month fromMonth = monthOfEpoch(h.fromEpoch), toMonth = monthOfEpoch(h.toEpoch);
    std::map<qint64, SlaEpochRow> byEpoch;
    std::map<qint64, qint64> reliabilitySum;
    for (const QString &node : std::as_const(h.nodes)) {
        const NetworkState &net = m_engine.network();
        const QString &clusterId = net.clusters[net.nodes[net.nodeIndex.value(node)].cluster].id;
        auto rows = m_store.nodeEpochHistory(clusterId, node, h.fromEpoch, h.toEpoch);
        if (!rows)
            return rows.error();
        mergeEpochs(byEpoch, reliabilitySum, *rows);
        for (const char *kind : {"slash", "withholding", "reward"}) {
            const bool byEpochRange = qstrcmp(kind, "slash") == 0;
            auto events = m_store.historyEvents(QLatin1String(kind), node, byEpochRange ? h.fromEpoch : 0,
                                                byEpochRange ? h.toEpoch : std::numeric_limits<qint64>::max(),
                                                byEpochRange ? kFirstMonth : fromMonth, byEpochRange ? kLastMonth : toMonth);
            if (!events)
                return events.error();
            for (const EngineEvent &e : *events) {
                if (const auto *s = std::get_if<SlashEvent>(&e.data))
                    h.slashes.append(*s);
                else if (const auto *w = std::get_if<WithholdingEvent>(&e.data))
                    h.withholdings.append(*w);
                else if (const auto *r = std::get_if<RewardEvent>(&e.data))
                    h.rewards.append(*r);
            }
        }
    }
    auto claims = m_store.historyEvents(QStringLiteral("claim"), {}, h.fromEpoch, h.toEpoch, kFirstMonth, kLastMonth);
    if (!claims)
        return claims.error();
    for (const EngineEvent &e : *claims) {
        const auto &claim = std::get<ClaimEvent>(e.data);
        const auto booking = m_engine.booking(claim.bookingId);
        if (booking && std::any_of(booking->slices.cbegin(), booking->slices.cend(),
                                   [&](const Slice &s) { return h.nodes.contains(s.nodeId); }))
            h.claims.append(claim);
    }
    // Several HNs: events in time order (stable, so one HN's order stays).
    std::stable_sort(h.slashes.begin(), h.slashes.end(), [](const auto &a, const auto &b) { return a.epoch < b.epoch; });
    std::stable_sort(h.withholdings.begin(), h.withholdings.end(), [](const auto &a, const auto &b) { return a.month < b.month; });
    std::stable_sort(h.rewards.begin(), h.rewards.end(), [](const auto &a, const auto &b) { return a.month < b.month; });

    QList<SlaEpochRow> rows;
    QList<SeriesPoint> reliability, availability, latency, bandwidth;
    for (auto &[epoch, r] : byEpoch) {
        r.reliabilityPpm = qint32(reliabilitySum[epoch] / r.nodes);
        h.observedEpochs += r.observed;
        h.compliantEpochs += r.compliant;
        rows.append(r);
        reliability.append({epoch, r.reliabilityPpm});
        if (r.observed > 0) {
            availability.append({epoch, r.availabilityPpm});
            latency.append({epoch, r.latencyMs});
            bandwidth.append({epoch, r.bandwidthMbps});
        }
    }
    h.sourceEpochs = rows.size();
    if (maxPoints == 0 || rows.size() <= maxPoints) {
        h.epochs = rows;
    } else {
        auto picked = downsampleLine(reliability, maxPoints);
        if (!picked)
            return picked.error();
        qsizetype j = 0;
        for (const SlaEpochRow &r : rows)
            if (j < picked->size() && picked->at(j).x == r.epoch) {
                h.epochs.append(r);
                ++j;
            }
    }
    // The line keeps the reliability's shape; the bands keep every metric's extremes, so a short
    // latency spike between two picked epochs still shows.
    for (auto [series, out] : {std::pair{&availability, &h.availabilityBand}, std::pair{&latency, &h.latencyBand},
                               std::pair{&bandwidth, &h.bandwidthBand}}) {
        auto band = Downsample::bands(*series, maxPoints == 0 ? series->size() : maxPoints);
        if (!band)
            return band.error();
        *out = *band;
    }
    return h;
}

} // namespace icn
