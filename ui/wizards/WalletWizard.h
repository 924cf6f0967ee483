#pragma once

#include "Address.h"
#include "Result.h"
#include "service/WalletRequest.h"

#include <QPointer>
#include <QWizard>

#include <memory>

namespace icn::ui {

class WalletService;
class WalletWizardPasswordPage;
class WalletWizardState;

// Creates or imports a wallet: a new 24-word recovery phrase (shown, then three words confirmed),
// an existing phrase, a keystore file, or the public demo account. Every branch ends on the
// password page. On Finish the request goes to the WalletService, which derives and encrypts off
// the GUI thread while the wizard shows a busy indicator; a failure (a keystore file's wrong
// password) keeps the wizard open with the reason. Without a service the wizard only emits
// walletRequested() and closes.
class WalletWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId {
        Page_Choose = 10,
        Page_ShowMnemonic,
        Page_ConfirmMnemonic,
        Page_ImportMnemonic,
        Page_ImportKeystore,
        Page_Demo,
        Page_Password,
    };
    Q_ENUM(PageId)

    explicit WalletWizard(WalletService *service, QWidget *parent = nullptr);
    ~WalletWizard() override;

    // The randomness and file-dialog seams; tests set them before the wizard is shown.
    WalletWizardState &state() { return *m_state; }

    // The kind chosen on the first page.
    WalletRequest::Kind kind() const;
    bool isBusy() const { return m_busy; }

    void accept() override;
    void reject() override;

signals:
    // Without a service: the finished request (secrets included; the receiver wipes them).
    void walletRequested(const icn::ui::WalletRequest &request);
    // With a service: the account the wallet now holds.
    void walletCreated(const icn::Address &address);

protected:
    // For FirstRunWizard, which puts its own pages in front of the wallet pages.
    struct NoPagesTag {};
    WalletWizard(WalletService *service, QWidget *parent, NoPagesTag);
    void addWalletPages();
    // Called once the wallet part succeeded (or was handed over), before the dialog closes.
    virtual void walletFinished(const Address &address);

private:
    WalletRequest buildRequest();
    void setBusy(bool busy);

    QPointer<WalletService> m_service;
    std::unique_ptr<WalletWizardState> m_state;
    WalletWizardPasswordPage *m_passwordPage = nullptr;
    bool m_busy = false;
};

} // namespace icn::ui
