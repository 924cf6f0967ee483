#pragma once

#include "service/MarketService.h"

#include <QAbstractItemModel>
#include <QLocale>

namespace icn::ui {

// The region > zone > cluster > HN tree for one month range (MarketService::scopeTree).
// Raw values in the roles below; formatted text only in Qt::DisplayRole (STYLE.md §4).
// Refreshing with the same tree shape only emits dataChanged, for the items whose values changed,
// so selection and expansion survive and a booking's refresh touches a few rows, not 100k.
class NetworkTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, FreeColumn, CapacityColumn, UtilisationColumn, PriceColumn, ReliabilityColumn,
                  StatusColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        IdRole = Qt::UserRole + 1, // QString scope id
        KindRole,                  // int of ScopeKind
        ParentIdRole,              // QString
        CapacityTbRole,            // qlonglong
        FreeTbRole,                // qlonglong
        UtilisationPpmRole,        // qlonglong: booked share of capacity over the range
        ListedPriceRole,           // QString storage form of the Amount; invalid when nothing is listed
        ReliabilityPpmRole,        // qlonglong
        StatusRole,                // QString, nodes only
        MaxClusterPriceRole,       // QString storage form
    };
    Q_ENUM(Role)

    explicit NetworkTreeModel(QObject *parent = nullptr);

    // A refresh with the same shape signals each changed item (runs of adjacent siblings) up to
    // this many items; beyond, one signal per sibling run.
    static constexpr int kMaxItemSignals = 4096;

    void setNodes(const QList<ScopeNode> &nodes);
    const QList<ScopeNode> &nodes() const { return m_nodes; }
    QModelIndex indexOfId(const QString &id, int column = NameColumn) const;
    const ScopeNode *nodeAt(const QModelIndex &index) const;
    void setLocale(const QLocale &locale) { m_locale = locale; }

    static qint64 utilisationPpm(const ScopeNode &node);

    // For the filter proxy: items are positions in nodes(); the generation changes with every
    // setNodes(), so cached per-item results can tell they are stale.
    int itemOf(const QModelIndex &index) const { return index.isValid() && index.model() == this ? int(index.internalId()) : -1; }
    int parentItem(int item) const { return m_parent[item]; }
    quint64 generation() const { return m_generation; }
    // Whether the name column's text or the id contains `text`, ignoring case.
    bool matches(int item, const QString &text) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QString displayText(const ScopeNode &node, int column) const;
    void rebuildLinks();

    QList<ScopeNode> m_nodes;
    QList<int> m_parent;          // item → parent item (−1 for regions)
    QList<int> m_row;             // item → row under its parent
    QList<QList<int>> m_children; // item → child items
    QList<int> m_roots;
    QHash<QString, int> m_byId;
    QLocale m_locale;
    quint64 m_generation = 0;
};

} // namespace icn::ui
