#pragma once

#include "service/MarketService.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>
#include <QSet>

namespace icn::ui {

// The engine's transaction log as a table, for logs of millions of entries: rows are read lazily
// from MarketService::activity() in pages of kPageSize kept in a small LRU cache, so opening the
// table costs one activityCount() call and painting costs the visible pages only.
//
// Its natural order is seq; the model offers seq ascending or descending (sort() on the seq column)
// and nothing else, since ordering a million rows by another column would need them all. Filters
// (type, signer text) are not a QSortFilterProxyModel, because the proxy would read every row on
// the GUI thread at once: a thread-safe service answers them in SQL on a worker
// (MarketService::activityMatching) and the model swaps the result in; otherwise the scan runs
// in short slices between events and matches appear as they are found (scanProgress/scanFinished).
class ActivityTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int kPageSize = 256;
    static constexpr int kCachedPages = 64;

    enum Column { SeqColumn, TypeColumn, SignerColumn, TimeColumn, StatusColumn, StateHashColumn, SummaryColumn, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        SeqRole = Qt::UserRole + 1, // quint64
        TypeRole,                   // QString ("book", "transfer", …)
        SignerRole,                 // QString, EIP-55 or empty
        IsSignedRole,               // bool
        MonthRole,                  // qint32 month index (Month::index)
        EpochRole,                  // qint64
        StatusRole,                 // QString, untranslated ("applied")
        StateHashRole,              // QString, full 0x… hash
        SummaryRole,                // QString
        DetailsRole,                // QString, the decoded transaction (JSON text)
        SealedRole                  // bool, a sealed auction entry (signer withheld)
    };
    Q_ENUM(Role)

    explicit ActivityTableModel(MarketService *service, QObject *parent = nullptr);

    void setNewestFirst(bool newestFirst);
    bool newestFirst() const { return m_newestFirst; }
    // Empty strings match everything. `type` must equal the entry's type; `signerText` is a
    // case-insensitive substring of the signer's address.
    void setFilter(const QString &type, const QString &signerText);
    QString typeFilter() const { return m_type; }
    QString signerFilter() const { return m_signer; }
    bool isFiltered() const { return !m_type.isEmpty() || !m_signer.isEmpty(); }
    bool isScanning() const { return m_scanning; }
    quint64 totalCount() const { return m_count; } // log entries, filtered or not
    // Types met so far in the pages read (the log has no index of types).
    QStringList seenTypes() const;

    // Re-reads the count and drops the cache (a different database, say).
    void reload();
    // The entry shown at `row`, read through the cache; nullopt when the service has none there.
    std::optional<ActivityRow> entryAt(int row) const;
    // The row showing `seq` when no filter is set; -1 otherwise or when the log has no such entry.
    int rowOfSeq(quint64 seq) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override; // seq column only

    // "0x1234abcd…9f8e": enough to compare by eye; the full hash is in the tooltip and details.
    static QString shortHash(const QString &hash);
    static QString statusText(const QString &status);
    static QString timeText(const ActivityRow &row);
    static QString sealedSignerText();

signals:
    void scanProgress(quint64 scanned, quint64 total);
    void scanFinished();
    void seenTypesChanged();

private:
    int rowsShown() const;
    quint64 positionOf(int row) const;
    const ActivityRow *cachedAt(quint64 position) const;
    QList<ActivityRow> readPage(quint64 page) const;
    bool matches(const ActivityRow &row) const;
    void noteTypes(const QList<ActivityRow> &rows) const;
    void restartScan();
    void scanSlice();
    void scheduleAppendCheck();
    void takeAppended();
    void takeMatches(const QList<quint64> &seqs); // the service's answer to the filter (SQL)
    // Cached rows may read differently (a new viewer, an award unsealing bids): read them again.
    void refreshRows();

    QPointer<MarketService> m_service;
    quint64 m_count = 0;
    quint64 m_firstSeq = 0;
    bool m_newestFirst = false;

    // Page cache (position / kPageSize → rows) with least-recently-used eviction.
    mutable QHash<quint64, QList<ActivityRow>> m_pages;
    mutable QList<quint64> m_lru;
    mutable QSet<QString> m_seenTypes;
    mutable bool m_seenTypesGrew = false;

    // Filtered view: matching positions in display order; the scan walks the log in that order.
    QString m_type;
    QString m_signer;
    QList<quint64> m_matches;
    quint64 m_scanned = 0; // positions examined, counted in scan order
    quint64 m_scanTotal = 0;
    bool m_scanning = false;
    quint64 m_scanGeneration = 0;
    bool m_appendCheckQueued = false;
};

} // namespace icn::ui
