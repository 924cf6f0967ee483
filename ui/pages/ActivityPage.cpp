#include "ActivityPage.h"

#include "StatusText.h"

#include "dialogs/TransactionDetailsDialog.h"
#include "models/ActivityTableModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace icn::ui {

ActivityPage::ActivityPage(MarketService *service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_model(new ActivityTableModel(service, this))
{
    m_typeCombo = new QComboBox;
    m_typeCombo->setObjectName(QStringLiteral("typeCombo"));
    m_typeCombo->setMinimumContentsLength(14);
    m_typeCombo->addItem(tr("All types"), QString());

    m_signerEdit = new QLineEdit;
    m_signerEdit->setObjectName(QStringLiteral("signerEdit"));
    m_signerEdit->setPlaceholderText(tr("Filter by signer address"));
    m_signerEdit->setClearButtonEnabled(true);

    m_detailsButton = new QPushButton(tr("Details…"));
    m_detailsButton->setObjectName(QStringLiteral("detailsButton"));
    m_checkButton = new QPushButton(tr("Check"));
    m_checkButton->setObjectName(QStringLiteral("checkButton"));
    m_checkButton->setToolTip(tr("Verify integrity and conservation, and replay the log against the state hash"));

    m_checkProgress = new QProgressBar;
    m_checkProgress->setObjectName(QStringLiteral("checkProgress"));
    m_checkProgress->setRange(0, 100);
    m_checkProgress->setMaximumWidth(160);
    m_checkProgress->hide();
    m_checkLabel = new QLabel;
    m_checkLabel->setObjectName(QStringLiteral("checkLabel"));

    m_reportText = new QPlainTextEdit;
    m_reportText->setObjectName(QStringLiteral("reportText"));
    m_reportText->setReadOnly(true);
    m_reportText->setMaximumHeight(m_reportText->fontMetrics().height() * 6 + 12);
    m_reportText->hide();

    m_view = new QTableView;
    m_view->setObjectName(QStringLiteral("activityView"));
    // Row heights and order are set before the model attaches: changed afterwards, each walks every
    // one of a million header sections.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->verticalHeader()->hide();
    m_model->setNewestFirst(true);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setCornerButtonEnabled(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    // Newest first; only the seq column sorts (the model refuses the others).
    m_view->horizontalHeader()->setSortIndicator(ActivityTableModel::SeqColumn, Qt::DescendingOrder);
    m_view->setSortingEnabled(true);
    connect(m_view->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, [this](int column, Qt::SortOrder) {
        if (column != ActivityTableModel::SeqColumn) {
            m_view->horizontalHeader()->setSortIndicator(ActivityTableModel::SeqColumn,
                                                         m_model->newestFirst() ? Qt::DescendingOrder : Qt::AscendingOrder);
        }
    });
    sizeColumns();

    m_summaryLabel = new QLabel;
    m_summaryLabel->setObjectName(QStringLiteral("summaryLabel"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_typeCombo);
    bar->addWidget(m_signerEdit, 2);
    bar->addStretch(1);
    bar->addWidget(m_detailsButton);
    bar->addWidget(m_checkButton);

    auto *checkRow = new QHBoxLayout;
    checkRow->addWidget(m_checkProgress);
    checkRow->addWidget(m_checkLabel, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_summaryLabel);
    layout->addLayout(checkRow);
    layout->addWidget(m_reportText);

    m_filterDelay = new QTimer(this);
    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(200);
    connect(m_signerEdit, &QLineEdit::textChanged, m_filterDelay, qOverload<>(&QTimer::start));
    connect(m_filterDelay, &QTimer::timeout, this, &ActivityPage::applyFilter);
    connect(m_typeCombo, &QComboBox::currentIndexChanged, this, &ActivityPage::applyFilter);

    connect(m_model, &ActivityTableModel::seenTypesChanged, this, &ActivityPage::updateTypes);
    connect(m_model, &ActivityTableModel::scanProgress, this, &ActivityPage::updateSummary);
    connect(m_model, &ActivityTableModel::scanFinished, this, &ActivityPage::updateSummary);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ActivityPage::updateSummary);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ActivityPage::updateSummary);

    connect(m_view, &QAbstractItemView::doubleClicked, this, &ActivityPage::showDetails);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_detailsButton->setEnabled(m_view->selectionModel()->hasSelection()); });
    connect(m_detailsButton, &QPushButton::clicked, this, &ActivityPage::showCurrentDetails);
    connect(m_checkButton, &QPushButton::clicked, this, &ActivityPage::runCheck);

    connect(&m_checkWatcher, &QFutureWatcher<CheckReport>::progressValueChanged, m_checkProgress, &QProgressBar::setValue);
    connect(&m_checkWatcher, &QFutureWatcher<CheckReport>::finished, this, [this] {
        m_checkProgress->hide();
        m_checkButton->setEnabled(true);
        CheckReport report;
        if (m_checkWatcher.future().resultCount() > 0)
            report = m_checkWatcher.result();
        else
            report.lines << tr("The check stopped without a report.");
        showReport(report);
        emit checkFinished(report.ok);
    });

    m_detailsButton->setEnabled(false);
    updateTypes();
    updateSummary();
}

ActivityPage::~ActivityPage()
{
    // The worker calls into the service; it must finish before the page (and maybe the service) goes.
    m_checkWatcher.waitForFinished();
}

void ActivityPage::sizeColumns()
{
    const QFontMetrics fm = m_view->fontMetrics();
    const auto width = [&fm](const QString &sample) { return fm.horizontalAdvance(sample) + 24; };
    auto *header = m_view->horizontalHeader();
    header->resizeSection(ActivityTableModel::SeqColumn, width(QStringLiteral("10000000")));
    header->resizeSection(ActivityTableModel::TypeColumn, width(QStringLiteral("post-reverse-auction")));
    header->resizeSection(ActivityTableModel::SignerColumn, width(QStringLiteral("0x0000000000000000000000000000000000000000")));
    header->resizeSection(ActivityTableModel::TimeColumn, width(QStringLiteral("2026-11 · epoch 0000")));
    header->resizeSection(ActivityTableModel::StatusColumn, width(tr("Applied") + QStringLiteral("  ")));
    header->resizeSection(ActivityTableModel::StateHashColumn, width(QStringLiteral("0x00000000…0000")));
}

void ActivityPage::applyFilter()
{
    m_model->setFilter(m_typeCombo->currentData().toString(), m_signerEdit->text());
    updateSummary();
}

void ActivityPage::updateTypes()
{
    // Every type the engine knows, whether or not the log has one yet, then any other type the
    // pages read reveal (a log written by a newer engine). Labels are translated; the data is the
    // raw name the filter compares. The current choice is kept.
    QStringList types = StatusText::knownTransactionTypes();
    for (const QString &seen : m_model->seenTypes()) {
        if (!types.contains(seen))
            types << seen;
    }
    for (const QString &type : std::as_const(types)) {
        if (m_typeCombo->findData(type) < 0)
            m_typeCombo->addItem(StatusText::transactionType(type), type);
    }
}

void ActivityPage::updateSummary()
{
    const int shown = m_model->rowCount();
    QString text;
    if (!m_model->isFiltered()) {
        text = m_model->totalCount() == 0 ? tr("The log is empty.") : tr("%n transaction(s)", nullptr, shown);
    } else {
        text = tr("%n match(es)", nullptr, shown);
        if (m_model->isScanning())
            text += QLatin1String(" — ") + tr("searching the log…");
    }
    m_summaryLabel->setText(text);
}

void ActivityPage::focusItem(const QString &kind, const QString &id)
{
    if (kind == QLatin1String("account")) {
        // Another account: the log filtered by it.
        m_typeCombo->setCurrentIndex(0);
        m_signerEdit->setText(id);
        m_filterDelay->stop();
        applyFilter();
        m_view->setFocus();
        return;
    }
    bool ok = false;
    const quint64 seq = id.toULongLong(&ok);
    if (kind != QLatin1String("transaction") || !ok)
        return;
    m_signerEdit->clear();
    m_filterDelay->stop();
    m_typeCombo->setCurrentIndex(0);
    applyFilter();
    const int row = m_model->rowOfSeq(seq);
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, 0);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

void ActivityPage::showCurrentDetails()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (!rows.isEmpty())
        showDetails(rows.constFirst());
}

void ActivityPage::showDetails(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    std::optional<ActivityRow> entry = m_model->entryAt(index.row());
    if (!entry)
        return;
    if (entry->details.isEmpty() && m_service)
        entry->details = m_service->activityDetails(entry->seq);
    auto *dialog = new TransactionDetailsDialog(*entry, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void ActivityPage::runCheck()
{
    if (m_checkWatcher.isRunning() || !m_service)
        return;
    m_checkButton->setEnabled(false);
    m_checkProgress->setValue(0);
    m_checkProgress->show();
    m_checkLabel->setText(tr("Checking…"));
    m_reportText->hide();
    MarketService *service = m_service.data();
    // The service documents check() as safe to run from a worker; the destructor waits for it.
    m_checkWatcher.setFuture(QtConcurrent::run([service](QPromise<CheckReport> &promise) {
        promise.setProgressRange(0, 100);
        CheckReport report = service->check([&promise](int percent) { promise.setProgressValue(percent); });
        promise.addResult(std::move(report));
    }));
}

void ActivityPage::showReport(const CheckReport &report)
{
    m_lastReport = report;
    m_checkLabel->setText(report.ok ? tr("Check passed.") : tr("Check FAILED — see the findings below."));
    QPalette palette = m_checkLabel->palette();
    palette.setColor(QPalette::WindowText, report.ok ? QColor(0x1b, 0x7f, 0x3b) : QColor(0xb0, 0x1e, 0x1e));
    m_checkLabel->setPalette(palette);
    m_reportText->setPlainText(report.lines.join(QLatin1Char('\n')));
    m_reportText->setVisible(!report.lines.isEmpty());
}

} // namespace icn::ui
