#include "WalletWizardPasswordPage.h"

#include "PasswordStrengthMeter.h"
#include "service/SecretInput.h"
#include "WalletWizard.h"
#include "WalletWizardState.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QVBoxLayout>

namespace icn::ui {

WalletWizardPasswordPage::WalletWizardPasswordPage(WalletWizardState *state, QWidget *parent)
    : QWizardPage(parent), m_state(state)
{
    setTitle(tr("Protect your wallet"));
    setSubTitle(tr("The password encrypts your keys on this computer. ICN Desk cannot recover it; your "
                   "recovery phrase can."));
    setCommitPage(false);

    m_label = new QLineEdit(this);
    m_label->setObjectName(QStringLiteral("accountLabel"));
    m_label->setMaxLength(64);
    registerField(QStringLiteral("accountLabel*"), m_label);

    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_repeat = new QLineEdit(this);
    m_repeat->setObjectName(QStringLiteral("repeatPassword"));
    m_repeat->setEchoMode(QLineEdit::Password);
    m_meter = new PasswordStrengthMeter(this);
    connect(m_password, &QLineEdit::textChanged, m_meter, &PasswordStrengthMeter::setPassword);
    connect(m_password, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
    connect(m_repeat, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("passwordError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_error->hide();

    m_busyBar = new QProgressBar(this);
    m_busyBar->setRange(0, 0); // indeterminate: scrypt reports no progress
    m_busyBar->setMaximumHeight(12);
    m_busyBar->hide();
    m_busyLabel = new QLabel(tr("Deriving and encrypting your keys… this takes a few seconds."), this);
    m_busyLabel->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("Account &name:"), m_label);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_meter);
    form->addRow(tr("&Repeat password:"), m_repeat);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(m_busyLabel);
    layout->addWidget(m_busyBar);
}

void WalletWizardPasswordPage::initializePage()
{
    if (m_state->walletHasAccounts)
        setSubTitle(tr("Type the password that already protects your wallet: one password unlocks every account."));
    if (!m_label->isModified()) {
        if (field(QStringLiteral("demoAccount")).toBool())
            m_label->setText(tr("Demo SP (public test key)"));
        else if (field(QStringLiteral("importKeystore")).toBool())
            m_label->setText(tr("Imported account"));
        else
            m_label->setText(tr("Account 1"));
    }
    m_error->hide();
}

void WalletWizardPasswordPage::cleanupPage()
{
    takeSecret(m_password);
    takeSecret(m_repeat);
    m_error->hide();
}

bool WalletWizardPasswordPage::isComplete() const
{
    return QWizardPage::isComplete() && !m_password->text().isEmpty() && !m_repeat->text().isEmpty();
}

bool WalletWizardPasswordPage::validatePage()
{
    if (m_password->text() != m_repeat->text()) {
        showError(tr("The two passwords differ. Type the same password twice."));
        return false;
    }
    if (m_meter->strength() < PasswordStrengthMeter::kMinimumAccepted) {
        showError(tr("This password is too easy to guess. Use at least 8 characters; longer passphrases "
                     "or a mix of letters, digits and symbols are stronger."));
        return false;
    }
    m_state->password = takeSecret(m_password);
    takeSecret(m_repeat);
    m_error->hide();
    return true;
}

void WalletWizardPasswordPage::setBusy(bool busy)
{
    m_busyBar->setVisible(busy);
    m_busyLabel->setVisible(busy);
    m_label->setEnabled(!busy);
    m_password->setEnabled(!busy);
    m_repeat->setEnabled(!busy);
    if (busy)
        m_error->hide();
}

void WalletWizardPasswordPage::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

QString WalletWizardPasswordPage::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

} // namespace icn::ui
