#pragma once

#include "Result.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace icn {

// A BIP-32 derivation path such as "m/44'/60'/0'/0/0": the child indexes below the master key.
// Hardened indexes carry kHardened (2^31) and are written with ' or h ("44h").
class HdPath
{
public:
    static constexpr quint32 kHardened = 0x80000000u;
    static constexpr int kMaxDepth = 255; // the depth byte of a serialized extended key

    HdPath() = default; // "m", the master key itself
    explicit HdPath(QList<quint32> indexes) : m_indexes(std::move(indexes)) {}

    // Parses "m", "m/0", "m/44'/60'/0'/0/7", "m/44h/60h/0h/0/7". Whitespace around the text is
    // ignored. Errors: "hdpath.empty", "hdpath.missing_root" (no leading m), "hdpath.malformed"
    // (an empty or non-numeric step; details carry its 1-based position), "hdpath.index_out_of_range"
    // (a step of 2^31 or more), "hdpath.too_deep" (more than 255 steps).
    static Result<HdPath> parse(QStringView text);

    // The BIP-44 Ethereum path m/44'/60'/account'/0/index (account and index below 2^31).
    static HdPath ethereum(quint32 account, quint32 index);

    const QList<quint32> &indexes() const { return m_indexes; }
    qsizetype depth() const { return m_indexes.size(); }
    static bool isHardened(quint32 index) { return (index & kHardened) != 0; }

    // Canonical text with ' for hardened steps: "m/44'/60'/0'/0/0".
    QString toString() const;

    friend bool operator==(const HdPath &a, const HdPath &b) = default;

private:
    QList<quint32> m_indexes;
};

} // namespace icn
