#pragma once

#include "FirstRunRequest.h"

#include "Result.h"

#include <QFutureWatcher>
#include <QWizardPage>

#include <functional>

class QLabel;
class QLineEdit;
class QProgressBar;
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
    ~FirstRunWizardNetworkPage() override;

    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;

    FirstRunRequest::Network network() const;
    QString snapshotPath() const;

    QRadioButton *demoButton() const { return m_demo; }
    QRadioButton *snapshotButton() const { return m_snapshot; }
    QLineEdit *pathEdit() const { return m_path; }
    QString errorText() const;
    // Whether the chosen file is being checked (in a worker, behind the busy indicator).
    bool isValidating() const { return m_validating; }
    QProgressBar *busyIndicator() const { return m_busy; }

    // Checks the chosen file on Next (the shell passes the marketplace's full snapshot validation)
    // in a worker, with a busy indicator, while the wizard stays responsive; a refusal shows the
    // typed error, with its line, and keeps the page; a pass moves on by itself. The validator
    // must be thread-safe. Without one, only readability is checked.
    using SnapshotValidator = std::function<Result<void>(const QString &path)>;
    void setSnapshotValidator(SnapshotValidator validator) { m_validator = std::move(validator); }

private slots:
    void browse();
    void updateEnabled();
    void validationFinished();

private:
    WalletWizardState *m_state;
    QRadioButton *m_demo = nullptr;
    QRadioButton *m_snapshot = nullptr;
    QLineEdit *m_path = nullptr;
    QPushButton *m_browse = nullptr;
    QLabel *m_error = nullptr;
    QProgressBar *m_busy = nullptr;
    SnapshotValidator m_validator;
    QFutureWatcher<Result<void>> m_watcher;
    QString m_validatingPath;
    bool m_validating = false;
    QString m_validPath; // the file that passed; Next goes on without checking it again

};

} // namespace icn::ui
