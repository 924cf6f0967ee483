#pragma once

#include "Result.h"

#include <QStringList>

#include <functional>

class QIODevice;

namespace icn::ui {

// RFC 4180 CSV: CRLF record ends, UTF-8, and a field is quoted (with inner quotes doubled) when it
// holds a comma, a quote, CR or LF, or leading/trailing spaces that a reader might trim. Callers pass
// amounts as exact decimal text (Amount::toString), never through a double.
class CsvWriter
{
public:
    explicit CsvWriter(QIODevice *device);

    // Writes one record; false once any write to the device failed.
    bool writeRecord(const QStringList &fields);
    bool ok() const { return m_ok; }

    static QString quoteField(const QString &field);
    // One record without its line end.
    static QString formatRecord(const QStringList &fields);

    // Writes `header` and `rowCount` records obtained from `rowAt` to `path` atomically (QSaveFile):
    // the file appears complete or not at all. Errors "csv.open_failed", "csv.write_failed".
    // Safe to call from a worker thread as long as `rowAt` is.
    static Result<void> writeFile(const QString &path, const QStringList &header, qsizetype rowCount,
                                  const std::function<QStringList(qsizetype)> &rowAt);

private:
    QIODevice *m_device = nullptr;
    bool m_ok = true;
};

} // namespace icn::ui
