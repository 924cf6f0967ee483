#include "AppController.h"
#include "AppSettings.h"
#include "IcnResources.h"
#include "MainWindow.h"
#include "ScreenshotTour.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QStandardPaths>
#include <QTextStream>
#include <QTranslator>

#include <memory>

using namespace icn;

namespace {

void installTranslators(QApplication &app)
{
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
    auto *own = new QTranslator(&app);
    if (own->load(QLocale(), QStringLiteral("icn-desk"), QStringLiteral("_"), translationsResourcePath()))
        QApplication::installTranslator(own);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("ICN Desk"));
    QApplication::setOrganizationName(QStringLiteral("ICN Desk"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    installTranslators(app);

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
    ui::AppController controller({dir, parser.isSet(fake), {}}, settings.get());
    if (tour) {
        if (const Result<void> opened = controller.openWindow(false); !opened) {
            QTextStream(stderr) << opened.error().toString() << '\n';
            return 1;
        }
        const QStringList files = app::takeScreenshots(*controller.window(), parser.value(screenshots),
                                                       ui::AppController::fakePassword());
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
