#pragma once

#include "Amount.h"
#include "Engine.h"
#include "Month.h"
#include "Result.h"
#include "SimRandom.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <vector>

namespace icn {

// A scripted change of the simulated market (scenario files, docs/simulator.md).
struct ScenarioEvent
{
    enum class Kind { Outage, Demand };
    Kind kind = Kind::Outage;
    Month from;
    Month to;          // inclusive
    QString scope;     // Outage: the cluster, zone or region whose HNs fail (every HN of it)
    qint32 epochs = 0; // Outage: epochs of failure from the first day of `from`
    qint64 demandPpm = 1'000'000; // Demand: multiplier of the bookings per month in [from, to]
};

// Everything that shapes a simulation. The defaults give a lively but orderly market.
struct SimulationOptions
{
    quint64 seed = 1;
    qint32 months = 12;

    // SP demand: bookings attempted per month, their sizes and scopes.
    qint32 bookingsPerMonth = 200;
    qint64 minSizeTb = 1;
    qint64 maxSizeTb = 80;
    qint64 zoneScopePpm = 250'000;   // share of bookings asking for a zone
    qint64 regionScopePpm = 100'000; // share asking for a region (the rest: a cluster)
    Amount spTopUp = Amount::fromIcnt(50'000); // faucet top-up when an SP cannot pay a quote

    // HP agents (at each month end): raise prices of HNs in busy clusters, cut them in idle ones.
    qint64 raiseAbovePpm = 700'000;  // cluster utilisation over the next months above which HPs raise
    qint64 cutBelowPpm = 200'000;    // … below which they cut
    qint64 priceStepPpm = 40'000;    // the change, 4 %
    qint64 priceMovePpm = 300'000;   // share of eligible HNs whose HP moves in a month

    // SLA: oracles, HN failures and measurement noise.
    bool sla = true;
    qint32 oracles = 3;
    qint64 missingReportPpm = 20'000;      // an oracle misses a report
    qint64 oracleOutagePpm = 10'000;       // an oracle sends nothing at all for an epoch
    qint64 measurementErrorPpm = 10'000;   // an oracle measures a healthy HN as failing, or the reverse
    qint64 failurePerNodeMonthPpm = 20'000; // an HN starts an outage in a given month
    qint32 minOutageEpochs = 1;
    qint32 maxOutageEpochs = 6;

    // Auctions (PROTOCOL.md §8) per month.
    qint32 tendersPerMonth = 2;
    qint32 reverseAuctionsPerMonth = 1;

    QList<ScenarioEvent> events;
    // Accounts the simulated SPs never use (the demo SP keeps its balance and nonces for the user).
    QList<Address> reservedAccounts;

    // A scenario file: any of the option names above as JSON keys, plus "events". Unknown keys and
    // values out of range are refused with "simulate.bad_scenario" naming the key.
    static Result<SimulationOptions> fromJson(const QJsonObject &json, SimulationOptions base);
    Result<void> validate() const;
};

struct SimulationProgress
{
    qint32 monthsDone = 0;
    qint32 months = 0;
    Month month;              // the month being simulated
    quint64 transactions = 0; // applied so far
};

struct SimulationSummary
{
    qint32 monthsSimulated = 0;
    bool cancelled = false;
    quint64 transactions = 0;
    quint64 bookings = 0;
    quint64 bookingsRefused = 0; // demand the market could not serve (no capacity, limits)
    quint64 priceChanges = 0;
    quint64 slaReports = 0;
    quint64 epochsClosed = 0;
    quint64 outages = 0;
    quint64 tenders = 0;
    quint64 reverseAuctions = 0;
    quint64 nodeEpochs = 0; // HN × epoch settled
    Amount bookedValue;     // Σ totals of the bookings made
    QByteArray stateHash;
    QJsonObject toJson() const;
};

// A seeded market simulation over an engine: SP agents book, HP agents move their reservation
// prices with utilisation, HNs fail and recover, oracles report with noise and sometimes not at
// all, epochs and months close. Every transaction goes through `submit` (the engine's or the
// market's apply path, so the simulation is ordinary log history); `flush` is called at each
// epoch and month end to persist what was submitted. Deterministic: the same engine state and
// options give the same transactions and the same state hash. Cancellation is checked after each
// flush, so a cancelled run leaves whole epochs behind it.
class Simulator
{
public:
    using Submit = std::function<Result<Receipt>(const Transaction &)>;
    using Flush = std::function<Result<void>()>;
    using Progress = std::function<void(const SimulationProgress &)>;

    Simulator(const Engine &engine, SimulationOptions options, Submit submit, Flush flush = {});

    // Errors: a refused option ("simulate.*"), or a flush (store) error, which stops the run.
    Result<SimulationSummary> run(const Progress &progress = {}, const std::atomic_bool *cancel = nullptr);

private:
    Result<void> simulateMonth(qint32 monthNumber);
    Result<Receipt> submit(const Transaction &tx);
    void bookDemand(Month month);
    void movePrices(Month month);
    void startOutages(Month month);
    Result<void> runEpochs(Month month);
    Result<void> ensureOracles();
    SlaMetrics measure(const SlaTargets &targets, bool failing);
    Result<void> runAuctions(Month month);
    bool ensureBalance(const Address &sp, Amount needed);
    bool nodeFailing(quint32 node, qint64 epoch) const
    {
        return node < m_failFrom.size() && epoch >= m_failFrom[node] && epoch < m_failUntil[node];
    }
    void fail(quint32 node, qint64 from, qint64 until);
    std::vector<Address> spAccounts() const;
    Result<void> flush();

    const Engine &m_engine;
    SimulationOptions m_options;
    Submit m_submit;
    Flush m_flush;
    SimRandom m_random;
    SimulationSummary m_summary;
    std::vector<Address> m_sps;
    // The outage of each HN, epochs [from, until); until ≤ from when none.
    std::vector<qint64> m_failFrom;
    std::vector<qint64> m_failUntil;
    std::vector<Address> m_oracles;
    const std::atomic_bool *m_cancel = nullptr;
};

} // namespace icn
