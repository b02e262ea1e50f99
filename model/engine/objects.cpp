// SPDX-License-Identifier: Apache-2.0
// Objects on refs: list, stat, get, upload, delete.
#include "engine.h"

#include "branchview.h"
#include "ctx.h"
#include "keys.h"

#include "api/names.h"

namespace lakeside::engine {
namespace {

Error objectNotFound(const std::string& repo, const std::string& ref, const std::string& path)
{
    return makeError(ErrorKind::NotFound, "object " + quote(path) + " not found on ref " + quote(ref) +
                                              " in repository " + quote(repo));
}

// Stages a delete of `path`: a tombstone when the head commit has it, else just
// drops any staged write (deleting what never existed is a no-op).
Status stageDelete(Ctx& c, const std::string& repo, const std::string& branch, const std::string& headTree,
                   const std::string& path)
{
    LAKESIDE_ASSIGN_OR_RETURN(auto committed, ranges::lookup(c.store, headTree, path));
    if (committed) return c.cat.stage(repo, branch, path, std::nullopt);
    return c.cat.unstage(repo, branch, path);
}

} // namespace

Result<Page<ObjectStats>> Engine::listObjects(const std::string& repo, const std::string& ref, const ListParams& p,
                                              const std::string& delimiter)
{
    LAKESIDE_ENGINE_CTX(c);
    Transaction txn(c.db); // one snapshot of head + staging for the whole page
    LAKESIDE_RETURN_IF_ERROR(txn.begin(false));
    LAKESIDE_RETURN_IF_ERROR(requireRepo(c, repo).status());
    LAKESIDE_ASSIGN_OR_RETURN(Resolved r, resolveRef(c, repo, ref));
    const int amount = pageAmount(p.amount);
    BranchView view(c, repo, r, p.prefix);
    if (p.after.empty()) {
        view.seek(p.prefix);
    } else if (!delimiter.empty() && p.after.size() >= delimiter.size() &&
               p.after.compare(p.after.size() - delimiter.size(), delimiter.size(), delimiter) == 0) {
        // `after` is a common prefix: continue after everything under it (REFERENCE.md §2.1).
        auto end = prefixEnd(p.after);
        if (!end) return Page<ObjectStats>{};
        view.seek(*end);
    } else {
        view.seek(keyAfter(p.after));
    }
    Page<ObjectStats> page;
    while (view.valid() && static_cast<int>(page.results.size()) <= amount) {
        if (auto cp = commonPrefixOf(view.key(), p.prefix, delimiter)) {
            ObjectStats s;
            s.path = *cp;
            s.path_type = PathType::CommonPrefix;
            page.results.push_back(std::move(s));
            auto end = prefixEnd(*cp);
            if (!end) break;
            view.seek(*end);
        } else {
            page.results.push_back(toObjectStats(view.key(), view.entry()));
            view.next();
        }
    }
    LAKESIDE_RETURN_IF_ERROR(view.status());
    if (static_cast<int>(page.results.size()) > amount) {
        page.results.resize(static_cast<size_t>(amount));
        page.has_more = true;
        page.next_offset = page.results.back().path;
    }
    return page;
}

Result<ObjectStats> Engine::statObject(const std::string& repo, const std::string& ref, const std::string& path)
{
    LAKESIDE_RETURN_IF_ERROR(validateObjectPath(path));
    LAKESIDE_ENGINE_CTX(c);
    Transaction txn(c.db);
    LAKESIDE_RETURN_IF_ERROR(txn.begin(false));
    LAKESIDE_RETURN_IF_ERROR(requireRepo(c, repo).status());
    LAKESIDE_ASSIGN_OR_RETURN(Resolved r, resolveRef(c, repo, ref));
    LAKESIDE_ASSIGN_OR_RETURN(auto e, lookupEntry(c, repo, r, path));
    if (!e) return objectNotFound(repo, ref, path);
    return toObjectStats(path, *e);
}

Status Engine::getObject(const std::string& repo, const std::string& ref, const std::string& path,
                         const ByteSink& sink, const std::optional<ByteRange>& range, const OpContext& ctx)
{
    LAKESIDE_RETURN_IF_ERROR(validateObjectPath(path));
    std::optional<ranges::Entry> e;
    {
        LAKESIDE_ENGINE_CTX(c);
        Transaction txn(c.db);
        LAKESIDE_RETURN_IF_ERROR(txn.begin(false));
        LAKESIDE_RETURN_IF_ERROR(requireRepo(c, repo).status());
        LAKESIDE_ASSIGN_OR_RETURN(Resolved r, resolveRef(c, repo, ref));
        LAKESIDE_ASSIGN_OR_RETURN(e, lookupEntry(c, repo, r, path));
        if (!e) return objectNotFound(repo, ref, path);
    } // the connection goes back to the pool before streaming: blobs are immutable
    BlobClaim claim{e->address, e->checksum, e->size, e->mtime, path};
    return m_objects->read(claim, sink, range, ctx);
}

Result<ObjectStats> Engine::uploadObject(const std::string& repo, const std::string& branch, const std::string& path,
                                         const ByteSource& source, int64_t sizeHint, const UploadOptions& opts,
                                         const OpContext& ctx)
{
    LAKESIDE_RETURN_IF_ERROR(validateObjectPath(path));
    {
        // Fail fast (before any byte is written) on a missing repository or branch.
        LAKESIDE_ENGINE_CTX(c);
        LAKESIDE_ASSIGN_OR_RETURN(Repository r, requireRepo(c, repo));
        LAKESIDE_RETURN_IF_ERROR(requireWritable(r, opts.force));
        LAKESIDE_RETURN_IF_ERROR(requireBranchHead(c, repo, branch).status());
    }
    LAKESIDE_ASSIGN_OR_RETURN(StoredBlob blob, m_objects->put(source, sizeHint, ctx));
    ranges::Entry e;
    e.address = blob.address;
    e.size = blob.size;
    e.checksum = blob.checksum;
    e.mtime = nowSeconds();
    e.content_type = opts.content_type.empty() ? "application/octet-stream" : opts.content_type;
    e.metadata = opts.metadata;

    LAKESIDE_ENGINE_CTX(c);
    Transaction txn(c.db);
    LAKESIDE_RETURN_IF_ERROR(txn.begin(true));
    LAKESIDE_ASSIGN_OR_RETURN(std::string head, requireBranchHead(c, repo, branch));
    if (opts.if_none_match_star) {
        LAKESIDE_ASSIGN_OR_RETURN(Commit hc, requireCommit(c, repo, head));
        Resolved r{hc, branch, true};
        LAKESIDE_ASSIGN_OR_RETURN(auto existing, lookupEntry(c, repo, r, path));
        if (existing)
            return makeError(ErrorKind::PreconditionFailed, "path already exists: " + quote(path) + " on branch " +
                                                                quote(branch) + " (create-only upload)");
    }
    LAKESIDE_RETURN_IF_ERROR(c.cat.stage(repo, branch, path, e));
    LAKESIDE_RETURN_IF_ERROR(txn.commit());
    return toObjectStats(path, e);
}

Status Engine::deleteObject(const std::string& repo, const std::string& branch, const std::string& path)
{
    LAKESIDE_RETURN_IF_ERROR(validateObjectPath(path));
    LAKESIDE_ENGINE_CTX(c);
    Transaction txn(c.db);
    LAKESIDE_RETURN_IF_ERROR(txn.begin(true));
    LAKESIDE_ASSIGN_OR_RETURN(Repository r, requireRepo(c, repo));
    LAKESIDE_ASSIGN_OR_RETURN(std::string head, requireBranchHead(c, repo, branch));
    LAKESIDE_RETURN_IF_ERROR(requireWritable(r, false));
    LAKESIDE_ASSIGN_OR_RETURN(Commit hc, requireCommit(c, repo, head));
    LAKESIDE_RETURN_IF_ERROR(stageDelete(c, repo, branch, hc.meta_range_id, path));
    return txn.commit();
}

Result<std::vector<ObjectError>> Engine::deleteObjects(const std::string& repo, const std::string& branch,
                                                       const std::vector<std::string>& paths)
{
    if (paths.size() > 1000)
        return makeError(ErrorKind::InvalidArgument, "bulk delete accepts at most 1000 paths, got " +
                                                         std::to_string(paths.size()));
    LAKESIDE_ENGINE_CTX(c);
    Transaction txn(c.db);
    LAKESIDE_RETURN_IF_ERROR(txn.begin(true));
    LAKESIDE_ASSIGN_OR_RETURN(Repository r, requireRepo(c, repo));
    LAKESIDE_ASSIGN_OR_RETURN(std::string head, requireBranchHead(c, repo, branch));
    LAKESIDE_RETURN_IF_ERROR(requireWritable(r, false));
    LAKESIDE_ASSIGN_OR_RETURN(Commit hc, requireCommit(c, repo, head));
    std::vector<ObjectError> errors;
    for (const std::string& path : paths) {
        Status st = validateObjectPath(path);
        if (st.ok()) st = stageDelete(c, repo, branch, hc.meta_range_id, path);
        if (!st.ok()) errors.push_back({path, httpStatusFor(st.kind()), st.message()});
    }
    LAKESIDE_RETURN_IF_ERROR(txn.commit());
    return errors;
}

} // namespace lakeside::engine
