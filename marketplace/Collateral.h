#pragma once

#include "Amount.h"
#include "Month.h"
#include "ProtocolParams.h"
#include "Result.h"

namespace icn {

// An earning split between the HN's collateral (until full) and its HP; the parts add up exactly.
struct EarningSplit
{
    Amount toCollateral;
    Amount toProvider;
    friend bool operator==(const EarningSplit &, const EarningSplit &) = default;
};

// What a collateral withdrawal is checked against.
struct WithdrawalRequest
{
    Amount amount;            // to withdraw, > 0
    Amount collateral;        // deposited now
    Month currentMonth;
    Month commitmentEnd;      // last month of the commitment
    qint64 activeBookings = 0;  // bookings on the HN covering the current month
    qint64 pendingBookings = 0; // bookings on the HN starting after the current month
};

// The collateral and commitment rules of PROTOCOL.md §6, as pure functions over values.
//
// Mirror rules:
// - Thresholds truncate: minimum = required × ppm / 10^6 truncated. Registration needs
//   deposit ≥ minimum; an HN is jailed when collateral < minimum (exactly 30 % is not jailed).
//   The same truncated 30 % is the engine's eligibility threshold (docs/protocol-types.md).
// - "Full" is collateral ≥ required; earnings go to the collateral only up to the shortfall.
// - The commitment ends after its last month: withdrawal is possible from commitmentEnd + 1.
//   "Pending" bookings are those starting after the current month; both kinds block withdrawal.
// - Commitment length = commitmentEnd − registeredMonth in months (the snapshot validator's
//   measure); it must be ≥ minCommitmentMonths, and an extension moves the end later by a
//   positive multiple of commitmentStepMonths.
// Checks run in the order listed per function; the first failing one is reported.
class Collateral
{
public:
    // collateralMonths × maxClusterPrice × capacityTb. "collateral.bad_capacity" (< 0),
    // "collateral.bad_price" (< 0), "collateral.overflow".
    static Result<Amount> required(Amount maxClusterPrice, qint64 capacityTb, const ProtocolParams &params);
    static Amount registrationMinimum(Amount required, const ProtocolParams &params);
    static Amount jailThreshold(Amount required, const ProtocolParams &params);

    // "collateral.below_registration_minimum" (details: deposit, minimum).
    static Result<void> checkRegistrationDeposit(Amount deposit, Amount required, const ProtocolParams &params);
    static bool isJailed(Amount collateral, Amount required, const ProtocolParams &params);
    static bool isFull(Amount collateral, Amount required) { return collateral >= required; }
    static Amount shortfall(Amount collateral, Amount required);

    // Diverts an earning (≥ 0) to the collateral until it is full: toCollateral =
    // min(earning, shortfall), toProvider = earning − toCollateral. "collateral.bad_amount" if < 0.
    static Result<EarningSplit> splitEarning(Amount earning, Amount collateral, Amount required);

    // "collateral.bad_amount" (≤ 0), "collateral.insufficient" (> deposited),
    // "collateral.commitment_running", "collateral.bookings_active", "collateral.bookings_pending".
    static Result<void> checkWithdrawal(const WithdrawalRequest &request);

    // "commitment.too_short" (details: months, minimum).
    static Result<void> checkCommitment(Month registeredMonth, Month commitmentEnd, const ProtocolParams &params);
    // "commitment.not_extended" (newEnd ≤ currentEnd), "commitment.bad_step" (not a multiple of
    // the step), "commitment.too_short" (the result is still shorter than the minimum).
    static Result<void> checkExtension(Month registeredMonth, Month currentEnd, Month newEnd, const ProtocolParams &params);

    // 0 < price ≤ maxClusterPrice: "reservation_price.not_positive", "reservation_price.above_cap".
    static Result<void> checkReservationPrice(Amount price, Amount maxClusterPrice);
};

} // namespace icn
