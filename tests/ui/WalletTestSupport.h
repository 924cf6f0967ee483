#pragma once

// Shared by the wallet GUI tests: a wallet service with cheap scrypt, and synchronous helpers
// around its asynchronous operations.

#include "Bip32.h"
#include "Bip39.h"
#include "HdPath.h"
#include "Keystore.h"
#include "Signer.h"
#include "service/WalletService.h"

#include <QTest>

#include <optional>

namespace icn::test {

// scrypt N = 16 keeps each encryption well under a millisecond; the format is unchanged.
inline KeystoreOptions fastKdf()
{
    KeystoreOptions options;
    options.scryptN = 16;
    return options;
}

inline const char *demoMnemonic()
{
    return "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
}

inline QString demoAddress()
{
    return QStringLiteral("0x9858EfFD232B4033E47d90003D41EC34EcaEda94");
}

// The BIP-44 m/44'/60'/0'/0/index key of a mnemonic, through the wallet library.
inline SecureBytes hdKey(const char *mnemonic, quint32 index = 0)
{
    auto seed = Bip39::mnemonicToSeed(SecureBytes(QByteArrayView(mnemonic)));
    auto master = Bip32::ExtendedKey::fromSeed(*seed);
    return master->derive(HdPath::ethereum(0, index))->privateKey();
}

// Runs a service operation that reports through a Callback<T> and waits for its result.
template <typename T, typename Start>
std::optional<Result<T>> waitFor(Start start, int timeoutMs = 20000)
{
    std::optional<Result<T>> out;
    QObject context;
    start(&context, [&out](Result<T> result) { out.emplace(std::move(result)); });
    (void)QTest::qWaitFor([&out] { return out.has_value(); }, timeoutMs); // the caller checks the result
    return out;
}

inline Result<Address> submitAndWait(ui::WalletService &wallet, ui::WalletRequest::Kind kind, const char *password,
                                     const char *mnemonic = nullptr, const QString &label = QStringLiteral("Account"))
{
    ui::WalletRequest request;
    request.kind = kind;
    request.label = label;
    request.password = SecureBytes(QByteArrayView(password));
    if (mnemonic)
        request.mnemonic = SecureBytes(QByteArrayView(mnemonic));
    auto result = waitFor<Address>([&](QObject *context, ui::WalletService::Callback<Address> done) {
        wallet.submit(std::move(request), context, std::move(done));
    });
    if (!result)
        return Error::make(QStringLiteral("test.timeout"), QStringLiteral("the wallet did not answer"));
    return std::move(*result);
}

} // namespace icn::test
