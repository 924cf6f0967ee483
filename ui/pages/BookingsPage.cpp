#include "BookingsPage.h"

#include "CsvWriter.h"
#include "dialogs/BookingDetailsDialog.h"
#include "models/BookingFilterProxy.h"
#include "models/BookingTableModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <memory>
#include <QtConcurrent/QtConcurrentRun>

namespace icn::ui {

BookingsPage::BookingsPage(MarketService *service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_seams(DialogSeams::system())
    , m_model(new BookingTableModel(service, this))
    , m_proxy(new BookingFilterProxy(this))
{
    m_proxy->setSourceModel(m_model);

    m_filterEdit = new QLineEdit;
    m_filterEdit->setObjectName(QStringLiteral("filterEdit"));
    m_filterEdit->setPlaceholderText(tr("Filter by booking, scope or HN"));
    m_filterEdit->setClearButtonEnabled(true);

    m_statusCombo = new QComboBox;
    m_statusCombo->setObjectName(QStringLiteral("statusCombo"));
    m_statusCombo->addItem(tr("All statuses"), QString());
    for (const char *status : {"Pending", "Active", "Ended"}) {
        const QString raw = QString::fromLatin1(status);
        m_statusCombo->addItem(BookingTableModel::statusText(raw), raw);
    }

    m_detailsButton = new QPushButton(tr("Details…"));
    m_detailsButton->setObjectName(QStringLiteral("detailsButton"));
    m_exportButton = new QPushButton(tr("Export CSV…"));
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setToolTip(tr("Write the bookings shown, in the order shown, to a CSV file"));

    m_view = new QTableView;
    m_view->setObjectName(QStringLiteral("bookingsView"));
    // Fixed row heights, set before the model attaches (afterwards each walks every header section):
    // a million rows then cost nothing to lay out.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->verticalHeader()->hide();
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    // A narrow amount column keeps both its leading digits and its unit.
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->setCornerButtonEnabled(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionsMovable(true);
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder); // the service's order first
    m_view->setSortingEnabled(true);
    sizeColumns();

    m_summaryLabel = new QLabel;
    m_summaryLabel->setObjectName(QStringLiteral("summaryLabel"));
    m_messageLabel = new QLabel;
    m_messageLabel->setObjectName(QStringLiteral("messageLabel"));
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filterEdit, 2);
    bar->addWidget(m_statusCombo);
    bar->addStretch(1);
    bar->addWidget(m_detailsButton);
    bar->addWidget(m_exportButton);

    auto *footer = new QHBoxLayout;
    footer->addWidget(m_summaryLabel);
    footer->addStretch(1);
    footer->addWidget(m_messageLabel);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addLayout(footer);

    // Typing re-filters once the user pauses, not per keystroke.
    m_filterDelay = new QTimer(this);
    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(200);
    connect(m_filterEdit, &QLineEdit::textChanged, m_filterDelay, qOverload<>(&QTimer::start));
    connect(m_filterDelay, &QTimer::timeout, this, [this] { m_proxy->setTextFilter(m_filterEdit->text()); });
    connect(m_statusCombo, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setStatusFilter(m_statusCombo->currentData().toString()); });

    connect(m_view, &QAbstractItemView::doubleClicked, this, &BookingsPage::showDetails);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &BookingsPage::updateButtons);
    connect(m_detailsButton, &QPushButton::clicked, this, &BookingsPage::showCurrentDetails);
    connect(m_exportButton, &QPushButton::clicked, this, &BookingsPage::exportCsv);

    connect(m_proxy, &QAbstractItemModel::modelReset, this, &BookingsPage::updateSummary);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &BookingsPage::updateSummary);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &BookingsPage::updateSummary);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &BookingsPage::updateSummary);
    connect(m_proxy, &BookingFilterProxy::sortingStarted, this, &BookingsPage::updateSummary);
    connect(m_proxy, &BookingFilterProxy::sortingFinished, this, &BookingsPage::updateSummary);

    connect(&m_exportWatcher, &QFutureWatcher<Result<void>>::finished, this, [this] {
        const Result<void> result = m_exportWatcher.result();
        updateButtons();
        if (result.ok()) {
            m_messageLabel->setText(tr("Exported %n booking(s) to %1", nullptr, int(m_exportRows)).arg(m_exportPath));
        } else {
            m_messageLabel->setText(tr("Export failed"));
            if (m_seams.error)
                m_seams.error(this, tr("Export failed"),
                              tr("%1\n\nChoose another folder or file name and try again.").arg(result.error().message));
        }
        emit exportFinished(result.ok(), m_exportPath);
    });

    updateSummary();
    updateButtons();
}

BookingsPage::~BookingsPage()
{
    m_exportWatcher.waitForFinished();
}

Address BookingsPage::account() const
{
    return m_model->account();
}

void BookingsPage::setAccount(const icn::Address &sp)
{
    m_messageLabel->clear();
    m_model->setAccount(sp);
    updateSummary();
    updateButtons();
}

void BookingsPage::sizeColumns()
{
    // From sample text, never from the rows: sizing to contents reads every row.
    const QFontMetrics fm = m_view->fontMetrics();
    const auto width = [&fm](const QString &sample) { return fm.horizontalAdvance(sample) + 24; };
    auto *header = m_view->horizontalHeader();
    header->resizeSection(BookingTableModel::IdColumn, width(QStringLiteral("BK-0000000")));
    header->resizeSection(BookingTableModel::StatusColumn, width(tr("Pending") + QStringLiteral("  ")));
    header->resizeSection(BookingTableModel::ScopeColumn, width(QStringLiteral("EUW-FRA → FRA-1")));
    header->resizeSection(BookingTableModel::NodesColumn, width(QStringLiteral("FRA-1-hn01, FRA-1-hn02 (+3)")));
    header->resizeSection(BookingTableModel::SizeColumn, width(QStringLiteral("10,000 TB")));
    header->resizeSection(BookingTableModel::MonthsColumn, width(QStringLiteral("2026-11 – 2027-04 (6 months)")));
    const int amount = width(QStringLiteral("1,234,567.891 ICNT"));
    header->resizeSection(BookingTableModel::TotalColumn, amount);
    header->resizeSection(BookingTableModel::EscrowLeftColumn, amount);
    header->resizeSection(BookingTableModel::WithheldColumn, amount);
}

void BookingsPage::updateSummary()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    QString text;
    if (m_model->account().isNull())
        text = tr("No account selected.");
    else if (total == 0)
        text = tr("This account has no bookings yet.");
    else if (shown == total)
        text = tr("%n booking(s)", nullptr, total);
    else
        text = tr("%1 of %n booking(s) shown", nullptr, total).arg(shown);
    if (m_proxy->isSorting())
        text += QLatin1String(" — ") + (m_proxy->isFiltered() ? tr("filtering…") : tr("sorting…"));
    m_summaryLabel->setText(text);
    updateButtons();
}

void BookingsPage::updateButtons()
{
    m_detailsButton->setEnabled(m_view->selectionModel()->hasSelection());
    m_exportButton->setEnabled(m_proxy->rowCount() > 0 && !m_exportWatcher.isRunning());
}

void BookingsPage::focusItem(const QString &kind, const QString &id)
{
    if (kind != QLatin1String("booking"))
        return;
    int sourceRow = -1;
    for (int r = 0; r < m_model->rowCount() && sourceRow < 0; ++r) {
        if (m_model->bookingAt(r).id == id)
            sourceRow = r;
    }
    if (sourceRow < 0) {
        // Another account's booking (or one this account's list does not hold yet): its details.
        if (const std::optional<BookingRow> other = m_service ? m_service->booking(id) : std::nullopt) {
            auto *dialog = new BookingDetailsDialog(*other, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        }
        return;
    }
    m_filterEdit->clear();
    m_filterDelay->stop();
    m_proxy->setTextFilter(QString());
    m_statusCombo->setCurrentIndex(0);
    const auto select = [this, sourceRow] {
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
        if (!index.isValid())
            return;
        m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
    };
    if (!m_proxy->isSorting()) {
        select();
        return;
    }
    // A big table shows the unfiltered rows once the worker has ordered them.
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(m_proxy, &BookingFilterProxy::sortingFinished, this, [this, connection, select] {
        disconnect(*connection);
        select();
    });
}

void BookingsPage::showCurrentDetails()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (!rows.isEmpty())
        showDetails(rows.constFirst());
}

void BookingsPage::showDetails(const QModelIndex &index)
{
    if (!index.isValid() || index.model() != m_proxy)
        return;
    const QModelIndex source = m_proxy->mapToSource(index);
    auto *dialog = new BookingDetailsDialog(m_model->bookingAt(source.row()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void BookingsPage::exportCsv()
{
    if (m_exportWatcher.isRunning() || m_proxy->rowCount() == 0 || !m_seams.saveFile)
        return;
    const QString path = m_seams.saveFile(this, tr("Export bookings"), tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    // The rows and the order shown, both shared (no copy, no walk of a million rows here); the
    // worker picks, formats and writes them.
    const QList<BookingRow> rows = m_model->rowsInServiceOrder();
    const std::optional<QList<int>> shown = m_proxy->shownSourceRows();
    m_exportPath = path;
    m_exportRows = shown ? shown->size() : rows.size();
    m_messageLabel->setText(tr("Exporting…"));
    m_exportWatcher.setFuture(QtConcurrent::run([path, rows, shown] {
        const qsizetype count = shown ? shown->size() : rows.size();
        return CsvWriter::writeFile(path, BookingTableModel::csvHeader(), count, [&rows, &shown](qsizetype i) {
            return BookingTableModel::csvRecord(rows.at(shown ? shown->at(i) : i));
        });
    }));
    updateButtons();
}

} // namespace icn::ui
