#pragma once

#include <QWizardPage>

class QLabel;

namespace icn::ui {

// Says what ICN Desk is and where it keeps its data; creates that folder on Next.
class FirstRunWizardWelcomePage : public QWizardPage
{
    Q_OBJECT

public:
    FirstRunWizardWelcomePage(const QString &dataDir, QWidget *parent = nullptr);

    bool validatePage() override;
    int nextId() const override;
    QString errorText() const;

private:
    QString m_dataDir;
    QLabel *m_error = nullptr;
};

} // namespace icn::ui
