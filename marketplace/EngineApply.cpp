// The transaction handlers of Engine: each validates everything first, in the order PROTOCOL.md
// fixes, and only then mutates (with operations that cannot fail), so a refusal changes nothing.
#include "Engine.h"

#include "BookingTypedData.h"
#include "EngineErrors.h"

#include <QCoreApplication>
#include <QVarLengthArray>

namespace icn {

namespace errs = engine_errors;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Engine", text);
}

Error noAccount(const QString &prefix, const QString &field)
{
    return Error::make(prefix + QStringLiteral(".no_account"), tr("The account is missing."), field);
}

Error badAmount(const QString &prefix)
{
    return Error::make(prefix + QStringLiteral(".bad_amount"), tr("The amount must be positive."), QStringLiteral("amount"));
}

// Signature step shared by signed transactions: a transaction marked unsigned (local simulator)
// must carry no signature; any other must carry the account's valid signature.
Result<void> checkSignature(const QString &prefix, bool unsignedLocal, const QByteArray &signature,
                            const Address &account, const auto &digestOf)
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

} // namespace

Result<Engine::Plan> Engine::plan(const QString &scopeId, qint64 sizeTb, Month start, qint32 months) const
{
    const ScopeRef *scope = m_net.findScope(scopeId);
    if (!scope)
        return m_net.nodeIndex.contains(scopeId) ? errs::scopeIsNode(scopeId) : errs::unknownScope(scopeId);
    if (sizeTb <= 0)
        return errs::badSize(sizeTb);
    const ProtocolParams &p = m_genesis.params;
    if (months < p.minBookingMonths)
        return errs::durationTooShort(months, p.minBookingMonths);
    const qint32 maxDuration = m_net.scopeMaxDuration(*scope);
    if (months > maxDuration)
        return errs::durationTooLong(months, maxDuration);
    if (start <= m_current)
        return errs::startTooEarly(start, m_current.plus(1));
    const qint32 lead = start.monthsSince(m_current);
    const qint32 maxLead = m_net.scopeMaxLead(*scope);
    if (lead > maxLead)
        return errs::leadTooLong(start, lead, maxLead);

    Plan plan;
    plan.scope = *scope;
    qint64 available = 0;
    const Assignment assignment(m_net, m_book, m_current);
    if (!assignment.assign(*scope, sizeTb, start, months, plan.fill, available))
        return errs::insufficientCapacity(sizeTb, available);
    if (plan.fill.overflow)
        return errs::overflow(QStringLiteral("booking"), QStringLiteral("sizeTb"));
    const auto cost = Pricing::withMargin(Amount::fromBaseUnits(plan.fill.hpCostUnits),
                                          m_net.marginPpmOfCluster(plan.fill.cluster));
    if (!cost)
        return errs::overflow(QStringLiteral("booking"), QStringLiteral("sizeTb"));
    plan.cost = *cost;
    return plan;
}

Result<Engine::Staged> Engine::stageFaucet(const FaucetTx &tx) const
{
    const QString prefix = QStringLiteral("faucet");
    if (tx.to.isNull())
        return noAccount(prefix, QStringLiteral("to"));
    if (tx.amount <= Amount())
        return badAmount(prefix);
    if (tx.amount > m_ledger.pool())
        return Error::make(QStringLiteral("faucet.pool_exhausted"),
                           tr("The genesis pool holds %1 ICNT, less than %2 ICNT.")
                               .arg(m_ledger.pool().toString(), tx.amount.toString()),
                           QStringLiteral("amount"),
                           {{QStringLiteral("pool"), m_ledger.pool().toStorage()},
                            {QStringLiteral("amount"), tx.amount.toStorage()}});
    Staged st;
    st.receipt.amount = tx.amount;
    return st;
}

void Engine::executeFaucet(const FaucetTx &tx)
{
    m_ledger.poolToAccount(m_ledger.ensure(tx.to), tx.amount);
}

Result<Engine::Staged> Engine::stageTransfer(const TransferTx &tx) const
{
    const QString prefix = QStringLiteral("transfer");
    if (tx.from.isNull())
        return noAccount(prefix, QStringLiteral("from"));
    if (auto sig = checkSignature(prefix, tx.unsignedLocal, tx.signature, tx.from,
                                  [&] { return BookingTypedData::transferDigest(tx.from, tx.to, tx.amount, tx.nonce); });
        !sig)
        return sig.error();
    const quint64 expected = m_ledger.nextNonce(tx.from);
    if (tx.nonce != expected)
        return errs::badNonce(prefix, expected, tx.nonce);
    if (tx.to.isNull())
        return noAccount(prefix, QStringLiteral("to"));
    if (tx.amount <= Amount())
        return badAmount(prefix);
    const Amount balance = m_ledger.balance(tx.from);
    if (balance < tx.amount)
        return errs::insufficientBalance(prefix, balance, tx.amount);
    Staged st;
    st.receipt.amount = tx.amount;
    return st;
}

void Engine::executeTransfer(const TransferTx &tx)
{
    const quint32 from = m_ledger.ensure(tx.from);
    const quint32 to = m_ledger.ensure(tx.to);
    m_ledger.debit(from, tx.amount);
    m_ledger.credit(to, tx.amount);
    m_ledger.bumpNonce(from);
}

Result<Engine::Staged> Engine::stageBook(const BookTx &tx) const
{
    const QString prefix = QStringLiteral("booking");
    // 1. signature and nonce
    if (tx.sp.isNull())
        return noAccount(prefix, QStringLiteral("sp"));
    if (auto sig = checkSignature(prefix, tx.unsignedLocal, tx.signature, tx.sp,
                                  [&] { return BookingTypedData::bookingDigest(BookingTypedData::requestOf(tx)); });
        !sig)
        return sig.error();
    const qint64 spIndex = m_ledger.find(tx.sp);
    const quint64 expected = spIndex < 0 ? 0 : m_ledger.account(static_cast<quint32>(spIndex)).nonce;
    if (tx.nonce != expected)
        return errs::badNonce(prefix, expected, tx.nonce);
    // 2. deadline
    if (m_current > tx.deadline)
        return errs::deadlinePassed(tx.deadline, m_current);
    // 3–5. scope, duration and lead limits, capacity (inside plan())
    auto planned = plan(tx.scope, tx.sizeTb, tx.startMonth, tx.months);
    if (!planned)
        return planned.error();
    Staged st;
    st.plan = std::move(planned).value();
    const Plan &p = st.plan;
    // 6. price
    if (p.cost.total != tx.quotedTotal)
        return errs::priceChanged(tx.quotedTotal, p.cost.total);
    // 7. balance
    const Amount balance = spIndex < 0 ? Amount() : m_ledger.account(static_cast<quint32>(spIndex)).balance;
    if (balance < p.cost.total)
        return errs::insufficientBalance(prefix, balance, p.cost.total);

    st.account = static_cast<quint32>(spIndex); // a positive balance means the account exists
    Receipt &r = st.receipt;
    r.amount = p.cost.total;
    r.hpCost = p.cost.hpCost;
    r.margin = p.cost.margin;
    r.bookingId = m_bookings.size() + 1;
    r.clusterId = m_net.clusters[p.fill.cluster].id;
    r.slices.reserve(p.fill.slices.size());
    for (const SliceDraft &d : p.fill.slices) {
        const NodeRec &node = m_net.nodes[d.node];
        // Cannot overflow: the plan checked the sum of these products.
        const Amount escrow = Amount::fromBaseUnits(m_net.priceUnits[d.node] * d.tb * tx.months);
        r.slices.append(Slice{node.id, node.provider, d.tb, node.price, escrow});
    }
    return st;
}

void Engine::executeBook(const BookTx &tx, const Staged &st)
{
    const Plan &p = st.plan;
    m_ledger.accountToEscrow(st.account, p.cost.hpCost);
    m_ledger.accountToTreasury(st.account, p.cost.margin);
    m_ledger.bumpNonce(st.account);

    QVarLengthArray<NewSlice, 16> slices;
    for (qsizetype i = 0; i < p.fill.slices.size(); ++i) {
        const SliceDraft &d = p.fill.slices[i];
        slices.append(NewSlice{d.node, d.tb, m_net.nodes[d.node].price, st.receipt.slices[i].hpCost});
    }
    addBooking(st.account, p.scope, p.fill.cluster, tx.startMonth, tx.months, tx.sizeTb, p.cost, slices.constData(),
               slices.size());
}

// The one booking path of BookTx and of auction awards (§8: "awards become ordinary bookings").
quint32 Engine::addBooking(quint32 spAccount, const ScopeRef &scope, quint32 cluster, Month start, qint32 months,
                           qint64 sizeTb, const CostBreakdown &cost, const NewSlice *slices, qsizetype sliceCount)
{
    BookingRec b;
    b.spAccount = spAccount;
    b.scope = scope;
    b.cluster = cluster;
    b.months = months;
    b.sizeTb = sizeTb;
    b.start = start;
    b.bookedIn = m_current;
    b.hpCost = cost.hpCost;
    b.margin = cost.margin;
    b.total = cost.total;
    b.firstSlice = static_cast<quint32>(m_slices.size());
    b.sliceCount = static_cast<quint32>(sliceCount);
    for (qsizetype i = 0; i < sliceCount; ++i) {
        const NewSlice &d = slices[i];
        m_slices.push_back(SliceRec{d.node, d.tb, d.price, d.escrow});
        m_book.allocate(d.node, start, months, d.tb);
    }
    const auto index = static_cast<quint32>(m_bookings.size());
    m_open.push_back(index);
    m_bookings.push_back(b);
    refreshListedPrices(cluster, start, months, m_applied + 1);
    return index;
}

Result<Receipt> Engine::applyCloseMonth(const CloseMonthTx &tx)
{
    if (tx.month != m_current)
        return Error::make(QStringLiteral("close_month.wrong_month"),
                           tr("The current month is %1, not %2.").arg(m_current.toString(), tx.month.toString()),
                           QStringLiteral("month"),
                           {{QStringLiteral("expected"), m_current.toString()}, {QStringLiteral("got"), tx.month.toString()}});
    const Month month = m_current;
    emitClusterMonths(month); // history for analysts: the month as it was, before any close-time change
    beforeMonthPayments(month);

    Receipt r;
    r.closedMonth = month;
    Amount paid;
    std::vector<quint32> stillOpen;
    stillOpen.reserve(m_open.size());
    for (quint32 bi : m_open) {
        BookingRec &b = m_bookings[bi];
        const Month last = b.start.plus(b.months - 1);
        if (month >= b.start && month <= last) {
            for (quint32 s = b.firstSlice; s < b.firstSlice + b.sliceCount; ++s) {
                SliceRec &slice = m_slices[s];
                // The last month pays what is left except what was withheld (§7: it stays in
                // escrow, claimable by the SP), so escrow always empties exactly once claimed.
                Amount due = month == last ? *slice.escrowLeft.sub(m_sla.withheldOf(s))
                                           : *Pricing::monthlyPayment(slice.tb, slice.price);
                due = *due.sub(withheldPayment(bi, s, month, due));
                slice.escrowLeft = *slice.escrowLeft.sub(due);
                m_ledger.escrowToAccount(m_net.nodes[slice.node].providerAccount, due);
                paid = *paid.add(due);
            }
        }
        if (month >= last) {
            b.completed = true;
            ++r.bookingsEnded;
        } else {
            stillOpen.push_back(bi);
        }
    }
    m_open.swap(stillOpen);
    releaseEndedBonds(); // §8: winners' bonds of the bookings that just ended
    afterMonthPayments(month, r); // §6 capacity rewards (EngineNodes.cpp)

    m_current = month.plus(1);
    slaMonthClosed(); // §7: the epoch clock moves into the new month
    m_book.advanceTo(m_current);
    refreshAllListedPrices(m_applied + 1);
    r.amount = paid;
    return r;
}

} // namespace icn
