#include "AppServices.h"
#include "MainWindow.h"
#include "PageRegistry.h"
#include "dialogs/MessageBox.h"
#include "service/LocalMarketService.h"

#include "DemoNetwork.h"
#include "Market.h"
#include "SnapshotJson.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace icn;
using namespace icn::ui;

namespace {

void writeText(const QString &path, const QByteArray &text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
}

// The demo network with the first HN's status replaced by one nobody knows; `line` gets its line.
QByteArray badStatusSnapshot(int *line)
{
    QByteArray text = SnapshotJson::toJson(DemoNetwork::snapshot());
    const QByteArray good = "\"status\":\"active\"";
    const qsizetype at = text.indexOf(good);
    *line = int(text.left(at).count('\n')) + 1;
    text.replace(at, good.size(), "\"status\":\"sleeping\"");
    return text;
}

} // namespace

class TestImportSnapshot : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void anImportStartsANewNetworkAndKeepsTheOldOneAsABackup();
    void theUserIsAskedFirstAndCancelChangesNothing();
    void aRefusedFileLeavesTheNetworkUntouched_data();
    void aRefusedFileLeavesTheNetworkUntouched();
    void theWindowShowsTheTypedErrorWithItsLine();

private:
    QStringList leftovers() const; // backups and scratch folders in the data folder

    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_dataDir;
    std::unique_ptr<LocalMarketService> m_market;
    std::unique_ptr<MainWindow> m_window;
    PageRegistry m_registry;
    QString m_goodPath;
};

void TestImportSnapshot::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    m_dataDir = m_tmp->filePath(QStringLiteral("data"));
    auto opened = LocalMarketService::openOrCreate(m_dataDir, DemoNetwork::snapshot());
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().toString()));
    m_market = std::move(opened).value();
    QVERIFY(m_market->faucet(*Address::parse(DemoNetwork::demoSpAddress()), Amount::fromIcnt(5)));
    QCOMPARE(m_market->activityCount(), quint64(1));

    NetworkSnapshot other = DemoNetwork::snapshot();
    other.name = QStringLiteral("Imported network");
    m_goodPath = m_tmp->filePath(QStringLiteral("imported.json"));
    QVERIFY(SnapshotJson::writeFile(m_goodPath, other));

    AppServices services;
    services.market = m_market.get();
    m_window = std::make_unique<MainWindow>(services, m_registry, nullptr);
    m_window->show();
}

void TestImportSnapshot::cleanup()
{
    MessageBox::setNextAnswer(QMessageBox::NoButton);
    m_window.reset();
    m_market.reset();
    m_tmp.reset();
}

QStringList TestImportSnapshot::leftovers() const
{
    return QDir(m_dataDir).entryList({QStringLiteral("*.backup-*"), QStringLiteral(".import-*")},
                                     QDir::Files | QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot);
}

void TestImportSnapshot::anImportStartsANewNetworkAndKeepsTheOldOneAsABackup()
{
    m_window->setFileChooser([this](QWidget *) { return m_goodPath; });
    QSignalSpy finished(m_window.get(), &MainWindow::importFinished);
    QSignalSpy changed(m_market.get(), &MarketService::stateChanged);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    m_window->importSnapshot();
    QVERIFY(MessageBox::lastText().contains(QStringLiteral("backup")));
    QVERIFY(m_window->busyIndicator()->isVisibleTo(m_window.get())); // shown until the worker reports
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QVERIFY(!m_window->busyIndicator()->isVisibleTo(m_window.get()));
    QVERIFY(changed.count() >= 1);

    QCOMPARE(m_market->networkName(), QStringLiteral("Imported network"));
    QCOMPARE(m_market->activityCount(), quint64(0));
    QVERIFY(m_window->networkLabel()->text().contains(QStringLiteral("Imported network")));

    // The old network is kept, whole, as a backup file next to the database.
    const QString backup = m_market->lastBackupPath();
    QVERIFY(backup.startsWith(Market::databasePath(m_dataDir) + QStringLiteral(".backup-")));
    QVERIFY(QFile::exists(backup));
    QCOMPARE(QDir(m_dataDir).entryList({QStringLiteral(".import-*")}, QDir::Dirs | QDir::Hidden).size(), 0);
    QTemporaryDir restore;
    QVERIFY(QFile::copy(backup, Market::databasePath(restore.path())));
    {
        const Result<Market> old = Market::open(restore.path());
        QVERIFY2(old, old ? "" : qPrintable(old.error().toString()));
        QCOMPARE(old->engine().genesis().name, DemoNetwork::snapshot().name);
        QCOMPARE(old->engine().appliedCount(), quint64(1));
    }

    // The new network works and is the one on disk.
    QVERIFY(m_market->faucet(*Address::parse(DemoNetwork::demoSpAddress()), Amount::fromIcnt(1)));
    m_window.reset();
    m_market.reset();
    auto reopened = LocalMarketService::openOrCreate(m_dataDir, DemoNetwork::snapshot());
    QVERIFY(reopened);
    QCOMPARE(reopened.value()->networkName(), QStringLiteral("Imported network"));
    QCOMPARE(reopened.value()->activityCount(), quint64(1));
}

void TestImportSnapshot::theUserIsAskedFirstAndCancelChangesNothing()
{
    m_window->setFileChooser([this](QWidget *) { return m_goodPath; });
    QSignalSpy finished(m_window.get(), &MainWindow::importFinished);
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    m_window->importSnapshot();
    QVERIFY(MessageBox::lastText().contains(QStringLiteral("imported.json")));
    QVERIFY(!m_window->isImporting());
    QTest::qWait(50);
    QCOMPARE(finished.count(), 0);
    QCOMPARE(m_market->networkName(), DemoNetwork::snapshot().name);
    QCOMPARE(m_market->activityCount(), quint64(1));
    QVERIFY(leftovers().isEmpty());

    // No file chosen: not even the question.
    m_window->setFileChooser([](QWidget *) { return QString(); });
    MessageBox::setNextAnswer(QMessageBox::Yes);
    m_window->importSnapshot();
    QVERIFY(!m_window->isImporting());
    QCOMPARE(m_market->networkName(), DemoNetwork::snapshot().name);
}

void TestImportSnapshot::aRefusedFileLeavesTheNetworkUntouched_data()
{
    QTest::addColumn<QByteArray>("content"); // empty: the file does not exist
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("line"); // 0: no line

    int line = 0;
    const QByteArray badStatus = badStatusSnapshot(&line);
    QTest::newRow("an HN with an unknown status is refused at its line") << badStatus << "snapshot.bad_status" << line;
    QTest::newRow("text that is not JSON is refused at line 1") << QByteArray("{ not json") << "snapshot.malformed_json" << 1;
    QByteArray extra = SnapshotJson::toJson(DemoNetwork::snapshot());
    extra.replace("\"format\"", "\"colour\":\"red\",\"format\"");
    const int extraLine = int(extra.left(extra.indexOf("\"colour\"")).count('\n')) + 1;
    QTest::newRow("a field the format does not know is refused at its line")
        << extra << "snapshot.unknown_field" << extraLine;
    QTest::newRow("a file that does not exist is refused") << QByteArray() << "snapshot.unreadable" << 0;
}

void TestImportSnapshot::aRefusedFileLeavesTheNetworkUntouched()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, code);
    QFETCH(int, line);
    const QString path = m_tmp->filePath(QStringLiteral("refused.json"));
    if (!content.isEmpty())
        writeText(path, content);
    const QByteArray before = [this] {
        QFile db(Market::databasePath(m_dataDir));
        return db.open(QIODevice::ReadOnly) ? db.readAll() : QByteArray();
    }();

    const Result<void> r = m_market->importSnapshot(path);
    QVERIFY(!r);
    QCOMPARE(r.error().code, code);
    if (line > 0) {
        QCOMPARE(r.error().details.value(QStringLiteral("line")).toInt(), line);
        QVERIFY2(r.error().message.startsWith(QStringLiteral("line %1:").arg(line)), qPrintable(r.error().message));
    }
    QCOMPARE(m_market->networkName(), DemoNetwork::snapshot().name);
    QCOMPARE(m_market->activityCount(), quint64(1));
    QVERIFY(m_market->lastBackupPath().isEmpty());
    QVERIFY2(leftovers().isEmpty(), qPrintable(leftovers().join(QLatin1Char(','))));
    QVERIFY(m_market->faucet(*Address::parse(DemoNetwork::demoSpAddress()), Amount::fromIcnt(1))); // still works
    QCOMPARE(m_market->activityCount(), quint64(2));
    QVERIFY(!before.isEmpty());
}

void TestImportSnapshot::theWindowShowsTheTypedErrorWithItsLine()
{
    int line = 0;
    const QString path = m_tmp->filePath(QStringLiteral("bad.json"));
    writeText(path, badStatusSnapshot(&line));
    m_window->setFileChooser([path](QWidget *) { return path; });
    QSignalSpy finished(m_window.get(), &MainWindow::importFinished);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    m_window->importSnapshot();
    MessageBox::setNextAnswer(QMessageBox::Ok); // answers the error box
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    const QString shown = MessageBox::lastText();
    QVERIFY2(shown.contains(QStringLiteral("line %1").arg(line)), qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("snapshot.bad_status")), qPrintable(shown));
    QVERIFY(shown.contains(DemoNetwork::snapshot().name)); // "… was not changed"
    QCOMPARE(m_market->networkName(), DemoNetwork::snapshot().name);
    QCOMPARE(m_market->activityCount(), quint64(1));
    QVERIFY(!m_window->busyIndicator()->isVisibleTo(m_window.get()));
    QVERIFY(leftovers().isEmpty());
}

QTEST_MAIN(TestImportSnapshot)
#include "tst_importsnapshot.moc"
