#pragma once

#include "Amount.h"
#include "Month.h"
#include "Result.h"

#include <span>

namespace icn {

// A slice's monthly escrow payment split by the HN's breach days (withheld + released = payment).
struct WithholdingSplit
{
    Amount withheld; // stays claimable by the SP as compensation
    Amount released; // goes to the HP
    friend bool operator==(const WithholdingSplit &, const WithholdingSplit &) = default;
};

// Withholding during SLA breaches (PROTOCOL.md §7): the escrow payment of a booking slice for a
// month is withheld pro rata by the HN's breach days in that month.
//
// Mirror rules: withheld = floor(payment × breachDays / daysInMonth); released takes the
// remainder (payment − withheld), so the two add up exactly and a rounding unit always goes to
// the HP. A breach day is a breach epoch (BreachTracker::breachDay), one epoch per calendar day.
class Withholding
{
public:
    // "withholding.bad_payment" (< 0), "withholding.bad_days" (daysInMonth < 1, or breachDays
    // outside 0..daysInMonth), "withholding.overflow".
    static Result<WithholdingSplit> split(Amount monthlyPayment, qint32 breachDays, qint32 daysInMonth);
    static Result<WithholdingSplit> split(Amount monthlyPayment, qint32 breachDays, Month month)
    {
        return split(monthlyPayment, breachDays, month.daysInMonth());
    }

    // Counts the distinct breach epochs inside the month [firstEpoch, firstEpoch + daysInMonth).
    static qint32 breachDaysIn(std::span<const qint64> breachEpochs, qint64 firstEpoch, qint32 daysInMonth);
};

} // namespace icn
