#pragma once

#include "FirstRunRequest.h"

#include "Result.h"

#include <QWizardPage>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace icn::ui {

class WalletWizardState;

// Which network the mirror starts with: the embedded demo network, or a snapshot file.
class FirstRunWizardNetworkPage : public QWizardPage
{
    Q_OBJECT

public:
    FirstRunWizardNetworkPage(WalletWizardState *state, QWidget *parent = nullptr);

    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;

    FirstRunRequest::Network network() const;
    QString snapshotPath() const;

    QRadioButton *demoButton() const { return m_demo; }
    QRadioButton *snapshotButton() const { return m_snapshot; }
    QLineEdit *pathEdit() const { return m_path; }
    QString errorText() const;

    // Checks the chosen file on Next (the shell passes the marketplace's full snapshot validation);
    // a refusal shows the typed error, with its line, and keeps the page. Without one, only
    // readability is checked.
    using SnapshotValidator = std::function<Result<void>(const QString &path)>;
    void setSnapshotValidator(SnapshotValidator validator) { m_validator = std::move(validator); }

private slots:
    void browse();
    void updateEnabled();

private:
    WalletWizardState *m_state;
    QRadioButton *m_demo = nullptr;
    QRadioButton *m_snapshot = nullptr;
    QLineEdit *m_path = nullptr;
    QPushButton *m_browse = nullptr;
    QLabel *m_error = nullptr;
    SnapshotValidator m_validator;
};

} // namespace icn::ui
