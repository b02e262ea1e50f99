// SPDX-License-Identifier: Apache-2.0
#include "bench_sides.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace bench {

GitSide::GitSide(std::string dir) : m_dir(std::move(dir))
{
    std::filesystem::create_directories(m_dir);
    m_env = {"GIT_AUTHOR_NAME=bench", "GIT_AUTHOR_EMAIL=bench@example.invalid", "GIT_COMMITTER_NAME=bench",
             "GIT_COMMITTER_EMAIL=bench@example.invalid", "GIT_CONFIG_NOSYSTEM=1", "HOME=" + m_dir};
    mustRun({"git", "init", "-q", "."}, m_dir, m_env);
    // A handful of blobs stand for the objects' content: trees need only their hashes.
    for (int i = 0; i < 16; ++i) {
        const std::string f = m_dir + "/blob.txt";
        std::ofstream(f) << "content " << i << "\n";
        m_blobs.push_back(trim(mustRun({"git", "hash-object", "-w", "blob.txt"}, m_dir, m_env).out));
    }
}

std::string GitSide::blobFor(int64_t i, int version) const
{
    return m_blobs[size_t((i + version * 7) % 16)];
}

static Timed chain(const std::vector<Proc>& steps)
{
    Timed t;
    for (const auto& p : steps) {
        t.seconds += p.seconds;
        t.cpu += p.cpuSeconds;
        t.maxRssKb = std::max(t.maxRssKb, p.maxRssKb);
    }
    return t;
}

Timed GitSide::import(Layout l, int64_t n)
{
    const std::string list = m_dir + "/base.info";
    {
        std::ofstream out(list);
        for (int64_t i = 0; i < n; ++i) out << "100644 " << blobFor(i, 0) << '\t' << keyOf(l, i) << '\n';
    }
    std::filesystem::remove(m_dir + "/base.index");
    auto env = m_env;
    env.push_back("GIT_INDEX_FILE=" + m_dir + "/base.index");
    Proc upd = mustRun({"git", "update-index", "--index-info"}, m_dir, env, list);
    Proc wt = mustRun({"git", "write-tree"}, m_dir, env);
    Proc ct = mustRun({"git", "commit-tree", "-m", "base", trim(wt.out)}, m_dir, env);
    Timed t = chain({upd, wt, ct});
    t.id = trim(wt.out);
    t.commit = trim(ct.out);
    return t;
}

Timed GitSide::commit(const Timed& base, const std::vector<BenchChange>& changes, int version, Layout)
{
    const std::string list = m_dir + "/change.info", index = m_dir + "/work.index";
    {
        std::ofstream out(list);
        for (const auto& c : changes) {
            if (c.kind == BenchChange::Delete) out << "0 0000000000000000000000000000000000000000\t" << c.key << '\n';
            else out << "100644 " << blobFor(c.index, version) << '\t' << c.key << '\n';
        }
    }
    std::filesystem::copy_file(m_dir + "/base.index", index, std::filesystem::copy_options::overwrite_existing);
    auto env = m_env;
    env.push_back("GIT_INDEX_FILE=" + index);
    Proc upd = mustRun({"git", "update-index", "--index-info"}, m_dir, env, list);
    Proc wt = mustRun({"git", "write-tree"}, m_dir, env);
    Proc ct = mustRun({"git", "commit-tree", "-p", base.commit, "-m", "change", trim(wt.out)}, m_dir, env);
    Timed t = chain({upd, wt, ct});
    t.id = trim(wt.out);
    t.commit = trim(ct.out);
    return t;
}

Timed GitSide::diff(const std::string& treeA, const std::string& treeB)
{
    Proc p = mustRun({"git", "diff", "--no-renames", "--name-status", treeA, treeB}, m_dir, m_env);
    Timed t = chain({p});
    for (char c : p.out) t.count += c == '\n';
    return t;
}

Timed GitSide::mergeTree(const std::string& dest, const std::string& source)
{
    Proc p = run({"git", "merge-tree", "--write-tree", dest, source}, m_dir, m_env);
    Timed t = chain({p});
    t.id = trim(p.out.substr(0, p.out.find('\n')));
    t.count = p.exitCode == 0 ? 0 : 1; // 1: conflicts
    return t;
}

} // namespace bench
