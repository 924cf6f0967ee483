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

// Adds an account from a raw 32-byte private key (64 hex digits), encrypted under the wallet password.
class ImportPrivateKeyDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ImportPrivateKeyDialog(WalletService *wallet, QWidget *parent = nullptr);

    QLineEdit *keyEdit() const { return m_key; }
    QLineEdit *labelEdit() const { return m_label; }
    QLineEdit *passwordEdit() const { return m_password; }
    QString errorText() const;

public slots:
    void accept() override;

signals:
    void imported(const icn::Address &address);

private:
    void showError(const QString &message);
    void setBusy(bool busy);

    QPointer<WalletService> m_wallet;
    QLineEdit *m_key = nullptr;
    QLineEdit *m_label = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_error = nullptr;
    QProgressBar *m_busy = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace icn::ui
