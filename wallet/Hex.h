#pragma once

#include "Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

namespace icn {

// Lower-case hex, with "0x" in front when `prefix` is set.
QString toHex(QByteArrayView bytes, bool prefix = true);

// Strict hex: optional "0x"/"0X", an even number of hex digits, nothing else.
// With expectedSize ≥ 0 the decoded length must match it.
Result<QByteArray> fromHex(QStringView text, qsizetype expectedSize = -1, const QString &field = {});

} // namespace icn
