#pragma once

#include "NodeTransactions.h"
#include "Result.h"
#include "SecureBytes.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace icn {

// The EIP-712 typed data that Hardware Providers sign for the §6 transactions, over the booking
// domain (BookingTypedData::domainSeparator(): "ICN Desk Local Mirror", version "1", chainId 8453):
//   RegisterNode(address provider,string nodeId,string clusterId,uint64 capacityTb,
//                uint256 reservationPrice,uint256 deposit,uint32 maxDurationMonths,
//                uint32 maxLeadMonths,uint32 commitmentMonths,uint64 nonce)
//   SetReservationPrice(address provider,string nodeId,uint256 price,uint64 nonce)
//   DepositCollateral(address provider,string nodeId,uint256 amount,uint64 nonce)
//   WithdrawCollateral(address provider,string nodeId,uint256 amount,uint64 nonce)
//   ExtendCommitment(address provider,string nodeId,uint32 months,uint64 nonce)
//   OffboardNode(address provider,string nodeId,uint64 nonce)
// `unsignedLocal` and `signature` are not signed. The JSON is the eth_signTypedData_v4 form
// (uint64 and uint256 as decimal strings) and gives the same digest.
class NodeTypedData
{
public:
    static QString typeString(const RegisterNodeTx &);
    static QString typeString(const SetReservationPriceTx &);
    static QString typeString(const DepositCollateralTx &);
    static QString typeString(const WithdrawCollateralTx &);
    static QString typeString(const ExtendCommitmentTx &);
    static QString typeString(const OffboardNodeTx &);

    static QByteArray digest(const RegisterNodeTx &tx);
    static QByteArray digest(const SetReservationPriceTx &tx);
    static QByteArray digest(const DepositCollateralTx &tx);
    static QByteArray digest(const WithdrawCollateralTx &tx);
    static QByteArray digest(const ExtendCommitmentTx &tx);
    static QByteArray digest(const OffboardNodeTx &tx);

    static QJsonObject json(const RegisterNodeTx &tx);
    static QJsonObject json(const SetReservationPriceTx &tx);
    static QJsonObject json(const DepositCollateralTx &tx);
    static QJsonObject json(const WithdrawCollateralTx &tx);
    static QJsonObject json(const ExtendCommitmentTx &tx);
    static QJsonObject json(const OffboardNodeTx &tx);
};

// Signs a §6 transaction with the provider's key: sets `signature`, clears `unsignedLocal`.
// "hn.key_mismatch" when the key is not the provider's.
template <typename T>
Result<T> signNodeTransaction(T tx, const SecureBytes &privateKey);

extern template Result<RegisterNodeTx> signNodeTransaction(RegisterNodeTx, const SecureBytes &);
extern template Result<SetReservationPriceTx> signNodeTransaction(SetReservationPriceTx, const SecureBytes &);
extern template Result<DepositCollateralTx> signNodeTransaction(DepositCollateralTx, const SecureBytes &);
extern template Result<WithdrawCollateralTx> signNodeTransaction(WithdrawCollateralTx, const SecureBytes &);
extern template Result<ExtendCommitmentTx> signNodeTransaction(ExtendCommitmentTx, const SecureBytes &);
extern template Result<OffboardNodeTx> signNodeTransaction(OffboardNodeTx, const SecureBytes &);

} // namespace icn
