#pragma once

#include <QString>

namespace icn::ui {
class AppController;
class MainWindow;
}

namespace icn::app {

// Renders a PNG of every page, the marketplace's states, quick search and each booking wizard
// step into `dir` with QWidget::grab() (works on the offscreen platform). Returns the files written.
// The demo key provider must accept `password` for the window's active account.
QStringList takeScreenshots(ui::MainWindow &window, const QString &dir, const QString &password);

// For a tour over a real data folder (a demo made by `icnctl init --demo`): gives the wallet the
// demo SP's account (the public test key) under `password` when it has none, makes it the active
// account, and books a few clusters with it, so the pages show an SP at work. Returns an error
// text, empty on success.
QString prepareDemoAccount(ui::AppController &controller, const QString &password);

} // namespace icn::app
