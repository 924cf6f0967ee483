#include "charts/AskLadderChart.h"
#include "charts/CapacityChart.h"
#include "models/ClusterTileDelegate.h"
#include "models/ClusterTileModel.h"
#include "models/NetworkFilterProxy.h"
#include "models/NetworkTreeModel.h"
#include "pages/MarketplacePage.h"
#include "service/FakeKeyProvider.h"
#include "service/FakeMarketService.h"
#include "wizards/BookingWizard.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QToolButton>
#include <QImage>
#include <QTest>
#include <QTreeView>

#include <QMutex>
#include <QSemaphore>
#include <QThread>

using namespace icn;
using namespace icn::ui;

class TestMarketplacePage : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void modelsPassTheTester();
    void clusterDetailShowsChartsAndReliability();
    void selectingAnHnBooksItsClusterAndSaysWhy();
    void bookButtonOpensThePrefilledWizard();
    void tilesAndTreeShareTheSelection();
    void tilesColourByUtilisation();
    void monthRangeDrivesTheFigures();
    void filterNarrowsTheTree();
    void engineChangesRefreshTheViewKeepingTheSelection();
    void zoneDetailMergesTheLadderOfItsClusters();
    void bigTreesRefreshInAWorkerAndOnlyTheLatestAnswerLands();
    void askLadderSumsTheDearestLevelsIntoOneBar();

private:
    std::unique_ptr<FakeMarketService> m_service;
    FakeKeyProvider m_keys;
    MarketplacePage *m_page = nullptr;
};

void TestMarketplacePage::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_service = std::make_unique<FakeMarketService>();
    m_page = new MarketplacePage(m_service.get(), &m_keys);
    m_page->setAccount(FakeMarketService::demoSp());
    m_page->resize(1280, 800);
    m_page->show();
}

void TestMarketplacePage::cleanup()
{
    delete m_page;
    m_page = nullptr;
}

void TestMarketplacePage::modelsPassTheTester()
{
    QAbstractItemModelTester tree(m_page->treeProxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester tiles(m_page->tileModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_page->setRange({Month::fromYearMonth(2027, 1), 6});
    m_page->findChild<QLineEdit *>()->setText(QStringLiteral("AMS"));
    m_page->findChild<QLineEdit *>()->clear();
    m_service->setNodeStatus(QStringLiteral("AMS-1-N01"), NodeStatus::Jailed);
}

void TestMarketplacePage::clusterDetailShowsChartsAndReliability()
{
    m_page->selectScope(QStringLiteral("FRA-1"));
    QCOMPARE(m_page->selectedScopeId(), QStringLiteral("FRA-1"));
    QCOMPARE(m_page->capacityChart()->monthCount(), 3);
    QCOMPARE(m_page->askLadderChart()->levelCount(), 2); // 2.8 and 2.9
    QStandardItemModel *rel = m_page->reliabilityModel();
    QCOMPARE(rel->rowCount(), 2);
    QCOMPARE(rel->item(0, 0)->text(), QStringLiteral("FRA-1-N01"));
    QCOMPARE(rel->item(0, 1)->text(), QStringLiteral("99.5 %"));
    QCOMPARE(rel->item(1, 1)->data(Qt::UserRole).toLongLong(), 970'000);
    QVERIFY(m_page->nodeNote()->isHidden());
    QVERIFY(m_page->bookButton()->isEnabled());
    QCOMPARE(m_page->bookingScopeId(), QStringLiteral("FRA-1"));
}

void TestMarketplacePage::selectingAnHnBooksItsClusterAndSaysWhy()
{
    m_page->selectScope(QStringLiteral("FRA-1-N02"));
    QCOMPARE(m_page->selectedScopeId(), QStringLiteral("FRA-1-N02"));
    QCOMPARE(m_page->bookingScopeId(), QStringLiteral("FRA-1"));
    QVERIFY(m_page->nodeNote()->isVisible());
    QVERIFY(m_page->nodeNote()->text().contains(QStringLiteral("Service providers book clusters, not single nodes")));
    QVERIFY(m_page->nodeNote()->text().contains(QStringLiteral("books cluster FRA-1")));
    QCOMPARE(m_page->bookButton()->text(), QStringLiteral("&Book FRA-1…"));
    // The HN's own data is still shown.
    QCOMPARE(m_page->capacityChart()->monthCount(), 3);
    QCOMPARE(m_page->reliabilityModel()->rowCount(), 2);
}

void TestMarketplacePage::bookButtonOpensThePrefilledWizard()
{
    m_page->selectScope(QStringLiteral("FRA-1-N02"));
    QTest::mouseClick(m_page->bookButton(), Qt::LeftButton);
    BookingWizard *wizard = m_page->bookingWizard();
    QVERIFY(wizard);
    QTRY_VERIFY(wizard->isVisible());
    QCOMPARE(wizard->field(QStringLiteral("scopeId")).toString(), QStringLiteral("FRA-1"));
    QCOMPARE(wizard->pickedNodeId(), QStringLiteral("FRA-1-N02"));
    QCOMPARE(wizard->account(), FakeMarketService::demoSp());
    QCOMPARE(wizard->initialRange(), m_page->range());
    wizard->close();
}

void TestMarketplacePage::tilesAndTreeShareTheSelection()
{
    QCOMPARE(m_page->tileModel()->rowCount(), 5);
    const QModelIndex ams = m_page->tileModel()->indexOfId(QStringLiteral("AMS-1"));
    QTest::mouseClick(m_page->tileView()->viewport(), Qt::LeftButton, {}, m_page->tileView()->visualRect(ams).center());
    QCOMPARE(m_page->selectedScopeId(), QStringLiteral("AMS-1"));
    m_page->selectScope(QStringLiteral("NYC-1-N01"));
    QCOMPARE(m_page->tileView()->currentIndex().data(ClusterTileModel::IdRole).toString(), QStringLiteral("NYC-1"));
}

void TestMarketplacePage::monthRangeDrivesTheFigures()
{
    m_page->selectScope(QStringLiteral("FRA-2"));
    const QModelIndex fra2 = m_page->treeModel()->indexOfId(QStringLiteral("FRA-2"));
    QCOMPARE(fra2.data(NetworkTreeModel::FreeTbRole).toLongLong(), 300);
    auto spins = m_page->findChildren<QSpinBox *>();
    QSpinBox *months = nullptr;
    for (QSpinBox *s : spins)
        if (s->accessibleName() == QLatin1String("Number of months"))
            months = s;
    QVERIFY(months);
    months->setValue(7); // 2026-12..2027-06: the pre-booking ends 2027-05, still 300 free
    QCOMPARE(m_page->capacityChart()->monthCount(), 7);
    m_page->setRange({Month::fromYearMonth(2027, 6), 3}); // after the pre-booking
    QCOMPARE(m_page->treeModel()->indexOfId(QStringLiteral("FRA-2")).data(NetworkTreeModel::FreeTbRole).toLongLong(), 1000);
    QCOMPARE(m_page->selectedScopeId(), QStringLiteral("FRA-2"));
}

void TestMarketplacePage::filterNarrowsTheTree()
{
    QLineEdit *filter = nullptr;
    for (QLineEdit *e : m_page->findChildren<QLineEdit *>())
        if (e->accessibleName() == QLatin1String("Filter"))
            filter = e;
    QVERIFY(filter);
    QTest::keyClicks(filter, QStringLiteral("NYC"));
    QCOMPARE(m_page->treeProxy()->rowCount(), 1);
    QCOMPARE(m_page->treeProxy()->index(0, 0).data(NetworkTreeModel::IdRole).toString(), QStringLiteral("NAE"));
    // Jumping to something hidden clears the filter.
    m_page->selectScope(QStringLiteral("FRA-3"));
    QCOMPARE(filter->text(), QString());
    QCOMPARE(m_page->selectedScopeId(), QStringLiteral("FRA-3"));
}

void TestMarketplacePage::engineChangesRefreshTheViewKeepingTheSelection()
{
    m_page->selectScope(QStringLiteral("FRA-1"));
    m_service->setReservationPrice(QStringLiteral("FRA-1-N01"), Amount::fromIcnt(3));
    const QModelIndex fra1 = m_page->treeModel()->indexOfId(QStringLiteral("FRA-1"), NetworkTreeModel::PriceColumn);
    QCOMPARE(fra1.data().toString(), QStringLiteral("2.9 ICNT"));
    QCOMPARE(m_page->selectedScopeId(), QStringLiteral("FRA-1"));
    QCOMPARE(m_page->askLadderChart()->levelCount(), 2); // 2.9 and 3
}

void TestMarketplacePage::zoneDetailMergesTheLadderOfItsClusters()
{
    m_page->selectScope(QStringLiteral("EUW-FRA"));
    // FRA-1 2.8 + 2.9, FRA-2 2.6, FRA-3 2.7 (N01's commitment ends, N03 is jailed).
    QCOMPARE(m_page->askLadderChart()->levelCount(), 4);
    QCOMPARE(m_page->reliabilityModel()->rowCount(), 3); // its clusters
    QCOMPARE(m_page->bookingScopeId(), QStringLiteral("EUW-FRA"));
}

namespace {

// A fake whose scopeTree() may run in a worker (as LocalMarketService's): it records the thread and
// waits at a gate the test opens, so the test can see the page while the worker runs.
class ThreadedTreeService : public FakeMarketService
{
public:
    bool isThreadSafe() const override { return true; }
    QList<ScopeNode> scopeTree(MonthRange range) const override
    {
        {
            QMutexLocker lock(&mutex);
            threads << QThread::currentThread();
        }
        if (gated)
            gate.acquire();
        QMutexLocker lock(&mutex);
        return FakeMarketService::scopeTree(range);
    }
    mutable QMutex mutex;
    mutable QList<QThread *> threads;
    mutable QSemaphore gate;
    std::atomic<bool> gated{false};
};

} // namespace

void TestMarketplacePage::bigTreesRefreshInAWorkerAndOnlyTheLatestAnswerLands()
{
    ThreadedTreeService service;
    MarketplacePage page(&service, &m_keys);
    page.resize(1280, 800);
    page.show();
    page.selectScope(QStringLiteral("AMS-1"));
    page.setAsyncTreeThreshold(1); // the fake's tree stands in for 100k HNs
    QSignalSpy refreshed(&page, &MarketplacePage::refreshed);
    const auto statusOf = [&page](const QString &id) {
        return page.treeModel()->indexOfId(id, NetworkTreeModel::StatusColumn).data(NetworkTreeModel::StatusRole).toString();
    };
    QCOMPARE(statusOf(QStringLiteral("AMS-1-N01")), QStringLiteral("Active"));

    service.gated = true;
    service.threads.clear();
    service.setNodeStatus(QStringLiteral("AMS-1-N01"), NodeStatus::Jailed); // stateChanged → refresh
    QVERIFY(page.isRefreshing());
    // The GUI thread is free while the worker builds the tree; the model still shows the old one.
    QCoreApplication::processEvents();
    QCOMPARE(statusOf(QStringLiteral("AMS-1-N01")), QStringLiteral("Active"));
    QCOMPARE(refreshed.size(), 0);
    // Two more transactions meanwhile: one more worker after this one, not two.
    service.setNodeStatus(QStringLiteral("AMS-1-N02"), NodeStatus::Jailed);
    service.setNodeStatus(QStringLiteral("AMS-1-N02"), NodeStatus::Active);
    service.gate.release(2);
    QTRY_VERIFY(!page.isRefreshing());
    QCOMPARE(refreshed.size(), 1); // the stale first answer never landed
    QCOMPARE(statusOf(QStringLiteral("AMS-1-N01")), QStringLiteral("Jailed"));
    QCOMPARE(statusOf(QStringLiteral("AMS-1-N02")), QStringLiteral("Active"));
    QCOMPARE(service.threads.size(), 2);
    for (QThread *t : std::as_const(service.threads))
        QVERIFY(t != QThread::currentThread());
    QCOMPARE(page.selectedScopeId(), QStringLiteral("AMS-1")); // the selection survived
    service.gated = false;
}

void TestMarketplacePage::askLadderSumsTheDearestLevelsIntoOneBar()
{
    AskLadderChart chart;
    QList<AskLevel> levels;
    for (int i = 0; i < 30; ++i)
        levels.append({Amount::fromIcnt(2 + i), 10});
    chart.setLevels(levels);
    QCOMPARE(chart.levelCount(), AskLadderChart::kMaxBars);
    chart.setLevels(levels.mid(0, 5));
    QCOMPARE(chart.levelCount(), 5);
}

// The painted fill of a tile, sampled inside its rounded rectangle below the text.
static QColor tileFill(QListView *view, const QModelIndex &index)
{
    const QImage image = view->viewport()->grab().toImage();
    const QRect r = view->visualRect(index);
    return image.pixelColor(r.right() - 15, r.bottom() - 7);
}

static bool near(const QColor &a, const QColor &b)
{
    return std::abs(a.red() - b.red()) <= 2 && std::abs(a.green() - b.green()) <= 2 && std::abs(a.blue() - b.blue()) <= 2;
}

void TestMarketplacePage::tilesColourByUtilisation()
{
    m_page->setRange({Month::fromYearMonth(2026, 12), 3});
    QListView *view = m_page->tileView();
    const QModelIndex busy = m_page->tileModel()->indexOfId(QStringLiteral("FRA-2")); // 700 of 1,000 TB booked
    const QModelIndex idle = m_page->tileModel()->indexOfId(QStringLiteral("FRA-3")); // nothing booked
    QVERIFY(busy.isValid() && idle.isValid());
    const QVariant busyUse = busy.data(ClusterTileModel::UtilisationPpmRole);
    const QVariant idleUse = idle.data(ClusterTileModel::UtilisationPpmRole);
    QVERIFY2(busyUse.toLongLong() > idleUse.toLongLong() + 200'000, qPrintable(QStringLiteral("%1 vs %2").arg(busyUse.toLongLong()).arg(idleUse.toLongLong())));

    using Colouring = ClusterTileDelegate::Colouring;
    QTRY_VERIFY(near(tileFill(view, busy), ClusterTileDelegate::fillFor(Colouring::ListedPrice, busy.data(ClusterTileModel::PricePositionPpmRole))));

    auto *byUse = m_page->findChild<QToolButton *>(QStringLiteral("colourByUtilisation"));
    QVERIFY(byUse);
    QTest::mouseClick(byUse, Qt::LeftButton);
    QVERIFY(byUse->isChecked());
    const QColor busyFill = ClusterTileDelegate::fillFor(Colouring::Utilisation, busyUse);
    const QColor idleFill = ClusterTileDelegate::fillFor(Colouring::Utilisation, idleUse);
    QVERIFY(!near(busyFill, idleFill));
    QTRY_VERIFY2(near(tileFill(view, busy), busyFill), qPrintable(tileFill(view, busy).name() + QLatin1Char(' ') + busyFill.name()));
    QVERIFY2(near(tileFill(view, idle), idleFill), qPrintable(tileFill(view, idle).name() + QLatin1Char(' ') + idleFill.name()));
    // The busier cluster is the deeper blue.
    QVERIFY(tileFill(view, busy).lightnessF() < tileFill(view, idle).lightnessF());

    QTest::mouseClick(m_page->findChild<QToolButton *>(QStringLiteral("colourByPrice")), Qt::LeftButton);
    QTRY_VERIFY(near(tileFill(view, idle), ClusterTileDelegate::fillFor(Colouring::ListedPrice, idle.data(ClusterTileModel::PricePositionPpmRole))));
}

QTEST_MAIN(TestMarketplacePage)
#include "tst_marketplacepage.moc"
