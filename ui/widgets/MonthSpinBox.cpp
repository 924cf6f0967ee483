#include "MonthSpinBox.h"

namespace icn::ui {

MonthSpinBox::MonthSpinBox(QWidget *parent)
    : QSpinBox(parent)
{
    setRange(Month::fromYearMonth(2000, 1).index(), Month::fromYearMonth(2100, 12).index());
    setAccelerated(true);
}

QString MonthSpinBox::textFromValue(int value) const
{
    return Month::fromIndex(value).toString();
}

int MonthSpinBox::valueFromText(const QString &text) const
{
    const Result<Month> m = Month::parse(text.trimmed());
    return m ? m->index() : value();
}

QValidator::State MonthSpinBox::validate(QString &input, int &) const
{
    const QString t = input.trimmed();
    const Result<Month> m = Month::parse(t);
    if (m)
        return m->index() >= minimum() && m->index() <= maximum() ? QValidator::Acceptable : QValidator::Intermediate;
    for (const QChar c : t)
        if (!c.isDigit() && c != QLatin1Char('-'))
            return QValidator::Invalid;
    return t.size() <= 7 ? QValidator::Intermediate : QValidator::Invalid;
}

} // namespace icn::ui
