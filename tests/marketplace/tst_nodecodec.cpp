// Canonical bytes and EIP-712 typed data of the §6 hardware-node transactions: every type round
// trips, signed and unsigned; non-canonical or malformed bytes are refused with the field.
#include "NodeFixture.h"
#include "NodeTypedData.h"
#include "Signer.h"
#include "TxCodec.h"

#include <QJsonArray>
#include <QTest>

using namespace icn;
using namespace icn::test;

class TestNodeCodec : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void refusesNonCanonicalBytes_data();
    void refusesNonCanonicalBytes();
    void typedDataNamesEveryField();
};

namespace {

const SecureBytes &key()
{
    static const SecureBytes k(QByteArray(32, '\x46'));
    return k;
}

QList<std::pair<const char *, Transaction>> samples()
{
    const Address p = *signer::addressOf(key());
    RegisterNodeTx reg = registerTx(QStringLiteral("FRA-1-N09"), QStringLiteral("FRA-1"), 250, "2.75", "1800", 42, 3, p);
    reg.maxDurationMonths = 24;
    reg.maxLeadMonths = 9;
    return {
        {"register", reg},
        {"set price", priceTx(QStringLiteral("FRA-1-N09"), "3.1", 4, p)},
        {"deposit", depositTx(QStringLiteral("FRA-1-N09"), "12.000000000000000001", 5, p)},
        {"withdraw", withdrawTx(QStringLiteral("FRA-1-N09"), "7", 6, p)},
        {"extend", extendTx(QStringLiteral("FRA-1-N09"), 12, 7, p)},
        {"offboard", offboardTx(QStringLiteral("FRA-1-N09"), 8, p)},
    };
}

Transaction signedOf(const Transaction &tx)
{
    return std::visit(
        [](const auto &t) -> Transaction {
            if constexpr (requires { t.provider; })
                return *signNodeTransaction(t, key());
            else
                return t;
        },
        tx);
}

} // namespace

void TestNodeCodec::roundTrip_data()
{
    QTest::addColumn<Transaction>("tx");
    QTest::addColumn<QString>("type");
    const char *names[] = {"hn_register", "hn_set_price", "hn_deposit", "hn_withdraw", "hn_extend", "hn_offboard"};
    int i = 0;
    for (const auto &[name, tx] : samples()) {
        QTest::addRow("%s, unsigned local", name) << tx << QString::fromLatin1(names[i]);
        QTest::addRow("%s, signed", name) << signedOf(tx) << QString::fromLatin1(names[i]);
        ++i;
    }
}

void TestNodeCodec::roundTrip()
{
    QFETCH(Transaction, tx);
    QFETCH(QString, type);
    const QByteArray bytes = encodeTransaction(tx);
    QCOMPARE(static_cast<quint8>(bytes[1]) >= 10 && static_cast<quint8>(bytes[1]) <= 15, true);
    const auto decoded = decodeTransaction(bytes);
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().code + decoded.error().field));
    QVERIFY(*decoded == tx);
    QCOMPARE(encodeTransaction(*decoded), bytes);
    QCOMPARE(transactionTypeName(tx), type);
    QCOMPARE(transactionSender(tx), *signer::addressOf(key()));
    // Every strict prefix is refused as truncated/malformed, never accepted.
    for (qsizetype n = 2; n < bytes.size(); ++n)
        QVERIFY(!decodeTransaction(bytes.left(n)).ok());
}

void TestNodeCodec::refusesNonCanonicalBytes_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    const auto all = samples();
    for (const auto &[name, tx] : all) {
        const QByteArray b = encodeTransaction(tx);
        QTest::addRow("%s with a trailing byte", name) << (b + '\0') << "tx.trailing_bytes" << "type";
        QByteArray flag = b;
        flag[flag.size() - 5] = '\x02'; // unsignedLocal, before the empty signature's length
        QTest::addRow("%s with a boolean that is neither 0 nor 1", name) << flag << "tx.malformed" << "unsignedLocal";
        QByteArray carrying = b;
        carrying.chop(4);
        carrying.append(QByteArray::fromHex("00000041") + QByteArray(65, '\x01'));
        QTest::addRow("%s marked unsigned yet carrying a signature", name) << carrying << "tx.malformed" << "signature";
        QByteArray presence = b;
        presence[2] = '\x02'; // the provider address's presence byte
        QTest::addRow("%s with a bad address presence byte", name) << presence << "tx.malformed" << "provider";
        const QByteArray s = encodeTransaction(signedOf(tx));
        QByteArray shortSig = s;
        shortSig.chop(65 + 4);
        shortSig.append(QByteArray::fromHex("00000040") + QByteArray(64, '\x01'));
        QTest::addRow("%s with a 64-byte signature", name) << shortSig << "tx.malformed" << "signature";
    }
    {
        QByteArray b = encodeTransaction(all[2].second); // deposit: provider (22), nodeId (4 + 9), amount
        b[2 + 21 + 13] = '\x80';
        QTest::newRow("a deposit of a negative amount") << b << "tx.malformed" << "amount";
    }
    {
        QByteArray b = encodeTransaction(all[0].second);
        const qsizetype at = b.indexOf("FRA-1-N09");
        b[at] = '\xff';
        QTest::newRow("a node id that is not UTF-8") << b << "tx.malformed" << "nodeId";
    }
    QTest::newRow("tag 16, outside the range") << QByteArray("\x01\x10\x00", 3) << "tx.unknown_type" << "type";
}

void TestNodeCodec::refusesNonCanonicalBytes()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, code);
    QFETCH(QString, field);
    const auto decoded = decodeTransaction(bytes);
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().code, code);
    QCOMPARE(decoded.error().field, field);
}

void TestNodeCodec::typedDataNamesEveryField()
{
    const auto all = samples();
    const auto &reg = std::get<RegisterNodeTx>(all[0].second);
    QCOMPARE(NodeTypedData::typeString(reg),
             QStringLiteral("RegisterNode(address provider,string nodeId,string clusterId,uint64 capacityTb,uint256 reservationPrice,"
                            "uint256 deposit,uint32 maxDurationMonths,uint32 maxLeadMonths,uint32 commitmentMonths,uint64 nonce)"));
    QCOMPARE(NodeTypedData::typeString(std::get<SetReservationPriceTx>(all[1].second)),
             QStringLiteral("SetReservationPrice(address provider,string nodeId,uint256 price,uint64 nonce)"));
    QCOMPARE(NodeTypedData::typeString(std::get<ExtendCommitmentTx>(all[4].second)),
             QStringLiteral("ExtendCommitment(address provider,string nodeId,uint32 months,uint64 nonce)"));
    QCOMPARE(NodeTypedData::typeString(std::get<OffboardNodeTx>(all[5].second)),
             QStringLiteral("OffboardNode(address provider,string nodeId,uint64 nonce)"));
    const QJsonObject json = NodeTypedData::json(reg);
    QCOMPARE(json.value(QStringLiteral("primaryType")).toString(), QStringLiteral("RegisterNode"));
    const QJsonObject message = json.value(QStringLiteral("message")).toObject();
    QCOMPARE(message.value(QStringLiteral("deposit")).toString(), QStringLiteral("1800000000000000000000"));
    QCOMPARE(message.value(QStringLiteral("capacityTb")).toString(), QStringLiteral("250"));
    QCOMPARE(json.value(QStringLiteral("types")).toObject().value(QStringLiteral("RegisterNode")).toArray().size(), 10);
    // Deposit and withdrawal of the same amount are different messages; every signed field counts.
    const auto &dep = std::get<DepositCollateralTx>(all[2].second);
    const WithdrawCollateralTx wd{dep.provider, dep.nodeId, dep.amount, dep.nonce, true, {}};
    QVERIFY(NodeTypedData::digest(dep) != NodeTypedData::digest(wd));
    RegisterNodeTx other = reg;
    other.commitmentMonths += 6;
    QVERIFY(NodeTypedData::digest(other) != NodeTypedData::digest(reg));
    // unsignedLocal and the signature are not signed.
    RegisterNodeTx flagged = reg;
    flagged.unsignedLocal = false;
    QCOMPARE(NodeTypedData::digest(flagged), NodeTypedData::digest(reg));
    QCOMPARE(NodeTypedData::digest(reg).size(), 32);
}

QTEST_GUILESS_MAIN(TestNodeCodec)
#include "tst_nodecodec.moc"
