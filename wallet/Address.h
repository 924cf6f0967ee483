#pragma once

#include "Result.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringView>

namespace icn {

// A 20-byte Ethereum-style account address, shown with its EIP-55 checksum.
class Address
{
public:
    Address() = default;
    static Result<Address> fromBytes(QByteArrayView bytes);
    // From a 65-byte uncompressed or 33-byte compressed secp256k1 public key:
    // the last 20 bytes of Keccak-256(X || Y).
    static Result<Address> fromPublicKey(QByteArrayView publicKey);
    // "0x" + 40 hex digits. All-lower or all-upper is accepted as unchecked; mixed case must
    // carry a valid EIP-55 checksum (error "address.bad_checksum").
    static Result<Address> parse(QStringView text);

    bool isNull() const { return m_bytes.isEmpty(); }
    const QByteArray &bytes() const { return m_bytes; }
    QString toChecksummed() const; // EIP-55
    QString toLower() const;       // "0x" + lower-case hex

    friend bool operator==(const Address &a, const Address &b) = default;
    friend bool operator<(const Address &a, const Address &b) { return a.m_bytes < b.m_bytes; }
    friend size_t qHash(const Address &a, size_t seed = 0) { return qHash(a.m_bytes, seed); }

private:
    explicit Address(QByteArray bytes) : m_bytes(std::move(bytes)) {}
    QByteArray m_bytes;
};

} // namespace icn
