// SPDX-License-Identifier: Apache-2.0
#pragma once
// A Backend serving a synthetic commit DAG from memory, for the history
// tests and the graph benchmark. Header-only test helper (not a library).
//
// Commits are compact nodes (date, up to two parent indices); ids are
// 64 hex characters derived from the node index, so a million commits cost
// ~24 MB. logCommits() is lakeFS's walk (newest creation_date first, larger
// id on ties, parents visited once) with `after` resumed from a cached walk,
// so paging through a long history stays linear. Branch, tag, reset, revert
// and cherry-pick operations work on the DAG (new commits are appended).
// Every call counts in `calls`. Thread-safe through one mutex.

#include "api/backend.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <map>
#include <mutex>
#include <queue>

namespace lakeside::test {

class SyntheticBackend : public Backend {
public:
    struct Node {
        int64_t date = 0;
        int32_t p0 = -1, p1 = -1;
    };

    std::string repo = "repo";
    std::atomic<int64_t> calls{0};
    std::atomic<int64_t> logCalls{0};

    // Index of a new commit (parents are indices of existing commits).
    int32_t add(int64_t date, int32_t p0 = -1, int32_t p1 = -1)
    {
        std::lock_guard lock(m_mutex);
        return addLocked(date, p0, p1);
    }
    void setBranch(const std::string& name, int32_t node) { std::lock_guard l(m_mutex); m_branches[name] = node; }
    void setTag(const std::string& name, int32_t node) { std::lock_guard l(m_mutex); m_tags[name] = node; }
    int32_t size() const { std::lock_guard l(m_mutex); return static_cast<int32_t>(m_nodes.size()); }
    int32_t branchHead(const std::string& name) const
    {
        std::lock_guard l(m_mutex);
        auto it = m_branches.find(name);
        return it == m_branches.end() ? -1 : it->second;
    }
    // Fails every following logCommits call with `kind` (error-path tests).
    void failLogs(bool fail) { m_failLogs = fail; }

    static std::string idOf(int32_t i)
    {
        // A mixed prefix so ids sort unlike indices; the index in the last 8 digits.
        uint64_t z = static_cast<uint64_t>(i) + 0x9e3779b97f4a7c15ULL;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        z ^= z >> 31;
        char buf[65];
        std::snprintf(buf, sizeof buf, "%016llx%040x%08x", static_cast<unsigned long long>(z), 0u,
                      static_cast<unsigned>(i));
        return std::string(buf, 64);
    }
    static std::string messageOf(int32_t i) { return "Commit number " + std::to_string(i) + "\n\nBody of the message."; }
    static std::string committerOf(int32_t i) { return i % 3 == 0 ? "alice" : (i % 3 == 1 ? "bob" : "carol"); }
    // The one path commit i changes (and, for odd i, a second one under "logs/").
    static std::vector<std::string> pathsOf(int32_t i)
    {
        std::vector<std::string> p{"data/part-" + std::to_string(i % 7) + ".csv"};
        if (i % 2) p.push_back("logs/run-" + std::to_string(i) + ".txt");
        return p;
    }

    std::string describe() const override { return "synthetic"; }
    std::string userName() const override { return "tester"; }

    Result<Page<Repository>> listRepositories(const ListParams&) override
    {
        ++calls;
        Page<Repository> p;
        p.results.push_back(Repository{repo, 0, "main", "mem://", false});
        return p;
    }
    Result<Repository> getRepository(const std::string& r) override
    {
        ++calls;
        if (r != repo) return makeError(ErrorKind::NotFound, "repository '" + r + "' not found");
        return Repository{repo, 0, "main", "mem://", false};
    }
    Result<Repository> createRepository(const RepositoryCreation&) override { return notSupported("createRepository"); }
    Status deleteRepository(const std::string&) override { return notSupported("deleteRepository"); }

    Result<Page<Ref>> listBranches(const std::string&, const ListParams& p) override
    {
        ++calls;
        std::lock_guard l(m_mutex);
        return listRefs(m_branches, p);
    }
    Result<Ref> getBranch(const std::string&, const std::string& b) override
    {
        ++calls;
        std::lock_guard l(m_mutex);
        auto it = m_branches.find(b);
        if (it == m_branches.end()) return makeError(ErrorKind::NotFound, "branch '" + b + "' not found");
        return Ref{b, idOf(it->second)};
    }
    Result<Ref> createBranch(const std::string&, const std::string& name, const std::string& source) override
    {
        ++calls;
        std::lock_guard l(m_mutex);
        if (m_branches.count(name) || m_tags.count(name)) return makeError(ErrorKind::Conflict, "branch '" + name + "': not unique");
        const int32_t n = resolve(source);
        if (n < 0) return makeError(ErrorKind::NotFound, "ref '" + source + "' not found");
        m_branches[name] = n;
        return Ref{name, idOf(n)};
    }
    Status deleteBranch(const std::string&, const std::string& b) override
    {
        std::lock_guard l(m_mutex);
        m_branches.erase(b);
        return Status();
    }
    Status resetBranch(const std::string&, const std::string&, ResetType, const std::string&) override { return Status(); }
    Status hardResetBranch(const std::string&, const std::string& branch, const std::string& ref) override
    {
        ++calls;
        std::lock_guard l(m_mutex);
        const int32_t n = resolve(ref);
        if (!m_branches.count(branch)) return makeError(ErrorKind::NotFound, "branch '" + branch + "' not found");
        if (n < 0) return makeError(ErrorKind::NotFound, "ref '" + ref + "' not found");
        m_branches[branch] = n;
        return Status();
    }
    Result<Commit> revertBranch(const std::string&, const std::string& branch, const std::string& ref, int parentNumber,
                                const CommitOverrides&, bool) override
    {
        return applyOnBranch(branch, ref, parentNumber, "Revert " + ref);
    }
    Result<Commit> cherryPick(const std::string&, const std::string& branch, const std::string& ref, int parentNumber) override
    {
        return applyOnBranch(branch, ref, parentNumber, "");
    }

    Result<Page<Ref>> listTags(const std::string&, const ListParams& p) override
    {
        ++calls;
        std::lock_guard l(m_mutex);
        return listRefs(m_tags, p);
    }
    Result<Ref> getTag(const std::string&, const std::string& t) override
    {
        std::lock_guard l(m_mutex);
        auto it = m_tags.find(t);
        if (it == m_tags.end()) return makeError(ErrorKind::NotFound, "tag '" + t + "' not found");
        return Ref{t, idOf(it->second)};
    }
    Result<Ref> createTag(const std::string&, const std::string& id, const std::string& ref) override
    {
        ++calls;
        std::lock_guard l(m_mutex);
        if (m_tags.count(id) || m_branches.count(id)) return makeError(ErrorKind::Conflict, "tag '" + id + "': not unique");
        const int32_t n = resolve(ref);
        if (n < 0) return makeError(ErrorKind::NotFound, "ref '" + ref + "' not found");
        m_tags[id] = n;
        return Ref{id, idOf(n)};
    }
    Status deleteTag(const std::string&, const std::string& t) override
    {
        std::lock_guard l(m_mutex);
        m_tags.erase(t);
        return Status();
    }

    Result<Commit> getCommit(const std::string&, const std::string& ref) override
    {
        ++calls;
        std::lock_guard l(m_mutex);
        const int32_t n = resolve(ref);
        if (n < 0) return makeError(ErrorKind::NotFound, "ref '" + ref + "' not found");
        return commitOf(n);
    }

    Result<Page<Commit>> logCommits(const std::string&, const std::string& ref, const LogParams& p) override
    {
        ++calls;
        ++logCalls;
        if (m_failLogs) return makeError(ErrorKind::Unavailable, "log of '" + ref + "': connection refused");
        std::lock_guard l(m_mutex);
        const int32_t start = resolve(ref);
        if (start < 0) return makeError(ErrorKind::NotFound, "ref '" + ref + "' not found");
        const int amount = p.amount <= 0 ? 100 : std::min(p.amount, 1000);
        Walk walk;
        auto cached = p.after.empty() ? m_walks.end() : m_walks.find({ref, p.after});
        if (cached != m_walks.end() && cached->second.start == start) {
            walk = std::move(cached->second);
            m_walks.erase(cached);
        } else {
            walk.start = start;
            walk.seen.assign(m_nodes.size(), false);
            walk.push(this, start);
            if (!p.after.empty()) { // walk until `after`, as lakeFS does
                while (!walk.queue.empty())
                    if (idOf(walk.pop(this, p.first_parent)) == p.after) break;
            }
        }
        if (m_walks.size() > 64) m_walks.clear();
        Page<Commit> page;
        while (!walk.queue.empty() && static_cast<int>(page.results.size()) < amount + 1) {
            const int32_t n = walk.pop(this, p.first_parent);
            if (!matches(n, p)) continue;
            page.results.push_back(commitOf(n));
        }
        if (static_cast<int>(page.results.size()) > amount) {
            // The extra one was read to know has_more; give it back to the walk.
            walk.unpop(this, page.results.back().id);
            page.results.pop_back();
            page.has_more = true;
            page.next_offset = page.results.back().id;
            m_walks[{ref, page.next_offset}] = std::move(walk);
        }
        return page;
    }
    Result<Commit> commit(const std::string&, const std::string&, const CommitCreation&) override { return notSupported("commit"); }

    Result<Page<DiffEntry>> diffRefs(const std::string&, const std::string& left, const std::string& right,
                                     const DiffParams& p) override
    {
        ++calls;
        std::lock_guard l(m_mutex);
        const int32_t r = resolve(right);
        if (r < 0 || resolve(left) < 0) return makeError(ErrorKind::NotFound, "ref not found");
        Page<DiffEntry> page;
        for (const std::string& path : pathsOf(r)) {
            if (!p.after.empty() && path <= p.after) continue;
            DiffEntry e;
            e.type = path.rfind("logs/", 0) == 0 ? DiffType::Added : DiffType::Changed;
            e.path = path;
            e.size_bytes = 100 + r;
            page.results.push_back(e);
        }
        return page;
    }
    Result<Page<DiffEntry>> diffBranch(const std::string&, const std::string&, const DiffParams&) override { return Page<DiffEntry>{}; }
    Result<MergeResult> merge(const std::string&, const std::string&, const std::string&, const MergeParams&) override { return notSupported("merge"); }
    Result<FindMergeBaseResult> findMergeBase(const std::string&, const std::string&, const std::string&) override { return notSupported("findMergeBase"); }
    Result<Page<ObjectStats>> listObjects(const std::string&, const std::string&, const ListParams&, const std::string&) override { return Page<ObjectStats>{}; }
    Result<ObjectStats> statObject(const std::string&, const std::string&, const std::string&) override { return notSupported("statObject"); }
    Status getObject(const std::string&, const std::string&, const std::string&, const ByteSink&, const std::optional<ByteRange>&, const OpContext&) override { return notSupported("getObject"); }
    Result<ObjectStats> uploadObject(const std::string&, const std::string&, const std::string&, const ByteSource&, int64_t, const UploadOptions&, const OpContext&) override { return notSupported("uploadObject"); }
    Status deleteObject(const std::string&, const std::string&, const std::string&) override { return notSupported("deleteObject"); }
    Result<std::vector<ObjectError>> deleteObjects(const std::string&, const std::string&, const std::vector<std::string>&) override { return notSupported("deleteObjects"); }
    Result<Commit> importLocalFolder(const std::string&, const std::string&, const std::string&, const std::string&, const CommitCreation&, const OpContext&) override { return notSupported("importLocalFolder"); }
    Result<Commit> importFromRef(const std::string&, const std::string&, const std::string&, const std::string&, const std::string&, const std::string&, const CommitCreation&, const OpContext&) override { return notSupported("importFromRef"); }
    Status healthcheck() override { return Status(); }
    Result<VersionConfig> version() override { return VersionConfig{"synthetic"}; }
    Result<User> currentUser() override { return User{"tester", 0}; }

private:
    struct Walk {
        int32_t start = -1;
        std::vector<bool> seen;
        // (date, id) max-heap, as lakeFS's log queue.
        std::priority_queue<std::pair<std::pair<int64_t, std::string>, int32_t>> queue;
        void push(SyntheticBackend* b, int32_t n)
        {
            if (n < 0 || seen[n]) return;
            seen[n] = true;
            queue.push({{b->m_nodes[n].date, idOf(n)}, n});
        }
        int32_t pop(SyntheticBackend* b, bool firstParent = false)
        {
            const int32_t n = queue.top().second;
            queue.pop();
            push(b, b->m_nodes[n].p0);
            if (!firstParent) push(b, b->m_nodes[n].p1);
            return n;
        }
        void unpop(SyntheticBackend* b, const std::string& id)
        {
            // Only called right after popping `id`: its parents were pushed,
            // which is what the walk would do anyway; re-queue the node.
            const int32_t n = static_cast<int32_t>(std::stoul(id.substr(56), nullptr, 16));
            queue.push({{b->m_nodes[n].date, id}, n});
        }
    };

    int32_t addLocked(int64_t date, int32_t p0, int32_t p1)
    {
        m_nodes.push_back(Node{date, p0, p1});
        m_walks.clear();
        return static_cast<int32_t>(m_nodes.size() - 1);
    }

    Commit commitOf(int32_t n) const
    {
        Commit c;
        c.id = idOf(n);
        if (m_nodes[n].p0 >= 0) c.parents.push_back(idOf(m_nodes[n].p0));
        if (m_nodes[n].p1 >= 0) c.parents.push_back(idOf(m_nodes[n].p1));
        c.committer = committerOf(n);
        auto custom = m_messages.find(n);
        c.message = custom == m_messages.end() ? messageOf(n) : custom->second;
        c.creation_date = m_nodes[n].date;
        c.metadata = {{"source", "synthetic"}, {"index", std::to_string(n)}};
        return c;
    }

    bool matches(int32_t n, const LogParams& p) const
    {
        if (p.objects.empty() && p.prefixes.empty()) return true;
        if (m_nodes[n].p0 < 0 || m_nodes[n].p1 >= 0) return false; // lakeFS: single-parent commits only
        for (const std::string& path : pathsOf(n)) {
            for (const std::string& o : p.objects)
                if (path == o) return true;
            for (const std::string& pre : p.prefixes)
                if (path.rfind(pre, 0) == 0) return true;
        }
        return false;
    }

    // Branch, tag, full id, or `x~N`.
    int32_t resolve(const std::string& ref) const
    {
        const std::size_t tilde = ref.find('~');
        if (tilde != std::string::npos) {
            int32_t n = resolve(ref.substr(0, tilde));
            int steps = tilde + 1 < ref.size() ? std::stoi(ref.substr(tilde + 1)) : 1;
            while (n >= 0 && steps-- > 0) n = m_nodes[n].p0;
            return n;
        }
        if (auto it = m_branches.find(ref); it != m_branches.end()) return it->second;
        if (auto it = m_tags.find(ref); it != m_tags.end()) return it->second;
        if (ref.size() == 64) {
            const int32_t n = static_cast<int32_t>(std::stoul(ref.substr(56), nullptr, 16));
            if (n >= 0 && n < static_cast<int32_t>(m_nodes.size()) && idOf(n) == ref) return n;
        }
        return -1;
    }

    static Page<Ref> listRefs(const std::map<std::string, int32_t>& refs, const ListParams& p)
    {
        Page<Ref> page;
        const int amount = p.amount <= 0 ? 100 : std::min(p.amount, 1000);
        for (auto it = refs.upper_bound(p.after); it != refs.end(); ++it) {
            if (static_cast<int>(page.results.size()) == amount) {
                page.has_more = true;
                page.next_offset = page.results.back().id;
                break;
            }
            page.results.push_back(Ref{it->first, idOf(it->second)});
        }
        return page;
    }

    Result<Commit> applyOnBranch(const std::string& branch, const std::string& ref, int parentNumber, std::string message)
    {
        ++calls;
        std::lock_guard l(m_mutex);
        auto it = m_branches.find(branch);
        if (it == m_branches.end()) return makeError(ErrorKind::NotFound, "branch '" + branch + "' not found");
        const int32_t n = resolve(ref);
        if (n < 0) return makeError(ErrorKind::NotFound, "ref '" + ref + "' not found");
        if (m_nodes[n].p1 >= 0 && parentNumber <= 0)
            return makeError(ErrorKind::Conflict, "must specify 1-based parent number for reverting merge commit");
        int64_t newest = 0;
        for (const Node& node : m_nodes) newest = std::max(newest, node.date);
        const int32_t created = addLocked(newest + 1, it->second, -1);
        it->second = created;
        if (!message.empty()) m_messages[created] = message;
        return commitOf(created);
    }

    mutable std::mutex m_mutex;
    std::vector<Node> m_nodes;
    std::map<std::string, int32_t> m_branches;
    std::map<std::string, int32_t> m_tags;
    std::map<std::pair<std::string, std::string>, Walk> m_walks;
    std::map<int32_t, std::string> m_messages;
    std::atomic<bool> m_failLogs{false};
};

} // namespace lakeside::test
