// Signatures and recoveries per second through icn::signer, each next to the bare libsecp256k1
// call in the same run (the anchor: shared machines drift, the ratio is what to watch).
// Prints "name: value unit" lines. Usage: bench_signing [milliseconds per figure, default 1000]

#include "Keccak.h"
#include "Secp256k1.h"
#include "SecureBytes.h"
#include "Signer.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <secp256k1.h>
#include <secp256k1_recovery.h>

#include <algorithm>
#include <array>
#include <functional>
#include <vector>

using namespace icn;

namespace {

// Runs `step(i)` for about `budgetMs` and returns operations per second; -1 when a step fails.
qint64 perSecond(qint64 budgetMs, const std::function<bool(int)> &step)
{
    QElapsedTimer timer;
    timer.start();
    qint64 count = 0;
    do {
        for (int i = 0; i < 64; ++i, ++count) {
            if (!step(static_cast<int>(count)))
                return -1;
        }
    } while (timer.elapsed() < budgetMs);
    return count * 1'000'000'000LL / std::max<qint64>(1, timer.nsecsElapsed());
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    qint64 budgetMs = 1000;
    if (argc > 1)
        budgetMs = std::max(50, QByteArray(argv[1]).toInt());

    // A fixed key and 256 different digests, so every figure signs or recovers the same inputs.
    const SecureBytes privateKey(keccak256("bench_signing key"));
    std::vector<QByteArray> digests;
    for (int i = 0; i < 256; ++i)
        digests.push_back(keccak256(QByteArray::number(i)));
    const auto *ctx = secp256k1::context();

    std::vector<Signature> signatures;
    std::vector<secp256k1_ecdsa_recoverable_signature> rawSignatures(digests.size());
    for (std::size_t i = 0; i < digests.size(); ++i) {
        auto signature = signer::signDigest(privateKey, digests[i]);
        if (!signature)
            return 1;
        signatures.push_back(*signature);
        std::array<unsigned char, 64> compact{};
        std::copy_n(reinterpret_cast<const unsigned char *>(signature->r.constData()), 32, compact.begin());
        std::copy_n(reinterpret_cast<const unsigned char *>(signature->s.constData()), 32, compact.begin() + 32);
        if (secp256k1_ecdsa_recoverable_signature_parse_compact(ctx, &rawSignatures[i], compact.data(), signature->recoveryId) != 1)
            return 1;
    }
    auto digest = [&](int i) { return reinterpret_cast<const unsigned char *>(digests[static_cast<std::size_t>(i) % digests.size()].constData()); };

    QTextStream out(stdout);
    out << "sign_per_s: " << perSecond(budgetMs, [&](int i) {
        return signer::signDigest(privateKey, digests[static_cast<std::size_t>(i) % digests.size()]).ok();
    }) << " 1/s\n";
    out.flush();
    out << "sign_raw_per_s: " << perSecond(budgetMs, [&](int i) {
        secp256k1_ecdsa_recoverable_signature sig;
        return secp256k1_ecdsa_sign_recoverable(ctx, &sig, digest(i), privateKey.data(), nullptr, nullptr) == 1;
    }) << " 1/s\n";
    out.flush();
    out << "recover_per_s: " << perSecond(budgetMs, [&](int i) {
        const auto n = static_cast<std::size_t>(i) % digests.size();
        return signer::recoverAddress(digests[n], signatures[n]).ok();
    }) << " 1/s\n";
    out.flush();
    out << "recover_raw_per_s: " << perSecond(budgetMs, [&](int i) {
        secp256k1_pubkey pub;
        return secp256k1_ecdsa_recover(ctx, &pub, &rawSignatures[static_cast<std::size_t>(i) % digests.size()], digest(i)) == 1;
    }) << " 1/s\n";
    out.flush();
    return 0;
}
