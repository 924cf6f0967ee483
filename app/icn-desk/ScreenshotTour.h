#pragma once

#include <QString>

namespace icn::ui {
class MainWindow;
}

namespace icn::app {

// Renders a PNG of every page, the marketplace's states, quick search and each booking wizard
// step into `dir` with QWidget::grab() (works on the offscreen platform). Returns the files written.
// The demo key provider must accept `password` for the window's active account.
QStringList takeScreenshots(ui::MainWindow &window, const QString &dir, const QString &password);

} // namespace icn::app
