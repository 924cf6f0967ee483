// §8 auctions in the engine (docs/auctions.md §4): the tender and reverse-auction transactions,
// staged with the rule cores (Tender, ReverseAuction) over EngineAuctionFacts and executed with
// mutations that cannot fail; awards become ordinary bookings through addBooking(), the path of
// BookTx. A refusal changes nothing.
#include "Engine.h"

#include "AuctionTypedData.h"
#include "BookingTypedData.h"
#include "EngineAuctionFacts.h"
#include "EngineErrors.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

namespace icn {

namespace errs = engine_errors;

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

const QString kTender = QStringLiteral("tender");
const QString kAuction = QStringLiteral("auction");

Error unknownTender(quint64 id)
{
    return Error::make(QStringLiteral("tender.unknown_tender"), tr("There is no tender %1.").arg(id), QStringLiteral("tenderId"));
}

Error unknownAuction(quint64 id)
{
    return Error::make(QStringLiteral("auction.unknown_auction"), tr("There is no reverse auction %1.").arg(id),
                       QStringLiteral("auctionId"));
}

TenderState stateOf(TenderOutcome o)
{
    switch (o) {
    case TenderOutcome::Filled:
        return TenderState::Awarded;
    case TenderOutcome::PartlyFilled:
        return TenderState::PartlyAwarded;
    case TenderOutcome::Failed:
        break;
    }
    return TenderState::Failed;
}

void fillAwardReceipt(Receipt &r, const AuctionSettlement &s, const NetworkState &net, quint64 firstBookingId)
{
    r.amount = s.total;
    r.hpCost = s.hpCost;
    r.margin = s.margin;
    if (!s.slices.isEmpty()) {
        r.bookingId = firstBookingId;
        r.clusterId = s.slices.first().clusterId;
    }
    for (const AwardSlice &a : s.slices)
        r.slices.append(Slice{a.nodeId, net.nodes[net.nodeIndex.value(a.nodeId)].provider, a.tb, a.price, a.hpCost});
    r.figures.append({QStringLiteral("total"), s.total});
    r.figures.append({QStringLiteral("refund"), s.refund});
}

void writeSettlement(ByteWriter &w, const AuctionSettlement &s)
{
    w.i64(s.filledTb);
    w.amount(s.refund);
    w.u32(static_cast<quint32>(s.bondsReleased.size()));
    for (const HeldBond &b : s.bondsReleased) {
        w.string(b.nodeId);
        w.amount(b.amount);
    }
}

void writeDropped(ByteWriter &w, const QList<DroppedEntry> &dropped)
{
    w.u32(static_cast<quint32>(dropped.size()));
    for (const DroppedEntry &d : dropped) {
        w.string(d.nodeId);
        w.string(d.reason);
    }
}

} // namespace

Result<Engine::AuctionStaged> Engine::stageAuction(const Transaction &tx) const
{
    const EngineAuctionFacts facts(m_net, m_book, m_ledger, m_current);
    const qint64 now = m_epoch; // §8 deadlines are epochs of the engine's epoch clock
    const ProtocolParams &params = m_genesis.params;

    // Account, signature and nonce: the first rules of every signed transaction.
    const auto prologue = [&](const QString &prefix, const Address &account, const char *field, bool unsignedLocal,
                              const QByteArray &signature) -> Result<void> {
        if (account.isNull())
            return Error::make(prefix + QStringLiteral(".no_account"), tr("The account is missing."), QString::fromLatin1(field));
        if (unsignedLocal) {
            if (!signature.isEmpty())
                return errs::badSignature(prefix, tr("a transaction marked unsigned carries a signature."));
        } else {
            if (signature.isEmpty())
                return errs::badSignature(prefix, tr("the transaction is not signed."));
            if (auto ok = verifySignature(prefix, AuctionTypedData::digest(tx), signature, account); !ok)
                return ok.error();
        }
        const quint64 expected = m_ledger.nextNonce(account);
        const quint64 got = std::visit([](const auto &t) -> quint64 {
            if constexpr (requires { t.nonce; })
                return t.nonce;
            else
                return 0;
        }, tx);
        if (got != expected)
            return errs::badNonce(prefix, expected, got);
        return {};
    };
    const auto marginOf = [&](const QString &scopeId) -> qint64 {
        const ScopeRef *s = m_net.findScope(scopeId);
        if (!s)
            return params.defaultMarginPpm; // the core refuses the unknown scope
        switch (s->kind) {
        case ScopeKind::Cluster:
            return m_net.marginPpmOfCluster(s->index);
        case ScopeKind::Zone:
            return m_net.regions[m_net.zones[s->index].region].marginPpm;
        case ScopeKind::Region:
            break;
        }
        return m_net.regions[s->index].marginPpm;
    };
    const auto tenderRec = [&](quint64 id) -> const TenderRec * {
        return id >= 1 && id <= m_auctions.tenders.size() ? &m_auctions.tenders[id - 1] : nullptr;
    };
    const auto auctionRec = [&](quint64 id) -> const ReverseAuctionRec * {
        return id >= 1 && id <= m_auctions.auctions.size() ? &m_auctions.auctions[id - 1] : nullptr;
    };

    return std::visit(
        Overloaded{
            [&](const PostTenderTx &t) -> Result<AuctionStaged> {
                if (auto ok = prologue(kTender, t.sp, "sp", t.unsignedLocal, t.signature); !ok)
                    return ok.error();
                const TenderSpec spec{t.sp, t.scope, t.sizeTb, t.startMonth, t.months, t.maxPrice, t.minReliabilityPpm,
                                      t.bidDeadlineEpoch, t.partialFill, marginOf(t.scope)};
                auto posted = Tender::post(spec, now, m_current, params, facts);
                if (!posted)
                    return posted.error();
                const qint64 startEpoch = SlaClock::firstEpochOf(t.startMonth);
                if (t.bidDeadlineEpoch >= startEpoch)
                    return Error::make(QStringLiteral("tender.deadline_not_before_start"),
                                       tr("The bid deadline (epoch %1, %2) must be before the start month's first epoch %3 (%4).")
                                           .arg(t.bidDeadlineEpoch).arg(SlaClock::dateOf(t.bidDeadlineEpoch))
                                           .arg(startEpoch).arg(SlaClock::dateOf(startEpoch)),
                                       QStringLiteral("bidDeadlineEpoch"),
                                       {{QStringLiteral("deadlineEpoch"), t.bidDeadlineEpoch}, {QStringLiteral("startEpoch"), startEpoch}});
                AuctionStaged st;
                st.moves = posted->postingMovements();
                st.receipt.amount = posted->lock().total;
                st.receipt.figures.append({QStringLiteral("lock"), posted->lock().total});
                ByteWriter w;
                w.u64(m_auctions.tenders.size() + 1);
                st.receipt.details = w.toByteArray();
                st.tender = std::move(*posted);
                return st;
            },
            [&](const TenderBidTx &t) -> Result<AuctionStaged> {
                if (auto ok = prologue(kTender, t.bidder, "bidder", t.unsignedLocal, t.signature); !ok)
                    return ok.error();
                const TenderRec *rec = tenderRec(t.tenderId);
                if (!rec)
                    return unknownTender(t.tenderId);
                // The core judges a bid against the tender and that HN's bid only: a probe holding just
                // that bid gives the same answer as the full tender, without copying every bid.
                const auto existing = rec->tender.bidFor(t.nodeId);
                auto probe = Tender::restore(rec->tender.spec(), rec->tender.maxBondBonusPpm(), rec->tender.state(),
                                             existing ? QList<TenderBid>{*existing} : QList<TenderBid>{});
                if (!probe)
                    return probe.error();
                auto moves = probe->bid(TenderBid{t.nodeId, t.bidder, t.offeredTb, t.price, t.bond, m_applied + 1}, now, facts);
                if (!moves)
                    return moves.error();
                AuctionStaged st;
                st.moves = std::move(*moves);
                st.receipt.amount = t.bond;
                ByteWriter w;
                w.u64(t.tenderId);
                w.string(t.nodeId);
                w.u64(m_applied + 1);
                st.receipt.details = w.toByteArray();
                return st;
            },
            [&](const TenderWithdrawTx &t) -> Result<AuctionStaged> {
                if (auto ok = prologue(kTender, t.bidder, "bidder", t.unsignedLocal, t.signature); !ok)
                    return ok.error();
                const TenderRec *rec = tenderRec(t.tenderId);
                if (!rec)
                    return unknownTender(t.tenderId);
                const auto existing = rec->tender.bidFor(t.nodeId);
                auto probe = Tender::restore(rec->tender.spec(), rec->tender.maxBondBonusPpm(), rec->tender.state(),
                                             existing ? QList<TenderBid>{*existing} : QList<TenderBid>{});
                if (!probe)
                    return probe.error();
                auto moves = probe->withdraw(t.nodeId, t.bidder, now);
                if (!moves)
                    return moves.error();
                AuctionStaged st;
                st.moves = std::move(*moves);
                st.receipt.amount = existing ? existing->bond : Amount();
                ByteWriter w;
                w.u64(t.tenderId);
                w.string(t.nodeId);
                st.receipt.details = w.toByteArray();
                return st;
            },
            [&](const TenderAwardTx &t) -> Result<AuctionStaged> {
                if (auto ok = prologue(kTender, t.caller, "caller", t.unsignedLocal, t.signature); !ok)
                    return ok.error();
                const TenderRec *rec = tenderRec(t.tenderId);
                if (!rec)
                    return unknownTender(t.tenderId);
                auto award = rec->tender.previewAward(now, facts);
                if (!award)
                    return award.error();
                AuctionStaged st;
                fillAwardReceipt(st.receipt, award->settlement, m_net, m_bookings.size() + 1);
                ByteWriter w;
                w.u64(t.tenderId);
                w.u8(static_cast<quint8>(award->outcome));
                writeSettlement(w, award->settlement);
                w.u32(static_cast<quint32>(award->ranking.size()));
                for (const RankedBid &r : award->ranking) {
                    w.string(r.bid.nodeId);
                    w.i64(r.awardedTb);
                }
                writeDropped(w, award->dropped);
                st.receipt.details = w.toByteArray();
                st.moves = award->settlement.movements;
                st.award = std::move(*award);
                return st;
            },
            [&](const PostAuctionTx &t) -> Result<AuctionStaged> {
                if (auto ok = prologue(kAuction, t.sp, "sp", t.unsignedLocal, t.signature); !ok)
                    return ok.error();
                const ReverseAuctionSpec spec{t.sp, t.scope, t.sizeTb, t.startMonth, t.months, t.ceilingPrice,
                                              t.decrementPpm, t.floorPrice, t.minReliabilityPpm, marginOf(t.scope)};
                auto posted = ReverseAuction::post(spec, m_current, params, facts);
                if (!posted)
                    return posted.error();
                if (t.clockEpoch <= m_epoch)
                    return Error::make(QStringLiteral("auction.clock_passed"),
                                       tr("The clock epoch %1 must be after the current epoch %2.").arg(t.clockEpoch).arg(m_epoch),
                                       QStringLiteral("clockEpoch"),
                                       {{QStringLiteral("clockEpoch"), t.clockEpoch}, {QStringLiteral("currentEpoch"), m_epoch}});
                const qint64 startEpoch = SlaClock::firstEpochOf(t.startMonth);
                if (t.clockEpoch >= startEpoch)
                    return Error::make(QStringLiteral("auction.clock_not_before_start"),
                                       tr("The clock epoch %1 (%2) must be before the start month's first epoch %3 (%4).")
                                           .arg(t.clockEpoch).arg(SlaClock::dateOf(t.clockEpoch))
                                           .arg(startEpoch).arg(SlaClock::dateOf(startEpoch)),
                                       QStringLiteral("clockEpoch"),
                                       {{QStringLiteral("clockEpoch"), t.clockEpoch}, {QStringLiteral("startEpoch"), startEpoch}});
                AuctionStaged st;
                st.moves = posted->postingMovements();
                st.receipt.amount = posted->lock().total;
                st.receipt.figures.append({QStringLiteral("lock"), posted->lock().total});
                ByteWriter w;
                w.u64(m_auctions.auctions.size() + 1);
                st.receipt.details = w.toByteArray();
                st.auction = std::move(*posted);
                return st;
            },
            [&](const SetDropOutTx &t) -> Result<AuctionStaged> {
                if (auto ok = prologue(kAuction, t.bidder, "bidder", t.unsignedLocal, t.signature); !ok)
                    return ok.error();
                const ReverseAuctionRec *rec = auctionRec(t.auctionId);
                if (!rec)
                    return unknownAuction(t.auctionId);
                if (rec->auction.state() == ReverseAuctionState::Open && m_epoch >= rec->clockEpoch)
                    return Error::make(QStringLiteral("auction.terms_after_clock"),
                                       tr("Drop-out prices are accepted before the clock epoch %1 (%2); the current epoch is %3.")
                                           .arg(rec->clockEpoch).arg(SlaClock::dateOf(rec->clockEpoch)).arg(m_epoch),
                                       QStringLiteral("auctionId"),
                                       {{QStringLiteral("clockEpoch"), rec->clockEpoch}, {QStringLiteral("currentEpoch"), m_epoch}});
                const auto existing = rec->auction.termsFor(t.nodeId);
                auto probe = ReverseAuction::restore(rec->auction.spec(), rec->auction.state(),
                                                     existing ? QList<ReverseAuctionTerms>{*existing} : QList<ReverseAuctionTerms>{});
                if (!probe)
                    return probe.error();
                ReverseAuctionTerms terms{t.nodeId, t.bidder, std::nullopt, std::nullopt, t.bond};
                if (!t.dropOutPrice.isZero())
                    terms.dropOutPrice = t.dropOutPrice;
                if (t.capacityTb != 0)
                    terms.capacityTb = t.capacityTb;
                auto moves = probe->setTerms(terms, facts);
                if (!moves)
                    return moves.error();
                AuctionStaged st;
                st.moves = std::move(*moves);
                st.receipt.amount = t.bond;
                ByteWriter w;
                w.u64(t.auctionId);
                w.string(t.nodeId);
                st.receipt.details = w.toByteArray();
                return st;
            },
            [&](const RunAuctionTx &t) -> Result<AuctionStaged> {
                if (auto ok = prologue(kAuction, t.caller, "caller", t.unsignedLocal, t.signature); !ok)
                    return ok.error();
                const ReverseAuctionRec *rec = auctionRec(t.auctionId);
                if (!rec)
                    return unknownAuction(t.auctionId);
                if (rec->auction.state() == ReverseAuctionState::Open && m_epoch < rec->clockEpoch)
                    return Error::make(QStringLiteral("auction.run_before_clock"),
                                       tr("The clock runs from epoch %1 (%2) on; the current epoch is %3.")
                                           .arg(rec->clockEpoch).arg(SlaClock::dateOf(rec->clockEpoch)).arg(m_epoch),
                                       QStringLiteral("auctionId"),
                                       {{QStringLiteral("clockEpoch"), rec->clockEpoch}, {QStringLiteral("currentEpoch"), m_epoch}});
                auto result = rec->auction.preview(facts);
                if (!result)
                    return result.error();
                AuctionStaged st;
                fillAwardReceipt(st.receipt, result->settlement, m_net, m_bookings.size() + 1);
                st.receipt.figures.append({QStringLiteral("clearing_price"), result->clearingPrice});
                ByteWriter w;
                w.u64(t.auctionId);
                w.u8(static_cast<quint8>(result->outcome));
                w.amount(result->clearingPrice);
                w.u32(static_cast<quint32>(result->rounds.size()));
                writeSettlement(w, result->settlement);
                writeDropped(w, result->dropped);
                st.receipt.details = w.toByteArray();
                st.moves = result->settlement.movements;
                st.result = std::move(*result);
                return st;
            },
            [](const auto &) -> Result<AuctionStaged> {
                Q_UNREACHABLE();
                return AuctionStaged{};
            },
        },
        tx);
}

void Engine::executeAuction(const Transaction &tx, AuctionStaged &st)
{
    const Address actor = transactionSender(tx);
    const quint32 actorAccount = m_ledger.ensure(actor);
    const qint64 now = m_epoch;
    std::visit(
        Overloaded{
            [&](const PostTenderTx &) {
                TenderRec rec{m_auctions.tenders.size() + 1, std::move(*st.tender), actorAccount, m_applied + 1, {}, {}, {}};
                m_auctions.tenders.push_back(std::move(rec));
                applyMovements(st.moves, actorAccount);
            },
            [&](const TenderBidTx &t) {
                TenderRec &rec = m_auctions.tenders[t.tenderId - 1];
                const EngineAuctionFacts facts(m_net, m_book, m_ledger, m_current);
                const auto done = rec.tender.bid(TenderBid{t.nodeId, t.bidder, t.offeredTb, t.price, t.bond, m_applied + 1}, now, facts);
                Q_ASSERT(done && *done == st.moves);
                applyMovements(st.moves, actorAccount);
            },
            [&](const TenderWithdrawTx &t) {
                TenderRec &rec = m_auctions.tenders[t.tenderId - 1];
                const auto done = rec.tender.withdraw(t.nodeId, t.bidder, now);
                Q_ASSERT(done && *done == st.moves);
                applyMovements(st.moves, actorAccount);
            },
            [&](const TenderAwardTx &t) {
                TenderRec &rec = m_auctions.tenders[t.tenderId - 1];
                const TenderAward &award = *st.award;
                rec.finalBids = rec.tender.bids();
                // The staged award is the award: close the tender without ranking the bids again.
                rec.tender = *Tender::restore(rec.tender.spec(), rec.tender.maxBondBonusPpm(), stateOf(award.outcome), {});
                bookAward(rec.spAccount, rec.tender.spec().scopeId, rec.tender.spec().start, rec.tender.spec().months,
                          award.settlement.slices, award.settlement.bondsKept, rec.bookingIds);
                applyMovements(st.moves, rec.spAccount);
                rec.award = std::move(*st.award);
            },
            [&](const PostAuctionTx &t) {
                ReverseAuctionRec rec{m_auctions.auctions.size() + 1, std::move(*st.auction), t.clockEpoch, actorAccount,
                                      m_applied + 1, {}, {}, {}};
                m_auctions.auctions.push_back(std::move(rec));
                applyMovements(st.moves, actorAccount);
            },
            [&](const SetDropOutTx &t) {
                ReverseAuctionRec &rec = m_auctions.auctions[t.auctionId - 1];
                const EngineAuctionFacts facts(m_net, m_book, m_ledger, m_current);
                ReverseAuctionTerms terms{t.nodeId, t.bidder, std::nullopt, std::nullopt, t.bond};
                if (!t.dropOutPrice.isZero())
                    terms.dropOutPrice = t.dropOutPrice;
                if (t.capacityTb != 0)
                    terms.capacityTb = t.capacityTb;
                const auto done = rec.auction.setTerms(terms, facts);
                Q_ASSERT(done && *done == st.moves);
                applyMovements(st.moves, actorAccount);
            },
            [&](const RunAuctionTx &t) {
                ReverseAuctionRec &rec = m_auctions.auctions[t.auctionId - 1];
                const ReverseAuctionResult &result = *st.result;
                rec.finalTerms = rec.auction.terms();
                const ReverseAuctionState state = result.outcome == ReverseAuctionOutcome::Cleared
                                                      ? ReverseAuctionState::Cleared
                                                      : ReverseAuctionState::NotCleared;
                rec.auction = *ReverseAuction::restore(rec.auction.spec(), state, {});
                bookAward(rec.spAccount, rec.auction.spec().scopeId, rec.auction.spec().start, rec.auction.spec().months,
                          result.settlement.slices, result.settlement.bondsKept, rec.bookingIds);
                applyMovements(st.moves, rec.spAccount);
                rec.result = std::move(*st.result);
            },
            [](const auto &) {},
        },
        tx);
    m_ledger.bumpNonce(actorAccount);
}

void Engine::applyMovements(const QList<LedgerMovement> &moves, quint32 spAccount)
{
    for (const LedgerMovement &m : moves) {
        switch (m.kind) {
        case MovementKind::AccountToLock:
            m_ledger.accountToEscrow(m_ledger.ensure(m.account), m.amount);
            break;
        case MovementKind::LockToEscrow:
            break; // the lock already sits in escrow: the award's slices now hold it
        case MovementKind::LockToTreasury:
            m_ledger.escrowToTreasury(m.amount);
            break;
        case MovementKind::LockToAccount:
            m_ledger.escrowToAccount(spAccount, m.amount);
            break;
        case MovementKind::AccountToBond:
            m_ledger.accountToBond(m_ledger.ensure(m.account), m.amount);
            break;
        case MovementKind::BondToAccount:
            m_ledger.bondToAccount(m_ledger.ensure(m.account), m.amount);
            break;
        }
    }
}

// One ordinary booking per cluster of the winners (docs/auctions.md §1), in order of first
// appearance in the fill; the margin went to the treasury at the award, so the bookings carry none.
quint64 Engine::bookAward(quint32 spAccount, const QString &scopeId, Month start, qint32 months,
                          const QList<AwardSlice> &slices, const QList<HeldBond> &kept, QList<quint64> &bookingIds)
{
    if (slices.isEmpty())
        return 0;
    const ScopeRef scope = *m_net.findScope(scopeId);
    QStringList clusterOrder;
    QHash<QString, QList<const AwardSlice *>> byCluster;
    for (const AwardSlice &a : slices) {
        if (!byCluster.contains(a.clusterId))
            clusterOrder.append(a.clusterId);
        byCluster[a.clusterId].append(&a);
    }
    QHash<QString, quint32> bookingOfNode;
    for (const QString &clusterId : std::as_const(clusterOrder)) {
        const QList<const AwardSlice *> &group = byCluster[clusterId];
        std::vector<NewSlice> drafts;
        drafts.reserve(static_cast<size_t>(group.size()));
        CostBreakdown cost;
        qint64 sizeTb = 0;
        for (const AwardSlice *a : group) {
            drafts.push_back(NewSlice{m_net.nodeIndex.value(a->nodeId), static_cast<quint32>(a->tb), a->price, a->hpCost});
            cost.hpCost = *cost.hpCost.add(a->hpCost); // ≤ the lock: cannot overflow
            sizeTb += a->tb;
        }
        cost.total = cost.hpCost;
        const quint32 cluster = m_net.nodes[drafts.front().node].cluster;
        const quint32 index = addBooking(spAccount, scope, cluster, start, months, sizeTb, cost, drafts.data(),
                                         static_cast<qsizetype>(drafts.size()));
        bookingIds.append(index + 1);
        for (const AwardSlice *a : group)
            bookingOfNode.insert(a->nodeId, index);
    }
    for (const HeldBond &b : kept)
        m_auctions.keptBonds.push_back(KeptBondRec{m_ledger.ensure(b.account), bookingOfNode.value(b.nodeId), b.nodeId, b.amount});
    return bookingIds.first();
}

void Engine::releaseEndedBonds()
{
    auto &kept = m_auctions.keptBonds;
    if (kept.empty())
        return;
    const auto ended = std::stable_partition(kept.begin(), kept.end(),
                                             [this](const KeptBondRec &b) { return !m_bookings[b.booking].completed; });
    for (auto it = ended; it != kept.end(); ++it)
        m_ledger.bondToAccount(it->account, it->amount);
    kept.erase(ended, kept.end());
}

Result<Receipt> Engine::applyAuction(const Transaction &tx)
{
    auto staged = stageAuction(tx);
    if (!staged)
        return staged.error();
    executeAuction(tx, *staged);
    Receipt receipt = std::move(staged->receipt);
    commit(receipt, tx);
    return receipt;
}

Result<Receipt> Engine::checkAuction(const Transaction &tx) const
{
    auto staged = stageAuction(tx);
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

Amount Engine::auctionEscrowHeld() const
{
    Amount sum;
    for (const TenderRec &t : m_auctions.tenders)
        if (t.tender.state() == TenderState::Open)
            sum = *sum.add(t.tender.lock().total);
    for (const ReverseAuctionRec &a : m_auctions.auctions)
        if (a.auction.state() == ReverseAuctionState::Open)
            sum = *sum.add(a.auction.lock().total);
    return sum;
}

Amount Engine::auctionBondsHeld() const
{
    Amount sum;
    for (const TenderRec &t : m_auctions.tenders)
        for (const TenderBid &b : t.tender.bids())
            sum = *sum.add(b.bond);
    for (const ReverseAuctionRec &a : m_auctions.auctions)
        for (const ReverseAuctionTerms &terms : a.auction.terms())
            sum = *sum.add(terms.bond);
    for (const KeptBondRec &k : m_auctions.keptBonds)
        sum = *sum.add(k.amount);
    return sum;
}

void Engine::writeAuctionDigest(ByteWriter &w) const
{
    w.raw("ICN-AUCTIONS-1");
    w.u32(static_cast<quint32>(m_auctions.tenders.size()));
    for (const TenderRec &rec : m_auctions.tenders) {
        const TenderSpec &s = rec.tender.spec();
        w.u64(rec.id);
        w.address(s.sp);
        w.string(s.scopeId);
        w.i64(s.sizeTb);
        w.month(s.start);
        w.i32(s.months);
        w.amount(s.maxPrice);
        w.i32(s.minReliabilityPpm);
        w.i64(s.bidDeadlineEpoch);
        w.boolean(s.partialFillAllowed);
        w.i64(s.marginPpm);
        w.i64(rec.tender.maxBondBonusPpm());
        w.u8(static_cast<quint8>(rec.tender.state()));
        const QList<TenderBid> bids = rec.tender.state() == TenderState::Open ? rec.tender.bids() : rec.finalBids;
        w.u32(static_cast<quint32>(bids.size()));
        for (const TenderBid &b : bids) {
            w.string(b.nodeId);
            w.address(b.bidder);
            w.i64(b.offeredTb);
            w.amount(b.price);
            w.amount(b.bond);
            w.u64(b.submittedOrder);
        }
        w.u32(static_cast<quint32>(rec.bookingIds.size()));
        for (quint64 id : rec.bookingIds)
            w.u64(id);
    }
    w.u32(static_cast<quint32>(m_auctions.auctions.size()));
    for (const ReverseAuctionRec &rec : m_auctions.auctions) {
        const ReverseAuctionSpec &s = rec.auction.spec();
        w.u64(rec.id);
        w.address(s.sp);
        w.string(s.scopeId);
        w.i64(s.sizeTb);
        w.month(s.start);
        w.i32(s.months);
        w.amount(s.ceilingPrice);
        w.i64(s.decrementPpm);
        w.amount(s.floorPrice);
        w.i32(s.minReliabilityPpm);
        w.i64(s.marginPpm);
        w.i64(rec.clockEpoch);
        w.u8(static_cast<quint8>(rec.auction.state()));
        const QList<ReverseAuctionTerms> terms =
            rec.auction.state() == ReverseAuctionState::Open ? rec.auction.terms() : rec.finalTerms;
        w.u32(static_cast<quint32>(terms.size()));
        for (const ReverseAuctionTerms &t : terms) {
            w.string(t.nodeId);
            w.address(t.bidder);
            w.amount(t.dropOutPrice.value_or(Amount()));
            w.i64(t.capacityTb.value_or(0));
            w.amount(t.bond);
        }
        w.u32(static_cast<quint32>(rec.bookingIds.size()));
        for (quint64 id : rec.bookingIds)
            w.u64(id);
    }
    w.u32(static_cast<quint32>(m_auctions.keptBonds.size()));
    for (const KeptBondRec &k : m_auctions.keptBonds) {
        w.address(m_ledger.account(k.account).address);
        w.u32(k.booking);
        w.string(k.nodeId);
        w.amount(k.amount);
    }
}

} // namespace icn
