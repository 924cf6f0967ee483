#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace icn {

// GCC/Clang 128-bit integers; __extension__ keeps -Wpedantic quiet about the non-ISO type.
__extension__ typedef __int128 Int128;
__extension__ typedef unsigned __int128 UInt128;

inline constexpr Int128 kInt128Max = static_cast<Int128>(~static_cast<UInt128>(0) >> 1);
inline constexpr Int128 kInt128Min = -kInt128Max - 1;

// Decimal text of a 128-bit integer ("-123"), and back. Parsing accepts an optional leading '-'
// followed by digits only, and refuses overflow.
QString int128ToString(Int128 value);
QString uint128ToString(UInt128 value);
std::optional<Int128> int128FromString(QStringView text);

// Checked arithmetic: nullopt on overflow (or on division by zero).
std::optional<Int128> checkedAdd(Int128 a, Int128 b);
std::optional<Int128> checkedSub(Int128 a, Int128 b);
std::optional<Int128> checkedMul(Int128 a, Int128 b);
std::optional<Int128> checkedDiv(Int128 a, Int128 b); // truncates toward zero

} // namespace icn
