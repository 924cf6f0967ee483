#pragma once

#include "Result.h"
#include "SecureBytes.h"
#include "Transaction.h"

#include <QByteArray>
#include <QJsonObject>

namespace icn {

// EIP-712 typed data of the §8 auction transactions, over the domain of bookings
// (BookingTypedData: "ICN Desk Local Mirror", version "1", chainId 8453). Months are strings
// "YYYY-MM", epochs (day numbers) uint64, amounts uint256 base units, ppm and TB unsigned integers:
//   PostTender(address sp,string scope,uint64 sizeTb,string startMonth,uint32 months,uint256 maxPrice,
//              uint32 minReliabilityPpm,uint64 bidDeadlineEpoch,bool partialFill,uint64 nonce)
//   TenderBid(address bidder,uint64 tenderId,string nodeId,uint64 offeredTb,uint256 price,uint256 bond,uint64 nonce)
//   TenderWithdraw(address bidder,uint64 tenderId,string nodeId,uint64 nonce)
//   TenderAward(address caller,uint64 tenderId,uint64 nonce)
//   PostReverseAuction(address sp,string scope,uint64 sizeTb,string startMonth,uint32 months,
//              uint256 ceilingPrice,uint64 decrementPpm,uint256 floorPrice,uint32 minReliabilityPpm,
//              uint64 clockEpoch,uint64 nonce)
//   SetDropOut(address bidder,uint64 auctionId,string nodeId,uint256 dropOutPrice,uint64 capacityTb,uint256 bond,uint64 nonce)
//   RunReverseAuction(address caller,uint64 auctionId,uint64 nonce)
// The digest and the wallet JSON are built from one field list, so they always agree.
namespace AuctionTypedData {

QString typeString(const Transaction &tx);      // empty for a non-auction transaction
QByteArray digest(const Transaction &tx);       // keccak256(0x19 0x01 || domain || structHash)
QJsonObject typedDataJson(const Transaction &tx); // eth_signTypedData_v4 form

} // namespace AuctionTypedData

// Fills the signature of an auction transaction (clears unsignedLocal). "<prefix>.key_mismatch"
// when the key is not the acting account's ("tender" or "auction" prefix).
Result<Transaction> signAuctionTx(Transaction tx, const SecureBytes &privateKey);

} // namespace icn
