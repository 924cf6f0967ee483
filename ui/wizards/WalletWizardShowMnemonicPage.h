#pragma once

#include <QWizardPage>

class QCheckBox;
class QLabel;

namespace icn::ui {

class MnemonicWordGrid;
class WalletWizardState;

// Shows the new 24-word recovery phrase. The words are on screen only while this page is current:
// they are cleared as soon as the wizard moves on (forward or back) and shown again on return.
class WalletWizardShowMnemonicPage : public QWizardPage
{
    Q_OBJECT

public:
    WalletWizardShowMnemonicPage(WalletWizardState *state, QWidget *parent = nullptr);

    void initializePage() override;
    int nextId() const override;

    MnemonicWordGrid *grid() const { return m_grid; }
    QCheckBox *writtenDownBox() const { return m_writtenDown; }

private slots:
    void onCurrentIdChanged(int id);

private:
    WalletWizardState *m_state;
    MnemonicWordGrid *m_grid = nullptr;
    QCheckBox *m_writtenDown = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace icn::ui
