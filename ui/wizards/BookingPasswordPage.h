#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QProgressBar;

namespace icn::ui {

// Step: the account's password. Next hands it to the wizard's worker (unlock → sign → submit);
// a wrong password keeps the user here with the reason, anything else moves on to the result.
class BookingPasswordPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit BookingPasswordPage(QWidget *parent = nullptr);
    void initializePage() override;
    bool validatePage() override;
    bool isComplete() const override;
    int nextId() const override;
    QLineEdit *passwordEdit() const { return m_password; }
    QLabel *errorLabel() const { return m_error; }

private:
    void onFinished();
    void setBusy(bool busy);

    QLabel *m_account = nullptr;
    QLineEdit *m_password = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_error = nullptr;
    bool m_proceed = false;
};

} // namespace icn::ui
