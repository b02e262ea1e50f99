// SPDX-License-Identifier: Apache-2.0
#pragma once
// Errors as values, shared by the engine, the backends, the CLI and the server.
// Nothing in Lakeside's backend APIs throws; every fallible call returns
// Status or Result<T>. The kinds follow lakeFS's HTTP status codes so that
// an error crosses the REST boundary (both directions) without losing meaning.

#include <cassert>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace lakeside {

enum class ErrorKind {
    InvalidArgument,    // 400: bad name, bad ref syntax, "no changes", dirty branch
    Unauthorized,       // 401: missing or wrong credentials, insufficient permissions
    Forbidden,          // 403: protected branch, read-only repository, default branch delete
    NotFound,           // 404
    Conflict,           // 409: merge/revert/cherry-pick conflict, "not unique", lost CAS race
    Gone,               // 410
    PreconditionFailed, // 412: a pre-hook failed (runId set), stale ETag, path exists
    RangeNotSatisfiable,// 416
    TooManyRequests,    // 429
    NotImplemented,     // 501
    Unavailable,        // 503, connection refused, DNS failure, timeout
    Io,                 // local file system error
    Corruption,         // a stored object or record does not match its hash
    Cancelled,          // the caller cancelled the operation
    Internal,           // 500: anything else
};

// HTTP status for a kind, as lakeFS answers it (used by `serve` and by tests).
int httpStatusFor(ErrorKind kind);
// Kind for an HTTP status, as the remote backend maps lakeFS answers.
ErrorKind errorKindForHttpStatus(int status);
// Stable lower-case name ("not_found"), used in logs and in CLI --json errors.
const char* errorKindName(ErrorKind kind);

struct Error {
    ErrorKind kind = ErrorKind::Internal;
    // Names the object (repository, ref or path) and says why, e.g.
    // "branch 'feature-x' not found in repository 'sales'".
    std::string message;
    // Conflict: every conflicting path, when known.
    std::vector<std::string> conflicts;
    // PreconditionFailed from a hook: the action run id, to link to its runs.
    std::string runId;
};

inline Error makeError(ErrorKind kind, std::string message)
{
    Error e;
    e.kind = kind;
    e.message = std::move(message);
    return e;
}

class [[nodiscard]] Status {
public:
    Status() = default;
    Status(Error e) : m_error(std::move(e)), m_ok(false) {} // NOLINT(google-explicit-constructor)
    static Status Ok() { return {}; }

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    // REQUIRES: !ok()
    const Error& error() const { assert(!m_ok); return m_error; }
    ErrorKind kind() const { return m_ok ? ErrorKind::Internal : m_error.kind; }
    const std::string& message() const { return m_error.message; }

private:
    Error m_error;
    bool m_ok = true;
};

template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {} // NOLINT
    Result(Error e) : m_v(std::in_place_index<1>, std::move(e)) {}     // NOLINT
    // REQUIRES: !s.ok()
    Result(const Status& s) : m_v(std::in_place_index<1>, s.error()) {} // NOLINT

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    // REQUIRES: ok()
    T& value() & { assert(ok()); return std::get<0>(m_v); }
    const T& value() const& { assert(ok()); return std::get<0>(m_v); }
    T&& value() && { assert(ok()); return std::get<0>(std::move(m_v)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    // REQUIRES: !ok()
    const Error& error() const { assert(!ok()); return std::get<1>(m_v); }
    Status status() const { return ok() ? Status() : Status(error()); }

private:
    std::variant<T, Error> m_v;
};

} // namespace lakeside

// Early return on error, for functions returning Status or Result<U>.
#define LAKESIDE_RETURN_IF_ERROR(expr)                                         \
    do {                                                                       \
        auto _lk_st = (expr);                                                  \
        if (!_lk_st.ok()) return _lk_st.error();                               \
    } while (0)

#define LAKESIDE_CONCAT_INNER(a, b) a##b
#define LAKESIDE_CONCAT(a, b) LAKESIDE_CONCAT_INNER(a, b)
// LAKESIDE_ASSIGN_OR_RETURN(auto x, f()) : x = f().value() or return its error.
#define LAKESIDE_ASSIGN_OR_RETURN(lhs, expr)                                   \
    auto LAKESIDE_CONCAT(_lk_r_, __LINE__) = (expr);                           \
    if (!LAKESIDE_CONCAT(_lk_r_, __LINE__).ok())                               \
        return LAKESIDE_CONCAT(_lk_r_, __LINE__).error();                      \
    lhs = std::move(LAKESIDE_CONCAT(_lk_r_, __LINE__)).value()
