#pragma once

class QCoreApplication;

namespace icn::ui {

// What icn-desk's main() does before the AppController: the application's names and the Qt and
// ICN Desk translators for the system locale. Shared with the start-up benchmark, so it measures
// the same start as the app.
void prepareApplication(QCoreApplication &app);

} // namespace icn::ui
