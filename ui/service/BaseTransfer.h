#pragma once

#include "Address.h"
#include "Amount.h"
#include "UInt256.h"

namespace icn::ui {

// An ICNT (ERC-20) transfer on Base to be signed offline; the raw transaction is broadcast elsewhere.
struct BaseTransfer
{
    Address from;
    Address to;
    Amount amount;
    quint64 nonce = 0;
    UInt256 maxFeePerGas;         // wei
    UInt256 maxPriorityFeePerGas; // wei
    quint64 gasLimit = 65000;
};

} // namespace icn::ui
