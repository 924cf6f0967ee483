#include "WalletWizardChoosePage.h"

#include "WalletWizard.h"

#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>

namespace icn::ui {

WalletWizardChoosePage::WalletWizardChoosePage(QWidget *parent) : QWizardPage(parent)
{
    setTitle(tr("Set up your wallet"));
    setSubTitle(tr("Your wallet holds the keys that sign bookings and transfers. Choose how to set it up."));

    m_create = new QRadioButton(tr("&Create a new wallet"), this);
    m_importMnemonic = new QRadioButton(tr("&Restore from a recovery phrase (12 or 24 words)"), this);
    m_importKeystore = new QRadioButton(tr("Import a &keystore file (JSON)"), this);
    m_demo = new QRadioButton(tr("Use the &demo account (public test key, local mirror only)"), this);
    m_create->setChecked(true);

    auto *demoNote = new QLabel(tr("The demo account's key is derived from a public test phrase that anyone "
                                   "can use. It is fine for exploring the local mirror; never use it for real ICNT."),
                                this);
    demoNote->setWordWrap(true);
    demoNote->setIndent(24);
    demoNote->setEnabled(false);

    registerField(QStringLiteral("createWallet"), m_create);
    registerField(QStringLiteral("importMnemonic"), m_importMnemonic);
    registerField(QStringLiteral("importKeystore"), m_importKeystore);
    registerField(QStringLiteral("demoAccount"), m_demo);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_create);
    layout->addWidget(m_importMnemonic);
    layout->addWidget(m_importKeystore);
    layout->addWidget(m_demo);
    layout->addWidget(demoNote);
    layout->addStretch(1);
}

int WalletWizardChoosePage::nextId() const
{
    if (m_importMnemonic->isChecked())
        return WalletWizard::Page_ImportMnemonic;
    if (m_importKeystore->isChecked())
        return WalletWizard::Page_ImportKeystore;
    if (m_demo->isChecked())
        return WalletWizard::Page_Demo;
    return WalletWizard::Page_ShowMnemonic;
}

} // namespace icn::ui
