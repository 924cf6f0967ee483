#include "Withholding.h"

#include <QCoreApplication>
#include <QSet>

namespace icn {

Result<WithholdingSplit> Withholding::split(Amount monthlyPayment, qint32 breachDays, qint32 daysInMonth)
{
    if (monthlyPayment.isNegative())
        return Error::make(QStringLiteral("withholding.bad_payment"),
                           QCoreApplication::translate("Withholding", "A payment cannot be negative."), QStringLiteral("payment"));
    if (daysInMonth < 1 || breachDays < 0 || breachDays > daysInMonth)
        return Error::make(QStringLiteral("withholding.bad_days"),
                           QCoreApplication::translate("Withholding", "%1 breach days do not fit a month of %2 days.")
                               .arg(breachDays)
                               .arg(daysInMonth),
                           QStringLiteral("breachDays"),
                           {{QStringLiteral("breachDays"), breachDays}, {QStringLiteral("daysInMonth"), daysInMonth}});
    const auto withheld = monthlyPayment.mulDiv(breachDays, daysInMonth);
    if (!withheld)
        return Error::make(QStringLiteral("withholding.overflow"),
                           QCoreApplication::translate("Withholding", "The payment is too large to split."), QStringLiteral("payment"));
    return WithholdingSplit{*withheld, Amount::fromBaseUnits(monthlyPayment.baseUnits() - withheld->baseUnits())};
}

qint32 Withholding::breachDaysIn(std::span<const qint64> breachEpochs, qint64 firstEpoch, qint32 daysInMonth)
{
    QSet<qint64> days;
    for (qint64 e : breachEpochs) {
        if (e >= firstEpoch && e < firstEpoch + daysInMonth)
            days.insert(e);
    }
    return static_cast<qint32>(days.size());
}

} // namespace icn
