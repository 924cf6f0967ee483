#pragma once

// Shared by the tests that run the real icnctl binary: where it is, running it, and writing the
// input files (passwords, keys, JSON) it reads. ICNCTL_PATH comes from CMake; the ICNCTL
// environment variable overrides it.

#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace icn::test {

struct CliRun
{
    int exitCode = -1; // -1 when the process did not finish normally within a minute
    QString out;
    QString err;
};

inline QString icnctlProgram()
{
    return qEnvironmentVariable("ICNCTL", QStringLiteral(ICNCTL_PATH));
}

inline CliRun runIcnctl(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    CliRun run;
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit)
        return run;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

// Writes `content` to `path` (aborting the test run if it cannot) and returns the path.
inline QString writeTestFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

} // namespace icn::test
