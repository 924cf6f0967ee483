#include "QuickSearch.h"

#include "service/MarketService.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace icn::ui {

QuickSearch::QuickSearch(QWidget *parent)
    : QDialog(parent, Qt::Popup)
{
    setObjectName(QStringLiteral("quickSearch"));
    setAccessibleName(tr("Quick search"));
    m_model = new QStandardItemModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterRole(SearchTextRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_edit = new QLineEdit(this);
    m_edit->setPlaceholderText(tr("Jump to a region, zone, cluster, node, booking or account…"));
    m_edit->setClearButtonEnabled(true);
    QFont f = m_edit->font();
    f.setPointSizeF(f.pointSizeF() * 1.2);
    m_edit->setFont(f);
    m_list = new QListView(this);
    m_list->setModel(m_proxy);
    m_list->setUniformItemSizes(true);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setFocusPolicy(Qt::NoFocus); // typing stays in the line edit; arrows are forwarded
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_edit);
    layout->addWidget(m_list);
    resize(560, 380);

    m_edit->installEventFilter(this);
    connect(m_edit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text.trimmed());
        selectFirst();
    });
    connect(m_edit, &QLineEdit::returnPressed, this, [this] { activate(m_list->currentIndex()); });
    connect(m_list, &QListView::clicked, this, &QuickSearch::activate);
}

void QuickSearch::setEntries(const QList<QuickSearchEntry> &entries)
{
    m_model->clear();
    for (const QuickSearchEntry &e : entries) {
        auto *item = new QStandardItem(e.subtitle.isEmpty() ? e.title : tr("%1 — %2").arg(e.title, e.subtitle));
        item->setData(e.kind, KindRole);
        item->setData(e.id, IdRole);
        item->setData(e.pageId, PageRole);
        item->setData(QStringList{e.title, e.id, e.subtitle, e.kind}.join(QLatin1Char(' ')), SearchTextRole);
        item->setEditable(false);
        m_model->appendRow(item);
    }
    selectFirst();
}

QList<QuickSearchEntry> QuickSearch::collect(const MarketService &service, const Address &account,
                                             const QList<std::pair<Address, QString>> &walletAccounts)
{
    QList<QuickSearchEntry> out;
    const Month next = service.currentMonth().plus(1);
    QHash<QString, QString> names;
    for (const ScopeNode &n : service.scopeTree({next, 3})) {
        names.insert(n.id, n.name);
        QuickSearchEntry e{QString(), n.id, n.name, QString(), QStringLiteral("marketplace")};
        switch (n.kind) {
        case ScopeKind::Region:
            e.kind = QStringLiteral("region");
            e.title = QStringLiteral("%1 (%2)").arg(n.name, n.id);
            e.subtitle = tr("Region");
            break;
        case ScopeKind::Zone:
            e.kind = QStringLiteral("zone");
            e.title = QStringLiteral("%1 (%2)").arg(n.name, n.id);
            e.subtitle = tr("Zone in %1").arg(names.value(n.parentId));
            break;
        case ScopeKind::Cluster:
            e.kind = QStringLiteral("cluster");
            e.subtitle = tr("Cluster in %1").arg(names.value(n.parentId));
            break;
        case ScopeKind::Node:
            e.kind = QStringLiteral("node");
            e.subtitle = tr("Hardware node in %1").arg(n.parentId);
            break;
        }
        out.append(e);
    }
    QList<Address> owners{account};
    QHash<Address, QString> labels;
    for (const auto &[address, label] : walletAccounts) {
        labels.insert(address, label);
        out.append({QStringLiteral("account"), address.toChecksummed(), label,
                    tr("Wallet account %1").arg(address.toChecksummed()), QStringLiteral("wallet")});
        if (!owners.contains(address))
            owners.append(address);
    }
    for (const AccountInfo &a : service.accounts()) {
        if (!labels.contains(a.address)) {
            labels.insert(a.address, a.label);
            out.append({QStringLiteral("account"), a.address.toChecksummed(), a.label,
                        tr("Account %1: its transactions in Activity").arg(a.address.toChecksummed()),
                        QStringLiteral("activity")});
        }
        if (!owners.contains(a.address))
            owners.append(a.address);
    }
    for (const Address &owner : owners) {
        if (owner.isNull())
            continue;
        for (const BookingRow &b : service.bookings(owner)) {
            const QString what = tr("Booking of %1 TB in %2, %3 to %4")
                                     .arg(b.sizeTb)
                                     .arg(b.clusterId, b.range.first.toString(), b.range.last().toString());
            const QString whose = labels.value(owner, owner.toChecksummed());
            out.append({QStringLiteral("booking"), b.id, b.id,
                        owner == account ? what : tr("%1, held by %2").arg(what, whose), QStringLiteral("bookings")});
        }
    }
    return out;
}

void QuickSearch::popup(QWidget *anchor)
{
    m_edit->clear();
    selectFirst();
    if (anchor) {
        const QPoint topCentre = anchor->mapToGlobal(QPoint(anchor->width() / 2, 0));
        move(topCentre.x() - width() / 2, topCentre.y() + 60);
    }
    show();
    raise();
    activateWindow();
    m_edit->setFocus();
}

void QuickSearch::selectFirst()
{
    if (m_proxy->rowCount() > 0)
        m_list->setCurrentIndex(m_proxy->index(0, 0));
}

void QuickSearch::activate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const QString kind = index.data(KindRole).toString();
    const QString id = index.data(IdRole).toString();
    const QString page = index.data(PageRole).toString();
    hide();
    emit chosen(kind, id, page);
}

bool QuickSearch::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const int rows = m_proxy->rowCount();
        int row = m_list->currentIndex().row();
        switch (key->key()) {
        case Qt::Key_Down: row = rows ? (row + 1) % rows : -1; break;
        case Qt::Key_Up: row = rows ? (row - 1 + rows) % rows : -1; break;
        case Qt::Key_PageDown: row = std::min(rows - 1, row + 8); break;
        case Qt::Key_PageUp: row = std::max(0, row - 8); break;
        default: return QDialog::eventFilter(watched, event);
        }
        if (row >= 0)
            m_list->setCurrentIndex(m_proxy->index(row, 0));
        return true;
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace icn::ui
