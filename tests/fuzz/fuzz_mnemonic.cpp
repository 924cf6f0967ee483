// Fuzzes BIP-39 mnemonic parsing. Input: mnemonic text, optionally followed by a NUL byte and a
// passphrase. Invariants: validate/toEntropy/canonical agree; a valid phrase is exactly the phrase
// of its entropy; its seed does not depend on spacing or case.
#include "Bip39.h"
#include "FuzzCheck.h"

#include <QByteArrayView>
#include <QString>

#include <cstddef>
#include <cstdint>

using icn::Bip39;
using icn::SecureBytes;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 2048)
        return 0;
    const QByteArrayView all(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const qsizetype nul = all.indexOf('\0');
    const SecureBytes mnemonic(nul < 0 ? all : all.first(nul));
    const SecureBytes passphrase(nul < 0 ? QByteArrayView() : all.sliced(nul + 1));

    const auto valid = Bip39::validate(mnemonic);
    const auto entropy = Bip39::toEntropy(mnemonic);
    const auto canonical = Bip39::canonical(mnemonic);
    ICN_FUZZ_CHECK(valid.ok() == entropy.ok());
    ICN_FUZZ_CHECK(valid.ok() == canonical.ok());
    if (!valid.ok()) {
        const QString &code = valid.error().code;
        ICN_FUZZ_CHECK(code == QLatin1String("bip39.empty") || code == QLatin1String("bip39.wrong_word_count")
                       || code == QLatin1String("bip39.unknown_word") || code == QLatin1String("bip39.bad_checksum"));
        ICN_FUZZ_CHECK(entropy.error().code == code && canonical.error().code == code);
        ICN_FUZZ_CHECK(valid.error().field == QLatin1String("mnemonic"));
        return 0;
    }

    ICN_FUZZ_CHECK(entropy->size() >= 16 && entropy->size() <= 32 && entropy->size() % 4 == 0);
    const auto rebuilt = Bip39::fromEntropy(*entropy);
    ICN_FUZZ_CHECK(rebuilt.ok());
    ICN_FUZZ_CHECK(*rebuilt == *canonical);
    ICN_FUZZ_CHECK(Bip39::validate(*canonical).ok());

    const auto seed = Bip39::mnemonicToSeed(mnemonic, passphrase);
    ICN_FUZZ_CHECK(seed.ok());
    ICN_FUZZ_CHECK(seed->size() == 64);
    const auto canonicalSeed = Bip39::mnemonicToSeed(*canonical, passphrase);
    ICN_FUZZ_CHECK(canonicalSeed.ok() && *canonicalSeed == *seed);
    return 0;
}
