#pragma once

class QChart;

namespace icn::ui {

// Shared look of our charts: palette-aware background and text, no animations, tight margins.
class ChartStyle
{
public:
    static void apply(QChart *chart);
};

} // namespace icn::ui
