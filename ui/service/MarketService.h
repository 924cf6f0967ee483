#pragma once

#include "Address.h"
#include "Amount.h"
#include "Month.h"
#include "Result.h"
#include "SecureBytes.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace icn::ui {

// The one narrow interface through which views reach the marketplace engine: plain value types
// and change signals (ARCHITECTURE.md). LocalMarketService implements it over icn::Market;
// FakeMarketService implements it in memory for view tests. Calls are made on the GUI thread and
// return quickly; book() and check() are the exceptions and are run from a worker by callers.

enum class ScopeKind { Region, Zone, Cluster, Node };

// A row of the region > zone > cluster > HN tree for a month range.
struct ScopeNode
{
    ScopeKind kind = ScopeKind::Region;
    QString id;
    QString parentId;            // empty for regions
    QString name;                // "Frankfurt", "FRA-1", …
    qint64 capacityTb = 0;       // total
    qint64 freeTb = 0;           // free for the whole range (nodes: capacity − max allocated)
    std::optional<Amount> listedPrice; // best ask over eligible capacity; none when nothing is free
    Amount maxClusterPrice;      // clusters and nodes
    Amount reservationPrice;     // nodes only
    qint64 reliabilityPpm = 900'000; // nodes: score; clusters: mean of nodes
    QString status;              // nodes: "Active", "Jailed", …
    QString providerLabel;       // nodes: the HP
};

struct QuoteSlice
{
    QString nodeId;
    qint64 sizeTb = 0;
    Amount price; // ICNT per TB-month
};

struct QuoteResult
{
    QString scopeId;   // as requested
    QString clusterId; // the cluster that serves it
    qint64 sizeTb = 0;
    MonthRange range;
    QList<QuoteSlice> slices;
    Amount hpCost;
    Amount margin;
    qint64 marginPpm = 0;
    Amount total;
};

// Why a cluster or HN in scope does not take part in a quote ("why not matched").
struct Exclusion
{
    QString clusterId;
    QString nodeId; // empty when the whole cluster is excluded
    QString reason; // translated sentence: "no free capacity in 2027-03", "commitment ends 2027-01", …
};

struct CapacityPoint
{
    Month month;
    qint64 capacityTb = 0;
    qint64 bookedTb = 0;
};

struct AskLevel
{
    Amount price;
    qint64 freeTb = 0; // capacity offered at exactly this price over the range
};

struct BookingDraft
{
    Address sp;
    QString scopeId;
    qint64 sizeTb = 0;
    MonthRange range;
    Amount quotedTotal;
    // Signed with the request (from signingTerms(), so the review shows them); when unset the
    // service picks them as it signs.
    std::optional<quint64> nonce = std::nullopt;
    std::optional<Month> deadline = std::nullopt;
};

// What a booking signed now carries besides the request: the account's next nonce and the last
// month in which the engine accepts it.
struct SigningTerms
{
    quint64 nonce = 0;
    Month deadline;
};

struct BookingRow
{
    QString id;
    QString status;     // "Pending", "Active", "Ended"
    Address sp;
    QString scopeId;
    QString clusterId;
    QStringList nodeIds;
    qint64 sizeTb = 0;
    MonthRange range;
    Amount total;
    Amount escrowLeft;
    Amount withheld;    // compensation the SP can claim
};

struct ActivityRow
{
    quint64 seq = 0;
    QString type;       // "book", "faucet", "transfer", "close-month", …
    QString signer;     // checksummed address, or empty for unsigned local transactions
    bool isSigned = false;
    Month month;
    qint64 epoch = 0;
    QString status;     // "applied"
    QString stateHash;  // 0x…
    QString summary;    // one line for the table
    QString details;    // the decoded transaction (JSON text) for the detail view
    // A sealed auction entry (PROTOCOL.md §8: a tender bid or withdrawal, reverse-auction drop-out
    // terms) while its tender or auction is open: signer, HN and terms are withheld from the row
    // and its details until the award or run, except for the viewer who is the bidder.
    bool sealed = false;
};

// A participant the engine knows (for quick search and labels); not a wallet key.
struct AccountInfo
{
    Address address;
    QString label; // "Demo SP"
};

// Network-wide booking limits for the wizard's hints; each HN may allow less (PROTOCOL.md §4).
struct BookingLimits
{
    qint32 minDurationMonths = 3;
    qint32 maxDurationMonths = 6; // the largest any HN accepts
    qint32 maxLeadMonths = 6;     // the furthest start any HN accepts, counted from the current month
};

struct CheckReport
{
    bool ok = false;
    QStringList lines; // what was checked and found
};

class MarketService : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~MarketService() override = default;

    // Whether the read calls (scopeTree() and the like) may run in a worker while the GUI thread
    // calls others: then views compute big results off the GUI thread. LocalMarketService: yes.
    virtual bool isThreadSafe() const { return false; }

    virtual QString networkName() const = 0;
    virtual Month currentMonth() const = 0;
    virtual qint64 currentEpoch() const = 0;

    virtual QList<ScopeNode> scopeTree(MonthRange range) const = 0;
    virtual Result<QuoteResult> quote(const QString &scopeId, qint64 sizeTb, MonthRange range) const = 0;
    virtual QList<Exclusion> explainExclusions(const QString &scopeId, qint64 sizeTb, MonthRange range) const = 0;
    virtual QList<CapacityPoint> capacityByMonth(const QString &scopeId, MonthRange range) const = 0;
    virtual QList<AskLevel> askLadder(const QString &clusterId, MonthRange range) const = 0;

    virtual Amount balance(const Address &account) const = 0;
    // Known accounts with their labels; services that cannot list them return none.
    virtual QList<AccountInfo> accounts() const { return {}; }
    virtual BookingLimits bookingLimits() const { return {}; }
    virtual QList<BookingRow> bookings(const Address &sp) const = 0;
    // One booking by id, whoever holds it (bookings are public); nullopt when there is none.
    virtual std::optional<BookingRow> booking(const QString &id) const
    {
        Q_UNUSED(id);
        return std::nullopt;
    }

    // The nonce and deadline a booking of `sp` signed now would carry; nullopt when the service
    // decides them only as it signs.
    virtual std::optional<SigningTerms> signingTerms(const Address &sp) const
    {
        Q_UNUSED(sp);
        return std::nullopt;
    }
    // Signs the draft with `privateKey` and submits it. The engine's typed error comes back as is
    // (e.g. "booking.price_changed" with details quoted/actual).
    virtual Result<BookingRow> book(const BookingDraft &draft, const SecureBytes &privateKey) = 0;
    // A signed ICNT transfer inside the local mirror.
    virtual Result<void> transfer(const Address &from, const Address &to, Amount amount, const SecureBytes &privateKey) = 0;
    // Local mirror only: ICNT from the genesis allocation.
    virtual Result<void> faucet(const Address &to, Amount amount) = 0;

    // Replaces the mirror's network with a snapshot file (docs/network-format.md). Runs on a worker
    // (the caller's); services that cannot import refuse with "service.unsupported".
    virtual Result<void> importSnapshot(const QString &path)
    {
        Q_UNUSED(path)
        return Error::make(QStringLiteral("service.unsupported"), tr("This service cannot import network snapshots."));
    }

    virtual quint64 activityCount() const = 0;
    virtual QList<ActivityRow> activity(quint64 firstSeq, int count) const = 0;
    // The decoded transaction of one log entry for the detail view (JSON text), when the rows
    // leave ActivityRow::details empty to keep page reads cheap; empty when unknown.
    // Seqs of the log entries matching the activity filter (type exact, signer substring,
    // case-insensitive), ascending, computed by the service (in SQL); nullopt when the service
    // cannot, and the model scans the rows itself. Called from a worker when isThreadSafe().
    virtual std::optional<QList<quint64>> activityMatching(const QString &type, const QString &signerPart) const
    {
        Q_UNUSED(type);
        Q_UNUSED(signerPart);
        return std::nullopt;
    }
    // Seqs of the log entries an account took part in, ascending: those it signed and those that
    // paid it (transfers to it, faucet payments). Called from a worker when isThreadSafe(); can take
    // a while on a long log. nullopt when the service cannot tell.
    virtual std::optional<QList<quint64>> accountActivity(const Address &account) const
    {
        Q_UNUSED(account);
        return std::nullopt;
    }
    virtual QString activityDetails(quint64 seq) const
    {
        Q_UNUSED(seq);
        return {};
    }

    // The account looking at the views (the active account). Sealed auction entries stay sealed
    // for everyone else; the bidder sees its own. Emits viewerChanged() when it changes.
    virtual void setViewer(const Address &account) { Q_UNUSED(account); }
    virtual Address viewer() const { return {}; }

    // Integrity, conservation and log replay; `progress` gets 0..100 and may be called from the worker.
    virtual CheckReport check(const std::function<void(int)> &progress) = 0;

signals:
    void stateChanged();                 // any applied transaction
    void activityAppended(quint64 seq);
    void viewerChanged();                // activity rows may read differently now (sealed entries)
};

} // namespace icn::ui
