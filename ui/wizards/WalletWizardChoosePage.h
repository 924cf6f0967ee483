#pragma once

#include <QWizardPage>

class QRadioButton;

namespace icn::ui {

// How to get a wallet: create, import a phrase, import a keystore file, or the demo account.
class WalletWizardChoosePage : public QWizardPage
{
    Q_OBJECT

public:
    explicit WalletWizardChoosePage(QWidget *parent = nullptr);
    int nextId() const override;

    QRadioButton *createButton() const { return m_create; }
    QRadioButton *importMnemonicButton() const { return m_importMnemonic; }
    QRadioButton *importKeystoreButton() const { return m_importKeystore; }
    QRadioButton *demoButton() const { return m_demo; }

private:
    QRadioButton *m_create = nullptr;
    QRadioButton *m_importMnemonic = nullptr;
    QRadioButton *m_importKeystore = nullptr;
    QRadioButton *m_demo = nullptr;
};

} // namespace icn::ui
