#include "ImportPrivateKeyDialog.h"

#include "ErrorPresenter.h"
#include "Hex.h"
#include "service/SecretInput.h"
#include "service/WalletService.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace icn::ui {

ImportPrivateKeyDialog::ImportPrivateKeyDialog(WalletService *wallet, QWidget *parent) : QDialog(parent), m_wallet(wallet)
{
    setWindowTitle(tr("Import a private key"));
    auto *note = new QLabel(tr("The key is encrypted with your wallet password and stored in the wallet folder. "
                               "Keep your own backup of it: it is not part of your recovery phrase."),
                            this);
    note->setWordWrap(true);
    m_key = new QLineEdit(this);
    m_key->setObjectName(QStringLiteral("privateKey"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(tr("64 hex digits, with or without 0x"));
    m_key->setMinimumWidth(400);
    m_label = new QLineEdit(tr("Imported account"), this);
    m_label->setObjectName(QStringLiteral("label"));
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
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole)->setObjectName(QStringLiteral("import"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ImportPrivateKeyDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("Private &key:"), m_key);
    form->addRow(tr("&Name:"), m_label);
    form->addRow(tr("Wallet &password:"), m_password);
    auto *layout = new QVBoxLayout(this);
    layout->setSizeConstraint(QLayout::SetMinimumSize); // grow when an error line appears
    layout->addWidget(note);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_busy);
    layout->addWidget(m_buttons);
}

void ImportPrivateKeyDialog::accept()
{
    if (!m_wallet || m_busy->isVisible())
        return;
    if (m_label->text().trimmed().isEmpty())
        return showError(tr("Give the account a name."));
    if (m_password->text().isEmpty())
        return showError(tr("Type your wallet password."));
    SecureBytes keyText = peekSecret(m_key);
    QString text = QString::fromLatin1(keyText.view()).trimmed();
    auto key = fromHex(text, 32, QStringLiteral("key"));
    wipeString(text);
    if (!key)
        return showError(tr("A private key is 64 hex digits (32 bytes), optionally starting with 0x."));
    SecureBytes secret = SecureBytes::takeFrom(*key);
    takeSecret(m_key);
    setBusy(true);
    m_wallet->importPrivateKey(std::move(secret), m_label->text().trimmed(), takeSecret(m_password), this,
                               [this](Result<Address> result) {
                                   setBusy(false);
                                   if (result) {
                                       emit imported(*result);
                                       QDialog::accept();
                                       return;
                                   }
                                   const Error &e = result.error();
                                   if (e.code == QLatin1String("wallet.wrong_password"))
                                       return showError(tr("This is not your wallet's password."));
                                   const UserMessage message = ErrorPresenter::describe(e, locale());
                                   showError(message.text + QLatin1Char(' ') + message.action);
                               });
}

void ImportPrivateKeyDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

void ImportPrivateKeyDialog::setBusy(bool busy)
{
    m_busy->setVisible(busy);
    m_buttons->setEnabled(!busy);
    if (busy)
        m_error->hide();
}

QString ImportPrivateKeyDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

} // namespace icn::ui
