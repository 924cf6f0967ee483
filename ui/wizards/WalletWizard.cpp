#include "WalletWizard.h"

#include "service/WalletService.h"
#include "WalletWizardChoosePage.h"
#include "WalletWizardConfirmPage.h"
#include "WalletWizardDemoPage.h"
#include "WalletWizardImportKeystorePage.h"
#include "WalletWizardImportMnemonicPage.h"
#include "WalletWizardPasswordPage.h"
#include "WalletWizardShowMnemonicPage.h"
#include "WalletWizardState.h"

#include <QAbstractButton>

namespace icn::ui {

WalletWizard::WalletWizard(WalletService *service, QWidget *parent) : WalletWizard(service, parent, NoPagesTag{})
{
    addWalletPages();
    setStartId(Page_Choose);
}

WalletWizard::WalletWizard(WalletService *service, QWidget *parent, NoPagesTag)
    : QWizard(parent), m_service(service), m_state(std::make_unique<WalletWizardState>())
{
    setWindowTitle(tr("Wallet"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage, false);
    setMinimumSize(640, 520);
    m_state->walletHasAccounts = service && service->hasAccounts();
}

WalletWizard::~WalletWizard()
{
    m_state->clearSecrets();
}

void WalletWizard::addWalletPages()
{
    setPage(Page_Choose, new WalletWizardChoosePage(this));
    setPage(Page_ShowMnemonic, new WalletWizardShowMnemonicPage(m_state.get(), this));
    setPage(Page_ConfirmMnemonic, new WalletWizardConfirmPage(m_state.get(), this));
    setPage(Page_ImportMnemonic, new WalletWizardImportMnemonicPage(m_state.get(), this));
    setPage(Page_ImportKeystore, new WalletWizardImportKeystorePage(m_state.get(), this));
    setPage(Page_Demo, new WalletWizardDemoPage(this));
    m_passwordPage = new WalletWizardPasswordPage(m_state.get(), this);
    setPage(Page_Password, m_passwordPage);
}

WalletRequest::Kind WalletWizard::kind() const
{
    if (field(QStringLiteral("importMnemonic")).toBool())
        return WalletRequest::Kind::ImportMnemonic;
    if (field(QStringLiteral("importKeystore")).toBool())
        return WalletRequest::Kind::ImportKeystore;
    if (field(QStringLiteral("demoAccount")).toBool())
        return WalletRequest::Kind::Demo;
    return WalletRequest::Kind::Create;
}

WalletRequest WalletWizard::buildRequest()
{
    WalletRequest request;
    request.kind = kind();
    request.label = field(QStringLiteral("accountLabel")).toString().trimmed();
    request.password = m_state->password;
    switch (request.kind) {
    case WalletRequest::Kind::Create:
        request.mnemonic = m_state->generatedMnemonic;
        break;
    case WalletRequest::Kind::ImportMnemonic:
        request.mnemonic = m_state->importedMnemonic;
        break;
    case WalletRequest::Kind::ImportKeystore:
        request.keystoreJson = m_state->keystoreJson;
        request.keystorePassword = m_state->keystorePassword;
        break;
    case WalletRequest::Kind::Demo:
        request.mnemonic = SecureBytes(QByteArrayView(WalletWizardState::demoMnemonic()));
        break;
    }
    return request;
}

void WalletWizard::accept()
{
    // QWizard validates the last page in done(); we need the page's secrets before that.
    if (m_busy || !validateCurrentPage())
        return;
    WalletRequest request = buildRequest();
    m_state->password.clear();
    if (!m_service) {
        emit walletRequested(request);
        request.clearSecrets();
        walletFinished(Address());
        return;
    }
    setBusy(true);
    m_service->submit(std::move(request), this, [this](Result<Address> result) {
        setBusy(false);
        if (!result) {
            const Error &e = result.error();
            if (e.code == QLatin1String("keystore.wrong_password"))
                m_passwordPage->showError(tr("The keystore file's password is wrong (or the file was altered). "
                                             "Go Back and type it again."));
            else if (e.code == QLatin1String("wallet.wrong_password"))
                m_passwordPage->showError(tr("Your wallet already has accounts: use the password that protects "
                                             "them, so one password unlocks the whole wallet."));
            else if (e.code == QLatin1String("wallet.mnemonic_exists"))
                m_passwordPage->showError(tr("This wallet already has a recovery phrase. Add more accounts from it "
                                             "on the Wallet page, or import a keystore file instead."));
            else if (e.code == QLatin1String("wallet.duplicate_account"))
                m_passwordPage->showError(tr("This account is already in your wallet."));
            else
                m_passwordPage->showError(tr("The wallet could not be set up: %1").arg(e.message));
            return;
        }
        emit walletCreated(result.value());
        walletFinished(result.value());
    });
}

void WalletWizard::walletFinished(const Address &)
{
    m_state->clearSecrets();
    QDialog::done(QDialog::Accepted); // not QWizard::done(): the page was validated and its fields wiped
}

void WalletWizard::reject()
{
    if (m_busy)
        return; // the service is writing the wallet; let it finish
    m_state->clearSecrets();
    QWizard::reject();
}

void WalletWizard::setBusy(bool busy)
{
    m_busy = busy;
    m_passwordPage->setBusy(busy);
    for (WizardButton which : {BackButton, FinishButton, CancelButton})
        if (QAbstractButton *b = button(which))
            b->setEnabled(!busy);
    if (!busy)
        if (QAbstractButton *finish = button(FinishButton))
            finish->setEnabled(m_passwordPage->isComplete());
    setCursor(busy ? Qt::BusyCursor : Qt::ArrowCursor);
}

} // namespace icn::ui
