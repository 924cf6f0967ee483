// `icnctl hn …` and `icnctl rewards`: the §6 transactions of Hardware Providers, signed with a
// keystore's key like `book`, and the per-HN economics (collateral, commitment, rewards).
#include "Cli.h"
#include "MarketCli.h"

#include "Hex.h"
#include "Keystore.h"
#include "Market.h"
#include "NodeTypedData.h"
#include "Secp256k1.h"

#include <QFile>
#include <QJsonArray>

namespace icn::cli {

namespace {

Error missing(const QString &option, const QString &why)
{
    return Error::make(QStringLiteral("cli.missing_option"), why, option);
}

QJsonObject economicsJson(const NodeEconomics &e)
{
    return {{QStringLiteral("node"), e.nodeId}, {QStringLiteral("cluster"), e.clusterId}, {QStringLiteral("region"), e.regionId},
            {QStringLiteral("provider"), e.provider.toChecksummed()}, {QStringLiteral("capacityTb"), e.capacityTb},
            {QStringLiteral("reservationPrice"), e.reservationPrice.toString()}, {QStringLiteral("collateral"), e.collateral.toString()},
            {QStringLiteral("requiredCollateral"), e.requiredCollateral.toString()},
            {QStringLiteral("jailThreshold"), e.jailThreshold.toString()}, {QStringLiteral("status"), nodeStatusName(e.status)},
            {QStringLiteral("servable"), e.servable}, {QStringLiteral("registered"), e.registeredMonth.toString()},
            {QStringLiteral("commitmentEnd"), e.commitmentEnd.toString()}, {QStringLiteral("maxDurationMonths"), e.maxDurationMonths},
            {QStringLiteral("maxLeadMonths"), e.maxLeadMonths}, {QStringLiteral("rewardsEarned"), e.rewardsEarned.toString()},
            {QStringLiteral("rewardsToCollateral"), e.rewardsToCollateral.toString()},
            {QStringLiteral("activeBookings"), e.activeBookings}, {QStringLiteral("pendingBookings"), e.pendingBookings}};
}

QString economicsText(const NodeEconomics &e)
{
    return QStringLiteral("%1 (%2, %3): %4, %5 TB at %6 ICNT/TB-month, collateral %7 of %8 ICNT, commitment to %9, rewards %10 ICNT")
        .arg(e.nodeId, e.clusterId, e.provider.toChecksummed(), nodeStatusName(e.status))
        .arg(e.capacityTb)
        .arg(e.reservationPrice.toString(), e.collateral.toString(), e.requiredCollateral.toString(), e.commitmentEnd.toString(),
             e.rewardsEarned.toString());
}

// Opens the mirror, unlocks the provider's key, lets `build` fill the transaction (the provider
// and its next nonce already set), signs it and submits it.
template <typename T, typename Build>
int submitSigned(Context &c, const QString &verb, Build build)
{
    auto node = c.require(QStringLiteral("node"));
    if (!node)
        return c.fail(node.error());
    T tx;
    tx.nodeId = *node;
    if (auto ok = build(tx); !ok)
        return c.fail(ok.error());
    auto market = Market::open(dataDir(c));
    if (!market)
        return c.fail(market.error());
    auto keys = unlockKeystore(c);
    if (!keys)
        return c.fail(keys.error());
    tx.provider = keys->second;
    tx.nonce = market->engine().nextNonce(keys->second);
    auto signedTx = signNodeTransaction(tx, keys->first);
    keys->first.clear();
    if (!signedTx)
        return c.fail(signedTx.error());
    auto receipt = market->submit(*signedTx);
    if (!receipt)
        return c.fail(receipt.error());
    QJsonObject json{{QStringLiteral("seq"), qint64(receipt->sequence)}, {QStringLiteral("type"), receipt->type},
                     {QStringLiteral("amount"), receipt->amount.toString()}, {QStringLiteral("stateHash"), hex(receipt->stateHash)},
                     {QStringLiteral("typedData"), NodeTypedData::json(*signedTx)}, {QStringLiteral("signature"), hex(signedTx->signature)}};
    const auto economics = market->engine().nodeEconomics(*node);
    if (economics)
        json.insert(QStringLiteral("node"), economicsJson(*economics));
    return c.succeed(json, QStringLiteral("%1 (log entry %2).\n%3").arg(verb).arg(receipt->sequence)
                               .arg(economics ? economicsText(*economics) : QString()));
}

Result<void> ok()
{
    return {};
}

int hnRegister(Context &c)
{
    return submitSigned<RegisterNodeTx>(c, QStringLiteral("Registered"), [&c](RegisterNodeTx &t) -> Result<void> {
        auto cluster = c.require(QStringLiteral("cluster"));
        if (!cluster)
            return cluster.error();
        t.clusterId = *cluster;
        auto tb = c.requireInt(QStringLiteral("capacity-tb"), 1);
        if (!tb)
            return tb.error();
        t.capacityTb = *tb;
        auto price = requireAmount(c, QStringLiteral("price"));
        if (!price)
            return price.error();
        t.reservationPrice = *price;
        auto deposit = requireAmount(c, QStringLiteral("deposit"));
        if (!deposit)
            return deposit.error();
        t.deposit = *deposit;
        const auto optionalInt = [&c](const char *name, qint32 fallback) -> Result<qint32> {
            const QString option = QString::fromLatin1(name);
            if (!c.args().has(option))
                return fallback;
            auto v = c.requireInt(option, 0, 100'000);
            if (!v)
                return v.error();
            return static_cast<qint32>(*v);
        };
        auto duration = optionalInt("max-duration", 6);
        auto lead = optionalInt("max-lead", 6);
        auto commitment = optionalInt("commitment-months", 36);
        for (const auto *r : {&duration, &lead, &commitment})
            if (!*r)
                return r->error();
        t.maxDurationMonths = *duration;
        t.maxLeadMonths = *lead;
        t.commitmentMonths = *commitment;
        return ok();
    });
}

int hnSetPrice(Context &c)
{
    return submitSigned<SetReservationPriceTx>(c, QStringLiteral("Price set"), [&c](SetReservationPriceTx &t) -> Result<void> {
        auto price = requireAmount(c, QStringLiteral("price"));
        if (!price)
            return price.error();
        t.price = *price;
        return ok();
    });
}

template <typename T>
int collateralMove(Context &c, const QString &verb)
{
    return submitSigned<T>(c, verb, [&c](T &t) -> Result<void> {
        auto amount = requireAmount(c, QStringLiteral("amount"));
        if (!amount)
            return amount.error();
        t.amount = *amount;
        return ok();
    });
}

int hnExtend(Context &c)
{
    return submitSigned<ExtendCommitmentTx>(c, QStringLiteral("Commitment extended"), [&c](ExtendCommitmentTx &t) -> Result<void> {
        auto months = c.requireInt(QStringLiteral("months"), 1, 100'000);
        if (!months)
            return months.error();
        t.months = static_cast<qint32>(*months);
        return ok();
    });
}

int hnOffboard(Context &c)
{
    return submitSigned<OffboardNodeTx>(c, QStringLiteral("Offboarded"), [](OffboardNodeTx &) { return ok(); });
}

Result<Address> addressArg(const Context &c, const QString &usage)
{
    if (c.args().positional.size() != 1)
        return missing(QStringLiteral("address"), usage);
    auto a = Address::parse(c.args().positional.front());
    if (!a)
        return Error::make(a.error().code, a.error().message, QStringLiteral("address"));
    return a;
}

int hnShow(Context &c)
{
    if (c.args().positional.size() != 1)
        return c.fail(missing(QStringLiteral("node"), QStringLiteral("usage: icnctl hn show NODE")));
    auto market = Market::open(dataDir(c));
    if (!market)
        return c.fail(market.error());
    const auto e = market->engine().nodeEconomics(c.args().positional.front());
    if (!e)
        return c.fail(Error::make(QStringLiteral("hn.unknown_node"), QStringLiteral("there is no HN %1").arg(c.args().positional.front()),
                                  QStringLiteral("node")));
    return c.succeed(economicsJson(*e), economicsText(*e));
}

int rewards(Context &c)
{
    auto provider = addressArg(c, QStringLiteral("usage: icnctl rewards ADDR"));
    if (!provider)
        return c.fail(provider.error());
    auto market = Market::open(dataDir(c));
    if (!market)
        return c.fail(market.error());
    const Engine &e = market->engine();
    QJsonArray nodes;
    QString text;
    Amount toCollateral;
    for (const NodeEconomics &n : e.nodeEconomicsList(*provider)) {
        nodes.append(economicsJson(n));
        toCollateral = *toCollateral.add(n.rewardsToCollateral);
        text += QStringLiteral("  %1: %2 ICNT (%3 to collateral), %4, collateral %5 of %6\n")
                    .arg(n.nodeId, n.rewardsEarned.toString(), n.rewardsToCollateral.toString(), nodeStatusName(n.status),
                         n.collateral.toString(), n.requiredCollateral.toString());
    }
    const Amount total = e.providerRewards(*provider);
    return c.succeed({{QStringLiteral("provider"), provider->toChecksummed()}, {QStringLiteral("total"), total.toString()},
                      {QStringLiteral("toCollateral"), toCollateral.toString()}, {QStringLiteral("nodes"), nodes},
                      {QStringLiteral("reserve"), e.totals().reserve.toString()}},
                     QStringLiteral("%1: %2 ICNT of capacity rewards on %3 HNs\n%4")
                         .arg(provider->toChecksummed(), total.toString()).arg(nodes.size()).arg(text));
}

} // namespace

void registerHardwareCommands(Registry &registry)
{
    const QString sign = QStringLiteral("--keystore F --password-file F --node ID ");
    const QString dd = QStringLiteral(" [--data-dir DIR]");
    const auto hn = [](const char *verb) { return QStringList{QStringLiteral("hn"), QString::fromLatin1(verb)}; };
    registry.add({hn("register"),
                  sign + QStringLiteral("--cluster ID --capacity-tb N --price ICNT --deposit ICNT [--max-duration M] [--max-lead M] "
                                        "[--commitment-months M]") + dd,
                  QStringLiteral("register an HN, depositing at least 30 % of its collateral (signed by the provider)"), {}, hnRegister});
    registry.add({hn("set-price"), sign + QStringLiteral("--price ICNT") + dd,
                  QStringLiteral("change an HN's reservation price (bookings made keep theirs)"), {}, hnSetPrice});
    registry.add({hn("deposit"), sign + QStringLiteral("--amount ICNT") + dd,
                  QStringLiteral("move ICNT from the provider's balance to an HN's collateral"), {},
                  [](Context &c) { return collateralMove<DepositCollateralTx>(c, QStringLiteral("Deposited")); }});
    registry.add({hn("withdraw"), sign + QStringLiteral("--amount ICNT") + dd,
                  QStringLiteral("withdraw collateral after the commitment, with no active or pending booking"), {},
                  [](Context &c) { return collateralMove<WithdrawCollateralTx>(c, QStringLiteral("Withdrawn")); }});
    registry.add({hn("extend"), sign + QStringLiteral("--months N") + dd,
                  QStringLiteral("extend an HN's commitment by a multiple of 6 months"), {}, hnExtend});
    registry.add({hn("offboard"), sign.trimmed() + dd,
                  QStringLiteral("retire an HN after its commitment, returning its collateral"), {}, hnOffboard});
    registry.add({hn("show"), QStringLiteral("NODE") + dd, QStringLiteral("an HN's collateral, commitment, status and rewards"), {}, hnShow});
    registry.add({{QStringLiteral("rewards")}, QStringLiteral("ADDR") + dd,
                  QStringLiteral("capacity rewards per HN of a provider, and how much went to collateral"), {}, rewards});
}

} // namespace icn::cli
