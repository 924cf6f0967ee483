#pragma once

#include "Month.h"

#include <QSpinBox>

namespace icn::ui {

// A spin box over calendar months shown as "YYYY-MM"; the value is Month::index().
class MonthSpinBox : public QSpinBox
{
    Q_OBJECT

public:
    explicit MonthSpinBox(QWidget *parent = nullptr);
    Month month() const { return Month::fromIndex(value()); }
    void setMonth(Month month) { setValue(month.index()); }
    void setMonthRange(Month first, Month last) { setRange(first.index(), last.index()); }

protected:
    QString textFromValue(int value) const override;
    int valueFromText(const QString &text) const override;
    QValidator::State validate(QString &input, int &pos) const override;
};

} // namespace icn::ui
