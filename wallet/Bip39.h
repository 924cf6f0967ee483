#pragma once

#include "Result.h"
#include "SecureBytes.h"

#include <QByteArray>
#include <QList>

namespace icn {

// BIP-39 mnemonic sentences with the official English word list (2048 words, embedded at build
// time as the resource ":/icn/bip39/english.txt" after its SHA-256 was checked by CMake).
//
// Mnemonics, passphrases, entropy and seeds are secrets: they come and go as SecureBytes holding
// UTF-8 text (mnemonics, passphrases) or raw bytes (entropy, seeds).
//
// Accepted mnemonic text: words separated by any run of white space, in any letter case and in
// any Unicode compatibility form (it is NFKD-normalized first). A valid mnemonic is treated as its
// canonical form (lower-case words joined by single spaces) everywhere, including the seed.
//
// Errors (field "mnemonic"): "bip39.empty", "bip39.wrong_word_count" (details: words),
// "bip39.unknown_word" (details: word, position, 1-based), "bip39.bad_checksum",
// "bip39.wordlist_unavailable" (the embedded word list is broken; a build problem).
class Bip39
{
public:
    static constexpr int kWordListSize = 2048;

    // A new mnemonic of `words` words (12, 15, 18, 21 or 24) from OpenSSL's CSPRNG (RAND_bytes).
    // Errors: "bip39.wrong_word_count", "bip39.rng_failed".
    static Result<SecureBytes> generate(int words = 12);

    // The mnemonic for 16, 20, 24, 28 or 32 bytes of entropy ("bip39.bad_entropy_length" otherwise).
    static Result<SecureBytes> fromEntropy(const SecureBytes &entropy);

    // Checks the words and the checksum.
    static Result<void> validate(const SecureBytes &mnemonic);

    // The lower-case, single-spaced form of a valid mnemonic.
    static Result<SecureBytes> canonical(const SecureBytes &mnemonic);

    // The entropy a valid mnemonic encodes.
    static Result<SecureBytes> toEntropy(const SecureBytes &mnemonic);

    // The 64-byte seed: PBKDF2-HMAC-SHA512(NFKD(mnemonic), "mnemonic" + NFKD(passphrase), 2048).
    // The mnemonic must be valid (it is validated first); the passphrase may be empty.
    static Result<SecureBytes> mnemonicToSeed(const SecureBytes &mnemonic, const SecureBytes &passphrase = {});

    // The embedded English word list (ASCII, alphabetical), or an empty list if it is broken.
    static const QList<QByteArray> &wordList();
    // The index of `word` in the list, or -1.
    static int indexOf(QByteArrayView word);
};

} // namespace icn
