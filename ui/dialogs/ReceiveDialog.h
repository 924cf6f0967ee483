#pragma once

#include "Address.h"

#include <QDialog>

class QLabel;

namespace icn::ui {

class QrCodeWidget;

// The account's checksummed address as text and as a QR code, with a copy button.
class ReceiveDialog : public QDialog
{
    Q_OBJECT

public:
    ReceiveDialog(const Address &address, const QString &label, bool publicTestKey, QWidget *parent = nullptr);

    QString addressText() const;
    QrCodeWidget *qrCode() const { return m_qr; }

private slots:
    void copyAddress();

private:
    Address m_address;
    QLabel *m_addressLabel = nullptr;
    QLabel *m_copied = nullptr;
    QrCodeWidget *m_qr = nullptr;
};

} // namespace icn::ui
