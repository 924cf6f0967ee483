#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QProgressBar;

namespace icn::ui {

class PasswordStrengthMeter;
class WalletWizardState;

// The last page of every branch: the account's name and the password that will encrypt the keys.
// While the service derives and encrypts after Finish it shows a busy indicator, and the reason
// when that fails.
class WalletWizardPasswordPage : public QWizardPage
{
    Q_OBJECT

public:
    WalletWizardPasswordPage(WalletWizardState *state, QWidget *parent = nullptr);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override { return -1; }

    void setBusy(bool busy);
    void showError(const QString &message);
    QString errorText() const;

    QLineEdit *labelEdit() const { return m_label; }
    QLineEdit *passwordEdit() const { return m_password; }
    QLineEdit *repeatEdit() const { return m_repeat; }
    PasswordStrengthMeter *meter() const { return m_meter; }
    QProgressBar *busyBar() const { return m_busyBar; }

private:
    WalletWizardState *m_state;
    QLineEdit *m_label = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_repeat = nullptr;
    PasswordStrengthMeter *m_meter = nullptr;
    QLabel *m_error = nullptr;
    QProgressBar *m_busyBar = nullptr;
    QLabel *m_busyLabel = nullptr;
};

} // namespace icn::ui
