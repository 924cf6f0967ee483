#pragma once

#include <QString>
#include <QVariantMap>

#include <cassert>
#include <utility>
#include <variant>

namespace icn {

// An expected failure: a stable machine code ("amount.too_many_decimals"), the input field it
// concerns, a human sentence, and the numbers behind it (available capacity, quoted vs actual…).
struct Error
{
    QString code;
    QString field;
    QString message;
    QVariantMap details;

    static Error make(QString code, QString message, QString field = {}, QVariantMap details = {})
    {
        return Error{std::move(code), std::move(field), std::move(message), std::move(details)};
    }
    // "field: message" or just the message; what a CLI prints on one line.
    QString toString() const { return field.isEmpty() ? message : field + QStringLiteral(": ") + message; }
};

// A value or a typed Error, in the spirit of std::expected (not in C++20).
template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { assert(ok()); return std::get<0>(m_data); }
    const T &value() const & { assert(ok()); return std::get<0>(m_data); }
    T &&value() && { assert(ok()); return std::get<0>(std::move(m_data)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const { assert(!ok()); return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

// Success carries nothing.
template <>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { assert(m_failed); return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

} // namespace icn
