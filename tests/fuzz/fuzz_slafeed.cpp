// Fuzzes the SLA feed importer (untrusted JSON and CSV files) and its JSON line locator: whatever
// is accepted must be valid reports that export and import back unchanged in both formats;
// whatever is refused must carry a "sla_feed.*" code and a line number inside the input.
#include "FuzzCheck.h"
#include "SlaFeed.h"

#include <QByteArrayView>

#include <cstddef>
#include <cstdint>

using icn::SlaFeed;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 20)
        return 0;
    const QByteArrayView input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const int lines = int(input.count('\n')) + 1;
    // Unsigned reports are allowed so that the fuzzer can reach the checks behind the signature.
    icn::SlaFeedOptions options;
    options.requireSignatures = false;

    for (const auto format : {SlaFeed::Format::Json, SlaFeed::Format::Csv}) {
        const auto reports = SlaFeed::parse(input, format, options);
        if (reports.ok()) {
            for (const icn::SlaReport &r : *reports)
                ICN_FUZZ_CHECK(r.validate().ok());
            const auto csv = SlaFeed::parse(SlaFeed::toCsv(*reports), SlaFeed::Format::Csv, options);
            ICN_FUZZ_CHECK(csv.ok() && *csv == *reports);
            const auto json = SlaFeed::parse(SlaFeed::toJson(*reports), SlaFeed::Format::Json, options);
            ICN_FUZZ_CHECK(json.ok() && *json == *reports);
        } else {
            ICN_FUZZ_CHECK(reports.error().code.startsWith(QLatin1String("sla_feed.")));
            const int line = reports.error().details.value(QStringLiteral("line")).toInt();
            ICN_FUZZ_CHECK(line >= 1 && line <= lines);
        }
    }
    // The locator must stay in bounds on anything.
    for (qsizetype index : {qsizetype(-1), qsizetype(0), qsizetype(3)}) {
        const int line = SlaFeed::jsonLineOf(input, index, "epoch");
        ICN_FUZZ_CHECK(line >= 0 && line <= lines);
    }
    return 0;
}
