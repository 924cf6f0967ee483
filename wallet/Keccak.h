#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace icn {

// Ethereum's Keccak-256 (the original Keccak padding, not FIPS-202 SHA3-256).
QByteArray keccak256(QByteArrayView data);
// The same digest written to out[0..31], without allocating (hot paths such as the engine's hash chain).
void keccak256(QByteArrayView data, unsigned char *out);
// The same without the CPU-specific variant keccak256() may pick (so tests can check both paths).
void keccak256Portable(QByteArrayView data, unsigned char *out);

} // namespace icn
