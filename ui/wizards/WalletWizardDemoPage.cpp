#include "WalletWizardDemoPage.h"

#include "WalletWizard.h"
#include "WalletWizardState.h"

#include <QLabel>
#include <QVBoxLayout>

namespace icn::ui {

WalletWizardDemoPage::WalletWizardDemoPage(QWidget *parent) : QWizardPage(parent)
{
    setTitle(tr("The demo account"));
    setSubTitle(tr("A ready-made Service Provider account for exploring the local mirror."));
    auto *text = new QLabel(
        tr("<p>The demo account is the first account (BIP-44 path m/44'/60'/0'/0/0) of the public test "
           "phrase “abandon abandon … about” that wallet libraries use in their examples.</p>"
           "<p><b>Its private key is public.</b> Anyone can sign with it. Use it only on the local "
           "mirror, never for real ICNT or on Base.</p>"),
        this);
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    auto *address = new QLabel(WalletWizardState::demoAddress(), this);
    address->setObjectName(QStringLiteral("demoAddress"));
    address->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont mono = address->font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    address->setFont(mono);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addSpacing(8);
    layout->addWidget(new QLabel(tr("Address:"), this));
    layout->addWidget(address);
    layout->addStretch(1);
}

int WalletWizardDemoPage::nextId() const
{
    return WalletWizard::Page_Password;
}

} // namespace icn::ui
