// Keystore decryption time with the default parameters: scrypt (N=2^18, r=8, p=1) and
// PBKDF2-HMAC-SHA256 (c=262144). Prints the median of a few runs as "name: value unit" lines,
// next to a same-run anchor (one keccak256 of 1 MiB) because shared machines drift.
// Usage: bench_keystore [repetitions, default 5]

#include "Keccak.h"
#include "Keystore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>
#include <vector>

using namespace icn;

namespace {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

// Median milliseconds of decrypting a keystore made with `options`; -1 when something fails.
double decryptMedianMs(const KeystoreOptions &options, int repetitions)
{
    SecureBytes key(32);
    for (std::size_t i = 0; i < key.size(); ++i)
        key.data()[i] = static_cast<unsigned char>(i + 1);
    const SecureBytes password(QByteArrayView("bench password"));
    auto keystore = Keystore::encrypt(key, password, options);
    if (!keystore)
        return -1;
    std::vector<double> times;
    for (int i = 0; i < repetitions; ++i) {
        QElapsedTimer timer;
        timer.start();
        auto decrypted = keystore->decrypt(password);
        const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        if (!decrypted || !(*decrypted == key))
            return -1;
        times.push_back(ms);
    }
    return median(times);
}

double keccakAnchorMs(int repetitions)
{
    const QByteArray data(1 << 20, 'x');
    std::vector<double> times;
    for (int i = 0; i < repetitions; ++i) {
        QElapsedTimer timer;
        timer.start();
        const QByteArray digest = keccak256(data);
        times.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        if (digest.size() != 32)
            return -1;
    }
    return median(times);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    int repetitions = 5;
    if (argc > 1)
        repetitions = std::max(1, QByteArray(argv[1]).toInt());

    QTextStream out(stdout);
    out.setRealNumberNotation(QTextStream::FixedNotation);
    out.setRealNumberPrecision(1);

    out << "keystore_anchor_keccak256_1mib: " << keccakAnchorMs(repetitions) << " ms\n";
    out.flush();

    KeystoreOptions scrypt; // N=2^18, r=8, p=1
    const double scryptMs = decryptMedianMs(scrypt, repetitions);
    out << "keystore_decrypt_scrypt_default: " << scryptMs << " ms\n";
    out.flush();

    KeystoreOptions pbkdf2;
    pbkdf2.kdf = KeystoreKdf::Pbkdf2; // c=262144
    const double pbkdf2Ms = decryptMedianMs(pbkdf2, repetitions);
    out << "keystore_decrypt_pbkdf2_default: " << pbkdf2Ms << " ms\n";
    out.flush();

    return scryptMs < 0 || pbkdf2Ms < 0 ? 1 : 0;
}
