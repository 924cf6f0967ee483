#include "Int128.h"

namespace icn {

QString uint128ToString(UInt128 value)
{
    if (value == 0)
        return QStringLiteral("0");
    char buffer[40];
    int pos = sizeof(buffer);
    while (value != 0) {
        buffer[--pos] = static_cast<char>('0' + static_cast<int>(value % 10));
        value /= 10;
    }
    return QString::fromLatin1(buffer + pos, static_cast<qsizetype>(sizeof(buffer)) - pos);
}

QString int128ToString(Int128 value)
{
    if (value >= 0)
        return uint128ToString(static_cast<UInt128>(value));
    // Negate in unsigned arithmetic so that kInt128Min does not overflow.
    return QLatin1Char('-') + uint128ToString(~static_cast<UInt128>(value) + 1);
}

std::optional<Int128> int128FromString(QStringView text)
{
    bool negative = false;
    if (!text.isEmpty() && text.front() == QLatin1Char('-')) {
        negative = true;
        text = text.mid(1);
    }
    if (text.isEmpty() || text.size() > 39)
        return std::nullopt;
    UInt128 magnitude = 0;
    const UInt128 limit = negative ? static_cast<UInt128>(kInt128Max) + 1 : static_cast<UInt128>(kInt128Max);
    for (QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
        const auto digit = static_cast<UInt128>(c.unicode() - u'0');
        if (magnitude > (limit - digit) / 10)
            return std::nullopt;
        magnitude = magnitude * 10 + digit;
    }
    if (negative)
        return static_cast<Int128>(~magnitude + 1);
    return static_cast<Int128>(magnitude);
}

std::optional<Int128> checkedAdd(Int128 a, Int128 b)
{
    Int128 r;
    if (__builtin_add_overflow(a, b, &r))
        return std::nullopt;
    return r;
}

std::optional<Int128> checkedSub(Int128 a, Int128 b)
{
    Int128 r;
    if (__builtin_sub_overflow(a, b, &r))
        return std::nullopt;
    return r;
}

std::optional<Int128> checkedMul(Int128 a, Int128 b)
{
    Int128 r;
    if (__builtin_mul_overflow(a, b, &r))
        return std::nullopt;
    return r;
}

std::optional<Int128> checkedDiv(Int128 a, Int128 b)
{
    if (b == 0 || (a == kInt128Min && b == -1))
        return std::nullopt;
    return a / b;
}

} // namespace icn
