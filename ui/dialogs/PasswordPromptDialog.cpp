#include "PasswordPromptDialog.h"

#include "ErrorPresenter.h"
#include "service/SecretInput.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace icn::ui {

PasswordPromptDialog::PasswordPromptDialog(const QString &title, const QString &prompt, Action action, QWidget *parent)
    : QDialog(parent), m_action(std::move(action))
{
    setWindowTitle(title);
    auto *text = new QLabel(prompt, this);
    text->setWordWrap(true);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_error->hide();
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setMaximumHeight(10);
    m_busy->hide();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(m_password, &QLineEdit::textChanged, this,
            [this](const QString &t) { m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!t.isEmpty()); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PasswordPromptDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setSizeConstraint(QLayout::SetMinimumSize); // grow when an error line appears
    layout->addWidget(text);
    layout->addWidget(m_password);
    layout->addWidget(m_error);
    layout->addWidget(m_busy);
    layout->addWidget(m_buttons);
    m_password->setMinimumWidth(340); // the layout sets the dialog minimum from its children
}

void PasswordPromptDialog::accept()
{
    if (m_password->text().isEmpty() || m_busy->isVisible())
        return;
    setBusy(true);
    m_action(takeSecret(m_password), this, [this](Result<void> result) {
        setBusy(false);
        if (result) {
            QDialog::accept();
            return;
        }
        const UserMessage message = ErrorPresenter::describe(result.error(), locale());
        m_error->setText(message.action.isEmpty() ? message.text : message.text + QLatin1Char(' ') + message.action);
        m_error->show();
        m_password->setFocus();
    });
}

void PasswordPromptDialog::setBusy(bool busy)
{
    m_busy->setVisible(busy);
    m_password->setEnabled(!busy);
    m_buttons->setEnabled(!busy);
    if (busy)
        m_error->hide();
}

QString PasswordPromptDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

} // namespace icn::ui
