#include "AccountListModel.h"

#include "service/WalletService.h"

#include <QFont>
#include <QLocale>

namespace icn::ui {

AccountListModel::AccountListModel(WalletService *wallet, QObject *parent)
    : QAbstractTableModel(parent), m_wallet(wallet)
{
    connect(wallet, &WalletService::accountsChanged, this, &AccountListModel::reload);
    connect(wallet, &WalletService::balancesChanged, this, &AccountListModel::refreshBalances);
    reload();
}

int AccountListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AccountListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AccountListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case AddressRole: return row.address.toChecksummed();
    case BalanceRole: return row.balance.toStorage();
    case LabelRole: return row.label;
    case HdPathRole: return row.hdPath;
    case PublicTestKeyRole: return row.publicTestKey;
    default: break;
    }
    const auto column = static_cast<Column>(index.column());
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (column) {
        case LabelColumn: return row.label;
        case AddressColumn: return row.address.toChecksummed();
        case BalanceColumn: return role == Qt::DisplayRole ? row.balance.toDisplayString(QLocale()) : QVariant();
        case OriginColumn:
            if (row.publicTestKey)
                return tr("Public test key (local mirror only)");
            return row.hdPath.isEmpty() ? tr("Imported key") : tr("Recovery phrase, %1").arg(row.hdPath);
        case ColumnCount: break;
        }
    } else if (role == Qt::TextAlignmentRole) {
        if (column == BalanceColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    } else if (role == Qt::FontRole) {
        if (column == AddressColumn) {
            QFont mono;
            mono.setFamily(QStringLiteral("monospace"));
            mono.setStyleHint(QFont::TypeWriter);
            return mono;
        }
    } else if (role == Qt::ToolTipRole) {
        if (row.publicTestKey)
            return tr("Anyone can sign with this key: use it only on the local mirror.");
        if (column == AddressColumn)
            return row.address.toChecksummed();
    }
    return {};
}

QVariant AccountListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (static_cast<Column>(section)) {
    case LabelColumn: return tr("Name");
    case AddressColumn: return tr("Address");
    case BalanceColumn: return tr("Balance");
    case OriginColumn: return tr("Key");
    case ColumnCount: break;
    }
    return {};
}

Qt::ItemFlags AccountListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == LabelColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

bool AccountListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid) || index.column() != LabelColumn
        || !m_wallet)
        return false;
    // The service reloads the list through accountsChanged; the edit is only kept if the store took it.
    return m_wallet->rename(m_rows.at(index.row()).address, value.toString()).ok();
}

Address AccountListModel::addressAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).address : Address();
}

int AccountListModel::rowOf(const Address &address) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).address == address)
            return i;
    return -1;
}

void AccountListModel::reload()
{
    QList<Row> rows;
    if (m_wallet) {
        for (const WalletAccount &a : m_wallet->accounts())
            rows.append({a.address, a.label, a.hdPath, a.isPublicTestKey, m_wallet->balance(a.address)});
    }
    // Same accounts in the same order (a rename, a balance): update in place so selections survive.
    bool sameAccounts = rows.size() == m_rows.size();
    for (int i = 0; sameAccounts && i < rows.size(); ++i)
        sameAccounts = rows.at(i).address == m_rows.at(i).address;
    if (sameAccounts) {
        m_rows = rows;
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

void AccountListModel::refreshBalances()
{
    if (!m_wallet || m_rows.isEmpty())
        return;
    for (Row &row : m_rows)
        row.balance = m_wallet->balance(row.address);
    emit dataChanged(index(0, BalanceColumn), index(int(m_rows.size()) - 1, BalanceColumn));
}

} // namespace icn::ui
