#include "Bip39.h"

#include <QCoreApplication>
#include <QFile>
#include <QString>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <algorithm>
#include <vector>

// The word list lives in the static wallet library; registering it explicitly makes sure it is
// linked and loaded in every executable (tests, icnctl, fuzzers). Must be outside any namespace.
static void initBip39Resource()
{
    Q_INIT_RESOURCE(bip39_wordlist);
}

namespace icn {

namespace {

constexpr int kBitsPerWord = 11;
const QString kField = QStringLiteral("mnemonic");

QString tr(const char *text)
{
    return QCoreApplication::translate("Bip39", text);
}

bool validWordCount(qsizetype words)
{
    return words >= 12 && words <= 24 && words % 3 == 0;
}

// A QString that held secret text: overwritten when it is the last holder of its buffer.
void wipeString(QString &text)
{
    if (!text.isEmpty() && text.isDetached())
        OPENSSL_cleanse(text.data(), static_cast<std::size_t>(text.size()) * sizeof(QChar));
    text.clear();
}

// Word indexes of a mnemonic are the secret itself; wiped on destruction.
struct WordIndexes
{
    std::vector<quint16> values;
    ~WordIndexes()
    {
        if (!values.empty())
            OPENSSL_cleanse(values.data(), values.size() * sizeof(quint16));
    }
};

QList<QByteArray> loadWordList()
{
    initBip39Resource();
    QFile file(QStringLiteral(":/icn/bip39/english.txt"));
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("BIP-39 word list resource is missing");
        return {};
    }
    QList<QByteArray> words = file.readAll().split('\n');
    if (!words.isEmpty() && words.back().isEmpty())
        words.removeLast();
    const bool sorted = std::is_sorted(words.begin(), words.end())
                        && std::adjacent_find(words.begin(), words.end()) == words.end();
    const bool lowerAscii = std::all_of(words.begin(), words.end(), [](const QByteArray &w) {
        return !w.isEmpty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    });
    if (words.size() != Bip39::kWordListSize || !sorted || !lowerAscii) {
        qWarning("BIP-39 word list resource is broken (%lld words)", static_cast<long long>(words.size()));
        return {};
    }
    return words;
}

Error wordListUnavailable()
{
    return Error::make(QStringLiteral("bip39.wordlist_unavailable"),
                       tr("The BIP-39 word list built into this program is missing or damaged."), kField);
}

// Splits the NFKD-normalized, lower-cased text into word indexes, checking the count and
// each word (not the checksum).
Result<void> parseWords(const SecureBytes &mnemonic, WordIndexes &out)
{
    if (Bip39::wordList().isEmpty())
        return wordListUnavailable();
    QString text = QString::fromUtf8(mnemonic.view());
    QString normalized = text.normalized(QString::NormalizationForm_KD);
    QString lower = normalized.toLower();
    QList<QStringView> words;
    qsizetype start = -1;
    for (qsizetype i = 0; i <= lower.size(); ++i) {
        const bool space = i == lower.size() || lower.at(i).isSpace();
        if (space && start >= 0) {
            words.append(QStringView(lower).sliced(start, i - start));
            start = -1;
        } else if (!space && start < 0) {
            start = i;
        }
    }

    Result<void> result;
    if (words.isEmpty()) {
        result = Error::make(QStringLiteral("bip39.empty"), tr("The recovery phrase is empty."), kField);
    } else if (!validWordCount(words.size())) {
        result = Error::make(QStringLiteral("bip39.wrong_word_count"),
                             tr("A recovery phrase has 12, 15, 18, 21 or 24 words, not %1.").arg(words.size()), kField,
                             {{QStringLiteral("words"), words.size()}});
    } else {
        out.values.reserve(static_cast<std::size_t>(words.size()));
        for (qsizetype i = 0; i < words.size(); ++i) {
            QByteArray utf8 = words[i].toUtf8();
            const int index = Bip39::indexOf(utf8);
            wipe(utf8);
            if (index < 0) {
                result = Error::make(QStringLiteral("bip39.unknown_word"),
                                     tr("Word %1, \"%2\", is not in the BIP-39 English word list.")
                                         .arg(i + 1)
                                         .arg(words[i].toString()),
                                     kField, {{QStringLiteral("word"), words[i].toString()}, {QStringLiteral("position"), i + 1}});
                break;
            }
            out.values.push_back(static_cast<quint16>(index));
        }
    }
    words.clear();
    wipeString(lower);
    wipeString(normalized);
    wipeString(text);
    return result;
}

// The entropy of a list of word indexes, or bip39.bad_checksum.
Result<SecureBytes> entropyOf(const WordIndexes &words)
{
    const std::size_t totalBits = words.values.size() * kBitsPerWord;
    const std::size_t checksumBits = totalBits / 33;
    const std::size_t entropyBytes = (totalBits - checksumBits) / 8;
    SecureBytes bits((totalBits + 7) / 8);
    for (std::size_t w = 0; w < words.values.size(); ++w) {
        for (int b = 0; b < kBitsPerWord; ++b) {
            if (words.values[w] & (1u << (kBitsPerWord - 1 - b))) {
                const std::size_t at = w * kBitsPerWord + static_cast<std::size_t>(b);
                bits.data()[at / 8] |= static_cast<unsigned char>(0x80u >> (at % 8));
            }
        }
    }
    SecureBytes entropy(bits.view().first(static_cast<qsizetype>(entropyBytes)));
    unsigned char hash[SHA256_DIGEST_LENGTH];
    SHA256(entropy.data(), entropy.size(), hash);
    const unsigned mask = (0xffu << (8 - checksumBits)) & 0xffu;
    const bool match = (hash[0] & mask) == (bits.data()[entropyBytes] & mask);
    OPENSSL_cleanse(hash, sizeof(hash));
    if (!match)
        return Error::make(QStringLiteral("bip39.bad_checksum"),
                           tr("The recovery phrase's checksum does not match: a word is wrong or the words are out of order."),
                           kField);
    return entropy;
}

SecureBytes joinWords(const WordIndexes &words)
{
    const QList<QByteArray> &list = Bip39::wordList();
    std::size_t length = words.values.empty() ? 0 : words.values.size() - 1;
    for (const quint16 index : words.values)
        length += static_cast<std::size_t>(list[index].size());
    SecureBytes out(length);
    unsigned char *at = out.data();
    for (std::size_t i = 0; i < words.values.size(); ++i) {
        if (i > 0)
            *at++ = ' ';
        const QByteArray &word = list[words.values[i]];
        at = std::copy(word.begin(), word.end(), at);
    }
    return out;
}

} // namespace

const QList<QByteArray> &Bip39::wordList()
{
    static const QList<QByteArray> words = loadWordList();
    return words;
}

int Bip39::indexOf(QByteArrayView word)
{
    const QList<QByteArray> &list = wordList();
    const auto it = std::lower_bound(list.begin(), list.end(), word,
                                     [](const QByteArray &a, QByteArrayView b) { return QByteArrayView(a) < b; });
    return it != list.end() && QByteArrayView(*it) == word ? static_cast<int>(it - list.begin()) : -1;
}

Result<SecureBytes> Bip39::generate(int words)
{
    if (!validWordCount(words))
        return Error::make(QStringLiteral("bip39.wrong_word_count"),
                           tr("A recovery phrase has 12, 15, 18, 21 or 24 words, not %1.").arg(words), QStringLiteral("words"),
                           {{QStringLiteral("words"), words}});
    SecureBytes entropy(static_cast<std::size_t>(words / 3 * 4));
    if (RAND_bytes(entropy.data(), static_cast<int>(entropy.size())) != 1)
        return Error::make(QStringLiteral("bip39.rng_failed"), tr("The system's random number generator failed."));
    return fromEntropy(entropy);
}

Result<SecureBytes> Bip39::fromEntropy(const SecureBytes &entropy)
{
    const std::size_t size = entropy.size();
    if (size < 16 || size > 32 || size % 4 != 0)
        return Error::make(QStringLiteral("bip39.bad_entropy_length"),
                           tr("BIP-39 entropy is 16, 20, 24, 28 or 32 bytes, not %1.").arg(size), QStringLiteral("entropy"));
    if (wordList().isEmpty())
        return wordListUnavailable();
    // entropy || first byte of SHA-256(entropy); the checksum is its first size/4 bits.
    SecureBytes bits(size + 1);
    std::copy(entropy.data(), entropy.data() + size, bits.data());
    unsigned char hash[SHA256_DIGEST_LENGTH];
    SHA256(entropy.data(), size, hash);
    bits.data()[size] = hash[0];
    OPENSSL_cleanse(hash, sizeof(hash));

    WordIndexes words;
    const std::size_t count = (size * 8 + size / 4) / kBitsPerWord;
    for (std::size_t w = 0; w < count; ++w) {
        quint16 index = 0;
        for (int b = 0; b < kBitsPerWord; ++b) {
            const std::size_t at = w * kBitsPerWord + static_cast<std::size_t>(b);
            index = static_cast<quint16>(index << 1 | ((bits.data()[at / 8] >> (7 - at % 8)) & 1u));
        }
        words.values.push_back(index);
    }
    return joinWords(words);
}

Result<void> Bip39::validate(const SecureBytes &mnemonic)
{
    auto entropy = toEntropy(mnemonic);
    if (!entropy)
        return entropy.error();
    return {};
}

Result<SecureBytes> Bip39::canonical(const SecureBytes &mnemonic)
{
    WordIndexes words;
    if (auto parsed = parseWords(mnemonic, words); !parsed)
        return parsed.error();
    if (auto entropy = entropyOf(words); !entropy)
        return entropy.error();
    return joinWords(words);
}

Result<SecureBytes> Bip39::toEntropy(const SecureBytes &mnemonic)
{
    WordIndexes words;
    if (auto parsed = parseWords(mnemonic, words); !parsed)
        return parsed.error();
    return entropyOf(words);
}

Result<SecureBytes> Bip39::mnemonicToSeed(const SecureBytes &mnemonic, const SecureBytes &passphrase)
{
    // The canonical form is plain ASCII, hence already NFKD.
    auto sentence = canonical(mnemonic);
    if (!sentence)
        return sentence.error();

    QString text = QString::fromUtf8(passphrase.view());
    QString normalized = text.normalized(QString::NormalizationForm_KD);
    QByteArray utf8 = normalized.toUtf8();
    wipeString(normalized);
    wipeString(text);
    static constexpr char kSaltPrefix[] = "mnemonic";
    SecureBytes salt(sizeof(kSaltPrefix) - 1 + static_cast<std::size_t>(utf8.size()));
    std::copy(kSaltPrefix, kSaltPrefix + sizeof(kSaltPrefix) - 1, salt.data());
    std::copy(utf8.begin(), utf8.end(), salt.data() + sizeof(kSaltPrefix) - 1);
    wipe(utf8);

    SecureBytes seed(64);
    if (PKCS5_PBKDF2_HMAC(sentence->constChar(), static_cast<int>(sentence->size()), salt.data(),
                          static_cast<int>(salt.size()), 2048, EVP_sha512(), static_cast<int>(seed.size()), seed.data())
        != 1)
        return Error::make(QStringLiteral("bip39.kdf_failed"), tr("Deriving the seed failed inside OpenSSL."));
    return seed;
}

} // namespace icn
