#pragma once

#include "Int128.h"

#include <QtGlobal>

namespace icn {

// The simulator's random numbers: xoshiro256** seeded through SplitMix64, with integer-only
// draws whose results are fixed by the algorithm alone (the standard library's distributions are
// implementation-defined, so the simulator never uses them). Same seed, same sequence, everywhere.
class SimRandom
{
public:
    explicit SimRandom(quint64 seed)
    {
        quint64 x = seed;
        for (quint64 &word : m_s)
            word = splitMix(x);
    }

    quint64 next()
    {
        const quint64 result = rotl(m_s[1] * 5, 7) * 9;
        const quint64 t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }

    // Uniform in [0, bound), bound > 0, without modulo bias (multiply-shift with rejection).
    quint64 below(quint64 bound)
    {
        Q_ASSERT(bound > 0);
        UInt128 m = static_cast<UInt128>(next()) * bound;
        auto low = static_cast<quint64>(m);
        if (low < bound) {
            const quint64 threshold = (0 - bound) % bound;
            while (low < threshold) {
                m = static_cast<UInt128>(next()) * bound;
                low = static_cast<quint64>(m);
            }
        }
        return static_cast<quint64>(m >> 64);
    }
    // Uniform in [lo, hi], lo ≤ hi.
    qint64 between(qint64 lo, qint64 hi) { return lo + static_cast<qint64>(below(static_cast<quint64>(hi - lo) + 1)); }
    // True with probability ppm / 10^6.
    bool chance(qint64 ppm) { return ppm > 0 && static_cast<qint64>(below(1'000'000)) < ppm; }
    // A child stream: independent of how many draws this one makes afterwards.
    SimRandom fork(quint64 salt) { return SimRandom(next() ^ (salt * 0x9E3779B97F4A7C15ULL)); }

private:
    static quint64 rotl(quint64 x, int k) { return (x << k) | (x >> (64 - k)); }
    static quint64 splitMix(quint64 &x)
    {
        quint64 z = (x += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    quint64 m_s[4] = {};
};

} // namespace icn
