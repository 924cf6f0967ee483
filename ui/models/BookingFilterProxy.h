#pragma once

#include "service/MarketService.h"

#include <QAbstractProxyModel>
#include <QFutureWatcher>

#include <atomic>
#include <memory>
#include <optional>

namespace icn::ui {

class BookingTableModel;

// Filters bookings by status and free text, and sorts them with typed comparisons of the raw
// BookingTableModel::SortRole values (amounts as Amount, sizes as integers, ids naturally so
// "B-10" follows "B-9"), never formatted text.
//
// The proxy is a row-index permutation over the source: viewRows[proxyRow] = sourceRow, with its
// inverse. Filter and sort are computed together, as one pure function of a shared snapshot of the
// rows — synchronously for small tables, in a worker (QtConcurrent) at or above
// asyncThreshold() rows. A finished result is swapped in on the GUI thread as a vector move plus a
// layout change that remaps only the persistent indexes, so the GUI thread never walks a million
// rows. Every request bumps a generation; a newer request cancels the running computation (it
// checks the generation as it goes) and results of stale generations are dropped.
class BookingFilterProxy : public QAbstractProxyModel
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
    bool isFiltered() const { return !m_status.isEmpty() || !m_text.isEmpty(); }

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortedColumn() const { return m_sortColumn; }
    Qt::SortOrder sortedOrder() const { return m_sortOrder; }
    // Whether a worker is computing the shown rows (filter and/or sort).
    bool isSorting() const { return m_busy; }
    void setAsyncSortThreshold(int rows) { m_asyncThreshold = rows; }
    int asyncSortThreshold() const { return m_asyncThreshold; }

    // The typed order of two SortRole values (same type expected): QString naturally and
    // case-insensitively, integers numerically, Amount exactly.
    static bool lessThanValues(const QVariant &left, const QVariant &right);
    static int naturalCompare(QStringView a, QStringView b);
    // The key whose plain comparison is naturalCompare().
    static QString naturalSortKey(QStringView text);

    // What a view request asks for; the result of computeView().
    struct Request
    {
        QString status;
        QString text;
        int column = -1;
        Qt::SortOrder order = Qt::AscendingOrder;
    };
    struct View
    {
        bool identity = true;     // every row in source order; the vectors are empty then
        bool cancelled = false;
        int sourceRows = 0;
        QList<int> proxyToSource; // shown rows, in order
        QList<int> sourceToProxy; // −1 for hidden rows
    };
    // Pure and thread-safe; stops early (cancelled) once *generation differs from `mine`.
    static View computeView(const QList<BookingRow> &rows, const Request &request,
                            const std::atomic<quint64> *generation = nullptr, quint64 mine = 0);

    // The source rows shown, in order (shared, O(1)); nullopt when every row shows in source order.
    std::optional<QList<int>> shownSourceRows() const
    {
        return m_view.identity ? std::nullopt : std::optional<QList<int>>(m_view.proxyToSource);
    }

    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &idx) const override;

signals:
    void sortingStarted();
    void sortingFinished();

private:
    void recompute();
    void scheduleRecompute();
    void applyView(View view, bool asReset);
    int sourceRowOf(int proxyRow) const { return m_view.identity ? proxyRow : m_view.proxyToSource.at(proxyRow); }
    int proxyRowOf(int sourceRow) const;
    void setBusy(bool busy);

    void onSourceAboutToBeReset();
    void onSourceReset();
    void onSourceRowsAboutToBeInserted(const QModelIndex &parent, int first, int last);
    void onSourceRowsInserted(const QModelIndex &parent, int first, int last);
    void onSourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);
    void onSourceLayoutChanged();

    BookingTableModel *m_model = nullptr;
    QString m_status;
    QString m_text;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    int m_asyncThreshold = 20'000;
    View m_view;
    bool m_busy = false;
    bool m_recomputeQueued = false;
    bool m_insertingIdentity = false;
    std::shared_ptr<std::atomic<quint64>> m_generation = std::make_shared<std::atomic<quint64>>(0);
    quint64 m_watchedGeneration = 0;
    QFutureWatcher<View> m_watcher;
    QList<QMetaObject::Connection> m_sourceConnections;
};

} // namespace icn::ui
