#include "TransactionJson.h"

#include "Engine.h"

#include <QJsonArray>

namespace icn {

namespace {

template <class... Ts>
struct Overloaded : Ts...
{
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

QString text(const Address &a)
{
    return a.isNull() ? QString() : a.toChecksummed();
}

QString icnt(Amount a)
{
    return a.toString();
}

QString number(quint64 n)
{
    return QString::number(n);
}

// The fields every signed type ends with.
void signing(QJsonObject &o, quint64 nonce, bool unsignedLocal, const QByteArray &signature)
{
    o.insert(QStringLiteral("nonce"), number(nonce));
    o.insert(QStringLiteral("signed"), !unsignedLocal && !signature.isEmpty());
}

const QString kSealed = QStringLiteral("sealed");
constexpr qsizetype kListedReports = 50; // a feed may hold 10^5 reports: the first ones and the count

} // namespace

QJsonObject transactionJson(const Transaction &tx, const Engine *sealing)
{
    QJsonObject o{{QStringLiteral("type"), transactionTypeName(tx)}};
    const auto put = [&o](const char *key, const QJsonValue &v) { o.insert(QLatin1String(key), v); };
    std::visit(
        Overloaded{
            [&](const FaucetTx &t) {
                put("to", text(t.to));
                put("amount", icnt(t.amount));
            },
            [&](const TransferTx &t) {
                put("from", text(t.from));
                put("to", text(t.to));
                put("amount", icnt(t.amount));
                signing(o, t.nonce, t.unsignedLocal, t.signature);
            },
            [&](const BookTx &t) {
                put("sp", text(t.sp));
                put("scope", t.scope);
                put("sizeTb", QString::number(t.sizeTb));
                put("startMonth", t.startMonth.toString());
                put("months", t.months);
                put("quotedTotal", icnt(t.quotedTotal));
                put("deadline", t.deadline.toString());
                signing(o, t.nonce, t.unsignedLocal, t.signature);
            },
            [&](const CloseMonthTx &t) { put("month", t.month.toString()); },
            [&](const RegisterNodeTx &t) {
                put("provider", text(t.provider));
                put("nodeId", t.nodeId);
                put("clusterId", t.clusterId);
                put("capacityTb", QString::number(t.capacityTb));
                put("reservationPrice", icnt(t.reservationPrice));
                put("deposit", icnt(t.deposit));
                put("maxDurationMonths", t.maxDurationMonths);
                put("maxLeadMonths", t.maxLeadMonths);
                put("commitmentMonths", t.commitmentMonths);
                signing(o, t.nonce, t.unsignedLocal, t.signature);
            },
            [&](const SetReservationPriceTx &t) {
                put("provider", text(t.provider));
                put("nodeId", t.nodeId);
                put("price", icnt(t.price));
                signing(o, t.nonce, t.unsignedLocal, t.signature);
            },
            [&](const DepositCollateralTx &t) {
                put("provider", text(t.provider));
                put("nodeId", t.nodeId);
                put("amount", icnt(t.amount));
                signing(o, t.nonce, t.unsignedLocal, t.signature);
            },
            [&](const WithdrawCollateralTx &t) {
                put("provider", text(t.provider));
                put("nodeId", t.nodeId);
                put("amount", icnt(t.amount));
                signing(o, t.nonce, t.unsignedLocal, t.signature);
            },
            [&](const ExtendCommitmentTx &t) {
                put("provider", text(t.provider));
                put("nodeId", t.nodeId);
                put("months", t.months);
                signing(o, t.nonce, t.unsignedLocal, t.signature);
            },
            [&](const OffboardNodeTx &t) {
                put("provider", text(t.provider));
                put("nodeId", t.nodeId);
                signing(o, t.nonce, t.unsignedLocal, t.signature);
            },
            [&](const RegisterOracleTx &t) {
                put("oracle", text(t.oracle));
                signing(o, t.nonce, t.unsignedLocal, t.signature);
            },
            [&](const SlaReportTx &t) {
                QJsonArray reports;
                for (const SlaReport &r : t.reports.first(std::min(t.reports.size(), kListedReports)))
                    reports.append(QJsonObject{{QStringLiteral("hnId"), r.hnId},
                                               {QStringLiteral("epoch"), QString::number(r.epoch)},
                                               {QStringLiteral("availabilityPpm"), QString::number(r.metrics.availabilityPpm)},
                                               {QStringLiteral("latencyMs"), QString::number(r.metrics.latencyMs)},
                                               {QStringLiteral("bandwidthMbps"), QString::number(r.metrics.bandwidthMbps)},
                                               {QStringLiteral("oracle"), text(r.oracle)}});
                put("reportCount", QString::number(t.reports.size()));
                put("reports", reports); // at most the first kListedReports
                put("signed", !t.unsignedLocal);
            },
            [&](const CloseEpochTx &t) { put("epoch", QString::number(t.epoch)); },
            [&](const ClaimCompensationTx &t) {
                put("sp", text(t.sp));
                put("bookingId", number(t.bookingId));
                signing(o, t.nonce, t.unsignedLocal, t.signature);
            },
            [&](const SlaBatchTx &t) {
                put("oracle", text(t.oracle));
                put("epoch", QString::number(t.epoch));
                put("reports", QString::number(t.packed.size() / SlaBatchTx::kEntryBytes));
                put("signed", false);
            },
            [&](const PostTenderTx &t) {
                put("sp", text(t.sp));
                put("scope", t.scope);
                put("sizeTb", QString::number(t.sizeTb));
                put("startMonth", t.startMonth.toString());
                put("months", t.months);
                put("maxPrice", icnt(t.maxPrice));
                put("minReliabilityPpm", t.minReliabilityPpm);
                put("bidDeadlineEpoch", QString::number(t.bidDeadlineEpoch));
                put("partialFill", t.partialFill);
                signing(o, t.nonce, t.unsignedLocal, t.signature);
            },
            [&](const TenderBidTx &t) {
                put("bidder", text(t.bidder));
                put("tenderId", number(t.tenderId));
                put("nodeId", t.nodeId);
                const auto view = sealing ? sealing->tender(t.tenderId) : std::nullopt;
                const bool sealed = view && view->state == TenderState::Open;
                put("offeredTb", sealed ? QJsonValue(kSealed) : QJsonValue(QString::number(t.offeredTb)));
                put("price", sealed ? kSealed : icnt(t.price));
                put("bond", sealed ? kSealed : icnt(t.bond));
                signing(o, t.nonce, t.unsignedLocal, t.signature);
            },
            [&](const TenderWithdrawTx &t) {
                put("bidder", text(t.bidder));
                put("tenderId", number(t.tenderId));
                put("nodeId", t.nodeId);
                signing(o, t.nonce, t.unsignedLocal, t.signature);
            },
            [&](const TenderAwardTx &t) {
                put("caller", text(t.caller));
                put("tenderId", number(t.tenderId));
                signing(o, t.nonce, t.unsignedLocal, t.signature);
            },
            [&](const PostAuctionTx &t) {
                put("sp", text(t.sp));
                put("scope", t.scope);
                put("sizeTb", QString::number(t.sizeTb));
                put("startMonth", t.startMonth.toString());
                put("months", t.months);
                put("ceilingPrice", icnt(t.ceilingPrice));
                put("decrementPpm", QString::number(t.decrementPpm));
                put("floorPrice", icnt(t.floorPrice));
                put("minReliabilityPpm", t.minReliabilityPpm);
                put("clockEpoch", QString::number(t.clockEpoch));
                signing(o, t.nonce, t.unsignedLocal, t.signature);
            },
            [&](const SetDropOutTx &t) {
                put("bidder", text(t.bidder));
                put("auctionId", number(t.auctionId));
                put("nodeId", t.nodeId);
                const auto view = sealing ? sealing->reverseAuction(t.auctionId) : std::nullopt;
                const bool sealed = view && view->state == ReverseAuctionState::Open;
                put("dropOutPrice", sealed ? kSealed : icnt(t.dropOutPrice));
                put("capacityTb", sealed ? QJsonValue(kSealed) : QJsonValue(QString::number(t.capacityTb)));
                put("bond", sealed ? kSealed : icnt(t.bond));
                signing(o, t.nonce, t.unsignedLocal, t.signature);
            },
            [&](const RunAuctionTx &t) {
                put("caller", text(t.caller));
                put("auctionId", number(t.auctionId));
                signing(o, t.nonce, t.unsignedLocal, t.signature);
            },
        },
        tx);
    return o;
}

} // namespace icn
