#pragma once

#include "NetworkTypes.h"
#include "Receipt.h"
#include "Transaction.h"

#include <QByteArray>

namespace icn {

class ByteWriter;

// The canonical bytes behind the hashes (docs/protocol-types.md): transactions and receipts
// (declared in Transaction.h and Receipt.h) and the genesis snapshot.
class TxCodec
{
public:
    static constexpr quint8 kFormatVersion = 1;
    enum Tag : quint8 {
        Faucet = 1,
        Transfer = 2,
        Book = 3,
        CloseMonth = 4,
        // §6 hardware nodes (10–19)
        RegisterNode = 10,
        SetReservationPrice = 11,
        DepositCollateral = 12,
        WithdrawCollateral = 13,
        ExtendCommitment = 14,
        OffboardNode = 15,
        // §7 SLA (tags 20–29)
        RegisterOracle = 20,
        SlaReports = 21,
        SlaBatch = 24,
        CloseEpoch = 22,
        ClaimCompensation = 23,
    };

    // Appends the encoding to `out` (the engine reuses one buffer per transaction).
    static void appendTransaction(QByteArray &out, const Transaction &tx);
    static void appendReceipt(QByteArray &out, const Receipt &receipt);
    // The same bytes written to a writer (the engine's hash chain encodes into one reused writer).
    static void writeTransaction(ByteWriter &w, const Transaction &tx);
    static void writeReceipt(ByteWriter &w, const Receipt &receipt);
    // The snapshot with every list sorted by id (accounts and providers by address), so two
    // snapshots that differ only in list order have the same genesis hash.
    static QByteArray canonicalSnapshot(const NetworkSnapshot &snapshot);
};

} // namespace icn
