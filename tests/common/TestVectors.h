#pragma once

// Access to the public test vectors in ../shared/data/vectors (read in place, never copied).
// CTest passes the folder in ICN_VECTORS_DIR; .ci/run fails when it is missing, while a plain
// clone without it still runs every test's embedded known answers and skips the full sets.

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QString>

namespace icn::test {

inline QString vectorsDir()
{
    return qEnvironmentVariable("ICN_VECTORS_DIR");
}

inline bool haveVectors()
{
    const QString dir = vectorsDir();
    return !dir.isEmpty() && QDir(dir).exists();
}

// The parsed JSON file, or a null document when the folder or the file is absent.
inline QJsonDocument loadVectors(const QString &fileName)
{
    if (!haveVectors())
        return {};
    QFile file(QDir(vectorsDir()).filePath(fileName));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll());
}

} // namespace icn::test

// Skips the current test function when the vector file is unavailable.
#define ICN_REQUIRE_VECTORS(doc, fileName)                                                                             \
    const QJsonDocument doc = icn::test::loadVectors(QStringLiteral(fileName));                                       \
    if (doc.isNull())                                                                                                  \
        QSKIP("public test vectors not found (set ICN_VECTORS_DIR); embedded known answers still ran");
