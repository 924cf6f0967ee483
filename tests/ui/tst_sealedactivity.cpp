// PROTOCOL.md §8 on the Activity page over the real mirror: tender bids and reverse-auction drop-out
// terms name neither their bidder nor their HN (nor terms) until the award or run, in the table,
// the details and the signer filter; the bidder itself sees its own entries; afterwards everyone does.
#include "dialogs/TransactionDetailsDialog.h"
#include "models/ActivityTableModel.h"
#include "pages/ActivityPage.h"
#include "service/LocalMarketService.h"

#include "DemoNetwork.h"
#include "Market.h"

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace icn;
using namespace icn::ui;

namespace {

struct Bidder
{
    QString nodeId;
    Address account;
};

// An HN of the cluster whose HP is not `other` (one HP runs HNs in several clusters).
Bidder bidderIn(const Engine &e, const QString &clusterId, const Address &other = {})
{
    const NetworkState &net = e.network();
    for (const ClusterRec &c : net.clusters)
        if (c.id == clusterId)
            for (quint32 ni : c.nodes)
                if (net.nodes[ni].provider != other)
                    return {net.nodes[ni].id, net.nodes[ni].provider};
    return {};
}

} // namespace

class TestSealedActivity : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void bidsAreSealedInTableDetailsAndFilter();
    void theBidderSeesItsOwnBid();
    void awardAndRunUnsealThem();

private:
    void openService();
    int rowOfType(const QString &type) const;
    QString detailsOfRow(int row);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalMarketService> m_service;
    std::unique_ptr<ActivityPage> m_page;
    Address m_sp;
    Bidder m_tenderBidder;
    Bidder m_auctionBidder;
    Month m_posted;
};

void TestSealedActivity::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_sp = *Address::parse(DemoNetwork::demoSpAddress());
    {
    Result<Market> created = Market::create(m_dir->path(), DemoNetwork::snapshot());
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));
    Market &market = *created;
    const Engine &e = market.engine();
    m_posted = e.currentMonth();
    m_tenderBidder = bidderIn(e, QStringLiteral("FRA-1"));
    m_auctionBidder = bidderIn(e, QStringLiteral("FRA-3"), m_tenderBidder.account);
    QVERIFY(!m_tenderBidder.account.isNull() && !m_auctionBidder.account.isNull());
    const auto submit = [&market](const Transaction &tx) {
        const Result<Receipt> r = market.submit(tx);
        if (!r)
            qWarning("%s refused: %s", qPrintable(transactionTypeName(tx)), qPrintable(r.error().toString()));
        return r.ok();
    };

    PostTenderTx tender;
    tender.sp = m_sp;
    tender.scope = QStringLiteral("FRA-1");
    tender.sizeTb = 10;
    tender.startMonth = m_posted.plus(2);
    tender.months = 3;
    tender.maxPrice = Amount::fromIcnt(10);
    tender.bidDeadlineEpoch = SlaClock::firstEpochOf(m_posted.plus(1));
    tender.nonce = e.nextNonce(m_sp);
    tender.unsignedLocal = true;
    QVERIFY(submit(tender));

    TenderBidTx bid;
    bid.bidder = m_tenderBidder.account;
    bid.tenderId = 1;
    bid.nodeId = m_tenderBidder.nodeId;
    bid.offeredTb = 10;
    bid.price = Amount::fromIcnt(7);
    bid.nonce = e.nextNonce(bid.bidder);
    bid.unsignedLocal = true;
    QVERIFY(submit(bid));

    PostAuctionTx auction;
    auction.sp = m_sp;
    auction.scope = QStringLiteral("FRA-3");
    auction.sizeTb = 10;
    auction.startMonth = m_posted.plus(2);
    auction.months = 3;
    auction.ceilingPrice = Amount::fromIcnt(10);
    auction.decrementPpm = 100'000;
    auction.floorPrice = Amount::fromIcnt(1);
    auction.clockEpoch = SlaClock::firstEpochOf(m_posted.plus(1));
    auction.nonce = e.nextNonce(m_sp);
    auction.unsignedLocal = true;
    QVERIFY(submit(auction));

    SetDropOutTx terms;
    terms.bidder = m_auctionBidder.account;
    terms.auctionId = 1;
    terms.nodeId = m_auctionBidder.nodeId;
    terms.dropOutPrice = Amount::fromIcnt(6);
    terms.nonce = e.nextNonce(terms.bidder);
    terms.unsignedLocal = true;
    QVERIFY(submit(terms));
    } // the database is closed before the service opens it
    openService();
}

void TestSealedActivity::cleanup()
{
    m_page.reset();
    m_service.reset();
    m_dir.reset();
}

void TestSealedActivity::openService()
{
    auto opened = LocalMarketService::openOrCreate(m_dir->path(), DemoNetwork::snapshot());
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
    m_service = std::move(opened).value();
    m_page = std::make_unique<ActivityPage>(m_service.get());
    m_page->resize(1100, 600);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

int TestSealedActivity::rowOfType(const QString &type) const
{
    const ActivityTableModel *model = m_page->model();
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->index(row, 0).data(ActivityTableModel::TypeRole).toString() == type)
            return row;
    return -1;
}

QString TestSealedActivity::detailsOfRow(int row)
{
    QTableView *view = m_page->view();
    const QModelIndex index = view->model()->index(row, ActivityTableModel::SignerColumn);
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
    QTest::mouseClick(m_page->findChild<QPushButton *>(QStringLiteral("detailsButton")), Qt::LeftButton);
    TransactionDetailsDialog *dialog = nullptr;
    [&] { QTRY_VERIFY((dialog = m_page->findChild<TransactionDetailsDialog *>()) != nullptr); }();
    if (!dialog)
        return {};
    const QString text = dialog->findChild<QPlainTextEdit *>(QStringLiteral("detailsText"))->toPlainText()
        + QLatin1Char('\n') + dialog->findChild<QLabel *>(QStringLiteral("signerValue"))->text();
    delete dialog;
    return text;
}

void TestSealedActivity::bidsAreSealedInTableDetailsAndFilter()
{
    const ActivityTableModel *model = m_page->model();
    const QList<std::tuple<QString, Bidder, QString>> entries{
        {QStringLiteral("tender_bid"), m_tenderBidder, QStringLiteral("\"price\": \"sealed\"")},
        {QStringLiteral("auction_set_dropout"), m_auctionBidder, QStringLiteral("\"dropOutPrice\": \"sealed\"")}};
    for (const auto &[type, bidder, sealedTerms] : entries) {
        const int row = rowOfType(type);
        QVERIFY2(row >= 0, qPrintable(type));
        const QModelIndex signer = model->index(row, ActivityTableModel::SignerColumn);
        QCOMPARE(signer.data().toString(), ActivityTableModel::sealedSignerText());
        QVERIFY(signer.data(ActivityTableModel::SealedRole).toBool());
        QVERIFY(signer.data(ActivityTableModel::SignerRole).toString().isEmpty());
        const QString summary = model->index(row, ActivityTableModel::SummaryColumn).data().toString();
        QVERIFY2(!summary.contains(bidder.nodeId), qPrintable(summary));

        const QString details = detailsOfRow(row);
        QVERIFY2(details.contains(QStringLiteral("sealed")), qPrintable(details));
        QVERIFY2(!details.contains(bidder.account.toChecksummed(), Qt::CaseInsensitive), qPrintable(details));
        QVERIFY2(!details.contains(bidder.account.toChecksummed().mid(2), Qt::CaseInsensitive), qPrintable(details));
        QVERIFY2(!details.contains(bidder.nodeId), qPrintable(details));
        QVERIFY2(details.contains(sealedTerms), qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral("\"bidder\": \"sealed\"")), qPrintable(details));
    }
    // The posting SP's entries are public.
    QCOMPARE(model->index(rowOfType(QStringLiteral("post_tender")), ActivityTableModel::SignerColumn).data().toString(),
             m_sp.toChecksummed());

    // Filtering by the bidder's address must not find its sealed bid either.
    auto *signerEdit = m_page->findChild<QLineEdit *>(QStringLiteral("signerEdit"));
    auto *summary = m_page->findChild<QLabel *>(QStringLiteral("summaryLabel"));
    QTest::keyClicks(signerEdit, m_tenderBidder.account.toChecksummed().mid(2, 12));
    QTRY_VERIFY(model->isFiltered() && !model->isScanning());
    QTRY_COMPARE(summary->text(), QStringLiteral("0 match(es)"));
    signerEdit->clear();
    QTest::keyClicks(signerEdit, m_auctionBidder.account.toChecksummed());
    QTRY_VERIFY(model->signerFilter() == m_auctionBidder.account.toChecksummed() && !model->isScanning());
    QCOMPARE(model->rowCount(), 0);
    // The SP's own entries still match its address.
    signerEdit->clear();
    QTest::keyClicks(signerEdit, m_sp.toChecksummed());
    QTRY_VERIFY(model->signerFilter() == m_sp.toChecksummed() && !model->isScanning());
    QTRY_COMPARE(model->rowCount(), 2);
}

void TestSealedActivity::theBidderSeesItsOwnBid()
{
    const ActivityTableModel *model = m_page->model();
    const int row = rowOfType(QStringLiteral("tender_bid"));
    QVERIFY(row >= 0);
    m_service->setViewer(m_tenderBidder.account);
    QTRY_COMPARE(model->index(row, ActivityTableModel::SignerColumn).data().toString(), m_tenderBidder.account.toChecksummed());
    QVERIFY(model->index(row, ActivityTableModel::SummaryColumn).data().toString().contains(m_tenderBidder.nodeId));
    const QString details = detailsOfRow(row);
    QVERIFY2(details.contains(m_tenderBidder.nodeId) && !details.contains(QStringLiteral("sealed")), qPrintable(details));
    // Someone else's drop-out terms stay sealed for this viewer.
    QCOMPARE(model->index(rowOfType(QStringLiteral("auction_set_dropout")), ActivityTableModel::SignerColumn).data().toString(),
             ActivityTableModel::sealedSignerText());
    // The bidder's own filter finds its bid.
    QTest::keyClicks(m_page->findChild<QLineEdit *>(QStringLiteral("signerEdit")), m_tenderBidder.account.toChecksummed());
    QTRY_VERIFY(model->isFiltered() && !model->isScanning());
    QTRY_COMPARE(model->rowCount(), 1);

    m_service->setViewer({});
    QTRY_COMPARE(model->rowCount(), 0);
}

void TestSealedActivity::awardAndRunUnsealThem()
{
    m_page.reset();
    m_service.reset();
    {
        Result<Market> opened = Market::open(m_dir->path());
        QVERIFY(opened.ok());
        const Engine &e = opened->engine();
        QVERIFY(opened->submit(CloseMonthTx{e.currentMonth()}).ok());
        const Result<Receipt> award = opened->submit(TenderAwardTx{m_sp, 1, e.nextNonce(m_sp), true, {}});
        QVERIFY2(award.ok(), qPrintable(award.ok() ? QString() : award.error().toString()));
        const Result<Receipt> run = opened->submit(RunAuctionTx{m_sp, 1, e.nextNonce(m_sp), true, {}});
        QVERIFY2(run.ok(), qPrintable(run.ok() ? QString() : run.error().toString()));
    }
    openService();
    const ActivityTableModel *model = m_page->model();
    const QList<std::pair<QString, Bidder>> entries{{QStringLiteral("tender_bid"), m_tenderBidder},
                                                    {QStringLiteral("auction_set_dropout"), m_auctionBidder}};
    for (const auto &[type, bidder] : entries) {
        const int row = rowOfType(type);
        QVERIFY(row >= 0);
        QCOMPARE(model->index(row, ActivityTableModel::SignerColumn).data().toString(), bidder.account.toChecksummed());
        QVERIFY(!model->index(row, ActivityTableModel::SignerColumn).data(ActivityTableModel::SealedRole).toBool());
        const QString details = detailsOfRow(row);
        QVERIFY2(details.contains(bidder.nodeId) && !details.contains(QStringLiteral("sealed")), qPrintable(details));
    }
}

QTEST_MAIN(TestSealedActivity)
#include "tst_sealedactivity.moc"
