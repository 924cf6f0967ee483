#pragma once

#include "Address.h"
#include "dialogs/DialogSeams.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace icn::ui {

class AccountHistoryModel;
class AccountListModel;
class WalletService;

// The Wallet page: the accounts with their balances, and what can be done with each one (receive,
// send inside the mirror, sign a transfer for Base, rename, export, remove), plus lock/unlock with
// the idle auto-lock, new accounts from the recovery phrase, and the phrase itself behind the password.
// Dialogs open window-modal without blocking (tests find them with findChild).
class WalletPage : public QWidget
{
    Q_OBJECT

public:
    explicit WalletPage(WalletService *wallet, QWidget *parent = nullptr);

    void setSeams(DialogSeams seams) { m_seams = std::move(seams); }

    Address selectedAccount() const;
    QTableView *view() const { return m_view; }
    AccountListModel *model() const { return m_model; }
    AccountHistoryModel *historyModel() const { return m_history; }
    QTableView *historyView() const { return m_historyView; }
    QPushButton *button(const QString &objectName) const;

public slots:
    // Selects the account (the shell calls this when the active account changes).
    void setAccount(const icn::Address &address);
    // Quick search: kind "account" selects that account when the wallet holds it.
    void focusItem(const QString &kind, const QString &id);

    void addAccount();
    void importPrivateKey();
    void openWalletWizard();
    void renameSelected();
    void removeSelected();
    void receive();
    void send();
    void signForBase();
    void exportKeystore();
    void revealMnemonic();
    void toggleLock();
    // The decoded transaction of the history row (Enter or double-click).
    void showHistoryDetails(const QModelIndex &index);

signals:
    // The user picked an account in the table.
    void accountSelected(const icn::Address &address);

private slots:
    void updateState();
    void updateHistoryState();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QPushButton *makeButton(const char *name, const QString &text, void (WalletPage::*slot)());
    template <typename Dialog>
    Dialog *openDialog(Dialog *dialog);

    QPointer<WalletService> m_wallet;
    DialogSeams m_seams = DialogSeams::system();
    AccountListModel *m_model = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_lockState = nullptr;
    QPushButton *m_lockButton = nullptr;
    QSpinBox *m_autoLock = nullptr;
    QProgressBar *m_busy = nullptr;
    QList<QPushButton *> m_accountButtons; // need a selected account
    QPushButton *m_addButton = nullptr;
    QPushButton *m_revealButton = nullptr;
    AccountHistoryModel *m_history = nullptr;
    QTableView *m_historyView = nullptr;
    QLabel *m_historyTitle = nullptr;
    QLabel *m_historyState = nullptr;
};

} // namespace icn::ui
