// The §6 transactions of Hardware Providers (register, reservation price, collateral, commitment,
// offboarding), capacity rewards at month close, and the per-HN economics reads. Same pattern as
// EngineApply.cpp: stageNode() checks everything and reads only; executeNode() mutates and cannot
// fail. The rules themselves are the Collateral and CapacityRewards cores.
#include "Engine.h"

#include "BookingTypedData.h"
#include "CapacityRewards.h"
#include "Collateral.h"
#include "EngineErrors.h"
#include "NodeTypedData.h"

#include <QCoreApplication>

#include <algorithm>

namespace icn {

namespace errs = engine_errors;

namespace {

const QString kPrefix = QStringLiteral("hn");
// Longest commitment a registration or one extension may ask for (mirror rule, keeps months in range).
constexpr qint32 kMaxCommitmentMonths = 1200;
// Tag of the capacity-rewards block in a close_month receipt's details.
constexpr quint8 kRewardsDetailsTag = 10;

QString tr(const char *text)
{
    return QCoreApplication::translate("Engine", text);
}

Error hnError(const char *reason, const QString &message, const char *field, const QVariantMap &details = {})
{
    return Error::make(kPrefix + QLatin1Char('.') + QLatin1String(reason), message, QString::fromLatin1(field), details);
}

// The Collateral core speaks "collateral.*", "commitment.*", "reservation_price.*"; a transaction
// reports them as "hn.*" with the same message, field and details.
Error fromCore(const Error &core, const char *field = nullptr)
{
    const QString code = core.code;
    const QString reason = code.section(QLatin1Char('.'), 1);
    QString mapped;
    if (code.startsWith(QLatin1String("commitment.")))
        mapped = QStringLiteral("commitment_") + reason;
    else if (code.startsWith(QLatin1String("reservation_price.")))
        mapped = QStringLiteral("price_") + reason;
    else if (code == QLatin1String("collateral.insufficient"))
        mapped = QStringLiteral("collateral_insufficient");
    else if (code == QLatin1String("collateral.below_registration_minimum"))
        mapped = QStringLiteral("deposit_below_minimum");
    else
        mapped = reason;
    Error e = core;
    e.code = kPrefix + QLatin1Char('.') + mapped;
    if (field)
        e.field = QString::fromLatin1(field); // the transaction's field, not the core's
    return e;
}

template <typename T>
Result<void> checkNodeSignature(const T &tx)
{
    if (tx.unsignedLocal) {
        if (!tx.signature.isEmpty())
            return errs::badSignature(kPrefix, tr("a transaction marked unsigned carries a signature."));
        return {};
    }
    if (tx.signature.isEmpty())
        return errs::badSignature(kPrefix, tr("the transaction is not signed."));
    return verifySignature(kPrefix, NodeTypedData::digest(tx), tx.signature, tx.provider);
}

QByteArray nodeDetails(const NodeRec &n)
{
    ByteWriter w;
    w.string(n.id);
    w.u8(static_cast<quint8>(n.status));
    w.amount(n.price);
    w.amount(n.collateral);
    w.amount(n.requiredCollateral);
    w.month(n.commitmentEnd);
    return w.toByteArray();
}

} // namespace

QString nodeStatusName(NodeStatus status)
{
    switch (status) {
    case NodeStatus::Registered:
        return QStringLiteral("registered");
    case NodeStatus::Active:
        return QStringLiteral("active");
    case NodeStatus::Jailed:
        return QStringLiteral("jailed");
    case NodeStatus::Offboarded:
        break;
    }
    return QStringLiteral("offboarded");
}

// --- shared checks -------------------------------------------------------------------------------

Result<quint32> Engine::ownedNode(const QString &, const Address &provider, const QString &nodeId) const
{
    const auto it = m_net.nodeIndex.constFind(nodeId);
    if (it == m_net.nodeIndex.constEnd())
        return hnError("unknown_node", tr("There is no HN %1.").arg(nodeId), "nodeId");
    const NodeRec &n = m_net.nodes[it.value()];
    if (!(n.provider == provider))
        return hnError("not_provider", tr("HN %1 belongs to %2.").arg(nodeId, n.provider.toChecksummed()), "provider",
                       {{QStringLiteral("provider"), n.provider.toChecksummed()}});
    if (n.status == NodeStatus::Offboarded)
        return hnError("offboarded", tr("HN %1 is offboarded.").arg(nodeId), "nodeId");
    return it.value();
}

std::pair<qint64, qint64> Engine::activeAndPendingBookings(quint32 node) const
{
    qint64 active = 0, pending = 0;
    for (quint32 bi : m_open) {
        const BookingRec &b = m_bookings[bi];
        bool onNode = false;
        for (quint32 s = b.firstSlice; s < b.firstSlice + b.sliceCount && !onNode; ++s)
            onNode = m_slices[s].node == node;
        if (!onNode)
            continue;
        if (b.start > m_current)
            ++pending;
        else
            ++active; // open bookings end at or after the current month
    }
    return {active, pending};
}

// Signature, then the provider account's nonce: the first steps of every §6 transaction.
#define ICN_HN_SIGNED(tx)                                                                                              \
    if ((tx).provider.isNull())                                                                                        \
        return hnError("no_account", tr("The provider account is missing."), "provider");                             \
    if (auto sig = checkNodeSignature(tx); !sig)                                                                       \
        return sig.error();                                                                                            \
    if (const quint64 expected = m_ledger.nextNonce((tx).provider); (tx).nonce != expected)                            \
        return errs::badNonce(kPrefix, expected, (tx).nonce);

// --- register ------------------------------------------------------------------------------------

Result<Engine::Staged> Engine::stageNode(const RegisterNodeTx &tx) const
{
    ICN_HN_SIGNED(tx)
    const ProtocolParams &p = m_genesis.params;
    if (tx.nodeId.isEmpty() || tx.nodeId.size() > NetworkState::kMaxIdLength)
        return hnError("bad_id", tr("An HN id has 1 to %1 characters.").arg(NetworkState::kMaxIdLength), "nodeId");
    if (m_net.nodeIndex.contains(tx.nodeId))
        return hnError("duplicate_id", tr("HN %1 already exists.").arg(tx.nodeId), "nodeId");
    const ScopeRef *scope = m_net.findScope(tx.clusterId);
    if (!scope || scope->kind != ScopeKind::Cluster)
        return hnError("unknown_cluster", tr("There is no cluster %1.").arg(tx.clusterId), "clusterId");
    const ClusterRec &cluster = m_net.clusters[scope->index];
    const auto members = std::count_if(cluster.nodes.begin(), cluster.nodes.end(),
                                       [this](quint32 n) { return m_net.nodes[n].status != NodeStatus::Offboarded; });
    if (members >= p.maxHnsPerCluster)
        return hnError("cluster_full", tr("Cluster %1 already holds %2 HNs.").arg(cluster.id).arg(members), "clusterId",
                       {{QStringLiteral("limit"), p.maxHnsPerCluster}});
    if (tx.capacityTb <= 0 || tx.capacityTb > NetworkState::kMaxNodeCapacityTb)
        return hnError("bad_capacity", tr("Capacity must be between 1 and %1 TB.").arg(NetworkState::kMaxNodeCapacityTb),
                       "capacityTb");
    if (auto price = Collateral::checkReservationPrice(tx.reservationPrice, cluster.maxPrice); !price)
        return fromCore(price.error());
    if (tx.maxDurationMonths < p.minHnMaxDurationMonths || tx.maxDurationMonths > NetworkState::kMaxNodeMonths)
        return hnError("bad_max_duration", tr("The maximum booking duration must be at least %1 months.").arg(p.minHnMaxDurationMonths),
                       "maxDurationMonths", {{QStringLiteral("minimum"), p.minHnMaxDurationMonths}});
    if (tx.maxLeadMonths < p.minHnMaxLeadMonths || tx.maxDurationMonths + tx.maxLeadMonths > NetworkState::kMaxNodeMonths)
        return hnError("bad_max_lead",
                       tr("The maximum lead must be at least %1 months, and lead plus duration at most %2.")
                           .arg(p.minHnMaxLeadMonths).arg(NetworkState::kMaxNodeMonths),
                       "maxLeadMonths", {{QStringLiteral("minimum"), p.minHnMaxLeadMonths}});
    if (tx.commitmentMonths > kMaxCommitmentMonths)
        return hnError("bad_commitment", tr("A commitment is at most %1 months.").arg(kMaxCommitmentMonths), "commitmentMonths");
    if (auto c = Collateral::checkCommitment(m_current, m_current.plus(qMax(tx.commitmentMonths, -1)), p); !c)
        return fromCore(c.error(), "commitmentMonths");
    const auto required = Collateral::required(cluster.maxPrice, tx.capacityTb, p);
    if (!required)
        return fromCore(required.error(), "capacityTb");
    if (auto deposit = Collateral::checkRegistrationDeposit(tx.deposit, *required, p); !deposit)
        return fromCore(deposit.error(), "deposit");
    const Amount balance = m_ledger.balance(tx.provider);
    if (balance < tx.deposit)
        return errs::insufficientBalance(kPrefix, balance, tx.deposit);

    Staged st;
    st.receipt.amount = tx.deposit;
    st.receipt.clusterId = cluster.id;
    NodeRec preview;
    preview.id = tx.nodeId;
    preview.status = NodeStatus::Active;
    preview.price = tx.reservationPrice;
    preview.collateral = tx.deposit;
    preview.requiredCollateral = *required;
    preview.commitmentEnd = m_current.plus(tx.commitmentMonths);
    st.receipt.details = nodeDetails(preview);
    st.receipt.figures = {{QStringLiteral("collateral"), tx.deposit}, {QStringLiteral("required"), *required}};
    return st;
}

void Engine::executeNode(const RegisterNodeTx &tx, const Staged &)
{
    const ProtocolParams &p = m_genesis.params;
    const quint32 account = m_ledger.ensure(tx.provider);
    m_ledger.accountToCollateral(account, tx.deposit);
    m_ledger.bumpNonce(account);

    NodeRec rec;
    rec.id = tx.nodeId;
    rec.cluster = m_net.findScope(tx.clusterId)->index;
    rec.provider = tx.provider;
    rec.providerAccount = account;
    rec.capacityTb = static_cast<quint32>(tx.capacityTb);
    rec.price = tx.reservationPrice;
    rec.collateral = tx.deposit;
    rec.requiredCollateral = *Collateral::required(m_net.clusters[rec.cluster].maxPrice, tx.capacityTb, p);
    rec.jailThreshold = Collateral::jailThreshold(rec.requiredCollateral, p);
    rec.registeredMonth = m_current;
    rec.commitmentEnd = m_current.plus(tx.commitmentMonths);
    rec.maxDurationMonths = tx.maxDurationMonths;
    rec.maxLeadMonths = tx.maxLeadMonths;
    rec.status = NodeStatus::Active;
    appendNode(std::move(rec));
    emitEvent(NodeChangeEvent{tx.nodeId, QStringLiteral("register"), tx.deposit});
}

void Engine::appendNode(NodeRec rec)
{
    const quint32 cluster = rec.cluster;
    const qint32 oldHorizon = m_book.horizon();
    const quint32 ix = m_net.appendNode(std::move(rec));
    m_book.addNode();
    m_book.growHorizon(qMax(m_net.longestNodeWindow, 1));
    if (m_nodeRewards.size() <= ix)
        m_nodeRewards.resize(ix + 1);
    const qint32 horizon = m_book.horizon();
    if (horizon == oldHorizon) {
        refreshListedPrices(cluster, m_current.plus(1), horizon - 1, m_applied + 1);
        return;
    }
    // A longer window: carry every cached listed price over to its slot in the new layout, then
    // refresh all clusters (the months now covered may list prices for the first time).
    std::vector<Int128> relaid(m_net.clusters.size() * static_cast<size_t>(horizon), -1);
    for (size_t c = 0; c < m_net.clusters.size(); ++c)
        for (qint32 i = 1; i < oldHorizon; ++i) {
            const Month m = m_current.plus(i);
            relaid[c * horizon + (static_cast<size_t>(m.index()) & (horizon - 1))] =
                m_listed[c * oldHorizon + (static_cast<size_t>(m.index()) & (oldHorizon - 1))];
        }
    m_listed.swap(relaid);
    for (quint32 c = 0; c < m_net.clusters.size(); ++c)
        refreshListedPrices(c, m_current.plus(1), horizon - 1, m_applied + 1);
}

void Engine::afterNodeChanged(quint32 node)
{
    m_net.refreshNode(node);
    refreshListedPrices(m_net.nodes[node].cluster, m_current.plus(1), m_book.horizon() - 1, m_applied + 1);
}

// --- reservation price ---------------------------------------------------------------------------

Result<Engine::Staged> Engine::stageNode(const SetReservationPriceTx &tx) const
{
    ICN_HN_SIGNED(tx)
    auto node = ownedNode(kPrefix, tx.provider, tx.nodeId);
    if (!node)
        return node.error();
    const NodeRec &n = m_net.nodes[*node];
    if (auto price = Collateral::checkReservationPrice(tx.price, m_net.clusters[n.cluster].maxPrice); !price)
        return fromCore(price.error(), "price");
    Staged st;
    st.receipt.amount = tx.price;
    NodeRec after = n;
    after.price = tx.price;
    st.receipt.details = nodeDetails(after);
    st.receipt.figures = {{QStringLiteral("price"), tx.price}};
    return st;
}

void Engine::executeNode(const SetReservationPriceTx &tx, const Staged &)
{
    const quint32 node = m_net.nodeIndex.value(tx.nodeId);
    NodeRec &n = m_net.nodes[node];
    m_ledger.bumpNonce(n.providerAccount);
    n.price = tx.price; // booked slices keep the price they were made at
    afterNodeChanged(node);
    emitEvent(NodeChangeEvent{tx.nodeId, QStringLiteral("price"), tx.price});
}

// --- collateral ----------------------------------------------------------------------------------

Result<Engine::Staged> Engine::stageNode(const DepositCollateralTx &tx) const
{
    ICN_HN_SIGNED(tx)
    auto node = ownedNode(kPrefix, tx.provider, tx.nodeId);
    if (!node)
        return node.error();
    if (tx.amount <= Amount())
        return hnError("bad_amount", tr("The amount must be positive."), "amount");
    const Amount balance = m_ledger.balance(tx.provider);
    if (balance < tx.amount)
        return errs::insufficientBalance(kPrefix, balance, tx.amount);
    NodeRec after = m_net.nodes[*node];
    after.collateral = *after.collateral.add(tx.amount); // both within the supply
    if (after.status == NodeStatus::Jailed && after.collateral >= after.jailThreshold)
        after.status = NodeStatus::Active;
    Staged st;
    st.receipt.amount = tx.amount;
    st.receipt.details = nodeDetails(after);
    st.receipt.figures = {{QStringLiteral("collateral"), after.collateral}, {QStringLiteral("required"), after.requiredCollateral}};
    return st;
}

void Engine::executeNode(const DepositCollateralTx &tx, const Staged &)
{
    const quint32 node = m_net.nodeIndex.value(tx.nodeId);
    NodeRec &n = m_net.nodes[node];
    m_ledger.accountToCollateral(n.providerAccount, tx.amount);
    m_ledger.bumpNonce(n.providerAccount);
    n.collateral = *n.collateral.add(tx.amount);
    emitEvent(NodeChangeEvent{tx.nodeId, QStringLiteral("deposit"), tx.amount});
    if (n.status == NodeStatus::Jailed && n.collateral >= n.jailThreshold) {
        n.status = NodeStatus::Active;
        emitEvent(NodeChangeEvent{tx.nodeId, QStringLiteral("unjail"), n.collateral});
    }
    afterNodeChanged(node);
}

Result<Engine::Staged> Engine::stageNode(const WithdrawCollateralTx &tx) const
{
    ICN_HN_SIGNED(tx)
    auto node = ownedNode(kPrefix, tx.provider, tx.nodeId);
    if (!node)
        return node.error();
    const NodeRec &n = m_net.nodes[*node];
    const auto [active, pending] = activeAndPendingBookings(*node);
    if (auto ok = Collateral::checkWithdrawal(WithdrawalRequest{tx.amount, n.collateral, m_current, n.commitmentEnd, active, pending});
        !ok)
        return fromCore(ok.error());
    NodeRec after = n;
    after.collateral = *after.collateral.sub(tx.amount);
    if (after.status == NodeStatus::Active && after.collateral < after.jailThreshold)
        after.status = NodeStatus::Jailed;
    Staged st;
    st.receipt.amount = tx.amount;
    st.receipt.details = nodeDetails(after);
    st.receipt.figures = {{QStringLiteral("collateral"), after.collateral}, {QStringLiteral("required"), after.requiredCollateral}};
    return st;
}

void Engine::executeNode(const WithdrawCollateralTx &tx, const Staged &)
{
    const quint32 node = m_net.nodeIndex.value(tx.nodeId);
    NodeRec &n = m_net.nodes[node];
    m_ledger.collateralToAccount(n.providerAccount, tx.amount);
    m_ledger.bumpNonce(n.providerAccount);
    n.collateral = *n.collateral.sub(tx.amount);
    emitEvent(NodeChangeEvent{tx.nodeId, QStringLiteral("withdraw"), tx.amount});
    // Mirror rule: an HN left under the jail threshold by a withdrawal is jailed like one slashed there.
    if (n.status == NodeStatus::Active && n.collateral < n.jailThreshold) {
        n.status = NodeStatus::Jailed;
        emitEvent(NodeChangeEvent{tx.nodeId, QStringLiteral("jail"), n.collateral});
    }
    afterNodeChanged(node);
}

// --- commitment ----------------------------------------------------------------------------------

Result<Engine::Staged> Engine::stageNode(const ExtendCommitmentTx &tx) const
{
    ICN_HN_SIGNED(tx)
    auto node = ownedNode(kPrefix, tx.provider, tx.nodeId);
    if (!node)
        return node.error();
    const NodeRec &n = m_net.nodes[*node];
    if (tx.months > kMaxCommitmentMonths || static_cast<qint64>(n.commitmentEnd.index()) + tx.months > (1 << 30))
        return hnError("bad_commitment", tr("An extension is at most %1 months.").arg(kMaxCommitmentMonths), "months");
    const Month newEnd = n.commitmentEnd.plus(qMax(tx.months, -kMaxCommitmentMonths));
    if (auto ok = Collateral::checkExtension(n.registeredMonth, n.commitmentEnd, newEnd, m_genesis.params); !ok)
        return fromCore(ok.error(), "months");
    NodeRec after = n;
    after.commitmentEnd = newEnd;
    Staged st;
    st.receipt.details = nodeDetails(after);
    return st;
}

void Engine::executeNode(const ExtendCommitmentTx &tx, const Staged &)
{
    const quint32 node = m_net.nodeIndex.value(tx.nodeId);
    NodeRec &n = m_net.nodes[node];
    m_ledger.bumpNonce(n.providerAccount);
    n.commitmentEnd = n.commitmentEnd.plus(tx.months);
    emitEvent(NodeChangeEvent{tx.nodeId, QStringLiteral("extend"), Amount()});
    afterNodeChanged(node);
}

// --- offboard ------------------------------------------------------------------------------------

Result<Engine::Staged> Engine::stageNode(const OffboardNodeTx &tx) const
{
    ICN_HN_SIGNED(tx)
    auto node = ownedNode(kPrefix, tx.provider, tx.nodeId);
    if (!node)
        return node.error();
    const NodeRec &n = m_net.nodes[*node];
    if (m_current <= n.commitmentEnd)
        return hnError("commitment_running", tr("The commitment runs until %1.").arg(n.commitmentEnd.toString()), "commitmentEnd",
                       {{QStringLiteral("commitmentEnd"), n.commitmentEnd.toString()}, {QStringLiteral("current"), m_current.toString()}});
    const auto [active, pending] = activeAndPendingBookings(*node);
    if (active > 0)
        return hnError("bookings_active", tr("%1 booking(s) on this HN are active.").arg(active), "bookings",
                       {{QStringLiteral("active"), active}});
    if (pending > 0)
        return hnError("bookings_pending", tr("%1 booking(s) on this HN have not started yet.").arg(pending), "bookings",
                       {{QStringLiteral("pending"), pending}});
    NodeRec after = n;
    after.collateral = Amount();
    after.status = NodeStatus::Offboarded;
    Staged st;
    st.receipt.amount = n.collateral;
    st.receipt.details = nodeDetails(after);
    return st;
}

void Engine::executeNode(const OffboardNodeTx &tx, const Staged &)
{
    const quint32 node = m_net.nodeIndex.value(tx.nodeId);
    NodeRec &n = m_net.nodes[node];
    const Amount returned = n.collateral;
    if (returned > Amount())
        m_ledger.collateralToAccount(n.providerAccount, returned);
    m_ledger.bumpNonce(n.providerAccount);
    n.collateral = Amount();
    n.status = NodeStatus::Offboarded;
    emitEvent(NodeChangeEvent{tx.nodeId, QStringLiteral("offboard"), returned});
    afterNodeChanged(node);
}

#undef ICN_HN_SIGNED

// --- capacity rewards at month close -------------------------------------------------------------

// Every HN that can serve (Active, at or above the jail threshold) earns
// rate × capacity × (1 − booked/total of its region this month) from the Rewards Reserve, through
// CapacityRewards (one truncation per HN; pro rata when the reserve is short, dust stays in it).
// A region's total is the capacity of its HNs that are not offboarded, its booked TB what is
// allocated on them this month. Rewards go to the collateral while it is under 100 %
// (Collateral::splitEarning), the rest to the provider. HNs are paid in index order (genesis HNs
// by id, then registrations in log order); the amounts do not depend on that order.
void Engine::afterMonthPayments(Month month, Receipt &receipt)
{
    const ProtocolParams &p = m_genesis.params;
    if (m_nodeRewards.size() < m_net.nodes.size())
        m_nodeRewards.resize(m_net.nodes.size());
    std::vector<RegionUtilisation> regions(m_net.regions.size());
    std::vector<RewardNode> earners;
    std::vector<quint32> earnerIndex;
    for (quint32 i = 0; i < m_net.nodes.size(); ++i) {
        const NodeRec &n = m_net.nodes[i];
        if (n.status == NodeStatus::Offboarded)
            continue;
        RegionUtilisation &u = regions[m_net.zones[m_net.clusters[n.cluster].zone].region];
        u.totalTb += n.capacityTb;
        u.bookedTb += qMin<qint64>(allocatedAt(i, month), n.capacityTb);
        if (m_net.hot[i].servable) {
            earners.push_back(RewardNode{n.id, m_net.regionIdOfCluster(n.cluster), n.capacityTb, true});
            earnerIndex.push_back(i);
        }
    }
    QHash<QString, RegionUtilisation> byId;
    for (size_t r = 0; r < regions.size(); ++r)
        byId.insert(m_net.regions[r].id, regions[r]);

    Amount paid, toCollateral;
    quint32 paidNodes = 0;
    bool scaled = false;
    const auto run = CapacityRewards::closeMonth(earners, byId, m_ledger.reserve(), p);
    if (run) { // an overflow pays nothing this month (rewards.overflow); the reserve keeps it
        scaled = run->scaled;
        for (qsizetype k = 0; k < run->rewards.size(); ++k) {
            const Amount amount = run->rewards[k].paid;
            if (amount <= Amount())
                continue;
            const quint32 i = earnerIndex[static_cast<size_t>(k)];
            NodeRec &n = m_net.nodes[i];
            const EarningSplit split = *Collateral::splitEarning(amount, n.collateral, n.requiredCollateral);
            if (split.toCollateral > Amount()) {
                m_ledger.reserveToCollateral(split.toCollateral);
                n.collateral = *n.collateral.add(split.toCollateral);
            }
            if (split.toProvider > Amount())
                m_ledger.reserveToAccount(n.providerAccount, split.toProvider);
            NodeRewardRec &rec = m_nodeRewards[i];
            rec.earned = *rec.earned.add(amount);
            rec.toCollateral = *rec.toCollateral.add(split.toCollateral);
            paid = *paid.add(amount);
            toCollateral = *toCollateral.add(split.toCollateral);
            ++paidNodes;
            emitEvent(RewardEvent{month, n.id, amount, split.toCollateral});
        }
    }
    m_lastMonthRewards = paid;

    ByteWriter w;
    w.u8(kRewardsDetailsTag);
    w.amount(paid);
    w.amount(toCollateral);
    w.u32(paidNodes);
    w.boolean(scaled);
    w.appendTo(receipt.details);
    receipt.figures.append({QStringLiteral("rewards"), paid});
    receipt.figures.append({QStringLiteral("rewardsToCollateral"), toCollateral});
}

// --- reads ---------------------------------------------------------------------------------------

std::optional<NodeEconomics> Engine::nodeEconomics(const QString &nodeId) const
{
    const auto it = m_net.nodeIndex.constFind(nodeId);
    if (it == m_net.nodeIndex.constEnd())
        return std::nullopt;
    const quint32 i = it.value();
    const NodeRec &n = m_net.nodes[i];
    NodeEconomics e;
    e.nodeId = n.id;
    e.clusterId = m_net.clusters[n.cluster].id;
    e.regionId = m_net.regionIdOfCluster(n.cluster);
    e.provider = n.provider;
    e.capacityTb = n.capacityTb;
    e.reservationPrice = n.price;
    e.collateral = n.collateral;
    e.requiredCollateral = n.requiredCollateral;
    e.jailThreshold = n.jailThreshold;
    e.status = n.status;
    e.servable = m_net.hot[i].servable != 0;
    e.registeredMonth = n.registeredMonth;
    e.commitmentEnd = n.commitmentEnd;
    e.maxDurationMonths = n.maxDurationMonths;
    e.maxLeadMonths = n.maxLeadMonths;
    if (i < m_nodeRewards.size()) {
        e.rewardsEarned = m_nodeRewards[i].earned;
        e.rewardsToCollateral = m_nodeRewards[i].toCollateral;
    }
    std::tie(e.activeBookings, e.pendingBookings) = activeAndPendingBookings(i);
    return e;
}

QList<NodeEconomics> Engine::nodeEconomicsList(const Address &provider) const
{
    std::vector<quint32> order;
    for (quint32 i = 0; i < m_net.nodes.size(); ++i)
        if (provider.isNull() || m_net.nodes[i].provider == provider)
            order.push_back(i);
    std::sort(order.begin(), order.end(), [this](quint32 a, quint32 b) { return m_net.nodes[a].id < m_net.nodes[b].id; });
    QList<NodeEconomics> out;
    out.reserve(static_cast<qsizetype>(order.size()));
    for (quint32 i : order)
        out.append(*nodeEconomics(m_net.nodes[i].id));
    return out;
}

Amount Engine::providerRewards(const Address &provider) const
{
    Amount sum;
    for (quint32 i = 0; i < m_net.nodes.size() && i < m_nodeRewards.size(); ++i)
        if (m_net.nodes[i].provider == provider)
            sum = *sum.add(m_nodeRewards[i].earned);
    return sum;
}

} // namespace icn
