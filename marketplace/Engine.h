#pragma once

#include "Assignment.h"
#include "AuctionBook.h" // §8 auctions
#include "BookingTypes.h"
#include "ByteWriter.h"
#include "CapacityBook.h"
#include "EngineEvents.h"
#include "Ledger.h"
#include "NetworkState.h"
#include "NetworkTypes.h"
#include "NodeEconomics.h" // §6 hardware nodes
#include "Pricing.h"
#include "Receipt.h"
#include "Result.h"
#include "SlaState.h"
#include "Transaction.h"

#include <QByteArray>
#include <QList>

#include <optional>
#include <utility>
#include <vector>

namespace icn {

// Running totals of where the supply sits (PROTOCOL.md §9).
struct LedgerTotals
{
    Amount totalSupply;
    Amount balances;
    Amount escrow;
    Amount collateral;
    Amount bonds;
    Amount reserve;
    Amount treasury;
    Amount genesisPool;
};

struct EngineMemory
{
    size_t networkBytes = 0;
    size_t capacityBytes = 0;
    size_t bookingBytes = 0;
    size_t ledgerBytes = 0;
    size_t historyBytes = 0;
};

// The in-memory mirror of the ICN protocol engine (PROTOCOL.md). Deterministic: the same genesis
// and the same transactions give the same state and the same running hash on every machine.
// Every change goes through apply(); reads never change state. Not thread-safe: one owner.
class Engine
{
public:
    // Validates the genesis (structure, limits, conservation: reserve + balances + collateral
    // ≤ total supply, the genesis pool holding the rest). Errors "genesis.*".
    static Result<Engine> create(const NetworkSnapshot &genesis);

    // Validates, then applies atomically in memory; on error nothing changed.
    Result<Receipt> apply(const Transaction &tx);
    // What apply(tx) would return now (same refusal, or the same receipt and state hash), without
    // changing anything: lets a caller write its log entry first and apply once it is durable.
    Result<Receipt> check(const Transaction &tx) const;

    QByteArray genesisHash() const { return m_genesisHash; }
    QByteArray stateHash() const { return m_hash; } // after the last applied tx (32 bytes)
    // Replaying a stored log whose own hash chain is verified elsewhere (Market::replay: the
    // LogPipeline worker checks h_n = keccak256(h_{n−1} || stored tx || stored receipt) on the
    // other core). Until adoptVerifiedHash(), apply() skips the running hash, leaves the receipt's
    // stateHash empty and keeps encode(receipt) in lastReceiptBytes() for the caller to compare
    // with the stored receipt: equal bytes under a verified chain are the h_n the engine would
    // have computed. adoptVerifiedHash() takes the chain's hash after the last applied entry.
    void deferHashForReplay() { m_hashDeferred = true; }
    QByteArrayView lastReceiptBytes() const { return m_scratch.view(); }
    void adoptVerifiedHash(const QByteArray &hash);
    QByteArray computeStateDigest() const;            // Keccak-256 of the full canonical state, O(state)
    // Recomputes every bucket from scratch; "engine.conservation_broken" when they do not add up.
    Result<void> checkConservation() const;
    quint64 appliedCount() const { return m_applied; }

    // Reads.
    Result<Quote> quote(const QuoteRequest &request) const;
    Result<CapacityView> capacity(const QString &scopeId, MonthRange range) const;
    Amount balance(const Address &account) const { return m_ledger.balance(account); }
    quint64 nextNonce(const Address &account) const { return m_ledger.nextNonce(account); }
    Month currentMonth() const { return m_current; }
    qint64 currentEpoch() const { return m_epoch; }
    QList<BookingInfo> bookings(const Address &spOrNull = {}) const;
    std::optional<BookingInfo> booking(quint64 id) const;
    quint64 bookingCount() const { return m_bookings.size(); }
    LedgerTotals totals() const;
    // §9 history: every change of a cluster's listed price, oldest first (all clusters when empty).
    QList<ListedPriceChange> listedPriceHistory(const QString &clusterId = {}) const;
    // History for analysts (EngineHistory.cpp): the listed-price changes from position `from` of
    // that history on, and its length, so an owner can persist them incrementally.
    QList<ListedPriceChange> listedPriceChangesSince(size_t from) const;
    size_t listedPriceChangeCount() const { return m_priceHistory.size(); }
    QList<AccountEntry> accounts() const; // every account with its current balance, by address
    const NetworkSnapshot &genesis() const { return m_genesis; }
    // The network as it is now (prices, collateral, status as changed by transactions).
    NetworkSnapshot currentNetwork() const;
    const NetworkState &network() const { return m_net; }
    const CapacityBook &capacityBook() const { return m_book; }
    const ProtocolParams &params() const { return m_genesis.params; }
    EngineMemory memoryUsage() const;

    // §6 hardware nodes (EngineNodes.cpp): per-HN economics, by node id (HNs of `provider` only
    // when it is not null); rewards to date of one provider over all its HNs.
    std::optional<NodeEconomics> nodeEconomics(const QString &nodeId) const;
    QList<NodeEconomics> nodeEconomicsList(const Address &provider = {}) const;
    Amount providerRewards(const Address &provider) const;
    Amount lastMonthRewards() const { return m_lastMonthRewards; } // paid at the last month close

    // History events of the transactions applied since the last call (EngineEvents.h), oldest first.
    std::vector<EngineEvent> takeEvents()
    {
        m_unstamped = 0;
        return std::exchange(m_events, {});
    }
    size_t pendingEventCount() const { return m_events.size(); }
    // Off by default for callers that never drain (benchmarks, one-shot checks): nothing is kept.
    void setRecordEvents(bool on) { m_recordEvents = on; }

    // §8 auctions (EngineAuctions.cpp). Sealed: before the award (the run) a view holds only the
    // bids (terms) of `viewer`; afterwards all of them.
    QList<TenderView> tenders(const Address &viewer = {}) const;
    std::optional<TenderView> tender(quint64 id, const Address &viewer = {}) const;
    QList<ReverseAuctionView> reverseAuctions(const Address &viewer = {}) const;
    std::optional<ReverseAuctionView> reverseAuction(quint64 id, const Address &viewer = {}) const;
    // Every announced round of a reverse auction that ran (empty while open or unknown).
    QList<AuctionRound> auctionRounds(quint64 id) const;
    // §7 SLA reads (EngineSla.cpp). The current epoch is the open one (currentEpoch()).
    std::optional<SlaNodeInfo> slaNode(const QString &nodeId) const;
    Amount claimable(quint64 bookingId) const; // withheld ICNT the booking's SP can claim now
    QList<Address> oracles() const;             // registration order
    qint32 quorumReports() const;               // reports an HN needs for quorum now
    const SlaState &sla() const { return m_sla; }

private:
    struct SliceRec
    {
        quint32 node = 0;
        quint32 tb = 0;
        Amount price;
        Amount escrowLeft;
    };
    struct BookingRec
    {
        quint32 spAccount = 0;
        ScopeRef scope;
        quint32 cluster = 0;
        qint32 months = 0;
        qint64 sizeTb = 0;
        Month start;
        Month bookedIn;
        Amount hpCost;
        Amount margin;
        Amount total;
        quint32 firstSlice = 0;
        quint32 sliceCount = 0;
        bool completed = false;
    };
    // A validated assignment with its price (shared by quote() and booking).
    struct Plan
    {
        ScopeRef scope;
        Fill fill;
        CostBreakdown cost;
    };

    // A validated transaction: its receipt (without sequence and hash) and what executing needs.
    struct Staged
    {
        Receipt receipt;
        Plan plan;
        quint32 account = 0;
        std::vector<SlaNodeStep> slaSteps; // §7 close_epoch
    };

    Engine() = default;
    Result<Plan> plan(const QString &scopeId, qint64 sizeTb, Month start, qint32 months) const;
    // stage*: every rule, in order, reading only; execute*: the mutations, which cannot fail.
    Result<Staged> stage(const Transaction &tx) const;
    Result<Staged> stageFaucet(const FaucetTx &tx) const;
    Result<Staged> stageTransfer(const TransferTx &tx) const;
    Result<Staged> stageBook(const BookTx &tx) const;
    void executeFaucet(const FaucetTx &tx);
    void executeTransfer(const TransferTx &tx);
    void executeBook(const BookTx &tx, const Staged &staged);
    // §6 hardware nodes (EngineNodes.cpp)
    Result<Staged> stageNode(const RegisterNodeTx &tx) const;
    Result<Staged> stageNode(const SetReservationPriceTx &tx) const;
    Result<Staged> stageNode(const DepositCollateralTx &tx) const;
    Result<Staged> stageNode(const WithdrawCollateralTx &tx) const;
    Result<Staged> stageNode(const ExtendCommitmentTx &tx) const;
    Result<Staged> stageNode(const OffboardNodeTx &tx) const;
    void executeNode(const RegisterNodeTx &tx, const Staged &staged);
    void executeNode(const SetReservationPriceTx &tx, const Staged &staged);
    void executeNode(const DepositCollateralTx &tx, const Staged &staged);
    void executeNode(const WithdrawCollateralTx &tx, const Staged &staged);
    void executeNode(const ExtendCommitmentTx &tx, const Staged &staged);
    void executeNode(const OffboardNodeTx &tx, const Staged &staged);
    // The HN of a §6 transaction other than registration, checked (exists, the provider's, not offboarded).
    Result<quint32> ownedNode(const QString &prefix, const Address &provider, const QString &nodeId) const;
    std::pair<qint64, qint64> activeAndPendingBookings(quint32 node) const;
    // Appends a registered HN without renumbering the others; grows the capacity window if needed.
    void appendNode(NodeRec rec);
    void afterNodeChanged(quint32 node);
    Result<Receipt> applyCloseMonth(const CloseMonthTx &tx);
    // History for analysts (EngineHistory.cpp): one ClusterMonthEvent per cluster for `month`.
    void emitClusterMonths(Month month);

    // Seams for PROTOCOL.md §6–7 (capacity rewards, withholding during SLA breaches, jailing).
    // Month close calls them at the points where those rules apply.
    void beforeMonthPayments(Month month);
    void afterMonthPayments(Month month, Receipt &receipt);

    // §7 SLA (EngineSla.cpp)
    void initSla();                   // create(): sizes the per-HN state, sets the epoch clock
    // Withholds the breach-day share of a slice's payment `due` for `month`: records it as
    // claimable (it stays in the slice's escrow) and returns it.
    Amount withheldPayment(quint32 booking, quint32 slice, Month month, Amount due);
    void slaMonthClosed();            // after the month advanced: epoch clock, breach-day counters
    void writeSlaState(ByteWriter &w) const; // computeStateDigest()
    Result<Staged> stageRegisterOracle(const RegisterOracleTx &tx) const;
    Result<Staged> stageSlaReports(const SlaReportTx &tx) const;
    Result<Staged> stageSlaBatch(const SlaBatchTx &tx) const;
    void executeSlaBatch(const SlaBatchTx &tx);
    Result<Staged> stageCloseEpoch(const CloseEpochTx &tx) const;
    Result<Staged> stageClaim(const ClaimCompensationTx &tx) const;
    void executeRegisterOracle(const RegisterOracleTx &tx);
    void executeSlaReports(const SlaReportTx &tx);
    void executeCloseEpoch(const CloseEpochTx &tx, const Staged &staged);
    void executeClaim(const ClaimCompensationTx &tx, const Staged &staged);

    void commit(Receipt &receipt, const Transaction &tx);
    // Appends a history event of the transaction being applied (stamped by commit()). Only from the
    // mutation phase, after every check passed: a refused transaction emits nothing.
    void emitEvent(EngineEventData data)
    {
        if (m_recordEvents)
            m_events.push_back(EngineEvent{0, std::move(data)});
    }
    // Listed price per cluster and month (EnginePriceHistory.cpp): refreshes the months of one
    // cluster, recording changes as runs of months; the whole window after a month close.
    Int128 listedPriceAt(quint32 cluster, Month month) const;
    void refreshListedPrices(quint32 cluster, Month first, qint32 months, quint64 sequence);
    void refreshAllListedPrices(quint64 sequence);
    // keccak256(previous || encode(tx) || encode(receipt)) written to out[0..31], encoding into
    // `scratch` (reused: no allocation per transaction).
    static void chainHash(const QByteArray &previous, const Transaction &tx, const Receipt &receipt, ByteWriter &scratch,
                          unsigned char *out);
    BookingInfo infoOf(quint64 index) const;
    CapacityView viewOf(const ScopeRef &scope, MonthRange range, bool withChildren) const;
    CapacityView nodeView(quint32 node, MonthRange range) const;
    quint32 allocatedAt(quint32 node, Month m) const
    {
        return m_book.covers(m, 1) ? m_book.allocated(node, m) : 0;
    }

    // §8 auctions (EngineAuctions.cpp): stage/execute of the auction transactions, the booking
    // path shared with BookTx, bond release at month close, and the state's conservation/digest parts.
    struct AuctionStaged
    {
        Receipt receipt;
        std::optional<Tender> tender;          // a posted tender
        std::optional<ReverseAuction> auction; // a posted reverse auction
        std::optional<TenderAward> award;
        std::optional<ReverseAuctionResult> result;
        QList<LedgerMovement> moves;
    };
    struct NewSlice
    {
        quint32 node = 0;
        quint32 tb = 0;
        Amount price;
        Amount escrow;
    };
    Result<AuctionStaged> stageAuction(const Transaction &tx) const;
    void executeAuction(const Transaction &tx, AuctionStaged &staged);
    Result<Receipt> applyAuction(const Transaction &tx);
    Result<Receipt> checkAuction(const Transaction &tx) const;
    // Records a booking and allocates its slices (BookTx and awards): returns its index.
    quint32 addBooking(quint32 spAccount, const ScopeRef &scope, quint32 cluster, Month start, qint32 months,
                       qint64 sizeTb, const CostBreakdown &cost, const NewSlice *slices, qsizetype sliceCount);
    void applyMovements(const QList<LedgerMovement> &moves, quint32 spAccount);
    quint64 bookAward(quint32 spAccount, const QString &scopeId, Month start, qint32 months,
                      const QList<AwardSlice> &slices, const QList<HeldBond> &kept, QList<quint64> &bookingIds);
    void releaseEndedBonds();
    Amount auctionEscrowHeld() const;
    Amount auctionBondsHeld() const;
    void writeAuctionDigest(ByteWriter &w) const;
    AuctionBook m_auctions;

    NetworkSnapshot m_genesis;
    NetworkState m_net;
    CapacityBook m_book;
    Ledger m_ledger;
    std::vector<BookingRec> m_bookings;
    std::vector<SliceRec> m_slices;
    std::vector<quint32> m_open; // bookings not completed, by id
    Month m_current;
    qint64 m_epoch = 0;
    quint64 m_applied = 0;
    QByteArray m_genesisHash;
    QByteArray m_hash;
    ByteWriter m_scratch; // reused encoding buffer of the hash chain
    bool m_hashDeferred = false; // deferHashForReplay()
    std::vector<EngineEvent> m_events;
    size_t m_unstamped = 0; // first event of m_events not yet stamped with a sequence
    bool m_recordEvents = false;
    SlaState m_sla; // §7

    struct PriceChangeRec
    {
        quint64 sequence = 0;
        quint32 cluster = 0;
        Month first;
        Month last;
        Int128 price = -1; // −1: no listed price
    };
    std::vector<Int128> m_listed; // clusters × capacity horizon, slot = month index mod horizon; −1 none
    std::vector<PriceChangeRec> m_priceHistory;

    // §6 hardware nodes: capacity rewards paid to each HN (index = node index).
    struct NodeRewardRec
    {
        Amount earned;
        Amount toCollateral;
    };
    std::vector<NodeRewardRec> m_nodeRewards;
    Amount m_lastMonthRewards;
};

} // namespace icn
