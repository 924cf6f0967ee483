// icnctl tender … / auction …: the §8 auction transactions (signed with the keystore's key like
// `book`) and their reads. Sealed bids: `show`/`list` print only the bids of the account whose
// keystore is given, until the award; afterwards every bid.
#include "Cli.h"
#include "MarketCli.h"

#include "AuctionTypedData.h"
#include "HistoryQuery.h"
#include "Keystore.h"
#include "Market.h"
#include "Signer.h"

#include <QFile>
#include <QJsonArray>

namespace icn::cli {

namespace {

Error missing(const QString &name)
{
    return Error::make(QStringLiteral("cli.missing_option"), QStringLiteral("the option --%1 is required").arg(name), name);
}

Result<Month> monthOption(const Context &c, const QString &name)
{
    auto text = c.require(name);
    if (!text)
        return text.error();
    return Month::parse(*text, name);
}

// An epoch of the engine's epoch clock (PROTOCOL.md §8 "bid deadline (epoch)"): its number or
// its date YYYY-MM-DD, as `history sla` reads them.
Result<qint64> epochOption(const Context &c, const QString &name)
{
    auto text = c.require(name);
    if (!text)
        return text.error();
    auto epoch = HistoryQuery::parseEpoch(*text, name);
    if (!epoch)
        return Error::make(QStringLiteral("cli.bad_epoch"), epoch.error().message, name);
    return epoch;
}

QString epochText(qint64 epoch)
{
    return QStringLiteral("epoch %1 (%2)").arg(epoch).arg(SlaClock::dateOf(epoch));
}

Result<Amount> amountOption(const Context &c, const QString &name, bool required = true)
{
    if (!c.args().has(name)) {
        if (required)
            return missing(name);
        return Amount();
    }
    auto a = Amount::parse(c.args().value(name));
    if (!a)
        return Error::make(a.error().code, a.error().message, name);
    return a;
}

// The account whose sealed bids a read may show: the keystore's, when one is given.
Result<Address> viewerOf(const Context &c)
{
    if (!c.args().has(QStringLiteral("keystore")))
        return Address();
    auto keys = unlockKeystore(c);
    if (!keys)
        return keys.error();
    keys->first.clear();
    return keys->second;
}

QJsonObject receiptJson(const Receipt &r)
{
    QJsonObject o{{QStringLiteral("seq"), qint64(r.sequence)}, {QStringLiteral("type"), r.type},
                  {QStringLiteral("amount"), r.amount.toString()}, {QStringLiteral("stateHash"), hex(r.stateHash)}};
    for (const auto &[name, amount] : r.figures)
        o.insert(name, amount.toString());
    if (r.bookingId != 0)
        o.insert(QStringLiteral("bookingId"), qint64(r.bookingId));
    return o;
}

// Signs `tx` with the keystore's key (its account and nonce filled in by `fill`) and submits it.
template <class T, class Fill>
int signAndSubmit(Context &c, T tx, Fill fill, const std::function<QString(const Receipt &, const Engine &)> &text)
{
    auto keys = unlockKeystore(c);
    if (!keys)
        return c.fail(keys.error());
    auto market = Market::open(dataDir(c));
    if (!market)
        return c.fail(market.error());
    fill(tx, keys->second);
    tx.nonce = market->engine().nextNonce(keys->second);
    tx.unsignedLocal = false;
    auto signedTx = signAuctionTx(tx, keys->first);
    keys->first.clear();
    if (!signedTx)
        return c.fail(signedTx.error());
    auto receipt = market->submit(*signedTx);
    if (!receipt)
        return c.fail(receipt.error());
    return c.succeed(receiptJson(*receipt), text(*receipt, market->engine()));
}

// Reads the options shared by both posts.
struct PostCommon
{
    QString scope;
    qint64 sizeTb = 0;
    Month start;
    qint32 months = 0;
    qint32 minReliabilityPpm = 0;
};

Result<PostCommon> postCommon(const Context &c)
{
    PostCommon p;
    auto scope = c.require(QStringLiteral("scope"));
    if (!scope)
        return scope.error();
    p.scope = *scope;
    auto size = c.requireInt(QStringLiteral("size-tb"), 1, 1'000'000'000);
    if (!size)
        return size.error();
    p.sizeTb = *size;
    auto start = monthOption(c, QStringLiteral("start"));
    if (!start)
        return start.error();
    p.start = *start;
    auto months = c.requireInt(QStringLiteral("months"), 1, 120);
    if (!months)
        return months.error();
    p.months = qint32(*months);
    if (c.args().has(QStringLiteral("min-reliability"))) {
        auto rel = c.requireInt(QStringLiteral("min-reliability"), 0, 1'000'000);
        if (!rel)
            return rel.error();
        p.minReliabilityPpm = qint32(*rel);
    }
    return p;
}

Result<quint64> idOption(const Context &c, const QString &name)
{
    auto id = c.requireInt(name, 1);
    if (!id)
        return id.error();
    return quint64(*id);
}

Result<quint64> positionalId(const Context &c, const QString &what)
{
    bool ok = false;
    const quint64 id = c.args().positional.size() == 1 ? c.args().positional.front().toULongLong(&ok) : 0;
    if (!ok || id == 0)
        return Error::make(QStringLiteral("cli.missing_option"), QStringLiteral("name the %1 by its id").arg(what), QStringLiteral("id"));
    return id;
}

QJsonArray slicesJson(const QList<AwardSlice> &slices)
{
    QJsonArray out;
    for (const AwardSlice &s : slices)
        out.append(QJsonObject{{QStringLiteral("node"), s.nodeId}, {QStringLiteral("cluster"), s.clusterId},
                               {QStringLiteral("provider"), s.provider.toChecksummed()}, {QStringLiteral("tb"), s.tb},
                               {QStringLiteral("price"), s.price.toString()}, {QStringLiteral("hpCost"), s.hpCost.toString()}});
    return out;
}

QJsonArray idsJson(const QList<quint64> &ids)
{
    QJsonArray out;
    for (quint64 id : ids)
        out.append(qint64(id));
    return out;
}

QJsonObject tenderJson(const TenderView &v)
{
    QJsonArray bids;
    for (const TenderBidView &b : v.bids)
        bids.append(QJsonObject{{QStringLiteral("node"), b.bid.nodeId}, {QStringLiteral("bidder"), b.bid.bidder.toChecksummed()},
                                {QStringLiteral("offeredTb"), b.bid.offeredTb}, {QStringLiteral("price"), b.bid.price.toString()},
                                {QStringLiteral("bond"), b.bid.bond.toString()}, {QStringLiteral("order"), qint64(b.bid.submittedOrder)},
                                {QStringLiteral("rank"), b.rank}, {QStringLiteral("awardedTb"), b.awardedTb},
                                {QStringLiteral("dropped"), b.droppedReason}});
    QJsonObject o{{QStringLiteral("id"), qint64(v.id)}, {QStringLiteral("sp"), v.spec.sp.toChecksummed()},
                  {QStringLiteral("scope"), v.spec.scopeId}, {QStringLiteral("sizeTb"), v.spec.sizeTb},
                  {QStringLiteral("start"), v.spec.start.toString()}, {QStringLiteral("months"), v.spec.months},
                  {QStringLiteral("maxPrice"), v.spec.maxPrice.toString()}, {QStringLiteral("minReliabilityPpm"), v.spec.minReliabilityPpm},
                  {QStringLiteral("bidDeadlineEpoch"), v.spec.bidDeadlineEpoch},
                  {QStringLiteral("bidDeadlineDate"), SlaClock::dateOf(v.spec.bidDeadlineEpoch)},
                  {QStringLiteral("partialFill"), v.spec.partialFillAllowed},
                  {QStringLiteral("state"), tenderStateName(v.state)}, {QStringLiteral("lock"), v.lock.total.toString()},
                  {QStringLiteral("bidCount"), v.bidCount}, {QStringLiteral("bidsVisible"), v.bidsVisible},
                  {QStringLiteral("bids"), bids}};
    if (v.state != TenderState::Open) {
        o.insert(QStringLiteral("filledTb"), v.filledTb);
        o.insert(QStringLiteral("hpCost"), v.hpCost.toString());
        o.insert(QStringLiteral("margin"), v.margin.toString());
        o.insert(QStringLiteral("total"), v.total.toString());
        o.insert(QStringLiteral("refund"), v.refund.toString());
        o.insert(QStringLiteral("slices"), slicesJson(v.slices));
        o.insert(QStringLiteral("bookings"), idsJson(v.bookingIds));
    }
    return o;
}

QString tenderLine(const TenderView &v)
{
    return QStringLiteral("tender #%1 %2: %3 TB on %4 from %5 for %6 months, max %7 ICNT/TB-month, deadline %8, %9 bids")
        .arg(v.id).arg(tenderStateName(v.state)).arg(v.spec.sizeTb).arg(v.spec.scopeId, v.spec.start.toString()).arg(v.spec.months)
        .arg(v.spec.maxPrice.toString(), epochText(v.spec.bidDeadlineEpoch)).arg(v.bidCount);
}

QString tenderText(const TenderView &v)
{
    QString text = tenderLine(v) + QLatin1Char('\n');
    text += QStringLiteral("  locked %1 ICNT by %2\n").arg(v.lock.total.toString(), v.spec.sp.toChecksummed());
    if (!v.bidsVisible)
        text += QStringLiteral("  bids are sealed until the award; %1 of yours shown\n").arg(v.bids.size());
    for (const TenderBidView &b : v.bids) {
        text += QStringLiteral("  %1 %2 TB at %3, bond %4").arg(b.bid.nodeId).arg(b.bid.offeredTb).arg(b.bid.price.toString(), b.bid.bond.toString());
        if (v.bidsVisible)
            text += b.droppedReason.isEmpty() ? QStringLiteral(" — rank %1, awarded %2 TB").arg(b.rank).arg(b.awardedTb)
                                              : QStringLiteral(" — dropped (%1)").arg(b.droppedReason);
        text += QLatin1Char('\n');
    }
    if (v.state != TenderState::Open)
        text += QStringLiteral("  filled %1 TB for %2 ICNT (HP %3 + margin %4), refund %5 ICNT\n").arg(v.filledTb)
                    .arg(v.total.toString(), v.hpCost.toString(), v.margin.toString(), v.refund.toString());
    return text;
}

QJsonObject auctionJson(const ReverseAuctionView &v)
{
    QJsonArray terms;
    for (const ReverseAuctionTerms &t : v.terms)
        terms.append(QJsonObject{{QStringLiteral("node"), t.nodeId}, {QStringLiteral("bidder"), t.bidder.toChecksummed()},
                                 {QStringLiteral("dropOutPrice"), t.dropOutPrice ? QJsonValue(t.dropOutPrice->toString()) : QJsonValue()},
                                 {QStringLiteral("capacityTb"), t.capacityTb ? QJsonValue(*t.capacityTb) : QJsonValue()},
                                 {QStringLiteral("bond"), t.bond.toString()}});
    QJsonObject o{{QStringLiteral("id"), qint64(v.id)}, {QStringLiteral("sp"), v.spec.sp.toChecksummed()},
                  {QStringLiteral("scope"), v.spec.scopeId}, {QStringLiteral("sizeTb"), v.spec.sizeTb},
                  {QStringLiteral("start"), v.spec.start.toString()}, {QStringLiteral("months"), v.spec.months},
                  {QStringLiteral("ceilingPrice"), v.spec.ceilingPrice.toString()}, {QStringLiteral("decrementPpm"), v.spec.decrementPpm},
                  {QStringLiteral("step"), v.step.toString()}, {QStringLiteral("floorPrice"), v.spec.floorPrice.toString()},
                  {QStringLiteral("minReliabilityPpm"), v.spec.minReliabilityPpm}, {QStringLiteral("clockEpoch"), v.clockEpoch},
                  {QStringLiteral("clockDate"), SlaClock::dateOf(v.clockEpoch)},
                  {QStringLiteral("state"), reverseAuctionStateName(v.state)}, {QStringLiteral("lock"), v.lock.total.toString()},
                  {QStringLiteral("termsCount"), v.termsCount}, {QStringLiteral("termsVisible"), v.termsVisible},
                  {QStringLiteral("terms"), terms}};
    if (v.state != ReverseAuctionState::Open) {
        o.insert(QStringLiteral("clearingPrice"), v.clearingPrice.toString());
        o.insert(QStringLiteral("rounds"), v.roundCount);
        o.insert(QStringLiteral("filledTb"), v.filledTb);
        o.insert(QStringLiteral("hpCost"), v.hpCost.toString());
        o.insert(QStringLiteral("margin"), v.margin.toString());
        o.insert(QStringLiteral("total"), v.total.toString());
        o.insert(QStringLiteral("refund"), v.refund.toString());
        o.insert(QStringLiteral("slices"), slicesJson(v.slices));
        o.insert(QStringLiteral("bookings"), idsJson(v.bookingIds));
        QJsonArray dropped;
        for (const DroppedEntry &d : v.dropped)
            dropped.append(QJsonObject{{QStringLiteral("node"), d.nodeId}, {QStringLiteral("reason"), d.reason}});
        o.insert(QStringLiteral("dropped"), dropped);
    }
    return o;
}

QString auctionLine(const ReverseAuctionView &v)
{
    return QStringLiteral("auction #%1 %2: %3 TB on %4 from %5 for %6 months, ceiling %7, floor %8, step %9, clock %10")
        .arg(v.id).arg(reverseAuctionStateName(v.state)).arg(v.spec.sizeTb).arg(v.spec.scopeId, v.spec.start.toString()).arg(v.spec.months)
        .arg(v.spec.ceilingPrice.toString(), v.spec.floorPrice.toString(), v.step.toString(), epochText(v.clockEpoch));
}

QString auctionText(const ReverseAuctionView &v)
{
    QString text = auctionLine(v) + QLatin1Char('\n');
    text += QStringLiteral("  locked %1 ICNT by %2; %3 drop-out terms%4\n").arg(v.lock.total.toString(), v.spec.sp.toChecksummed())
                .arg(v.termsCount).arg(v.termsVisible ? QString() : QStringLiteral(" (sealed until the run)"));
    for (const ReverseAuctionTerms &t : v.terms)
        text += QStringLiteral("  %1 drops out below %2, bond %3\n").arg(t.nodeId, t.dropOutPrice ? t.dropOutPrice->toString() : QStringLiteral("its reservation price"),
                                                                      t.bond.toString());
    if (v.state != ReverseAuctionState::Open) {
        text += QStringLiteral("  %1 rounds; clearing price %2; filled %3 TB for %4 ICNT, refund %5 ICNT\n").arg(v.roundCount)
                    .arg(v.clearingPrice.toString()).arg(v.filledTb).arg(v.total.toString(), v.refund.toString());
        for (const AwardSlice &s : v.slices)
            text += QStringLiteral("  winner %1: %2 TB at %3\n").arg(s.nodeId).arg(s.tb).arg(s.price.toString());
    }
    return text;
}

#define ICN_REQUIRE(var, expr)                                                                                         \
    auto var = (expr);                                                                                                 \
    if (!var)                                                                                                          \
        return c.fail(var.error());

int tenderPost(Context &c)
{
    ICN_REQUIRE(common, postCommon(c))
    ICN_REQUIRE(maxPrice, amountOption(c, QStringLiteral("max-price")))
    ICN_REQUIRE(deadline, epochOption(c, QStringLiteral("deadline")))
    PostTenderTx tx;
    tx.scope = common->scope;
    tx.sizeTb = common->sizeTb;
    tx.startMonth = common->start;
    tx.months = common->months;
    tx.minReliabilityPpm = common->minReliabilityPpm;
    tx.maxPrice = *maxPrice;
    tx.bidDeadlineEpoch = *deadline;
    tx.partialFill = c.args().flags.contains(QStringLiteral("partial"));
    return signAndSubmit(c, tx, [](PostTenderTx &t, const Address &a) { t.sp = a; }, [](const Receipt &r, const Engine &e) {
        return QStringLiteral("Posted tender #%1, %2 ICNT locked (log entry %3).").arg(e.tenders().size()).arg(r.amount.toString()).arg(r.sequence);
    });
}

int tenderBid(Context &c)
{
    ICN_REQUIRE(id, idOption(c, QStringLiteral("tender")))
    ICN_REQUIRE(node, c.require(QStringLiteral("node")))
    ICN_REQUIRE(offered, c.requireInt(QStringLiteral("offered-tb"), 1, 1'000'000'000))
    ICN_REQUIRE(price, amountOption(c, QStringLiteral("price")))
    ICN_REQUIRE(bond, amountOption(c, QStringLiteral("bond"), false))
    TenderBidTx tx;
    tx.tenderId = *id;
    tx.nodeId = *node;
    tx.offeredTb = *offered;
    tx.price = *price;
    tx.bond = *bond;
    return signAndSubmit(c, tx, [](TenderBidTx &t, const Address &a) { t.bidder = a; }, [&](const Receipt &r, const Engine &) {
        return QStringLiteral("Bid for %1 in tender #%2 sealed (bond %3 ICNT, log entry %4).").arg(*node).arg(*id).arg(bond->toString()).arg(r.sequence);
    });
}

int tenderWithdraw(Context &c)
{
    ICN_REQUIRE(id, idOption(c, QStringLiteral("tender")))
    ICN_REQUIRE(node, c.require(QStringLiteral("node")))
    TenderWithdrawTx tx;
    tx.tenderId = *id;
    tx.nodeId = *node;
    return signAndSubmit(c, tx, [](TenderWithdrawTx &t, const Address &a) { t.bidder = a; }, [&](const Receipt &r, const Engine &) {
        return QStringLiteral("Withdrew the bid for %1 from tender #%2 (log entry %3).").arg(*node).arg(*id).arg(r.sequence);
    });
}

int tenderAward(Context &c)
{
    ICN_REQUIRE(id, idOption(c, QStringLiteral("tender")))
    TenderAwardTx tx;
    tx.tenderId = *id;
    return signAndSubmit(c, tx, [](TenderAwardTx &t, const Address &a) { t.caller = a; }, [&](const Receipt &r, const Engine &e) {
        return tenderText(*e.tender(*id)) + QStringLiteral("(log entry %1)").arg(r.sequence);
    });
}

int tenderShow(Context &c)
{
    ICN_REQUIRE(id, positionalId(c, QStringLiteral("tender")))
    ICN_REQUIRE(viewer, viewerOf(c))
    ICN_REQUIRE(market, Market::open(dataDir(c)))
    const auto v = market->engine().tender(*id, *viewer);
    if (!v)
        return c.fail(Error::make(QStringLiteral("tender.unknown_tender"), QStringLiteral("there is no tender %1").arg(*id), QStringLiteral("id")));
    return c.succeed(tenderJson(*v), tenderText(*v));
}

int tenderList(Context &c)
{
    ICN_REQUIRE(viewer, viewerOf(c))
    ICN_REQUIRE(market, Market::open(dataDir(c)))
    QJsonArray list;
    QString text;
    for (const TenderView &v : market->engine().tenders(*viewer)) {
        list.append(tenderJson(v));
        text += tenderLine(v) + QLatin1Char('\n');
    }
    return c.succeed({{QStringLiteral("tenders"), list}}, text.isEmpty() ? QStringLiteral("No tenders.") : text);
}

int auctionPost(Context &c)
{
    ICN_REQUIRE(common, postCommon(c))
    ICN_REQUIRE(ceiling, amountOption(c, QStringLiteral("ceiling")))
    ICN_REQUIRE(floor, amountOption(c, QStringLiteral("floor")))
    ICN_REQUIRE(decrement, c.requireInt(QStringLiteral("decrement-ppm"), 1, 1'000'000))
    ICN_REQUIRE(clock, epochOption(c, QStringLiteral("clock")))
    PostAuctionTx tx;
    tx.scope = common->scope;
    tx.sizeTb = common->sizeTb;
    tx.startMonth = common->start;
    tx.months = common->months;
    tx.minReliabilityPpm = common->minReliabilityPpm;
    tx.ceilingPrice = *ceiling;
    tx.floorPrice = *floor;
    tx.decrementPpm = *decrement;
    tx.clockEpoch = *clock;
    return signAndSubmit(c, tx, [](PostAuctionTx &t, const Address &a) { t.sp = a; }, [](const Receipt &r, const Engine &e) {
        return QStringLiteral("Posted reverse auction #%1, %2 ICNT locked (log entry %3).").arg(e.reverseAuctions().size())
            .arg(r.amount.toString()).arg(r.sequence);
    });
}

int auctionSetDropOut(Context &c)
{
    ICN_REQUIRE(id, idOption(c, QStringLiteral("auction")))
    ICN_REQUIRE(node, c.require(QStringLiteral("node")))
    ICN_REQUIRE(price, amountOption(c, QStringLiteral("price"), false))
    ICN_REQUIRE(bond, amountOption(c, QStringLiteral("bond"), false))
    qint64 capacity = 0;
    if (c.args().has(QStringLiteral("capacity-tb"))) {
        ICN_REQUIRE(cap, c.requireInt(QStringLiteral("capacity-tb"), 1, 1'000'000'000))
        capacity = *cap;
    }
    SetDropOutTx tx;
    tx.auctionId = *id;
    tx.nodeId = *node;
    tx.dropOutPrice = *price;
    tx.capacityTb = capacity;
    tx.bond = *bond;
    return signAndSubmit(c, tx, [](SetDropOutTx &t, const Address &a) { t.bidder = a; }, [&](const Receipt &r, const Engine &) {
        return QStringLiteral("Drop-out of %1 in auction #%2 set to %3 (log entry %4).").arg(*node).arg(*id)
            .arg(price->isZero() ? QStringLiteral("its reservation price") : price->toString()).arg(r.sequence);
    });
}

int auctionRun(Context &c)
{
    ICN_REQUIRE(id, idOption(c, QStringLiteral("auction")))
    RunAuctionTx tx;
    tx.auctionId = *id;
    return signAndSubmit(c, tx, [](RunAuctionTx &t, const Address &a) { t.caller = a; }, [&](const Receipt &r, const Engine &e) {
        return auctionText(*e.reverseAuction(*id)) + QStringLiteral("(log entry %1)").arg(r.sequence);
    });
}

int auctionShow(Context &c)
{
    ICN_REQUIRE(id, positionalId(c, QStringLiteral("auction")))
    ICN_REQUIRE(viewer, viewerOf(c))
    ICN_REQUIRE(market, Market::open(dataDir(c)))
    const auto v = market->engine().reverseAuction(*id, *viewer);
    if (!v)
        return c.fail(Error::make(QStringLiteral("auction.unknown_auction"), QStringLiteral("there is no reverse auction %1").arg(*id),
                                  QStringLiteral("id")));
    return c.succeed(auctionJson(*v), auctionText(*v));
}

int auctionRounds(Context &c)
{
    ICN_REQUIRE(id, positionalId(c, QStringLiteral("auction")))
    ICN_REQUIRE(market, Market::open(dataDir(c)))
    const auto v = market->engine().reverseAuction(*id);
    if (!v)
        return c.fail(Error::make(QStringLiteral("auction.unknown_auction"), QStringLiteral("there is no reverse auction %1").arg(*id),
                                  QStringLiteral("id")));
    QJsonArray rounds;
    QString text;
    for (const AuctionRound &r : market->engine().auctionRounds(*id)) {
        rounds.append(QJsonObject{{QStringLiteral("round"), r.round}, {QStringLiteral("price"), r.price.toString()},
                                  {QStringLiteral("supplyTb"), r.supplyTb}, {QStringLiteral("activeBidders"), r.activeBidders},
                                  {QStringLiteral("coversDemand"), r.coversDemand}});
        text += QStringLiteral("%1\t%2\t%3 TB\t%4 bidders%5\n").arg(r.round).arg(r.price.toString()).arg(r.supplyTb).arg(r.activeBidders)
                    .arg(r.coversDemand ? QString() : QStringLiteral("\tshort of demand"));
    }
    return c.succeed({{QStringLiteral("id"), qint64(*id)}, {QStringLiteral("state"), reverseAuctionStateName(v->state)},
                      {QStringLiteral("clearingPrice"), v->clearingPrice.toString()}, {QStringLiteral("rounds"), rounds}},
                     text.isEmpty() ? QStringLiteral("The clock has not run yet.") : text);
}

#undef ICN_REQUIRE

} // namespace

void registerAuctionCommands(Registry &registry)
{
    const QString dd = QStringLiteral(" [--data-dir DIR]");
    const QString key = QStringLiteral("--keystore F --password-file F ");
    const QString post = QStringLiteral("--scope ID --size-tb N --start YYYY-MM --months N [--min-reliability PPM] ");
    registry.add({{QStringLiteral("tender"), QStringLiteral("post")},
                  key + post + QStringLiteral("--max-price ICNT --deadline EPOCH|YYYY-MM-DD [--partial]") + dd,
                  QStringLiteral("post a tender (sealed bids until the deadline epoch), locking max price × size × D × (1 + margin)"),
                  {QStringLiteral("partial")}, tenderPost});
    registry.add({{QStringLiteral("tender"), QStringLiteral("bid")},
                  key + QStringLiteral("--tender ID --node HN --offered-tb N --price ICNT [--bond ICNT]") + dd,
                  QStringLiteral("bid for one of your HNs (sealed; an optional bond is locked)"), {}, tenderBid});
    registry.add({{QStringLiteral("tender"), QStringLiteral("withdraw")}, key + QStringLiteral("--tender ID --node HN") + dd,
                  QStringLiteral("withdraw your bid before the deadline epoch (the bond comes back)"), {}, tenderWithdraw});
    registry.add({{QStringLiteral("tender"), QStringLiteral("award")}, key + QStringLiteral("--tender ID") + dd,
                  QStringLiteral("award a tender from its deadline epoch on: winners become bookings"), {}, tenderAward});
    registry.add({{QStringLiteral("tender"), QStringLiteral("show")}, QStringLiteral("ID [--keystore F --password-file F]") + dd,
                  QStringLiteral("a tender; before the award only the keystore account's own bids"), {}, tenderShow});
    registry.add({{QStringLiteral("tender"), QStringLiteral("list")}, QStringLiteral("[--keystore F --password-file F]") + dd,
                  QStringLiteral("every tender"), {}, tenderList});
    registry.add({{QStringLiteral("auction"), QStringLiteral("post")},
                  key + post + QStringLiteral("--ceiling ICNT --decrement-ppm N --floor ICNT --clock EPOCH|YYYY-MM-DD") + dd,
                  QStringLiteral("post a reverse auction (drop-outs until the clock epoch), locking ceiling × size × D × (1 + margin)"),
                  {}, auctionPost});
    registry.add({{QStringLiteral("auction"), QStringLiteral("set-dropout")},
                  key + QStringLiteral("--auction ID --node HN [--price ICNT] [--capacity-tb N] [--bond ICNT]") + dd,
                  QStringLiteral("set your HN's drop-out price (default: its reservation price), capacity and bond"), {}, auctionSetDropOut});
    registry.add({{QStringLiteral("auction"), QStringLiteral("run")}, key + QStringLiteral("--auction ID") + dd,
                  QStringLiteral("run the descending clock from the clock epoch on: winners become bookings"), {}, auctionRun});
    registry.add({{QStringLiteral("auction"), QStringLiteral("show")}, QStringLiteral("ID [--keystore F --password-file F]") + dd,
                  QStringLiteral("a reverse auction; before the run only the keystore account's own terms"), {}, auctionShow});
    registry.add({{QStringLiteral("auction"), QStringLiteral("rounds")}, QStringLiteral("ID") + dd,
                  QStringLiteral("every round of the clock: price, supply, active bidders"), {}, auctionRounds});
}

} // namespace icn::cli
