#pragma once

#include <QList>
#include <QWizardPage>

class QLabel;
class QLineEdit;

namespace icn::ui {

class WalletWizardState;

// Asks for three words of the new phrase, chosen at random, to show it was written down.
class WalletWizardConfirmPage : public QWizardPage
{
    Q_OBJECT

public:
    static constexpr int kWordsToConfirm = 3;

    WalletWizardConfirmPage(WalletWizardState *state, QWidget *parent = nullptr);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;

    // The 0-based positions being asked for, and their editors (for tests).
    const QList<int> &positions() const { return m_positions; }
    QLineEdit *wordEdit(int i) const { return m_edits.value(i); }
    QString errorText() const;

private:
    void clearEdits();

    WalletWizardState *m_state;
    QList<int> m_positions;
    QList<QLabel *> m_labels;
    QList<QLineEdit *> m_edits;
    QLabel *m_error = nullptr;
};

} // namespace icn::ui
