// `icnctl history …`: the analysts' series (PROTOCOL.md §9) as text, JSON or CSV.
#include "Cli.h"
#include "MarketCli.h"

#include "HistoryQuery.h"
#include "Market.h"

#include <QJsonArray>
#include <QSaveFile>

#include <limits>

namespace icn::cli {

namespace {

Result<qint64> requireEpoch(const Context &c, const QString &name)
{
    auto text = c.require(name);
    if (!text)
        return text.error();
    return HistoryQuery::parseEpoch(*text, name);
}

// --points: any integer here; the query refuses fewer than 2 (history.bad_points).
Result<qsizetype> points(const Context &c, bool optional)
{
    if (optional && !c.args().has(QStringLiteral("points")))
        return qsizetype(0);
    auto n = c.requireInt(QStringLiteral("points"), std::numeric_limits<qint64>::min());
    if (!n)
        return n.error();
    return qsizetype(*n);
}

// A CSV field: quoted when it holds a separator, a quote or a line break.
QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')))
        return text;
    return QLatin1Char('"') + QString(text).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

QString csvLine(const QStringList &fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &f : fields)
        quoted.append(csvField(f));
    return quoted.join(QLatin1Char(',')) + QLatin1Char('\n');
}

// Writes the CSV (header first) to --csv atomically; nothing when the option is absent.
Result<void> writeCsv(const Context &c, const QStringList &header, const QList<QStringList> &rows)
{
    if (!c.args().has(QStringLiteral("csv")))
        return {};
    const QString path = c.args().value(QStringLiteral("csv"));
    QString text = csvLine(header);
    for (const QStringList &row : rows)
        text += csvLine(row);
    const QByteArray bytes = text.toUtf8();
    QSaveFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Error::make(QStringLiteral("cli.unwritable_file"), QStringLiteral("cannot write the CSV file %1: %2").arg(path, file.errorString()),
                           QStringLiteral("csv"));
    return {};
}

QString priceText(bool has, const Amount &a)
{
    return has ? a.toString() : QString();
}

QJsonValue priceJson(bool has, const Amount &a)
{
    return has ? QJsonValue(a.toString()) : QJsonValue();
}

int prices(Context &c)
{
    auto scope = c.require(QStringLiteral("scope"));
    if (!scope)
        return c.fail(scope.error());
    auto from = requireMonth(c, QStringLiteral("from"));
    if (!from)
        return c.fail(from.error());
    auto to = requireMonth(c, QStringLiteral("to"));
    if (!to)
        return c.fail(to.error());
    auto n = points(c, false);
    if (!n)
        return c.fail(n.error());
    auto market = Market::open(dataDir(c));
    if (!market)
        return c.fail(market.error());
    const auto h = HistoryQuery(*market).prices(*scope, *from, *to, *n);
    if (!h)
        return c.fail(h.error());

    QJsonArray listed, monthly, band;
    QList<QStringList> csv;
    QString text = QStringLiteral("%1 %2, %3 to %4 (%5 listed steps, %6 closed months; at most %7 points)\n")
                       .arg(scopeKindName(h->scopeKind), h->scopeId, h->from.toString(), h->to.toString())
                       .arg(h->listedSteps).arg(h->closedMonths).arg(*n);
    text += QStringLiteral("Listed price (ICNT/TB-month, from the month on):\n");
    for (const ListedStep &s : h->listed) {
        listed.append(QJsonObject{{QStringLiteral("month"), s.month.toString()}, {QStringLiteral("price"), priceJson(s.hasPrice, s.price)}});
        csv.append({QStringLiteral("listed"), s.month.toString(), {}, priceText(s.hasPrice, s.price), {}, {}, {}, {}, {}, {}});
        text += QStringLiteral("  %1  %2\n").arg(s.month.toString(), s.hasPrice ? s.price.toString() : QStringLiteral("none"));
    }
    text += QStringLiteral("Closed months (average booked price ICNT/TB-month, booked/capacity TB, utilisation ppm):\n");
    for (const MonthlyPrice &m : h->monthly) {
        monthly.append(QJsonObject{{QStringLiteral("month"), m.month.toString()},
                                   {QStringLiteral("averagePrice"), priceJson(m.hasAverage, m.averagePrice)},
                                   {QStringLiteral("bookedTb"), m.bookedTb},
                                   {QStringLiteral("capacityTb"), m.capacityTb},
                                   {QStringLiteral("bookedValue"), m.bookedValue.toString()},
                                   {QStringLiteral("utilisationPpm"), m.utilisationPpm}});
        csv.append({QStringLiteral("monthly"), m.month.toString(), {}, priceText(m.hasAverage, m.averagePrice), QString::number(m.bookedTb),
                    QString::number(m.capacityTb), m.bookedValue.toString(), QString::number(m.utilisationPpm), {}, {}});
        text += QStringLiteral("  %1  %2  %3/%4 TB  %5 ppm\n")
                    .arg(m.month.toString(), m.hasAverage ? m.averagePrice.toString() : QStringLiteral("-"))
                    .arg(m.bookedTb).arg(m.capacityTb).arg(m.utilisationPpm);
    }
    for (const PriceBand &b : h->averageBand) {
        band.append(QJsonObject{{QStringLiteral("first"), b.first.toString()}, {QStringLiteral("last"), b.last.toString()},
                                {QStringLiteral("min"), b.min.toString()}, {QStringLiteral("max"), b.max.toString()}});
        csv.append({QStringLiteral("band"), b.first.toString(), b.last.toString(), {}, {}, {}, {}, {}, b.min.toString(), b.max.toString()});
    }
    if (auto ok = writeCsv(c, {QStringLiteral("series"), QStringLiteral("month"), QStringLiteral("month_last"), QStringLiteral("price_icnt"),
                               QStringLiteral("booked_tb"), QStringLiteral("capacity_tb"), QStringLiteral("booked_value_icnt"),
                               QStringLiteral("utilisation_ppm"), QStringLiteral("min_icnt"), QStringLiteral("max_icnt")},
                           csv);
        !ok)
        return c.fail(ok.error());
    return c.succeed({{QStringLiteral("scope"), h->scopeId}, {QStringLiteral("scopeKind"), scopeKindName(h->scopeKind)},
                      {QStringLiteral("from"), h->from.toString()}, {QStringLiteral("to"), h->to.toString()},
                      {QStringLiteral("points"), qint64(*n)}, {QStringLiteral("listedSteps"), qint64(h->listedSteps)},
                      {QStringLiteral("closedMonths"), qint64(h->closedMonths)}, {QStringLiteral("listed"), listed},
                      {QStringLiteral("monthly"), monthly}, {QStringLiteral("averageBand"), band}},
                     text.trimmed());
}

int sla(Context &c)
{
    const bool byNode = c.args().has(QStringLiteral("hn"));
    if (byNode == c.args().has(QStringLiteral("hp")))
        return c.fail(Error::make(QStringLiteral("cli.missing_option"), QStringLiteral("give exactly one of --hn ID or --hp ADDR"), QStringLiteral("hn")));
    auto from = requireEpoch(c, QStringLiteral("from"));
    if (!from)
        return c.fail(from.error());
    auto to = requireEpoch(c, QStringLiteral("to"));
    if (!to)
        return c.fail(to.error());
    auto n = points(c, true);
    if (!n)
        return c.fail(n.error());
    std::optional<Address> provider;
    if (!byNode) {
        auto a = Address::parse(c.args().value(QStringLiteral("hp")));
        if (!a)
            return c.fail(Error::make(a.error().code, a.error().message, QStringLiteral("hp")));
        provider = *a;
    }
    auto market = Market::open(dataDir(c));
    if (!market)
        return c.fail(market.error());
    const HistoryQuery query(*market);
    const auto h = byNode ? query.nodeSla(c.args().value(QStringLiteral("hn")), *from, *to, *n) : query.providerSla(*provider, *from, *to, *n);
    if (!h)
        return c.fail(h.error());

    QJsonArray epochs, slashes, withholdings, rewards, claims, band;
    QList<QStringList> csv;
    QString text = QStringLiteral("%1 %2, epochs %3 to %4: %5 epochs, %6 observed, %7 compliant\n")
                       .arg(h->provider ? QStringLiteral("HP") : QStringLiteral("HN"), h->subject)
                       .arg(h->fromEpoch).arg(h->toEpoch).arg(h->sourceEpochs).arg(h->observedEpochs).arg(h->compliantEpochs);
    text += QStringLiteral("epoch  nodes observed compliant  availability_ppm latency_ms bandwidth_mbps reliability_ppm\n");
    for (const SlaEpochRow &r : h->epochs) {
        epochs.append(QJsonObject{{QStringLiteral("epoch"), r.epoch}, {QStringLiteral("nodes"), r.nodes},
                                  {QStringLiteral("observed"), r.observed}, {QStringLiteral("compliant"), r.compliant},
                                  {QStringLiteral("availabilityPpm"), r.availabilityPpm}, {QStringLiteral("latencyMs"), r.latencyMs},
                                  {QStringLiteral("bandwidthMbps"), r.bandwidthMbps}, {QStringLiteral("reliabilityPpm"), r.reliabilityPpm}});
        csv.append({QStringLiteral("epoch"), QString::number(r.epoch), {}, {}, QString::number(r.nodes), QString::number(r.observed),
                    QString::number(r.compliant), QString::number(r.availabilityPpm), QString::number(r.latencyMs),
                    QString::number(r.bandwidthMbps), QString::number(r.reliabilityPpm), {}, {}, {}, {}});
        text += QStringLiteral("%1  %2 %3 %4  %5 %6 %7 %8\n").arg(r.epoch).arg(r.nodes).arg(r.observed).arg(r.compliant)
                    .arg(r.availabilityPpm).arg(r.latencyMs).arg(r.bandwidthMbps).arg(r.reliabilityPpm);
    }
    for (const BandBucket<qint64> &b : h->availabilityBand)
        band.append(QJsonObject{{QStringLiteral("firstEpoch"), b.xFirst}, {QStringLiteral("lastEpoch"), b.xLast},
                                {QStringLiteral("minAvailabilityPpm"), b.min}, {QStringLiteral("maxAvailabilityPpm"), b.max}});
    QJsonArray latencyBand, bandwidthBand;
    for (const BandBucket<qint64> &b : h->latencyBand)
        latencyBand.append(QJsonObject{{QStringLiteral("firstEpoch"), b.xFirst}, {QStringLiteral("lastEpoch"), b.xLast},
                                       {QStringLiteral("minLatencyMs"), b.min}, {QStringLiteral("maxLatencyMs"), b.max}});
    for (const BandBucket<qint64> &b : h->bandwidthBand)
        bandwidthBand.append(QJsonObject{{QStringLiteral("firstEpoch"), b.xFirst}, {QStringLiteral("lastEpoch"), b.xLast},
                                         {QStringLiteral("minBandwidthMbps"), b.min}, {QStringLiteral("maxBandwidthMbps"), b.max}});
    for (const SlashEvent &s : h->slashes) {
        slashes.append(QJsonObject{{QStringLiteral("epoch"), s.epoch}, {QStringLiteral("node"), s.nodeId}, {QStringLiteral("step"), s.step},
                                   {QStringLiteral("ppm"), s.ppm}, {QStringLiteral("amount"), s.amount.toString()},
                                   {QStringLiteral("jailed"), s.jailed}, {QStringLiteral("bonds"), s.bonds.toString()}});
        csv.append({QStringLiteral("slash"), QString::number(s.epoch), {}, s.nodeId, {}, {}, {}, {}, {}, {}, {}, {}, {}, s.amount.toString(),
                    QStringLiteral("step %1, %2 ppm%3%4").arg(s.step).arg(s.ppm).arg(s.jailed ? QStringLiteral(", jailed") : QString(),
                        s.bonds > Amount() ? QStringLiteral(", bonds %1 ICNT").arg(s.bonds.toString()) : QString())});
        text += QStringLiteral("slash  epoch %1  %2  %3 ICNT (step %4, %5 ppm)%6%7\n").arg(s.epoch).arg(s.nodeId, s.amount.toString())
                    .arg(s.step).arg(s.ppm).arg(s.jailed ? QStringLiteral(", jailed") : QString(),
                         s.bonds > Amount() ? QStringLiteral(", bonds %1 ICNT").arg(s.bonds.toString()) : QString());
    }
    for (const WithholdingEvent &w : h->withholdings) {
        withholdings.append(QJsonObject{{QStringLiteral("month"), w.month.toString()}, {QStringLiteral("booking"), qint64(w.bookingId)},
                                        {QStringLiteral("node"), w.nodeId}, {QStringLiteral("breachDays"), w.breachDays},
                                        {QStringLiteral("withheld"), w.withheld.toString()}});
        csv.append({QStringLiteral("withholding"), {}, w.month.toString(), w.nodeId, {}, {}, {}, {}, {}, {}, {}, QString::number(w.bookingId), {},
                    w.withheld.toString(), QStringLiteral("%1 breach days").arg(w.breachDays)});
        text += QStringLiteral("withholding  %1  booking %2  %3  %4 ICNT (%5 breach days)\n").arg(w.month.toString()).arg(w.bookingId)
                    .arg(w.nodeId, w.withheld.toString()).arg(w.breachDays);
    }
    for (const RewardEvent &r : h->rewards) {
        rewards.append(QJsonObject{{QStringLiteral("month"), r.month.toString()}, {QStringLiteral("node"), r.nodeId},
                                   {QStringLiteral("amount"), r.amount.toString()}, {QStringLiteral("toCollateral"), r.toCollateral.toString()}});
        csv.append({QStringLiteral("reward"), {}, r.month.toString(), r.nodeId, {}, {}, {}, {}, {}, {}, {}, {}, {}, r.amount.toString(),
                    QStringLiteral("%1 to collateral").arg(r.toCollateral.toString())});
        text += QStringLiteral("reward  %1  %2  %3 ICNT (%4 to collateral)\n").arg(r.month.toString(), r.nodeId, r.amount.toString(),
                                                                                r.toCollateral.toString());
    }
    for (const ClaimEvent &cl : h->claims) {
        claims.append(QJsonObject{{QStringLiteral("booking"), qint64(cl.bookingId)}, {QStringLiteral("sp"), cl.spAccount},
                                  {QStringLiteral("amount"), cl.amount.toString()}});
        csv.append({QStringLiteral("claim"), {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, QString::number(cl.bookingId), cl.spAccount,
                    cl.amount.toString(), {}});
        text += QStringLiteral("claim  booking %1  %2  %3 ICNT\n").arg(cl.bookingId).arg(cl.spAccount, cl.amount.toString());
    }
    if (auto ok = writeCsv(c, {QStringLiteral("record"), QStringLiteral("epoch"), QStringLiteral("month"), QStringLiteral("node"),
                               QStringLiteral("nodes"), QStringLiteral("observed"), QStringLiteral("compliant"),
                               QStringLiteral("availability_ppm"), QStringLiteral("latency_ms"), QStringLiteral("bandwidth_mbps"),
                               QStringLiteral("reliability_ppm"), QStringLiteral("booking"), QStringLiteral("account"),
                               QStringLiteral("amount_icnt"), QStringLiteral("detail")},
                           csv);
        !ok)
        return c.fail(ok.error());
    return c.succeed({{QStringLiteral("subject"), h->subject}, {QStringLiteral("kind"), h->provider ? QStringLiteral("hp") : QStringLiteral("hn")},
                      {QStringLiteral("nodes"), QJsonArray::fromStringList(h->nodes)}, {QStringLiteral("fromEpoch"), h->fromEpoch},
                      {QStringLiteral("toEpoch"), h->toEpoch}, {QStringLiteral("sourceEpochs"), qint64(h->sourceEpochs)},
                      {QStringLiteral("observedEpochs"), h->observedEpochs}, {QStringLiteral("compliantEpochs"), h->compliantEpochs},
                      {QStringLiteral("epochs"), epochs}, {QStringLiteral("availabilityBand"), band},
                      {QStringLiteral("latencyBand"), latencyBand}, {QStringLiteral("bandwidthBand"), bandwidthBand},
                      {QStringLiteral("slashes"), slashes}, {QStringLiteral("withholdings"), withholdings},
                      {QStringLiteral("rewards"), rewards}, {QStringLiteral("claims"), claims}},
                     text.trimmed());
}

} // namespace

void registerHistoryCommands(Registry &registry)
{
    const QString dd = QStringLiteral(" [--data-dir DIR]");
    registry.add({{QStringLiteral("history"), QStringLiteral("prices")},
                  QStringLiteral("--scope ID --from YYYY-MM --to YYYY-MM --points N [--csv FILE]") + dd,
                  QStringLiteral("listed price steps, monthly average booked price and utilisation of a scope, downsampled to N points"), {},
                  prices});
    registry.add({{QStringLiteral("history"), QStringLiteral("sla")},
                  QStringLiteral("--hn ID | --hp ADDR --from EPOCH|YYYY-MM-DD --to EPOCH|YYYY-MM-DD [--points N] [--csv FILE]") + dd,
                  QStringLiteral("SLA medians, compliance and reliability per epoch, with slashes, withholdings, rewards and claims"), {},
                  sla});
}

} // namespace icn::cli
