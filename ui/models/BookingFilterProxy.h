#pragma once

#include "service/MarketService.h"

#include <QFutureWatcher>
#include <QSortFilterProxyModel>

namespace icn::ui {

class BookingTableModel;

// Filters bookings by status and free text, and sorts them with typed comparisons of the raw
// BookingTableModel::SortRole values (amounts as Amount, sizes as integers, ids naturally so
// "B-10" follows "B-9"), never formatted text.
//
// Sorting a million rows on the GUI thread would freeze the window for seconds, so sort() computes
// the order as a permutation — synchronously for small tables, in a worker (QtConcurrent) above
// asyncSortThreshold() — and applies it to the source as its presentation order. The base class's
// own sort stays off, so it never sorts on the GUI thread behind our back after a reset.
class BookingFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit BookingFilterProxy(QObject *parent = nullptr);
    ~BookingFilterProxy() override;

    // The source must be a BookingTableModel.
    void setSourceModel(QAbstractItemModel *model) override;

    void setStatusFilter(const QString &status); // untranslated status; empty for all
    QString statusFilter() const { return m_status; }
    void setTextFilter(const QString &text);     // booking id, scope, cluster or HN id contains
    QString textFilter() const { return m_text; }

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortedColumn() const { return m_sortColumn; }
    Qt::SortOrder sortedOrder() const { return m_sortOrder; }
    bool isSorting() const { return m_watcher.isRunning(); }
    void setAsyncSortThreshold(int rows) { m_asyncThreshold = rows; }
    int asyncSortThreshold() const { return m_asyncThreshold; }

    // The typed order of two SortRole values (same type expected): QString naturally and
    // case-insensitively, integers numerically, Amount exactly.
    static bool lessThanValues(const QVariant &left, const QVariant &right);
    static int naturalCompare(QStringView a, QStringView b);
    // The key whose plain comparison is naturalCompare().
    static QString naturalSortKey(QStringView text);

signals:
    void sortingStarted();
    void sortingFinished();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void refilter();
    void resort();
    void scheduleResort();
    // Pure and thread-safe: runs in the worker on a shared snapshot of the rows.
    static QList<int> computeOrder(const QList<BookingRow> &rows, int column, Qt::SortOrder order);

    BookingTableModel *m_model = nullptr;
    QString m_status;
    QString m_text;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    int m_asyncThreshold = 20'000;
    quint64 m_generation = 0;
    quint64 m_watchedGeneration = 0;
    bool m_resortQueued = false;
    QFutureWatcher<QList<int>> m_watcher;
    QList<QMetaObject::Connection> m_sourceConnections;
};

} // namespace icn::ui
