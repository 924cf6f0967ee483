#include "Cli.h"

#include <QFile>
#include <QJsonDocument>

namespace icn::cli {

Context::Context(Args args, QTextStream &out, QTextStream &err) : m_args(std::move(args)), m_out(out), m_err(err) {}

Result<QString> Context::require(const QString &name) const
{
    if (!m_args.options.contains(name) || m_args.options.value(name).isEmpty())
        return Error::make(QStringLiteral("cli.missing_option"), QStringLiteral("the option --%1 is required").arg(name), name);
    return m_args.options.value(name);
}

Result<qint64> Context::requireInt(const QString &name, qint64 min, qint64 max) const
{
    auto text = require(name);
    if (!text)
        return text.error();
    bool ok = false;
    const qint64 v = text->toLongLong(&ok);
    if (!ok || v < min || v > max)
        return Error::make(QStringLiteral("cli.bad_number"),
                           QStringLiteral("--%1 must be a whole number from %2 to %3").arg(name).arg(min).arg(max), name);
    return v;
}

Result<SecureBytes> Context::readSecretFile(const QString &name) const
{
    auto path = require(name);
    if (!path)
        return path.error();
    QFile file(*path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(QStringLiteral("cli.unreadable_file"),
                           QStringLiteral("cannot read %1: %2").arg(*path, file.errorString()), name);
    QByteArray bytes = file.readAll();
    if (bytes.endsWith('\n'))
        bytes.chop(1);
    if (bytes.endsWith('\r'))
        bytes.chop(1);
    return SecureBytes::takeFrom(bytes);
}

int Context::succeed(const QJsonObject &json, const QString &text)
{
    if (this->json())
        m_out << QJsonDocument(json).toJson(QJsonDocument::Compact) << '\n';
    else if (!text.isEmpty())
        m_out << text << (text.endsWith(QLatin1Char('\n')) ? "" : "\n");
    m_out.flush();
    return 0;
}

int Context::fail(const Error &error)
{
    return fail(error, {});
}

int Context::fail(const Error &error, const QJsonObject &extra)
{
    if (json()) {
        QJsonObject e{{QStringLiteral("code"), error.code}, {QStringLiteral("message"), error.message}};
        if (!error.field.isEmpty())
            e.insert(QStringLiteral("field"), error.field);
        if (!error.details.isEmpty())
            e.insert(QStringLiteral("details"), QJsonObject::fromVariantMap(error.details));
        QJsonObject whole = extra;
        whole.insert(QStringLiteral("error"), e);
        m_out << QJsonDocument(whole).toJson(QJsonDocument::Compact) << '\n';
        m_out.flush();
    }
    m_err << "icnctl: " << error.toString() << " [" << error.code << "]\n";
    m_err.flush();
    return error.code.startsWith(QLatin1String("cli.")) ? kExitUsage : kExitRefused;
}

void Registry::add(Command command)
{
    m_commands.append(std::move(command));
}

QString Registry::helpText() const
{
    QString text = QStringLiteral("usage: icnctl COMMAND [options] [--json]\n\ncommands:\n");
    for (const auto &c : m_commands)
        text += QStringLiteral("  %1 %2\n      %3\n").arg(c.words.join(QLatin1Char(' ')), c.synopsis, c.summary);
    return text;
}

int Registry::dispatch(const QStringList &arguments, QTextStream &out, QTextStream &err) const
{
    // The longest run of leading words that names a command.
    const Command *match = nullptr;
    for (const auto &c : m_commands) {
        if (c.words.size() <= arguments.size() && arguments.mid(0, c.words.size()) == c.words
            && (!match || c.words.size() > match->words.size()))
            match = &c;
    }
    if (!match) {
        const bool help = arguments.isEmpty() || arguments.front() == QLatin1String("--help")
                          || arguments.front() == QLatin1String("help");
        (help ? out : err) << helpText();
        if (!help)
            err << "icnctl: unknown command '" << arguments.join(QLatin1Char(' ')) << "'\n";
        return help ? 0 : kExitUsage;
    }

    Args args;
    const QStringList rest = arguments.mid(match->words.size());
    for (qsizetype i = 0; i < rest.size(); ++i) {
        const QString &a = rest[i];
        if (!a.startsWith(QLatin1String("--")) || a == QLatin1String("--")) {
            args.positional.append(a);
            continue;
        }
        QString name = a.mid(2);
        const qsizetype eq = name.indexOf(QLatin1Char('='));
        if (eq >= 0) {
            args.options.insert(name.left(eq), name.mid(eq + 1));
        } else if (name == QLatin1String("json") || name == QLatin1String("help") || match->flags.contains(name)) {
            args.flags.insert(name);
        } else if (i + 1 < rest.size()) {
            args.options.insert(name, rest[++i]);
        } else {
            err << "icnctl: the option --" << name << " needs a value\n";
            return kExitUsage;
        }
    }
    if (args.flags.contains(QStringLiteral("help"))) {
        out << "usage: icnctl " << match->words.join(QLatin1Char(' ')) << ' ' << match->synopsis << "\n  "
            << match->summary << '\n';
        return 0;
    }
    Context context(std::move(args), out, err);
    return match->run(context);
}

} // namespace icn::cli
