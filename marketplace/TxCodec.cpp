#include "TxCodec.h"

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
                   // §7 SLA
                   [&](const RegisterOracleTx &t) {
                       w.u8(RegisterOracle);
                       w.address(t.oracle);
                       w.u64(t.nonce);
                       w.boolean(t.unsignedLocal);
                       w.bytes(t.signature);
                   },
                   [&](const SlaReportTx &t) { writeSlaReports(w, t); },
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
                          // §7 SLA
                          [](const RegisterOracleTx &) { return QStringLiteral("register_oracle"); },
                          [](const SlaReportTx &) { return QStringLiteral("sla_report"); },
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
    // §7 SLA (an SLA report transaction may carry several oracles' reports: no single sender)
    if (const auto *o = std::get_if<RegisterOracleTx>(&tx))
        return o->oracle;
    if (const auto *c = std::get_if<ClaimCompensationTx>(&tx))
        return c->sp;
    return {};
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
