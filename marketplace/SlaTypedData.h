#pragma once

#include "Address.h"
#include "Result.h"
#include "SecureBytes.h"
#include "Transaction.h"

#include <QByteArray>
#include <QString>

namespace icn {

// EIP-712 messages of the §7 transactions signed by one account, in the bookings' domain
// (docs/protocol-types.md, "SLA transactions"):
//   RegisterOracle(address oracle,uint64 nonce)
//   ClaimCompensation(address sp,uint64 bookingId,uint64 nonce)
// SLA reports themselves are signed per report (SlaReport.h).
class SlaTypedData
{
public:
    static QString registerOracleTypeString();
    static QString claimTypeString();
    static QByteArray registerOracleDigest(const Address &oracle, quint64 nonce);
    static QByteArray claimDigest(const Address &sp, quint64 bookingId, quint64 nonce);
};

// Sign with the acting account's key; "<prefix>.key_mismatch" when the key is not that account's.
Result<RegisterOracleTx> signRegisterOracle(const Address &oracle, quint64 nonce, const SecureBytes &privateKey);
Result<ClaimCompensationTx> signClaimCompensation(const Address &sp, quint64 bookingId, quint64 nonce,
                                                  const SecureBytes &privateKey);

} // namespace icn
