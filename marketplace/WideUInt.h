#pragma once

#include "Int128.h"

#include <QtGlobal>

#include <array>
#include <cassert>
#include <compare>

namespace icn {

// An exact unsigned 512-bit integer, just enough to compare products of up to four 128-bit
// factors (the cross-multiplied quality-adjusted prices of tender bids). No division: ratios
// are compared as a/b < c/d ⇔ a·d < c·b. It tracks how many limbs are in use, so the common
// small products (a price times a ppm) cost a few machine multiplications.
class WideUInt
{
public:
    constexpr WideUInt() = default;
    constexpr WideUInt(UInt128 value) // NOLINT: implicit on purpose, a widening
    {
        m_limbs[0] = static_cast<quint64>(value);
        m_limbs[1] = static_cast<quint64>(value >> 64);
        m_used = m_limbs[1] != 0 ? 2 : m_limbs[0] != 0 ? 1 : 0;
    }

    // Exact product; asserts that it fits 512 bits (callers multiply at most four 128-bit factors).
    friend constexpr WideUInt operator*(const WideUInt &a, const WideUInt &b)
    {
        WideUInt r;
        if (a.m_used == 0 || b.m_used == 0)
            return r;
        assert(a.m_used + b.m_used <= kLimbs);
        for (size_t i = 0; i < a.m_used; ++i) {
            UInt128 carry = 0;
            for (size_t j = 0; j < b.m_used; ++j) {
                const UInt128 cur = static_cast<UInt128>(a.m_limbs[i]) * b.m_limbs[j] + r.m_limbs[i + j] + carry;
                r.m_limbs[i + j] = static_cast<quint64>(cur);
                carry = cur >> 64;
            }
            r.m_limbs[i + b.m_used] = static_cast<quint64>(carry);
        }
        r.m_used = a.m_used + b.m_used;
        while (r.m_used > 0 && r.m_limbs[r.m_used - 1] == 0)
            --r.m_used;
        return r;
    }

    friend constexpr std::strong_ordering operator<=>(const WideUInt &a, const WideUInt &b)
    {
        if (a.m_used != b.m_used)
            return a.m_used <=> b.m_used;
        for (size_t i = a.m_used; i-- > 0;) {
            if (a.m_limbs[i] != b.m_limbs[i])
                return a.m_limbs[i] < b.m_limbs[i] ? std::strong_ordering::less : std::strong_ordering::greater;
        }
        return std::strong_ordering::equal;
    }
    friend constexpr bool operator==(const WideUInt &a, const WideUInt &b) = default;

private:
    static constexpr size_t kLimbs = 8;
    std::array<quint64, kLimbs> m_limbs{};
    size_t m_used = 0; // limbs below m_used may be non-zero; all above are zero
};

} // namespace icn
