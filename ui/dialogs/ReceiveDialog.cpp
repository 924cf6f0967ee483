#include "ReceiveDialog.h"

#include "QrCodeWidget.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace icn::ui {

ReceiveDialog::ReceiveDialog(const Address &address, const QString &label, bool publicTestKey, QWidget *parent)
    : QDialog(parent), m_address(address)
{
    setWindowTitle(tr("Receive ICNT — %1").arg(label));
    auto *intro = new QLabel(tr("Send ICNT to this address. It is the same address in the local mirror and on "
                                "Base, where ICNT is an ERC-20 token."),
                             this);
    intro->setWordWrap(true);
    m_qr = new QrCodeWidget(this);
    m_qr->setText(address.toChecksummed());
    m_qr->setMinimumSize(240, 240);

    m_addressLabel = new QLabel(address.toChecksummed(), this);
    m_addressLabel->setObjectName(QStringLiteral("receiveAddress"));
    m_addressLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QFont mono = m_addressLabel->font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    m_addressLabel->setFont(mono);
    m_addressLabel->setAlignment(Qt::AlignCenter);

    auto *copyButton = new QPushButton(tr("&Copy address"), this);
    copyButton->setObjectName(QStringLiteral("copyAddress"));
    connect(copyButton, &QPushButton::clicked, this, &ReceiveDialog::copyAddress);
    m_copied = new QLabel(this);
    auto *copyRow = new QHBoxLayout;
    copyRow->addStretch(1);
    copyRow->addWidget(copyButton);
    copyRow->addWidget(m_copied);
    copyRow->addStretch(1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    if (publicTestKey) {
        auto *warning = new QLabel(tr("<b>This is the public demo key.</b> Anyone can spend what it holds: "
                                      "never send real ICNT here."),
                                   this);
        warning->setWordWrap(true);
        warning->setStyleSheet(QStringLiteral("color: #c0392b;"));
        layout->addWidget(warning);
    }
    layout->addWidget(m_qr, 1, Qt::AlignHCenter);
    layout->addWidget(m_addressLabel);
    layout->addLayout(copyRow);
    layout->addWidget(buttons);
    setMinimumWidth(440);
}

QString ReceiveDialog::addressText() const
{
    return m_addressLabel->text();
}

void ReceiveDialog::copyAddress()
{
    QApplication::clipboard()->setText(m_address.toChecksummed());
    m_copied->setText(tr("Copied"));
}

} // namespace icn::ui
