#pragma once

#include "Address.h"

#include <QString>

namespace icn::ui {

// One account of the local wallet as views show it: public data only.
struct WalletAccount
{
    Address address;
    QString label;
    QString hdPath;              // "m/44'/60'/0'/0/3" for accounts derived from the recovery phrase
    bool isPublicTestKey = false; // the demo account: its key is public, local mirror only

    bool isDerived() const { return !hdPath.isEmpty(); }
    friend bool operator==(const WalletAccount &a, const WalletAccount &b) = default;
};

} // namespace icn::ui
