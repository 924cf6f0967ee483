// libFuzzer target for Keystore::parse(), the parser of untrusted keystore files.
// Invariants: parse never crashes or allocates for hostile KDF costs; what it accepts re-serializes
// to JSON that parses to the same keystore; cheap keystores decrypt or fail with a typed error.

#include "FuzzCheck.h"
#include "Keystore.h"

#include <QByteArrayView>

#include <cstddef>
#include <cstdint>

using namespace icn;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    auto keystore = Keystore::parse(input);
    if (!keystore) {
        ICN_FUZZ_CHECK(!keystore.error().code.isEmpty() && !keystore.error().message.isEmpty());
        return 0;
    }
    const QByteArray json = keystore->toJson();
    auto again = Keystore::parse(json);
    ICN_FUZZ_CHECK(again.ok());
    ICN_FUZZ_CHECK(again->toJson() == json);
    ICN_FUZZ_CHECK(again->id() == keystore->id() && again->address() == keystore->address());

    // Only cheap derivations, so that each input stays fast.
    const KeystoreOptions o = keystore->options();
    const bool cheap = o.kdf == KeystoreKdf::Scrypt ? o.scryptN * o.scryptR * o.scryptP <= 4096 : o.pbkdf2Iterations <= 1000;
    if (cheap) {
        auto key = keystore->decrypt(SecureBytes(QByteArrayView("password")));
        ICN_FUZZ_CHECK(key ? key->size() == 32 : !key.error().code.isEmpty());
    }
    return 0;
}
