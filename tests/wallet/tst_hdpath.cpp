#include "HdPath.h"

#include <QTest>

using icn::HdPath;

class TestHdPath : public QObject
{
    Q_OBJECT

private slots:
    void parsesPaths_data();
    void parsesPaths();
    void refusesBadPaths_data();
    void refusesBadPaths();
    void ethereumPathIsBip44();
};

void TestHdPath::parsesPaths_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<quint32>>("indexes");
    QTest::addColumn<QString>("canonical");
    const quint32 h = HdPath::kHardened;
    QTest::newRow("the master key alone") << "m" << QList<quint32>{} << "m";
    QTest::newRow("one normal step") << "m/0" << QList<quint32>{0} << "m/0";
    QTest::newRow("the BIP-44 Ethereum path") << "m/44'/60'/0'/0/7" << QList<quint32>{44 | h, 60 | h, 0 | h, 0, 7}
                                              << "m/44'/60'/0'/0/7";
    QTest::newRow("hardened steps written with h") << "m/44h/60H/0h/1/2" << QList<quint32>{44 | h, 60 | h, 0 | h, 1, 2}
                                                   << "m/44'/60'/0'/1/2";
    QTest::newRow("surrounding spaces and a capital M") << "  M/1/2 " << QList<quint32>{1, 2} << "m/1/2";
    QTest::newRow("the largest indexes") << "m/2147483647/2147483647'" << QList<quint32>{0x7fffffff, 0xffffffff}
                                         << "m/2147483647/2147483647'";
    QTest::newRow("leading zeros") << "m/007" << QList<quint32>{7} << "m/7";
}

void TestHdPath::parsesPaths()
{
    QFETCH(QString, text);
    QFETCH(QList<quint32>, indexes);
    QFETCH(QString, canonical);
    const auto path = HdPath::parse(text);
    QVERIFY2(path.ok(), qPrintable(path.ok() ? QString() : path.error().message));
    QCOMPARE(path->indexes(), indexes);
    QCOMPARE(path->toString(), canonical);
    QCOMPARE(HdPath::parse(path->toString()).value(), *path);
}

void TestHdPath::refusesBadPaths_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");
    QTest::newRow("nothing") << "" << "hdpath.empty";
    QTest::newRow("only spaces") << "   " << "hdpath.empty";
    QTest::newRow("no leading m") << "44'/60'/0'/0/0" << "hdpath.missing_root";
    QTest::newRow("a leading slash") << "/44'/60'" << "hdpath.missing_root";
    QTest::newRow("another root letter") << "x/0" << "hdpath.missing_root";
    QTest::newRow("a trailing slash") << "m/0/" << "hdpath.malformed";
    QTest::newRow("an empty step") << "m//0" << "hdpath.malformed";
    QTest::newRow("a word as a step") << "m/abc" << "hdpath.malformed";
    QTest::newRow("a negative step") << "m/-1" << "hdpath.malformed";
    QTest::newRow("a plus sign") << "m/+1" << "hdpath.malformed";
    QTest::newRow("a doubled hardened mark") << "m/0''" << "hdpath.malformed";
    QTest::newRow("a hardened mark alone") << "m/'" << "hdpath.malformed";
    QTest::newRow("a space inside") << "m/ 1" << "hdpath.malformed";
    QTest::newRow("a hex step") << "m/0x10" << "hdpath.malformed";
    QTest::newRow("a step of 2^31") << "m/2147483648" << "hdpath.index_out_of_range";
    QTest::newRow("a hardened step of 2^31") << "m/2147483648'" << "hdpath.index_out_of_range";
    QTest::newRow("a step beyond 32 bits") << "m/99999999999" << "hdpath.malformed";
    QTest::newRow("256 steps") << "m" + QStringLiteral("/0").repeated(256) << "hdpath.too_deep";
}

void TestHdPath::refusesBadPaths()
{
    QFETCH(QString, text);
    QFETCH(QString, code);
    const auto path = HdPath::parse(text);
    QVERIFY(!path.ok());
    QCOMPARE(path.error().code, code);
    QCOMPARE(path.error().field, QStringLiteral("path"));
    QVERIFY(!path.error().message.isEmpty());
}

void TestHdPath::ethereumPathIsBip44()
{
    QCOMPARE(HdPath::ethereum(0, 0).toString(), QStringLiteral("m/44'/60'/0'/0/0"));
    QCOMPARE(HdPath::ethereum(2, 9).toString(), QStringLiteral("m/44'/60'/2'/0/9"));
    QCOMPARE(HdPath::parse(u"m/0/1/2/3/4/5/6/7").value().depth(), 8);
    QVERIFY(HdPath::parse(QStringLiteral("m") + QStringLiteral("/1").repeated(255)).ok());
}

QTEST_GUILESS_MAIN(TestHdPath)
#include "tst_hdpath.moc"
