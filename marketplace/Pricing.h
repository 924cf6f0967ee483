#pragma once

#include "Amount.h"
#include "Result.h"

namespace icn {

struct CostBreakdown
{
    Amount hpCost; // to escrow, then to the HPs month by month
    Amount margin; // to the protocol treasury
    Amount total;  // what the SP pays
    friend bool operator==(const CostBreakdown &, const CostBreakdown &) = default;
};

// The cost arithmetic of PROTOCOL.md §5, exact and checked ("pricing.overflow" on overflow).
class Pricing
{
public:
    // slice_TB × price × D.
    static Result<Amount> sliceCost(qint64 tb, Amount pricePerTbMonth, qint32 months);
    // margin = hpCost × marginPpm / 10^6 (truncated), total = hpCost + margin.
    static Result<CostBreakdown> withMargin(Amount hpCost, qint64 marginPpm);
    // One month of a slice: what month close moves from escrow to the HP.
    static Result<Amount> monthlyPayment(qint64 tb, Amount pricePerTbMonth) { return sliceCost(tb, pricePerTbMonth, 1); }
};

} // namespace icn
