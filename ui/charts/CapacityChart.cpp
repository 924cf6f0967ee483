#include "CapacityChart.h"

#include "charts/ChartStyle.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QStackedBarSeries>
#include <QValueAxis>
#include <QVBoxLayout>

namespace icn::ui {

CapacityChart::CapacityChart(QWidget *parent)
    : QWidget(parent)
{
    m_chart = new QChart;
    m_booked = new QBarSet(tr("Booked"));
    m_free = new QBarSet(tr("Free"));
    m_booked->setColor(QColor(0x25, 0x63, 0xeb));
    m_free->setColor(QColor(0x86, 0xef, 0xac));
    auto *series = new QStackedBarSeries(m_chart);
    series->append(m_booked);
    series->append(m_free);
    m_chart->addSeries(series);
    m_axisX = new QBarCategoryAxis(m_chart);
    m_axisX->setTruncateLabels(false); // months are short; never elide them
    m_axisY = new QValueAxis(m_chart);
    m_axisY->setLabelFormat(QStringLiteral("%d"));
    m_axisY->setTitleText(tr("TB"));
    m_chart->addAxis(m_axisX, Qt::AlignBottom);
    m_chart->addAxis(m_axisY, Qt::AlignLeft);
    series->attachAxis(m_axisX);
    series->attachAxis(m_axisY);
    m_chart->setTitle(tr("Capacity by month"));
    ChartStyle::apply(m_chart);

    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(200);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
}

void CapacityChart::setPoints(const QList<CapacityPoint> &points)
{
    QList<qreal> booked, free; // TB counts, not money
    QStringList months;
    qint64 top = 0;
    for (const CapacityPoint &p : points) {
        booked.append(qreal(p.bookedTb));
        free.append(qreal(std::max<qint64>(0, p.capacityTb - p.bookedTb)));
        months.append(p.month.toString());
        top = std::max(top, p.capacityTb);
    }
    m_booked->remove(0, m_booked->count());
    m_free->remove(0, m_free->count());
    m_booked->append(booked);
    m_free->append(free);
    m_axisX->setCategories(months);
    m_axisY->setRange(0, qreal(std::max<qint64>(top, 1)));
    m_axisY->applyNiceNumbers();
    m_months = int(points.size());
}

void CapacityChart::changeEvent(QEvent *event)
{
    // Follow the light/dark theme: chart items do not use the widget palette by themselves.
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        ChartStyle::apply(m_chart);
    QWidget::changeEvent(event);
}

} // namespace icn::ui
