#pragma once

#include "Address.h"
#include "Signature.h"

#include <QByteArray>

namespace icn {

// What signing (or decoding) a transaction yields: the bytes to broadcast with
// eth_sendRawTransaction, the transaction hash block explorers show, and who signed it.
struct SignedTransaction
{
    QByteArray raw;         // legacy: the RLP list; typed: type byte || RLP list
    QByteArray hash;        // keccak256(raw), 32 bytes
    QByteArray signingHash; // the digest that was signed, 32 bytes
    Signature signature;
    Address from;           // recovered from the signature, so it always matches `raw`
};

// A transaction read back from its raw bytes: its fields plus the signed envelope.
template <typename Transaction>
struct DecodedTransaction
{
    Transaction transaction;
    SignedTransaction signedTransaction;
};

} // namespace icn
