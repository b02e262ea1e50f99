// SPDX-License-Identifier: Apache-2.0
#pragma once
// Test double for the server side of the conformance run: forwards every
// Backend call to an inner backend (LocalBackend) and adds, in memory, what
// the embedded engine does not implement yet: pull requests, action runs
// and branch protection (enforced on uploads, deletes and commits). With it
// the proxied run covers those routes too instead of meeting Prism's mocks
// (Prism answers a mock when the upstream says 501). Thread-safe (one mutex).

#include "api/backend.h"

#include <map>
#include <mutex>
#include <string>
#include <vector>

class ExtrasBackend : public lakeside::Backend {
public:
    explicit ExtrasBackend(lakeside::Backend& inner) : m(inner) {}

    std::string describe() const override { return m.describe(); }
    std::string userName() const override { return m.userName(); }
    lakeside::Result<lakeside::Page<lakeside::Repository>> listRepositories(const lakeside::ListParams& p) override { return m.listRepositories(p); }
    lakeside::Result<lakeside::Repository> getRepository(const std::string& r) override { return m.getRepository(r); }
    lakeside::Result<lakeside::Repository> createRepository(const lakeside::RepositoryCreation& c) override { return m.createRepository(c); }
    lakeside::Status deleteRepository(const std::string& r) override { return m.deleteRepository(r); }
    lakeside::Result<lakeside::Page<lakeside::Ref>> listBranches(const std::string& r, const lakeside::ListParams& p) override { return m.listBranches(r, p); }
    lakeside::Result<lakeside::Ref> getBranch(const std::string& r, const std::string& b) override { return m.getBranch(r, b); }
    lakeside::Result<lakeside::Ref> createBranch(const std::string& r, const std::string& n, const std::string& s) override { return m.createBranch(r, n, s); }
    lakeside::Status deleteBranch(const std::string& r, const std::string& b) override { return m.deleteBranch(r, b); }
    lakeside::Status resetBranch(const std::string& r, const std::string& b, lakeside::ResetType t, const std::string& p) override;
    lakeside::Status hardResetBranch(const std::string& r, const std::string& b, const std::string& ref) override { return m.hardResetBranch(r, b, ref); }
    lakeside::Result<lakeside::Commit> revertBranch(const std::string& r, const std::string& b, const std::string& ref, int pn,
                                                    const lakeside::CommitOverrides& o, bool e) override { return m.revertBranch(r, b, ref, pn, o, e); }
    lakeside::Result<lakeside::Commit> cherryPick(const std::string& r, const std::string& b, const std::string& ref, int pn) override { return m.cherryPick(r, b, ref, pn); }
    lakeside::Result<lakeside::Page<lakeside::Ref>> listTags(const std::string& r, const lakeside::ListParams& p) override { return m.listTags(r, p); }
    lakeside::Result<lakeside::Ref> getTag(const std::string& r, const std::string& t) override { return m.getTag(r, t); }
    lakeside::Result<lakeside::Ref> createTag(const std::string& r, const std::string& i, const std::string& ref) override { return m.createTag(r, i, ref); }
    lakeside::Status deleteTag(const std::string& r, const std::string& t) override { return m.deleteTag(r, t); }
    lakeside::Result<lakeside::Commit> getCommit(const std::string& r, const std::string& ref) override { return m.getCommit(r, ref); }
    lakeside::Result<lakeside::Page<lakeside::Commit>> logCommits(const std::string& r, const std::string& ref, const lakeside::LogParams& p) override { return m.logCommits(r, ref, p); }
    lakeside::Result<lakeside::Commit> commit(const std::string& r, const std::string& b, const lakeside::CommitCreation& c) override;
    lakeside::Result<lakeside::Page<lakeside::DiffEntry>> diffRefs(const std::string& r, const std::string& l, const std::string& rr,
                                                                   const lakeside::DiffParams& p) override { return m.diffRefs(r, l, rr, p); }
    lakeside::Result<lakeside::Page<lakeside::DiffEntry>> diffBranch(const std::string& r, const std::string& b, const lakeside::DiffParams& p) override { return m.diffBranch(r, b, p); }
    lakeside::Result<lakeside::MergeResult> merge(const std::string& r, const std::string& s, const std::string& d, const lakeside::MergeParams& p) override { return m.merge(r, s, d, p); }
    lakeside::Result<lakeside::FindMergeBaseResult> findMergeBase(const std::string& r, const std::string& s, const std::string& d) override { return m.findMergeBase(r, s, d); }
    lakeside::Result<lakeside::Page<lakeside::ObjectStats>> listObjects(const std::string& r, const std::string& ref, const lakeside::ListParams& p,
                                                                        const std::string& d) override { return m.listObjects(r, ref, p, d); }
    lakeside::Result<lakeside::ObjectStats> statObject(const std::string& r, const std::string& ref, const std::string& p) override { return m.statObject(r, ref, p); }
    lakeside::Status getObject(const std::string& r, const std::string& ref, const std::string& p, const lakeside::ByteSink& s,
                               const std::optional<lakeside::ByteRange>& range, const lakeside::OpContext& ctx) override { return m.getObject(r, ref, p, s, range, ctx); }
    lakeside::Result<lakeside::ObjectStats> uploadObject(const std::string& r, const std::string& b, const std::string& p, const lakeside::ByteSource& s,
                                                         int64_t size, const lakeside::UploadOptions& o, const lakeside::OpContext& ctx) override;
    lakeside::Status deleteObject(const std::string& r, const std::string& b, const std::string& p) override;
    lakeside::Result<std::vector<lakeside::ObjectError>> deleteObjects(const std::string& r, const std::string& b,
                                                                       const std::vector<std::string>& p) override;
    lakeside::Result<lakeside::Commit> importLocalFolder(const std::string& r, const std::string& b, const std::string& f, const std::string& d,
                                                         const lakeside::CommitCreation& c, const lakeside::OpContext& ctx) override { return m.importLocalFolder(r, b, f, d, c, ctx); }
    lakeside::Result<lakeside::Commit> importFromRef(const std::string& r, const std::string& b, const std::string& d, const std::string& sr,
                                                     const std::string& sref, const std::string& sp, const lakeside::CommitCreation& c,
                                                     const lakeside::OpContext& ctx) override { return m.importFromRef(r, b, d, sr, sref, sp, c, ctx); }
    lakeside::Status healthcheck() override { return m.healthcheck(); }
    lakeside::Result<lakeside::VersionConfig> version() override { return m.version(); }
    lakeside::Result<lakeside::User> currentUser() override { return m.currentUser(); }

    // --- the in-memory extras ---
    lakeside::Result<ProtectionRules> getBranchProtection(const std::string& repo) override;
    lakeside::Status setBranchProtection(const std::string& repo, const ProtectionRules& rules, const std::string& ifMatch) override;
    lakeside::Result<lakeside::Page<lakeside::PullRequest>> listPulls(const std::string& repo, const std::string& status,
                                                                      const lakeside::ListParams& p) override;
    lakeside::Result<lakeside::PullRequest> getPull(const std::string& repo, const std::string& id) override;
    lakeside::Result<std::string> createPull(const std::string& repo, const lakeside::PullRequestCreation& c) override;
    lakeside::Status updatePull(const std::string& repo, const std::string& id, const lakeside::PullRequestUpdate& u) override;
    lakeside::Result<lakeside::MergeResult> mergePull(const std::string& repo, const std::string& id, const lakeside::MergeParams& p) override;
    lakeside::Result<lakeside::Page<lakeside::ActionRun>> listActionRuns(const std::string& repo, const std::string& branch,
                                                                         const std::string& commitId, const lakeside::ListParams& p) override;
    lakeside::Result<lakeside::ActionRun> getActionRun(const std::string& repo, const std::string& runId) override;
    lakeside::Result<lakeside::Page<lakeside::HookRun>> listHookRuns(const std::string& repo, const std::string& runId,
                                                                     const lakeside::ListParams& p) override;
    lakeside::Result<std::string> getHookOutput(const std::string& repo, const std::string& runId, const std::string& hookRunId) override;

private:
    lakeside::Status writable(const std::string& repo, const std::string& branch, const char* what);

    lakeside::Backend& m;
    std::mutex m_mutex;
    std::map<std::string, std::vector<std::string>> m_protection; // repo -> patterns
    std::map<std::string, int> m_protectionVersion;
    std::map<std::string, std::map<std::string, lakeside::PullRequest>> m_pulls; // repo -> id -> PR
    int m_nextPull = 0;
    std::map<std::string, std::vector<lakeside::ActionRun>> m_runs; // repo -> runs, newest first
    int m_nextRun = 0;
};
