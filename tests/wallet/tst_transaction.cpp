#include "Eip1559Transaction.h"
#include "Erc20.h"
#include "Hex.h"
#include "Keccak.h"
#include "LegacyTransaction.h"
#include "Rlp.h"
#include "Signer.h"
#include "TestVectors.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using icn::Address;
using icn::Eip1559Transaction;
using icn::LegacyTransaction;
using icn::SecureBytes;
using icn::UInt256;

Q_DECLARE_METATYPE(icn::Eip1559Transaction)

namespace {

// EIP-155's worked example (EIP text, section "Example").
const char *const kEip155Key = "4646464646464646464646464646464646464646464646464646464646464646";
const char *const kEip155SigningData = "ec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080";
const char *const kEip155SigningHash = "daf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53";
const char *const kEip155SignedTx = "f86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83";
const char *const kEip155Signer = "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F";

// First case of ethereumjs' EIP-1559 fixture (packages/tx/test/json/eip1559.json), unwrapped from its RLP byte string.
const char *const kEip1559Key = "8f2a55949038a9610f50fb23b5883af3b4ecb3c3bb792cbcefbd1542c692be63";
const char *const kEip1559Raw = "02f86e048203338301284d8301d97c828ae094000000000000000000000000000000000000aaaa8402933bc980c080a00f924cb68412c8f1cfd74d9b581c71eeaf94fff6abdde3e5b02ca6b2931dcf47a07dd1c50027c3e31f8b565e25ce68a5072110f61fce5eee81b195dd51273c2f83";

// ERC-20 transfer of 1.5 ICNT to 0x3535…35 (selector from the ERC-20 signature, Solidity ABI).
const char *const kTransferCalldata = "a9059cbb000000000000000000000000353535353535353535353535353535353535353500000000000000000000000000000000000000000000000014d1120d7b160000";

SecureBytes key(const char *hex)
{
    return SecureBytes(QByteArray::fromHex(hex));
}

Address address(const QString &text)
{
    return *Address::parse(text);
}

// A JSON-RPC style quantity ("0x", "0x04a817c800") or a JSON number.
UInt256 quantity(const QJsonValue &value)
{
    if (value.isDouble())
        return UInt256::fromUInt64(static_cast<quint64>(value.toInteger()));
    const QString text = value.toString();
    return text == QLatin1String("0x") ? UInt256() : *UInt256::parse(text);
}

LegacyTransaction eip155Example()
{
    LegacyTransaction tx;
    tx.chainId = 1;
    tx.nonce = 9;
    tx.gasPrice = *UInt256::fromDecimal(u"20000000000");
    tx.gasLimit = 21000;
    tx.to = address(QStringLiteral("0x3535353535353535353535353535353535353535"));
    tx.value = *UInt256::fromDecimal(u"1000000000000000000");
    return tx;
}

Eip1559Transaction eip1559Example()
{
    Eip1559Transaction tx;
    tx.chainId = 4;
    tx.nonce = 819;
    tx.value = UInt256::fromUInt64(43203529);
    tx.gasLimit = 35552;
    tx.maxPriorityFeePerGas = UInt256::fromUInt64(75853);
    tx.maxFeePerGas = UInt256::fromUInt64(121212);
    tx.to = address(QStringLiteral("0x000000000000000000000000000000000000aaaa"));
    return tx;
}

icn::erc20::TransferParams baseParams()
{
    icn::erc20::TransferParams params;
    params.token = icn::erc20::icntOnBase();
    params.nonce = 7;
    params.maxFeePerGas = *Eip1559Transaction::parseGwei(u"0.1", QStringLiteral("maxFee"));
    params.maxPriorityFeePerGas = *Eip1559Transaction::parseGwei(u"0.001", QStringLiteral("priorityFee"));
    params.gasLimit = 65000;
    return params;
}

} // namespace

class TestTransaction : public QObject
{
    Q_OBJECT

private slots:
    void signsTheEip155Example();
    void eip155ExampleMatchesTheSharedKnownAnswer();
    void reproducesVitaliksEip155Tests();
    void signsTheEmbeddedEip1559Case();
    void reproducesTheEip1559Fixture();
    void roundTripsAccessListsAndContractCreation();
    void buildsTheIcntTransferCalldata();
    void icntTransferCalldataMatchesTheSharedKnownAnswer();
    void signsAnIcntTransferOnBase();
    void parsesGweiExactly_data();
    void parsesGweiExactly();
    void refusesToSignBadTransactions_data();
    void refusesToSignBadTransactions();
    void refusesBadTransfers();
    void refusesBadRawTransactions_data();
    void refusesBadRawTransactions();
    void mutatedRawTransactionsDecodeOrRefuse();
};

void TestTransaction::signsTheEip155Example()
{
    const LegacyTransaction tx = eip155Example();
    QCOMPARE(tx.signingPayload().toHex(), QByteArray(kEip155SigningData));
    QCOMPARE(tx.signingHash().toHex(), QByteArray(kEip155SigningHash));
    const auto signedTx = tx.sign(key(kEip155Key));
    QVERIFY2(signedTx.ok(), qPrintable(signedTx.ok() ? QString() : signedTx.error().toString()));
    QCOMPARE(signedTx->raw.toHex(), QByteArray(kEip155SignedTx));
    QCOMPARE(signedTx->hash, icn::keccak256(signedTx->raw));
    QCOMPARE(signedTx->from.toChecksummed(), QString::fromLatin1(kEip155Signer));

    const auto decoded = LegacyTransaction::decode(QByteArray::fromHex(kEip155SignedTx));
    QVERIFY(decoded.ok());
    QCOMPARE(decoded->transaction, tx);
    QCOMPARE(decoded->signedTransaction.from.toChecksummed(), QString::fromLatin1(kEip155Signer));
    QCOMPARE(decoded->signedTransaction.signature, signedTx->signature);
}

void TestTransaction::eip155ExampleMatchesTheSharedKnownAnswer()
{
    ICN_REQUIRE_VECTORS(doc, "known_answers.extracted.json");
    const QJsonObject example = doc.object().value(QLatin1String("eip155_example")).toObject();
    const QJsonObject fields = example.value(QLatin1String("tx")).toObject();
    LegacyTransaction tx;
    tx.nonce = quantity(fields.value(QLatin1String("nonce"))).toUInt64();
    tx.gasPrice = quantity(fields.value(QLatin1String("gasPrice")));
    tx.gasLimit = quantity(fields.value(QLatin1String("gasLimit"))).toUInt64();
    tx.to = address(fields.value(QLatin1String("to")).toString());
    tx.value = quantity(fields.value(QLatin1String("value")));
    tx.data = *icn::fromHex(fields.value(QLatin1String("data")).toString());
    tx.chainId = quantity(fields.value(QLatin1String("chainId"))).toUInt64();
    QCOMPARE(icn::toHex(tx.signingPayload()), example.value(QLatin1String("signing_data")).toString());
    QCOMPARE(icn::toHex(tx.signingHash()), example.value(QLatin1String("signing_hash")).toString());
    const auto signedTx = tx.sign(SecureBytes(*icn::fromHex(example.value(QLatin1String("private_key")).toString())));
    QVERIFY(signedTx.ok());
    QCOMPARE(icn::toHex(signedTx->raw), example.value(QLatin1String("signed_tx")).toString());
    QCOMPARE(UInt256::fromBigEndian(signedTx->signature.r)->toDecimal(), example.value(QLatin1String("r")).toString());
    QCOMPARE(UInt256::fromBigEndian(signedTx->signature.s)->toDecimal(), example.value(QLatin1String("s")).toString());
    QCOMPARE(static_cast<int>(tx.chainId * 2 + 35) + signedTx->signature.recoveryId, example.value(QLatin1String("v")).toInt());
    QCOMPARE(signedTx->from.toChecksummed(), example.value(QLatin1String("signer_address_derived")).toString());
}

void TestTransaction::reproducesVitaliksEip155Tests()
{
    ICN_REQUIRE_VECTORS(doc, "ttTransactionTestEip155VitaliksTests.json");
    const QJsonArray cases = doc.array();
    QVERIFY(cases.size() >= 10);
    for (const auto &entry : cases) {
        const QJsonObject c = entry.toObject();
        const QJsonObject t = c.value(QLatin1String("transaction")).toObject();
        const QString label = c.value(QLatin1String("rlp")).toString().left(24);
        LegacyTransaction tx;
        tx.nonce = quantity(t.value(QLatin1String("nonce"))).toUInt64();
        tx.gasPrice = quantity(t.value(QLatin1String("gasPrice")));
        tx.gasLimit = quantity(t.value(QLatin1String("gasLimit"))).toUInt64();
        tx.to = address(t.value(QLatin1String("to")).toString());
        tx.value = quantity(t.value(QLatin1String("value")));
        tx.data = *icn::fromHex(t.value(QLatin1String("data")).toString());
        const quint64 v = quantity(t.value(QLatin1String("v"))).toUInt64();
        tx.chainId = (v - 35) / 2;
        QCOMPARE(tx.chainId, quint64(1));

        // Their "hash" is the EIP-155 signing hash.
        QVERIFY2(tx.signingHash().toHex() == c.value(QLatin1String("hash")).toString().toLatin1(), qPrintable(label));

        const auto signature = icn::Signature::fromParts(quantity(t.value(QLatin1String("r"))).toBigEndian32(),
                                                         quantity(t.value(QLatin1String("s"))).toBigEndian32(),
                                                         static_cast<int>((v - 35) % 2));
        QVERIFY2(signature.ok(), qPrintable(label));
        const auto signedTx = tx.withSignature(*signature);
        QVERIFY2(signedTx.ok(), qPrintable(label));
        QCOMPARE(icn::toHex(signedTx->raw), c.value(QLatin1String("rlp")).toString());
        QCOMPARE(signedTx->from.toLower(), QStringLiteral("0x") + c.value(QLatin1String("sender")).toString());

        const auto decoded = LegacyTransaction::decode(*icn::fromHex(c.value(QLatin1String("rlp")).toString()));
        QVERIFY2(decoded.ok(), qPrintable(label));
        QCOMPARE(decoded->transaction, tx);
        QCOMPARE(decoded->signedTransaction.from.toLower(), QStringLiteral("0x") + c.value(QLatin1String("sender")).toString());
        QCOMPARE(decoded->signedTransaction.signingHash, tx.signingHash());
    }
}

void TestTransaction::signsTheEmbeddedEip1559Case()
{
    const Eip1559Transaction tx = eip1559Example();
    const auto signedTx = tx.sign(key(kEip1559Key));
    QVERIFY2(signedTx.ok(), qPrintable(signedTx.ok() ? QString() : signedTx.error().toString()));
    QCOMPARE(signedTx->raw.toHex(), QByteArray(kEip1559Raw));
    QCOMPARE(signedTx->hash, icn::keccak256(signedTx->raw));
    QCOMPARE(signedTx->signingHash, icn::keccak256(tx.signingPayload()));
    QCOMPARE(signedTx->from, *icn::signer::addressOf(key(kEip1559Key)));
    QCOMPARE(tx.signingPayload().at(0), '\x02');

    const auto decoded = Eip1559Transaction::decode(QByteArray::fromHex(kEip1559Raw));
    QVERIFY(decoded.ok());
    QCOMPARE(decoded->transaction, tx);
    QCOMPARE(decoded->signedTransaction.hash, signedTx->hash);
    QCOMPARE(decoded->signedTransaction.from, signedTx->from);
}

void TestTransaction::reproducesTheEip1559Fixture()
{
    ICN_REQUIRE_VECTORS(doc, "eip1559.json");
    const QJsonArray cases = doc.array();
    QVERIFY(cases.size() >= 10);
    for (const auto &entry : cases) {
        const QJsonObject c = entry.toObject();
        Eip1559Transaction tx;
        tx.chainId = 4; // the fixture's transactions are all for Rinkeby
        tx.nonce = quantity(c.value(QLatin1String("nonce"))).toUInt64();
        tx.value = quantity(c.value(QLatin1String("value")));
        tx.gasLimit = quantity(c.value(QLatin1String("gasLimit"))).toUInt64();
        tx.maxPriorityFeePerGas = quantity(c.value(QLatin1String("maxPriorityFeePerGas")));
        tx.maxFeePerGas = quantity(c.value(QLatin1String("maxFeePerGas")));
        tx.to = address(c.value(QLatin1String("to")).toString());
        const auto privateKey = SecureBytes(*icn::fromHex(c.value(QLatin1String("privateKey")).toString()));

        // The fixture wraps each typed transaction in an RLP byte string.
        const auto wrapper = icn::rlp::decode(*icn::fromHex(c.value(QLatin1String("signedTransactionRLP")).toString()));
        QVERIFY(wrapper.ok());
        QVERIFY(!wrapper->isList);
        const QByteArray expectedRaw = wrapper->bytes;

        const auto signedTx = tx.sign(privateKey);
        QVERIFY(signedTx.ok());
        QCOMPARE(signedTx->raw.toHex(), expectedRaw.toHex());
        QCOMPARE(signedTx->hash, icn::keccak256(expectedRaw));
        QCOMPARE(icn::toHex(icn::rlp::encodeBytes(signedTx->raw)), c.value(QLatin1String("signedTransactionRLP")).toString());

        const auto decoded = Eip1559Transaction::decode(expectedRaw);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->transaction, tx);
        QCOMPARE(decoded->signedTransaction.from, *icn::signer::addressOf(privateKey));
        QCOMPARE(decoded->signedTransaction.hash, signedTx->hash);
    }
}

void TestTransaction::roundTripsAccessListsAndContractCreation()
{
    Eip1559Transaction tx = eip1559Example();
    tx.to.reset();
    tx.data = QByteArray::fromHex("6080604052");
    tx.accessList = {{address(QStringLiteral("0x3535353535353535353535353535353535353535")), {QByteArray(32, '\x01'), QByteArray(32, '\x02')}},
                     {address(QStringLiteral("0x000000000000000000000000000000000000aaaa")), {}}};
    const auto signedTx = tx.sign(key(kEip1559Key));
    QVERIFY(signedTx.ok());
    const auto decoded = Eip1559Transaction::decode(signedTx->raw);
    QVERIFY(decoded.ok());
    QCOMPARE(decoded->transaction, tx);
    QVERIFY(!decoded->transaction.to.has_value());

    LegacyTransaction legacy = eip155Example();
    legacy.to.reset();
    legacy.data = QByteArray::fromHex("00ff");
    const auto legacySigned = legacy.sign(key(kEip155Key));
    QVERIFY(legacySigned.ok());
    QCOMPARE(LegacyTransaction::decode(legacySigned->raw)->transaction, legacy);

    // A pre-EIP-155 transaction (v = 27/28) is read with chain id 0.
    LegacyTransaction unprotected = eip155Example();
    unprotected.chainId = 0;
    const auto signature = icn::signer::signDigest(key(kEip155Key), unprotected.signingHash());
    QVERIFY(signature.ok());
    const auto old = unprotected.withSignature(*signature);
    QVERIFY(old.ok());
    const auto read = LegacyTransaction::decode(old->raw);
    QVERIFY(read.ok());
    QCOMPARE(read->transaction.chainId, quint64(0));
    QCOMPARE(read->signedTransaction.from.toChecksummed(), QString::fromLatin1(kEip155Signer));
    QCOMPARE(unprotected.sign(key(kEip155Key)).error().code, QStringLiteral("transaction.bad_chain_id"));
}

void TestTransaction::buildsTheIcntTransferCalldata()
{
    QCOMPARE(icn::erc20::transferSelector().toHex(), QByteArray("a9059cbb"));
    QCOMPARE(icn::erc20::icntOnBase().toChecksummed(), QStringLiteral("0xE0Cd4cAcDdcBF4f36e845407CE53E87717b6601d"));
    QCOMPARE(icn::erc20::icntTokenFor(8453), icn::erc20::icntOnBase());
    QCOMPARE(icn::erc20::icntTokenFor(1)->toChecksummed(), QStringLiteral("0xe5e0b73380181273abCfD88695F52C4D0C825661"));
    QVERIFY(!icn::erc20::icntTokenFor(4).has_value());
    const auto calldata = icn::erc20::transferCalldata(address(QStringLiteral("0x3535353535353535353535353535353535353535")),
                                                       *icn::Amount::parse(u"1.5"));
    QVERIFY(calldata.ok());
    QCOMPARE(calldata->toHex(), QByteArray(kTransferCalldata));
    // The whole 700M supply still fits easily; the largest Amount is encoded without truncation.
    const auto max = icn::erc20::transferCalldata(icn::erc20::icntOnBase(), icn::Amount::fromBaseUnits(icn::kInt128Max));
    QCOMPARE(max->right(32).toHex(), QByteArray("000000000000000000000000000000007fffffffffffffffffffffffffffffff"));
}

void TestTransaction::icntTransferCalldataMatchesTheSharedKnownAnswer()
{
    ICN_REQUIRE_VECTORS(doc, "known_answers.extracted.json");
    const QJsonObject erc20 = doc.object().value(QLatin1String("erc20")).toObject();
    QCOMPARE(icn::toHex(icn::erc20::transferSelector()), erc20.value(QLatin1String("transfer(address,uint256)")).toString());
    const auto calldata = icn::erc20::transferCalldata(address(QStringLiteral("0x3535353535353535353535353535353535353535")),
                                                       *icn::Amount::parse(u"1.5"));
    QCOMPARE(icn::toHex(*calldata), erc20.value(QLatin1String("example_transfer_1.5_ICNT_to_0x3535..35_calldata")).toString());
    const QJsonObject base = doc.object().value(QLatin1String("icnt")).toObject().value(QLatin1String("base_mainnet")).toObject();
    QCOMPARE(icn::erc20::icntOnBase().toChecksummed(), base.value(QLatin1String("address")).toString());
    QCOMPARE(static_cast<qint64>(icn::erc20::kBaseChainId), base.value(QLatin1String("chain_id")).toInteger());
    QCOMPARE(icn::erc20::kIcntDecimals, base.value(QLatin1String("decimals")).toInt());
}

void TestTransaction::signsAnIcntTransferOnBase()
{
    const Address recipient = address(QStringLiteral("0x3535353535353535353535353535353535353535"));
    const auto tx = icn::erc20::transferTransaction(recipient, *icn::Amount::parse(u"1.5"), baseParams());
    QVERIFY2(tx.ok(), qPrintable(tx.ok() ? QString() : tx.error().toString()));
    QCOMPARE(tx->chainId, quint64(8453));
    QCOMPARE(*tx->to, icn::erc20::icntOnBase());
    QVERIFY(tx->value.isZero());
    QCOMPARE(tx->data.toHex(), QByteArray(kTransferCalldata));
    QCOMPARE(tx->maxFeePerGas.toDecimal(), QStringLiteral("100000000"));
    QCOMPARE(tx->maxPriorityFeePerGas.toDecimal(), QStringLiteral("1000000"));

    const auto signedTx = tx->sign(key(kEip155Key));
    QVERIFY(signedTx.ok());
    QCOMPARE(signedTx->from.toChecksummed(), QString::fromLatin1(kEip155Signer));
    QCOMPARE(tx->sign(key(kEip155Key))->raw, signedTx->raw); // deterministic
    const auto decoded = Eip1559Transaction::decode(signedTx->raw);
    QVERIFY(decoded.ok());
    QCOMPARE(decoded->transaction, *tx);
    // The raw form starts 0x02, then chain id 8453 (0x2105) as the first list item.
    QVERIFY(signedTx->raw.toHex().startsWith("02f8"));
    QVERIFY(signedTx->raw.toHex().mid(6).startsWith("822105"));
}

void TestTransaction::parsesGweiExactly_data()
{
    QTest::addColumn<QString>("gwei");
    QTest::addColumn<QString>("wei");
    QTest::newRow("one gwei") << "1" << "1000000000";
    QTest::newRow("a fraction of a gwei") << "0.000000001" << "1";
    QTest::newRow("a typical Base tip") << "0.0015" << "1500000";
    QTest::newRow("zero") << "0" << "0";
    QTest::newRow("a large cap") << "123456789.123456789" << "123456789123456789";
}

void TestTransaction::parsesGweiExactly()
{
    QFETCH(QString, gwei);
    QFETCH(QString, wei);
    const auto parsed = Eip1559Transaction::parseGwei(gwei, QStringLiteral("max-fee-gwei"));
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->toDecimal(), wei);
    for (const char *bad : {"-1", "1e9", "0.0000000001", "", "1,5", "abc"}) {
        const auto refused = Eip1559Transaction::parseGwei(QString::fromLatin1(bad), QStringLiteral("max-fee-gwei"));
        QVERIFY2(!refused.ok(), bad);
        QVERIFY(refused.error().code.startsWith(QLatin1String("amount.")));
        QCOMPARE(refused.error().field, QStringLiteral("max-fee-gwei"));
    }
}

void TestTransaction::refusesToSignBadTransactions_data()
{
    QTest::addColumn<Eip1559Transaction>("tx");
    QTest::addColumn<QByteArray>("privateKey");
    QTest::addColumn<QString>("code");

    const QByteArray goodKey = QByteArray::fromHex(kEip1559Key);
    Eip1559Transaction chainZero = eip1559Example();
    chainZero.chainId = 0;
    Eip1559Transaction chainHuge = eip1559Example();
    chainHuge.chainId = Eip1559Transaction::kMaxChainId + 1;
    Eip1559Transaction lowGas = eip1559Example();
    lowGas.gasLimit = 20999;
    Eip1559Transaction tipAboveCap = eip1559Example();
    tipAboveCap.maxPriorityFeePerGas = UInt256::fromUInt64(121213);
    Eip1559Transaction nullRecipient = eip1559Example();
    nullRecipient.to = Address();
    Eip1559Transaction shortKey = eip1559Example();
    shortKey.accessList = {{address(QStringLiteral("0x3535353535353535353535353535353535353535")), {QByteArray(31, '\x01')}}};

    QTest::newRow("chain id 0") << chainZero << goodKey << "transaction.bad_chain_id";
    QTest::newRow("a chain id that overflows v") << chainHuge << goodKey << "transaction.bad_chain_id";
    QTest::newRow("a gas limit below 21000") << lowGas << goodKey << "transaction.gas_limit_too_low";
    QTest::newRow("a tip above the fee cap") << tipAboveCap << goodKey << "transaction.priority_fee_above_max_fee";
    QTest::newRow("an empty recipient address") << nullRecipient << goodKey << "transaction.null_recipient";
    QTest::newRow("a 31-byte storage key") << shortKey << goodKey << "transaction.bad_access_list";
    QTest::newRow("a zero private key") << eip1559Example() << QByteArray(32, '\0') << "key.invalid_private_key";
    QTest::newRow("a 31-byte private key") << eip1559Example() << goodKey.left(31) << "key.invalid_private_key";
}

void TestTransaction::refusesToSignBadTransactions()
{
    QFETCH(Eip1559Transaction, tx);
    QFETCH(QByteArray, privateKey);
    QFETCH(QString, code);
    const auto signedTx = tx.sign(SecureBytes(privateKey));
    QVERIFY(!signedTx.ok());
    QCOMPARE(signedTx.error().code, code);
    QVERIFY(!signedTx.error().message.isEmpty());

    // The legacy type applies the common checks the same way.
    if (code == QLatin1String("transaction.bad_chain_id") || code == QLatin1String("transaction.gas_limit_too_low")
        || code == QLatin1String("transaction.null_recipient") || code.startsWith(QLatin1String("key."))) {
        LegacyTransaction legacy = eip155Example();
        legacy.chainId = tx.chainId;
        legacy.gasLimit = tx.gasLimit;
        legacy.to = tx.to;
        QCOMPARE(legacy.sign(SecureBytes(privateKey)).error().code, code);
    }
}

void TestTransaction::refusesBadTransfers()
{
    const Address recipient = address(QStringLiteral("0x3535353535353535353535353535353535353535"));
    QCOMPARE(icn::erc20::transferCalldata(recipient, icn::Amount::fromBaseUnits(-1)).error().code, QStringLiteral("erc20.negative_amount"));
    QCOMPARE(icn::erc20::transferCalldata(Address(), icn::Amount::fromIcnt(1)).error().code, QStringLiteral("erc20.null_recipient"));
    auto params = baseParams();
    QCOMPARE(icn::erc20::transferTransaction(recipient, icn::Amount::fromIcnt(-2), params).error().code, QStringLiteral("erc20.negative_amount"));
    params.chainId = 0;
    QCOMPARE(icn::erc20::transferTransaction(recipient, icn::Amount::fromIcnt(1), params).error().code, QStringLiteral("transaction.bad_chain_id"));
    params = baseParams();
    params.token = Address();
    QCOMPARE(icn::erc20::transferTransaction(recipient, icn::Amount::fromIcnt(1), params).error().code, QStringLiteral("erc20.null_token"));
    params = baseParams();
    params.maxPriorityFeePerGas = UInt256::fromUInt64(1);
    params.maxFeePerGas = UInt256();
    QCOMPARE(icn::erc20::transferTransaction(recipient, icn::Amount::fromIcnt(1), params).error().code,
             QStringLiteral("transaction.priority_fee_above_max_fee"));
}

void TestTransaction::refusesBadRawTransactions_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<bool>("typed");
    QTest::addColumn<QString>("code");

    namespace rlp = icn::rlp;
    const QByteArray legacy = QByteArray::fromHex(kEip155SignedTx);
    const QByteArray typed = QByteArray::fromHex(kEip1559Raw);
    const auto legacyItems = rlp::decode(legacy)->items;
    const auto typedItems = rlp::decode(typed.mid(1))->items;
    auto rebuild = [](const QList<rlp::Item> &items, int index, const QByteArray &encoded) {
        QList<QByteArray> fields;
        for (qsizetype i = 0; i < items.size(); ++i)
            fields << (i == index ? encoded : rlp::encodeBytes(items[i].bytes));
        return fields;
    };
    auto typedWith = [&](int index, const QByteArray &encoded) {
        QList<QByteArray> fields = rebuild(typedItems, index, encoded);
        if (index != 8)
            fields[8] = rlp::encodeList({}); // the access list is a list
        return QByteArray(1, '\x02') + rlp::encodeList(fields);
    };
    const QByteArray n = QByteArray::fromHex("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
    QByteArray highS(32, '\0');
    { // n - s of the legacy example
        const QByteArray s = UInt256::fromBigEndian(legacyItems[8].bytes)->toBigEndian32();
        int borrow = 0;
        for (int i = 31; i >= 0; --i) {
            int v = static_cast<quint8>(n[i]) - static_cast<quint8>(s[i]) - borrow;
            borrow = v < 0 ? 1 : 0;
            highS[i] = static_cast<char>(v + (borrow ? 256 : 0));
        }
    }

    QTest::newRow("an empty legacy transaction") << QByteArray() << false << "rlp.truncated";
    QTest::newRow("a typed transaction read as legacy") << typed << false << "transaction.wrong_type";
    QTest::newRow("a legacy transaction read as type 2") << legacy << true << "transaction.wrong_type";
    QTest::newRow("a legacy transaction cut short") << legacy.left(legacy.size() - 1) << false << "rlp.truncated";
    QTest::newRow("a legacy transaction with a trailing byte") << legacy + QByteArray(1, '\0') << false << "rlp.trailing_bytes";
    QTest::newRow("eight legacy fields") << rlp::encodeList(rebuild(legacyItems, -1, {}).mid(0, 8)) << false << "transaction.malformed";
    QTest::newRow("v = 30") << rlp::encodeList(rebuild(legacyItems, 6, rlp::encodeUInt(quint64(30)))) << false << "transaction.bad_v";
    QTest::newRow("a legacy high s") << rlp::encodeList(rebuild(legacyItems, 8, rlp::encodeBytes(highS))) << false << "signature.high_s";
    QTest::newRow("a 19-byte recipient") << rlp::encodeList(rebuild(legacyItems, 3, rlp::encodeBytes(QByteArray(19, '\x35')))) << false
                                         << "transaction.malformed";
    QTest::newRow("a nonce with a leading zero") << rlp::encodeList(rebuild(legacyItems, 0, rlp::encodeBytes(QByteArray::fromHex("0009"))))
                                                 << false << "rlp.leading_zero";
    QTest::newRow("an r of zero") << rlp::encodeList(rebuild(legacyItems, 7, rlp::encodeBytes({}))) << false << "signature.out_of_range";
    QTest::newRow("only the type byte") << QByteArray(1, '\x02') << true << "rlp.truncated";
    QTest::newRow("a yParity of 2") << typedWith(9, rlp::encodeUInt(quint64(2))) << true << "signature.bad_recovery_id";
    QTest::newRow("an access list that is a string") << typedWith(8, rlp::encodeBytes("x")) << true << "transaction.bad_access_list";
    QTest::newRow("a chain id beyond 64 bits") << typedWith(0, rlp::encodeBytes(QByteArray(9, '\x01'))) << true << "rlp.too_large";
    QTest::newRow("eleven typed fields") << QByteArray(1, '\x02') + rlp::encodeList(rebuild(typedItems, -1, {}).mid(0, 11)) << true
                                         << "transaction.malformed";
}

void TestTransaction::refusesBadRawTransactions()
{
    QFETCH(QByteArray, raw);
    QFETCH(bool, typed);
    QFETCH(QString, code);
    const icn::Error error = typed ? Eip1559Transaction::decode(raw).error() : LegacyTransaction::decode(raw).error();
    QCOMPARE(error.code, code);
    QVERIFY(!error.message.isEmpty());
}

void TestTransaction::mutatedRawTransactionsDecodeOrRefuse()
{
    // Random byte flips, cuts and insertions: decoding either refuses with a typed error or yields a
    // transaction whose re-encoding is exactly the input (one encoding per transaction).
    QRandomGenerator rng(155);
    const QByteArray originals[] = {QByteArray::fromHex(kEip155SignedTx), QByteArray::fromHex(kEip1559Raw)};
    int decoded = 0;
    for (int i = 0; i < 4000; ++i) {
        QByteArray raw = originals[i % 2];
        const int edits = 1 + rng.bounded(3);
        for (int e = 0; e < edits && !raw.isEmpty(); ++e) {
            const auto at = static_cast<qsizetype>(rng.bounded(static_cast<quint32>(raw.size())));
            switch (rng.bounded(3)) {
            case 0: raw[at] = static_cast<char>(rng.bounded(256)); break;
            case 1: raw.remove(at, 1); break;
            default: raw.insert(at, static_cast<char>(rng.bounded(256))); break;
            }
        }
        if (i % 2 == 0) {
            const auto result = LegacyTransaction::decode(raw);
            if (result.ok()) {
                ++decoded;
                QCOMPARE(result->signedTransaction.raw, raw);
            } else {
                QVERIFY(!result.error().code.isEmpty());
            }
        } else {
            const auto result = Eip1559Transaction::decode(raw);
            if (result.ok()) {
                ++decoded;
                QCOMPARE(result->signedTransaction.raw, raw);
            } else {
                QVERIFY(!result.error().code.isEmpty());
            }
        }
    }
    QVERIFY(decoded > 0); // byte changes inside r, s or the values still decode (to another sender)
}

QTEST_GUILESS_MAIN(TestTransaction)
#include "tst_transaction.moc"
