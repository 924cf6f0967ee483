// Start-up to an interactive window (README "Performance": ≤ 500 ms on the demo database).
// The bench creates a demo data folder, then starts itself again as a fresh process, alternately
// as the app (icn-desk's own start: prepareApplication() and AppController::start() over that
// folder, the demo with its year of history and the demo account) and as the same-run anchor
// (a bare QMainWindow with a QTableView and a QChartView). Each child reports, on the monotonic
// clock the parent shares, when main() began, its phases and when the first paint finished; the
// parent measures from just before it started the process. Prints "name: value unit" lines.
#include "AppController.h"
#include "AppSettings.h"
#include "AppStartup.h"
#include "MainWindow.h"
#include "models/NetworkTreeModel.h"
#include "pages/MarketplacePage.h"
#include "service/LocalMarketService.h"
#include "service/WalletRequest.h"
#include "service/WalletService.h"

#include "DemoNetwork.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLineSeries>
#include <QMainWindow>
#include <QProcess>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeView>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>

using namespace icn;

namespace {

// Microseconds on the monotonic clock (CLOCK_MONOTONIC: the same in parent and child).
qint64 nowUs()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

void mark(const char *name)
{
    std::printf("mark %s %lld\n", name, static_cast<long long>(nowUs()));
}

// Spins until `w` has been painted once, then lets that paint pass finish.
class PaintWatcher : public QObject
{
public:
    explicit PaintWatcher(QWidget *w) { w->installEventFilter(this); }
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            m_painted = true;
        return false;
    }
    void wait()
    {
        while (!m_painted)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }

private:
    bool m_painted = false;
};

int runApp(int argc, char **argv, const QString &dir)
{
    mark("main");
    // Exactly icn-desk's start with --data-dir: the application's names and translators, the
    // settings in the data folder, then AppController::start() (the folder holds a mirror, so it
    // opens the window directly, with the last active account).
    QApplication app(argc, argv);
    ui::prepareApplication(app);
    mark("qapplication");
    ui::AppSettings settings(QDir(dir).filePath(QStringLiteral("settings.ini")));
    ui::AppController controller({dir, false, {}}, &settings);
    bool opened = false;
    QObject::connect(&controller, &ui::AppController::windowOpened, &app, [&opened] {
        opened = true;
        mark("window_built");
    });
    if (const Result<void> started = controller.start(); !started) {
        std::fprintf(stderr, "%s\n", qPrintable(started.error().toString()));
        return 1;
    }
    mark("started");
    ui::MainWindow *window = controller.window();
    if (!opened || !window || controller.firstRunWizard()) {
        std::fprintf(stderr, "the app did not open its window on the demo folder\n");
        return 1;
    }
    auto *page = qobject_cast<ui::MarketplacePage *>(window->page(QStringLiteral("marketplace")));
    if (!page || window->currentPageId() != QLatin1String("marketplace") || page->treeModel()->rowCount() == 0
        || window->activeAccount().toChecksummed() != DemoNetwork::demoSpAddress()) {
        std::fprintf(stderr, "the window did not open on a populated marketplace page with the demo account\n");
        return 1;
    }
    // First paint of the marketplace tree; then the queued work of the start (deferred layouts,
    // debounced figures) runs out, so the window is interactive.
    PaintWatcher watcher(page->treeView()->viewport());
    watcher.wait();
    mark("painted");
    QCoreApplication::processEvents();
    mark("interactive");
    std::fflush(stdout);
    return 0;
}

int runAnchor(int argc, char **argv)
{
    mark("main");
    QApplication app(argc, argv);
    mark("qapplication");
    QMainWindow window;
    auto *model = new QStandardItemModel(200, 5, &window);
    for (int r = 0; r < 200; ++r)
        for (int c = 0; c < 5; ++c)
            model->setItem(r, c, new QStandardItem(QStringLiteral("%1.%2").arg(r).arg(c)));
    auto *splitter = new QSplitter(&window);
    auto *table = new QTableView(splitter);
    table->setModel(model);
    auto *series = new QLineSeries;
    QList<QPointF> points;
    for (int i = 0; i < 200; ++i)
        points.append(QPointF(i, (i * 37) % 100));
    series->replace(points);
    auto *chart = new QChart;
    chart->addSeries(series);
    chart->createDefaultAxes();
    auto *view = new QChartView(chart, splitter);
    splitter->addWidget(table);
    splitter->addWidget(view);
    window.setCentralWidget(splitter);
    window.resize(1400, 850);
    mark("window_built");
    PaintWatcher watcher(table->viewport());
    window.show();
    watcher.wait();
    mark("painted");
    std::fflush(stdout);
    return 0;
}

struct Run
{
    qint64 totalMs = 0;
    std::map<QString, qint64> phasesMs; // from process start to each mark
};

// Starts this executable as a child in `mode`; the time runs from just before the start.
std::optional<Run> runChild(const QString &mode, const QString &dir)
{
    QProcess child;
    QStringList args{mode};
    if (!dir.isEmpty())
        args << dir;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), env.value(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen")));
    child.setProcessEnvironment(env);
    const qint64 start = nowUs();
    child.start(QCoreApplication::applicationFilePath(), args);
    if (!child.waitForFinished(60'000) || child.exitCode() != 0) {
        std::fprintf(stderr, "%s child failed: %s\n", qPrintable(mode), child.readAllStandardError().constData());
        return std::nullopt;
    }
    Run run;
    for (const QByteArray &line : child.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() == 3 && parts[0] == "mark")
            run.phasesMs[QString::fromLatin1(parts[1])] = (parts[2].toLongLong() - start) / 1000;
    }
    if (!run.phasesMs.count(QStringLiteral("painted")))
        return std::nullopt;
    run.totalMs = run.phasesMs.count(QStringLiteral("interactive")) ? run.phasesMs[QStringLiteral("interactive")]
                                                                   : run.phasesMs[QStringLiteral("painted")];
    return run;
}

void print(const char *name, qint64 value, const char *unit)
{
    std::printf("%s: %lld %s\n", name, static_cast<long long>(value), unit);
    std::fflush(stdout);
}

void printLoad()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (f.open(QIODevice::ReadOnly))
        std::printf("loadavg: %s\n", f.readLine().split(' ').mid(0, 3).join(' ').constData());
    std::fflush(stdout);
}

const Run &median(std::vector<Run> &runs)
{
    std::sort(runs.begin(), runs.end(), [](const Run &a, const Run &b) { return a.totalMs < b.totalMs; });
    return runs[runs.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    if (argc >= 3 && std::strcmp(argv[1], "--app") == 0)
        return runApp(argc, argv, QString::fromLocal8Bit(argv[2]));
    if (argc >= 2 && std::strcmp(argv[1], "--anchor") == 0)
        return runAnchor(argc, argv);

    QCoreApplication app(argc, argv);
    printLoad();
    QTemporaryDir dir;
    {
        // The demo folder as the first run leaves it: the demo with its year of history (as
        // `icnctl init --demo`) and the wallet's demo account.
        QElapsedTimer clock;
        clock.start();
        auto created = ui::LocalMarketService::createDemo(dir.path());
        if (!created) {
            std::fprintf(stderr, "%s\n", qPrintable(created.error().toString()));
            return 1;
        }
        print("demo_with_history_create", clock.elapsed(), "ms");
        ui::WalletService wallet(dir.path(), created->get());
        ui::WalletRequest request;
        request.kind = ui::WalletRequest::Kind::Demo;
        request.label = DemoNetwork::demoSpLabel();
        request.mnemonic = SecureBytes(QByteArrayView("abandon abandon abandon abandon abandon abandon abandon abandon "
                                                      "abandon abandon abandon about"));
        request.password = SecureBytes(QByteArrayView("correct horse battery staple"));
        bool done = false;
        bool ok = false;
        wallet.submit(std::move(request), &wallet, [&](Result<Address> r) {
            done = true;
            ok = r.ok();
        });
        while (!done)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        if (!ok) {
            std::fprintf(stderr, "the demo account could not be created\n");
            return 1;
        }
    }
    constexpr int kRuns = 5;
    std::vector<Run> apps, anchors;
    for (int i = 0; i < kRuns; ++i) {
        if (auto a = runChild(QStringLiteral("--anchor"), {}))
            anchors.push_back(*a);
        if (auto a = runChild(QStringLiteral("--app"), dir.path()))
            apps.push_back(*a);
    }
    if (apps.empty() || anchors.empty())
        return 1;
    print("anchor_bare_window_first_paint_first_run", anchors.front().totalMs, "ms");
    print("startup_to_interactive_first_run", apps.front().totalMs, "ms");
    const Run anchor = median(anchors);
    const Run best = median(apps);
    print("anchor_bare_window_first_paint", anchor.totalMs, "ms");
    print("startup_to_interactive", best.totalMs, "ms");
    // Where the median start-up went, from process start.
    for (const char *phase : {"main", "qapplication", "window_built", "started", "painted", "interactive"}) {
        const auto it = best.phasesMs.find(QString::fromLatin1(phase));
        if (it != best.phasesMs.end())
            std::printf("startup_phase_%s: %lld ms\n", phase, static_cast<long long>(it->second));
    }
    printLoad();
    return 0;
}
