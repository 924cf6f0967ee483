#pragma once

#include "dialogs/DialogSeams.h"
#include "Result.h"
#include "SecureBytes.h"

#include <QByteArray>
#include <QList>

#include <functional>

namespace icn::ui {

// What the pages of one wallet wizard run share: the secrets gathered so far (held as SecureBytes
// and wiped when the wizard ends) and the seams tests replace (randomness, file dialogs).
class WalletWizardState
{
public:
    // The public BIP-39 test mnemonic; its first BIP-44 account is the demo SP of the local mirror.
    static const char *demoMnemonic();
    static QString demoAddress(); // 0x9858EfFD232B4033E47d90003D41EC34EcaEda94

    WalletWizardState();
    ~WalletWizardState() { clearSecrets(); }

    // A fresh 24-word mnemonic (default: Bip39::generate from the system CSPRNG).
    std::function<Result<SecureBytes>()> generateMnemonic;
    // `count` distinct 0-based word positions below `wordCount` to confirm, in ascending order.
    std::function<QList<int>(int wordCount, int count)> pickPositions;
    DialogSeams seams;
    bool walletHasAccounts = false; // then the password must be the one the wallet already uses

    SecureBytes generatedMnemonic; // the new phrase of the create branch
    SecureBytes importedMnemonic;  // the phrase entered on the import branch, canonical form
    QByteArray keystoreJson;      // the chosen keystore file (public data)
    SecureBytes keystorePassword; // that file's password
    SecureBytes password;         // the new wallet password

    void clearSecrets();
};

} // namespace icn::ui
