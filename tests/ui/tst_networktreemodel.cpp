#include "models/ClusterTileModel.h"
#include "models/NetworkFilterProxy.h"
#include "models/NetworkTreeModel.h"
#include "service/FakeMarketService.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace icn;
using namespace icn::ui;

class TestNetworkTreeModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void passesTheModelTester();
    void buildsRegionZoneClusterNodeTree();
    void rawValuesLiveInRolesAndTextInDisplay_data();
    void rawValuesLiveInRolesAndTextInDisplay();
    void refreshWithTheSameShapeKeepsIndexes();
    void refreshSignalsOnlyTheItemsThatChanged();
    void proxyFiltersByNameKeepingAncestors();
    void proxySortsPricesExactlyWithUnlistedLast();
    void tileModelPassesTheTesterAndRanksPrices();

private:
    QList<ScopeNode> tree(MonthRange range = {Month::fromYearMonth(2026, 12), 3}) const { return m_service->scopeTree(range); }
    std::unique_ptr<FakeMarketService> m_service;
};

void TestNetworkTreeModel::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_service = std::make_unique<FakeMarketService>();
}

void TestNetworkTreeModel::passesTheModelTester()
{
    NetworkTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setNodes(tree());
    model.setNodes(tree({Month::fromYearMonth(2027, 2), 4})); // same shape: dataChanged only
    model.setNodes({});
    model.setNodes(tree());
    NetworkFilterProxy proxy;
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.setFilterText(QStringLiteral("FRA"));
    proxy.sort(NetworkTreeModel::PriceColumn);
    proxy.setFilterText(QString());
}

void TestNetworkTreeModel::buildsRegionZoneClusterNodeTree()
{
    NetworkTreeModel model;
    model.setNodes(tree());
    QCOMPARE(model.rowCount(), 2); // EUW, NAE
    const QModelIndex euw = model.indexOfId(QStringLiteral("EUW"));
    QCOMPARE(model.rowCount(euw), 2); // Frankfurt, Amsterdam
    const QModelIndex fra = model.indexOfId(QStringLiteral("EUW-FRA"));
    QCOMPARE(fra.parent(), euw);
    QCOMPARE(model.rowCount(fra), 3);
    QCOMPARE(model.rowCount(model.indexOfId(QStringLiteral("FRA-1"))), 2);
    QCOMPARE(model.rowCount(model.indexOfId(QStringLiteral("FRA-2"))), 1);
    QCOMPARE(model.rowCount(model.indexOfId(QStringLiteral("FRA-3"))), 3);
    QCOMPARE(model.indexOfId(QStringLiteral("FRA-3-N02")).parent().data(NetworkTreeModel::IdRole).toString(), QStringLiteral("FRA-3"));
    QVERIFY(!model.indexOfId(QStringLiteral("nope")).isValid());
}

void TestNetworkTreeModel::rawValuesLiveInRolesAndTextInDisplay_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("role");
    QTest::addColumn<QVariant>("expected");

    const int display = Qt::DisplayRole;
    QTest::newRow("a cluster's free TB is a number in its role")
        << "FRA-1" << 0 << int(NetworkTreeModel::FreeTbRole) << QVariant(qlonglong(600 + 600));
    QTest::newRow("a cluster's free TB is text with a unit in DisplayRole")
        << "FRA-1" << int(NetworkTreeModel::FreeColumn) << display << QVariant(QStringLiteral("1,200 TB"));
    QTest::newRow("the listed price is the best ask, stored exactly")
        << "FRA-1" << 0 << int(NetworkTreeModel::ListedPriceRole) << QVariant(QStringLiteral("2800000000000000000"));
    QTest::newRow("the listed price reads as ICNT")
        << "FRA-1" << int(NetworkTreeModel::PriceColumn) << display << QVariant(QStringLiteral("2.8 ICNT"));
    QTest::newRow("a jailed node lists nothing")
        << "FRA-3-N03" << 0 << int(NetworkTreeModel::ListedPriceRole) << QVariant();
    QTest::newRow("a zone shows its name and id")
        << "EUW-FRA" << int(NetworkTreeModel::NameColumn) << display << QVariant(QStringLiteral("Frankfurt (EUW-FRA)"));
    QTest::newRow("utilisation is integer ppm: 700 of 1,000 TB booked")
        << "FRA-2" << 0 << int(NetworkTreeModel::UtilisationPpmRole) << QVariant(qlonglong(700'000));
    QTest::newRow("reliability is ppm in its role")
        << "FRA-1-N01" << 0 << int(NetworkTreeModel::ReliabilityPpmRole) << QVariant(qlonglong(995'000));
    QTest::newRow("reliability reads as a percentage")
        << "FRA-1-N01" << int(NetworkTreeModel::ReliabilityColumn) << display << QVariant(QStringLiteral("99.5 %"));
    QTest::newRow("a node's status is shown")
        << "FRA-3-N03" << int(NetworkTreeModel::StatusColumn) << display << QVariant(QStringLiteral("Jailed"));
}

void TestNetworkTreeModel::rawValuesLiveInRolesAndTextInDisplay()
{
    QFETCH(QString, id);
    QFETCH(int, column);
    QFETCH(int, role);
    QFETCH(QVariant, expected);
    NetworkTreeModel model;
    model.setNodes(tree());
    const QVariant actual = model.indexOfId(id, column).data(role);
    QCOMPARE(actual.isValid(), expected.isValid());
    if (expected.isValid())
        QCOMPARE(actual.toString(), expected.toString());
}

void TestNetworkTreeModel::refreshWithTheSameShapeKeepsIndexes()
{
    NetworkTreeModel model;
    model.setNodes(tree());
    const QPersistentModelIndex fra1 = model.indexOfId(QStringLiteral("FRA-1"));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    m_service->setReservationPrice(QStringLiteral("FRA-1-N01"), Amount::fromIcnt(3));
    model.setNodes(tree());
    QCOMPARE(reset.count(), 0);
    QVERIFY(changed.count() > 0);
    QVERIFY(fra1.isValid());
    QCOMPARE(fra1.data(NetworkTreeModel::ListedPriceRole).toString(), QStringLiteral("2900000000000000000")); // N02 is cheaper now
}

void TestNetworkTreeModel::refreshSignalsOnlyTheItemsThatChanged()
{
    NetworkTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<ScopeNode> nodes = tree();
    model.setNodes(nodes);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    // Nothing changed: nothing signalled.
    model.setNodes(nodes);
    QCOMPARE(changed.count(), 0);

    // One HN's free capacity and its cluster's: two signals, exactly those rows, all columns.
    const QModelIndex node = model.indexOfId(QStringLiteral("FRA-1-N01"));
    const QModelIndex cluster = model.indexOfId(QStringLiteral("FRA-1"));
    for (ScopeNode &n : nodes)
        if (n.id == QLatin1String("FRA-1-N01") || n.id == QLatin1String("FRA-1"))
            n.freeTb -= 1;
    model.setNodes(nodes);
    QCOMPARE(changed.count(), 2);
    QSet<QString> signalled;
    for (const QList<QVariant> &args : std::as_const(changed)) {
        const QModelIndex from = args.at(0).value<QModelIndex>();
        const QModelIndex to = args.at(1).value<QModelIndex>();
        QCOMPARE(from.row(), to.row());
        QCOMPARE(from.parent(), to.parent());
        QCOMPARE(from.column(), 0);
        QCOMPARE(to.column(), int(NetworkTreeModel::ColumnCount) - 1);
        signalled.insert(from.data(NetworkTreeModel::IdRole).toString());
    }
    QCOMPARE(signalled, (QSet<QString>{QStringLiteral("FRA-1-N01"), QStringLiteral("FRA-1")}));
    QCOMPARE(node.data(NetworkTreeModel::FreeTbRole).toLongLong(), nodes[model.itemOf(node)].freeTb);
    QCOMPARE(cluster.data(NetworkTreeModel::FreeTbRole).toLongLong(), nodes[model.itemOf(cluster)].freeTb);

    // Adjacent changed siblings share one signal.
    changed.clear();
    int touched = 0;
    for (ScopeNode &n : nodes)
        if (n.parentId == QLatin1String("FRA-1") && n.kind == ScopeKind::Node) {
            n.reliabilityPpm -= 1;
            ++touched;
        }
    QVERIFY(touched >= 2);
    model.setNodes(nodes);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row() - changed.at(0).at(0).value<QModelIndex>().row() + 1, touched);
}

void TestNetworkTreeModel::proxyFiltersByNameKeepingAncestors()
{
    NetworkTreeModel model;
    model.setNodes(tree());
    NetworkFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.setFilterText(QStringLiteral("ams-1-n02"));
    QCOMPARE(proxy.rowCount(), 1); // only EUW
    const QModelIndex euw = proxy.index(0, 0);
    QCOMPARE(euw.data(NetworkTreeModel::IdRole).toString(), QStringLiteral("EUW"));
    QCOMPARE(proxy.rowCount(euw), 1); // Amsterdam
    const QModelIndex ams = proxy.index(0, 0, proxy.index(0, 0, euw));
    QCOMPARE(ams.data(NetworkTreeModel::IdRole).toString(), QStringLiteral("AMS-1"));
    QCOMPARE(proxy.rowCount(ams), 1);
    proxy.setFilterText(QStringLiteral("no such place"));
    QCOMPARE(proxy.rowCount(), 0);
}

void TestNetworkTreeModel::proxySortsPricesExactlyWithUnlistedLast()
{
    NetworkTreeModel model;
    model.setNodes(tree());
    NetworkFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(NetworkTreeModel::PriceColumn, Qt::AscendingOrder);
    const QModelIndex fra3 = proxy.mapFromSource(model.indexOfId(QStringLiteral("FRA-3")));
    QStringList ids;
    for (int r = 0; r < proxy.rowCount(fra3); ++r)
        ids << proxy.index(r, 0, fra3).data(NetworkTreeModel::IdRole).toString();
    // N01 2.5 but its commitment ends inside the range → unlisted; N02 2.7; N03 jailed → unlisted.
    QCOMPARE(ids, (QStringList{QStringLiteral("FRA-3-N02"), QStringLiteral("FRA-3-N01"), QStringLiteral("FRA-3-N03")}));
}

void TestNetworkTreeModel::tileModelPassesTheTesterAndRanksPrices()
{
    ClusterTileModel tiles;
    QAbstractItemModelTester tester(&tiles, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tiles.setNodes(tree());
    QCOMPARE(tiles.rowCount(), 5);
    // FRA-2 lists 2.6 (cheapest) and NYC-1 3.4 (dearest) for 2026-12 + 3 months.
    QCOMPARE(tiles.indexOfId(QStringLiteral("FRA-2")).data(ClusterTileModel::PricePositionPpmRole).toLongLong(), 0);
    QCOMPARE(tiles.indexOfId(QStringLiteral("NYC-1")).data(ClusterTileModel::PricePositionPpmRole).toLongLong(), 1'000'000);
    QCOMPARE(tiles.indexOfId(QStringLiteral("FRA-3")).data(ClusterTileModel::PricePositionPpmRole).toLongLong(), 125'000);
    QCOMPARE(tiles.indexOfId(QStringLiteral("FRA-2")).data(ClusterTileModel::ZoneNameRole).toString(), QStringLiteral("Frankfurt"));
    tiles.setNodes({});
    QCOMPARE(tiles.rowCount(), 0);
}

QTEST_MAIN(TestNetworkTreeModel)
#include "tst_networktreemodel.moc"
