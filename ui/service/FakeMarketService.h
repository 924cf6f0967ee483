#pragma once

#include "MarketService.h"
#include "NetworkTypes.h"

#include <QHash>
#include <QMap>

namespace icn::ui {

// An in-memory MarketService over a small hand-made network, for view tests and the demo:
// EUW (Europe West) / Frankfurt: FRA-1 (2 HNs), FRA-2 (1), FRA-3 (3); EUW / Amsterdam: AMS-1 (2);
// NAE (North America East) / New York: NYC-1 (2). It applies PROTOCOL.md §3–5 plainly
// (eligibility, ranking, greedy fill, zone/region choice, margin) so quotes are exact.
// Tests change prices, balances and the clock through the setters to provoke engine errors.
class FakeMarketService : public MarketService
{
    Q_OBJECT

public:
    explicit FakeMarketService(QObject *parent = nullptr);

    // Well-known demo accounts. The SP's private key is 32 bytes of 0x11 (tests only).
    static Address demoSp();
    static Address demoHp();
    static SecureBytes demoSpKey();

    // --- test hooks ---
    void setReservationPrice(const QString &nodeId, Amount price);
    void setBalance(const Address &account, Amount amount);
    void setNodeStatus(const QString &nodeId, NodeStatus status);
    void setCollateral(const QString &nodeId, Amount collateral);
    void setCurrentMonth(Month month);
    void addAccount(const Address &account, const QString &label, Amount balance);
    // When set, book() refuses other keys for this account ("booking.bad_signature").
    void setAccountKey(const Address &account, const SecureBytes &privateKey);
    const NetworkSnapshot &network() const { return m_net; }

    // --- MarketService ---
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
    std::optional<QList<quint64>> accountActivity(const Address &account) const override;
    CheckReport check(const std::function<void(int)> &progress) override;

private:
    void buildNetwork();
    void addNode(const QString &clusterId, int index, qint64 capacityTb, const char *price,
                 qint32 commitmentMonths, qint64 reliabilityPpm);
    void preBook(const QString &nodeId, qint64 sizeTb, MonthRange range);
    void appendActivity(const QString &type, const Address &signer, const QString &summary, const Address &payee = {});

    const HardwareNode *node(const QString &id) const;
    const Cluster *cluster(const QString &id) const;
    QString regionOf(const QString &clusterId) const;
    QStringList clustersIn(const QString &scopeId) const; // empty if unknown; nodes map to their cluster
    qint64 allocated(const QString &nodeId, Month month) const;
    qint64 freeTb(const HardwareNode &n, MonthRange range) const;
    // Empty when eligible, otherwise the (translated) reason.
    QString ineligibility(const HardwareNode &n, qint64 sizeTb, MonthRange range) const;
    Result<QuoteResult> quoteCluster(const QString &clusterId, qint64 sizeTb, MonthRange range) const;
    qint64 freeAfter(const QuoteResult &q, MonthRange range) const;
    std::optional<Amount> listedPrice(const QStringList &clusterIds, MonthRange range) const;

    NetworkSnapshot m_net;
    QHash<QString, qint64> m_reliabilityPpm;              // node id → score
    QHash<QString, QMap<qint32, qint64>> m_allocations;   // node id → month index → TB
    QHash<Address, Amount> m_balances;
    QHash<Address, QString> m_labels;
    QHash<Address, SecureBytes> m_keys;
    QHash<Address, quint64> m_nonces; // next nonce of each signer
    QList<BookingRow> m_bookings;
    QList<ActivityRow> m_activity;
    QHash<quint64, Address> m_payees; // seq → the account a transfer or faucet paid
    qint64 m_epoch = 0;
};

} // namespace icn::ui
