#pragma once

#include "Market.h"
#include "Simulator.h"

namespace icn::cli {

// Runs a simulation on an open market, persisting epoch by epoch, with progress on stderr
// (unless `quiet`) and Ctrl-C handled as "stop after the current month" (SimulateCommands.cpp).
Result<SimulationSummary> runSimulation(Market &market, const SimulationOptions &options, bool quiet);

} // namespace icn::cli
