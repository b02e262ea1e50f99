// SPDX-License-Identifier: Apache-2.0
#pragma once
// Small helpers shared by the LocalBackend suites: upload and read strings.

#include "api/backend.h"

#include <QByteArray>
#include <QString>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>

namespace testutil {

inline lakeside::ByteSource sourceOf(std::string data)
{
    auto buf = std::make_shared<std::string>(std::move(data));
    auto pos = std::make_shared<size_t>(0);
    return [buf, pos](char* out, int64_t cap) -> int64_t {
        const size_t n = std::min(static_cast<size_t>(cap), buf->size() - *pos);
        std::memcpy(out, buf->data() + *pos, n);
        *pos += n;
        return static_cast<int64_t>(n);
    };
}

inline lakeside::Result<lakeside::ObjectStats> put(lakeside::Backend& b, const std::string& repo,
                                                   const std::string& branch, const std::string& path,
                                                   const std::string& data, lakeside::UploadOptions opts = {})
{
    return b.uploadObject(repo, branch, path, sourceOf(data), static_cast<int64_t>(data.size()), opts);
}

inline lakeside::Result<std::string> get(lakeside::Backend& b, const std::string& repo, const std::string& ref,
                                         const std::string& path,
                                         const std::optional<lakeside::ByteRange>& range = std::nullopt)
{
    std::string out;
    lakeside::Status st = b.getObject(repo, ref, path, [&](const char* d, int64_t n) {
        out.append(d, static_cast<size_t>(n));
        return true;
    }, range);
    if (!st.ok()) return st.error();
    return out;
}

inline lakeside::Result<lakeside::Commit> commit(lakeside::Backend& b, const std::string& repo,
                                                 const std::string& branch, const std::string& msg)
{
    lakeside::CommitCreation c;
    c.message = msg;
    return b.commit(repo, branch, c);
}

inline QByteArray msg(const lakeside::Status& s) { return QByteArray::fromStdString(s.ok() ? "ok" : s.message()); }

} // namespace testutil

// Fails the test with the engine's message when a Status/Result is not ok.
#define CHECK_OK(expr)                                                                             \
    do {                                                                                           \
        auto _st = (expr);                                                                         \
        QVERIFY2(_st.ok(), _st.ok() ? "" : _st.error().message.c_str());                           \
    } while (0)
