#include "WalletPage.h"

#include "dialogs/ImportPrivateKeyDialog.h"
#include "dialogs/PasswordPromptDialog.h"
#include "dialogs/ReceiveDialog.h"
#include "dialogs/RevealMnemonicDialog.h"
#include "dialogs/SendDialog.h"
#include "dialogs/SignBaseTransferDialog.h"
#include "dialogs/TransactionDetailsDialog.h"
#include "models/AccountHistoryModel.h"
#include "models/AccountListModel.h"
#include "service/WalletService.h"
#include "wizards/WalletWizard.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace icn::ui {

WalletPage::WalletPage(WalletService *wallet, QWidget *parent) : QWidget(parent), m_wallet(wallet)
{
    Q_ASSERT(wallet);
    m_model = new AccountListModel(wallet, this);

    // Header: title, lock state, auto-lock.
    auto *title = new QLabel(tr("Wallet"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    m_lockState = new QLabel(this);
    m_lockState->setObjectName(QStringLiteral("lockState"));
    m_lockButton = new QPushButton(this);
    m_lockButton->setObjectName(QStringLiteral("lock"));
    connect(m_lockButton, &QPushButton::clicked, this, &WalletPage::toggleLock);
    m_autoLock = new QSpinBox(this);
    m_autoLock->setObjectName(QStringLiteral("autoLockMinutes"));
    m_autoLock->setRange(0, 240);
    m_autoLock->setSpecialValueText(tr("never"));
    m_autoLock->setSuffix(tr(" min"));
    m_autoLock->setValue(wallet->autoLockMinutes());
    connect(m_autoLock, &QSpinBox::valueChanged, wallet, &WalletService::setAutoLockMinutes);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setMaximumSize(120, 10);
    m_busy->hide();
    auto *header = new QHBoxLayout;
    header->addWidget(title);
    header->addSpacing(16);
    header->addWidget(m_busy);
    header->addStretch(1);
    header->addWidget(m_lockState);
    header->addWidget(m_lockButton);
    header->addSpacing(12);
    header->addWidget(new QLabel(tr("Lock when idle for"), this));
    header->addWidget(m_autoLock);

    // The empty wallet.
    auto *empty = new QWidget(this);
    auto *emptyText = new QLabel(tr("There are no accounts in this wallet yet. Create one, restore one from "
                                    "a recovery phrase or a keystore file, or use the demo account."),
                                 empty);
    emptyText->setWordWrap(true);
    emptyText->setAlignment(Qt::AlignCenter);
    auto *setUp = new QPushButton(tr("&Set up wallet…"), empty);
    setUp->setObjectName(QStringLiteral("setUpWallet"));
    connect(setUp, &QPushButton::clicked, this, &WalletPage::openWalletWizard);
    auto *emptyLayout = new QVBoxLayout(empty);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(emptyText);
    emptyLayout->addWidget(setUp, 0, Qt::AlignHCenter);
    emptyLayout->addStretch(2);

    // The accounts.
    auto *accounts = new QWidget(this);
    m_view = new QTableView(accounts);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(AccountListModel::AddressColumn, QHeaderView::ResizeToContents);
    m_view->setColumnWidth(AccountListModel::LabelColumn, 220);
    m_view->horizontalHeader()->setSectionResizeMode(AccountListModel::BalanceColumn, QHeaderView::ResizeToContents);
    m_view->setWordWrap(false); // exact amounts can be long; never break them over two lines
    m_view->setAlternatingRowColors(true);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        updateState();
        m_history->setAccount(current.isValid() ? m_model->addressAt(current.row()) : Address());
        if (current.isValid())
            emit accountSelected(m_model->addressAt(current.row()));
    });
    connect(m_view, &QTableView::doubleClicked, this, &WalletPage::receive);

    // The selected account's history: what it signed and what paid it.
    m_history = new AccountHistoryModel(wallet->marketService(), this);
    m_historyTitle = new QLabel(tr("&History"), accounts);
    m_historyTitle->setObjectName(QStringLiteral("historyTitle"));
    QFont historyFont = m_historyTitle->font();
    historyFont.setBold(true);
    m_historyTitle->setFont(historyFont);
    m_historyView = new QTableView(accounts);
    m_historyView->setObjectName(QStringLiteral("historyView"));
    m_historyView->setModel(m_history);
    m_historyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_historyView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_historyView->setAlternatingRowColors(true);
    m_historyView->setWordWrap(false);
    m_historyView->verticalHeader()->hide();
    m_historyView->horizontalHeader()->setStretchLastSection(true);
    m_historyView->setAccessibleName(tr("Account history"));
    m_historyTitle->setBuddy(m_historyView);
    const QFontMetrics fm = m_historyView->fontMetrics();
    m_historyView->setColumnWidth(AccountHistoryModel::SeqColumn, fm.horizontalAdvance(QStringLiteral("1000000")) + 24);
    m_historyView->setColumnWidth(AccountHistoryModel::TimeColumn, fm.horizontalAdvance(QStringLiteral("2026-11 · epoch 0000")) + 24);
    m_historyView->setColumnWidth(AccountHistoryModel::TypeColumn, fm.horizontalAdvance(QStringLiteral("Compensation claim")) + 24);
    m_historyView->setColumnWidth(AccountHistoryModel::DirectionColumn, fm.horizontalAdvance(tr("Received")) + 32);
    m_historyState = new QLabel(accounts);
    m_historyState->setObjectName(QStringLiteral("historyState"));
    m_historyState->setWordWrap(true);
    connect(m_historyView, &QTableView::activated, this, &WalletPage::showHistoryDetails);
    connect(m_history, &QAbstractItemModel::modelReset, this, &WalletPage::updateHistoryState);
    connect(m_history, &AccountHistoryModel::loadingChanged, this, &WalletPage::updateHistoryState);

    m_addButton = new QPushButton(tr("&New account"), accounts);
    m_addButton->setObjectName(QStringLiteral("newAccount"));
    auto *addMenu = new QMenu(m_addButton);
    QAction *derive = addMenu->addAction(tr("Next account from the recovery phrase…"), this, &WalletPage::addAccount);
    derive->setObjectName(QStringLiteral("deriveNext"));
    addMenu->addAction(tr("Import a private key…"), this, &WalletPage::importPrivateKey);
    addMenu->addAction(tr("Create, restore or import with the wallet wizard…"), this, &WalletPage::openWalletWizard);
    m_addButton->setMenu(addMenu);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addButton);
    m_accountButtons = {
        makeButton("receive", tr("&Receive…"), &WalletPage::receive),
        makeButton("send", tr("S&end…"), &WalletPage::send),
        makeButton("signBase", tr("Sign for &Base…"), &WalletPage::signForBase),
        makeButton("rename", tr("Rena&me"), &WalletPage::renameSelected),
        makeButton("export", tr("E&xport keystore…"), &WalletPage::exportKeystore),
        makeButton("remove", tr("Remo&ve…"), &WalletPage::removeSelected),
    };
    for (QPushButton *b : std::as_const(m_accountButtons))
        buttons->addWidget(b);
    buttons->addStretch(1);
    m_revealButton = makeButton("revealMnemonic", tr("Show recovery &phrase…"), &WalletPage::revealMnemonic);
    buttons->addWidget(m_revealButton);

    auto *accountsLayout = new QVBoxLayout(accounts);
    accountsLayout->setContentsMargins(0, 0, 0, 0);
    accountsLayout->addWidget(m_view, 2);
    accountsLayout->addLayout(buttons);
    accountsLayout->addSpacing(8);
    auto *historyHeader = new QHBoxLayout;
    historyHeader->addWidget(m_historyTitle);
    historyHeader->addWidget(m_historyState, 1);
    accountsLayout->addLayout(historyHeader);
    accountsLayout->addWidget(m_historyView, 3);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(empty);
    m_stack->addWidget(accounts);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_stack, 1);

    connect(wallet, &WalletService::accountsChanged, this, &WalletPage::updateState);
    connect(wallet, &WalletService::lockStateChanged, this, &WalletPage::updateState);
    connect(wallet, &WalletService::busyChanged, this, &WalletPage::updateState);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_model->rowCount() > 0 && !m_view->currentIndex().isValid())
            m_view->setCurrentIndex(m_model->index(0, 0));
    });
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0, 0));
    updateState();
    updateHistoryState();
}

void WalletPage::updateHistoryState()
{
    const Address account = m_history->account();
    const auto own = account.isNull() ? std::nullopt : m_wallet->account(account);
    m_historyTitle->setText(own ? tr("&History of %1").arg(own->label) : tr("&History"));
    QString state;
    if (!m_history->service())
        state = tr("No network is open, so there is no history to show.");
    else if (account.isNull())
        state = tr("Select an account to see its transactions.");
    else if (m_history->isLoading())
        state = tr("Searching the log…");
    else if (!m_history->isSupported())
        state = tr("This network cannot list an account's transactions.");
    else if (m_history->rowCount() == 0)
        state = tr("No transactions yet: transfers, faucet payments and bookings of this account appear here.");
    else if (m_history->totalCount() > m_history->rowCount())
        state = tr("The newest %1 of %2 transactions.").arg(m_history->rowCount()).arg(m_history->totalCount());
    else
        state = tr("%n transaction(s)", nullptr, m_history->rowCount());
    m_historyState->setText(state);
}

void WalletPage::showHistoryDetails(const QModelIndex &index)
{
    std::optional<ActivityRow> entry = m_history->entryAt(index.row());
    if (!entry)
        return;
    if (entry->details.isEmpty() && m_history->service())
        entry->details = m_history->service()->activityDetails(entry->seq);
    openDialog(new TransactionDetailsDialog(*entry, this));
}

QPushButton *WalletPage::makeButton(const char *name, const QString &text, void (WalletPage::*slot)())
{
    auto *b = new QPushButton(text, this);
    b->setObjectName(QLatin1String(name));
    connect(b, &QPushButton::clicked, this, slot);
    return b;
}

QPushButton *WalletPage::button(const QString &objectName) const
{
    return findChild<QPushButton *>(objectName);
}

template <typename Dialog>
Dialog *WalletPage::openDialog(Dialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

Address WalletPage::selectedAccount() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->addressAt(current.row()) : Address();
}

void WalletPage::setAccount(const Address &address)
{
    const int row = m_model->rowOf(address);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row, 0));
}

void WalletPage::focusItem(const QString &kind, const QString &id)
{
    if (kind != QLatin1String("account"))
        return;
    const Result<Address> address = Address::parse(id);
    if (!address)
        return;
    const int row = m_model->rowOf(*address);
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, 0);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    m_view->setFocus();
}

void WalletPage::showEvent(QShowEvent *event)
{
    // Preferences may have changed the auto-lock while the page was hidden.
    if (m_wallet && m_autoLock->value() != m_wallet->autoLockMinutes()) {
        const QSignalBlocker block(m_autoLock);
        m_autoLock->setValue(m_wallet->autoLockMinutes());
    }
    QWidget::showEvent(event);
}

void WalletPage::updateState()
{
    if (!m_wallet)
        return;
    const bool hasAccounts = m_model->rowCount() > 0;
    const bool selected = !selectedAccount().isNull();
    const bool busy = m_wallet->isBusy();
    m_stack->setCurrentIndex(hasAccounts ? 1 : 0);
    for (QPushButton *b : std::as_const(m_accountButtons))
        b->setEnabled(selected && !busy);
    m_addButton->setEnabled(!busy);
    if (QAction *derive = m_addButton->menu()->findChild<QAction *>(QStringLiteral("deriveNext")))
        derive->setEnabled(m_wallet->hasMnemonic());
    m_revealButton->setEnabled(m_wallet->hasMnemonic() && !busy);
    m_busy->setVisible(busy);
    const bool unlocked = m_wallet->isUnlocked();
    m_lockState->setText(unlocked ? tr("Unlocked") : tr("Locked"));
    m_lockButton->setText(unlocked ? tr("&Lock") : tr("&Unlock…"));
    m_lockButton->setEnabled(hasAccounts && !busy);
    updateHistoryState(); // a renamed account renames its history
}

void WalletPage::addAccount()
{
    const QString label = tr("Account %1").arg(m_model->rowCount() + 1);
    QPointer<WalletService> wallet = m_wallet;
    openDialog(new PasswordPromptDialog(
        tr("New account"), tr("Type your wallet password to derive and encrypt the next account."),
        [wallet, label](SecureBytes password, PasswordPromptDialog *dialog, PasswordPromptDialog::Finished finished) {
            if (!wallet)
                return;
            wallet->deriveNext(label, std::move(password), dialog, [finished](Result<Address> added) {
                finished(added ? Result<void>() : Result<void>(added.error()));
            });
        },
        this));
}

void WalletPage::importPrivateKey()
{
    auto *dialog = openDialog(new ImportPrivateKeyDialog(m_wallet, this));
    connect(dialog, &ImportPrivateKeyDialog::imported, this, &WalletPage::setAccount);
}

void WalletPage::openWalletWizard()
{
    auto *wizard = openDialog(new WalletWizard(m_wallet, this));
    connect(wizard, &WalletWizard::walletCreated, this, &WalletPage::setAccount);
}

void WalletPage::renameSelected()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const QModelIndex labelIndex = m_model->index(current.row(), AccountListModel::LabelColumn);
    m_view->setCurrentIndex(labelIndex);
    m_view->edit(labelIndex);
}

void WalletPage::removeSelected()
{
    const Address address = selectedAccount();
    const auto account = m_wallet->account(address);
    if (!account)
        return;
    const QString backup = account->isDerived()
                               ? tr("It can be derived again from your recovery phrase.")
                               : tr("Without an exported keystore file or its private key, it is gone for good, "
                                    "along with any ICNT it holds.");
    if (!m_seams.confirm(this, tr("Remove account"),
                         tr("Remove “%1” (%2) from this wallet? Its encrypted key file is deleted. %3")
                             .arg(account->label, address.toChecksummed(), backup)))
        return;
    if (auto removed = m_wallet->remove(address); !removed)
        m_seams.error(this, tr("Remove account"), removed.error().message);
}

void WalletPage::receive()
{
    const auto account = m_wallet->account(selectedAccount());
    if (account)
        openDialog(new ReceiveDialog(account->address, account->label, account->isPublicTestKey, this));
}

void WalletPage::send()
{
    const Address address = selectedAccount();
    if (!address.isNull())
        openDialog(new SendDialog(m_wallet, address, this));
}

void WalletPage::signForBase()
{
    const Address address = selectedAccount();
    if (address.isNull())
        return;
    auto *dialog = new SignBaseTransferDialog(m_wallet, address, this);
    dialog->setSeams(m_seams);
    openDialog(dialog);
}

void WalletPage::exportKeystore()
{
    const Address address = selectedAccount();
    if (address.isNull())
        return;
    auto json = m_wallet->exportKeystore(address);
    if (!json) {
        m_seams.error(this, tr("Export keystore"), json.error().message);
        return;
    }
    const QString path = m_seams.saveFile(this, tr("Export keystore"), tr("Keystore files (*.json)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    const bool opened = file.open(QIODevice::WriteOnly);
    if (opened)
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner); // still a secret, if encrypted
    if (!opened || file.write(*json) != json->size() || !file.commit())
        m_seams.error(this, tr("Export keystore"), tr("Cannot write “%1”: %2").arg(path, file.errorString()));
}

void WalletPage::revealMnemonic()
{
    openDialog(new RevealMnemonicDialog(m_wallet, this));
}

void WalletPage::toggleLock()
{
    if (m_wallet->isUnlocked()) {
        m_wallet->lock();
        return;
    }
    QPointer<WalletService> wallet = m_wallet;
    openDialog(new PasswordPromptDialog(
        tr("Unlock wallet"),
        tr("Type your wallet password. The keys stay unlocked until you lock the wallet or leave it idle."),
        [wallet](SecureBytes password, PasswordPromptDialog *dialog, PasswordPromptDialog::Finished finished) {
            if (wallet)
                wallet->unlockWallet(std::move(password), dialog, finished);
        },
        this));
}

} // namespace icn::ui
