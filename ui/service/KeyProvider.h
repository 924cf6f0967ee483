#pragma once

#include "Address.h"
#include "Result.h"
#include "SecureBytes.h"

namespace icn::ui {

// Turns an account's password into its private key (keystore decryption: scrypt, ~1 s).
// The wallet's WalletService implements it; tests use a fixed table. unlock() is called from a
// worker thread, never the GUI thread, so implementations must be safe to call from there.
// A wrong password is the typed error "keystore.wrong_password".
class KeyProvider
{
public:
    virtual ~KeyProvider() = default;
    virtual Result<SecureBytes> unlock(const Address &account, const SecureBytes &password) = 0;
};

} // namespace icn::ui
