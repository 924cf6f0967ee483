#pragma once

#include <QList>
#include <QWidget>

namespace icn::ui {

// A QR code (libqrencode, error correction M) painted as whole-pixel squares with a quiet zone of
// four modules, so scanners read it at any size: the module size is always an integer.
class QrCodeWidget : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kQuietZone = 4;

    explicit QrCodeWidget(QWidget *parent = nullptr);

    // Encodes `text` (UTF-8, 8-bit mode); false when it cannot (too long).
    bool setText(const QString &text);
    QString text() const { return m_text; }

    int moduleCount() const { return m_width; } // modules per side, 0 when empty
    bool isDark(int x, int y) const { return m_modules.value(y * m_width + x); }
    // The code at `moduleSize` pixels per module, quiet zone included.
    QImage toImage(int moduleSize) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_text;
    QList<bool> m_modules;
    int m_width = 0;
};

} // namespace icn::ui
