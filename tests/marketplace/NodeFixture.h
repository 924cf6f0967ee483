#pragma once

// Builders for the §6 hardware-node transactions and a network with HNs in every §6 situation.

#include "EngineFixture.h"
#include "Transaction.h"

#include <QMetaType>

Q_DECLARE_METATYPE(icn::Transaction)

namespace icn::test {

inline const Address kHp = addr(50);

// The seed network plus HNs of kHp (10,000 ICNT): FRA-2-J1 jailed under 30 %, OLD-1 whose
// commitment ended in 2026-10, OFF-1 offboarded. Month 2026-11; cap 4 ICNT, so 100 TB needs 2,400.
inline NetBuilder hpNetwork()
{
    NetBuilder b = seedNetwork();
    b.account(kHp, "10000");
    HardwareNode &jailed = b.node(QStringLiteral("FRA-2-J1"), QStringLiteral("FRA-2"));
    jailed.provider = kHp;
    jailed.collateral = icnt("100");
    jailed.status = NodeStatus::Jailed;
    HardwareNode &old = b.node(QStringLiteral("OLD-1"), QStringLiteral("FRA-2"));
    old.provider = kHp;
    old.commitmentEnd = ym(2026, 10);
    HardwareNode &off = b.node(QStringLiteral("OFF-1"), QStringLiteral("FRA-2"));
    off.provider = kHp;
    off.collateral = Amount();
    off.status = NodeStatus::Offboarded;
    return b;
}

inline RegisterNodeTx registerTx(const QString &id, const QString &cluster, qint64 tb = 100, const char *price = "2.8",
                                 const char *deposit = "2400", qint32 commitment = 36, quint64 nonce = 0,
                                 const Address &provider = kHp)
{
    RegisterNodeTx t;
    t.provider = provider;
    t.nodeId = id;
    t.clusterId = cluster;
    t.capacityTb = tb;
    t.reservationPrice = icnt(price);
    t.deposit = icnt(deposit);
    t.maxDurationMonths = 12;
    t.maxLeadMonths = 6;
    t.commitmentMonths = commitment;
    t.nonce = nonce;
    t.unsignedLocal = true;
    return t;
}

inline SetReservationPriceTx priceTx(const QString &id, const char *price, quint64 nonce = 0, const Address &provider = kHp)
{
    return SetReservationPriceTx{provider, id, icnt(price), nonce, true, {}};
}
inline DepositCollateralTx depositTx(const QString &id, const char *amount, quint64 nonce = 0, const Address &provider = kHp)
{
    return DepositCollateralTx{provider, id, icnt(amount), nonce, true, {}};
}
inline WithdrawCollateralTx withdrawTx(const QString &id, const char *amount, quint64 nonce = 0, const Address &provider = kHp)
{
    return WithdrawCollateralTx{provider, id, icnt(amount), nonce, true, {}};
}
inline ExtendCommitmentTx extendTx(const QString &id, qint32 months, quint64 nonce = 0, const Address &provider = kHp)
{
    return ExtendCommitmentTx{provider, id, months, nonce, true, {}};
}
inline OffboardNodeTx offboardTx(const QString &id, quint64 nonce = 0, const Address &provider = kHp)
{
    return OffboardNodeTx{provider, id, nonce, true, {}};
}

// Everything a refusal must leave as it was.
struct Frozen
{
    QByteArray hash;
    QByteArray digest;
    QList<Amount> totals;
    quint64 applied = 0;
    friend bool operator==(const Frozen &, const Frozen &) = default;
};

inline Frozen freeze(const Engine &e)
{
    const LedgerTotals t = e.totals();
    return Frozen{e.stateHash(), e.computeStateDigest(),
                  {t.totalSupply, t.balances, t.escrow, t.collateral, t.bonds, t.reserve, t.treasury, t.genesisPool},
                  e.appliedCount()};
}

// Free TB of one HN over a range, from its cluster's capacity view (-1 when not listed).
inline qint64 nodeFreeTb(const Engine &e, const QString &cluster, const QString &node, MonthRange range)
{
    const auto view = e.capacity(cluster, range);
    if (!view)
        return -1;
    for (const CapacityView &child : view->children)
        if (child.scopeId == node)
            return child.freeTbWholeRange;
    return -1;
}

inline Result<Receipt> closeMonth(Engine &e)
{
    return e.apply(CloseMonthTx{e.currentMonth()});
}

} // namespace icn::test
