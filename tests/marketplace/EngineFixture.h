#pragma once

// Small hand-made networks for the engine tests: a builder with sensible defaults (every HN
// eligible, fully collateralised, 100 TB at 2.8 ICNT per TB-month) that each test bends.

#include "Engine.h"

#include <QTest>

namespace icn::test {

inline Month ym(int year, int month)
{
    return Month::fromYearMonth(year, month);
}

inline Amount icnt(const char *decimal)
{
    const auto a = Amount::parse(QString::fromLatin1(decimal));
    Q_ASSERT(a.ok());
    return *a;
}

// Deterministic distinct addresses: 0xAA…AA<n>.
inline Address addr(int n)
{
    QByteArray bytes(20, '\xAA');
    bytes[18] = static_cast<char>((n >> 8) & 0xff);
    bytes[19] = static_cast<char>(n & 0xff);
    return *Address::fromBytes(bytes);
}

inline const Address kSp = addr(1);
inline const Address kSp2 = addr(2);

class NetBuilder
{
public:
    NetBuilder()
    {
        s.name = QStringLiteral("test network");
        s.currentMonth = ym(2026, 11);
    }

    NetBuilder &region(const QString &id)
    {
        s.regions.append(Region{id, id});
        return *this;
    }
    NetBuilder &zone(const QString &id, const QString &regionId)
    {
        s.zones.append(Zone{id, regionId, id});
        return *this;
    }
    NetBuilder &cluster(const QString &id, const QString &zoneId, const char *maxPrice = "4")
    {
        Cluster c;
        c.id = id;
        c.zoneId = zoneId;
        c.name = id;
        c.hardwareClass = QStringLiteral("hdd-standard");
        c.maxClusterPrice = icnt(maxPrice);
        s.clusters.append(c);
        return *this;
    }
    // An eligible HN with full collateral (6 × the cluster cap × capacity).
    HardwareNode &node(const QString &id, const QString &clusterId, qint64 capacityTb = 100, const char *price = "2.8")
    {
        HardwareNode n;
        n.id = id;
        n.clusterId = clusterId;
        n.provider = addr(1000 + static_cast<int>(s.nodes.size()));
        n.capacityTb = capacityTb;
        n.reservationPrice = icnt(price);
        Amount cap = icnt("4");
        for (const Cluster &c : s.clusters)
            if (c.id == clusterId)
                cap = c.maxClusterPrice;
        n.collateral = *cap.mul(6 * capacityTb);
        n.registeredMonth = ym(2026, 1);
        n.commitmentEnd = ym(2029, 12);
        n.maxDurationMonths = 12;
        n.maxLeadMonths = 6;
        s.nodes.append(n);
        return s.nodes.last();
    }
    NetBuilder &account(const Address &a, const char *balance)
    {
        s.accounts.append(AccountEntry{a, QStringLiteral("acct"), icnt(balance)});
        return *this;
    }
    HardwareNode &nodeById(const QString &id)
    {
        for (HardwareNode &n : s.nodes)
            if (n.id == id)
                return n;
        qFatal("no such node");
    }

    Engine engine() const
    {
        auto e = Engine::create(s);
        if (!e)
            qFatal("test genesis refused: %s", qPrintable(e.error().code + QLatin1Char(' ') + e.error().message));
        return std::move(e).value();
    }

    NetworkSnapshot s;
};

// EUW / EUW-FRA / FRA-1 (2 HNs), FRA-2 (1 HN), FRA-3 (3 HNs): the seed example of PROTOCOL.md §2.
inline NetBuilder seedNetwork()
{
    NetBuilder b;
    b.region(QStringLiteral("EUW")).zone(QStringLiteral("EUW-FRA"), QStringLiteral("EUW"));
    b.cluster(QStringLiteral("FRA-1"), QStringLiteral("EUW-FRA"))
        .cluster(QStringLiteral("FRA-2"), QStringLiteral("EUW-FRA"))
        .cluster(QStringLiteral("FRA-3"), QStringLiteral("EUW-FRA"));
    b.node(QStringLiteral("FRA-1-N01"), QStringLiteral("FRA-1"));
    b.node(QStringLiteral("FRA-1-N02"), QStringLiteral("FRA-1"));
    b.node(QStringLiteral("FRA-2-N01"), QStringLiteral("FRA-2"));
    b.node(QStringLiteral("FRA-3-N01"), QStringLiteral("FRA-3"));
    b.node(QStringLiteral("FRA-3-N02"), QStringLiteral("FRA-3"));
    b.node(QStringLiteral("FRA-3-N03"), QStringLiteral("FRA-3"));
    b.account(kSp, "100000").account(kSp2, "10");
    return b;
}

inline BookTx bookTx(const QString &scope, qint64 sizeTb, Month start, qint32 months, Amount quoted,
                     quint64 nonce = 0, const Address &sp = kSp)
{
    BookTx t;
    t.sp = sp;
    t.scope = scope;
    t.sizeTb = sizeTb;
    t.startMonth = start;
    t.months = months;
    t.quotedTotal = quoted;
    t.nonce = nonce;
    t.deadline = start;
    t.unsignedLocal = true;
    return t;
}

// Quotes first, then books at the quoted total (what a well-behaved client does).
inline Result<Receipt> bookAtQuote(Engine &engine, const QString &scope, qint64 sizeTb, Month start, qint32 months,
                                   const Address &sp = kSp)
{
    const auto q = engine.quote(QuoteRequest{scope, sizeTb, start, months});
    if (!q)
        return q.error();
    return engine.apply(bookTx(scope, sizeTb, start, months, q->total, engine.nextNonce(sp), sp));
}

} // namespace icn::test
