#include "Ledger.h"

#include <QtGlobal>

namespace icn {

Amount Ledger::plus(Amount a, Amount b)
{
    const auto r = a.add(b);
    if (!r)
        qFatal("Ledger: ICNT overflow in the apply phase");
    return *r;
}

Amount Ledger::minus(Amount a, Amount b)
{
    const auto r = a.sub(b);
    if (!r || r->isNegative())
        qFatal("Ledger: a bucket would go negative in the apply phase");
    return *r;
}

void Ledger::reset(Amount totalSupply, Amount reserve, Amount pool)
{
    m_index.clear();
    m_accounts.clear();
    m_totalSupply = totalSupply;
    m_reserve = reserve;
    m_pool = pool;
    m_treasury = m_escrow = m_collateral = m_bonds = m_balances = Amount();
}

quint32 Ledger::ensure(const Address &address)
{
    const auto it = m_index.constFind(address);
    if (it != m_index.constEnd())
        return it.value();
    const auto ix = static_cast<quint32>(m_accounts.size());
    m_accounts.push_back(Account{address, Amount(), 0});
    m_index.insert(address, ix);
    return ix;
}

Amount Ledger::balance(const Address &address) const
{
    const qint64 ix = find(address);
    return ix < 0 ? Amount() : m_accounts[static_cast<size_t>(ix)].balance;
}

quint64 Ledger::nextNonce(const Address &address) const
{
    const qint64 ix = find(address);
    return ix < 0 ? 0 : m_accounts[static_cast<size_t>(ix)].nonce;
}

void Ledger::credit(quint32 account, Amount amount)
{
    m_accounts[account].balance = plus(m_accounts[account].balance, amount);
    m_balances = plus(m_balances, amount);
}

void Ledger::debit(quint32 account, Amount amount)
{
    m_accounts[account].balance = minus(m_accounts[account].balance, amount);
    m_balances = minus(m_balances, amount);
}

void Ledger::poolToAccount(quint32 account, Amount amount)
{
    m_pool = minus(m_pool, amount);
    credit(account, amount);
}

void Ledger::accountToEscrow(quint32 account, Amount amount)
{
    debit(account, amount);
    m_escrow = plus(m_escrow, amount);
}

void Ledger::accountToTreasury(quint32 account, Amount amount)
{
    debit(account, amount);
    m_treasury = plus(m_treasury, amount);
}

void Ledger::escrowToAccount(quint32 account, Amount amount)
{
    m_escrow = minus(m_escrow, amount);
    credit(account, amount);
}

void Ledger::addCollateralTotal(Amount amount)
{
    m_collateral = plus(m_collateral, amount);
}

// §6 hardware nodes
void Ledger::accountToCollateral(quint32 account, Amount amount)
{
    debit(account, amount);
    m_collateral = plus(m_collateral, amount);
}

void Ledger::collateralToAccount(quint32 account, Amount amount)
{
    m_collateral = minus(m_collateral, amount);
    credit(account, amount);
}

void Ledger::reserveToAccount(quint32 account, Amount amount)
{
    m_reserve = minus(m_reserve, amount);
    credit(account, amount);
}

void Ledger::reserveToCollateral(Amount amount)
{
    m_reserve = minus(m_reserve, amount);
    m_collateral = plus(m_collateral, amount);
}

// §8 auctions
void Ledger::accountToBond(quint32 account, Amount amount)
{
    debit(account, amount);
    m_bonds = plus(m_bonds, amount);
}

void Ledger::bondToAccount(quint32 account, Amount amount)
{
    m_bonds = minus(m_bonds, amount);
    credit(account, amount);
}

void Ledger::escrowToTreasury(Amount amount)
{
    m_escrow = minus(m_escrow, amount);
    m_treasury = plus(m_treasury, amount);
}

// §7 slashing
void Ledger::collateralToTreasury(Amount amount)
{
    m_collateral = minus(m_collateral, amount);
    m_treasury = plus(m_treasury, amount);
}

void Ledger::bondToTreasury(Amount amount)
{
    m_bonds = minus(m_bonds, amount);
    m_treasury = plus(m_treasury, amount);
}

bool Ledger::totalsConserve() const
{
    Amount sum;
    for (Amount a : {m_balances, m_escrow, m_collateral, m_bonds, m_reserve, m_treasury, m_pool}) {
        const auto r = sum.add(a);
        if (!r)
            return false;
        sum = *r;
    }
    return sum == m_totalSupply;
}

size_t Ledger::memoryBytes() const
{
    return m_accounts.capacity() * sizeof(Account) + static_cast<size_t>(m_index.capacity()) * (sizeof(Address) + 8 + 20);
}

} // namespace icn
