#include "SnapshotJson.h"

#include "JsonLocator.h"
#include "SnapshotValidator.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QHash>
#include <QSaveFile>
#include <QSet>

#include <limits>
#include <optional>

namespace icn {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SnapshotJson", text);
}

// Reads one JSON object's fields, remembering the first problem and which keys were used.
class FieldReader
{
public:
    FieldReader(const QJsonObject &object, QString section, qsizetype index, std::optional<SnapshotProblem> &problem)
        : m_o(object), m_section(std::move(section)), m_index(index), m_problem(problem)
    {
    }

    bool failed() const { return m_problem.has_value(); }

    void fail(const char *code, const QString &key, const QString &why)
    {
        if (!m_problem)
            m_problem = SnapshotProblem{QStringLiteral("snapshot.") + QLatin1String(code), why, m_section, m_index, key};
    }

    QJsonValue take(const QString &key)
    {
        m_used.insert(key);
        if (!m_o.contains(key)) {
            fail("missing_field", key, tr("The field \"%1\" is missing.").arg(key));
            return {};
        }
        return m_o.value(key);
    }

    QString string(const QString &key)
    {
        const QJsonValue v = take(key);
        if (failed())
            return {};
        if (!v.isString())
            fail("bad_field", key, tr("\"%1\" must be a string.").arg(key));
        return v.toString();
    }

    qint64 integer(const QString &key, qint64 lo, qint64 hi)
    {
        const QJsonValue v = take(key);
        if (failed())
            return 0;
        if (!v.isDouble()) {
            fail("bad_field", key, tr("\"%1\" must be a number.").arg(key));
            return 0;
        }
        constexpr qint64 kNotInteger = std::numeric_limits<qint64>::min();
        const qint64 x = v.toInteger(kNotInteger);
        if (x == kNotInteger || x < lo || x > hi) {
            fail("bad_number", key, tr("\"%1\" must be a whole number from %2 to %3.").arg(key).arg(lo).arg(hi));
            return 0;
        }
        return x;
    }

    Amount amount(const QString &key, const Amount &cap)
    {
        const QString text = string(key);
        if (failed())
            return {};
        if (text.trimmed().startsWith(QLatin1Char('-'))) {
            fail("bad_number", key, tr("\"%1\" cannot be negative.").arg(key));
            return {};
        }
        const auto a = Amount::parse(text);
        if (!a) {
            fail("bad_amount", key, tr("\"%1\" must be an ICNT amount written as a decimal string, like \"2.5\": %2").arg(key, a.error().message));
            return {};
        }
        if (*a > cap) {
            fail("bad_number", key, tr("\"%1\" exceeds %2 ICNT.").arg(key, cap.toString()));
            return {};
        }
        return *a;
    }

    Month month(const QString &key)
    {
        const QString text = string(key);
        if (failed())
            return {};
        const auto m = Month::parse(text, key);
        if (!m) {
            fail("bad_month", key, tr("\"%1\" must be a month written YYYY-MM.").arg(key));
            return {};
        }
        return *m;
    }

    Address address(const QString &key)
    {
        const QString text = string(key);
        if (failed())
            return {};
        const auto a = Address::parse(text);
        if (!a) {
            fail("bad_address", key, tr("\"%1\" is not a valid address: %2").arg(key, a.error().message));
            return {};
        }
        return *a;
    }

    QJsonObject object(const QString &key)
    {
        const QJsonValue v = take(key);
        if (!failed() && !v.isObject())
            fail("bad_field", key, tr("\"%1\" must be an object.").arg(key));
        return v.toObject();
    }

    // Every field must be known: a misspelt one would otherwise be silently dropped.
    void finish()
    {
        for (auto it = m_o.begin(); it != m_o.end() && !failed(); ++it)
            if (!m_used.contains(it.key()))
                fail("unknown_field", it.key(), tr("Unknown field \"%1\".").arg(it.key()));
    }

private:
    const QJsonObject &m_o;
    QString m_section;
    qsizetype m_index;
    std::optional<SnapshotProblem> &m_problem;
    QSet<QString> m_used;
};

struct Int32Param
{
    const char *key;
    qint32 ProtocolParams::*member;
    qint64 lo, hi;
};
struct Int64Param
{
    const char *key;
    qint64 ProtocolParams::*member;
    qint64 lo, hi;
};

constexpr qint64 kPpm = Amount::kPpm;
const Int32Param kInt32Params[] = {
    {"minBookingMonths", &ProtocolParams::minBookingMonths, 1, 120},
    {"minHnMaxDurationMonths", &ProtocolParams::minHnMaxDurationMonths, 1, 120},
    {"minHnMaxLeadMonths", &ProtocolParams::minHnMaxLeadMonths, 1, 120},
    {"defaultMaxLeadMonths", &ProtocolParams::defaultMaxLeadMonths, 1, 120},
    {"maxHnsPerCluster", &ProtocolParams::maxHnsPerCluster, 1, 10'000},
    {"collateralMonths", &ProtocolParams::collateralMonths, 0, 120},
    {"minCommitmentMonths", &ProtocolParams::minCommitmentMonths, 0, 1'200},
    {"commitmentStepMonths", &ProtocolParams::commitmentStepMonths, 1, 120},
    {"quorumNumerator", &ProtocolParams::quorumNumerator, 1, 1'000},
    {"quorumDenominator", &ProtocolParams::quorumDenominator, 1, 1'000},
    {"graceEpochs", &ProtocolParams::graceEpochs, 0, 1'000},
    {"reliabilityWindowEpochs", &ProtocolParams::reliabilityWindowEpochs, 1, 100'000},
    {"reliabilityPriorCompliant", &ProtocolParams::reliabilityPriorCompliant, 0, 100'000},
    {"reliabilityPriorObserved", &ProtocolParams::reliabilityPriorObserved, 1, 100'000},
    {"slaReportRetentionEpochs", &ProtocolParams::slaReportRetentionEpochs, 1, 100'000},
};
const Int64Param kInt64Params[] = {
    {"defaultMarginPpm", &ProtocolParams::defaultMarginPpm, 0, kPpm},
    {"minRegistrationCollateralPpm", &ProtocolParams::minRegistrationCollateralPpm, 0, kPpm},
    {"jailCollateralPpm", &ProtocolParams::jailCollateralPpm, 0, kPpm},
    {"slashBasePpm", &ProtocolParams::slashBasePpm, 0, kPpm},
    {"slashCapPpm", &ProtocolParams::slashCapPpm, 0, kPpm},
    {"maxBondBonusPpm", &ProtocolParams::maxBondBonusPpm, 0, kPpm},
};
// Far above the real 700M supply, far below what 128-bit products could overflow on.
const Amount kMaxSupply = Amount::fromIcnt(1'000'000'000'000LL);

const char *statusName(NodeStatus s)
{
    switch (s) {
    case NodeStatus::Registered: return "registered";
    case NodeStatus::Active: return "active";
    case NodeStatus::Jailed: return "jailed";
    case NodeStatus::Offboarded: return "offboarded";
    }
    return "active";
}

QJsonObject slaToJson(const SlaTargets &t)
{
    return {{QStringLiteral("minAvailabilityPpm"), t.minAvailabilityPpm},
            {QStringLiteral("maxLatencyMs"), t.maxLatencyMs},
            {QStringLiteral("minBandwidthMbps"), t.minBandwidthMbps}};
}

SlaTargets slaFromJson(const QJsonObject &o, const QString &section, qsizetype index, const QString &key,
                       std::optional<SnapshotProblem> &problem)
{
    // Problems inside the nested object are reported at the object's key.
    std::optional<SnapshotProblem> inner;
    FieldReader r(o, section, index, inner);
    SlaTargets t;
    t.minAvailabilityPpm = r.integer(QStringLiteral("minAvailabilityPpm"), 0, kPpm);
    t.maxLatencyMs = r.integer(QStringLiteral("maxLatencyMs"), 0, 1'000'000);
    t.minBandwidthMbps = r.integer(QStringLiteral("minBandwidthMbps"), 0, 1'000'000'000);
    r.finish();
    if (inner && !problem) {
        inner->message = key + QStringLiteral(": ") + inner->message;
        inner->key = key;
        problem = inner;
    }
    return t;
}

QJsonObject paramsToJson(const ProtocolParams &p)
{
    QJsonObject o;
    o.insert(QStringLiteral("totalSupply"), p.totalSupply.toString());
    o.insert(QStringLiteral("rewardsReserve"), p.rewardsReserve.toString());
    o.insert(QStringLiteral("capacityRewardPerTbMonth"), p.capacityRewardPerTbMonth.toString());
    for (const auto &f : kInt32Params)
        o.insert(QLatin1String(f.key), p.*f.member);
    for (const auto &f : kInt64Params)
        o.insert(QLatin1String(f.key), p.*f.member);
    QJsonObject margins;
    for (auto it = p.regionMarginPpm.cbegin(); it != p.regionMarginPpm.cend(); ++it)
        margins.insert(it.key(), it.value());
    o.insert(QStringLiteral("regionMarginPpm"), margins);
    o.insert(QStringLiteral("defaultSlaTargets"), slaToJson(p.defaultSlaTargets));
    return o;
}

ProtocolParams paramsFromJson(const QJsonObject &o, std::optional<SnapshotProblem> &problem)
{
    const QString section = QStringLiteral("params");
    FieldReader r(o, section, -1, problem);
    ProtocolParams p;
    p.totalSupply = r.amount(QStringLiteral("totalSupply"), kMaxSupply);
    p.rewardsReserve = r.amount(QStringLiteral("rewardsReserve"), kMaxSupply);
    p.capacityRewardPerTbMonth = r.amount(QStringLiteral("capacityRewardPerTbMonth"), kMaxSupply);
    for (const auto &f : kInt32Params)
        p.*f.member = static_cast<qint32>(r.integer(QLatin1String(f.key), f.lo, f.hi));
    for (const auto &f : kInt64Params)
        p.*f.member = r.integer(QLatin1String(f.key), f.lo, f.hi);
    const QString marginsKey = QStringLiteral("regionMarginPpm");
    const QJsonObject margins = r.object(marginsKey);
    for (auto it = margins.begin(); it != margins.end() && !r.failed(); ++it) {
        const qint64 ppm = it.value().toInteger(-1);
        if (!it.value().isDouble() || ppm < 0 || ppm > kPpm)
            r.fail("bad_number", marginsKey, tr("The margin of region %1 must be a whole number of ppm from 0 to 1000000.").arg(it.key()));
        p.regionMarginPpm.insert(it.key(), ppm);
    }
    const QString slaKey = QStringLiteral("defaultSlaTargets");
    const QJsonObject sla = r.object(slaKey);
    if (!r.failed())
        p.defaultSlaTargets = slaFromJson(sla, section, -1, slaKey, problem);
    r.finish();
    return p;
}

// Appends `"key": [` + one compact object per line + `]`.
void appendList(QByteArray &out, const char *key, const QList<QJsonObject> &items, bool last)
{
    out += "  \"";
    out += key;
    out += "\": [";
    for (qsizetype i = 0; i < items.size(); ++i) {
        out += i == 0 ? "\n    " : ",\n    ";
        out += QJsonDocument(items[i]).toJson(QJsonDocument::Compact);
    }
    out += items.isEmpty() ? "]" : "\n  ]";
    out += last ? "\n" : ",\n";
}

QByteArray scalar(const QJsonValue &v)
{
    const QByteArray a = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return a.mid(1, a.size() - 2);
}

} // namespace

QByteArray SnapshotJson::toJson(const NetworkSnapshot &s)
{
    QByteArray out;
    out.reserve(64 + s.nodes.size() * 330 + s.accounts.size() * 120);
    out += "{\n  \"format\": " + scalar(formatName()) + ",\n";
    out += "  \"version\": " + QByteArray::number(kFormatVersion) + ",\n";
    out += "  \"name\": " + scalar(s.name) + ",\n";
    out += "  \"currentMonth\": " + scalar(s.currentMonth.toString()) + ",\n";
    out += "  \"currentEpoch\": " + QByteArray::number(s.currentEpoch) + ",\n";
    out += "  \"params\": " + QJsonDocument(paramsToJson(s.params)).toJson(QJsonDocument::Compact) + ",\n";

    QList<QJsonObject> items;
    for (const Region &r : s.regions)
        items.append({{QStringLiteral("id"), r.id}, {QStringLiteral("name"), r.name}});
    appendList(out, "regions", items, false);
    items.clear();
    for (const Zone &z : s.zones)
        items.append({{QStringLiteral("id"), z.id}, {QStringLiteral("region"), z.regionId}, {QStringLiteral("name"), z.name}});
    appendList(out, "zones", items, false);
    items.clear();
    for (const Cluster &c : s.clusters)
        items.append({{QStringLiteral("id"), c.id},
                      {QStringLiteral("zone"), c.zoneId},
                      {QStringLiteral("name"), c.name},
                      {QStringLiteral("hardwareClass"), c.hardwareClass},
                      {QStringLiteral("maxPrice"), c.maxClusterPrice.toString()},
                      {QStringLiteral("sla"), slaToJson(c.slaTargets)}});
    appendList(out, "clusters", items, false);
    items.clear();
    for (const HardwareProvider &p : s.providers)
        items.append({{QStringLiteral("address"), p.account.toChecksummed()}, {QStringLiteral("name"), p.name}});
    appendList(out, "providers", items, false);
    items.clear();
    items.reserve(s.nodes.size());
    // EIP-55 costs a Keccak per address; an HP owns many nodes.
    QHash<Address, QString> checksummed;
    for (const HardwareProvider &p : s.providers)
        checksummed.insert(p.account, p.account.toChecksummed());
    const auto providerText = [&checksummed](const Address &a) {
        const auto it = checksummed.constFind(a);
        return it != checksummed.cend() ? *it : a.toChecksummed();
    };
    for (const HardwareNode &n : s.nodes)
        items.append({{QStringLiteral("id"), n.id},
                      {QStringLiteral("cluster"), n.clusterId},
                      {QStringLiteral("provider"), providerText(n.provider)},
                      {QStringLiteral("capacityTb"), n.capacityTb},
                      {QStringLiteral("reservationPrice"), n.reservationPrice.toString()},
                      {QStringLiteral("collateral"), n.collateral.toString()},
                      {QStringLiteral("registered"), n.registeredMonth.toString()},
                      {QStringLiteral("commitmentEnd"), n.commitmentEnd.toString()},
                      {QStringLiteral("maxDurationMonths"), n.maxDurationMonths},
                      {QStringLiteral("maxLeadMonths"), n.maxLeadMonths},
                      {QStringLiteral("status"), QLatin1String(statusName(n.status))},
                      {QStringLiteral("reliabilityPpm"), n.reliabilityPpm}});
    appendList(out, "nodes", items, false);
    items.clear();
    for (const AccountEntry &a : s.accounts)
        items.append({{QStringLiteral("address"), a.account.toChecksummed()},
                      {QStringLiteral("label"), a.label},
                      {QStringLiteral("balance"), a.balance.toString()}});
    appendList(out, "accounts", items, true);
    out += "}\n";
    return out;
}

int SnapshotJson::lineOf(QByteArrayView json, const QString &section, qsizetype index, const QString &key)
{
    JsonLocator locator(json);
    return JsonLocator::lineAt(json, locator.find(section, index, key));
}

Result<NetworkSnapshot> SnapshotJson::fromJson(QByteArrayView json)
{
    if (json.size() > kMaxFileSize)
        return Error::make(QStringLiteral("snapshot.too_large"),
                           tr("The snapshot is larger than %1 MB.").arg(kMaxFileSize / (1024 * 1024)));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        const int line = parseError.error != QJsonParseError::NoError ? JsonLocator::lineAt(json, parseError.offset) : 1;
        const QString why = parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                        : tr("the file must hold one JSON object");
        return Error::make(QStringLiteral("snapshot.malformed_json"), tr("line %1: %2").arg(line).arg(why), {},
                           {{QStringLiteral("line"), line}});
    }
    const QJsonObject root = doc.object();

    // Structural problems: the first of each section, the earliest in the text wins.
    QList<SnapshotProblem> found;
    std::optional<SnapshotProblem> top;
    NetworkSnapshot s;
    FieldReader r(root, QString(), -1, top);
    const QString format = r.string(QStringLiteral("format"));
    if (!r.failed() && format != formatName())
        r.fail("unsupported_format", QStringLiteral("format"), tr("This is not an ICN network snapshot (format \"%1\").").arg(format));
    const qint64 version = r.integer(QStringLiteral("version"), 0, std::numeric_limits<int>::max());
    if (!r.failed() && version != kFormatVersion)
        r.fail("unsupported_format", QStringLiteral("version"), tr("Snapshot format version %1 is not supported (this build reads %2).").arg(version).arg(kFormatVersion));
    s.name = r.string(QStringLiteral("name"));
    s.currentMonth = r.month(QStringLiteral("currentMonth"));
    s.currentEpoch = r.integer(QStringLiteral("currentEpoch"), 0, 1'000'000'000);
    const QJsonObject params = r.object(QStringLiteral("params"));
    const auto list = [&](const char *key) {
        const QJsonValue v = r.take(QLatin1String(key));
        if (!r.failed() && !v.isArray())
            r.fail("bad_field", QLatin1String(key), tr("\"%1\" must be a list.").arg(QLatin1String(key)));
        return v.toArray();
    };
    const QJsonArray regions = list("regions"), zones = list("zones"), clusters = list("clusters"),
                     providers = list("providers"), nodes = list("nodes"), accounts = list("accounts");
    r.finish();
    if (top) {
        // A top-level problem names a top-level key: its section is the key itself.
        SnapshotProblem p = *top;
        p.section = p.key;
        p.key.clear();
        const int line = lineOf(json, p.section);
        return p.toError(line > 0 ? line : 1); // a missing field is blamed on the object's first line
    }

    std::optional<SnapshotProblem> problem;
    s.params = paramsFromJson(params, problem);
    if (problem)
        found.append(*std::exchange(problem, std::nullopt));

    // Each list: objects only, fields read through a FieldReader, stop at the section's first problem.
    const auto each = [&](const QJsonArray &items, const char *section, const auto &read) {
        const QString name = QLatin1String(section);
        for (qsizetype i = 0; i < items.size() && !problem; ++i) {
            if (!items[i].isObject()) {
                problem = SnapshotProblem{QStringLiteral("snapshot.bad_field"), tr("Each entry of \"%1\" must be an object.").arg(name), name, i, {}};
                break;
            }
            const QJsonObject o = items[i].toObject();
            FieldReader fr(o, name, i, problem);
            read(fr);
            fr.finish();
        }
        if (problem)
            found.append(*std::exchange(problem, std::nullopt));
    };
    each(regions, "regions", [&](FieldReader &f) {
        s.regions.append({f.string(QStringLiteral("id")), f.string(QStringLiteral("name"))});
    });
    each(zones, "zones", [&](FieldReader &f) {
        Zone z;
        z.id = f.string(QStringLiteral("id"));
        z.regionId = f.string(QStringLiteral("region"));
        z.name = f.string(QStringLiteral("name"));
        s.zones.append(z);
    });
    qsizetype clusterIndex = 0;
    each(clusters, "clusters", [&](FieldReader &f) {
        Cluster c;
        c.id = f.string(QStringLiteral("id"));
        c.zoneId = f.string(QStringLiteral("zone"));
        c.name = f.string(QStringLiteral("name"));
        c.hardwareClass = f.string(QStringLiteral("hardwareClass"));
        c.maxClusterPrice = f.amount(QStringLiteral("maxPrice"), kMaxSupply);
        const QJsonObject sla = f.object(QStringLiteral("sla"));
        if (!f.failed())
            c.slaTargets = slaFromJson(sla, QStringLiteral("clusters"), clusterIndex, QStringLiteral("sla"), problem);
        ++clusterIndex;
        s.clusters.append(c);
    });
    each(providers, "providers", [&](FieldReader &f) {
        s.providers.append({f.address(QStringLiteral("address")), f.string(QStringLiteral("name"))});
    });
    s.nodes.reserve(nodes.size());
    each(nodes, "nodes", [&](FieldReader &f) {
        HardwareNode n;
        n.id = f.string(QStringLiteral("id"));
        n.clusterId = f.string(QStringLiteral("cluster"));
        n.provider = f.address(QStringLiteral("provider"));
        n.capacityTb = f.integer(QStringLiteral("capacityTb"), 0, 1'000'000'000);
        n.reservationPrice = f.amount(QStringLiteral("reservationPrice"), kMaxSupply);
        n.collateral = f.amount(QStringLiteral("collateral"), kMaxSupply);
        n.registeredMonth = f.month(QStringLiteral("registered"));
        n.commitmentEnd = f.month(QStringLiteral("commitmentEnd"));
        n.maxDurationMonths = static_cast<qint32>(f.integer(QStringLiteral("maxDurationMonths"), 0, 1'200));
        n.maxLeadMonths = static_cast<qint32>(f.integer(QStringLiteral("maxLeadMonths"), 0, 1'200));
        const QString status = f.string(QStringLiteral("status"));
        bool known = false;
        for (NodeStatus st : {NodeStatus::Registered, NodeStatus::Active, NodeStatus::Jailed, NodeStatus::Offboarded}) {
            if (status == QLatin1String(statusName(st))) {
                n.status = st;
                known = true;
            }
        }
        if (!known && !f.failed())
            f.fail("bad_status", QStringLiteral("status"), tr("The status must be registered, active, jailed or offboarded."));
        n.reliabilityPpm = static_cast<qint32>(f.integer(QStringLiteral("reliabilityPpm"), 0, kPpm));
        s.nodes.append(n);
    });
    each(accounts, "accounts", [&](FieldReader &f) {
        AccountEntry a;
        a.account = f.address(QStringLiteral("address"));
        a.label = f.string(QStringLiteral("label"));
        a.balance = f.amount(QStringLiteral("balance"), kMaxSupply);
        s.accounts.append(a);
    });

    // Semantic problems too: references only point up the file (nodes → clusters → zones), so
    // a consequence of a structural problem always sits below it, and the earliest line wins.
    found += SnapshotValidator::problems(s);
    if (found.isEmpty())
        return s;

    // The earliest problem in the text is the one reported.
    int bestLine = std::numeric_limits<int>::max();
    const SnapshotProblem *best = nullptr;
    for (const SnapshotProblem &p : found) {
        const int line = lineOf(json, p.section, p.index, p.key);
        if (!best || (line > 0 && line < bestLine)) {
            best = &p;
            bestLine = line > 0 ? line : bestLine;
        }
    }
    return best->toError(bestLine == std::numeric_limits<int>::max() ? 0 : bestLine);
}

Result<NetworkSnapshot> SnapshotJson::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(QStringLiteral("snapshot.unreadable"), tr("Cannot read %1: %2").arg(path, file.errorString()), QStringLiteral("file"));
    if (file.size() > kMaxFileSize)
        return Error::make(QStringLiteral("snapshot.too_large"), tr("The snapshot is larger than %1 MB.").arg(kMaxFileSize / (1024 * 1024)));
    return fromJson(file.readAll());
}

Result<void> SnapshotJson::writeFile(const QString &path, const NetworkSnapshot &snapshot)
{
    QSaveFile file(path);
    const QByteArray bytes = toJson(snapshot);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Error::make(QStringLiteral("snapshot.unwritable"), tr("Cannot write %1: %2").arg(path, file.errorString()), QStringLiteral("file"));
    return {};
}

} // namespace icn
