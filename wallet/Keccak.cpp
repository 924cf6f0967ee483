#include "Keccak.h"

#include <QtEndian>

#include <array>
#include <bit>
#include <cstring>

namespace icn {

// Keccak-f[1600] written from the Keccak reference (FIPS 202 §3.2 step mappings, original
// Keccak padding). Why not QCryptographicHash::Keccak_256: the engine hashes every transaction
// (two permutations each) and this one needs about 20 % less CPU with BMI (measured in
// tests/bench/bench_engine.cpp and docs/protocol-types.md), allocates nothing, and can write the
// digest in place. tests/wallet/tst_keccak.cpp cross-checks it against Qt on every length.
namespace {

constexpr int kRounds = 24;
constexpr size_t kRateBytes = 136; // 1600 − 2 × 256 bits of capacity
constexpr size_t kRateLanes = kRateBytes / 8;

// Round constants from the spec's LFSR x^8 + x^6 + x^5 + x^4 + 1: bit 2^j − 1 of RC[i] is rc(j + 7i).
constexpr std::array<quint64, kRounds> makeRoundConstants()
{
    std::array<quint64, kRounds> out{};
    quint32 lfsr = 1;
    for (int i = 0; i < kRounds; ++i) {
        for (int j = 0; j < 7; ++j) {
            if (lfsr & 1)
                out[static_cast<size_t>(i)] |= quint64(1) << ((1 << j) - 1);
            lfsr = (lfsr & 0x80) ? ((lfsr << 1) ^ 0x171) & 0xff : (lfsr << 1); // 0x171: x^8+x^6+x^5+x^4+1
        }
    }
    return out;
}
constexpr std::array<quint64, kRounds> kRoundConstants = makeRoundConstants();
static_assert(kRoundConstants[0] == 0x0000000000000001ULL && kRoundConstants[1] == 0x0000000000008082ULL
              && kRoundConstants[23] == 0x8000000080008008ULL);

// Lane (x, y) is a[x + 5y]. One round reads one array and writes the other, a row of five output
// lanes at a time, so few values are live at once (25 lanes in registers would spill on x86-64);
// rotation offsets and the pi permutation are constants of the written-out round.
[[gnu::always_inline]] inline void twoRounds(quint64 *a, quint64 *e, quint64 rc0, quint64 rc1)
{
    {
        const quint64 c0 = a[0] ^ a[5] ^ a[10] ^ a[15] ^ a[20];
        const quint64 c1 = a[1] ^ a[6] ^ a[11] ^ a[16] ^ a[21];
        const quint64 c2 = a[2] ^ a[7] ^ a[12] ^ a[17] ^ a[22];
        const quint64 c3 = a[3] ^ a[8] ^ a[13] ^ a[18] ^ a[23];
        const quint64 c4 = a[4] ^ a[9] ^ a[14] ^ a[19] ^ a[24];
        const quint64 d0 = c4 ^ std::rotl(c1, 1);
        const quint64 d1 = c0 ^ std::rotl(c2, 1);
        const quint64 d2 = c1 ^ std::rotl(c3, 1);
        const quint64 d3 = c2 ^ std::rotl(c4, 1);
        const quint64 d4 = c3 ^ std::rotl(c0, 1);
        {
            const quint64 b0 = a[0] ^ d0;
            const quint64 b1 = std::rotl(a[6] ^ d1, 44);
            const quint64 b2 = std::rotl(a[12] ^ d2, 43);
            const quint64 b3 = std::rotl(a[18] ^ d3, 21);
            const quint64 b4 = std::rotl(a[24] ^ d4, 14);
            e[0] = b0 ^ (~b1 & b2) ^ rc0;
            e[1] = b1 ^ (~b2 & b3);
            e[2] = b2 ^ (~b3 & b4);
            e[3] = b3 ^ (~b4 & b0);
            e[4] = b4 ^ (~b0 & b1);
        }
        {
            const quint64 b0 = std::rotl(a[3] ^ d3, 28);
            const quint64 b1 = std::rotl(a[9] ^ d4, 20);
            const quint64 b2 = std::rotl(a[10] ^ d0, 3);
            const quint64 b3 = std::rotl(a[16] ^ d1, 45);
            const quint64 b4 = std::rotl(a[22] ^ d2, 61);
            e[5] = b0 ^ (~b1 & b2);
            e[6] = b1 ^ (~b2 & b3);
            e[7] = b2 ^ (~b3 & b4);
            e[8] = b3 ^ (~b4 & b0);
            e[9] = b4 ^ (~b0 & b1);
        }
        {
            const quint64 b0 = std::rotl(a[1] ^ d1, 1);
            const quint64 b1 = std::rotl(a[7] ^ d2, 6);
            const quint64 b2 = std::rotl(a[13] ^ d3, 25);
            const quint64 b3 = std::rotl(a[19] ^ d4, 8);
            const quint64 b4 = std::rotl(a[20] ^ d0, 18);
            e[10] = b0 ^ (~b1 & b2);
            e[11] = b1 ^ (~b2 & b3);
            e[12] = b2 ^ (~b3 & b4);
            e[13] = b3 ^ (~b4 & b0);
            e[14] = b4 ^ (~b0 & b1);
        }
        {
            const quint64 b0 = std::rotl(a[4] ^ d4, 27);
            const quint64 b1 = std::rotl(a[5] ^ d0, 36);
            const quint64 b2 = std::rotl(a[11] ^ d1, 10);
            const quint64 b3 = std::rotl(a[17] ^ d2, 15);
            const quint64 b4 = std::rotl(a[23] ^ d3, 56);
            e[15] = b0 ^ (~b1 & b2);
            e[16] = b1 ^ (~b2 & b3);
            e[17] = b2 ^ (~b3 & b4);
            e[18] = b3 ^ (~b4 & b0);
            e[19] = b4 ^ (~b0 & b1);
        }
        {
            const quint64 b0 = std::rotl(a[2] ^ d2, 62);
            const quint64 b1 = std::rotl(a[8] ^ d3, 55);
            const quint64 b2 = std::rotl(a[14] ^ d4, 39);
            const quint64 b3 = std::rotl(a[15] ^ d0, 41);
            const quint64 b4 = std::rotl(a[21] ^ d1, 2);
            e[20] = b0 ^ (~b1 & b2);
            e[21] = b1 ^ (~b2 & b3);
            e[22] = b2 ^ (~b3 & b4);
            e[23] = b3 ^ (~b4 & b0);
            e[24] = b4 ^ (~b0 & b1);
        }
    }
    {
        const quint64 c0 = e[0] ^ e[5] ^ e[10] ^ e[15] ^ e[20];
        const quint64 c1 = e[1] ^ e[6] ^ e[11] ^ e[16] ^ e[21];
        const quint64 c2 = e[2] ^ e[7] ^ e[12] ^ e[17] ^ e[22];
        const quint64 c3 = e[3] ^ e[8] ^ e[13] ^ e[18] ^ e[23];
        const quint64 c4 = e[4] ^ e[9] ^ e[14] ^ e[19] ^ e[24];
        const quint64 d0 = c4 ^ std::rotl(c1, 1);
        const quint64 d1 = c0 ^ std::rotl(c2, 1);
        const quint64 d2 = c1 ^ std::rotl(c3, 1);
        const quint64 d3 = c2 ^ std::rotl(c4, 1);
        const quint64 d4 = c3 ^ std::rotl(c0, 1);
        {
            const quint64 b0 = e[0] ^ d0;
            const quint64 b1 = std::rotl(e[6] ^ d1, 44);
            const quint64 b2 = std::rotl(e[12] ^ d2, 43);
            const quint64 b3 = std::rotl(e[18] ^ d3, 21);
            const quint64 b4 = std::rotl(e[24] ^ d4, 14);
            a[0] = b0 ^ (~b1 & b2) ^ rc1;
            a[1] = b1 ^ (~b2 & b3);
            a[2] = b2 ^ (~b3 & b4);
            a[3] = b3 ^ (~b4 & b0);
            a[4] = b4 ^ (~b0 & b1);
        }
        {
            const quint64 b0 = std::rotl(e[3] ^ d3, 28);
            const quint64 b1 = std::rotl(e[9] ^ d4, 20);
            const quint64 b2 = std::rotl(e[10] ^ d0, 3);
            const quint64 b3 = std::rotl(e[16] ^ d1, 45);
            const quint64 b4 = std::rotl(e[22] ^ d2, 61);
            a[5] = b0 ^ (~b1 & b2);
            a[6] = b1 ^ (~b2 & b3);
            a[7] = b2 ^ (~b3 & b4);
            a[8] = b3 ^ (~b4 & b0);
            a[9] = b4 ^ (~b0 & b1);
        }
        {
            const quint64 b0 = std::rotl(e[1] ^ d1, 1);
            const quint64 b1 = std::rotl(e[7] ^ d2, 6);
            const quint64 b2 = std::rotl(e[13] ^ d3, 25);
            const quint64 b3 = std::rotl(e[19] ^ d4, 8);
            const quint64 b4 = std::rotl(e[20] ^ d0, 18);
            a[10] = b0 ^ (~b1 & b2);
            a[11] = b1 ^ (~b2 & b3);
            a[12] = b2 ^ (~b3 & b4);
            a[13] = b3 ^ (~b4 & b0);
            a[14] = b4 ^ (~b0 & b1);
        }
        {
            const quint64 b0 = std::rotl(e[4] ^ d4, 27);
            const quint64 b1 = std::rotl(e[5] ^ d0, 36);
            const quint64 b2 = std::rotl(e[11] ^ d1, 10);
            const quint64 b3 = std::rotl(e[17] ^ d2, 15);
            const quint64 b4 = std::rotl(e[23] ^ d3, 56);
            a[15] = b0 ^ (~b1 & b2);
            a[16] = b1 ^ (~b2 & b3);
            a[17] = b2 ^ (~b3 & b4);
            a[18] = b3 ^ (~b4 & b0);
            a[19] = b4 ^ (~b0 & b1);
        }
        {
            const quint64 b0 = std::rotl(e[2] ^ d2, 62);
            const quint64 b1 = std::rotl(e[8] ^ d3, 55);
            const quint64 b2 = std::rotl(e[14] ^ d4, 39);
            const quint64 b3 = std::rotl(e[15] ^ d0, 41);
            const quint64 b4 = std::rotl(e[21] ^ d1, 2);
            a[20] = b0 ^ (~b1 & b2);
            a[21] = b1 ^ (~b2 & b3);
            a[22] = b2 ^ (~b3 & b4);
            a[23] = b3 ^ (~b4 & b0);
            a[24] = b4 ^ (~b0 & b1);
        }
    }

}

[[gnu::always_inline]] inline void permuteBody(quint64 *a)
{
    quint64 e[25];
    for (int round = 0; round < kRounds; round += 2)
        twoRounds(a, e, kRoundConstants[static_cast<size_t>(round)], kRoundConstants[static_cast<size_t>(round) + 1]);
}

using PermuteFn = void (*)(quint64 *);

void permutePortable(quint64 *a)
{
    permuteBody(a);
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
// The same code compiled for BMI1/BMI2 (andn, rorx: chi's and-not and the rotations without extra
// moves), about 20 % fewer instructions; picked at run time when the CPU has them.
[[gnu::target("bmi,bmi2")]] void permuteBmi(quint64 *a)
{
    permuteBody(a);
}

PermuteFn pickPermute()
{
    __builtin_cpu_init();
    return __builtin_cpu_supports("bmi") && __builtin_cpu_supports("bmi2") ? permuteBmi : permutePortable;
}
#else
PermuteFn pickPermute()
{
    return permutePortable;
}
#endif

inline quint64 loadLane(const unsigned char *p)
{
    return qFromLittleEndian<quint64>(p);
}

void sponge(QByteArrayView data, unsigned char *out, PermuteFn permute)
{
    quint64 s[25] = {};
    const auto *p = reinterpret_cast<const unsigned char *>(data.data());
    size_t left = static_cast<size_t>(data.size());
    for (; left >= kRateBytes; left -= kRateBytes, p += kRateBytes) {
        for (size_t i = 0; i < kRateLanes; ++i)
            s[i] ^= loadLane(p + 8 * i);
        permute(s);
    }
    // Last block: the rest, then the pad10*1 bits (0x01 first, 0x80 last; one byte 0x81 when they meet).
    unsigned char block[kRateBytes] = {};
    if (left > 0)
        std::memcpy(block, p, left);
    block[left] ^= 0x01;
    block[kRateBytes - 1] ^= 0x80;
    for (size_t i = 0; i < kRateLanes; ++i)
        s[i] ^= loadLane(block + 8 * i);
    permute(s);
    for (size_t i = 0; i < 4; ++i)
        qToLittleEndian<quint64>(s[i], out + 8 * i);
}

} // namespace

void keccak256(QByteArrayView data, unsigned char *out)
{
    static const PermuteFn permute = pickPermute();
    sponge(data, out, permute);
}

void keccak256Portable(QByteArrayView data, unsigned char *out)
{
    sponge(data, out, permutePortable);
}

QByteArray keccak256(QByteArrayView data)
{
    QByteArray out(32, Qt::Uninitialized);
    keccak256(data, reinterpret_cast<unsigned char *>(out.data()));
    return out;
}

} // namespace icn
