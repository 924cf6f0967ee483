#include "Base58.h"

#include <QCoreApplication>

#include <openssl/crypto.h>
#include <openssl/sha.h>

#include <algorithm>
#include <array>
#include <vector>

namespace icn::base58 {

namespace {

constexpr char kAlphabet[] = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

int digitValue(char c)
{
    for (int i = 0; i < 58; ++i) {
        if (kAlphabet[i] == c)
            return i;
    }
    return -1;
}

// Working buffers hold secret material too; wipe them before they are freed.
struct WipedBuffer
{
    std::vector<unsigned char> bytes;
    explicit WipedBuffer(std::size_t size) : bytes(size, 0) {}
    ~WipedBuffer()
    {
        if (!bytes.empty())
            OPENSSL_cleanse(bytes.data(), bytes.size());
    }
};

std::array<unsigned char, 4> checksum(QByteArrayView payload)
{
    unsigned char first[SHA256_DIGEST_LENGTH];
    unsigned char second[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char *>(payload.data()), static_cast<std::size_t>(payload.size()), first);
    SHA256(first, sizeof(first), second);
    OPENSSL_cleanse(first, sizeof(first));
    return {second[0], second[1], second[2], second[3]};
}

} // namespace

SecureBytes encode(QByteArrayView bytes)
{
    const auto *in = reinterpret_cast<const unsigned char *>(bytes.data());
    const std::size_t size = static_cast<std::size_t>(bytes.size());
    std::size_t zeros = 0;
    while (zeros < size && in[zeros] == 0)
        ++zeros;

    // Base-256 to base-58 by repeated multiply-add; log(256)/log(58) < 1.37.
    WipedBuffer digits((size - zeros) * 137 / 100 + 1);
    std::size_t used = 0;
    for (std::size_t i = zeros; i < size; ++i) {
        unsigned carry = in[i];
        for (std::size_t j = 0; j < used || carry != 0; ++j) {
            if (j == used)
                ++used;
            carry += 256u * digits.bytes[j];
            digits.bytes[j] = static_cast<unsigned char>(carry % 58);
            carry /= 58;
        }
    }

    SecureBytes out(zeros + used);
    std::size_t pos = 0;
    for (; pos < zeros; ++pos)
        out.data()[pos] = '1';
    for (std::size_t j = used; j > 0; --j)
        out.data()[pos++] = static_cast<unsigned char>(kAlphabet[digits.bytes[j - 1]]);
    return out;
}

Result<SecureBytes> decode(QByteArrayView text)
{
    const std::size_t size = static_cast<std::size_t>(text.size());
    std::size_t ones = 0;
    while (ones < size && text[static_cast<qsizetype>(ones)] == '1')
        ++ones;

    // Base-58 to base-256; log(58)/log(256) < 0.74.
    WipedBuffer bytes((size - ones) * 74 / 100 + 1);
    std::size_t used = 0;
    for (std::size_t i = ones; i < size; ++i) {
        const int value = digitValue(text[static_cast<qsizetype>(i)]);
        if (value < 0)
            return Error::make(QStringLiteral("base58.bad_character"),
                               QCoreApplication::translate("Base58", "Character %1 is not a Base58 digit.").arg(i + 1),
                               {}, {{QStringLiteral("position"), static_cast<qulonglong>(i + 1)}});
        unsigned carry = static_cast<unsigned>(value);
        for (std::size_t j = 0; j < used || carry != 0; ++j) {
            if (j == used)
                ++used;
            carry += 58u * bytes.bytes[j];
            bytes.bytes[j] = static_cast<unsigned char>(carry & 0xff);
            carry >>= 8;
        }
    }

    SecureBytes out(ones + used);
    for (std::size_t j = 0; j < used; ++j)
        out.data()[ones + j] = bytes.bytes[used - 1 - j];
    return out;
}

SecureBytes encodeCheck(QByteArrayView payload)
{
    const auto sum = checksum(payload);
    SecureBytes full(static_cast<std::size_t>(payload.size()) + sum.size());
    std::copy(payload.begin(), payload.end(), full.data());
    std::copy(sum.begin(), sum.end(), full.data() + payload.size());
    return encode(full.view());
}

Result<SecureBytes> decodeCheck(QByteArrayView text)
{
    auto full = decode(text);
    if (!full)
        return full.error();
    const Error badChecksum = Error::make(QStringLiteral("base58.bad_checksum"),
                                          QCoreApplication::translate("Base58", "The Base58Check checksum does not match; "
                                                                                "check the text for a typing error."));
    if (full->size() < 4)
        return badChecksum;
    const QByteArrayView payload = full->view().first(full->view().size() - 4);
    const auto sum = checksum(payload);
    if (!constantTimeEquals(full->view().last(4), QByteArrayView(sum.data(), 4)))
        return badChecksum;
    return SecureBytes(payload);
}

} // namespace icn::base58
