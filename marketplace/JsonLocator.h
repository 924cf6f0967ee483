#pragma once

#include <QByteArrayView>
#include <QString>

namespace icn {

// Finds where a value sits in JSON text, so that errors about parsed values can name a line.
// Meant for text QJsonDocument already accepted (it does not validate), but stays in bounds on
// anything. Only walks what the path needs; SnapshotJson runs it once, on the error path.
class JsonLocator
{
public:
    explicit JsonLocator(QByteArrayView text) : m_t(text) {}

    // Byte offset of `section` in the top-level object, of its element `index` (≥ 0), or of that
    // element's `key` (falling back to the element, then the section); −1 when not found.
    qsizetype find(const QString &section, qsizetype index, const QString &key);
    // 1-based line of a byte offset (0 for a negative offset).
    static int lineAt(QByteArrayView text, qsizetype offset);

private:
    bool atEnd() const { return m_p >= m_t.size(); }
    char peek() const { return atEnd() ? '\0' : m_t[m_p]; }
    void ws();
    QByteArrayView readString();
    void skipValue();
    qsizetype findKey(const QString &key);

    QByteArrayView m_t;
    qsizetype m_p = 0;
};

} // namespace icn
