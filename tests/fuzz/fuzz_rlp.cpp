// libFuzzer target for the strict RLP decoder and the raw-transaction decoders built on it.
// Invariants: decoding never crashes; whatever decodes re-encodes to exactly the input (strictness
// means there is one encoding per value); a decoded transaction's raw bytes are the input.

#include "Eip1559Transaction.h"
#include "FuzzCheck.h"
#include "LegacyTransaction.h"
#include "Rlp.h"

#include <QByteArrayView>

#include <cstddef>
#include <cstdint>

using namespace icn;

namespace {

QByteArray reencode(const rlp::Item &item)
{
    if (!item.isList)
        return rlp::encodeBytes(item.bytes);
    QList<QByteArray> encoded;
    for (const auto &child : item.items)
        encoded.append(reencode(child));
    return rlp::encodeList(encoded);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));

    auto item = rlp::decode(input);
    if (item)
        ICN_FUZZ_CHECK(reencode(*item) == input.toByteArray());
    else
        ICN_FUZZ_CHECK(!item.error().code.isEmpty());

    auto legacy = LegacyTransaction::decode(input);
    if (legacy)
        ICN_FUZZ_CHECK(legacy->signedTransaction.raw == input.toByteArray());
    else
        ICN_FUZZ_CHECK(!legacy.error().code.isEmpty());

    auto typed = Eip1559Transaction::decode(input);
    if (typed) {
        ICN_FUZZ_CHECK(typed->signedTransaction.raw == input.toByteArray());
        auto again = typed->transaction.withSignature(typed->signedTransaction.signature);
        ICN_FUZZ_CHECK(again.ok() && again->raw == input.toByteArray());
    } else {
        ICN_FUZZ_CHECK(!typed.error().code.isEmpty());
    }
    return 0;
}
