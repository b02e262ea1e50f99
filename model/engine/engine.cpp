// SPDX-License-Identifier: Apache-2.0
// Workspace opening, the connection pool and repository operations.
#include "engine.h"

#include "commitid.h"
#include "ctx.h"
#include "keys.h"

#include "api/names.h"

#include <filesystem>

namespace fs = std::filesystem;

namespace lakeside::engine {

Engine::Engine(std::string dir, std::string committer)
    : m_dir(std::move(dir)), m_committer(std::move(committer)), m_objects(std::make_unique<ObjectStore>(m_dir))
{
}

Engine::~Engine() = default;

Engine::Lease::Lease(Engine& e, std::unique_ptr<Connection> c) : m_e(&e), m_c(std::move(c)) {}

Engine::Lease::~Lease()
{
    if (!m_c) return;
    // A connection still inside a transaction (a failed ROLLBACK) would leak that
    // state into the next call: close it instead of pooling it.
    if (m_c->db.inTransaction()) return;
    std::lock_guard lock(m_e->m_poolMutex);
    m_e->m_pool.push_back(std::move(m_c));
}

Result<Engine::Lease> Engine::lease()
{
    {
        std::lock_guard lock(m_poolMutex);
        if (!m_pool.empty()) {
            auto c = std::move(m_pool.back());
            m_pool.pop_back();
            return Lease(*this, std::move(c));
        }
    }
    auto c = std::make_unique<Connection>();
    LAKESIDE_RETURN_IF_ERROR(c->db.open(m_dir + "/workspace.db"));
    LAKESIDE_ASSIGN_OR_RETURN(c->ranges, ranges::SqliteRangeStore::open(c->db.handle()));
    return Lease(*this, std::move(c));
}

Result<std::unique_ptr<Engine>> Engine::open(const std::string& dir, const std::string& committer)
{
    if (dir.empty()) return makeError(ErrorKind::InvalidArgument, "workspace directory must not be empty");
    std::error_code ec;
    const fs::path abs = fs::absolute(dir, ec);
    if (ec) return makeError(ErrorKind::Io, "cannot resolve workspace directory '" + dir + "': " + ec.message());
    if (fs::exists(abs, ec) && !fs::is_directory(abs, ec))
        return makeError(ErrorKind::InvalidArgument, "workspace '" + abs.string() + "' exists and is not a directory");
    fs::create_directories(abs, ec);
    if (ec) return makeError(ErrorKind::Io, "cannot create workspace '" + abs.string() + "': " + ec.message());

    std::unique_ptr<Engine> e(new Engine(abs.lexically_normal().string(), committer));
    LAKESIDE_RETURN_IF_ERROR(e->m_objects->init());
    LAKESIDE_ASSIGN_OR_RETURN(Lease l, e->lease());
    // Schema creation is idempotent; a write transaction serialises first opens by
    // several processes.
    Transaction txn(l.conn().db);
    LAKESIDE_RETURN_IF_ERROR(txn.begin(true));
    LAKESIDE_RETURN_IF_ERROR(Catalog::createSchema(l.conn().db));
    LAKESIDE_ASSIGN_OR_RETURN(int version, Catalog(l.conn().db).schemaVersion());
    if (version > Catalog::kSchemaVersion)
        return makeError(ErrorKind::InvalidArgument,
                         "workspace '" + e->m_dir + "' uses storage format " + std::to_string(version) +
                             ", newer than this Lakeside understands (" + std::to_string(Catalog::kSchemaVersion) +
                             "); upgrade Lakeside to open it");
    LAKESIDE_RETURN_IF_ERROR(txn.commit());
    return e;
}

Result<Page<Repository>> Engine::listRepositories(const ListParams& p)
{
    LAKESIDE_ENGINE_CTX(c);
    const int amount = pageAmount(p.amount);
    LAKESIDE_ASSIGN_OR_RETURN(auto repos, c.cat.repositories(p.prefix, p.after, amount + 1));
    Page<Repository> page;
    page.has_more = static_cast<int>(repos.size()) > amount;
    if (page.has_more) repos.resize(static_cast<size_t>(amount));
    page.results = std::move(repos);
    if (page.has_more) page.next_offset = page.results.back().id;
    return page;
}

Result<Repository> Engine::getRepository(const std::string& repo)
{
    LAKESIDE_ENGINE_CTX(c);
    return requireRepo(c, repo);
}

Result<Repository> Engine::createRepository(const RepositoryCreation& rc)
{
    LAKESIDE_RETURN_IF_ERROR(validateRepositoryId(rc.name));
    const std::string branch = rc.default_branch.empty() ? "main" : rc.default_branch;
    LAKESIDE_RETURN_IF_ERROR(validateBranchId(branch));
    Repository r;
    r.id = rc.name;
    r.default_branch = branch;
    r.read_only = rc.read_only;
    r.creation_date = nowSeconds();
    r.storage_namespace = rc.storage_namespace.empty() ? "local://" + rc.name : rc.storage_namespace;
    static const char* const schemes[] = {"s3://", "gs://", "http://", "https://", "mem://", "local://", "transient://"};
    bool schemeOk = false;
    for (const char* s : schemes) schemeOk = schemeOk || startsWith(r.storage_namespace, s);
    if (!schemeOk)
        return makeError(ErrorKind::InvalidArgument,
                         "storage namespace " + quote(r.storage_namespace) +
                             " must start with s3://, gs://, http(s)://, mem://, local:// or transient://");

    LAKESIDE_ENGINE_CTX(c);
    Transaction txn(c.db);
    LAKESIDE_RETURN_IF_ERROR(txn.begin(true));
    LAKESIDE_ASSIGN_OR_RETURN(auto existing, c.cat.repository(r.id));
    if (existing) return makeError(ErrorKind::Conflict, "repository " + quote(r.id) + " already exists (not unique)");
    LAKESIDE_ASSIGN_OR_RETURN(bool nsUsed, c.cat.namespaceInUse(r.storage_namespace));
    if (nsUsed)
        return makeError(ErrorKind::InvalidArgument, "failed to create repository: storage namespace " +
                                                         quote(r.storage_namespace) + " already in use");
    LAKESIDE_RETURN_IF_ERROR(c.cat.insertRepository(r));
    // lakeFS's root commit: empty committer, no parents, generation 1, empty tree.
    Commit root;
    root.message = "Repository created";
    root.creation_date = r.creation_date;
    root.generation = 1;
    root.id = computeCommitId(root);
    LAKESIDE_RETURN_IF_ERROR(c.cat.insertCommit(r.id, root));
    LAKESIDE_RETURN_IF_ERROR(c.cat.insertRef("branches", r.id, branch, root.id));
    LAKESIDE_RETURN_IF_ERROR(txn.commit());
    return r;
}

Status Engine::deleteRepository(const std::string& repo)
{
    LAKESIDE_ENGINE_CTX(c);
    Transaction txn(c.db);
    LAKESIDE_RETURN_IF_ERROR(txn.begin(true));
    LAKESIDE_RETURN_IF_ERROR(requireRepo(c, repo).status());
    LAKESIDE_RETURN_IF_ERROR(c.cat.deleteRepository(repo));
    return txn.commit();
}

} // namespace lakeside::engine
