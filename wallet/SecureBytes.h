#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <cstddef>
#include <vector>

namespace icn {

// Secret bytes (private keys, seeds, mnemonics, passwords). The buffer is wiped with
// OPENSSL_cleanse when it is destroyed or reassigned; copies are explicit.
class SecureBytes
{
public:
    SecureBytes() = default;
    explicit SecureBytes(std::size_t size);
    explicit SecureBytes(QByteArrayView bytes);
    SecureBytes(const SecureBytes &other);
    SecureBytes(SecureBytes &&other) noexcept;
    SecureBytes &operator=(const SecureBytes &other);
    SecureBytes &operator=(SecureBytes &&other) noexcept;
    ~SecureBytes();

    // Takes the bytes of `source` and wipes `source` in place.
    static SecureBytes takeFrom(QByteArray &source);

    unsigned char *data() { return m_bytes.data(); }
    const unsigned char *data() const { return m_bytes.data(); }
    const char *constChar() const { return reinterpret_cast<const char *>(m_bytes.data()); }
    std::size_t size() const { return m_bytes.size(); }
    bool isEmpty() const { return m_bytes.empty(); }
    QByteArrayView view() const { return QByteArrayView(constChar(), static_cast<qsizetype>(size())); }
    void clear();

    friend bool operator==(const SecureBytes &a, const SecureBytes &b);

private:
    std::vector<unsigned char> m_bytes;
};

// Overwrites a QByteArray's bytes (for temporaries that had to hold a secret).
void wipe(QByteArray &bytes);

// Constant-time comparison of two equal-length byte strings (false if the lengths differ).
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

} // namespace icn
