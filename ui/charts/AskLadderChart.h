#pragma once

#include "service/MarketService.h"

#include <QWidget>

class QBarCategoryAxis;
class QBarSet;
class QChart;
class QChartView;
class QValueAxis;

namespace icn::ui {

// The ask ladder of a cluster: free TB offered at each price level, cheapest at the top. Prices
// are category labels (exact text), so no money ever becomes a chart coordinate.
class AskLadderChart : public QWidget
{
    Q_OBJECT

public:
    explicit AskLadderChart(QWidget *parent = nullptr);
    // At most kMaxBars bars: beyond, the dearest levels are summed into the last one.
    static constexpr int kMaxBars = 12;
    void setLevels(const QList<AskLevel> &levels);
    int levelCount() const { return m_levels; }

protected:
    void changeEvent(QEvent *event) override;

private:
    QChart *m_chart = nullptr;
    QChartView *m_view = nullptr;
    QBarSet *m_set = nullptr;
    QBarCategoryAxis *m_axisPrice = nullptr;
    QValueAxis *m_axisTb = nullptr;
    int m_levels = 0;
};

} // namespace icn::ui
