#pragma once

#include "FirstRunRequest.h"
#include "FirstRunWizardNetworkPage.h"
#include "WalletWizard.h"

namespace icn::ui {

// The first start: the data folder is created, a network chosen (the demo network by default, or a
// snapshot file), and then the wallet pages of WalletWizard run. Finish emits firstRunFinished()
// once the wallet is set up; the shell then opens the chosen network.
class FirstRunWizard : public WalletWizard
{
    Q_OBJECT

public:
    enum FirstRunPageId { Page_Welcome = 1, Page_Network = 2 };

    FirstRunWizard(const QString &dataDir, WalletService *service, QWidget *parent = nullptr);

    QString dataDir() const { return m_dataDir; }
    FirstRunWizardNetworkPage *networkPage() const { return m_networkPage; }
    void setSnapshotValidator(FirstRunWizardNetworkPage::SnapshotValidator validator)
    {
        m_networkPage->setSnapshotValidator(std::move(validator));
    }

signals:
    void firstRunFinished(const icn::ui::FirstRunRequest &request);

protected:
    void walletFinished(const Address &address) override;

private:
    QString m_dataDir;
    FirstRunWizardNetworkPage *m_networkPage = nullptr;
};

} // namespace icn::ui
