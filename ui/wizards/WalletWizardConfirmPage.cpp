#include "WalletWizardConfirmPage.h"

#include "service/SecretInput.h"
#include "WalletWizard.h"
#include "WalletWizardState.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace icn::ui {

WalletWizardConfirmPage::WalletWizardConfirmPage(WalletWizardState *state, QWidget *parent)
    : QWizardPage(parent), m_state(state)
{
    setTitle(tr("Confirm your recovery phrase"));
    setSubTitle(tr("Type the words at the positions below, from what you wrote down."));
    auto *form = new QFormLayout;
    for (int i = 0; i < kWordsToConfirm; ++i) {
        auto *label = new QLabel(this);
        auto *edit = new QLineEdit(this);
        edit->setObjectName(QStringLiteral("confirmWord%1").arg(i + 1));
        edit->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
        label->setBuddy(edit);
        connect(edit, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
        form->addRow(label, edit);
        m_labels.append(label);
        m_edits.append(edit);
    }
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("confirmError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_error->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch(1);
}

void WalletWizardConfirmPage::initializePage()
{
    const int wordCount = int(m_state->generatedMnemonic.view().count(' ')) + 1;
    m_positions = m_state->pickPositions(wordCount, kWordsToConfirm);
    Q_ASSERT(m_positions.size() == kWordsToConfirm);
    for (int i = 0; i < kWordsToConfirm; ++i)
        m_labels[i]->setText(tr("Word #%1:").arg(m_positions.value(i) + 1));
    clearEdits();
    m_error->hide();
}

void WalletWizardConfirmPage::cleanupPage()
{
    clearEdits();
    m_error->hide();
}

bool WalletWizardConfirmPage::isComplete() const
{
    for (const QLineEdit *edit : m_edits)
        if (edit->text().trimmed().isEmpty())
            return false;
    return true;
}

bool WalletWizardConfirmPage::validatePage()
{
    QString phrase = QString::fromUtf8(m_state->generatedMnemonic.view());
    const QList<QStringView> words = QStringView(phrase).split(u' ', Qt::SkipEmptyParts);
    QList<int> wrong;
    for (int i = 0; i < kWordsToConfirm; ++i) {
        const int position = m_positions.value(i);
        QString typed = m_edits[i]->text().trimmed().toLower();
        if (position >= words.size() || typed != words[position])
            wrong.append(position + 1);
        wipeString(typed);
    }
    wipeString(phrase);
    if (!wrong.isEmpty()) {
        QStringList numbers;
        for (int n : std::as_const(wrong))
            numbers.append(QString::number(n));
        m_error->setText(wrong.size() == 1
                             ? tr("Word #%1 does not match your recovery phrase. Check what you wrote down "
                                  "(go Back to see the words again) and try once more.")
                                   .arg(numbers.front())
                             : tr("Words #%1 do not match your recovery phrase. Check what you wrote down "
                                  "(go Back to see the words again) and try once more.")
                                   .arg(numbers.join(QStringLiteral(", #"))));
        m_error->show();
        return false;
    }
    m_error->hide();
    clearEdits();
    return true;
}

int WalletWizardConfirmPage::nextId() const
{
    return WalletWizard::Page_Password;
}

QString WalletWizardConfirmPage::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void WalletWizardConfirmPage::clearEdits()
{
    for (QLineEdit *edit : std::as_const(m_edits))
        takeSecret(edit); // wipes our copy of the word and empties the editor
}

} // namespace icn::ui
