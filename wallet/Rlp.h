#pragma once

#include "Result.h"
#include "UInt256.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace icn::rlp {

// Recursive Length Prefix (Ethereum Yellow Paper, appendix B).

// The encoding of a byte string.
QByteArray encodeBytes(QByteArrayView bytes);
// The encoding of a list whose items are already encoded.
QByteArray encodeList(const QList<QByteArray> &encodedItems);
// Scalars: big-endian without leading zeros, zero as the empty string.
QByteArray encodeUInt(quint64 value);
QByteArray encodeUInt(const UInt256 &value);

// A decoded item: a byte string or a list of items.
struct Item
{
    bool isList = false;
    QByteArray bytes;   // when !isList
    QList<Item> items;  // when isList

    // A canonical scalar: a byte string without leading zeros ("rlp.leading_zero"), fitting the type
    // ("rlp.too_large"), not a list ("rlp.expected_bytes"). `field` names the item in errors.
    Result<quint64> toUInt64(const QString &field = {}) const;
    Result<UInt256> toUInt256(const QString &field = {}) const;
};

// Strict decoding of exactly one item covering all of `encoded`. Refuses truncated input
// ("rlp.truncated"), bytes after the item ("rlp.trailing_bytes"), every non-canonical form
// ("rlp.non_canonical": a single byte < 0x80 wrapped in a prefix, a long form for <= 55 bytes,
// lengths with leading zeros), and nesting deeper than 64 lists ("rlp.too_deep").
Result<Item> decode(QByteArrayView encoded);

} // namespace icn::rlp
