// The first run's "open the demo network": the same mirror as `icnctl init --demo` (the demo
// network a year back, simulated up to the demo month), created off the GUI thread with progress.
#include "../common/CliRunner.h"

#include "service/LocalMarketService.h"

#include "DemoHistory.h"
#include "DemoNetwork.h"
#include "Market.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

using namespace icn;
using namespace icn::ui;

class TestDemoHistory : public QObject
{
    Q_OBJECT

private slots:
    void theDesktopDemoIsTheCliDemo();
    void createsInAWorkerAndHandsTheServiceToTheGuiThread();
    void aFailedCreationLeavesNoMirror();
};

void TestDemoHistory::theDesktopDemoIsTheCliDemo()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString desk = dir.filePath(QStringLiteral("desk"));
    const QString cli = dir.filePath(QStringLiteral("cli"));
    QList<int> percents;
    quint64 deskTransactions = 0;
    {
        auto created = LocalMarketService::createDemo(desk, [&percents](int p) { percents << p; });
        QVERIFY2(created, created ? "" : qPrintable(created.error().toString()));
        LocalMarketService &service = **created;
        QCOMPARE(service.currentMonth(), DemoNetwork::kCurrentMonth);
        QCOMPARE(service.networkName(), DemoNetwork::snapshot().name);
        deskTransactions = service.activityCount();
        QVERIFY(deskTransactions > 1000); // a year of bookings, epochs, reports
        // The demo SP's account is the user's: the history never spends from it.
        const Address demoSp = *Address::parse(DemoNetwork::demoSpAddress());
        QVERIFY(service.bookings(demoSp).isEmpty());
    }
    QVERIFY(!percents.isEmpty());
    QVERIFY(std::is_sorted(percents.cbegin(), percents.cend()));
    QCOMPARE(percents.constLast(), 100);

    const test::CliRun run = test::runIcnctl(test::icnctlProgram(), {QStringLiteral("init"), QStringLiteral("--demo"),
                                                                     QStringLiteral("--data-dir"), cli, QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(json.value(QStringLiteral("transactions")).toString().toULongLong(), deskTransactions);

    // Byte for byte the same market: the running state hash of both logs.
    auto deskMarket = Market::open(desk);
    auto cliMarket = Market::open(cli);
    QVERIFY(deskMarket && cliMarket);
    QCOMPARE(deskMarket->engine().appliedCount(), cliMarket->engine().appliedCount());
    QCOMPARE(deskMarket->engine().stateHash().toHex(), cliMarket->engine().stateHash().toHex());
    QCOMPARE(deskMarket->engine().genesisHash(), cliMarket->engine().genesisHash());
}

void TestDemoHistory::createsInAWorkerAndHandsTheServiceToTheGuiThread()
{
    QTemporaryDir dir;
    QThread *gui = QThread::currentThread();
    auto future = QtConcurrent::run([path = dir.filePath(QStringLiteral("d")), gui] {
        QThread *ran = QThread::currentThread();
        auto created = LocalMarketService::createDemo(path, {}, gui);
        return std::make_pair(ran, created ? (*created)->thread() : nullptr);
    });
    // The GUI thread is free meanwhile.
    while (!future.isFinished())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    const auto [ran, owner] = future.result();
    QVERIFY(ran != gui);
    QCOMPARE(owner, gui);
    QVERIFY(LocalMarketService::hasMirror(dir.filePath(QStringLiteral("d"))));
}

void TestDemoHistory::aFailedCreationLeavesNoMirror()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("taken"));
    // A mirror is there already: the store refuses a second genesis, and the existing one stays.
    {
        auto first = Market::create(path, DemoNetwork::snapshot());
        QVERIFY(first);
    }
    const QByteArray before = [&] {
        QFile f(Market::databasePath(path));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    auto second = LocalMarketService::createDemo(path);
    QVERIFY(!second);
    QCOMPARE(second.error().code, QStringLiteral("store.already_initialized"));
    QFile after(Market::databasePath(path));
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), before);
    // Where nothing existed, a refused creation leaves no database behind.
    const QString file = dir.filePath(QStringLiteral("not-a-folder"));
    QFile blocker(file);
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    auto blocked = LocalMarketService::createDemo(file + QStringLiteral("/sub"));
    QVERIFY(!blocked);
    QVERIFY(!LocalMarketService::hasMirror(file + QStringLiteral("/sub")));
}

QTEST_MAIN(TestDemoHistory)
#include "tst_demohistory.moc"
