#include "WalletWizardImportMnemonicPage.h"

#include "Bip39.h"
#include "service/SecretInput.h"
#include "WalletWizard.h"
#include "WalletWizardState.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace icn::ui {

WalletWizardImportMnemonicPage::WalletWizardImportMnemonicPage(WalletWizardState *state, QWidget *parent)
    : QWizardPage(parent), m_state(state)
{
    setTitle(tr("Restore from a recovery phrase"));
    setSubTitle(tr("Type your 12, 15, 18, 21 or 24 words in order, separated by spaces."));
    m_phrase = new QPlainTextEdit(this);
    m_phrase->setObjectName(QStringLiteral("mnemonicEdit"));
    m_phrase->setUndoRedoEnabled(false); // the undo stack would keep copies of the phrase
    m_phrase->setTabChangesFocus(true);
    m_phrase->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    m_phrase->setMaximumHeight(110);
    connect(m_phrase, &QPlainTextEdit::textChanged, this, &QWizardPage::completeChanged);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("mnemonicError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_error->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_phrase);
    layout->addWidget(m_error);
    layout->addStretch(1);
}

void WalletWizardImportMnemonicPage::cleanupPage()
{
    takeSecret(m_phrase);
    m_error->hide();
}

bool WalletWizardImportMnemonicPage::isComplete() const
{
    return !m_phrase->document()->isEmpty();
}

bool WalletWizardImportMnemonicPage::validatePage()
{
    QString text = m_phrase->toPlainText();
    QByteArray utf8 = text.toUtf8();
    wipeString(text);
    const SecureBytes entered = SecureBytes::takeFrom(utf8);

    auto canonical = Bip39::canonical(entered); // validates words and checksum first
    if (!canonical) {
        const Error &e = canonical.error();
        QString message;
        if (e.code == QLatin1String("bip39.bad_checksum"))
            message = tr("The checksum of this phrase is wrong: a word is probably mistyped, missing or out of "
                         "order. Compare it with what you wrote down, word by word.");
        else if (e.code == QLatin1String("bip39.unknown_word"))
            message = tr("Word #%1 is not in the BIP-39 English word list. Check its spelling.")
                          .arg(e.details.value(QStringLiteral("position")).toInt());
        else if (e.code == QLatin1String("bip39.wrong_word_count"))
            message = tr("A recovery phrase has 12, 15, 18, 21 or 24 words; this one has %1.")
                          .arg(e.details.value(QStringLiteral("words")).toInt());
        else
            message = tr("This is not a valid recovery phrase: %1").arg(e.message);
        m_error->setText(message);
        m_error->show();
        return false;
    }
    m_state->importedMnemonic = std::move(canonical).value();
    m_error->hide();
    takeSecret(m_phrase);
    return true;
}

int WalletWizardImportMnemonicPage::nextId() const
{
    return WalletWizard::Page_Password;
}

QString WalletWizardImportMnemonicPage::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

} // namespace icn::ui
