#pragma once

#include "Address.h"
#include "service/MarketService.h"

#include <QAbstractTableModel>
#include <QFuture>
#include <QPointer>

class QTimer;

namespace icn::ui {

// One account's transaction history for the Wallet page, newest first: the log entries it signed or
// was paid by (MarketService::accountActivity). The search runs on a worker when the service is
// thread-safe (a long log takes a while) and the rows are swapped in when it is done; appended
// transactions and a new viewer start it again. At most kMaxRows rows are kept (the newest).
class AccountHistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int kMaxRows = 5000;

    enum Column { SeqColumn, TimeColumn, TypeColumn, DirectionColumn, SummaryColumn, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        SeqRole = Qt::UserRole + 1, // quint64
        TypeRole,                   // QString, raw type ("transfer", …)
        IncomingRole,               // bool: the account was paid (not the signer)
        SummaryRole                 // QString
    };
    Q_ENUM(Role)

    explicit AccountHistoryModel(MarketService *service, QObject *parent = nullptr);
    ~AccountHistoryModel() override;

    void setAccount(const Address &account);
    Address account() const { return m_account; }
    bool isLoading() const { return m_loading; }
    // Whether the service can list an account's history at all.
    bool isSupported() const { return m_supported; }
    // Entries found, including those beyond kMaxRows.
    qsizetype totalCount() const { return m_total; }
    std::optional<ActivityRow> entryAt(int row) const;
    MarketService *service() const { return m_service; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

public slots:
    void reload();

signals:
    void loadingChanged(bool loading);

private:
    struct Loaded
    {
        bool supported = true;
        qsizetype total = 0;
        QList<ActivityRow> rows;
    };
    static Loaded load(MarketService *service, const Address &account);
    void take(const Loaded &loaded);
    bool isIncoming(const ActivityRow &row) const;

    QPointer<MarketService> m_service;
    Address m_account;
    QList<ActivityRow> m_rows;
    qsizetype m_total = 0;
    bool m_loading = false;
    bool m_supported = true;
    quint64 m_generation = 0;
    QTimer *m_reloadDelay = nullptr;
    QFuture<Loaded> m_running; // the search in flight; the destructor waits for it (it reads the service)
};

} // namespace icn::ui
