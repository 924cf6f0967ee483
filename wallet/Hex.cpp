#include "Hex.h"

#include <QCoreApplication>

namespace icn {

QString toHex(QByteArrayView bytes, bool prefix)
{
    const QString hex = QString::fromLatin1(bytes.toByteArray().toHex());
    return prefix ? QStringLiteral("0x") + hex : hex;
}

Result<QByteArray> fromHex(QStringView text, qsizetype expectedSize, const QString &field)
{
    text = text.trimmed();
    if (text.startsWith(QLatin1String("0x")) || text.startsWith(QLatin1String("0X")))
        text = text.mid(2);
    if (text.size() % 2 != 0)
        return Error::make(QStringLiteral("hex.odd_length"),
                           QCoreApplication::translate("Hex", "Hex text must have an even number of digits."), field);
    for (QChar c : text) {
        const bool ok = (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))
                        || (c >= QLatin1Char('A') && c <= QLatin1Char('F'));
        if (!ok)
            return Error::make(QStringLiteral("hex.bad_digit"),
                               QCoreApplication::translate("Hex", "'%1' is not a hex digit.").arg(c), field);
    }
    QByteArray bytes = QByteArray::fromHex(text.toLatin1());
    if (expectedSize >= 0 && bytes.size() != expectedSize)
        return Error::make(QStringLiteral("hex.wrong_length"),
                           QCoreApplication::translate("Hex", "Expected %1 bytes, got %2.").arg(expectedSize).arg(bytes.size()),
                           field, {{QStringLiteral("expected"), expectedSize}, {QStringLiteral("actual"), bytes.size()}});
    return bytes;
}

} // namespace icn
