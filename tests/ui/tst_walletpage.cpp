#include "WalletTestSupport.h"

#include "Erc20.h"
#include "Hex.h"
#include "dialogs/ImportPrivateKeyDialog.h"
#include "dialogs/PasswordPromptDialog.h"
#include "dialogs/QrCodeWidget.h"
#include "dialogs/ReceiveDialog.h"
#include "dialogs/RevealMnemonicDialog.h"
#include "dialogs/SendDialog.h"
#include "dialogs/SignBaseTransferDialog.h"
#include "models/AccountHistoryModel.h"
#include "models/AccountListModel.h"
#include "pages/WalletPage.h"
#include "service/FakeMarketService.h"
#include "service/LocalMarketService.h"
#include "dialogs/TransactionDetailsDialog.h"
#include "DemoNetwork.h"
#include "service/WalletService.h"
#include "wizards/MnemonicWordGrid.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace icn;
using namespace icn::ui;

namespace {
const char *const kPassword = "Kitchen5-table";
}

class TestWalletPage : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void anEmptyWalletOffersTheWizard();
    void renameEditsTheLabelInPlace();
    void removeAsksFirstAndKeepsTheAccountOnNo();
    void removeDeletesTheAccountOnYes();
    void receiveShowsTheChecksummedAddressAndItsQrCode();
    void signForBaseMatchesTheWalletLibrary();
    void signForBaseRefusesBadFields_data();
    void signForBaseRefusesBadFields();
    void unlockWithTheWrongPasswordIsRefusedThenTheRightOneUnlocks();
    void sendMovesIcntInsideTheMirror();
    void theRecoveryPhraseIsShownBehindThePasswordAndClearedOnClose();
    void exportWritesTheEncryptedKeystore();
    void importAPrivateKeyRefusesBadHexAndTheWrongPassword();
    void historyListsWhatTheAccountSignedOrWasPaidOnTheRealMirror();
    void historyFollowsTheSelectedAccount();

private:
    Address addDemo();
    void click(const QString &button);
    template <typename Dialog>
    Dialog *dialog();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeMarketService> m_market;
    std::unique_ptr<WalletService> m_wallet;
    std::unique_ptr<WalletPage> m_page;
    QStringList m_questions;
    bool m_answer = false;
    QString m_savePath;
};

void TestWalletPage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_market = std::make_unique<FakeMarketService>();
    m_wallet = std::make_unique<WalletService>(m_dir->filePath(QStringLiteral("wallet")), m_market.get(), nullptr,
                                               test::fastKdf());
    m_page = std::make_unique<WalletPage>(m_wallet.get());
    DialogSeams seams;
    seams.confirm = [this](QWidget *, const QString &, const QString &text) {
        m_questions.append(text);
        return m_answer;
    };
    seams.error = [](QWidget *, const QString &title, const QString &text) { QFAIL(qPrintable(title + text)); };
    seams.saveFile = [this](QWidget *, const QString &, const QString &) { return m_savePath; };
    seams.openFile = [](QWidget *, const QString &, const QString &) { return QString(); };
    m_page->setSeams(seams);
    m_page->resize(1000, 500);
    m_page->show();
    m_questions.clear();
    m_answer = false;
}

void TestWalletPage::cleanup()
{
    m_page.reset();
    m_wallet.reset();
    m_market.reset();
    m_dir.reset();
}

Address TestWalletPage::addDemo()
{
    auto added = test::submitAndWait(*m_wallet, WalletRequest::Kind::Demo, kPassword, test::demoMnemonic(),
                                     QStringLiteral("Demo SP"));
    return added ? *added : Address();
}

void TestWalletPage::click(const QString &button)
{
    QPushButton *b = m_page->button(button);
    QVERIFY2(b, qPrintable(button));
    QVERIFY2(b->isEnabled(), qPrintable(button));
    QTest::mouseClick(b, Qt::LeftButton);
}

template <typename Dialog>
Dialog *TestWalletPage::dialog()
{
    Dialog *found = m_page->findChild<Dialog *>();
    if (found)
        (void)QTest::qWaitForWindowExposed(found); // offscreen: only a settle, callers check the dialog
    return found;
}

void TestWalletPage::anEmptyWalletOffersTheWizard()
{
    QPushButton *setUp = m_page->button(QStringLiteral("setUpWallet"));
    QVERIFY(setUp && setUp->isVisible());
    QVERIFY(!m_page->button(QStringLiteral("lock"))->isEnabled());
    addDemo();
    QTRY_VERIFY(!setUp->isVisible());
    QVERIFY(m_page->view()->isVisible());
    QCOMPARE(m_page->selectedAccount().toChecksummed(), test::demoAddress());
}

void TestWalletPage::renameEditsTheLabelInPlace()
{
    const Address demo = addDemo();
    click(QStringLiteral("rename"));
    QWidget *editor = QApplication::focusWidget();
    QTRY_VERIFY((editor = QApplication::focusWidget()) != nullptr && qobject_cast<QLineEdit *>(editor));
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, QStringLiteral("Bookings account"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(m_wallet->account(demo)->label, QStringLiteral("Bookings account"));
    QCOMPARE(m_page->model()->index(0, AccountListModel::LabelColumn).data().toString(), QStringLiteral("Bookings account"));

    // An empty name is refused; the old one stays.
    click(QStringLiteral("rename"));
    QTRY_VERIFY((editor = QApplication::focusWidget()) != nullptr && qobject_cast<QLineEdit *>(editor));
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(editor, Qt::Key_Delete);
    QTest::keyClick(editor, Qt::Key_Return);
    QTest::qWait(20);
    QCOMPARE(m_wallet->account(demo)->label, QStringLiteral("Bookings account"));
}

void TestWalletPage::removeAsksFirstAndKeepsTheAccountOnNo()
{
    const Address demo = addDemo();
    m_answer = false;
    click(QStringLiteral("remove"));
    QCOMPARE(m_questions.size(), 1);
    QVERIFY(m_questions.front().contains(demo.toChecksummed()));
    QVERIFY(m_questions.front().contains(QStringLiteral("Demo SP")));
    QVERIFY(m_wallet->account(demo).has_value());
    QCOMPARE(m_page->model()->rowCount(), 1);
}

void TestWalletPage::removeDeletesTheAccountOnYes()
{
    const Address demo = addDemo();
    const QString keystoreFile = m_dir->filePath(QStringLiteral("wallet/") + demo.toChecksummed().toLower() + QStringLiteral(".json"));
    m_answer = true;
    click(QStringLiteral("remove"));
    QCOMPARE(m_questions.size(), 1);
    QVERIFY(!m_wallet->account(demo).has_value());
    QCOMPARE(m_page->model()->rowCount(), 0);
    QVERIFY(!QFile::exists(keystoreFile));
    QVERIFY(m_page->button(QStringLiteral("setUpWallet"))->isVisible());
}

void TestWalletPage::receiveShowsTheChecksummedAddressAndItsQrCode()
{
    addDemo();
    click(QStringLiteral("receive"));
    auto *receive = dialog<ReceiveDialog>();
    QVERIFY(receive);
    QCOMPARE(receive->addressText(), test::demoAddress());
    QrCodeWidget *qr = receive->qrCode();
    QCOMPARE(qr->text(), test::demoAddress());
    // 42 bytes at level M need version 3: 29 modules a side, finder patterns in three corners.
    QCOMPARE(qr->moduleCount(), 29);
    QVERIFY(qr->isDark(0, 0) && qr->isDark(6, 6) && !qr->isDark(7, 7) && qr->isDark(28, 0) && qr->isDark(0, 28));
    // Crisp: whole-pixel squares, black and white only.
    const QImage image = qr->toImage(3);
    QCOMPARE(image.width(), (29 + 2 * QrCodeWidget::kQuietZone) * 3);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = image.pixel(x, y);
            QVERIFY(p == qRgb(0, 0, 0) || p == qRgb(255, 255, 255));
        }
    QCOMPARE(image.pixel(QrCodeWidget::kQuietZone * 3, QrCodeWidget::kQuietZone * 3), qRgb(0, 0, 0));
    QCOMPARE(image.pixel(QrCodeWidget::kQuietZone * 3 - 1, QrCodeWidget::kQuietZone * 3), qRgb(255, 255, 255));
    receive->reject();
}

void TestWalletPage::signForBaseMatchesTheWalletLibrary()
{
    const Address demo = addDemo();
    click(QStringLiteral("signBase"));
    auto *sign = dialog<SignBaseTransferDialog>();
    QVERIFY(sign);
    const QString to = QStringLiteral("0x8ba1f109551bD432803012645Ac136ddd64DBA72");
    QTest::keyClicks(sign->toEdit(), to);
    QTest::keyClicks(sign->amountEdit(), QStringLiteral("1250.5"));
    sign->nonceEdit()->clear();
    QTest::keyClicks(sign->nonceEdit(), QStringLiteral("7"));
    sign->maxFeeEdit()->clear();
    QTest::keyClicks(sign->maxFeeEdit(), QStringLiteral("0.05"));
    sign->priorityFeeEdit()->clear();
    QTest::keyClicks(sign->priorityFeeEdit(), QStringLiteral("0.001"));
    sign->gasLimitEdit()->clear();
    QTest::keyClicks(sign->gasLimitEdit(), QStringLiteral("70000"));
    QTest::keyClicks(sign->passwordEdit(), QString::fromLatin1(kPassword));
    QTest::mouseClick(sign->signButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!sign->rawTransaction().isEmpty(), 20000);
    QVERIFY(sign->passwordEdit()->text().isEmpty());

    // The same inputs through the wallet library.
    erc20::TransferParams params;
    params.chainId = 8453;
    params.token = erc20::icntOnBase();
    params.nonce = 7;
    params.maxFeePerGas = UInt256::fromUInt64(50'000'000);      // 0.05 gwei
    params.maxPriorityFeePerGas = UInt256::fromUInt64(1'000'000); // 0.001 gwei
    params.gasLimit = 70000;
    auto tx = erc20::transferTransaction(*Address::parse(to), *Amount::parse(u"1250.5"), params);
    QVERIFY(tx.ok());
    auto signedTx = tx->sign(test::hdKey(test::demoMnemonic()));
    QVERIFY(signedTx.ok());
    QCOMPARE(sign->rawTransaction(), toHex(signedTx->raw));
    QCOMPARE(sign->transactionHash(), toHex(signedTx->hash));
    QVERIFY(sign->rawTransaction().startsWith(QStringLiteral("0x02")));
    QCOMPARE(signedTx->from, demo);

    // Saving writes the same text.
    m_savePath = m_dir->filePath(QStringLiteral("tx.txt"));
    auto *save = sign->findChild<QPushButton *>();
    for (QPushButton *b : sign->findChildren<QPushButton *>())
        if (b->text().contains(QStringLiteral("ve…")))
            save = b;
    QTest::mouseClick(save, Qt::LeftButton);
    QFile saved(m_savePath);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromLatin1(saved.readAll()).trimmed(), toHex(signedTx->raw));

    // Changing a field withdraws the signed transaction: what is shown always matches the fields.
    QTest::keyClicks(sign->nonceEdit(), QStringLiteral("1"));
    QVERIFY(sign->rawTransaction().isEmpty());
}

void TestWalletPage::signForBaseRefusesBadFields_data()
{
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("amount");
    QTest::addColumn<QString>("maxFee");
    QTest::addColumn<QString>("priorityFee");
    QTest::addColumn<QString>("gasLimit");
    QTest::addColumn<QString>("message");
    const QString to = QStringLiteral("0x8ba1f109551bD432803012645Ac136ddd64DBA72");
    QTest::newRow("a mistyped checksum is refused") << QStringLiteral("0x8ba1f109551bD432803012645Ac136ddd64DBA73") << "1"
                                                    << "0.05" << "0.001" << "65000" << "not a valid address";
    QTest::newRow("a zero amount is refused") << to << "0" << "0.05" << "0.001" << "65000" << "above zero";
    QTest::newRow("more than 18 decimals are refused") << to << "0.0000000000000000001" << "0.05" << "0.001" << "65000"
                                                       << "above zero";
    QTest::newRow("a fee with 10 decimals is refused") << to << "1" << "0.0000000001" << "0" << "65000" << "gwei";
    QTest::newRow("a tip above the fee cap is refused") << to << "1" << "0.05" << "0.06" << "65000" << "priority fee";
    QTest::newRow("a gas limit under 21000 is refused") << to << "1" << "0.05" << "0.001" << "20999" << "gas limit";
}

void TestWalletPage::signForBaseRefusesBadFields()
{
    QFETCH(QString, to);
    QFETCH(QString, amount);
    QFETCH(QString, maxFee);
    QFETCH(QString, priorityFee);
    QFETCH(QString, gasLimit);
    QFETCH(QString, message);
    addDemo();
    click(QStringLiteral("signBase"));
    auto *sign = dialog<SignBaseTransferDialog>();
    QTest::keyClicks(sign->toEdit(), to);
    QTest::keyClicks(sign->amountEdit(), amount);
    sign->maxFeeEdit()->setText(maxFee);
    sign->priorityFeeEdit()->setText(priorityFee);
    sign->gasLimitEdit()->setText(gasLimit);
    QTest::keyClicks(sign->passwordEdit(), QString::fromLatin1(kPassword));
    QTest::mouseClick(sign->signButton(), Qt::LeftButton);
    QVERIFY2(sign->errorText().contains(message), qPrintable(sign->errorText()));
    QVERIFY(!m_wallet->isBusy());
    QVERIFY(sign->rawTransaction().isEmpty());
    sign->reject();
}

void TestWalletPage::unlockWithTheWrongPasswordIsRefusedThenTheRightOneUnlocks()
{
    addDemo();
    QSignalSpy lockState(m_wallet.get(), &WalletService::lockStateChanged);
    QCOMPARE(m_page->findChild<QLabel *>(QStringLiteral("lockState"))->text(), QStringLiteral("Locked"));
    click(QStringLiteral("lock"));
    auto *prompt = dialog<PasswordPromptDialog>();
    QVERIFY(prompt);
    QTest::keyClicks(prompt->passwordEdit(), QStringLiteral("not it"));
    QTest::keyClick(prompt->passwordEdit(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!prompt->errorText().isEmpty(), 20000);
    QVERIFY(prompt->errorText().contains(QStringLiteral("password")));
    QVERIFY(!m_wallet->isUnlocked());
    QVERIFY(prompt->passwordEdit()->text().isEmpty());

    QTest::keyClicks(prompt->passwordEdit(), QString::fromLatin1(kPassword));
    QTest::keyClick(prompt->passwordEdit(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(m_wallet->isUnlocked(), 20000);
    QCOMPARE(lockState.count(), 1);
    QCOMPARE(m_page->findChild<QLabel *>(QStringLiteral("lockState"))->text(), QStringLiteral("Unlocked"));

    // Unlocked, signing needs no password; Lock forgets the keys again.
    auto key = m_wallet->unlock(*Address::parse(test::demoAddress()), SecureBytes());
    QVERIFY(key.ok());
    click(QStringLiteral("lock"));
    QVERIFY(!m_wallet->isUnlocked());
    QCOMPARE(m_wallet->unlock(*Address::parse(test::demoAddress()), SecureBytes()).error().code,
             QStringLiteral("keystore.wrong_password"));
}

void TestWalletPage::sendMovesIcntInsideTheMirror()
{
    const Address demo = addDemo();
    m_market->setBalance(demo, Amount::fromIcnt(100));
    const Address to = FakeMarketService::demoHp();
    const Amount before = m_market->balance(to);
    click(QStringLiteral("send"));
    auto *send = dialog<SendDialog>();
    QVERIFY(send);
    QTest::keyClicks(send->toEdit(), to.toChecksummed());
    QTest::keyClicks(send->amountEdit(), QStringLiteral("150"));
    QTest::keyClicks(send->passwordEdit(), QString::fromLatin1(kPassword));
    send->accept();
    QVERIFY(send->errorText().contains(QStringLiteral("more than the balance")));

    send->amountEdit()->clear();
    QTest::keyClicks(send->amountEdit(), QStringLiteral("12.5"));
    QPointer<SendDialog> guard(send);
    send->accept();
    QTRY_VERIFY_WITH_TIMEOUT(guard.isNull() || !guard->isVisible(), 20000);
    QCOMPARE(m_market->balance(demo), *Amount::parse(u"87.5"));
    QCOMPARE(m_market->balance(to), *before.add(*Amount::parse(u"12.5")));
    QCOMPARE(m_page->model()->index(0, AccountListModel::BalanceColumn).data(AccountListModel::BalanceRole).toString(),
             Amount::parse(u"87.5")->toStorage());
}

void TestWalletPage::theRecoveryPhraseIsShownBehindThePasswordAndClearedOnClose()
{
    auto added = test::submitAndWait(*m_wallet, WalletRequest::Kind::ImportMnemonic, kPassword, test::demoMnemonic());
    QVERIFY(added.ok());
    click(QStringLiteral("revealMnemonic"));
    auto *reveal = dialog<RevealMnemonicDialog>();
    QVERIFY(reveal);
    QTest::keyClicks(reveal->passwordEdit(), QStringLiteral("wrong password"));
    QTest::mouseClick(reveal->revealButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!reveal->errorText().isEmpty(), 20000);
    QVERIFY(reveal->grid()->isEmpty());

    QTest::keyClicks(reveal->passwordEdit(), QString::fromLatin1(kPassword));
    QTest::mouseClick(reveal->revealButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(reveal->grid()->wordCount(), 12, 20000);
    MnemonicWordGrid *grid = reveal->grid();
    reveal->reject();
    QVERIFY(grid->isEmpty());
}

void TestWalletPage::exportWritesTheEncryptedKeystore()
{
    const Address demo = addDemo();
    m_savePath = m_dir->filePath(QStringLiteral("export.json"));
    click(QStringLiteral("export"));
    QFile file(m_savePath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    auto keystore = Keystore::parse(file.readAll());
    QVERIFY(keystore.ok());
    QCOMPARE(keystore->address(), demo);
    auto key = keystore->decrypt(SecureBytes(QByteArrayView(kPassword)));
    QVERIFY(key.ok());
    QVERIFY(*key == test::hdKey(test::demoMnemonic()));
}

void TestWalletPage::importAPrivateKeyRefusesBadHexAndTheWrongPassword()
{
    addDemo();
    m_page->importPrivateKey();
    auto *import = dialog<ImportPrivateKeyDialog>();
    QVERIFY(import);
    QSignalSpy imported(import, &ImportPrivateKeyDialog::imported);
    QTest::keyClicks(import->keyEdit(), QStringLiteral("0x1234")); // too short
    QTest::keyClicks(import->passwordEdit(), QString::fromLatin1(kPassword));
    import->accept();
    QVERIFY(import->errorText().contains(QStringLiteral("64 hex digits")));
    QCOMPARE(m_wallet->accounts().size(), 1);

    const QString key = QStringLiteral("0x") + QString(64, u'4');
    import->keyEdit()->setText(key);
    import->passwordEdit()->setText(QStringLiteral("not the wallet password"));
    import->accept();
    QVERIFY(import->keyEdit()->text().isEmpty()); // taken out of the editor at once
    QTRY_VERIFY_WITH_TIMEOUT(!import->errorText().isEmpty(), 20000);
    QVERIFY2(import->errorText().contains(QStringLiteral("not your wallet's password")), qPrintable(import->errorText()));
    QCOMPARE(m_wallet->accounts().size(), 1);

    import->keyEdit()->setText(key);
    import->passwordEdit()->setText(QString::fromLatin1(kPassword));
    import->labelEdit()->setText(QStringLiteral("Hot key"));
    import->accept();
    QTRY_COMPARE_WITH_TIMEOUT(imported.count(), 1, 20000);
    const Address expected = *signer::addressOf(SecureBytes(QByteArray(32, '\x44')));
    QCOMPARE(imported.at(0).at(0).value<Address>(), expected);
    QCOMPARE(m_wallet->account(expected)->label, QStringLiteral("Hot key"));
    QTRY_COMPARE(m_page->selectedAccount(), expected);
}

// The history against the real mirror: what the account signed (a transfer out) and what paid it
// (faucet, a transfer in), newest first, and nothing of other accounts; Enter opens the details.
void TestWalletPage::historyListsWhatTheAccountSignedOrWasPaidOnTheRealMirror()
{
    m_page.reset();
    m_wallet.reset();
    QTemporaryDir mirrorDir;
    auto opened = LocalMarketService::openOrCreate(mirrorDir.path(), DemoNetwork::snapshot());
    QVERIFY(opened.ok());
    std::unique_ptr<LocalMarketService> market = std::move(opened).value();
    WalletService wallet(m_dir->filePath(QStringLiteral("wallet2")), market.get(), nullptr, test::fastKdf());
    WalletPage page(&wallet);
    QAbstractItemModelTester tester(page.historyModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.resize(1000, 700);
    page.show();
    auto *state = page.findChild<QLabel *>(QStringLiteral("historyState"));

    const Address demo = *Address::parse(test::demoAddress());
    const Address other = *Address::parse(QStringLiteral("0x00000000000000000000000000000000000000a1"));
    const Address third = *Address::parse(QStringLiteral("0x00000000000000000000000000000000000000b2"));
    const SecureBytes demoKey = test::hdKey(test::demoMnemonic());
    // Before the account is in the wallet: faucet to it, a transfer out, another account's faucet.
    QVERIFY(market->faucet(demo, Amount::fromIcnt(5)).ok());
    QVERIFY(market->faucet(other, Amount::fromIcnt(3)).ok());
    QVERIFY(market->transfer(demo, other, Amount::fromIcnt(2), demoKey).ok());
    auto added = test::submitAndWait(wallet, WalletRequest::Kind::Demo, kPassword, test::demoMnemonic(), QStringLiteral("Demo SP"));
    QVERIFY(added.ok());
    QTRY_COMPARE(page.selectedAccount(), demo);
    AccountHistoryModel *history = page.historyModel();
    QTRY_VERIFY(!history->isLoading() && history->rowCount() == 2);
    QCOMPARE(history->index(0, AccountHistoryModel::DirectionColumn).data().toString(), QStringLiteral("Sent"));
    QCOMPARE(history->index(1, AccountHistoryModel::DirectionColumn).data().toString(), QStringLiteral("Received"));
    QCOMPARE(history->index(1, AccountHistoryModel::TypeColumn).data(AccountHistoryModel::TypeRole).toString(),
             QStringLiteral("faucet"));
    QVERIFY(history->index(0, AccountHistoryModel::SummaryColumn).data().toString().contains(other.toChecksummed()));
    QCOMPARE(state->text(), QStringLiteral("2 transaction(s)"));

    // Appended entries arrive by themselves: a transfer paying the account, and one it has no part in.
    QVERIFY(market->faucet(third, Amount::fromIcnt(1)).ok());
    QVERIFY(market->transfer(demo, third, Amount::fromIcnt(1), demoKey).ok());
    QTRY_VERIFY(!history->isLoading() && history->rowCount() == 3);
    QVERIFY(history->index(0, AccountHistoryModel::SummaryColumn).data().toString().contains(third.toChecksummed()));
    QVERIFY(!history->index(0, 0).data(AccountHistoryModel::IncomingRole).toBool());

    // Keyboard: the label's mnemonic focuses the list; Enter opens the decoded transaction.
    QTableView *view = page.historyView();
    view->setFocus();
    view->setCurrentIndex(history->index(2, 0));
    QTest::keyClick(view, Qt::Key_Return);
    TransactionDetailsDialog *details = nullptr;
    QTRY_VERIFY((details = page.findChild<TransactionDetailsDialog *>()) != nullptr);
    QVERIFY(details->findChild<QPlainTextEdit *>(QStringLiteral("detailsText"))->toPlainText().contains(QStringLiteral("faucet")));
    delete details;
}

void TestWalletPage::historyFollowsTheSelectedAccount()
{
    const Address demo = addDemo();
    QVERIFY(m_market->faucet(demo, Amount::fromIcnt(4)).ok());
    auto *state = m_page->findChild<QLabel *>(QStringLiteral("historyState"));
    auto *title = m_page->findChild<QLabel *>(QStringLiteral("historyTitle"));
    QTRY_COMPARE(m_page->historyModel()->rowCount(), 1);
    QCOMPARE(title->text(), QStringLiteral("&History of Demo SP"));
    // A fresh account has an empty history and says so.
    auto derived = test::waitFor<Address>([this](QObject *context, auto done) {
        m_wallet->importPrivateKey(SecureBytes(QByteArray(32, '\x42')), QStringLiteral("Second"),
                                   SecureBytes(QByteArrayView(kPassword)), context, done);
    });
    QVERIFY2(derived && derived->ok(), qPrintable(derived && !derived->ok() ? derived->error().toString() : QString()));
    m_page->setAccount(**derived);
    QTRY_COMPARE(m_page->historyModel()->account(), **derived);
    QCOMPARE(m_page->historyModel()->rowCount(), 0);
    QVERIFY2(state->text().startsWith(QStringLiteral("No transactions yet")), qPrintable(state->text()));
    QCOMPARE(title->text(), QStringLiteral("&History of Second"));
    // Clicking the first account again brings its history back.
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    const QModelIndex demoRow = m_page->model()->index(m_page->model()->rowOf(demo), AccountListModel::AddressColumn);
    QTest::mouseClick(m_page->view()->viewport(), Qt::LeftButton, {}, m_page->view()->visualRect(demoRow).center());
    QTRY_COMPARE(m_page->selectedAccount(), demo);
    QTRY_COMPARE(m_page->historyModel()->rowCount(), 1);
}

QTEST_MAIN(TestWalletPage)
#include "tst_walletpage.moc"
