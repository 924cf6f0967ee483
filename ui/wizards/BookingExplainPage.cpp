#include "BookingExplainPage.h"

#include "BookingWizard.h"

#include <QHeaderView>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace icn::ui {

BookingExplainPage::BookingExplainPage(QWidget *parent)
    : QWizardPage(parent)
{
    setTitle(tr("Why not matched"));
    m_model = new QStandardItemModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("exclusionView"));
    m_view->setModel(m_model);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setShowGrid(false);
    m_view->setAlternatingRowColors(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // The reasons carry the numbers (month, free TB, what was asked): wrap them, never elide.
    m_view->setWordWrap(true);
    m_view->setTextElideMode(Qt::ElideNone);
    m_view->horizontalHeader()->setStretchLastSection(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view);
}

void BookingExplainPage::initializePage()
{
    auto *w = qobject_cast<BookingWizard *>(wizard());
    m_model->clear();
    m_model->setHorizontalHeaderLabels({tr("Cluster"), tr("Node"), tr("Why it is not used")});
    if (!w || !w->service())
        return;
    const Result<qint64> size = w->sizeTb();
    const bool quoted = w->quote() && w->quote()->ok();
    setSubTitle(quoted ? tr("The quote uses %1. Everything else in scope, and why:").arg(w->quote()->value().clusterId)
                       : tr("Nothing in scope can serve this request. Go back to change it; here is why:"));
    for (const Exclusion &e : w->service()->explainExclusions(w->scopeId(), size ? *size : 1, w->requestedRange()))
    {
        auto *reason = new QStandardItem(e.reason);
        reason->setToolTip(e.reason);
        m_model->appendRow({new QStandardItem(e.clusterId),
                            new QStandardItem(e.nodeId.isEmpty() ? tr("whole cluster") : e.nodeId), reason});
    }
    if (m_model->rowCount() == 0)
        m_model->appendRow({new QStandardItem(tr("—")), new QStandardItem(), new QStandardItem(tr("Every node in scope is used."))});
    m_view->horizontalHeader()->resizeSection(0, 90);
    m_view->horizontalHeader()->resizeSection(1, 120);
    m_view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
}

bool BookingExplainPage::isComplete() const
{
    auto *w = qobject_cast<BookingWizard *>(wizard());
    return w && w->quote() && w->quote()->ok();
}

int BookingExplainPage::nextId() const
{
    return BookingWizard::ReviewPageId;
}

} // namespace icn::ui
