#pragma once

#include "service/MarketService.h"

#include <QAbstractListModel>
#include <QLocale>

namespace icn::ui {

// One tile per cluster for the marketplace's tile view: raw values in roles; the delegate
// colours tiles by PricePositionPpmRole or UtilisationPpmRole.
class ClusterTileModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1, // QString cluster id
        ZoneNameRole,              // QString
        ListedPriceRole,           // QString storage form; invalid when nothing is listed
        PriceTextRole,             // QString formatted price (for the delegate)
        PricePositionPpmRole,      // qlonglong: 0 = cheapest listed cluster, 10^6 = dearest; invalid if unlisted
        UtilisationPpmRole,        // qlonglong
        FreeTbRole,                // qlonglong
        CapacityTbRole,            // qlonglong
    };
    Q_ENUM(Role)

    explicit ClusterTileModel(QObject *parent = nullptr);

    // Takes the clusters out of a scope tree (zone names come from the same list).
    void setNodes(const QList<ScopeNode> &nodes);
    QModelIndex indexOfId(const QString &clusterId) const;
    void setLocale(const QLocale &locale) { m_locale = locale; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Tile
    {
        ScopeNode cluster;
        QString zoneName;
        std::optional<qint64> pricePositionPpm;
    };
    QList<Tile> m_tiles;
    QLocale m_locale;
};

} // namespace icn::ui
