#include "AccountHistoryModel.h"

#include "StatusText.h"
#include "models/ActivityTableModel.h"

#include <QFuture>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace icn::ui {

AccountHistoryModel::AccountHistoryModel(MarketService *service, QObject *parent)
    : QAbstractTableModel(parent), m_service(service)
{
    m_reloadDelay = new QTimer(this);
    m_reloadDelay->setSingleShot(true);
    m_reloadDelay->setInterval(150); // one search per burst of appended transactions
    connect(m_reloadDelay, &QTimer::timeout, this, &AccountHistoryModel::reload);
    if (service) {
        connect(service, &MarketService::activityAppended, m_reloadDelay, qOverload<>(&QTimer::start));
        connect(service, &MarketService::viewerChanged, m_reloadDelay, qOverload<>(&QTimer::start));
    }
}

AccountHistoryModel::~AccountHistoryModel()
{
    m_running.waitForFinished();
}

void AccountHistoryModel::setAccount(const Address &account)
{
    if (account == m_account)
        return;
    m_account = account;
    beginResetModel();
    m_rows.clear();
    m_total = 0;
    endResetModel();
    reload();
}

AccountHistoryModel::Loaded AccountHistoryModel::load(MarketService *service, const Address &account)
{
    Loaded out;
    if (!service || account.isNull())
        return out;
    const std::optional<QList<quint64>> seqs = service->accountActivity(account);
    if (!seqs) {
        out.supported = false;
        return out;
    }
    out.total = seqs->size();
    const qsizetype first = std::max<qsizetype>(0, seqs->size() - kMaxRows);
    out.rows.reserve(seqs->size() - first);
    for (qsizetype i = seqs->size(); i-- > first;) { // newest first
        const QList<ActivityRow> row = service->activity(seqs->at(i), 1);
        if (!row.isEmpty() && row.constFirst().seq == seqs->at(i))
            out.rows.append(row.constFirst());
    }
    return out;
}

void AccountHistoryModel::reload()
{
    m_reloadDelay->stop();
    const quint64 generation = ++m_generation;
    if (!m_service || m_account.isNull()) {
        take({});
        return;
    }
    if (!m_service->isThreadSafe()) {
        take(load(m_service, m_account)); // an in-memory service answers at once
        return;
    }
    if (!m_loading) {
        m_loading = true;
        emit loadingChanged(true);
    }
    QPointer<MarketService> service = m_service;
    const Address account = m_account;
    m_running = QtConcurrent::run([service, account] { return load(service.data(), account); });
    m_running.then(this, [this, generation](const Loaded &loaded) {
        if (generation == m_generation) // else a newer account or append took over
            take(loaded);
    });
}

void AccountHistoryModel::take(const Loaded &loaded)
{
    beginResetModel();
    m_rows = loaded.rows;
    m_total = loaded.total;
    m_supported = loaded.supported;
    endResetModel();
    if (m_loading) {
        m_loading = false;
        emit loadingChanged(false);
    }
}

std::optional<ActivityRow> AccountHistoryModel::entryAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return std::nullopt;
    return m_rows.at(row);
}

bool AccountHistoryModel::isIncoming(const ActivityRow &row) const
{
    return !row.sealed && row.signer.compare(m_account.toChecksummed(), Qt::CaseInsensitive) != 0;
}

int AccountHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AccountHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AccountHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ActivityRow &a = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeqColumn: return QString::number(a.seq);
        case TimeColumn: return ActivityTableModel::timeText(a);
        case TypeColumn: return StatusText::transactionType(a.type);
        case DirectionColumn:
            if (isIncoming(a))
                return tr("Received");
            return a.type == QLatin1String("transfer") ? tr("Sent") : tr("Signed");
        case SummaryColumn: return a.summary;
        default: return {};
        }
    case Qt::ToolTipRole:
        return index.column() == SummaryColumn ? QVariant(a.summary) : QVariant();
    case Qt::TextAlignmentRole:
        return QVariant::fromValue((index.column() == SeqColumn ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    case SeqRole: return a.seq;
    case TypeRole: return a.type;
    case IncomingRole: return isIncoming(a);
    case SummaryRole: return a.summary;
    default: return {};
    }
}

QVariant AccountHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeqColumn: return tr("Seq");
    case TimeColumn: return tr("Time");
    case TypeColumn: return tr("Type");
    case DirectionColumn: return tr("Direction");
    case SummaryColumn: return tr("Summary");
    default: return {};
    }
}

} // namespace icn::ui
