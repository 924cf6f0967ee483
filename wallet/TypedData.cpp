#include "TypedData.h"

#include "Keccak.h"
#include "TypedDataEncoder.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>

namespace icn {

namespace {

constexpr int kMaxArrayDimensions = 8;
const QString kDomainType = QStringLiteral("EIP712Domain");

QString tr(const char *text)
{
    return QCoreApplication::translate("TypedData", text);
}

Error fail(const char *code, const QString &path, const QString &message)
{
    return Error::make(QString::fromLatin1(code), message, path);
}

// Solidity identifiers; anything else could make encodeType ambiguous.
bool isIdentifier(const QString &name)
{
    if (name.isEmpty())
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name[i];
        const bool letter = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
                            || c == QLatin1Char('_') || c == QLatin1Char('$');
        const bool digit = c >= QLatin1Char('0') && c <= QLatin1Char('9');
        if (!letter && !(digit && i > 0))
            return false;
    }
    return true;
}

using TypeMap = QMap<QString, QList<TypedData::Field>>;

Result<TypeMap> parseTypes(const QJsonObject &types)
{
    TypeMap out;
    for (auto it = types.begin(); it != types.end(); ++it) {
        const QString name = it.key();
        const QString path = QStringLiteral("types.") + name;
        if (!isIdentifier(name) || TypedDataEncoder::isAtomic(name))
            return fail("typeddata.bad_type", path, tr("'%1' is not a valid struct type name.").arg(name));
        if (!it.value().isArray())
            return fail("typeddata.bad_type", path, tr("A type is a list of {name, type} fields."));
        QList<TypedData::Field> fields;
        const QJsonArray members = it.value().toArray();
        for (qsizetype i = 0; i < members.size(); ++i) {
            const QString memberPath = path + QStringLiteral("[%1]").arg(i);
            const QJsonObject member = members.at(i).toObject();
            if (!members.at(i).isObject() || !member.value(QLatin1String("name")).isString()
                || !member.value(QLatin1String("type")).isString())
                return fail("typeddata.bad_type", memberPath, tr("A field is an object with a string name and a string type."));
            if (member.size() != 2)
                return fail("typeddata.unknown_field", memberPath, tr("A field has only a name and a type."));
            TypedData::Field field{member.value(QLatin1String("name")).toString(), member.value(QLatin1String("type")).toString()};
            if (!isIdentifier(field.name))
                return fail("typeddata.bad_type", memberPath + QStringLiteral(".name"),
                            tr("'%1' is not a valid field name.").arg(field.name));
            for (const auto &earlier : fields) {
                if (earlier.name == field.name)
                    return fail("typeddata.duplicate_field", memberPath + QStringLiteral(".name"),
                                tr("%1 declares the field %2 twice.").arg(name, field.name));
            }
            fields.append(field);
        }
        out.insert(name, fields);
    }
    // Every field type must be well formed and name an atomic type or a declared struct.
    for (auto it = out.cbegin(); it != out.cend(); ++it) {
        for (qsizetype i = 0; i < it.value().size(); ++i) {
            const QString type = it.value().at(i).type;
            const QString path = QStringLiteral("types.%1[%2].type").arg(it.key()).arg(i);
            QString base = type;
            int dimensions = 0;
            for (auto split = TypedDataEncoder::splitArray(base); split.length != 0 || !split.valid;
                 split = TypedDataEncoder::splitArray(base)) {
                if (!split.valid || ++dimensions > kMaxArrayDimensions)
                    return fail("typeddata.bad_type", path, tr("'%1' is not a valid type.").arg(type));
                base = split.element;
            }
            if (!TypedDataEncoder::isAtomic(base) && !out.contains(base))
                return fail("typeddata.unknown_type", path, tr("The type %1 is neither a basic type nor declared.").arg(base));
        }
    }
    return out;
}

// EIP712Domain from the domain's own keys, in the order the EIP lists them.
Result<QList<TypedData::Field>> inferDomainType(const QJsonObject &domain)
{
    static const QList<TypedData::Field> standard{{QStringLiteral("name"), QStringLiteral("string")},
                                                  {QStringLiteral("version"), QStringLiteral("string")},
                                                  {QStringLiteral("chainId"), QStringLiteral("uint256")},
                                                  {QStringLiteral("verifyingContract"), QStringLiteral("address")},
                                                  {QStringLiteral("salt"), QStringLiteral("bytes32")}};
    QList<TypedData::Field> fields;
    for (const auto &field : standard) {
        if (domain.contains(field.name))
            fields.append(field);
    }
    for (auto it = domain.begin(); it != domain.end(); ++it) {
        if (std::none_of(standard.begin(), standard.end(), [&](const TypedData::Field &f) { return f.name == it.key(); }))
            return fail("typeddata.unknown_field", QStringLiteral("domain.") + it.key(),
                        tr("%1 is not an EIP712Domain field; declare EIP712Domain in types to use it.").arg(it.key()));
    }
    return fields;
}

} // namespace

Result<TypedData> TypedData::fromJson(QByteArrayView jsonText)
{
    if (jsonText.size() > kMaxJsonSize)
        return fail("typeddata.too_large", {}, tr("The typed data is larger than %1 bytes.").arg(kMaxJsonSize));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(jsonText.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Error::make(QStringLiteral("typeddata.bad_json"),
                           parseError.error != QJsonParseError::NoError
                               ? tr("The typed data is not valid JSON: %1 (at byte %2).").arg(parseError.errorString()).arg(parseError.offset)
                               : tr("The typed data must be a JSON object."),
                           {}, {{QStringLiteral("offset"), parseError.offset}});
    return fromJson(doc.object());
}

Result<TypedData> TypedData::fromJson(const QJsonObject &json)
{
    const QStringList keys{QStringLiteral("types"), QStringLiteral("primaryType"), QStringLiteral("domain"), QStringLiteral("message")};
    for (const auto &key : keys) {
        if (!json.contains(key))
            return fail("typeddata.missing_field", key, tr("The typed data has no \"%1\".").arg(key));
    }
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!keys.contains(it.key()))
            return fail("typeddata.unknown_field", it.key(),
                        tr("Typed data has only types, primaryType, domain and message; %1 would not be signed.").arg(it.key()));
    }
    if (!json.value(QLatin1String("types")).isObject())
        return fail("typeddata.bad_type", QStringLiteral("types"), tr("\"types\" must be an object."));
    if (!json.value(QLatin1String("primaryType")).isString())
        return fail("typeddata.bad_type", QStringLiteral("primaryType"), tr("\"primaryType\" must be a string."));
    if (!json.value(QLatin1String("domain")).isObject())
        return fail("typeddata.bad_value", QStringLiteral("domain"), tr("\"domain\" must be an object."));
    if (!json.value(QLatin1String("message")).isObject())
        return fail("typeddata.bad_value", QStringLiteral("message"), tr("\"message\" must be an object."));

    TypedData data;
    data.m_primaryType = json.value(QLatin1String("primaryType")).toString();
    data.m_domain = json.value(QLatin1String("domain")).toObject();
    data.m_message = json.value(QLatin1String("message")).toObject();

    auto types = parseTypes(json.value(QLatin1String("types")).toObject());
    if (!types)
        return types.error();
    data.m_types = *types;
    if (!data.m_types.contains(kDomainType)) {
        auto domainType = inferDomainType(data.m_domain);
        if (!domainType)
            return domainType.error();
        data.m_types.insert(kDomainType, *domainType);
    }
    if (!data.m_types.contains(data.m_primaryType))
        return fail("typeddata.unknown_type", QStringLiteral("primaryType"),
                    tr("The primary type %1 is not declared in types.").arg(data.m_primaryType));

    const TypedDataEncoder encoder(data.m_types);
    auto domainSeparator = encoder.hashStruct(kDomainType, data.m_domain, QStringLiteral("domain"));
    if (!domainSeparator)
        return domainSeparator.error();
    auto hashStruct = encoder.hashStruct(data.m_primaryType, data.m_message, QStringLiteral("message"));
    if (!hashStruct)
        return hashStruct.error();
    data.m_domainSeparator = *domainSeparator;
    data.m_hashStruct = *hashStruct;

    QByteArray preimage("\x19\x01", 2);
    preimage += data.m_domainSeparator;
    // MetaMask signs a bare domain when the primary type is the domain itself.
    if (data.m_primaryType != kDomainType)
        preimage += data.m_hashStruct;
    data.m_digest = keccak256(preimage);
    return data;
}

QString TypedData::encodeType(const QString &typeName) const
{
    return TypedDataEncoder(m_types).encodeType(typeName);
}

QByteArray TypedData::typeHash(const QString &typeName) const
{
    if (!m_types.contains(typeName))
        return {};
    return TypedDataEncoder(m_types).typeHash(typeName);
}

} // namespace icn
