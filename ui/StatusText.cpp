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
    const QString n = normalised(name);
    QString words = n;
    words.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!words.isEmpty())
        words[0] = words.at(0).toUpper();
    return !n.isEmpty() && transactionType(n) != words; // the fallback spells the name as words
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
    // §6–8 types (PROTOCOL.md §9 lists them all)
    static const struct
    {
        const char *name;
        const char *label;
    } labels[] = {
        {"hn_register", QT_TR_NOOP("HN registration")},      {"hn_set_price", QT_TR_NOOP("HN price")},
        {"hn_deposit", QT_TR_NOOP("Collateral deposit")},     {"hn_withdraw", QT_TR_NOOP("Collateral withdrawal")},
        {"hn_extend", QT_TR_NOOP("Commitment extension")},    {"hn_offboard", QT_TR_NOOP("HN offboarding")},
        {"register_oracle", QT_TR_NOOP("Oracle registration")}, {"sla_report", QT_TR_NOOP("SLA reports")},
        {"sla_batch", QT_TR_NOOP("SLA reports (batch)")},     {"close_epoch", QT_TR_NOOP("Epoch close")},
        {"claim_compensation", QT_TR_NOOP("Compensation claim")}, {"post_tender", QT_TR_NOOP("Tender")},
        {"tender_bid", QT_TR_NOOP("Tender bid")},             {"tender_withdraw", QT_TR_NOOP("Bid withdrawal")},
        {"tender_award", QT_TR_NOOP("Tender award")},         {"post_auction", QT_TR_NOOP("Reverse auction")},
        {"auction_set_dropout", QT_TR_NOOP("Drop-out terms")}, {"auction_run", QT_TR_NOOP("Auction run")},
    };
    for (const auto &l : labels)
        if (n == QLatin1String(l.name))
            return tr(l.label);
    if (n.isEmpty())
        return tr("Unknown");
    // A type this UI has no label for yet: its name as words.
    QString words = n;
    words.replace(QLatin1Char('_'), QLatin1Char(' '));
    words[0] = words.at(0).toUpper();
    return words;
}

} // namespace icn::ui
