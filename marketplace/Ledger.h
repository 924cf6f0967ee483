#pragma once

#include "Address.h"
#include "Amount.h"
#include "Result.h"

#include <QHash>

#include <vector>

namespace icn {

// Where every ICNT of the supply sits (PROTOCOL.md §9 conservation): liquid balances per
// account, escrow, collateral, bonds, the Rewards Reserve, the treasury and the genesis pool.
// Escrow and collateral are held per booking slice / per HN by the engine; the ledger keeps
// their running totals so that conservation is an O(1) check after every transaction.
// Mutators are for the apply phase: the engine has validated everything, so a failure there is
// a bug and stops the program rather than leaving a half-applied state.
class Ledger
{
public:
    struct Account
    {
        Address address;
        Amount balance;
        quint64 nonce = 0; // next expected nonce
    };

    void reset(Amount totalSupply, Amount reserve, Amount pool);

    // Index of an existing account, or -1.
    qint64 find(const Address &address) const
    {
        const auto it = m_index.constFind(address);
        return it == m_index.constEnd() ? -1 : static_cast<qint64>(it.value());
    }
    // Index of the account, created with a zero balance when new.
    quint32 ensure(const Address &address);
    const Account &account(quint32 index) const { return m_accounts[index]; }
    const std::vector<Account> &accounts() const { return m_accounts; }

    Amount balance(const Address &address) const;
    quint64 nextNonce(const Address &address) const;

    void credit(quint32 account, Amount amount);
    void debit(quint32 account, Amount amount); // must be covered
    void bumpNonce(quint32 account) { ++m_accounts[account].nonce; }

    // Buckets.
    void poolToAccount(quint32 account, Amount amount);
    void accountToEscrow(quint32 account, Amount amount);
    void accountToTreasury(quint32 account, Amount amount);
    void escrowToAccount(quint32 account, Amount amount);
    void addCollateralTotal(Amount amount); // genesis collateral (no account involved)
    // §6 hardware nodes: collateral deposits, withdrawals, and capacity rewards from the reserve.
    void accountToCollateral(quint32 account, Amount amount);
    void collateralToAccount(quint32 account, Amount amount); // must be covered by the collateral total
    void reserveToAccount(quint32 account, Amount amount);    // must be covered by the reserve
    void reserveToCollateral(Amount amount);                  // must be covered by the reserve
    // §8 auctions: bidders' bonds, and the margin of an award leaving the SP's escrowed lock.
    void accountToBond(quint32 account, Amount amount);
    void bondToAccount(quint32 account, Amount amount);
    void escrowToTreasury(Amount amount);
    // §7 slashing: collateral (held per HN by the engine) moves to the treasury; so does the slashed
    // part of a winner's kept §8 bond (docs/auctions.md §4 "Bonds are slashable").
    void collateralToTreasury(Amount amount);
    void bondToTreasury(Amount amount);

    Amount totalSupply() const { return m_totalSupply; }
    Amount pool() const { return m_pool; }
    Amount reserve() const { return m_reserve; }
    Amount treasury() const { return m_treasury; }
    Amount escrowTotal() const { return m_escrow; }
    Amount collateralTotal() const { return m_collateral; }
    Amount bondsTotal() const { return m_bonds; }
    Amount balancesTotal() const { return m_balances; }

    // Σ of the running totals == total supply.
    bool totalsConserve() const;

    size_t memoryBytes() const;

private:
    static Amount plus(Amount a, Amount b);
    static Amount minus(Amount a, Amount b);

    QHash<Address, quint32> m_index;
    std::vector<Account> m_accounts;
    Amount m_totalSupply;
    Amount m_pool;
    Amount m_reserve;
    Amount m_treasury;
    Amount m_escrow;
    Amount m_collateral;
    Amount m_bonds;
    Amount m_balances;
};

} // namespace icn
