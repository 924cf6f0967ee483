#include "FirstRunWizard.h"

#include "FirstRunWizardNetworkPage.h"
#include "FirstRunWizardWelcomePage.h"
#include "WalletWizardState.h"

namespace icn::ui {

FirstRunWizard::FirstRunWizard(const QString &dataDir, WalletService *service, QWidget *parent)
    : WalletWizard(service, parent, NoPagesTag{}), m_dataDir(dataDir)
{
    setWindowTitle(tr("Welcome to ICN Desk"));
    setPage(Page_Welcome, new FirstRunWizardWelcomePage(dataDir, this));
    m_networkPage = new FirstRunWizardNetworkPage(&state(), this);
    setPage(Page_Network, m_networkPage);
    addWalletPages();
    setStartId(Page_Welcome);
}

void FirstRunWizard::walletFinished(const Address &address)
{
    FirstRunRequest request;
    request.dataDir = m_dataDir;
    request.network = m_networkPage->network();
    request.snapshotPath = m_networkPage->snapshotPath();
    request.account = address;
    emit firstRunFinished(request);
    WalletWizard::walletFinished(address);
}

} // namespace icn::ui
