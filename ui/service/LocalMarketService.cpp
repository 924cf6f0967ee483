#include "LocalMarketService.h"

#include "StatusText.h"

#include "BookingTypedData.h"
#include "DemoHistory.h"
#include "Market.h"
#include "SnapshotJson.h"
#include "TransactionJson.h"
#include "TxCodec.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QSet>
#include <QThread>
#include <QTemporaryDir>

#include <algorithm>

namespace icn::ui {

namespace {

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

void fill(ScopeNode &s, const CapacityView &v)
{
    s.freeTb = v.freeTbWholeRange;
    s.capacityTb = v.totalTbPerMonth.isEmpty() ? 0 : *std::max_element(v.totalTbPerMonth.cbegin(), v.totalTbPerMonth.cend());
    if (v.hasListedPrice)
        s.listedPrice = v.listedPrice;
}

BookingRow rowOf(const BookingInfo &b, const Engine &engine)
{
    BookingRow r;
    r.id = QString::number(b.id);
    r.status = b.status == BookingStatus::Pending ? QStringLiteral("Pending")
        : b.status == BookingStatus::Active       ? QStringLiteral("Active")
                                                  : QStringLiteral("Ended");
    r.sp = b.sp;
    r.scopeId = b.scopeId;
    r.clusterId = b.clusterId;
    for (const Slice &s : b.slices)
        r.nodeIds.append(s.nodeId);
    r.sizeTb = b.sizeTb;
    r.range = {b.start, b.months};
    r.total = b.total;
    r.escrowLeft = b.escrowLeft;
    r.withheld = engine.claimable(b.id); // §7: withheld during SLA breaches, claimable by the SP
    return r;
}

} // namespace

Result<std::unique_ptr<LocalMarketService>> LocalMarketService::openOrCreate(const QString &dataDir,
                                                                           const NetworkSnapshot &genesis)
{
    Result<Market> opened = Market::open(dataDir);
    if (!opened && opened.error().code == QLatin1String("market.not_initialized"))
        opened = Market::create(dataDir, genesis);
    if (!opened)
        return opened.error();
    return std::unique_ptr<LocalMarketService>(
        new LocalMarketService(std::make_unique<Market>(std::move(opened).value()), dataDir));
}

Result<std::unique_ptr<LocalMarketService>> LocalMarketService::createDemo(const QString &dataDir,
                                                                         const std::function<void(int)> &progress,
                                                                         QThread *owner)
{
    if (hasMirror(dataDir))
        return Error::make(QStringLiteral("store.already_initialized"),
                           tr("%1 already holds a network; the demo is only created in a fresh folder.").arg(dataDir));
    Result<Market> created = DemoHistory::create(dataDir, DemoHistory::kDefaultMonths, [&progress](const SimulationProgress &p) {
        if (progress && p.months > 0)
            progress(int(qint64(p.monthsDone) * 100 / p.months));
    });
    if (!created) {
        // A half-made mirror would open next time as if it were the demo: leave none.
        const QString db = Market::databasePath(dataDir);
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
            QFile::remove(db + suffix);
        return created.error();
    }
    std::unique_ptr<LocalMarketService> service(
        new LocalMarketService(std::make_unique<Market>(std::move(created).value()), dataDir));
    if (owner && owner != service->thread())
        service->moveToThread(owner);
    if (progress)
        progress(100);
    return service;
}

bool LocalMarketService::hasMirror(const QString &dataDir)
{
    return QFile::exists(Market::databasePath(dataDir));
}

Result<NetworkSnapshot> LocalMarketService::validateSnapshotFile(const QString &path)
{
    Result<NetworkSnapshot> snapshot = SnapshotJson::readFile(path);
    if (!snapshot)
        return snapshot.error();
    // The validator passed; the engine may still refuse the genesis (it is the final word).
    const Result<Engine> engine = Engine::create(*snapshot);
    if (!engine)
        return engine.error();
    return snapshot;
}

LocalMarketService::LocalMarketService(std::unique_ptr<Market> market, const QString &dataDir)
    : m_market(std::move(market)), m_dataDir(dataDir)
{
}

LocalMarketService::~LocalMarketService() = default;

QString LocalMarketService::networkName() const
{
    QMutexLocker lock(&m_mutex);
    return m_market->engine().genesis().name;
}

Month LocalMarketService::currentMonth() const
{
    QMutexLocker lock(&m_mutex);
    return m_market->engine().currentMonth();
}

qint64 LocalMarketService::currentEpoch() const
{
    QMutexLocker lock(&m_mutex);
    return m_market->engine().currentEpoch();
}

QList<ScopeNode> LocalMarketService::scopeTree(MonthRange range) const
{
    // One Engine::capacity() per cluster (with its HNs); zones and regions are summed here the
    // way the engine sums them (per month, whole range, best ask), so each HN is viewed once
    // instead of three times: 100k HNs in well under the tree's 300 ms budget.
    struct Sum
    {
        bool any = false;
        QList<qint64> totalPerMonth;
        qint64 free = 0;
        std::optional<Amount> price;
        void add(const CapacityView &v)
        {
            if (!any) {
                any = true;
                totalPerMonth = QList<qint64>(v.totalTbPerMonth.size(), 0);
            }
            for (qsizetype i = 0; i < v.totalTbPerMonth.size() && i < totalPerMonth.size(); ++i)
                totalPerMonth[i] += v.totalTbPerMonth[i];
            free += v.freeTbWholeRange;
            if (v.hasListedPrice && (!price || v.listedPrice < *price))
                price = v.listedPrice;
        }
        void add(const Sum &o)
        {
            if (!o.any)
                return;
            if (!any) {
                any = true;
                totalPerMonth = QList<qint64>(o.totalPerMonth.size(), 0);
            }
            for (qsizetype i = 0; i < o.totalPerMonth.size() && i < totalPerMonth.size(); ++i)
                totalPerMonth[i] += o.totalPerMonth[i];
            free += o.free;
            if (o.price && (!price || *o.price < *price))
                price = o.price;
        }
        void fillInto(ScopeNode &s) const
        {
            if (!any)
                return;
            s.freeTb = free;
            s.capacityTb = totalPerMonth.isEmpty() ? 0 : *std::max_element(totalPerMonth.cbegin(), totalPerMonth.cend());
            if (price)
                s.listedPrice = *price;
        }
    };

    QMutexLocker lock(&m_mutex);
    const Engine &e = m_market->engine();
    const NetworkState &net = e.network();
    QHash<Address, QString> providers;
    for (const HardwareProvider &p : e.genesis().providers)
        providers.insert(p.account, p.name);
    QList<ScopeNode> out;
    out.reserve(qsizetype(net.regions.size() + net.zones.size() + net.clusters.size() + net.nodes.size()));
    for (const RegionRec &r : net.regions) {
        const qsizetype regionRow = out.size();
        out.append(scopeNode(ScopeKind::Region, r.id, {}, r.name));
        Sum regionSum;
        qint64 regionRel = 0, regionCount = 0;
        for (quint32 zi : r.zones) {
            const ZoneRec &z = net.zones[zi];
            const qsizetype zoneRow = out.size();
            out.append(scopeNode(ScopeKind::Zone, z.id, r.id, z.name));
            Sum zoneSum;
            qint64 zoneRel = 0, zoneCount = 0;
            for (quint32 ci : z.clusters) {
                const ClusterRec &c = net.clusters[ci];
                const qsizetype clusterRow = out.size();
                out.append(scopeNode(ScopeKind::Cluster, c.id, z.id, c.name.isEmpty() ? c.id : c.name));
                const Result<CapacityView> v = e.capacity(c.id, range);
                if (v) {
                    fill(out[clusterRow], *v);
                    zoneSum.add(*v);
                }
                qint64 rel = 0;
                for (qsizetype k = 0; k < qsizetype(c.nodes.size()); ++k) {
                    const NodeRec &n = net.nodes[c.nodes[k]];
                    ScopeNode ns = scopeNode(ScopeKind::Node, n.id, c.id, n.id);
                    ns.capacityTb = n.capacityTb;
                    if (v) {
                        // The engine lists a cluster's HNs in c.nodes order; search only if not.
                        const CapacityView *child = k < v->children.size() && v->children[k].scopeId == n.id ? &v->children[k] : nullptr;
                        for (qsizetype j = 0; !child && j < v->children.size(); ++j)
                            if (v->children[j].scopeId == n.id)
                                child = &v->children[j];
                        if (child) {
                            ns.freeTb = child->freeTbWholeRange;
                            if (child->hasListedPrice)
                                ns.listedPrice = child->listedPrice;
                        }
                    }
                    ns.maxClusterPrice = c.maxPrice;
                    ns.reservationPrice = n.price;
                    ns.reliabilityPpm = n.reliabilityPpm;
                    ns.status = statusText(n.status);
                    const auto provider = providers.constFind(n.provider);
                    ns.providerLabel = provider != providers.cend() ? *provider : n.provider.toChecksummed();
                    rel += n.reliabilityPpm;
                    out.append(std::move(ns));
                }
                ScopeNode &cs = out[clusterRow];
                cs.maxClusterPrice = c.maxPrice;
                cs.reliabilityPpm = c.nodes.empty() ? 900'000 : rel / qint64(c.nodes.size());
                zoneRel += rel;
                zoneCount += qint64(c.nodes.size());
            }
            zoneSum.fillInto(out[zoneRow]);
            regionSum.add(zoneSum);
            out[zoneRow].reliabilityPpm = zoneCount ? zoneRel / zoneCount : 900'000;
            regionRel += zoneRel;
            regionCount += zoneCount;
        }
        regionSum.fillInto(out[regionRow]);
        out[regionRow].reliabilityPpm = regionCount ? regionRel / regionCount : 900'000;
    }
    return out;
}

Result<QuoteResult> LocalMarketService::quote(const QString &scopeId, qint64 sizeTb, MonthRange range) const
{
    QMutexLocker lock(&m_mutex);
    if (m_market->engine().network().nodeIndex.contains(scopeId))
        return Error::make(QStringLiteral("booking.scope_not_bookable"),
                           tr("A service provider cannot pick a hardware node; book its cluster instead."),
                           QStringLiteral("scope"));
    const Result<Quote> q = m_market->engine().quote({scopeId, sizeTb, range.first, range.months});
    if (!q)
        return q.error();
    QuoteResult r;
    r.scopeId = scopeId;
    r.clusterId = q->clusterId;
    r.sizeTb = q->sizeTb;
    r.range = {q->start, q->months};
    for (const Slice &s : q->slices)
        r.slices.append({s.nodeId, s.tb, s.price});
    r.hpCost = q->hpCost;
    r.margin = q->margin;
    r.marginPpm = q->marginPpm;
    r.total = q->total;
    return r;
}

QString LocalMarketService::nodeExclusion(quint32 node, MonthRange range) const
{
    const Engine &e = m_market->engine();
    const NodeRec &n = e.network().nodes[node];
    if (n.status != NodeStatus::Active)
        return tr("status is %1").arg(StatusText::node(statusText(n.status)));
    if (n.collateral < n.jailThreshold)
        return tr("under-collateralised: %1 deposited, %2 needed to serve")
            .arg(n.collateral.toDisplayString(), n.jailThreshold.toDisplayString());
    if (range.months > n.maxDurationMonths)
        return tr("accepts at most %1 months per booking").arg(n.maxDurationMonths);
    const qint32 lead = range.first.monthsSince(e.currentMonth());
    if (lead > n.maxLeadMonths)
        return tr("sells at most %1 months ahead").arg(n.maxLeadMonths);
    if (n.commitmentEnd <= range.last())
        return tr("commitment ends %1").arg(n.commitmentEnd.toString());
    return {};
}

QList<Exclusion> LocalMarketService::explainExclusions(const QString &scopeId, qint64 sizeTb, MonthRange range) const
{
    QMutexLocker lock(&m_mutex);
    const Engine &e = m_market->engine();
    const NetworkState &net = e.network();
    const ScopeRef *scope = net.findScope(scopeId);
    QList<Exclusion> out;
    if (!scope)
        return out;
    std::vector<quint32> scratch;
    const Result<Quote> chosen = e.quote({scopeId, sizeTb, range.first, range.months});
    for (quint32 ci : net.clustersOf(*scope, scratch)) {
        const ClusterRec &c = net.clusters[ci];
        const Result<CapacityView> view = e.capacity(c.id, range);
        qint64 usable = 0;
        QList<qint64> eligiblePerMonth(range.months, 0); // free TB on eligible HNs, month by month
        for (quint32 ni : c.nodes) {
            const NodeRec &n = net.nodes[ni];
            const CapacityView *child = nullptr;
            if (view)
                for (const CapacityView &candidate : view->children)
                    if (candidate.scopeId == n.id)
                        child = &candidate;
            const qint64 free = child ? child->freeTbWholeRange : 0;
            const QString why = nodeExclusion(ni, range);
            const bool used = chosen && std::any_of(chosen->slices.cbegin(), chosen->slices.cend(),
                                                    [&n](const Slice &s) { return s.nodeId == n.id; });
            if (!why.isEmpty()) {
                out.append({c.id, n.id, why});
                continue;
            }
            if (child)
                for (qsizetype i = 0; i < eligiblePerMonth.size() && i < child->freeTbPerMonth.size(); ++i)
                    eligiblePerMonth[i] += child->freeTbPerMonth[i];
            if (free <= 0) {
                // A slice holds its HN for the whole range: name the month that is full.
                qsizetype full = -1;
                for (qsizetype i = 0; child && i < child->freeTbPerMonth.size() && full < 0; ++i)
                    if (child->freeTbPerMonth[i] <= 0)
                        full = i;
                if (full >= 0)
                    out.append({c.id, n.id, tr("no free capacity in %1: all %2 TB booked")
                                                .arg(range.first.plus(qint32(full)).toString())
                                                .arg(child->totalTbPerMonth.value(full, n.capacityTb))});
                else
                    out.append({c.id, n.id, tr("no free capacity for the whole range")});
            } else {
                usable += free;
                if (chosen && chosen->clusterId == c.id && !used)
                    out.append({c.id, n.id, tr("not needed: cheaper or longer-committed nodes fill the booking")});
            }
        }
        if (usable < sizeTb) {
            qsizetype shortMonth = -1;
            for (qsizetype i = 0; i < eligiblePerMonth.size() && shortMonth < 0; ++i)
                if (eligiblePerMonth[i] < sizeTb)
                    shortMonth = i;
            if (shortMonth >= 0)
                out.append({c.id, {}, tr("short in %1: only %2 TB free on eligible nodes that month (%3 TB asked); a booking never spans clusters")
                                          .arg(range.first.plus(qint32(shortMonth)).toString())
                                          .arg(eligiblePerMonth[shortMonth])
                                          .arg(sizeTb)});
            else
                out.append({c.id, {}, tr("only %1 TB free on eligible nodes for the whole range; a booking never spans clusters").arg(usable)});
        } else if (chosen && chosen->clusterId != c.id) {
            out.append({c.id, {}, tr("%1 is cheaper for this booking").arg(chosen->clusterId)});
        }
    }
    return out;
}

QList<CapacityPoint> LocalMarketService::capacityByMonth(const QString &scopeId, MonthRange range) const
{
    QMutexLocker lock(&m_mutex);
    const Engine &e = m_market->engine();
    const NetworkState &net = e.network();
    CapacityView v;
    if (const auto ni = net.nodeIndex.constFind(scopeId); ni != net.nodeIndex.constEnd()) {
        const Result<CapacityView> cluster = e.capacity(net.clusters[net.nodes[*ni].cluster].id, range);
        if (!cluster)
            return {};
        for (const CapacityView &child : cluster->children)
            if (child.scopeId == scopeId)
                v = child;
    } else {
        const Result<CapacityView> r = e.capacity(scopeId, range);
        if (!r)
            return {};
        v = *r;
    }
    QList<CapacityPoint> out;
    for (qint32 i = 0; i < range.months && i < v.totalTbPerMonth.size() && i < v.freeTbPerMonth.size(); ++i) {
        CapacityPoint p;
        p.month = range.first.plus(i);
        p.capacityTb = v.totalTbPerMonth[i];
        p.bookedTb = std::max<qint64>(0, v.totalTbPerMonth[i] - v.freeTbPerMonth[i]);
        out.append(p);
    }
    return out;
}

QList<AskLevel> LocalMarketService::askLadder(const QString &clusterId, MonthRange range) const
{
    QMutexLocker lock(&m_mutex);
    const Result<CapacityView> v = m_market->engine().capacity(clusterId, range);
    QMap<Amount, qint64> levels;
    if (v)
        for (const CapacityView &child : v->children)
            if (child.hasListedPrice && child.freeTbWholeRange > 0)
                levels[child.listedPrice] += child.freeTbWholeRange;
    QList<AskLevel> out;
    for (auto it = levels.cbegin(); it != levels.cend(); ++it)
        out.append({it.key(), it.value()});
    return out;
}

Amount LocalMarketService::balance(const Address &account) const
{
    QMutexLocker lock(&m_mutex);
    return m_market->engine().balance(account);
}

QList<AccountInfo> LocalMarketService::accounts() const
{
    QMutexLocker lock(&m_mutex);
    QList<AccountInfo> out;
    for (const AccountEntry &a : m_market->engine().accounts())
        if (!a.label.isEmpty())
            out.append({a.account, a.label});
    return out;
}

BookingLimits LocalMarketService::bookingLimits() const
{
    QMutexLocker lock(&m_mutex);
    const Engine &e = m_market->engine();
    BookingLimits l;
    l.minDurationMonths = e.params().minBookingMonths;
    l.maxDurationMonths = l.minDurationMonths;
    l.maxLeadMonths = 1;
    for (const NodeRec &n : e.network().nodes) {
        l.maxDurationMonths = std::max(l.maxDurationMonths, n.maxDurationMonths);
        l.maxLeadMonths = std::max(l.maxLeadMonths, n.maxLeadMonths);
    }
    return l;
}

QList<BookingRow> LocalMarketService::bookings(const Address &sp) const
{
    QMutexLocker lock(&m_mutex);
    QList<BookingRow> out;
    if (sp.isNull())
        return out;
    for (const BookingInfo &b : m_market->engine().bookings(sp))
        out.append(rowOf(b, m_market->engine()));
    return out;
}

std::optional<BookingRow> LocalMarketService::booking(const QString &id) const
{
    bool ok = false;
    const quint64 number = id.toULongLong(&ok);
    if (!ok)
        return std::nullopt;
    QMutexLocker lock(&m_mutex);
    const std::optional<BookingInfo> info = m_market->engine().booking(number);
    if (!info)
        return std::nullopt;
    return rowOf(*info, m_market->engine());
}

std::optional<SigningTerms> LocalMarketService::signingTerms(const Address &sp) const
{
    QMutexLocker lock(&m_mutex);
    const Engine &e = m_market->engine();
    return SigningTerms{e.nextNonce(sp), e.currentMonth()};
}

Result<BookingRow> LocalMarketService::book(const BookingDraft &draft, const SecureBytes &privateKey)
{
    quint64 seq = 0;
    BookingRow row;
    {
        QMutexLocker lock(&m_mutex);
        const Engine &e = m_market->engine();
        BookingRequest request;
        request.sp = draft.sp;
        request.scope = draft.scopeId;
        request.sizeTb = draft.sizeTb;
        request.startMonth = draft.range.first;
        request.months = draft.range.months;
        request.quotedTotal = draft.quotedTotal;
        // What the review showed, else the current terms.
        request.nonce = draft.nonce.value_or(e.nextNonce(draft.sp));
        request.deadline = draft.deadline.value_or(e.currentMonth()); // valid for the month in which it is signed
        Result<BookTx> tx = signBooking(request, privateKey);
        if (!tx)
            return tx.error();
        const Result<Receipt> receipt = m_market->submit(Transaction(*tx));
        if (!receipt)
            return receipt.error();
        seq = receipt->sequence;
        const std::optional<BookingInfo> info = m_market->engine().booking(receipt->bookingId);
        if (info)
            row = rowOf(*info, m_market->engine());
    }
    announce(seq);
    return row;
}

Result<void> LocalMarketService::transfer(const Address &from, const Address &to, Amount amount, const SecureBytes &privateKey)
{
    quint64 seq = 0;
    {
        QMutexLocker lock(&m_mutex);
        Result<TransferTx> tx = signTransfer(from, to, amount, m_market->engine().nextNonce(from), privateKey);
        if (!tx)
            return tx.error();
        const Result<Receipt> receipt = m_market->submit(Transaction(*tx));
        if (!receipt)
            return receipt.error();
        seq = receipt->sequence;
    }
    announce(seq);
    return {};
}

Result<void> LocalMarketService::faucet(const Address &to, Amount amount)
{
    quint64 seq = 0;
    {
        QMutexLocker lock(&m_mutex);
        const Result<Receipt> receipt = m_market->submit(Transaction(FaucetTx{to, amount}));
        if (!receipt)
            return receipt.error();
        seq = receipt->sequence;
    }
    announce(seq);
    return {};
}

namespace {

// The SQLite side files that travel with a database file.
const QStringList &sideSuffixes()
{
    static const QStringList s{QString(), QStringLiteral("-wal"), QStringLiteral("-shm")};
    return s;
}

bool moveDatabase(const QString &from, const QString &to)
{
    for (const QString &suffix : sideSuffixes()) {
        if (!QFile::exists(from + suffix))
            continue;
        if (!QFile::rename(from + suffix, to + suffix))
            return false;
    }
    return true;
}

} // namespace

Result<void> LocalMarketService::importSnapshot(const QString &path)
{
    // Everything that can refuse the file runs before the current network is touched.
    Result<NetworkSnapshot> snapshot = validateSnapshotFile(path);
    if (!snapshot)
        return snapshot.error();
    // The scratch folder sits in the data folder so the final rename stays on one file system.
    QTemporaryDir scratch(QDir(m_dataDir).filePath(QStringLiteral(".import-XXXXXX")));
    if (!scratch.isValid())
        return Error::make(QStringLiteral("import.scratch_failed"),
                           tr("Cannot create a scratch folder in %1: %2").arg(m_dataDir, scratch.errorString()));
    {
        Result<Market> fresh = Market::create(scratch.path(), *snapshot);
        if (!fresh)
            return fresh.error();
    } // closed here, so its database file is complete on disk
    QString backup;
    if (Result<void> swapped = swapIn(Market::databasePath(scratch.path()), &backup); !swapped)
        return swapped;
    emit stateChanged();
    emit activityAppended(0); // the activity model sees a shorter log and reloads
    return {};
}

Result<void> LocalMarketService::swapIn(const QString &newDatabase, QString *backup)
{
    QMutexLocker lock(&m_mutex);
    const QString live = Market::databasePath(m_dataDir);
    const QString stem = live + QStringLiteral(".backup-")
        + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString target = stem;
    for (int n = 2; QFile::exists(target); ++n)
        target = stem + QStringLiteral("-%1").arg(n);

    m_market.reset(); // closes the connection; SQLite folds the WAL into the file
    auto reopen = [this]() -> Result<void> {
        Result<Market> opened = Market::open(m_dataDir);
        if (!opened)
            return opened.error();
        m_market = std::make_unique<Market>(std::move(opened).value());
        return {};
    };
    if (!moveDatabase(live, target)) {
        (void)reopen();
        return Error::make(QStringLiteral("import.backup_failed"),
                           tr("Cannot keep the current network as %1; nothing was changed.").arg(target));
    }
    if (!moveDatabase(newDatabase, live)) {
        moveDatabase(target, live); // put the old network back as it was
        (void)reopen();
        return Error::make(QStringLiteral("import.replace_failed"),
                           tr("Cannot move the new network into %1; the current network was kept.").arg(m_dataDir));
    }
    if (Result<void> opened = reopen(); !opened) {
        for (const QString &suffix : sideSuffixes())
            QFile::remove(live + suffix);
        moveDatabase(target, live);
        (void)reopen();
        return opened;
    }
    m_lastBackup = target;
    *backup = target;
    return {};
}

QString LocalMarketService::lastBackupPath() const
{
    QMutexLocker lock(&m_mutex);
    return m_lastBackup;
}

void LocalMarketService::announce(quint64 seq)
{
    emit stateChanged();
    emit activityAppended(seq);
}

quint64 LocalMarketService::activityCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_market->engine().appliedCount();
}

bool LocalMarketService::isSealed(const Transaction &tx) const
{
    const Engine &e = m_market->engine();
    const auto tenderOpen = [&e](quint64 id) {
        const std::optional<TenderView> t = e.tender(id);
        return t && t->state == TenderState::Open;
    };
    if (const auto *bid = std::get_if<TenderBidTx>(&tx))
        return bid->bidder != m_viewer && tenderOpen(bid->tenderId);
    if (const auto *withdrawal = std::get_if<TenderWithdrawTx>(&tx))
        return withdrawal->bidder != m_viewer && tenderOpen(withdrawal->tenderId);
    if (const auto *terms = std::get_if<SetDropOutTx>(&tx)) {
        const std::optional<ReverseAuctionView> a = e.reverseAuction(terms->auctionId);
        return terms->bidder != m_viewer && a && a->state == ReverseAuctionState::Open;
    }
    return false;
}

bool LocalMarketService::anyAuctionOpen() const
{
    const Engine &e = m_market->engine();
    const QList<TenderView> tenders = e.tenders();
    const QList<ReverseAuctionView> auctions = e.reverseAuctions();
    return std::any_of(tenders.cbegin(), tenders.cend(), [](const TenderView &t) { return t.state == TenderState::Open; })
        || std::any_of(auctions.cbegin(), auctions.cend(),
                       [](const ReverseAuctionView &a) { return a.state == ReverseAuctionState::Open; });
}

namespace {

// The log types whose bidder, HN and terms stay sealed while their auction is open (§8).
const QLatin1String kSealableTypes[] = {QLatin1String("tender_bid"), QLatin1String("tender_withdraw"),
                                        QLatin1String("auction_set_dropout")};

bool isSealableType(const QString &type)
{
    return std::any_of(std::cbegin(kSealableTypes), std::cend(kSealableTypes), [&type](QLatin1String t) { return type == t; });
}

QString auctionSummary(const Transaction &tx, bool sealed)
{
    if (const auto *bid = std::get_if<TenderBidTx>(&tx))
        return sealed ? LocalMarketService::tr("Sealed bid on tender %1 (bidder, HN and terms hidden until the award)").arg(bid->tenderId)
                      : LocalMarketService::tr("Bid on tender %1 for %2: %3 TB at %4")
                            .arg(bid->tenderId)
                            .arg(bid->nodeId)
                            .arg(bid->offeredTb)
                            .arg(bid->price.toDisplayString());
    if (const auto *withdrawal = std::get_if<TenderWithdrawTx>(&tx))
        return sealed ? LocalMarketService::tr("Sealed bid withdrawn from tender %1").arg(withdrawal->tenderId)
                      : LocalMarketService::tr("Bid for %1 withdrawn from tender %2").arg(withdrawal->nodeId).arg(withdrawal->tenderId);
    if (const auto *terms = std::get_if<SetDropOutTx>(&tx))
        return sealed ? LocalMarketService::tr("Sealed drop-out terms for reverse auction %1 (bidder, HN and terms hidden until the run)")
                            .arg(terms->auctionId)
                      : LocalMarketService::tr("Drop-out terms for %1 in reverse auction %2").arg(terms->nodeId).arg(terms->auctionId);
    return {};
}

} // namespace

QList<ActivityRow> LocalMarketService::activity(quint64 firstSeq, int count) const
{
    QMutexLocker lock(&m_mutex);
    QList<ActivityRow> out;
    const Result<QList<LogRecord>> records = m_market->store().logEntries(firstSeq, count);
    if (!records)
        return out;
    for (const LogRecord &r : *records) {
        ActivityRow a;
        a.seq = r.seq;
        a.type = r.type;
        const Result<Address> signer = Address::parse(r.signer);
        a.signer = signer ? signer->toChecksummed() : r.signer;
        a.isSigned = r.isSigned;
        a.month = r.month;
        a.epoch = r.epoch;
        a.status = QStringLiteral("applied");
        a.stateHash = QStringLiteral("0x") + QString::fromLatin1(r.stateHash.toHex());
        if (r.booking) {
            a.summary = tr("Booking %1: %2 TB in %3 from %4 for %5 months, %6")
                            .arg(r.booking->id)
                            .arg(r.booking->sizeTb)
                            .arg(r.booking->clusterId, r.booking->start.toString())
                            .arg(r.booking->months)
                            .arg(r.booking->total.toDisplayString());
        } else if (isSealableType(r.type)) {
            // §8: bids are sealed until the award; the row must not tell who bid for which HN.
            const Result<Transaction> tx = decodeTransaction(r.tx);
            a.sealed = !tx || isSealed(*tx);
            if (a.sealed)
                a.signer.clear();
            a.summary = tx ? auctionSummary(*tx, a.sealed) : r.type;
        } else if (r.type == QLatin1String("transfer") || r.type == QLatin1String("faucet")) {
            const Result<Transaction> tx = decodeTransaction(r.tx);
            if (const auto *t = tx ? std::get_if<TransferTx>(&*tx) : nullptr)
                a.summary = tr("Transfer of %1 to %2").arg(t->amount.toDisplayString(), t->to.toChecksummed());
            else if (const auto *f = tx ? std::get_if<FaucetTx>(&*tx) : nullptr)
                a.summary = tr("Faucet paid %1 to %2").arg(f->amount.toDisplayString(), f->to.toChecksummed());
            else
                a.summary = r.type;
        } else {
            a.summary = r.type;
        }
        out.append(a); // details: activityDetails(seq), decoded only when asked
    }
    return out;
}

std::optional<QList<quint64>> LocalMarketService::activityMatching(const QString &type, const QString &signerPart) const
{
    QMutexLocker lock(&m_mutex);
    auto seqs = m_market->store().logSeqsMatching(type, signerPart);
    if (!seqs)
        return std::nullopt; // the model falls back to scanning rows
    if (signerPart.isEmpty() || !anyAuctionOpen())
        return *seqs;
    // A signer filter must not find sealed entries: that would tell who bid.
    QSet<quint64> hidden;
    for (const QString sealable : kSealableTypes) {
        if (!type.isEmpty() && type != sealable)
            continue;
        const auto candidates = m_market->store().logSeqsMatching(sealable, signerPart);
        if (!candidates)
            return std::nullopt;
        for (quint64 seq : *candidates) {
            const Result<QList<LogRecord>> records = m_market->store().logEntries(seq, 1);
            if (!records || records->isEmpty())
                continue;
            const Result<Transaction> tx = decodeTransaction(records->first().tx);
            if (!tx || isSealed(*tx))
                hidden.insert(seq);
        }
    }
    if (hidden.isEmpty())
        return *seqs;
    QList<quint64> out;
    out.reserve(seqs->size());
    for (quint64 seq : std::as_const(*seqs))
        if (!hidden.contains(seq))
            out.append(seq);
    return out;
}

std::optional<QList<quint64>> LocalMarketService::accountActivity(const Address &account) const
{
    if (account.isNull())
        return QList<quint64>();
    QList<quint64> paid; // candidates: every transfer and faucet payment, checked for the payee below
    QSet<quint64> seqs;
    {
        QMutexLocker lock(&m_mutex);
        // Signed: the log's signer column, in SQL (stored as "0x" + lower-case hex).
        const auto signedSeqs = m_market->store().logSeqsMatching(QString(), account.toLower());
        if (!signedSeqs)
            return std::nullopt;
        for (quint64 seq : *signedSeqs)
            seqs.insert(seq);
        for (const QString &type : {QStringLiteral("transfer"), QStringLiteral("faucet")}) {
            const auto candidates = m_market->store().logSeqsMatching(type, QString());
            if (!candidates)
                return std::nullopt;
            paid += *candidates;
        }
    }
    // The payee is inside the transaction: decode the candidates in chunks, releasing the lock
    // between them so the GUI thread's calls never wait long behind a big log.
    constexpr qsizetype kChunk = 256;
    for (qsizetype i = 0; i < paid.size(); i += kChunk) {
        QMutexLocker lock(&m_mutex);
        for (qsizetype j = i; j < std::min(paid.size(), i + kChunk); ++j) {
            if (seqs.contains(paid[j]))
                continue;
            const Result<QList<LogRecord>> records = m_market->store().logEntries(paid[j], 1);
            if (!records || records->isEmpty() || records->first().seq != paid[j])
                continue;
            const Result<Transaction> tx = decodeTransaction(records->first().tx);
            if (!tx)
                continue;
            const auto *t = std::get_if<TransferTx>(&*tx);
            const auto *f = std::get_if<FaucetTx>(&*tx);
            if ((t && t->to == account) || (f && f->to == account))
                seqs.insert(paid[j]);
        }
    }
    QList<quint64> out(seqs.cbegin(), seqs.cend());
    std::sort(out.begin(), out.end());
    return out;
}

QString LocalMarketService::activityDetails(quint64 seq) const
{
    QMutexLocker lock(&m_mutex);
    const Result<QList<LogRecord>> records = m_market->store().logEntries(seq, 1);
    if (!records || records->isEmpty() || records->first().seq != seq)
        return {};
    const auto tx = decodeTransaction(records->first().tx);
    if (!tx)
        return {};
    QJsonObject json;
    if (isSealableType(records->first().type) && !isSealed(*tx)) {
        // Open or not, the bidder sees its own terms; after the award everyone does.
        json = transactionJson(*tx);
    } else {
        // Sealed auction terms stay hidden while their tender or auction is open (transactionJson
        // seals the terms; the bidder and its HN are withheld here too).
        json = transactionJson(*tx, &m_market->engine());
        if (isSealableType(records->first().type)) {
            const QString sealed = QStringLiteral("sealed");
            json.insert(QStringLiteral("bidder"), sealed);
            json.insert(QStringLiteral("nodeId"), sealed);
            json.remove(QStringLiteral("nonce")); // the bidder's nonce would narrow down who it is
        }
    }
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
}

void LocalMarketService::setViewer(const Address &account)
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_viewer == account)
            return;
        m_viewer = account;
    }
    emit viewerChanged();
}

Address LocalMarketService::viewer() const
{
    QMutexLocker lock(&m_mutex);
    return m_viewer;
}

CheckReport LocalMarketService::check(const std::function<void(int)> &progress)
{
    // The replay reads the database through a connection of its own, so the service keeps
    // answering the window meanwhile; only the comparison with the open mirror takes the lock.
    const QString dataDir = [this] {
        QMutexLocker lock(&m_mutex);
        return m_dataDir;
    }();
    icn::CheckReport r = Market::checkDatabase(dataDir, [&progress](int percent) {
        if (progress)
            progress(std::min(percent, 99));
    });
    QStringList notes;
    {
        QMutexLocker lock(&m_mutex);
        const Engine &live = m_market->engine();
        if (r.problems.isEmpty() && live.appliedCount() == r.replayed) {
            r.memoryMatchesStore = live.stateHash() == r.stateHash;
            if (!r.memoryMatchesStore)
                r.problems.append(tr("The open mirror's state differs from the stored log."));
        } else if (r.problems.isEmpty() && live.appliedCount() > r.replayed) {
            r.memoryMatchesStore = true; // the stored hashes up to there were replayed and matched
            notes << tr("%n transaction(s) applied during the check are checked next time.", nullptr,
                        int(live.appliedCount() - r.replayed));
        } else if (r.problems.isEmpty()) {
            r.problems.append(tr("The open mirror holds fewer transactions than the stored log."));
        }
        r.ok = r.problems.isEmpty();
    }
    if (progress)
        progress(100);
    CheckReport out;
    out.ok = r.ok;
    out.lines << tr("Integrity: %1").arg(r.integrity.join(QStringLiteral(", ")))
              << tr("Foreign key violations: %1").arg(r.foreignKeyViolations)
              << tr("Genesis consistent: %1").arg(r.genesisConsistent ? tr("yes") : tr("no"))
              << tr("Conservation: %1").arg(r.conservationOk ? tr("holds") : tr("broken"))
              << tr("Replayed %1 log entries").arg(r.replayed);
    out.lines << notes << r.problems;
    return out;
}

} // namespace icn::ui
