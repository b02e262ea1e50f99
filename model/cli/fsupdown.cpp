// SPDX-License-Identifier: Apache-2.0
#include "fsupdown.h"

#include "fstransfer.h"
#include "output.h"
#include "safepath.h"
#include "uriargs.h"

#include <algorithm>

namespace lakeside::cli {
namespace fs = std::filesystem;
namespace {

std::string withSlash(std::string prefix)
{
    if (!prefix.empty() && prefix.back() != '/') prefix += '/';
    return prefix;
}

Status uploadTree(CommandContext& ctx, Backend& backend, const LakeFsUri& uri, const fs::path& root)
{
    std::error_code ec;
    std::vector<std::pair<fs::path, std::string>> files; // local file, object key
    const std::string prefix = withSlash(uri.path);
    for (fs::recursive_directory_iterator it(root, fs::directory_options::none, ec), end; !ec && it != end;
         it.increment(ec)) {
        if (it->is_symlink(ec) || !it->is_regular_file(ec)) continue;
        const std::string rel = fs::relative(it->path(), root, ec).generic_string();
        if (ec) break;
        const std::string key = prefix + rel;
        LAKESIDE_RETURN_IF_ERROR(validateObjectPath(key));
        files.emplace_back(it->path(), key);
    }
    if (ec) return makeError(ErrorKind::Io, "cannot read folder '" + root.string() + "': " + ec.message());
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    Page<ObjectStats> uploaded;
    for (const auto& [file, key] : files) {
        LAKESIDE_ASSIGN_OR_RETURN(ObjectStats st, uploadFile(backend, uri.repository, uri.ref, key, file));
        if (!ctx.json()) ctx.out << "uploaded " << key << " (" << humanSize(st.size_bytes) << ")\n";
        uploaded.results.push_back(std::move(st));
    }
    if (ctx.json()) ctx.printJson(pageToJson(uploaded));
    else ctx.out << files.size() << " file" << (files.size() == 1 ? "" : "s") << " uploaded to " << uri.toString() << '\n';
    return {};
}

} // namespace

Status runUpload(CommandContext& ctx, const UploadArgs& a)
{
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri uri, parseRefUri(ctx, a.uri, RefKind::Branch,
                                                         a.recursive ? PathNeed::Optional : PathNeed::Required));
    std::error_code ec;
    const fs::path source(a.source);
    const bool isDir = fs::is_directory(source, ec);
    if (!fs::exists(source, ec))
        return makeError(ErrorKind::Io, "cannot upload '" + a.source + "': no such file or directory");
    if (isDir && !a.recursive)
        return makeError(ErrorKind::InvalidArgument, "'" + a.source + "' is a folder; pass -r to upload its files");
    if (!isDir && a.recursive)
        return makeError(ErrorKind::InvalidArgument, "'" + a.source + "' is not a folder; -r uploads folders");
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
    if (isDir) return uploadTree(ctx, *backend, uri, source);

    LAKESIDE_ASSIGN_OR_RETURN(ObjectStats st, uploadFile(*backend, uri.repository, uri.ref, uri.path, source));
    if (ctx.json()) {
        ctx.printJson(st);
        return {};
    }
    ctx.out << "Path: " << st.path << '\n'
            << "Modified Time: " << formatTime(st.mtime) << '\n'
            << "Size: " << st.size_bytes << " bytes\n"
            << "Human Size: " << humanSize(st.size_bytes) << '\n'
            << "Physical Address: " << st.physical_address << '\n'
            << "Checksum: " << st.checksum << '\n'
            << "Content-Type: " << st.content_type << '\n';
    return {};
}

Status runDownload(CommandContext& ctx, const DownloadArgs& a)
{
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri uri, parseRefUri(ctx, a.uri, RefKind::AnyRef,
                                                         a.recursive ? PathNeed::Optional : PathNeed::Required));
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
    std::error_code ec;
    if (!a.recursive) {
        LAKESIDE_ASSIGN_OR_RETURN(ObjectStats st, backend->statObject(uri.repository, uri.ref, uri.path));
        const std::string base = fs::path(uri.path).filename().string();
        fs::path target = a.dest.empty() ? fs::path(base) : fs::path(a.dest);
        if (!a.dest.empty() && (a.dest.back() == '/' || fs::is_directory(target, ec))) target /= base;
        if (base.empty() || base == "." || base == "..")
            return makeError(ErrorKind::InvalidArgument, "object '" + uri.path + "' has no file name to download to; give DEST");
        LAKESIDE_RETURN_IF_ERROR(downloadToFile(*backend, uri.repository, uri.ref, uri.path, target));
        if (ctx.json()) ctx.printJson(st);
        else ctx.out << "downloaded " << uri.toString() << " to " << target.string() << " (" << humanSize(st.size_bytes) << ")\n";
        return {};
    }

    const std::string prefix = withSlash(uri.path);
    const fs::path dest = a.dest.empty() ? fs::path(".") : fs::path(a.dest);
    auto fetch = [&](const std::string& after, int amount) {
        ListParams p;
        p.prefix = prefix;
        p.after = after;
        p.amount = amount;
        return backend->listObjects(uri.repository, uri.ref, p, "");
    };
    auto key = [](const ObjectStats& s) { return s.path; };
    LAKESIDE_ASSIGN_OR_RETURN(Page<ObjectStats> page, gatherPages<ObjectStats>(fetch, key, 0));
    // Map and check every key first: one hostile key refuses the whole download.
    std::vector<std::pair<std::string, fs::path>> plan;
    for (const ObjectStats& s : page.results) {
        if (s.path_type != PathType::Object) continue;
        LAKESIDE_ASSIGN_OR_RETURN(std::optional<fs::path> target, downloadTarget(dest, prefix, s.path));
        if (target) plan.emplace_back(s.path, *target);
    }
    if (plan.empty())
        return makeError(ErrorKind::NotFound, "no objects under " + uri.toString());
    fs::create_directories(dest, ec);
    if (ec) return makeError(ErrorKind::Io, "cannot create '" + dest.string() + "': " + ec.message());
    for (const auto& [objectKey, target] : plan) {
        if (!staysInside(dest, target))
            return makeError(ErrorKind::InvalidArgument, "refusing to write '" + target.string() +
                                                             "': a symbolic link leads outside '" + dest.string() + "'");
        LAKESIDE_RETURN_IF_ERROR(downloadToFile(*backend, uri.repository, uri.ref, objectKey, target));
        if (!ctx.json()) ctx.out << "downloaded " << objectKey << " to " << target.string() << '\n';
    }
    if (ctx.json()) ctx.printJson(pageToJson(page));
    else ctx.out << plan.size() << " object" << (plan.size() == 1 ? "" : "s") << " downloaded to " << dest.string() << '\n';
    return {};
}

} // namespace lakeside::cli
