#pragma once

#include <QWizardPage>

namespace icn::ui {

// Explains the demo account before it is added: a public test key for the local mirror only.
class WalletWizardDemoPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit WalletWizardDemoPage(QWidget *parent = nullptr);
    int nextId() const override;
};

} // namespace icn::ui
