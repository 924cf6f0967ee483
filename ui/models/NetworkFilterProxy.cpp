#include "NetworkFilterProxy.h"

#include "NetworkTreeModel.h"

#include "Amount.h"

namespace icn::ui {

NetworkFilterProxy::NetworkFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    // Other sources: the proxy's own recursion keeps ancestors and descendants of matches.
    setRecursiveFilteringEnabled(true);
    setAutoAcceptChildRows(true);
}

void NetworkFilterProxy::setSourceModel(QAbstractItemModel *source)
{
    m_tree = qobject_cast<NetworkTreeModel *>(source);
    m_acceptedValid = false;
    // Over the tree model the precomputed bits already include ancestors and descendants.
    setRecursiveFilteringEnabled(m_tree == nullptr);
    setAutoAcceptChildRows(m_tree == nullptr);
    QSortFilterProxyModel::setSourceModel(source);
}

void NetworkFilterProxy::setFilterText(const QString &text)
{
    m_text = text.trimmed();
    m_acceptedValid = false;
    invalidateFilter();
}

bool NetworkFilterProxy::selfMatches(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, NetworkTreeModel::NameColumn, sourceParent);
    return i.data(Qt::DisplayRole).toString().contains(m_text, Qt::CaseInsensitive)
        || i.data(NetworkTreeModel::IdRole).toString().contains(m_text, Qt::CaseInsensitive);
}

void NetworkFilterProxy::computeAccepted() const
{
    const qsizetype count = m_tree->nodes().size();
    QBitArray self(count), below(count);
    m_accepted = QBitArray(count);
    for (int i = 0; i < count; ++i)
        if (m_tree->matches(i, m_text))
            self.setBit(i);
    for (int i = 0; i < count; ++i) {
        if (!self.testBit(i))
            continue;
        // Ancestors of a match stay visible; stop where an earlier match already marked them.
        for (int p = m_tree->parentItem(i); p >= 0 && !below.testBit(p); p = m_tree->parentItem(p))
            below.setBit(p);
    }
    for (int i = 0; i < count; ++i) {
        bool shown = self.testBit(i) || below.testBit(i);
        // Descendants of a match stay visible too (the tree is a few levels deep).
        for (int p = m_tree->parentItem(i); !shown && p >= 0; p = m_tree->parentItem(p))
            shown = self.testBit(p);
        m_accepted.setBit(i, shown);
    }
    m_acceptedGeneration = m_tree->generation();
    m_acceptedValid = true;
}

bool NetworkFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_text.isEmpty())
        return true;
    if (!m_tree)
        return selfMatches(sourceRow, sourceParent);
    if (!m_acceptedValid || m_acceptedGeneration != m_tree->generation())
        computeAccepted();
    const int item = m_tree->itemOf(m_tree->index(sourceRow, NetworkTreeModel::NameColumn, sourceParent));
    return item >= 0 && item < m_accepted.size() && m_accepted.testBit(item);
}

bool NetworkFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    switch (left.column()) {
    case NetworkTreeModel::PriceColumn: {
        const QVariant l = left.data(NetworkTreeModel::ListedPriceRole), r = right.data(NetworkTreeModel::ListedPriceRole);
        if (!l.isValid() || !r.isValid())
            return l.isValid() && !r.isValid();
        const auto la = Amount::fromStorage(l.toString()), ra = Amount::fromStorage(r.toString());
        return la.ok() && ra.ok() && *la < *ra;
    }
    case NetworkTreeModel::FreeColumn:
        return left.data(NetworkTreeModel::FreeTbRole).toLongLong() < right.data(NetworkTreeModel::FreeTbRole).toLongLong();
    case NetworkTreeModel::CapacityColumn:
        return left.data(NetworkTreeModel::CapacityTbRole).toLongLong() < right.data(NetworkTreeModel::CapacityTbRole).toLongLong();
    case NetworkTreeModel::UtilisationColumn:
        return left.data(NetworkTreeModel::UtilisationPpmRole).toLongLong()
            < right.data(NetworkTreeModel::UtilisationPpmRole).toLongLong();
    case NetworkTreeModel::ReliabilityColumn:
        return left.data(NetworkTreeModel::ReliabilityPpmRole).toLongLong()
            < right.data(NetworkTreeModel::ReliabilityPpmRole).toLongLong();
    default:
        return QString::localeAwareCompare(left.data().toString(), right.data().toString()) < 0;
    }
}

} // namespace icn::ui
