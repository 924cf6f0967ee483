#pragma once

#include <QBitArray>
#include <QSortFilterProxyModel>

namespace icn::ui {

class NetworkTreeModel;

// Filters the network tree by name or id (keeping the ancestors and the descendants of matches)
// and sorts each column by its raw role: numbers as numbers, prices as exact amounts (unlisted last).
// Over a NetworkTreeModel the whole tree is matched once per filter text (or per source refresh)
// into one bit per item, so a filter over 100k HNs does no per-row string work or recursion.
class NetworkFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit NetworkFilterProxy(QObject *parent = nullptr);
    void setFilterText(const QString &text);
    void setSourceModel(QAbstractItemModel *source) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool selfMatches(int sourceRow, const QModelIndex &sourceParent) const;
    void computeAccepted() const;

    QString m_text;
    NetworkTreeModel *m_tree = nullptr;
    // Items shown for m_text: matches, their ancestors and their descendants (m_tree only).
    mutable QBitArray m_accepted;
    mutable quint64 m_acceptedGeneration = 0;
    mutable bool m_acceptedValid = false;
};

} // namespace icn::ui
