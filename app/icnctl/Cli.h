#pragma once

#include "Result.h"
#include "SecureBytes.h"

#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <limits>

namespace icn::cli {

// What one invocation said after the command words: positional arguments, `--name value`
// options (also `--name=value`) and bare `--flag`s.
struct Args
{
    QStringList positional;
    QMap<QString, QString> options;
    QSet<QString> flags;

    bool has(const QString &name) const { return options.contains(name) || flags.contains(name); }
    QString value(const QString &name, const QString &fallback = {}) const { return options.value(name, fallback); }
};

class Context
{
public:
    Context(Args args, QTextStream &out, QTextStream &err);

    const Args &args() const { return m_args; }
    bool json() const { return m_args.flags.contains(QStringLiteral("json")); }
    QTextStream &out() { return m_out; }

    // A required `--name`; a missing one is a typed error naming the option.
    Result<QString> require(const QString &name) const;
    // An option parsed as a non-negative integer.
    Result<qint64> requireInt(const QString &name, qint64 min = 0, qint64 max = std::numeric_limits<qint64>::max()) const;
    // Reads a secret (password, mnemonic, private key) from the file named by `--name`.
    // One trailing newline is dropped. Secrets are never taken from the command line.
    Result<SecureBytes> readSecretFile(const QString &name) const;

    // Success output: `json` printed compactly with --json, otherwise the `text` lines.
    int succeed(const QJsonObject &json, const QString &text);
    // One clear line on stderr (or a JSON error object on stdout with --json); returns the exit code.
    int fail(const Error &error);
    // The same, with more members in the one JSON object printed under --json (e.g. "report").
    int fail(const Error &error, const QJsonObject &extra);

private:
    Args m_args;
    QTextStream &m_out;
    QTextStream &m_err;
};

struct Command
{
    QStringList words;     // {"wallet", "new-mnemonic"}
    QString synopsis;      // "[--words 12|24]"
    QString summary;       // one line for the help listing
    QStringList flags;     // options of this command that take no value (--json and --help are global)
    std::function<int(Context &)> run;
};

class Registry
{
public:
    void add(Command command);
    int dispatch(const QStringList &arguments, QTextStream &out, QTextStream &err) const;
    QString helpText() const;

private:
    QList<Command> m_commands;
};

// Exit codes: 0 success, 1 refused (a typed error), 2 usage error.
inline constexpr int kExitRefused = 1;
inline constexpr int kExitUsage = 2;

// Each area registers its commands; app/icnctl/main.cpp calls them all.
void registerWalletCommands(Registry &registry);
void registerKeystoreCommands(Registry &registry);
void registerSignCommands(Registry &registry);
void registerMarketCommands(Registry &registry);
void registerSimulateCommands(Registry &registry);
void registerHardwareCommands(Registry &registry); // §6 hardware nodes
// History for analysts
void registerHistoryCommands(Registry &registry);
void registerAuctionCommands(Registry &registry); // §8 auctions
void registerSlaCommands(Registry &registry); // §7 SLA (SlaCommands.cpp)

} // namespace icn::cli
