#include "Pricing.h"

#include <QCoreApplication>

namespace icn {

namespace {
Error overflow()
{
    return Error::make(QStringLiteral("pricing.overflow"),
                       QCoreApplication::translate("Engine", "The cost is too large to compute exactly."));
}
} // namespace

Result<Amount> Pricing::sliceCost(qint64 tb, Amount pricePerTbMonth, qint32 months)
{
    Int128 factor = 0;
    if (tb < 0 || months < 0 || __builtin_mul_overflow(static_cast<Int128>(tb), static_cast<Int128>(months), &factor))
        return overflow();
    auto cost = pricePerTbMonth.mul(factor);
    if (!cost)
        return overflow();
    return *cost;
}

Result<CostBreakdown> Pricing::withMargin(Amount hpCost, qint64 marginPpm)
{
    const auto margin = hpCost.mulPpm(marginPpm);
    if (!margin)
        return overflow();
    const auto total = hpCost.add(*margin);
    if (!total)
        return overflow();
    return CostBreakdown{hpCost, *margin, *total};
}

} // namespace icn
