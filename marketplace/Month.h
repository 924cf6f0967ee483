#pragma once

#include "Result.h"

#include <QDate>
#include <QString>
#include <QStringView>

#include <compare>

namespace icn {

// A calendar month, the billing period (PROTOCOL.md §1), as a count of months since year 0:
// year × 12 + (month − 1). Arithmetic is plain integer arithmetic on that count.
class Month
{
public:
    constexpr Month() = default;
    static constexpr Month fromIndex(qint32 index) { return Month(index); }
    static constexpr Month fromYearMonth(int year, int month) { return Month(year * 12 + (month - 1)); }
    // "YYYY-MM" (e.g. "2026-11"); typed error "month.malformed" otherwise.
    static Result<Month> parse(QStringView text, const QString &field = QStringLiteral("month"));

    constexpr qint32 index() const { return m_index; }
    constexpr int year() const { return m_index / 12; }
    constexpr int month() const { return m_index % 12 + 1; }
    int daysInMonth() const { return QDate(year(), month(), 1).daysInMonth(); }
    QDate firstDay() const { return QDate(year(), month(), 1); }
    QString toString() const; // "YYYY-MM"

    constexpr Month plus(qint32 months) const { return Month(m_index + months); }
    constexpr qint32 monthsSince(Month earlier) const { return m_index - earlier.m_index; }

    friend constexpr auto operator<=>(Month a, Month b) = default;
    friend constexpr bool operator==(Month a, Month b) = default;

private:
    constexpr explicit Month(qint32 index) : m_index(index) {}
    qint32 m_index = 0;
};

// An inclusive range of whole months: a booking for start S and duration D occupies S..S+D−1.
struct MonthRange
{
    Month first;
    qint32 months = 0;

    constexpr Month last() const { return first.plus(months - 1); }
    constexpr bool contains(Month m) const { return m >= first && m <= last(); }
    friend constexpr bool operator==(const MonthRange &a, const MonthRange &b) = default;
};

} // namespace icn
