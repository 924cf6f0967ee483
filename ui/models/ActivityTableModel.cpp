#include "ActivityTableModel.h"

#include "StatusText.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QtConcurrent/QtConcurrentRun>
#include <QTimer>

#include <algorithm>
#include <climits>

namespace icn::ui {

namespace {
constexpr qint64 kScanSliceMs = 8; // keeps the window responsive while a filter scans the log
}

ActivityTableModel::ActivityTableModel(MarketService *service, QObject *parent)
    : QAbstractTableModel(parent)
    , m_service(service)
{
    if (service) {
        connect(service, &MarketService::activityAppended, this, &ActivityTableModel::scheduleAppendCheck);
        connect(service, &MarketService::viewerChanged, this, &ActivityTableModel::refreshRows);
    }
    reload();
}

void ActivityTableModel::reload()
{
    beginResetModel();
    ++m_scanGeneration;
    m_pages.clear();
    m_lru.clear();
    m_matches.clear();
    m_scanned = 0;
    m_scanning = false;
    m_count = m_service ? m_service->activityCount() : 0;
    m_firstSeq = 0;
    if (m_count > 0) {
        // activity(firstSeq, n) returns entries with seq ≥ firstSeq, so asking from 0 finds where the log starts.
        const QList<ActivityRow> first = m_service->activity(0, 1);
        m_firstSeq = first.isEmpty() ? 0 : first.constFirst().seq;
    }
    endResetModel();
    if (isFiltered())
        restartScan();
}

int ActivityTableModel::rowsShown() const
{
    const quint64 n = isFiltered() ? quint64(m_matches.size()) : m_count;
    return int(std::min<quint64>(n, INT_MAX));
}

int ActivityTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : rowsShown();
}

int ActivityTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

quint64 ActivityTableModel::positionOf(int row) const
{
    if (isFiltered())
        return m_matches.at(row);
    return m_newestFirst ? m_count - 1 - quint64(row) : quint64(row);
}

QList<ActivityRow> ActivityTableModel::readPage(quint64 page) const
{
    if (!m_service)
        return {};
    QList<ActivityRow> rows = m_service->activity(m_firstSeq + page * kPageSize, kPageSize);
    noteTypes(rows);
    return rows;
}

const ActivityRow *ActivityTableModel::cachedAt(quint64 position) const
{
    if (position >= m_count)
        return nullptr;
    const quint64 page = position / kPageSize;
    auto it = m_pages.find(page);
    if (it == m_pages.end()) {
        if (m_pages.size() >= kCachedPages)
            m_pages.remove(m_lru.takeFirst());
        it = m_pages.insert(page, readPage(page));
        m_lru.append(page);
    } else if (m_lru.constLast() != page) {
        m_lru.removeOne(page);
        m_lru.append(page);
    }
    const quint64 offset = position % kPageSize;
    return offset < quint64(it->size()) ? &it->at(qsizetype(offset)) : nullptr;
}

std::optional<ActivityRow> ActivityTableModel::entryAt(int row) const
{
    if (row < 0 || row >= rowsShown())
        return std::nullopt;
    const ActivityRow *entry = cachedAt(positionOf(row));
    return entry ? std::optional<ActivityRow>(*entry) : std::nullopt;
}

int ActivityTableModel::rowOfSeq(quint64 seq) const
{
    if (isFiltered() || seq < m_firstSeq || seq - m_firstSeq >= m_count)
        return -1;
    const quint64 position = seq - m_firstSeq;
    const quint64 row = m_newestFirst ? m_count - 1 - position : position;
    return row <= quint64(INT_MAX) ? int(row) : -1;
}

void ActivityTableModel::noteTypes(const QList<ActivityRow> &rows) const
{
    bool grew = false;
    for (const ActivityRow &r : rows) {
        if (!r.type.isEmpty() && !m_seenTypes.contains(r.type)) {
            m_seenTypes.insert(r.type);
            grew = true;
        }
    }
    // Reads happen inside data(); tell listeners after the paint, not during it.
    if (grew && !m_seenTypesGrew) {
        m_seenTypesGrew = true;
        auto *self = const_cast<ActivityTableModel *>(this);
        QTimer::singleShot(0, self, [self] {
            self->m_seenTypesGrew = false;
            emit self->seenTypesChanged();
        });
    }
}

QStringList ActivityTableModel::seenTypes() const
{
    QStringList types(m_seenTypes.cbegin(), m_seenTypes.cend());
    types.sort();
    return types;
}

QVariant ActivityTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == Qt::TextAlignmentRole) {
        const bool number = index.column() == SeqColumn;
        return QVariant::fromValue((number ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    }
    const ActivityRow *a = cachedAt(positionOf(index.row()));
    if (!a)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeqColumn: return QString::number(a->seq);
        case TypeColumn: return StatusText::transactionType(a->type);
        case SignerColumn: return a->sealed ? sealedSignerText() : a->signer.isEmpty() ? tr("(local)") : a->signer;
        case TimeColumn: return timeText(*a);
        case StatusColumn: return statusText(a->status);
        case StateHashColumn: return shortHash(a->stateHash);
        case SummaryColumn: return a->summary;
        default: return {};
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case SignerColumn:
            if (a->sealed)
                return tr("Auction bids are sealed: the bidder is shown once the tender is awarded or the auction has run");
            return a->isSigned ? tr("Signed by %1").arg(a->signer) : tr("A local transaction without a signature");
        case StateHashColumn: return a->stateHash;
        case SummaryColumn: return a->summary;
        default: return {};
        }
    case SeqRole: return a->seq;
    case TypeRole: return a->type;
    case SignerRole: return a->signer;
    case IsSignedRole: return a->isSigned;
    case MonthRole: return a->month.index();
    case EpochRole: return a->epoch;
    case StatusRole: return a->status;
    case StateHashRole: return a->stateHash;
    case SummaryRole: return a->summary;
    case DetailsRole: return a->details;
    case SealedRole: return a->sealed;
    default: return {};
    }
}

QVariant ActivityTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue((section == SeqColumn ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && section == SeqColumn)
        return tr("The log is ordered by sequence number; click to reverse");
    if (role == Qt::ToolTipRole && section == StateHashColumn)
        return tr("The running state hash after this transaction");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeqColumn: return tr("Seq");
    case TypeColumn: return tr("Type");
    case SignerColumn: return tr("Signer");
    case TimeColumn: return tr("Time");
    case StatusColumn: return tr("Status");
    case StateHashColumn: return tr("State hash");
    case SummaryColumn: return tr("Summary");
    default: return {};
    }
}

QHash<int, QByteArray> ActivityTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SeqRole, "seq");
    names.insert(TypeRole, "type");
    names.insert(SignerRole, "signer");
    names.insert(IsSignedRole, "isSigned");
    names.insert(MonthRole, "month");
    names.insert(EpochRole, "epoch");
    names.insert(StatusRole, "status");
    names.insert(StateHashRole, "stateHash");
    names.insert(SummaryRole, "summary");
    names.insert(DetailsRole, "details");
    names.insert(SealedRole, "sealed");
    return names;
}

void ActivityTableModel::sort(int column, Qt::SortOrder order)
{
    if (column == SeqColumn)
        setNewestFirst(order == Qt::DescendingOrder);
}

void ActivityTableModel::setNewestFirst(bool newestFirst)
{
    if (newestFirst == m_newestFirst)
        return;
    if (isFiltered()) {
        // The scan walks in display order; start it over in the new direction.
        beginResetModel();
        m_newestFirst = newestFirst;
        m_matches.clear();
        endResetModel();
        restartScan();
        return;
    }
    // Reversal is a pure relabelling of rows: keep selections and the current row.
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QModelIndexList after;
    after.reserve(before.size());
    const int last = rowsShown() - 1;
    for (const QModelIndex &idx : before)
        after.append(index(last - idx.row(), idx.column()));
    m_newestFirst = newestFirst;
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void ActivityTableModel::setFilter(const QString &type, const QString &signerText)
{
    const QString signer = signerText.trimmed();
    if (type == m_type && signer == m_signer)
        return;
    beginResetModel();
    m_type = type;
    m_signer = signer;
    m_matches.clear();
    ++m_scanGeneration;
    m_scanning = false;
    endResetModel();
    if (isFiltered())
        restartScan();
    else
        emit scanFinished();
}

bool ActivityTableModel::matches(const ActivityRow &row) const
{
    if (!m_type.isEmpty() && row.type != m_type)
        return false;
    return m_signer.isEmpty() || row.signer.contains(m_signer, Qt::CaseInsensitive);
}

void ActivityTableModel::restartScan()
{
    ++m_scanGeneration;
    m_scanned = 0;
    m_scanTotal = m_count;
    m_scanning = true;
    const quint64 generation = m_scanGeneration;
    if (m_service && m_service->isThreadSafe()) {
        // The service filters in SQL on a worker; the GUI thread only swaps the answer in.
        QPointer<MarketService> service = m_service;
        const QString type = m_type, signer = m_signer;
        QtConcurrent::run([service, type, signer]() -> std::optional<QList<quint64>> {
            return service ? service->activityMatching(type, signer) : std::nullopt;
        }).then(this, [this, generation](const std::optional<QList<quint64>> &seqs) {
            if (generation != m_scanGeneration)
                return; // a newer filter or a reload took over
            if (seqs)
                takeMatches(*seqs);
            else
                scanSlice(); // the service could not: scan the rows in slices
        });
        return;
    }
    QTimer::singleShot(0, this, [this, generation] {
        if (generation == m_scanGeneration)
            scanSlice();
    });
}

void ActivityTableModel::takeMatches(const QList<quint64> &seqs)
{
    // Positions known when the query started; entries appended since are matched like appends.
    const quint64 total = m_scanTotal;
    QList<quint64> positions;
    positions.reserve(seqs.size());
    for (quint64 seq : seqs)
        if (seq >= m_firstSeq && seq - m_firstSeq < total)
            positions.append(seq - m_firstSeq);
    if (m_newestFirst) {
        std::reverse(positions.begin(), positions.end());
        QList<quint64> newer; // prepended by takeAppended() while the query ran
        for (quint64 p : std::as_const(m_matches))
            if (p >= total)
                newer.append(p);
        positions = newer + positions;
    }
    beginResetModel();
    m_matches = positions;
    m_scanned = total;
    endResetModel();
    emit scanProgress(m_scanned, total);
    if (!m_newestFirst && m_count > total) {
        scanSlice(); // ascending: the appended tail, row by row
        return;
    }
    m_scanning = false;
    emit scanFinished();
}

void ActivityTableModel::scanSlice()
{
    // Ascending scans run to the live count (appends extend them); descending scans cover the
    // entries that existed at the start, and takeAppended() handles newer ones at the top.
    const quint64 total = m_newestFirst ? m_scanTotal : m_count;
    QElapsedTimer clock;
    clock.start();
    QList<quint64> found;
    while (m_scanned < total && clock.elapsed() < kScanSliceMs) {
        const quint64 position = m_newestFirst ? total - 1 - m_scanned : m_scanned;
        const quint64 page = position / kPageSize;
        const QList<ActivityRow> rows = readPage(page);
        const quint64 pageStart = page * kPageSize;
        // Walk this page in scan order from `position` to its edge.
        while (m_scanned < total) {
            const quint64 p = m_newestFirst ? total - 1 - m_scanned : m_scanned;
            if (p / kPageSize != page)
                break;
            const quint64 offset = p - pageStart;
            if (offset < quint64(rows.size()) && matches(rows.at(qsizetype(offset))))
                found.append(p);
            ++m_scanned;
        }
    }
    if (!found.isEmpty()) {
        const int first = int(m_matches.size());
        beginInsertRows({}, first, first + int(found.size()) - 1);
        m_matches.append(found);
        endInsertRows();
    }
    emit scanProgress(m_scanned, total);
    if (m_scanned < total) {
        const quint64 generation = m_scanGeneration;
        QTimer::singleShot(0, this, [this, generation] {
            if (generation == m_scanGeneration)
                scanSlice();
        });
        return;
    }
    m_scanning = false;
    emit scanFinished();
}

void ActivityTableModel::scheduleAppendCheck()
{
    // One check per burst of appended transactions.
    if (m_appendCheckQueued)
        return;
    m_appendCheckQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_appendCheckQueued = false;
        // An award or run unseals earlier bids: cached rows showing sealed ones are stale then.
        bool cachedSealed = false;
        for (const QList<ActivityRow> &page : std::as_const(m_pages))
            cachedSealed = cachedSealed || std::any_of(page.cbegin(), page.cend(), [](const ActivityRow &r) { return r.sealed; });
        const quint64 before = m_count;
        takeAppended();
        if (cachedSealed && m_count != before)
            refreshRows();
    });
}

void ActivityTableModel::takeAppended()
{
    if (!m_service)
        return;
    const quint64 fresh = m_service->activityCount();
    if (fresh == m_count)
        return;
    if (fresh < m_count || m_count == 0) {
        reload();
        return;
    }
    const quint64 old = m_count;
    // The last page read may have been short; it and later pages are stale now.
    for (auto it = m_pages.begin(); it != m_pages.end();) {
        if ((it.key() + 1) * kPageSize > old) {
            m_lru.removeOne(it.key());
            it = m_pages.erase(it);
        } else {
            ++it;
        }
    }
    const int added = int(std::min<quint64>(fresh - old, INT_MAX));
    if (!isFiltered()) {
        const int first = m_newestFirst ? 0 : int(std::min<quint64>(old, INT_MAX));
        beginInsertRows({}, first, first + added - 1);
        m_count = fresh;
        endInsertRows();
        return;
    }
    m_count = fresh;
    if (!m_newestFirst) {
        if (!m_scanning) {
            m_scanning = true;
            const quint64 generation = m_scanGeneration;
            QTimer::singleShot(0, this, [this, generation] {
                if (generation == m_scanGeneration)
                    scanSlice();
            });
        }
        return;
    }
    QList<quint64> found;
    for (quint64 p = fresh; p-- > old;) {
        const ActivityRow *row = cachedAt(p);
        if (row && matches(*row))
            found.append(p);
    }
    if (found.isEmpty())
        return;
    beginInsertRows({}, 0, int(found.size()) - 1);
    m_matches = found + m_matches;
    endInsertRows();
}

void ActivityTableModel::refreshRows()
{
    if (isFiltered()) {
        beginResetModel();
        m_pages.clear();
        m_lru.clear();
        m_matches.clear();
        m_count = m_service ? m_service->activityCount() : 0;
        endResetModel();
        restartScan();
        return;
    }
    const quint64 fresh = m_service ? m_service->activityCount() : 0;
    if (fresh != m_count) {
        reload();
        return;
    }
    m_pages.clear();
    m_lru.clear();
    if (rowsShown() > 0)
        emit dataChanged(index(0, 0), index(rowsShown() - 1, ColumnCount - 1));
}

QString ActivityTableModel::sealedSignerText()
{
    return tr("(sealed)");
}

QString ActivityTableModel::shortHash(const QString &hash)
{
    if (hash.size() <= 16)
        return hash;
    return hash.left(10) + QChar(0x2026) + hash.right(4);
}

QString ActivityTableModel::statusText(const QString &status)
{
    return StatusText::activity(status);
}

QString ActivityTableModel::timeText(const ActivityRow &row)
{
    return tr("%1 · epoch %2").arg(row.month.toString()).arg(row.epoch);
}

} // namespace icn::ui
