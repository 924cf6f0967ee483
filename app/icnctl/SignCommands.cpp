#include "Cli.h"

#include "Address.h"
#include "Amount.h"
#include "Eip1559Transaction.h"
#include "Erc20.h"
#include "Hex.h"
#include "Keystore.h"
#include "Signature.h"
#include "Signer.h"
#include "TypedData.h"

#include <QFile>
#include <QJsonObject>

#include <utility>

namespace icn::cli {

namespace {

// The file named by --`option`, read up to one byte past `maxSize` so the parser can refuse it as too large.
Result<QByteArray> readFile(const Context &c, const QString &option, qsizetype maxSize)
{
    auto path = c.require(option);
    if (!path)
        return path.error();
    QFile file(*path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(QStringLiteral("cli.unreadable_file"), QStringLiteral("cannot read %1: %2").arg(*path, file.errorString()),
                           option);
    return file.read(maxSize + 1);
}

// Error `error` reported against the command-line option that supplied the value.
Error forOption(Error error, const QString &option)
{
    error.field = option;
    return error;
}

// The private key in --keystore, decrypted with the password in --password-file.
Result<SecureBytes> unlockKeystore(const Context &c)
{
    auto json = readFile(c, QStringLiteral("keystore"), Keystore::kMaxJsonSize);
    if (!json)
        return json.error();
    auto keystore = Keystore::parse(*json);
    if (!keystore)
        return keystore.error();
    auto password = c.readSecretFile(QStringLiteral("password-file"));
    if (!password)
        return password.error();
    return keystore->decrypt(*password);
}

Result<TypedData> readTypedData(const Context &c)
{
    auto json = readFile(c, QStringLiteral("data"), TypedData::kMaxJsonSize);
    if (!json)
        return json.error();
    return TypedData::fromJson(*json);
}

int signTypedData(Context &c)
{
    // Check the data before the slow key derivation.
    auto data = readTypedData(c);
    if (!data)
        return c.fail(data.error());
    auto privateKey = unlockKeystore(c);
    if (!privateKey)
        return c.fail(privateKey.error());
    auto signature = signer::signDigest(*privateKey, data->digest());
    if (!signature)
        return c.fail(signature.error());
    auto signerAddress = signer::recoverAddress(data->digest(), *signature);
    if (!signerAddress)
        return c.fail(signerAddress.error());
    const QString rsv = toHex(signature->toRsv());
    const QString address = signerAddress->toChecksummed();
    return c.succeed({{QStringLiteral("signature"), rsv},
                      {QStringLiteral("signer"), address},
                      {QStringLiteral("digest"), toHex(data->digest())},
                      {QStringLiteral("primaryType"), data->primaryType()}},
                     QStringLiteral("signature: %1\nsigner: %2").arg(rsv, address));
}

int verifyTypedData(Context &c)
{
    auto data = readTypedData(c);
    if (!data)
        return c.fail(data.error());
    auto signatureText = c.require(QStringLiteral("signature"));
    if (!signatureText)
        return c.fail(signatureText.error());
    auto bytes = fromHex(*signatureText, -1, QStringLiteral("signature"));
    if (!bytes)
        return c.fail(bytes.error());
    auto signature = Signature::fromRsv(*bytes);
    if (!signature)
        return c.fail(signature.error());
    auto signerAddress = signer::recoverAddress(data->digest(), *signature);
    if (!signerAddress)
        return c.fail(signerAddress.error());
    if (c.args().has(QStringLiteral("signer"))) {
        auto expected = Address::parse(c.args().value(QStringLiteral("signer")));
        if (!expected)
            return c.fail(forOption(expected.error(), QStringLiteral("signer")));
        if (*expected != *signerAddress)
            return c.fail(Error::make(QStringLiteral("signature.signer_mismatch"),
                                      QStringLiteral("the data was signed by %1, not %2")
                                          .arg(signerAddress->toChecksummed(), expected->toChecksummed()),
                                      QStringLiteral("signer"),
                                      {{QStringLiteral("expected"), expected->toChecksummed()},
                                       {QStringLiteral("actual"), signerAddress->toChecksummed()}}));
    }
    const QString address = signerAddress->toChecksummed();
    return c.succeed({{QStringLiteral("signer"), address}, {QStringLiteral("digest"), toHex(data->digest())}},
                     QStringLiteral("signer: %1").arg(address));
}

// The transfer described by the options, validated, before any key is touched.
Result<Eip1559Transaction> transferFromOptions(const Context &c, Address &recipient, Amount &amount)
{
    auto to = c.require(QStringLiteral("to"));
    if (!to)
        return to.error();
    auto parsedTo = Address::parse(*to);
    if (!parsedTo)
        return forOption(parsedTo.error(), QStringLiteral("to"));
    recipient = *parsedTo;

    auto amountText = c.require(QStringLiteral("amount"));
    if (!amountText)
        return amountText.error();
    auto parsedAmount = Amount::parse(*amountText);
    if (!parsedAmount)
        return forOption(parsedAmount.error(), QStringLiteral("amount"));
    amount = *parsedAmount;

    erc20::TransferParams params;
    if (c.args().has(QStringLiteral("chain-id"))) {
        auto chainId = c.requireInt(QStringLiteral("chain-id"));
        if (!chainId)
            return chainId.error();
        params.chainId = static_cast<quint64>(*chainId);
    }
    // Checked here too, so that chain id 0 is reported as such rather than as an unknown token.
    if (params.chainId == 0 || params.chainId > Eip1559Transaction::kMaxChainId)
        return Error::make(QStringLiteral("transaction.bad_chain_id"),
                           QStringLiteral("the chain id must be between 1 and %1").arg(Eip1559Transaction::kMaxChainId),
                           QStringLiteral("chain-id"));
    if (c.args().has(QStringLiteral("token"))) {
        auto token = Address::parse(c.args().value(QStringLiteral("token")));
        if (!token)
            return forOption(token.error(), QStringLiteral("token"));
        params.token = *token;
    } else if (auto known = erc20::icntTokenFor(params.chainId)) {
        params.token = *known;
    } else {
        return Error::make(QStringLiteral("cli.missing_option"),
                           QStringLiteral("ICNT's contract on chain %1 is not known; give it with --token").arg(params.chainId),
                           QStringLiteral("token"));
    }
    auto nonce = c.requireInt(QStringLiteral("nonce"));
    if (!nonce)
        return nonce.error();
    params.nonce = static_cast<quint64>(*nonce);
    auto gasLimit = c.requireInt(QStringLiteral("gas-limit"));
    if (!gasLimit)
        return gasLimit.error();
    params.gasLimit = static_cast<quint64>(*gasLimit);
    for (const auto &[option, target] : {std::pair{QStringLiteral("max-fee-gwei"), &params.maxFeePerGas},
                                         std::pair{QStringLiteral("priority-fee-gwei"), &params.maxPriorityFeePerGas}}) {
        auto text = c.require(option);
        if (!text)
            return text.error();
        auto wei = Eip1559Transaction::parseGwei(*text, option);
        if (!wei)
            return wei.error();
        *target = *wei;
    }
    return erc20::transferTransaction(recipient, amount, params);
}

int signTransfer(Context &c)
{
    Address recipient;
    Amount amount;
    auto tx = transferFromOptions(c, recipient, amount);
    if (!tx)
        return c.fail(tx.error());
    auto privateKey = unlockKeystore(c);
    if (!privateKey)
        return c.fail(privateKey.error());
    auto signedTx = tx->sign(*privateKey);
    if (!signedTx)
        return c.fail(signedTx.error());
    const QString raw = toHex(signedTx->raw);
    const QString hash = toHex(signedTx->hash);
    const QString from = signedTx->from.toChecksummed();
    return c.succeed({{QStringLiteral("raw"), raw},
                      {QStringLiteral("hash"), hash},
                      {QStringLiteral("from"), from},
                      {QStringLiteral("to"), recipient.toChecksummed()},
                      {QStringLiteral("token"), tx->to->toChecksummed()},
                      {QStringLiteral("amount"), amount.toString()},
                      {QStringLiteral("amountBaseUnits"), amount.toStorage()},
                      {QStringLiteral("chainId"), QString::number(tx->chainId)},
                      {QStringLiteral("nonce"), QString::number(tx->nonce)},
                      {QStringLiteral("gasLimit"), QString::number(tx->gasLimit)},
                      {QStringLiteral("maxFeePerGas"), tx->maxFeePerGas.toDecimal()},
                      {QStringLiteral("maxPriorityFeePerGas"), tx->maxPriorityFeePerGas.toDecimal()}},
                     QStringLiteral("raw: %1\nhash: %2\nfrom: %3").arg(raw, hash, from));
}

} // namespace

void registerSignCommands(Registry &registry)
{
    registry.add({{QStringLiteral("sign"), QStringLiteral("typed-data")},
                  QStringLiteral("--keystore F --password-file F --data FILE"),
                  QStringLiteral("Signs EIP-712 typed data (eth_signTypedData_v4 JSON) and prints the 65-byte signature and the signer."),
                  {},
                  signTypedData});
    registry.add({{QStringLiteral("verify"), QStringLiteral("typed-data")},
                  QStringLiteral("--data FILE --signature HEX [--signer ADDR]"),
                  QStringLiteral("Recovers and prints the address that signed EIP-712 typed data; with --signer, refuses any other."),
                  {},
                  verifyTypedData});
    registry.add({{QStringLiteral("sign"), QStringLiteral("transfer")},
                  QStringLiteral("--keystore F --password-file F --to ADDR --amount ICNT --nonce N --max-fee-gwei X "
                                 "--priority-fee-gwei X --gas-limit N [--chain-id N] [--token ADDR]"),
                  QStringLiteral("Signs an ICNT transfer as an EIP-1559 transaction (default: Base, chain 8453) and prints "
                                 "the raw transaction and its hash."),
                  {},
                  signTransfer});
}

} // namespace icn::cli
