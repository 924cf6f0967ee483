#pragma once

#include "SecureBytes.h"

#include <QByteArray>
#include <QString>

namespace icn::ui {

// What the wallet wizard asks for once the user clicks Finish; WalletService::submit() carries it out
// off the GUI thread (key derivation and keystore encryption are slow by design).
struct WalletRequest
{
    enum class Kind {
        Create,         // a new HD wallet from `mnemonic` (just generated and confirmed)
        ImportMnemonic, // an existing HD wallet from `mnemonic`
        ImportKeystore, // one account from a Web3 keystore file, opened with `keystorePassword`
        Demo,           // the public test mnemonic's first account (local mirror only)
    };

    Kind kind = Kind::Create;
    QString label;
    SecureBytes mnemonic;         // Create, ImportMnemonic, Demo
    QByteArray keystoreJson;      // ImportKeystore (public data: the encrypted blob)
    SecureBytes keystorePassword; // ImportKeystore: the file's own password
    SecureBytes password;         // the password that protects the wallet from now on

    void clearSecrets()
    {
        mnemonic.clear();
        keystorePassword.clear();
        password.clear();
    }
};

} // namespace icn::ui
