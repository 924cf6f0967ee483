#include "FakeMarketService.h"

#include "Collateral.h"

#include "StatusText.h"

#include <QDate>

#include <algorithm>

namespace icn::ui {

namespace {

// Amounts in the fake are small; overflow would be a bug in the fixture.
Amount must(const Result<Amount> &r)
{
    Q_ASSERT(r.ok());
    return r.ok() ? r.value() : Amount();
}

Amount icnt(const char *text)
{
    return must(Amount::parse(QString::fromLatin1(text)));
}

Address fixedAddress(char byte)
{
    return Address::fromBytes(QByteArray(20, byte)).value();
}

QString statusText(NodeStatus s)
{
    switch (s) {
    case NodeStatus::Registered: return QStringLiteral("Registered");
    case NodeStatus::Active: return QStringLiteral("Active");
    case NodeStatus::Jailed: return QStringLiteral("Jailed");
    case NodeStatus::Offboarded: return QStringLiteral("Offboarded");
    }
    return {};
}

ScopeNode scopeNode(ScopeKind kind, const QString &id, const QString &parentId, const QString &name)
{
    ScopeNode s;
    s.kind = kind;
    s.id = id;
    s.parentId = parentId;
    s.name = name;
    return s;
}

} // namespace

FakeMarketService::FakeMarketService(QObject *parent)
    : MarketService(parent)
{
    buildNetwork();
}

Address FakeMarketService::demoSp() { return fixedAddress('\x5a'); }
Address FakeMarketService::demoHp() { return fixedAddress('\x4b'); }
SecureBytes FakeMarketService::demoSpKey() { return SecureBytes(QByteArray(32, '\x11')); }

void FakeMarketService::buildNetwork()
{
    m_net.name = QStringLiteral("ICN demo network");
    m_net.currentMonth = Month::fromYearMonth(2026, 11);
    m_net.params.regionMarginPpm.insert(QStringLiteral("NAE"), 200'000);
    m_epoch = QDate(1970, 1, 1).daysTo(QDate(2026, 11, 20));

    m_net.regions = {{QStringLiteral("EUW"), QStringLiteral("Europe West")},
                     {QStringLiteral("NAE"), QStringLiteral("North America East")}};
    m_net.zones = {{QStringLiteral("EUW-FRA"), QStringLiteral("EUW"), QStringLiteral("Frankfurt")},
                   {QStringLiteral("EUW-AMS"), QStringLiteral("EUW"), QStringLiteral("Amsterdam")},
                   {QStringLiteral("NAE-NYC"), QStringLiteral("NAE"), QStringLiteral("New York")}};
    const auto addCluster = [this](const char *id, const char *zone, const char *maxPrice) {
        Cluster c;
        c.id = QString::fromLatin1(id);
        c.zoneId = QString::fromLatin1(zone);
        c.name = c.id;
        c.hardwareClass = QStringLiteral("hdd-standard");
        c.maxClusterPrice = icnt(maxPrice);
        m_net.clusters.append(c);
    };
    addCluster("FRA-1", "EUW-FRA", "3.0");
    addCluster("FRA-2", "EUW-FRA", "3.2");
    addCluster("FRA-3", "EUW-FRA", "3.0");
    addCluster("AMS-1", "EUW-AMS", "3.5");
    addCluster("NYC-1", "NAE-NYC", "4.0");

    m_net.providers = {{demoHp(), QStringLiteral("Rhein Storage GmbH")}};
    addNode(QStringLiteral("FRA-1"), 1, 800, "2.8", 48, 995'000);
    addNode(QStringLiteral("FRA-1"), 2, 600, "2.9", 36, 970'000);
    addNode(QStringLiteral("FRA-2"), 1, 1000, "2.6", 48, 930'000);
    addNode(QStringLiteral("FRA-3"), 1, 400, "2.5", 26, 990'000); // commitment ends 2027-02
    addNode(QStringLiteral("FRA-3"), 2, 500, "2.7", 48, 960'000);
    addNode(QStringLiteral("FRA-3"), 3, 700, "2.75", 48, 880'000);
    addNode(QStringLiteral("AMS-1"), 1, 1200, "3.1", 60, 985'000);
    addNode(QStringLiteral("AMS-1"), 2, 800, "3.3", 36, 940'000);
    addNode(QStringLiteral("NYC-1"), 1, 1500, "3.6", 48, 975'000);
    addNode(QStringLiteral("NYC-1"), 2, 1000, "3.4", 48, 950'000);
    m_net.nodes[5].status = NodeStatus::Jailed; // FRA-3-N03
    m_net.nodes[6].maxLeadMonths = 12;          // AMS-1-N01 sells further ahead

    preBook(QStringLiteral("FRA-1-N01"), 200, {Month::fromYearMonth(2026, 11), 4});
    preBook(QStringLiteral("FRA-2-N01"), 700, {Month::fromYearMonth(2026, 12), 6});
    preBook(QStringLiteral("AMS-1-N01"), 600, {Month::fromYearMonth(2027, 1), 6});
    preBook(QStringLiteral("NYC-1-N02"), 250, {Month::fromYearMonth(2026, 10), 12});

    addAccount(demoSp(), QStringLiteral("Demo SP"), Amount::fromIcnt(25'000));
    addAccount(demoHp(), QStringLiteral("Rhein Storage GmbH"), Amount::fromIcnt(1'000));
}

void FakeMarketService::addNode(const QString &clusterId, int index, qint64 capacityTb, const char *price,
                                qint32 commitmentMonths, qint64 reliabilityPpm)
{
    HardwareNode n;
    n.id = QStringLiteral("%1-N%2").arg(clusterId).arg(index, 2, 10, QLatin1Char('0'));
    n.clusterId = clusterId;
    n.provider = demoHp();
    n.capacityTb = capacityTb;
    n.reservationPrice = icnt(price);
    n.registeredMonth = Month::fromYearMonth(2025, 1);
    n.commitmentEnd = n.registeredMonth.plus(commitmentMonths - 1);
    n.maxDurationMonths = 12;
    n.maxLeadMonths = 6;
    n.status = NodeStatus::Active;
    const Cluster *c = cluster(clusterId);
    n.collateral = c ? must(c->maxClusterPrice.mul(6 * capacityTb)) : Amount();
    m_reliabilityPpm.insert(n.id, reliabilityPpm);
    m_net.nodes.append(n);
}

void FakeMarketService::preBook(const QString &nodeId, qint64 sizeTb, MonthRange range)
{
    for (qint32 i = 0; i < range.months; ++i)
        m_allocations[nodeId][range.first.plus(i).index()] += sizeTb;
}

// --- test hooks ---

void FakeMarketService::setReservationPrice(const QString &nodeId, Amount price)
{
    for (HardwareNode &n : m_net.nodes)
        if (n.id == nodeId)
            n.reservationPrice = price;
    emit stateChanged();
}

void FakeMarketService::setBalance(const Address &account, Amount amount)
{
    m_balances.insert(account, amount);
    emit stateChanged();
}

void FakeMarketService::setCollateral(const QString &nodeId, Amount collateral)
{
    for (HardwareNode &n : m_net.nodes)
        if (n.id == nodeId)
            n.collateral = collateral;
    emit stateChanged();
}

void FakeMarketService::setNodeStatus(const QString &nodeId, NodeStatus status)
{
    for (HardwareNode &n : m_net.nodes)
        if (n.id == nodeId)
            n.status = status;
    emit stateChanged();
}

void FakeMarketService::setCurrentMonth(Month month)
{
    m_net.currentMonth = month;
    emit stateChanged();
}

void FakeMarketService::addAccount(const Address &account, const QString &label, Amount amount)
{
    m_labels.insert(account, label);
    m_balances.insert(account, amount);
}

void FakeMarketService::setAccountKey(const Address &account, const SecureBytes &privateKey)
{
    m_keys.insert(account, privateKey);
}

// --- lookups ---

const HardwareNode *FakeMarketService::node(const QString &id) const
{
    for (const HardwareNode &n : m_net.nodes)
        if (n.id == id)
            return &n;
    return nullptr;
}

const Cluster *FakeMarketService::cluster(const QString &id) const
{
    for (const Cluster &c : m_net.clusters)
        if (c.id == id)
            return &c;
    return nullptr;
}

QString FakeMarketService::regionOf(const QString &clusterId) const
{
    const Cluster *c = cluster(clusterId);
    for (const Zone &z : m_net.zones)
        if (c && z.id == c->zoneId)
            return z.regionId;
    return {};
}

QStringList FakeMarketService::clustersIn(const QString &scopeId) const
{
    QStringList out;
    for (const Cluster &c : m_net.clusters) {
        const bool inZone = c.zoneId == scopeId;
        const bool inRegion = regionOf(c.id) == scopeId;
        if (c.id == scopeId || inZone || inRegion)
            out.append(c.id);
    }
    if (out.isEmpty())
        if (const HardwareNode *n = node(scopeId))
            out.append(n->clusterId);
    return out;
}

qint64 FakeMarketService::allocated(const QString &nodeId, Month month) const
{
    return m_allocations.value(nodeId).value(month.index(), 0);
}

qint64 FakeMarketService::freeTb(const HardwareNode &n, MonthRange range) const
{
    qint64 maxAllocated = 0;
    for (qint32 i = 0; i < range.months; ++i)
        maxAllocated = std::max(maxAllocated, allocated(n.id, range.first.plus(i)));
    return std::max<qint64>(0, n.capacityTb - maxAllocated);
}

QString FakeMarketService::ineligibility(const HardwareNode &n, qint64 sizeTb, MonthRange range) const
{
    Q_UNUSED(sizeTb)
    if (n.status != NodeStatus::Active)
        return tr("status is %1").arg(StatusText::node(statusText(n.status)));
    if (const Cluster *c = cluster(n.clusterId)) {
        const Result<Amount> required = Collateral::required(c->maxClusterPrice, n.capacityTb, m_net.params);
        const Amount threshold = required ? Collateral::jailThreshold(*required, m_net.params) : Amount();
        if (n.collateral < threshold)
            return tr("under-collateralised: %1 deposited, %2 needed to serve")
                .arg(n.collateral.toDisplayString(), threshold.toDisplayString());
    }
    if (range.months < m_net.params.minBookingMonths)
        return tr("bookings last at least %1 months").arg(m_net.params.minBookingMonths);
    if (range.months > n.maxDurationMonths)
        return tr("accepts at most %1 months per booking").arg(n.maxDurationMonths);
    const qint32 lead = range.first.monthsSince(m_net.currentMonth);
    if (lead < 1)
        return tr("bookings start next month at the earliest");
    if (lead > n.maxLeadMonths)
        return tr("sells at most %1 months ahead").arg(n.maxLeadMonths);
    if (n.commitmentEnd <= range.last())
        return tr("commitment ends %1").arg(n.commitmentEnd.toString());
    if (freeTb(n, range) <= 0) {
        for (qint32 i = 0; i < range.months; ++i) {
            const Month m = range.first.plus(i);
            if (allocated(n.id, m) >= n.capacityTb)
                return tr("no free capacity in %1").arg(m.toString());
        }
    }
    return {};
}

// --- reading ---

QString FakeMarketService::networkName() const { return m_net.name; }
Month FakeMarketService::currentMonth() const { return m_net.currentMonth; }
qint64 FakeMarketService::currentEpoch() const { return m_epoch; }

std::optional<Amount> FakeMarketService::listedPrice(const QStringList &clusterIds, MonthRange range) const
{
    std::optional<Amount> best;
    for (const HardwareNode &n : m_net.nodes) {
        if (!clusterIds.contains(n.clusterId) || !ineligibility(n, 1, range).isEmpty() || freeTb(n, range) <= 0)
            continue;
        if (!best || n.reservationPrice < *best)
            best = n.reservationPrice;
    }
    return best;
}

QList<ScopeNode> FakeMarketService::scopeTree(MonthRange range) const
{
    QList<ScopeNode> out;
    const auto aggregate = [&](ScopeNode &s, const QStringList &clusterIds) {
        qint64 reliabilitySum = 0;
        int count = 0;
        for (const HardwareNode &n : m_net.nodes) {
            if (!clusterIds.contains(n.clusterId))
                continue;
            s.capacityTb += n.capacityTb;
            s.freeTb += freeTb(n, range);
            reliabilitySum += m_reliabilityPpm.value(n.id);
            ++count;
        }
        s.reliabilityPpm = count ? reliabilitySum / count : 900'000;
        s.listedPrice = listedPrice(clusterIds, range);
    };
    for (const Region &r : m_net.regions) {
        ScopeNode s = scopeNode(ScopeKind::Region, r.id, {}, r.name);
        aggregate(s, clustersIn(r.id));
        out.append(s);
        for (const Zone &z : m_net.zones) {
            if (z.regionId != r.id)
                continue;
            ScopeNode zs = scopeNode(ScopeKind::Zone, z.id, r.id, z.name);
            aggregate(zs, clustersIn(z.id));
            out.append(zs);
            for (const Cluster &c : m_net.clusters) {
                if (c.zoneId != z.id)
                    continue;
                ScopeNode cs = scopeNode(ScopeKind::Cluster, c.id, z.id, c.name);
                cs.maxClusterPrice = c.maxClusterPrice;
                aggregate(cs, {c.id});
                out.append(cs);
                for (const HardwareNode &n : m_net.nodes) {
                    if (n.clusterId != c.id)
                        continue;
                    ScopeNode ns = scopeNode(ScopeKind::Node, n.id, c.id, n.id);
                    ns.capacityTb = n.capacityTb;
                    ns.freeTb = freeTb(n, range);
                    if (ineligibility(n, 1, range).isEmpty() && ns.freeTb > 0)
                        ns.listedPrice = n.reservationPrice;
                    ns.maxClusterPrice = c.maxClusterPrice;
                    ns.reservationPrice = n.reservationPrice;
                    ns.reliabilityPpm = m_reliabilityPpm.value(n.id);
                    ns.status = statusText(n.status);
                    ns.providerLabel = m_labels.value(n.provider);
                    out.append(ns);
                }
            }
        }
    }
    return out;
}

Result<QuoteResult> FakeMarketService::quoteCluster(const QString &clusterId, qint64 sizeTb, MonthRange range) const
{
    QList<const HardwareNode *> eligible;
    for (const HardwareNode &n : m_net.nodes)
        if (n.clusterId == clusterId && ineligibility(n, sizeTb, range).isEmpty() && freeTb(n, range) > 0)
            eligible.append(&n);
    // PROTOCOL.md §4 ranking: price, longer commitment, reliability, id.
    std::sort(eligible.begin(), eligible.end(), [this](const HardwareNode *a, const HardwareNode *b) {
        if (a->reservationPrice != b->reservationPrice)
            return a->reservationPrice < b->reservationPrice;
        if (a->commitmentEnd != b->commitmentEnd)
            return a->commitmentEnd > b->commitmentEnd;
        const qint64 ra = m_reliabilityPpm.value(a->id), rb = m_reliabilityPpm.value(b->id);
        if (ra != rb)
            return ra > rb;
        return a->id < b->id;
    });
    QuoteResult q;
    q.clusterId = clusterId;
    q.sizeTb = sizeTb;
    q.range = range;
    qint64 remaining = sizeTb;
    for (const HardwareNode *n : eligible) {
        if (remaining == 0)
            break;
        const qint64 take = std::min(freeTb(*n, range), remaining);
        q.slices.append({n->id, take, n->reservationPrice});
        q.hpCost = must(q.hpCost.add(must(n->reservationPrice.mul(static_cast<Int128>(take) * range.months))));
        remaining -= take;
    }
    if (remaining > 0)
        return Error::make(QStringLiteral("booking.insufficient_capacity"),
                           tr("%1 can supply only %2 TB for the whole range.").arg(clusterId).arg(sizeTb - remaining),
                           QStringLiteral("sizeTb"), {{QStringLiteral("requested"), QString::number(sizeTb)}, {QStringLiteral("available"), QString::number(sizeTb - remaining)}});
    q.marginPpm = m_net.params.marginPpmFor(regionOf(clusterId));
    q.margin = must(q.hpCost.mulPpm(q.marginPpm));
    q.total = must(q.hpCost.add(q.margin));
    return q;
}

qint64 FakeMarketService::freeAfter(const QuoteResult &q, MonthRange range) const
{
    qint64 free = 0;
    for (const HardwareNode &n : m_net.nodes)
        if (n.clusterId == q.clusterId && ineligibility(n, q.sizeTb, range).isEmpty())
            free += freeTb(n, range);
    return free - q.sizeTb;
}

Result<QuoteResult> FakeMarketService::quote(const QString &scopeId, qint64 sizeTb, MonthRange range) const
{
    if (node(scopeId))
        return Error::make(QStringLiteral("booking.scope_not_bookable"),
                           tr("A service provider cannot pick a hardware node; book its cluster instead."),
                           QStringLiteral("scope"));
    const QStringList clusterIds = clustersIn(scopeId);
    if (clusterIds.isEmpty())
        return Error::make(QStringLiteral("booking.unknown_scope"), tr("There is no region, zone or cluster \"%1\".").arg(scopeId),
                           QStringLiteral("scope"));
    if (sizeTb <= 0)
        return Error::make(QStringLiteral("booking.bad_size"), tr("The size must be at least 1 TB."), QStringLiteral("sizeTb"));
    const BookingLimits limits = bookingLimits();
    if (range.months < limits.minDurationMonths || range.months > limits.maxDurationMonths)
        return Error::make(range.months < limits.minDurationMonths ? QStringLiteral("booking.duration_too_short")
                                                                   : QStringLiteral("booking.duration_too_long"),
                           tr("A booking lasts %1 to %2 months.").arg(limits.minDurationMonths).arg(limits.maxDurationMonths),
                           QStringLiteral("months"),
                           {{QStringLiteral("minimum"), QString::number(limits.minDurationMonths)},
                            {QStringLiteral("maximum"), QString::number(limits.maxDurationMonths)}});
    const qint32 lead = range.first.monthsSince(m_net.currentMonth);
    if (lead < 1 || lead > limits.maxLeadMonths)
        return Error::make(lead < 1 ? QStringLiteral("booking.start_too_early") : QStringLiteral("booking.lead_too_long"),
                           tr("A booking starts between %1 and %2.")
                               .arg(m_net.currentMonth.plus(1).toString(), m_net.currentMonth.plus(limits.maxLeadMonths).toString()),
                           QStringLiteral("startMonth"));

    // Zone and region requests: cheapest total, then more free capacity left, then id (§4).
    std::optional<QuoteResult> best;
    qint64 bestLeft = 0;
    qint64 available = 0;
    for (const QString &id : clusterIds) {
        Result<QuoteResult> q = quoteCluster(id, sizeTb, range);
        if (!q) {
            available = std::max(available, q.error().details.value(QStringLiteral("available")).toLongLong());
            continue;
        }
        const qint64 left = freeAfter(*q, range);
        const bool better = !best || q->total < best->total
            || (q->total == best->total && (left > bestLeft || (left == bestLeft && id < best->clusterId)));
        if (better) {
            best = *q;
            bestLeft = left;
        }
    }
    if (!best)
        return Error::make(QStringLiteral("booking.insufficient_capacity"),
                           tr("No cluster in %1 can supply %2 TB for the whole range; at most %3 TB is available.")
                               .arg(scopeId).arg(sizeTb).arg(available),
                           QStringLiteral("sizeTb"), {{QStringLiteral("requested"), QString::number(sizeTb)}, {QStringLiteral("available"), QString::number(available)}});
    best->scopeId = scopeId;
    return *best;
}

QList<Exclusion> FakeMarketService::explainExclusions(const QString &scopeId, qint64 sizeTb, MonthRange range) const
{
    QList<Exclusion> out;
    const Result<QuoteResult> chosen = quote(scopeId, sizeTb, range);
    for (const QString &clusterId : clustersIn(scopeId)) {
        qint64 clusterFree = 0;
        for (const HardwareNode &n : m_net.nodes) {
            if (n.clusterId != clusterId)
                continue;
            const QString why = ineligibility(n, sizeTb, range);
            if (!why.isEmpty())
                out.append({clusterId, n.id, why});
            else if (freeTb(n, range) <= 0)
                out.append({clusterId, n.id, tr("no free capacity for the whole range")});
            else
                clusterFree += freeTb(n, range);
        }
        if (clusterFree < sizeTb)
            out.append({clusterId, {}, tr("only %1 TB free on eligible nodes; a booking never spans clusters").arg(clusterFree)});
        else if (chosen && chosen->clusterId != clusterId)
            out.append({clusterId, {}, tr("%1 is cheaper for this booking").arg(chosen->clusterId)});
        else if (chosen && chosen->clusterId == clusterId) {
            for (const HardwareNode &n : m_net.nodes) {
                const bool used = std::any_of(chosen->slices.cbegin(), chosen->slices.cend(),
                                              [&n](const QuoteSlice &s) { return s.nodeId == n.id; });
                if (n.clusterId == clusterId && !used && ineligibility(n, sizeTb, range).isEmpty() && freeTb(n, range) > 0)
                    out.append({clusterId, n.id, tr("not needed: cheaper or longer-committed nodes fill the booking")});
            }
        }
    }
    return out;
}

QList<CapacityPoint> FakeMarketService::capacityByMonth(const QString &scopeId, MonthRange range) const
{
    const QStringList clusterIds = clustersIn(scopeId);
    const HardwareNode *only = node(scopeId);
    QList<CapacityPoint> out;
    for (qint32 i = 0; i < range.months; ++i) {
        CapacityPoint p;
        p.month = range.first.plus(i);
        for (const HardwareNode &n : m_net.nodes) {
            if ((only && n.id != only->id) || !clusterIds.contains(n.clusterId))
                continue;
            p.capacityTb += n.capacityTb;
            p.bookedTb += std::min(n.capacityTb, allocated(n.id, p.month));
        }
        out.append(p);
    }
    return out;
}

QList<AskLevel> FakeMarketService::askLadder(const QString &clusterId, MonthRange range) const
{
    QMap<Amount, qint64> levels;
    for (const HardwareNode &n : m_net.nodes)
        if (n.clusterId == clusterId && ineligibility(n, 1, range).isEmpty() && freeTb(n, range) > 0)
            levels[n.reservationPrice] += freeTb(n, range);
    QList<AskLevel> out;
    for (auto it = levels.cbegin(); it != levels.cend(); ++it)
        out.append({it.key(), it.value()});
    return out;
}

Amount FakeMarketService::balance(const Address &account) const { return m_balances.value(account); }

QList<AccountInfo> FakeMarketService::accounts() const
{
    QList<AccountInfo> out;
    for (auto it = m_labels.cbegin(); it != m_labels.cend(); ++it)
        out.append({it.key(), it.value()});
    std::sort(out.begin(), out.end(), [](const AccountInfo &a, const AccountInfo &b) { return a.label < b.label; });
    return out;
}

BookingLimits FakeMarketService::bookingLimits() const
{
    BookingLimits l;
    l.minDurationMonths = m_net.params.minBookingMonths;
    l.maxDurationMonths = 0;
    l.maxLeadMonths = 0;
    for (const HardwareNode &n : m_net.nodes) {
        l.maxDurationMonths = std::max(l.maxDurationMonths, n.maxDurationMonths);
        l.maxLeadMonths = std::max(l.maxLeadMonths, n.maxLeadMonths);
    }
    return l;
}

QList<BookingRow> FakeMarketService::bookings(const Address &sp) const
{
    QList<BookingRow> out;
    for (const BookingRow &b : m_bookings)
        if (b.sp == sp)
            out.append(b);
    return out;
}

// --- transactions ---

std::optional<BookingRow> FakeMarketService::booking(const QString &id) const
{
    for (const BookingRow &b : m_bookings)
        if (b.id == id)
            return b;
    return std::nullopt;
}

std::optional<SigningTerms> FakeMarketService::signingTerms(const Address &sp) const
{
    return SigningTerms{m_nonces.value(sp), m_net.currentMonth};
}

Result<BookingRow> FakeMarketService::book(const BookingDraft &draft, const SecureBytes &privateKey)
{
    if (privateKey.isEmpty() || (m_keys.contains(draft.sp) && !(m_keys.value(draft.sp) == privateKey)))
        return Error::make(QStringLiteral("booking.bad_signature"), tr("The signature does not match the SP account."),
                           QStringLiteral("signature"));
    // Like the engine: the nonce must be the account's next one, the deadline not passed.
    if (draft.nonce && *draft.nonce != m_nonces.value(draft.sp))
        return Error::make(QStringLiteral("booking.bad_nonce"),
                           tr("Expected nonce %1, got %2.").arg(m_nonces.value(draft.sp)).arg(*draft.nonce), QStringLiteral("nonce"),
                           {{QStringLiteral("expected"), QString::number(m_nonces.value(draft.sp))},
                            {QStringLiteral("got"), QString::number(*draft.nonce)}});
    if (draft.deadline && *draft.deadline < m_net.currentMonth)
        return Error::make(QStringLiteral("booking.deadline_passed"),
                           tr("The deadline %1 has passed (current month %2).")
                               .arg(draft.deadline->toString(), m_net.currentMonth.toString()),
                           QStringLiteral("deadline"));
    Result<QuoteResult> q = quote(draft.scopeId, draft.sizeTb, draft.range);
    if (!q)
        return q.error();
    if (q->total != draft.quotedTotal)
        return Error::make(QStringLiteral("booking.price_changed"),
                           tr("The price changed since the quote."), QStringLiteral("quotedTotal"),
                           {{QStringLiteral("quoted"), draft.quotedTotal.toStorage()},
                            {QStringLiteral("actual"), q->total.toStorage()}});
    const Amount have = balance(draft.sp);
    if (have < q->total)
        return Error::make(QStringLiteral("booking.insufficient_balance"), tr("The balance does not cover the total."),
                           QStringLiteral("balance"),
                           {{QStringLiteral("balance"), have.toStorage()}, {QStringLiteral("cost"), q->total.toStorage()}});

    m_balances.insert(draft.sp, must(have.sub(q->total)));
    BookingRow row;
    row.id = QStringLiteral("B-%1").arg(m_bookings.size() + 1, 4, 10, QLatin1Char('0'));
    row.status = draft.range.first > m_net.currentMonth ? QStringLiteral("Pending") : QStringLiteral("Active");
    row.sp = draft.sp;
    row.scopeId = draft.scopeId;
    row.clusterId = q->clusterId;
    row.sizeTb = draft.sizeTb;
    row.range = draft.range;
    row.total = q->total;
    row.escrowLeft = q->hpCost;
    for (const QuoteSlice &s : q->slices) {
        row.nodeIds.append(s.nodeId);
        preBook(s.nodeId, s.sizeTb, draft.range);
    }
    m_bookings.append(row);
    m_nonces[draft.sp] += 1;
    appendActivity(QStringLiteral("book"), draft.sp,
                   tr("%1 booked %2 TB in %3 for %4").arg(row.id).arg(row.sizeTb).arg(row.clusterId, row.total.toDisplayString()));
    emit stateChanged();
    return row;
}

Result<void> FakeMarketService::transfer(const Address &from, const Address &to, Amount amount, const SecureBytes &privateKey)
{
    if (privateKey.isEmpty())
        return Error::make(QStringLiteral("transfer.bad_signature"), tr("The transfer is not signed."), QStringLiteral("signature"));
    if (amount <= Amount() || balance(from) < amount)
        return Error::make(QStringLiteral("transfer.insufficient_balance"), tr("The balance does not cover the amount."),
                           QStringLiteral("amount"));
    m_balances.insert(from, must(balance(from).sub(amount)));
    m_nonces[from] += 1;
    m_balances.insert(to, must(balance(to).add(amount)));
    appendActivity(QStringLiteral("transfer"), from, tr("Transfer of %1 to %2").arg(amount.toDisplayString(), to.toChecksummed()), to);
    emit stateChanged();
    return {};
}

Result<void> FakeMarketService::faucet(const Address &to, Amount amount)
{
    m_balances.insert(to, must(balance(to).add(amount)));
    appendActivity(QStringLiteral("faucet"), {}, tr("Faucet paid %1 to %2").arg(amount.toDisplayString(), to.toChecksummed()), to);
    emit stateChanged();
    return {};
}

void FakeMarketService::appendActivity(const QString &type, const Address &signer, const QString &summary, const Address &payee)
{
    ActivityRow a;
    a.seq = static_cast<quint64>(m_activity.size()) + 1;
    a.type = type;
    a.signer = signer.isNull() ? QString() : signer.toChecksummed();
    a.isSigned = !signer.isNull();
    a.month = m_net.currentMonth;
    a.epoch = m_epoch;
    a.status = QStringLiteral("applied");
    a.stateHash = QStringLiteral("0x%1").arg(a.seq, 64, 16, QLatin1Char('0'));
    a.summary = summary;
    m_activity.append(a);
    if (!payee.isNull())
        m_payees.insert(a.seq, payee);
    emit activityAppended(a.seq);
}

quint64 FakeMarketService::activityCount() const { return static_cast<quint64>(m_activity.size()); }

QList<ActivityRow> FakeMarketService::activity(quint64 firstSeq, int count) const
{
    QList<ActivityRow> out;
    for (const ActivityRow &a : m_activity)
        if (a.seq >= firstSeq && out.size() < count)
            out.append(a);
    return out;
}

std::optional<QList<quint64>> FakeMarketService::accountActivity(const Address &account) const
{
    QList<quint64> out;
    const QString signer = account.toChecksummed();
    for (const ActivityRow &a : m_activity)
        if (a.signer == signer || m_payees.value(a.seq) == account)
            out.append(a.seq);
    return out;
}

CheckReport FakeMarketService::check(const std::function<void(int)> &progress)
{
    if (progress)
        progress(100);
    return {true, {tr("In-memory demo data: nothing to check.")}};
}

} // namespace icn::ui
