#include "Amount.h"

#include <QCoreApplication>

namespace icn {

namespace {

Error overflowError()
{
    return Error::make(QStringLiteral("amount.overflow"),
                       QCoreApplication::translate("Amount", "The amount is too large to be represented exactly."));
}

bool isDigit(QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); }

Error parseError(const char *code, const char *text)
{
    return Error::make(QString::fromLatin1(code), QCoreApplication::translate("Amount", text));
}

} // namespace

DecimalFormat DecimalFormat::forLocale(const QLocale &locale)
{
    DecimalFormat f;
    const QString point = locale.decimalPoint();
    const QString group = locale.groupSeparator();
    if (point.size() == 1)
        f.decimalPoint = point.front();
    if (group.size() == 1)
        f.groupSeparator = group.front();
    f.grouping = true;
    return f;
}

Result<Int128> parseFixed(QStringView text, int decimals, const DecimalFormat &format)
{
    text = text.trimmed();
    if (text.isEmpty())
        return parseError("amount.empty", "Enter an amount.");

    const QString lower = text.toString().toLower();
    if (lower.contains(QLatin1String("nan")) || lower.contains(QLatin1String("inf")))
        return parseError("amount.not_a_number", "NaN and infinity are not amounts.");

    bool negative = false;
    if (text.front() == QLatin1Char('-') || text.front() == QLatin1Char('+')) {
        if (text.front() == QLatin1Char('+') || !format.allowNegative)
            return parseError("amount.sign_not_allowed", "A sign is not allowed here; enter a plain amount.");
        negative = true;
        text = text.mid(1);
    }

    // Split at the decimal point; everything must be digits or well-placed group separators.
    const qsizetype point = text.indexOf(format.decimalPoint);
    QStringView intPart = point < 0 ? text : text.left(point);
    QStringView fracPart = point < 0 ? QStringView() : text.mid(point + 1);

    for (QChar c : text) {
        if (c == QLatin1Char('e') || c == QLatin1Char('E'))
            return parseError("amount.exponent_not_allowed", "Exponents are not allowed; write the amount in full.");
    }
    if (point >= 0 && fracPart.indexOf(format.decimalPoint) >= 0)
        return parseError("amount.malformed", "The amount has more than one decimal point.");
    if (intPart.isEmpty() || (point >= 0 && fracPart.isEmpty()))
        return parseError("amount.malformed", "Write digits on both sides of the decimal point.");

    QString intDigits;
    if (intPart.contains(format.groupSeparator)) {
        if (!format.grouping)
            return parseError("amount.bad_grouping", "Group separators are not allowed here.");
        const auto groups = intPart.split(format.groupSeparator);
        for (qsizetype i = 0; i < groups.size(); ++i) {
            const auto &g = groups[i];
            const bool sizeOk = i == 0 ? (g.size() >= 1 && g.size() <= 3) : g.size() == 3;
            if (!sizeOk)
                return parseError("amount.bad_grouping", "Group separators must separate groups of three digits.");
            intDigits += g.toString();
        }
    } else {
        intDigits = intPart.toString();
    }
    for (QChar c : intDigits)
        if (!isDigit(c))
            return parseError("amount.malformed", "The amount may contain only digits and one decimal point.");
    for (QChar c : fracPart)
        if (!isDigit(c))
            return parseError("amount.malformed", "The amount may contain only digits and one decimal point.");
    if (fracPart.size() > decimals)
        return Error::make(QStringLiteral("amount.too_many_decimals"),
                           QCoreApplication::translate("Amount", "At most %1 decimal places are allowed.").arg(decimals),
                           {}, {{QStringLiteral("maxDecimals"), decimals}});

    QString digits = intDigits + fracPart.toString();
    digits += QString(decimals - fracPart.size(), QLatin1Char('0'));
    // Strip leading zeros so that the length check below is about magnitude only.
    qsizetype firstNonZero = 0;
    while (firstNonZero < digits.size() - 1 && digits[firstNonZero] == QLatin1Char('0'))
        ++firstNonZero;
    digits = digits.mid(firstNonZero);
    if (negative)
        digits.prepend(QLatin1Char('-'));
    const auto value = int128FromString(digits);
    if (!value)
        return overflowError();
    return *value;
}

QString formatFixed(Int128 scaled, int decimals, const DecimalFormat &format)
{
    const bool negative = scaled < 0;
    QString digits = int128ToString(scaled);
    if (negative)
        digits.remove(0, 1);
    if (digits.size() <= decimals)
        digits.prepend(QString(decimals - digits.size() + 1, QLatin1Char('0')));
    QString intPart = digits.left(digits.size() - decimals);
    QString fracPart = digits.right(decimals);
    qsizetype keep = fracPart.size();
    while (keep > format.minDecimals && keep > 0 && fracPart[keep - 1] == QLatin1Char('0'))
        --keep;
    fracPart.truncate(keep);
    while (fracPart.size() < format.minDecimals)
        fracPart += QLatin1Char('0');

    if (format.grouping) {
        for (qsizetype i = intPart.size() - 3; i > 0; i -= 3)
            intPart.insert(i, format.groupSeparator);
    }
    QString out = negative ? QStringLiteral("-") + intPart : intPart;
    if (!fracPart.isEmpty())
        out += format.decimalPoint + fracPart;
    return out;
}

Result<Amount> Amount::add(Amount other) const
{
    const auto r = checkedAdd(m_units, other.m_units);
    return r ? Result<Amount>(Amount(*r)) : Result<Amount>(overflowError());
}

Result<Amount> Amount::sub(Amount other) const
{
    const auto r = checkedSub(m_units, other.m_units);
    return r ? Result<Amount>(Amount(*r)) : Result<Amount>(overflowError());
}

Result<Amount> Amount::mul(Int128 factor) const
{
    const auto r = checkedMul(m_units, factor);
    return r ? Result<Amount>(Amount(*r)) : Result<Amount>(overflowError());
}

Result<Amount> Amount::div(Int128 divisor) const
{
    if (divisor == 0)
        return Error::make(QStringLiteral("amount.division_by_zero"),
                           QCoreApplication::translate("Amount", "Division of an amount by zero."));
    const auto r = checkedDiv(m_units, divisor);
    return r ? Result<Amount>(Amount(*r)) : Result<Amount>(overflowError());
}

Result<Amount> Amount::mulDiv(Int128 num, Int128 den) const
{
    auto product = mul(num);
    if (!product)
        return product;
    return product->div(den);
}

Result<Amount> Amount::mulPpm(qint64 ppm) const
{
    return mulDiv(ppm, kPpm);
}

Result<QList<Amount>> Amount::split(Amount whole, const QList<Int128> &weights)
{
    if (weights.isEmpty())
        return Error::make(QStringLiteral("amount.split_empty"),
                           QCoreApplication::translate("Amount", "Nothing to split the amount between."));
    Int128 total = 0;
    for (Int128 w : weights) {
        if (w < 0)
            return Error::make(QStringLiteral("amount.split_negative_weight"),
                               QCoreApplication::translate("Amount", "A split weight is negative."));
        const auto t = checkedAdd(total, w);
        if (!t)
            return overflowError();
        total = *t;
    }
    if (total == 0)
        return Error::make(QStringLiteral("amount.division_by_zero"),
                           QCoreApplication::translate("Amount", "The split weights add up to zero."));
    QList<Amount> parts;
    parts.reserve(weights.size());
    Amount assigned;
    for (qsizetype i = 0; i + 1 < weights.size(); ++i) {
        auto part = whole.mulDiv(weights[i], total);
        if (!part)
            return part.error();
        parts.append(*part);
        assigned = Amount(assigned.m_units + part->m_units); // |assigned| ≤ |whole|: cannot overflow
    }
    parts.append(Amount(whole.m_units - assigned.m_units));
    return parts;
}

Result<Amount> Amount::parse(QStringView text, const DecimalFormat &format)
{
    auto scaled = parseFixed(text, kDecimals, format);
    if (!scaled)
        return scaled.error();
    return Amount(*scaled);
}

QString Amount::toString(const DecimalFormat &format) const
{
    return formatFixed(m_units, kDecimals, format);
}

QString Amount::toDisplayString(const QLocale &locale, bool withUnit) const
{
    const QString text = toString(DecimalFormat::forLocale(locale));
    return withUnit ? text + QStringLiteral(" ICNT") : text;
}

QString Amount::toStorage() const
{
    return int128ToString(m_units);
}

Result<Amount> Amount::fromStorage(QStringView text)
{
    const auto units = int128FromString(text);
    // Canonical form only: no leading zeros, no "-0".
    if (!units || int128ToString(*units) != text)
        return Error::make(QStringLiteral("amount.bad_storage"),
                           QCoreApplication::translate("Amount", "A stored amount is not a canonical integer: %1")
                               .arg(text.left(64).toString()));
    return Amount(*units);
}

} // namespace icn
