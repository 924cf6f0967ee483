#include "EngineErrors.h"

#include <QCoreApplication>

namespace icn::engine_errors {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Engine", text);
}
} // namespace

Error badSignature(const QString &prefix, const QString &why)
{
    return Error::make(prefix + QStringLiteral(".bad_signature"),
                       tr("The signature does not match the account: %1").arg(why), QStringLiteral("signature"));
}

Error badNonce(const QString &prefix, quint64 expected, quint64 got)
{
    return Error::make(prefix + QStringLiteral(".bad_nonce"),
                       tr("Expected nonce %1, got %2.").arg(expected).arg(got), QStringLiteral("nonce"),
                       {{QStringLiteral("expected"), QString::number(expected)},
                        {QStringLiteral("got"), QString::number(got)}});
}

Error deadlinePassed(Month deadline, Month current)
{
    return Error::make(kDeadlinePassed,
                       tr("The deadline %1 has passed (current month %2).").arg(deadline.toString(), current.toString()),
                       QStringLiteral("deadline"),
                       {{QStringLiteral("deadline"), deadline.toString()}, {QStringLiteral("current"), current.toString()}});
}

Error unknownScope(const QString &scope)
{
    return Error::make(kUnknownScope, tr("No cluster, zone or region is called \"%1\".").arg(scope),
                       QStringLiteral("scope"), {{QStringLiteral("scope"), scope}});
}

Error scopeIsNode(const QString &nodeId)
{
    return Error::make(QStringLiteral("booking.scope_is_hn"),
                       tr("%1 is a hardware node. A booking names a cluster, zone or region; the protocol picks the HNs that "
                          "serve it (lowest reservation price first).")
                           .arg(nodeId),
                       QStringLiteral("scope"), {{QStringLiteral("scope"), nodeId}});
}

Error badSize(qint64 sizeTb)
{
    return Error::make(kBadSize, tr("The size must be a positive number of TB (got %1).").arg(sizeTb),
                       QStringLiteral("sizeTb"), {{QStringLiteral("sizeTb"), QString::number(sizeTb)}});
}

Error durationTooShort(qint32 months, qint32 minimum)
{
    return Error::make(kDurationTooShort, tr("A booking lasts at least %1 months (got %2).").arg(minimum).arg(months),
                       QStringLiteral("months"),
                       {{QStringLiteral("months"), QString::number(months)}, {QStringLiteral("minimum"), QString::number(minimum)}});
}

Error durationTooLong(qint32 months, qint32 maximum)
{
    return Error::make(kDurationTooLong,
                       tr("No node in this scope accepts bookings longer than %1 months (got %2).").arg(maximum).arg(months),
                       QStringLiteral("months"),
                       {{QStringLiteral("months"), QString::number(months)}, {QStringLiteral("maximum"), QString::number(maximum)}});
}

Error startTooEarly(Month start, Month earliest)
{
    return Error::make(kStartTooEarly, tr("A booking starts next month at the earliest (%1; got %2).")
                                           .arg(earliest.toString(), start.toString()),
                       QStringLiteral("startMonth"),
                       {{QStringLiteral("start"), start.toString()}, {QStringLiteral("earliest"), earliest.toString()}});
}

Error leadTooLong(Month start, qint32 lead, qint32 maximum)
{
    return Error::make(kLeadTooLong,
                       tr("%1 is %2 months ahead; nodes in this scope accept at most %3.")
                           .arg(start.toString()).arg(lead).arg(maximum),
                       QStringLiteral("startMonth"),
                       {{QStringLiteral("lead"), QString::number(lead)}, {QStringLiteral("maximum"), QString::number(maximum)}});
}

Error insufficientCapacity(qint64 requestedTb, qint64 availableTb)
{
    return Error::make(kInsufficientCapacity,
                       tr("Only %1 TB are available for the whole range in one cluster (requested %2 TB).")
                           .arg(availableTb).arg(requestedTb),
                       QStringLiteral("sizeTb"),
                       {{QStringLiteral("requested"), QString::number(requestedTb)},
                        {QStringLiteral("available"), QString::number(availableTb)}});
}

Error priceChanged(Amount quoted, Amount actual)
{
    return Error::make(kPriceChanged,
                       tr("The price changed: quoted %1 ICNT, now %2 ICNT.").arg(quoted.toString(), actual.toString()),
                       QStringLiteral("quotedTotal"),
                       {{QStringLiteral("quoted"), quoted.toStorage()}, {QStringLiteral("actual"), actual.toStorage()}});
}

Error insufficientBalance(const QString &prefix, Amount balance, Amount cost)
{
    return Error::make(prefix + QStringLiteral(".insufficient_balance"),
                       tr("The balance of %1 ICNT does not cover %2 ICNT.").arg(balance.toString(), cost.toString()),
                       QStringLiteral("balance"),
                       {{QStringLiteral("balance"), balance.toStorage()}, {QStringLiteral("cost"), cost.toStorage()}});
}

Error overflow(const QString &prefix, const QString &field)
{
    return Error::make(prefix + QStringLiteral(".overflow"), tr("The amount is too large to compute exactly."), field);
}

} // namespace icn::engine_errors
