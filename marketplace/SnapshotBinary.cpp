#include "SnapshotBinary.h"

#include <QDataStream>
#include <QIODevice>

namespace icn {

namespace {

void put(QDataStream &s, Amount a)
{
    const auto u = static_cast<UInt128>(a.baseUnits());
    s << static_cast<quint64>(u >> 64) << static_cast<quint64>(u);
}

Amount getAmount(QDataStream &s)
{
    quint64 hi = 0, lo = 0;
    s >> hi >> lo;
    return Amount::fromBaseUnits(static_cast<Int128>((static_cast<UInt128>(hi) << 64) | lo));
}

void put(QDataStream &s, const Address &a) { s << a.bytes(); }

Address getAddress(QDataStream &s, bool &ok)
{
    QByteArray bytes;
    s >> bytes;
    if (bytes.isEmpty())
        return {};
    auto a = Address::fromBytes(bytes);
    ok = ok && a.ok();
    return a ? *a : Address();
}

void put(QDataStream &s, Month m) { s << m.index(); }

Month getMonth(QDataStream &s)
{
    qint32 i = 0;
    s >> i;
    return Month::fromIndex(i);
}

void put(QDataStream &s, const SlaTargets &t) { s << t.minAvailabilityPpm << t.maxLatencyMs << t.minBandwidthMbps; }
void get(QDataStream &s, SlaTargets &t) { s >> t.minAvailabilityPpm >> t.maxLatencyMs >> t.minBandwidthMbps; }

void put(QDataStream &s, const ProtocolParams &p)
{
    put(s, p.totalSupply);
    put(s, p.rewardsReserve);
    s << p.minBookingMonths << p.minHnMaxDurationMonths << p.minHnMaxLeadMonths << p.defaultMaxLeadMonths
      << p.maxHnsPerCluster << p.defaultMarginPpm << p.regionMarginPpm << p.collateralMonths
      << p.minRegistrationCollateralPpm << p.jailCollateralPpm << p.minCommitmentMonths << p.commitmentStepMonths;
    put(s, p.capacityRewardPerTbMonth);
    put(s, p.defaultSlaTargets);
    s << p.quorumNumerator << p.quorumDenominator << p.graceEpochs << p.slashBasePpm << p.slashCapPpm
      << p.reliabilityWindowEpochs << p.reliabilityPriorCompliant << p.reliabilityPriorObserved
      << p.slaReportRetentionEpochs << p.maxBondBonusPpm;
}

void get(QDataStream &s, ProtocolParams &p)
{
    p.totalSupply = getAmount(s);
    p.rewardsReserve = getAmount(s);
    s >> p.minBookingMonths >> p.minHnMaxDurationMonths >> p.minHnMaxLeadMonths >> p.defaultMaxLeadMonths
        >> p.maxHnsPerCluster >> p.defaultMarginPpm >> p.regionMarginPpm >> p.collateralMonths
        >> p.minRegistrationCollateralPpm >> p.jailCollateralPpm >> p.minCommitmentMonths >> p.commitmentStepMonths;
    p.capacityRewardPerTbMonth = getAmount(s);
    get(s, p.defaultSlaTargets);
    s >> p.quorumNumerator >> p.quorumDenominator >> p.graceEpochs >> p.slashBasePpm >> p.slashCapPpm
        >> p.reliabilityWindowEpochs >> p.reliabilityPriorCompliant >> p.reliabilityPriorObserved
        >> p.slaReportRetentionEpochs >> p.maxBondBonusPpm;
}

// Counts are bounded by what is left in the buffer, so a damaged length cannot allocate gigabytes.
bool count(QDataStream &s, qint64 remaining, quint32 &n)
{
    s >> n;
    return s.status() == QDataStream::Ok && n <= remaining;
}

} // namespace

QByteArray SnapshotBinary::encode(const NetworkSnapshot &snap)
{
    QByteArray out;
    out.reserve(snap.nodes.size() * 120 + 4096);
    QDataStream s(&out, QIODevice::WriteOnly);
    s.setVersion(QDataStream::Qt_6_4);
    s << kMagic << kVersion << snap.name;
    put(s, snap.params);
    put(s, snap.currentMonth);
    s << snap.currentEpoch;
    s << quint32(snap.regions.size());
    for (const Region &r : snap.regions)
        s << r.id << r.name;
    s << quint32(snap.zones.size());
    for (const Zone &z : snap.zones)
        s << z.id << z.regionId << z.name;
    s << quint32(snap.clusters.size());
    for (const Cluster &c : snap.clusters) {
        s << c.id << c.zoneId << c.name << c.hardwareClass;
        put(s, c.maxClusterPrice);
        put(s, c.slaTargets);
    }
    s << quint32(snap.providers.size());
    for (const HardwareProvider &p : snap.providers) {
        put(s, p.account);
        s << p.name;
    }
    s << quint32(snap.nodes.size());
    for (const HardwareNode &n : snap.nodes) {
        s << n.id << n.clusterId;
        put(s, n.provider);
        s << n.capacityTb;
        put(s, n.reservationPrice);
        put(s, n.collateral);
        put(s, n.registeredMonth);
        put(s, n.commitmentEnd);
        s << n.maxDurationMonths << n.maxLeadMonths << qint32(n.status) << n.reliabilityPpm;
    }
    s << quint32(snap.accounts.size());
    for (const AccountEntry &a : snap.accounts) {
        put(s, a.account);
        s << a.label;
        put(s, a.balance);
    }
    return out;
}

Result<NetworkSnapshot> SnapshotBinary::decode(QByteArrayView bytes)
{
    const auto bad = [] {
        return Error::make(QStringLiteral("store.bad_genesis"), QStringLiteral("The stored genesis snapshot is damaged."));
    };
    const QByteArray copy = bytes.toByteArray();
    QDataStream s(copy);
    s.setVersion(QDataStream::Qt_6_4);
    const qint64 size = copy.size();
    quint32 magic = 0, version = 0, n = 0;
    s >> magic >> version;
    if (magic != kMagic || version != kVersion)
        return bad();
    NetworkSnapshot snap;
    bool ok = true;
    s >> snap.name;
    get(s, snap.params);
    snap.currentMonth = getMonth(s);
    s >> snap.currentEpoch;
    if (!count(s, size, n))
        return bad();
    for (quint32 i = 0; i < n; ++i) {
        Region r;
        s >> r.id >> r.name;
        snap.regions.append(r);
    }
    if (!count(s, size, n))
        return bad();
    for (quint32 i = 0; i < n; ++i) {
        Zone z;
        s >> z.id >> z.regionId >> z.name;
        snap.zones.append(z);
    }
    if (!count(s, size, n))
        return bad();
    for (quint32 i = 0; i < n; ++i) {
        Cluster c;
        s >> c.id >> c.zoneId >> c.name >> c.hardwareClass;
        c.maxClusterPrice = getAmount(s);
        get(s, c.slaTargets);
        snap.clusters.append(c);
    }
    if (!count(s, size, n))
        return bad();
    for (quint32 i = 0; i < n; ++i) {
        HardwareProvider p;
        p.account = getAddress(s, ok);
        s >> p.name;
        snap.providers.append(p);
    }
    if (!count(s, size, n))
        return bad();
    snap.nodes.reserve(n);
    for (quint32 i = 0; i < n; ++i) {
        HardwareNode hn;
        s >> hn.id >> hn.clusterId;
        hn.provider = getAddress(s, ok);
        s >> hn.capacityTb;
        hn.reservationPrice = getAmount(s);
        hn.collateral = getAmount(s);
        hn.registeredMonth = getMonth(s);
        hn.commitmentEnd = getMonth(s);
        qint32 status = 0;
        s >> hn.maxDurationMonths >> hn.maxLeadMonths >> status >> hn.reliabilityPpm;
        if (status < 0 || status > qint32(NodeStatus::Offboarded))
            return bad();
        hn.status = NodeStatus(status);
        snap.nodes.append(hn);
    }
    if (!count(s, size, n))
        return bad();
    for (quint32 i = 0; i < n; ++i) {
        AccountEntry a;
        a.account = getAddress(s, ok);
        s >> a.label;
        a.balance = getAmount(s);
        snap.accounts.append(a);
    }
    if (!ok || s.status() != QDataStream::Ok || !s.atEnd())
        return bad();
    return snap;
}

} // namespace icn
