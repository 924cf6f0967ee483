#include "UInt256.h"

#include <QCoreApplication>

#include <algorithm>

namespace icn {

namespace {

Error malformed(const QString &field, const QString &message)
{
    return Error::make(QStringLiteral("uint256.malformed"), message, field);
}

Error overflow(const QString &field)
{
    return Error::make(QStringLiteral("uint256.overflow"),
                       QCoreApplication::translate("UInt256", "The number does not fit in 256 bits."), field);
}

int hexValue(QChar c)
{
    if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
        return c.unicode() - '0';
    if (c >= QLatin1Char('a') && c <= QLatin1Char('f'))
        return c.unicode() - 'a' + 10;
    if (c >= QLatin1Char('A') && c <= QLatin1Char('F'))
        return c.unicode() - 'A' + 10;
    return -1;
}

} // namespace

UInt256 UInt256::fromUInt64(quint64 value)
{
    return fromUInt128(value);
}

UInt256 UInt256::fromUInt128(UInt128 value)
{
    UInt256 out;
    for (int i = 31; i >= 16; --i) {
        out.m_bytes[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(value & 0xff);
        value >>= 8;
    }
    return out;
}

Result<UInt256> UInt256::fromBigEndian(QByteArrayView bytes, const QString &field)
{
    qsizetype start = 0;
    while (start < bytes.size() && bytes[start] == 0)
        ++start;
    if (bytes.size() - start > 32)
        return overflow(field);
    UInt256 out;
    const qsizetype offset = 32 - (bytes.size() - start);
    for (qsizetype i = start; i < bytes.size(); ++i)
        out.m_bytes[static_cast<std::size_t>(offset + i - start)] = static_cast<std::uint8_t>(bytes[i]);
    return out;
}

Result<UInt256> UInt256::fromDecimal(QStringView text, const QString &field)
{
    if (text.isEmpty())
        return malformed(field, QCoreApplication::translate("UInt256", "The number is empty."));
    UInt256 out;
    for (QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return malformed(field, QCoreApplication::translate("UInt256", "'%1' is not a decimal digit.").arg(c));
        // out = out * 10 + digit, byte by byte from the least significant end.
        unsigned carry = static_cast<unsigned>(c.unicode() - '0');
        for (int i = 31; i >= 0; --i) {
            const unsigned v = out.m_bytes[static_cast<std::size_t>(i)] * 10u + carry;
            out.m_bytes[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v & 0xff);
            carry = v >> 8;
        }
        if (carry != 0)
            return overflow(field);
    }
    return out;
}

Result<UInt256> UInt256::fromHex(QStringView text, const QString &field)
{
    if (!text.startsWith(QLatin1String("0x")) && !text.startsWith(QLatin1String("0X")))
        return malformed(field, QCoreApplication::translate("UInt256", "A hex number starts with 0x."));
    QStringView digits = text.mid(2);
    if (digits.isEmpty())
        return malformed(field, QCoreApplication::translate("UInt256", "The hex number has no digits."));
    for (QChar c : digits) {
        if (hexValue(c) < 0)
            return malformed(field, QCoreApplication::translate("UInt256", "'%1' is not a hex digit.").arg(c));
    }
    while (digits.size() > 1 && digits.front() == QLatin1Char('0'))
        digits = digits.mid(1);
    if (digits.size() > 64)
        return overflow(field);
    UInt256 out;
    // Fill nibbles from the least significant end.
    for (qsizetype k = 0; k < digits.size(); ++k) {
        const int v = hexValue(digits[digits.size() - 1 - k]);
        const auto byteIndex = static_cast<std::size_t>(31 - k / 2);
        out.m_bytes[byteIndex] = static_cast<std::uint8_t>(out.m_bytes[byteIndex] | (k % 2 == 0 ? v : v << 4));
    }
    return out;
}

Result<UInt256> UInt256::parse(QStringView text, const QString &field)
{
    if (text.startsWith(QLatin1String("0x")) || text.startsWith(QLatin1String("0X")))
        return fromHex(text, field);
    return fromDecimal(text, field);
}

UInt256 UInt256::powerOfTwo(int bits)
{
    Q_ASSERT(bits >= 0 && bits < 256);
    UInt256 out;
    out.m_bytes[static_cast<std::size_t>(31 - bits / 8)] = static_cast<std::uint8_t>(1u << (bits % 8));
    return out;
}

bool UInt256::isZero() const
{
    for (auto b : m_bytes) {
        if (b != 0)
            return false;
    }
    return true;
}

int UInt256::bitLength() const
{
    for (int i = 0; i < 32; ++i) {
        const unsigned b = m_bytes[static_cast<std::size_t>(i)];
        if (b != 0) {
            int bits = 0;
            for (unsigned v = b; v != 0; v >>= 1)
                ++bits;
            return (31 - i) * 8 + bits;
        }
    }
    return 0;
}

quint64 UInt256::toUInt64() const
{
    quint64 v = 0;
    for (int i = 24; i < 32; ++i)
        v = (v << 8) | m_bytes[static_cast<std::size_t>(i)];
    return v;
}

QByteArray UInt256::toBigEndian32() const
{
    return QByteArray(reinterpret_cast<const char *>(m_bytes.data()), 32);
}

QByteArray UInt256::toMinimalBytes() const
{
    qsizetype start = 0;
    while (start < 32 && m_bytes[static_cast<std::size_t>(start)] == 0)
        ++start;
    return QByteArray(reinterpret_cast<const char *>(m_bytes.data()) + start, 32 - start);
}

QString UInt256::toDecimal() const
{
    if (isZero())
        return QStringLiteral("0");
    std::array<std::uint8_t, 32> work = m_bytes;
    QString reversed;
    bool nonZero = true;
    while (nonZero) {
        // work /= 10, remainder is the next digit.
        unsigned remainder = 0;
        nonZero = false;
        for (auto &b : work) {
            const unsigned v = (remainder << 8) | b;
            b = static_cast<std::uint8_t>(v / 10);
            remainder = v % 10;
            nonZero = nonZero || b != 0;
        }
        reversed += QLatin1Char(static_cast<char>('0' + remainder));
    }
    std::reverse(reversed.begin(), reversed.end());
    return reversed;
}

QString UInt256::toHex() const
{
    QString hex = QString::fromLatin1(toMinimalBytes().toHex());
    if (hex.startsWith(QLatin1Char('0')))
        hex.remove(0, 1);
    return QStringLiteral("0x") + (hex.isEmpty() ? QStringLiteral("0") : hex);
}

UInt256 UInt256::negated() const
{
    UInt256 out;
    unsigned carry = 1;
    for (int i = 31; i >= 0; --i) {
        const unsigned v = static_cast<std::uint8_t>(~m_bytes[static_cast<std::size_t>(i)]) + carry;
        out.m_bytes[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v & 0xff);
        carry = v >> 8;
    }
    return out;
}

} // namespace icn
