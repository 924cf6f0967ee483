#pragma once

#include "Result.h"
#include "SecureBytes.h"

#include <QDialog>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;

namespace icn::ui {

// Asks for the wallet password and runs an action with it (unlock, derive an account…). The action
// works asynchronously and reports back through `finished`; meanwhile the dialog shows a busy bar.
// On failure the reason is shown and the user can try again; on success the dialog closes.
class PasswordPromptDialog : public QDialog
{
    Q_OBJECT

public:
    using Finished = std::function<void(Result<void>)>;
    using Action = std::function<void(SecureBytes password, PasswordPromptDialog *dialog, Finished finished)>;

    PasswordPromptDialog(const QString &title, const QString &prompt, Action action, QWidget *parent = nullptr);

    QLineEdit *passwordEdit() const { return m_password; }
    QString errorText() const;

public slots:
    void accept() override;

private:
    void setBusy(bool busy);

    Action m_action;
    QLineEdit *m_password = nullptr;
    QLabel *m_error = nullptr;
    QProgressBar *m_busy = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace icn::ui
