#include "StatusText.h"

#include "Transaction.h"

#include <utility>
#include <variant>

namespace icn::ui {

namespace {

// transactionTypeName() of a default-constructed value of each alternative.
template <std::size_t... I>
QStringList namesOf(std::index_sequence<I...>)
{
    return {transactionTypeName(Transaction(std::in_place_index<I>))...};
}

// "close-month" and "close_month" are the same type (older logs and the fake service use dashes).
QString normalised(const QString &name)
{
    QString n = name.trimmed().toLower();
    n.replace(QLatin1Char('-'), QLatin1Char('_'));
    return n;
}

} // namespace

QString StatusText::node(const QString &raw)
{
    if (raw == QLatin1String("Registered"))
        return tr("Registered");
    if (raw == QLatin1String("Active"))
        return tr("Active", "HN status");
    if (raw == QLatin1String("Jailed"))
        return tr("Jailed");
    if (raw == QLatin1String("Offboarded"))
        return tr("Offboarded");
    return raw;
}

QString StatusText::booking(const QString &raw)
{
    if (raw == QLatin1String("Pending"))
        return tr("Pending");
    if (raw == QLatin1String("Active"))
        return tr("Active", "booking status");
    if (raw == QLatin1String("Ended") || raw == QLatin1String("Completed"))
        return tr("Ended");
    return raw;
}

QString StatusText::activity(const QString &raw)
{
    if (raw == QLatin1String("applied"))
        return tr("Applied");
    if (raw == QLatin1String("rejected"))
        return tr("Rejected");
    return raw;
}

QStringList StatusText::knownTransactionTypes()
{
    return namesOf(std::make_index_sequence<std::variant_size_v<Transaction>>{});
}

bool StatusText::hasTransactionTypeLabel(const QString &name)
{
    static const QStringList labelled = {
        QStringLiteral("faucet"), QStringLiteral("transfer"), QStringLiteral("book"), QStringLiteral("close_month"),
    };
    return labelled.contains(normalised(name));
}

QString StatusText::transactionType(const QString &name)
{
    const QString n = normalised(name);
    if (n == QLatin1String("faucet"))
        return tr("Faucet");
    if (n == QLatin1String("transfer"))
        return tr("Transfer");
    if (n == QLatin1String("book"))
        return tr("Booking");
    if (n == QLatin1String("close_month"))
        return tr("Month close");
    if (n.isEmpty())
        return tr("Unknown");
    // A type this UI has no label for yet: its name as words.
    QString words = n;
    words.replace(QLatin1Char('_'), QLatin1Char(' '));
    words[0] = words.at(0).toUpper();
    return words;
}

} // namespace icn::ui
