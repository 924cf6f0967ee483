#pragma once

#include "Int128.h"
#include "Result.h"

#include <QList>
#include <QLocale>
#include <QString>
#include <QStringView>

#include <compare>

namespace icn {

// Options of the one decimal parser/formatter. The defaults are the C locale: "1234.5".
struct DecimalFormat
{
    QChar decimalPoint = QLatin1Char('.');
    QChar groupSeparator = QLatin1Char(',');
    bool grouping = false;      // format: insert separators; parse: accept them (in groups of 3)
    bool allowNegative = false; // parse: accept a leading '-'
    int minDecimals = 0;        // format: pad the fraction with zeros to at least this many digits

    static DecimalFormat forLocale(const QLocale &locale);
};

// Exact fixed-point decimal text <-> scaled integer (value × 10^decimals).
// Refuses: empty text, garbage, exponents, NaN/inf, more fraction digits than `decimals`,
// misplaced group separators, a sign where none is allowed, and overflow.
Result<Int128> parseFixed(QStringView text, int decimals, const DecimalFormat &format = {});
// Lossless: every non-zero fraction digit is written, trailing zeros are dropped (down to minDecimals).
QString formatFixed(Int128 scaled, int decimals, const DecimalFormat &format = {});

// An exact amount of ICNT in base units (10^-18 ICNT) on a signed 128-bit integer.
// No floating point anywhere; every operation that can overflow is checked.
class Amount
{
public:
    static constexpr int kDecimals = 18;
    static constexpr Int128 kUnitsPerIcnt = static_cast<Int128>(1'000'000'000'000'000'000LL);
    static constexpr qint64 kPpm = 1'000'000;

    constexpr Amount() = default;
    static constexpr Amount fromBaseUnits(Int128 units) { return Amount(units); }
    // Whole ICNT; cannot overflow for any qint64.
    static constexpr Amount fromIcnt(qint64 whole) { return Amount(static_cast<Int128>(whole) * kUnitsPerIcnt); }
    static Amount zero() { return Amount(); }

    constexpr Int128 baseUnits() const { return m_units; }
    constexpr bool isZero() const { return m_units == 0; }
    constexpr bool isNegative() const { return m_units < 0; }

    Result<Amount> add(Amount other) const;
    Result<Amount> sub(Amount other) const;
    Result<Amount> mul(Int128 factor) const;
    Result<Amount> div(Int128 divisor) const;           // truncates toward zero
    Result<Amount> mulDiv(Int128 num, Int128 den) const; // (this × num) / den, truncated
    Result<Amount> mulPpm(qint64 ppm) const;             // this × ppm / 10^6, truncated

    // Splits `whole` in proportion to `weights` (all ≥ 0, sum > 0); every part but the last is
    // truncated and the last takes the remainder, so the parts always add up to `whole` exactly.
    static Result<QList<Amount>> split(Amount whole, const QList<Int128> &weights);

    static Result<Amount> parse(QStringView text, const DecimalFormat &format = {});
    QString toString(const DecimalFormat &format = {}) const;
    // "1,234.5 ICNT" in the given locale, for display.
    QString toDisplayString(const QLocale &locale = QLocale(), bool withUnit = true) const;

    // The SQLite storage form: canonical decimal text of the base units ("3500000000000000000000").
    // Stored as TEXT because 128 bits do not fit SQLite's 64-bit INTEGER; SQL never does arithmetic on it.
    QString toStorage() const;
    static Result<Amount> fromStorage(QStringView text);

    friend constexpr auto operator<=>(Amount a, Amount b) = default;
    friend constexpr bool operator==(Amount a, Amount b) = default;

private:
    constexpr explicit Amount(Int128 units) : m_units(units) {}
    Int128 m_units = 0;
};

} // namespace icn
