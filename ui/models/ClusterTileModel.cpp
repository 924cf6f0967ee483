#include "ClusterTileModel.h"

#include "NetworkTreeModel.h"

namespace icn::ui {

ClusterTileModel::ClusterTileModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void ClusterTileModel::setNodes(const QList<ScopeNode> &nodes)
{
    QHash<QString, QString> zoneNames;
    std::optional<Amount> low, high;
    QList<Tile> tiles;
    for (const ScopeNode &n : nodes) {
        if (n.kind == ScopeKind::Zone)
            zoneNames.insert(n.id, n.name);
        if (n.kind != ScopeKind::Cluster)
            continue;
        tiles.append({n, zoneNames.value(n.parentId), std::nullopt});
        if (n.listedPrice) {
            low = !low || *n.listedPrice < *low ? n.listedPrice : low;
            high = !high || *n.listedPrice > *high ? n.listedPrice : high;
        }
    }
    // Position of each listed price between the cheapest and dearest, in exact integer ppm.
    for (Tile &t : tiles) {
        if (!t.cluster.listedPrice)
            continue;
        const Int128 span = high->baseUnits() - low->baseUnits();
        t.pricePositionPpm = span == 0 ? 0
            : qint64((t.cluster.listedPrice->baseUnits() - low->baseUnits()) * Amount::kPpm / span);
    }
    bool sameIds = tiles.size() == m_tiles.size();
    for (int i = 0; sameIds && i < tiles.size(); ++i)
        sameIds = tiles[i].cluster.id == m_tiles[i].cluster.id;
    if (sameIds) {
        m_tiles = tiles;
        if (!m_tiles.isEmpty())
            emit dataChanged(index(0), index(int(m_tiles.size()) - 1));
        return;
    }
    beginResetModel();
    m_tiles = tiles;
    endResetModel();
}

QModelIndex ClusterTileModel::indexOfId(const QString &clusterId) const
{
    for (int i = 0; i < m_tiles.size(); ++i)
        if (m_tiles[i].cluster.id == clusterId)
            return index(i);
    return {};
}

int ClusterTileModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tiles.size());
}

QVariant ClusterTileModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Tile &t = m_tiles[index.row()];
    const ScopeNode &c = t.cluster;
    switch (role) {
    case Qt::DisplayRole:
        return c.name;
    case Qt::ToolTipRole:
        return tr("%1 in %2: %3 TB free of %4 TB, listed at %5 per TB-month")
            .arg(c.name, t.zoneName, m_locale.toString(c.freeTb), m_locale.toString(c.capacityTb),
                 c.listedPrice ? c.listedPrice->toDisplayString(m_locale) : tr("nothing"));
    case Qt::AccessibleTextRole:
        return c.name;
    case IdRole: return c.id;
    case ZoneNameRole: return t.zoneName;
    case ListedPriceRole: return c.listedPrice ? QVariant(c.listedPrice->toStorage()) : QVariant();
    case PriceTextRole: return c.listedPrice ? c.listedPrice->toDisplayString(m_locale) : tr("nothing free");
    case PricePositionPpmRole: return t.pricePositionPpm ? QVariant(qlonglong(*t.pricePositionPpm)) : QVariant();
    case UtilisationPpmRole: return qlonglong(NetworkTreeModel::utilisationPpm(c));
    case FreeTbRole: return qlonglong(c.freeTb);
    case CapacityTbRole: return qlonglong(c.capacityTb);
    }
    return {};
}

} // namespace icn::ui
