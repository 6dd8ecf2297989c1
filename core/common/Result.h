// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "Error.h"
#include <utility>
#include <variant>

namespace perimeter {

// Core APIs return a value or an Error instead of throwing; errors become user-facing
// answers at one boundary (HTTP response, CLI exit code).
template <typename T>
class Result {
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(Error error) : m_data(std::move(error)) {}

    static Result failure(QString code, QString message) { return Result(Error{std::move(code), std::move(message)}); }

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    T &&value() && { return std::get<T>(std::move(m_data)); }
    const Error &error() const { return std::get<Error>(m_data); }

private:
    std::variant<T, Error> m_data;
};

// For operations that produce no value.
struct Ok {};
using Status = Result<Ok>;

} // namespace perimeter
