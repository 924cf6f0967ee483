#include "TxCodec.h"

#include "AuctionCodec.h" // §8 auctions
#include "ByteReader.h"
#include "ByteWriter.h"

#include <QCoreApplication>

#include <algorithm>

namespace icn {

namespace {

constexpr qsizetype kSignatureSize = 65;
constexpr qsizetype kMaxScopeBytes = 256;

template <class... Ts>
struct Overloaded : Ts...
{
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

Error txError(const QString &code, const QString &field, const char *message)
{
    return Error::make(QStringLiteral("tx.") + code, QCoreApplication::translate("Engine", message), field);
}

// Only what the transaction and the genesis do not already fix: the HN, its TB and its price
// (the provider and the slice cost follow from them). Short entries keep the per-transaction
// hash to two Keccak blocks for a typical booking.
void writeSlices(ByteWriter &w, const QList<Slice> &slices)
{
    w.u32(static_cast<quint32>(slices.size()));
    for (const Slice &s : slices) {
        w.string(s.nodeId);
        w.u32(static_cast<quint32>(s.tb));
        w.amount(s.price);
    }
}

// Reads fields in order and remembers the first one that failed.
class FieldReader
{
public:
    explicit FieldReader(QByteArrayView in) : r(in) {}
    template <typename F>
    auto read(const char *field, F f)
    {
        auto v = f(r);
        if (r.failed() && m_field.isEmpty())
            m_field = QString::fromLatin1(field);
        return v;
    }
    Amount amount(const char *field)
    {
        const Amount a = read(field, [](ByteReader &x) { return x.amount(); });
        if (a.isNegative())
            fail(field);
        return a;
    }
    void fail(const char *field)
    {
        r.fail();
        if (m_field.isEmpty())
            m_field = QString::fromLatin1(field);
    }
    QByteArray signature(bool unsignedLocal)
    {
        QByteArray sig = read("signature", [](ByteReader &x) { return x.bytes(kSignatureSize); });
        if (!r.failed() && (unsignedLocal ? !sig.isEmpty() : sig.size() != kSignatureSize))
            fail("signature");
        return sig;
    }
    const QString &failedField() const { return m_field; }
    ByteReader r;

private:
    QString m_field;
};

// §6 hardware nodes: provider, node id, the type's own fields, nonce, unsignedLocal, signature.
void writeNodeHead(ByteWriter &w, quint8 tag, const Address &provider, const QString &nodeId)
{
    w.u8(tag);
    w.address(provider);
    w.string(nodeId);
}

template <typename T>
void writeNodeTail(ByteWriter &w, const T &t)
{
    w.u64(t.nonce);
    w.boolean(t.unsignedLocal);
    w.bytes(t.signature);
}

void writeNodeTx(ByteWriter &w, const RegisterNodeTx &t)
{
    writeNodeHead(w, TxCodec::RegisterNode, t.provider, t.nodeId);
    w.string(t.clusterId);
    w.i64(t.capacityTb);
    w.amount(t.reservationPrice);
    w.amount(t.deposit);
    w.i32(t.maxDurationMonths);
    w.i32(t.maxLeadMonths);
    w.i32(t.commitmentMonths);
    writeNodeTail(w, t);
}
void writeNodeTx(ByteWriter &w, const SetReservationPriceTx &t)
{
    writeNodeHead(w, TxCodec::SetReservationPrice, t.provider, t.nodeId);
    w.amount(t.price);
    writeNodeTail(w, t);
}
void writeNodeTx(ByteWriter &w, const DepositCollateralTx &t)
{
    writeNodeHead(w, TxCodec::DepositCollateral, t.provider, t.nodeId);
    w.amount(t.amount);
    writeNodeTail(w, t);
}
void writeNodeTx(ByteWriter &w, const WithdrawCollateralTx &t)
{
    writeNodeHead(w, TxCodec::WithdrawCollateral, t.provider, t.nodeId);
    w.amount(t.amount);
    writeNodeTail(w, t);
}
void writeNodeTx(ByteWriter &w, const ExtendCommitmentTx &t)
{
    writeNodeHead(w, TxCodec::ExtendCommitment, t.provider, t.nodeId);
    w.i32(t.months);
    writeNodeTail(w, t);
}
void writeNodeTx(ByteWriter &w, const OffboardNodeTx &t)
{
    writeNodeHead(w, TxCodec::OffboardNode, t.provider, t.nodeId);
    writeNodeTail(w, t);
}

template <typename T>
T readNodeTx(FieldReader &f, auto readBody)
{
    T t;
    t.provider = f.read("provider", [](ByteReader &r) { return r.address(); });
    t.nodeId = f.read("nodeId", [](ByteReader &r) { return r.string(kMaxScopeBytes); });
    readBody(t);
    t.nonce = f.read("nonce", [](ByteReader &r) { return r.u64(); });
    t.unsignedLocal = f.read("unsignedLocal", [](ByteReader &r) { return r.boolean(); });
    t.signature = f.signature(t.unsignedLocal);
    return t;
}

// Decodes a §6 transaction body; false when `tag` is not one of them.
bool readNodeTransaction(quint8 tag, FieldReader &f, Transaction &tx)
{
    const auto i32 = [](ByteReader &r) { return r.i32(); };
    switch (tag) {
    case TxCodec::RegisterNode:
        tx = readNodeTx<RegisterNodeTx>(f, [&](RegisterNodeTx &t) {
            t.clusterId = f.read("clusterId", [](ByteReader &r) { return r.string(kMaxScopeBytes); });
            t.capacityTb = f.read("capacityTb", [](ByteReader &r) { return r.i64(); });
            t.reservationPrice = f.amount("reservationPrice");
            t.deposit = f.amount("deposit");
            t.maxDurationMonths = f.read("maxDurationMonths", i32);
            t.maxLeadMonths = f.read("maxLeadMonths", i32);
            t.commitmentMonths = f.read("commitmentMonths", i32);
        });
        return true;
    case TxCodec::SetReservationPrice:
        tx = readNodeTx<SetReservationPriceTx>(f, [&](SetReservationPriceTx &t) { t.price = f.amount("price"); });
        return true;
    case TxCodec::DepositCollateral:
        tx = readNodeTx<DepositCollateralTx>(f, [&](DepositCollateralTx &t) { t.amount = f.amount("amount"); });
        return true;
    case TxCodec::WithdrawCollateral:
        tx = readNodeTx<WithdrawCollateralTx>(f, [&](WithdrawCollateralTx &t) { t.amount = f.amount("amount"); });
        return true;
    case TxCodec::ExtendCommitment:
        tx = readNodeTx<ExtendCommitmentTx>(f, [&](ExtendCommitmentTx &t) { t.months = f.read("months", i32); });
        return true;
    case TxCodec::OffboardNode:
        tx = readNodeTx<OffboardNodeTx>(f, [](OffboardNodeTx &) {});
        return true;
    default:
        return false;
    }
}

// §7 SLA: a report list. Each report: hnId, epoch, the three metrics, oracle, signature (empty
// exactly when the transaction is unsignedLocal). Decoding never reserves from the stated count.
constexpr quint32 kMaxReportsPerTx = 10'000'000;

void writeSlaReports(ByteWriter &w, const SlaReportTx &t)
{
    w.u8(TxCodec::SlaReports);
    w.boolean(t.unsignedLocal);
    w.u32(static_cast<quint32>(t.reports.size()));
    for (const SlaReport &r : t.reports) {
        w.string(r.hnId);
        w.i64(r.epoch);
        w.i64(r.metrics.availabilityPpm);
        w.i64(r.metrics.latencyMs);
        w.i64(r.metrics.bandwidthMbps);
        w.address(r.oracle);
        w.bytes(r.signature);
    }
}

SlaReportTx readSlaReports(FieldReader &f)
{
    SlaReportTx t;
    t.unsignedLocal = f.read("unsignedLocal", [](ByteReader &r) { return r.boolean(); });
    const quint32 count = f.read("reports", [](ByteReader &r) { return r.u32(); });
    if (count > kMaxReportsPerTx)
        f.fail("reports");
    for (quint32 i = 0; i < count && !f.r.failed(); ++i) {
        SlaReport r;
        r.hnId = f.read("hnId", [](ByteReader &x) { return x.string(SlaReport::kMaxHnIdBytes); });
        r.epoch = f.read("epoch", [](ByteReader &x) { return x.i64(); });
        r.metrics.availabilityPpm = f.read("availabilityPpm", [](ByteReader &x) { return x.i64(); });
        r.metrics.latencyMs = f.read("latencyMs", [](ByteReader &x) { return x.i64(); });
        r.metrics.bandwidthMbps = f.read("bandwidthMbps", [](ByteReader &x) { return x.i64(); });
        r.oracle = f.read("oracle", [](ByteReader &x) { return x.address(); });
        r.signature = f.signature(t.unsignedLocal);
        t.reports.append(std::move(r));
    }
    return t;
}

} // namespace

void TxCodec::appendTransaction(QByteArray &out, const Transaction &tx)
{
    ByteWriter w;
    writeTransaction(w, tx);
    w.appendTo(out);
}

void TxCodec::writeTransaction(ByteWriter &w, const Transaction &tx)
{
    w.u8(kFormatVersion);
    std::visit(Overloaded{
                   [&](const FaucetTx &t) {
                       w.u8(Faucet);
                       w.address(t.to);
                       w.amount(t.amount);
                   },
                   [&](const TransferTx &t) {
                       w.u8(Transfer);
                       w.address(t.from);
                       w.address(t.to);
                       w.amount(t.amount);
                       w.u64(t.nonce);
                       w.boolean(t.unsignedLocal);
                       w.bytes(t.signature);
                   },
                   [&](const BookTx &t) {
                       w.u8(Book);
                       w.address(t.sp);
                       w.string(t.scope);
                       w.i64(t.sizeTb);
                       w.month(t.startMonth);
                       w.i32(t.months);
                       w.amount(t.quotedTotal);
                       w.u64(t.nonce);
                       w.month(t.deadline);
                       w.boolean(t.unsignedLocal);
                       w.bytes(t.signature);
                   },
                   [&](const CloseMonthTx &t) {
                       w.u8(CloseMonth);
                       w.month(t.month);
                   },
                   [&](const NodeTransaction auto &t) { writeNodeTx(w, t); }, // §6 hardware nodes
                   // §8 auctions (tags 30–49)
                   [&](const AuctionTransaction auto &t) { AuctionCodec::write(w, t); },
                   // §7 SLA
                   [&](const RegisterOracleTx &t) {
                       w.u8(RegisterOracle);
                       w.address(t.oracle);
                       w.u64(t.nonce);
                       w.boolean(t.unsignedLocal);
                       w.bytes(t.signature);
                   },
                   [&](const SlaReportTx &t) { writeSlaReports(w, t); },
                   [&](const SlaBatchTx &t) {
                       w.u8(TxCodec::SlaBatch);
                       w.address(t.oracle);
                       w.i64(t.epoch);
                       w.bytes(t.packed);
                   },
                   [&](const CloseEpochTx &t) {
                       w.u8(CloseEpoch);
                       w.i64(t.epoch);
                   },
                   [&](const ClaimCompensationTx &t) {
                       w.u8(ClaimCompensation);
                       w.address(t.sp);
                       w.u64(t.bookingId);
                       w.u64(t.nonce);
                       w.boolean(t.unsignedLocal);
                       w.bytes(t.signature);
                   },
               },
               tx);
}

QByteArray encodeTransaction(const Transaction &tx)
{
    QByteArray out;
    TxCodec::appendTransaction(out, tx);
    return out;
}

Result<Transaction> decodeTransaction(QByteArrayView bytes)
{
    if (bytes.size() < 2)
        return txError(QStringLiteral("truncated"), QStringLiteral("type"), "The transaction bytes are too short.");
    if (static_cast<quint8>(bytes[0]) != TxCodec::kFormatVersion)
        return txError(QStringLiteral("bad_version"), QStringLiteral("version"), "Unknown transaction format version.");
    // §8 auctions (tags 30–49)
    if (AuctionCodec::isAuctionTag(static_cast<quint8>(bytes[1]))) {
        QString failed;
        bool trailing = false;
        const auto decoded = AuctionCodec::decode(static_cast<quint8>(bytes[1]), bytes.sliced(2), failed, trailing);
        if (!decoded)
            return txError(QStringLiteral("malformed"), failed, "The transaction bytes are truncated or hold an invalid value.");
        if (trailing)
            return txError(QStringLiteral("trailing_bytes"), QStringLiteral("type"), "Bytes follow the end of the transaction.");
        if (encodeTransaction(*decoded) != bytes)
            return txError(QStringLiteral("not_canonical"), QStringLiteral("type"), "The transaction is not in canonical form.");
        return *decoded;
    }
    FieldReader f(bytes.sliced(2));
    Transaction tx;
    switch (static_cast<quint8>(bytes[1])) {
    case TxCodec::Faucet: {
        FaucetTx t;
        t.to = f.read("to", [](ByteReader &r) { return r.address(); });
        t.amount = f.amount("amount");
        tx = t;
        break;
    }
    case TxCodec::Transfer: {
        TransferTx t;
        t.from = f.read("from", [](ByteReader &r) { return r.address(); });
        t.to = f.read("to", [](ByteReader &r) { return r.address(); });
        t.amount = f.amount("amount");
        t.nonce = f.read("nonce", [](ByteReader &r) { return r.u64(); });
        t.unsignedLocal = f.read("unsignedLocal", [](ByteReader &r) { return r.boolean(); });
        t.signature = f.signature(t.unsignedLocal);
        tx = t;
        break;
    }
    case TxCodec::Book: {
        BookTx t;
        t.sp = f.read("sp", [](ByteReader &r) { return r.address(); });
        t.scope = f.read("scope", [](ByteReader &r) { return r.string(kMaxScopeBytes); });
        t.sizeTb = f.read("sizeTb", [](ByteReader &r) { return r.i64(); });
        t.startMonth = f.read("startMonth", [](ByteReader &r) { return r.month(); });
        t.months = f.read("months", [](ByteReader &r) { return r.i32(); });
        t.quotedTotal = f.amount("quotedTotal");
        t.nonce = f.read("nonce", [](ByteReader &r) { return r.u64(); });
        t.deadline = f.read("deadline", [](ByteReader &r) { return r.month(); });
        t.unsignedLocal = f.read("unsignedLocal", [](ByteReader &r) { return r.boolean(); });
        t.signature = f.signature(t.unsignedLocal);
        tx = t;
        break;
    }
    case TxCodec::CloseMonth:
        tx = CloseMonthTx{f.read("month", [](ByteReader &r) { return r.month(); })};
        break;
    // §7 SLA
    case TxCodec::RegisterOracle: {
        RegisterOracleTx t;
        t.oracle = f.read("oracle", [](ByteReader &r) { return r.address(); });
        t.nonce = f.read("nonce", [](ByteReader &r) { return r.u64(); });
        t.unsignedLocal = f.read("unsignedLocal", [](ByteReader &r) { return r.boolean(); });
        t.signature = f.signature(t.unsignedLocal);
        tx = t;
        break;
    }
    case TxCodec::SlaBatch: {
        SlaBatchTx t;
        t.oracle = f.read("oracle", [](ByteReader &r) { return r.address(); });
        t.epoch = f.read("epoch", [](ByteReader &r) { return r.i64(); });
        t.packed = f.read("packed", [](ByteReader &r) { return r.bytes(SlaBatchTx::kEntryBytes * 1'000'000); });
        if (!f.r.failed() && t.packed.size() % SlaBatchTx::kEntryBytes != 0)
            f.fail("packed");
        tx = t;
        break;
    }
    case TxCodec::SlaReports:
        tx = readSlaReports(f);
        break;
    case TxCodec::CloseEpoch:
        tx = CloseEpochTx{f.read("epoch", [](ByteReader &r) { return r.i64(); })};
        break;
    case TxCodec::ClaimCompensation: {
        ClaimCompensationTx t;
        t.sp = f.read("sp", [](ByteReader &r) { return r.address(); });
        t.bookingId = f.read("bookingId", [](ByteReader &r) { return r.u64(); });
        t.nonce = f.read("nonce", [](ByteReader &r) { return r.u64(); });
        t.unsignedLocal = f.read("unsignedLocal", [](ByteReader &r) { return r.boolean(); });
        t.signature = f.signature(t.unsignedLocal);
        tx = t;
        break;
    }
    default:
        if (!readNodeTransaction(static_cast<quint8>(bytes[1]), f, tx)) // §6 hardware nodes
            return txError(QStringLiteral("unknown_type"), QStringLiteral("type"), "Unknown transaction type.");
    }
    if (f.r.failed())
        return txError(QStringLiteral("malformed"), f.failedField(), "The transaction bytes are truncated or hold an invalid value.");
    if (!f.r.atEnd())
        return txError(QStringLiteral("trailing_bytes"), QStringLiteral("type"), "Bytes follow the end of the transaction.");
    // One transaction, one encoding: anything that does not re-encode to the same bytes is refused.
    if (encodeTransaction(tx) != bytes)
        return txError(QStringLiteral("not_canonical"), QStringLiteral("type"), "The transaction is not in canonical form.");
    return tx;
}

QString transactionTypeName(const Transaction &tx)
{
    return std::visit(Overloaded{
                          [](const FaucetTx &) { return QStringLiteral("faucet"); },
                          [](const TransferTx &) { return QStringLiteral("transfer"); },
                          [](const BookTx &) { return QStringLiteral("book"); },
                          [](const CloseMonthTx &) { return QStringLiteral("close_month"); },
                          // §6 hardware nodes
                          [](const RegisterNodeTx &) { return QStringLiteral("hn_register"); },
                          [](const SetReservationPriceTx &) { return QStringLiteral("hn_set_price"); },
                          [](const DepositCollateralTx &) { return QStringLiteral("hn_deposit"); },
                          [](const WithdrawCollateralTx &) { return QStringLiteral("hn_withdraw"); },
                          [](const ExtendCommitmentTx &) { return QStringLiteral("hn_extend"); },
                          [](const OffboardNodeTx &) { return QStringLiteral("hn_offboard"); },
                          [](const AuctionTransaction auto &t) { return AuctionCodec::typeName(t); }, // §8 auctions
                          // §7 SLA
                          [](const RegisterOracleTx &) { return QStringLiteral("register_oracle"); },
                          [](const SlaReportTx &) { return QStringLiteral("sla_report"); },
                          [](const SlaBatchTx &) { return QStringLiteral("sla_batch"); },
                          [](const CloseEpochTx &) { return QStringLiteral("close_epoch"); },
                          [](const ClaimCompensationTx &) { return QStringLiteral("claim_compensation"); },
                      },
                      tx);
}

Address transactionSender(const Transaction &tx)
{
    if (const auto *t = std::get_if<TransferTx>(&tx))
        return t->from;
    if (const auto *b = std::get_if<BookTx>(&tx))
        return b->sp;
    if (const Address auction = AuctionCodec::sender(tx); !auction.isNull()) // §8 auctions
        return auction;
    // §7 SLA (an SLA report transaction may carry several oracles' reports: no single sender)
    if (const auto *o = std::get_if<RegisterOracleTx>(&tx))
        return o->oracle;
    if (const auto *c = std::get_if<ClaimCompensationTx>(&tx))
        return c->sp;
    // §6 hardware nodes: the provider signs
    return std::visit(
        [](const auto &t) -> Address {
            if constexpr (requires { t.provider; })
                return t.provider;
            else
                return {};
        },
        tx);
}

void TxCodec::appendReceipt(QByteArray &out, const Receipt &r)
{
    ByteWriter w;
    writeReceipt(w, r);
    w.appendTo(out);
}

void TxCodec::writeReceipt(ByteWriter &w, const Receipt &r)
{
    w.u8(kFormatVersion);
    w.u64(r.sequence); // the type is the transaction's, hashed next to it
    w.amount(r.amount);
    w.u64(r.bookingId);
    w.string(r.clusterId);
    writeSlices(w, r.slices);
    w.amount(r.hpCost);
    w.amount(r.margin);
    w.month(r.closedMonth);
    w.u32(r.bookingsEnded);
    if (!r.details.isEmpty()) // absent for faucet, transfer, book and close_month: their hashes stay as they were
        w.bytes(r.details);
}

QByteArray encodeReceipt(const Receipt &receipt)
{
    QByteArray out;
    TxCodec::appendReceipt(out, receipt);
    return out;
}

QByteArray TxCodec::canonicalSnapshot(const NetworkSnapshot &snap)
{
    ByteWriter w;
    w.raw("ICN-GENESIS-1");
    w.string(snap.name);
    const ProtocolParams &p = snap.params;
    w.amount(p.totalSupply);
    w.amount(p.rewardsReserve);
    for (qint32 v : {p.minBookingMonths, p.minHnMaxDurationMonths, p.minHnMaxLeadMonths, p.defaultMaxLeadMonths,
                     p.maxHnsPerCluster, p.collateralMonths, p.minCommitmentMonths, p.commitmentStepMonths,
                     p.quorumNumerator, p.quorumDenominator, p.graceEpochs, p.reliabilityWindowEpochs,
                     p.reliabilityPriorCompliant, p.reliabilityPriorObserved, p.slaReportRetentionEpochs})
        w.i32(v);
    for (qint64 v : {p.defaultMarginPpm, p.minRegistrationCollateralPpm, p.jailCollateralPpm, p.slashBasePpm,
                     p.slashCapPpm, p.maxBondBonusPpm, p.defaultSlaTargets.minAvailabilityPpm,
                     p.defaultSlaTargets.maxLatencyMs, p.defaultSlaTargets.minBandwidthMbps})
        w.i64(v);
    w.amount(p.capacityRewardPerTbMonth);
    w.u32(static_cast<quint32>(p.regionMarginPpm.size()));
    for (auto it = p.regionMarginPpm.cbegin(); it != p.regionMarginPpm.cend(); ++it) {
        w.string(it.key());
        w.i64(it.value());
    }
    w.month(snap.currentMonth);
    w.i64(snap.currentEpoch);

    const auto sorted = [](auto list, auto key) {
        std::stable_sort(list.begin(), list.end(), [&](const auto &a, const auto &b) { return key(a) < key(b); });
        return list;
    };
    const auto byId = [](const auto &x) { return x.id; };
    const auto byAccount = [](const auto &x) { return x.account.bytes(); };

    const auto regions = sorted(snap.regions, byId);
    w.u32(static_cast<quint32>(regions.size()));
    for (const Region &r : regions) {
        w.string(r.id);
        w.string(r.name);
    }
    const auto zones = sorted(snap.zones, byId);
    w.u32(static_cast<quint32>(zones.size()));
    for (const Zone &z : zones) {
        w.string(z.id);
        w.string(z.regionId);
        w.string(z.name);
    }
    const auto clusters = sorted(snap.clusters, byId);
    w.u32(static_cast<quint32>(clusters.size()));
    for (const Cluster &c : clusters) {
        w.string(c.id);
        w.string(c.zoneId);
        w.string(c.name);
        w.string(c.hardwareClass);
        w.amount(c.maxClusterPrice);
        w.i64(c.slaTargets.minAvailabilityPpm);
        w.i64(c.slaTargets.maxLatencyMs);
        w.i64(c.slaTargets.minBandwidthMbps);
    }
    const auto providers = sorted(snap.providers, byAccount);
    w.u32(static_cast<quint32>(providers.size()));
    for (const HardwareProvider &h : providers) {
        w.address(h.account);
        w.string(h.name);
    }
    const auto nodes = sorted(snap.nodes, byId);
    w.u32(static_cast<quint32>(nodes.size()));
    for (const HardwareNode &n : nodes) {
        w.string(n.id);
        w.string(n.clusterId);
        w.address(n.provider);
        w.i64(n.capacityTb);
        w.amount(n.reservationPrice);
        w.amount(n.collateral);
        w.month(n.registeredMonth);
        w.month(n.commitmentEnd);
        w.i32(n.maxDurationMonths);
        w.i32(n.maxLeadMonths);
        w.u8(static_cast<quint8>(n.status));
        w.i32(n.reliabilityPpm);
    }
    const auto accounts = sorted(snap.accounts, byAccount);
    w.u32(static_cast<quint32>(accounts.size()));
    for (const AccountEntry &a : accounts) {
        w.address(a.account);
        w.string(a.label);
        w.amount(a.balance);
    }
    return w.toByteArray();
}

} // namespace icn
