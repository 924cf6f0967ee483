#include "AuctionCodec.h"

#include "ByteReader.h"
#include "ByteWriter.h"

namespace icn::AuctionCodec {

namespace {

constexpr qsizetype kSignatureSize = 65;
constexpr qsizetype kMaxIdBytes = 256;

// Reads fields in order and remembers the first one that failed.
class Fields
{
public:
    explicit Fields(QByteArrayView in) : r(in) {}
    void mark(const char *field)
    {
        if (r.failed() && failed.isEmpty())
            failed = QString::fromLatin1(field);
    }
    Address address(const char *field)
    {
        const Address a = r.address();
        mark(field);
        return a;
    }
    QString string(const char *field)
    {
        const QString s = r.string(kMaxIdBytes);
        mark(field);
        return s;
    }
    qint64 i64(const char *field)
    {
        const qint64 v = r.i64();
        mark(field);
        return v;
    }
    qint32 i32(const char *field)
    {
        const qint32 v = r.i32();
        mark(field);
        return v;
    }
    quint64 u64(const char *field)
    {
        const quint64 v = r.u64();
        mark(field);
        return v;
    }
    // An epoch (day number): never negative, so its EIP-712 uint64 is the same number.
    qint64 epoch(const char *field)
    {
        const qint64 v = r.i64();
        if (!r.failed() && v < 0)
            r.fail();
        mark(field);
        return v;
    }
    Month month(const char *field)
    {
        const Month m = r.month();
        mark(field);
        return m;
    }
    bool boolean(const char *field)
    {
        const bool b = r.boolean();
        mark(field);
        return b;
    }
    Amount amount(const char *field)
    {
        const Amount a = r.amount();
        if (!r.failed() && a.isNegative())
            r.fail();
        mark(field);
        return a;
    }
    // nonce, unsignedLocal, signature: the common tail of every signed transaction.
    template <class T>
    void tail(T &t)
    {
        t.nonce = u64("nonce");
        t.unsignedLocal = boolean("unsignedLocal");
        t.signature = r.bytes(kSignatureSize);
        if (!r.failed() && (t.unsignedLocal ? !t.signature.isEmpty() : t.signature.size() != kSignatureSize))
            r.fail();
        mark("signature");
    }
    ByteReader r;
    QString failed;
};

template <class T>
void writeTail(ByteWriter &w, const T &t)
{
    w.u64(t.nonce);
    w.boolean(t.unsignedLocal);
    w.bytes(t.signature);
}

template <class... Ts>
struct Overloaded : Ts...
{
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

} // namespace

bool isAuctionTag(quint8 tag)
{
    return tag >= PostTender && tag <= RunAuction;
}

void write(ByteWriter &w, const PostTenderTx &t)
{
    w.u8(PostTender);
    w.address(t.sp);
    w.string(t.scope);
    w.i64(t.sizeTb);
    w.month(t.startMonth);
    w.i32(t.months);
    w.amount(t.maxPrice);
    w.i32(t.minReliabilityPpm);
    w.i64(t.bidDeadlineEpoch);
    w.boolean(t.partialFill);
    writeTail(w, t);
}

void write(ByteWriter &w, const TenderBidTx &t)
{
    w.u8(TenderBid);
    w.address(t.bidder);
    w.u64(t.tenderId);
    w.string(t.nodeId);
    w.i64(t.offeredTb);
    w.amount(t.price);
    w.amount(t.bond);
    writeTail(w, t);
}

void write(ByteWriter &w, const TenderWithdrawTx &t)
{
    w.u8(TenderWithdraw);
    w.address(t.bidder);
    w.u64(t.tenderId);
    w.string(t.nodeId);
    writeTail(w, t);
}

void write(ByteWriter &w, const TenderAwardTx &t)
{
    w.u8(TenderAward);
    w.address(t.caller);
    w.u64(t.tenderId);
    writeTail(w, t);
}

void write(ByteWriter &w, const PostAuctionTx &t)
{
    w.u8(PostAuction);
    w.address(t.sp);
    w.string(t.scope);
    w.i64(t.sizeTb);
    w.month(t.startMonth);
    w.i32(t.months);
    w.amount(t.ceilingPrice);
    w.i64(t.decrementPpm);
    w.amount(t.floorPrice);
    w.i32(t.minReliabilityPpm);
    w.i64(t.clockEpoch);
    writeTail(w, t);
}

void write(ByteWriter &w, const SetDropOutTx &t)
{
    w.u8(SetDropOut);
    w.address(t.bidder);
    w.u64(t.auctionId);
    w.string(t.nodeId);
    w.amount(t.dropOutPrice);
    w.i64(t.capacityTb);
    w.amount(t.bond);
    writeTail(w, t);
}

void write(ByteWriter &w, const RunAuctionTx &t)
{
    w.u8(RunAuction);
    w.address(t.caller);
    w.u64(t.auctionId);
    writeTail(w, t);
}

std::optional<Transaction> decode(quint8 tag, QByteArrayView bytes, QString &failedField, bool &trailing)
{
    Fields f(bytes);
    Transaction tx;
    switch (tag) {
    case PostTender: {
        PostTenderTx t;
        t.sp = f.address("sp");
        t.scope = f.string("scope");
        t.sizeTb = f.i64("sizeTb");
        t.startMonth = f.month("startMonth");
        t.months = f.i32("months");
        t.maxPrice = f.amount("maxPrice");
        t.minReliabilityPpm = f.i32("minReliabilityPpm");
        t.bidDeadlineEpoch = f.epoch("bidDeadlineEpoch");
        t.partialFill = f.boolean("partialFill");
        f.tail(t);
        tx = t;
        break;
    }
    case TenderBid: {
        TenderBidTx t;
        t.bidder = f.address("bidder");
        t.tenderId = f.u64("tenderId");
        t.nodeId = f.string("nodeId");
        t.offeredTb = f.i64("offeredTb");
        t.price = f.amount("price");
        t.bond = f.amount("bond");
        f.tail(t);
        tx = t;
        break;
    }
    case TenderWithdraw: {
        TenderWithdrawTx t;
        t.bidder = f.address("bidder");
        t.tenderId = f.u64("tenderId");
        t.nodeId = f.string("nodeId");
        f.tail(t);
        tx = t;
        break;
    }
    case TenderAward: {
        TenderAwardTx t;
        t.caller = f.address("caller");
        t.tenderId = f.u64("tenderId");
        f.tail(t);
        tx = t;
        break;
    }
    case PostAuction: {
        PostAuctionTx t;
        t.sp = f.address("sp");
        t.scope = f.string("scope");
        t.sizeTb = f.i64("sizeTb");
        t.startMonth = f.month("startMonth");
        t.months = f.i32("months");
        t.ceilingPrice = f.amount("ceilingPrice");
        t.decrementPpm = f.i64("decrementPpm");
        t.floorPrice = f.amount("floorPrice");
        t.minReliabilityPpm = f.i32("minReliabilityPpm");
        t.clockEpoch = f.epoch("clockEpoch");
        f.tail(t);
        tx = t;
        break;
    }
    case SetDropOut: {
        SetDropOutTx t;
        t.bidder = f.address("bidder");
        t.auctionId = f.u64("auctionId");
        t.nodeId = f.string("nodeId");
        t.dropOutPrice = f.amount("dropOutPrice");
        t.capacityTb = f.i64("capacityTb");
        t.bond = f.amount("bond");
        f.tail(t);
        tx = t;
        break;
    }
    case RunAuction: {
        RunAuctionTx t;
        t.caller = f.address("caller");
        t.auctionId = f.u64("auctionId");
        f.tail(t);
        tx = t;
        break;
    }
    default:
        failedField = QStringLiteral("type");
        return std::nullopt;
    }
    if (f.r.failed()) {
        failedField = f.failed;
        return std::nullopt;
    }
    trailing = !f.r.atEnd();
    return tx;
}

QString typeName(const Transaction &tx)
{
    return std::visit(Overloaded{
                          [](const PostTenderTx &) { return QStringLiteral("post_tender"); },
                          [](const TenderBidTx &) { return QStringLiteral("tender_bid"); },
                          [](const TenderWithdrawTx &) { return QStringLiteral("tender_withdraw"); },
                          [](const TenderAwardTx &) { return QStringLiteral("tender_award"); },
                          [](const PostAuctionTx &) { return QStringLiteral("post_auction"); },
                          [](const SetDropOutTx &) { return QStringLiteral("auction_set_dropout"); },
                          [](const RunAuctionTx &) { return QStringLiteral("auction_run"); },
                          [](const auto &) { return QString(); },
                      },
                      tx);
}

Address sender(const Transaction &tx)
{
    return std::visit(Overloaded{
                          [](const PostTenderTx &t) { return t.sp; },
                          [](const TenderBidTx &t) { return t.bidder; },
                          [](const TenderWithdrawTx &t) { return t.bidder; },
                          [](const TenderAwardTx &t) { return t.caller; },
                          [](const PostAuctionTx &t) { return t.sp; },
                          [](const SetDropOutTx &t) { return t.bidder; },
                          [](const RunAuctionTx &t) { return t.caller; },
                          [](const auto &) { return Address(); },
                      },
                      tx);
}

} // namespace icn::AuctionCodec
