// Status words and transaction types as the user reads them: every type of the engine's
// Transaction variant offered by the activity filter, readable labels with a fallback, and the
// German translation (the compiled icn-desk_de.qm from the resources) of every status word.
#include "IcnResources.h"
#include "StatusText.h"
#include "models/ActivityTableModel.h"
#include "models/BookingTableModel.h"
#include "models/NetworkTreeModel.h"
#include "pages/ActivityPage.h"
#include "service/FakeMarketService.h"

#include "Transaction.h"

#include <QComboBox>
#include <QTest>
#include <QTranslator>

#include <variant>

using namespace icn;
using namespace icn::ui;

namespace {

// No log at all: the filter cannot learn types from it.
class EmptyLogService : public FakeMarketService
{
public:
    quint64 activityCount() const override { return 0; }
    QList<ActivityRow> activity(quint64, int) const override { return {}; }
};

} // namespace

class TestStatusText : public QObject
{
    Q_OBJECT

private slots:
    void knowsEveryAlternativeOfTheTransactionVariant();
    void labelsTypesReadablyWithAFallback();
    void activityFilterOffersEveryTypeBeforeTheLogHasOne();
    void germanTranslatesEveryStatusWord_data();
    void germanTranslatesEveryStatusWord();
    void germanReachesTheModels();
};

void TestStatusText::knowsEveryAlternativeOfTheTransactionVariant()
{
    const QStringList types = StatusText::knownTransactionTypes();
    QCOMPARE(types.size(), qsizetype(std::variant_size_v<Transaction>));
    for (const char *name : {"faucet", "transfer", "book", "close_month"})
        QVERIFY2(types.contains(QString::fromLatin1(name)), name);
    // One name per alternative, none empty.
    QStringList unique = types;
    unique.removeDuplicates();
    QCOMPARE(unique.size(), types.size());
    for (const QString &t : types)
        QVERIFY(!t.isEmpty());
}

void TestStatusText::labelsTypesReadablyWithAFallback()
{
    QCOMPARE(StatusText::transactionType(QStringLiteral("faucet")), QStringLiteral("Faucet"));
    QCOMPARE(StatusText::transactionType(QStringLiteral("transfer")), QStringLiteral("Transfer"));
    QCOMPARE(StatusText::transactionType(QStringLiteral("book")), QStringLiteral("Booking"));
    QCOMPARE(StatusText::transactionType(QStringLiteral("close_month")), QStringLiteral("Month close"));
    QCOMPARE(StatusText::transactionType(QStringLiteral("close-month")), QStringLiteral("Month close"));
    // A type newer than the labels: its name as words, never empty or raw underscores.
    QCOMPARE(StatusText::transactionType(QStringLiteral("register_node")), QStringLiteral("Register node"));
    QCOMPARE(StatusText::transactionType(QStringLiteral("future-kind")), QStringLiteral("Future kind"));
    // The §6–8 types have labels of their own.
    QCOMPARE(StatusText::transactionType(QStringLiteral("sla_batch")), QStringLiteral("SLA reports (batch)"));
    QCOMPARE(StatusText::transactionType(QStringLiteral("hn_set_price")), QStringLiteral("HN price"));
    QCOMPARE(StatusText::transactionType(QStringLiteral("tender_award")), QStringLiteral("Tender award"));
    QVERIFY(StatusText::hasTransactionTypeLabel(QStringLiteral("close_epoch")));
    QCOMPARE(StatusText::transactionType(QString()), QStringLiteral("Unknown"));
    QVERIFY(!StatusText::hasTransactionTypeLabel(QStringLiteral("register_node")));
    for (const QString &t : StatusText::knownTransactionTypes()) {
        const QString label = StatusText::transactionType(t);
        QVERIFY(!label.isEmpty());
        QVERIFY2(!label.contains(QLatin1Char('_')), qPrintable(label));
    }
}

void TestStatusText::activityFilterOffersEveryTypeBeforeTheLogHasOne()
{
    EmptyLogService service;
    ActivityPage page(&service);
    auto *types = page.findChild<QComboBox *>(QStringLiteral("typeCombo"));
    QVERIFY(types);
    const QStringList known = StatusText::knownTransactionTypes();
    QCOMPARE(types->count(), known.size() + 1); // "All types" first
    for (const QString &t : known) {
        const int i = types->findData(t);
        QVERIFY2(i > 0, qPrintable(t));
        QCOMPARE(types->itemText(i), StatusText::transactionType(t));
    }
    QCOMPARE(types->itemText(types->findData(QStringLiteral("close_month"))), QStringLiteral("Month close"));
}

void TestStatusText::germanTranslatesEveryStatusWord_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("german");
    QTest::newRow("HN registered") << "node" << "Registered" << "Registriert";
    QTest::newRow("HN active") << "node" << "Active" << "Aktiv";
    QTest::newRow("HN jailed") << "node" << "Jailed" << "Gesperrt";
    QTest::newRow("HN offboarded") << "node" << "Offboarded" << "Ausgeschieden";
    QTest::newRow("booking pending") << "booking" << "Pending" << "Ausstehend";
    QTest::newRow("booking active") << "booking" << "Active" << "Aktiv";
    QTest::newRow("booking ended") << "booking" << "Ended" << "Beendet";
    QTest::newRow("booking completed") << "booking" << "Completed" << "Beendet";
    QTest::newRow("log applied") << "activity" << "applied" << "Angewendet";
    QTest::newRow("log rejected") << "activity" << "rejected" << "Abgelehnt";
    QTest::newRow("type faucet") << "type" << "faucet" << "Faucet";
    QTest::newRow("type transfer") << "type" << "transfer" << "Überweisung";
    QTest::newRow("type book") << "type" << "book" << "Buchung";
    QTest::newRow("type close_month") << "type" << "close_month" << "Monatsabschluss";
    QTest::newRow("type unknown") << "type" << "" << "Unbekannt";
}

void TestStatusText::germanTranslatesEveryStatusWord()
{
    QFETCH(QString, kind);
    QFETCH(QString, raw);
    QFETCH(QString, german);
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral("icn-desk_de"), translationsResourcePath()));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    QString shown;
    if (kind == QLatin1String("node"))
        shown = StatusText::node(raw);
    else if (kind == QLatin1String("booking"))
        shown = StatusText::booking(raw);
    else if (kind == QLatin1String("activity"))
        shown = StatusText::activity(raw);
    else
        shown = StatusText::transactionType(raw);
    QCoreApplication::removeTranslator(&translator);
    QCOMPARE(shown, german);
}

void TestStatusText::germanReachesTheModels()
{
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral("icn-desk_de"), translationsResourcePath()));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    QCOMPARE(BookingTableModel::statusText(QStringLiteral("Pending")), QStringLiteral("Ausstehend"));
    QCOMPARE(ActivityTableModel::statusText(QStringLiteral("applied")), QStringLiteral("Angewendet"));

    // A jailed HN of the fake network, as the tree shows it; the raw word stays in StatusRole.
    FakeMarketService service;
    NetworkTreeModel model;
    model.setNodes(service.scopeTree({service.currentMonth().plus(1), 3}));
    const QModelIndex node = model.indexOfId(QStringLiteral("FRA-3-N03"), NetworkTreeModel::StatusColumn);
    QVERIFY(node.isValid());
    QCOMPARE(node.data().toString(), QStringLiteral("Gesperrt"));
    QCOMPARE(node.data(NetworkTreeModel::StatusRole).toString(), QStringLiteral("Jailed"));
    QCoreApplication::removeTranslator(&translator);
    QCOMPARE(node.data().toString(), QStringLiteral("Jailed"));
}

QTEST_MAIN(TestStatusText)
#include "tst_statustext.moc"
