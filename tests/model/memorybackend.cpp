// SPDX-License-Identifier: Apache-2.0
#include "memorybackend.h"

#include "api/names.h"

#include <algorithm>
#include <functional>

namespace lakeside::test {
namespace {

Error err(ErrorKind k, std::string m) { return makeError(k, std::move(m)); }

template <class T, class Key>
Page<T> paginate(const std::vector<T>& all, const ListParams& p, Key key)
{
    Page<T> page;
    const int amount = p.amount <= 0 ? 100 : std::min(p.amount, 1000);
    for (const T& item : all) {
        if (!p.after.empty() && key(item) <= p.after) continue;
        if (int(page.results.size()) == amount) {
            page.has_more = true;
            page.next_offset = key(page.results.back());
            break;
        }
        page.results.push_back(item);
    }
    return page;
}

} // namespace

#define LK_FAIL(name)                                                                                                  \
    if (auto f = takeFailure(name)) return *f

void MemoryBackend::failNext(const std::string& method, Error e)
{
    std::lock_guard l(m_mutex);
    m_failures[method] = std::move(e);
}

std::optional<Error> MemoryBackend::takeFailure(const std::string& method)
{
    auto it = m_failures.find(method);
    if (it == m_failures.end()) return std::nullopt;
    Error e = it->second;
    m_failures.erase(it);
    return e;
}

MemoryBackend::RepoRec* MemoryBackend::findRepo(const std::string& repo)
{
    auto it = m_repos.find(repo);
    return it == m_repos.end() ? nullptr : &it->second;
}

Result<std::string> MemoryBackend::resolve(RepoRec& r, const std::string& refExpr)
{
    std::string ref = refExpr;
    int back = 0;
    if (auto pos = ref.find('~'); pos != std::string::npos) {
        back = ref.size() > pos + 1 ? std::atoi(ref.c_str() + pos + 1) : 1;
        ref = ref.substr(0, pos);
    }
    std::string id;
    if (auto b = r.branches.find(ref); b != r.branches.end()) id = b->second.head;
    else if (auto t = r.tags.find(ref); t != r.tags.end()) id = t->second;
    else if (isCommitIdPrefix(ref)) {
        for (const auto& [cid, rec] : r.commits)
            if (cid.compare(0, ref.size(), ref) == 0) {
                if (!id.empty()) return err(ErrorKind::Conflict, "commit prefix '" + ref + "' is not unique");
                id = cid;
            }
    }
    if (id.empty()) return err(ErrorKind::NotFound, "ref '" + refExpr + "' not found in repository '" + r.repo.id + "'");
    for (int i = 0; i < back; ++i) {
        const auto& parents = r.commits[id].commit.parents;
        if (parents.empty()) return err(ErrorKind::NotFound, "ref '" + refExpr + "' goes past the first commit");
        id = parents.front();
    }
    return id;
}

MemoryBackend::Tree MemoryBackend::view(RepoRec& r, const std::string& ref, bool* ok, std::string* commitId)
{
    auto id = resolve(r, ref);
    *ok = id.ok();
    if (!id.ok()) return {};
    if (commitId) *commitId = *id;
    Tree tree = r.commits[*id].tree;
    if (auto b = r.branches.find(ref); b != r.branches.end())
        for (const auto& [path, st] : b->second.staged) {
            if (st) tree[path] = *st;
            else tree.erase(path);
        }
    return tree;
}

Result<Page<Repository>> MemoryBackend::listRepositories(const ListParams& p)
{
    std::lock_guard l(m_mutex);
    LK_FAIL("listRepositories");
    std::vector<Repository> all;
    for (const auto& [id, r] : m_repos) all.push_back(r.repo);
    return paginate(all, p, [](const Repository& r) { return r.id; });
}

Result<Repository> MemoryBackend::getRepository(const std::string& repo)
{
    std::lock_guard l(m_mutex);
    LK_FAIL("getRepository");
    if (auto* r = findRepo(repo)) return r->repo;
    return err(ErrorKind::NotFound, "repository '" + repo + "' not found");
}

Result<Repository> MemoryBackend::createRepository(const RepositoryCreation& c)
{
    std::lock_guard l(m_mutex);
    LK_FAIL("createRepository");
    if (m_repos.count(c.name)) return err(ErrorKind::Conflict, "repository '" + c.name + "' already exists");
    RepoRec r;
    r.repo = Repository{c.name, clockNow, c.default_branch, "mem://" + c.name, c.read_only};
    CommitRec root;
    root.commit.id = "0000" + std::to_string(++m_seq) + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    root.commit.id.resize(64, 'a');
    root.commit.message = "Repository created";
    root.commit.committer = m_user;
    root.commit.creation_date = clockNow;
    r.commits[root.commit.id] = root;
    r.branches[c.default_branch] = BranchRec{root.commit.id, {}};
    m_repos[c.name] = std::move(r);
    return m_repos[c.name].repo;
}

Status MemoryBackend::deleteRepository(const std::string& repo)
{
    std::lock_guard l(m_mutex);
    if (!m_repos.erase(repo)) return err(ErrorKind::NotFound, "repository '" + repo + "' not found");
    return {};
}

Result<Page<Ref>> MemoryBackend::listBranches(const std::string& repo, const ListParams& p)
{
    std::lock_guard l(m_mutex);
    LK_FAIL("listBranches");
    RepoRec* r = findRepo(repo);
    if (!r) return err(ErrorKind::NotFound, "repository '" + repo + "' not found");
    std::vector<Ref> all;
    for (const auto& [name, b] : r->branches) all.push_back(Ref{name, b.head});
    return paginate(all, p, [](const Ref& x) { return x.id; });
}

Result<Ref> MemoryBackend::getBranch(const std::string& repo, const std::string& branch)
{
    std::lock_guard l(m_mutex);
    RepoRec* r = findRepo(repo);
    if (!r || !r->branches.count(branch)) return err(ErrorKind::NotFound, "branch '" + branch + "' not found");
    return Ref{branch, r->branches[branch].head};
}

Result<Ref> MemoryBackend::createBranch(const std::string& repo, const std::string& name, const std::string& source)
{
    std::lock_guard l(m_mutex);
    LK_FAIL("createBranch");
    LAKESIDE_RETURN_IF_ERROR(validateBranchId(name));
    RepoRec* r = findRepo(repo);
    if (!r) return err(ErrorKind::NotFound, "repository '" + repo + "' not found");
    if (r->branches.count(name)) return err(ErrorKind::Conflict, "branch '" + name + "' already exists");
    LAKESIDE_ASSIGN_OR_RETURN(std::string id, resolve(*r, source));
    r->branches[name] = BranchRec{id, {}};
    return Ref{name, id};
}

Status MemoryBackend::deleteBranch(const std::string& repo, const std::string& branch)
{
    std::lock_guard l(m_mutex);
    LK_FAIL("deleteBranch");
    RepoRec* r = findRepo(repo);
    if (!r || !r->branches.count(branch)) return err(ErrorKind::NotFound, "branch '" + branch + "' not found");
    if (r->repo.default_branch == branch)
        return err(ErrorKind::Forbidden, "branch '" + branch + "' is the default branch of '" + repo + "'");
    r->branches.erase(branch);
    return {};
}

Status MemoryBackend::resetBranch(const std::string& repo, const std::string& branch, ResetType type,
                                  const std::string& path)
{
    std::lock_guard l(m_mutex);
    LK_FAIL("resetBranch");
    RepoRec* r = findRepo(repo);
    if (!r || !r->branches.count(branch)) return err(ErrorKind::NotFound, "branch '" + branch + "' not found");
    auto& staged = r->branches[branch].staged;
    if (type == ResetType::Reset) staged.clear();
    else if (type == ResetType::Object) staged.erase(path);
    else
        std::erase_if(staged, [&](const auto& kv) { return kv.first.compare(0, path.size(), path) == 0; });
    return {};
}

Status MemoryBackend::hardResetBranch(const std::string&, const std::string&, const std::string&)
{
    return notSupported("hard reset");
}
Result<Commit> MemoryBackend::revertBranch(const std::string&, const std::string&, const std::string&, int,
                                           const CommitOverrides&, bool)
{
    return notSupported("revert");
}
Result<Commit> MemoryBackend::cherryPick(const std::string&, const std::string&, const std::string&, int)
{
    return notSupported("cherry-pick");
}

Result<Page<Ref>> MemoryBackend::listTags(const std::string& repo, const ListParams& p)
{
    std::lock_guard l(m_mutex);
    LK_FAIL("listTags");
    RepoRec* r = findRepo(repo);
    if (!r) return err(ErrorKind::NotFound, "repository '" + repo + "' not found");
    std::vector<Ref> all;
    for (const auto& [name, id] : r->tags) all.push_back(Ref{name, id});
    return paginate(all, p, [](const Ref& x) { return x.id; });
}

Result<Ref> MemoryBackend::getTag(const std::string& repo, const std::string& tag)
{
    std::lock_guard l(m_mutex);
    RepoRec* r = findRepo(repo);
    if (!r || !r->tags.count(tag)) return err(ErrorKind::NotFound, "tag '" + tag + "' not found");
    return Ref{tag, r->tags[tag]};
}

Result<Ref> MemoryBackend::createTag(const std::string& repo, const std::string& id, const std::string& ref)
{
    std::lock_guard l(m_mutex);
    LK_FAIL("createTag");
    LAKESIDE_RETURN_IF_ERROR(validateTagId(id));
    RepoRec* r = findRepo(repo);
    if (!r) return err(ErrorKind::NotFound, "repository '" + repo + "' not found");
    if (r->tags.count(id)) return err(ErrorKind::Conflict, "tag '" + id + "' already exists");
    LAKESIDE_ASSIGN_OR_RETURN(std::string cid, resolve(*r, ref));
    r->tags[id] = cid;
    return Ref{id, cid};
}

Status MemoryBackend::deleteTag(const std::string& repo, const std::string& tag)
{
    std::lock_guard l(m_mutex);
    RepoRec* r = findRepo(repo);
    if (!r || !r->tags.erase(tag)) return err(ErrorKind::NotFound, "tag '" + tag + "' not found");
    return {};
}

Result<Commit> MemoryBackend::getCommit(const std::string& repo, const std::string& ref)
{
    std::lock_guard l(m_mutex);
    LK_FAIL("getCommit");
    RepoRec* r = findRepo(repo);
    if (!r) return err(ErrorKind::NotFound, "repository '" + repo + "' not found");
    LAKESIDE_ASSIGN_OR_RETURN(std::string id, resolve(*r, ref));
    return r->commits[id].commit;
}

Result<Page<Commit>> MemoryBackend::logCommits(const std::string& repo, const std::string& ref, const LogParams& p)
{
    std::lock_guard l(m_mutex);
    LK_FAIL("logCommits");
    RepoRec* r = findRepo(repo);
    if (!r) return err(ErrorKind::NotFound, "repository '" + repo + "' not found");
    LAKESIDE_ASSIGN_OR_RETURN(std::string id, resolve(*r, ref));
    Page<Commit> page;
    const int amount = p.amount <= 0 ? 100 : std::min(p.amount, 1000);
    bool skipping = !p.after.empty();
    while (!id.empty()) {
        const Commit& c = r->commits[id].commit;
        if (!skipping) {
            if (int(page.results.size()) == amount) {
                page.has_more = true;
                page.next_offset = page.results.back().id;
                break;
            }
            page.results.push_back(c);
        }
        if (skipping && c.id == p.after) skipping = false;
        id = c.parents.empty() ? std::string() : c.parents.front();
    }
    return page;
}

Result<Commit> MemoryBackend::commit(const std::string& repo, const std::string& branch, const CommitCreation& c)
{
    std::lock_guard l(m_mutex);
    LK_FAIL("commit");
    RepoRec* r = findRepo(repo);
    if (!r || !r->branches.count(branch)) return err(ErrorKind::NotFound, "branch '" + branch + "' not found");
    BranchRec& b = r->branches[branch];
    if (b.staged.empty() && !c.allow_empty) return err(ErrorKind::InvalidArgument, "commit: no changes");
    CommitRec rec;
    rec.tree = r->commits[b.head].tree;
    for (const auto& [path, st] : b.staged) {
        if (st) rec.tree[path] = *st;
        else rec.tree.erase(path);
    }
    char buf[65];
    const int seq = ++m_seq;
    std::snprintf(buf, sizeof buf, "%08x%056d", unsigned(std::hash<std::string>{}(repo + branch)) ^ unsigned(seq), seq);
    rec.commit.id = buf;
    rec.commit.parents = {b.head};
    rec.commit.message = c.message;
    rec.commit.metadata = c.metadata;
    rec.commit.committer = m_user;
    rec.commit.creation_date = c.date.value_or(clockNow);
    r->commits[rec.commit.id] = rec;
    b.head = rec.commit.id;
    b.staged.clear();
    return rec.commit;
}

Result<Page<DiffEntry>> MemoryBackend::diffRefs(const std::string& repo, const std::string& left,
                                                const std::string& right, const DiffParams& p)
{
    std::lock_guard l(m_mutex);
    RepoRec* r = findRepo(repo);
    if (!r) return err(ErrorKind::NotFound, "repository '" + repo + "' not found");
    bool ok1 = false, ok2 = false;
    Tree a = view(*r, left, &ok1, nullptr), b = view(*r, right, &ok2, nullptr);
    if (!ok1 || !ok2) return err(ErrorKind::NotFound, "ref not found");
    std::vector<DiffEntry> all;
    for (const auto& [path, st] : b) {
        auto it = a.find(path);
        if (it == a.end()) all.push_back(DiffEntry{DiffType::Added, path, PathType::Object, st.size_bytes, {}, {}, st.checksum});
        else if (it->second.checksum != st.checksum)
            all.push_back(DiffEntry{DiffType::Changed, path, PathType::Object, st.size_bytes, it->second.size_bytes,
                                    it->second.checksum, st.checksum});
    }
    for (const auto& [path, st] : a)
        if (!b.count(path))
            all.push_back(DiffEntry{DiffType::Removed, path, PathType::Object, st.size_bytes, st.size_bytes, st.checksum, {}});
    std::sort(all.begin(), all.end(), [](const DiffEntry& x, const DiffEntry& y) { return x.path < y.path; });
    return paginate(all, ListParams{p.prefix, p.after, p.amount}, [](const DiffEntry& e) { return e.path; });
}

Result<Page<DiffEntry>> MemoryBackend::diffBranch(const std::string& repo, const std::string& branch,
                                                  const DiffParams& p)
{
    std::vector<DiffEntry> all;
    {
        std::lock_guard l(m_mutex);
        LK_FAIL("diffBranch");
        RepoRec* r = findRepo(repo);
        if (!r || !r->branches.count(branch)) return err(ErrorKind::NotFound, "branch '" + branch + "' not found");
        const BranchRec& b = r->branches[branch];
        const Tree& head = r->commits[b.head].tree;
        for (const auto& [path, st] : b.staged) {
            auto it = head.find(path);
            if (!st) {
                if (it != head.end())
                    all.push_back(DiffEntry{DiffType::Removed, path, PathType::Object, it->second.size_bytes, {}, {}, {}});
            } else
                all.push_back(DiffEntry{it == head.end() ? DiffType::Added : DiffType::Changed, path, PathType::Object,
                                        st->size_bytes, {}, {}, st->checksum});
        }
    }
    return paginate(all, ListParams{p.prefix, p.after, p.amount}, [](const DiffEntry& e) { return e.path; });
}

Result<MergeResult> MemoryBackend::merge(const std::string&, const std::string&, const std::string&, const MergeParams&)
{
    return notSupported("merge");
}
Result<FindMergeBaseResult> MemoryBackend::findMergeBase(const std::string&, const std::string&, const std::string&)
{
    return notSupported("merge base");
}

Result<Page<ObjectStats>> MemoryBackend::listObjects(const std::string& repo, const std::string& ref,
                                                     const ListParams& p, const std::string& delimiter)
{
    std::lock_guard l(m_mutex);
    LK_FAIL("listObjects");
    RepoRec* r = findRepo(repo);
    if (!r) return err(ErrorKind::NotFound, "repository '" + repo + "' not found");
    bool ok = false;
    Tree tree = view(*r, ref, &ok, nullptr);
    if (!ok) return err(ErrorKind::NotFound, "ref '" + ref + "' not found in repository '" + repo + "'");
    std::vector<ObjectStats> all;
    std::string lastPrefix;
    for (const auto& [path, st] : tree) {
        if (path.compare(0, p.prefix.size(), p.prefix) != 0) continue;
        if (!delimiter.empty()) {
            auto pos = path.find(delimiter, p.prefix.size());
            if (pos != std::string::npos) {
                std::string cp = path.substr(0, pos + delimiter.size());
                if (cp != lastPrefix) {
                    ObjectStats s;
                    s.path = cp;
                    s.path_type = PathType::CommonPrefix;
                    all.push_back(s);
                    lastPrefix = cp;
                }
                continue;
            }
        }
        all.push_back(st);
    }
    return paginate(all, ListParams{"", p.after, p.amount}, [](const ObjectStats& s) { return s.path; });
}

Result<ObjectStats> MemoryBackend::statObject(const std::string& repo, const std::string& ref, const std::string& path)
{
    std::lock_guard l(m_mutex);
    RepoRec* r = findRepo(repo);
    if (!r) return err(ErrorKind::NotFound, "repository '" + repo + "' not found");
    bool ok = false;
    Tree tree = view(*r, ref, &ok, nullptr);
    auto it = tree.find(path);
    if (!ok || it == tree.end()) return err(ErrorKind::NotFound, "object '" + path + "' not found at '" + ref + "'");
    return it->second;
}

Status MemoryBackend::getObject(const std::string& repo, const std::string& ref, const std::string& path,
                                const ByteSink& sink, const std::optional<ByteRange>& range, const OpContext& ctx)
{
    std::string bytes;
    {
        std::lock_guard l(m_mutex);
        LK_FAIL("getObject");
        RepoRec* r = findRepo(repo);
        if (!r) return err(ErrorKind::NotFound, "repository '" + repo + "' not found");
        bool ok = false;
        Tree tree = view(*r, ref, &ok, nullptr);
        auto it = tree.find(path);
        if (!ok || it == tree.end()) return err(ErrorKind::NotFound, "object '" + path + "' not found at '" + ref + "'");
        bytes = m_blobs[it->second.physical_address];
    }
    if (range) {
        const int64_t first = std::min<int64_t>(range->first, int64_t(bytes.size()));
        const int64_t last = range->last ? std::min<int64_t>(*range->last, int64_t(bytes.size()) - 1) : int64_t(bytes.size()) - 1;
        bytes = bytes.substr(size_t(first), size_t(std::max<int64_t>(0, last - first + 1)));
    }
    const int64_t chunk = 64 * 1024;
    for (int64_t off = 0; off < int64_t(bytes.size()); off += chunk) {
        if (ctx.isCancelled()) return err(ErrorKind::Cancelled, "download cancelled");
        const int64_t n = std::min<int64_t>(chunk, int64_t(bytes.size()) - off);
        if (!sink(bytes.data() + off, n)) return err(ErrorKind::Cancelled, "download stopped by the receiver");
        ctx.report(off + n, int64_t(bytes.size()));
    }
    return {};
}

Result<ObjectStats> MemoryBackend::uploadObject(const std::string& repo, const std::string& branch,
                                                const std::string& path, const ByteSource& source, int64_t sizeHint,
                                                const UploadOptions& opts, const OpContext& ctx)
{
    if (validatePaths) LAKESIDE_RETURN_IF_ERROR(validateObjectPath(path));
    std::string bytes;
    char buf[16384];
    for (;;) {
        if (ctx.isCancelled()) return err(ErrorKind::Cancelled, "upload of '" + path + "' cancelled");
        const int64_t n = source(buf, sizeof buf);
        if (n < 0) return err(ErrorKind::Io, "reading the data for '" + path + "' failed");
        if (n == 0) break;
        bytes.append(buf, size_t(n));
        ctx.report(int64_t(bytes.size()), sizeHint);
    }
    std::lock_guard l(m_mutex);
    LK_FAIL("uploadObject");
    RepoRec* r = findRepo(repo);
    if (!r || !r->branches.count(branch)) return err(ErrorKind::NotFound, "branch '" + branch + "' not found");
    ObjectStats st;
    st.path = path;
    st.size_bytes = int64_t(bytes.size());
    st.checksum = std::to_string(std::hash<std::string>{}(bytes));
    st.physical_address = "blob-" + std::to_string(++m_seq);
    st.mtime = clockNow;
    st.content_type = opts.content_type.empty() ? "application/octet-stream" : opts.content_type;
    st.metadata = opts.metadata;
    m_blobs[st.physical_address] = std::move(bytes);
    r->branches[branch].staged[path] = st;
    return st;
}

Status MemoryBackend::deleteObject(const std::string& repo, const std::string& branch, const std::string& path)
{
    std::lock_guard l(m_mutex);
    RepoRec* r = findRepo(repo);
    if (!r || !r->branches.count(branch)) return err(ErrorKind::NotFound, "branch '" + branch + "' not found");
    r->branches[branch].staged[path] = std::nullopt;
    return {};
}

Result<std::vector<ObjectError>> MemoryBackend::deleteObjects(const std::string& repo, const std::string& branch,
                                                              const std::vector<std::string>& paths)
{
    for (const auto& p : paths) LAKESIDE_RETURN_IF_ERROR(deleteObject(repo, branch, p));
    return std::vector<ObjectError>{};
}

Result<Commit> MemoryBackend::importLocalFolder(const std::string&, const std::string&, const std::string&,
                                                const std::string&, const CommitCreation&, const OpContext&)
{
    return notSupported("import");
}
Result<Commit> MemoryBackend::importFromRef(const std::string&, const std::string&, const std::string&,
                                            const std::string&, const std::string&, const std::string&,
                                            const CommitCreation&, const OpContext&)
{
    return notSupported("import");
}

Status MemoryBackend::put(const std::string& repo, const std::string& branch, const std::string& path,
                          const std::string& bytes)
{
    size_t off = 0;
    ByteSource src = [&](char* buf, int64_t cap) -> int64_t {
        const size_t n = std::min(size_t(cap), bytes.size() - off);
        std::copy_n(bytes.data() + off, n, buf);
        off += n;
        return int64_t(n);
    };
    return uploadObject(repo, branch, path, src, int64_t(bytes.size()), {}, {}).status();
}

} // namespace lakeside::test
