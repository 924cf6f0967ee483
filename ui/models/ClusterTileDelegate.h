#pragma once

#include <QStyledItemDelegate>

namespace icn::ui {

// Paints a cluster tile: name, zone, listed price, booked share, on a colour that encodes either
// the listed price (green cheap → red dear) or the utilisation (light → deep blue).
class ClusterTileDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    enum class Colouring { ListedPrice, Utilisation };

    explicit ClusterTileDelegate(QObject *parent = nullptr);
    void setColouring(Colouring colouring) { m_colouring = colouring; }
    Colouring colouring() const { return m_colouring; }
    // The fill for a tile; public so the legend can show the same scale.
    static QColor fillFor(Colouring colouring, const QVariant &positionPpm);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    Colouring m_colouring = Colouring::ListedPrice;
};

} // namespace icn::ui
