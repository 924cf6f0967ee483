#pragma once

#include "Address.h"
#include "service/MarketService.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QWidget>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QSpinBox;
class QSplitter;
class QStandardItemModel;
class QTableView;
class QTreeView;

namespace icn::ui {

class AskLadderChart;
class BookingWizard;
class CapacityChart;
class ClusterTileDelegate;
class ClusterTileModel;
class KeyProvider;
class MonthSpinBox;
class NetworkFilterProxy;
class NetworkTreeModel;

// The SP's marketplace: the network tree with free capacity and listed prices for a month range,
// cluster tiles coloured by price or utilisation, and a detail pane (capacity by month, ask
// ladder, reliability of the HNs) with "Book…", which opens the booking wizard on the selection.
class MarketplacePage : public QWidget
{
    Q_OBJECT

public:
    MarketplacePage(MarketService *service, KeyProvider *keys, QWidget *parent = nullptr);
    ~MarketplacePage() override;

    MonthRange range() const;
    void setRange(MonthRange range);
    QString selectedScopeId() const;
    // The scope a booking of the selection goes to: the selection, or an HN's cluster.
    QString bookingScopeId() const;

    NetworkTreeModel *treeModel() const { return m_treeModel; }
    NetworkFilterProxy *treeProxy() const { return m_proxy; }
    ClusterTileModel *tileModel() const { return m_tileModel; }
    QTreeView *treeView() const { return m_tree; }
    QListView *tileView() const { return m_tiles; }
    QPushButton *bookButton() const { return m_bookButton; }
    QLabel *nodeNote() const { return m_nodeNote; }
    CapacityChart *capacityChart() const { return m_capacityChart; }
    AskLadderChart *askLadderChart() const { return m_ladderChart; }
    QStandardItemModel *reliabilityModel() const { return m_reliabilityModel; }
    BookingWizard *bookingWizard() const;
    // Whether a refresh is computing the tree in a worker (big networks over a thread-safe service).
    bool isRefreshing() const { return m_refreshing; }
    // Trees of at least this many items are computed off the GUI thread.
    void setAsyncTreeThreshold(int items) { m_asyncTreeThreshold = items; }

public slots:
    void setAccount(const icn::Address &account);
    void focusItem(const QString &kind, const QString &id);
    void selectScope(const QString &id);
    void setColourByUtilisation(bool on);
    // Opens the booking wizard prefilled with bookingScopeId(); returns it (also bookingWizard()).
    icn::ui::BookingWizard *openBookingWizard();
    void refresh();

signals:
    void selectionChanged(const QString &scopeId);
    // A refresh put its tree in place (at once for small trees, when the worker answers for big ones).
    void refreshed();

private:
    QWidget *buildHeader();
    QWidget *buildDetail();
    void onTreeSelection();
    void onTileSelection();
    void updateDetail();
    void updateReliability(const ScopeNode &selected);
    const ScopeNode *scope(const QString &id) const;
    void adjustTreeColumns();
    void applyTree(const QList<ScopeNode> &nodes);

    QPointer<MarketService> m_service;
    KeyProvider *m_keys = nullptr;
    Address m_account;
    NetworkTreeModel *m_treeModel = nullptr;
    NetworkFilterProxy *m_proxy = nullptr;
    ClusterTileModel *m_tileModel = nullptr;
    ClusterTileDelegate *m_tileDelegate = nullptr;
    QStandardItemModel *m_reliabilityModel = nullptr;

    MonthSpinBox *m_start = nullptr;
    QSpinBox *m_months = nullptr;
    QLineEdit *m_filter = nullptr;
    QButtonGroup *m_colouring = nullptr;
    QLabel *m_legend = nullptr;
    QTreeView *m_tree = nullptr;
    QListView *m_tiles = nullptr;
    QLabel *m_detailTitle = nullptr;
    QLabel *m_detailFacts = nullptr;
    QLabel *m_nodeNote = nullptr;
    QPushButton *m_bookButton = nullptr;
    CapacityChart *m_capacityChart = nullptr;
    AskLadderChart *m_ladderChart = nullptr;
    QTableView *m_reliabilityView = nullptr;
    QPointer<BookingWizard> m_wizard;
    bool m_syncing = false;
    // Off-GUI-thread refresh: the latest request's generation; older answers are dropped.
    QFutureWatcher<QList<ScopeNode>> m_treeWatcher;
    quint64 m_treeGeneration = 0;
    quint64 m_watchedTreeGeneration = 0;
    bool m_refreshing = false;
    int m_asyncTreeThreshold = 20'000;
};

} // namespace icn::ui
