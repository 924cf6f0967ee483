#pragma once

#include "Address.h"
#include "Amount.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

namespace icn::ui {

class WalletService;
struct WalletAccount;

// The wallet's accounts, one row each: label, checksummed address, ICNT balance in the open network,
// and how the key came to be (derived from the recovery phrase, imported, or the public demo key).
class AccountListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { LabelColumn, AddressColumn, BalanceColumn, OriginColumn, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        AddressRole = Qt::UserRole + 1, // QString, checksummed
        BalanceRole,                    // QString, Amount::toStorage() (exact base units)
        LabelRole,                      // QString
        HdPathRole,                     // QString, empty for imported keys
        PublicTestKeyRole,              // bool
    };
    Q_ENUM(Role)

    explicit AccountListModel(WalletService *wallet, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    Address addressAt(int row) const;
    int rowOf(const Address &address) const;

private slots:
    void reload();
    void refreshBalances();

private:
    struct Row
    {
        Address address;
        QString label;
        QString hdPath;
        bool publicTestKey = false;
        Amount balance;
    };

    QPointer<WalletService> m_wallet;
    QList<Row> m_rows;
};

} // namespace icn::ui
