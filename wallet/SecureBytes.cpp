#include "SecureBytes.h"

#include <openssl/crypto.h>

#include <cstring>

namespace icn {

SecureBytes::SecureBytes(std::size_t size) : m_bytes(size, 0) {}

SecureBytes::SecureBytes(QByteArrayView bytes)
    : m_bytes(reinterpret_cast<const unsigned char *>(bytes.data()),
              reinterpret_cast<const unsigned char *>(bytes.data()) + bytes.size())
{
}

SecureBytes::SecureBytes(const SecureBytes &other) : m_bytes(other.m_bytes) {}

SecureBytes::SecureBytes(SecureBytes &&other) noexcept : m_bytes(std::move(other.m_bytes))
{
    other.m_bytes.clear();
}

SecureBytes &SecureBytes::operator=(const SecureBytes &other)
{
    if (this != &other) {
        clear();
        m_bytes = other.m_bytes;
    }
    return *this;
}

SecureBytes &SecureBytes::operator=(SecureBytes &&other) noexcept
{
    if (this != &other) {
        clear();
        m_bytes = std::move(other.m_bytes);
        other.m_bytes.clear();
    }
    return *this;
}

SecureBytes::~SecureBytes()
{
    clear();
}

SecureBytes SecureBytes::takeFrom(QByteArray &source)
{
    SecureBytes out{QByteArrayView(source)};
    wipe(source);
    source.clear();
    return out;
}

void SecureBytes::clear()
{
    if (!m_bytes.empty())
        OPENSSL_cleanse(m_bytes.data(), m_bytes.size());
    m_bytes.clear();
    m_bytes.shrink_to_fit();
}

bool operator==(const SecureBytes &a, const SecureBytes &b)
{
    return constantTimeEquals(a.view(), b.view());
}

void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        OPENSSL_cleanse(bytes.data(), static_cast<std::size_t>(bytes.size()));
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    return CRYPTO_memcmp(a.data(), b.data(), static_cast<std::size_t>(a.size())) == 0;
}

} // namespace icn
