#pragma once

#include "service/MarketService.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace icn::ui {

// The active account's bookings as a table. Rows come from MarketService::bookings() (an implicitly
// shared list, so a million rows load without copying); text is formatted per visible cell only.
// Filtering and sorting are BookingFilterProxy's (a permutation computed off the GUI thread for big
// tables); setPresentationOrder() remains for callers that order the rows themselves.
class BookingTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        StatusColumn,
        ScopeColumn,
        NodesColumn,
        SizeColumn,
        MonthsColumn,
        TotalColumn,
        EscrowLeftColumn,
        WithheldColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    // Raw values, typed; formatted text only in Qt::DisplayRole.
    enum Role {
        IdRole = Qt::UserRole + 1, // QString
        StatusRole,                // QString, untranslated ("Pending", "Active", "Ended")
        SpRole,                    // QString, EIP-55
        ScopeRole,                 // QString
        ClusterRole,               // QString
        NodeIdsRole,               // QStringList
        SizeTbRole,                // qint64
        FirstMonthRole,            // qint32 month index (Month::index)
        LastMonthRole,             // qint32 month index
        MonthCountRole,            // qint32
        TotalRole,                 // icn::Amount
        EscrowLeftRole,            // icn::Amount
        WithheldRole,              // icn::Amount
        SortRole                   // the cell's column as a typed value (see sortValue)
    };
    Q_ENUM(Role)

    explicit BookingTableModel(MarketService *service, QObject *parent = nullptr);

    void setAccount(const Address &sp);
    Address account() const { return m_sp; }
    // Re-reads the account's bookings, keeping rows (and selections) that did not change.
    void refresh();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    const BookingRow &bookingAt(int row) const; // row as presented
    // The rows in the service's order (shared, cheap to copy) and the presentation order over them.
    QList<BookingRow> rowsInServiceOrder() const { return m_rows; }
    // order[row] = index into rowsInServiceOrder(); empty means the service's order. Must be a
    // permutation of the same size. Emits layoutChanged and keeps persistent indexes.
    void setPresentationOrder(QList<int> order);

    // What SortRole holds for `column`: QString (text, compared naturally), qint64, or icn::Amount.
    static QVariant sortValue(const BookingRow &row, int column);
    static QString statusText(const QString &status); // translated
    static QString monthsText(const MonthRange &range);
    static QString nodesText(const QStringList &nodeIds);
    // Export: stable column names and exact values (amounts as decimal ICNT, months "YYYY-MM").
    static QStringList csvHeader();
    static QStringList csvRecord(const BookingRow &row);

private:
    int dataIndex(int row) const { return m_order.isEmpty() ? row : m_order.at(row); }
    QVariant displayValue(const BookingRow &row, int column) const;
    QList<BookingRow> fetch() const;
    void scheduleRefresh();

    QPointer<MarketService> m_service;
    Address m_sp;
    QList<BookingRow> m_rows;
    QList<int> m_order;
    bool m_refreshQueued = false;
};

} // namespace icn::ui
