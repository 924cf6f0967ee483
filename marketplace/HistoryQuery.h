#pragma once

#include "Address.h"
#include "BookingTypes.h"
#include "Downsample.h"
#include "EngineEvents.h"
#include "Result.h"
#include "Store.h"

#include <QDate>
#include <QList>
#include <QString>

namespace icn {

class Engine;
class Market;

// --- Price history of a scope (PROTOCOL.md §9) ---

// A step of the listed price: from `month` on (until the next step), the scope lists `price`,
// or nothing when hasPrice is false. The listed price of a month is the last ask recorded for it
// (for a past month: the ask just before it began); a zone or region lists its cheapest cluster.
struct ListedStep
{
    Month month;
    bool hasPrice = false;
    Amount price;
    friend bool operator==(const ListedStep &, const ListedStep &) = default;
};

// One closed month of the scope, all its clusters together.
struct MonthlyPrice
{
    Month month;
    qint64 bookedTb = 0;
    qint64 capacityTb = 0;
    Amount bookedValue;     // Σ slice TB × slice price
    bool hasAverage = false; // bookedTb > 0
    Amount averagePrice;    // bookedValue / bookedTb, truncated to the base unit (TB-weighted)
    qint64 utilisationPpm = 0; // bookedTb × 10^6 / capacityTb, truncated (0 without capacity)
    friend bool operator==(const MonthlyPrice &, const MonthlyPrice &) = default;
};

// min/max of the clusters' own monthly average prices over the months first..last.
struct PriceBand
{
    Month first;
    Month last;
    Amount min;
    Amount max;
    friend bool operator==(const PriceBand &, const PriceBand &) = default;
};

struct PriceHistory
{
    QString scopeId;
    ScopeKind scopeKind = ScopeKind::Cluster;
    Month from;
    Month to;
    QList<ListedStep> listed;     // step series (first step at `from`, a last point at `to`)
    QList<MonthlyPrice> monthly;  // closed months with their average price and utilisation
    QList<PriceBand> averageBand; // empty for a cluster (one average per month)
    qsizetype listedSteps = 0;    // before downsampling
    qsizetype closedMonths = 0;
};

// --- SLA history of an HN or an HP ---

// One epoch of an HN, or of all of an HP's HNs that have a record for it: counts of HNs,
// the worst median of the observed ones (lowest availability and bandwidth, highest latency),
// and the mean reliability (truncated).
struct SlaEpochRow
{
    qint64 epoch = 0;
    qint32 nodes = 0;
    qint32 observed = 0;
    qint32 compliant = 0;
    qint64 availabilityPpm = 0;
    qint64 latencyMs = 0;
    qint64 bandwidthMbps = 0;
    qint32 reliabilityPpm = 0;
    friend bool operator==(const SlaEpochRow &, const SlaEpochRow &) = default;
};

struct SlaHistory
{
    QString subject; // HN id, or HP address (checksummed)
    bool provider = false;
    QStringList nodes;
    qint64 fromEpoch = 0;
    qint64 toEpoch = 0;
    QList<SlaEpochRow> epochs;                         // downsampled (LTTB on reliability, extremes kept)
    QList<BandBucket<qint64>> availabilityBand;        // min/max availability of observed epochs per bucket
    QList<BandBucket<qint64>> latencyBand;             // … p95 latency (the worst of several HNs)
    QList<BandBucket<qint64>> bandwidthBand;           // … bandwidth
    qsizetype sourceEpochs = 0;                        // rows before downsampling
    qint64 observedEpochs = 0;                         // Σ observed over the range (HN-epochs)
    qint64 compliantEpochs = 0;
    // Events, oldest first: slashes by epoch, withholdings and rewards by the months the epochs
    // fall in, claims of bookings served by these HNs by the epoch they were made.
    QList<SlashEvent> slashes;
    QList<WithholdingEvent> withholdings;
    QList<RewardEvent> rewards;
    QList<ClaimEvent> claims;
};

// Read-only queries over the history tables for charts (UI) and the CLI. The scope hierarchy and
// which HNs an HP runs come from the engine; the facts from the store. Every series is reduced on
// this side to at most `maxPoints` points, so a chart never receives more than it can draw.
// Errors: history.unknown_scope (scope), history.unknown_node (hn), history.unknown_provider (hp),
// history.bad_range (from), history.bad_points (points), and the store's store.*.
class HistoryQuery
{
public:
    HistoryQuery(const Store &store, const Engine &engine) : m_store(store), m_engine(engine) {}
    explicit HistoryQuery(const Market &market);

    // Cluster, zone or region `scopeId`, months from..to inclusive, maxPoints ≥ 2: `listed` and
    // `monthly` have at most maxPoints entries and `averageBand` at most maxPoints buckets.
    Result<PriceHistory> prices(const QString &scopeId, Month from, Month to, qsizetype maxPoints) const;
    // Every stored listed-price change of the scope's clusters meeting from..to, by sequence.
    Result<QList<PriceChangeRow>> listedPriceChanges(const QString &scopeId, Month from, Month to) const;

    // Epochs from..to inclusive; maxPoints 0 keeps every epoch, otherwise ≥ 2.
    Result<SlaHistory> nodeSla(const QString &nodeId, qint64 fromEpoch, qint64 toEpoch, qsizetype maxPoints = 0) const;
    Result<SlaHistory> providerSla(const Address &provider, qint64 fromEpoch, qint64 toEpoch, qsizetype maxPoints = 0) const;

    // LTTB (Downsample::lttb) that also keeps the global minimum and maximum: each one missing is
    // put in place of the nearest inner point kept, so the result still has at most maxPoints
    // points, keeps first and last, and (for maxPoints ≥ 4) both extremes.
    static Result<QList<SeriesPoint>> downsampleLine(const QList<SeriesPoint> &points, qsizetype maxPoints);
    static Result<QList<AmountPoint>> downsampleLine(const QList<AmountPoint> &points, qsizetype maxPoints);

    // Epochs are days since 1970-01-01 (one epoch per day, docs/sla-feed-format.md).
    static qint64 epochOfDate(QDate date) { return QDate(1970, 1, 1).daysTo(date); }
    static Month monthOfEpoch(qint64 epoch);
    // "20412" or "2025-11-20"; history.bad_epoch naming `field` otherwise.
    static Result<qint64> parseEpoch(const QString &text, const QString &field);

private:
    Result<SlaHistory> sla(SlaHistory h, qsizetype maxPoints) const;
    Result<QList<quint32>> clustersOf(const QString &scopeId, ScopeKind &kind) const;

    const Store &m_store;
    const Engine &m_engine;
};

} // namespace icn
