#pragma once

#include "Transaction.h"

#include <QByteArrayView>

#include <optional>

namespace icn {

class ByteWriter;

// Canonical bytes of the §8 auction transactions (codec tags 30–49, docs/protocol-types.md).
// TxCodec writes the version byte and dispatches here for the tag and the fields.
namespace AuctionCodec {

enum Tag : quint8 {
    PostTender = 30,
    TenderBid = 31,
    TenderWithdraw = 32,
    TenderAward = 33,
    PostAuction = 34,
    SetDropOut = 35,
    RunAuction = 36,
};

bool isAuctionTag(quint8 tag);
void write(ByteWriter &w, const PostTenderTx &t);
void write(ByteWriter &w, const TenderBidTx &t);
void write(ByteWriter &w, const TenderWithdrawTx &t);
void write(ByteWriter &w, const TenderAwardTx &t);
void write(ByteWriter &w, const PostAuctionTx &t);
void write(ByteWriter &w, const SetDropOutTx &t);
void write(ByteWriter &w, const RunAuctionTx &t);
// Decodes the fields after the tag. On malformed input returns nullopt with `failedField` set;
// TxCodec turns that into its "tx.malformed" error and checks trailing bytes and canonical form.
std::optional<Transaction> decode(quint8 tag, QByteArrayView fields, QString &failedField, bool &trailing);

QString typeName(const Transaction &tx); // empty for a non-auction transaction
Address sender(const Transaction &tx);   // null for a non-auction transaction

} // namespace AuctionCodec

} // namespace icn
