// SPDX-License-Identifier: Apache-2.0
// LocalBackend: repositories, branches, tags, ref expressions, objects, staging,
// commit and log, with lakeFS semantics, plus the bad-input rules.
#include "local/localbackend.h"

#include "testutil.h"

#include <QTemporaryDir>
#include <QTest>

using namespace lakeside;
using namespace testutil;

class TestLocalBackend : public QObject {
    Q_OBJECT

private:
    QTemporaryDir* m_dir = nullptr;
    std::unique_ptr<LocalBackend> m_b;
    const std::string R = "sales";

    std::vector<std::string> paths(const Page<ObjectStats>& p)
    {
        std::vector<std::string> out;
        for (const auto& o : p.results) out.push_back(o.path);
        return out;
    }
    int stagedChanges(const std::string& branch)
    {
        auto d = m_b->diffBranch(R, branch, {});
        return d.ok() ? static_cast<int>(d->results.size()) : -1;
    }

private slots:
    void init()
    {
        m_dir = new QTemporaryDir;
        QVERIFY(m_dir->isValid());
        auto b = LocalBackend::open(m_dir->path().toStdString() + "/ws", "alice");
        QVERIFY2(b.ok(), b.ok() ? "" : b.error().message.c_str());
        m_b = std::move(b).value();
        RepositoryCreation rc;
        rc.name = R;
        CHECK_OK(m_b->createRepository(rc));
    }
    void cleanup()
    {
        m_b.reset();
        delete m_dir;
    }

    void createdRepositoryHasLakeFsRootCommit()
    {
        auto repo = m_b->getRepository(R);
        QVERIFY(repo.ok());
        QCOMPARE(repo->default_branch, std::string("main"));
        QCOMPARE(repo->storage_namespace, std::string("local://sales"));
        auto c = m_b->getCommit(R, "main");
        QVERIFY(c.ok());
        QCOMPARE(c->message, std::string("Repository created"));
        QCOMPARE(c->committer, std::string());
        QVERIFY(c->parents.empty());
        QCOMPARE(c->generation, int64_t(1));
        QCOMPARE(c->meta_range_id, std::string());
        QCOMPARE(c->id.size(), size_t(64));
        QCOMPARE(m_b->describe().rfind("local workspace ", 0), size_t(0));
    }

    void repositoryErrors()
    {
        RepositoryCreation rc;
        rc.name = R;
        QCOMPARE(m_b->createRepository(rc).error().kind, ErrorKind::Conflict);
        rc.name = "Bad_Name";
        QCOMPARE(m_b->createRepository(rc).error().kind, ErrorKind::InvalidArgument);
        rc.name = "other";
        rc.storage_namespace = "local://sales";
        auto r = m_b->createRepository(rc);
        QCOMPARE(r.error().kind, ErrorKind::InvalidArgument);
        QVERIFY(r.error().message.find("already in use") != std::string::npos);
        QCOMPARE(m_b->getRepository("nope-repo").error().kind, ErrorKind::NotFound);
        QCOMPARE(m_b->deleteRepository("nope-repo").kind(), ErrorKind::NotFound);
    }

    void listRepositoriesPaginates()
    {
        for (const char* n : {"aaa", "bbb", "ccc"}) {
            RepositoryCreation rc;
            rc.name = n;
            CHECK_OK(m_b->createRepository(rc));
        }
        ListParams p;
        p.amount = 2;
        auto page = m_b->listRepositories(p);
        QVERIFY(page.ok());
        QCOMPARE(page->results.size(), size_t(2));
        QVERIFY(page->has_more);
        QCOMPARE(page->next_offset, std::string("bbb"));
        p.after = page->next_offset;
        page = m_b->listRepositories(p);
        QCOMPARE(page->results.size(), size_t(2));
        QCOMPARE(page->results[1].id, R);
        QVERIFY(!page->has_more);
        QCOMPARE(page->next_offset, std::string());
        ListParams pre;
        pre.prefix = "b";
        QCOMPARE(m_b->listRepositories(pre)->results.size(), size_t(1));
        CHECK_OK(m_b->deleteRepository("bbb"));
        QCOMPARE(m_b->getRepository("bbb").error().kind, ErrorKind::NotFound);
    }

    void uploadStatGetRoundTrip()
    {
        UploadOptions o;
        o.content_type = "text/csv";
        o.metadata = {{"owner", "bob"}};
        auto st = put(*m_b, R, "main", "data/a.csv", "x,y\n1,2\n", o);
        QVERIFY(st.ok());
        QCOMPARE(st->size_bytes, int64_t(8));
        QCOMPARE(st->checksum.size(), size_t(64));
        auto stat = m_b->statObject(R, "main", "data/a.csv");
        QVERIFY(stat.ok());
        QCOMPARE(stat->content_type, std::string("text/csv"));
        QCOMPARE(stat->metadata.at("owner"), std::string("bob"));
        QCOMPARE(*get(*m_b, R, "main", "data/a.csv"), std::string("x,y\n1,2\n"));
        QCOMPARE(*get(*m_b, R, "main", "data/a.csv", ByteRange{2, 4}), std::string("y\n1"));
        QCOMPARE(*get(*m_b, R, "main", "data/a.csv", ByteRange{4, std::nullopt}), std::string("1,2\n"));
        QCOMPARE(get(*m_b, R, "main", "data/a.csv", ByteRange{8, std::nullopt}).error().kind,
                 ErrorKind::RangeNotSatisfiable);
        // Uncommitted: visible on the branch, not on branch@.
        QCOMPARE(m_b->statObject(R, "main@", "data/a.csv").error().kind, ErrorKind::NotFound);
        CHECK_OK(commit(*m_b, R, "main", "add a"));
        QVERIFY(m_b->statObject(R, "main@", "data/a.csv").ok());
        QCOMPARE(*get(*m_b, R, "main@", "data/a.csv"), std::string("x,y\n1,2\n"));
    }

    void identicalContentIsStoredOnce()
    {
        CHECK_OK(put(*m_b, R, "main", "a", "same bytes"));
        CHECK_OK(put(*m_b, R, "main", "b", "same bytes"));
        auto a = m_b->statObject(R, "main", "a");
        auto b = m_b->statObject(R, "main", "b");
        QCOMPARE(a->physical_address, b->physical_address);
        QCOMPARE(a->checksum, b->checksum);
    }

    void createOnlyUpload()
    {
        UploadOptions o;
        o.if_none_match_star = true;
        CHECK_OK(put(*m_b, R, "main", "once", "1", o));
        auto again = put(*m_b, R, "main", "once", "2", o);
        QCOMPARE(again.error().kind, ErrorKind::PreconditionFailed);
        QCOMPARE(*get(*m_b, R, "main", "once"), std::string("1"));
    }

    void listWithDelimiterAndPagination()
    {
        for (const char* p : {"a/1", "a/2", "b", "c/x/1", "c/y", "d"}) CHECK_OK(put(*m_b, R, "main", p, p));
        CHECK_OK(commit(*m_b, R, "main", "tree"));
        CHECK_OK(m_b->deleteObject(R, "main", "a/1"));
        CHECK_OK(m_b->deleteObject(R, "main", "a/2")); // a/ is now empty on the branch
        CHECK_OK(put(*m_b, R, "main", "e/new", "n"));
        ListParams p;
        auto all = m_b->listObjects(R, "main", p, "/");
        QVERIFY(all.ok());
        QCOMPARE(paths(*all), (std::vector<std::string>{"b", "c/", "d", "e/"}));
        QCOMPARE(all->results[1].path_type, PathType::CommonPrefix);
        auto committed = m_b->listObjects(R, "main@", p, "/");
        QCOMPARE(paths(*committed), (std::vector<std::string>{"a/", "b", "c/", "d"}));
        p.amount = 2;
        auto first = m_b->listObjects(R, "main", p, "/");
        QCOMPARE(paths(*first), (std::vector<std::string>{"b", "c/"}));
        QVERIFY(first->has_more);
        QCOMPARE(first->next_offset, std::string("c/"));
        p.after = first->next_offset; // skips everything under c/
        auto second = m_b->listObjects(R, "main", p, "/");
        QCOMPARE(paths(*second), (std::vector<std::string>{"d", "e/"}));
        QVERIFY(!second->has_more);
        ListParams pre;
        pre.prefix = "c/";
        QCOMPARE(paths(*m_b->listObjects(R, "main", pre, "/")), (std::vector<std::string>{"c/x/", "c/y"}));
        QCOMPARE(paths(*m_b->listObjects(R, "main", pre, "")), (std::vector<std::string>{"c/x/1", "c/y"}));
    }

    void deleteIsIdempotentAndBulk()
    {
        CHECK_OK(put(*m_b, R, "main", "k1", "1"));
        CHECK_OK(put(*m_b, R, "main", "k2", "2"));
        CHECK_OK(commit(*m_b, R, "main", "two"));
        CHECK_OK(m_b->deleteObject(R, "main", "k1"));
        CHECK_OK(m_b->deleteObject(R, "main", "k1"));
        CHECK_OK(m_b->deleteObject(R, "main", "never-existed"));
        QCOMPARE(m_b->statObject(R, "main", "k1").error().kind, ErrorKind::NotFound);
        auto errs = m_b->deleteObjects(R, "main", {"k2", "missing", "bad/../path"});
        QVERIFY(errs.ok());
        QCOMPARE(errs->size(), size_t(1));
        QCOMPARE((*errs)[0].path, std::string("bad/../path"));
        QCOMPARE((*errs)[0].status_code, 400);
        QCOMPARE(stagedChanges("main"), 2);
        auto c = commit(*m_b, R, "main", "delete both");
        QVERIFY(c.ok());
        QCOMPARE(m_b->listObjects(R, "main", {}, "")->results.size(), size_t(0));
    }

    void commitRules()
    {
        auto empty = commit(*m_b, R, "main", "nothing");
        QCOMPARE(empty.error().kind, ErrorKind::InvalidArgument);
        QCOMPARE(empty.error().message, std::string("commit: no changes"));
        CommitCreation ae;
        ae.message = "empty ok";
        ae.allow_empty = true;
        ae.metadata = {{"k", "v"}};
        ae.date = 1700000000;
        auto c = m_b->commit(R, "main", ae);
        QVERIFY(c.ok());
        QCOMPARE(c->committer, std::string("alice"));
        QCOMPARE(c->creation_date, int64_t(1700000000));
        QCOMPARE(c->generation, int64_t(2));
        QCOMPARE(c->metadata.at("k"), std::string("v"));
        QCOMPARE(m_b->getCommit(R, c->id.substr(0, 10))->id, c->id);
        // Re-uploading identical content is not a change.
        CHECK_OK(put(*m_b, R, "main", "f", "v1"));
        CHECK_OK(commit(*m_b, R, "main", "f"));
        CHECK_OK(put(*m_b, R, "main", "f", "v1"));
        QCOMPARE(stagedChanges("main"), 0);
        QCOMPARE(commit(*m_b, R, "main", "same").error().kind, ErrorKind::InvalidArgument);
        // Only metadata changed: a change.
        UploadOptions o;
        o.metadata = {{"m", "1"}};
        CHECK_OK(put(*m_b, R, "main", "f", "v1", o));
        QCOMPARE(stagedChanges("main"), 1);
        CHECK_OK(commit(*m_b, R, "main", "meta"));
        QCOMPARE(stagedChanges("main"), 0);
    }

    void logOrderPaginationAndFilters()
    {
        std::vector<std::string> ids;
        for (int i = 0; i < 5; ++i) {
            CHECK_OK(put(*m_b, R, "main", i % 2 ? "odd/" + std::to_string(i) : "even", std::to_string(i)));
            CommitCreation c;
            c.message = "c" + std::to_string(i);
            c.date = 1000 + i;
            auto r = m_b->commit(R, "main", c);
            QVERIFY(r.ok());
            ids.push_back(r->id);
        }
        LogParams p;
        p.amount = 2;
        auto page = m_b->logCommits(R, "main", p);
        QVERIFY(page.ok());
        QCOMPARE(page->results.size(), size_t(2));
        QCOMPARE(page->results[0].id, ids[4]);
        QCOMPARE(page->results[1].id, ids[3]);
        QVERIFY(page->has_more);
        p.after = page->next_offset;
        p.amount = 10;
        page = m_b->logCommits(R, "main", p);
        QCOMPARE(page->results.size(), size_t(4)); // c2, c1, c0 and the root commit
        QCOMPARE(page->results.back().message, std::string("Repository created"));
        LogParams f;
        f.objects = {"even"};
        page = m_b->logCommits(R, "main", f);
        QCOMPARE(page->results.size(), size_t(3));
        LogParams pf;
        pf.prefixes = {"odd/"};
        page = m_b->logCommits(R, "main", pf);
        QCOMPARE(page->results.size(), size_t(2));
        QCOMPARE(page->results[0].id, ids[3]);
        LogParams one;
        one.amount = 1;
        one.objects = {"even"};
        one.limit = true;
        page = m_b->logCommits(R, "main", one);
        QCOMPARE(page->results.size(), size_t(1));
        QCOMPARE(page->results[0].id, ids[4]);
        QVERIFY(!page->has_more);
        LogParams stop;
        stop.stop_at = ids[2];
        QCOMPARE(m_b->logCommits(R, "main", stop)->results.size(), size_t(3));
        LogParams since;
        since.since = 1003;
        QCOMPARE(m_b->logCommits(R, "main", since)->results.size(), size_t(2));
    }

    void refExpressions()
    {
        std::vector<std::string> ids{m_b->getCommit(R, "main")->id};
        for (int i = 0; i < 3; ++i) {
            CHECK_OK(put(*m_b, R, "main", "f", std::to_string(i)));
            ids.push_back(commit(*m_b, R, "main", "c")->id);
        }
        QCOMPARE(m_b->getCommit(R, "main~1")->id, ids[2]);
        QCOMPARE(m_b->getCommit(R, "main~")->id, ids[2]);
        QCOMPARE(m_b->getCommit(R, "main~3")->id, ids[0]);
        QCOMPARE(m_b->getCommit(R, "main^1")->id, ids[2]);
        QCOMPARE(m_b->getCommit(R, "main^0")->id, ids[3]);
        QCOMPARE(m_b->getCommit(R, "main~1^1")->id, ids[1]);
        QCOMPARE(m_b->getCommit(R, "main~4").error().kind, ErrorKind::NotFound);
        QCOMPARE(m_b->getCommit(R, "main^2").error().kind, ErrorKind::InvalidArgument);
        QCOMPARE(m_b->getCommit(R, "main@")->id, ids[3]);
        QCOMPARE(m_b->getCommit(R, "main$").error().kind, ErrorKind::InvalidArgument);
        QCOMPARE(m_b->getCommit(R, "main@~1").error().kind, ErrorKind::InvalidArgument);
        CHECK_OK(m_b->createTag(R, "v1.0", "main~2"));
        QCOMPARE(m_b->getCommit(R, "v1.0")->id, ids[1]);
        QCOMPARE(m_b->getCommit(R, "v1.0~1")->id, ids[0]);
        QCOMPARE(m_b->getCommit(R, "v1.0@").error().kind, ErrorKind::InvalidArgument);
        QCOMPARE(m_b->getCommit(R, ids[2].substr(0, 8))->id, ids[2]);
        auto unknown = m_b->getCommit(R, "nosuchref");
        QCOMPARE(unknown.error().kind, ErrorKind::NotFound);
        QVERIFY(unknown.error().message.find("nosuchref") != std::string::npos);
        QCOMPARE(m_b->getCommit(R, "has space").error().kind, ErrorKind::InvalidArgument);
    }

    void ambiguousCommitPrefix()
    {
        std::vector<std::string> ids;
        CommitCreation c;
        c.allow_empty = true;
        for (int i = 0; i < 20; ++i) {
            c.message = std::to_string(i);
            ids.push_back(m_b->commit(R, "main", c)->id);
        }
        // 20 ids over 16 first characters: at least two share one.
        std::sort(ids.begin(), ids.end());
        std::string prefix;
        for (size_t i = 1; i < ids.size() && prefix.empty(); ++i)
            if (ids[i][0] == ids[i - 1][0]) prefix = ids[i].substr(0, 1);
        QVERIFY(!prefix.empty());
        auto r = m_b->getCommit(R, prefix);
        QCOMPARE(r.error().kind, ErrorKind::NotFound);
        QVERIFY(r.error().message.find("ambiguous") != std::string::npos);
    }

    void branchRules()
    {
        CHECK_OK(put(*m_b, R, "main", "f", "1"));
        auto c1 = commit(*m_b, R, "main", "c1");
        auto b = m_b->createBranch(R, "feature-1", "main");
        QVERIFY(b.ok());
        QCOMPARE(b->commit_id, c1->id);
        QCOMPARE(m_b->createBranch(R, "feature-1", "main").error().kind, ErrorKind::Conflict);
        CHECK_OK(m_b->createTag(R, "v1", "main"));
        QCOMPARE(m_b->createBranch(R, "v1", "main").error().kind, ErrorKind::Conflict);
        QCOMPARE(m_b->createBranch(R, c1->id, "main").error().kind, ErrorKind::Conflict);
        QCOMPARE(m_b->createTag(R, "feature-1", "main").error().kind, ErrorKind::Conflict);
        QCOMPARE(m_b->createTag(R, "v1", "main").error().kind, ErrorKind::Conflict);
        QCOMPARE(m_b->createBranch(R, "from-tag", "v1")->commit_id, c1->id);
        QCOMPARE(m_b->createBranch(R, "from-prev", "main~1")->commit_id, c1->parents[0]);
        QCOMPARE(m_b->createBranch(R, "from-staging", "main$").error().kind, ErrorKind::InvalidArgument);
        QCOMPARE(m_b->createBranch(R, "from-nowhere", "nope").error().kind, ErrorKind::NotFound);
        auto del = m_b->deleteBranch(R, "main");
        QCOMPARE(del.kind(), ErrorKind::Forbidden);
        QVERIFY(del.message().find("default branch") != std::string::npos);
        QCOMPARE(m_b->deleteBranch(R, "nope").kind(), ErrorKind::NotFound);
        // A branch's staging is its own and goes with it.
        CHECK_OK(put(*m_b, R, "feature-1", "g", "2"));
        QCOMPARE(m_b->statObject(R, "main", "g").error().kind, ErrorKind::NotFound);
        CHECK_OK(m_b->deleteBranch(R, "feature-1"));
        QCOMPARE(m_b->getBranch(R, "feature-1").error().kind, ErrorKind::NotFound);
        CHECK_OK(m_b->createBranch(R, "feature-1", "main"));
        QCOMPARE(m_b->statObject(R, "feature-1", "g").error().kind, ErrorKind::NotFound);
        ListParams p;
        p.prefix = "from-";
        auto list = m_b->listBranches(R, p);
        QCOMPARE(list->results.size(), size_t(2));
        CHECK_OK(m_b->deleteTag(R, "v1"));
        QCOMPARE(m_b->getTag(R, "v1").error().kind, ErrorKind::NotFound);
        QCOMPARE(m_b->deleteTag(R, "v1").kind(), ErrorKind::NotFound);
    }

    void invalidNames_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("name");
        QTest::addRow("branch with dot") << "branch" << "my.invalid.branch";
        QTest::addRow("branch with slash") << "branch" << "a/b";
        QTest::addRow("branch leading dash") << "branch" << "-x";
        QTest::addRow("tag ending .lock") << "tag" << "v1.lock";
        QTest::addRow("tag with space") << "tag" << "v 1";
        QTest::addRow("tag with ..") << "tag" << "a..b";
    }
    void invalidNames()
    {
        QFETCH(QString, what);
        QFETCH(QString, name);
        const std::string n = name.toStdString();
        const Status st = what == QLatin1String("branch") ? m_b->createBranch(R, n, "main").status()
                                                          : m_b->createTag(R, n, "main").status();
        QCOMPARE(st.kind(), ErrorKind::InvalidArgument);
        QVERIFY2(st.message().find(n) != std::string::npos, st.message().c_str());
        QCOMPARE(m_b->listBranches(R, {})->results.size(), size_t(1));
        QCOMPARE(m_b->listTags(R, {})->results.size(), size_t(0));
    }

    void badPaths_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addRow("dotdot") << QByteArray("a/../b");
        QTest::addRow("leading dotdot") << QByteArray("../etc/passwd");
        QTest::addRow("nul") << QByteArray("a\0b", 3);
        QTest::addRow("empty") << QByteArray();
        QTest::addRow("too long") << QByteArray(1025, 'x');
    }
    void badPaths()
    {
        QFETCH(QByteArray, path);
        const std::string p = path.toStdString();
        QCOMPARE(put(*m_b, R, "main", p, "x").error().kind, ErrorKind::InvalidArgument);
        QCOMPARE(m_b->deleteObject(R, "main", p).kind(), ErrorKind::InvalidArgument);
        QCOMPARE(m_b->statObject(R, "main", p).error().kind, ErrorKind::InvalidArgument);
        QCOMPARE(stagedChanges("main"), 0);
    }

    void unknownRepositoryAndBranch()
    {
        auto up = put(*m_b, R, "nobranch", "f", "x");
        QCOMPARE(up.error().kind, ErrorKind::NotFound);
        QVERIFY(up.error().message.find("nobranch") != std::string::npos);
        QCOMPARE(put(*m_b, "norepo", "main", "f", "x").error().kind, ErrorKind::NotFound);
        QCOMPARE(commit(*m_b, R, "nobranch", "m").error().kind, ErrorKind::NotFound);
        QCOMPARE(m_b->listObjects(R, "nobranch", {}, "").error().kind, ErrorKind::NotFound);
    }

    void resets()
    {
        for (const char* p : {"keep", "dir/a", "dir/b"}) CHECK_OK(put(*m_b, R, "main", p, "v1"));
        auto base = commit(*m_b, R, "main", "base");
        QVERIFY(base.ok());
        for (const char* p : {"keep", "dir/a", "dir/b", "new"}) CHECK_OK(put(*m_b, R, "main", p, "v2"));
        QCOMPARE(stagedChanges("main"), 4);
        CHECK_OK(m_b->resetBranch(R, "main", ResetType::Object, "keep"));
        QCOMPARE(*get(*m_b, R, "main", "keep"), std::string("v1"));
        CHECK_OK(m_b->resetBranch(R, "main", ResetType::CommonPrefix, "dir/"));
        QCOMPARE(*get(*m_b, R, "main", "dir/a"), std::string("v1"));
        QCOMPARE(stagedChanges("main"), 1);
        CHECK_OK(m_b->resetBranch(R, "main", ResetType::Reset, ""));
        QCOMPARE(stagedChanges("main"), 0);
        // Hard reset refuses a dirty branch, then moves HEAD.
        CHECK_OK(put(*m_b, R, "main", "keep", "v3"));
        CHECK_OK(commit(*m_b, R, "main", "v3"));
        CHECK_OK(put(*m_b, R, "main", "dirty", "x"));
        QCOMPARE(m_b->hardResetBranch(R, "main", "main~1").kind(), ErrorKind::InvalidArgument);
        CHECK_OK(m_b->resetBranch(R, "main", ResetType::Reset, ""));
        CHECK_OK(m_b->hardResetBranch(R, "main", "main~1"));
        QCOMPARE(m_b->getCommit(R, "main")->id, base->id);
        QCOMPARE(*get(*m_b, R, "main", "keep"), std::string("v1"));
    }

    void readOnlyRepositoryNeedsForce()
    {
        RepositoryCreation rc;
        rc.name = "frozen";
        rc.read_only = true;
        auto repo = m_b->createRepository(rc);
        QVERIFY(repo.ok());
        QVERIFY(repo->read_only);
        auto up = put(*m_b, "frozen", "main", "f", "x");
        QCOMPARE(up.error().kind, ErrorKind::Forbidden);
        QVERIFY(up.error().message.find("read-only") != std::string::npos);
        UploadOptions force;
        force.force = true;
        CHECK_OK(put(*m_b, "frozen", "main", "f", "x", force));
        QCOMPARE(commit(*m_b, "frozen", "main", "m").error().kind, ErrorKind::Forbidden);
        CommitCreation fc;
        fc.message = "forced";
        fc.force = true;
        CHECK_OK(m_b->commit("frozen", "main", fc));
        QCOMPARE(m_b->deleteObject("frozen", "main", "f").kind(), ErrorKind::Forbidden);
        QCOMPARE(m_b->createBranch("frozen", "b", "main").error().kind, ErrorKind::Forbidden);
        QCOMPARE(*get(*m_b, "frozen", "main", "f"), std::string("x")); // reads still work
        CHECK_OK(m_b->deleteRepository("frozen"));
    }

    void reopenKeepsEverything()
    {
        CHECK_OK(put(*m_b, R, "main", "persist", "data"));
        auto c = commit(*m_b, R, "main", "persist");
        CHECK_OK(put(*m_b, R, "main", "staged", "s"));
        m_b.reset();
        auto b = LocalBackend::open(m_dir->path().toStdString() + "/ws", "bob");
        QVERIFY(b.ok());
        m_b = std::move(b).value();
        QCOMPARE(m_b->getCommit(R, "main")->id, c->id);
        QCOMPARE(*get(*m_b, R, "main", "persist"), std::string("data"));
        QCOMPARE(*get(*m_b, R, "main", "staged"), std::string("s"));
        QCOMPARE(m_b->userName(), std::string("bob"));
        CHECK_OK(m_b->healthcheck());
    }
};

QTEST_GUILESS_MAIN(TestLocalBackend)
#include "tst_localbackend.moc"
