#pragma once

#include "Market.h"
#include "Result.h"
#include "Simulator.h"

#include <QString>

#include <atomic>

namespace icn {

// The demo mirror with its market history, as `icnctl init --demo` makes it: the demo network
// starting `historyMonths` before DemoNetwork::kCurrentMonth, then a seeded simulation (seed
// DemoNetwork::kSeed, the demo SP's account reserved for the user) up to the demo month, persisted
// through the market's buffered apply path. Deterministic: the same months give the same state hash.
struct DemoHistory
{
    static constexpr qint32 kDefaultMonths = 12;

    // The simulation options of the history (what init --demo runs).
    static SimulationOptions options(qint32 historyMonths = kDefaultMonths);

    // Creates the mirror in `dataDir` (which must hold none) and simulates the history. Progress is
    // reported per simulated month; a cancel stops after whole epochs and is an error
    // ("demo.cancelled") with the mirror left as far as it got. Errors: Market::create's, the
    // simulation's. Safe to run in a worker thread (it touches nothing but the new mirror).
    static Result<Market> create(const QString &dataDir, qint32 historyMonths = kDefaultMonths,
                                 const Simulator::Progress &progress = {}, const std::atomic_bool *cancel = nullptr,
                                 SimulationSummary *summary = nullptr);
};

} // namespace icn
