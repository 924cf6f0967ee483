// `icnctl history prices|sla` on a mirror with a few bookings and month closes.
#include "CliRunner.h"
#include "DemoNetwork.h"
#include "Market.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace icn;
using namespace icn::test;

class TestCliHistory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pricesAfterBookingsAndMonthCloses();
    void pricesWriteACsvWithAHeader();
    void refusesBadRequests_data();
    void refusesBadRequests();
    void slaOfANodeAndItsProvider();

private:
    CliRun icnctl(QStringList args) const
    {
        return runIcnctl(icnctlProgram(), args << QStringLiteral("--data-dir") << m_dir.path());
    }

    QTemporaryDir m_dir;
    Month m_first;
    Amount m_expectedAverage; // the FRA-1 booking's own TB-weighted price
    qint64 m_bookedTb = 0;
    QString m_node;
    QString m_provider;
};

// The mirror: two FRA-1 bookings starting next month (through the library, unsigned), then two
// month closes through the CLI.
void TestCliHistory::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto m = Market::create(m_dir.path(), DemoNetwork::snapshot());
    QVERIFY(m.ok());
    m_first = m->engine().currentMonth();
    const Address sp = *Address::parse(DemoNetwork::demoSpAddress());
    Int128 value = 0;
    for (qint64 size : {4, 6}) {
        BookTx b;
        b.sp = sp;
        b.scope = QStringLiteral("FRA-1");
        b.sizeTb = size;
        b.startMonth = m_first.plus(1);
        b.months = 3;
        b.quotedTotal = m->engine().quote({b.scope, size, b.startMonth, 3})->total;
        b.nonce = m->engine().nextNonce(sp);
        b.deadline = m_first;
        b.unsignedLocal = true;
        const auto r = m->submit(b);
        QVERIFY(r.ok());
        for (const Slice &s : r->slices)
            value += s.price.baseUnits() * s.tb;
        m_bookedTb += size;
        m_node = r->slices.front().nodeId;
        m_provider = r->slices.front().provider.toChecksummed();
    }
    m_expectedAverage = Amount::fromBaseUnits(value / m_bookedTb);
    for (int i = 0; i < 2; ++i)
        QCOMPARE(icnctl({QStringLiteral("month"), QStringLiteral("close")}).exitCode, 0);
}

void TestCliHistory::pricesAfterBookingsAndMonthCloses()
{
    const CliRun run = icnctl({QStringLiteral("history"), QStringLiteral("prices"), QStringLiteral("--scope"), QStringLiteral("FRA-1"),
                               QStringLiteral("--from"), m_first.toString(), QStringLiteral("--to"), m_first.plus(3).toString(),
                               QStringLiteral("--points"), QStringLiteral("10"), QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("scopeKind")).toString(), QStringLiteral("cluster"));
    QCOMPARE(o.value(QStringLiteral("closedMonths")).toInt(), 2);
    const QJsonArray monthly = o.value(QStringLiteral("monthly")).toArray();
    QCOMPARE(monthly.size(), 2);
    const QJsonObject active = monthly.at(1).toObject();
    QCOMPARE(active.value(QStringLiteral("month")).toString(), m_first.plus(1).toString());
    QCOMPARE(active.value(QStringLiteral("bookedTb")).toInteger(), m_bookedTb);
    QCOMPARE(active.value(QStringLiteral("averagePrice")).toString(), m_expectedAverage.toString()); // exact decimal
    QVERIFY(active.value(QStringLiteral("utilisationPpm")).toInteger() > 0);
    QVERIFY(monthly.at(0).toObject().value(QStringLiteral("averagePrice")).isNull()); // nothing booked yet
    QVERIFY(!o.value(QStringLiteral("listed")).toArray().isEmpty());
    QVERIFY(o.value(QStringLiteral("listed")).toArray().size() <= 10);

    // The zone sums its clusters: the same TB (only FRA-1 booked), the same average.
    const CliRun zone = icnctl({QStringLiteral("history"), QStringLiteral("prices"), QStringLiteral("--scope"), QStringLiteral("EUW-FRA"),
                                QStringLiteral("--from"), m_first.toString(), QStringLiteral("--to"), m_first.plus(3).toString(),
                                QStringLiteral("--points"), QStringLiteral("2")});
    QCOMPARE(zone.exitCode, 0);
    QVERIFY(zone.out.contains(m_expectedAverage.toString()));
    QVERIFY(zone.out.contains(QStringLiteral("zone EUW-FRA")));
}

void TestCliHistory::pricesWriteACsvWithAHeader()
{
    const QString path = m_dir.filePath(QStringLiteral("prices.csv"));
    const CliRun run = icnctl({QStringLiteral("history"), QStringLiteral("prices"), QStringLiteral("--scope"), QStringLiteral("FRA-1"),
                               QStringLiteral("--from"), m_first.toString(), QStringLiteral("--to"), m_first.plus(3).toString(),
                               QStringLiteral("--points"), QStringLiteral("5"), QStringLiteral("--csv"), path});
    QCOMPARE(run.exitCode, 0);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.first(), QStringLiteral("series,month,month_last,price_icnt,booked_tb,capacity_tb,booked_value_icnt,utilisation_ppm,min_icnt,max_icnt"));
    const QString activeRow = QStringLiteral("monthly,%1,,%2,%3,").arg(m_first.plus(1).toString(), m_expectedAverage.toString()).arg(m_bookedTb);
    QVERIFY(std::any_of(lines.cbegin(), lines.cend(), [&](const QString &l) { return l.startsWith(activeRow); }));
    for (const QString &l : lines)
        QCOMPARE(l.count(QLatin1Char(',')), 9);
}

void TestCliHistory::refusesBadRequests_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("exitCode");
    const QStringList prices{QStringLiteral("history"), QStringLiteral("prices")};
    QTest::newRow("an unknown scope") << (prices + QStringList{"--scope", "NOWHERE", "--from", "2026-11", "--to", "2027-01", "--points", "5"})
                                      << "history.unknown_scope" << 1;
    QTest::newRow("from after to") << (prices + QStringList{"--scope", "FRA-1", "--from", "2027-02", "--to", "2027-01", "--points", "5"})
                                   << "history.bad_range" << 1;
    QTest::newRow("one point") << (prices + QStringList{"--scope", "FRA-1", "--from", "2026-11", "--to", "2027-01", "--points", "1"})
                               << "history.bad_points" << 1;
    QTest::newRow("a CSV path that cannot be written")
        << (prices + QStringList{"--scope", "FRA-1", "--from", "2026-11", "--to", "2027-01", "--points", "5", "--csv", "/nonexistent-dir/x.csv"})
        << "cli.unwritable_file" << 2;
    QTest::newRow("a malformed month") << (prices + QStringList{"--scope", "FRA-1", "--from", "2026-13", "--to", "2027-01", "--points", "5"})
                                       << "month.malformed" << 1;
    const QStringList sla{QStringLiteral("history"), QStringLiteral("sla")};
    QTest::newRow("an unknown node") << (sla + QStringList{"--hn", "NO-NODE", "--from", "0", "--to", "10"}) << "history.unknown_node" << 1;
    QTest::newRow("both --hn and --hp") << (sla + QStringList{"--hn", "X", "--hp", "0x0", "--from", "0", "--to", "1"}) << "cli.missing_option" << 2;
    QTest::newRow("an epoch range backwards") << (sla + QStringList{"--hn", "FRA-1-N01", "--from", "2026-01-02", "--to", "2026-01-01"})
                                              << "history.bad_range" << 1;
}

void TestCliHistory::refusesBadRequests()
{
    QFETCH(QStringList, args);
    QFETCH(QString, code);
    QFETCH(int, exitCode);
    const CliRun run = icnctl(args << QStringLiteral("--json"));
    QCOMPARE(run.exitCode, exitCode);
    const QJsonObject e = QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("error")).toObject();
    QCOMPARE(e.value(QStringLiteral("code")).toString(), code);
}

void TestCliHistory::slaOfANodeAndItsProvider()
{
    const CliRun node = icnctl({QStringLiteral("history"), QStringLiteral("sla"), QStringLiteral("--hn"), m_node, QStringLiteral("--from"),
                                QStringLiteral("2026-01-01"), QStringLiteral("--to"), QStringLiteral("2027-12-31"), QStringLiteral("--json")});
    QCOMPARE(node.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(node.out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("subject")).toString(), m_node);
    QCOMPARE(o.value(QStringLiteral("fromEpoch")).toInteger(), QDate(1970, 1, 1).daysTo(QDate(2026, 1, 1)));
    // No SLA transactions yet: empty series, not an error.
    QCOMPARE(o.value(QStringLiteral("epochs")).toArray().size(), 0);
    const QString csv = m_dir.filePath(QStringLiteral("sla.csv"));
    const CliRun hp = icnctl({QStringLiteral("history"), QStringLiteral("sla"), QStringLiteral("--hp"), m_provider, QStringLiteral("--from"),
                              QStringLiteral("0"), QStringLiteral("--to"), QStringLiteral("30000"), QStringLiteral("--csv"), csv});
    QCOMPARE(hp.exitCode, 0);
    QVERIFY(hp.out.contains(m_provider));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readLine().startsWith("record,epoch,month,node,nodes,observed,compliant,"));
}

QTEST_GUILESS_MAIN(TestCliHistory)
#include "tst_cli_history.moc"
