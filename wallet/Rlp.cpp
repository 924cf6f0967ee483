#include "Rlp.h"

#include <QCoreApplication>

#include <limits>

namespace icn::rlp {

namespace {

constexpr int kMaxDepth = 64;

// Big-endian bytes of a length, without leading zeros.
QByteArray lengthBytes(quint64 length)
{
    QByteArray out;
    while (length != 0) {
        out.prepend(static_cast<char>(length & 0xff));
        length >>= 8;
    }
    return out;
}

QByteArray header(quint8 shortBase, quint8 longBase, qsizetype payloadSize)
{
    const auto size = static_cast<quint64>(payloadSize);
    if (size <= 55)
        return QByteArray(1, static_cast<char>(shortBase + size));
    const QByteArray len = lengthBytes(size);
    return QByteArray(1, static_cast<char>(longBase + len.size())) + len;
}

Error error(const char *code, const QString &message, qsizetype offset)
{
    return Error::make(QString::fromLatin1(code), message, QStringLiteral("rlp"), {{QStringLiteral("offset"), offset}});
}

Error truncated(qsizetype offset)
{
    return error("rlp.truncated", QCoreApplication::translate("Rlp", "The RLP data ends in the middle of an item."), offset);
}

Error nonCanonical(qsizetype offset)
{
    return error("rlp.non_canonical", QCoreApplication::translate("Rlp", "The RLP data is not in its one canonical form."),
                 offset);
}

class Decoder
{
public:
    explicit Decoder(QByteArrayView data) : m_data(data) {}

    // Decodes the item starting at `pos`, which must end at or before `end`; moves `pos` past it.
    Result<Item> item(qsizetype &pos, qsizetype end, int depth)
    {
        if (pos >= end)
            return truncated(pos);
        const qsizetype start = pos;
        const auto prefix = static_cast<quint8>(m_data[pos]);
        if (prefix < 0x80) {
            ++pos;
            return Item{false, QByteArray(1, static_cast<char>(prefix)), {}};
        }
        const bool isList = prefix >= 0xc0;
        const quint8 base = isList ? 0xc0 : 0x80;
        ++pos;
        qsizetype length = 0;
        if (prefix - base <= 55) {
            length = prefix - base;
        } else {
            const int lenOfLen = prefix - base - 55;
            if (end - pos < lenOfLen)
                return truncated(start);
            if (static_cast<quint8>(m_data[pos]) == 0)
                return nonCanonical(start);
            quint64 value = 0;
            for (int i = 0; i < lenOfLen; ++i) {
                if (value > (std::numeric_limits<quint64>::max() >> 8))
                    return truncated(start);
                value = (value << 8) | static_cast<quint8>(m_data[pos + i]);
            }
            pos += lenOfLen;
            if (value <= 55)
                return nonCanonical(start);
            if (value > static_cast<quint64>(end - pos))
                return truncated(start);
            length = static_cast<qsizetype>(value);
        }
        if (length > end - pos)
            return truncated(start);
        const qsizetype payloadEnd = pos + length;
        if (!isList) {
            // A single byte below 0x80 must be its own encoding.
            if (length == 1 && static_cast<quint8>(m_data[pos]) < 0x80)
                return nonCanonical(start);
            Item out{false, m_data.sliced(pos, length).toByteArray(), {}};
            pos = payloadEnd;
            return out;
        }
        if (depth >= kMaxDepth)
            return error("rlp.too_deep", QCoreApplication::translate("Rlp", "The RLP lists are nested too deeply."), start);
        Item out{true, {}, {}};
        while (pos < payloadEnd) {
            auto child = item(pos, payloadEnd, depth + 1);
            if (!child)
                return child.error();
            out.items.append(std::move(*child));
        }
        return out;
    }

private:
    QByteArrayView m_data;
};

Error expectedBytes(const QString &field)
{
    return Error::make(QStringLiteral("rlp.expected_bytes"), QCoreApplication::translate("Rlp", "Expected a number, found a list."),
                       field);
}

Error leadingZero(const QString &field)
{
    return Error::make(QStringLiteral("rlp.leading_zero"),
                       QCoreApplication::translate("Rlp", "A number in RLP must not start with a zero byte."), field);
}

} // namespace

QByteArray encodeBytes(QByteArrayView bytes)
{
    if (bytes.size() == 1 && static_cast<quint8>(bytes[0]) < 0x80)
        return bytes.toByteArray();
    return header(0x80, 0xb7, bytes.size()) + bytes.toByteArray();
}

QByteArray encodeList(const QList<QByteArray> &encodedItems)
{
    QByteArray payload;
    for (const auto &item : encodedItems)
        payload += item;
    return header(0xc0, 0xf7, payload.size()) + payload;
}

QByteArray encodeUInt(quint64 value)
{
    return encodeBytes(lengthBytes(value));
}

QByteArray encodeUInt(const UInt256 &value)
{
    return encodeBytes(value.toMinimalBytes());
}

Result<quint64> Item::toUInt64(const QString &field) const
{
    if (isList)
        return expectedBytes(field);
    if (!bytes.isEmpty() && bytes[0] == 0)
        return leadingZero(field);
    if (bytes.size() > 8)
        return Error::make(QStringLiteral("rlp.too_large"), QCoreApplication::translate("Rlp", "The number does not fit in 64 bits."),
                           field);
    quint64 value = 0;
    for (char b : bytes)
        value = (value << 8) | static_cast<quint8>(b);
    return value;
}

Result<UInt256> Item::toUInt256(const QString &field) const
{
    if (isList)
        return expectedBytes(field);
    if (!bytes.isEmpty() && bytes[0] == 0)
        return leadingZero(field);
    if (bytes.size() > 32)
        return Error::make(QStringLiteral("rlp.too_large"), QCoreApplication::translate("Rlp", "The number does not fit in 256 bits."),
                           field);
    return UInt256::fromBigEndian(bytes, field);
}

Result<Item> decode(QByteArrayView encoded)
{
    Decoder decoder(encoded);
    qsizetype pos = 0;
    auto item = decoder.item(pos, encoded.size(), 0);
    if (!item)
        return item.error();
    if (pos != encoded.size())
        return error("rlp.trailing_bytes", QCoreApplication::translate("Rlp", "There are bytes after the RLP item."), pos);
    return item;
}

} // namespace icn::rlp
