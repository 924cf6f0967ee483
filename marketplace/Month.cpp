#include "Month.h"

#include <QCoreApplication>

namespace icn {

Result<Month> Month::parse(QStringView text, const QString &field)
{
    text = text.trimmed();
    const auto bad = [&] {
        return Error::make(QStringLiteral("month.malformed"),
                           QCoreApplication::translate("Month", "A month is written YYYY-MM, e.g. 2026-11."), field);
    };
    if (text.size() != 7 || text[4] != QLatin1Char('-'))
        return bad();
    for (qsizetype i : {0, 1, 2, 3, 5, 6})
        if (text[i] < QLatin1Char('0') || text[i] > QLatin1Char('9'))
            return bad();
    const int year = text.left(4).toInt();
    const int month = text.mid(5, 2).toInt();
    if (year < 2000 || year > 9999 || month < 1 || month > 12)
        return bad();
    return fromYearMonth(year, month);
}

QString Month::toString() const
{
    return QStringLiteral("%1-%2").arg(year(), 4, 10, QLatin1Char('0')).arg(month(), 2, 10, QLatin1Char('0'));
}

} // namespace icn
