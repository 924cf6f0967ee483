// The German catalogue (resources/translations/icn-desk_de.ts) is complete: every message has a
// finished, non-empty translation with the source's placeholders; no tr() string of the scanned
// sources is missing from it (lupdate run on a copy finds nothing new); and the compiled .qm in
// the resources turns a page, a dialog, model headers and plural forms into German.
#include "IcnResources.h"
#include "models/ActivityTableModel.h"
#include "models/BookingTableModel.h"
#include "dialogs/TransactionDetailsDialog.h"
#include "pages/ActivityPage.h"
#include "service/FakeMarketService.h"
#include "wizards/PasswordStrengthMeter.h"

#include <QComboBox>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace icn;
using namespace icn::ui;

namespace {

// The folders whose tr() strings users read (the widgets and the application's command line).
const QStringList kScannedFolders = {QStringLiteral("ui"), QStringLiteral("app")};

struct TsMessage
{
    QString context;
    QString source;
    QString type;          // "", "unfinished", "vanished", "obsolete"
    bool numerus = false;
    QStringList forms;     // the translation, or each numerus form
};

struct TsFile
{
    QString language;
    QList<TsMessage> messages;
    QString error;
};

TsFile readTs(const QString &path)
{
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ts.error = file.errorString();
        return ts;
    }
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            ts.language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = TsMessage{context, {}, {}, xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes"), {}};
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            if (message.numerus) {
                while (xml.readNextStartElement()) {
                    if (xml.name() == QLatin1String("numerusform"))
                        message.forms << xml.readElementText();
                    else
                        xml.skipCurrentElement();
                }
            } else {
                message.forms << xml.readElementText();
            }
            ts.messages << message;
        }
    }
    if (xml.hasError())
        ts.error = xml.errorString();
    return ts;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%L?[0-9]+|%n"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured();
    found.removeDuplicates();
    found.sort();
    return found;
}

QString where(const TsMessage &m)
{
    return m.context + QLatin1String(": \"") + m.source + QLatin1Char('"');
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void shippedCatalogueHasAFinishedTranslationForEveryMessage();
    void noSourceStringIsMissingFromTheCatalogue();
    void germanReachesPagesDialogsAndModels();
    void germanPluralsFollowTheCount();
};

void TestTranslations::shippedCatalogueHasAFinishedTranslationForEveryMessage()
{
    const TsFile ts = readTs(QStringLiteral(ICN_DE_TS));
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QCOMPARE(ts.language, QStringLiteral("de_DE"));
    QVERIFY(ts.messages.size() > 500);
    QStringList problems;
    for (const TsMessage &m : ts.messages) {
        if (m.type == QLatin1String("vanished") || m.type == QLatin1String("obsolete"))
            continue; // not compiled into the .qm
        if (m.type == QLatin1String("unfinished"))
            problems << QLatin1String("unfinished ") + where(m);
        if (m.numerus && m.forms.size() != 2) // German: singular and plural
            problems << QStringLiteral("%1 plural forms for ").arg(m.forms.size()) + where(m);
        for (const QString &form : m.forms) {
            if (form.trimmed().isEmpty())
                problems << QLatin1String("empty translation of ") + where(m);
            else if (placeholders(form) != placeholders(m.source))
                problems << QLatin1String("placeholders differ in ") + where(m) + QLatin1String(" => ") + form;
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestTranslations::noSourceStringIsMissingFromTheCatalogue()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QStringLiteral("icn-desk_de.ts"));
    QVERIFY(QFile::copy(QStringLiteral(ICN_DE_TS), copy));
    QStringList args{QStringLiteral("-silent"), QStringLiteral("-locations"), QStringLiteral("none")};
    for (const QString &folder : kScannedFolders)
        args << QStringLiteral(ICN_SOURCE_DIR "/") + folder;
    args << QStringLiteral("-ts") << copy;
    QProcess lupdate;
    lupdate.start(QStringLiteral(ICN_LUPDATE), args);
    QVERIFY2(lupdate.waitForFinished(60000), qPrintable(lupdate.errorString()));
    QCOMPARE(lupdate.exitStatus(), QProcess::NormalExit);
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());

    const TsFile ts = readTs(copy);
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QStringList missing;
    for (const TsMessage &m : ts.messages) {
        if (m.type == QLatin1String("unfinished"))
            missing << where(m);
    }
    QVERIFY2(missing.isEmpty(),
             qPrintable(QLatin1String("tr() strings without a German translation (run lupdate on ")
                        + kScannedFolders.join(QLatin1String(", ")) + QLatin1String(" and translate them):\n")
                        + missing.join(QLatin1Char('\n'))));
}

void TestTranslations::germanReachesPagesDialogsAndModels()
{
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral("icn-desk_de"), translationsResourcePath()));
    QCOMPARE(translator.language(), QStringLiteral("de_DE"));
    QVERIFY(QCoreApplication::installTranslator(&translator));

    // A page, built as the window builds it.
    FakeMarketService service;
    {
        ActivityPage page(&service);
        auto *types = page.findChild<QComboBox *>(QStringLiteral("typeCombo"));
        QVERIFY(types);
        QCOMPARE(types->itemText(0), QStringLiteral("Alle Typen"));
    }
    // A dialog.
    {
        ActivityRow row;
        row.seq = 42;
        row.status = QStringLiteral("applied");
        TransactionDetailsDialog dialog(row);
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Transaktion 42"));
    }
    // Model headers.
    {
        ActivityTableModel activity(&service);
        QCOMPARE(activity.headerData(ActivityTableModel::StateHashColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Zustands-Hash"));
        QCOMPARE(activity.headerData(ActivityTableModel::SignerColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Unterzeichner"));
        BookingTableModel bookings(&service);
        QCOMPARE(bookings.headerData(BookingTableModel::EscrowLeftColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Rest in Treuhand"));
        QCOMPARE(bookings.headerData(BookingTableModel::WithheldColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Einbehalten"));
    }
    // A wizard widget, and strings of classes that need a wallet to build.
    QCOMPARE(PasswordStrengthMeter::describe(PasswordStrengthMeter::Strong), QStringLiteral("Stark"));
    QCOMPARE(QCoreApplication::translate("icn::ui::WalletPage", "Show recovery &phrase…"),
             QStringLiteral("Wiederherstellungs&phrase anzeigen …"));
    QCOMPARE(QCoreApplication::translate("icn::ui::SendDialog", "&Send"), QStringLiteral("&Senden"));
    QCOMPARE(QCoreApplication::translate("icn::ui::AccountListModel", "Balance"), QStringLiteral("Guthaben"));
    QCOMPARE(QCoreApplication::translate("icn::ui::WalletService", "The wallet is locked: type your password."),
             QStringLiteral("Die Wallet ist gesperrt: Geben Sie Ihr Passwort ein."));

    QCoreApplication::removeTranslator(&translator);
    ActivityTableModel english(&service);
    QCOMPARE(english.headerData(ActivityTableModel::StateHashColumn, Qt::Horizontal).toString(),
             QStringLiteral("State hash"));
}

void TestTranslations::germanPluralsFollowTheCount()
{
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral("icn-desk_de"), translationsResourcePath()));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    const char *context = "icn::ui::BookingsPage";
    QCOMPARE(QCoreApplication::translate(context, "%n booking(s)", nullptr, 1), QStringLiteral("1 Buchung"));
    QCOMPARE(QCoreApplication::translate(context, "%n booking(s)", nullptr, 3), QStringLiteral("3 Buchungen"));
    QCOMPARE(QCoreApplication::translate("icn::ui::ActivityPage", "%n transaction(s)", nullptr, 1),
             QStringLiteral("1 Transaktion"));
    QCOMPARE(QCoreApplication::translate("icn::ui::ActivityPage", "%n transaction(s)", nullptr, 0),
             QStringLiteral("0 Transaktionen"));
    QCoreApplication::removeTranslator(&translator);
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
