#include "service/FakeKeyProvider.h"
#include "service/FakeMarketService.h"
#include "widgets/MonthSpinBox.h"
#include "wizards/BookingExplainPage.h"
#include "wizards/BookingPasswordPage.h"
#include "wizards/BookingRequestPage.h"
#include "wizards/BookingResultPage.h"
#include "wizards/BookingReviewPage.h"
#include "wizards/BookingWizard.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTest>

using namespace icn;
using namespace icn::ui;

namespace {
const QByteArray kPassword = "correct horse battery";
const MonthRange kRange{Month::fromYearMonth(2026, 12), 3};
} // namespace

class TestBookingWizard : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void prefillsTheScopeFromTheSelection();
    void explainsThatAnHnBooksItsCluster();
    void liveQuoteShowsExactNumbers_data();
    void liveQuoteShowsExactNumbers();
    void badChoicesAreExplained_data();
    void badChoicesAreExplained();
    void explainerListsWhyClustersAndNodesAreNotUsed();
    void booksEndToEnd();
    void wrongPasswordStaysOnThePasswordPage();
    void reviewRefusesWhenTheBalanceIsShort();
    void engineRefusalForBalanceIsExplained();
    void priceChangeBetweenQuoteAndSigningOffersARequote();
    void reviewShowsAndSignsTheNonceAndDeadline();

private:
    BookingWizard *makeWizard(const QString &scope = QStringLiteral("FRA-1"), const QString &node = {});
    BookingRequestPage *requestPage() const { return static_cast<BookingRequestPage *>(m_wizard->page(BookingWizard::RequestPageId)); }
    void enterSize(const QString &text);
    void goToPasswordPage();
    void sign(const QByteArray &password);
    // Clicks the wizard's Commit button on a commit page, else its Next button.
    void clickNext();

    std::unique_ptr<FakeMarketService> m_service;
    std::unique_ptr<FakeKeyProvider> m_keys;
    BookingWizard *m_wizard = nullptr;
};

void TestBookingWizard::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_service = std::make_unique<FakeMarketService>();
    m_keys = std::make_unique<FakeKeyProvider>();
    m_keys->add(FakeMarketService::demoSp(), kPassword, FakeMarketService::demoSpKey());
    m_service->setAccountKey(FakeMarketService::demoSp(), FakeMarketService::demoSpKey());
}

void TestBookingWizard::cleanup()
{
    delete m_wizard;
    m_wizard = nullptr;
}

BookingWizard *TestBookingWizard::makeWizard(const QString &scope, const QString &node)
{
    m_wizard = new BookingWizard(m_service.get(), m_keys.get(), FakeMarketService::demoSp(), scope, node, kRange);
    m_wizard->show();
    return m_wizard;
}

void TestBookingWizard::enterSize(const QString &text)
{
    QLineEdit *size = requestPage()->sizeEdit();
    size->clear();
    QTest::keyClicks(size, text);
}

void TestBookingWizard::clickNext()
{
    QAbstractButton *button = m_wizard->button(QWizard::CommitButton);
    if (!button->isVisible())
        button = m_wizard->button(QWizard::NextButton);
    QVERIFY(button->isVisible());
    QVERIFY2(button->isEnabled(), qPrintable(button->text()));
    QTest::mouseClick(button, Qt::LeftButton);
}

void TestBookingWizard::goToPasswordPage()
{
    makeWizard();
    clickNext();
    QCOMPARE(m_wizard->currentId(), int(BookingWizard::RequestPageId));
    enterSize(QStringLiteral("100"));
    QTRY_COMPARE(requestPage()->totalLabel()->text(), QStringLiteral("1,050 ICNT"));
    clickNext();
    QCOMPARE(m_wizard->currentId(), int(BookingWizard::ReviewPageId));
    QCOMPARE(m_wizard->button(QWizard::NextButton)->text(), QStringLiteral("&Sign…"));
    clickNext();
    QCOMPARE(m_wizard->currentId(), int(BookingWizard::PasswordPageId));
}

void TestBookingWizard::sign(const QByteArray &password)
{
    auto *page = static_cast<BookingPasswordPage *>(m_wizard->currentPage());
    QTest::keyClicks(page->passwordEdit(), QString::fromUtf8(password));
    QCOMPARE(m_wizard->button(QWizard::CommitButton)->text(), QStringLiteral("Sign and &book"));
    clickNext();
}

void TestBookingWizard::prefillsTheScopeFromTheSelection()
{
    makeWizard(QStringLiteral("EUW-FRA"));
    QCOMPARE(m_wizard->currentId(), int(BookingWizard::ScopePageId));
    QCOMPARE(m_wizard->field(QStringLiteral("scopeId")).toString(), QStringLiteral("EUW-FRA"));
    clickNext();
    auto *page = requestPage();
    QCOMPARE(page->startSpin()->month(), kRange.first);
    QCOMPARE(page->durationSpin()->value(), 3);
}

void TestBookingWizard::explainsThatAnHnBooksItsCluster()
{
    makeWizard(QStringLiteral("FRA-1"), QStringLiteral("FRA-1-N02"));
    auto *note = m_wizard->currentPage()->findChild<QLabel *>(QStringLiteral("nodeNote"));
    QVERIFY(note);
    QVERIFY(note->isVisible());
    QVERIFY(note->text().contains(QStringLiteral("FRA-1-N02")));
    QVERIFY(note->text().contains(QStringLiteral("cluster FRA-1")));
    QCOMPARE(m_wizard->field(QStringLiteral("scopeId")).toString(), QStringLiteral("FRA-1"));
}

void TestBookingWizard::liveQuoteShowsExactNumbers_data()
{
    QTest::addColumn<QString>("scope");
    QTest::addColumn<QString>("size");
    QTest::addColumn<int>("unit");
    QTest::addColumn<QString>("slices");
    QTest::addColumn<QString>("hpCost");
    QTest::addColumn<QString>("margin");
    QTest::addColumn<QString>("total");

    QTest::newRow("100 TB in FRA-1 fill the cheapest node at 2.8")
        << "FRA-1" << "100" << 0 << "FRA-1-N01: 100 TB × 2.8 ICNT" << "840 ICNT" << "210 ICNT (25.0 %)" << "1,050 ICNT";
    QTest::newRow("0.1 PB is exactly 100 TB")
        << "FRA-1" << "0.1" << 1 << "FRA-1-N01: 100 TB × 2.8 ICNT" << "840 ICNT" << "210 ICNT (25.0 %)" << "1,050 ICNT";
    QTest::newRow("700 TB spill over to the second node")
        << "FRA-1" << "700" << 0 << "FRA-1-N01: 600 TB × 2.8 ICNT\nFRA-1-N02: 100 TB × 2.9 ICNT"
        << "5,910 ICNT" << "1,477.5 ICNT (25.0 %)" << "7,387.5 ICNT";
    QTest::newRow("a zone request takes its cheapest cluster")
        << "EUW-FRA" << "100" << 0 << "FRA-2-N01: 100 TB × 2.6 ICNT" << "780 ICNT" << "195 ICNT (25.0 %)" << "975 ICNT";
    QTest::newRow("the NAE region has a 20 % margin")
        << "NAE" << "10" << 0 << "NYC-1-N02: 10 TB × 3.4 ICNT" << "102 ICNT" << "20.4 ICNT (20.0 %)" << "122.4 ICNT";
}

void TestBookingWizard::liveQuoteShowsExactNumbers()
{
    QFETCH(QString, scope);
    QFETCH(QString, size);
    QFETCH(int, unit);
    QFETCH(QString, slices);
    QFETCH(QString, hpCost);
    QFETCH(QString, margin);
    QFETCH(QString, total);
    makeWizard(scope);
    clickNext();
    requestPage()->unitCombo()->setCurrentIndex(unit);
    enterSize(size);
    QTRY_COMPARE(requestPage()->totalLabel()->text(), total);
    QCOMPARE(requestPage()->findChild<QLabel *>(QStringLiteral("quoteSlices"))->text(), slices);
    QCOMPARE(requestPage()->findChild<QLabel *>(QStringLiteral("quoteHpCost"))->text(), hpCost);
    QCOMPARE(requestPage()->findChild<QLabel *>(QStringLiteral("quoteMargin"))->text(), margin);
    QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
}

void TestBookingWizard::badChoicesAreExplained_data()
{
    QTest::addColumn<QString>("size");
    QTest::addColumn<int>("startOffset"); // months after 2026-11
    QTest::addColumn<int>("duration");
    QTest::addColumn<QString>("explanation");

    QTest::newRow("two months is below the minimum duration") << "100" << 1 << 2 << "A booking lasts 3 to 12 months.";
    QTest::newRow("the current month cannot be booked") << "100" << 0 << 3 << "A booking starts between 2026-12 and 2027-11.";
    QTest::newRow("more than a cluster holds is refused with what is available")
        << "5000" << 1 << 3 << "Only 1,400 TB can be booked in one cluster";
    QTest::newRow("a fractional TB is not a size") << "1.5" << 1 << 3 << "whole number of TB";
}

void TestBookingWizard::badChoicesAreExplained()
{
    QFETCH(QString, size);
    QFETCH(int, startOffset);
    QFETCH(int, duration);
    QFETCH(QString, explanation);
    makeWizard(QStringLiteral("EUW"));
    clickNext();
    auto *page = requestPage();
    page->startSpin()->setMonth(Month::fromYearMonth(2026, 11).plus(startOffset));
    page->durationSpin()->setValue(duration);
    enterSize(size);
    auto *problem = page->findChild<QLabel *>(QStringLiteral("quoteProblem"));
    QTRY_VERIFY2(problem->text().contains(explanation), qPrintable(problem->text()));
    QCOMPARE(page->totalLabel()->text(), QStringLiteral("—"));
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
}

void TestBookingWizard::explainerListsWhyClustersAndNodesAreNotUsed()
{
    m_service->setCollateral(QStringLiteral("FRA-1-N02"), Amount::fromIcnt(1'000)); // jail threshold 3,240
    makeWizard(QStringLiteral("EUW-FRA"));
    clickNext();
    enterSize(QStringLiteral("100"));
    QTRY_COMPARE(requestPage()->totalLabel()->text(), QStringLiteral("975 ICNT"));
    requestPage()->findChild<QCheckBox *>(QStringLiteral("explainCheck"))->setChecked(true);
    clickNext();
    QCOMPARE(m_wizard->currentId(), int(BookingWizard::ExplainPageId));
    auto *model = static_cast<BookingExplainPage *>(m_wizard->currentPage())->model();
    QHash<QString, QString> reasons;
    for (int r = 0; r < model->rowCount(); ++r)
        reasons.insert(model->item(r, 0)->text() + QLatin1Char('/') + model->item(r, 1)->text(), model->item(r, 2)->text());
    QCOMPARE(reasons.value(QStringLiteral("FRA-1/whole cluster")), QStringLiteral("FRA-2 is cheaper for this booking"));
    QCOMPARE(reasons.value(QStringLiteral("FRA-3/FRA-3-N01")), QStringLiteral("commitment ends 2027-02"));
    QCOMPARE(reasons.value(QStringLiteral("FRA-3/FRA-3-N03")), QStringLiteral("status is Jailed"));
    QVERIFY2(reasons.value(QStringLiteral("FRA-1/FRA-1-N02")).startsWith(QStringLiteral("under-collateralised: 1")),
             qPrintable(reasons.value(QStringLiteral("FRA-1/FRA-1-N02"))));
    QVERIFY(reasons.value(QStringLiteral("FRA-1/FRA-1-N02")).contains(QStringLiteral("3")));
    clickNext();
    QCOMPARE(m_wizard->currentId(), int(BookingWizard::ReviewPageId));
}

void TestBookingWizard::booksEndToEnd()
{
    goToPasswordPage();
    if (QTest::currentTestFailed())
        return;
    auto *review = static_cast<BookingReviewPage *>(m_wizard->page(BookingWizard::ReviewPageId));
    const QString summary = review->summaryLabel()->text();
    QVERIFY(summary.contains(FakeMarketService::demoSp().toChecksummed()));
    QVERIFY(summary.contains(QStringLiteral("<b>1,050 ICNT</b>")));
    QVERIFY(summary.contains(QStringLiteral("FRA-1-N01: 100 TB × 2.8 ICNT")));
    QVERIFY(summary.contains(QStringLiteral("2026-12 to 2027-02")));
    QVERIFY(summary.contains(QStringLiteral("23,950 ICNT"))); // balance after
    // The nonce and deadline are signed too, so they are shown.
    QVERIFY2(summary.contains(QStringLiteral("Nonce</td><td style='padding:3px 0'>0<")), qPrintable(summary));
    QVERIFY(summary.contains(QStringLiteral("the end of 2026-11 (refused after that month)")));

    QSignalSpy booked(m_wizard, &BookingWizard::booked);
    sign(kPassword);
    QTRY_COMPARE(m_wizard->currentId(), int(BookingWizard::ResultPageId));
    auto *result = static_cast<BookingResultPage *>(m_wizard->currentPage());
    QCOMPARE(result->headline()->text(), QStringLiteral("Booked: B-0001"));
    QVERIFY(result->body()->text().contains(QStringLiteral("1,050 ICNT")));
    QCOMPARE(booked.count(), 1);
    const auto draft = booked.at(0).at(0).value<BookingDraft>();
    QCOMPARE(draft.quotedTotal, Amount::fromIcnt(1050));
    QCOMPARE(draft.scopeId, QStringLiteral("FRA-1"));
    QCOMPARE(draft.nonce, std::optional<quint64>(0));
    QCOMPARE(draft.deadline, std::optional<Month>(Month::fromYearMonth(2026, 11)));
    QCOMPARE(m_service->balance(FakeMarketService::demoSp()), Amount::fromIcnt(25'000 - 1'050));
    QCOMPARE(m_service->bookings(FakeMarketService::demoSp()).size(), 1);
    QCOMPARE(m_keys->unlockCalls(), 1);
}

void TestBookingWizard::wrongPasswordStaysOnThePasswordPage()
{
    goToPasswordPage();
    if (QTest::currentTestFailed())
        return;
    QSignalSpy booked(m_wizard, &BookingWizard::booked);
    sign("wrong");
    auto *page = static_cast<BookingPasswordPage *>(m_wizard->currentPage());
    QTRY_VERIFY(page->errorLabel()->text().contains(QStringLiteral("The password does not unlock this account's key.")));
    QCOMPARE(m_wizard->currentId(), int(BookingWizard::PasswordPageId));
    QCOMPARE(booked.count(), 0);
    QVERIFY(m_service->bookings(FakeMarketService::demoSp()).isEmpty());
    QCOMPARE(m_service->balance(FakeMarketService::demoSp()), Amount::fromIcnt(25'000));
    // The right password then goes through.
    sign(kPassword);
    QTRY_COMPARE(m_wizard->currentId(), int(BookingWizard::ResultPageId));
    QCOMPARE(booked.count(), 1);
}

void TestBookingWizard::reviewRefusesWhenTheBalanceIsShort()
{
    m_service->setBalance(FakeMarketService::demoSp(), Amount::fromIcnt(1'000));
    makeWizard();
    clickNext();
    enterSize(QStringLiteral("100"));
    QTRY_COMPARE(requestPage()->totalLabel()->text(), QStringLiteral("1,050 ICNT"));
    clickNext();
    clickNext();
    QCOMPARE(m_wizard->currentId(), int(BookingWizard::ReviewPageId));
    auto *review = static_cast<BookingReviewPage *>(m_wizard->currentPage());
    QVERIFY2(review->problemLabel()->text().contains(QStringLiteral("Your balance of 1,000 ICNT does not cover the total of 1,050 ICNT.")),
             qPrintable(review->problemLabel()->text()));
}

void TestBookingWizard::engineRefusalForBalanceIsExplained()
{
    goToPasswordPage();
    if (QTest::currentTestFailed())
        return;
    m_service->setBalance(FakeMarketService::demoSp(), Amount::fromIcnt(1'000)); // spent elsewhere meanwhile
    sign(kPassword);
    QTRY_COMPARE(m_wizard->currentId(), int(BookingWizard::ResultPageId));
    auto *result = static_cast<BookingResultPage *>(m_wizard->currentPage());
    QCOMPARE(result->headline()->text(), QStringLiteral("Not booked: Not enough ICNT"));
    QVERIFY(result->body()->text().contains(QStringLiteral("Your balance of 1,000 ICNT does not cover the total of 1,050 ICNT.")));
    QVERIFY(result->body()->text().contains(QStringLiteral("Top up the account")));
    QVERIFY(!result->requoteButton()->isVisible());
    QVERIFY(result->changeButton()->isVisible()); // the way back to book less
    QCOMPARE(m_service->balance(FakeMarketService::demoSp()), Amount::fromIcnt(1'000));
}

void TestBookingWizard::priceChangeBetweenQuoteAndSigningOffersARequote()
{
    goToPasswordPage();
    if (QTest::currentTestFailed())
        return;
    const Result<Amount> newPrice = Amount::parse(QStringLiteral("2.9"));
    m_service->setReservationPrice(QStringLiteral("FRA-1-N01"), *newPrice);
    sign(kPassword);
    QTRY_COMPARE(m_wizard->currentId(), int(BookingWizard::ResultPageId));
    auto *result = static_cast<BookingResultPage *>(m_wizard->currentPage());
    QVERIFY2(result->body()->text().contains(QStringLiteral("The price moved from 1,050 ICNT to 1,087.5 ICNT since your quote.")),
             qPrintable(result->body()->text()));
    QVERIFY(result->requoteButton()->isVisible());
    QVERIFY(m_service->bookings(FakeMarketService::demoSp()).isEmpty());

    QTest::mouseClick(result->requoteButton(), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(BookingWizard::RequestPageId));
    QTRY_COMPARE(requestPage()->totalLabel()->text(), QStringLiteral("1,087.5 ICNT"));
    clickNext();
    clickNext();
    sign(kPassword);
    QTRY_COMPARE(m_wizard->currentId(), int(BookingWizard::ResultPageId));
    QCOMPARE(result->headline()->text(), QStringLiteral("Booked: B-0001"));
}

// What the review shows is what is signed: when the account signs something else meanwhile, the
// nonce moves, the review says so and shows the new one, and the booking carries that one.
void TestBookingWizard::reviewShowsAndSignsTheNonceAndDeadline()
{
    makeWizard();
    clickNext();
    enterSize(QStringLiteral("100"));
    QTRY_COMPARE(requestPage()->totalLabel()->text(), QStringLiteral("1,050 ICNT"));
    clickNext();
    QCOMPARE(m_wizard->currentId(), int(BookingWizard::ReviewPageId));
    auto *review = static_cast<BookingReviewPage *>(m_wizard->currentPage());
    QVERIFY(review->summaryLabel()->text().contains(QStringLiteral("Nonce</td><td style='padding:3px 0'>0<")));

    QVERIFY(m_service->transfer(FakeMarketService::demoSp(), FakeMarketService::demoHp(), Amount::fromIcnt(1),
                                FakeMarketService::demoSpKey()).ok());
    clickNext();
    QCOMPARE(m_wizard->currentId(), int(BookingWizard::ReviewPageId));
    QVERIFY2(review->problemLabel()->text().contains(QStringLiteral("nonce or deadline above changed")),
             qPrintable(review->problemLabel()->text()));
    QVERIFY(review->summaryLabel()->text().contains(QStringLiteral("Nonce</td><td style='padding:3px 0'>1<")));

    clickNext();
    QCOMPARE(m_wizard->currentId(), int(BookingWizard::PasswordPageId));
    QSignalSpy booked(m_wizard, &BookingWizard::booked);
    sign(kPassword);
    QTRY_COMPARE(m_wizard->currentId(), int(BookingWizard::ResultPageId));
    QCOMPARE(booked.count(), 1);
    QCOMPARE(booked.at(0).at(0).value<BookingDraft>().nonce, std::optional<quint64>(1));
}

QTEST_MAIN(TestBookingWizard)
#include "tst_bookingwizard.moc"
