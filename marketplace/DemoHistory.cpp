#include "DemoHistory.h"

#include "DemoNetwork.h"

namespace icn {

SimulationOptions DemoHistory::options(qint32 historyMonths)
{
    SimulationOptions history;
    history.seed = DemoNetwork::kSeed;
    history.months = historyMonths;
    history.bookingsPerMonth = 120;
    history.reservedAccounts = {*Address::parse(DemoNetwork::demoSpAddress())};
    return history;
}

Result<Market> DemoHistory::create(const QString &dataDir, qint32 historyMonths, const Simulator::Progress &progress,
                                   const std::atomic_bool *cancel, SimulationSummary *summary)
{
    Result<Market> market = Market::create(dataDir, DemoNetwork::snapshot(DemoNetwork::kCurrentMonth.plus(-historyMonths)));
    if (!market || historyMonths <= 0)
        return market;
    Market &m = *market;
    Simulator sim(
        m.engine(), options(historyMonths), [&m](const Transaction &tx) { return m.applyBuffered(tx); },
        [&m]() { return m.commitBuffered(); });
    Result<SimulationSummary> simulated = sim.run(progress, cancel);
    if (!simulated) {
        (void)m.commitBuffered(); // keep what was whole
        return simulated.error();
    }
    if (summary)
        *summary = *simulated;
    if (simulated->cancelled)
        return Error::make(QStringLiteral("demo.cancelled"),
                           QStringLiteral("cancelled: the mirror holds %1 of %2 months of demo history")
                               .arg(simulated->monthsSimulated)
                               .arg(historyMonths));
    return market;
}

} // namespace icn
