#include "HdPath.h"

#include <QCoreApplication>

#include <algorithm>

namespace icn {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("HdPath", text);
}

} // namespace

Result<HdPath> HdPath::parse(QStringView text)
{
    const QString field = QStringLiteral("path");
    text = text.trimmed();
    if (text.isEmpty())
        return Error::make(QStringLiteral("hdpath.empty"), tr("The derivation path is empty."), field);
    const QList<QStringView> steps = text.split(QLatin1Char('/'));
    if (steps.front() != QLatin1String("m") && steps.front() != QLatin1String("M"))
        return Error::make(QStringLiteral("hdpath.missing_root"),
                           tr("A derivation path starts with m, as in m/44'/60'/0'/0/0."), field);
    if (steps.size() - 1 > kMaxDepth)
        return Error::make(QStringLiteral("hdpath.too_deep"), tr("A derivation path has at most 255 steps."), field,
                           {{QStringLiteral("steps"), steps.size() - 1}});

    QList<quint32> indexes;
    indexes.reserve(steps.size() - 1);
    for (qsizetype i = 1; i < steps.size(); ++i) {
        QStringView step = steps[i];
        const QVariantMap where{{QStringLiteral("position"), i}, {QStringLiteral("step"), step.toString()}};
        bool hardened = false;
        if (step.endsWith(QLatin1Char('\'')) || step.endsWith(QLatin1Char('h')) || step.endsWith(QLatin1Char('H'))) {
            hardened = true;
            step.chop(1);
        }
        // Digits only: toULong alone would accept signs and spaces.
        const bool digitsOnly = !step.isEmpty() && step.size() <= 10
                                && std::all_of(step.begin(), step.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
        if (!digitsOnly)
            return Error::make(QStringLiteral("hdpath.malformed"),
                               tr("Step %1 of the derivation path is not a number (optionally followed by ' or h).").arg(i),
                               field, where);
        const qulonglong value = step.toULongLong();
        if (value >= kHardened)
            return Error::make(QStringLiteral("hdpath.index_out_of_range"),
                               tr("Step %1 of the derivation path is 2^31 or more; write hardened steps with '.").arg(i),
                               field, where);
        indexes.append(static_cast<quint32>(value) | (hardened ? kHardened : 0u));
    }
    return HdPath(std::move(indexes));
}

HdPath HdPath::ethereum(quint32 account, quint32 index)
{
    Q_ASSERT(account < kHardened && index < kHardened);
    return HdPath({44 | kHardened, 60 | kHardened, account | kHardened, 0, index});
}

QString HdPath::toString() const
{
    QString out = QStringLiteral("m");
    for (const quint32 index : m_indexes) {
        out += QLatin1Char('/');
        out += QString::number(index & ~kHardened);
        if (isHardened(index))
            out += QLatin1Char('\'');
    }
    return out;
}

} // namespace icn
