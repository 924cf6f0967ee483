#include "Simulator.h"

#include "Keccak.h"
#include "SlaState.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

#include <algorithm>

namespace icn {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Simulator", text);
}

Error badScenario(const QString &key, const QString &why)
{
    return Error::make(QStringLiteral("simulate.bad_scenario"), tr("Scenario value \"%1\": %2").arg(key, why), key);
}

Error badOption(const QString &key, const QString &why)
{
    return Error::make(QStringLiteral("simulate.bad_option"), tr("Option %1: %2").arg(key, why), key);
}

// Integer JSON values only: a scenario never carries fractions (ratios are ppm).
Result<qint64> integerOf(const QJsonObject &json, const QString &key)
{
    const QJsonValue v = json.value(key);
    if (!v.isDouble())
        return badScenario(key, tr("expected an integer."));
    const double d = v.toDouble();
    if (d != static_cast<double>(static_cast<qint64>(d)) || d < -9.0e15 || d > 9.0e15)
        return badScenario(key, tr("expected an integer."));
    return static_cast<qint64>(d);
}

} // namespace

Result<SimulationOptions> SimulationOptions::fromJson(const QJsonObject &json, SimulationOptions base)
{
    SimulationOptions o = std::move(base);
    const QList<std::pair<QString, qint64 *>> wide = {
        {QStringLiteral("minSizeTb"), &o.minSizeTb},
        {QStringLiteral("maxSizeTb"), &o.maxSizeTb},
        {QStringLiteral("zoneScopePpm"), &o.zoneScopePpm},
        {QStringLiteral("regionScopePpm"), &o.regionScopePpm},
        {QStringLiteral("raiseAbovePpm"), &o.raiseAbovePpm},
        {QStringLiteral("cutBelowPpm"), &o.cutBelowPpm},
        {QStringLiteral("priceStepPpm"), &o.priceStepPpm},
        {QStringLiteral("priceMovePpm"), &o.priceMovePpm},
        {QStringLiteral("missingReportPpm"), &o.missingReportPpm},
        {QStringLiteral("oracleOutagePpm"), &o.oracleOutagePpm},
        {QStringLiteral("measurementErrorPpm"), &o.measurementErrorPpm},
        {QStringLiteral("failurePerNodeMonthPpm"), &o.failurePerNodeMonthPpm},
    };
    const QList<std::pair<QString, qint32 *>> narrow = {
        {QStringLiteral("months"), &o.months},
        {QStringLiteral("bookingsPerMonth"), &o.bookingsPerMonth},
        {QStringLiteral("oracles"), &o.oracles},
        {QStringLiteral("minOutageEpochs"), &o.minOutageEpochs},
        {QStringLiteral("maxOutageEpochs"), &o.maxOutageEpochs},
        {QStringLiteral("tendersPerMonth"), &o.tendersPerMonth},
        {QStringLiteral("reverseAuctionsPerMonth"), &o.reverseAuctionsPerMonth},
    };
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString key = it.key();
        bool known = false;
        for (const auto &[name, field] : wide) {
            if (name == key) {
                auto v = integerOf(json, key);
                if (!v)
                    return v.error();
                *field = *v;
                known = true;
            }
        }
        for (const auto &[name, field] : narrow) {
            if (name == key) {
                auto v = integerOf(json, key);
                if (!v)
                    return v.error();
                if (*v < 0 || *v > 1'000'000)
                    return badScenario(key, tr("out of range."));
                *field = static_cast<qint32>(*v);
                known = true;
            }
        }
        if (known)
            continue;
        if (key == QLatin1String("seed")) {
            auto v = integerOf(json, key);
            if (!v || *v < 0)
                return badScenario(key, tr("expected a non-negative integer."));
            o.seed = static_cast<quint64>(*v);
        } else if (key == QLatin1String("sla")) {
            if (!it.value().isBool())
                return badScenario(key, tr("expected true or false."));
            o.sla = it.value().toBool();
        } else if (key == QLatin1String("spTopUp")) {
            auto a = Amount::parse(it.value().toString());
            if (!it.value().isString() || !a || a->isNegative())
                return badScenario(key, tr("expected an ICNT amount as a decimal string."));
            o.spTopUp = *a;
        } else if (key == QLatin1String("events")) {
            if (!it.value().isArray())
                return badScenario(key, tr("expected a list of events."));
            const QJsonArray events = it.value().toArray();
            for (qsizetype i = 0; i < events.size(); ++i) {
                const QString where = QStringLiteral("events[%1]").arg(i);
                const QJsonObject e = events[i].toObject();
                ScenarioEvent ev;
                const QString kind = e.value(QStringLiteral("kind")).toString();
                if (kind == QLatin1String("outage"))
                    ev.kind = ScenarioEvent::Kind::Outage;
                else if (kind == QLatin1String("demand"))
                    ev.kind = ScenarioEvent::Kind::Demand;
                else
                    return badScenario(where + QStringLiteral(".kind"), tr("expected \"outage\" or \"demand\"."));
                auto from = Month::parse(e.value(QStringLiteral("from")).toString(), where + QStringLiteral(".from"));
                if (!from)
                    return badScenario(where + QStringLiteral(".from"), tr("expected a month YYYY-MM."));
                ev.from = *from;
                ev.to = ev.from;
                if (e.contains(QStringLiteral("to"))) {
                    auto to = Month::parse(e.value(QStringLiteral("to")).toString(), where + QStringLiteral(".to"));
                    if (!to || *to < ev.from)
                        return badScenario(where + QStringLiteral(".to"), tr("expected a month YYYY-MM not before \"from\"."));
                    ev.to = *to;
                }
                if (ev.kind == ScenarioEvent::Kind::Outage) {
                    ev.scope = e.value(QStringLiteral("scope")).toString();
                    if (ev.scope.isEmpty())
                        return badScenario(where + QStringLiteral(".scope"), tr("an outage needs a cluster, zone or region id."));
                    auto epochs = integerOf(e, QStringLiteral("epochs"));
                    if (!epochs || *epochs < 1 || *epochs > 366)
                        return badScenario(where + QStringLiteral(".epochs"), tr("expected 1 to 366 epochs."));
                    ev.epochs = static_cast<qint32>(*epochs);
                } else {
                    auto ppm = integerOf(e, QStringLiteral("demandPpm"));
                    if (!ppm || *ppm < 0 || *ppm > 100'000'000)
                        return badScenario(where + QStringLiteral(".demandPpm"), tr("expected 0 to 100,000,000 ppm."));
                    ev.demandPpm = *ppm;
                }
                o.events.append(ev);
            }
        } else {
            return badScenario(key, tr("unknown setting."));
        }
    }
    if (auto ok = o.validate(); !ok)
        return ok.error();
    return o;
}

Result<void> SimulationOptions::validate() const
{
    if (months < 1 || months > 1200)
        return badOption(QStringLiteral("months"), tr("must be 1 to 1200."));
    if (bookingsPerMonth < 0)
        return badOption(QStringLiteral("bookingsPerMonth"), tr("must not be negative."));
    if (minSizeTb < 1 || maxSizeTb < minSizeTb || maxSizeTb > 1'000'000)
        return badOption(QStringLiteral("maxSizeTb"), tr("sizes must satisfy 1 ≤ min ≤ max ≤ 1,000,000 TB."));
    for (const auto &[name, ppm] : {std::pair{QStringLiteral("zoneScopePpm"), zoneScopePpm},
                                    std::pair{QStringLiteral("regionScopePpm"), regionScopePpm},
                                    std::pair{QStringLiteral("raiseAbovePpm"), raiseAbovePpm},
                                    std::pair{QStringLiteral("cutBelowPpm"), cutBelowPpm},
                                    std::pair{QStringLiteral("priceStepPpm"), priceStepPpm},
                                    std::pair{QStringLiteral("priceMovePpm"), priceMovePpm},
                                    std::pair{QStringLiteral("missingReportPpm"), missingReportPpm},
                                    std::pair{QStringLiteral("oracleOutagePpm"), oracleOutagePpm},
                                    std::pair{QStringLiteral("measurementErrorPpm"), measurementErrorPpm},
                                    std::pair{QStringLiteral("failurePerNodeMonthPpm"), failurePerNodeMonthPpm}})
        if (ppm < 0 || ppm > 1'000'000)
            return badOption(name, tr("must be 0 to 1,000,000 ppm."));
    if (zoneScopePpm + regionScopePpm > 1'000'000)
        return badOption(QStringLiteral("regionScopePpm"), tr("zone and region shares add up to more than 100 %."));
    if (oracles < 1 || oracles > 64)
        return badOption(QStringLiteral("oracles"), tr("must be 1 to 64."));
    if (minOutageEpochs < 1 || maxOutageEpochs < minOutageEpochs || maxOutageEpochs > 366)
        return badOption(QStringLiteral("maxOutageEpochs"), tr("outages must last 1 ≤ min ≤ max ≤ 366 epochs."));
    if (spTopUp.isNegative())
        return badOption(QStringLiteral("spTopUp"), tr("must not be negative."));
    return {};
}

QJsonObject SimulationSummary::toJson() const
{
    return QJsonObject{
        {QStringLiteral("months"), monthsSimulated},
        {QStringLiteral("cancelled"), cancelled},
        {QStringLiteral("transactions"), QString::number(transactions)},
        {QStringLiteral("bookings"), QString::number(bookings)},
        {QStringLiteral("bookingsRefused"), QString::number(bookingsRefused)},
        {QStringLiteral("priceChanges"), QString::number(priceChanges)},
        {QStringLiteral("slaReports"), QString::number(slaReports)},
        {QStringLiteral("epochsClosed"), QString::number(epochsClosed)},
        {QStringLiteral("nodeEpochs"), QString::number(nodeEpochs)},
        {QStringLiteral("outages"), QString::number(outages)},
        {QStringLiteral("tenders"), QString::number(tenders)},
        {QStringLiteral("reverseAuctions"), QString::number(reverseAuctions)},
        {QStringLiteral("bookedValue"), bookedValue.toString()},
        {QStringLiteral("stateHash"), QString::fromLatin1("0x" + stateHash.toHex())},
    };
}

Simulator::Simulator(const Engine &engine, SimulationOptions options, Submit submit, Flush flush)
    : m_engine(engine), m_options(std::move(options)), m_submit(std::move(submit)), m_flush(std::move(flush)),
      m_random(m_options.seed)
{
}

Result<Receipt> Simulator::submit(const Transaction &tx)
{
    auto receipt = m_submit(tx);
    if (receipt)
        ++m_summary.transactions;
    return receipt;
}

Result<void> Simulator::flush()
{
    return m_flush ? m_flush() : Result<void>{};
}

std::vector<Address> Simulator::spAccounts() const
{
    // Accounts of the genesis that are not HPs act as SPs; a network without any gets SP accounts
    // derived from the seed (funded by the faucet when they first book).
    QSet<Address> providers;
    for (const NodeRec &n : m_engine.network().nodes)
        providers.insert(n.provider);
    std::vector<Address> sps;
    for (const AccountEntry &a : m_engine.genesis().accounts)
        if (!providers.contains(a.account) && !m_options.reservedAccounts.contains(a.account))
            sps.push_back(a.account);
    std::sort(sps.begin(), sps.end());
    if (sps.empty()) {
        for (int i = 0; i < 20; ++i) {
            const QByteArray digest = keccak256(QByteArray("ICN-SIM-SP-") + QByteArray::number(m_options.seed) + '-'
                                                + QByteArray::number(i));
            sps.push_back(*Address::fromBytes(digest.right(20)));
        }
    }
    return sps;
}

Result<SimulationSummary> Simulator::run(const Progress &progress, const std::atomic_bool *cancel)
{
    if (auto ok = m_options.validate(); !ok)
        return ok.error();
    m_cancel = cancel;
    m_sps = spAccounts();
    for (qint32 i = 0; i < m_options.months; ++i) {
        if (progress)
            progress(SimulationProgress{i, m_options.months, m_engine.currentMonth(), m_summary.transactions});
        if (auto ok = simulateMonth(i); !ok)
            return ok.error();
        if (auto ok = flush(); !ok)
            return ok.error();
        m_summary.monthsSimulated = i + 1;
        if (m_cancel && m_cancel->load()) {
            m_summary.cancelled = true;
            break;
        }
    }
    if (progress)
        progress(SimulationProgress{m_summary.monthsSimulated, m_options.months, m_engine.currentMonth(), m_summary.transactions});
    m_summary.stateHash = m_engine.stateHash();
    return m_summary;
}

Result<void> Simulator::simulateMonth(qint32)
{
    const Month month = m_engine.currentMonth();
    startOutages(month);
    bookDemand(month);
    if (auto ok = runAuctions(month); !ok)
        return ok;
    if (auto ok = runEpochs(month); !ok)
        return ok;
    movePrices(month);
    auto closed = submit(CloseMonthTx{month});
    if (!closed)
        return closed.error(); // the simulator's own clock step cannot be refused: a bug
    return {};
}

void Simulator::bookDemand(Month month)
{
    qint64 demandPpm = 1'000'000;
    for (const ScenarioEvent &e : m_options.events)
        if (e.kind == ScenarioEvent::Kind::Demand && month >= e.from && month <= e.to)
            demandPpm = demandPpm * e.demandPpm / 1'000'000;
    const qint64 attempts = static_cast<qint64>(m_options.bookingsPerMonth) * demandPpm / 1'000'000;
    const NetworkState &net = m_engine.network();
    if (net.clusters.empty() || m_sps.empty())
        return;
    const ProtocolParams &p = m_engine.params();
    for (qint64 i = 0; i < attempts; ++i) {
        const Address sp = m_sps[m_random.below(m_sps.size())];
        ScopeRef scope;
        QString scopeId;
        const qint64 roll = static_cast<qint64>(m_random.below(1'000'000));
        if (roll < m_options.regionScopePpm) {
            scope = {ScopeKind::Region, static_cast<quint32>(m_random.below(net.regions.size()))};
            scopeId = net.regions[scope.index].id;
        } else if (roll < m_options.regionScopePpm + m_options.zoneScopePpm) {
            scope = {ScopeKind::Zone, static_cast<quint32>(m_random.below(net.zones.size()))};
            scopeId = net.zones[scope.index].id;
        } else {
            scope = {ScopeKind::Cluster, static_cast<quint32>(m_random.below(net.clusters.size()))};
            scopeId = net.clusters[scope.index].id;
        }
        // Sizes lean small: the minimum of two draws.
        const qint64 size = std::min(m_random.between(m_options.minSizeTb, m_options.maxSizeTb),
                                     m_random.between(m_options.minSizeTb, m_options.maxSizeTb));
        const qint32 maxLead = net.scopeMaxLead(scope);
        const qint32 maxDuration = net.scopeMaxDuration(scope);
        if (maxLead < 1 || maxDuration < p.minBookingMonths) {
            ++m_summary.bookingsRefused;
            continue;
        }
        const Month start = month.plus(static_cast<qint32>(m_random.between(1, std::min(maxLead, 3))));
        const qint32 months = static_cast<qint32>(m_random.between(p.minBookingMonths, std::min(maxDuration, 12)));
        const auto quote = m_engine.quote(QuoteRequest{scopeId, size, start, months});
        if (!quote) {
            ++m_summary.bookingsRefused;
            continue;
        }
        if (m_engine.balance(sp) < quote->total) {
            const Amount topUp = std::max(m_options.spTopUp, quote->total);
            if (!submit(FaucetTx{sp, topUp})) {
                ++m_summary.bookingsRefused; // the genesis pool ran dry
                continue;
            }
        }
        BookTx tx;
        tx.sp = sp;
        tx.scope = scopeId;
        tx.sizeTb = size;
        tx.startMonth = start;
        tx.months = months;
        tx.quotedTotal = quote->total;
        tx.nonce = m_engine.nextNonce(sp);
        tx.deadline = month;
        tx.unsignedLocal = true;
        if (submit(tx)) {
            ++m_summary.bookings;
            m_summary.bookedValue = *m_summary.bookedValue.add(quote->total);
        } else {
            ++m_summary.bookingsRefused;
        }
    }
}

void Simulator::fail(quint32 node, qint64 from, qint64 until)
{
    if (m_failFrom.size() <= node) {
        m_failFrom.resize(node + 1, 0);
        m_failUntil.resize(node + 1, 0);
    }
    if (nodeFailing(node, from)) { // overlapping outages merge
        m_failUntil[node] = std::max(m_failUntil[node], until);
    } else {
        m_failFrom[node] = from;
        m_failUntil[node] = until;
    }
    ++m_summary.outages;
}

void Simulator::startOutages(Month month)
{
    const NetworkState &net = m_engine.network();
    const qint64 firstEpoch = m_engine.currentEpoch();
    const qint32 days = month.daysInMonth();
    // Random failures: each HN at most one new outage a month, starting on a random day.
    for (quint32 n = 0; n < net.nodes.size(); ++n) {
        if (!m_random.chance(m_options.failurePerNodeMonthPpm))
            continue;
        const qint64 start = firstEpoch + m_random.between(0, days - 1);
        fail(n, start, start + m_random.between(m_options.minOutageEpochs, m_options.maxOutageEpochs));
    }
    // Scripted outages: every HN of the scope, from the first day of the month.
    for (const ScenarioEvent &e : m_options.events) {
        if (e.kind != ScenarioEvent::Kind::Outage || month < e.from || month > e.to)
            continue;
        const ScopeRef *scope = net.findScope(e.scope);
        if (!scope)
            continue;
        std::vector<quint32> scratch;
        for (quint32 c : net.clustersOf(*scope, scratch))
            for (quint32 n : net.clusters[c].nodes)
                fail(n, firstEpoch, firstEpoch + e.epochs);
    }
}

// HP agents: in a cluster whose next three months are busy, some HPs raise their reservation
// price by one step; in an idle cluster some cut it. Prices stay in whole cents, above zero and
// at most the cluster's cap (PROTOCOL.md §6); bookings already made keep their price.
void Simulator::movePrices(Month month)
{
    const NetworkState &net = m_engine.network();
    constexpr Int128 kCent = Amount::kUnitsPerIcnt / 100;
    const MonthRange ahead{month.plus(1), 3};
    for (quint32 c = 0; c < net.clusters.size(); ++c) {
        const ClusterRec &cluster = net.clusters[c];
        const auto view = m_engine.capacity(cluster.id, ahead);
        if (!view)
            continue;
        qint64 free = 0, total = 0;
        for (qsizetype i = 0; i < view->freeTbPerMonth.size(); ++i) {
            free += view->freeTbPerMonth[i];
            total += view->totalTbPerMonth[i];
        }
        if (total <= 0)
            continue;
        const qint64 utilisationPpm = (total - free) * 1'000'000 / total;
        int direction = 0;
        if (utilisationPpm > m_options.raiseAbovePpm)
            direction = 1;
        else if (utilisationPpm < m_options.cutBelowPpm)
            direction = -1;
        if (direction == 0)
            continue;
        for (quint32 n : cluster.nodes) {
            const NodeRec &node = net.nodes[n];
            if (node.status != NodeStatus::Active || !m_random.chance(m_options.priceMovePpm))
                continue;
            const Int128 price = node.price.baseUnits();
            Int128 moved = price * (1'000'000 + direction * m_options.priceStepPpm) / 1'000'000;
            moved = moved / kCent * kCent; // whole cents
            moved = std::min(moved, cluster.maxPrice.baseUnits());
            if (moved <= 0 || moved == price)
                continue;
            SetReservationPriceTx tx;
            tx.provider = node.provider;
            tx.nodeId = node.id;
            tx.price = Amount::fromBaseUnits(moved);
            tx.nonce = m_engine.nextNonce(node.provider);
            tx.unsignedLocal = true;
            if (submit(tx))
                ++m_summary.priceChanges;
        }
    }
}

// The simulation's own oracles: addresses derived from the seed, registered once (unsigned local
// transactions), reused when the mirror already has them.
Result<void> Simulator::ensureOracles()
{
    if (!m_oracles.empty())
        return {};
    const QList<Address> registered = m_engine.oracles();
    for (qint32 i = 0; i < m_options.oracles; ++i) {
        const QByteArray digest = keccak256(QByteArray("ICN-SIM-ORACLE-") + QByteArray::number(m_options.seed) + '-'
                                            + QByteArray::number(i));
        const Address oracle = *Address::fromBytes(digest.right(20));
        if (!registered.contains(oracle)) {
            auto ok = submit(RegisterOracleTx{oracle, m_engine.nextNonce(oracle), true, {}});
            if (!ok)
                return ok.error();
        }
        m_oracles.push_back(oracle);
    }
    return {};
}

// What one oracle measures of one HN in one epoch: inside every target of the HN's cluster when it
// is healthy, outside one or more when it is failing. Each measurement is noisy, and a share
// (measurementErrorPpm) is simply wrong (a healthy HN measured as failing or the reverse); the
// median of the oracles absorbs a lone wrong one.
SlaMetrics Simulator::measure(const SlaTargets &t, bool failing)
{
    if (m_random.chance(m_options.measurementErrorPpm))
        failing = !failing;
    SlaMetrics m;
    if (!failing) {
        m.availabilityPpm = m_random.between(t.minAvailabilityPpm + (1'000'000 - t.minAvailabilityPpm) / 4, 1'000'000);
        m.latencyMs = m_random.between(std::max<qint64>(1, t.maxLatencyMs / 5), std::max<qint64>(1, t.maxLatencyMs * 4 / 5));
        m.bandwidthMbps = m_random.between(t.minBandwidthMbps + t.minBandwidthMbps / 4 + 1, t.minBandwidthMbps * 4 + 1);
        return m;
    }
    // A failing HN misses availability, and often latency or bandwidth too.
    m.availabilityPpm = t.minAvailabilityPpm > 0 ? m_random.between(t.minAvailabilityPpm * 9 / 10, t.minAvailabilityPpm - 1) : 0;
    m.latencyMs = m_random.chance(500'000) ? m_random.between(t.maxLatencyMs + 1, t.maxLatencyMs * 5 + 1)
                                           : m_random.between(std::max<qint64>(1, t.maxLatencyMs / 5), std::max<qint64>(1, t.maxLatencyMs));
    m.bandwidthMbps = m_random.chance(500'000) && t.minBandwidthMbps > 1 ? m_random.between(t.minBandwidthMbps / 10, t.minBandwidthMbps - 1)
                                                                         : m_random.between(t.minBandwidthMbps, t.minBandwidthMbps * 4 + 1);
    return m;
}

// Every epoch of the month: each oracle reports on each HN (one SLA report transaction for the
// epoch), some reports go missing, then the epoch is closed and the epoch's transactions persisted.
Result<void> Simulator::runEpochs(Month month)
{
    if (!m_options.sla)
        return {};
    if (auto ok = ensureOracles(); !ok)
        return ok;
    const NetworkState &net = m_engine.network();
    while (SlaClock::monthOfEpoch(m_engine.currentEpoch()) == month) {
        const qint64 epoch = m_engine.currentEpoch();
        // One packed batch per oracle (SlaBatchTx): 16 bytes a report.
        for (const Address &oracle : m_oracles) {
            if (m_random.chance(m_options.oracleOutagePpm))
                continue; // this oracle is down for the whole epoch
            SlaBatchTx batch;
            batch.oracle = oracle;
            batch.epoch = epoch;
            // Sized once and written in place: four appends a report cost more than measuring it.
            batch.packed.resize(static_cast<qsizetype>(net.nodes.size()) * SlaBatchTx::kEntryBytes);
            char *out = batch.packed.data();
            const auto put = [&out](qint64 v) {
                const auto u = static_cast<quint32>(v);
                out[0] = char(u >> 24);
                out[1] = char(u >> 16);
                out[2] = char(u >> 8);
                out[3] = char(u);
                out += 4;
            };
            for (quint32 n = 0; n < net.nodes.size(); ++n) {
                const NodeRec &node = net.nodes[n];
                if (node.status == NodeStatus::Offboarded || m_random.chance(m_options.missingReportPpm))
                    continue;
                const SlaMetrics m = measure(net.clusters[node.cluster].slaTargets, nodeFailing(n, epoch));
                put(n);
                put(m.availabilityPpm);
                put(m.latencyMs);
                put(m.bandwidthMbps);
            }
            batch.packed.truncate(out - batch.packed.constData());
            if (batch.packed.isEmpty())
                continue;
            const auto count = static_cast<quint64>(batch.packed.size() / SlaBatchTx::kEntryBytes);
            auto ok = submit(batch);
            if (!ok)
                return ok.error();
            m_summary.slaReports += count;
        }
        auto closed = submit(CloseEpochTx{epoch});
        if (!closed)
            return closed.error();
        ++m_summary.epochsClosed;
        m_summary.nodeEpochs += net.nodes.size();
        if (auto ok = flush(); !ok)
            return ok;
    }
    return {};
}

// Funds `sp` from the faucet when it cannot cover `needed` (false when the pool ran dry).
bool Simulator::ensureBalance(const Address &sp, Amount needed)
{
    if (m_engine.balance(sp) >= needed)
        return true;
    return submit(FaucetTx{sp, std::max(m_options.spTopUp, needed)}).ok();
}

// §8: first the auctions whose deadline epoch has come are awarded (tenders) or run (reverse
// auctions) by the SP that posted them; then SPs post new ones on random clusters, with bids due
// kAuctionDeadlineEpochs epochs later (inside this month: they settle at the next month's start)
// for capacity three months ahead, and the HPs of the cluster bid (tenders: a sealed price between
// their reservation price and the maximum, about a third with a bond; reverse auctions: a drop-out
// price, often just their reservation price).
Result<void> Simulator::runAuctions(Month month)
{
    constexpr qint64 kAuctionDeadlineEpochs = 7; // a week of daily epochs
    const qint64 now = m_engine.currentEpoch();
    for (const TenderView &t : m_engine.tenders())
        if (t.state == TenderState::Open && t.spec.bidDeadlineEpoch <= now)
            (void)submit(TenderAwardTx{t.spec.sp, t.id, m_engine.nextNonce(t.spec.sp), true, {}});
    for (const ReverseAuctionView &a : m_engine.reverseAuctions())
        if (a.state == ReverseAuctionState::Open && a.clockEpoch <= now)
            (void)submit(RunAuctionTx{a.spec.sp, a.id, m_engine.nextNonce(a.spec.sp), true, {}});

    const NetworkState &net = m_engine.network();
    if (net.clusters.empty() || m_sps.empty())
        return {};
    constexpr Int128 kCent = Amount::kUnitsPerIcnt / 100;
    const ProtocolParams &p = m_engine.params();
    const qint32 count = m_options.tendersPerMonth + m_options.reverseAuctionsPerMonth;
    for (qint32 i = 0; i < count; ++i) {
        const bool tender = i < m_options.tendersPerMonth;
        const quint32 c = static_cast<quint32>(m_random.below(net.clusters.size()));
        const ClusterRec &cluster = net.clusters[c];
        const Address sp = m_sps[m_random.below(m_sps.size())];
        const Month start = month.plus(3);
        const qint32 months = static_cast<qint32>(m_random.between(p.minBookingMonths, std::max(p.minBookingMonths, 6)));
        const qint64 size = m_random.between(m_options.minSizeTb, m_options.maxSizeTb * 2);
        // The lock: max price × size × D plus the region's margin (docs/auctions.md).
        const Int128 hp = cluster.maxPrice.baseUnits() * size * months;
        const Amount lock = Amount::fromBaseUnits(hp + hp * net.marginPpmOfCluster(c) / 1'000'000 + 1);
        if (!ensureBalance(sp, lock))
            continue;
        quint64 id = 0;
        if (tender) {
            PostTenderTx t;
            t.sp = sp;
            t.scope = cluster.id;
            t.sizeTb = size;
            t.startMonth = start;
            t.months = months;
            t.maxPrice = cluster.maxPrice;
            t.bidDeadlineEpoch = now + kAuctionDeadlineEpochs;
            t.partialFill = m_random.chance(500'000);
            t.nonce = m_engine.nextNonce(sp);
            t.unsignedLocal = true;
            if (!submit(t))
                continue;
            id = static_cast<quint64>(m_engine.tenders().size());
            ++m_summary.tenders;
        } else {
            PostAuctionTx a;
            a.sp = sp;
            a.scope = cluster.id;
            a.sizeTb = size;
            a.startMonth = start;
            a.months = months;
            a.ceilingPrice = cluster.maxPrice;
            a.decrementPpm = 20'000;
            a.floorPrice = Amount::fromBaseUnits(cluster.maxPrice.baseUnits() / 2 / kCent * kCent);
            a.clockEpoch = now + kAuctionDeadlineEpochs;
            a.nonce = m_engine.nextNonce(sp);
            a.unsignedLocal = true;
            if (!submit(a))
                continue;
            id = static_cast<quint64>(m_engine.reverseAuctions().size());
            ++m_summary.reverseAuctions;
        }
        const auto free = m_engine.capacity(cluster.id, MonthRange{start, months});
        if (!free)
            continue;
        for (const CapacityView &hn : free->children) {
            const auto at = net.nodeIndex.constFind(hn.scopeId);
            if (at == net.nodeIndex.constEnd() || hn.freeTbWholeRange <= 0 || !m_random.chance(600'000))
                continue;
            const NodeRec &node = net.nodes[at.value()];
            if (node.status != NodeStatus::Active)
                continue;
            const Int128 low = node.price.baseUnits() / kCent, high = cluster.maxPrice.baseUnits() / kCent;
            const Amount price = Amount::fromBaseUnits(static_cast<Int128>(m_random.between(qint64(low), qint64(std::max(low, high)))) * kCent);
            if (tender) {
                TenderBidTx b;
                b.bidder = node.provider;
                b.tenderId = id;
                b.nodeId = node.id;
                b.offeredTb = std::min(hn.freeTbWholeRange, size);
                b.price = std::min(price, cluster.maxPrice);
                // About a third of the bids carry a bond (§8: it lowers the quality-adjusted price,
                // up to 25 % of price × offered × D): 1–25 % of that, whole cents, as far as the
                // HP's balance goes.
                if (m_random.chance(330'000)) {
                    const Int128 worth = b.price.baseUnits() * b.offeredTb * months;
                    const Int128 wanted = worth * m_random.between(1, 25) / 100 / kCent * kCent;
                    const Int128 bond = std::min(wanted, m_engine.balance(node.provider).baseUnits() / kCent * kCent);
                    if (bond > 0)
                        b.bond = Amount::fromBaseUnits(bond);
                }
                b.nonce = m_engine.nextNonce(node.provider);
                b.unsignedLocal = true;
                (void)submit(b); // a bid the rules refuse is simply not made
            } else {
                SetDropOutTx d;
                d.bidder = node.provider;
                d.auctionId = id;
                d.nodeId = node.id;
                d.dropOutPrice = m_random.chance(500'000) ? Amount() : std::min(price, cluster.maxPrice);
                d.nonce = m_engine.nextNonce(node.provider);
                d.unsignedLocal = true;
                (void)submit(d);
            }
        }
    }
    return {};
}

} // namespace icn
