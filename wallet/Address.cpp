#include "Address.h"

#include "Hex.h"
#include "Keccak.h"
#include "Secp256k1.h"

#include <QCoreApplication>

namespace icn {

Result<Address> Address::fromBytes(QByteArrayView bytes)
{
    if (bytes.size() != 20)
        return Error::make(QStringLiteral("address.wrong_length"),
                           QCoreApplication::translate("Address", "An address has 20 bytes, not %1.").arg(bytes.size()));
    return Address(bytes.toByteArray());
}

Result<Address> Address::fromPublicKey(QByteArrayView publicKey)
{
    auto uncompressed = secp256k1::convertPublicKey(publicKey, false);
    if (!uncompressed)
        return uncompressed.error();
    return Address(keccak256(QByteArrayView(*uncompressed).sliced(1)).right(20));
}

Result<Address> Address::parse(QStringView text)
{
    text = text.trimmed();
    const QString field = QStringLiteral("address");
    if (!text.startsWith(QLatin1String("0x")) || text.size() != 42)
        return Error::make(QStringLiteral("address.malformed"),
                           QCoreApplication::translate("Address", "An address is 0x followed by 40 hex digits."), field);
    auto bytes = fromHex(text, 20, field);
    if (!bytes)
        return Error::make(QStringLiteral("address.malformed"),
                           QCoreApplication::translate("Address", "An address is 0x followed by 40 hex digits."), field);
    Address address(*bytes);
    const QStringView digits = text.mid(2);
    const bool allLower = digits.toString() == digits.toString().toLower();
    const bool allUpper = digits.toString() == digits.toString().toUpper();
    if (!allLower && !allUpper && address.toChecksummed() != text)
        return Error::make(QStringLiteral("address.bad_checksum"),
                           QCoreApplication::translate("Address", "The address's upper/lower-case checksum (EIP-55) is wrong; "
                                                                  "check it for a typing error."),
                           field);
    return address;
}

QString Address::toLower() const
{
    return toHex(m_bytes, true);
}

QString Address::toChecksummed() const
{
    const QString lower = toHex(m_bytes, false);
    const QByteArray hash = keccak256(lower.toLatin1());
    QString out = QStringLiteral("0x");
    for (qsizetype i = 0; i < lower.size(); ++i) {
        const auto nibble = (static_cast<unsigned char>(hash[i / 2]) >> (i % 2 == 0 ? 4 : 0)) & 0x0f;
        const QChar c = lower[i];
        out += (c.isLetter() && nibble >= 8) ? c.toUpper() : c;
    }
    return out;
}

} // namespace icn
