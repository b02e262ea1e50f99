// SPDX-License-Identifier: Apache-2.0
#pragma once
// Small helpers for the acceptance suite: one-line upload, read, listing and
// diff over any Backend, returning plain values so test bodies read like
// lakeFS's esti scenarios.

#include "api/backend.h"

#include <string>
#include <utility>
#include <vector>

namespace acceptance {

template <class R>
const char* why(const R& r)
{
    static thread_local std::string text;
    text = r.ok() ? std::string() : std::string(lakeside::errorKindName(r.error().kind)) + ": " + r.error().message;
    return text.c_str();
}

lakeside::Result<lakeside::ObjectStats> put(lakeside::Backend& b, const std::string& repo, const std::string& branch,
                                            const std::string& path, const std::string& content,
                                            const std::string& contentType = "text/plain", int64_t sizeHint = -2);
lakeside::Result<std::string> read(lakeside::Backend& b, const std::string& repo, const std::string& ref,
                                   const std::string& path);
lakeside::Result<lakeside::Commit> commit(lakeside::Backend& b, const std::string& repo, const std::string& branch,
                                          const std::string& message);
// Every object path under `prefix`, walking pages of `amount`.
lakeside::Result<std::vector<std::string>> paths(lakeside::Backend& b, const std::string& repo, const std::string& ref,
                                                 const std::string& prefix = {}, int amount = 100);
// "type path" strings, e.g. "added fileX", in the server's order.
lakeside::Result<std::vector<std::string>> diff(lakeside::Backend& b, const std::string& repo, const std::string& left,
                                                const std::string& right,
                                                lakeside::DiffKind kind = lakeside::DiffKind::ThreeDot,
                                                const std::string& prefix = {});
lakeside::Status createRepo(lakeside::Backend& b, const std::string& repo);

} // namespace acceptance
