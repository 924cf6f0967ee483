#include "SendDialog.h"

#include "Amount.h"
#include "ErrorPresenter.h"
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

SendDialog::SendDialog(WalletService *wallet, const Address &from, QWidget *parent)
    : QDialog(parent), m_wallet(wallet), m_from(from)
{
    const auto account = wallet->account(from);
    setWindowTitle(tr("Send ICNT"));
    auto *note = new QLabel(tr("A signed transfer inside the local mirror. It does not move ICNT on Base."), this);
    note->setWordWrap(true);
    auto *fromLabel = new QLabel(account ? account->label : QString(), this);
    auto *fromAddress = new QLabel(from.toChecksummed(), this);
    QFont mono = fromAddress->font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    fromAddress->setFont(mono);
    fromAddress->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *balance = new QLabel(wallet->balance(from).toDisplayString(locale()), this);
    m_to = new QLineEdit(this);
    m_to->setObjectName(QStringLiteral("to"));
    m_to->setPlaceholderText(QStringLiteral("0x…"));
    m_amount = new QLineEdit(this);
    m_amount->setObjectName(QStringLiteral("amount"));
    m_amount->setPlaceholderText(tr("ICNT"));
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
    m_buttons->addButton(tr("&Send"), QDialogButtonBox::AcceptRole)->setObjectName(QStringLiteral("send"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SendDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("From:"), fromLabel);
    form->addRow(QString(), fromAddress);
    form->addRow(tr("Balance:"), balance);
    form->addRow(tr("&To:"), m_to);
    form->addRow(tr("&Amount:"), m_amount);
    if (!wallet->isUnlocked())
        form->addRow(tr("&Password:"), m_password);
    else
        m_password->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setSizeConstraint(QLayout::SetMinimumSize); // grow when an error line appears
    layout->addWidget(note);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_busy);
    layout->addWidget(m_buttons);
    m_to->setMinimumWidth(400); // the layout sets the dialog minimum from its children
}

void SendDialog::accept()
{
    if (!m_wallet || m_busy->isVisible())
        return;
    auto to = Address::parse(m_to->text().trimmed());
    if (!to)
        return showError(tr("The recipient is not a valid address: %1").arg(to.error().message));
    auto amount = Amount::parse(m_amount->text().trimmed(), DecimalFormat::forLocale(locale()));
    if (!amount)
        return showError(tr("The amount is not valid: %1").arg(amount.error().message));
    if (amount->isZero() || amount->isNegative())
        return showError(tr("Enter an amount above zero."));
    if (*amount > m_wallet->balance(m_from))
        return showError(tr("The amount is more than the balance of %1.").arg(m_wallet->balance(m_from).toDisplayString(locale())));
    if (!m_wallet->isUnlocked() && m_password->text().isEmpty())
        return showError(tr("Type your wallet password to sign the transfer."));
    setBusy(true);
    m_wallet->transferInMirror(m_from, *to, *amount, takeSecret(m_password), this, [this](Result<void> result) {
        setBusy(false);
        if (result) {
            QDialog::accept();
            return;
        }
        const UserMessage message = ErrorPresenter::describe(result.error(), locale());
        showError(message.text + QLatin1Char(' ') + message.action);
    });
}

void SendDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

void SendDialog::setBusy(bool busy)
{
    m_busy->setVisible(busy);
    m_buttons->setEnabled(!busy);
    if (busy)
        m_error->hide();
}

QString SendDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

} // namespace icn::ui
