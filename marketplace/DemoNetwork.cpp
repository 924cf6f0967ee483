#include "DemoNetwork.h"

#include "NetworkGenerator.h"

namespace icn {

NetworkSnapshot DemoNetwork::snapshot(Month currentMonth)
{
    // Frankfurt is PROTOCOL.md's seed example exactly; the other zones hold 9–12 HNs per cluster.
    const QList<RegionLayout> layout = {
        {QStringLiteral("EUW"), QStringLiteral("Europe West"),
         {{QStringLiteral("FRA"), QStringLiteral("Frankfurt"), {2, 1, 3}},
          {QStringLiteral("AMS"), QStringLiteral("Amsterdam"), {12, 10, 11}},
          {QStringLiteral("PAR"), QStringLiteral("Paris"), {10, 12, 9}}}},
        {QStringLiteral("USE"), QStringLiteral("US East"),
         {{QStringLiteral("ASH"), QStringLiteral("Ashburn"), {12, 11, 10}},
          {QStringLiteral("NYC"), QStringLiteral("New York"), {10, 12, 11}}}},
        {QStringLiteral("USW"), QStringLiteral("US West"),
         {{QStringLiteral("LAX"), QStringLiteral("Los Angeles"), {11, 10, 12}},
          {QStringLiteral("SEA"), QStringLiteral("Seattle"), {10, 11, 12}}}},
        {QStringLiteral("APS"), QStringLiteral("Asia Pacific"),
         {{QStringLiteral("SIN"), QStringLiteral("Singapore"), {12, 10, 11}},
          {QStringLiteral("TYO"), QStringLiteral("Tokyo"), {11, 12, 10}},
          {QStringLiteral("SYD"), QStringLiteral("Sydney"), {10, 11, 12}}}},
    };
    GeneratorOptions options;
    options.seed = kSeed;
    options.nodesPerProvider = 4;
    options.serviceProviders = 5;
    options.spBalance = Amount::fromIcnt(100'000);
    options.name = QStringLiteral("ICN demo network");
    options.currentMonth = currentMonth;
    NetworkSnapshot s = NetworkGenerator::generate(options, layout);

    const auto demoSp = Address::parse(demoSpAddress());
    Q_ASSERT(demoSp.ok());
    s.accounts.prepend({*demoSp, demoSpLabel(), demoSpBalance()});
    return s;
}

} // namespace icn
