#include "Cli.h"
#include "MarketCli.h"

#include "BookingTypedData.h"
#include "DemoHistory.h"
#include "DemoNetwork.h"
#include "Hex.h"
#include "Keystore.h"
#include "Market.h"
#include "Secp256k1.h"
#include "SimulationRun.h"
#include "SnapshotJson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace icn::cli {

namespace {

QJsonObject sliceJson(const Slice &s)
{
    return {{QStringLiteral("node"), s.nodeId}, {QStringLiteral("provider"), s.provider.toChecksummed()},
            {QStringLiteral("tb"), s.tb}, {QStringLiteral("price"), s.price.toString()}, {QStringLiteral("hpCost"), s.hpCost.toString()}};
}

QJsonArray slicesJson(const QList<Slice> &slices)
{
    QJsonArray out;
    for (const Slice &s : slices)
        out.append(sliceJson(s));
    return out;
}

QJsonObject quoteJson(const Quote &q)
{
    return {{QStringLiteral("scope"), q.scopeId}, {QStringLiteral("scopeKind"), scopeKindName(q.scopeKind)},
            {QStringLiteral("cluster"), q.clusterId}, {QStringLiteral("zone"), q.zoneId}, {QStringLiteral("region"), q.regionId},
            {QStringLiteral("sizeTb"), q.sizeTb}, {QStringLiteral("start"), q.start.toString()}, {QStringLiteral("months"), q.months},
            {QStringLiteral("slices"), slicesJson(q.slices)}, {QStringLiteral("hpCost"), q.hpCost.toString()},
            {QStringLiteral("marginPpm"), q.marginPpm}, {QStringLiteral("margin"), q.margin.toString()},
            {QStringLiteral("total"), q.total.toString()}, {QStringLiteral("freeLeftTb"), q.freeLeftTb}};
}

QJsonObject capacityJson(const CapacityView &v, bool withChildren, bool isNode = false)
{
    QJsonArray free, total;
    for (qint64 tb : v.freeTbPerMonth)
        free.append(tb);
    for (qint64 tb : v.totalTbPerMonth)
        total.append(tb);
    QJsonObject o{{QStringLiteral("scope"), v.scopeId}, {QStringLiteral("scopeKind"), isNode ? QStringLiteral("hn") : scopeKindName(v.scopeKind)},
                  {QStringLiteral("start"), v.range.first.toString()}, {QStringLiteral("months"), v.range.months},
                  {QStringLiteral("freeTbPerMonth"), free}, {QStringLiteral("totalTbPerMonth"), total},
                  {QStringLiteral("freeTbWholeRange"), v.freeTbWholeRange},
                  {QStringLiteral("listedPrice"), v.hasListedPrice ? QJsonValue(v.listedPrice.toString()) : QJsonValue()}};
    if (withChildren) {
        QJsonArray children;
        for (const CapacityView &child : v.children)
            children.append(capacityJson(child, false, v.scopeKind == ScopeKind::Cluster)); // a cluster's children are its HNs
        o.insert(QStringLiteral("children"), children);
    }
    return o;
}

QString capacityText(const CapacityView &v)
{
    QString text = QStringLiteral("%1 %2, %3 for %4 months: %5 TB free for the whole range, listed price %6\n")
                       .arg(scopeKindName(v.scopeKind), v.scopeId, v.range.first.toString()).arg(v.range.months).arg(v.freeTbWholeRange)
                       .arg(v.hasListedPrice ? v.listedPrice.toString() + QStringLiteral(" ICNT/TB-month") : QStringLiteral("none"));
    for (const CapacityView &child : v.children)
        text += QStringLiteral("  %1 %2: %3 TB free, %4\n")
                    .arg(v.scopeKind == ScopeKind::Cluster ? QStringLiteral("hn") : scopeKindName(child.scopeKind), child.scopeId)
                    .arg(child.freeTbWholeRange)
                    .arg(child.hasListedPrice ? child.listedPrice.toString() + QStringLiteral(" ICNT/TB-month") : QStringLiteral("no listed price"));
    return text;
}

QJsonObject bookingJson(const BookingInfo &b)
{
    return {{QStringLiteral("id"), qint64(b.id)}, {QStringLiteral("sp"), b.sp.toChecksummed()},
            {QStringLiteral("status"), bookingStatusName(b.status)}, {QStringLiteral("scope"), b.scopeId},
            {QStringLiteral("cluster"), b.clusterId}, {QStringLiteral("sizeTb"), b.sizeTb}, {QStringLiteral("start"), b.start.toString()},
            {QStringLiteral("months"), b.months}, {QStringLiteral("bookedIn"), b.bookedInMonth.toString()},
            {QStringLiteral("hpCost"), b.hpCost.toString()}, {QStringLiteral("margin"), b.margin.toString()},
            {QStringLiteral("total"), b.total.toString()}, {QStringLiteral("escrowLeft"), b.escrowLeft.toString()},
            {QStringLiteral("slices"), slicesJson(b.slices)}};
}

QJsonObject receiptJson(const Receipt &r)
{
    QJsonObject o{{QStringLiteral("seq"), qint64(r.sequence)}, {QStringLiteral("type"), r.type},
                  {QStringLiteral("amount"), r.amount.toString()}, {QStringLiteral("stateHash"), hex(r.stateHash)}};
    if (r.type == QLatin1String("book")) {
        o.insert(QStringLiteral("bookingId"), qint64(r.bookingId));
        o.insert(QStringLiteral("cluster"), r.clusterId);
        o.insert(QStringLiteral("hpCost"), r.hpCost.toString());
        o.insert(QStringLiteral("margin"), r.margin.toString());
        o.insert(QStringLiteral("slices"), slicesJson(r.slices));
    }
    if (r.type == QLatin1String("close_month")) {
        o.insert(QStringLiteral("closedMonth"), r.closedMonth.toString());
        o.insert(QStringLiteral("bookingsEnded"), qint64(r.bookingsEnded));
    }
    return o;
}

// Opens the mirror of --data-dir or fails the command.
#define ICN_OPEN_MARKET(c, market)                                                                                     \
    auto market = Market::open(dataDir(c));                                                                            \
    if (!market)                                                                                                       \
        return c.fail(market.error());

int init(Context &c)
{
    const bool demo = c.args().flags.contains(QStringLiteral("demo"));
    const bool file = c.args().has(QStringLiteral("network"));
    if (demo == file)
        return c.fail(Error::make(QStringLiteral("cli.missing_option"), QStringLiteral("give exactly one of --demo or --network FILE"), QStringLiteral("network")));
    // The demo starts --history-months (12) before the demo month and simulates up to it, so the
    // charts open on a year of market history.
    qint64 historyMonths = 0;
    if (demo) {
        auto h = c.args().has(QStringLiteral("history-months")) ? c.requireInt(QStringLiteral("history-months"), 0, 120)
                                                                : Result<qint64>(qint64(12));
        if (!h)
            return c.fail(h.error());
        historyMonths = *h;
    } else if (c.args().has(QStringLiteral("history-months"))) {
        return c.fail(Error::make(QStringLiteral("cli.bad_option"), QStringLiteral("--history-months goes with --demo"),
                                  QStringLiteral("history-months")));
    }
    auto snapshot = demo ? Result<NetworkSnapshot>(DemoNetwork::snapshot(DemoNetwork::kCurrentMonth.plus(-qint32(historyMonths))))
                         : SnapshotJson::readFile(c.args().value(QStringLiteral("network")));
    if (!snapshot)
        return c.fail(snapshot.error());
    auto market = Market::create(dataDir(c), *snapshot);
    if (!market)
        return c.fail(market.error());
    if (historyMonths > 0) {
        auto simulated = runSimulation(*market, DemoHistory::options(static_cast<qint32>(historyMonths)), c.json());
        if (!simulated)
            return c.fail(simulated.error());
        if (simulated->cancelled)
            return c.fail(Error::make(QStringLiteral("cli.interrupted"),
                                      QStringLiteral("interrupted: the mirror holds %1 of %2 months of demo history")
                                          .arg(simulated->monthsSimulated)
                                          .arg(historyMonths)));
    }
    const NetworkSnapshot &g = market->engine().genesis();
    return c.succeed({{QStringLiteral("dataDir"), dataDir(c)}, {QStringLiteral("database"), Market::databasePath(dataDir(c))},
                      {QStringLiteral("name"), g.name}, {QStringLiteral("regions"), g.regions.size()},
                      {QStringLiteral("zones"), g.zones.size()}, {QStringLiteral("clusters"), g.clusters.size()},
                      {QStringLiteral("nodes"), g.nodes.size()}, {QStringLiteral("providers"), g.providers.size()},
                      {QStringLiteral("accounts"), g.accounts.size()}, {QStringLiteral("month"), market->engine().currentMonth().toString()},
                      {QStringLiteral("historyMonths"), historyMonths}, {QStringLiteral("transactions"), QString::number(market->engine().appliedCount())},
                      {QStringLiteral("genesisHash"), hex(market->engine().genesisHash())}},
                     QStringLiteral("Initialised %1 in %2: %3 regions, %4 zones, %5 clusters, %6 HNs, %7 HPs; month %8.")
                         .arg(g.name, dataDir(c)).arg(g.regions.size()).arg(g.zones.size()).arg(g.clusters.size())
                         .arg(g.nodes.size()).arg(g.providers.size()).arg(market->engine().currentMonth().toString())
                     + (historyMonths > 0 ? QStringLiteral(" %1 months of simulated history (%2 transactions).")
                                                .arg(historyMonths).arg(market->engine().appliedCount())
                                          : QString()));
}

int networkShow(Context &c)
{
    ICN_OPEN_MARKET(c, market)
    const Engine &e = market->engine();
    if (c.args().has(QStringLiteral("scope"))) {
        const MonthRange range{e.currentMonth().plus(1), e.params().minBookingMonths};
        auto view = e.capacity(c.args().value(QStringLiteral("scope")), range);
        if (!view)
            return c.fail(view.error());
        return c.succeed(capacityJson(*view, true), capacityText(*view));
    }
    const NetworkSnapshot &g = e.genesis();
    QHash<QString, QString> zoneRegion, clusterRegion;
    for (const Zone &z : g.zones)
        zoneRegion.insert(z.id, z.regionId);
    QHash<QString, int> zones, clusters, nodes;
    QHash<QString, qint64> tb;
    for (const Zone &z : g.zones)
        ++zones[z.regionId];
    for (const Cluster &cl : g.clusters) {
        clusterRegion.insert(cl.id, zoneRegion.value(cl.zoneId));
        ++clusters[zoneRegion.value(cl.zoneId)];
    }
    for (const HardwareNode &n : g.nodes) {
        ++nodes[clusterRegion.value(n.clusterId)];
        tb[clusterRegion.value(n.clusterId)] += n.capacityTb;
    }
    QJsonArray regions;
    QString text = QStringLiteral("%1, month %2, %3 transactions applied\n").arg(g.name, e.currentMonth().toString()).arg(e.appliedCount());
    for (const Region &r : g.regions) {
        regions.append(QJsonObject{{QStringLiteral("id"), r.id}, {QStringLiteral("name"), r.name}, {QStringLiteral("zones"), zones.value(r.id)},
                                   {QStringLiteral("clusters"), clusters.value(r.id)}, {QStringLiteral("nodes"), nodes.value(r.id)},
                                   {QStringLiteral("capacityTb"), tb.value(r.id)}});
        text += QStringLiteral("  %1 %2: %3 zones, %4 clusters, %5 HNs, %6 TB\n").arg(r.id, r.name).arg(zones.value(r.id))
                    .arg(clusters.value(r.id)).arg(nodes.value(r.id)).arg(tb.value(r.id));
    }
    return c.succeed({{QStringLiteral("name"), g.name}, {QStringLiteral("month"), e.currentMonth().toString()},
                      {QStringLiteral("applied"), qint64(e.appliedCount())}, {QStringLiteral("regions"), regions},
                      {QStringLiteral("providers"), g.providers.size()}, {QStringLiteral("accounts"), qint64(e.accounts().size())}},
                     text);
}

int networkExport(Context &c)
{
    if (c.args().positional.size() != 1)
        return c.fail(Error::make(QStringLiteral("cli.missing_option"), QStringLiteral("name the output FILE"), QStringLiteral("file")));
    ICN_OPEN_MARKET(c, market)
    const bool genesis = c.args().flags.contains(QStringLiteral("genesis"));
    const NetworkSnapshot snapshot = genesis ? market->engine().genesis() : market->engine().currentNetwork();
    if (auto ok = SnapshotJson::writeFile(c.args().positional.front(), snapshot); !ok)
        return c.fail(ok.error());
    return c.succeed({{QStringLiteral("file"), c.args().positional.front()}, {QStringLiteral("nodes"), snapshot.nodes.size()},
                      {QStringLiteral("genesis"), genesis}},
                     QStringLiteral("Wrote %1 (%2 HNs).").arg(c.args().positional.front()).arg(snapshot.nodes.size()));
}

int capacity(Context &c)
{
    auto scope = c.require(QStringLiteral("scope"));
    auto start = requireMonth(c, QStringLiteral("start"));
    auto months = c.requireInt(QStringLiteral("months"), 1, 120);
    for (const Error *e : {scope ? nullptr : &scope.error(), start ? nullptr : &start.error(), months ? nullptr : &months.error()})
        if (e)
            return c.fail(*e);
    ICN_OPEN_MARKET(c, market)
    auto view = market->engine().capacity(*scope, MonthRange{*start, qint32(*months)});
    if (!view)
        return c.fail(view.error());
    return c.succeed(capacityJson(*view, true), capacityText(*view));
}

Result<QuoteRequest> quoteRequest(const Context &c)
{
    auto scope = c.require(QStringLiteral("scope"));
    if (!scope)
        return scope.error();
    auto size = c.requireInt(QStringLiteral("size-tb"), 1, 1'000'000'000);
    if (!size)
        return size.error();
    auto start = requireMonth(c, QStringLiteral("start"));
    if (!start)
        return start.error();
    auto months = c.requireInt(QStringLiteral("months"), 1, 120);
    if (!months)
        return months.error();
    return QuoteRequest{*scope, *size, *start, qint32(*months)};
}

QString quoteText(const Quote &q)
{
    return QStringLiteral("%1 TB on %2 (%3) from %4 for %5 months: %6 ICNT (HP %7 + margin %8), %9 HNs")
        .arg(q.sizeTb).arg(q.clusterId, q.scopeId, q.start.toString()).arg(q.months)
        .arg(q.total.toString(), q.hpCost.toString(), q.margin.toString()).arg(q.slices.size());
}

int quote(Context &c)
{
    auto request = quoteRequest(c);
    if (!request)
        return c.fail(request.error());
    ICN_OPEN_MARKET(c, market)
    auto q = market->engine().quote(*request);
    if (!q)
        return c.fail(q.error());
    return c.succeed(quoteJson(*q), quoteText(*q));
}

int book(Context &c)
{
    auto request = quoteRequest(c);
    if (!request)
        return c.fail(request.error());
    auto quoted = Amount::parse(c.args().value(QStringLiteral("quoted-total")));
    if (!c.args().has(QStringLiteral("quoted-total")))
        return c.fail(Error::make(QStringLiteral("cli.missing_option"), QStringLiteral("the option --quoted-total is required (run icnctl quote first)"), QStringLiteral("quoted-total")));
    if (!quoted)
        return c.fail(Error::make(quoted.error().code, quoted.error().message, QStringLiteral("quoted-total")));
    ICN_OPEN_MARKET(c, market)
    const Engine &e = market->engine();
    Month deadline = e.currentMonth();
    if (c.args().has(QStringLiteral("deadline"))) {
        auto d = requireMonth(c, QStringLiteral("deadline"));
        if (!d)
            return c.fail(d.error());
        deadline = *d;
    }
    auto keys = unlockKeystore(c);
    if (!keys)
        return c.fail(keys.error());
    const BookingRequest br{keys->second, request->scopeId, request->sizeTb, request->start, request->months,
                            *quoted, e.nextNonce(keys->second), deadline};
    auto tx = signBooking(br, keys->first);
    keys->first.clear();
    if (!tx)
        return c.fail(tx.error());
    auto receipt = market->submit(*tx);
    if (!receipt)
        return c.fail(receipt.error());
    if (c.args().has(QStringLiteral("export-signed"))) {
        // The signed request as a wallet shows it (EIP-712 JSON) with its signature.
        QJsonObject signedJson{{QStringLiteral("typedData"), BookingTypedData::bookingJson(br)},
                               {QStringLiteral("signature"), hex(tx->signature)},
                               {QStringLiteral("transaction"), hex(encodeTransaction(*tx))}};
        QSaveFile out(c.args().value(QStringLiteral("export-signed")));
        const QByteArray bytes = QJsonDocument(signedJson).toJson();
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
            return c.fail(Error::make(QStringLiteral("cli.unwritable_file"), QStringLiteral("booked, but cannot write %1: %2")
                                          .arg(out.fileName(), out.errorString()), QStringLiteral("export-signed")));
    }
    return c.succeed(receiptJson(*receipt), QStringLiteral("Booked #%1: %2 TB on %3, %4 ICNT (log entry %5).")
                                                .arg(receipt->bookingId).arg(request->sizeTb).arg(receipt->clusterId, receipt->amount.toString())
                                                .arg(receipt->sequence));
}

int bookings(Context &c)
{
    Address account;
    if (c.args().has(QStringLiteral("account"))) {
        auto a = parseAddress(c.args().value(QStringLiteral("account")), QStringLiteral("account"));
        if (!a)
            return c.fail(a.error());
        account = *a;
    }
    ICN_OPEN_MARKET(c, market)
    QJsonArray list;
    QString text;
    for (const BookingInfo &b : market->engine().bookings(account)) {
        list.append(bookingJson(b));
        text += QStringLiteral("#%1 %2 %3 TB on %4 from %5 for %6 months, %7 ICNT, %8\n").arg(b.id).arg(b.sp.toChecksummed()).arg(b.sizeTb)
                    .arg(b.clusterId, b.start.toString()).arg(b.months).arg(b.total.toString(), bookingStatusName(b.status));
    }
    return c.succeed({{QStringLiteral("bookings"), list}}, text.isEmpty() ? QStringLiteral("No bookings.") : text);
}

int submitAndReport(Context &c, Market &market, const Transaction &tx, const QString &text)
{
    auto receipt = market.submit(tx);
    if (!receipt)
        return c.fail(receipt.error());
    return c.succeed(receiptJson(*receipt), text.arg(receipt->sequence).arg(hex(receipt->stateHash)));
}

int faucet(Context &c)
{
    if (c.args().positional.size() != 2)
        return c.fail(Error::make(QStringLiteral("cli.missing_option"), QStringLiteral("usage: icnctl faucet ADDR ICNT"), QStringLiteral("address")));
    auto to = parseAddress(c.args().positional[0], QStringLiteral("address"));
    if (!to)
        return c.fail(to.error());
    auto amount = Amount::parse(c.args().positional[1]);
    if (!amount)
        return c.fail(Error::make(amount.error().code, amount.error().message, QStringLiteral("amount")));
    ICN_OPEN_MARKET(c, market)
    return submitAndReport(c, *market, FaucetTx{*to, *amount},
                           QStringLiteral("Sent %1 ICNT to %2 (log entry %3, state %4).").arg(amount->toString(), to->toChecksummed()));
}

int balance(Context &c)
{
    if (c.args().positional.size() != 1)
        return c.fail(Error::make(QStringLiteral("cli.missing_option"), QStringLiteral("usage: icnctl balance ADDR"), QStringLiteral("address")));
    auto account = parseAddress(c.args().positional[0], QStringLiteral("address"));
    if (!account)
        return c.fail(account.error());
    ICN_OPEN_MARKET(c, market)
    const Amount b = market->engine().balance(*account);
    return c.succeed({{QStringLiteral("address"), account->toChecksummed()}, {QStringLiteral("balance"), b.toString()},
                      {QStringLiteral("nonce"), qint64(market->engine().nextNonce(*account))}},
                     QStringLiteral("%1 ICNT").arg(b.toString()));
}

int monthClose(Context &c)
{
    ICN_OPEN_MARKET(c, market)
    const Month m = market->engine().currentMonth();
    return submitAndReport(c, *market, CloseMonthTx{m}, QStringLiteral("Closed %1 (log entry %2, state %3).").arg(m.toString()));
}

int stateHash(Context &c)
{
    ICN_OPEN_MARKET(c, market)
    const Engine &e = market->engine();
    return c.succeed({{QStringLiteral("stateHash"), hex(e.stateHash())}, {QStringLiteral("applied"), qint64(e.appliedCount())},
                      {QStringLiteral("month"), e.currentMonth().toString()}},
                     hex(e.stateHash()));
}

int replay(Context &c)
{
    ICN_OPEN_MARKET(c, market)
    // Opening already replayed the log and compared every stored state hash; --verify does it
    // again in a fresh engine and compares with the open one.
    quint64 replayed = market->engine().appliedCount();
    if (c.args().flags.contains(QStringLiteral("verify"))) {
        auto verified = market->verifyReplay();
        if (!verified)
            return c.fail(verified.error());
        replayed = *verified;
    }
    return c.succeed({{QStringLiteral("replayed"), qint64(replayed)}, {QStringLiteral("stateHash"), hex(market->engine().stateHash())},
                      {QStringLiteral("milliseconds"), market->openMilliseconds()}},
                     QStringLiteral("Replayed %1 transactions: state %2.").arg(replayed).arg(hex(market->engine().stateHash())));
}

int check(Context &c)
{
    ICN_OPEN_MARKET(c, market)
    const CheckReport report = market->check();
    if (!report.ok)
        return c.fail(Error::make(QStringLiteral("store.check_failed"), report.problems.join(QStringLiteral(" "))),
                      {{QStringLiteral("report"), report.toJson()}});
    return c.succeed(report.toJson(), QStringLiteral("ok: integrity, foreign keys, genesis, conservation and %1 replayed state hashes.")
                                          .arg(report.replayed));
}

#undef ICN_OPEN_MARKET

} // namespace

void registerMarketCommands(Registry &registry)
{
    const QString dd = QStringLiteral(" [--data-dir DIR]");
    registry.add({{QStringLiteral("init")}, QStringLiteral("--demo [--history-months N] | --network FILE") + dd,
                  QStringLiteral("create the local mirror from the demo network or a snapshot file"), {QStringLiteral("demo")}, init});
    registry.add({{QStringLiteral("network"), QStringLiteral("show")}, QStringLiteral("[--scope ID]") + dd,
                  QStringLiteral("summarise the network, or a region/zone/cluster's capacity and listed price"), {}, networkShow});
    registry.add({{QStringLiteral("network"), QStringLiteral("export")}, QStringLiteral("FILE [--genesis]") + dd,
                  QStringLiteral("write the network as it is now (or its genesis) as a snapshot JSON file"), {QStringLiteral("genesis")}, networkExport});
    registry.add({{QStringLiteral("capacity")}, QStringLiteral("--scope ID --start YYYY-MM --months N") + dd,
                  QStringLiteral("free capacity per month and listed price of a scope"), {}, capacity});
    registry.add({{QStringLiteral("quote")}, QStringLiteral("--scope ID --size-tb N --start YYYY-MM --months N") + dd,
                  QStringLiteral("price a booking without making it"), {}, quote});
    registry.add({{QStringLiteral("book")}, QStringLiteral("--keystore F --password-file F --scope ID --size-tb N --start YYYY-MM --months N "
                                                           "--quoted-total ICNT [--deadline YYYY-MM] [--export-signed FILE]") + dd,
                  QStringLiteral("sign a booking with the keystore's key and apply it"), {}, book});
    registry.add({{QStringLiteral("bookings")}, QStringLiteral("[--account ADDR]") + dd, QStringLiteral("list bookings"), {}, bookings});
    registry.add({{QStringLiteral("faucet")}, QStringLiteral("ADDR ICNT") + dd,
                  QStringLiteral("send ICNT from the genesis pool (local mirror only)"), {}, faucet});
    registry.add({{QStringLiteral("balance")}, QStringLiteral("ADDR") + dd, QStringLiteral("an account's ICNT balance and next nonce"), {}, balance});
    registry.add({{QStringLiteral("month"), QStringLiteral("close")}, dd.trimmed(),
                  QStringLiteral("close the current month: pay HPs from escrow, end bookings, advance the clock"), {}, monthClose});
    registry.add({{QStringLiteral("state-hash")}, dd.trimmed(), QStringLiteral("the running state hash after the last transaction"), {}, stateHash});
    registry.add({{QStringLiteral("replay")}, QStringLiteral("[--verify]") + dd,
                  QStringLiteral("replay the log from the genesis (--verify: again, in a fresh engine)"), {QStringLiteral("verify")}, replay});
    registry.add({{QStringLiteral("check")}, dd.trimmed(),
                  QStringLiteral("integrity, foreign keys, genesis, conservation and a full replay comparing every state hash"), {}, check});
}

} // namespace icn::cli
