#include "TypedDataEncoder.h"

#include "Address.h"
#include "Hex.h"
#include "Keccak.h"
#include "UInt256.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QVariant>

#include <algorithm>
#include <cmath>

namespace icn {

namespace {

constexpr qint64 kMaxSafeInteger = 9007199254740991LL; // 2^53 - 1: the largest integer a JSON number holds exactly

QString tr(const char *text)
{
    return QCoreApplication::translate("TypedData", text);
}

Error fail(const char *code, const QString &path, const QString &message)
{
    return Error::make(QString::fromLatin1(code), message, path);
}

// The N of "uint256" / "int8" / "bytes32" after `prefix`, or 0 when the rest is not a plain number.
int sizeSuffix(const QString &type, QLatin1String prefix)
{
    if (!type.startsWith(prefix) || type.size() == prefix.size())
        return 0;
    const QStringView digits = QStringView(type).mid(prefix.size());
    if (digits.front() == QLatin1Char('0'))
        return 0;
    bool ok = false;
    const int n = digits.toInt(&ok);
    return ok ? n : 0;
}

int integerBits(const QString &type, bool *isSigned)
{
    *isSigned = type.startsWith(QLatin1String("int"));
    const int bits = sizeSuffix(type, *isSigned ? QLatin1String("int") : QLatin1String("uint"));
    return (bits >= 8 && bits <= 256 && bits % 8 == 0) ? bits : 0;
}

int fixedBytesSize(const QString &type)
{
    const int n = sizeSuffix(type, QLatin1String("bytes"));
    return (n >= 1 && n <= 32) ? n : 0;
}

// An integer value of an intN/uintN field, as the 32-byte word EIP-712 encodes.
Result<QByteArray> encodeInteger(const QJsonValue &value, int bits, bool isSigned, const QString &path)
{
    bool negative = false;
    UInt256 magnitude;
    if (value.isDouble()) {
        const QVariant number = value.toVariant();
        if (number.typeId() != QMetaType::LongLong)
            return std::abs(value.toDouble()) > static_cast<double>(kMaxSafeInteger)
                       ? fail("typeddata.imprecise_number", path,
                              tr("The number is too large for JSON to hold exactly; give it as a decimal string."))
                       : fail("typeddata.bad_value", path, tr("Expected a whole number."));
        const qint64 v = number.toLongLong();
        if (v > kMaxSafeInteger || v < -kMaxSafeInteger)
            return fail("typeddata.imprecise_number", path,
                        tr("The number is too large for JSON to hold exactly; give it as a decimal string."));
        negative = v < 0;
        magnitude = UInt256::fromUInt64(static_cast<quint64>(negative ? -v : v));
    } else if (value.isString()) {
        QString text = value.toString();
        negative = text.startsWith(QLatin1Char('-'));
        if (negative)
            text.remove(0, 1);
        auto parsed = UInt256::parse(text, path);
        if (!parsed)
            return parsed.error().code == QLatin1String("uint256.overflow")
                       ? fail("typeddata.out_of_range", path, tr("The number does not fit in %1 bits.").arg(bits))
                       : fail("typeddata.bad_value", path, tr("Expected a decimal or 0x-hex integer."));
        magnitude = *parsed;
    } else {
        return fail("typeddata.bad_value", path, tr("Expected an integer (a number or a string)."));
    }
    if (negative && magnitude.isZero())
        negative = false;
    const Error outOfRange = fail("typeddata.out_of_range", path,
                                  tr("The value is outside the range of %1%2.").arg(isSigned ? QStringLiteral("int") : QStringLiteral("uint")).arg(bits));
    if (!isSigned) {
        if (negative || magnitude.bitLength() > bits)
            return outOfRange;
        return magnitude.toBigEndian32();
    }
    // intN holds [-2^(N-1), 2^(N-1) - 1].
    const bool fits = magnitude.bitLength() <= bits - 1 || (negative && magnitude == UInt256::powerOfTwo(bits - 1));
    if (!fits)
        return outOfRange;
    return (negative ? magnitude.negated() : magnitude).toBigEndian32();
}

Result<QByteArray> hexBytes(const QJsonValue &value, const QString &path, qsizetype expectedSize)
{
    const QString text = value.toString();
    if (!value.isString() || !text.startsWith(QLatin1String("0x")))
        return fail("typeddata.bad_value", path, tr("Expected 0x-prefixed hex bytes."));
    auto bytes = fromHex(text, expectedSize, path);
    if (!bytes)
        return fail("typeddata.bad_value", path,
                    expectedSize >= 0 ? tr("Expected exactly %1 bytes of 0x-prefixed hex.").arg(expectedSize)
                                      : tr("Expected 0x-prefixed hex bytes."));
    return bytes;
}

} // namespace

TypedDataEncoder::ArraySuffix TypedDataEncoder::splitArray(const QString &type)
{
    if (!type.endsWith(QLatin1Char(']')))
        return {type, 0, true};
    const qsizetype open = type.lastIndexOf(QLatin1Char('['));
    if (open <= 0)
        return {type, 0, false};
    const QString inside = type.mid(open + 1, type.size() - open - 2);
    if (inside.isEmpty())
        return {type.left(open), -1, true};
    bool ok = false;
    const int length = inside.toInt(&ok);
    const bool digitsOnly = std::all_of(inside.begin(), inside.end(), [](QChar c) { return c.isDigit() && c.unicode() < 128; });
    if (!ok || !digitsOnly || length <= 0 || inside.front() == QLatin1Char('0'))
        return {type.left(open), 0, false};
    return {type.left(open), length, true};
}

QString TypedDataEncoder::baseType(const QString &type)
{
    QString base = type;
    for (auto split = splitArray(base); split.length != 0 && split.valid; split = splitArray(base))
        base = split.element;
    return base;
}

bool TypedDataEncoder::isAtomic(const QString &type)
{
    bool isSigned = false;
    return type == QLatin1String("bool") || type == QLatin1String("address") || type == QLatin1String("string")
           || type == QLatin1String("bytes") || fixedBytesSize(type) > 0 || integerBits(type, &isSigned) > 0;
}

void TypedDataEncoder::collectDependencies(const QString &structType, QStringList &found) const
{
    if (found.contains(structType) || !m_types.contains(structType))
        return;
    found.append(structType);
    for (const auto &field : m_types.value(structType))
        collectDependencies(baseType(field.type), found);
}

QString TypedDataEncoder::encodeType(const QString &structType) const
{
    if (!m_types.contains(structType))
        return {};
    QStringList deps;
    collectDependencies(structType, deps);
    deps.removeOne(structType);
    std::sort(deps.begin(), deps.end());
    deps.prepend(structType);
    QString out;
    for (const auto &name : deps) {
        QStringList members;
        for (const auto &field : m_types.value(name))
            members << field.type + QLatin1Char(' ') + field.name;
        out += name + QLatin1Char('(') + members.join(QLatin1Char(',')) + QLatin1Char(')');
    }
    return out;
}

QByteArray TypedDataEncoder::typeHash(const QString &structType) const
{
    auto it = m_typeHashes.constFind(structType);
    if (it != m_typeHashes.constEnd())
        return *it;
    const QByteArray hash = keccak256(encodeType(structType).toUtf8());
    m_typeHashes.insert(structType, hash);
    return hash;
}

Result<QByteArray> TypedDataEncoder::hashStruct(const QString &structType, const QJsonValue &value, const QString &path,
                                                int depth) const
{
    if (depth > kMaxDepth)
        return fail("typeddata.too_deep", path, tr("The data is nested too deeply."));
    if (!value.isObject())
        return fail("typeddata.bad_value", path, tr("Expected an object of type %1.").arg(structType));
    const QJsonObject object = value.toObject();
    const QList<TypedData::Field> fields = m_types.value(structType);
    QSet<QString> declared;
    QByteArray encoded = typeHash(structType);
    for (const auto &field : fields) {
        declared.insert(field.name);
        const QString fieldPath = path.isEmpty() ? field.name : path + QLatin1Char('.') + field.name;
        const QJsonValue member = object.value(field.name);
        if (member.isUndefined() || member.isNull())
            return fail("typeddata.missing_field", fieldPath, tr("The field %1 of %2 has no value.").arg(field.name, structType));
        auto word = encodeField(field.type, member, fieldPath, depth + 1);
        if (!word)
            return word.error();
        encoded += *word;
    }
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!declared.contains(it.key()))
            return fail("typeddata.unknown_field", path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key(),
                        tr("%1 has no field named %2; it would not be signed.").arg(structType, it.key()));
    }
    return keccak256(encoded);
}

Result<QByteArray> TypedDataEncoder::encodeField(const QString &type, const QJsonValue &value, const QString &path, int depth) const
{
    if (depth > kMaxDepth)
        return fail("typeddata.too_deep", path, tr("The data is nested too deeply."));
    const ArraySuffix array = splitArray(type);
    if (array.length != 0) {
        if (!value.isArray())
            return fail("typeddata.bad_value", path, tr("Expected an array for %1.").arg(type));
        const QJsonArray items = value.toArray();
        if (array.length > 0 && items.size() != array.length)
            return fail("typeddata.array_length", path,
                        tr("%1 needs exactly %2 elements, not %3.").arg(type).arg(array.length).arg(items.size()));
        // An array is the hash of its elements' encodings, concatenated.
        QByteArray concatenated;
        for (qsizetype i = 0; i < items.size(); ++i) {
            auto word = encodeField(array.element, items.at(i), path + QStringLiteral("[%1]").arg(i), depth + 1);
            if (!word)
                return word.error();
            concatenated += *word;
        }
        return keccak256(concatenated);
    }
    if (m_types.contains(type))
        return hashStruct(type, value, path, depth);
    return encodeAtomic(type, value, path);
}

Result<QByteArray> TypedDataEncoder::encodeAtomic(const QString &type, const QJsonValue &value, const QString &path) const
{
    if (type == QLatin1String("string")) {
        if (!value.isString())
            return fail("typeddata.bad_value", path, tr("Expected a string."));
        return keccak256(value.toString().toUtf8());
    }
    if (type == QLatin1String("bytes")) {
        auto bytes = hexBytes(value, path, -1);
        if (!bytes)
            return bytes.error();
        return keccak256(*bytes);
    }
    if (type == QLatin1String("bool")) {
        if (!value.isBool())
            return fail("typeddata.bad_value", path, tr("Expected true or false."));
        return UInt256::fromUInt64(value.toBool() ? 1 : 0).toBigEndian32();
    }
    if (type == QLatin1String("address")) {
        auto address = value.isString() ? Address::parse(value.toString()) : Result<Address>(Error{});
        if (!address)
            return fail("typeddata.bad_value", path,
                        value.isString() ? address.error().message : tr("Expected an address string."));
        return QByteArray(12, '\0') + address->bytes();
    }
    if (const int size = fixedBytesSize(type); size > 0) {
        auto bytes = hexBytes(value, path, size);
        if (!bytes)
            return bytes.error();
        return *bytes + QByteArray(32 - size, '\0'); // bytesN is left-aligned
    }
    bool isSigned = false;
    if (const int bits = integerBits(type, &isSigned); bits > 0)
        return encodeInteger(value, bits, isSigned, path);
    // TypedData validated every type string, so this is a programmer error.
    Q_ASSERT_X(false, "TypedDataEncoder", "unvalidated type");
    return fail("typeddata.unknown_type", path, tr("Unknown type %1.").arg(type));
}

} // namespace icn
