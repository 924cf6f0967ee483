// UI performance goals (README "Performance"), printed as "name: value unit" lines:
// - the network tree over 100,000 HNs: LocalMarketService::scopeTree, NetworkTreeModel and its
//   sorted NetworkFilterProxy build ≤ 300 ms, a filter ≤ 50 ms; the marketplace page on top;
// - the longest GUI-thread stall (every event timed in QApplication::notify) while a booking goes
//   through the booking wizard with a real scrypt keystore (N = 2^18) over the demo mirror ≤ 50 ms.
// Run on the offscreen platform by scripts/bench.sh.
#include "AppSettings.h"
#include "MainWindow.h"
#include "PageRegistry.h"
#include "StandardPages.h"
#include "models/NetworkFilterProxy.h"
#include "models/NetworkTreeModel.h"
#include "pages/MarketplacePage.h"
#include "service/LocalMarketService.h"
#include "service/WalletService.h"
#include "wizards/BookingPasswordPage.h"
#include "wizards/BookingRequestPage.h"
#include "wizards/BookingWizard.h"

#include "DemoNetwork.h"
#include "Market.h"
#include "NetworkGenerator.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTreeView>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace icn;
using namespace icn::ui;

namespace {

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

// Times every outermost event: the longest one is the longest the GUI thread stalled.
class TimingApplication : public QApplication
{
public:
    using QApplication::QApplication;

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (m_depth > 0)
            return QApplication::notify(receiver, event);
        ++m_depth;
        QElapsedTimer clock;
        clock.start();
        const bool handled = QApplication::notify(receiver, event);
        const qint64 ns = clock.nsecsElapsed();
        --m_depth;
        if (ns > m_maxNs) {
            m_maxNs = ns;
            m_worst = QStringLiteral("%1 to %2").arg(int(event->type())).arg(QString::fromLatin1(receiver->metaObject()->className()));
        }
        return handled;
    }

    void resetStall() { m_maxNs = 0; m_worst.clear(); }
    qint64 maxStallMs() const { return m_maxNs / 1'000'000; }
    QString worst() const { return m_worst; }

private:
    int m_depth = 0;
    qint64 m_maxNs = 0;
    QString m_worst;
};

TimingApplication *timingApp()
{
    return static_cast<TimingApplication *>(QCoreApplication::instance());
}

// Spins the event loop until `done` or `timeoutMs` passed; false on timeout.
bool spinUntil(const std::function<bool()> &done, int timeoutMs = 60'000)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

void spinFor(int ms)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

// Runs `f` as a queued call, like a click would: it is timed as one event.
void post(QObject *context, std::function<void()> f)
{
    QMetaObject::invokeMethod(context, std::move(f), Qt::QueuedConnection);
}

// Flags the first paint of a widget once that paint is done.
class PaintWatcher : public QObject
{
public:
    explicit PaintWatcher(QWidget *w) { w->installEventFilter(this); }
    bool painted = false;
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            painted = true;
        return false;
    }
};

// For comparison: the per-row filter a plain QSortFilterProxyModel does (its own recursion over
// the subtree, display text and id per row), as NetworkFilterProxy did before it matched once.
class PerRowFilterProxy : public QSortFilterProxyModel
{
public:
    PerRowFilterProxy()
    {
        setRecursiveFilteringEnabled(true);
        setAutoAcceptChildRows(true);
    }
    void setText(const QString &text)
    {
        m_text = text;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override
    {
        if (m_text.isEmpty())
            return true;
        const QModelIndex i = sourceModel()->index(sourceRow, NetworkTreeModel::NameColumn, sourceParent);
        return i.data(Qt::DisplayRole).toString().contains(m_text, Qt::CaseInsensitive)
            || i.data(NetworkTreeModel::IdRole).toString().contains(m_text, Qt::CaseInsensitive);
    }

private:
    QString m_text;
};

// The service sums zones and regions itself: check every scope's figures against the engine's
// own capacity() of that scope (a second read-only Market over the same folder).
bool treeMatchesEngine(const QString &dataDir, const QList<ScopeNode> &nodes, MonthRange range)
{
    Result<Market> market = Market::open(dataDir);
    if (!market)
        return false;
    const Engine &e = market->engine();
    QHash<QString, CapacityView> clusters;
    for (const ScopeNode &n : nodes) {
        if (n.kind == icn::ui::ScopeKind::Node) {
            const CapacityView &c = clusters[n.parentId];
            const auto child = std::find_if(c.children.cbegin(), c.children.cend(),
                                            [&n](const CapacityView &v) { return v.scopeId == n.id; });
            if (child == c.children.cend() || child->freeTbWholeRange != n.freeTb
                || child->hasListedPrice != n.listedPrice.has_value() || (n.listedPrice && *n.listedPrice != child->listedPrice))
                return false;
            continue;
        }
        const Result<CapacityView> v = e.capacity(n.id, range);
        if (!v)
            return false;
        if (n.kind == icn::ui::ScopeKind::Cluster)
            clusters.insert(n.id, *v);
        const qint64 capacity = v->totalTbPerMonth.isEmpty() ? 0 : *std::max_element(v->totalTbPerMonth.cbegin(), v->totalTbPerMonth.cend());
        if (v->freeTbWholeRange != n.freeTb || capacity != n.capacityTb || v->hasListedPrice != n.listedPrice.has_value()
            || (n.listedPrice && *n.listedPrice != v->listedPrice))
            return false;
    }
    return true;
}

void benchNetworkTree()
{
    QElapsedTimer clock;
    // Same-run anchor: sorting 100k short strings, the kind of work a tree build does.
    {
        QStringList ids;
        ids.reserve(100'000);
        for (int i = 0; i < 100'000; ++i)
            ids.append(QStringLiteral("C%1-N%2").arg((i * 7919) % 2000).arg(i % 50));
        clock.start();
        std::sort(ids.begin(), ids.end());
        print("anchor_sort_100k_qstring", clock.elapsed(), "ms");
    }

    clock.start();
    const NetworkSnapshot snapshot = NetworkGenerator::generate(GeneratorOptions::large());
    print("network_generate_100k", clock.elapsed(), "ms");
    QTemporaryDir dir;
    clock.start();
    auto opened = LocalMarketService::openOrCreate(dir.path(), snapshot);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().toString()));
        return;
    }
    std::unique_ptr<LocalMarketService> service = std::move(opened).value();
    print("market_create_100k", clock.elapsed(), "ms");
    const MonthRange range{service->currentMonth().plus(1), 3};

    {
        // What the marketplace page does on refresh, without the view: the service's tree, the
        // model, and the proxy sorted by name.
        clock.start();
        const QList<ScopeNode> nodes = service->scopeTree(range);
        const qint64 scopeTreeMs = clock.elapsed();
        print("scope_tree_100k", scopeTreeMs, "ms");
        print("scope_tree_100k_items", nodes.size(), "items");
        print("scope_tree_100k_matches_engine", treeMatchesEngine(dir.path(), nodes, range) ? 1 : 0, "bool");
        QElapsedTimer total; // the tree build: the service's tree, the model, the sorted proxy
        total.start();
        clock.start();
        NetworkTreeModel model;
        model.setNodes(nodes);
        print("network_tree_model_100k", clock.elapsed(), "ms");
        clock.start();
        NetworkFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.sort(NetworkTreeModel::NameColumn, Qt::AscendingOrder);
        const int roots = proxy.rowCount();
        print("network_tree_proxy_sort_100k", clock.elapsed(), "ms");
        print("network_tree_build_100k", scopeTreeMs + total.elapsed(), "ms");

        // Same tree again (a refresh): only dataChanged.
        clock.start();
        model.setNodes(service->scopeTree(range));
        print("network_tree_refresh_100k", clock.elapsed(), "ms");

        // A cluster id (one cluster and its 50 HNs with their ancestors), a broad one (every
        // first HN of each cluster) and clearing it.
        const QString node = nodes.at(nodes.size() / 2).id;
        clock.start();
        proxy.setFilterText(node.toLower());
        const int narrowRoots = proxy.rowCount();
        print("network_tree_filter_100k", clock.elapsed(), "ms");
        clock.start();
        proxy.setFilterText(QStringLiteral("-n01"));
        const int broadRoots = proxy.rowCount();
        print("network_tree_filter_broad_100k", clock.elapsed(), "ms");
        clock.start();
        proxy.setFilterText(QString());
        const int allRoots = proxy.rowCount();
        print("network_tree_filter_clear_100k", clock.elapsed(), "ms");
        print("network_tree_filter_100k_roots", narrowRoots, "rows");
        {
            PerRowFilterProxy perRow;
            perRow.setSourceModel(&model);
            perRow.sort(NetworkTreeModel::NameColumn, Qt::AscendingOrder);
            perRow.rowCount();
            clock.start();
            perRow.setText(node.toLower());
            const int perRowRoots = perRow.rowCount();
            print("network_tree_filter_100k_per_row_proxy", clock.elapsed(), "ms");
            if (perRowRoots != narrowRoots)
                std::fprintf(stderr, "per-row proxy disagrees: %d\n", perRowRoots);
        }
        if (roots == 0 || narrowRoots != 1 || broadRoots != roots || allRoots != roots)
            std::fprintf(stderr, "unexpected filter result: %d %d %d %d\n", roots, narrowRoots, broadRoots, allRoots);
    }

    {
        // The page itself: construction (refresh, expand to zones, select the first region) to
        // first paint of the tree, then typing a filter into its line edit (which expands all).
        clock.start();
        MarketplacePage page(service.get(), nullptr);
        page.resize(1400, 850);
        PaintWatcher watcher(page.treeView()->viewport());
        page.show();
        spinUntil([&] { return watcher.painted; });
        print("marketplace_page_100k_first_paint", clock.elapsed(), "ms");
        {
            // What every booking's stateChanged triggers: the tree is computed in a worker, the
            // GUI thread only puts it in place. A real transaction (a faucet payment, the same
            // stateChanged path as a booking) while the page shows: the longest GUI-thread event.
            TimingApplication *app = timingApp();
            int refreshes = 0;
            QObject::connect(&page, &MarketplacePage::refreshed, &page, [&refreshes] { ++refreshes; });
            spinFor(100);
            app->resetStall();
            clock.start();
            post(&page, [&] { page.refresh(); });
            spinUntil([&] { return refreshes == 1; }, 10'000);
            spinFor(50);
            print("marketplace_page_refresh_100k", clock.elapsed(), "ms");
            print("marketplace_page_refresh_100k_max_gui_stall", app->maxStallMs(), "ms");
            std::printf("marketplace_page_refresh_100k_worst_event: %s\n", qPrintable(app->worst()));
            const Address someone = *Address::parse(QStringLiteral("0x00000000000000000000000000000000000000a1"));
            app->resetStall();
            clock.start();
            post(&page, [&] { (void)service->faucet(someone, Amount::fromIcnt(1)); });
            spinUntil([&] { return refreshes == 2; }, 10'000);
            spinFor(200);
            print("transaction_100k_refresh", clock.elapsed(), "ms");
            print("transaction_100k_max_gui_stall", app->maxStallMs(), "ms");
            std::printf("transaction_100k_worst_event: %s\n", qPrintable(app->worst()));
        }

        QLineEdit *filter = nullptr;
        for (QLineEdit *e : page.findChildren<QLineEdit *>())
            if (e->accessibleName() == QLatin1String("Filter"))
                filter = e;
        if (filter) {
            const QString node = page.treeModel()->nodes().at(page.treeModel()->nodes().size() / 2).id;
            QCoreApplication::processEvents();
            watcher.painted = false;
            clock.start();
            filter->setText(node);
            print("marketplace_page_filter_100k_set_text", clock.elapsed(), "ms");
            spinUntil([&] { return watcher.painted; }, 10'000);
            print("marketplace_page_filter_100k", clock.elapsed(), "ms");
            clock.start();
            filter->clear();
            QCoreApplication::processEvents();
            print("marketplace_page_filter_clear_100k", clock.elapsed(), "ms");
        }
        clock.start();
        page.refresh(); // after the filter expanded the whole tree
        spinUntil([&] { return !page.isRefreshing(); }, 10'000);
        print("marketplace_page_refresh_100k_all_expanded", clock.elapsed(), "ms");
    }
}

void benchBooking()
{
    QElapsedTimer clock;
    QTemporaryDir dir;
    auto opened = LocalMarketService::openOrCreate(dir.path(), DemoNetwork::snapshot());
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().toString()));
        return;
    }
    std::unique_ptr<LocalMarketService> market = std::move(opened).value();
    // The wallet as the app keeps it, with the default (real) scrypt parameters.
    WalletService wallet(dir.path(), market.get());
    const QByteArray password = "correct horse battery staple";
    {
        WalletRequest request;
        request.kind = WalletRequest::Kind::Demo;
        request.label = QStringLiteral("Demo SP");
        request.mnemonic = SecureBytes(QByteArrayView("abandon abandon abandon abandon abandon abandon abandon abandon "
                                                      "abandon abandon abandon about"));
        request.password = SecureBytes(QByteArrayView(password));
        bool done = false;
        std::optional<Error> failed;
        clock.start();
        wallet.submit(std::move(request), &wallet, [&](Result<Address> r) {
            done = true;
            if (!r)
                failed = r.error();
        });
        spinUntil([&] { return done; });
        if (failed) {
            std::fprintf(stderr, "%s\n", qPrintable(failed->toString()));
            return;
        }
        print("wallet_import_scrypt", clock.elapsed(), "ms");
    }

    AppSettings settings(QDir(dir.path()).filePath(QStringLiteral("settings.ini")));
    AppServices services;
    services.market = market.get();
    services.keys = &wallet;
    services.wallet = &wallet;
    PageRegistry registry;
    registerStandardPages(registry);
    MainWindow window(services, registry, &settings);
    window.resize(1400, 850);
    window.setActiveAccount(wallet.accounts().front().address, wallet.accounts().front().label);
    window.show();
    // Every page exists, so each one refreshes when the booking lands.
    for (const char *id : {"bookings", "wallet", "activity", "marketplace"}) {
        window.showPage(QString::fromLatin1(id));
        spinFor(100);
    }
    auto *page = qobject_cast<MarketplacePage *>(window.page(QStringLiteral("marketplace")));
    if (!page) {
        std::fprintf(stderr, "no marketplace page\n");
        return;
    }
    page->selectScope(QStringLiteral("FRA-1"));
    spinFor(200);

    TimingApplication *app = timingApp();
    app->resetStall();
    QElapsedTimer total;
    total.start();
    BookingWizard *wizard = nullptr;
    post(page, [&] { wizard = page->openBookingWizard(); });
    spinUntil([&] { return wizard && wizard->isVisible(); });
    post(wizard, [&] { wizard->next(); });
    spinUntil([&] { return wizard->currentId() == BookingWizard::RequestPageId; });
    auto *request = static_cast<BookingRequestPage *>(wizard->page(BookingWizard::RequestPageId));
    post(wizard, [&] { request->sizeEdit()->setText(QStringLiteral("10")); });
    spinUntil([&] { return wizard->quote() && wizard->quote()->ok() && wizard->quote()->value().sizeTb == 10; });
    spinFor(100);
    for (int i = 0; i < 4 && wizard->currentId() != BookingWizard::PasswordPageId; ++i) {
        const int from = wizard->currentId();
        post(wizard, [&] { wizard->next(); });
        spinUntil([&] { return wizard->currentId() != from; }, 5'000);
    }
    if (wizard->currentId() != BookingWizard::PasswordPageId) {
        std::fprintf(stderr, "the wizard did not reach the password page (at %d)\n", wizard->currentId());
        return;
    }
    const qint64 beforeSubmit = app->maxStallMs();
    const QString beforeWorst = app->worst();
    app->resetStall();
    auto *passwordPage = static_cast<BookingPasswordPage *>(wizard->currentPage());
    post(wizard, [&] { passwordPage->passwordEdit()->setText(QString::fromUtf8(password)); });
    spinFor(50);
    bool finished = false;
    QObject::connect(wizard, &BookingWizard::submissionFinished, wizard, [&finished] { finished = true; });
    clock.start();
    post(wizard, [&] { wizard->next(); });
    spinUntil([&] { return finished; });
    const qint64 bookingMs = clock.elapsed();
    spinFor(500); // the pages refresh after stateChanged
    const bool booked = wizard->outcome() && wizard->outcome()->row.has_value();
    if (!booked)
        std::fprintf(stderr, "booking failed: %s\n",
                     wizard->outcome() && wizard->outcome()->error ? qPrintable(wizard->outcome()->error->toString()) : "?");
    print("booking_wizard_steps_max_gui_stall", beforeSubmit, "ms");
    std::printf("booking_wizard_steps_worst_event: %s\n", qPrintable(beforeWorst));
    print("booking_submit_max_gui_stall", app->maxStallMs(), "ms");
    std::printf("booking_submit_worst_event: %s\n", qPrintable(app->worst()));
    print("booking_max_gui_stall", std::max(beforeSubmit, app->maxStallMs()), "ms");
    print("booking_submit_to_result", bookingMs, "ms");
    print("booking_wizard_total", total.elapsed() - 500, "ms");
    print("booking_succeeded", booked ? 1 : 0, "bool");
    const MonthRange range = page->range();
    print("scope_tree_demo_after_booking_matches_engine", treeMatchesEngine(dir.path(), market->scopeTree(range), range) ? 1 : 0, "bool");
}

} // namespace

int main(int argc, char **argv)
{
    TimingApplication app(argc, argv);
    printLoad();
    const QStringList args = QCoreApplication::arguments();
    if (!args.contains(QStringLiteral("--booking-only")))
        benchNetworkTree();
    if (!args.contains(QStringLiteral("--tree-only")))
        benchBooking();
    printLoad();
    return 0;
}
