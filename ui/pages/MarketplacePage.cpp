#include "MarketplacePage.h"

#include "StatusText.h"
#include "charts/AskLadderChart.h"
#include "charts/CapacityChart.h"
#include "models/ClusterTileDelegate.h"
#include "models/ClusterTileModel.h"
#include "models/NetworkFilterProxy.h"
#include "models/NetworkTreeModel.h"
#include "widgets/MonthSpinBox.h"
#include "wizards/BookingWizard.h"

#include <QButtonGroup>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMap>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace icn::ui {

namespace {

QString percent(qint64 ppm, const QLocale &locale)
{
    return QCoreApplication::translate("icn::ui::MarketplacePage", "%1 %").arg(locale.toString(double(ppm) / 10'000.0, 'f', 1));
}

QLabel *headingLabel(const QString &text, QWidget *parent, qreal scale)
{
    auto *label = new QLabel(text, parent);
    QFont f = label->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * scale);
    label->setFont(f);
    return label;
}

} // namespace

MarketplacePage::MarketplacePage(MarketService *service, KeyProvider *keys, QWidget *parent)
    : QWidget(parent), m_service(service), m_keys(keys)
{
    m_treeModel = new NetworkTreeModel(this);
    m_proxy = new NetworkFilterProxy(this);
    m_proxy->setSourceModel(m_treeModel);
    m_tileModel = new ClusterTileModel(this);
    m_reliabilityModel = new QStandardItemModel(this);
    m_tileDelegate = new ClusterTileDelegate(this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(10);
    layout->addWidget(buildHeader());

    m_tree = new QTreeView(this);
    m_tree->setModel(m_proxy);
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(NetworkTreeModel::NameColumn, Qt::AscendingOrder);
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setAccessibleName(tr("Network tree"));
    m_tree->header()->setStretchLastSection(false);

    m_tiles = new QListView(this);
    m_tiles->setModel(m_tileModel);
    m_tiles->setItemDelegate(m_tileDelegate);
    m_tiles->setViewMode(QListView::IconMode);
    m_tiles->setFlow(QListView::LeftToRight);
    m_tiles->setWrapping(true);
    m_tiles->setResizeMode(QListView::Adjust);
    m_tiles->setMovement(QListView::Static);
    m_tiles->setUniformItemSizes(true);
    m_tiles->setSpacing(4);
    m_tiles->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tiles->setAccessibleName(tr("Cluster tiles"));
    m_tiles->setMinimumHeight(120);

    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_tiles);
    right->addWidget(buildDetail());
    right->setChildrenCollapsible(false);
    // Two rows of tiles, the rest for the detail pane.
    const int tileRow = m_tileDelegate->sizeHint(QStyleOptionViewItem(), {}).height() + 8;
    right->setSizes({tileRow * 2 + 12, 1000});
    right->setStretchFactor(1, 1);

    auto *main = new QSplitter(Qt::Horizontal, this);
    main->addWidget(m_tree);
    main->addWidget(right);
    main->setChildrenCollapsible(false);
    main->setSizes({620, 640}); // the tree shows all its columns at the default window size
    layout->addWidget(main, 1);

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &MarketplacePage::onTreeSelection);
    connect(m_tiles->selectionModel(), &QItemSelectionModel::currentChanged, this, &MarketplacePage::onTileSelection);
    connect(m_tree, &QTreeView::activated, this, [this] { openBookingWizard(); });
    connect(m_tiles, &QListView::activated, this, [this] { openBookingWizard(); });
    auto *bookShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_B), this);
    bookShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(bookShortcut, &QShortcut::activated, this, [this] { openBookingWizard(); });
    if (m_service)
        connect(m_service, &MarketService::stateChanged, this, &MarketplacePage::refresh);
    connect(&m_treeWatcher, &QFutureWatcher<QList<ScopeNode>>::finished, this, [this] {
        if (m_watchedTreeGeneration != m_treeGeneration) {
            // Asked again while it ran (another transaction, a new range): that answer is stale.
            if (m_refreshing)
                refresh();
            return;
        }
        if (m_treeWatcher.future().resultCount() == 0)
            return;
        m_refreshing = false;
        applyTree(m_treeWatcher.future().result()); // shared list; takeResult() would spoil waitForFinished()
    });

    setColourByUtilisation(false);
    const Month next = m_service ? m_service->currentMonth().plus(1) : Month::fromYearMonth(2026, 12);
    setRange({next, 3});
    m_tree->expandToDepth(1);
    adjustTreeColumns();
    if (m_proxy->rowCount() > 0)
        selectScope(m_proxy->index(0, 0).data(NetworkTreeModel::IdRole).toString());
}

MarketplacePage::~MarketplacePage()
{
    // The worker reads the service; it must not outlive the page's caller's service.
    ++m_treeGeneration;
    m_treeWatcher.waitForFinished();
}

QWidget *MarketplacePage::buildHeader()
{
    auto *header = new QWidget(this);
    auto *row = new QHBoxLayout(header);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(8);
    row->addWidget(headingLabel(tr("Marketplace"), header, 1.5));
    row->addSpacing(16);

    m_start = new MonthSpinBox(header);
    m_start->setAccessibleName(tr("First month"));
    auto *startLabel = new QLabel(tr("&From"), header);
    startLabel->setBuddy(m_start);
    m_months = new QSpinBox(header);
    m_months->setRange(1, 36);
    m_months->setSuffix(tr(" months"));
    m_months->setAccessibleName(tr("Number of months"));
    auto *monthsLabel = new QLabel(tr("f&or"), header);
    monthsLabel->setBuddy(m_months);
    row->addWidget(startLabel);
    row->addWidget(m_start);
    row->addWidget(monthsLabel);
    row->addWidget(m_months);
    row->addSpacing(16);

    m_filter = new QLineEdit(header);
    m_filter->setPlaceholderText(tr("Filter regions, zones, clusters, nodes…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMinimumWidth(140);
    m_filter->setAccessibleName(tr("Filter"));
    row->addWidget(m_filter, 1);
    row->addSpacing(16);

    auto *colourLabel = new QLabel(tr("Tiles by"), header);
    auto *byPrice = new QToolButton(header);
    byPrice->setObjectName(QStringLiteral("colourByPrice"));
    byPrice->setText(tr("&Price"));
    byPrice->setCheckable(true);
    byPrice->setChecked(true);
    auto *byUse = new QToolButton(header);
    byUse->setObjectName(QStringLiteral("colourByUtilisation"));
    byUse->setText(tr("&Utilisation"));
    byUse->setCheckable(true);
    m_colouring = new QButtonGroup(header);
    m_colouring->setExclusive(true);
    m_colouring->addButton(byPrice, 0);
    m_colouring->addButton(byUse, 1);
    m_legend = new QLabel(header);
    m_legend->setTextFormat(Qt::RichText);
    row->addWidget(colourLabel);
    row->addWidget(byPrice);
    row->addWidget(byUse);
    row->addWidget(m_legend);

    connect(m_start, &QSpinBox::valueChanged, this, &MarketplacePage::refresh);
    connect(m_months, &QSpinBox::valueChanged, this, &MarketplacePage::refresh);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterText(text);
        if (!text.isEmpty())
            m_tree->expandAll();
    });
    connect(m_colouring, &QButtonGroup::idToggled, this, [this](int id, bool checked) {
        if (checked)
            setColourByUtilisation(id == 1);
    });
    return header;
}

QWidget *MarketplacePage::buildDetail()
{
    auto *detail = new QWidget(this);
    auto *col = new QVBoxLayout(detail);
    col->setContentsMargins(4, 8, 4, 0);
    col->setSpacing(8);

    auto *titleRow = new QHBoxLayout;
    m_detailTitle = headingLabel(QString(), detail, 1.25);
    m_bookButton = new QPushButton(tr("&Book…"), detail);
    m_bookButton->setDefault(true);
    m_bookButton->setToolTip(tr("Book capacity in the selected scope (Ctrl+B)"));
    titleRow->addWidget(m_detailTitle, 1);
    titleRow->addWidget(m_bookButton);
    col->addLayout(titleRow);

    m_detailFacts = new QLabel(detail);
    m_detailFacts->setWordWrap(true);
    m_detailFacts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    col->addWidget(m_detailFacts);

    m_nodeNote = new QLabel(detail);
    m_nodeNote->setWordWrap(true);
    m_nodeNote->setStyleSheet(QStringLiteral("QLabel { background: rgba(245, 158, 11, 40); border-radius: 6px; padding: 8px; }"));
    m_nodeNote->hide();
    col->addWidget(m_nodeNote);

    auto *charts = new QHBoxLayout;
    m_capacityChart = new CapacityChart(detail);
    m_ladderChart = new AskLadderChart(detail);
    charts->addWidget(m_capacityChart, 3);
    charts->addWidget(m_ladderChart, 2);
    col->addLayout(charts, 2);

    col->addWidget(headingLabel(tr("SLA reliability"), detail, 1.0));
    m_reliabilityView = new QTableView(detail);
    m_reliabilityView->setModel(m_reliabilityModel);
    m_reliabilityView->verticalHeader()->hide();
    m_reliabilityView->setSelectionMode(QAbstractItemView::NoSelection);
    m_reliabilityView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_reliabilityView->horizontalHeader()->setStretchLastSection(true);
    m_reliabilityView->setMinimumHeight(110);
    m_reliabilityView->setAccessibleName(tr("SLA reliability"));
    col->addWidget(m_reliabilityView, 1);

    connect(m_bookButton, &QPushButton::clicked, this, [this] { openBookingWizard(); });
    return detail;
}

void MarketplacePage::adjustTreeColumns()
{
    // Fixed widths from the font: sizing to contents would walk every row of a large network.
    const QFontMetrics fm(m_tree->font());
    const int digit = fm.horizontalAdvance(QLatin1Char('0'));
    QHeaderView *h = m_tree->header();
    h->resizeSection(NetworkTreeModel::NameColumn, digit * 20);
    h->resizeSection(NetworkTreeModel::FreeColumn, digit * 9);
    h->resizeSection(NetworkTreeModel::CapacityColumn, digit * 9);
    h->resizeSection(NetworkTreeModel::UtilisationColumn, digit * 8);
    h->resizeSection(NetworkTreeModel::PriceColumn, digit * 11);
    h->resizeSection(NetworkTreeModel::ReliabilityColumn, digit * 10);
    h->resizeSection(NetworkTreeModel::StatusColumn, digit * 8);
    // Never narrower than the (translated) header text.
    for (int c = 0; c < NetworkTreeModel::ColumnCount; ++c) {
        const QString title = m_treeModel->headerData(c, Qt::Horizontal).toString();
        h->resizeSection(c, std::max(h->sectionSize(c), fm.horizontalAdvance(title) + digit * 3));
    }
}

MonthRange MarketplacePage::range() const
{
    return {m_start->month(), m_months->value()};
}

void MarketplacePage::setRange(MonthRange r)
{
    const QSignalBlocker a(m_start), b(m_months);
    if (m_service)
        m_start->setMonthRange(m_service->currentMonth(), m_service->currentMonth().plus(36));
    m_start->setMonth(r.first);
    m_months->setValue(r.months);
    refresh();
}

void MarketplacePage::setAccount(const Address &account)
{
    m_account = account;
}

void MarketplacePage::refresh()
{
    if (!m_service)
        return;
    const quint64 generation = ++m_treeGeneration;
    const MonthRange r = range();
    // A big network's tree (100k HNs: ~100 ms of engine views) is computed in a worker when the
    // service allows it; the GUI thread only puts the answer in place. Small trees stay synchronous
    // so the page is never a frame behind the engine.
    if (m_service->isThreadSafe() && m_treeModel->nodes().size() >= m_asyncTreeThreshold) {
        m_refreshing = true;
        if (m_treeWatcher.isRunning())
            return; // one worker at a time: the finished one starts another for this request
        m_watchedTreeGeneration = generation;
        QPointer<MarketService> service = m_service;
        m_treeWatcher.setFuture(QtConcurrent::run([service, r] { return service ? service->scopeTree(r) : QList<ScopeNode>(); }));
        return;
    }
    m_refreshing = false;
    applyTree(m_service->scopeTree(r));
}

void MarketplacePage::applyTree(const QList<ScopeNode> &nodes)
{
    const QString selected = selectedScopeId();
    m_treeModel->setLocale(locale());
    m_tileModel->setLocale(locale());
    // A refresh changes every row. Let the tree lay itself out once (a delayed layout, which
    // setRowHidden() schedules; the hidden state stays as it is) instead of repainting each
    // changed range: QTreeView finds every changed index by a linear search of its rows, which
    // takes seconds at 100k HNs. Expansion, selection and scroll position survive.
    if (m_proxy->rowCount() > 0)
        m_tree->setRowHidden(0, {}, m_tree->isRowHidden(0, {}));
    m_treeModel->setNodes(nodes);
    m_tileModel->setNodes(nodes);
    if (!selected.isEmpty())
        selectScope(selected);
    updateDetail();
    emit refreshed();
}

const ScopeNode *MarketplacePage::scope(const QString &id) const
{
    return m_treeModel->nodeAt(m_treeModel->indexOfId(id));
}

QString MarketplacePage::selectedScopeId() const
{
    return m_tree ? m_tree->currentIndex().data(NetworkTreeModel::IdRole).toString() : QString();
}

QString MarketplacePage::bookingScopeId() const
{
    const ScopeNode *s = scope(selectedScopeId());
    if (!s)
        return {};
    return s->kind == ScopeKind::Node ? s->parentId : s->id;
}

void MarketplacePage::selectScope(const QString &id)
{
    const QModelIndex source = m_treeModel->indexOfId(id);
    if (!source.isValid())
        return;
    if (!m_proxy->mapFromSource(source).isValid())
        m_filter->clear(); // the filter hid it: show everything again
    const QModelIndex proxyIndex = m_proxy->mapFromSource(source);
    for (QModelIndex p = proxyIndex.parent(); p.isValid(); p = p.parent())
        m_tree->expand(p);
    m_tree->setCurrentIndex(proxyIndex);
    m_tree->scrollTo(proxyIndex);
}

void MarketplacePage::focusItem(const QString &, const QString &id)
{
    selectScope(id);
    m_tree->setFocus();
}

void MarketplacePage::onTreeSelection()
{
    if (m_syncing)
        return;
    m_syncing = true;
    // Mirror the selection in the tiles: the cluster itself or the cluster of an HN.
    const ScopeNode *s = scope(selectedScopeId());
    QString clusterId;
    if (s && s->kind == ScopeKind::Cluster)
        clusterId = s->id;
    else if (s && s->kind == ScopeKind::Node)
        clusterId = s->parentId;
    const QModelIndex tile = m_tileModel->indexOfId(clusterId);
    if (tile.isValid())
        m_tiles->setCurrentIndex(tile);
    else
        m_tiles->selectionModel()->clear();
    m_syncing = false;
    updateDetail();
    emit selectionChanged(selectedScopeId());
}

void MarketplacePage::onTileSelection()
{
    if (m_syncing)
        return;
    const QString id = m_tiles->currentIndex().data(ClusterTileModel::IdRole).toString();
    if (!id.isEmpty())
        selectScope(id);
}

void MarketplacePage::setColourByUtilisation(bool on)
{
    m_tileDelegate->setColouring(on ? ClusterTileDelegate::Colouring::Utilisation
                                    : ClusterTileDelegate::Colouring::ListedPrice);
    if (auto *button = m_colouring->button(on ? 1 : 0); button && !button->isChecked())
        button->setChecked(true);
    const auto swatch = [](const QColor &c) {
        return QStringLiteral("<span style='background:%1'>&nbsp;&nbsp;&nbsp;&nbsp;</span>").arg(c.name());
    };
    const auto mode = m_tileDelegate->colouring();
    m_legend->setText(on ? tr("%1 idle %2 full").arg(swatch(ClusterTileDelegate::fillFor(mode, 0)),
                                                      swatch(ClusterTileDelegate::fillFor(mode, 1'000'000)))
                         : tr("%1 cheapest %2 dearest").arg(swatch(ClusterTileDelegate::fillFor(mode, 0)),
                                                            swatch(ClusterTileDelegate::fillFor(mode, 1'000'000))));
    m_tiles->viewport()->update();
}

void MarketplacePage::updateDetail()
{
    const ScopeNode *s = scope(selectedScopeId());
    m_bookButton->setEnabled(s != nullptr && m_service);
    if (!s || !m_service) {
        m_detailTitle->setText(tr("Select a region, zone, cluster or node"));
        m_detailFacts->clear();
        m_nodeNote->hide();
        m_capacityChart->setPoints({});
        m_ladderChart->setLevels({});
        m_reliabilityModel->clear();
        return;
    }
    const QLocale loc = locale();
    const MonthRange r = range();
    const QString kind = s->kind == ScopeKind::Region ? tr("Region")
        : s->kind == ScopeKind::Zone                  ? tr("Zone")
        : s->kind == ScopeKind::Cluster               ? tr("Cluster")
                                                      : tr("Hardware node");
    m_detailTitle->setText(tr("%1 %2").arg(kind, s->kind == ScopeKind::Zone || s->kind == ScopeKind::Region
                                                     ? QStringLiteral("%1 (%2)").arg(s->name, s->id)
                                                     : s->name));
    QStringList facts;
    facts << tr("<b>%1 TB</b> free of %2 TB from %3 to %4")
                 .arg(loc.toString(s->freeTb), loc.toString(s->capacityTb), r.first.toString(), r.last().toString());
    facts << (s->listedPrice ? tr("listed at <b>%1</b> per TB-month").arg(s->listedPrice->toDisplayString(loc))
                             : tr("nothing listed for this range"));
    if (s->kind == ScopeKind::Cluster || s->kind == ScopeKind::Node)
        facts << tr("price cap %1").arg(s->maxClusterPrice.toDisplayString(loc));
    if (s->kind == ScopeKind::Node)
        facts << tr("reservation price %1, %2, provider %3")
                     .arg(s->reservationPrice.toDisplayString(loc), s->status, s->providerLabel);
    m_detailFacts->setText(facts.join(QStringLiteral(" · ")));

    // The SP can never pick an HN (PROTOCOL.md §4): say so where it matters.
    const bool isNode = s->kind == ScopeKind::Node;
    m_nodeNote->setVisible(isNode);
    if (isNode)
        m_nodeNote->setText(tr("Service providers book clusters, not single nodes: the protocol picks the nodes of "
                               "%1 by price, commitment and reliability. \"Book…\" books cluster %1.")
                                .arg(s->parentId));
    m_bookButton->setText(isNode ? tr("&Book %1…").arg(s->parentId) : tr("&Book…"));

    m_capacityChart->setPoints(m_service->capacityByMonth(s->id, r));
    // Ask ladder of the cluster, or all clusters of a zone/region merged by price.
    QStringList clusters;
    if (isNode)
        clusters << s->parentId;
    else if (s->kind == ScopeKind::Cluster)
        clusters << s->id;
    else
        for (const ScopeNode &n : m_treeModel->nodes())
            if (n.kind == ScopeKind::Cluster && (n.parentId == s->id || scope(n.parentId)->parentId == s->id))
                clusters << n.id;
    QMap<Amount, qint64> merged;
    for (const QString &c : clusters)
        for (const AskLevel &l : m_service->askLadder(c, r))
            merged[l.price] += l.freeTb;
    QList<AskLevel> levels;
    for (auto it = merged.cbegin(); it != merged.cend(); ++it)
        levels.append({it.key(), it.value()});
    m_ladderChart->setLevels(levels);
    updateReliability(*s);
}

void MarketplacePage::updateReliability(const ScopeNode &selected)
{
    const QLocale loc = locale();
    m_reliabilityModel->clear();
    m_reliabilityModel->setHorizontalHeaderLabels({tr("Node"), tr("Reliability"), tr("Status"), tr("Reservation price")});
    const QString clusterId = selected.kind == ScopeKind::Node ? selected.parentId : selected.id;
    const bool wide = selected.kind == ScopeKind::Zone || selected.kind == ScopeKind::Region;
    for (const ScopeNode &n : m_treeModel->nodes()) {
        const bool inScope = wide ? (n.kind == ScopeKind::Cluster && (n.parentId == selected.id || scope(n.parentId)->parentId == selected.id))
                                  : (n.kind == ScopeKind::Node && n.parentId == clusterId);
        if (!inScope)
            continue;
        QList<QStandardItem *> row{new QStandardItem(n.name), new QStandardItem(percent(n.reliabilityPpm, loc)),
                                   new QStandardItem(wide ? tr("%1 TB").arg(loc.toString(n.freeTb)) : StatusText::node(n.status)),
                                   new QStandardItem(wide ? (n.listedPrice ? n.listedPrice->toDisplayString(loc) : tr("—"))
                                                          : n.reservationPrice.toDisplayString(loc))};
        row[1]->setData(qlonglong(n.reliabilityPpm), Qt::UserRole);
        row[1]->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        row[3]->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (n.id == selected.id)
            for (QStandardItem *item : row) {
                QFont f = item->font();
                f.setBold(true);
                item->setFont(f);
            }
        m_reliabilityModel->appendRow(row);
    }
    if (wide)
        m_reliabilityModel->setHorizontalHeaderLabels({tr("Cluster"), tr("Mean reliability"), tr("Free"), tr("Listed price")});
    m_reliabilityView->resizeColumnsToContents();
}

BookingWizard *MarketplacePage::bookingWizard() const
{
    return m_wizard;
}

BookingWizard *MarketplacePage::openBookingWizard()
{
    const QString scopeId = bookingScopeId();
    if (!m_service || scopeId.isEmpty())
        return nullptr;
    if (m_wizard)
        m_wizard->close();
    const ScopeNode *s = scope(selectedScopeId());
    const QString pickedNode = s && s->kind == ScopeKind::Node ? s->id : QString();
    m_wizard = new BookingWizard(m_service, m_keys, m_account, scopeId, pickedNode, range(), this);
    m_wizard->setAttribute(Qt::WA_DeleteOnClose);
    m_wizard->open();
    return m_wizard;
}

} // namespace icn::ui
