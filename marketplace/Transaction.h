#pragma once

#include "Address.h"
// §8 auctions: PostTenderTx, TenderBidTx, TenderWithdrawTx, TenderAwardTx, PostAuctionTx, SetDropOutTx, RunAuctionTx
#include "AuctionTransactions.h"
#include "Amount.h"
#include "Month.h"
#include "NodeTransactions.h" // §6 hardware nodes
#include "Result.h"
#include "SlaReport.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <variant>

namespace icn {

// The state-changing transactions of the engine (PROTOCOL.md §9). Plain values; the engine
// validates them. `signature` is the 65-byte r||s||v EIP-712 signature of the acting account;
// transactions made by the local simulator or faucet carry `unsignedLocal = true` and no signature.

// Moves ICNT from the genesis allocation pool to an account (local mirror only; never signed).
struct FaucetTx
{
    Address to;
    Amount amount;
    friend bool operator==(const FaucetTx &, const FaucetTx &) = default;
};

// An ICNT transfer between accounts, signed by `from` (EIP-712 "Transfer", docs/protocol-types.md).
struct TransferTx
{
    Address from;
    Address to;
    Amount amount;
    quint64 nonce = 0;
    bool unsignedLocal = false;
    QByteArray signature; // 65 bytes r||s||v, empty when unsignedLocal
    friend bool operator==(const TransferTx &, const TransferTx &) = default;
};

// A posted-price booking (PROTOCOL.md §5), signed by the SP (EIP-712 "Booking").
struct BookTx
{
    Address sp;
    QString scope;       // cluster, zone or region id
    qint64 sizeTb = 0;
    Month startMonth;
    qint32 months = 0;   // duration D
    Amount quotedTotal;  // what the SP agreed to pay: hp_cost + margin
    quint64 nonce = 0;
    Month deadline;      // last month in which the booking may still be applied
    bool unsignedLocal = false;
    QByteArray signature;
    friend bool operator==(const BookTx &, const BookTx &) = default;
};

// Closes the current month (local clock): pays escrow to HPs, ends bookings, advances the month.
struct CloseMonthTx
{
    Month month; // must be the engine's current month (guards against double application)
    friend bool operator==(const CloseMonthTx &, const CloseMonthTx &) = default;
};

// §7 SLA monitoring and slashing (docs/protocol-types.md, "SLA transactions").
// An oracle account registers itself as an SLA oracle, signed by `oracle` (EIP-712 "RegisterOracle").
struct RegisterOracleTx
{
    Address oracle;
    quint64 nonce = 0;
    bool unsignedLocal = false;
    QByteArray signature;
    friend bool operator==(const RegisterOracleTx &, const RegisterOracleTx &) = default;
};
// One or more oracle reports for the current epoch, each signed by its oracle (SlaReport.h); with
// `unsignedLocal` every report's signature is empty (local simulator). All or nothing.
struct SlaReportTx
{
    QList<SlaReport> reports;
    bool unsignedLocal = false;
    friend bool operator==(const SlaReportTx &, const SlaReportTx &) = default;
};
// Settles the engine's current epoch (must equal it) and advances the epoch clock by one day.
struct CloseEpochTx
{
    qint64 epoch = 0;
    friend bool operator==(const CloseEpochTx &, const CloseEpochTx &) = default;
};
// The SP of a booking takes back the ICNT withheld from its HPs during SLA breaches (EIP-712
// "ClaimCompensation", signed by `sp`).
struct ClaimCompensationTx
{
    Address sp;
    quint64 bookingId = 0;
    quint64 nonce = 0;
    bool unsignedLocal = false;
    QByteArray signature;
    friend bool operator==(const ClaimCompensationTx &, const ClaimCompensationTx &) = default;
};

// All of one oracle's reports of one epoch in packed form, for oracles the local simulator runs
// (never signed: like the faucet, a local-mirror transaction). `packed` holds, per report, four
// big-endian u32: the HN's engine index (genesis HNs by id, then registrations in log order,
// strictly ascending), availability ppm, p95 latency ms and bandwidth Mbit/s. The same rules as
// SlaReportTx apply to every entry; 16 bytes a report instead of ~80 keeps a simulated year small.
struct SlaBatchTx
{
    Address oracle;
    qint64 epoch = 0;
    QByteArray packed;
    static constexpr qsizetype kEntryBytes = 16;
    friend bool operator==(const SlaBatchTx &, const SlaBatchTx &) = default;
};

using Transaction = std::variant<FaucetTx, TransferTx, BookTx, CloseMonthTx,
                                 // §6 hardware nodes (NodeTransactions.h)
                                 RegisterNodeTx, SetReservationPriceTx, DepositCollateralTx, WithdrawCollateralTx,
                                 ExtendCommitmentTx, OffboardNodeTx,
                                 // §7 SLA
                                 RegisterOracleTx, SlaReportTx, CloseEpochTx, ClaimCompensationTx, SlaBatchTx,
                                 // §8 auctions
                                 PostTenderTx, TenderBidTx, TenderWithdrawTx, TenderAwardTx, PostAuctionTx,
                                 SetDropOutTx, RunAuctionTx>;

// Canonical, deterministic bytes (also what goes in the log and into the running state hash).
QByteArray encodeTransaction(const Transaction &tx);
// Strict: exactly one encoding per transaction; typed errors "tx.*" naming the field on garbage.
Result<Transaction> decodeTransaction(QByteArrayView bytes);
// "faucet", "transfer", "book", "close_month"; §7: "register_oracle", "sla_report", "close_epoch",
// "claim_compensation".
QString transactionTypeName(const Transaction &tx);
// The account acting in the transaction (null for faucet and month close).
Address transactionSender(const Transaction &tx);

} // namespace icn
