#include "Hex.h"
#include "Keccak.h"
#include "Signer.h"
#include "TestVectors.h"
#include "TypedData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using icn::TypedData;

namespace {

// The Mail example from the EIP-712 text (assets/eip-712/Example.js), as eth_signTypedData_v4 JSON.
const char *const kMailJson = R"({
  "types": {
    "EIP712Domain": [
      {"name": "name", "type": "string"},
      {"name": "version", "type": "string"},
      {"name": "chainId", "type": "uint256"},
      {"name": "verifyingContract", "type": "address"}
    ],
    "Person": [
      {"name": "name", "type": "string"},
      {"name": "wallet", "type": "address"}
    ],
    "Mail": [
      {"name": "from", "type": "Person"},
      {"name": "to", "type": "Person"},
      {"name": "contents", "type": "string"}
    ]
  },
  "primaryType": "Mail",
  "domain": {
    "name": "Ether Mail",
    "version": "1",
    "chainId": 1,
    "verifyingContract": "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"
  },
  "message": {
    "from": {"name": "Cow", "wallet": "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"},
    "to": {"name": "Bob", "wallet": "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"},
    "contents": "Hello, Bob!"
  }
})";

// The EIP's published answers for it (private key keccak256("cow")).
const char *const kMailEncodeType = "Mail(Person from,Person to,string contents)Person(string name,address wallet)";
const char *const kMailTypeHash = "0xa0cedeb2dc280ba39b857546d74f5549c3a1d7bdc2dd96bf881f76108e23dac2";
const char *const kMailHashStruct = "0xc52c0ee5d84264471806290a3f2c4cecfc5490626bf912d01f240d7a274b371e";
const char *const kMailDomainSeparator = "0xf2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f";
const char *const kMailDigest = "0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2";
const char *const kMailSignature = "0x4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d"
                                   "07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b915621c";
const char *const kMailSigner = "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826";

QJsonObject mailObject()
{
    return QJsonDocument::fromJson(kMailJson).object();
}

// Typed data whose message has one field `v` of `type` holding the JSON `value`.
QByteArray singleField(const QString &type, const QString &value)
{
    return QStringLiteral(R"({"types":{"EIP712Domain":[],"T":[{"name":"v","type":"%1"}]},"primaryType":"T","domain":{},"message":{"v":%2}})")
        .arg(type, value)
        .toUtf8();
}

QByteArray word(const char *hex)
{
    return QByteArray::fromHex(hex);
}

} // namespace

class TestTypedData : public QObject
{
    Q_OBJECT

private slots:
    void mailExampleMatchesTheEip();
    void mailExampleMatchesTheSharedKnownAnswers();
    void mailSignatureRecoversTheSigner();
    void integersInAnyNotationHashAlike();
    void encodesAtomicValues_data();
    void encodesAtomicValues();
    void encodesDynamicValuesAndArrays();
    void encodeTypeSortsReferencedTypes_data();
    void encodeTypeSortsReferencedTypes();
    void domainMayBeAnySubset();
    void domainAsPrimaryTypeSignsTheDomainAlone();
    void refusesBadInput_data();
    void refusesBadInput();
};

void TestTypedData::mailExampleMatchesTheEip()
{
    const auto data = TypedData::fromJson(QByteArrayView(kMailJson));
    QVERIFY2(data.ok(), qPrintable(data.ok() ? QString() : data.error().toString()));
    QCOMPARE(data->encodeType(QStringLiteral("Mail")), QString::fromLatin1(kMailEncodeType));
    QCOMPARE(icn::toHex(data->typeHash(QStringLiteral("Mail"))), QString::fromLatin1(kMailTypeHash));
    QCOMPARE(icn::toHex(data->hashStruct()), QString::fromLatin1(kMailHashStruct));
    QCOMPARE(icn::toHex(data->domainSeparator()), QString::fromLatin1(kMailDomainSeparator));
    QCOMPARE(icn::toHex(data->digest()), QString::fromLatin1(kMailDigest));
    // The object overload gives the same.
    QCOMPARE(TypedData::fromJson(mailObject())->digest(), data->digest());
}

void TestTypedData::mailExampleMatchesTheSharedKnownAnswers()
{
    ICN_REQUIRE_VECTORS(doc, "known_answers.extracted.json");
    const QJsonObject mail = doc.object().value(QLatin1String("eip712_mail_example")).toObject();
    QVERIFY(!mail.isEmpty());
    const auto data = TypedData::fromJson(mailObject());
    QVERIFY(data.ok());
    QCOMPARE(data->encodeType(QStringLiteral("Mail")), mail.value(QLatin1String("encodeType_Mail")).toString());
    QCOMPARE(icn::toHex(data->typeHash(QStringLiteral("Mail"))), mail.value(QLatin1String("typeHash_Mail")).toString());
    QCOMPARE(icn::toHex(data->hashStruct()), mail.value(QLatin1String("hashStruct_Mail")).toString());
    QCOMPARE(icn::toHex(data->domainSeparator()), mail.value(QLatin1String("domainSeparator")).toString());
    QCOMPARE(icn::toHex(data->digest()), mail.value(QLatin1String("digest")).toString());

    QCOMPARE(mail.value(QLatin1String("private_key")).toString(), QStringLiteral("keccak256('cow')"));
    const auto signature = icn::signer::signDigest(icn::SecureBytes(icn::keccak256("cow")), data->digest());
    QVERIFY(signature.ok());
    QCOMPARE(icn::toHex(signature->r), mail.value(QLatin1String("r")).toString());
    QCOMPARE(icn::toHex(signature->s), mail.value(QLatin1String("s")).toString());
    QCOMPARE(27 + signature->recoveryId, mail.value(QLatin1String("v")).toInt());
    QCOMPARE(icn::toHex(signature->toRsv()), mail.value(QLatin1String("eth_signTypedData_result")).toString());
    QCOMPARE(icn::signer::recoverAddress(data->digest(), *signature)->toChecksummed(), mail.value(QLatin1String("address")).toString());
}

void TestTypedData::mailSignatureRecoversTheSigner()
{
    const auto data = TypedData::fromJson(QByteArrayView(kMailJson));
    QVERIFY(data.ok());
    const auto signature = icn::signer::signDigest(icn::SecureBytes(icn::keccak256("cow")), data->digest());
    QVERIFY(signature.ok());
    QCOMPARE(icn::toHex(signature->toRsv()), QString::fromLatin1(kMailSignature));
    const auto parsed = icn::Signature::fromRsv(*icn::fromHex(QString::fromLatin1(kMailSignature)));
    QVERIFY(parsed.ok());
    QCOMPARE(icn::signer::recoverAddress(data->digest(), *parsed)->toChecksummed(), QString::fromLatin1(kMailSigner));

    // Another message recovers someone else: the signature is bound to the contents.
    QJsonObject changed = mailObject();
    QJsonObject message = changed.value(QLatin1String("message")).toObject();
    message.insert(QStringLiteral("contents"), QStringLiteral("Hello, Bob?"));
    changed.insert(QStringLiteral("message"), message);
    const auto other = TypedData::fromJson(changed);
    QVERIFY(other.ok());
    QVERIFY(other->digest() != data->digest());
    QVERIFY(icn::signer::recoverAddress(other->digest(), *parsed)->toChecksummed() != QString::fromLatin1(kMailSigner));
}

void TestTypedData::integersInAnyNotationHashAlike()
{
    for (const auto &chainId : {QJsonValue(1), QJsonValue(QStringLiteral("1")), QJsonValue(QStringLiteral("0x1")),
                                QJsonValue(QStringLiteral("0x0001")), QJsonValue(1.0)}) {
        QJsonObject json = mailObject();
        QJsonObject domain = json.value(QLatin1String("domain")).toObject();
        domain.insert(QStringLiteral("chainId"), chainId);
        json.insert(QStringLiteral("domain"), domain);
        const auto data = TypedData::fromJson(json);
        QVERIFY2(data.ok(), qPrintable(data.ok() ? QString() : data.error().toString()));
        QCOMPARE(icn::toHex(data->domainSeparator()), QString::fromLatin1(kMailDomainSeparator));
    }
}

void TestTypedData::encodesAtomicValues_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("encoded");

    const QByteArray allOnes(32, '\xff');
    QTest::newRow("a uint256 given as a JSON number") << "uint256" << "42" << word("000000000000000000000000000000000000000000000000000000000000002a");
    QTest::newRow("a uint256 given as a decimal string") << "uint256" << "\"42\"" << word("000000000000000000000000000000000000000000000000000000000000002a");
    QTest::newRow("a uint256 given as a hex string") << "uint256" << "\"0x2A\"" << word("000000000000000000000000000000000000000000000000000000000000002a");
    QTest::newRow("the largest uint256 as a decimal string")
        << "uint256" << "\"115792089237316195423570985008687907853269984665640564039457584007913129639935\"" << allOnes;
    QTest::newRow("the largest uint8") << "uint8" << "255" << word("00000000000000000000000000000000000000000000000000000000000000ff");
    QTest::newRow("minus one as int8 is all ones") << "int8" << "-1" << allOnes;
    QTest::newRow("minus one as an int256 string is all ones") << "int256" << "\"-1\"" << allOnes;
    QTest::newRow("the smallest int16") << "int16" << "-32768" << word("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff8000");
    QTest::newRow("the largest int16") << "int16" << "32767" << word("0000000000000000000000000000000000000000000000000000000000007fff");
    QTest::newRow("the smallest int256")
        << "int256" << "\"-57896044618658097711785492504343953926634992332820282019728792003956564819968\""
        << word("8000000000000000000000000000000000000000000000000000000000000000");
    QTest::newRow("a negative hex int64") << "int64" << "\"-0x10\"" << word("fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff0");
    QTest::newRow("minus zero is zero") << "int8" << "\"-0\"" << QByteArray(32, '\0');
    QTest::newRow("true") << "bool" << "true" << word("0000000000000000000000000000000000000000000000000000000000000001");
    QTest::newRow("false") << "bool" << "false" << QByteArray(32, '\0');
    QTest::newRow("an address is left-padded")
        << "address" << "\"0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826\"" << word("000000000000000000000000cd2a3d9f938e13cd947ec05abc7fe734df8dd826");
    QTest::newRow("bytes4 is right-padded") << "bytes4" << "\"0x01020304\"" << word("0102030400000000000000000000000000000000000000000000000000000000");
    QTest::newRow("bytes32 is itself") << "bytes32" << "\"0x" + QString(64, QLatin1Char('a')) + "\"" << QByteArray(32, '\xaa');
}

void TestTypedData::encodesAtomicValues()
{
    QFETCH(QString, type);
    QFETCH(QString, value);
    QFETCH(QByteArray, encoded);

    const auto data = TypedData::fromJson(singleField(type, value));
    QVERIFY2(data.ok(), qPrintable(data.ok() ? QString() : data.error().toString()));
    const QByteArray typeHash = icn::keccak256(QStringLiteral("T(%1 v)").arg(type).toUtf8());
    QCOMPARE(data->typeHash(QStringLiteral("T")), typeHash);
    QCOMPARE(icn::toHex(data->hashStruct()), icn::toHex(icn::keccak256(typeHash + encoded)));
}

void TestTypedData::encodesDynamicValuesAndArrays()
{
    using icn::keccak256;
    auto hashOf = [](const QString &type, const QString &value) {
        const auto data = TypedData::fromJson(singleField(type, value));
        return data.ok() ? data->hashStruct() : QByteArray();
    };
    auto expected = [](const QString &type, const QByteArray &encoded) {
        return keccak256(keccak256(QStringLiteral("T(%1 v)").arg(type).toUtf8()) + encoded);
    };
    const QByteArray one = word("0000000000000000000000000000000000000000000000000000000000000001");
    const QByteArray two = word("0000000000000000000000000000000000000000000000000000000000000002");
    const QByteArray three = word("0000000000000000000000000000000000000000000000000000000000000003");

    QCOMPARE(hashOf(QStringLiteral("string"), QStringLiteral("\"Hello, Bob!\"")), expected(QStringLiteral("string"), keccak256("Hello, Bob!")));
    QCOMPARE(hashOf(QStringLiteral("string"), QStringLiteral("\"\"")), expected(QStringLiteral("string"), keccak256("")));
    QCOMPARE(hashOf(QStringLiteral("string"), QStringLiteral("\"Grüße\"")),
             expected(QStringLiteral("string"), keccak256(QStringLiteral("Grüße").toUtf8())));
    QCOMPARE(hashOf(QStringLiteral("bytes"), QStringLiteral("\"0x0102\"")), expected(QStringLiteral("bytes"), keccak256(word("0102"))));
    QCOMPARE(hashOf(QStringLiteral("bytes"), QStringLiteral("\"0x\"")), expected(QStringLiteral("bytes"), keccak256("")));
    QCOMPARE(hashOf(QStringLiteral("uint8[]"), QStringLiteral("[1,2,3]")), expected(QStringLiteral("uint8[]"), keccak256(one + two + three)));
    QCOMPARE(hashOf(QStringLiteral("uint8[]"), QStringLiteral("[]")), expected(QStringLiteral("uint8[]"), keccak256("")));
    QCOMPARE(hashOf(QStringLiteral("uint8[2]"), QStringLiteral("[1,2]")), expected(QStringLiteral("uint8[2]"), keccak256(one + two)));
    QCOMPARE(hashOf(QStringLiteral("uint8[][]"), QStringLiteral("[[1],[2,3]]")),
             expected(QStringLiteral("uint8[][]"), keccak256(keccak256(one) + keccak256(two + three))));
    QCOMPARE(hashOf(QStringLiteral("uint8[2][]"), QStringLiteral("[[1,2],[2,3]]")),
             expected(QStringLiteral("uint8[2][]"), keccak256(keccak256(one + two) + keccak256(two + three))));
    QCOMPARE(hashOf(QStringLiteral("string[]"), QStringLiteral("[\"a\",\"b\"]")),
             expected(QStringLiteral("string[]"), keccak256(keccak256("a") + keccak256("b"))));

    // An array of structs hashes each element with hashStruct.
    const auto people = TypedData::fromJson(QByteArrayView(R"({"types":{"EIP712Domain":[],
        "P":[{"name":"name","type":"string"},{"name":"age","type":"uint8"}],
        "G":[{"name":"members","type":"P[]"}]},
        "primaryType":"G","domain":{},"message":{"members":[{"name":"a","age":1},{"name":"b","age":2}]}})"));
    QVERIFY2(people.ok(), qPrintable(people.ok() ? QString() : people.error().toString()));
    const QByteArray pType = keccak256("P(string name,uint8 age)");
    const QByteArray gType = keccak256("G(P[] members)P(string name,uint8 age)");
    QCOMPARE(people->typeHash(QStringLiteral("G")), gType);
    const QByteArray a = keccak256(pType + keccak256("a") + one);
    const QByteArray b = keccak256(pType + keccak256("b") + two);
    QCOMPARE(people->hashStruct(), keccak256(gType + keccak256(a + b)));
}

void TestTypedData::encodeTypeSortsReferencedTypes_data()
{
    QTest::addColumn<QByteArray>("types");
    QTest::addColumn<QString>("primaryType");
    QTest::addColumn<QString>("encodeType");

    QTest::newRow("referenced types follow in alphabetical order, each once")
        << QByteArray(R"({"Z":[{"name":"a","type":"A"},{"name":"b","type":"B[]"},{"name":"a2","type":"A"}],
                         "B":[{"name":"c","type":"C[2][]"}],"A":[{"name":"x","type":"uint8"}],"C":[{"name":"y","type":"bool"}]})")
        << "Z" << "Z(A a,B[] b,A a2)A(uint8 x)B(C[2][] c)C(bool y)";
    QTest::newRow("referenced types are sorted by name, not by where they are first used")
        << QByteArray(R"({"Z":[{"name":"y","type":"Y"},{"name":"b","type":"B"}],"Y":[{"name":"a","type":"A[]"}],
                         "B":[{"name":"u","type":"uint8"}],"A":[{"name":"x","type":"bool"}]})")
        << "Z" << "Z(Y y,B b)A(bool x)B(uint8 u)Y(A[] a)";
    QTest::newRow("a struct that references itself is listed once")
        << QByteArray(R"({"Node":[{"name":"value","type":"uint256"},{"name":"children","type":"Node[]"}]})")
        << "Node" << "Node(uint256 value,Node[] children)";
    QTest::newRow("unused types are left out")
        << QByteArray(R"({"A":[{"name":"x","type":"string"}],"Unused":[{"name":"y","type":"bytes"}]})") << "A" << "A(string x)";
    QTest::newRow("a struct with no fields")
        << QByteArray(R"({"Empty":[]})") << "Empty" << "Empty()";
}

void TestTypedData::encodeTypeSortsReferencedTypes()
{
    QFETCH(QByteArray, types);
    QFETCH(QString, primaryType);
    QFETCH(QString, encodeType);

    // An empty primary struct lets the type under test be declared without a message for it.
    QJsonObject declared = QJsonDocument::fromJson(types).object();
    declared.insert(QStringLiteral("Probe"), QJsonArray());
    const QJsonObject json{{QStringLiteral("types"), declared},
                           {QStringLiteral("primaryType"), QStringLiteral("Probe")},
                           {QStringLiteral("domain"), QJsonObject()},
                           {QStringLiteral("message"), QJsonObject()}};
    const auto data = TypedData::fromJson(json);
    QVERIFY2(data.ok(), qPrintable(data.ok() ? QString() : data.error().toString()));
    QCOMPARE(data->encodeType(primaryType), encodeType);
    QCOMPARE(data->typeHash(primaryType), icn::keccak256(encodeType.toUtf8()));
    QVERIFY(data->encodeType(QStringLiteral("NotDeclared")).isEmpty());
}

void TestTypedData::domainMayBeAnySubset()
{
    // Without EIP712Domain in types, it is inferred from the domain's keys in the EIP's order.
    const auto inferred = TypedData::fromJson(QByteArrayView(
        R"({"types":{"M":[{"name":"x","type":"uint8"}]},"primaryType":"M","domain":{"chainId":8453,"name":"ICN"},"message":{"x":1}})"));
    QVERIFY2(inferred.ok(), qPrintable(inferred.ok() ? QString() : inferred.error().toString()));
    QCOMPARE(inferred->encodeType(QStringLiteral("EIP712Domain")), QStringLiteral("EIP712Domain(string name,uint256 chainId)"));
    const QByteArray expected = icn::keccak256(icn::keccak256("EIP712Domain(string name,uint256 chainId)") + icn::keccak256("ICN")
                                               + word("0000000000000000000000000000000000000000000000000000000000002105"));
    QCOMPARE(inferred->domainSeparator(), expected);

    // The same subset declared explicitly gives the same separator.
    const auto declared = TypedData::fromJson(QByteArrayView(
        R"({"types":{"EIP712Domain":[{"name":"name","type":"string"},{"name":"chainId","type":"uint256"}],
            "M":[{"name":"x","type":"uint8"}]},"primaryType":"M","domain":{"name":"ICN","chainId":"8453"},"message":{"x":1}})"));
    QVERIFY(declared.ok());
    QCOMPARE(declared->domainSeparator(), expected);

    // Only a salt; and an empty domain.
    const auto salted = TypedData::fromJson(QByteArrayView(
        R"({"types":{"M":[]},"primaryType":"M","domain":{"salt":"0x0101010101010101010101010101010101010101010101010101010101010101"},"message":{}})"));
    QVERIFY(salted.ok());
    QCOMPARE(salted->domainSeparator(), icn::keccak256(icn::keccak256("EIP712Domain(bytes32 salt)") + QByteArray(32, '\x01')));
    const auto empty = TypedData::fromJson(QByteArrayView(R"({"types":{"M":[]},"primaryType":"M","domain":{},"message":{}})"));
    QVERIFY(empty.ok());
    QCOMPARE(empty->domainSeparator(), icn::keccak256(icn::keccak256("EIP712Domain()")));
    QCOMPARE(empty->digest(), icn::keccak256(QByteArray("\x19\x01", 2) + empty->domainSeparator() + empty->hashStruct()));
}

void TestTypedData::domainAsPrimaryTypeSignsTheDomainAlone()
{
    QJsonObject json = mailObject();
    json.insert(QStringLiteral("primaryType"), QStringLiteral("EIP712Domain"));
    json.insert(QStringLiteral("message"), json.value(QLatin1String("domain")));
    const auto data = TypedData::fromJson(json);
    QVERIFY(data.ok());
    QCOMPARE(icn::toHex(data->hashStruct()), QString::fromLatin1(kMailDomainSeparator));
    QCOMPARE(data->digest(), icn::keccak256(QByteArray("\x19\x01", 2) + data->domainSeparator()));
}

void TestTypedData::refusesBadInput_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");

    QByteArray mail(kMailJson);
    auto mailWith = [&](const char *from, const char *to) { return QByteArray(mail).replace(from, to); };

    QTest::newRow("text that is not JSON") << QByteArray("{\"types\":") << "typeddata.bad_json" << "";
    QTest::newRow("a JSON array") << QByteArray("[]") << "typeddata.bad_json" << "";
    QTest::newRow("no types") << QByteArray(R"({"primaryType":"M","domain":{},"message":{}})") << "typeddata.missing_field" << "types";
    QTest::newRow("an extra top-level key") << mailWith("\"primaryType\"", "\"extra\": 1, \"primaryType\"") << "typeddata.unknown_field" << "extra";
    QTest::newRow("a primary type that is not declared") << mailWith("\"primaryType\": \"Mail\"", "\"primaryType\": \"Letter\"")
                                                        << "typeddata.unknown_type" << "primaryType";
    QTest::newRow("a field of an undeclared type") << mailWith("\"type\": \"Person\"}", "\"type\": \"Persn\"}")
                                                  << "typeddata.unknown_type" << "types.Mail[0].type";
    QTest::newRow("a uint of 7 bits") << singleField(QStringLiteral("uint7"), QStringLiteral("1")) << "typeddata.unknown_type" << "types.T[0].type";
    QTest::newRow("uint without a size") << singleField(QStringLiteral("uint"), QStringLiteral("1")) << "typeddata.unknown_type" << "types.T[0].type";
    QTest::newRow("bytes33") << singleField(QStringLiteral("bytes33"), QStringLiteral("\"0x00\"")) << "typeddata.unknown_type" << "types.T[0].type";
    QTest::newRow("a zero-length fixed array") << singleField(QStringLiteral("uint8[0]"), QStringLiteral("[]")) << "typeddata.bad_type" << "types.T[0].type";
    QTest::newRow("an unclosed array bracket") << singleField(QStringLiteral("uint8[2"), QStringLiteral("[]")) << "typeddata.unknown_type" << "types.T[0].type";
    QTest::newRow("a bracket with letters") << singleField(QStringLiteral("uint8[x]"), QStringLiteral("[]")) << "typeddata.bad_type" << "types.T[0].type";
    QTest::newRow("a field declared twice") << mailWith("{\"name\": \"contents\", \"type\": \"string\"}",
                                                        "{\"name\": \"contents\", \"type\": \"string\"}, {\"name\": \"contents\", \"type\": \"string\"}")
                                            << "typeddata.duplicate_field" << "types.Mail[3].name";
    QTest::newRow("a field name with a space") << mailWith("\"name\": \"contents\"", "\"name\": \"the contents\"")
                                               << "typeddata.bad_type" << "types.Mail[2].name";
    QTest::newRow("a missing message field") << mailWith("\"contents\": \"Hello, Bob!\"", "\"content\": \"Hello, Bob!\"")
                                             << "typeddata.missing_field" << "message.contents";
    QTest::newRow("a message field the type does not declare") << mailWith("\"contents\": \"Hello, Bob!\"", "\"contents\": \"Hi\", \"cc\": \"Eve\"")
                                                               << "typeddata.unknown_field" << "message.cc";
    QTest::newRow("a null nested field") << mailWith("\"name\": \"Bob\"", "\"name\": null") << "typeddata.missing_field" << "message.to.name";
    QTest::newRow("an address with a wrong checksum") << mailWith("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826", "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD827")
                                                      << "typeddata.bad_value" << "message.from.wallet";
    QTest::newRow("a short address") << mailWith("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826", "0xcd2a") << "typeddata.bad_value" << "message.from.wallet";
    QTest::newRow("a struct given as a string") << mailWith("\"to\": {\"name\": \"Bob\", \"wallet\": \"0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB\"}", "\"to\": \"Bob\"")
                                                << "typeddata.bad_value" << "message.to";
    QTest::newRow("a domain chain id that is text") << mailWith("\"chainId\": 1", "\"chainId\": \"one\"") << "typeddata.bad_value" << "domain.chainId";
    QTest::newRow("a domain key without a declared EIP712Domain")
        << QByteArray(R"({"types":{"M":[]},"primaryType":"M","domain":{"name":"x","origin":"y"},"message":{}})") << "typeddata.unknown_field" << "domain.origin";
    QTest::newRow("256 as a uint8") << singleField(QStringLiteral("uint8"), QStringLiteral("256")) << "typeddata.out_of_range" << "message.v";
    QTest::newRow("a negative uint") << singleField(QStringLiteral("uint256"), QStringLiteral("-1")) << "typeddata.out_of_range" << "message.v";
    QTest::newRow("128 as an int8") << singleField(QStringLiteral("int8"), QStringLiteral("128")) << "typeddata.out_of_range" << "message.v";
    QTest::newRow("-129 as an int8") << singleField(QStringLiteral("int8"), QStringLiteral("\"-129\"")) << "typeddata.out_of_range" << "message.v";
    QTest::newRow("2^256 as a uint256")
        << singleField(QStringLiteral("uint256"), QStringLiteral("\"115792089237316195423570985008687907853269984665640564039457584007913129639936\""))
        << "typeddata.out_of_range" << "message.v";
    QTest::newRow("a JSON number beyond 2^53") << singleField(QStringLiteral("uint256"), QStringLiteral("9007199254740993"))
                                               << "typeddata.imprecise_number" << "message.v";
    QTest::newRow("a JSON number in exponent form beyond 64 bits") << singleField(QStringLiteral("uint256"), QStringLiteral("1e20"))
                                                                  << "typeddata.imprecise_number" << "message.v";
    QTest::newRow("a fraction") << singleField(QStringLiteral("uint256"), QStringLiteral("1.5")) << "typeddata.bad_value" << "message.v";
    QTest::newRow("bad hex digits") << singleField(QStringLiteral("uint256"), QStringLiteral("\"0xzz\"")) << "typeddata.bad_value" << "message.v";
    QTest::newRow("an empty number string") << singleField(QStringLiteral("uint256"), QStringLiteral("\"\"")) << "typeddata.bad_value" << "message.v";
    QTest::newRow("a number with spaces") << singleField(QStringLiteral("uint256"), QStringLiteral("\" 1\"")) << "typeddata.bad_value" << "message.v";
    QTest::newRow("a bool given as a string") << singleField(QStringLiteral("bool"), QStringLiteral("\"true\"")) << "typeddata.bad_value" << "message.v";
    QTest::newRow("bytes4 with three bytes") << singleField(QStringLiteral("bytes4"), QStringLiteral("\"0x010203\"")) << "typeddata.bad_value" << "message.v";
    QTest::newRow("bytes without 0x") << singleField(QStringLiteral("bytes"), QStringLiteral("\"0102\"")) << "typeddata.bad_value" << "message.v";
    QTest::newRow("bytes with an odd digit count") << singleField(QStringLiteral("bytes"), QStringLiteral("\"0x012\"")) << "typeddata.bad_value" << "message.v";
    QTest::newRow("a string given as a number") << singleField(QStringLiteral("string"), QStringLiteral("5")) << "typeddata.bad_value" << "message.v";
    QTest::newRow("a fixed array of the wrong length") << singleField(QStringLiteral("uint8[3]"), QStringLiteral("[1,2]")) << "typeddata.array_length" << "message.v";
    QTest::newRow("an array given as a number") << singleField(QStringLiteral("uint8[]"), QStringLiteral("1")) << "typeddata.bad_value" << "message.v";
    QTest::newRow("a bad element deep in nested arrays") << singleField(QStringLiteral("uint8[][]"), QStringLiteral("[[1],[2,300]]"))
                                                          << "typeddata.out_of_range" << "message.v[1][1]";
}

void TestTypedData::refusesBadInput()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, code);
    QFETCH(QString, field);

    const auto data = TypedData::fromJson(QByteArrayView(json));
    QVERIFY(!data.ok());
    QCOMPARE(data.error().code, code);
    QCOMPARE(data.error().field, field);
    QVERIFY(!data.error().message.isEmpty());
}

QTEST_GUILESS_MAIN(TestTypedData)
#include "tst_typeddata.moc"
