#include "Cli.h"

#include "Address.h"
#include "Hex.h"
#include "Keystore.h"
#include "Secp256k1.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace icn::cli {

namespace {

Error usage(const QString &code, const QString &message, const QString &field)
{
    return Error::make(code, message, field);
}

int hexDigit(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// 64 hex digits (optional 0x, surrounding white space) decoded straight into SecureBytes, so the
// key never sits in an unwiped QString or QByteArray.
Result<SecureBytes> privateKeyFromHexFile(const SecureBytes &text)
{
    const QByteArrayView all = text.view();
    qsizetype begin = 0;
    qsizetype end = all.size();
    while (begin < end && QChar::isSpace(static_cast<unsigned char>(all[begin])))
        ++begin;
    while (end > begin && QChar::isSpace(static_cast<unsigned char>(all[end - 1])))
        --end;
    if (end - begin >= 2 && all[begin] == '0' && (all[begin + 1] == 'x' || all[begin + 1] == 'X'))
        begin += 2;
    const Error bad = Error::make(QStringLiteral("keystore.bad_private_key"),
                                  QStringLiteral("the private key file must hold 64 hex digits"), QStringLiteral("private-key-file"));
    if (end - begin != 64)
        return bad;
    SecureBytes key(32);
    for (qsizetype i = 0; i < 32; ++i) {
        const int hi = hexDigit(static_cast<unsigned char>(all[begin + 2 * i]));
        const int lo = hexDigit(static_cast<unsigned char>(all[begin + 2 * i + 1]));
        if (hi < 0 || lo < 0)
            return bad;
        key.data()[i] = static_cast<unsigned char>(hi * 16 + lo);
    }
    if (!secp256k1::isValidPrivateKey(key))
        return Error::make(QStringLiteral("keystore.bad_private_key"),
                           QStringLiteral("the private key is not in [1, n-1] of secp256k1"), QStringLiteral("private-key-file"));
    return key;
}

Result<QByteArray> readKeystoreFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(QStringLiteral("cli.unreadable_file"), QStringLiteral("cannot read %1: %2").arg(path, file.errorString()),
                           QStringLiteral("FILE"));
    // One byte over the limit is enough for Keystore::parse to refuse an oversized file.
    return file.read(Keystore::kMaxJsonSize + 1);
}

Result<KeystoreOptions> optionsFrom(const Context &c)
{
    KeystoreOptions options;
    const QString kdf = c.args().value(QStringLiteral("kdf"), QStringLiteral("scrypt"));
    if (kdf == QLatin1String("pbkdf2"))
        options.kdf = KeystoreKdf::Pbkdf2;
    else if (kdf != QLatin1String("scrypt"))
        return usage(QStringLiteral("cli.bad_value"), QStringLiteral("--kdf must be scrypt or pbkdf2"), QStringLiteral("kdf"));
    if (c.args().has(QStringLiteral("scrypt-n"))) {
        auto n = c.requireInt(QStringLiteral("scrypt-n"), 2, qint64(1) << 20);
        if (!n)
            return n.error();
        options.scryptN = static_cast<quint64>(*n);
    }
    if (c.args().has(QStringLiteral("iterations"))) {
        auto iterations = c.requireInt(QStringLiteral("iterations"), 1, qint64(1) << 23);
        if (!iterations)
            return iterations.error();
        options.pbkdf2Iterations = static_cast<quint32>(*iterations);
    }
    return options;
}

int decryptCommand(Context &c)
{
    if (c.args().positional.size() != 1)
        return c.fail(usage(QStringLiteral("cli.missing_argument"), QStringLiteral("give exactly one keystore FILE"), QStringLiteral("FILE")));
    auto bytes = readKeystoreFile(c.args().positional.front());
    if (!bytes)
        return c.fail(bytes.error());
    auto password = c.readSecretFile(QStringLiteral("password-file"));
    if (!password)
        return c.fail(password.error());
    auto keystore = Keystore::parse(*bytes);
    if (!keystore)
        return c.fail(keystore.error());
    auto key = keystore->decrypt(*password);
    if (!key)
        return c.fail(key.error());
    auto publicKey = secp256k1::publicKey(*key);
    if (!publicKey)
        return c.fail(publicKey.error());
    auto address = Address::fromPublicKey(*publicKey);
    if (!address)
        return c.fail(address.error());

    QJsonObject json{{QStringLiteral("address"), address->toChecksummed()}, {QStringLiteral("id"), keystore->id()}};
    QString text = QStringLiteral("address: %1\n").arg(address->toChecksummed());
    if (c.args().flags.contains(QStringLiteral("show-private-key"))) {
        // Shown only on explicit request; the printed copy is the user's responsibility.
        const QString keyHex = toHex(key->view(), true);
        json.insert(QStringLiteral("privateKey"), keyHex);
        text += QStringLiteral("private key: %1\n").arg(keyHex);
    }
    return c.succeed(json, text);
}

int encryptCommand(Context &c)
{
    auto keyText = c.readSecretFile(QStringLiteral("private-key-file"));
    if (!keyText)
        return c.fail(keyText.error());
    auto key = privateKeyFromHexFile(*keyText);
    if (!key)
        return c.fail(key.error());
    auto password = c.readSecretFile(QStringLiteral("password-file"));
    if (!password)
        return c.fail(password.error());
    if (password->isEmpty())
        return c.fail(Error::make(QStringLiteral("keystore.empty_password"), QStringLiteral("the password file is empty"),
                                  QStringLiteral("password-file")));
    auto options = optionsFrom(c);
    if (!options)
        return c.fail(options.error());
    const QString out = c.args().value(QStringLiteral("out"));
    // Never overwrite: the file there may be the only copy of another key.
    if (!out.isEmpty() && QFileInfo::exists(out))
        return c.fail(Error::make(QStringLiteral("keystore.file_exists"), QStringLiteral("%1 already exists; not overwriting it").arg(out),
                                  QStringLiteral("out")));

    auto keystore = Keystore::encrypt(*key, *password, *options);
    if (!keystore)
        return c.fail(keystore.error());
    const QByteArray json = keystore->toJson();
    const QString address = keystore->address().toChecksummed();
    if (out.isEmpty()) {
        if (c.json())
            return c.succeed({{QStringLiteral("address"), address},
                              {QStringLiteral("id"), keystore->id()},
                              {QStringLiteral("keystore"), QJsonDocument::fromJson(json).object()}},
                             {});
        return c.succeed({}, QString::fromUtf8(json));
    }
    QSaveFile file(out);
    if (!file.open(QIODevice::WriteOnly))
        return c.fail(Error::make(QStringLiteral("keystore.write_failed"), QStringLiteral("cannot write %1: %2").arg(out, file.errorString()),
                                  QStringLiteral("out")));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(json) != json.size() || !file.commit())
        return c.fail(Error::make(QStringLiteral("keystore.write_failed"), QStringLiteral("cannot write %1: %2").arg(out, file.errorString()),
                                  QStringLiteral("out")));
    return c.succeed({{QStringLiteral("address"), address}, {QStringLiteral("id"), keystore->id()}, {QStringLiteral("file"), out}},
                     QStringLiteral("wrote the keystore of %1 to %2").arg(address, out));
}

} // namespace

void registerKeystoreCommands(Registry &registry)
{
    registry.add({{QStringLiteral("keystore"), QStringLiteral("decrypt")},
                  QStringLiteral("FILE --password-file F [--show-private-key]"),
                  QStringLiteral("Decrypts a Web3 v3 keystore and prints its address (the private key only with --show-private-key)."),
                  {QStringLiteral("show-private-key")},
                  decryptCommand});
    registry.add({{QStringLiteral("keystore"), QStringLiteral("encrypt")},
                  QStringLiteral("--private-key-file F --password-file F [--kdf scrypt|pbkdf2] [--scrypt-n N] [--iterations C] [--out FILE]"),
                  QStringLiteral("Encrypts a private key (64 hex digits) into a Web3 v3 keystore (scrypt 2^18,8,1 by default)."),
                  {},
                  encryptCommand});
}

} // namespace icn::cli
