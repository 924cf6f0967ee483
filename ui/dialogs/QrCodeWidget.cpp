#include "QrCodeWidget.h"

#include <QImage>
#include <QPainter>

#include <qrencode.h>

#include <memory>

namespace icn::ui {

QrCodeWidget::QrCodeWidget(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

bool QrCodeWidget::setText(const QString &text)
{
    m_text = text;
    m_modules.clear();
    m_width = 0;
    const QByteArray utf8 = text.toUtf8();
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(QRcode_encodeString8bit(utf8.constData(), 0, QR_ECLEVEL_M),
                                                         &QRcode_free);
    if (code) {
        m_width = code->width;
        m_modules.resize(qsizetype(m_width) * m_width);
        for (int i = 0; i < m_width * m_width; ++i)
            m_modules[i] = (code->data[i] & 1) != 0; // bit 0: dark module
    }
    updateGeometry();
    update();
    return code != nullptr;
}

QImage QrCodeWidget::toImage(int moduleSize) const
{
    const int side = (m_width + 2 * kQuietZone) * moduleSize;
    QImage image(side, side, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    for (int y = 0; y < m_width; ++y)
        for (int x = 0; x < m_width; ++x)
            if (isDark(x, y))
                painter.fillRect((x + kQuietZone) * moduleSize, (y + kQuietZone) * moduleSize, moduleSize, moduleSize,
                                 Qt::black);
    return image;
}

QSize QrCodeWidget::sizeHint() const
{
    const int modules = (m_width > 0 ? m_width : 25) + 2 * kQuietZone;
    return {modules * 6, modules * 6};
}

QSize QrCodeWidget::minimumSizeHint() const
{
    const int modules = (m_width > 0 ? m_width : 25) + 2 * kQuietZone;
    return {modules * 3, modules * 3};
}

void QrCodeWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    if (m_width == 0)
        return;
    const int modules = m_width + 2 * kQuietZone;
    // Device pixels per module, whole numbers only, so every edge falls on a pixel boundary.
    const qreal dpr = devicePixelRatioF();
    const int devicePixels = int(qMin(width(), height()) * dpr);
    const int moduleSize = qMax(1, devicePixels / modules);
    QImage image = toImage(moduleSize);
    image.setDevicePixelRatio(dpr);
    const QSizeF logical = QSizeF(image.size()) / dpr;
    const QPointF origin((width() - logical.width()) / 2, (height() - logical.height()) / 2);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.drawImage(QPointF(qRound(origin.x()), qRound(origin.y())), image);
}

} // namespace icn::ui
