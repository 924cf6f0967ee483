#pragma once

// Shared helpers of the auction tests (tst_tender, tst_reverseauction, tst_auctionproperties):
// accounts, amounts, small networks and default specs that each test bends.

#include "ReverseAuction.h"
#include "StaticAuctionFacts.h"
#include "Tender.h"

#include <QTest>

namespace icn::auctiontest {

inline Address addr(int n)
{
    return *Address::fromBytes(QByteArray(20, static_cast<char>(n)));
}

inline Amount icnt(const QString &text)
{
    const auto a = Amount::parse(text);
    Q_ASSERT(a.ok());
    return *a;
}

inline const Month kNow = Month::fromYearMonth(2026, 11);
inline constexpr qint64 kDeadline = 10;

inline const Address &spAccount()
{
    static const Address a = addr(1);
    return a;
}

// A provider per HN id (0x40… and up, never the SP's or a test's stranger addr(9)).
inline Address providerOf(const QString &nodeId)
{
    return addr(0x40 + static_cast<int>(qHash(nodeId) % 150));
}

// Σ of what leaves an SP's lock: must equal the lock after every award.
inline Amount movedOut(const QList<LedgerMovement> &moves)
{
    Amount sum;
    for (const LedgerMovement &m : moves) {
        if (m.kind == MovementKind::LockToEscrow || m.kind == MovementKind::LockToTreasury
            || m.kind == MovementKind::LockToAccount)
            sum = *sum.add(m.amount);
    }
    return sum;
}

// --- tenders ---

inline AuctionNodeFacts tenderNode(const QString &id, qint32 rel = 900'000, qint64 freeTb = 1000, const QString &cluster = QStringLiteral("FRA-1"),
                      const QString &zone = QStringLiteral("EUW-FRA"))
{
    AuctionNodeFacts n;
    n.nodeId = id;
    n.clusterId = cluster;
    n.zoneId = zone;
    n.regionId = QStringLiteral("EUW");
    n.provider = providerOf(id);
    n.eligible = true;
    n.freeTb = freeTb;
    n.reliabilityPpm = rel;
    n.reservationPrice = icnt(QStringLiteral("2"));
    return n;
}

inline TenderSpec tenderSpec(qint64 size = 100)
{
    TenderSpec s;
    s.sp = spAccount();
    s.scopeId = QStringLiteral("FRA-1");
    s.sizeTb = size;
    s.start = kNow.plus(1);
    s.months = 3;
    s.maxPrice = icnt(QStringLiteral("3"));
    s.minReliabilityPpm = 800'000;
    s.bidDeadlineEpoch = kDeadline;
    s.partialFillAllowed = false;
    s.marginPpm = 250'000;
    return s;
}

// A network of FRA-1 (N1..N6), FRA-2 (M1) in zone EUW-FRA, and AMS-1 (A1) in zone EUW-AMS.
inline StaticAuctionFacts tenderFacts()
{
    StaticAuctionFacts f;
    for (int i = 1; i <= 6; ++i)
        f.setNode(tenderNode(QStringLiteral("N%1").arg(i)));
    f.setNode(tenderNode(QStringLiteral("M1"), 900'000, 1000, QStringLiteral("FRA-2")));
    f.setNode(tenderNode(QStringLiteral("A1"), 900'000, 1000, QStringLiteral("AMS-1"), QStringLiteral("EUW-AMS")));
    f.setBalance(spAccount(), icnt(QStringLiteral("1000000")));
    return f;
}

inline TenderBid makeBid(const QString &nodeId, const QString &price, qint64 offered, const QString &bond = QStringLiteral("0"),
                  quint64 order = 0)
{
    return TenderBid{nodeId, providerOf(nodeId), offered, icnt(price), icnt(bond), order};
}

// --- reverse auctions ---

inline AuctionNodeFacts clockNode(const QString &id, const QString &reservationPrice, qint64 freeTb, qint32 rel = 900'000,
                      const QString &cluster = QStringLiteral("FRA-1"), const QString &zone = QStringLiteral("EUW-FRA"))
{
    AuctionNodeFacts n;
    n.nodeId = id;
    n.clusterId = cluster;
    n.zoneId = zone;
    n.regionId = QStringLiteral("EUW");
    n.provider = providerOf(id);
    n.eligible = true;
    n.freeTb = freeTb;
    n.reliabilityPpm = rel;
    n.reservationPrice = icnt(reservationPrice);
    return n;
}

inline ReverseAuctionSpec clockSpec()
{
    ReverseAuctionSpec s;
    s.sp = spAccount();
    s.scopeId = QStringLiteral("FRA-1");
    s.sizeTb = 100;
    s.start = kNow.plus(1);
    s.months = 3;
    s.ceilingPrice = icnt(QStringLiteral("3"));
    s.decrementPpm = 100'000; // 0.3 per round
    s.floorPrice = icnt(QStringLiteral("1.5"));
    s.minReliabilityPpm = 800'000;
    s.marginPpm = 250'000;
    return s;
}

inline StaticAuctionFacts clockFacts()
{
    StaticAuctionFacts f;
    f.setBalance(spAccount(), icnt(QStringLiteral("1000000")));
    return f;
}

inline QStringList roundsText(const QList<AuctionRound> &rounds)
{
    QStringList out;
    for (const AuctionRound &r : rounds)
        out << QStringLiteral("%1|%2|%3|%4").arg(r.price.toString()).arg(r.supplyTb).arg(r.activeBidders).arg(r.coversDemand ? 1 : 0);
    return out;
}

} // namespace icn::auctiontest
