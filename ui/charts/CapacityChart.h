#pragma once

#include "service/MarketService.h"

#include <QWidget>

class QBarCategoryAxis;
class QBarSet;
class QChart;
class QChartView;
class QValueAxis;

namespace icn::ui {

// Booked and free TB per month as stacked bars. Our own widget so the chart library stays
// replaceable (STYLE.md §6); the data is set in one call per set, never point by point.
class CapacityChart : public QWidget
{
    Q_OBJECT

public:
    explicit CapacityChart(QWidget *parent = nullptr);
    void setPoints(const QList<CapacityPoint> &points);
    int monthCount() const { return m_months; }
    QChartView *chartView() const { return m_view; }

protected:
    void changeEvent(QEvent *event) override;

private:
    QChart *m_chart = nullptr;
    QChartView *m_view = nullptr;
    QBarSet *m_booked = nullptr;
    QBarSet *m_free = nullptr;
    QBarCategoryAxis *m_axisX = nullptr;
    QValueAxis *m_axisY = nullptr;
    int m_months = 0;
};

} // namespace icn::ui
