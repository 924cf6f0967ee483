// Fuzzes the network snapshot importer (untrusted JSON files) and its line locator: whatever is
// accepted must be a valid genesis that exports and imports back to the same snapshot; whatever is
// refused must carry a "snapshot.*" code and a sane line number.
#include "FuzzCheck.h"
#include "SnapshotJson.h"
#include "SnapshotValidator.h"

#include <QByteArrayView>

#include <cstddef>
#include <cstdint>

using icn::SnapshotJson;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 20)
        return 0;
    const QByteArrayView input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const int lines = int(input.count('\n')) + 1;

    const auto snapshot = SnapshotJson::fromJson(input);
    if (snapshot.ok()) {
        ICN_FUZZ_CHECK(icn::SnapshotValidator::validate(*snapshot).ok());
        const QByteArray text = SnapshotJson::toJson(*snapshot);
        const auto back = SnapshotJson::fromJson(text);
        ICN_FUZZ_CHECK(back.ok());
        ICN_FUZZ_CHECK(*back == *snapshot);
        ICN_FUZZ_CHECK(SnapshotJson::toJson(*back) == text);
    } else {
        ICN_FUZZ_CHECK(snapshot.error().code.startsWith(QLatin1String("snapshot.")));
        const int line = snapshot.error().details.value(QStringLiteral("line")).toInt();
        ICN_FUZZ_CHECK(line >= 0 && line <= lines);
    }

    // The locator runs on text QJsonDocument accepted, but must stay in bounds on anything.
    for (const char *section : {"nodes", "params", "accounts"}) {
        const int line = SnapshotJson::lineOf(input, QLatin1String(section), 1, QStringLiteral("id"));
        ICN_FUZZ_CHECK(line >= 0 && line <= lines);
    }
    return 0;
}
