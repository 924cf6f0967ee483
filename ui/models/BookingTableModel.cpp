#include "BookingTableModel.h"

#include "StatusText.h"

#include <QLocale>
#include <QTimer>

namespace icn::ui {

namespace {

bool sameBooking(const BookingRow &a, const BookingRow &b)
{
    return a.id == b.id && a.status == b.status && a.sp == b.sp && a.scopeId == b.scopeId
        && a.clusterId == b.clusterId && a.nodeIds == b.nodeIds && a.sizeTb == b.sizeTb && a.range == b.range
        && a.total == b.total && a.escrowLeft == b.escrowLeft && a.withheld == b.withheld;
}

qint64 statusRank(const QString &status)
{
    // Lifecycle order, not alphabetical.
    if (status == QLatin1String("Pending"))
        return 0;
    if (status == QLatin1String("Active"))
        return 1;
    if (status == QLatin1String("Ended"))
        return 2;
    return 3;
}

} // namespace

BookingTableModel::BookingTableModel(MarketService *service, QObject *parent)
    : QAbstractTableModel(parent)
    , m_service(service)
{
    if (service)
        connect(service, &MarketService::stateChanged, this, &BookingTableModel::scheduleRefresh);
}

void BookingTableModel::setAccount(const Address &sp)
{
    if (sp == m_sp) {
        refresh();
        return;
    }
    m_sp = sp;
    beginResetModel();
    m_rows = fetch();
    m_order.clear();
    endResetModel();
}

QList<BookingRow> BookingTableModel::fetch() const
{
    if (!m_service || m_sp.isNull())
        return {};
    return m_service->bookings(m_sp);
}

void BookingTableModel::scheduleRefresh()
{
    // A burst of transactions (a simulator run) costs one re-read.
    if (m_refreshQueued)
        return;
    m_refreshQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_refreshQueued = false;
        refresh();
    });
}

void BookingTableModel::refresh()
{
    QList<BookingRow> fresh = fetch();
    const qsizetype oldSize = m_rows.size();
    if (fresh.size() == oldSize && (oldSize == 0 || fresh.constData() == m_rows.constData()))
        return; // the same shared list: nothing changed

    bool samePrefix = fresh.size() >= oldSize;
    for (qsizetype i = 0; samePrefix && i < oldSize; ++i)
        samePrefix = fresh.at(i).id == m_rows.at(i).id;
    if (!samePrefix) {
        beginResetModel();
        m_rows = std::move(fresh);
        m_order.clear();
        endResetModel();
        return;
    }

    QList<int> changed;
    for (qsizetype i = 0; i < oldSize; ++i) {
        if (!sameBooking(fresh.at(i), m_rows.at(i)))
            changed.append(int(i));
    }
    if (fresh.size() > oldSize) {
        // New bookings go to the end; the proxy re-sorts if a sort is active.
        beginInsertRows({}, int(oldSize), int(fresh.size() - 1));
        m_rows = std::move(fresh);
        if (!m_order.isEmpty()) {
            for (qsizetype i = oldSize; i < m_rows.size(); ++i)
                m_order.append(int(i));
        }
        endInsertRows();
    } else {
        m_rows = std::move(fresh);
    }
    if (changed.isEmpty())
        return;
    if (changed.size() > 256) {
        emit dataChanged(index(0, 0), index(int(oldSize - 1), ColumnCount - 1));
        return;
    }
    QList<int> rowOf; // inverse presentation order, built only when needed
    if (!m_order.isEmpty()) {
        rowOf.resize(m_order.size());
        for (qsizetype r = 0; r < m_order.size(); ++r)
            rowOf[m_order.at(r)] = int(r);
    }
    for (const int i : std::as_const(changed)) {
        const int row = rowOf.isEmpty() ? i : rowOf.at(i);
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

void BookingTableModel::setPresentationOrder(QList<int> order)
{
    Q_ASSERT(order.isEmpty() || order.size() == m_rows.size());
    if ((!order.isEmpty() && order.size() != m_rows.size()) || (order.isEmpty() && m_order.isEmpty()))
        return;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<int> dataIndexes;
    dataIndexes.reserve(before.size());
    for (const QModelIndex &idx : before)
        dataIndexes.append(dataIndex(idx.row()));

    m_order = std::move(order);

    QModelIndexList after;
    after.reserve(before.size());
    if (!before.isEmpty()) {
        QHash<int, int> rowOf;
        for (const int i : std::as_const(dataIndexes))
            rowOf.insert(i, -1);
        for (qsizetype r = 0; r < m_rows.size(); ++r) {
            const auto it = rowOf.find(dataIndex(int(r)));
            if (it != rowOf.end())
                *it = int(r);
        }
        for (qsizetype k = 0; k < before.size(); ++k)
            after.append(index(rowOf.value(dataIndexes.at(k)), before.at(k).column()));
    }
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

int BookingTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BookingTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const BookingRow &BookingTableModel::bookingAt(int row) const
{
    return m_rows.at(dataIndex(row));
}

QVariant BookingTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BookingRow &b = bookingAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(b, index.column());
    case Qt::ToolTipRole:
        if (index.column() == NodesColumn)
            return b.nodeIds.join(QLatin1Char('\n'));
        if (index.column() == ScopeColumn)
            return tr("Scope %1, served by cluster %2").arg(b.scopeId, b.clusterId);
        if (index.column() == IdColumn)
            return tr("Booked by %1").arg(b.sp.toChecksummed());
        if (index.column() == TotalColumn || index.column() == EscrowLeftColumn || index.column() == WithheldColumn)
            return displayValue(b, index.column()); // every digit, when the column is too narrow
        return {};
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case SizeColumn:
        case TotalColumn:
        case EscrowLeftColumn:
        case WithheldColumn:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        }
    case IdRole:
        return b.id;
    case StatusRole:
        return b.status;
    case SpRole:
        return b.sp.toChecksummed();
    case ScopeRole:
        return b.scopeId;
    case ClusterRole:
        return b.clusterId;
    case NodeIdsRole:
        return b.nodeIds;
    case SizeTbRole:
        return b.sizeTb;
    case FirstMonthRole:
        return b.range.first.index();
    case LastMonthRole:
        return b.range.last().index();
    case MonthCountRole:
        return b.range.months;
    case TotalRole:
        return QVariant::fromValue(b.total);
    case EscrowLeftRole:
        return QVariant::fromValue(b.escrowLeft);
    case WithheldRole:
        return QVariant::fromValue(b.withheld);
    case SortRole:
        return sortValue(b, index.column());
    default:
        return {};
    }
}

QVariant BookingTableModel::displayValue(const BookingRow &b, int column) const
{
    const QLocale locale;
    switch (column) {
    case IdColumn:
        return b.id;
    case StatusColumn:
        return statusText(b.status);
    case ScopeColumn:
        return b.scopeId == b.clusterId || b.clusterId.isEmpty() ? b.scopeId
                                                                 : tr("%1 → %2").arg(b.scopeId, b.clusterId);
    case NodesColumn:
        return nodesText(b.nodeIds);
    case SizeColumn:
        return tr("%1 TB").arg(locale.toString(b.sizeTb));
    case MonthsColumn:
        return monthsText(b.range);
    case TotalColumn:
        return b.total.toDisplayString(locale);
    case EscrowLeftColumn:
        return b.escrowLeft.toDisplayString(locale);
    case WithheldColumn:
        return b.withheld.toDisplayString(locale);
    default:
        return {};
    }
}

QVariant BookingTableModel::sortValue(const BookingRow &b, int column)
{
    switch (column) {
    case IdColumn:
        return b.id;
    case StatusColumn:
        return statusRank(b.status);
    case ScopeColumn:
        return b.scopeId;
    case NodesColumn:
        return b.nodeIds.join(QLatin1Char(' '));
    case SizeColumn:
        return b.sizeTb;
    case MonthsColumn:
        // Start month first, then duration.
        return (qint64(b.range.first.index()) << 32) | quint32(b.range.months);
    case TotalColumn:
        return QVariant::fromValue(b.total);
    case EscrowLeftColumn:
        return QVariant::fromValue(b.escrowLeft);
    case WithheldColumn:
        return QVariant::fromValue(b.withheld);
    default:
        return {};
    }
}

QVariant BookingTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole) {
        const bool number = section == SizeColumn || section == TotalColumn || section == EscrowLeftColumn
                         || section == WithheldColumn;
        return QVariant::fromValue((number ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    }
    if (role == Qt::InitialSortOrderRole)
        return int(Qt::AscendingOrder); // a new column always starts ascending, whatever was sorted before
    if (role == Qt::ToolTipRole && section == WithheldColumn)
        return tr("Compensation withheld from the serving HNs that you can claim");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn: return tr("Booking");
    case StatusColumn: return tr("Status");
    case ScopeColumn: return tr("Scope");
    case NodesColumn: return tr("Serving HNs");
    case SizeColumn: return tr("Size");
    case MonthsColumn: return tr("Months");
    case TotalColumn: return tr("Total");
    case EscrowLeftColumn: return tr("Escrow left");
    case WithheldColumn: return tr("Withheld");
    default: return {};
    }
}

QHash<int, QByteArray> BookingTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "bookingId");
    names.insert(StatusRole, "status");
    names.insert(SpRole, "sp");
    names.insert(ScopeRole, "scope");
    names.insert(ClusterRole, "cluster");
    names.insert(NodeIdsRole, "nodeIds");
    names.insert(SizeTbRole, "sizeTb");
    names.insert(FirstMonthRole, "firstMonth");
    names.insert(LastMonthRole, "lastMonth");
    names.insert(MonthCountRole, "monthCount");
    names.insert(TotalRole, "total");
    names.insert(EscrowLeftRole, "escrowLeft");
    names.insert(WithheldRole, "withheld");
    names.insert(SortRole, "sortValue");
    return names;
}

QString BookingTableModel::statusText(const QString &status)
{
    return StatusText::booking(status);
}

QString BookingTableModel::monthsText(const MonthRange &range)
{
    if (range.months <= 0)
        return QString();
    if (range.months == 1)
        return range.first.toString();
    return tr("%1 – %2 (%n months)", nullptr, range.months).arg(range.first.toString(), range.last().toString());
}

QString BookingTableModel::nodesText(const QStringList &nodeIds)
{
    // Long lists would push every other column off screen; the tooltip has them all.
    constexpr int shown = 3;
    if (nodeIds.size() <= shown)
        return nodeIds.join(QLatin1String(", "));
    return tr("%1 (+%2)").arg(nodeIds.mid(0, shown).join(QLatin1String(", "))).arg(nodeIds.size() - shown);
}

QStringList BookingTableModel::csvHeader()
{
    return {QStringLiteral("id"), QStringLiteral("status"), QStringLiteral("sp"), QStringLiteral("scope"),
            QStringLiteral("cluster"), QStringLiteral("nodes"), QStringLiteral("size_tb"),
            QStringLiteral("first_month"), QStringLiteral("last_month"), QStringLiteral("months"),
            QStringLiteral("total_icnt"), QStringLiteral("escrow_left_icnt"), QStringLiteral("withheld_icnt")};
}

QStringList BookingTableModel::csvRecord(const BookingRow &b)
{
    return {b.id,
            b.status,
            b.sp.isNull() ? QString() : b.sp.toChecksummed(),
            b.scopeId,
            b.clusterId,
            b.nodeIds.join(QLatin1Char(' ')),
            QString::number(b.sizeTb),
            b.range.first.toString(),
            b.range.last().toString(),
            QString::number(b.range.months),
            b.total.toString(),
            b.escrowLeft.toString(),
            b.withheld.toString()};
}

} // namespace icn::ui
