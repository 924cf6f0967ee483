// Fuzzes the one amount parser: whatever parses must format and parse back to the same value.
#include "Amount.h"
#include "FuzzCheck.h"

#include <QString>

#include <array>
#include <cstddef>
#include <cstdint>

using icn::Amount;
using icn::DecimalFormat;

namespace {

std::array<DecimalFormat, 5> formats()
{
    DecimalFormat plain;
    DecimalFormat grouped;
    grouped.grouping = true;
    grouped.allowNegative = true;
    DecimalFormat german;
    german.decimalPoint = QLatin1Char(',');
    german.groupSeparator = QLatin1Char('.');
    german.grouping = true;
    DecimalFormat french; // narrow no-break space between groups
    french.decimalPoint = QLatin1Char(',');
    french.groupSeparator = QChar(0x202F);
    french.grouping = true;
    french.allowNegative = true;
    DecimalFormat padded;
    padded.allowNegative = true;
    padded.minDecimals = 2;
    return {plain, grouped, german, french, padded};
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 512) // longer text only repeats the same loops
        return 0;
    static const auto kFormats = formats();
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    for (const DecimalFormat &format : kFormats) {
        const auto amount = Amount::parse(text, format);
        if (!amount.ok()) {
            ICN_FUZZ_CHECK(amount.error().code.startsWith(QLatin1String("amount.")));
            ICN_FUZZ_CHECK(!amount.error().message.isEmpty());
            continue;
        }
        ICN_FUZZ_CHECK(format.allowNegative || !amount->isNegative());
        const QString printed = amount->toString(format);
        const auto back = Amount::parse(printed, format);
        ICN_FUZZ_CHECK(back.ok());
        ICN_FUZZ_CHECK(back->baseUnits() == amount->baseUnits());
        ICN_FUZZ_CHECK(back->toString(format) == printed); // formatting is canonical

        const auto stored = Amount::fromStorage(amount->toStorage());
        ICN_FUZZ_CHECK(stored.ok());
        ICN_FUZZ_CHECK(*stored == *amount);
    }
    return 0;
}
