#include "Cli.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ICN Desk"));
    QCoreApplication::setOrganizationName(QStringLiteral("ICN Desk"));

    icn::cli::Registry registry;
    icn::cli::registerWalletCommands(registry);
    icn::cli::registerKeystoreCommands(registry);
    icn::cli::registerSignCommands(registry);
    icn::cli::registerMarketCommands(registry);
    icn::cli::registerSimulateCommands(registry);
    icn::cli::registerHardwareCommands(registry); // §6 hardware nodes
    icn::cli::registerHistoryCommands(registry); // history for analysts
    icn::cli::registerAuctionCommands(registry); // §8 auctions
    icn::cli::registerSlaCommands(registry); // §7 SLA

    QTextStream out(stdout);
    QTextStream err(stderr);
    return registry.dispatch(app.arguments().mid(1), out, err);
}
