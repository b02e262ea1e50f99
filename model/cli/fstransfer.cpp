// SPDX-License-Identifier: Apache-2.0
#include "fstransfer.h"

#include <stdlib.h> // mkdtemp

#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>

namespace lakeside::cli {
namespace fs = std::filesystem;

std::string guessContentType(const std::string& path)
{
    static const std::map<std::string, std::string> types = {
        {".csv", "text/csv"},           {".tsv", "text/tab-separated-values"},
        {".json", "application/json"},  {".ndjson", "application/x-ndjson"},
        {".jsonl", "application/x-ndjson"}, {".md", "text/markdown"},
        {".txt", "text/plain"},         {".yaml", "application/yaml"},
        {".yml", "application/yaml"},   {".png", "image/png"},
        {".jpg", "image/jpeg"},         {".jpeg", "image/jpeg"},
        {".svg", "image/svg+xml"},      {".parquet", "application/vnd.apache.parquet"},
        {".html", "text/html"},         {".pdf", "application/pdf"},
    };
    std::string ext = fs::path(path).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto it = types.find(ext);
    return it == types.end() ? std::string("application/octet-stream") : it->second;
}

Result<ObjectStats> uploadFile(Backend& backend, const std::string& repo, const std::string& branch,
                               const std::string& path, const fs::path& file, const OpContext& ctx)
{
    std::error_code ec;
    if (!fs::is_regular_file(file, ec))
        return makeError(ErrorKind::Io, "cannot upload '" + file.string() + "': " +
                                            (fs::exists(file, ec) ? "not a regular file" : "no such file"));
    const auto size = static_cast<int64_t>(fs::file_size(file, ec));
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return makeError(ErrorKind::Io, "cannot open '" + file.string() + "': " + std::strerror(errno));
    bool readError = false;
    ByteSource source = [&](char* buf, int64_t capacity) -> int64_t {
        in.read(buf, capacity);
        if (in.bad()) {
            readError = true;
            return -1;
        }
        return static_cast<int64_t>(in.gcount());
    };
    UploadOptions opts;
    opts.content_type = guessContentType(path);
    Result<ObjectStats> stats = backend.uploadObject(repo, branch, path, source, ec ? -1 : size, opts, ctx);
    if (readError) return makeError(ErrorKind::Io, "reading '" + file.string() + "' failed during the upload");
    return stats;
}

Status downloadToFile(Backend& backend, const std::string& repo, const std::string& ref,
                      const std::string& key, const fs::path& target)
{
    std::error_code ec;
    if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
    if (ec) return makeError(ErrorKind::Io, "cannot create '" + target.parent_path().string() + "': " + ec.message());
    fs::path part = target;
    part += ".lakeside-part";
    std::ofstream out(part, std::ios::binary | std::ios::trunc);
    if (!out) return makeError(ErrorKind::Io, "cannot write '" + part.string() + "': " + std::strerror(errno));
    bool writeError = false;
    Status st = backend.getObject(repo, ref, key, [&](const char* data, int64_t len) {
        out.write(data, len);
        writeError = !out;
        return !writeError;
    });
    out.close();
    if (st.ok() && (writeError || !out)) st = makeError(ErrorKind::Io, "writing '" + target.string() + "' failed");
    if (st.ok()) {
        fs::rename(part, target, ec);
        if (ec) st = makeError(ErrorKind::Io, "cannot move the download to '" + target.string() + "': " + ec.message());
    }
    if (!st.ok()) fs::remove(part, ec);
    return st;
}

Status streamObject(Backend& backend, const std::string& repo, const std::string& ref, const std::string& key,
                    std::ostream& out)
{
    return backend.getObject(repo, ref, key, [&](const char* data, int64_t len) {
        out.write(data, len);
        return static_cast<bool>(out);
    });
}

TempFolder::TempFolder(const std::string& tag)
{
    std::string tmpl = (std::filesystem::temp_directory_path() / ("lakeside-" + tag + "-XXXXXX")).string();
    if (::mkdtemp(tmpl.data())) m_path = tmpl;
}

TempFolder::~TempFolder()
{
    std::error_code ec;
    if (!m_path.empty()) std::filesystem::remove_all(m_path, ec);
}

} // namespace lakeside::cli
