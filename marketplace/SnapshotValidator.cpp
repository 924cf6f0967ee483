#include "SnapshotValidator.h"

#include "NetworkState.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

namespace icn {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SnapshotValidator", text);
}

SnapshotProblem problem(const char *code, QString message, QString section, qsizetype index = -1, QString key = {})
{
    return SnapshotProblem{QStringLiteral("snapshot.") + QLatin1String(code), std::move(message), std::move(section),
                           index, std::move(key)};
}

using Problems = QList<SnapshotProblem>;

void checkParams(const ProtocolParams &p, Problems &out)
{
    const auto bad = [&](const char *key, const QString &why) {
        out.append(problem("bad_number", why, QStringLiteral("params"), -1, QLatin1String(key)));
    };
    if (p.rewardsReserve > p.totalSupply)
        return bad("rewardsReserve", tr("The rewards reserve exceeds the total supply."));
    if (p.totalSupply.isZero())
        return bad("totalSupply", tr("The total supply must be positive."));
    if (p.quorumNumerator > p.quorumDenominator)
        return bad("quorumNumerator", tr("The quorum cannot exceed all oracles."));
    if (p.slashBasePpm > p.slashCapPpm)
        return bad("slashBasePpm", tr("The base slash exceeds its cap."));
    if (p.jailCollateralPpm > p.minRegistrationCollateralPpm)
        return bad("jailCollateralPpm", tr("Nodes would be jailed above the registration minimum."));
}

} // namespace

QString SnapshotProblem::path() const
{
    QString p = section;
    if (index >= 0)
        p += QStringLiteral("[%1]").arg(index);
    if (!key.isEmpty())
        p += QLatin1Char('.') + key;
    return p;
}

Error SnapshotProblem::toError(int line) const
{
    QVariantMap details{{QStringLiteral("path"), path()}};
    QString text = message;
    if (line > 0) {
        details.insert(QStringLiteral("line"), line);
        text = tr("line %1: %2").arg(line).arg(message);
    }
    return Error::make(code, text, path(), details);
}

bool SnapshotValidator::isValidId(const QString &id)
{
    if (id.isEmpty() || id.size() > kMaxIdLength)
        return false;
    for (QChar c : id) {
        const bool ok = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
                        || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('.')
                        || c == QLatin1Char('_') || c == QLatin1Char('-');
        if (!ok)
            return false;
    }
    return true;
}

QList<SnapshotProblem> SnapshotValidator::problems(const NetworkSnapshot &s)
{
    const ProtocolParams &p = s.params;
    Problems out;
    checkParams(p, out);

    // Regions, zones and clusters share one id space: a scope id names exactly one of them.
    QSet<QString> scopeIds;
    QSet<QString> regions;
    QHash<QString, qsizetype> zones;
    QHash<QString, qsizetype> clusters;
    const auto claim = [&](const QString &id, const QString &section, qsizetype i) -> bool {
        if (!isValidId(id)) {
            out.append(problem("bad_id", tr("The id \"%1\" is empty, too long or has characters other than letters, digits, '.', '_' and '-'.").arg(id), section, i, QStringLiteral("id")));
            return false;
        }
        if (scopeIds.contains(id)) {
            out.append(problem("duplicate_id", tr("The id \"%1\" is used twice (ids are unique across regions, zones and clusters).").arg(id), section, i, QStringLiteral("id")));
            return false;
        }
        scopeIds.insert(id);
        return true;
    };

    for (qsizetype i = 0; i < s.regions.size(); ++i) {
        if (!claim(s.regions[i].id, QStringLiteral("regions"), i))
            break;
        regions.insert(s.regions[i].id);
    }
    for (auto it = p.regionMarginPpm.cbegin(); it != p.regionMarginPpm.cend(); ++it) {
        if (!regions.contains(it.key())) {
            out.append(problem("unknown_id", tr("A margin is set for the unknown region \"%1\".").arg(it.key()),
                               QStringLiteral("params"), -1, QStringLiteral("regionMarginPpm")));
            break;
        }
    }
    for (qsizetype i = 0; i < s.zones.size(); ++i) {
        const Zone &z = s.zones[i];
        if (!claim(z.id, QStringLiteral("zones"), i))
            break;
        if (!regions.contains(z.regionId)) {
            out.append(problem("unknown_id", tr("Zone %1 names the unknown region \"%2\".").arg(z.id, z.regionId), QStringLiteral("zones"), i, QStringLiteral("region")));
            break;
        }
        zones.insert(z.id, i);
    }
    for (qsizetype i = 0; i < s.clusters.size(); ++i) {
        const Cluster &c = s.clusters[i];
        const QString section = QStringLiteral("clusters");
        if (!claim(c.id, section, i))
            break;
        if (!zones.contains(c.zoneId)) {
            out.append(problem("unknown_id", tr("Cluster %1 names the unknown zone \"%2\".").arg(c.id, c.zoneId), section, i, QStringLiteral("zone")));
            break;
        }
        if (c.maxClusterPrice <= Amount::zero()) {
            out.append(problem("bad_number", tr("Cluster %1 needs a positive maximum price.").arg(c.id), section, i, QStringLiteral("maxPrice")));
            break;
        }
        clusters.insert(c.id, i);
    }

    QSet<Address> providers;
    for (qsizetype i = 0; i < s.providers.size(); ++i) {
        const HardwareProvider &hp = s.providers[i];
        if (hp.account.isNull() || providers.contains(hp.account)) {
            out.append(problem("duplicate_id", tr("The provider %1 is listed twice.").arg(hp.account.toChecksummed()), QStringLiteral("providers"), i, QStringLiteral("address")));
            break;
        }
        providers.insert(hp.account);
    }

    QSet<QString> nodeIds;
    QHash<QString, int> perCluster;
    for (qsizetype i = 0; i < s.nodes.size(); ++i) {
        const HardwareNode &n = s.nodes[i];
        const QString section = QStringLiteral("nodes");
        const auto fail = [&](const char *code, const QString &why, const char *key) {
            out.append(problem(code, tr("Node %1: %2").arg(n.id, why), section, i, QLatin1String(key)));
        };
        if (!isValidId(n.id)) {
            fail("bad_id", tr("the id is empty, too long or has characters other than letters, digits, '.', '_' and '-'."), "id");
            break;
        }
        if (nodeIds.contains(n.id)) {
            fail("duplicate_id", tr("the id is used twice."), "id");
            break;
        }
        nodeIds.insert(n.id);
        if (!clusters.contains(n.clusterId)) {
            fail("unknown_id", tr("the cluster \"%1\" does not exist.").arg(n.clusterId), "cluster");
            break;
        }
        if (!providers.contains(n.provider)) {
            fail("unknown_id", tr("the provider %1 is not in the providers list.").arg(n.provider.toChecksummed()), "provider");
            break;
        }
        const Cluster &c = s.clusters[clusters.value(n.clusterId)];
        if (++perCluster[n.clusterId] > p.maxHnsPerCluster) {
            fail("cluster_too_large", tr("cluster %1 would hold more than %2 nodes.").arg(c.id).arg(p.maxHnsPerCluster), "cluster");
            break;
        }
        if (n.capacityTb <= 0 || n.capacityTb > qint64(NetworkState::kMaxNodeCapacityTb)) {
            fail("bad_number", tr("the capacity must be 1 to %1 TB.").arg(NetworkState::kMaxNodeCapacityTb), "capacityTb");
            break;
        }
        if (n.reservationPrice <= Amount::zero()) {
            fail("bad_number", tr("the reservation price must be positive."), "reservationPrice");
            break;
        }
        if (n.reservationPrice > c.maxClusterPrice) {
            fail("price_above_cap", tr("the reservation price %1 ICNT is above the maximum price %2 ICNT of cluster %3.")
                                        .arg(n.reservationPrice.toString(), c.maxClusterPrice.toString(), c.id), "reservationPrice");
            break;
        }
        if (n.maxDurationMonths < p.minHnMaxDurationMonths || n.maxLeadMonths < p.minHnMaxLeadMonths
            || n.maxDurationMonths + n.maxLeadMonths > NetworkState::kMaxNodeMonths) {
            fail("bad_number", tr("the maximum duration and lead must be at least %1 and %2 months, together at most %3.")
                                   .arg(p.minHnMaxDurationMonths).arg(p.minHnMaxLeadMonths).arg(NetworkState::kMaxNodeMonths),
                 n.maxDurationMonths < p.minHnMaxDurationMonths ? "maxDurationMonths" : "maxLeadMonths");
            break;
        }
        if (n.registeredMonth > s.currentMonth) {
            fail("bad_month", tr("it is registered after the network's current month."), "registered");
            break;
        }
        if (n.commitmentEnd.monthsSince(n.registeredMonth) < p.minCommitmentMonths) {
            fail("commitment_too_short", tr("the commitment must end at least %1 months after registration.").arg(p.minCommitmentMonths), "commitmentEnd");
            break;
        }
        const auto required = c.maxClusterPrice.mul(Int128(p.collateralMonths) * n.capacityTb);
        const auto minimum = required ? required->mulPpm(p.minRegistrationCollateralPpm) : Result<Amount>(required.error());
        if (!minimum || n.collateral.isNegative() || n.collateral > p.totalSupply) {
            fail("bad_number", tr("the collateral or its requirement exceeds the total supply."), "collateral");
            break;
        }
        // A jailed or offboarded node may sit below the registration minimum (slashed).
        if (n.collateral < *minimum && (n.status == NodeStatus::Active || n.status == NodeStatus::Registered)) {
            fail("collateral_too_low", tr("the collateral %1 ICNT is below the %2 ICNT required at registration.")
                                           .arg(n.collateral.toString(), minimum->toString()), "collateral");
            break;
        }
    }

    QSet<Address> accounts;
    for (qsizetype i = 0; i < s.accounts.size(); ++i) {
        const AccountEntry &a = s.accounts[i];
        if (a.account.isNull() || accounts.contains(a.account)) {
            out.append(problem("duplicate_id", tr("The account %1 is listed twice.").arg(a.account.toChecksummed()), QStringLiteral("accounts"), i, QStringLiteral("address")));
            break;
        }
        accounts.insert(a.account);
        if (a.balance.isNegative()) {
            out.append(problem("bad_number", tr("The balance of %1 is negative.").arg(a.account.toChecksummed()), QStringLiteral("accounts"), i, QStringLiteral("balance")));
            break;
        }
    }

    if (out.isEmpty()) {
        // Conservation (PROTOCOL.md §9): the reserve, balances and collateral must fit in the supply;
        // the implicit genesis pool holds the rest. Blame the entry at which the sum overflows.
        Amount left = *p.totalSupply.sub(p.rewardsReserve);
        const auto exceeded = [&](const QString &section, qsizetype i, const char *key) {
            out.append(problem("supply_exceeded", tr("Reserve, balances and collateral exceed the total supply of %1 ICNT "
                                                     "(conservation).").arg(p.totalSupply.toString()), section, i, QLatin1String(key)));
        };
        for (qsizetype i = 0; i < s.nodes.size() && out.isEmpty(); ++i) {
            left = *left.sub(s.nodes[i].collateral); // both are bounded by the supply: no overflow
            if (left.isNegative())
                exceeded(QStringLiteral("nodes"), i, "collateral");
        }
        for (qsizetype i = 0; i < s.accounts.size() && out.isEmpty(); ++i) {
            if (s.accounts[i].balance > p.totalSupply)
                left = Amount::fromIcnt(-1);
            else
                left = *left.sub(s.accounts[i].balance);
            if (left.isNegative())
                exceeded(QStringLiteral("accounts"), i, "balance");
        }
    }
    return out;
}

Result<void> SnapshotValidator::validate(const NetworkSnapshot &snapshot)
{
    const Problems all = problems(snapshot);
    if (all.isEmpty())
        return {};
    return all.front().toError();
}

} // namespace icn
