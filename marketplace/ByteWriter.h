#pragma once

#include "Address.h"
#include "Amount.h"
#include "Month.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QVarLengthArray>
#include <QtEndian>

#include <algorithm>
#include <cstring>

namespace icn {

// The canonical binary form used for transactions, receipts, the genesis and state digests:
// fixed-width big-endian integers, u32-length-prefixed UTF-8 strings and byte strings.
// One value has exactly one encoding, so hashes of it are stable across machines.
// Writes go straight to an inline buffer that only grows (a bounds check and a store per field:
// the engine encodes every transaction).
class ByteWriter
{
public:
    // The spare capacity starts zeroed: growing copies the whole buffer (no read of indeterminate bytes).
    ByteWriter() { std::memset(m_buf.data(), 0, static_cast<size_t>(m_buf.size())); }

    void u8(quint8 v) { *grow(1) = static_cast<char>(v); }
    void u16(quint16 v) { be(v); }
    void u32(quint32 v) { be(v); }
    void u64(quint64 v) { be(v); }
    void i32(qint32 v) { u32(static_cast<quint32>(v)); }
    void i64(qint64 v) { u64(static_cast<quint64>(v)); }
    void boolean(bool v) { u8(v ? 1 : 0); }
    void month(Month m) { i32(m.index()); }
    void amount(Amount a)
    {
        const UInt128 v = static_cast<UInt128>(a.baseUnits());
        char *p = grow(16);
        qToBigEndian<quint64>(static_cast<quint64>(v >> 64), p);
        qToBigEndian<quint64>(static_cast<quint64>(v), p + 8);
    }
    // A presence byte leads, so the null address has its own encoding.
    void address(const Address &a)
    {
        u8(a.isNull() ? 0 : 1);
        if (!a.isNull())
            raw(a.bytes());
    }
    void bytes(QByteArrayView b)
    {
        u32(static_cast<quint32>(b.size()));
        raw(b);
    }
    void string(const QString &s)
    {
        // Ids are ASCII: write them directly instead of allocating a UTF-8 copy.
        const char16_t *p = reinterpret_cast<const char16_t *>(s.utf16());
        const qsizetype n = s.size();
        char16_t any = 0;
        for (qsizetype i = 0; i < n; ++i)
            any |= p[i];
        if (any >= 0x80)
            return bytes(s.toUtf8());
        u32(static_cast<quint32>(n));
        char *out = grow(n);
        for (qsizetype i = 0; i < n; ++i)
            out[i] = static_cast<char>(p[i]);
    }
    void raw(QByteArrayView b)
    {
        if (!b.isEmpty())
            std::memcpy(grow(b.size()), b.data(), static_cast<size_t>(b.size()));
    }

    void reserve(qsizetype n)
    {
        if (n > m_buf.size())
            m_buf.resize(n);
    }
    // Empties the writer but keeps its buffer (the engine reuses one writer for every transaction).
    void clear() { m_size = 0; }
    qsizetype size() const { return m_size; }
    QByteArrayView view() const { return QByteArrayView(m_buf.constData(), m_size); }
    void appendTo(QByteArray &out) const { out.append(view()); }
    QByteArray toByteArray() const { return view().toByteArray(); }

private:
    template <typename T>
    Q_ALWAYS_INLINE void be(T v)
    {
        qToBigEndian<T>(v, grow(sizeof(T)));
    }
    // Room for n more bytes at the end; the buffer only grows (m_buf.size() is the capacity).
    // The check stays inline; growing, which is rare, is not.
    Q_ALWAYS_INLINE char *grow(qsizetype n)
    {
        if (m_size + n > m_buf.size()) [[unlikely]]
            enlarge(n);
        char *p = m_buf.data() + m_size;
        m_size += n;
        return p;
    }
    Q_NEVER_INLINE void enlarge(qsizetype n) { m_buf.resize(std::max(m_size + n, 2 * m_buf.size())); }
    QVarLengthArray<char, 256> m_buf = QVarLengthArray<char, 256>(256);
    qsizetype m_size = 0;
};

} // namespace icn
