#pragma once

#include "Address.h"

#include <QDialog>
#include <QList>
#include <QString>

class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QStandardItemModel;

namespace icn::ui {

class MarketService;

// Something quick search can jump to.
struct QuickSearchEntry
{
    QString kind;     // "region", "zone", "cluster", "node", "booking", "account"
    QString id;
    QString title;    // "FRA-1"
    QString subtitle; // "Cluster in Frankfurt"
    QString pageId;   // the page that shows it
};

// The Ctrl+K popup: type to filter every region, zone, cluster, HN, booking and account; arrows
// move, Enter jumps, Escape closes.
class QuickSearch : public QDialog
{
    Q_OBJECT

public:
    enum Role { KindRole = Qt::UserRole + 1, IdRole, PageRole, SearchTextRole };

    explicit QuickSearch(QWidget *parent = nullptr);
    void setEntries(const QList<QuickSearchEntry> &entries);
    // Everything the service knows and the bookings of every known account. Accounts of the
    // wallet (`walletAccounts`, with their labels) open on the Wallet page; any other account opens
    // Activity filtered by it. Bookings open on the Bookings page, which shows another account's
    // booking in its details.
    static QList<QuickSearchEntry> collect(const MarketService &service, const Address &account,
                                           const QList<std::pair<Address, QString>> &walletAccounts = {});

    QLineEdit *lineEdit() const { return m_edit; }
    QListView *listView() const { return m_list; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QStandardItemModel *model() const { return m_model; }

    // Shows the popup centred at the top of `anchor`, filter cleared.
    void popup(QWidget *anchor);

signals:
    void chosen(const QString &kind, const QString &id, const QString &pageId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void activate(const QModelIndex &index);
    void selectFirst();

    QLineEdit *m_edit = nullptr;
    QListView *m_list = nullptr;
    QStandardItemModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
};

} // namespace icn::ui
