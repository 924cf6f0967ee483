#pragma once

#include "Address.h"
#include "Amount.h"
#include "Month.h"

#include <QByteArray>
#include <QString>

#include <concepts>

namespace icn {

// The signed transactions of the dual-auction marketplace (PROTOCOL.md §8, docs/auctions.md §4).
// Each is signed by its acting account with EIP-712 (AuctionTypedData.h) and carries that
// account's nonce; `unsignedLocal = true` marks a local (simulator) transaction without signature.
//
// Clock (PROTOCOL.md §8 "bid deadline (epoch)"): auction deadlines are EPOCHS of the engine's
// epoch clock (Engine::currentEpoch(), day number since 1970-01-01, SlaClock). A tender takes bids
// and withdrawals while currentEpoch < bidDeadlineEpoch and is awarded from currentEpoch ≥
// bidDeadlineEpoch; a reverse auction takes drop-out terms while currentEpoch < clockEpoch and runs
// from currentEpoch ≥ clockEpoch (mirror rule: the same clock as the tender's deadline). Both must be
// a later epoch than the current one at posting and before the first epoch of the start month.

// An SP posts a tender and locks maxPrice × size × D × (1 + margin) in escrow.
struct PostTenderTx
{
    Address sp;
    QString scope;          // cluster, zone or region id
    qint64 sizeTb = 0;
    Month startMonth;
    qint32 months = 0;
    Amount maxPrice;        // ICNT per TB-month
    qint32 minReliabilityPpm = 0;
    qint64 bidDeadlineEpoch = 0; // bids while currentEpoch < it; before the start month's first epoch
    bool partialFill = false;
    quint64 nonce = 0;
    bool unsignedLocal = false;
    QByteArray signature;
    friend bool operator==(const PostTenderTx &, const PostTenderTx &) = default;
};

// An HP's sealed bid for one of its HNs; the optional bond moves from its balance to the bonds.
struct TenderBidTx
{
    Address bidder;
    quint64 tenderId = 0;
    QString nodeId;
    qint64 offeredTb = 0;
    Amount price;           // ICNT per TB-month, ≤ the tender's max price
    Amount bond;            // zero: no bond
    quint64 nonce = 0;
    bool unsignedLocal = false;
    QByteArray signature;
    friend bool operator==(const TenderBidTx &, const TenderBidTx &) = default;
};

// The bidder withdraws its bid before the deadline; the bond comes back.
struct TenderWithdrawTx
{
    Address bidder;
    quint64 tenderId = 0;
    QString nodeId;
    quint64 nonce = 0;
    bool unsignedLocal = false;
    QByteArray signature;
    friend bool operator==(const TenderWithdrawTx &, const TenderWithdrawTx &) = default;
};

// Anyone with an account may trigger the award once the deadline epoch is reached (its outcome
// depends only on the state); the caller signs and spends a nonce.
struct TenderAwardTx
{
    Address caller;
    quint64 tenderId = 0;
    quint64 nonce = 0;
    bool unsignedLocal = false;
    QByteArray signature;
    friend bool operator==(const TenderAwardTx &, const TenderAwardTx &) = default;
};

// An SP posts a reverse auction and locks ceiling × size × D × (1 + margin) in escrow.
struct PostAuctionTx
{
    Address sp;
    QString scope;
    qint64 sizeTb = 0;
    Month startMonth;
    qint32 months = 0;
    Amount ceilingPrice;
    qint64 decrementPpm = 0; // step = ceiling × decrementPpm / 10^6
    Amount floorPrice;
    qint32 minReliabilityPpm = 0;
    qint64 clockEpoch = 0;   // terms while currentEpoch < it; before the start month's first epoch
    quint64 nonce = 0;
    bool unsignedLocal = false;
    QByteArray signature;
    friend bool operator==(const PostAuctionTx &, const PostAuctionTx &) = default;
};

// An HP sets (or replaces) the terms of one of its HNs: the drop-out price (zero: its
// Reservation_Price), the capacity it supplies (zero: its free capacity) and a bond.
struct SetDropOutTx
{
    Address bidder;
    quint64 auctionId = 0;
    QString nodeId;
    Amount dropOutPrice;
    qint64 capacityTb = 0;
    Amount bond;
    quint64 nonce = 0;
    bool unsignedLocal = false;
    QByteArray signature;
    friend bool operator==(const SetDropOutTx &, const SetDropOutTx &) = default;
};

// Anyone with an account may run the clock once the clock epoch is reached.
struct RunAuctionTx
{
    Address caller;
    quint64 auctionId = 0;
    quint64 nonce = 0;
    bool unsignedLocal = false;
    QByteArray signature;
    friend bool operator==(const RunAuctionTx &, const RunAuctionTx &) = default;
};

template <class T>
concept AuctionTransaction = std::same_as<T, PostTenderTx> || std::same_as<T, TenderBidTx>
    || std::same_as<T, TenderWithdrawTx> || std::same_as<T, TenderAwardTx> || std::same_as<T, PostAuctionTx>
    || std::same_as<T, SetDropOutTx> || std::same_as<T, RunAuctionTx>;

} // namespace icn
