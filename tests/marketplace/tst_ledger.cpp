#include "EngineFixture.h"
#include "Ledger.h"

#include <QTest>

using namespace icn;
using namespace icn::test;

class TestLedger : public QObject
{
    Q_OBJECT

private slots:
    void bucketsMoveAndConserve_data();
    void bucketsMoveAndConserve();
    void accountsAreCreatedOnDemand();
};

void TestLedger::bucketsMoveAndConserve_data()
{
    QTest::addColumn<int>("step");
    QTest::newRow("the pool pays an account") << 0;
    QTest::newRow("an account funds escrow") << 1;
    QTest::newRow("an account pays the treasury") << 2;
    QTest::newRow("escrow pays an account") << 3;
}

void TestLedger::bucketsMoveAndConserve()
{
    QFETCH(int, step);
    Ledger l;
    l.reset(Amount::fromIcnt(1000), Amount::fromIcnt(100), Amount::fromIcnt(900));
    QVERIFY(l.totalsConserve());
    const quint32 a = l.ensure(addr(1));
    const quint32 b = l.ensure(addr(2));
    l.poolToAccount(a, Amount::fromIcnt(500));
    l.accountToEscrow(a, Amount::fromIcnt(200));
    l.accountToTreasury(a, Amount::fromIcnt(50));
    l.escrowToAccount(b, Amount::fromIcnt(120));
    QVERIFY(l.totalsConserve());
    switch (step) {
    case 0:
        QCOMPARE(l.pool(), Amount::fromIcnt(400));
        break;
    case 1:
        QCOMPARE(l.escrowTotal(), Amount::fromIcnt(80));
        break;
    case 2:
        QCOMPARE(l.treasury(), Amount::fromIcnt(50));
        break;
    case 3:
        QCOMPARE(l.balance(addr(2)), Amount::fromIcnt(120));
        break;
    }
    QCOMPARE(l.balance(addr(1)), Amount::fromIcnt(250));
    QCOMPARE(l.balancesTotal(), Amount::fromIcnt(370));
}

void TestLedger::accountsAreCreatedOnDemand()
{
    Ledger l;
    l.reset(Amount::fromIcnt(10), Amount(), Amount::fromIcnt(10));
    QCOMPARE(l.find(addr(3)), qint64(-1));
    QCOMPARE(l.balance(addr(3)), Amount());
    QCOMPARE(l.nextNonce(addr(3)), quint64(0));
    const quint32 ix = l.ensure(addr(3));
    QCOMPARE(l.ensure(addr(3)), ix);
    QCOMPARE(l.find(addr(3)), qint64(ix));
    l.bumpNonce(ix);
    QCOMPARE(l.nextNonce(addr(3)), quint64(1));
    QVERIFY(l.totalsConserve());
}

QTEST_GUILESS_MAIN(TestLedger)
#include "tst_ledger.moc"
