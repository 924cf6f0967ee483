// libFuzzer target for TypedData::fromJson, the EIP-712 parser of untrusted eth_signTypedData_v4 JSON.
// Invariants: parsing never crashes; what parses has 32-byte hashes, and parsing its own JSON form
// again gives the same digest (the encoding is a function of the data alone).

#include "FuzzCheck.h"
#include "TypedData.h"

#include <QByteArrayView>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>

using namespace icn;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    auto typed = TypedData::fromJson(input);
    if (!typed) {
        ICN_FUZZ_CHECK(!typed.error().code.isEmpty());
        return 0;
    }
    ICN_FUZZ_CHECK(typed->digest().size() == 32 && typed->domainSeparator().size() == 32);
    const QJsonObject object = QJsonDocument::fromJson(input.toByteArray()).object();
    auto again = TypedData::fromJson(object);
    ICN_FUZZ_CHECK(again.ok() && again->digest() == typed->digest());
    return 0;
}
