#pragma once

#include "Int128.h"
#include "Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <array>
#include <compare>
#include <cstdint>

namespace icn {

// A non-negative 256-bit integer held as 32 big-endian bytes: the EVM word. Transaction values,
// fees, signature scalars and EIP-712 integers exceed 128 bits, so they travel as this type.
// Only what encoding needs is here: parsing, printing, comparison and two's complement.
class UInt256
{
public:
    constexpr UInt256() = default;
    static UInt256 fromUInt64(quint64 value);
    static UInt256 fromUInt128(UInt128 value);
    // Big-endian bytes, at most 32 (leading zeros allowed; empty is zero).
    static Result<UInt256> fromBigEndian(QByteArrayView bytes, const QString &field = {});
    // Decimal digits only ("0", "123"); no sign, no spaces, no exponent.
    static Result<UInt256> fromDecimal(QStringView text, const QString &field = {});
    // "0x" followed by 1 to 64 hex digits (odd counts allowed, as in JSON-RPC quantities).
    static Result<UInt256> fromHex(QStringView text, const QString &field = {});
    // Either of the two forms above, chosen by the "0x" prefix.
    static Result<UInt256> parse(QStringView text, const QString &field = {});
    // 2^bits for bits in [0, 255].
    static UInt256 powerOfTwo(int bits);

    bool isZero() const;
    int bitLength() const; // 0 for zero
    bool fitsUInt64() const { return bitLength() <= 64; }
    quint64 toUInt64() const; // the low 64 bits

    QByteArray toBigEndian32() const;  // always 32 bytes
    QByteArray toMinimalBytes() const; // no leading zero bytes; empty for zero (RLP scalars)
    QString toDecimal() const;
    QString toHex() const; // "0x" + minimal lower-case hex digits ("0x0" for zero)

    // Two's complement modulo 2^256 (how EIP-712 encodes negative intN values).
    UInt256 negated() const;

    friend bool operator==(const UInt256 &a, const UInt256 &b) = default;
    friend std::strong_ordering operator<=>(const UInt256 &a, const UInt256 &b) { return a.m_bytes <=> b.m_bytes; }

private:
    std::array<std::uint8_t, 32> m_bytes{};
};

} // namespace icn
