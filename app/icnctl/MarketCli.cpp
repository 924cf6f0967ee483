#include "MarketCli.h"

#include "Keystore.h"
#include "Market.h"
#include "Signer.h"

#include <QFile>

namespace icn::cli {

QString dataDir(const Context &c)
{
    return c.args().value(QStringLiteral("data-dir"), Market::defaultDataDir());
}

QString hex(const QByteArray &bytes)
{
    return QString::fromLatin1("0x" + bytes.toHex());
}

Error missingOption(const QString &name)
{
    return Error::make(QStringLiteral("cli.missing_option"), QStringLiteral("the option --%1 is required").arg(name), name);
}

Result<Amount> requireAmount(const Context &c, const QString &name)
{
    if (!c.args().has(name))
        return missingOption(name);
    auto a = Amount::parse(c.args().value(name));
    if (!a)
        return Error::make(a.error().code, a.error().message, name);
    return a;
}

Result<Month> requireMonth(const Context &c, const QString &name)
{
    auto text = c.require(name);
    if (!text)
        return text.error();
    return Month::parse(*text, name);
}

Result<Address> parseAddress(const QString &text, const QString &field)
{
    auto a = Address::parse(text);
    if (!a)
        return Error::make(a.error().code, a.error().message, field);
    return a;
}

Result<std::pair<SecureBytes, Address>> unlockKeystore(const Context &c)
{
    auto path = c.require(QStringLiteral("keystore"));
    if (!path)
        return path.error();
    QFile file(*path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(QStringLiteral("cli.unreadable_file"), QStringLiteral("cannot read %1: %2").arg(*path, file.errorString()),
                           QStringLiteral("keystore"));
    auto keystore = Keystore::parse(file.read(Keystore::kMaxJsonSize + 1));
    if (!keystore)
        return keystore.error();
    auto password = c.readSecretFile(QStringLiteral("password-file"));
    if (!password)
        return password.error();
    auto key = keystore->decrypt(*password);
    if (!key)
        return key.error();
    auto address = signer::addressOf(*key);
    if (!address)
        return address.error();
    return std::pair<SecureBytes, Address>(std::move(*key), *address);
}

} // namespace icn::cli
