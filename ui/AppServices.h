#pragma once

namespace icn::ui {

class MarketService;
class KeyProvider;
class WalletService;

// What the shell hands every page factory: the services main() composed. Pointers stay valid for
// the life of the window. Add a member here when a page needs a new service.
struct AppServices
{
    MarketService *market = nullptr;
    KeyProvider *keys = nullptr;      // the wallet's unlock (WalletService implements KeyProvider)
    WalletService *wallet = nullptr;  // may be null (demo without a wallet)
};

} // namespace icn::ui
