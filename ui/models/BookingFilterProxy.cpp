#include "BookingFilterProxy.h"

#include "BookingTableModel.h"

#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <functional>
#include <numeric>
#include <vector>

namespace icn::ui {

BookingFilterProxy::BookingFilterProxy(QObject *parent)
    : QAbstractProxyModel(parent)
{
    connect(&m_watcher, &QFutureWatcher<View>::finished, this, [this] {
        if (m_watcher.future().resultCount() == 0) {
            setBusy(false);
            return;
        }
        // A copy (the vectors are shared): takeResult() would leave the watcher's future unwaitable.
        View view = m_watcher.future().result();
        // A newer request, or rows that changed meanwhile, superseded this result.
        const bool current = m_watchedGeneration == m_generation->load() && !view.cancelled && m_model
                          && view.sourceRows == m_model->rowCount();
        if (current)
            applyView(std::move(view), false);
        else if (m_model && m_watchedGeneration == m_generation->load())
            scheduleRecompute(); // the rows changed under the worker: once more over the new ones
        if (!m_watcher.isRunning() && !m_recomputeQueued)
            setBusy(false);
    });
}

BookingFilterProxy::~BookingFilterProxy()
{
    // Stop a running computation early; it holds its own copy of the rows and of the generation.
    ++*m_generation;
    m_watcher.waitForFinished();
}

void BookingFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    beginResetModel();
    for (const auto &c : std::as_const(m_sourceConnections))
        disconnect(c);
    m_sourceConnections.clear();
    m_model = qobject_cast<BookingTableModel *>(model);
    Q_ASSERT_X(!model || m_model, "BookingFilterProxy", "the source must be a BookingTableModel");
    QAbstractProxyModel::setSourceModel(model);
    ++*m_generation;
    m_view = View{};
    if (m_model) {
        using M = QAbstractItemModel;
        m_sourceConnections
            << connect(m_model, &M::modelAboutToBeReset, this, &BookingFilterProxy::onSourceAboutToBeReset)
            << connect(m_model, &M::modelReset, this, &BookingFilterProxy::onSourceReset)
            << connect(m_model, &M::rowsAboutToBeInserted, this, &BookingFilterProxy::onSourceRowsAboutToBeInserted)
            << connect(m_model, &M::rowsInserted, this, &BookingFilterProxy::onSourceRowsInserted)
            << connect(m_model, &M::dataChanged, this, &BookingFilterProxy::onSourceDataChanged)
            // A presentation order set on the source directly (not by this proxy) renumbers its rows.
            << connect(m_model, &M::layoutAboutToBeChanged, this, &BookingFilterProxy::onSourceAboutToBeReset)
            << connect(m_model, &M::layoutChanged, this, &BookingFilterProxy::onSourceLayoutChanged);
    }
    endResetModel();
    if (m_model && (isFiltered() || m_sortColumn >= 0))
        recompute();
}

void BookingFilterProxy::setStatusFilter(const QString &status)
{
    if (status == m_status)
        return;
    m_status = status;
    recompute();
}

void BookingFilterProxy::setTextFilter(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    recompute();
}

void BookingFilterProxy::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column >= 0 && column < BookingTableModel::ColumnCount ? column : -1;
    m_sortOrder = order;
    recompute();
}

void BookingFilterProxy::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    if (busy)
        emit sortingStarted();
    else
        emit sortingFinished();
}

void BookingFilterProxy::scheduleRecompute()
{
    if (m_recomputeQueued)
        return;
    m_recomputeQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_recomputeQueued = false;
        recompute();
        if (!m_watcher.isRunning())
            setBusy(false);
    });
}

void BookingFilterProxy::recompute()
{
    const quint64 mine = ++*m_generation;
    if (!m_model)
        return;
    const Request request{m_status, m_text, m_sortColumn, m_sortOrder};
    const QList<BookingRow> rows = m_model->rowsInServiceOrder();
    if (!isFiltered() && m_sortColumn < 0) {
        // The source's own order: nothing to compute.
        View identity;
        identity.sourceRows = int(rows.size());
        applyView(std::move(identity), false);
        setBusy(false);
        return;
    }
    if (rows.size() < m_asyncThreshold) {
        applyView(computeView(rows, request), false);
        setBusy(false);
        return;
    }
    // The worker keeps the generation alive through its own reference: a replaced future is not
    // waited for, and may outlive this proxy by the moment it takes to notice it was cancelled.
    m_watchedGeneration = mine;
    const std::shared_ptr<std::atomic<quint64>> generation = m_generation;
    m_watcher.setFuture(QtConcurrent::run([rows, request, generation, mine] {
        return computeView(rows, request, generation.get(), mine);
    }));
    setBusy(true);
}

void BookingFilterProxy::applyView(View view, bool asReset)
{
    if (asReset) {
        beginResetModel();
        m_view = std::move(view);
        endResetModel();
        return;
    }
    if (m_view.identity && view.identity && m_view.sourceRows == view.sourceRows)
        return; // nothing to move
    // A layout change, not a reset: selection and current row follow their bookings. Only the
    // persistent indexes are remapped (a handful), never every row.
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<int> sourceRows;
    sourceRows.reserve(before.size());
    for (const QModelIndex &idx : before)
        sourceRows.append(idx.row() < rowCount() ? sourceRowOf(idx.row()) : -1);
    m_view = std::move(view);
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype k = 0; k < before.size(); ++k) {
        const int row = sourceRows.at(k) < 0 ? -1 : proxyRowOf(sourceRows.at(k));
        after.append(row < 0 ? QModelIndex() : index(row, before.at(k).column()));
    }
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

int BookingFilterProxy::proxyRowOf(int sourceRow) const
{
    if (sourceRow < 0)
        return -1;
    if (m_view.identity)
        return m_model && sourceRow < m_model->rowCount() ? sourceRow : -1;
    return sourceRow < m_view.sourceToProxy.size() ? m_view.sourceToProxy.at(sourceRow) : -1;
}

void BookingFilterProxy::onSourceAboutToBeReset()
{
    ++*m_generation;
    beginResetModel();
}

void BookingFilterProxy::onSourceReset()
{
    // Until a worker delivers the new view of a big table: the rows in the service's order when
    // only a sort is pending, nothing when a filter is (never rows the filter would hide).
    const QList<BookingRow> rows = m_model->rowsInServiceOrder();
    const bool async = rows.size() >= m_asyncThreshold && (isFiltered() || m_sortColumn >= 0);
    View placeholder;
    placeholder.sourceRows = int(rows.size());
    if (async && isFiltered()) {
        placeholder.identity = false;
        placeholder.sourceToProxy = QList<int>(rows.size(), -1);
    }
    if (!async && (isFiltered() || m_sortColumn >= 0))
        placeholder = computeView(rows, Request{m_status, m_text, m_sortColumn, m_sortOrder});
    m_view = std::move(placeholder);
    endResetModel();
    if (async)
        recompute();
}

void BookingFilterProxy::onSourceLayoutChanged()
{
    onSourceReset();
}

void BookingFilterProxy::onSourceRowsAboutToBeInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid() || !m_view.identity)
        return;
    m_insertingIdentity = true;
    beginInsertRows({}, first, last);
}

void BookingFilterProxy::onSourceRowsInserted(const QModelIndex &parent, int, int)
{
    if (parent.isValid())
        return;
    if (m_insertingIdentity) {
        m_insertingIdentity = false;
        m_view.sourceRows = m_model->rowCount();
        endInsertRows();
    }
    // New rows (appended by the source) show once the view is computed again; until then the
    // current view stays valid, since the rows it names keep their source positions.
    if (isFiltered() || m_sortColumn >= 0)
        scheduleRecompute();
}

void BookingFilterProxy::onSourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles)
{
    if (!topLeft.isValid() || !bottomRight.isValid())
        return;
    const int firstColumn = topLeft.column();
    const int lastColumn = bottomRight.column();
    if (m_view.identity) {
        emit dataChanged(index(topLeft.row(), firstColumn), index(bottomRight.row(), lastColumn), roles);
    } else if (bottomRight.row() - topLeft.row() < 256) {
        for (int r = topLeft.row(); r <= bottomRight.row(); ++r) {
            const int row = proxyRowOf(r);
            if (row >= 0)
                emit dataChanged(index(row, firstColumn), index(row, lastColumn), roles);
        }
    } else if (rowCount() > 0) {
        emit dataChanged(index(0, firstColumn), index(rowCount() - 1, lastColumn), roles);
    }
    // A changed status or amount may move the row or hide it.
    if (isFiltered() || m_sortColumn >= 0)
        scheduleRecompute();
}

QModelIndex BookingFilterProxy::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!m_model || !proxyIndex.isValid() || proxyIndex.model() != this || proxyIndex.row() >= rowCount())
        return {};
    return m_model->index(sourceRowOf(proxyIndex.row()), proxyIndex.column());
}

QModelIndex BookingFilterProxy::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!m_model || !sourceIndex.isValid() || sourceIndex.model() != m_model)
        return {};
    const int row = proxyRowOf(sourceIndex.row());
    return row < 0 ? QModelIndex() : index(row, sourceIndex.column());
}

QModelIndex BookingFilterProxy::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex BookingFilterProxy::parent(const QModelIndex &) const
{
    return {};
}

int BookingFilterProxy::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_model)
        return 0;
    return m_view.identity ? m_model->rowCount() : int(m_view.proxyToSource.size());
}

int BookingFilterProxy::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_model ? 0 : m_model->columnCount();
}

bool BookingFilterProxy::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && rowCount() > 0;
}

QModelIndex BookingFilterProxy::sibling(int row, int column, const QModelIndex &) const
{
    return index(row, column);
}

namespace {

// Sorts `indexes` by typed keys; stable both ways, like QSortFilterProxyModel, so equal keys keep
// the service's order.
template <typename Key, typename Less>
void sortIndexes(QList<int> &indexes, const std::vector<Key> &keys, Qt::SortOrder order, Less less)
{
    if (order == Qt::AscendingOrder)
        std::stable_sort(indexes.begin(), indexes.end(), [&](int a, int b) { return less(keys[size_t(a)], keys[size_t(b)]); });
    else
        std::stable_sort(indexes.begin(), indexes.end(), [&](int a, int b) { return less(keys[size_t(b)], keys[size_t(a)]); });
}

} // namespace

BookingFilterProxy::View BookingFilterProxy::computeView(const QList<BookingRow> &rows, const Request &request,
                                                        const std::atomic<quint64> *generation, quint64 mine)
{
    View view;
    view.sourceRows = int(rows.size());
    const bool filtered = !request.status.isEmpty() || !request.text.isEmpty();
    if (!filtered && request.column < 0)
        return view;
    const auto stale = [generation, mine] { return generation && generation->load(std::memory_order_relaxed) != mine; };
    view.identity = false;

    // Filter: the rows kept, in the service's order. Typed access, no QVariant per row.
    QList<int> indexes;
    indexes.reserve(rows.size());
    const QString &text = request.text;
    const auto has = [&text](const QString &s) { return s.contains(text, Qt::CaseInsensitive); };
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if ((i & 0xFFF) == 0 && stale()) {
            view.cancelled = true;
            return view;
        }
        const BookingRow &b = rows.at(i);
        if (!request.status.isEmpty() && b.status != request.status)
            continue;
        if (!text.isEmpty() && !(has(b.id) || has(b.scopeId) || has(b.clusterId)
                                 || std::any_of(b.nodeIds.cbegin(), b.nodeIds.cend(), has)))
            continue;
        indexes.append(int(i));
    }

    // Sort the kept rows. The keys are the SortRole values, unpacked once per row, so the ~20
    // million comparisons of a million-row sort run on plain integers and strings.
    const int column = request.column;
    const Qt::SortOrder order = request.order;
    if (column >= 0 && !indexes.isEmpty()) {
        const QMetaType type = BookingTableModel::sortValue(rows.at(indexes.constFirst()), column).metaType();
        // keys[k] belongs to indexes[k]; sorting positions keeps the key vectors small.
        QList<int> positions(indexes.size());
        std::iota(positions.begin(), positions.end(), 0);
        const auto sortBy = [&](auto keyOf, auto less) {
            using Key = decltype(keyOf(rows.at(0)));
            std::vector<Key> keys;
            keys.reserve(size_t(indexes.size()));
            for (const int i : std::as_const(indexes))
                keys.push_back(keyOf(rows.at(i)));
            if (stale())
                return;
            sortIndexes(positions, keys, order, less);
        };
        if (type == QMetaType::fromType<Amount>()) {
            sortBy([column](const BookingRow &r) { return BookingTableModel::sortValue(r, column).value<Amount>().baseUnits(); },
                   std::less<Int128>());
        } else if (type == QMetaType::fromType<qint64>()) {
            sortBy([column](const BookingRow &r) { return BookingTableModel::sortValue(r, column).toLongLong(); },
                   std::less<qint64>());
        } else if (type == QMetaType::fromType<QString>()) {
            sortBy([column](const BookingRow &r) { return naturalSortKey(BookingTableModel::sortValue(r, column).toString()); },
                   std::less<QString>());
        } else {
            sortBy([column](const BookingRow &r) { return BookingTableModel::sortValue(r, column); },
                   &BookingFilterProxy::lessThanValues);
        }
        if (stale()) {
            view.cancelled = true;
            return view;
        }
        QList<int> sorted;
        sorted.reserve(indexes.size());
        for (const int p : std::as_const(positions))
            sorted.append(indexes.at(p));
        indexes = std::move(sorted);
    }

    view.sourceToProxy = QList<int>(rows.size(), -1);
    for (qsizetype r = 0; r < indexes.size(); ++r)
        view.sourceToProxy[indexes.at(r)] = int(r);
    view.proxyToSource = std::move(indexes);
    return view;
}

bool BookingFilterProxy::lessThanValues(const QVariant &left, const QVariant &right)
{
    const QMetaType type = left.metaType();
    if (type != right.metaType())
        return type.id() < right.metaType().id(); // mixed types never happen for one column; stay consistent
    if (type == QMetaType::fromType<Amount>())
        return left.value<Amount>() < right.value<Amount>();
    switch (type.id()) {
    case QMetaType::LongLong:
        return left.toLongLong() < right.toLongLong();
    case QMetaType::ULongLong:
        return left.toULongLong() < right.toULongLong();
    case QMetaType::Int:
        return left.toInt() < right.toInt();
    case QMetaType::QString:
        return naturalCompare(left.toString(), right.toString()) < 0;
    default:
        return false; // invalid or unknown: all equal, the stable sort keeps the order
    }
}

QString BookingFilterProxy::naturalSortKey(QStringView text)
{
    // Case-folded text in which each digit run becomes '0', its length without leading zeros and
    // its significant digits, so that plain comparison of keys orders numbers by value ('0' keeps
    // a run's place among other characters, as any digit would). The original text follows a NUL
    // as the tie-break, which keeps the order total ("BK-01" vs "BK-1").
    QString key;
    key.reserve(text.size() * 2 + 2);
    for (qsizetype i = 0; i < text.size();) {
        if (!text.at(i).isDigit()) {
            key += text.at(i).toCaseFolded();
            ++i;
            continue;
        }
        while (i < text.size() && text.at(i) == QLatin1Char('0'))
            ++i;
        qsizetype end = i;
        while (end < text.size() && text.at(end).isDigit())
            ++end;
        key += QLatin1Char('0');
        key += QChar(char16_t(std::min<qsizetype>(end - i, 0xFFFF)));
        key += text.mid(i, end - i);
        i = end;
    }
    key += QChar(char16_t(0));
    key += text;
    return key;
}

int BookingFilterProxy::naturalCompare(QStringView a, QStringView b)
{
    const int c = naturalSortKey(a).compare(naturalSortKey(b));
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

} // namespace icn::ui
