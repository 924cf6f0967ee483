#pragma once

#include "Address.h"
#include "Amount.h"

#include <QByteArray>
#include <QString>

#include <concepts>

namespace icn {

// The §6 transactions of Hardware Providers (PROTOCOL.md §6, docs/protocol-types.md "Hardware
// nodes"). Each is signed by `provider` (EIP-712, NodeTypedData.h) with the provider account's
// nonce, or marked `unsignedLocal` by the local simulator (then no signature).

// Registers a new HN in an existing cluster. The HN is Active from the registration (mirror rule:
// the deposit is at least 30 % of the requirement, so it is eligible at once); it is registered in
// the current month and its commitment ends `commitmentMonths` later (commitmentEnd =
// current month + commitmentMonths, the snapshot's "last month of the commitment").
struct RegisterNodeTx
{
    Address provider;
    QString nodeId;
    QString clusterId;
    qint64 capacityTb = 0;
    Amount reservationPrice;    // ICNT per TB-month, 0 < price ≤ the cluster cap
    Amount deposit;             // moved from the provider's balance to the HN's collateral
    qint32 maxDurationMonths = 6;
    qint32 maxLeadMonths = 6;
    qint32 commitmentMonths = 36; // ≥ minCommitmentMonths
    quint64 nonce = 0;
    bool unsignedLocal = false;
    QByteArray signature;
    friend bool operator==(const RegisterNodeTx &, const RegisterNodeTx &) = default;
};

// New Reservation_Price of an HN; bookings already made keep their price.
struct SetReservationPriceTx
{
    Address provider;
    QString nodeId;
    Amount price;
    quint64 nonce = 0;
    bool unsignedLocal = false;
    QByteArray signature;
    friend bool operator==(const SetReservationPriceTx &, const SetReservationPriceTx &) = default;
};

// Moves ICNT from the provider's balance to the HN's collateral (un-jails it at the threshold).
struct DepositCollateralTx
{
    Address provider;
    QString nodeId;
    Amount amount;
    quint64 nonce = 0;
    bool unsignedLocal = false;
    QByteArray signature;
    friend bool operator==(const DepositCollateralTx &, const DepositCollateralTx &) = default;
};

// Moves collateral back to the provider's balance, once the commitment ended and no booking on
// the HN is active or pending.
struct WithdrawCollateralTx
{
    Address provider;
    QString nodeId;
    Amount amount;
    quint64 nonce = 0;
    bool unsignedLocal = false;
    QByteArray signature;
    friend bool operator==(const WithdrawCollateralTx &, const WithdrawCollateralTx &) = default;
};

// Moves the commitment end later by `months`, a positive multiple of commitmentStepMonths.
struct ExtendCommitmentTx
{
    Address provider;
    QString nodeId;
    qint32 months = 0;
    quint64 nonce = 0;
    bool unsignedLocal = false;
    QByteArray signature;
    friend bool operator==(const ExtendCommitmentTx &, const ExtendCommitmentTx &) = default;
};

// Retires an HN for good: its whole collateral returns to the provider; it is never assignable again.
struct OffboardNodeTx
{
    Address provider;
    QString nodeId;
    quint64 nonce = 0;
    bool unsignedLocal = false;
    QByteArray signature;
    friend bool operator==(const OffboardNodeTx &, const OffboardNodeTx &) = default;
};

// The six §6 types (codec and dispatch pick them with this).
template <class T>
concept NodeTransaction = std::same_as<T, RegisterNodeTx> || std::same_as<T, SetReservationPriceTx>
                          || std::same_as<T, DepositCollateralTx> || std::same_as<T, WithdrawCollateralTx>
                          || std::same_as<T, ExtendCommitmentTx> || std::same_as<T, OffboardNodeTx>;

} // namespace icn
