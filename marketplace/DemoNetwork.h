#pragma once

#include "Month.h"
#include "NetworkTypes.h"

namespace icn {

// The network a fresh install starts on (`icnctl init --demo`, the app's first run): 4 regions,
// 10 zones, 30 clusters, 301 HNs, about 75 HPs, prices of 2–4 ICNT per TB-month, PROTOCOL.md's
// seed example (EUW / Frankfurt / FRA-1 with 2 HNs, FRA-2 with 1, FRA-3 with 3), and a funded
// demo SP whose key is public. Built in code, deterministically; `icnctl network export` writes it
// as JSON, which the importer accepts like any other snapshot.
class DemoNetwork
{
public:
    static constexpr quint64 kSeed = 2026;
    // BIP-44 m/44'/60'/0'/0/0 of the public test mnemonic "abandon … about" (11 × abandon + about).
    static QString demoSpAddress() { return QStringLiteral("0x9858EfFD232B4033E47d90003D41EC34EcaEda94"); }
    static QString demoSpLabel() { return QStringLiteral("Demo SP (public test key, local mirror only)"); }
    static Amount demoSpBalance() { return Amount::fromIcnt(250'000); }

    // The network of the current month (2026-11) …
    static constexpr Month kCurrentMonth = Month::fromYearMonth(2026, 11);
    static NetworkSnapshot snapshot() { return snapshot(kCurrentMonth); }
    // … or of another month: `icnctl init --demo` starts 12 months earlier and simulates up to now.
    static NetworkSnapshot snapshot(Month currentMonth);
};

} // namespace icn
