#pragma once

#include "Amount.h"
#include "BookingTypes.h"
#include "Month.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace icn {

// Outcome of one applied transaction. The canonical receipt bytes chained into the running state
// hash hold what the transaction and genesis do not determine by themselves (docs/protocol-types.md):
// sequence, amount, booking id, cluster, slices (HN, TB, price), hp cost, margin, closed month.
struct Receipt
{
    quint64 sequence = 0; // 1-based position in the log
    QString type;         // transactionTypeName()
    Amount amount;        // faucet/transfer amount, booking total, or ICNT paid out at month close

    // book
    quint64 bookingId = 0;
    QString clusterId;
    QList<Slice> slices;
    Amount hpCost;
    Amount margin;

    // close_month
    Month closedMonth;
    quint32 bookingsEnded = 0;

    // Other transaction types (§6–8): their outcome in canonical bytes (ByteWriter), chained into the
    // hash when non-empty, and a few readable figures for callers (e.g. "slashed", "reward").
    QByteArray details;
    QList<std::pair<QString, Amount>> figures; // not hashed: derived from `details`

    QByteArray stateHash; // running hash after this transaction (32 bytes)
};

// Canonical bytes of a receipt (without type, stateHash, slice providers and slice costs).
QByteArray encodeReceipt(const Receipt &receipt);

} // namespace icn
