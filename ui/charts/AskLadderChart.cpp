#include "AskLadderChart.h"

#include "charts/ChartStyle.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QHorizontalBarSeries>
#include <QValueAxis>
#include <QVBoxLayout>

namespace icn::ui {

AskLadderChart::AskLadderChart(QWidget *parent)
    : QWidget(parent)
{
    m_chart = new QChart;
    m_set = new QBarSet(tr("Free TB at this price"));
    m_set->setColor(QColor(0xf5, 0x9e, 0x0b));
    auto *series = new QHorizontalBarSeries(m_chart);
    series->append(m_set);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    m_chart->addSeries(series);
    m_axisPrice = new QBarCategoryAxis(m_chart);
    m_axisPrice->setTruncateLabels(false); // prices are short; Qt would elide them all to "…" in a narrow pane
    m_axisTb = new QValueAxis(m_chart);
    m_axisTb->setLabelFormat(QStringLiteral("%d"));
    m_axisTb->setTitleText(tr("TB"));
    m_chart->addAxis(m_axisPrice, Qt::AlignLeft);
    m_chart->addAxis(m_axisTb, Qt::AlignBottom);
    series->attachAxis(m_axisPrice);
    series->attachAxis(m_axisTb);
    m_chart->setTitle(tr("Ask ladder (ICNT/TB-month)"));
    m_chart->legend()->hide();
    ChartStyle::apply(m_chart);

    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(160);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
}

void AskLadderChart::setLevels(const QList<AskLevel> &levels)
{
    // A region on a live market has hundreds of distinct asks: the cheapest kMaxBars − 1 keep a
    // bar each (they are what a booking takes first), the rest share one "from … up" bar.
    QList<AskLevel> bars = levels.mid(0, kMaxBars);
    QString restLabel;
    if (levels.size() > kMaxBars) {
        bars = levels.mid(0, kMaxBars - 1);
        AskLevel rest{levels.at(kMaxBars - 1).price, 0};
        for (qsizetype i = kMaxBars - 1; i < levels.size(); ++i)
            rest.freeTb += levels.at(i).freeTb;
        restLabel = tr("≥ %1").arg(rest.price.toDisplayString(locale(), false)); // short: the axis is narrow
        bars.append(rest);
    }
    QList<qreal> tb;
    QStringList prices;
    qint64 top = 0;
    // Horizontal bars grow upwards: the dearest first, so the cheapest ask sits on top.
    for (auto it = bars.crbegin(); it != bars.crend(); ++it) {
        tb.append(qreal(it->freeTb));
        prices.append(it == bars.crbegin() && !restLabel.isEmpty() ? restLabel : it->price.toDisplayString(locale(), false));
        top = std::max(top, it->freeTb);
    }
    m_set->remove(0, m_set->count());
    m_set->append(tb);
    m_axisPrice->setCategories(prices);
    m_axisTb->setRange(0, qreal(std::max<qint64>(top, 1)));
    m_axisTb->applyNiceNumbers();
    m_levels = int(bars.size());
}

void AskLadderChart::changeEvent(QEvent *event)
{
    // Follow the light/dark theme: chart items do not use the widget palette by themselves.
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        ChartStyle::apply(m_chart);
    QWidget::changeEvent(event);
}

} // namespace icn::ui
