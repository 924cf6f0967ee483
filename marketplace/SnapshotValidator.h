#pragma once

#include "NetworkTypes.h"
#include "Result.h"

#include <QList>
#include <QString>

namespace icn {

// One problem of a network snapshot, with where it is: `section` ("nodes"), the element's
// `index` in that list (−1 for the section or a top-level field) and the element's `key`
// ("collateral", empty for the whole element). SnapshotJson turns the place into a line number.
struct SnapshotProblem
{
    QString code; // "snapshot.*"
    QString message;
    QString section;
    qsizetype index = -1;
    QString key;

    QString path() const; // "nodes[3].collateral", "params.maxHnsPerCluster", "accounts"
    Error toError(int line = 0) const;
};

// The semantic rules a snapshot must meet before it can be the genesis of a mirror
// (PROTOCOL.md §2, §6, §9; docs/network-format.md lists them with their codes).
class SnapshotValidator
{
public:
    static constexpr int kMaxIdLength = 64;

    // The first problem of each section, in section order (params, regions, zones, clusters,
    // providers, nodes, accounts), then conservation; empty when the snapshot is valid.
    // Stops a section at its first problem, so later sections may show consequences of it.
    static QList<SnapshotProblem> problems(const NetworkSnapshot &snapshot);
    // The first of problems(), as an Error (no line number), or success.
    static Result<void> validate(const NetworkSnapshot &snapshot);

    // Letters, digits, '.', '_' and '-', 1–64 characters.
    static bool isValidId(const QString &id);
};

} // namespace icn
