#pragma once

#include "Result.h"
#include "TypedData.h"

#include <QByteArray>
#include <QHash>
#include <QJsonValue>
#include <QMap>
#include <QString>

namespace icn {

// EIP-712 encodeType / encodeData / hashStruct over a set of struct types that TypedData has
// already validated (every referenced type exists, every type string is well formed).
// Values are checked here, with errors naming their path.
class TypedDataEncoder
{
public:
    static constexpr int kMaxDepth = 64;

    explicit TypedDataEncoder(const QMap<QString, QList<TypedData::Field>> &types) : m_types(types) {}

    // The type string of a struct and of every struct it references (sorted by name).
    QString encodeType(const QString &structType) const;
    QByteArray typeHash(const QString &structType) const;

    // keccak256(typeHash || encodeData(value)); `value` must be an object with exactly the type's fields.
    Result<QByteArray> hashStruct(const QString &structType, const QJsonValue &value, const QString &path, int depth = 0) const;

    // A type string split into its base and the array suffix it ends with: "uint8[2][]" gives
    // base "uint8[2]" and length -1 (dynamic); a fixed "[k]" gives k; no suffix gives length 0.
    struct ArraySuffix
    {
        QString element;
        int length = 0; // 0: not an array; -1: dynamic; k > 0: fixed
        bool valid = true;
    };
    static ArraySuffix splitArray(const QString &type);
    // The type with every array suffix removed ("Person[][3]" gives "Person").
    static QString baseType(const QString &type);
    // bool, address, string, bytes, bytes1..32, uint8..256, int8..256.
    static bool isAtomic(const QString &type);

private:
    Result<QByteArray> encodeField(const QString &type, const QJsonValue &value, const QString &path, int depth) const;
    Result<QByteArray> encodeAtomic(const QString &type, const QJsonValue &value, const QString &path) const;
    void collectDependencies(const QString &structType, QStringList &found) const;

    const QMap<QString, QList<TypedData::Field>> &m_types;
    mutable QHash<QString, QByteArray> m_typeHashes;
};

} // namespace icn
