#include "CsvWriter.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QSaveFile>

namespace icn::ui {

CsvWriter::CsvWriter(QIODevice *device)
    : m_device(device)
{
    Q_ASSERT(device);
}

QString CsvWriter::quoteField(const QString &field)
{
    bool needsQuotes = !field.isEmpty() && (field.front().isSpace() || field.back().isSpace());
    for (const QChar c : field) {
        if (c == QLatin1Char(',') || c == QLatin1Char('"') || c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            needsQuotes = true;
            break;
        }
    }
    if (!needsQuotes)
        return field;
    QString quoted = field;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString CsvWriter::formatRecord(const QStringList &fields)
{
    QString line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += QLatin1Char(',');
        line += quoteField(fields.at(i));
    }
    return line;
}

bool CsvWriter::writeRecord(const QStringList &fields)
{
    if (!m_ok)
        return false;
    const QByteArray bytes = (formatRecord(fields) + QLatin1String("\r\n")).toUtf8();
    m_ok = m_device->write(bytes) == bytes.size();
    return m_ok;
}

Result<void> CsvWriter::writeFile(const QString &path, const QStringList &header, qsizetype rowCount,
                                  const std::function<QStringList(qsizetype)> &rowAt)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error::make(QStringLiteral("csv.open_failed"),
                           QCoreApplication::translate("CsvWriter", "Cannot write %1: %2").arg(path, file.errorString()),
                           QStringLiteral("path"));
    }
    CsvWriter writer(&file);
    writer.writeRecord(header);
    for (qsizetype row = 0; row < rowCount && writer.ok(); ++row)
        writer.writeRecord(rowAt(row));
    if (!writer.ok() || !file.commit()) {
        file.cancelWriting();
        return Error::make(QStringLiteral("csv.write_failed"),
                           QCoreApplication::translate("CsvWriter", "Writing %1 failed: %2").arg(path, file.errorString()),
                           QStringLiteral("path"));
    }
    return {};
}

} // namespace icn::ui
