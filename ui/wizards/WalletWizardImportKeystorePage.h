#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;

namespace icn::ui {

class WalletWizardState;

// Imports one account from a Web3 Secret Storage (v3) keystore file. The file is parsed here; its
// password can only be checked by the slow key derivation, which the service runs after Finish.
class WalletWizardImportKeystorePage : public QWizardPage
{
    Q_OBJECT

public:
    WalletWizardImportKeystorePage(WalletWizardState *state, QWidget *parent = nullptr);

    void cleanupPage() override;
    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;

    QLineEdit *pathEdit() const { return m_path; }
    QLineEdit *passwordEdit() const { return m_password; }
    QString errorText() const;

private slots:
    void browse();

private:
    WalletWizardState *m_state;
    QLineEdit *m_path = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace icn::ui
