// SPDX-License-Identifier: Apache-2.0
// Zero-copy imports: a local folder (entries point at the files where they are)
// and another repository's tree (entries share the source's blobs). Both replace
// everything under the destination prefix in one new commit, as lakeFS's import.
#include "engine.h"

#include "ctx.h"
#include "keys.h"
#include "overlaystore.h"

#include "api/names.h"

#include <algorithm>
#include <filesystem>
#include <sys/stat.h>

namespace fs = std::filesystem;

namespace lakeside::engine {
namespace {

using Imported = std::vector<std::pair<std::string, ranges::Entry>>;

std::string normalisePrefix(const std::string& p)
{
    if (p.empty() || p.back() == '/') return p;
    return p + "/";
}

std::string guessContentType(const std::string& name)
{
    static const std::pair<const char*, const char*> types[] = {
        {".csv", "text/csv"},        {".tsv", "text/tab-separated-values"}, {".json", "application/json"},
        {".ndjson", "application/x-ndjson"}, {".jsonl", "application/x-ndjson"}, {".txt", "text/plain"},
        {".md", "text/markdown"},    {".parquet", "application/vnd.apache.parquet"}, {".png", "image/png"},
        {".jpg", "image/jpeg"},      {".yaml", "application/yaml"},        {".yml", "application/yaml"},
    };
    for (const auto& [ext, type] : types) {
        const std::string e(ext);
        if (name.size() >= e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0) return type;
    }
    return "application/octet-stream";
}

// Deletes of every current key under `prefix` that `incoming` (sorted) does not
// replace, merged with `incoming` itself: the change list of an import.
Result<std::vector<ranges::Change>> replaceUnder(Ctx& c, const std::string& tree, const std::string& prefix,
                                                 Imported&& incoming)
{
    std::vector<ranges::Change> changes;
    changes.reserve(incoming.size());
    ranges::TreeIterator it(c.store, tree);
    it.seekGE(prefix);
    size_t i = 0;
    while (it.valid() && startsWith(it.key(), prefix)) {
        while (i < incoming.size() && incoming[i].first < it.key()) {
            changes.push_back({std::move(incoming[i].first), std::move(incoming[i].second)});
            ++i;
        }
        if (i < incoming.size() && incoming[i].first == it.key()) {
            changes.push_back({std::move(incoming[i].first), std::move(incoming[i].second)});
            ++i;
        } else {
            changes.push_back({it.key(), std::nullopt});
        }
        it.next();
    }
    LAKESIDE_RETURN_IF_ERROR(it.status());
    for (; i < incoming.size(); ++i) changes.push_back({std::move(incoming[i].first), std::move(incoming[i].second)});
    return changes;
}

} // namespace

Result<Commit> Engine::importLocalFolder(const std::string& repo, const std::string& branch, const std::string& folder,
                                         const std::string& destPrefix, const CommitCreation& cc, const OpContext& ctx)
{
    LAKESIDE_RETURN_IF_ERROR(validateBranchId(branch));
    std::error_code ec;
    const fs::path root = fs::absolute(folder, ec).lexically_normal();
    if (folder.empty() || !fs::exists(root, ec))
        return makeError(ErrorKind::NotFound, "import folder " + quote(folder) + " does not exist");
    if (!fs::is_directory(root, ec))
        return makeError(ErrorKind::InvalidArgument, "import source " + quote(folder) + " is not a folder");
    const std::string prefix = normalisePrefix(destPrefix);

    // Validate repository and branch before reading any file.
    {
        LAKESIDE_ENGINE_CTX(c);
        LAKESIDE_ASSIGN_OR_RETURN(Repository r, requireRepo(c, repo));
        LAKESIDE_RETURN_IF_ERROR(requireWritable(r, cc.force));
        LAKESIDE_RETURN_IF_ERROR(requireBranchHead(c, repo, branch).status());
    }

    std::vector<std::pair<std::string, fs::path>> files;
    for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        std::string rel = it->path().lexically_relative(root).generic_string();
        files.emplace_back(prefix + rel, it->path());
    }
    if (ec) return makeError(ErrorKind::Io, "cannot read folder " + quote(root.string()) + ": " + ec.message());
    std::sort(files.begin(), files.end());

    Imported incoming;
    incoming.reserve(files.size());
    const auto total = static_cast<int64_t>(files.size());
    for (size_t i = 0; i < files.size(); ++i) {
        if (ctx.isCancelled()) return makeError(ErrorKind::Cancelled, "import of " + quote(folder) + " cancelled; nothing was committed");
        const std::string& key = files[i].first;
        const std::string path = files[i].second.string();
        LAKESIDE_RETURN_IF_ERROR(validateObjectPath(key));
        struct stat st{};
        if (::stat(path.c_str(), &st) != 0)
            return makeError(ErrorKind::Io, "cannot stat " + quote(path) + " while importing");
        LAKESIDE_ASSIGN_OR_RETURN(StoredBlob b, ObjectStore::hashFile(path, ctx));
        ranges::Entry e;
        e.address = b.address;
        e.size = b.size;
        e.checksum = b.checksum;
        e.mtime = st.st_mtim.tv_sec;
        e.content_type = guessContentType(key);
        incoming.emplace_back(key, std::move(e));
        ctx.report(static_cast<int64_t>(i + 1), total);
    }

    LAKESIDE_ENGINE_CTX(c);
    std::string head;
    Commit hc;
    {
        Transaction txn(c.db);
        LAKESIDE_RETURN_IF_ERROR(txn.begin(false));
        LAKESIDE_ASSIGN_OR_RETURN(head, requireBranchHead(c, repo, branch));
        LAKESIDE_ASSIGN_OR_RETURN(hc, requireCommit(c, repo, head));
        LAKESIDE_RETURN_IF_ERROR(requireClean(c, repo, branch, hc.meta_range_id));
        LAKESIDE_RETURN_IF_ERROR(txn.commit());
    }
    LAKESIDE_ASSIGN_OR_RETURN(auto changes, replaceUnder(c, hc.meta_range_id, prefix, std::move(incoming)));
    OverlayRangeStore overlay(c.store);
    LAKESIDE_ASSIGN_OR_RETURN(std::string tree, ranges::applyChanges(overlay, hc.meta_range_id, changes));
    Commit ic;
    ic.parents = {head};
    ic.committer = m_committer;
    ic.message = cc.message.empty() ? "Import " + root.string() + " into '" + prefix + "'" : cc.message;
    ic.creation_date = cc.date ? *cc.date : nowSeconds();
    ic.meta_range_id = tree;
    ic.metadata = cc.metadata;
    ic.metadata[".lakefs.merge.strategy"] = "source-wins";
    ic.metadata["lakeside.import.folder"] = "file://" + root.string();
    ic.generation = hc.generation + 1;
    return recordCommit(c, repo, branch, head, std::move(ic), &overlay, -1);
}

Result<Commit> Engine::importFromRef(const std::string& repo, const std::string& branch, const std::string& destPrefix,
                                     const std::string& sourceRepo, const std::string& sourceRef,
                                     const std::string& sourcePrefix, const CommitCreation& cc, const OpContext& ctx)
{
    LAKESIDE_RETURN_IF_ERROR(validateBranchId(branch));
    const std::string prefix = normalisePrefix(destPrefix);
    LAKESIDE_ENGINE_CTX(c);
    std::string head;
    Commit hc;
    Commit source;
    {
        Transaction txn(c.db);
        LAKESIDE_RETURN_IF_ERROR(txn.begin(false));
        LAKESIDE_ASSIGN_OR_RETURN(Repository r, requireRepo(c, repo));
        LAKESIDE_RETURN_IF_ERROR(requireWritable(r, cc.force));
        LAKESIDE_ASSIGN_OR_RETURN(head, requireBranchHead(c, repo, branch));
        LAKESIDE_ASSIGN_OR_RETURN(hc, requireCommit(c, repo, head));
        LAKESIDE_RETURN_IF_ERROR(requireClean(c, repo, branch, hc.meta_range_id));
        LAKESIDE_RETURN_IF_ERROR(requireRepo(c, sourceRepo).status());
        LAKESIDE_ASSIGN_OR_RETURN(source, resolveCommit(c, sourceRepo, sourceRef));
        LAKESIDE_RETURN_IF_ERROR(txn.commit());
    }
    // Trees are content-addressed and blobs live in the shared workspace store, so
    // linking is copying entries (addresses included), never bytes.
    Imported incoming;
    ranges::TreeIterator it(c.store, source.meta_range_id);
    for (it.seekGE(sourcePrefix); it.valid() && startsWith(it.key(), sourcePrefix); it.next()) {
        if (ctx.isCancelled()) return makeError(ErrorKind::Cancelled, "import from " + quote(sourceRepo) + " cancelled; nothing was committed");
        std::string key = prefix + it.key().substr(sourcePrefix.size());
        LAKESIDE_RETURN_IF_ERROR(validateObjectPath(key));
        incoming.emplace_back(std::move(key), it.entry());
        if (incoming.size() % 1024 == 0) ctx.report(static_cast<int64_t>(incoming.size()), -1);
    }
    LAKESIDE_RETURN_IF_ERROR(it.status());
    if (incoming.empty())
        return makeError(ErrorKind::NotFound, "nothing to import: no objects under " + quote(sourcePrefix) + " in " +
                                                  quote(sourceRepo + "@" + sourceRef));
    ctx.report(static_cast<int64_t>(incoming.size()), static_cast<int64_t>(incoming.size()));
    LAKESIDE_ASSIGN_OR_RETURN(auto changes, replaceUnder(c, hc.meta_range_id, prefix, std::move(incoming)));
    OverlayRangeStore overlay(c.store);
    LAKESIDE_ASSIGN_OR_RETURN(std::string tree, ranges::applyChanges(overlay, hc.meta_range_id, changes));
    Commit ic;
    ic.parents = {head};
    ic.committer = m_committer;
    ic.message = cc.message.empty() ? "Import " + sourceRepo + "@" + source.id.substr(0, 12) + "/" + sourcePrefix +
                                          " into '" + prefix + "'"
                                    : cc.message;
    ic.creation_date = cc.date ? *cc.date : nowSeconds();
    ic.meta_range_id = tree;
    ic.metadata = cc.metadata;
    ic.metadata[".lakefs.merge.strategy"] = "source-wins";
    ic.metadata["lakeside.source"] = sourceRepo + "@" + source.id;
    ic.metadata["lakeside.source.prefix"] = sourcePrefix;
    ic.generation = hc.generation + 1;
    return recordCommit(c, repo, branch, head, std::move(ic), &overlay, -1);
}

} // namespace lakeside::engine
