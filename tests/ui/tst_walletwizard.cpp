#include "WalletTestSupport.h"

#include "service/WalletService.h"
#include "wizards/MnemonicWordGrid.h"
#include "wizards/PasswordStrengthMeter.h"
#include "wizards/WalletWizard.h"
#include "wizards/WalletWizardConfirmPage.h"
#include "wizards/WalletWizardChoosePage.h"
#include "wizards/WalletWizardImportKeystorePage.h"
#include "wizards/WalletWizardImportMnemonicPage.h"
#include "wizards/WalletWizardPasswordPage.h"
#include "wizards/WalletWizardShowMnemonicPage.h"
#include "wizards/WalletWizardState.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace icn;
using namespace icn::ui;

namespace {

// 24 words from fixed entropy, so the test knows every word.
const QByteArray kEntropy = QByteArray::fromHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");

QStringList wordsOf(const SecureBytes &mnemonic)
{
    return QString::fromUtf8(mnemonic.view()).split(u' ');
}

} // namespace

class TestWalletWizard : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void createShowsTheWordsThenAcceptsOnlyTheRightOnes();
    void cancellingWhileTheWordsShowClearsThem();
    void theStrengthMeterFollowsThePassword_data();
    void theStrengthMeterFollowsThePassword();
    void passwordsThatDifferOrAreWeakAreRefused();
    void importRefusesABadChecksumThenTakesTheRightPhrase();
    void importRefusesUnknownWordsAndWrongCounts_data();
    void importRefusesUnknownWordsAndWrongCounts();
    void importsAKeystoreFileUnderTheWalletPassword();
    void aWrongKeystorePasswordKeepsTheWizardOpen();
    void theDemoAccountIsThePublicTestKey();
    void withoutAServiceTheRequestIsEmitted();

private:
    void clickNext(QWizard &wizard);
    void clickFinish(QWizard &wizard);
    void setPassword(QWizard &wizard, const QString &password);
    WalletWizard *makeWizard();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<WalletService> m_wallet;
    std::unique_ptr<WalletWizard> m_wizard;
    SecureBytes m_mnemonic;
};

void TestWalletWizard::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_wallet = std::make_unique<WalletService>(m_dir->filePath(QStringLiteral("wallet")), nullptr, nullptr, test::fastKdf());
    m_mnemonic = *Bip39::fromEntropy(SecureBytes(kEntropy));
    QCOMPARE(wordsOf(m_mnemonic).size(), 24);
}

void TestWalletWizard::cleanup()
{
    m_wizard.reset();
    m_wallet.reset();
    m_dir.reset();
}

WalletWizard *TestWalletWizard::makeWizard()
{
    m_wizard = std::make_unique<WalletWizard>(m_wallet.get());
    const SecureBytes mnemonic = m_mnemonic;
    m_wizard->state().generateMnemonic = [mnemonic] { return Result<SecureBytes>(mnemonic); };
    m_wizard->state().pickPositions = [](int, int) { return QList<int>{2, 10, 20}; };
    m_wizard->show();
    return m_wizard.get();
}

void TestWalletWizard::clickNext(QWizard &wizard)
{
    QAbstractButton *next = wizard.button(QWizard::NextButton);
    QVERIFY(next->isVisible());
    QVERIFY(next->isEnabled());
    QTest::mouseClick(next, Qt::LeftButton);
}

void TestWalletWizard::clickFinish(QWizard &wizard)
{
    QAbstractButton *finish = wizard.button(QWizard::FinishButton);
    QVERIFY(finish->isVisible());
    QVERIFY(finish->isEnabled());
    QTest::mouseClick(finish, Qt::LeftButton);
}

void TestWalletWizard::setPassword(QWizard &wizard, const QString &password)
{
    auto *page = qobject_cast<WalletWizardPasswordPage *>(wizard.page(WalletWizard::Page_Password));
    QVERIFY(page);
    QTest::keyClicks(page->passwordEdit(), password);
    QTest::keyClicks(page->repeatEdit(), password);
}

void TestWalletWizard::createShowsTheWordsThenAcceptsOnlyTheRightOnes()
{
    WalletWizard &wizard = *makeWizard();
    QSignalSpy created(&wizard, &WalletWizard::walletCreated);
    QCOMPARE(wizard.currentId(), int(WalletWizard::Page_Choose));
    clickNext(wizard);

    QCOMPARE(wizard.currentId(), int(WalletWizard::Page_ShowMnemonic));
    auto *show = qobject_cast<WalletWizardShowMnemonicPage *>(wizard.currentPage());
    QCOMPARE(show->grid()->wordCount(), 24);
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled()); // "written down" is mandatory
    QTest::mouseClick(show->writtenDownBox(), Qt::LeftButton, {}, QPoint(5, show->writtenDownBox()->height() / 2));
    clickNext(wizard);

    QCOMPARE(wizard.currentId(), int(WalletWizard::Page_ConfirmMnemonic));
    QVERIFY(show->grid()->isEmpty()); // the words do not linger once the page is left
    auto *confirm = qobject_cast<WalletWizardConfirmPage *>(wizard.currentPage());
    QCOMPARE(confirm->positions(), (QList<int>{2, 10, 20}));
    const QStringList words = wordsOf(m_mnemonic);
    QTest::keyClicks(confirm->wordEdit(0), words[2]);
    QTest::keyClicks(confirm->wordEdit(1), words[11]); // the wrong word for #11
    QTest::keyClicks(confirm->wordEdit(2), words[20].toUpper()); // case does not matter
    clickNext(wizard);
    QCOMPARE(wizard.currentId(), int(WalletWizard::Page_ConfirmMnemonic));
    QVERIFY2(confirm->errorText().contains(QStringLiteral("Word #11 does not match")), qPrintable(confirm->errorText()));

    // Back shows the words again; forward hides them.
    QTest::mouseClick(wizard.button(QWizard::BackButton), Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(WalletWizard::Page_ShowMnemonic));
    QCOMPARE(show->grid()->wordCount(), 24);
    clickNext(wizard);
    QVERIFY(show->grid()->isEmpty());
    QVERIFY(confirm->wordEdit(0)->text().isEmpty()); // typed words were wiped on the way back

    QTest::keyClicks(confirm->wordEdit(0), words[2]);
    QTest::keyClicks(confirm->wordEdit(1), words[10]);
    QTest::keyClicks(confirm->wordEdit(2), words[20]);
    clickNext(wizard);
    QCOMPARE(wizard.currentId(), int(WalletWizard::Page_Password));
    QVERIFY(confirm->wordEdit(1)->text().isEmpty());

    setPassword(wizard, QStringLiteral("Tr0ub4dor&3-horse"));
    clickFinish(wizard);
    QTRY_COMPARE_WITH_TIMEOUT(created.count(), 1, 20000);
    QCOMPARE(wizard.result(), int(QDialog::Accepted));

    // The account is m/44'/60'/0'/0/0 of the phrase that was shown.
    QByteArray phrase = QByteArray(m_mnemonic.view().data(), m_mnemonic.view().size());
    auto expected = signer::addressOf(test::hdKey(phrase.constData()));
    QCOMPARE(created.at(0).at(0).value<Address>(), *expected);
    QCOMPARE(m_wallet->accounts().size(), 1);
    QCOMPARE(m_wallet->accounts().front().label, QStringLiteral("Account 1"));
    QCOMPARE(m_wallet->accounts().front().hdPath, QStringLiteral("m/44'/60'/0'/0/0"));
    QVERIFY(m_wallet->hasMnemonic());
    QVERIFY(wizard.state().generatedMnemonic.isEmpty()); // wiped once done
}

void TestWalletWizard::cancellingWhileTheWordsShowClearsThem()
{
    WalletWizard &wizard = *makeWizard();
    clickNext(wizard);
    auto *show = qobject_cast<WalletWizardShowMnemonicPage *>(wizard.currentPage());
    QCOMPARE(show->grid()->wordCount(), 24);
    QTest::mouseClick(wizard.button(QWizard::CancelButton), Qt::LeftButton);
    QVERIFY(show->grid()->isEmpty());
    QVERIFY(wizard.state().generatedMnemonic.isEmpty());
    QCOMPARE(wizard.result(), int(QDialog::Rejected));
    QVERIFY(m_wallet->accounts().isEmpty());
}

void TestWalletWizard::theStrengthMeterFollowsThePassword_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("strength");
    QTest::newRow("a short password is too weak") << QStringLiteral("abc12") << int(PasswordStrengthMeter::TooWeak);
    QTest::newRow("a notorious password is too weak") << QStringLiteral("password1") << int(PasswordStrengthMeter::TooWeak);
    QTest::newRow("eight lower-case letters are weak") << QStringLiteral("kitchens") << int(PasswordStrengthMeter::Weak);
    QTest::newRow("eight characters of three kinds are fair") << QStringLiteral("Kitchen5") << int(PasswordStrengthMeter::Fair);
    QTest::newRow("a long mixed passphrase is strong") << QStringLiteral("Correct-Horse-Battery-9") << int(PasswordStrengthMeter::Strong);
    QTest::newRow("repeated characters are too weak") << QStringLiteral("aaaaaaaaaaaaaaaa") << int(PasswordStrengthMeter::TooWeak);
}

void TestWalletWizard::theStrengthMeterFollowsThePassword()
{
    QFETCH(QString, password);
    QFETCH(int, strength);
    WalletWizard &wizard = *makeWizard();
    wizard.state(); // keep the seams
    qobject_cast<WalletWizardChoosePage *>(wizard.currentPage())->demoButton()->setChecked(true);
    clickNext(wizard);
    clickNext(wizard);
    auto *page = qobject_cast<WalletWizardPasswordPage *>(wizard.currentPage());
    QVERIFY(page);
    QSignalSpy changed(page->meter(), &PasswordStrengthMeter::strengthChanged);
    QCOMPARE(page->meter()->strength(), PasswordStrengthMeter::TooWeak);
    QTest::keyClicks(page->passwordEdit(), password);
    QCOMPARE(int(page->meter()->strength()), strength);
    QCOMPARE(page->meter()->text(), PasswordStrengthMeter::describe(PasswordStrengthMeter::Strength(strength)));
    if (strength != PasswordStrengthMeter::TooWeak)
        QVERIFY(changed.count() >= 1);
    // Clearing the field empties the meter again.
    page->passwordEdit()->clear();
    QCOMPARE(page->meter()->strength(), PasswordStrengthMeter::TooWeak);
}

void TestWalletWizard::passwordsThatDifferOrAreWeakAreRefused()
{
    WalletWizard &wizard = *makeWizard();
    qobject_cast<WalletWizardChoosePage *>(wizard.currentPage())->demoButton()->setChecked(true);
    clickNext(wizard);
    clickNext(wizard);
    auto *page = qobject_cast<WalletWizardPasswordPage *>(wizard.currentPage());
    QTest::keyClicks(page->passwordEdit(), QStringLiteral("Kitchen5-table"));
    QTest::keyClicks(page->repeatEdit(), QStringLiteral("Kitchen5-tabel"));
    clickFinish(wizard);
    QVERIFY(page->errorText().contains(QStringLiteral("differ")));
    QVERIFY(wizard.isVisible());

    page->passwordEdit()->clear();
    page->repeatEdit()->clear();
    QTest::keyClicks(page->passwordEdit(), QStringLiteral("kitchens"));
    QTest::keyClicks(page->repeatEdit(), QStringLiteral("kitchens"));
    clickFinish(wizard);
    QVERIFY(page->errorText().contains(QStringLiteral("too easy")));
    QVERIFY(wizard.isVisible());
    QTest::qWait(50);
    QVERIFY(m_wallet->accounts().isEmpty());
}

void TestWalletWizard::importRefusesABadChecksumThenTakesTheRightPhrase()
{
    WalletWizard &wizard = *makeWizard();
    QSignalSpy created(&wizard, &WalletWizard::walletCreated);
    auto *choose = qobject_cast<WalletWizardChoosePage *>(wizard.currentPage());
    QTest::mouseClick(choose->importMnemonicButton(), Qt::LeftButton, {}, QPoint(5, 5));
    clickNext(wizard);
    QCOMPARE(wizard.currentId(), int(WalletWizard::Page_ImportMnemonic));
    auto *page = qobject_cast<WalletWizardImportMnemonicPage *>(wizard.currentPage());

    // Twelve valid words whose checksum is wrong.
    QTest::keyClicks(page->phraseEdit(), QStringLiteral("abandon abandon abandon abandon abandon abandon abandon "
                                                        "abandon abandon abandon abandon abandon"));
    clickNext(wizard);
    QCOMPARE(wizard.currentId(), int(WalletWizard::Page_ImportMnemonic));
    QVERIFY2(page->errorText().contains(QStringLiteral("checksum")), qPrintable(page->errorText()));
    QVERIFY(m_wallet->accounts().isEmpty());

    page->phraseEdit()->clear();
    QTest::keyClicks(page->phraseEdit(), QString::fromLatin1(test::demoMnemonic()).toUpper() + QStringLiteral("  "));
    clickNext(wizard);
    QCOMPARE(wizard.currentId(), int(WalletWizard::Page_Password));
    QVERIFY(page->phraseEdit()->toPlainText().isEmpty()); // taken out of the editor
    QCOMPARE(QString::fromUtf8(wizard.state().importedMnemonic.view()), QString::fromLatin1(test::demoMnemonic()));

    setPassword(wizard, QStringLiteral("Kitchen5-table"));
    clickFinish(wizard);
    QTRY_COMPARE_WITH_TIMEOUT(created.count(), 1, 20000);
    QCOMPARE(created.at(0).at(0).value<Address>().toChecksummed(), test::demoAddress());
    QVERIFY(m_wallet->hasMnemonic());
}

void TestWalletWizard::importRefusesUnknownWordsAndWrongCounts_data()
{
    QTest::addColumn<QString>("phrase");
    QTest::addColumn<QString>("message");
    QTest::newRow("a word outside the list is named by position")
        << QStringLiteral("abandon abandon abandonn abandon abandon abandon abandon abandon abandon abandon abandon about")
        << QStringLiteral("Word #3 is not in the BIP-39 English word list");
    QTest::newRow("eleven words are not a phrase")
        << QStringLiteral("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about")
        << QStringLiteral("this one has 11");
}

void TestWalletWizard::importRefusesUnknownWordsAndWrongCounts()
{
    QFETCH(QString, phrase);
    QFETCH(QString, message);
    WalletWizard &wizard = *makeWizard();
    qobject_cast<WalletWizardChoosePage *>(wizard.currentPage())->importMnemonicButton()->setChecked(true);
    clickNext(wizard);
    auto *page = qobject_cast<WalletWizardImportMnemonicPage *>(wizard.currentPage());
    QTest::keyClicks(page->phraseEdit(), phrase);
    clickNext(wizard);
    QCOMPARE(wizard.currentId(), int(WalletWizard::Page_ImportMnemonic));
    QVERIFY2(page->errorText().contains(message), qPrintable(page->errorText()));
    QVERIFY(wizard.state().importedMnemonic.isEmpty());
}

void TestWalletWizard::importsAKeystoreFileUnderTheWalletPassword()
{
    const SecureBytes key(QByteArray(32, '\x42'));
    auto keystore = Keystore::encrypt(key, SecureBytes(QByteArrayView("file password")), test::fastKdf());
    QVERIFY(keystore.ok());
    const QString path = m_dir->filePath(QStringLiteral("UTC--key.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(keystore->toJson());
    file.close();

    WalletWizard &wizard = *makeWizard();
    QString askedCaption;
    wizard.state().seams.openFile = [&](QWidget *, const QString &caption, const QString &) {
        askedCaption = caption;
        return path;
    };
    QSignalSpy created(&wizard, &WalletWizard::walletCreated);
    qobject_cast<WalletWizardChoosePage *>(wizard.currentPage())->importKeystoreButton()->setChecked(true);
    clickNext(wizard);
    auto *page = qobject_cast<WalletWizardImportKeystorePage *>(wizard.currentPage());
    QVERIFY(page);
    auto *browse = page->findChild<QAbstractButton *>();
    QVERIFY(browse);
    QTest::mouseClick(browse, Qt::LeftButton);
    QCOMPARE(page->pathEdit()->text(), path);
    QVERIFY(!askedCaption.isEmpty());
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled()); // the file's password is still missing
    QTest::keyClicks(page->passwordEdit(), QStringLiteral("file password"));
    clickNext(wizard);
    QCOMPARE(wizard.currentId(), int(WalletWizard::Page_Password));
    setPassword(wizard, QStringLiteral("Wallet-passw0rd"));
    clickFinish(wizard);
    QTRY_COMPARE_WITH_TIMEOUT(created.count(), 1, 20000);
    const Address address = *signer::addressOf(key);
    QCOMPARE(created.at(0).at(0).value<Address>(), address);

    // Re-encrypted: the wallet password opens it, the file's password does not.
    auto exported = m_wallet->exportKeystore(address);
    QVERIFY(exported.ok());
    auto stored = Keystore::parse(*exported);
    QVERIFY(stored->decrypt(SecureBytes(QByteArrayView("Wallet-passw0rd"))).ok());
    QCOMPARE(stored->decrypt(SecureBytes(QByteArrayView("file password"))).error().code, QStringLiteral("keystore.wrong_password"));
}

void TestWalletWizard::aWrongKeystorePasswordKeepsTheWizardOpen()
{
    auto keystore = Keystore::encrypt(SecureBytes(QByteArray(32, '\x43')), SecureBytes(QByteArrayView("right")), test::fastKdf());
    const QString path = m_dir->filePath(QStringLiteral("key.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(keystore->toJson());
    file.close();

    WalletWizard &wizard = *makeWizard();
    QSignalSpy created(&wizard, &WalletWizard::walletCreated);
    qobject_cast<WalletWizardChoosePage *>(wizard.currentPage())->importKeystoreButton()->setChecked(true);
    clickNext(wizard);
    auto *page = qobject_cast<WalletWizardImportKeystorePage *>(wizard.currentPage());
    QTest::keyClicks(page->pathEdit(), path);
    QTest::keyClicks(page->passwordEdit(), QStringLiteral("wrong"));
    clickNext(wizard);
    setPassword(wizard, QStringLiteral("Wallet-passw0rd"));
    clickFinish(wizard);
    auto *passwordPage = qobject_cast<WalletWizardPasswordPage *>(wizard.page(WalletWizard::Page_Password));
    QTRY_VERIFY_WITH_TIMEOUT(!passwordPage->errorText().isEmpty(), 20000);
    QVERIFY2(passwordPage->errorText().contains(QStringLiteral("keystore file's password is wrong")),
             qPrintable(passwordPage->errorText()));
    QVERIFY(wizard.isVisible());
    QCOMPARE(created.count(), 0);
    QVERIFY(m_wallet->accounts().isEmpty());
    QVERIFY(!wizard.isBusy());

    // A file that is not a keystore is refused on its own page.
    QTest::mouseClick(wizard.button(QWizard::BackButton), Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(WalletWizard::Page_ImportKeystore));
    const QString junk = m_dir->filePath(QStringLiteral("junk.json"));
    QFile junkFile(junk);
    QVERIFY(junkFile.open(QIODevice::WriteOnly));
    junkFile.write("{\"hello\": 1}");
    junkFile.close();
    page->pathEdit()->setText(junk);
    QTest::keyClicks(page->passwordEdit(), QStringLiteral("right"));
    clickNext(wizard);
    QCOMPARE(wizard.currentId(), int(WalletWizard::Page_ImportKeystore));
    QVERIFY(page->errorText().contains(QStringLiteral("not a keystore file")));
}

void TestWalletWizard::theDemoAccountIsThePublicTestKey()
{
    WalletWizard &wizard = *makeWizard();
    QSignalSpy created(&wizard, &WalletWizard::walletCreated);
    qobject_cast<WalletWizardChoosePage *>(wizard.currentPage())->demoButton()->setChecked(true);
    clickNext(wizard);
    QCOMPARE(wizard.currentId(), int(WalletWizard::Page_Demo));
    clickNext(wizard);
    auto *page = qobject_cast<WalletWizardPasswordPage *>(wizard.currentPage());
    QCOMPARE(page->labelEdit()->text(), QStringLiteral("Demo SP (public test key)"));
    setPassword(wizard, QStringLiteral("Kitchen5-table"));
    clickFinish(wizard);
    QTRY_COMPARE_WITH_TIMEOUT(created.count(), 1, 20000);
    QCOMPARE(created.at(0).at(0).value<Address>().toChecksummed(), test::demoAddress());
    const WalletAccount account = m_wallet->accounts().value(0);
    QVERIFY(account.isPublicTestKey);
    QVERIFY(!m_wallet->hasMnemonic()); // its public phrase is not made the wallet's phrase
}

void TestWalletWizard::withoutAServiceTheRequestIsEmitted()
{
    WalletWizard wizard(nullptr);
    wizard.show();
    QSignalSpy requested(&wizard, &WalletWizard::walletRequested);
    qobject_cast<WalletWizardChoosePage *>(wizard.currentPage())->demoButton()->setChecked(true);
    clickNext(wizard);
    clickNext(wizard);
    setPassword(wizard, QStringLiteral("Kitchen5-table"));
    clickFinish(wizard);
    QCOMPARE(requested.count(), 1);
    const auto request = requested.at(0).at(0).value<WalletRequest>();
    QCOMPARE(int(request.kind), int(WalletRequest::Kind::Demo));
    QCOMPARE(QString::fromUtf8(request.password.view()), QStringLiteral("Kitchen5-table"));
    QCOMPARE(wizard.result(), int(QDialog::Accepted));
}

QTEST_MAIN(TestWalletWizard)
#include "tst_walletwizard.moc"
