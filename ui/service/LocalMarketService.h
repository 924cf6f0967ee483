#pragma once

#include "MarketService.h"

#include <QRecursiveMutex>

#include <functional>

#include <memory>

#include "Transaction.h"

namespace icn {
class Market;
struct NetworkSnapshot;
}

class QThread;

namespace icn::ui {

// The MarketService over the real engine mirror (icn::Market: Engine + SQLite store).
// Market is single-threaded, while book() and check() are called from workers: every call takes
// one mutex, so calls are serialised; change signals are emitted after it is released.
class LocalMarketService : public MarketService
{
    Q_OBJECT

public:
    // Opens the mirror in `dataDir`; when there is none yet, creates it from `genesis`.
    static Result<std::unique_ptr<LocalMarketService>> openOrCreate(const QString &dataDir, const NetworkSnapshot &genesis);
    // Creates the demo mirror in `dataDir` with its simulated market history, exactly as
    // `icnctl init --demo` does (DemoHistory), about a second of work: run it in a worker.
    // `progress` gets 0–100 as months are simulated. A failure removes the partial database, so
    // the next start asks for the network again. The service is handed to `owner` (the GUI thread)
    // when created elsewhere.
    static Result<std::unique_ptr<LocalMarketService>> createDemo(const QString &dataDir,
                                                                  const std::function<void(int percent)> &progress = {},
                                                                  QThread *owner = nullptr);
    // Whether `dataDir` holds a mirror's database (the first-run wizard is skipped then).
    static bool hasMirror(const QString &dataDir);
    // Full validation of a snapshot file without storing anything: the JSON rules with the line of
    // the first problem ("snapshot.*"), then the engine's own genesis checks ("genesis.*").
    static Result<NetworkSnapshot> validateSnapshotFile(const QString &path);
    ~LocalMarketService() override;

    bool isThreadSafe() const override { return true; } // every call takes m_mutex
    QString networkName() const override;
    Month currentMonth() const override;
    qint64 currentEpoch() const override;
    QList<ScopeNode> scopeTree(MonthRange range) const override;
    Result<QuoteResult> quote(const QString &scopeId, qint64 sizeTb, MonthRange range) const override;
    QList<Exclusion> explainExclusions(const QString &scopeId, qint64 sizeTb, MonthRange range) const override;
    QList<CapacityPoint> capacityByMonth(const QString &scopeId, MonthRange range) const override;
    QList<AskLevel> askLadder(const QString &clusterId, MonthRange range) const override;
    Amount balance(const Address &account) const override;
    QList<AccountInfo> accounts() const override;
    BookingLimits bookingLimits() const override;
    QList<BookingRow> bookings(const Address &sp) const override;
    std::optional<BookingRow> booking(const QString &id) const override;
    std::optional<SigningTerms> signingTerms(const Address &sp) const override;
    Result<BookingRow> book(const BookingDraft &draft, const SecureBytes &privateKey) override;
    Result<void> transfer(const Address &from, const Address &to, Amount amount, const SecureBytes &privateKey) override;
    Result<void> faucet(const Address &to, Amount amount) override;
    quint64 activityCount() const override;
    QList<ActivityRow> activity(quint64 firstSeq, int count) const override;
    QString activityDetails(quint64 seq) const override;
    std::optional<QList<quint64>> activityMatching(const QString &type, const QString &signerPart) const override;
    std::optional<QList<quint64>> accountActivity(const Address &account) const override;
    CheckReport check(const std::function<void(int)> &progress) override;
    void setViewer(const Address &account) override;
    Address viewer() const override;

    // Starts a new local network from the snapshot file: it is validated and built into a scratch
    // database first (nothing changes on refusal); then the current database is renamed to
    // "icn-desk.sqlite.backup-<UTC time>" (never deleted) and the new one takes its place. Worker-safe.
    Result<void> importSnapshot(const QString &path) override;
    // The backup file the last successful import left (empty before any).
    Q_INVOKABLE QString lastBackupPath() const;
    QString dataDir() const { return m_dataDir; }

private:
    LocalMarketService(std::unique_ptr<Market> market, const QString &dataDir);
    Result<void> swapIn(const QString &newDatabase, QString *backup);
    void announce(quint64 seq);
    // Why an HN does not serve (size, range); empty when it could.
    QString nodeExclusion(quint32 node, MonthRange range) const;
    // Whether a logged transaction is a sealed auction entry for the viewer (under m_mutex).
    bool isSealed(const Transaction &tx) const;
    bool anyAuctionOpen() const;

    mutable QRecursiveMutex m_mutex;
    std::unique_ptr<Market> m_market;
    QString m_dataDir;
    QString m_lastBackup;
    Address m_viewer;
};

} // namespace icn::ui
