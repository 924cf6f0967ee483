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
    : QSortFilterProxyModel(parent)
{
    setSortRole(BookingTableModel::SortRole);
    connect(&m_watcher, &QFutureWatcher<QList<int>>::finished, this, [this] {
        const QList<int> order = m_watcher.future().result();
        // A newer request (or a reset of the rows) superseded this result.
        if (m_watchedGeneration == m_generation && m_model && order.size() == m_model->rowCount())
            m_model->setPresentationOrder(order);
        if (!m_watcher.isRunning())
            emit sortingFinished();
    });
}

BookingFilterProxy::~BookingFilterProxy()
{
    // The worker only holds its own copy of the rows, but must not outlive the watcher.
    m_watcher.waitForFinished();
}

void BookingFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    for (const auto &c : std::as_const(m_sourceConnections))
        disconnect(c);
    m_sourceConnections.clear();
    m_model = qobject_cast<BookingTableModel *>(model);
    Q_ASSERT_X(!model || m_model, "BookingFilterProxy", "the source must be a BookingTableModel");
    QSortFilterProxyModel::setSourceModel(model);
    if (!m_model)
        return;
    // New or changed rows may belong elsewhere in the active order.
    // A reset re-sorts at once so a small table never shows unsorted; updates are coalesced.
    m_sourceConnections << connect(m_model, &QAbstractItemModel::modelReset, this, &BookingFilterProxy::resort)
                        << connect(m_model, &QAbstractItemModel::rowsInserted, this, &BookingFilterProxy::scheduleResort)
                        << connect(m_model, &QAbstractItemModel::dataChanged, this, &BookingFilterProxy::scheduleResort);
}

void BookingFilterProxy::setStatusFilter(const QString &status)
{
    if (status == m_status)
        return;
    m_status = status;
    refilter();
}

void BookingFilterProxy::setTextFilter(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    refilter();
}

void BookingFilterProxy::refilter()
{
    // invalidate(), not invalidateRowsFilter(): the latter removes every run of hidden rows as its
    // own rowsRemoved, quadratic for a million scattered rows; a layout change rebuilds in one pass.
    invalidate();
}

bool BookingFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !m_model)
        return false;
    if (m_status.isEmpty() && m_text.isEmpty())
        return true;
    // Typed access to the row: a million QVariant round trips per keystroke would stall typing.
    const BookingRow &b = m_model->bookingAt(sourceRow);
    if (!m_status.isEmpty() && b.status != m_status)
        return false;
    if (m_text.isEmpty())
        return true;
    const auto has = [this](const QString &s) { return s.contains(m_text, Qt::CaseInsensitive); };
    return has(b.id) || has(b.scopeId) || has(b.clusterId) || std::any_of(b.nodeIds.cbegin(), b.nodeIds.cend(), has);
}

void BookingFilterProxy::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column >= 0 && column < BookingTableModel::ColumnCount ? column : -1;
    m_sortOrder = order;
    resort();
}

void BookingFilterProxy::scheduleResort()
{
    if (m_sortColumn < 0 || m_resortQueued)
        return;
    m_resortQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_resortQueued = false;
        resort();
    });
}

void BookingFilterProxy::resort()
{
    ++m_generation;
    if (!m_model)
        return;
    if (m_sortColumn < 0) {
        m_model->setPresentationOrder({});
        return;
    }
    const QList<BookingRow> rows = m_model->rowsInServiceOrder();
    if (rows.size() < m_asyncThreshold) {
        m_model->setPresentationOrder(computeOrder(rows, m_sortColumn, m_sortOrder));
        return;
    }
    const bool wasRunning = m_watcher.isRunning();
    m_watchedGeneration = m_generation;
    m_watcher.setFuture(QtConcurrent::run(&BookingFilterProxy::computeOrder, rows, m_sortColumn, m_sortOrder));
    if (!wasRunning)
        emit sortingStarted();
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

QList<int> BookingFilterProxy::computeOrder(const QList<BookingRow> &rows, int column, Qt::SortOrder order)
{
    QList<int> indexes(rows.size());
    std::iota(indexes.begin(), indexes.end(), 0);
    if (rows.isEmpty())
        return indexes;
    // The keys are the SortRole values; unpacking each QVariant once keeps the ~20 million
    // comparisons of a million-row sort on plain integers and strings.
    const QMetaType type = BookingTableModel::sortValue(rows.constFirst(), column).metaType();
    if (type == QMetaType::fromType<Amount>()) {
        std::vector<Int128> keys;
        keys.reserve(size_t(rows.size()));
        for (const BookingRow &row : rows)
            keys.push_back(BookingTableModel::sortValue(row, column).value<Amount>().baseUnits());
        sortIndexes(indexes, keys, order, std::less<Int128>());
    } else if (type == QMetaType::fromType<qint64>()) {
        std::vector<qint64> keys;
        keys.reserve(size_t(rows.size()));
        for (const BookingRow &row : rows)
            keys.push_back(BookingTableModel::sortValue(row, column).toLongLong());
        sortIndexes(indexes, keys, order, std::less<qint64>());
    } else if (type == QMetaType::fromType<QString>()) {
        std::vector<QString> keys;
        keys.reserve(size_t(rows.size()));
        for (const BookingRow &row : rows)
            keys.push_back(naturalSortKey(BookingTableModel::sortValue(row, column).toString()));
        sortIndexes(indexes, keys, order, std::less<QString>());
    } else {
        QList<QVariant> keys;
        keys.reserve(rows.size());
        for (const BookingRow &row : rows)
            keys.append(BookingTableModel::sortValue(row, column));
        std::vector<QVariant> typed(keys.cbegin(), keys.cend());
        sortIndexes(indexes, typed, order, &BookingFilterProxy::lessThanValues);
    }
    return indexes;
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
