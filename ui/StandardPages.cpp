#include "StandardPages.h"

#include "PageRegistry.h"
#include "pages/ActivityPage.h"
#include "pages/BookingsPage.h"
#include "pages/MarketplacePage.h"
#include "pages/PlaceholderPage.h"
#include "pages/WalletPage.h"

#include <QCoreApplication>

namespace icn::ui {

namespace {

QIcon icon(const char *name)
{
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name)));
}

} // namespace

// One add() per page, in sidebar order (Ctrl+1, Ctrl+2, …). A new page (Provider, Auctions,
// Analytics) is one more add() below; a page that needs another service reads it from AppServices.
void registerStandardPages(PageRegistry &registry)
{
    registry.add({QStringLiteral("marketplace"), QCoreApplication::translate("StandardPages", "Marketplace"), icon("marketplace"),
                  [](const AppServices &s, QWidget *parent) -> QWidget * { return new MarketplacePage(s.market, s.keys, parent); }});
    // --- bookings page (bookings and activity helper) ---
    registry.add({QStringLiteral("bookings"), QCoreApplication::translate("StandardPages", "Bookings"), icon("bookings"),
                  [](const AppServices &s, QWidget *parent) -> QWidget * { return new BookingsPage(s.market, parent); }});
    // --- wallet page (wallet helper) ---
    registry.add({QStringLiteral("wallet"), QCoreApplication::translate("StandardPages", "Wallet"), icon("wallet"),
                  [](const AppServices &s, QWidget *parent) -> QWidget * {
                      if (!s.wallet)
                          return new PlaceholderPage(QCoreApplication::translate("StandardPages", "Wallet"),
                                                     QCoreApplication::translate("StandardPages", "No wallet is open in this session (in-memory demo network)."),
                                                     parent);
                      return new WalletPage(s.wallet, parent);
                  }});
    // --- activity page (bookings and activity helper) ---
    registry.add({QStringLiteral("activity"), QCoreApplication::translate("StandardPages", "Activity"), icon("activity"),
                  [](const AppServices &s, QWidget *parent) -> QWidget * { return new ActivityPage(s.market, parent); }});
    // --- later: provider, auctions, analytics ---
}

} // namespace icn::ui
