#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace icn {

// Ethereum's Keccak-256 (the original Keccak padding, not FIPS-202 SHA3-256).
QByteArray keccak256(QByteArrayView data);

} // namespace icn
