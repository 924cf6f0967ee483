// Fuzzes the parsers of extended keys (xprv/xpub, Base58Check) and derivation paths.
// Invariants: a parsed key serializes back to the same text; a parsed path prints and parses back
// to itself; a parsed key can derive a normal child (or reports an invalid child).
#include "Bip32.h"
#include "FuzzCheck.h"
#include "HdPath.h"

#include <QByteArrayView>
#include <QString>

#include <cstddef>
#include <cstdint>

using icn::HdPath;
using icn::Bip32::ExtendedKey;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1024)
        return 0;
    const QByteArrayView text(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));

    const auto key = ExtendedKey::parse(text);
    if (key.ok()) {
        const QByteArrayView trimmed = text.trimmed();
        if (key->isPrivate()) {
            const auto xprv = key->toXprv();
            ICN_FUZZ_CHECK(xprv.ok() && xprv->view() == trimmed);
        } else {
            ICN_FUZZ_CHECK(key->toXpub().toLatin1() == trimmed);
        }
        ICN_FUZZ_CHECK(key->publicKey().size() == 33);
        const auto child = key->deriveChild(static_cast<quint32>(size));
        ICN_FUZZ_CHECK(child.ok() || child.error().code == QLatin1String("bip32.invalid_child")
                       || child.error().code == QLatin1String("bip32.too_deep"));
    } else {
        ICN_FUZZ_CHECK(key.error().code.startsWith(QLatin1String("bip32.")));
    }

    const auto path = HdPath::parse(QString::fromUtf8(text));
    if (path.ok()) {
        const auto again = HdPath::parse(path->toString());
        ICN_FUZZ_CHECK(again.ok() && *again == *path);
        ICN_FUZZ_CHECK(path->depth() <= HdPath::kMaxDepth);
    } else {
        ICN_FUZZ_CHECK(path.error().code.startsWith(QLatin1String("hdpath.")));
    }
    return 0;
}
