#include "DemoNetwork.h"
#include "Engine.h"
#include "NetworkGenerator.h"
#include "SnapshotJson.h"
#include "SnapshotValidator.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace icn;

class TestSnapshotJson : public QObject
{
    Q_OBJECT

private slots:
    void roundTripsGeneratedNetworks_data();
    void roundTripsGeneratedNetworks();
    void exportIsStableText();
    void refusesTheWholeFileAtTheFirstProblem_data();
    void refusesTheWholeFileAtTheFirstProblem();
    void refusesDocumentsThatAreNotObjects_data();
    void refusesDocumentsThatAreNotObjects();
    void reportsTheEarliestProblemInTheText();
    void readsAndWritesFiles();
    void demoNetworkHoldsTheSeedExample();
    void demoNetworkIsAValidGenesis();
    void committedDemoNetworkFileIsTheDemoNetwork();

private:
    static NetworkSnapshot small();
};

NetworkSnapshot TestSnapshotJson::small()
{
    GeneratorOptions o;
    o.seed = 11;
    o.regions = 1;
    o.zonesPerRegion = 1;
    o.clustersPerZone = 2;
    o.nodesPerCluster = 3;
    o.serviceProviders = 2;
    o.nodesPerProvider = 2;
    return NetworkGenerator::generate(o);
}

void TestSnapshotJson::roundTripsGeneratedNetworks_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<int>("regions");
    QTest::addColumn<int>("nodes");
    QTest::newRow("a one-node network") << quint64(1) << 1 << 1;
    QTest::newRow("four regions of ten-node clusters") << quint64(2) << 4 << 10;
    QTest::newRow("full clusters of fifty") << quint64(3) << 2 << 50;
}

void TestSnapshotJson::roundTripsGeneratedNetworks()
{
    QFETCH(quint64, seed);
    QFETCH(int, regions);
    QFETCH(int, nodes);
    GeneratorOptions o;
    o.seed = seed;
    o.regions = regions;
    o.nodesPerCluster = nodes;
    NetworkSnapshot s = NetworkGenerator::generate(o);
    // Exercise every field the generator leaves at its default.
    s.params.regionMarginPpm.insert(s.regions.front().id, 200'000);
    s.params.defaultSlaTargets.maxLatencyMs = 120;
    s.nodes.front().status = NodeStatus::Jailed;
    s.nodes.front().reliabilityPpm = 812'345;
    s.currentEpoch = 17;
    s.name = QStringLiteral("Quotes \" and ünïcode");
    const auto back = SnapshotJson::fromJson(SnapshotJson::toJson(s));
    QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
    QCOMPARE(*back, s);
}

void TestSnapshotJson::exportIsStableText()
{
    const QByteArray text = SnapshotJson::toJson(small());
    const auto back = SnapshotJson::fromJson(text);
    QVERIFY(back.ok());
    QCOMPARE(SnapshotJson::toJson(*back), text);
    // One element per line: error lines point at one object.
    QVERIFY(text.count('\n') > 6 + 2 + 3);
}

void TestSnapshotJson::refusesTheWholeFileAtTheFirstProblem_data()
{
    QTest::addColumn<QString>("editNeedle");  // the line to edit holds this text
    QTest::addColumn<QString>("pattern");     // regular expression replaced on that line
    QTest::addColumn<QString>("replacement");
    QTest::addColumn<QString>("errorNeedle"); // the line the error must name (empty: the edited line)
    QTest::addColumn<QString>("code");

    const QString n2 = QStringLiteral("\"id\":\"FRA-1-N02\"");
    QTest::newRow("a missing comma is malformed JSON on its line")
        << n2 << "\"cluster\":\"FRA-1\"," << "\"cluster\":\"FRA-1\" " << "" << "snapshot.malformed_json";
    QTest::newRow("a node in an unknown cluster") << n2 << "\"cluster\":\"FRA-1\"" << "\"cluster\":\"FRA-9\"" << "" << "snapshot.unknown_id";
    QTest::newRow("a zone in an unknown region") << "\"id\":\"EUW-FRA\"" << "\"region\":\"EUW\"" << "\"region\":\"XXX\"" << "" << "snapshot.unknown_id";
    QTest::newRow("two nodes with one id") << n2 << "FRA-1-N02" << "FRA-1-N01" << "" << "snapshot.duplicate_id";
    QTest::newRow("a cluster named like a zone") << "\"id\":\"FRA-2\"" << "\"id\":\"FRA-2\"" << "\"id\":\"EUW-FRA\"" << "" << "snapshot.duplicate_id";
    QTest::newRow("an id with a space") << "\"id\":\"EUW\"" << "\"id\":\"EUW\"" << "\"id\":\"E UW\"" << "" << "snapshot.bad_id";
    QTest::newRow("a reservation price above the cluster cap")
        << n2 << "\"reservationPrice\":\"[0-9.]+\"" << "\"reservationPrice\":\"9.99\"" << "" << "snapshot.price_above_cap";
    QTest::newRow("a cluster with more nodes than the protocol allows")
        << "\"params\"" << "\"maxHnsPerCluster\":50" << "\"maxHnsPerCluster\":2" << "\"id\":\"FRA-1-N03\"" << "snapshot.cluster_too_large";
    QTest::newRow("a negative capacity") << n2 << "\"capacityTb\":" << "\"capacityTb\":-" << "" << "snapshot.bad_number";
    QTest::newRow("an absurd capacity") << n2 << "\"capacityTb\":[0-9]+" << "\"capacityTb\":99999999999999" << "" << "snapshot.bad_number";
    QTest::newRow("a fractional capacity") << n2 << "\"capacityTb\":[0-9]+" << "\"capacityTb\":1.5" << "" << "snapshot.bad_number";
    QTest::newRow("a capacity written as a string") << n2 << "\"capacityTb\":([0-9]+)" << "\"capacityTb\":\"\\1\"" << "" << "snapshot.bad_field";
    QTest::newRow("a negative balance") << "\"label\":\"SP 002\"" << "\"balance\":\"" << "\"balance\":\"-" << "" << "snapshot.bad_number";
    QTest::newRow("an amount with nineteen decimals")
        << "\"label\":\"SP 002\"" << "\"balance\":\"[0-9.]+\"" << "\"balance\":\"0.0000000000000000001\"" << "" << "snapshot.bad_amount";
    QTest::newRow("an amount as a JSON number") << "\"label\":\"SP 002\"" << "\"balance\":\"([0-9.]+)\"" << "\"balance\":\\1" << "" << "snapshot.bad_field";
    QTest::newRow("a malformed month") << n2 << "\"registered\":\"[0-9-]+\"" << "\"registered\":\"2026-13\"" << "" << "snapshot.bad_month";
    QTest::newRow("a provider address with bad hex") << n2 << "\"provider\":\"0x" << "\"provider\":\"0xzz" << "" << "snapshot.bad_address";
    QTest::newRow("a node whose provider is not listed")
        << n2 << "\"provider\":\"0x[0-9a-fA-F]+\"" << "\"provider\":\"0x00000000000000000000000000000000000000aa\"" << "" << "snapshot.unknown_id";
    QTest::newRow("a misspelt field") << n2 << "\"id\":\"FRA-1-N02\"" << "\"id\":\"FRA-1-N02\",\"colour\":\"red\"" << "" << "snapshot.unknown_field";
    QTest::newRow("a missing field") << n2 << ",\"status\":\"active\"" << "" << "" << "snapshot.missing_field";
    QTest::newRow("an unknown node status") << n2 << "\"status\":\"active\"" << "\"status\":\"sleeping\"" << "" << "snapshot.bad_status";
    QTest::newRow("collateral below 30 % of the requirement")
        << n2 << "\"collateral\":\"[0-9.]+\"" << "\"collateral\":\"1\"" << "" << "snapshot.collateral_too_low";
    QTest::newRow("a commitment shorter than 36 months")
        << n2 << "\"commitmentEnd\":\"[0-9-]+\"" << "\"commitmentEnd\":\"2026-11\"" << "" << "snapshot.commitment_too_short";
    QTest::newRow("balances beyond the total supply (conservation)")
        << "\"label\":\"SP 002\"" << "\"balance\":\"[0-9.]+\"" << "\"balance\":\"699999999\"" << "" << "snapshot.supply_exceeded";
    QTest::newRow("an unsupported format version") << "\"version\"" << "1" << "2" << "" << "snapshot.unsupported_format";
    QTest::newRow("a missing section is blamed on line 1") << "\"zones\"" << "\"zones\"" << "\"zonez\"" << "{" << "snapshot.missing_field";
    QTest::newRow("a margin for an unknown region")
        << "\"params\"" << "\"regionMarginPpm\":\\{\\}" << "\"regionMarginPpm\":{\"MOON\":1000}" << "" << "snapshot.unknown_id";
    QTest::newRow("a margin above 100 %")
        << "\"params\"" << "\"defaultMarginPpm\":250000" << "\"defaultMarginPpm\":1000001" << "" << "snapshot.bad_number";
}

void TestSnapshotJson::refusesTheWholeFileAtTheFirstProblem()
{
    QFETCH(QString, editNeedle);
    QFETCH(QString, pattern);
    QFETCH(QString, replacement);
    QFETCH(QString, errorNeedle);
    QFETCH(QString, code);

    QStringList lines = QString::fromUtf8(SnapshotJson::toJson(small())).split(QLatin1Char('\n'));
    const auto lineOf = [&lines](const QString &needle) {
        for (qsizetype i = 0; i < lines.size(); ++i)
            if (lines[i].contains(needle))
                return int(i + 1);
        return 0;
    };
    const int edited = lineOf(editNeedle);
    QVERIFY2(edited > 0, qPrintable(editNeedle));
    const QString before = lines[edited - 1];
    lines[edited - 1].replace(QRegularExpression(pattern), replacement);
    QVERIFY2(lines[edited - 1] != before, "the edit changed the line");
    const int expectedLine = errorNeedle.isEmpty() ? edited : lineOf(errorNeedle);

    const auto result = SnapshotJson::fromJson(lines.join(QLatin1Char('\n')).toUtf8());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, code);
    QCOMPARE(result.error().details.value(QStringLiteral("line")).toInt(), expectedLine);
    QVERIFY2(result.error().message.startsWith(QStringLiteral("line %1: ").arg(expectedLine)), qPrintable(result.error().message));
}

void TestSnapshotJson::refusesDocumentsThatAreNotObjects_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::newRow("an empty file") << QByteArray() << 1;
    QTest::newRow("a list") << QByteArray("[]") << 1;
    QTest::newRow("garbage on the third line") << QByteArray("{\n  \"format\": \"icn-network\",\n  oops\n}") << 3;
    QTest::newRow("a truncated file") << SnapshotJson::toJson(small()).left(500) << 0;
}

void TestSnapshotJson::refusesDocumentsThatAreNotObjects()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    const auto result = SnapshotJson::fromJson(text);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, QStringLiteral("snapshot.malformed_json"));
    if (line > 0)
        QCOMPARE(result.error().details.value(QStringLiteral("line")).toInt(), line);
    else
        QVERIFY(result.error().details.value(QStringLiteral("line")).toInt() > 1);
}

void TestSnapshotJson::reportsTheEarliestProblemInTheText()
{
    // Two problems in different sections: the one higher up in the file wins.
    const QByteArray text = SnapshotJson::toJson(small());
    QStringList lines = QString::fromUtf8(text).split(QLatin1Char('\n'));
    int zoneLine = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines[i].contains(QStringLiteral("\"id\":\"EUW-FRA\""))) {
            lines[i].replace(QStringLiteral("\"region\":\"EUW\""), QStringLiteral("\"region\":\"NOPE\""));
            zoneLine = int(i + 1);
        }
        if (lines[i].contains(QStringLiteral("\"label\":\"SP 002\"")))
            lines[i].replace(QRegularExpression(QStringLiteral("\"balance\":\"[0-9.]+\"")), QStringLiteral("\"balance\":\"-1\""));
    }
    const auto result = SnapshotJson::fromJson(lines.join(QLatin1Char('\n')).toUtf8());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, QStringLiteral("snapshot.unknown_id"));
    QCOMPARE(result.error().details.value(QStringLiteral("line")).toInt(), zoneLine);
}

void TestSnapshotJson::readsAndWritesFiles()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("net.json"));
    const NetworkSnapshot s = small();
    QVERIFY(SnapshotJson::writeFile(path, s).ok());
    const auto back = SnapshotJson::readFile(path);
    QVERIFY(back.ok());
    QCOMPARE(*back, s);
    const auto missing = SnapshotJson::readFile(dir.filePath(QStringLiteral("absent.json")));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, QStringLiteral("snapshot.unreadable"));
    const auto unwritable = SnapshotJson::writeFile(dir.filePath(QStringLiteral("no/such/dir/x.json")), s);
    QVERIFY(!unwritable.ok());
    QCOMPARE(unwritable.error().code, QStringLiteral("snapshot.unwritable"));
}

void TestSnapshotJson::demoNetworkHoldsTheSeedExample()
{
    const NetworkSnapshot s = DemoNetwork::snapshot();
    QVERIFY(s.regions.size() >= 4);
    QVERIFY(s.zones.size() >= 10);
    QVERIFY(s.clusters.size() >= 30);
    QVERIFY(s.nodes.size() >= 300);
    QVERIFY(s.providers.size() >= 60);
    QVERIFY(s.regions.contains(Region{QStringLiteral("EUW"), QStringLiteral("Europe West")}));
    QVERIFY(s.zones.contains(Zone{QStringLiteral("EUW-FRA"), QStringLiteral("EUW"), QStringLiteral("Frankfurt")}));
    QHash<QString, int> perCluster;
    QSet<QString> frankfurt;
    for (const Cluster &c : s.clusters)
        if (c.zoneId == QLatin1String("EUW-FRA"))
            frankfurt.insert(c.id);
    for (const HardwareNode &n : s.nodes)
        ++perCluster[n.clusterId];
    QCOMPARE(frankfurt, (QSet<QString>{QStringLiteral("FRA-1"), QStringLiteral("FRA-2"), QStringLiteral("FRA-3")}));
    QCOMPARE(perCluster.value(QStringLiteral("FRA-1")), 2);
    QCOMPARE(perCluster.value(QStringLiteral("FRA-2")), 1);
    QCOMPARE(perCluster.value(QStringLiteral("FRA-3")), 3);
    for (const Cluster &c : s.clusters)
        QVERIFY(c.maxClusterPrice >= Amount::fromIcnt(2) && c.maxClusterPrice <= Amount::fromIcnt(4));

    const AccountEntry &sp = s.accounts.front();
    QCOMPARE(sp.account.toChecksummed(), QStringLiteral("0x9858EfFD232B4033E47d90003D41EC34EcaEda94"));
    QCOMPARE(sp.label, QStringLiteral("Demo SP (public test key, local mirror only)"));
    QCOMPARE(sp.balance, Amount::fromIcnt(250'000));
}

void TestSnapshotJson::demoNetworkIsAValidGenesis()
{
    const NetworkSnapshot s = DemoNetwork::snapshot();
    QVERIFY(SnapshotValidator::validate(s).ok());
    const auto back = SnapshotJson::fromJson(SnapshotJson::toJson(s));
    QVERIFY(back.ok());
    QCOMPARE(*back, s);
    QVERIFY(Engine::create(s).ok());
    QCOMPARE(DemoNetwork::snapshot(), s); // deterministic
}

// resources/demo-network.json is the demo network as a file (what `icnctl init --network` and
// other tools read); it must never drift from the network the code builds.
void TestSnapshotJson::committedDemoNetworkFileIsTheDemoNetwork()
{
    const auto file = SnapshotJson::readFile(QStringLiteral(ICN_SOURCE_DIR "/resources/demo-network.json"));
    QVERIFY2(file.ok(), file.ok() ? "" : qPrintable(file.error().message));
    QCOMPARE(*file, DemoNetwork::snapshot());
    QCOMPARE(SnapshotJson::toJson(*file), SnapshotJson::toJson(DemoNetwork::snapshot()));
}

QTEST_GUILESS_MAIN(TestSnapshotJson)
#include "tst_snapshotjson.moc"
