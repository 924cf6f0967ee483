#include "ClusterTileDelegate.h"

#include "ClusterTileModel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace icn::ui {

ClusterTileDelegate::ClusterTileDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QColor ClusterTileDelegate::fillFor(Colouring colouring, const QVariant &positionPpm)
{
    if (!positionPpm.isValid())
        return QColor(0x9c, 0xa3, 0xaf); // nothing listed: neutral grey
    const double t = std::clamp(double(positionPpm.toLongLong()) / 1e6, 0.0, 1.0); // colour only
    if (colouring == Colouring::ListedPrice)
        return QColor::fromHsvF(float((1.0 - t) * 0.33), 0.55f, 0.82f); // green (cheap) → red (dear)
    return QColor::fromHsvF(0.6f, float(0.15 + 0.7 * t), float(0.95 - 0.35 * t)); // light → deep blue
}

void ClusterTileDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF r = QRectF(option.rect).adjusted(3, 3, -3, -3);
    const QVariant position = m_colouring == Colouring::ListedPrice ? index.data(ClusterTileModel::PricePositionPpmRole)
                                                                    : index.data(ClusterTileModel::UtilisationPpmRole);
    const QColor fill = fillFor(m_colouring, position);
    QPainterPath path;
    path.addRoundedRect(r, 8, 8);
    painter->fillPath(path, fill);
    const bool selected = option.state & QStyle::State_Selected;
    const bool focused = option.state & QStyle::State_HasFocus;
    if (selected || focused) {
        painter->setPen(QPen(option.palette.color(QPalette::Highlight), selected ? 3 : 1.5));
        painter->drawPath(path);
    }
    const QColor ink = fill.lightnessF() > 0.55f ? QColor(0x11, 0x18, 0x27) : Qt::white;
    painter->setPen(ink);
    const QRectF text = r.adjusted(10, 8, -10, -8);
    QFont bold = option.font;
    bold.setBold(true);
    bold.setPointSizeF(option.font.pointSizeF() * 1.15);
    painter->setFont(bold);
    const QFontMetrics fmBold(bold);
    painter->drawText(text, Qt::AlignLeft | Qt::AlignTop, index.data().toString());
    QFont small = option.font;
    painter->setFont(small);
    const QFontMetrics fm(small);
    const qreal line = fm.lineSpacing();
    qreal y = text.top() + fmBold.lineSpacing() + 2;
    const auto drawLine = [&](const QString &s) {
        painter->drawText(QRectF(text.left(), y, text.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                          fm.elidedText(s, Qt::ElideRight, int(text.width())));
        y += line;
    };
    drawLine(index.data(ClusterTileModel::ZoneNameRole).toString());
    drawLine(index.data(ClusterTileModel::PriceTextRole).toString());
    const qlonglong used = index.data(ClusterTileModel::UtilisationPpmRole).toLongLong();
    drawLine(tr("%1 % booked · %2 TB free")
                 .arg(QLocale().toString(double(used) / 10'000.0, 'f', 0))
                 .arg(QLocale().toString(index.data(ClusterTileModel::FreeTbRole).toLongLong())));
    painter->restore();
}

QSize ClusterTileDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics fm(option.font);
    return QSize(std::max(200, fm.horizontalAdvance(tr("100 % booked · 10,000 TB free")) + 28), fm.lineSpacing() * 5 + 16);
}

} // namespace icn::ui
