// SLA oracle reports: validation, EIP-712 typed data, signing and verification.
#include "BookingTypedData.h"
#include "Signer.h"
#include "SlaReport.h"
#include "TypedData.h"

#include <QJsonDocument>
#include <QTest>

using namespace icn;

namespace {

SecureBytes key(char fill)
{
    return SecureBytes(QByteArray(32, fill));
}

SlaReport sample(const Address &oracle)
{
    SlaReport r;
    r.hnId = QStringLiteral("FRA-1-N01");
    r.epoch = 20'412;
    r.metrics = SlaMetrics{999'412, 87, 1'250};
    r.oracle = oracle;
    return r;
}

} // namespace

class TestSlaReport : public QObject
{
    Q_OBJECT

private slots:
    void validates_data();
    void validates();
    void digestMatchesTheGenericEip712Encoder();
    void usesTheBookingDomain();
    void signsAndVerifies();
    void everySignedFieldMatters_data();
    void everySignedFieldMatters();
    void refusesAForeignKeyAndBadSignatures();
};

void TestSlaReport::validates_data()
{
    QTest::addColumn<QString>("hnId");
    QTest::addColumn<qint64>("epoch");
    QTest::addColumn<qint64>("availability");
    QTest::addColumn<qint64>("latency");
    QTest::addColumn<qint64>("bandwidth");
    QTest::addColumn<QString>("code");
    QTest::newRow("a normal report is valid") << "FRA-1-N01" << qint64(1) << qint64(999'000) << qint64(150) << qint64(1'000) << QString();
    QTest::newRow("all-zero metrics are valid (a dead node)") << "FRA-1-N01" << qint64(0) << qint64(0) << qint64(0) << qint64(0) << QString();
    QTest::newRow("full availability is valid") << "X" << qint64(0) << qint64(1'000'000) << qint64(0) << qint64(0) << QString();
    QTest::newRow("availability above 100 percent is refused") << "X" << qint64(0) << qint64(1'000'001) << qint64(0) << qint64(0)
                                                               << "sla_report.bad_availability";
    QTest::newRow("a negative epoch is refused") << "X" << qint64(-1) << qint64(0) << qint64(0) << qint64(0) << "sla_report.bad_epoch";
    QTest::newRow("an epoch beyond 2^53 - 1 is refused") << "X" << qint64(9'007'199'254'740'992) << qint64(0) << qint64(0) << qint64(0)
                                                         << "sla_report.bad_epoch";
    QTest::newRow("a latency over a day is refused") << "X" << qint64(0) << qint64(0) << qint64(86'400'001) << qint64(0)
                                                     << "sla_report.bad_latency";
    QTest::newRow("a negative bandwidth is refused") << "X" << qint64(0) << qint64(0) << qint64(0) << qint64(-1)
                                                     << "sla_report.bad_bandwidth";
    QTest::newRow("an empty HN id is refused") << "" << qint64(0) << qint64(0) << qint64(0) << qint64(0) << "sla_report.bad_hn_id";
    QTest::newRow("an HN id with a comma is refused") << "A,B" << qint64(0) << qint64(0) << qint64(0) << qint64(0) << "sla_report.bad_hn_id";
    QTest::newRow("an HN id with a newline is refused") << "A\nB" << qint64(0) << qint64(0) << qint64(0) << qint64(0)
                                                        << "sla_report.bad_hn_id";
    QTest::newRow("an HN id with an unpaired surrogate is refused") << QString(QChar(0xD800)) << qint64(0) << qint64(0) << qint64(0)
                                                                    << qint64(0) << "sla_report.bad_hn_id";
    QTest::newRow("an HN id outside the BMP is valid") << QString::fromUtf8("N\xF0\x9F\x98\x80") << qint64(0) << qint64(0) << qint64(0)
                                                       << qint64(0) << QString();
    QTest::newRow("an HN id of 257 bytes is refused") << QString(257, QLatin1Char('N')) << qint64(0) << qint64(0) << qint64(0) << qint64(0)
                                                      << "sla_report.bad_hn_id";
}

void TestSlaReport::validates()
{
    QFETCH(QString, hnId);
    QFETCH(qint64, epoch);
    QFETCH(qint64, availability);
    QFETCH(qint64, latency);
    QFETCH(qint64, bandwidth);
    QFETCH(QString, code);
    SlaReport r = sample(*signer::addressOf(key(0x11)));
    r.hnId = hnId;
    r.epoch = epoch;
    r.metrics = SlaMetrics{availability, latency, bandwidth};
    const auto ok = r.validate();
    QCOMPARE(ok.ok(), code.isEmpty());
    if (!code.isEmpty()) {
        QCOMPARE(ok.error().code, code);
        QCOMPARE(SlaReport::sign(r, key(0x11)).error().code, code);
    }
    r.oracle = Address();
    if (code.isEmpty())
        QCOMPARE(r.validate().error().code, QStringLiteral("sla_report.no_oracle"));
}

void TestSlaReport::digestMatchesTheGenericEip712Encoder()
{
    const SlaReport r = sample(*signer::addressOf(key(0x22)));
    const auto typed = TypedData::fromJson(r.typedDataJson());
    QVERIFY2(typed.ok(), typed.ok() ? "" : qPrintable(typed.error().toString()));
    QCOMPARE(typed->encodeType(QStringLiteral("SlaReport")), SlaReport::typeString());
    QCOMPARE(typed->domainSeparator(), SlaReport::domainSeparator());
    QCOMPARE(typed->hashStruct(), r.structHash());
    QCOMPARE(typed->digest(), r.digest());
    // And through its JSON text, as a wallet receives it.
    const auto fromText = TypedData::fromJson(QJsonDocument(r.typedDataJson()).toJson());
    QCOMPARE(fromText->digest(), r.digest());
}

void TestSlaReport::usesTheBookingDomain()
{
    QCOMPARE(SlaReport::domainSeparator(), BookingTypedData::domainSeparator());
    QCOMPARE(SlaReport::kChainId, BookingTypedData::kChainId);
}

void TestSlaReport::signsAndVerifies()
{
    const Address oracle = *signer::addressOf(key(0x33));
    const auto signed_ = SlaReport::sign(sample(oracle), key(0x33));
    QVERIFY(signed_.ok());
    QCOMPARE(signed_->signature.size(), 65);
    QVERIFY(signed_->verify().ok());
    // Deterministic (RFC 6979): the same report signs to the same bytes.
    QCOMPARE(SlaReport::sign(sample(oracle), key(0x33))->signature, signed_->signature);
}

void TestSlaReport::everySignedFieldMatters_data()
{
    QTest::addColumn<int>("fieldNo");
    QTest::newRow("changing the HN id breaks the signature") << 0;
    QTest::newRow("changing the epoch breaks the signature") << 1;
    QTest::newRow("changing availability breaks the signature") << 2;
    QTest::newRow("changing latency breaks the signature") << 3;
    QTest::newRow("changing bandwidth breaks the signature") << 4;
    QTest::newRow("claiming another oracle breaks the signature") << 5;
}

void TestSlaReport::everySignedFieldMatters()
{
    QFETCH(int, fieldNo);
    SlaReport r = *SlaReport::sign(sample(*signer::addressOf(key(0x44))), key(0x44));
    switch (fieldNo) {
    case 0: r.hnId = QStringLiteral("FRA-1-N02"); break;
    case 1: ++r.epoch; break;
    case 2: ++r.metrics.availabilityPpm; break;
    case 3: --r.metrics.latencyMs; break;
    case 4: ++r.metrics.bandwidthMbps; break;
    default: r.oracle = *signer::addressOf(key(0x45)); break;
    }
    const auto ok = r.verify();
    QVERIFY(!ok.ok());
    QCOMPARE(ok.error().code, QStringLiteral("sla_report.bad_signature"));
}

void TestSlaReport::refusesAForeignKeyAndBadSignatures()
{
    const Address oracle = *signer::addressOf(key(0x55));
    const auto foreign = SlaReport::sign(sample(oracle), key(0x56));
    QVERIFY(!foreign.ok());
    QCOMPARE(foreign.error().code, QStringLiteral("sla_report.key_mismatch"));

    SlaReport r = *SlaReport::sign(sample(oracle), key(0x55));
    r.signature.chop(1);
    QCOMPARE(r.verify().error().code, QStringLiteral("sla_report.bad_signature"));
    r.signature.clear();
    QCOMPARE(r.verify().error().code, QStringLiteral("sla_report.bad_signature"));
    r.signature = QByteArray(65, '\0');
    QCOMPARE(r.verify().error().code, QStringLiteral("sla_report.bad_signature"));
}

QTEST_GUILESS_MAIN(TestSlaReport)
#include "tst_slareport.moc"
