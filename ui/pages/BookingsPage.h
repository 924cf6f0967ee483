#pragma once

#include "service/MarketService.h"
#include "dialogs/DialogSeams.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace icn::ui {

class BookingFilterProxy;
class BookingTableModel;

// The active account's bookings: sortable and filterable table, details dialog, CSV export.
// The shell hands it the account through setAccount(); it refreshes itself on stateChanged.
class BookingsPage : public QWidget
{
    Q_OBJECT

public:
    explicit BookingsPage(MarketService *service, QWidget *parent = nullptr);
    ~BookingsPage() override;

    // File dialog and error box; tests give a path and capture errors (STYLE.md §10).
    void setDialogSeams(const DialogSeams &seams) { m_seams = seams; }

    Address account() const;
    BookingTableModel *model() const { return m_model; }
    BookingFilterProxy *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    bool isExporting() const { return m_exportWatcher.isRunning(); }

public slots:
    void setAccount(const icn::Address &sp);
    void showDetails(const QModelIndex &index); // an index of view()->model()
    void showCurrentDetails();
    void exportCsv();
    // Quick search: kind "booking" selects that booking, clearing filters that hide it.
    void focusItem(const QString &kind, const QString &id);

signals:
    // After exportCsv() finished writing (or failed); the path is the file chosen.
    void exportFinished(bool ok, const QString &path);

private:
    void updateSummary();
    void updateButtons();
    void sizeColumns();

    QPointer<MarketService> m_service;
    DialogSeams m_seams;
    BookingTableModel *m_model = nullptr;
    BookingFilterProxy *m_proxy = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QComboBox *m_statusCombo = nullptr;
    QPushButton *m_detailsButton = nullptr;
    QPushButton *m_exportButton = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_summaryLabel = nullptr;
    QLabel *m_messageLabel = nullptr;
    QTimer *m_filterDelay = nullptr;
    QFutureWatcher<Result<void>> m_exportWatcher;
    QString m_exportPath;
    qsizetype m_exportRows = 0;
};

} // namespace icn::ui
