#include "Engine.h"

#include "ByteWriter.h"
#include "Keccak.h"
#include "TxCodec.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstring>

namespace icn {

namespace {

template <class... Ts>
struct Overloaded : Ts...
{
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

QString tr(const char *text)
{
    return QCoreApplication::translate("Engine", text);
}

} // namespace

Result<Engine> Engine::create(const NetworkSnapshot &genesis)
{
    auto net = NetworkState::build(genesis);
    if (!net)
        return net.error();

    Engine e;
    e.m_genesis = genesis;
    e.m_net = std::move(*net);
    e.m_current = genesis.currentMonth;
    e.m_epoch = genesis.currentEpoch;

    // Conservation at genesis: reserve + balances + collateral must fit in the supply; the pool
    // (faucet source) holds the rest.
    const ProtocolParams &p = genesis.params;
    Amount used = p.rewardsReserve;
    Amount collateral;
    const auto exceeded = [&]() -> Error {
        return Error::make(QStringLiteral("genesis.supply_exceeded"),
                           tr("Reserve, balances and collateral exceed the total supply."), QStringLiteral("accounts"),
                           {{QStringLiteral("totalSupply"), p.totalSupply.toStorage()}});
    };
    for (const NodeRec &n : e.m_net.nodes) {
        const auto sum = collateral.add(n.collateral);
        if (!sum)
            return exceeded();
        collateral = *sum;
    }
    auto accounts = genesis.accounts;
    std::stable_sort(accounts.begin(), accounts.end(),
                     [](const AccountEntry &a, const AccountEntry &b) { return a.account < b.account; });
    for (qsizetype i = 0; i < accounts.size(); ++i) {
        const AccountEntry &a = accounts[i];
        if (a.account.isNull() || a.balance.isNegative() || (i > 0 && accounts[i - 1].account == a.account))
            return Error::make(QStringLiteral("genesis.bad_account"),
                               tr("Account %1 is null, negative or listed twice.").arg(a.account.toChecksummed()),
                               QStringLiteral("accounts"));
        const auto sum = used.add(a.balance);
        if (!sum)
            return exceeded();
        used = *sum;
    }
    const auto withCollateral = used.add(collateral);
    if (!withCollateral || *withCollateral > p.totalSupply)
        return exceeded();
    const Amount pool = *p.totalSupply.sub(*withCollateral);

    e.m_ledger.reset(p.totalSupply, p.rewardsReserve, pool);
    for (const AccountEntry &a : accounts)
        e.m_ledger.credit(e.m_ledger.ensure(a.account), a.balance);
    e.m_ledger.addCollateralTotal(collateral);
    for (NodeRec &n : e.m_net.nodes)
        n.providerAccount = e.m_ledger.ensure(n.provider);

    e.initSla(); // §7: per-HN SLA state and the epoch clock
    e.m_book.reset(static_cast<quint32>(e.m_net.nodes.size()), e.m_current, qMax(e.m_net.longestNodeWindow, 1));
    e.refreshAllListedPrices(0);
    e.m_genesisHash = keccak256(TxCodec::canonicalSnapshot(genesis));
    e.m_hash = e.m_genesisHash;
    Q_ASSERT(e.m_ledger.totalsConserve());
    return e;
}

Result<Engine::Staged> Engine::stage(const Transaction &tx) const
{
    return std::visit(Overloaded{
                          [this](const FaucetTx &t) { return stageFaucet(t); },
                          [this](const TransferTx &t) { return stageTransfer(t); },
                          [this](const BookTx &t) { return stageBook(t); },
                          [this](const NodeTransaction auto &t) { return stageNode(t); }, // §6 hardware nodes
                          [](const CloseMonthTx &) -> Result<Staged> {
                              Q_UNREACHABLE();
                              return Staged{};
                          },
                          [](const AuctionTransaction auto &) -> Result<Staged> { // §8: stageAuction()
                              Q_UNREACHABLE();
                              return Staged{};
                          },
                          // §7 SLA
                          [this](const RegisterOracleTx &t) { return stageRegisterOracle(t); },
                          [this](const SlaReportTx &t) { return stageSlaReports(t); },
                          [this](const SlaBatchTx &t) { return stageSlaBatch(t); },
                          [this](const CloseEpochTx &t) { return stageCloseEpoch(t); },
                          [this](const ClaimCompensationTx &t) { return stageClaim(t); },
                      },
                      tx);
}

Result<Receipt> Engine::apply(const Transaction &tx)
{
    if (const auto *close = std::get_if<CloseMonthTx>(&tx)) {
        auto result = applyCloseMonth(*close);
        if (result)
            commit(*result, tx);
        return result;
    }
    if (isAuctionTransaction(tx)) // §8 auctions
        return applyAuction(tx);
    auto staged = stage(tx);
    if (!staged)
        return staged.error();
    std::visit(Overloaded{
                   [this](const FaucetTx &t) { executeFaucet(t); },
                   [this](const TransferTx &t) { executeTransfer(t); },
                   [this, &staged](const BookTx &t) { executeBook(t, *staged); },
                   [this, &staged](const NodeTransaction auto &t) { executeNode(t, *staged); }, // §6 hardware nodes
                   [](const CloseMonthTx &) {},
                   [](const AuctionTransaction auto &) {}, // §8: applyAuction()
                   // §7 SLA
                   [this](const RegisterOracleTx &t) { executeRegisterOracle(t); },
                   [this](const SlaReportTx &t) { executeSlaReports(t); },
                   [this](const SlaBatchTx &t) { executeSlaBatch(t); },
                   [this, &staged](const CloseEpochTx &t) { executeCloseEpoch(t, *staged); },
                   [this, &staged](const ClaimCompensationTx &t) { executeClaim(t, *staged); },
               },
               tx);
    Receipt receipt = std::move(staged->receipt);
    commit(receipt, tx);
    return receipt;
}

Result<Receipt> Engine::check(const Transaction &tx) const
{
    if (std::holds_alternative<CloseMonthTx>(tx)) {
        Engine copy = *this; // once a month: simpler and safer than staging every payment
        return copy.apply(tx);
    }
    if (isAuctionTransaction(tx)) // §8 auctions
        return checkAuction(tx);
    auto staged = stage(tx);
    if (!staged)
        return staged.error();
    Receipt receipt = std::move(staged->receipt);
    receipt.sequence = m_applied + 1;
    receipt.type = transactionTypeName(tx);
    ByteWriter scratch;
    receipt.stateHash = QByteArray(32, Qt::Uninitialized);
    chainHash(m_hash, tx, receipt, scratch, reinterpret_cast<unsigned char *>(receipt.stateHash.data()));
    return receipt;
}

void Engine::chainHash(const QByteArray &previous, const Transaction &tx, const Receipt &receipt, ByteWriter &scratch,
                       unsigned char *out)
{
    scratch.clear(); // keeps the buffer
    scratch.raw(previous);
    TxCodec::writeTransaction(scratch, tx);
    TxCodec::writeReceipt(scratch, receipt);
    keccak256(scratch.view(), out);
}

// h_n = keccak256(h_{n−1} || encode(tx_n) || encode(receipt_n)): about 240 bytes for a booking,
// two Keccak-f permutations. That is the floor for this chaining (a booking's transaction bytes
// alone are ~85, one block holds 135 with h_{n−1}), kept on purpose: anyone holding h_{n−1} and a
// log entry can check h_n without replaying (docs/protocol-types.md, "Cost of the running hash").
// The digest is written into m_hash's own buffer when nobody else holds it (the caller dropped
// the previous receipt), so the chain allocates nothing per transaction.
void Engine::commit(Receipt &receipt, const Transaction &tx)
{
    ++m_applied;
    receipt.sequence = m_applied;
    receipt.type = transactionTypeName(tx);
    if (m_hashDeferred) {
        m_scratch.clear();
        TxCodec::writeReceipt(m_scratch, receipt);
    } else {
        unsigned char digest[32];
        chainHash(m_hash, tx, receipt, m_scratch, digest);
        Q_ASSERT(m_hash.size() == static_cast<qsizetype>(sizeof digest));
        std::memcpy(m_hash.data(), digest, sizeof digest); // data() detaches only if m_hash is shared
        receipt.stateHash = m_hash;
    }
    for (size_t i = m_unstamped; i < m_events.size(); ++i)
        m_events[i].sequence = m_applied;
    m_unstamped = m_events.size();
    Q_ASSERT(m_ledger.totalsConserve());
}

void Engine::adoptVerifiedHash(const QByteArray &hash)
{
    Q_ASSERT(hash.size() == 32);
    m_hash = QByteArray(hash.constData(), hash.size()); // an own buffer: commit() writes into it
    m_hashDeferred = false;
}

void Engine::beforeMonthPayments(Month)
{
    // §7: nothing to settle here: close_epoch settled every closed epoch of the month (breaches,
    // slashing, jailing); epochs never closed are unobserved (neutral). withheldPayment() applies
    // the month's breach days per slice.
}


QByteArray Engine::computeStateDigest() const
{
    ByteWriter w;
    w.reserve(static_cast<qsizetype>(m_net.nodes.size() * (64 + 4 * m_book.horizon()) + m_bookings.size() * 160
                                     + m_slices.size() * 40 + m_ledger.accounts().size() * 64 + 1024));
    w.raw("ICN-STATE-1");
    w.raw(m_genesisHash);
    w.month(m_current);
    w.i64(m_epoch);
    w.u64(m_applied);
    const LedgerTotals t = totals();
    for (Amount a : {t.totalSupply, t.balances, t.escrow, t.collateral, t.bonds, t.reserve, t.treasury, t.genesisPool})
        w.amount(a);

    std::vector<quint32> order(m_ledger.accounts().size());
    for (quint32 i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [this](quint32 a, quint32 b) {
        return m_ledger.account(a).address < m_ledger.account(b).address;
    });
    w.u32(static_cast<quint32>(order.size()));
    for (quint32 i : order) {
        const Ledger::Account &a = m_ledger.account(i);
        w.address(a.address);
        w.amount(a.balance);
        w.u64(a.nonce);
    }

    w.u32(static_cast<quint32>(m_net.nodes.size()));
    w.i32(m_book.horizon());
    for (quint32 i = 0; i < m_net.nodes.size(); ++i) {
        const NodeRec &n = m_net.nodes[i];
        w.string(n.id);
        w.amount(n.price);
        w.amount(n.collateral);
        w.month(n.commitmentEnd);
        w.i32(n.maxDurationMonths);
        w.i32(n.maxLeadMonths);
        w.u8(static_cast<quint8>(n.status));
        w.i32(n.reliabilityPpm);
        for (qint32 m = 0; m < m_book.horizon(); ++m)
            w.u32(m_book.allocated(i, m_book.base().plus(m)));
    }
    writeSlaState(w); // §7

    w.u32(static_cast<quint32>(m_bookings.size()));
    for (const BookingRec &b : m_bookings) {
        w.address(m_ledger.account(b.spAccount).address);
        w.u8(static_cast<quint8>(b.scope.kind));
        w.u32(b.scope.index);
        w.u32(b.cluster);
        w.i64(b.sizeTb);
        w.month(b.start);
        w.i32(b.months);
        w.month(b.bookedIn);
        w.amount(b.hpCost);
        w.amount(b.margin);
        w.amount(b.total);
        w.boolean(b.completed);
        w.u32(b.sliceCount);
        for (quint32 s = b.firstSlice; s < b.firstSlice + b.sliceCount; ++s) {
            w.u32(m_slices[s].node);
            w.u32(m_slices[s].tb);
            w.amount(m_slices[s].price);
            w.amount(m_slices[s].escrowLeft);
        }
    }
    // §6 hardware nodes: what the genesis does not fix about registered HNs, and rewards to date.
    for (auto i = static_cast<quint32>(m_genesis.nodes.size()); i < m_net.nodes.size(); ++i) {
        const NodeRec &n = m_net.nodes[i];
        w.u32(n.cluster);
        w.address(n.provider);
        w.u32(n.capacityTb);
        w.month(n.registeredMonth);
    }
    for (quint32 i = 0; i < m_net.nodes.size(); ++i) {
        const bool known = i < m_nodeRewards.size();
        w.amount(known ? m_nodeRewards[i].earned : Amount());
        w.amount(known ? m_nodeRewards[i].toCollateral : Amount());
    }
    if (!m_auctions.empty()) // §8 auctions; absent so that auction-free states keep their digest
        writeAuctionDigest(w);
    return keccak256(w.view());
}

Result<void> Engine::checkConservation() const
{
    const auto broken = [](const QString &what, const QVariantMap &details) {
        return Error::make(QStringLiteral("engine.conservation_broken"),
                           tr("ICNT is not conserved: %1.").arg(what), QStringLiteral("ledger"), details);
    };
    Amount balances, escrow, collateral;
    for (const Ledger::Account &a : m_ledger.accounts()) {
        if (a.balance.isNegative())
            return broken(QStringLiteral("a negative balance"), {{QStringLiteral("account"), a.address.toChecksummed()}});
        balances = *balances.add(a.balance);
    }
    for (const SliceRec &s : m_slices)
        escrow = *escrow.add(s.escrowLeft);
    escrow = *escrow.add(auctionEscrowHeld()); // §8: the SPs' locks of open auctions
    for (const NodeRec &n : m_net.nodes)
        collateral = *collateral.add(n.collateral);
    const LedgerTotals t = totals();
    if (auctionBondsHeld() != t.bonds) // §8: every bond belongs to a bid, terms or a winner
        return broken(QStringLiteral("the bonds total disagrees with the bonds held"), {{QStringLiteral("bonds"), t.bonds.toStorage()}});
    if (balances != t.balances || escrow != t.escrow || collateral != t.collateral)
        return broken(QStringLiteral("a running total disagrees with its parts"),
                      {{QStringLiteral("balances"), balances.toStorage()},
                       {QStringLiteral("escrow"), escrow.toStorage()},
                       {QStringLiteral("collateral"), collateral.toStorage()}});
    Amount sum;
    for (Amount a : {balances, escrow, collateral, t.bonds, t.reserve, t.treasury, t.genesisPool}) {
        if (a.isNegative())
            return broken(QStringLiteral("a negative bucket"), {});
        const auto next = sum.add(a);
        if (!next)
            return broken(QStringLiteral("overflow"), {});
        sum = *next;
    }
    if (sum != t.totalSupply)
        return broken(QStringLiteral("the buckets do not add up to the total supply"),
                      {{QStringLiteral("sum"), sum.toStorage()}, {QStringLiteral("totalSupply"), t.totalSupply.toStorage()}});
    return {};
}

LedgerTotals Engine::totals() const
{
    return LedgerTotals{m_ledger.totalSupply(), m_ledger.balancesTotal(), m_ledger.escrowTotal(),
                        m_ledger.collateralTotal(), m_ledger.bondsTotal(), m_ledger.reserve(),
                        m_ledger.treasury(), m_ledger.pool()};
}

QList<AccountEntry> Engine::accounts() const
{
    QHash<Address, QString> labels;
    for (const AccountEntry &a : m_genesis.accounts)
        labels.insert(a.account, a.label);
    QList<AccountEntry> out;
    out.reserve(static_cast<qsizetype>(m_ledger.accounts().size()));
    for (const Ledger::Account &a : m_ledger.accounts())
        out.append(AccountEntry{a.address, labels.value(a.address), a.balance});
    std::sort(out.begin(), out.end(), [](const AccountEntry &a, const AccountEntry &b) { return a.account < b.account; });
    return out;
}

NetworkSnapshot Engine::currentNetwork() const
{
    NetworkSnapshot s = m_genesis;
    s.currentMonth = m_current;
    s.currentEpoch = m_epoch;
    for (HardwareNode &n : s.nodes) {
        const NodeRec &rec = m_net.nodes[m_net.nodeIndex.value(n.id)];
        n.reservationPrice = rec.price;
        n.collateral = rec.collateral;
        n.commitmentEnd = rec.commitmentEnd;
        n.maxDurationMonths = rec.maxDurationMonths;
        n.maxLeadMonths = rec.maxLeadMonths;
        n.status = rec.status;
        n.reliabilityPpm = rec.reliabilityPpm;
    }
    // §6 hardware nodes: HNs registered since the genesis (appended), and their providers.
    QSet<Address> providers;
    for (const HardwareProvider &hp : s.providers)
        providers.insert(hp.account);
    for (auto i = static_cast<quint32>(m_genesis.nodes.size()); i < m_net.nodes.size(); ++i) {
        const NodeRec &rec = m_net.nodes[i];
        s.nodes.append(HardwareNode{rec.id, m_net.clusters[rec.cluster].id, rec.provider, rec.capacityTb, rec.price,
                                    rec.collateral, rec.registeredMonth, rec.commitmentEnd, rec.maxDurationMonths,
                                    rec.maxLeadMonths, rec.status, rec.reliabilityPpm});
        if (!providers.contains(rec.provider)) {
            providers.insert(rec.provider);
            s.providers.append(HardwareProvider{rec.provider, rec.provider.toChecksummed()});
        }
    }
    s.accounts = accounts();
    return s;
}

EngineMemory Engine::memoryUsage() const
{
    EngineMemory m;
    m.networkBytes = m_net.nodes.capacity() * (sizeof(NodeRec) + sizeof(NodeHot) + sizeof(Int128))
                     + m_net.clusters.capacity() * sizeof(ClusterRec) + m_net.nodes.size() * 2 * sizeof(quint32);
    for (const NodeRec &n : m_net.nodes)
        m.networkBytes += static_cast<size_t>(n.id.capacity()) * 2;
    m.capacityBytes = m_book.memoryBytes();
    m.bookingBytes = m_bookings.capacity() * sizeof(BookingRec) + m_slices.capacity() * sizeof(SliceRec)
                     + m_open.capacity() * sizeof(quint32);
    m.historyBytes = m_listed.capacity() * sizeof(Int128) + m_priceHistory.capacity() * sizeof(PriceChangeRec);
    m.ledgerBytes = m_ledger.memoryBytes();
    return m;
}

} // namespace icn
