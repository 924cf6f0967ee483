#include "AppController.h"
#include "AppSettings.h"
#include "AppStartup.h"
#include "MainWindow.h"
#include "ScreenshotTour.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QStandardPaths>
#include <QTextStream>

#include <memory>

using namespace icn;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    ui::prepareApplication(app); // names and translators (shared with bench_startup)

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Desktop for the Impossible Cloud Network marketplace."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"), QCoreApplication::translate("main", "Start on the embedded demo network."));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QCoreApplication::translate("main", "Keep the database, wallet and settings in <dir>."),
                                     QStringLiteral("dir"));
    const QCommandLineOption screenshots(QStringLiteral("screenshot-dir"),
                                         QCoreApplication::translate("main", "Write a PNG of every page and wizard step into <dir>, then quit."),
                                         QStringLiteral("dir"));
    const QCommandLineOption fake(QStringLiteral("fake"),
                                  QCoreApplication::translate("main", "Use the small in-memory demo network (nothing is stored; demo password \"demo\")."));
    parser.addOptions({demo, dataDir, screenshots, fake});
    parser.process(app);

    const QString dir = parser.isSet(dataDir)
        ? parser.value(dataDir)
        : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    // The folder is created by the first-run wizard (and removed again if it is cancelled).
    // Screenshots must not depend on (or change) the user's settings.
    const bool tour = parser.isSet(screenshots);
    std::unique_ptr<ui::AppSettings> settings = tour || parser.isSet(dataDir)
        ? std::make_unique<ui::AppSettings>(QDir(tour ? QDir::tempPath() : dir).filePath(
              tour ? QStringLiteral("icn-desk-screenshots.ini") : QStringLiteral("settings.ini")))
        : std::make_unique<ui::AppSettings>();
    if (tour) {
        settings->reset(ui::AppSettings::Key::WindowGeometry);
        settings->reset(ui::AppSettings::Key::LastPage);
        settings->setTheme(ui::Theme::Light);
    }

    // Composition lives in AppController: the first-run wizard on a fresh folder, else the mirror
    // with the last active account; --fake runs the small in-memory network instead.
    KeystoreOptions keystore; // a tour's throwaway wallet needs no costly KDF
    if (tour)
        keystore.scryptN = 1 << 10;
    ui::AppController controller({dir, parser.isSet(fake), keystore}, settings.get());
    if (tour) {
        if (const Result<void> opened = controller.openWindow(false); !opened) {
            QTextStream(stderr) << opened.error().toString() << '\n';
            return 1;
        }
        // The fake network's key provider takes its demo password; a real folder's wallet a real one.
        const QString password = parser.isSet(fake) ? ui::AppController::fakePassword() : QStringLiteral("Screenshot-tour-2026");
        if (!parser.isSet(fake)) {
            // A real data folder (scripts/screenshots.sh: `icnctl init --demo`): the demo SP at work.
            const QString problem = app::prepareDemoAccount(controller, password);
            if (!problem.isEmpty()) {
                QTextStream(stderr) << problem << '\n';
                return 1;
            }
        }
        const QStringList files = app::takeScreenshots(*controller.window(), parser.value(screenshots), password);
        QTextStream out(stdout);
        for (const QString &f : files)
            out << f << '\n';
        return files.isEmpty() ? 1 : 0;
    }
    QObject::connect(&controller, &ui::AppController::quitRequested, &app, &QCoreApplication::exit, Qt::QueuedConnection);
    if (const Result<void> started = controller.start(); !started) {
        QTextStream(stderr) << started.error().toString() << '\n';
        return 1;
    }
    return app.exec();
}
