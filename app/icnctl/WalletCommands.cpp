#include "Cli.h"

#include "Address.h"

#include <QJsonObject>

namespace icn::cli {

void registerWalletCommands(Registry &registry)
{
    registry.add({{QStringLiteral("address"), QStringLiteral("checksum")},
                  QStringLiteral("ADDR"),
                  QStringLiteral("Validates an address and prints its EIP-55 checksummed form."),
                  {},
                  [](Context &c) {
                      if (c.args().positional.size() != 1)
                          return c.fail(Error::make(QStringLiteral("cli.missing_argument"),
                                                    QStringLiteral("give exactly one address"), QStringLiteral("ADDR")));
                      auto address = Address::parse(c.args().positional.front());
                      if (!address)
                          return c.fail(address.error());
                      return c.succeed({{QStringLiteral("address"), address->toChecksummed()}}, address->toChecksummed());
                  }});
}

} // namespace icn::cli
