#pragma once

#include "Address.h"
#include "Amount.h"
#include "Month.h"

#include <QByteArrayView>
#include <QString>

namespace icn {

// Strict reader of the ByteWriter form. The first failure sticks: every later read returns a
// zero value and `failed()` stays true, so decoders check once at the end of a record.
class ByteReader
{
public:
    explicit ByteReader(QByteArrayView in) : m_in(in) {}

    bool failed() const { return m_failed; }
    bool atEnd() const { return m_pos == m_in.size(); }
    qsizetype position() const { return m_pos; }
    // Marks the input invalid (a value out of its domain); the caller names the field.
    void fail() { m_failed = true; }

    quint8 u8() { return static_cast<quint8>(be(1)); }
    quint16 u16() { return static_cast<quint16>(be(2)); }
    quint32 u32() { return static_cast<quint32>(be(4)); }
    quint64 u64() { return be(8); }
    qint32 i32() { return static_cast<qint32>(u32()); }
    qint64 i64() { return static_cast<qint64>(u64()); }
    bool boolean()
    {
        const quint8 v = u8();
        if (v > 1)
            m_failed = true;
        return v == 1;
    }
    Month month() { return Month::fromIndex(i32()); }
    Amount amount()
    {
        const UInt128 hi = u64();
        const UInt128 lo = u64();
        return Amount::fromBaseUnits(static_cast<Int128>((hi << 64) | lo));
    }
    Address address()
    {
        const quint8 present = u8();
        if (present == 0)
            return {};
        if (present != 1 || !take(20)) {
            m_failed = true;
            return {};
        }
        auto a = Address::fromBytes(m_in.sliced(m_pos - 20, 20));
        return a.ok() ? *a : Address();
    }
    QByteArray bytes(qsizetype maxSize = 1 << 20)
    {
        const quint32 n = u32();
        if (m_failed || n > static_cast<quint32>(maxSize) || !take(n)) {
            m_failed = true;
            return {};
        }
        return m_in.sliced(m_pos - n, n).toByteArray();
    }
    QString string(qsizetype maxSize = 4096)
    {
        const QByteArray utf8 = bytes(maxSize);
        QString s = QString::fromUtf8(utf8);
        if (s.toUtf8() != utf8) // invalid UTF-8 would not round-trip
            m_failed = true;
        return s;
    }

private:
    bool take(qsizetype n)
    {
        if (m_failed || m_in.size() - m_pos < n) {
            m_failed = true;
            return false;
        }
        m_pos += n;
        return true;
    }
    quint64 be(int width)
    {
        if (!take(width))
            return 0;
        quint64 v = 0;
        for (qsizetype i = m_pos - width; i < m_pos; ++i)
            v = (v << 8) | static_cast<quint8>(m_in[i]);
        return v;
    }
    QByteArrayView m_in;
    qsizetype m_pos = 0;
    bool m_failed = false;
};

} // namespace icn
