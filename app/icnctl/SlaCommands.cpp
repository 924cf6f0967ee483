// §7 SLA commands: oracles, reports and feeds, epoch close, per-HN SLA state, compensation claims.
#include "Cli.h"
#include "MarketCli.h"

#include "Keystore.h"
#include "Market.h"
#include "Secp256k1.h"
#include "SlaFeed.h"
#include "SlaTypedData.h"

#include <QFile>
#include <QJsonArray>

namespace icn::cli {

namespace {

QString outcomeName(EpochOutcome o)
{
    switch (o) {
    case EpochOutcome::Compliant:
        return QStringLiteral("compliant");
    case EpochOutcome::Breach:
        return QStringLiteral("breach");
    case EpochOutcome::Unobserved:
        break;
    }
    return QStringLiteral("unobserved");
}

QString statusName(NodeStatus s)
{
    switch (s) {
    case NodeStatus::Registered:
        return QStringLiteral("registered");
    case NodeStatus::Active:
        return QStringLiteral("active");
    case NodeStatus::Jailed:
        return QStringLiteral("jailed");
    case NodeStatus::Offboarded:
        break;
    }
    return QStringLiteral("offboarded");
}

Error usage(const QString &message, const QString &field)
{
    return Error::make(QStringLiteral("cli.missing_option"), message, field);
}

// The acting account: a keystore (--keystore, --password-file) signs; --local ADDR makes an
// unsigned local transaction (simulations on the local mirror). Exactly one of the two.
struct Actor
{
    Address address;
    SecureBytes key; // empty for --local
    bool local() const { return key.size() == 0; }
};

Result<Actor> actor(const Context &c)
{
    const bool local = c.args().has(QStringLiteral("local"));
    const bool keystore = c.args().has(QStringLiteral("keystore"));
    if (local == keystore)
        return usage(QStringLiteral("give --keystore F --password-file F, or --local ADDR"), QStringLiteral("keystore"));
    if (local) {
        auto a = Address::parse(c.args().value(QStringLiteral("local")));
        if (!a)
            return Error::make(a.error().code, a.error().message, QStringLiteral("local"));
        return Actor{*a, {}};
    }
    auto unlocked = unlockKeystore(c);
    if (!unlocked)
        return unlocked.error();
    return Actor{unlocked->second, std::move(unlocked->first)};
}

QJsonObject receiptJson(const Receipt &r)
{
    QJsonObject o{{QStringLiteral("seq"), qint64(r.sequence)}, {QStringLiteral("type"), r.type},
                  {QStringLiteral("amount"), r.amount.toString()}, {QStringLiteral("stateHash"), hex(r.stateHash)}};
    for (const auto &[name, amount] : r.figures)
        o.insert(name, amount.toString());
    return o;
}

QJsonObject metricsJson(const SlaMetrics &m)
{
    return {{QStringLiteral("availabilityPpm"), m.availabilityPpm}, {QStringLiteral("latencyMs"), m.latencyMs},
            {QStringLiteral("bandwidthMbps"), m.bandwidthMbps}};
}

QJsonObject nodeJson(const SlaNodeInfo &n)
{
    return {{QStringLiteral("hn"), n.nodeId},
            {QStringLiteral("status"), statusName(n.status)},
            {QStringLiteral("collateral"), n.collateral.toString()},
            {QStringLiteral("inBreach"), n.inBreach},
            {QStringLiteral("streak"), n.streak},
            {QStringLiteral("k"), n.k},
            {QStringLiteral("reliabilityPpm"), n.reliabilityPpm},
            {QStringLiteral("observed"), n.observed},
            {QStringLiteral("compliant"), n.compliant},
            {QStringLiteral("lastOutcome"), outcomeName(n.lastOutcome)},
            {QStringLiteral("lastClosedEpoch"), n.lastClosedEpoch},
            {QStringLiteral("lastObservedEpoch"), n.lastObservedEpoch},
            {QStringLiteral("lastMedian"), metricsJson(n.lastMedian)},
            {QStringLiteral("breachDaysThisMonth"), n.breachDaysThisMonth},
            {QStringLiteral("openReports"), n.openReports}};
}

QString nodeText(const SlaNodeInfo &n)
{
    return QStringLiteral("%1 (%2): %3, streak %4, k %5, reliability %6 ppm (%7/%8 compliant/observed), last epoch %9 %10; "
                          "medians %11 ppm, %12 ms, %13 Mbit/s; %14 breach days this month; collateral %15 ICNT")
        .arg(n.nodeId, statusName(n.status), n.inBreach ? QStringLiteral("in breach") : QStringLiteral("not in breach"))
        .arg(n.streak).arg(n.k).arg(n.reliabilityPpm).arg(n.compliant).arg(n.observed).arg(n.lastClosedEpoch)
        .arg(outcomeName(n.lastOutcome)).arg(n.lastMedian.availabilityPpm).arg(n.lastMedian.latencyMs)
        .arg(n.lastMedian.bandwidthMbps).arg(n.breachDaysThisMonth).arg(n.collateral.toString());
}

#define ICN_SLA_OPEN_MARKET(c, market)                                                                                 \
    auto market = Market::open(dataDir(c));                                                                            \
    if (!market)                                                                                                       \
        return c.fail(market.error());

int submit(Context &c, Market &market, const Transaction &tx, const QString &text)
{
    auto receipt = market.submit(tx);
    if (!receipt)
        return c.fail(receipt.error());
    return c.succeed(receiptJson(*receipt), text.arg(receipt->sequence));
}

int oracleRegister(Context &c)
{
    auto who = actor(c);
    if (!who)
        return c.fail(who.error());
    ICN_SLA_OPEN_MARKET(c, market)
    const quint64 nonce = market->engine().nextNonce(who->address);
    Transaction tx = RegisterOracleTx{who->address, nonce, true, {}};
    if (!who->local()) {
        auto signedTx = signRegisterOracle(who->address, nonce, who->key);
        if (!signedTx)
            return c.fail(signedTx.error());
        tx = *signedTx;
    }
    return submit(c, *market, tx, QStringLiteral("Registered SLA oracle %1 (log entry %2).").arg(who->address.toChecksummed()));
}

int oracleList(Context &c)
{
    ICN_SLA_OPEN_MARKET(c, market)
    const Engine &e = market->engine();
    QJsonArray list;
    QString text;
    for (const Address &a : e.oracles()) {
        list.append(a.toChecksummed());
        text += a.toChecksummed() + QLatin1Char('\n');
    }
    text += QStringLiteral("%1 oracles; quorum %2 reports per HN and epoch.").arg(list.size()).arg(e.quorumReports());
    return c.succeed({{QStringLiteral("oracles"), list}, {QStringLiteral("quorum"), e.quorumReports()}}, text);
}

int slaReport(Context &c)
{
    auto who = actor(c);
    if (!who)
        return c.fail(who.error());
    auto hn = c.require(QStringLiteral("hn"));
    if (!hn)
        return c.fail(hn.error());
    SlaReport r;
    r.hnId = *hn;
    r.oracle = who->address;
    const auto metric = [&](const char *name, qint64 max, qint64 &into) -> Result<void> {
        auto v = c.requireInt(QString::fromLatin1(name), 0, max);
        if (!v)
            return v.error();
        into = *v;
        return {};
    };
    for (auto ok : {metric("availability-ppm", SlaReport::kMaxAvailabilityPpm, r.metrics.availabilityPpm),
                    metric("latency-ms", SlaReport::kMaxLatencyMs, r.metrics.latencyMs),
                    metric("bandwidth-mbps", SlaReport::kMaxBandwidthMbps, r.metrics.bandwidthMbps)})
        if (!ok)
            return c.fail(ok.error());
    ICN_SLA_OPEN_MARKET(c, market)
    r.epoch = market->engine().currentEpoch();
    if (c.args().has(QStringLiteral("epoch"))) {
        auto epoch = c.requireInt(QStringLiteral("epoch"), 0, SlaReport::kMaxEpoch);
        if (!epoch)
            return c.fail(epoch.error());
        r.epoch = *epoch;
    }
    SlaReportTx tx;
    tx.unsignedLocal = who->local();
    if (!who->local()) {
        auto signedReport = SlaReport::sign(r, who->key);
        if (!signedReport)
            return c.fail(signedReport.error());
        r = *signedReport;
    }
    tx.reports = {r};
    return submit(c, *market, tx,
                  QStringLiteral("Reported %1 for epoch %2 (%3) as %4 (log entry %5).")
                      .arg(r.hnId).arg(r.epoch).arg(SlaClock::dateOf(r.epoch), r.oracle.toChecksummed()));
}

int slaImport(Context &c)
{
    if (c.args().positional.size() != 1)
        return c.fail(usage(QStringLiteral("usage: icnctl sla import FILE [--unsigned]"), QStringLiteral("file")));
    SlaFeedOptions options;
    options.requireSignatures = !c.args().flags.contains(QStringLiteral("unsigned"));
    auto reports = SlaFeed::readFile(c.args().positional.front(), options);
    if (!reports)
        return c.fail(reports.error());
    qsizetype signedCount = 0;
    for (const SlaReport &r : *reports)
        signedCount += !r.signature.isEmpty();
    if (signedCount != 0 && signedCount != reports->size())
        return c.fail(Error::make(QStringLiteral("cli.mixed_signatures"),
                                  QStringLiteral("the feed mixes signed and unsigned reports; import them separately"),
                                  QStringLiteral("file")));
    if (reports->isEmpty())
        return c.fail(Error::make(QStringLiteral("sla.no_reports"), QStringLiteral("the feed holds no report"), QStringLiteral("file")));
    ICN_SLA_OPEN_MARKET(c, market)
    const SlaReportTx tx{*reports, signedCount == 0};
    auto receipt = market->submit(tx);
    if (!receipt)
        return c.fail(receipt.error());
    QJsonObject o = receiptJson(*receipt);
    o.insert(QStringLiteral("reports"), reports->size());
    o.insert(QStringLiteral("signed"), signedCount != 0);
    return c.succeed(o, QStringLiteral("Imported %1 %2 reports (log entry %3).")
                            .arg(reports->size())
                            .arg(signedCount ? QStringLiteral("signed") : QStringLiteral("unsigned"))
                            .arg(receipt->sequence));
}

int slaShow(Context &c)
{
    ICN_SLA_OPEN_MARKET(c, market)
    const Engine &e = market->engine();
    if (c.args().positional.size() == 1) {
        const auto n = e.slaNode(c.args().positional.front());
        if (!n)
            return c.fail(Error::make(QStringLiteral("sla.unknown_hn"), QStringLiteral("there is no HN %1").arg(c.args().positional.front()),
                                      QStringLiteral("hn")));
        return c.succeed(nodeJson(*n), nodeText(*n));
    }
    QJsonArray breach;
    QString text = QStringLiteral("epoch %1 (%2), month %3, %4 oracles (quorum %5)\n")
                       .arg(e.currentEpoch()).arg(SlaClock::dateOf(e.currentEpoch()), e.currentMonth().toString())
                       .arg(e.oracles().size()).arg(e.quorumReports());
    for (const NodeRec &node : e.network().nodes) {
        const auto n = e.slaNode(node.id);
        if (n->inBreach || n->status == NodeStatus::Jailed) {
            breach.append(nodeJson(*n));
            text += QStringLiteral("  ") + nodeText(*n) + QLatin1Char('\n');
        }
    }
    if (breach.isEmpty())
        text += QStringLiteral("No HN in breach.");
    return c.succeed({{QStringLiteral("epoch"), e.currentEpoch()}, {QStringLiteral("date"), SlaClock::dateOf(e.currentEpoch())},
                      {QStringLiteral("month"), e.currentMonth().toString()}, {QStringLiteral("oracles"), e.oracles().size()},
                      {QStringLiteral("quorum"), e.quorumReports()}, {QStringLiteral("inBreach"), breach}},
                     text);
}

int epochClose(Context &c)
{
    ICN_SLA_OPEN_MARKET(c, market)
    const qint64 epoch = market->engine().currentEpoch();
    return submit(c, *market, CloseEpochTx{epoch},
                  QStringLiteral("Closed epoch %1 (%2) (log entry %3).").arg(epoch).arg(SlaClock::dateOf(epoch)));
}

Result<quint64> bookingIdArg(const Context &c, const QString &usageText)
{
    if (c.args().positional.size() != 1)
        return usage(usageText, QStringLiteral("booking"));
    bool ok = false;
    const quint64 id = c.args().positional.front().toULongLong(&ok);
    if (!ok || id == 0)
        return Error::make(QStringLiteral("cli.bad_number"), QStringLiteral("BOOKING_ID must be a booking number"), QStringLiteral("booking"));
    return id;
}

int claimCompensation(Context &c)
{
    auto id = bookingIdArg(c, QStringLiteral("usage: icnctl claim compensation BOOKING_ID (--keystore F --password-file F | --local ADDR)"));
    if (!id)
        return c.fail(id.error());
    auto who = actor(c);
    if (!who)
        return c.fail(who.error());
    ICN_SLA_OPEN_MARKET(c, market)
    const quint64 nonce = market->engine().nextNonce(who->address);
    Transaction tx = ClaimCompensationTx{who->address, *id, nonce, true, {}};
    if (!who->local()) {
        auto signedTx = signClaimCompensation(who->address, *id, nonce, who->key);
        if (!signedTx)
            return c.fail(signedTx.error());
        tx = *signedTx;
    }
    auto receipt = market->submit(tx);
    if (!receipt)
        return c.fail(receipt.error());
    QJsonObject o = receiptJson(*receipt);
    o.insert(QStringLiteral("bookingId"), qint64(*id));
    return c.succeed(o, QStringLiteral("Claimed %1 ICNT of booking #%2 (log entry %3).")
                            .arg(receipt->amount.toString()).arg(*id).arg(receipt->sequence));
}

int claimShow(Context &c)
{
    auto id = bookingIdArg(c, QStringLiteral("usage: icnctl claim show BOOKING_ID"));
    if (!id)
        return c.fail(id.error());
    ICN_SLA_OPEN_MARKET(c, market)
    const Amount a = market->engine().claimable(*id);
    return c.succeed({{QStringLiteral("bookingId"), qint64(*id)}, {QStringLiteral("claimable"), a.toString()}},
                     QStringLiteral("Booking #%1: %2 ICNT claimable.").arg(*id).arg(a.toString()));
}

#undef ICN_SLA_OPEN_MARKET

} // namespace

void registerSlaCommands(Registry &registry)
{
    const QString dd = QStringLiteral(" [--data-dir DIR]");
    const QString who = QStringLiteral("(--keystore F --password-file F | --local ADDR)");
    registry.add({{QStringLiteral("oracle"), QStringLiteral("register")}, who + dd,
                  QStringLiteral("register the account as an SLA oracle"), {}, oracleRegister});
    registry.add({{QStringLiteral("oracle"), QStringLiteral("list")}, dd.trimmed(),
                  QStringLiteral("registered SLA oracles and the quorum"), {}, oracleList});
    registry.add({{QStringLiteral("sla"), QStringLiteral("report")},
                  who + QStringLiteral(" --hn ID --availability-ppm N --latency-ms N --bandwidth-mbps N [--epoch N]") + dd,
                  QStringLiteral("sign one oracle report for the current epoch and apply it"), {}, slaReport});
    registry.add({{QStringLiteral("sla"), QStringLiteral("import")}, QStringLiteral("FILE [--unsigned]") + dd,
                  QStringLiteral("apply a JSON or CSV SLA feed (docs/sla-feed-format.md), all or nothing"),
                  {QStringLiteral("unsigned")}, slaImport});
    registry.add({{QStringLiteral("sla"), QStringLiteral("show")}, QStringLiteral("[HN]") + dd,
                  QStringLiteral("the epoch clock and HNs in breach, or one HN's SLA state"), {}, slaShow});
    registry.add({{QStringLiteral("epoch"), QStringLiteral("close")}, dd.trimmed(),
                  QStringLiteral("settle the current SLA epoch (breaches, slashes, reliability) and advance it"), {}, epochClose});
    registry.add({{QStringLiteral("claim"), QStringLiteral("compensation")}, QStringLiteral("BOOKING_ID ") + who + dd,
                  QStringLiteral("the booking's SP takes back the ICNT withheld during SLA breaches"), {}, claimCompensation});
    registry.add({{QStringLiteral("claim"), QStringLiteral("show")}, QStringLiteral("BOOKING_ID") + dd,
                  QStringLiteral("withheld ICNT a booking's SP can claim"), {}, claimShow});
}

} // namespace icn::cli
