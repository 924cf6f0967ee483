#pragma once

#include "NetworkTypes.h"
#include "Result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace icn {

// A compact binary form of a snapshot (QDataStream, versioned), stored next to the canonical JSON
// genesis so that opening a 100,000-HN mirror does not parse 30 MB of JSON. Only ever read back
// from our own database; `check` compares it with the JSON. Errors "store.bad_genesis".
class SnapshotBinary
{
public:
    static constexpr quint32 kMagic = 0x49434E53; // "ICNS"
    static constexpr quint32 kVersion = 1;

    static QByteArray encode(const NetworkSnapshot &snapshot);
    static Result<NetworkSnapshot> decode(QByteArrayView bytes);
};

} // namespace icn
