#pragma once

#include "Address.h"

#include <QString>

namespace icn::ui {

// What the first-run wizard settled: where data lives, which network to open, and the wallet account.
struct FirstRunRequest
{
    enum class Network { Demo, Snapshot };

    QString dataDir;            // created by the wizard
    Network network = Network::Demo;
    QString snapshotPath;       // Network::Snapshot: the file to import
    Address account;            // the wallet's first account (null when no service was attached)
};

} // namespace icn::ui
