#pragma once

#include "Transaction.h"

#include <QJsonObject>

namespace icn {

class Engine;

// A transaction as readable JSON for people (the activity detail view, tools): {"type", fields…}
// with amounts as decimal ICNT strings, months as YYYY-MM and addresses checksummed. Signatures
// are summarised ("signed": true/false), never printed.
//
// Sealed auctions (PROTOCOL.md §8): when `sealing` is given, a tender bid's price, bond and offered
// TB, and reverse-auction drop-out terms, are replaced by "sealed" while that tender or auction is
// still open in that engine, so no view built on this leaks them before the award or the run.
QJsonObject transactionJson(const Transaction &tx, const Engine *sealing = nullptr);

} // namespace icn
