// PROTOCOL.md §7 in the engine: SLA oracles, reports, epoch close (medians, quorum, breach, grace,
// escalating slashes, jailing, reliability), withholding at month close and compensation claims.
// Same pattern as EngineApply.cpp: stage* validates reading only, execute* mutates and cannot fail.
#include "Engine.h"

#include "BookingTypedData.h"
#include "Collateral.h"
#include "EngineErrors.h"
#include "SlaTypedData.h"
#include "Withholding.h"

#include <QCoreApplication>
#include <QDate>

#include <algorithm>

namespace icn {

namespace errs = engine_errors;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Engine", text);
}

const QDate &unixDay0()
{
    static const QDate d(1970, 1, 1);
    return d;
}

Result<void> checkSigned(const QString &prefix, bool unsignedLocal, const QByteArray &signature, const Address &account,
                         const auto &digestOf)
{
    if (unsignedLocal) {
        if (!signature.isEmpty())
            return errs::badSignature(prefix, tr("a transaction marked unsigned carries a signature."));
        return {};
    }
    if (signature.isEmpty())
        return errs::badSignature(prefix, tr("the transaction is not signed."));
    return verifySignature(prefix, digestOf(), signature, account);
}

QString reportField(qsizetype index, const QString &field)
{
    return QStringLiteral("reports[%1].%2").arg(index).arg(field);
}

Error reportError(const QString &code, qsizetype index, const QString &field, const QString &message,
                  QVariantMap details = {})
{
    details.insert(QStringLiteral("index"), static_cast<qint64>(index));
    return Error::make(code, message, reportField(index, field), details);
}

// HNs added after the genesis (§6 registration) have no SLA state until a mutation grows the
// per-HN vectors (growSla); reads see the initial state.
qint32 headOf(const SlaState &sla, quint32 node)
{
    return node < sla.head.size() ? sla.head[node] : -1;
}

const SlaNodeRec &nodeRecOf(const SlaState &sla, quint32 node)
{
    static const SlaNodeRec initial;
    return node < sla.nodes.size() ? sla.nodes[node] : initial;
}

const Reliability &reliabilityOf(const SlaState &sla, quint32 node)
{
    static const Reliability initial;
    return node < sla.reliability.size() ? sla.reliability[node] : initial;
}

void growSla(SlaState &sla, size_t nodeCount, qint32 window)
{
    if (sla.nodes.size() >= nodeCount)
        return;
    sla.nodes.resize(nodeCount);
    sla.reliability.resize(nodeCount, Reliability(window));
    sla.head.resize(nodeCount, -1);
}

// §7 × §8 (docs/auctions.md §4 "Bonds are slashable"): a slashing breach epoch of an HN slashes
// each of its kept winners' bonds by the epoch's slash ppm, bond by bond, truncating like the
// collateral slash. In keptBonds order (award order), so the result is deterministic.
struct BondSlash
{
    size_t kept = 0; // index into AuctionBook::keptBonds
    quint32 node = 0;
    Amount amount;
};

Amount slashOf(Amount a, qint64 ppm)
{
    // floor(a × ppm / 10^6) without overflow, never more than a (ppm ≤ 10^6): as BreachTracker.
    const Int128 c = a.isNegative() ? Int128(0) : a.baseUnits();
    return Amount::fromBaseUnits((c / Amount::kPpm) * ppm + (c % Amount::kPpm) * ppm / Amount::kPpm);
}

std::vector<BondSlash> bondSlashes(const AuctionBook &auctions, const NetworkState &net, const std::vector<SlaNodeStep> &steps)
{
    std::vector<BondSlash> out;
    if (auctions.keptBonds.empty())
        return out;
    if (std::none_of(steps.begin(), steps.end(), [](const SlaNodeStep &s) { return s.step.slashPpm > 0; }))
        return out;
    for (size_t i = 0; i < auctions.keptBonds.size(); ++i) {
        const KeptBondRec &k = auctions.keptBonds[i];
        const auto node = net.nodeIndex.constFind(k.nodeId);
        if (node == net.nodeIndex.constEnd() || node.value() >= steps.size())
            continue;
        const qint64 ppm = steps[node.value()].step.slashPpm;
        if (ppm <= 0)
            continue;
        const Amount amount = slashOf(k.amount, ppm);
        if (amount > Amount())
            out.push_back(BondSlash{i, node.value(), amount});
    }
    return out;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Clock

qint64 SlaClock::firstEpochOf(Month month)
{
    return unixDay0().daysTo(month.firstDay());
}

Month SlaClock::monthOfEpoch(qint64 epoch)
{
    const QDate d = unixDay0().addDays(epoch);
    return Month::fromYearMonth(d.year(), d.month());
}

QString SlaClock::dateOf(qint64 epoch)
{
    return unixDay0().addDays(epoch).toString(Qt::ISODate);
}

void Engine::initSla()
{
    const qint64 first = SlaClock::firstEpochOf(m_current);
    const qint64 last = first + m_current.daysInMonth() - 1;
    // The current epoch always lies inside the current month.
    if (m_epoch < first || m_epoch > last)
        m_epoch = first;
    growSla(m_sla, m_net.nodes.size(), params().reliabilityWindowEpochs);
}

void Engine::slaMonthClosed()
{
    // Epochs of the month that were never closed are unobserved (neutral): their open reports go.
    const qint64 first = SlaClock::firstEpochOf(m_current);
    if (m_epoch < first) {
        m_epoch = first;
        m_sla.open.clear();
        std::fill(m_sla.head.begin(), m_sla.head.end(), -1);
    }
    for (SlaNodeRec &n : m_sla.nodes)
        n.breachDaysThisMonth = 0;
}

// ---------------------------------------------------------------------------------------------
// Oracles

Result<Engine::Staged> Engine::stageRegisterOracle(const RegisterOracleTx &tx) const
{
    const QString prefix = QStringLiteral("oracle");
    if (tx.oracle.isNull())
        return Error::make(QStringLiteral("oracle.no_account"), tr("The oracle account is missing."), QStringLiteral("oracle"));
    if (auto sig = checkSigned(prefix, tx.unsignedLocal, tx.signature, tx.oracle,
                               [&] { return SlaTypedData::registerOracleDigest(tx.oracle, tx.nonce); });
        !sig)
        return sig.error();
    const quint64 expected = m_ledger.nextNonce(tx.oracle);
    if (tx.nonce != expected)
        return errs::badNonce(prefix, expected, tx.nonce);
    if (m_sla.oracleIndex.contains(tx.oracle))
        return Error::make(QStringLiteral("oracle.already_registered"),
                           tr("%1 is already a registered SLA oracle.").arg(tx.oracle.toChecksummed()), QStringLiteral("oracle"));
    if (m_sla.oracles.size() >= SlaState::kMaxOracles)
        return Error::make(QStringLiteral("oracle.too_many"), tr("At most %1 SLA oracles can register.").arg(SlaState::kMaxOracles),
                           QStringLiteral("oracle"));
    Staged st;
    ByteWriter w;
    w.u32(static_cast<quint32>(m_sla.oracles.size() + 1)); // registered oracles after this one
    st.receipt.details = w.toByteArray();
    return st;
}

void Engine::executeRegisterOracle(const RegisterOracleTx &tx)
{
    const quint32 account = m_ledger.ensure(tx.oracle);
    m_ledger.bumpNonce(account);
    m_sla.oracleIndex.insert(tx.oracle, static_cast<quint32>(m_sla.oracles.size()));
    m_sla.oracles.push_back(tx.oracle);
}

// ---------------------------------------------------------------------------------------------
// Reports

Result<Engine::Staged> Engine::stageSlaReports(const SlaReportTx &tx) const
{
    if (tx.reports.isEmpty())
        return Error::make(QStringLiteral("sla.no_reports"), tr("The transaction carries no SLA report."), QStringLiteral("reports"));
    struct Key
    {
        quint32 node;
        quint32 oracle;
        qsizetype index;
    };
    std::vector<Key> keys;
    keys.reserve(static_cast<size_t>(tx.reports.size()));
    for (qsizetype i = 0; i < tx.reports.size(); ++i) {
        const SlaReport &r = tx.reports[i];
        if (auto ok = r.validate(); !ok)
            return reportError(QStringLiteral("sla.bad_values"), i, ok.error().field, ok.error().message,
                               {{QStringLiteral("reason"), ok.error().code}});
        if (r.epoch < m_epoch)
            return reportError(QStringLiteral("sla.epoch_closed"), i, QStringLiteral("epoch"),
                               tr("Epoch %1 is closed; reports are taken for the current epoch %2 only.").arg(r.epoch).arg(m_epoch),
                               {{QStringLiteral("currentEpoch"), m_epoch}, {QStringLiteral("epoch"), r.epoch}});
        if (r.epoch > m_epoch)
            return reportError(QStringLiteral("sla.epoch_in_future"), i, QStringLiteral("epoch"),
                               tr("Epoch %1 has not started; the current epoch is %2.").arg(r.epoch).arg(m_epoch),
                               {{QStringLiteral("currentEpoch"), m_epoch}, {QStringLiteral("epoch"), r.epoch}});
        const auto oracle = m_sla.oracleIndex.constFind(r.oracle);
        if (oracle == m_sla.oracleIndex.constEnd())
            return reportError(QStringLiteral("sla.unknown_oracle"), i, QStringLiteral("oracle"),
                               tr("%1 is not a registered SLA oracle.").arg(r.oracle.toChecksummed()));
        const auto node = m_net.nodeIndex.constFind(r.hnId);
        if (node == m_net.nodeIndex.constEnd())
            return reportError(QStringLiteral("sla.unknown_hn"), i, QStringLiteral("hnId"), tr("There is no HN %1.").arg(r.hnId));
        if (tx.unsignedLocal) {
            if (!r.signature.isEmpty())
                return reportError(QStringLiteral("sla.bad_signature"), i, QStringLiteral("signature"),
                                   tr("A report in an unsigned transaction carries a signature."));
        } else if (auto ok = r.verify(); !ok) {
            return reportError(QStringLiteral("sla.bad_signature"), i, QStringLiteral("signature"),
                               tr("The report is not signed by its oracle."));
        }
        // Already admitted for this epoch?
        for (qint32 at = headOf(m_sla, node.value()); at >= 0; at = m_sla.open[static_cast<size_t>(at)].next)
            if (m_sla.open[static_cast<size_t>(at)].oracle == oracle.value())
                return reportError(QStringLiteral("sla.duplicate_report"), i, QStringLiteral("oracle"),
                                   tr("Oracle %1 already reported HN %2 for epoch %3.")
                                       .arg(r.oracle.toChecksummed(), r.hnId).arg(r.epoch));
        keys.push_back(Key{node.value(), oracle.value(), i});
    }
    // Twice in this transaction: the later one is refused.
    std::sort(keys.begin(), keys.end(), [](const Key &a, const Key &b) {
        return std::tie(a.node, a.oracle, a.index) < std::tie(b.node, b.oracle, b.index);
    });
    qsizetype firstDuplicate = -1;
    for (size_t k = 1; k < keys.size(); ++k)
        if (keys[k].node == keys[k - 1].node && keys[k].oracle == keys[k - 1].oracle
            && (firstDuplicate < 0 || keys[k].index < firstDuplicate))
            firstDuplicate = keys[k].index;
    if (firstDuplicate >= 0) {
        const SlaReport &r = tx.reports[firstDuplicate];
        return reportError(QStringLiteral("sla.duplicate_report"), firstDuplicate, QStringLiteral("oracle"),
                           tr("Oracle %1 reports HN %2 for epoch %3 twice.").arg(r.oracle.toChecksummed(), r.hnId).arg(r.epoch));
    }
    Staged st;
    ByteWriter w;
    w.i64(m_epoch);
    w.u32(static_cast<quint32>(tx.reports.size()));
    st.receipt.details = w.toByteArray();
    return st;
}

namespace {

quint32 packedU32(const QByteArray &packed, qsizetype at)
{
    const auto *p = reinterpret_cast<const unsigned char *>(packed.constData()) + at;
    return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
}

Error batchError(const QString &code, qsizetype index, const QString &field, const QString &message)
{
    return Error::make(code, message, QStringLiteral("packed[%1].%2").arg(index).arg(field),
                       {{QStringLiteral("index"), static_cast<qint64>(index)}});
}

} // namespace

// The packed local form of SlaReportTx (one oracle, one epoch): the same rules, entry by entry.
Result<Engine::Staged> Engine::stageSlaBatch(const SlaBatchTx &tx) const
{
    const qsizetype count = tx.packed.size() / SlaBatchTx::kEntryBytes;
    if (count == 0 || tx.packed.size() % SlaBatchTx::kEntryBytes != 0)
        return Error::make(QStringLiteral("sla.no_reports"), tr("The batch carries no whole SLA report."), QStringLiteral("packed"));
    if (tx.epoch < m_epoch)
        return Error::make(QStringLiteral("sla.epoch_closed"),
                           tr("Epoch %1 is closed; reports are taken for the current epoch %2 only.").arg(tx.epoch).arg(m_epoch),
                           QStringLiteral("epoch"));
    if (tx.epoch > m_epoch)
        return Error::make(QStringLiteral("sla.epoch_in_future"),
                           tr("Epoch %1 has not started; the current epoch is %2.").arg(tx.epoch).arg(m_epoch), QStringLiteral("epoch"));
    const auto oracle = m_sla.oracleIndex.constFind(tx.oracle);
    if (oracle == m_sla.oracleIndex.constEnd())
        return Error::make(QStringLiteral("sla.unknown_oracle"), tr("%1 is not a registered SLA oracle.").arg(tx.oracle.toChecksummed()),
                           QStringLiteral("oracle"));
    qint64 previous = -1;
    for (qsizetype i = 0; i < count; ++i) {
        const qsizetype at = i * SlaBatchTx::kEntryBytes;
        const quint32 node = packedU32(tx.packed, at);
        if (node >= m_net.nodes.size())
            return batchError(QStringLiteral("sla.unknown_hn"), i, QStringLiteral("node"), tr("There is no HN with index %1.").arg(node));
        if (qint64(node) <= previous)
            return batchError(QStringLiteral("sla.bad_batch"), i, QStringLiteral("node"),
                              tr("HN indexes must be strictly ascending in a batch."));
        previous = node;
        // The HN id is the network's own and the epoch and oracle were checked above: only the
        // metrics can be out of range.
        const SlaMetrics metrics{packedU32(tx.packed, at + 4), packedU32(tx.packed, at + 8), packedU32(tx.packed, at + 12)};
        if (auto ok = SlaReport::validateMetrics(metrics); !ok)
            return batchError(QStringLiteral("sla.bad_values"), i, ok.error().field, ok.error().message);
        for (qint32 h = headOf(m_sla, node); h >= 0; h = m_sla.open[static_cast<size_t>(h)].next)
            if (m_sla.open[static_cast<size_t>(h)].oracle == oracle.value())
                return batchError(QStringLiteral("sla.duplicate_report"), i, QStringLiteral("node"),
                                  tr("Oracle %1 already reported HN %2 for epoch %3.")
                                      .arg(tx.oracle.toChecksummed(), m_net.nodes[node].id)
                                      .arg(tx.epoch));
    }
    Staged st;
    ByteWriter w;
    w.i64(m_epoch);
    w.u32(static_cast<quint32>(count));
    st.receipt.details = w.toByteArray();
    return st;
}

void Engine::executeSlaBatch(const SlaBatchTx &tx)
{
    growSla(m_sla, m_net.nodes.size(), params().reliabilityWindowEpochs);
    const quint32 oracle = m_sla.oracleIndex.value(tx.oracle);
    const qsizetype count = tx.packed.size() / SlaBatchTx::kEntryBytes;
    m_sla.open.reserve(m_sla.open.size() + static_cast<size_t>(count));
    for (qsizetype i = 0; i < count; ++i) {
        const qsizetype at = i * SlaBatchTx::kEntryBytes;
        const quint32 node = packedU32(tx.packed, at);
        const qint32 slot = static_cast<qint32>(m_sla.open.size());
        m_sla.open.push_back(SlaRawReport{node, oracle, m_sla.head[node],
                                          SlaMetrics{packedU32(tx.packed, at + 4), packedU32(tx.packed, at + 8),
                                                     packedU32(tx.packed, at + 12)}});
        m_sla.head[node] = slot;
    }
}

void Engine::executeSlaReports(const SlaReportTx &tx)
{
    growSla(m_sla, m_net.nodes.size(), params().reliabilityWindowEpochs);
    m_sla.open.reserve(m_sla.open.size() + static_cast<size_t>(tx.reports.size()));
    for (const SlaReport &r : tx.reports) {
        const quint32 node = m_net.nodeIndex.value(r.hnId);
        const qint32 at = static_cast<qint32>(m_sla.open.size());
        m_sla.open.push_back(SlaRawReport{node, m_sla.oracleIndex.value(r.oracle), m_sla.head[node], r.metrics});
        m_sla.head[node] = at;
    }
}

qint32 Engine::quorumReports() const
{
    const qint64 registered = static_cast<qint64>(m_sla.oracles.size());
    if (registered == 0)
        return 0;
    const ProtocolParams &p = params();
    // Smallest r with r × den ≥ registered × num.
    const qint64 need = (registered * p.quorumNumerator + p.quorumDenominator - 1) / p.quorumDenominator;
    return static_cast<qint32>(need);
}

// ---------------------------------------------------------------------------------------------
// Epoch close

Result<Engine::Staged> Engine::stageCloseEpoch(const CloseEpochTx &tx) const
{
    if (tx.epoch != m_epoch)
        return Error::make(QStringLiteral("close_epoch.wrong_epoch"),
                           tr("The current epoch is %1 (%2), not %3.").arg(m_epoch).arg(SlaClock::dateOf(m_epoch)).arg(tx.epoch),
                           QStringLiteral("epoch"),
                           {{QStringLiteral("expected"), m_epoch}, {QStringLiteral("got"), tx.epoch}});
    if (SlaClock::monthOfEpoch(m_epoch) != m_current)
        return Error::make(QStringLiteral("close_epoch.month_not_closed"),
                           tr("Epoch %1 (%2) belongs to the next month: close %3 first.")
                               .arg(m_epoch).arg(SlaClock::dateOf(m_epoch), m_current.toString()),
                           QStringLiteral("epoch"), {{QStringLiteral("month"), m_current.toString()}});

    const ProtocolParams &p = params();
    const auto registered = static_cast<qint32>(m_sla.oracles.size());
    Staged st;
    std::vector<SlaNodeStep> &steps = st.slaSteps;
    steps.resize(m_net.nodes.size());
    quint32 observed = 0, compliant = 0, breaches = 0, slashes = 0, jailed = 0;
    Amount slashed;
    SlaMetrics metrics[64];
    std::vector<SlaMetrics> many; // more reports than the stack buffer holds
    for (quint32 i = 0; i < m_net.nodes.size(); ++i) {
        const NodeRec &node = m_net.nodes[i];
        SlaNodeStep &s = steps[i];
        s.node = i;
        qint32 count = 0;
        for (qint32 at = headOf(m_sla, i); at >= 0; at = m_sla.open[static_cast<size_t>(at)].next)
            ++count;
        SlaMetrics *buffer = metrics;
        if (count > 64) {
            many.resize(static_cast<size_t>(count));
            buffer = many.data();
        }
        qint32 k = 0;
        for (qint32 at = headOf(m_sla, i); at >= 0; at = m_sla.open[static_cast<size_t>(at)].next)
            buffer[k++] = m_sla.open[static_cast<size_t>(at)].metrics;
        const SlaEpochResult result = SlaEpoch::decide(std::span<const SlaMetrics>(buffer, static_cast<size_t>(count)),
                                                       registered, m_net.clusters[node.cluster].slaTargets, p);
        s.outcome = result.outcome;
        s.reports = count;
        s.median = result.median;
        s.missedTargets = result.missedTargets;
        s.trackerAfter = nodeRecOf(m_sla, i).tracker;
        auto step = s.trackerAfter.record(m_epoch, result.outcome, node.collateral, p);
        if (!step) // cannot happen: epochs close in increasing order, collateral is never negative
            return step.error();
        s.step = *step;
        if (result.observed())
            ++observed;
        if (result.outcome == EpochOutcome::Compliant)
            ++compliant;
        if (result.breach())
            ++breaches;
        if (s.step.slashed > Amount()) {
            ++slashes;
            slashed = *slashed.add(s.step.slashed);
            s.jail = node.status == NodeStatus::Active && s.step.collateralAfter < node.jailThreshold;
            if (s.jail)
                ++jailed;
        }
    }
    Amount bondsSlashed;
    for (const BondSlash &b : bondSlashes(m_auctions, m_net, steps))
        bondsSlashed = *bondsSlashed.add(b.amount);
    Receipt &r = st.receipt;
    r.amount = *slashed.add(bondsSlashed); // everything this epoch moved to the treasury
    ByteWriter w;
    w.i64(m_epoch);
    w.u32(static_cast<quint32>(m_net.nodes.size()));
    w.u32(static_cast<quint32>(registered));
    for (quint32 v : {observed, compliant, breaches, slashes, jailed})
        w.u32(v);
    w.amount(slashed);
    if (bondsSlashed > Amount()) // §8 kept bonds slashed too (appended only then: older receipts keep their bytes)
        w.amount(bondsSlashed);
    r.details = w.toByteArray();
    r.figures = {{QStringLiteral("slashed"), slashed}};
    if (bondsSlashed > Amount()) // only then: receipts of epochs without kept bonds keep their bytes
        r.figures.append({QStringLiteral("bonds_slashed"), bondsSlashed});
    return st;
}

void Engine::executeCloseEpoch(const CloseEpochTx &, const Staged &st)
{
    const ProtocolParams &p = params();
    growSla(m_sla, m_net.nodes.size(), p.reliabilityWindowEpochs);
    std::vector<quint8> rerank(m_net.clusters.size(), 0); // 1: ranking changed, 2: servable HNs changed too
    // §8 bonds first (read from the state before this epoch's mutations, like the stage did).
    QHash<quint32, Amount> bondsSlashedOf;
    for (const BondSlash &b : bondSlashes(m_auctions, m_net, st.slaSteps)) {
        KeptBondRec &kept = m_auctions.keptBonds[b.kept];
        kept.amount = *kept.amount.sub(b.amount);
        m_ledger.bondToTreasury(b.amount);
        bondsSlashedOf[b.node] = *bondsSlashedOf.value(b.node).add(b.amount);
    }
    for (const SlaNodeStep &s : st.slaSteps) {
        NodeRec &node = m_net.nodes[s.node];
        SlaNodeRec &rec = m_sla.nodes[s.node];
        rec.tracker = s.trackerAfter;
        rec.lastOutcome = s.outcome;
        rec.lastClosedEpoch = m_epoch;
        if (s.outcome != EpochOutcome::Unobserved) {
            rec.lastObservedEpoch = m_epoch;
            rec.lastMedian = s.median;
        }
        if (s.step.breachDay)
            ++rec.breachDaysThisMonth;
        if (s.step.slashed > Amount()) {
            node.collateral = s.step.collateralAfter;
            m_ledger.collateralToTreasury(s.step.slashed);
            if (s.jail)
                node.status = NodeStatus::Jailed;
            const quint8 servable = m_net.hot[s.node].servable;
            m_net.hot[s.node] = m_net.makeHot(node);
            if (servable != m_net.hot[s.node].servable)
                rerank[node.cluster] = 2;
        }
        Reliability &rel = m_sla.reliability[s.node];
        const auto recorded = rel.record(m_epoch, s.outcome);
        Q_ASSERT(recorded.ok());
        // The genesis score stands until the engine has observed the HN (mirror rule); from then on
        // it is the core's score over the engine's own epochs.
        const auto score = rec.lastObservedEpoch >= 0 ? static_cast<qint32>(rel.scorePpm(p)) : node.reliabilityPpm;
        if (score != node.reliabilityPpm) {
            node.reliabilityPpm = score;
            rerank[node.cluster] = qMax<quint8>(rerank[node.cluster], 1);
        }
        if (s.outcome == EpochOutcome::Breach)
            m_sla.breaches.push_back(SlaBreachRecord{m_epoch, s.node, s.step.streak, s.step.k, s.step.slashPpm, s.step.slashed, s.jail});
        if (m_recordEvents) {
            emitEvent(NodeEpochEvent{m_epoch, node.id, s.outcome != EpochOutcome::Unobserved,
                                     s.outcome == EpochOutcome::Compliant, s.median.availabilityPpm, s.median.latencyMs,
                                     s.median.bandwidthMbps, score, m_net.clusters[node.cluster].id});
            const Amount bonds = bondsSlashedOf.value(s.node);
            if (s.step.slashed > Amount() || bonds > Amount())
                emitEvent(SlashEvent{m_epoch, node.id, s.step.k, s.step.slashPpm, s.step.slashed, s.jail, bonds});
            if (s.jail)
                emitEvent(NodeChangeEvent{node.id, QStringLiteral("jail"), node.collateral});
        }
    }
    for (quint32 c = 0; c < rerank.size(); ++c) {
        if (rerank[c])
            m_net.rerankCluster(c);
        if (rerank[c] == 2)
            refreshListedPrices(c, m_current.plus(1), m_book.horizon() - 1, m_applied + 1);
    }

    // Raw reports: this epoch's join the retention window; older ones go (medians stay in the
    // NodeEpochEvent history and every breach in m_sla.breaches).
    auto closed = std::make_shared<SlaRetainedEpoch>();
    closed->epoch = m_epoch;
    closed->reports.reserve(m_sla.open.size());
    for (const SlaRawReport &r : m_sla.open)
        closed->reports.push_back(SlaRetainedReport{r.node, static_cast<quint16>(r.oracle),
                                                    static_cast<quint32>(r.metrics.availabilityPpm),
                                                    static_cast<quint32>(r.metrics.latencyMs),
                                                    static_cast<quint32>(r.metrics.bandwidthMbps)});
    m_sla.open.clear(); // keeps its capacity for the next epoch
    std::fill(m_sla.head.begin(), m_sla.head.end(), -1);
    m_sla.retained.push_back(std::move(closed));
    while (!m_sla.retained.empty() && m_sla.retained.front()->epoch <= m_epoch - p.slaReportRetentionEpochs)
        m_sla.retained.pop_front();
    ++m_epoch;
}

// ---------------------------------------------------------------------------------------------
// Withholding at month close and claims

Amount Engine::withheldPayment(quint32 booking, quint32 slice, Month month, Amount due)
{
    const quint32 node = m_slices[slice].node;
    const qint32 days = nodeRecOf(m_sla, node).breachDaysThisMonth;
    if (days <= 0 || due <= Amount())
        return Amount();
    const auto split = Withholding::split(due, qMin(days, month.daysInMonth()), month.daysInMonth());
    Q_ASSERT(split.ok()); // due ≥ 0 and days within the month
    const Amount withheld = split->withheld;
    if (withheld <= Amount())
        return Amount();
    if (m_sla.sliceWithheld.size() <= slice)
        m_sla.sliceWithheld.resize(m_slices.size());
    m_sla.sliceWithheld[slice] = *m_sla.sliceWithheld[slice].add(withheld);
    m_sla.withholdings.push_back(SlaWithholdingRecord{month, booking, node, days, withheld});
    emitEvent(WithholdingEvent{month, quint64(booking) + 1, m_net.nodes[node].id, days, withheld});
    return withheld;
}

Amount Engine::claimable(quint64 bookingId) const
{
    if (bookingId == 0 || bookingId > m_bookings.size())
        return Amount();
    const BookingRec &b = m_bookings[bookingId - 1];
    Amount sum;
    for (quint32 s = b.firstSlice; s < b.firstSlice + b.sliceCount; ++s)
        sum = *sum.add(m_sla.withheldOf(s));
    return sum;
}

Result<Engine::Staged> Engine::stageClaim(const ClaimCompensationTx &tx) const
{
    const QString prefix = QStringLiteral("claim");
    if (tx.sp.isNull())
        return Error::make(QStringLiteral("claim.no_account"), tr("The SP account is missing."), QStringLiteral("sp"));
    if (auto sig = checkSigned(prefix, tx.unsignedLocal, tx.signature, tx.sp,
                               [&] { return SlaTypedData::claimDigest(tx.sp, tx.bookingId, tx.nonce); });
        !sig)
        return sig.error();
    const quint64 expected = m_ledger.nextNonce(tx.sp);
    if (tx.nonce != expected)
        return errs::badNonce(prefix, expected, tx.nonce);
    if (tx.bookingId == 0 || tx.bookingId > m_bookings.size())
        return Error::make(QStringLiteral("claim.unknown_booking"), tr("There is no booking #%1.").arg(tx.bookingId),
                           QStringLiteral("bookingId"));
    const BookingRec &b = m_bookings[tx.bookingId - 1];
    if (!(m_ledger.account(b.spAccount).address == tx.sp))
        return Error::make(QStringLiteral("claim.not_sp"), tr("Only the booking's SP can claim its compensation."),
                           QStringLiteral("sp"));
    const Amount amount = claimable(tx.bookingId);
    if (amount <= Amount())
        return Error::make(QStringLiteral("claim.nothing_to_claim"),
                           tr("Booking #%1 has no withheld ICNT to claim.").arg(tx.bookingId), QStringLiteral("bookingId"));
    Staged st;
    st.account = b.spAccount;
    st.receipt.amount = amount;
    st.receipt.bookingId = tx.bookingId;
    ByteWriter w;
    w.u64(tx.bookingId);
    w.amount(amount);
    st.receipt.details = w.toByteArray();
    st.receipt.figures = {{QStringLiteral("claimed"), amount}};
    return st;
}

void Engine::executeClaim(const ClaimCompensationTx &tx, const Staged &st)
{
    const BookingRec &b = m_bookings[tx.bookingId - 1];
    for (quint32 s = b.firstSlice; s < b.firstSlice + b.sliceCount && s < m_sla.sliceWithheld.size(); ++s) {
        Amount &w = m_sla.sliceWithheld[s];
        m_slices[s].escrowLeft = *m_slices[s].escrowLeft.sub(w);
        w = Amount();
    }
    m_ledger.escrowToAccount(st.account, st.receipt.amount);
    m_ledger.bumpNonce(st.account);
    m_sla.claims.push_back(SlaClaimRecord{static_cast<quint32>(tx.bookingId - 1), st.receipt.amount, m_applied + 1});
    emitEvent(ClaimEvent{tx.bookingId, tx.sp.toChecksummed(), st.receipt.amount});
}

// ---------------------------------------------------------------------------------------------
// Reads and the state digest

std::optional<SlaNodeInfo> Engine::slaNode(const QString &nodeId) const
{
    const auto it = m_net.nodeIndex.constFind(nodeId);
    if (it == m_net.nodeIndex.constEnd())
        return std::nullopt;
    const quint32 i = it.value();
    const NodeRec &node = m_net.nodes[i];
    const SlaNodeRec &rec = nodeRecOf(m_sla, i);
    const Reliability &rel = reliabilityOf(m_sla, i);
    SlaNodeInfo info;
    info.nodeId = node.id;
    info.status = node.status;
    info.collateral = node.collateral;
    info.inBreach = rec.tracker.inBreach();
    info.streak = rec.tracker.streak();
    info.k = rec.tracker.k(params());
    info.reliabilityPpm = node.reliabilityPpm;
    info.observed = rel.observed();
    info.compliant = rel.compliant();
    info.lastOutcome = rec.lastOutcome;
    info.lastClosedEpoch = rec.lastClosedEpoch;
    info.lastObservedEpoch = rec.lastObservedEpoch;
    info.lastMedian = rec.lastMedian;
    info.breachDaysThisMonth = rec.breachDaysThisMonth;
    for (qint32 at = headOf(m_sla, i); at >= 0; at = m_sla.open[static_cast<size_t>(at)].next)
        ++info.openReports;
    return info;
}

QList<Address> Engine::oracles() const
{
    return QList<Address>(m_sla.oracles.begin(), m_sla.oracles.end());
}

void Engine::writeSlaState(ByteWriter &w) const
{
    w.raw("SLA-1");
    w.u32(static_cast<quint32>(m_sla.oracles.size()));
    for (const Address &a : m_sla.oracles)
        w.address(a);
    for (quint32 i = 0; i < m_net.nodes.size(); ++i) {
        const SlaNodeRec &n = nodeRecOf(m_sla, i);
        w.i64(n.tracker.lastEpoch());
        w.i32(n.tracker.streak());
        w.u8(static_cast<quint8>(n.lastOutcome));
        w.i64(n.lastObservedEpoch);
        w.i32(n.breachDaysThisMonth);
        w.i32(reliabilityOf(m_sla, i).observed());
        w.i32(reliabilityOf(m_sla, i).compliant());
    }
    // Open reports in admission order (the order transactions added them).
    w.u32(static_cast<quint32>(m_sla.open.size()));
    for (const SlaRawReport &r : m_sla.open) {
        w.u32(r.node);
        w.u32(r.oracle);
        w.i64(r.metrics.availabilityPpm);
        w.i64(r.metrics.latencyMs);
        w.i64(r.metrics.bandwidthMbps);
    }
    w.u32(static_cast<quint32>(m_sla.sliceWithheld.size()));
    for (Amount a : m_sla.sliceWithheld)
        w.amount(a);
    w.u32(static_cast<quint32>(m_sla.breaches.size()));
    w.u32(static_cast<quint32>(m_sla.withholdings.size()));
    w.u32(static_cast<quint32>(m_sla.claims.size()));
}

} // namespace icn
