#pragma once

#include "service/MarketService.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QTimer;

namespace icn::ui {

class ActivityTableModel;

// The engine's transaction log: seq-ordered table (newest first by default), filters by type and
// signer, the decoded transaction on demand, and the integrity check run in a worker thread.
class ActivityPage : public QWidget
{
    Q_OBJECT

public:
    explicit ActivityPage(MarketService *service, QWidget *parent = nullptr);
    ~ActivityPage() override;

    ActivityTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    bool isChecking() const { return m_checkWatcher.isRunning(); }
    // The last finished check, if any.
    std::optional<CheckReport> lastReport() const { return m_lastReport; }

public slots:
    void runCheck();
    void showDetails(const QModelIndex &index);
    void showCurrentDetails();
    // Quick search: kind "transaction" with the seq as id selects that entry, clearing filters;
    // kind "account" with an address filters the log by that signer.
    void focusItem(const QString &kind, const QString &id);

signals:
    void checkFinished(bool ok);

private:
    void applyFilter();
    void updateTypes();
    void updateSummary();
    void sizeColumns();
    void showReport(const CheckReport &report);

    QPointer<MarketService> m_service;
    ActivityTableModel *m_model = nullptr;
    QComboBox *m_typeCombo = nullptr;
    QLineEdit *m_signerEdit = nullptr;
    QPushButton *m_detailsButton = nullptr;
    QPushButton *m_checkButton = nullptr;
    QProgressBar *m_checkProgress = nullptr;
    QLabel *m_checkLabel = nullptr;
    QPlainTextEdit *m_reportText = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_summaryLabel = nullptr;
    QTimer *m_filterDelay = nullptr;
    QFutureWatcher<CheckReport> m_checkWatcher;
    std::optional<CheckReport> m_lastReport;
};

} // namespace icn::ui
