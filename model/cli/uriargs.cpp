// SPDX-License-Identifier: Apache-2.0
#include "uriargs.h"

namespace lakeside::cli {
namespace {

const char* refWord(RefKind kind)
{
    switch (kind) {
    case RefKind::Branch: return "BRANCH";
    case RefKind::Tag: return "TAG";
    case RefKind::AnyRef: break;
    }
    return "REF";
}

} // namespace

std::string expectedShape(RefKind kind, PathNeed path)
{
    std::string s = std::string("lakefs://REPO/") + refWord(kind);
    if (path == PathNeed::Required) s += "/PATH";
    if (path == PathNeed::Optional) s += "/[PATH]";
    return s;
}

Result<LakeFsUri> parseRepoUri(CommandContext& ctx, const std::string& arg)
{
    Result<LakeFsUri> uri = parseLakeFsUri(arg);
    if (!uri.ok()) return ctx.usage(uri.error().message + " (expected lakefs://REPO)");
    if (uri->hasRef() || !uri->path.empty())
        return ctx.usage("'" + arg + "' names more than a repository (expected lakefs://REPO)");
    LAKESIDE_RETURN_IF_ERROR(validateRepositoryId(uri->repository));
    return uri;
}

Result<LakeFsUri> parseRefUri(CommandContext& ctx, const std::string& arg, RefKind kind, PathNeed path)
{
    const std::string shape = expectedShape(kind, path);
    if (arg.find('\0') != std::string::npos)
        return makeError(ErrorKind::InvalidArgument, "'" + arg + "' contains a NUL character");
    Result<LakeFsUri> uri = parseLakeFsUri(arg);
    if (!uri.ok()) return ctx.usage(uri.error().message + " (expected " + shape + ")");
    if (!uri->hasRef())
        return ctx.usage("'" + arg + "' names no " + (kind == RefKind::AnyRef ? "ref" : kind == RefKind::Tag ? "tag" : "branch") +
                         " (expected " + shape + ")");
    if (path == PathNeed::None && !uri->path.empty())
        return ctx.usage("'" + arg + "' has a path, which this command does not take (expected " + shape + ")");
    if (path == PathNeed::Required && uri->path.empty())
        return ctx.usage("'" + arg + "' names no object path (expected " + shape + ")");

    LAKESIDE_RETURN_IF_ERROR(validateRepositoryId(uri->repository));
    switch (kind) {
    case RefKind::Branch: LAKESIDE_RETURN_IF_ERROR(validateBranchId(uri->ref)); break;
    case RefKind::Tag: LAKESIDE_RETURN_IF_ERROR(validateTagId(uri->ref)); break;
    case RefKind::AnyRef: LAKESIDE_RETURN_IF_ERROR(validateRef(uri->ref)); break;
    }
    if (!uri->path.empty()) LAKESIDE_RETURN_IF_ERROR(validateObjectPath(uri->path));
    return uri;
}

} // namespace lakeside::cli
