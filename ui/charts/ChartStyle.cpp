#include "ChartStyle.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QChart>
#include <QLegend>
#include <QPalette>

namespace icn::ui {

void ChartStyle::apply(QChart *chart)
{
    const QPalette p = QApplication::palette();
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundBrush(p.color(QPalette::Base));
    chart->setBackgroundRoundness(6);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setTitleBrush(p.color(QPalette::Text));
    QFont title = chart->titleFont();
    title.setBold(true);
    chart->setTitleFont(title);
    chart->legend()->setLabelColor(p.color(QPalette::Text));
    chart->legend()->setAlignment(Qt::AlignBottom);
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsBrush(p.color(QPalette::Text));
        axis->setTitleBrush(p.color(QPalette::Text));
        axis->setGridLineColor(p.color(QPalette::Mid));
    }
}

} // namespace icn::ui
