#include "SignBaseTransferDialog.h"

#include "Amount.h"
#include "Erc20.h"
#include "ErrorPresenter.h"
#include "Hex.h"
#include "service/SecretInput.h"
#include "service/WalletService.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>

namespace icn::ui {

namespace {

constexpr int kGweiDecimals = 9; // 1 gwei = 10^9 wei

QFont monospace(QFont font)
{
    font.setFamily(QStringLiteral("monospace"));
    font.setStyleHint(QFont::TypeWriter);
    return font;
}

} // namespace

SignBaseTransferDialog::SignBaseTransferDialog(WalletService *wallet, const Address &from, QWidget *parent)
    : QDialog(parent), m_wallet(wallet), m_from(from)
{
    setWindowTitle(tr("Sign an ICNT transfer for Base"));
    auto *note = new QLabel(tr("Signs offline: nothing is sent. Broadcast the raw transaction with a Base node "
                               "or a block explorer. Take the nonce and fees from your Base wallet or explorer."),
                            this);
    note->setWordWrap(true);

    auto *fromLabel = new QLabel(from.toChecksummed(), this);
    fromLabel->setFont(monospace(fromLabel->font()));
    fromLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *tokenLabel = new QLabel(tr("ICNT (ERC-20) on Base, chain %1").arg(erc20::kBaseChainId), this);
    auto *contractLabel = new QLabel(erc20::icntOnBase().toChecksummed(), this);
    contractLabel->setFont(monospace(contractLabel->font()));
    contractLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto makeEdit = [this](const char *name, const QString &text = {}) {
        auto *edit = new QLineEdit(text, this);
        edit->setObjectName(QLatin1String(name));
        connect(edit, &QLineEdit::textChanged, this, &SignBaseTransferDialog::clearOutput);
        return edit;
    };
    m_to = makeEdit("to");
    m_to->setPlaceholderText(QStringLiteral("0x…"));
    m_amount = makeEdit("amount");
    m_amount->setPlaceholderText(tr("ICNT"));
    m_nonce = makeEdit("nonce", QStringLiteral("0"));
    // Typical Base fees (the base fee is a few thousandths of a gwei); the user checks them anyway.
    m_maxFee = makeEdit("maxFee", QStringLiteral("0") + locale().decimalPoint() + QStringLiteral("1"));
    m_priorityFee = makeEdit("priorityFee", QStringLiteral("0") + locale().decimalPoint() + QStringLiteral("01"));
    m_gasLimit = makeEdit("gasLimit", QStringLiteral("65000"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);

    auto *form = new QFormLayout;
    form->addRow(tr("From:"), fromLabel);
    form->addRow(tr("Token:"), tokenLabel);
    form->addRow(tr("Contract:"), contractLabel);
    form->addRow(tr("&To:"), m_to);
    form->addRow(tr("&Amount (ICNT):"), m_amount);
    form->addRow(tr("&Nonce:"), m_nonce);
    form->addRow(tr("Max &fee per gas (gwei):"), m_maxFee);
    form->addRow(tr("&Priority fee per gas (gwei):"), m_priorityFee);
    form->addRow(tr("&Gas limit:"), m_gasLimit);
    if (!wallet->isUnlocked())
        form->addRow(tr("Pass&word:"), m_password);
    else
        m_password->hide();

    m_sign = new QPushButton(tr("&Sign"), this);
    m_sign->setObjectName(QStringLiteral("sign"));
    m_sign->setDefault(true);
    connect(m_sign, &QPushButton::clicked, this, &SignBaseTransferDialog::sign);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setMaximumHeight(10);
    m_busy->hide();
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_error->hide();

    auto *output = new QGroupBox(tr("Signed transaction"), this);
    m_raw = new QPlainTextEdit(output);
    m_raw->setObjectName(QStringLiteral("rawTransaction"));
    m_raw->setReadOnly(true);
    m_raw->setFont(monospace(m_raw->font()));
    m_raw->setMaximumHeight(100);
    m_hash = new QLineEdit(output); // 66 characters: a read-only field scrolls where a label would clip
    m_hash->setObjectName(QStringLiteral("transactionHash"));
    m_hash->setReadOnly(true);
    m_hash->setFrame(false);
    m_hash->setFont(monospace(m_hash->font()));
    m_copy = new QPushButton(tr("&Copy"), output);
    m_save = new QPushButton(tr("Sa&ve…"), output);
    m_copy->setEnabled(false);
    m_save->setEnabled(false);
    connect(m_copy, &QPushButton::clicked, this, &SignBaseTransferDialog::copyRaw);
    connect(m_save, &QPushButton::clicked, this, &SignBaseTransferDialog::saveRaw);
    auto *outputButtons = new QHBoxLayout;
    outputButtons->addWidget(new QLabel(tr("Hash:"), output));
    outputButtons->addWidget(m_hash, 1);
    outputButtons->addWidget(m_copy);
    outputButtons->addWidget(m_save);
    auto *outputLayout = new QVBoxLayout(output);
    outputLayout->addWidget(m_raw);
    outputLayout->addLayout(outputButtons);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_sign, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setSizeConstraint(QLayout::SetMinimumSize); // grow when an error line appears
    layout->addWidget(note);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_busy);
    layout->addWidget(output);
    layout->addWidget(buttons);
    m_raw->setMinimumWidth(600); // the layout sets the dialog minimum from its children
}

Result<UInt256> SignBaseTransferDialog::parseGwei(const QString &text, const QLocale &locale)
{
    auto wei = parseFixed(QStringView(text).trimmed(), kGweiDecimals, DecimalFormat::forLocale(locale));
    if (!wei || *wei < 0)
        return Error::make(QStringLiteral("transfer.bad_fee"),
                           tr("Give the fee in gwei, with at most 9 decimals (for example 0.05)."));
    return UInt256::fromUInt128(static_cast<UInt128>(*wei));
}

void SignBaseTransferDialog::sign()
{
    if (!m_wallet || m_busy->isVisible())
        return;
    BaseTransfer transfer;
    transfer.from = m_from;
    auto to = Address::parse(m_to->text().trimmed());
    if (!to)
        return showError(tr("The recipient is not a valid address: %1").arg(to.error().message));
    transfer.to = *to;
    auto amount = Amount::parse(m_amount->text().trimmed(), DecimalFormat::forLocale(locale()));
    if (!amount || amount->isNegative() || amount->isZero())
        return showError(tr("Enter an amount of ICNT above zero, with at most 18 decimals."));
    transfer.amount = *amount;
    bool ok = false;
    transfer.nonce = m_nonce->text().trimmed().toULongLong(&ok);
    if (!ok)
        return showError(tr("The nonce is a whole number: the count of transactions this address sent on Base."));
    transfer.gasLimit = m_gasLimit->text().trimmed().toULongLong(&ok);
    if (!ok || transfer.gasLimit < 21000)
        return showError(tr("The gas limit is a whole number of at least 21000 (an ERC-20 transfer needs about 65000)."));
    auto maxFee = parseGwei(m_maxFee->text(), locale());
    auto priorityFee = parseGwei(m_priorityFee->text(), locale());
    if (!maxFee || !priorityFee)
        return showError((maxFee ? priorityFee : maxFee).error().message);
    if (*priorityFee > *maxFee)
        return showError(tr("The priority fee cannot be above the max fee."));
    transfer.maxFeePerGas = *maxFee;
    transfer.maxPriorityFeePerGas = *priorityFee;
    if (!m_wallet->isUnlocked() && m_password->text().isEmpty())
        return showError(tr("Type your wallet password to sign."));

    setBusy(true);
    m_wallet->signBaseTransfer(transfer, takeSecret(m_password), this, [this](Result<SignedTransaction> result) {
        setBusy(false);
        if (!result) {
            const UserMessage message = ErrorPresenter::describe(result.error(), locale());
            return showError(message.text + QLatin1Char(' ') + message.action);
        }
        const QSignalBlocker blocker(m_raw);
        m_raw->setPlainText(toHex(result->raw));
        m_hash->setText(toHex(result->hash));
        m_hash->setCursorPosition(0);
        m_copy->setEnabled(true);
        m_save->setEnabled(true);
    });
}

void SignBaseTransferDialog::clearOutput()
{
    // A shown transaction always matches the fields above it.
    m_raw->clear();
    m_hash->clear();
    m_copy->setEnabled(false);
    m_save->setEnabled(false);
    m_error->hide();
}

void SignBaseTransferDialog::copyRaw()
{
    QApplication::clipboard()->setText(rawTransaction());
}

void SignBaseTransferDialog::saveRaw()
{
    const QString path = m_seams.saveFile(this, tr("Save raw transaction"), tr("Text files (*.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(rawTransaction().toLatin1() + '\n') < 0 || !file.commit())
        showError(tr("Cannot save “%1”: %2").arg(path, file.errorString()));
}

QString SignBaseTransferDialog::rawTransaction() const
{
    return m_raw->toPlainText();
}

QString SignBaseTransferDialog::transactionHash() const
{
    return m_hash->text();
}

void SignBaseTransferDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

void SignBaseTransferDialog::setBusy(bool busy)
{
    m_busy->setVisible(busy);
    m_sign->setEnabled(!busy);
    if (busy)
        m_error->hide();
}

QString SignBaseTransferDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

} // namespace icn::ui
