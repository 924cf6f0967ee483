// icnctl tender … / auction … against a real data directory: signed posts, bids, drop-outs,
// awards and runs; typed refusals that change nothing; sealed bids in `show` until the award;
// rounds for charts; and a log that replays and checks.
#include "CliRunner.h"
#include "Keystore.h"
#include "NetworkGenerator.h"
#include "SnapshotJson.h"
#include "Signer.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace icn;
using namespace icn::test;

class TestCliAuction : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void tenderFromPostToAward();
    void reverseAuctionFromPostToRounds();
    void logReplaysAndChecks();

private:
    QJsonObject run(const QStringList &args, int expectedExit = 0);
    QStringList as(const QString &keystore) const { return {QStringLiteral("--keystore"), keystore, QStringLiteral("--password-file"), m_password}; }
    QString errorCode(const QJsonObject &o) const
    {
        return o.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
    }

    QTemporaryDir m_dir;
    QString m_data;
    QString m_spKeystore;
    QString m_hpKeystore;
    QString m_password;
    QString m_cluster;
    QString m_hp;
    QStringList m_nodes;
};

QJsonObject TestCliAuction::run(const QStringList &args, int expectedExit)
{
    const CliRun r = runIcnctl(icnctlProgram(), args + QStringList{QStringLiteral("--json"), QStringLiteral("--data-dir"), m_data});
    if (r.exitCode != expectedExit)
        qWarning("%s -> %d\n%s\n%s", qPrintable(args.join(QLatin1Char(' '))), r.exitCode, qPrintable(r.out), qPrintable(r.err));
    [&] { QCOMPARE(r.exitCode, expectedExit); }();
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

void TestCliAuction::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_data = m_dir.filePath(QStringLiteral("data"));
    KeystoreOptions cheap;
    cheap.scryptN = 1024;
    const auto keystoreOf = [&](char fill, const QString &name, Address &address) {
        QByteArray bytes(32, fill);
        address = *signer::addressOf(SecureBytes(bytes));
        const auto ks = Keystore::encrypt(SecureBytes::takeFrom(bytes), SecureBytes(QByteArrayView("pw")), cheap);
        return writeTestFile(m_dir.filePath(name), ks->toJson());
    };
    Address sp, hp;
    m_spKeystore = keystoreOf('\x46', QStringLiteral("sp.json"), sp);
    m_hpKeystore = keystoreOf('\x47', QStringLiteral("hp.json"), hp);
    m_password = writeTestFile(m_dir.filePath(QStringLiteral("pw.txt")), "pw\n");
    m_hp = hp.toChecksummed();

    // One small cluster whose HNs all belong to the HP key; the SP key is funded.
    GeneratorOptions o;
    o.regions = 1;
    o.zonesPerRegion = 1;
    o.clustersPerZone = 1;
    o.nodesPerCluster = 3;
    NetworkSnapshot s = NetworkGenerator::generate(o);
    s.providers = {HardwareProvider{hp, QStringLiteral("Test HP")}};
    for (HardwareNode &n : s.nodes) {
        n.provider = hp;
        n.reliabilityPpm = 900'000;
        m_nodes << n.id;
    }
    std::sort(m_nodes.begin(), m_nodes.end());
    m_cluster = s.clusters.first().id;
    s.accounts.append(AccountEntry{sp, QStringLiteral("SP"), Amount::fromIcnt(100'000)});
    s.accounts.append(AccountEntry{hp, QStringLiteral("HP"), Amount::fromIcnt(100)});
    const QString file = writeTestFile(m_dir.filePath(QStringLiteral("net.json")), SnapshotJson::toJson(s));
    run({QStringLiteral("init"), QStringLiteral("--network"), file});
}

void TestCliAuction::tenderFromPostToAward()
{
    const QStringList post = QStringList{QStringLiteral("tender"), QStringLiteral("post")} + as(m_spKeystore)
                             + QStringList{QStringLiteral("--scope"), m_cluster, QStringLiteral("--size-tb"), QStringLiteral("10"),
                                           QStringLiteral("--start"), QStringLiteral("2027-01"), QStringLiteral("--months"), QStringLiteral("3"),
                                           QStringLiteral("--max-price"), QStringLiteral("5"), QStringLiteral("--deadline"), QStringLiteral("2026-12-01")};
    // The deadline is an epoch (its number or its date); a month is not one, and nothing changes.
    const QString genesisHash = run({QStringLiteral("state-hash")}).value(QStringLiteral("stateHash")).toString();
    QStringList monthDeadline = post;
    monthDeadline.last() = QStringLiteral("2026-12");
    QCOMPARE(errorCode(run(monthDeadline, 2)), QStringLiteral("cli.bad_epoch")); // a usage error
    QCOMPARE(run({QStringLiteral("state-hash")}).value(QStringLiteral("stateHash")).toString(), genesisHash);
    const QJsonObject posted = run(post);
    QCOMPARE(posted.value(QStringLiteral("type")).toString(), QStringLiteral("post_tender"));
    QVERIFY(!posted.value(QStringLiteral("lock")).toString().isEmpty());

    const auto bid = [&](const QString &node, const QString &price, const QString &bond) {
        return QStringList{QStringLiteral("tender"), QStringLiteral("bid")} + as(m_hpKeystore)
               + QStringList{QStringLiteral("--tender"), QStringLiteral("1"), QStringLiteral("--node"), node, QStringLiteral("--offered-tb"),
                             QStringLiteral("10"), QStringLiteral("--price"), price, QStringLiteral("--bond"), bond};
    };
    run(bid(m_nodes[0], QStringLiteral("2"), QStringLiteral("1")));
    run(bid(m_nodes[1], QStringLiteral("1.5"), QStringLiteral("0")));

    // Refusals: typed, and the state hash does not move.
    const QString hash = run({QStringLiteral("state-hash")}).value(QStringLiteral("stateHash")).toString();
    QCOMPARE(errorCode(run(bid(m_nodes[2], QStringLiteral("5.01"), QStringLiteral("0")), 1)), QStringLiteral("tender.price_above_max"));
    QCOMPARE(errorCode(run(bid(m_nodes[2], QStringLiteral("2"), QStringLiteral("1000")), 1)), QStringLiteral("tender.bond_not_covered"));
    const QStringList award = QStringList{QStringLiteral("tender"), QStringLiteral("award")} + as(m_spKeystore)
                              + QStringList{QStringLiteral("--tender"), QStringLiteral("1")};
    const QJsonObject early = run(award, 1);
    QCOMPARE(errorCode(early), QStringLiteral("tender.award_before_deadline"));
    const QJsonObject earlyDetails = early.value(QStringLiteral("error")).toObject().value(QStringLiteral("details")).toObject();
    const qint64 deadlineEpoch = QDate(1970, 1, 1).daysTo(QDate(2026, 12, 1));
    QCOMPARE(earlyDetails.value(QStringLiteral("deadlineEpoch")).toInteger(), deadlineEpoch);
    QVERIFY(earlyDetails.value(QStringLiteral("currentEpoch")).toInteger() < deadlineEpoch);
    QCOMPARE(errorCode(run(QStringList{QStringLiteral("tender"), QStringLiteral("withdraw")} + as(m_spKeystore)
                               + QStringList{QStringLiteral("--tender"), QStringLiteral("1"), QStringLiteral("--node"), m_nodes[0]},
                           1)),
             QStringLiteral("tender.not_provider"));
    QCOMPARE(run({QStringLiteral("state-hash")}).value(QStringLiteral("stateHash")).toString(), hash);

    // A bid withdrawn before the deadline: its bond comes back and it no longer counts.
    const auto hpBalance = [&] { return run({QStringLiteral("balance"), m_hp}).value(QStringLiteral("balance")).toString(); };
    const QString before = hpBalance();
    run(bid(m_nodes[2], QStringLiteral("3"), QStringLiteral("2.5")));
    QCOMPARE(run({QStringLiteral("tender"), QStringLiteral("show"), QStringLiteral("1")}).value(QStringLiteral("bidCount")).toInt(), 3);
    QVERIFY(hpBalance() != before);
    const QJsonObject withdrawn = run(QStringList{QStringLiteral("tender"), QStringLiteral("withdraw")} + as(m_hpKeystore)
                                      + QStringList{QStringLiteral("--tender"), QStringLiteral("1"), QStringLiteral("--node"), m_nodes[2]});
    QCOMPARE(withdrawn.value(QStringLiteral("type")).toString(), QStringLiteral("tender_withdraw"));
    QCOMPARE(withdrawn.value(QStringLiteral("amount")).toString(), QStringLiteral("2.5")); // the bond released
    QCOMPARE(hpBalance(), before);
    const QJsonObject afterWithdraw = run(QStringList{QStringLiteral("tender"), QStringLiteral("show"), QStringLiteral("1")} + as(m_hpKeystore));
    QCOMPARE(afterWithdraw.value(QStringLiteral("bidCount")).toInt(), 2);
    QCOMPARE(afterWithdraw.value(QStringLiteral("bidDeadlineEpoch")).toInteger(), deadlineEpoch);
    QCOMPARE(afterWithdraw.value(QStringLiteral("bidDeadlineDate")).toString(), QStringLiteral("2026-12-01"));
    for (const QJsonValue &b : afterWithdraw.value(QStringLiteral("bids")).toArray())
        QVERIFY(b.toObject().value(QStringLiteral("node")).toString() != m_nodes[2]);
    // Withdrawing it again: there is no such bid any more.
    QCOMPARE(errorCode(run(QStringList{QStringLiteral("tender"), QStringLiteral("withdraw")} + as(m_hpKeystore)
                               + QStringList{QStringLiteral("--tender"), QStringLiteral("1"), QStringLiteral("--node"), m_nodes[2]},
                           1)),
             QStringLiteral("tender.no_such_bid"));

    // Sealed: nobody sees the bids but their bidder; everyone sees how many there are.
    const QJsonObject anonymous = run({QStringLiteral("tender"), QStringLiteral("show"), QStringLiteral("1")});
    QCOMPARE(anonymous.value(QStringLiteral("bidCount")).toInt(), 2);
    QVERIFY(anonymous.value(QStringLiteral("bids")).toArray().isEmpty());
    QVERIFY(!anonymous.value(QStringLiteral("bidsVisible")).toBool());
    const QJsonObject asSp = run(QStringList{QStringLiteral("tender"), QStringLiteral("show"), QStringLiteral("1")} + as(m_spKeystore));
    QVERIFY(asSp.value(QStringLiteral("bids")).toArray().isEmpty());
    const QJsonObject asHp = run(QStringList{QStringLiteral("tender"), QStringLiteral("show"), QStringLiteral("1")} + as(m_hpKeystore));
    QCOMPARE(asHp.value(QStringLiteral("bids")).toArray().size(), 2);

    run({QStringLiteral("month"), QStringLiteral("close")});
    const QJsonObject awarded = run(award);
    QCOMPARE(awarded.value(QStringLiteral("type")).toString(), QStringLiteral("tender_award"));
    QVERIFY(awarded.value(QStringLiteral("bookingId")).toInt() >= 1);
    QCOMPARE(errorCode(run(award, 1)), QStringLiteral("tender.already_awarded"));

    const QJsonObject shown = run({QStringLiteral("tender"), QStringLiteral("show"), QStringLiteral("1")});
    QCOMPARE(shown.value(QStringLiteral("state")).toString(), QStringLiteral("awarded"));
    QVERIFY(shown.value(QStringLiteral("bidsVisible")).toBool());
    const QJsonArray bids = shown.value(QStringLiteral("bids")).toArray();
    QCOMPARE(bids.size(), 2);
    QCOMPARE(bids[0].toObject().value(QStringLiteral("node")).toString(), m_nodes[1]); // the cheaper bid
    QCOMPARE(bids[0].toObject().value(QStringLiteral("awardedTb")).toInt(), 10);
    const QJsonArray slices = shown.value(QStringLiteral("slices")).toArray();
    QCOMPARE(slices.first().toObject().value(QStringLiteral("price")).toString(), QStringLiteral("1.5"));
    QCOMPARE(run({QStringLiteral("tender"), QStringLiteral("list")}).value(QStringLiteral("tenders")).toArray().size(), 1);
    // The award is an ordinary booking.
    const QJsonArray bookings = run({QStringLiteral("bookings")}).value(QStringLiteral("bookings")).toArray();
    QCOMPARE(bookings.size(), 1);
    QCOMPARE(bookings[0].toObject().value(QStringLiteral("sizeTb")).toInt(), 10);
}

void TestCliAuction::reverseAuctionFromPostToRounds()
{
    // The clock is now 2026-12, epoch 2026-12-01 (the tender test closed a month). The clock epoch is
    // given by its number here: 2026-12-03, reached by closing two epochs inside December.
    const qint64 clockEpoch = QDate(1970, 1, 1).daysTo(QDate(2026, 12, 3));
    const QStringList post = QStringList{QStringLiteral("auction"), QStringLiteral("post")} + as(m_spKeystore)
                             + QStringList{QStringLiteral("--scope"), m_cluster, QStringLiteral("--size-tb"), QStringLiteral("20"),
                                           QStringLiteral("--start"), QStringLiteral("2027-02"), QStringLiteral("--months"), QStringLiteral("3"),
                                           QStringLiteral("--ceiling"), QStringLiteral("5"), QStringLiteral("--decrement-ppm"), QStringLiteral("100000"),
                                           QStringLiteral("--floor"), QStringLiteral("0.5"), QStringLiteral("--clock"), QString::number(clockEpoch)};
    QCOMPARE(run(post).value(QStringLiteral("type")).toString(), QStringLiteral("post_auction"));
    const QStringList dropOut = QStringList{QStringLiteral("auction"), QStringLiteral("set-dropout")} + as(m_hpKeystore)
                                + QStringList{QStringLiteral("--auction"), QStringLiteral("1"), QStringLiteral("--node"), m_nodes[0],
                                              QStringLiteral("--price"), QStringLiteral("1"), QStringLiteral("--bond"), QStringLiteral("2")};
    run(dropOut);
    QCOMPARE(run({QStringLiteral("auction"), QStringLiteral("show"), QStringLiteral("1")}).value(QStringLiteral("terms")).toArray().size(), 0);
    const QStringList runClock = QStringList{QStringLiteral("auction"), QStringLiteral("run")} + as(m_spKeystore)
                                 + QStringList{QStringLiteral("--auction"), QStringLiteral("1")};
    const QJsonObject shownOpen = run({QStringLiteral("auction"), QStringLiteral("show"), QStringLiteral("1")});
    QCOMPARE(shownOpen.value(QStringLiteral("clockEpoch")).toInteger(), clockEpoch);
    QCOMPARE(shownOpen.value(QStringLiteral("clockDate")).toString(), QStringLiteral("2026-12-03"));
    QCOMPARE(errorCode(run(runClock, 1)), QStringLiteral("auction.run_before_clock"));
    run({QStringLiteral("epoch"), QStringLiteral("close")});
    run(dropOut); // 2026-12-02: terms may still change
    const QJsonObject early = run(runClock, 1);
    QCOMPARE(errorCode(early), QStringLiteral("auction.run_before_clock"));
    const QJsonObject details = early.value(QStringLiteral("error")).toObject().value(QStringLiteral("details")).toObject();
    QCOMPARE(details.value(QStringLiteral("clockEpoch")).toInteger(), clockEpoch);
    QCOMPARE(details.value(QStringLiteral("currentEpoch")).toInteger(), clockEpoch - 1);
    run({QStringLiteral("epoch"), QStringLiteral("close")});
    QCOMPARE(errorCode(run(dropOut, 1)), QStringLiteral("auction.terms_after_clock"));
    run(runClock);

    const QJsonObject shown = run({QStringLiteral("auction"), QStringLiteral("show"), QStringLiteral("1")});
    QCOMPARE(shown.value(QStringLiteral("state")).toString(), QStringLiteral("cleared"));
    QCOMPARE(shown.value(QStringLiteral("terms")).toArray().size(), 1);
    const QJsonObject rounds = run({QStringLiteral("auction"), QStringLiteral("rounds"), QStringLiteral("1")});
    const QJsonArray list = rounds.value(QStringLiteral("rounds")).toArray();
    QVERIFY(list.size() >= 2);
    QCOMPARE(list.first().toObject().value(QStringLiteral("price")).toString(), QStringLiteral("5"));
    QCOMPARE(list.first().toObject().value(QStringLiteral("round")).toInt(), 1);
    QCOMPARE(rounds.value(QStringLiteral("clearingPrice")).toString(), shown.value(QStringLiteral("clearingPrice")).toString());
    QCOMPARE(errorCode(run({QStringLiteral("auction"), QStringLiteral("show"), QStringLiteral("9")}, 1)), QStringLiteral("auction.unknown_auction"));
}

void TestCliAuction::logReplaysAndChecks()
{
    const QJsonObject replay = run({QStringLiteral("replay"), QStringLiteral("--verify")});
    // tender: post, 3 bids, withdraw, month close, award; auction: post, 2 drop-outs, 2 epoch closes, run
    QCOMPARE(replay.value(QStringLiteral("replayed")).toInt(), 13);
    run({QStringLiteral("check")});
}

QTEST_GUILESS_MAIN(TestCliAuction)
#include "tst_cli_auction.moc"
