#include "JsonLocator.h"

#include <QByteArray>

namespace icn {

qsizetype JsonLocator::find(const QString &section, qsizetype index, const QString &key)
{
    m_p = 0;
    ws();
    if (peek() != '{')
        return -1;
    ++m_p;
    const qsizetype sectionAt = findKey(section);
    if (sectionAt < 0 || index < 0)
        return sectionAt;
    if (peek() != '[')
        return sectionAt;
    ++m_p;
    for (qsizetype i = 0;; ++i) {
        ws();
        if (peek() == ']' || atEnd())
            return sectionAt;
        if (i == index)
            break;
        skipValue();
        ws();
        if (peek() == ',')
            ++m_p;
    }
    const qsizetype elementAt = m_p;
    if (key.isEmpty() || peek() != '{')
        return elementAt;
    ++m_p;
    const qsizetype keyAt = findKey(key);
    return keyAt < 0 ? elementAt : keyAt;
}

int JsonLocator::lineAt(QByteArrayView text, qsizetype offset)
{
    if (offset < 0)
        return 0;
    int line = 1;
    for (qsizetype i = 0; i < offset && i < text.size(); ++i)
        line += text[i] == '\n' ? 1 : 0;
    return line;
}

void JsonLocator::ws()
{
    while (!atEnd() && (peek() == ' ' || peek() == '\n' || peek() == '\r' || peek() == '\t'))
        ++m_p;
}

// The raw bytes of a string (escapes kept); our keys are plain ASCII, so that compares right.
QByteArrayView JsonLocator::readString()
{
    ++m_p; // opening quote
    const qsizetype start = m_p;
    while (!atEnd() && peek() != '"')
        m_p += peek() == '\\' ? 2 : 1;
    const QByteArrayView s = m_t.sliced(start, qMin(m_p, m_t.size()) - start);
    ++m_p;
    return s;
}

void JsonLocator::skipValue()
{
    ws();
    const char c = peek();
    if (c == '"') {
        readString();
    } else if (c == '{' || c == '[') {
        int depth = 0;
        while (!atEnd()) {
            const char d = peek();
            if (d == '"') {
                readString();
                continue;
            }
            ++m_p;
            if (d == '{' || d == '[')
                ++depth;
            else if ((d == '}' || d == ']') && --depth == 0)
                return;
        }
    } else {
        while (!atEnd() && peek() != ',' && peek() != '}' && peek() != ']')
            ++m_p;
    }
}

// Inside an object (after '{'): the offset of `key`'s value, or −1; leaves m_p at that value.
qsizetype JsonLocator::findKey(const QString &key)
{
    const QByteArray wanted = key.toUtf8();
    for (;;) {
        ws();
        if (peek() != '"')
            return -1;
        const qsizetype keyAt = m_p;
        const QByteArrayView k = readString();
        ws();
        if (peek() == ':')
            ++m_p;
        ws();
        if (k == wanted) {
            // Scalars are reported on their key's line; lists and objects where they open.
            return (peek() == '[' || peek() == '{') ? m_p : keyAt;
        }
        skipValue();
        ws();
        if (peek() != ',')
            return -1;
        ++m_p;
    }
}

} // namespace icn
