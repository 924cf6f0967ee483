#include "RevealMnemonicDialog.h"

#include "ErrorPresenter.h"
#include "service/SecretInput.h"
#include "service/WalletService.h"
#include "wizards/MnemonicWordGrid.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace icn::ui {

RevealMnemonicDialog::RevealMnemonicDialog(WalletService *wallet, QWidget *parent) : QDialog(parent), m_wallet(wallet)
{
    setWindowTitle(tr("Recovery phrase"));
    auto *warning = new QLabel(tr("Anyone who sees these words can take every account derived from them. Make sure "
                                  "nobody is watching your screen, then type your wallet password."),
                               this);
    warning->setWordWrap(true);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_reveal = new QPushButton(tr("&Show words"), this);
    m_reveal->setObjectName(QStringLiteral("reveal"));
    m_reveal->setDefault(true);
    connect(m_reveal, &QPushButton::clicked, this, &RevealMnemonicDialog::reveal);
    connect(m_password, &QLineEdit::returnPressed, this, &RevealMnemonicDialog::reveal);
    auto *row = new QHBoxLayout;
    row->addWidget(m_password, 1);
    row->addWidget(m_reveal);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setMaximumHeight(10);
    m_busy->hide();
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_error->hide();
    m_grid = new MnemonicWordGrid(this);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_hideTimer.setSingleShot(true);
    m_hideTimer.setInterval(std::chrono::seconds(kShowSeconds));
    connect(&m_hideTimer, &QTimer::timeout, this, &RevealMnemonicDialog::hideWords);

    auto *layout = new QVBoxLayout(this);
    layout->setSizeConstraint(QLayout::SetMinimumSize); // grow when an error line appears
    layout->addWidget(warning);
    layout->addLayout(row);
    layout->addWidget(m_busy);
    layout->addWidget(m_error);
    layout->addWidget(m_grid, 1);
    layout->addWidget(buttons);
}

RevealMnemonicDialog::~RevealMnemonicDialog()
{
    m_grid->clear();
}

void RevealMnemonicDialog::reveal()
{
    if (!m_wallet || m_password->text().isEmpty() || m_busy->isVisible())
        return;
    m_busy->show();
    m_error->hide();
    m_reveal->setEnabled(false);
    m_wallet->revealMnemonic(takeSecret(m_password), this, [this](Result<SecureBytes> mnemonic) {
        m_busy->hide();
        m_reveal->setEnabled(true);
        if (!mnemonic) {
            const UserMessage message = ErrorPresenter::describe(mnemonic.error(), locale());
            m_error->setText(message.text + QLatin1Char(' ') + message.action);
            m_error->show();
            return;
        }
        m_grid->setMnemonic(*mnemonic);
        mnemonic->clear();
        m_hideTimer.start();
    });
}

void RevealMnemonicDialog::hideWords()
{
    m_grid->clear();
}

void RevealMnemonicDialog::done(int result)
{
    m_hideTimer.stop();
    hideWords();
    QDialog::done(result);
}

QString RevealMnemonicDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

} // namespace icn::ui
