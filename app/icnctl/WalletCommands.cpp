#include "Cli.h"

#include "Address.h"
#include "Bip32.h"
#include "Bip39.h"
#include "HdPath.h"
#include "Hex.h"

#include <QJsonObject>

namespace icn::cli {

namespace {

const QString kDefaultPath = QStringLiteral("m/44'/60'/0'/0/0");

// The optional --passphrase-file (an empty passphrase when it is not given).
Result<SecureBytes> readPassphrase(const Context &c)
{
    if (!c.args().has(QStringLiteral("passphrase-file")))
        return SecureBytes();
    return c.readSecretFile(QStringLiteral("passphrase-file"));
}

// The BIP-39 seed of --mnemonic-file and the optional --passphrase-file.
Result<SecureBytes> seedFromFiles(const Context &c)
{
    auto mnemonic = c.readSecretFile(QStringLiteral("mnemonic-file"));
    if (!mnemonic)
        return mnemonic.error();
    auto passphrase = readPassphrase(c);
    if (!passphrase)
        return passphrase.error();
    return Bip39::mnemonicToSeed(*mnemonic, *passphrase);
}

// Hex text (a secret) into bytes, wiping the temporaries.
Result<SecureBytes> seedFromHex(const SecureBytes &hexText)
{
    QString text = QString::fromLatin1(hexText.view());
    auto decoded = fromHex(text, -1, QStringLiteral("seed"));
    text.fill(QLatin1Char('0')); // overwrites the secret digits in place
    if (!decoded)
        return decoded.error();
    QByteArray raw = std::move(decoded).value();
    return SecureBytes::takeFrom(raw);
}

int newMnemonic(Context &c)
{
    qint64 words = 12;
    if (c.args().has(QStringLiteral("words"))) {
        auto value = c.requireInt(QStringLiteral("words"), 12, 24);
        if (!value || (*value != 12 && *value != 24))
            return c.fail(Error::make(QStringLiteral("cli.bad_number"), QStringLiteral("--words must be 12 or 24"),
                                      QStringLiteral("words")));
        words = *value;
    }
    auto mnemonic = Bip39::generate(static_cast<int>(words));
    if (!mnemonic)
        return c.fail(mnemonic.error());
    const QString text = QString::fromLatin1(mnemonic->view());
    return c.succeed({{QStringLiteral("mnemonic"), text}, {QStringLiteral("words"), words}}, text);
}

int seed(Context &c)
{
    auto seed = seedFromFiles(c);
    if (!seed)
        return c.fail(seed.error());
    const QString hex = toHex(seed->view(), false);
    return c.succeed({{QStringLiteral("seed"), hex}}, hex);
}

int derive(Context &c)
{
    auto path = HdPath::parse(c.args().value(QStringLiteral("path"), kDefaultPath));
    if (!path)
        return c.fail(path.error());
    auto seed = seedFromFiles(c);
    if (!seed)
        return c.fail(seed.error());
    auto master = Bip32::ExtendedKey::fromSeed(*seed);
    if (!master)
        return c.fail(master.error());
    auto key = master->derive(*path);
    if (!key)
        return c.fail(key.error());
    auto address = Address::fromPublicKey(key->publicKey());
    if (!address)
        return c.fail(address.error());
    const QString publicKey = toHex(key->uncompressedPublicKey());
    const QString compressed = toHex(key->publicKey());
    return c.succeed({{QStringLiteral("path"), path->toString()},
                      {QStringLiteral("address"), address->toChecksummed()},
                      {QStringLiteral("publicKey"), publicKey},
                      {QStringLiteral("compressedPublicKey"), compressed}},
                     QStringLiteral("path: %1\naddress: %2\npublic key: %3\ncompressed public key: %4")
                         .arg(path->toString(), address->toChecksummed(), publicKey, compressed));
}

int bip32(Context &c)
{
    const bool inFile = c.args().has(QStringLiteral("seed-file"));
    const bool onCommandLine = c.args().has(QStringLiteral("seed"));
    if (inFile == onCommandLine)
        return c.fail(Error::make(QStringLiteral("cli.missing_option"),
                                  QStringLiteral("give the seed with exactly one of --seed-file or --seed"),
                                  QStringLiteral("seed-file")));
    auto path = HdPath::parse(c.args().value(QStringLiteral("path"), QStringLiteral("m")));
    if (!path)
        return c.fail(path.error());
    Result<SecureBytes> hexText = inFile ? c.readSecretFile(QStringLiteral("seed-file"))
                                         : Result<SecureBytes>(SecureBytes(c.args().value(QStringLiteral("seed")).toLatin1()));
    if (!hexText)
        return c.fail(hexText.error());
    auto seed = seedFromHex(*hexText);
    if (!seed)
        return c.fail(seed.error());
    auto master = Bip32::ExtendedKey::fromSeed(*seed);
    if (!master)
        return c.fail(master.error());
    auto key = master->derive(*path);
    if (!key)
        return c.fail(key.error());
    const QString xprv = QString::fromLatin1(key->toXprv()->view());
    const QString xpub = key->toXpub();
    return c.succeed({{QStringLiteral("path"), path->toString()}, {QStringLiteral("xprv"), xprv}, {QStringLiteral("xpub"), xpub}},
                     QStringLiteral("path: %1\nxprv: %2\nxpub: %3").arg(path->toString(), xprv, xpub));
}

} // namespace

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

    // --- keys (BIP-39/32/44) ---
    registry.add({{QStringLiteral("wallet"), QStringLiteral("new-mnemonic")},
                  QStringLiteral("[--words 12|24]"),
                  QStringLiteral("Prints a new BIP-39 recovery phrase from the system's secure random generator (default 12 words)."),
                  {},
                  newMnemonic});
    registry.add({{QStringLiteral("wallet"), QStringLiteral("seed")},
                  QStringLiteral("--mnemonic-file F [--passphrase-file F]"),
                  QStringLiteral("Validates a BIP-39 recovery phrase and prints its 64-byte seed in hex."),
                  {},
                  seed});
    registry.add({{QStringLiteral("wallet"), QStringLiteral("derive")},
                  QStringLiteral("--mnemonic-file F [--passphrase-file F] [--path P]"),
                  QStringLiteral("Prints the address and public key of a recovery phrase at a BIP-44 path (default m/44'/60'/0'/0/0)."),
                  {},
                  derive});
    registry.add({{QStringLiteral("wallet"), QStringLiteral("bip32")},
                  QStringLiteral("(--seed-file F | --seed HEX) [--path P]"),
                  QStringLiteral("Prints the BIP-32 xprv and xpub of a hex seed at a path (default m)."),
                  {},
                  bip32});
}

} // namespace icn::cli
