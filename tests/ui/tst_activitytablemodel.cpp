#include "models/ActivityTableModel.h"
#include "service/FakeMarketService.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <atomic>

using namespace icn;
using namespace icn::ui;

namespace {

// A log generated on demand: entry `seq` is a pure function of seq, so a million entries cost nothing.
class LogService : public FakeMarketService
{
public:
    quint64 count = 0;
    quint64 firstSeq = 1;
    quint64 servedUpTo = ~quint64(0); // entries past this seq are missing (a broken service)
    mutable int reads = 0;

    static QString signerA() { return FakeMarketService::demoSp().toChecksummed(); }
    static QString signerB() { return FakeMarketService::demoHp().toChecksummed(); }

    static ActivityRow entry(quint64 seq)
    {
        static const QStringList types = {"book", "transfer", "faucet", "close-month"};
        ActivityRow a;
        a.seq = seq;
        a.type = types.at(qsizetype(seq % 4));
        a.signer = a.type == QLatin1String("book") ? signerA() : a.type == QLatin1String("transfer") ? signerB() : QString();
        a.isSigned = !a.signer.isEmpty();
        a.month = Month::fromYearMonth(2026, 11).plus(qint32(seq / 100));
        a.epoch = qint64(seq / 10);
        a.status = QStringLiteral("applied");
        a.stateHash = QStringLiteral("0x%1").arg(seq, 64, 16, QLatin1Char('0'));
        a.summary = QStringLiteral("entry %1").arg(seq);
        a.details = QStringLiteral("{\"seq\":%1,\"type\":\"%2\"}").arg(seq).arg(a.type);
        return a;
    }

    quint64 activityCount() const override { return count; }
    QList<ActivityRow> activity(quint64 first, int n) const override
    {
        ++reads;
        QList<ActivityRow> out;
        for (quint64 seq = std::max(first, firstSeq); seq < firstSeq + count && seq <= servedUpTo && out.size() < n; ++seq)
            out.append(entry(seq));
        return out;
    }
    void append(quint64 n)
    {
        count += n;
        emit activityAppended(firstSeq + count - 1);
    }

    // As the local mirror does: the filter answered by the service (in SQL there), on a worker.
    bool answersFilters = false;
    mutable std::atomic_int filterQueries{0};
    bool isThreadSafe() const override { return answersFilters; }
    std::optional<QList<quint64>> activityMatching(const QString &type, const QString &signerPart) const override
    {
        if (!answersFilters)
            return std::nullopt;
        ++filterQueries;
        QList<quint64> seqs;
        for (quint64 seq = firstSeq; seq < firstSeq + count; ++seq) {
            const ActivityRow a = entry(seq);
            if ((type.isEmpty() || a.type == type) && (signerPart.isEmpty() || a.signer.contains(signerPart, Qt::CaseInsensitive)))
                seqs.append(seq);
        }
        return seqs;
    }
};

QList<quint64> seqsShown(const ActivityTableModel &model)
{
    QList<quint64> seqs;
    for (int r = 0; r < model.rowCount(); ++r)
        seqs << model.index(r, 0).data(ActivityTableModel::SeqRole).toULongLong();
    return seqs;
}

} // namespace

class TestActivityTableModel : public QObject
{
    Q_OBJECT

private slots:
    void passesModelTester();
    void emptyLogHasNoRows();
    void showsEntriesAndRawValues();
    void readsOnlyThePagesShown();
    void newestFirstReversesAndKeepsSelection();
    void sortsOnlyBySeq();
    void filtersByTypeAndSigner_data();
    void filtersByTypeAndSigner();
    void filterScansBetweenEvents();
    void appendedEntriesAppear();
    void appendedEntriesMatchingTheFilterAppearOnTop();
    void missingEntriesShowNothing();
    void findsTheRowOfASeq();
    void startsWhereTheLogStarts();
};

void TestActivityTableModel::passesModelTester()
{
    LogService service;
    service.count = 1000;
    ActivityTableModel model(&service);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 1000);
    model.setNewestFirst(true);
    model.setFilter(QStringLiteral("transfer"), QString());
    QTRY_VERIFY(!model.isScanning());
    QCOMPARE(model.rowCount(), 250);
    service.append(4);
    QTRY_COMPARE(model.rowCount(), 251);
    model.setFilter(QString(), QString());
    QCOMPARE(model.rowCount(), 1004);
    model.reload();
}

void TestActivityTableModel::emptyLogHasNoRows()
{
    LogService service;
    ActivityTableModel model(&service);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.totalCount(), quint64(0));
    QVERIFY(!model.entryAt(0));
    QVERIFY(!model.data(model.index(0, 0)).isValid());
    service.append(3);
    QTRY_COMPARE(model.rowCount(), 3);
    QCOMPARE(seqsShown(model), (QList<quint64>{1, 2, 3}));

    ActivityTableModel orphan(nullptr);
    QCOMPARE(orphan.rowCount(), 0);
}

void TestActivityTableModel::showsEntriesAndRawValues()
{
    LogService service;
    service.count = 300;
    ActivityTableModel model(&service);
    const auto cell = [&model](int row, int column, int role = Qt::DisplayRole) { return model.index(row, column).data(role); };
    using M = ActivityTableModel;

    // Row 0 is seq 1 (a transfer signed by B); row 1 is seq 2 (an unsigned faucet).
    QCOMPARE(cell(0, M::SeqColumn).toString(), QStringLiteral("1"));
    QCOMPARE(cell(0, M::TypeColumn).toString(), QStringLiteral("Transfer")); // readable; TypeRole is raw
    QCOMPARE(cell(0, 0, M::TypeRole).toString(), QStringLiteral("transfer"));
    QCOMPARE(cell(0, M::SignerColumn).toString(), LogService::signerB());
    QCOMPARE(cell(1, M::SignerColumn).toString(), QStringLiteral("(local)"));
    QCOMPARE(cell(1, 0, M::IsSignedRole).toBool(), false);
    QCOMPARE(cell(0, 0, M::IsSignedRole).toBool(), true);
    QCOMPARE(cell(150, M::TimeColumn).toString(), QStringLiteral("2026-12 · epoch 15")); // seq 151
    QCOMPARE(cell(0, M::StatusColumn).toString(), QStringLiteral("Applied"));
    const QString hash = LogService::entry(1).stateHash;
    QCOMPARE(hash.size(), 66);
    QCOMPARE(cell(0, M::StateHashColumn).toString(), QStringLiteral("0x00000000…0001"));
    QCOMPARE(cell(0, M::StateHashColumn, Qt::ToolTipRole).toString(), hash);
    QCOMPARE(cell(0, M::SummaryColumn).toString(), QStringLiteral("entry 1"));

    QCOMPARE(cell(0, 3, M::SeqRole).toULongLong(), quint64(1));
    QCOMPARE(cell(0, 0, M::SeqRole).metaType(), QMetaType::fromType<quint64>());
    QCOMPARE(cell(150, 0, M::MonthRole).toInt(), Month::fromYearMonth(2026, 12).index());
    QCOMPARE(cell(150, 0, M::EpochRole).toLongLong(), 15);
    QCOMPARE(cell(0, 0, M::StateHashRole).toString(), hash);
    QCOMPARE(cell(0, 0, M::StatusRole).toString(), QStringLiteral("applied"));
    QCOMPARE(cell(0, 0, M::DetailsRole).toString(), QStringLiteral("{\"seq\":1,\"type\":\"transfer\"}"));
    QCOMPARE(cell(0, 0, M::SignerRole).toString(), LogService::signerB());

    QVERIFY(cell(0, M::SeqColumn, Qt::TextAlignmentRole).value<Qt::Alignment>() & Qt::AlignRight);
    QVERIFY(cell(0, M::TypeColumn, Qt::TextAlignmentRole).value<Qt::Alignment>() & Qt::AlignLeft);
    QVERIFY(!model.index(300, 0).isValid());
}

void TestActivityTableModel::readsOnlyThePagesShown()
{
    LogService service;
    service.count = 1'000'000;
    ActivityTableModel model(&service);
    QCOMPARE(model.rowCount(), 1'000'000);
    QVERIFY(service.reads <= 1); // where the log starts, nothing more

    const int before = service.reads;
    QCOMPARE(model.index(0, 0).data(ActivityTableModel::SeqRole).toULongLong(), quint64(1));
    QCOMPARE(model.index(255, 0).data(ActivityTableModel::SeqRole).toULongLong(), quint64(256));
    QCOMPARE(service.reads, before + 1); // one page holds both
    QCOMPARE(model.index(999'999, 0).data(ActivityTableModel::SeqRole).toULongLong(), quint64(1'000'000));
    QCOMPARE(service.reads, before + 2);
    model.index(10, 1).data();
    QCOMPARE(service.reads, before + 2); // cached

    // The cache is bounded: after reading many other pages, the first is read again.
    for (int page = 1; page <= ActivityTableModel::kCachedPages + 1; ++page)
        model.index(page * ActivityTableModel::kPageSize, 0).data();
    const int reads = service.reads;
    model.index(0, 0).data();
    QCOMPARE(service.reads, reads + 1);
}

void TestActivityTableModel::newestFirstReversesAndKeepsSelection()
{
    LogService service;
    service.count = 10;
    ActivityTableModel model(&service);
    const QPersistentModelIndex third = model.index(2, 4);
    model.setNewestFirst(true);
    QCOMPARE(seqsShown(model), (QList<quint64>{10, 9, 8, 7, 6, 5, 4, 3, 2, 1}));
    QCOMPARE(third.row(), 7);
    QCOMPARE(third.column(), 4);
    QCOMPARE(third.data(ActivityTableModel::SeqRole).toULongLong(), quint64(3));
    model.setNewestFirst(false);
    QCOMPARE(third.row(), 2);
}

void TestActivityTableModel::sortsOnlyBySeq()
{
    LogService service;
    service.count = 5;
    ActivityTableModel model(&service);
    model.sort(ActivityTableModel::SeqColumn, Qt::DescendingOrder);
    QVERIFY(model.newestFirst());
    model.sort(ActivityTableModel::TypeColumn, Qt::AscendingOrder); // refused: order unchanged
    QCOMPARE(seqsShown(model), (QList<quint64>{5, 4, 3, 2, 1}));
    model.sort(ActivityTableModel::SeqColumn, Qt::AscendingOrder);
    QCOMPARE(seqsShown(model), (QList<quint64>{1, 2, 3, 4, 5}));
}

void TestActivityTableModel::filtersByTypeAndSigner_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("signer");
    QTest::addColumn<bool>("newestFirst");
    QTest::addColumn<QList<quint64>>("expected");

    const QString b = LogService::signerB();
    QTest::newRow("one type, oldest first") << "book" << "" << false << QList<quint64>{4, 8, 12, 16, 20};
    QTest::newRow("one type, newest first") << "book" << "" << true << QList<quint64>{20, 16, 12, 8, 4};
    QTest::newRow("part of a signer, in any case") << "" << b.mid(2, 8).toLower() << false
                                                   << QList<quint64>{1, 5, 9, 13, 17};
    QTest::newRow("type and signer together") << "transfer" << b << false << QList<quint64>{1, 5, 9, 13, 17};
    QTest::newRow("a type the signer never used") << "book" << b << false << QList<quint64>{};
    QTest::newRow("an unknown type matches nothing") << "award" << "" << false << QList<quint64>{};
    QTest::newRow("a type is matched exactly, not as a part") << "boo" << "" << false << QList<quint64>{};
}

void TestActivityTableModel::filtersByTypeAndSigner()
{
    QFETCH(QString, type);
    QFETCH(QString, signer);
    QFETCH(bool, newestFirst);
    QFETCH(QList<quint64>, expected);

    // Scanned by the model in slices, and answered by the service on a worker: the same rows.
    for (const bool byService : {false, true}) {
        LogService service;
        service.count = 20;
        service.answersFilters = byService;
        ActivityTableModel model(&service);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setNewestFirst(newestFirst);
        QSignalSpy finished(&model, &ActivityTableModel::scanFinished);
        const int readsBefore = service.reads;
        model.setFilter(type, signer);
        QVERIFY(model.isFiltered());
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY(!model.isScanning());
        QCOMPARE(seqsShown(model), expected);
        QCOMPARE(model.totalCount(), quint64(20));
        if (byService) {
            QCOMPARE(service.filterQueries.load(), 1);
            QVERIFY(service.reads - readsBefore <= 1); // no row scan, at most the page painted
        }
        model.setFilter(QString(), QString());
        QCOMPARE(model.rowCount(), 20);
    }
}

void TestActivityTableModel::filterScansBetweenEvents()
{
    LogService service;
    service.count = 200'000;
    ActivityTableModel model(&service);
    QSignalSpy progress(&model, &ActivityTableModel::scanProgress);
    model.setFilter(QStringLiteral("book"), QString());
    // Nothing was read synchronously: the scan starts from the event loop.
    QVERIFY(model.isScanning());
    QCOMPARE(model.rowCount(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!model.isScanning(), 60'000);
    QCOMPARE(model.rowCount(), 50'000);
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.constLast().at(0).toULongLong(), quint64(200'000));
    QCOMPARE(model.index(49'999, 0).data(ActivityTableModel::SeqRole).toULongLong(), quint64(200'000));
}

void TestActivityTableModel::appendedEntriesAppear()
{
    LogService service;
    service.count = 300; // the last page is partly filled and must be read again
    ActivityTableModel model(&service);
    QCOMPARE(model.index(299, 0).data(ActivityTableModel::SeqRole).toULongLong(), quint64(300));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    service.append(2);
    QTRY_COMPARE(model.rowCount(), 302);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 300);
    QCOMPARE(model.index(301, 0).data(ActivityTableModel::SeqRole).toULongLong(), quint64(302));

    model.setNewestFirst(true);
    inserted.clear();
    service.append(1);
    service.append(1); // one burst
    QTRY_COMPARE(model.rowCount(), 304);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 1);
    QCOMPARE(model.index(0, 0).data(ActivityTableModel::SeqRole).toULongLong(), quint64(304));
}

void TestActivityTableModel::appendedEntriesMatchingTheFilterAppearOnTop()
{
    LogService service;
    service.count = 8;
    ActivityTableModel model(&service);
    model.setNewestFirst(true);
    model.setFilter(QStringLiteral("book"), QString());
    QTRY_VERIFY(!model.isScanning());
    QCOMPARE(seqsShown(model), (QList<quint64>{8, 4}));
    service.append(8); // seqs 9..16: books at 12 and 16
    QTRY_COMPARE(model.rowCount(), 4);
    QCOMPARE(seqsShown(model), (QList<quint64>{16, 12, 8, 4}));

    model.setNewestFirst(false);
    QTRY_VERIFY(!model.isScanning());
    service.append(4); // 20
    QTRY_COMPARE(model.rowCount(), 5);
    QCOMPARE(seqsShown(model), (QList<quint64>{4, 8, 12, 16, 20}));
}

void TestActivityTableModel::missingEntriesShowNothing()
{
    LogService service;
    service.count = 10;
    service.servedUpTo = 5; // the service claims ten entries but returns five
    ActivityTableModel model(&service);
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.index(4, 0).data().toString(), QStringLiteral("5"));
    QVERIFY(!model.index(5, 0).data().isValid());
    QVERIFY(!model.index(9, 0).data(ActivityTableModel::SeqRole).isValid());
    QVERIFY(!model.entryAt(7));
    QVERIFY(model.entryAt(0));
    QVERIFY(!model.entryAt(-1));
    QVERIFY(!model.entryAt(10));
}

void TestActivityTableModel::findsTheRowOfASeq()
{
    LogService service;
    service.count = 10;
    ActivityTableModel model(&service);
    QCOMPARE(model.rowOfSeq(1), 0);
    QCOMPARE(model.rowOfSeq(10), 9);
    QCOMPARE(model.rowOfSeq(0), -1);
    QCOMPARE(model.rowOfSeq(11), -1);
    model.setNewestFirst(true);
    QCOMPARE(model.rowOfSeq(10), 0);
    model.setFilter(QStringLiteral("book"), QString());
    QCOMPARE(model.rowOfSeq(4), -1);
}

void TestActivityTableModel::startsWhereTheLogStarts()
{
    LogService service;
    service.firstSeq = 0; // a 0-based log
    service.count = 3;
    ActivityTableModel model(&service);
    QCOMPARE(seqsShown(model), (QList<quint64>{0, 1, 2}));
    QCOMPARE(model.rowOfSeq(0), 0);
}

QTEST_MAIN(TestActivityTableModel)
#include "tst_activitytablemodel.moc"
