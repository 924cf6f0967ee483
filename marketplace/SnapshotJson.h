#pragma once

#include "NetworkTypes.h"
#include "Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace icn {

// Network snapshots as JSON files (docs/network-format.md): import, export, and the canonical
// form stored as a mirror's genesis. Amounts are decimal ICNT strings ("3.62"), months "YYYY-MM".
//
// Import is all or nothing: the whole file is checked (syntax, every field's type and range,
// unknown fields, ids and references, protocol rules, conservation) and refused at the first
// problem in document order, with an error whose message starts with "line N:" and whose details
// hold {"line": N, "path": "nodes[3].collateral"}. Error codes: snapshot.too_large,
// snapshot.malformed_json, snapshot.unsupported_format, snapshot.missing_field,
// snapshot.unknown_field, snapshot.bad_field, snapshot.bad_number, snapshot.bad_amount,
// snapshot.bad_month, snapshot.bad_address, snapshot.bad_status, and the SnapshotValidator codes
// (bad_id, duplicate_id, unknown_id, price_above_cap, cluster_too_large, commitment_too_short,
// collateral_too_low, supply_exceeded); file errors snapshot.unreadable / snapshot.unwritable.
class SnapshotJson
{
public:
    static constexpr int kFormatVersion = 1;
    static constexpr qsizetype kMaxFileSize = 512LL * 1024 * 1024;
    static QString formatName() { return QStringLiteral("icn-network"); }

    // Deterministic text: top-level fields and one compact object per line in each list, so
    // error lines point at one region, zone, cluster, provider, node or account.
    static QByteArray toJson(const NetworkSnapshot &snapshot);
    static Result<NetworkSnapshot> fromJson(QByteArrayView json);

    static Result<NetworkSnapshot> readFile(const QString &path);
    // Atomic (QSaveFile): the file is either the complete new snapshot or untouched.
    static Result<void> writeFile(const QString &path, const NetworkSnapshot &snapshot);

    // 1-based line of the value at `section`[`index`].`key` in `json` (the element's line when the
    // key is absent, the section's line when index < 0); 0 when the path is not in the text.
    static int lineOf(QByteArrayView json, const QString &section, qsizetype index = -1, const QString &key = {});
};

} // namespace icn
