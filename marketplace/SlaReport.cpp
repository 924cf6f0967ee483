#include "SlaReport.h"

#include "Int128.h"
#include "Keccak.h"
#include "Signer.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace icn {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SlaReport", text);
}

QByteArray word(quint64 v)
{
    QByteArray out(32, '\0');
    for (int i = 31; i >= 24; --i) {
        out[i] = static_cast<char>(v & 0xff);
        v >>= 8;
    }
    return out;
}

QByteArray addressWord(const Address &a)
{
    QByteArray out(12, '\0');
    out.append(a.isNull() ? QByteArray(20, '\0') : a.bytes());
    return out;
}

QJsonObject field(const char *name, const char *type)
{
    return QJsonObject{{QStringLiteral("name"), QString::fromLatin1(name)}, {QStringLiteral("type"), QString::fromLatin1(type)}};
}

Error rangeError(const char *code, const char *fieldName, const QString &message, qint64 value)
{
    return Error::make(QString::fromLatin1(code), message, QString::fromLatin1(fieldName),
                       {{QStringLiteral("value"), value}});
}

} // namespace

Result<void> SlaReport::validate() const
{
    // Ids travel in CSV feeds unquoted and as UTF-8: no separators, quotes, control characters
    // or unpaired surrogates.
    bool printable = true;
    for (qsizetype i = 0; i < hnId.size() && printable; ++i) {
        const QChar c = hnId[i];
        if (c.isHighSurrogate() && i + 1 < hnId.size() && hnId[i + 1].isLowSurrogate())
            ++i;
        else
            printable = c.unicode() >= 0x20 && c.unicode() != 0x7f && c != QLatin1Char(',') && c != QLatin1Char('"')
                && !c.isSurrogate();
    }
    if (hnId.isEmpty() || hnId.toUtf8().size() > kMaxHnIdBytes || !printable)
        return Error::make(QStringLiteral("sla_report.bad_hn_id"),
                           tr("The HN id must be 1 to %1 bytes without commas, quotes or control characters.").arg(kMaxHnIdBytes),
                           QStringLiteral("hnId"));
    if (epoch < 0 || epoch > kMaxEpoch)
        return rangeError("sla_report.bad_epoch", "epoch", tr("The epoch must be 0 to 2^53 − 1."), epoch);
    if (auto ok = validateMetrics(metrics); !ok)
        return ok;
    if (oracle.isNull())
        return Error::make(QStringLiteral("sla_report.no_oracle"), tr("The report names no oracle."), QStringLiteral("oracle"));
    return {};
}

Result<void> SlaReport::validateMetrics(const SlaMetrics &metrics)
{
    if (metrics.availabilityPpm < 0 || metrics.availabilityPpm > kMaxAvailabilityPpm)
        return rangeError("sla_report.bad_availability", "availabilityPpm",
                          tr("Availability must be 0 to 1,000,000 ppm."), metrics.availabilityPpm);
    if (metrics.latencyMs < 0 || metrics.latencyMs > kMaxLatencyMs)
        return rangeError("sla_report.bad_latency", "latencyMs",
                          tr("Latency must be 0 to %1 ms.").arg(kMaxLatencyMs), metrics.latencyMs);
    if (metrics.bandwidthMbps < 0 || metrics.bandwidthMbps > kMaxBandwidthMbps)
        return rangeError("sla_report.bad_bandwidth", "bandwidthMbps",
                          tr("Bandwidth must be 0 to %1 Mbit/s.").arg(kMaxBandwidthMbps), metrics.bandwidthMbps);
    return {};
}

QString SlaReport::typeString()
{
    return QStringLiteral("SlaReport(string hnId,uint64 epoch,uint64 availabilityPpm,uint64 latencyMs,"
                          "uint64 bandwidthMbps,address oracle)");
}

QByteArray SlaReport::domainSeparator()
{
    static const QByteArray separator = [] {
        QByteArray data = keccak256("EIP712Domain(string name,string version,uint256 chainId)");
        data.append(keccak256("ICN Desk Local Mirror"));
        data.append(keccak256("1"));
        data.append(word(static_cast<quint64>(kChainId)));
        return keccak256(data);
    }();
    return separator;
}

QByteArray SlaReport::structHash() const
{
    static const QByteArray typeHash = keccak256(typeString().toLatin1());
    QByteArray data = typeHash;
    data.reserve(32 * 7);
    data.append(keccak256(hnId.toUtf8()));
    data.append(word(static_cast<quint64>(epoch)));
    data.append(word(static_cast<quint64>(metrics.availabilityPpm)));
    data.append(word(static_cast<quint64>(metrics.latencyMs)));
    data.append(word(static_cast<quint64>(metrics.bandwidthMbps)));
    data.append(addressWord(oracle));
    return keccak256(data);
}

QByteArray SlaReport::digest() const
{
    QByteArray data("\x19\x01", 2);
    data.append(domainSeparator());
    data.append(structHash());
    return keccak256(data);
}

QJsonObject SlaReport::typedDataJson() const
{
    const QJsonArray domainFields{field("name", "string"), field("version", "string"), field("chainId", "uint256")};
    const QJsonArray fields{field("hnId", "string"),        field("epoch", "uint64"),
                            field("availabilityPpm", "uint64"), field("latencyMs", "uint64"),
                            field("bandwidthMbps", "uint64"),  field("oracle", "address")};
    const QJsonObject message{
        {QStringLiteral("hnId"), hnId},
        {QStringLiteral("epoch"), QString::number(epoch)},
        {QStringLiteral("availabilityPpm"), QString::number(metrics.availabilityPpm)},
        {QStringLiteral("latencyMs"), QString::number(metrics.latencyMs)},
        {QStringLiteral("bandwidthMbps"), QString::number(metrics.bandwidthMbps)},
        {QStringLiteral("oracle"), oracle.isNull() ? QString() : oracle.toChecksummed()},
    };
    return QJsonObject{
        {QStringLiteral("types"), QJsonObject{{QStringLiteral("EIP712Domain"), domainFields}, {QStringLiteral("SlaReport"), fields}}},
        {QStringLiteral("primaryType"), QStringLiteral("SlaReport")},
        {QStringLiteral("domain"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("ICN Desk Local Mirror")},
                     {QStringLiteral("version"), QStringLiteral("1")},
                     {QStringLiteral("chainId"), kChainId}}},
        {QStringLiteral("message"), message},
    };
}

Result<void> SlaReport::verify() const
{
    if (auto ok = validate(); !ok)
        return ok;
    const auto badSignature = [](const QString &why) {
        return Error::make(QStringLiteral("sla_report.bad_signature"),
                           tr("The report's signature is not the oracle's: %1").arg(why), QStringLiteral("signature"));
    };
    const auto parsed = Signature::fromRsv(signature);
    if (!parsed)
        return badSignature(parsed.error().message);
    const auto signer = signer::recoverAddress(digest(), *parsed);
    if (!signer)
        return badSignature(signer.error().message);
    if (!(*signer == oracle))
        return badSignature(tr("it was made by %1.").arg(signer->toChecksummed()));
    return {};
}

Result<SlaReport> SlaReport::sign(SlaReport report, const SecureBytes &privateKey)
{
    if (auto ok = report.validate(); !ok)
        return ok.error();
    const auto address = signer::addressOf(privateKey);
    if (!address)
        return address.error();
    if (!(*address == report.oracle))
        return Error::make(QStringLiteral("sla_report.key_mismatch"), tr("The key does not belong to the report's oracle."),
                           QStringLiteral("oracle"));
    const auto signature = signer::signDigest(privateKey, report.digest());
    if (!signature)
        return signature.error();
    report.signature = signature->toRsv();
    return report;
}

} // namespace icn
