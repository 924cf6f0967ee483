#include "WalletTestSupport.h"

#include "models/AccountListModel.h"
#include "service/FakeMarketService.h"
#include "service/WalletService.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace icn;
using namespace icn::ui;

class TestAccountListModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void anEmptyWalletHasNoRows();
    void everyAccountIsARowWithItsRawValuesInRoles();
    void balancesFollowTheMarket();
    void renamingThroughSetDataRenamesTheAccount();
    void badEditsAreRefusedAndChangeNothing_data();
    void badEditsAreRefusedAndChangeNothing();
    void removingAnAccountRemovesItsRow();

private:
    Address addDemo();
    Address addKey(char fill, const QString &label);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeMarketService> m_market;
    std::unique_ptr<WalletService> m_wallet;
    std::unique_ptr<AccountListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestAccountListModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_market = std::make_unique<FakeMarketService>();
    m_wallet = std::make_unique<WalletService>(m_dir->filePath(QStringLiteral("wallet")), m_market.get(), nullptr,
                                               test::fastKdf());
    QVERIFY(!m_wallet->openError());
    m_model = std::make_unique<AccountListModel>(m_wallet.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestAccountListModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_wallet.reset();
    m_market.reset();
    m_dir.reset();
}

Address TestAccountListModel::addDemo()
{
    auto added = test::submitAndWait(*m_wallet, WalletRequest::Kind::Demo, "demo password 1", test::demoMnemonic(),
                                     QStringLiteral("Demo SP"));
    if (!added)
        qWarning() << added.error().code << added.error().message;
    return added ? *added : Address();
}

Address TestAccountListModel::addKey(char fill, const QString &label)
{
    auto added = test::waitFor<Address>([&](QObject *context, WalletService::Callback<Address> done) {
        m_wallet->importPrivateKey(SecureBytes(QByteArray(32, fill)), label, SecureBytes(QByteArrayView("demo password 1")),
                                   context, std::move(done));
    });
    return added && *added ? **added : Address();
}

void TestAccountListModel::anEmptyWalletHasNoRows()
{
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->columnCount(), int(AccountListModel::ColumnCount));
    QCOMPARE(m_model->headerData(AccountListModel::BalanceColumn, Qt::Horizontal).toString(), QStringLiteral("Balance"));
}

void TestAccountListModel::everyAccountIsARowWithItsRawValuesInRoles()
{
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    const Address demo = addDemo();
    QCOMPARE(demo.toChecksummed(), test::demoAddress());
    const Address other = addKey('\x22', QStringLiteral("Cold storage"));
    QVERIFY(!other.isNull());
    QCOMPARE(m_model->rowCount(), 2);
    QVERIFY(reset.count() >= 2);

    const QModelIndex label0 = m_model->index(0, AccountListModel::LabelColumn);
    QCOMPARE(label0.data().toString(), QStringLiteral("Demo SP"));
    QCOMPARE(label0.data(AccountListModel::AddressRole).toString(), test::demoAddress());
    QCOMPARE(label0.data(AccountListModel::PublicTestKeyRole).toBool(), true);
    QCOMPARE(m_model->index(0, AccountListModel::AddressColumn).data().toString(), test::demoAddress());
    QVERIFY(m_model->index(0, AccountListModel::OriginColumn).data().toString().contains(QStringLiteral("Public test key")));

    const QModelIndex label1 = m_model->index(1, AccountListModel::LabelColumn);
    QCOMPARE(label1.data().toString(), QStringLiteral("Cold storage"));
    QCOMPARE(label1.data(AccountListModel::PublicTestKeyRole).toBool(), false);
    QCOMPARE(label1.data(AccountListModel::HdPathRole).toString(), QString());
    QCOMPARE(m_model->index(1, AccountListModel::OriginColumn).data().toString(), QStringLiteral("Imported key"));
    QCOMPARE(m_model->addressAt(1), other);
    QCOMPARE(m_model->rowOf(other), 1);
    QCOMPARE(m_model->rowOf(Address()), -1);
    QVERIFY(m_model->flags(label1) & Qt::ItemIsEditable);
    QVERIFY(!(m_model->flags(m_model->index(1, AccountListModel::AddressColumn)) & Qt::ItemIsEditable));
}

void TestAccountListModel::balancesFollowTheMarket()
{
    const Address demo = addDemo();
    const QModelIndex balance = m_model->index(0, AccountListModel::BalanceColumn);
    QCOMPARE(balance.data(AccountListModel::BalanceRole).toString(), QStringLiteral("0"));

    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    const Amount amount = *Amount::parse(u"1234.5");
    m_market->setBalance(demo, amount);
    QVERIFY(changed.count() >= 1);
    QCOMPARE(balance.data(AccountListModel::BalanceRole).toString(), amount.toStorage());
    QCOMPARE(balance.data().toString(), amount.toDisplayString(QLocale()));
    QCOMPARE(balance.data(Qt::TextAlignmentRole).toInt(), int(Qt::AlignRight | Qt::AlignVCenter));
}

void TestAccountListModel::renamingThroughSetDataRenamesTheAccount()
{
    const Address demo = addDemo();
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    const QModelIndex label = m_model->index(0, AccountListModel::LabelColumn);
    QVERIFY(m_model->setData(label, QStringLiteral("Bookings")));
    QCOMPARE(label.data().toString(), QStringLiteral("Bookings"));
    QCOMPARE(m_wallet->account(demo)->label, QStringLiteral("Bookings"));
    QVERIFY(changed.count() >= 1);
}

void TestAccountListModel::badEditsAreRefusedAndChangeNothing_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("role");
    QTest::newRow("an empty name is refused") << int(AccountListModel::LabelColumn) << QString() << int(Qt::EditRole);
    QTest::newRow("a name of spaces is refused") << int(AccountListModel::LabelColumn) << QStringLiteral("   ") << int(Qt::EditRole);
    QTest::newRow("a name over 100 characters is refused") << int(AccountListModel::LabelColumn) << QString(101, u'x')
                                                           << int(Qt::EditRole);
    QTest::newRow("the address column cannot be edited") << int(AccountListModel::AddressColumn)
                                                         << QStringLiteral("0x00") << int(Qt::EditRole);
    QTest::newRow("only the edit role edits") << int(AccountListModel::LabelColumn) << QStringLiteral("Fine")
                                              << int(Qt::DisplayRole);
}

void TestAccountListModel::badEditsAreRefusedAndChangeNothing()
{
    QFETCH(int, column);
    QFETCH(QString, value);
    QFETCH(int, role);
    const Address demo = addDemo();
    QVERIFY(!m_model->setData(m_model->index(0, column), value, role));
    QCOMPARE(m_wallet->account(demo)->label, QStringLiteral("Demo SP"));
    QCOMPARE(m_model->index(0, AccountListModel::LabelColumn).data().toString(), QStringLiteral("Demo SP"));
}

void TestAccountListModel::removingAnAccountRemovesItsRow()
{
    const Address demo = addDemo();
    const Address other = addKey('\x33', QStringLiteral("Spare"));
    QCOMPARE(m_model->rowCount(), 2);
    QVERIFY(m_wallet->remove(demo).ok());
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->addressAt(0), other);
    auto again = m_wallet->remove(demo);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, QStringLiteral("accountstore.unknown_account"));
    QCOMPARE(m_model->rowCount(), 1);
}

QTEST_MAIN(TestAccountListModel)
#include "tst_accountlistmodel.moc"
