// Opens the bookings and activity pages over a 1,000,000-row service and prints
// "name: value unit" lines: time to first paint, sort and filter times, and the longest the GUI
// thread stayed busy while the worker sorted. Run on the offscreen platform by scripts/bench.sh.
#include "models/ActivityTableModel.h"
#include "models/BookingFilterProxy.h"
#include "models/BookingTableModel.h"
#include "pages/ActivityPage.h"
#include "pages/BookingsPage.h"
#include "service/FakeMarketService.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QEvent>
#include <QTableView>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <random>

using namespace icn;
using namespace icn::ui;

namespace {

constexpr int kRows = 1'000'000;

// Bookings prebuilt once (the list is shared, as a real service's cache would be); the log is
// generated per page, like reading it from the store.
class BigService : public FakeMarketService
{
public:
    QList<BookingRow> rows;
    quint64 logSize = 0;

    QList<BookingRow> bookings(const Address &sp) const override { return sp == demoSp() ? rows : QList<BookingRow>(); }
    quint64 activityCount() const override { return logSize; }
    QList<ActivityRow> activity(quint64 firstSeq, int count) const override
    {
        static const QStringList types = {QStringLiteral("book"), QStringLiteral("transfer"), QStringLiteral("faucet"),
                                          QStringLiteral("close-month")};
        static const QString signer = demoSp().toChecksummed();
        QList<ActivityRow> out;
        out.reserve(count);
        for (quint64 seq = std::max<quint64>(firstSeq, 1); seq <= logSize && out.size() < count; ++seq) {
            ActivityRow a;
            a.seq = seq;
            a.type = types.at(qsizetype(seq % 4));
            a.signer = seq % 4 < 2 ? signer : QString();
            a.isSigned = !a.signer.isEmpty();
            a.month = Month::fromYearMonth(2026, 11).plus(qint32(seq / 50'000));
            a.epoch = qint64(seq / 5'000);
            a.status = QStringLiteral("applied");
            a.stateHash = QStringLiteral("0x%1").arg(seq * 2654435761u, 64, 16, QLatin1Char('0'));
            a.summary = QStringLiteral("Transaction %1").arg(seq);
            out.append(a);
        }
        return out;
    }
};

void fillBookings(BigService &service)
{
    std::mt19937_64 random(42);
    const QString statuses[] = {QStringLiteral("Pending"), QStringLiteral("Active"), QStringLiteral("Ended")};
    const QString clusters[] = {QStringLiteral("FRA-1"), QStringLiteral("FRA-2"), QStringLiteral("AMS-1"), QStringLiteral("NYC-1")};
    QList<QStringList> nodeLists;
    for (const QString &c : clusters)
        nodeLists << QStringList{c + QStringLiteral("-hn1"), c + QStringLiteral("-hn2")};
    service.rows.reserve(kRows);
    for (int i = 0; i < kRows; ++i) {
        BookingRow b;
        b.id = QStringLiteral("BK-%1").arg(i + 1);
        b.status = statuses[random() % 3];
        b.sp = FakeMarketService::demoSp();
        const int c = int(random() % 4);
        b.scopeId = clusters[c];
        b.clusterId = clusters[c];
        b.nodeIds = nodeLists.at(c);
        b.sizeTb = qint64(1 + random() % 500);
        b.range = {Month::fromYearMonth(2026, 1).plus(qint32(random() % 24)), qint32(3 + random() % 4)};
        // Prices with 18 decimals, so comparisons need every digit.
        b.total = Amount::fromBaseUnits(Int128(random() % 1'000'000) * Int128(1'000'000'000'000'000) + Int128(random() % 1000));
        b.escrowLeft = Amount::fromBaseUnits(b.total.baseUnits() / 2);
        service.rows.append(b);
    }
}

// Spins the event loop until `view` has painted its rows once.
class PaintWatcher : public QObject
{
public:
    explicit PaintWatcher(QTableView *view) { view->viewport()->installEventFilter(this); }
    bool painted = false;
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            painted = true;
        return false;
    }
    void waitForPaint()
    {
        painted = false;
        while (!painted)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QCoreApplication::processEvents(); // let the paint finish
    }
};

// The longest gap between ticks of a 1 ms timer: how long the GUI thread was busy at a stretch.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            m_max = std::max(m_max, m_clock.restart());
        });
    }
    void start() { m_max = 0; m_clock.start(); m_timer.start(); }
    qint64 stop() { m_timer.stop(); return std::max(m_max, m_clock.elapsed()); }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_max = 0;
};

void print(const char *name, qint64 value, const char *unit)
{
    std::printf("%s: %lld %s\n", name, static_cast<long long>(value), unit);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    BigService service;
    QElapsedTimer clock;

    // Same-run anchor: a plain sort of a million integers.
    {
        std::mt19937_64 random(7);
        std::vector<qint64> values(kRows);
        for (auto &v : values)
            v = qint64(random() >> 1);
        clock.start();
        std::sort(values.begin(), values.end());
        print("anchor_std_sort_1m_int64", clock.elapsed(), "ms");
    }

    clock.start();
    fillBookings(service);
    print("bookings_fake_build", clock.elapsed(), "ms");
    service.logSize = kRows;

    {
        // The bare model and view, without the page around them.
        clock.start();
        ActivityTableModel model(&service);
        QTableView view;
        view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        view.setModel(&model);
        view.resize(1200, 700);
        PaintWatcher watcher(&view);
        view.show();
        watcher.waitForPaint();
        print("activity_view_first_paint", clock.elapsed(), "ms");
    }

    {
        clock.start();
        ActivityPage page(&service);
        page.resize(1200, 700);
        PaintWatcher watcher(page.view());
        page.show();
        watcher.waitForPaint();
        print("activity_table_first_paint", clock.elapsed(), "ms");

        // Filter a million entries: the scan runs in slices between events.
        StallMeter stall;
        stall.start();
        clock.start();
        page.model()->setFilter(QStringLiteral("faucet"), QString());
        while (page.model()->isScanning())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        print("activity_filter_scan_1m", clock.elapsed(), "ms");
        print("activity_filter_scan_max_gui_stall", stall.stop(), "ms");
    }

    {
        clock.start();
        BookingsPage page(&service);
        page.resize(1200, 700);
        PaintWatcher watcher(page.view());
        page.setAccount(FakeMarketService::demoSp());
        page.show();
        watcher.waitForPaint();
        print("bookings_table_first_paint", clock.elapsed(), "ms");

        // Sort by total (Amount, 18 decimals) in the worker, then repaint.
        StallMeter stall;
        bool done = false;
        QObject::connect(page.proxy(), &BookingFilterProxy::sortingFinished, &app, [&done] { done = true; });
        stall.start();
        clock.start();
        // The repaint with the sorted rows may come in the same loop that delivers the result:
        // wait for a paint after the request, not for one after the result.
        watcher.painted = false;
        page.proxy()->sort(BookingTableModel::TotalColumn, Qt::DescendingOrder);
        QElapsedTimer sortLimit;
        sortLimit.start();
        while (!done && sortLimit.elapsed() < 60'000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        watcher.painted = false;
        page.view()->viewport()->update();
        while (!watcher.painted && sortLimit.elapsed() < 60'000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        if (!done)
            qFatal("the bookings sort did not finish within a minute");
        print("bookings_table_sort", clock.elapsed(), "ms");
        print("bookings_table_sort_max_gui_stall", stall.stop(), "ms");

        done = false;
        clock.start();
        page.proxy()->sort(BookingTableModel::IdColumn, Qt::AscendingOrder);
        while (!done)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        print("bookings_table_sort_by_id", clock.elapsed(), "ms");

        // Filter and sort are computed together in the worker; the GUI thread only swaps the
        // permutation in. The stall is the longest the GUI thread was busy at a stretch.
        // Until the worker answered and the view repainted with the answer (painted is cleared
        // before each change; 30 s at most).
        const auto waitForWorker = [&] {
            QElapsedTimer limit;
            limit.start();
            while ((page.proxy()->isSorting() || !watcher.painted) && limit.elapsed() < 30'000)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            QCoreApplication::processEvents(); // let the paint finish
        };
        stall.start();
        clock.start();
        watcher.painted = false;
        page.proxy()->setTextFilter(QStringLiteral("AMS"));
        const qint64 callMs = clock.elapsed();
        waitForWorker();
        print("bookings_table_text_filter", clock.elapsed(), "ms");
        print("bookings_table_text_filter_call", callMs, "ms");
        print("bookings_table_text_filter_max_gui_stall", stall.stop(), "ms");
        print("bookings_table_filtered_rows", page.proxy()->rowCount(), "rows");

        // A second change supersedes the first while it runs (typing on): only the last is applied.
        stall.start();
        clock.start();
        watcher.painted = false;
        page.proxy()->setTextFilter(QStringLiteral("FRA"));
        page.proxy()->setTextFilter(QStringLiteral("FRA-2"));
        waitForWorker();
        print("bookings_table_text_filter_superseded", clock.elapsed(), "ms");
        print("bookings_table_text_filter_superseded_max_gui_stall", stall.stop(), "ms");
        print("bookings_table_filtered_rows_fra2", page.proxy()->rowCount(), "rows");

        // Sorting the filtered rows, then clearing the filter (the sort stays).
        stall.start();
        clock.start();
        watcher.painted = false;
        page.proxy()->sort(BookingTableModel::SizeColumn, Qt::AscendingOrder);
        waitForWorker();
        print("bookings_table_filtered_sort", clock.elapsed(), "ms");
        print("bookings_table_filtered_sort_max_gui_stall", stall.stop(), "ms");
        stall.start();
        clock.start();
        watcher.painted = false;
        page.proxy()->setTextFilter(QString());
        waitForWorker();
        print("bookings_table_filter_clear", clock.elapsed(), "ms");
        print("bookings_table_filter_clear_max_gui_stall", stall.stop(), "ms");
        print("bookings_table_rows_after_clear", page.proxy()->rowCount(), "rows");
    }
    return 0;
}
