#pragma once

#include "Address.h"

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;

namespace icn::ui {

class WalletService;

// Sends ICNT from one wallet account to any address inside the local mirror (MarketService::transfer).
// The password is asked only while the wallet is locked.
class SendDialog : public QDialog
{
    Q_OBJECT

public:
    SendDialog(WalletService *wallet, const Address &from, QWidget *parent = nullptr);

    QLineEdit *toEdit() const { return m_to; }
    QLineEdit *amountEdit() const { return m_amount; }
    QLineEdit *passwordEdit() const { return m_password; }
    QString errorText() const;

public slots:
    void accept() override;

private:
    void showError(const QString &message);
    void setBusy(bool busy);

    QPointer<WalletService> m_wallet;
    Address m_from;
    QLineEdit *m_to = nullptr;
    QLineEdit *m_amount = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_error = nullptr;
    QProgressBar *m_busy = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace icn::ui
