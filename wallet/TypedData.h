#pragma once

#include "Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace icn {

// EIP-712 typed structured data, as eth_signTypedData_v4 takes it:
//   {"types": {...}, "primaryType": "Mail", "domain": {...}, "message": {...}}.
//
// fromJson() validates everything and computes all hashes, so once a TypedData exists its
// accessors cannot fail. Supported: structs (recursive, referenced types sorted in encodeType),
// arrays (dynamic T[], fixed T[k], nested), bytes, bytes1..bytes32, string, address, bool,
// uint8..uint256 and int8..int256 (negative values in two's complement). Integers may be JSON
// numbers (exact only: integers beyond 2^53 must be strings), decimal strings ("-12") or hex
// strings ("0x1f"). bytes/bytesN values are 0x-hex. Addresses in mixed case must carry a valid
// EIP-55 checksum.
//
// Strictness (beyond the EIP, because a signer must see everything it signs): every field of a
// struct must be present, and a value may not carry fields its type does not declare.
// When "types" has no EIP712Domain, it is inferred from the domain's keys in the EIP's order
// (name string, version string, chainId uint256, verifyingContract address, salt bytes32).
// A primaryType of EIP712Domain signs keccak256(0x19 0x01 || domainSeparator) alone, as MetaMask does.
//
// Error codes ("typeddata.*"): too_large, bad_json, missing_field, unknown_field, unknown_type,
// bad_type, duplicate_field, bad_value, out_of_range, imprecise_number, array_length, too_deep.
// `Error::field` is the path of the offending item ("message.to.wallet", "types.Mail[1].type").
class TypedData
{
public:
    static constexpr qsizetype kMaxJsonSize = 1024 * 1024;

    struct Field
    {
        QString name;
        QString type;
        friend bool operator==(const Field &a, const Field &b) = default;
    };

    static Result<TypedData> fromJson(const QJsonObject &json);
    static Result<TypedData> fromJson(QByteArrayView jsonText);

    QString primaryType() const { return m_primaryType; }
    QJsonObject domain() const { return m_domain; }
    QJsonObject message() const { return m_message; }
    const QMap<QString, QList<Field>> &types() const { return m_types; } // including EIP712Domain

    // "Mail(Person from,Person to,string contents)Person(string name,address wallet)"; empty for
    // a name that is not a struct type here.
    QString encodeType(const QString &typeName) const;
    QByteArray typeHash(const QString &typeName) const; // keccak256(encodeType), 32 bytes

    QByteArray domainSeparator() const { return m_domainSeparator; } // hashStruct(EIP712Domain, domain)
    QByteArray hashStruct() const { return m_hashStruct; }           // of the primary type's message
    QByteArray digest() const { return m_digest; }                   // keccak256(0x19 0x01 || domainSeparator || hashStruct)

private:
    TypedData() = default;

    QMap<QString, QList<Field>> m_types;
    QString m_primaryType;
    QJsonObject m_domain;
    QJsonObject m_message;
    QByteArray m_domainSeparator;
    QByteArray m_hashStruct;
    QByteArray m_digest;
};

} // namespace icn
