#include "NetworkTreeModel.h"

#include "StatusText.h"

#include <QColor>
#include <QGuiApplication>
#include <QPalette>

namespace icn::ui {

NetworkTreeModel::NetworkTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

qint64 NetworkTreeModel::utilisationPpm(const ScopeNode &node)
{
    if (node.capacityTb <= 0)
        return 0;
    const qint64 booked = std::max<qint64>(0, node.capacityTb - node.freeTb);
    return booked * 1'000'000 / node.capacityTb;
}

namespace {

// Whether a refresh changed anything shown or held in a role of the item (its place is compared
// separately).
bool sameValues(const ScopeNode &a, const ScopeNode &b)
{
    return a.kind == b.kind && a.capacityTb == b.capacityTb && a.freeTb == b.freeTb && a.listedPrice == b.listedPrice
        && a.maxClusterPrice == b.maxClusterPrice && a.reservationPrice == b.reservationPrice
        && a.reliabilityPpm == b.reliabilityPpm && a.name == b.name && a.status == b.status
        && a.providerLabel == b.providerLabel;
}

} // namespace

void NetworkTreeModel::setNodes(const QList<ScopeNode> &nodes)
{
    ++m_generation;
    bool sameShape = nodes.size() == m_nodes.size();
    for (int i = 0; sameShape && i < nodes.size(); ++i)
        sameShape = nodes[i].id == m_nodes[i].id && nodes[i].parentId == m_nodes[i].parentId;
    if (sameShape) {
        // Incremental: after a booking only one cluster, its HNs, zone and region differ. Signals
        // go out for the items that changed, one per run of adjacent changed siblings; every
        // signal costs the sorted proxy and the view a walk, so a refresh that changes little
        // costs little (100k HNs: a booking's refresh went from ~100 ms to a few).
        QList<int> changed;
        for (int i = 0; i < nodes.size(); ++i) {
            if (!sameValues(nodes[i], m_nodes[i]))
                changed.append(i);
        }
        m_nodes = nodes;
        if (changed.isEmpty())
            return;
        const auto changedRun = [this](int first, int last) {
            emit dataChanged(createIndex(m_row[first], 0, quintptr(first)), createIndex(m_row[last], ColumnCount - 1, quintptr(last)));
        };
        if (changed.size() <= kMaxItemSignals) {
            int runFirst = changed.constFirst();
            int runLast = runFirst;
            for (qsizetype k = 1; k < changed.size(); ++k) {
                const int item = changed.at(k);
                // Adjacent siblings: same parent, next row (items of a parent are stored in row order).
                if (m_parent[item] == m_parent[runLast] && m_row[item] == m_row[runLast] + 1) {
                    runLast = item;
                    continue;
                }
                changedRun(runFirst, runLast);
                runFirst = runLast = item;
            }
            changedRun(runFirst, runLast);
            return;
        }
        // Most of the tree changed (a new month range): one signal per sibling run, not per item.
        const auto siblingsChanged = [this](const QList<int> &siblings) {
            if (siblings.isEmpty())
                return;
            emit dataChanged(createIndex(0, 0, quintptr(siblings.first())),
                             createIndex(int(siblings.size()) - 1, ColumnCount - 1, quintptr(siblings.last())));
        };
        siblingsChanged(m_roots);
        for (const QList<int> &children : std::as_const(m_children))
            siblingsChanged(children);
        return;
    }
    beginResetModel();
    m_nodes = nodes;
    rebuildLinks();
    endResetModel();
}

bool NetworkTreeModel::matches(int item, const QString &text) const
{
    // The same case-insensitive test as on the displayed text, without building that text for
    // clusters and HNs (their name column is the bare name): no allocation per row.
    const ScopeNode &n = m_nodes[item];
    const bool bareName = n.kind == ScopeKind::Cluster || n.kind == ScopeKind::Node;
    const bool nameMatches = bareName ? QStringView(n.name).contains(text, Qt::CaseInsensitive)
                                      : displayText(n, NameColumn).contains(text, Qt::CaseInsensitive);
    return nameMatches || (n.id != n.name && QStringView(n.id).contains(text, Qt::CaseInsensitive));
}

void NetworkTreeModel::rebuildLinks()
{
    m_byId.clear();
    m_roots.clear();
    m_parent = QList<int>(m_nodes.size(), -1);
    m_row = QList<int>(m_nodes.size(), 0);
    m_children = QList<QList<int>>(m_nodes.size());
    for (int i = 0; i < m_nodes.size(); ++i)
        m_byId.insert(m_nodes[i].id, i);
    for (int i = 0; i < m_nodes.size(); ++i) {
        const int p = m_nodes[i].parentId.isEmpty() ? -1 : m_byId.value(m_nodes[i].parentId, -1);
        m_parent[i] = p;
        QList<int> &siblings = p < 0 ? m_roots : m_children[p];
        m_row[i] = int(siblings.size());
        siblings.append(i);
    }
}

const ScopeNode *NetworkTreeModel::nodeAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    return &m_nodes[int(index.internalId())];
}

QModelIndex NetworkTreeModel::indexOfId(const QString &id, int column) const
{
    const int i = m_byId.value(id, -1);
    return i < 0 ? QModelIndex() : createIndex(m_row[i], column, quintptr(i));
}

QModelIndex NetworkTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    const QList<int> &list = parent.isValid() ? m_children[int(parent.internalId())] : m_roots;
    if (row >= list.size())
        return {};
    return createIndex(row, column, quintptr(list[row]));
}

QModelIndex NetworkTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int p = m_parent[int(child.internalId())];
    return p < 0 ? QModelIndex() : createIndex(m_row[p], 0, quintptr(p));
}

int NetworkTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_roots.size());
    if (parent.column() != 0)
        return 0;
    return int(m_children[int(parent.internalId())].size());
}

int NetworkTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QString NetworkTreeModel::displayText(const ScopeNode &n, int column) const
{
    switch (column) {
    case NameColumn:
        return n.kind == ScopeKind::Zone || n.kind == ScopeKind::Region ? QStringLiteral("%1 (%2)").arg(n.name, n.id) : n.name;
    case FreeColumn:
        return tr("%1 TB").arg(m_locale.toString(n.freeTb));
    case CapacityColumn:
        return tr("%1 TB").arg(m_locale.toString(n.capacityTb));
    case UtilisationColumn:
        return tr("%1 %").arg(m_locale.toString(double(utilisationPpm(n)) / 10'000.0, 'f', 1));
    case PriceColumn:
        return n.listedPrice ? n.listedPrice->toDisplayString(m_locale) : tr("none free");
    case ReliabilityColumn:
        return tr("%1 %").arg(m_locale.toString(double(n.reliabilityPpm) / 10'000.0, 'f', 1));
    case StatusColumn:
        return n.kind == ScopeKind::Node ? StatusText::node(n.status) : QString();
    }
    return {};
}

QVariant NetworkTreeModel::data(const QModelIndex &index, int role) const
{
    const ScopeNode *n = nodeAt(index);
    if (!n)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return displayText(*n, index.column());
    case Qt::ToolTipRole:
        if (n->kind == ScopeKind::Node)
            return tr("%1, hardware provider %2. Service providers cannot pick a node: booking it books cluster %3.")
                .arg(n->id, n->providerLabel, n->parentId);
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == NameColumn || index.column() == StatusColumn
            ? QVariant(int(Qt::AlignLeft | Qt::AlignVCenter))
            : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn && n->kind == ScopeKind::Node && n->status != QLatin1String("Active"))
            return QColor(0xc2, 0x41, 0x0c);
        if (index.column() == PriceColumn && !n->listedPrice)
            return QGuiApplication::palette().color(QPalette::PlaceholderText);
        return {};
    case IdRole: return n->id;
    case KindRole: return int(n->kind);
    case ParentIdRole: return n->parentId;
    case CapacityTbRole: return qlonglong(n->capacityTb);
    case FreeTbRole: return qlonglong(n->freeTb);
    case UtilisationPpmRole: return qlonglong(utilisationPpm(*n));
    case ListedPriceRole: return n->listedPrice ? QVariant(n->listedPrice->toStorage()) : QVariant();
    case ReliabilityPpmRole: return qlonglong(n->reliabilityPpm);
    case StatusRole: return n->status;
    case MaxClusterPriceRole: return n->maxClusterPrice.toStorage();
    }
    return {};
}

QVariant NetworkTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && section == PriceColumn)
        return tr("The best ask over free, eligible capacity, in ICNT per TB-month");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Scope");
    case FreeColumn: return tr("Free");
    case CapacityColumn: return tr("Capacity");
    case UtilisationColumn: return tr("Booked");
    case PriceColumn: return tr("Listed price");
    case ReliabilityColumn: return tr("Reliability");
    case StatusColumn: return tr("Status");
    }
    return {};
}

QHash<int, QByteArray> NetworkTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(IdRole, "scopeId");
    names.insert(KindRole, "kind");
    names.insert(FreeTbRole, "freeTb");
    names.insert(ListedPriceRole, "listedPrice");
    return names;
}

} // namespace icn::ui
