#pragma once

#include <QWizardPage>

class QLabel;
class QPlainTextEdit;

namespace icn::ui {

class WalletWizardState;

// Restores an HD wallet from a BIP-39 phrase; the words and the checksum are checked before moving on.
class WalletWizardImportMnemonicPage : public QWizardPage
{
    Q_OBJECT

public:
    WalletWizardImportMnemonicPage(WalletWizardState *state, QWidget *parent = nullptr);

    void cleanupPage() override;
    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;

    QPlainTextEdit *phraseEdit() const { return m_phrase; }
    QString errorText() const;

private:
    WalletWizardState *m_state;
    QPlainTextEdit *m_phrase = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace icn::ui
