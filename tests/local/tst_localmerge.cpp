// SPDX-License-Identifier: Apache-2.0
// LocalBackend diff, merge, revert, cherry-pick and merge base, each with explicit
// conflicting and non-conflicting histories (REFERENCE.md §3.5, §3.6, §6.7, §6.8).
#include "local/localbackend.h"

#include "testutil.h"

#include <QTemporaryDir>
#include <QTest>

using namespace lakeside;
using namespace testutil;

class TestLocalMerge : public QObject {
    Q_OBJECT

private:
    QTemporaryDir* m_dir = nullptr;
    std::unique_ptr<LocalBackend> m_b;
    const std::string R = "repo";

    using Changes = std::vector<std::pair<std::string, DiffType>>;
    Changes changes(const Page<DiffEntry>& p)
    {
        Changes out;
        for (const auto& d : p.results) out.emplace_back(d.path, d.type);
        return out;
    }
    Changes diff(const std::string& l, const std::string& r, DiffKind kind = DiffKind::ThreeDot,
                 const std::string& delimiter = "")
    {
        DiffParams p;
        p.type = kind;
        p.delimiter = delimiter;
        auto d = m_b->diffRefs(R, l, r, p);
        if (!d.ok()) qWarning("%s", d.error().message.c_str());
        return d.ok() ? changes(*d) : Changes{{"<error>", DiffType::Conflict}};
    }
    // main: file0=a, file1=b committed; branch `feature` from it.
    void seed()
    {
        CHECK_OK(put(*m_b, R, "main", "file0", "a"));
        CHECK_OK(put(*m_b, R, "main", "file1", "b"));
        CHECK_OK(commit(*m_b, R, "main", "seed"));
        CHECK_OK(m_b->createBranch(R, "feature", "main"));
    }

private slots:
    void init()
    {
        m_dir = new QTemporaryDir;
        m_b = std::move(LocalBackend::open(m_dir->path().toStdString(), "carol")).value();
        RepositoryCreation rc;
        rc.name = R;
        CHECK_OK(m_b->createRepository(rc));
    }
    void cleanup()
    {
        m_b.reset();
        delete m_dir;
    }

    void sanityFlow()
    {
        seed();
        CHECK_OK(put(*m_b, R, "feature", "file0", "changed"));
        CHECK_OK(m_b->deleteObject(R, "feature", "file1"));
        CHECK_OK(put(*m_b, R, "feature", "fileX", "new"));
        QCOMPARE(diff("main", "feature"), Changes{}); // uncommitted changes are excluded
        auto uncommitted = m_b->diffBranch(R, "feature", {});
        QCOMPARE(changes(*uncommitted), (Changes{{"file0", DiffType::Changed}, {"file1", DiffType::Removed},
                                                 {"fileX", DiffType::Added}}));
        QCOMPARE(*uncommitted->results[0].left_size_bytes, int64_t(1));
        QCOMPARE(*uncommitted->results[0].size_bytes, int64_t(7));
        QCOMPARE(*uncommitted->results[1].size_bytes, int64_t(1)); // removed: the old size
        QVERIFY(!uncommitted->results[1].left_checksum.empty());
        QVERIFY(uncommitted->results[1].right_checksum.empty());
        QCOMPARE(diff("main", "feature$", DiffKind::TwoDot).size(), size_t(3));
        auto fc = commit(*m_b, R, "feature", "work");
        QVERIFY(fc.ok());
        const Changes expected{{"file0", DiffType::Changed}, {"file1", DiffType::Removed}, {"fileX", DiffType::Added}};
        QCOMPARE(diff("main", "feature", DiffKind::TwoDot), expected);
        QCOMPARE(diff("main", "feature"), expected);
        const std::string mainBefore = m_b->getCommit(R, "main")->id;
        auto merged = m_b->merge(R, "feature", "main", {});
        QVERIFY2(merged.ok(), merged.ok() ? "" : merged.error().message.c_str());
        auto mc = m_b->getCommit(R, merged->reference);
        QCOMPARE(mc->parents, (std::vector<std::string>{mainBefore, fc->id}));
        QCOMPARE(mc->metadata.at(".lakefs.merge.strategy"), std::string("default"));
        QCOMPARE(mc->message, std::string("Merge 'feature' into 'main'"));
        QCOMPARE(mc->committer, std::string("carol"));
        QCOMPARE(mc->generation, fc->generation + 1);
        QCOMPARE(diff("main", "feature", DiffKind::TwoDot), Changes{});
        QCOMPARE(diff("feature", "main", DiffKind::TwoDot), Changes{});
        QCOMPARE(*get(*m_b, R, "main", "file0"), std::string("changed"));
        QCOMPARE(m_b->statObject(R, "main", "file1").error().kind, ErrorKind::NotFound);
        // Nothing new: no changes, unless allowed.
        QCOMPARE(m_b->merge(R, "feature", "main", {}).error().kind, ErrorKind::InvalidArgument);
        MergeParams ae;
        ae.allow_empty = true;
        QVERIFY(m_b->merge(R, "feature", "main", ae).ok());
    }

    void threeDotShowsOnlyRightSideAndConflicts()
    {
        seed();
        CHECK_OK(put(*m_b, R, "main", "main-only", "m"));
        CHECK_OK(put(*m_b, R, "main", "file0", "main version"));
        CHECK_OK(commit(*m_b, R, "main", "main work"));
        CHECK_OK(put(*m_b, R, "feature", "file0", "feature version"));
        CHECK_OK(put(*m_b, R, "feature", "feat", "f"));
        CHECK_OK(commit(*m_b, R, "feature", "feature work"));
        QCOMPARE(diff("main", "feature"), (Changes{{"feat", DiffType::Added}, {"file0", DiffType::Conflict}}));
        QCOMPARE(diff("main", "feature", DiffKind::TwoDot),
                 (Changes{{"feat", DiffType::Added}, {"file0", DiffType::Changed}, {"main-only", DiffType::Removed}}));
        auto base = m_b->findMergeBase(R, "feature", "main");
        QVERIFY(base.ok());
        QCOMPARE(base->base_commit_id, m_b->getCommit(R, "main~1")->id);
        QCOMPARE(base->source_commit_id, m_b->getCommit(R, "feature")->id);
    }

    void conflictListsEveryPathAndChangesNothing()
    {
        seed();
        CHECK_OK(put(*m_b, R, "main", "file0", "main"));
        CHECK_OK(put(*m_b, R, "main", "file1", "main"));
        CHECK_OK(put(*m_b, R, "main", "both-added", "m"));
        CHECK_OK(put(*m_b, R, "main", "same-added", "same"));
        CHECK_OK(commit(*m_b, R, "main", "main"));
        CHECK_OK(put(*m_b, R, "feature", "file0", "feature"));
        CHECK_OK(m_b->deleteObject(R, "feature", "file1"));
        CHECK_OK(put(*m_b, R, "feature", "both-added", "f"));
        CHECK_OK(put(*m_b, R, "feature", "same-added", "same"));
        CHECK_OK(put(*m_b, R, "feature", "clean", "c"));
        CHECK_OK(commit(*m_b, R, "feature", "feature"));
        const std::string head = m_b->getCommit(R, "main")->id;
        auto r = m_b->merge(R, "feature", "main", {});
        QCOMPARE(r.error().kind, ErrorKind::Conflict);
        QCOMPARE(r.error().conflicts, (std::vector<std::string>{"both-added", "file0", "file1"}));
        QVERIFY(r.error().message.find("conflict") != std::string::npos);
        QCOMPARE(m_b->getCommit(R, "main")->id, head);
        QCOMPARE(m_b->statObject(R, "main", "clean").error().kind, ErrorKind::NotFound);

        // Per-path resolutions settle some; the rest still conflict.
        MergeParams partial;
        partial.resolutions = {{"file0", MergeStrategy::SourceWins}, {"file1", MergeStrategy::DestWins}};
        auto still = m_b->merge(R, "feature", "main", partial);
        QCOMPARE(still.error().conflicts, std::vector<std::string>{"both-added"});
        partial.resolutions["both-added"] = MergeStrategy::DestWins;
        auto ok = m_b->merge(R, "feature", "main", partial);
        QVERIFY2(ok.ok(), ok.ok() ? "" : ok.error().message.c_str());
        QCOMPARE(*get(*m_b, R, "main", "file0"), std::string("feature"));
        QCOMPARE(*get(*m_b, R, "main", "file1"), std::string("main"));
        QCOMPARE(*get(*m_b, R, "main", "both-added"), std::string("m"));
        QCOMPARE(*get(*m_b, R, "main", "clean"), std::string("c"));
    }

    void strategies_data()
    {
        QTest::addColumn<int>("strategy");
        QTest::addColumn<bool>("file1Present");
        QTest::addColumn<QString>("name");
        QTest::addRow("dest-wins") << int(MergeStrategy::DestWins) << true << "dest-wins";
        QTest::addRow("source-wins") << int(MergeStrategy::SourceWins) << false << "source-wins";
    }
    void strategies()
    {
        QFETCH(int, strategy);
        QFETCH(bool, file1Present);
        QFETCH(QString, name);
        seed();
        CHECK_OK(put(*m_b, R, "main", "file1", "changed on main"));
        CHECK_OK(commit(*m_b, R, "main", "change"));
        CHECK_OK(m_b->deleteObject(R, "feature", "file1"));
        CHECK_OK(commit(*m_b, R, "feature", "delete"));
        QCOMPARE(m_b->merge(R, "feature", "main", {}).error().kind, ErrorKind::Conflict);
        MergeParams p;
        p.strategy = static_cast<MergeStrategy>(strategy);
        auto r = m_b->merge(R, "feature", "main", p);
        QVERIFY(r.ok());
        QCOMPARE(m_b->statObject(R, "main", "file1").ok(), file1Present);
        QCOMPARE(m_b->getCommit(R, r->reference)->metadata.at(".lakefs.merge.strategy"), name.toStdString());
    }

    void squashAndDirtyDestination()
    {
        seed();
        CHECK_OK(put(*m_b, R, "feature", "x", "1"));
        CHECK_OK(commit(*m_b, R, "feature", "x"));
        CHECK_OK(put(*m_b, R, "main", "dirty", "d"));
        auto dirty = m_b->merge(R, "feature", "main", {});
        QCOMPARE(dirty.error().kind, ErrorKind::InvalidArgument);
        QVERIFY(dirty.error().message.find("dirty") != std::string::npos);
        CHECK_OK(m_b->resetBranch(R, "main", ResetType::Reset, ""));
        MergeParams sq;
        sq.squash_merge = true;
        sq.message = "squashed";
        sq.metadata = {{"ticket", "42"}};
        auto r = m_b->merge(R, "feature", "main", sq);
        QVERIFY(r.ok());
        auto c = m_b->getCommit(R, r->reference);
        QCOMPARE(c->parents.size(), size_t(1));
        QCOMPARE(c->message, std::string("squashed"));
        QCOMPARE(c->metadata.at("ticket"), std::string("42"));
        QCOMPARE(m_b->merge(R, "nosuch", "main", {}).error().kind, ErrorKind::NotFound);
        QCOMPARE(m_b->merge(R, "feature", "nosuch", {}).error().kind, ErrorKind::NotFound);
    }

    void identicalAddsDoNotConflict()
    {
        seed();
        CHECK_OK(put(*m_b, R, "main", "same", "bytes"));
        CHECK_OK(commit(*m_b, R, "main", "m"));
        CHECK_OK(put(*m_b, R, "feature", "same", "bytes"));
        CHECK_OK(put(*m_b, R, "feature", "other", "o"));
        CHECK_OK(commit(*m_b, R, "feature", "f"));
        QVERIFY(m_b->merge(R, "feature", "main", {}).ok());
    }

    void delimiterRollUpAndPagination()
    {
        for (const char* p : {"a/1", "a/2", "b/x/1", "c"}) CHECK_OK(put(*m_b, R, "main", p, p));
        CHECK_OK(commit(*m_b, R, "main", "base"));
        CHECK_OK(m_b->createBranch(R, "feature", "main"));
        for (const char* p : {"a/1", "a/3", "b/x/1", "c", "d"}) CHECK_OK(put(*m_b, R, "feature", p, "new"));
        CHECK_OK(commit(*m_b, R, "feature", "f"));
        QCOMPARE(diff("main", "feature", DiffKind::TwoDot, "/"),
                 (Changes{{"a/", DiffType::PrefixChanged}, {"b/", DiffType::PrefixChanged},
                          {"c", DiffType::Changed}, {"d", DiffType::Added}}));
        DiffParams p;
        p.delimiter = "/";
        p.amount = 1;
        auto page = m_b->diffRefs(R, "main", "feature", p);
        QCOMPARE(changes(*page), (Changes{{"a/", DiffType::PrefixChanged}}));
        QCOMPARE(page->results[0].path_type, PathType::CommonPrefix);
        QVERIFY(page->has_more);
        p.after = page->next_offset;
        p.amount = 2;
        page = m_b->diffRefs(R, "main", "feature", p);
        QCOMPARE(changes(*page), (Changes{{"b/", DiffType::PrefixChanged}, {"c", DiffType::Changed}}));
        QVERIFY(page->has_more);
        DiffParams pre;
        pre.prefix = "a/";
        pre.type = DiffKind::TwoDot;
        QCOMPARE(changes(*m_b->diffRefs(R, "main", "feature", pre)),
                 (Changes{{"a/1", DiffType::Changed}, {"a/3", DiffType::Added}}));
    }

    void revert()
    {
        CHECK_OK(put(*m_b, R, "main", "file2", "keep"));
        CHECK_OK(commit(*m_b, R, "main", "file2"));
        CHECK_OK(put(*m_b, R, "main", "file1", "added"));
        auto added = commit(*m_b, R, "main", "add file1");
        CommitOverrides none;
        auto r = m_b->revertBranch(R, "main", added->id, 0, none, false);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QCOMPARE(r->message, "Revert " + added->id);
        QCOMPARE(r->parents, std::vector<std::string>{added->id});
        QCOMPARE(m_b->statObject(R, "main", "file1").error().kind, ErrorKind::NotFound);
        QCOMPARE(*get(*m_b, R, "main", "file2"), std::string("keep"));
        // Reverting it again changes nothing.
        QCOMPARE(m_b->revertBranch(R, "main", added->id, 0, none, false).error().kind, ErrorKind::InvalidArgument);
        CommitOverrides o;
        o.message = "undo again";
        QCOMPARE(m_b->revertBranch(R, "main", added->id, 0, o, true)->message, std::string("undo again"));
        QCOMPARE(m_b->revertBranch(R, "main", added->id, 2, none, false).error().kind, ErrorKind::InvalidArgument);
    }

    void revertConflictsAndMergeCommits()
    {
        seed();
        CHECK_OK(put(*m_b, R, "feature", "f", "1"));
        CHECK_OK(commit(*m_b, R, "feature", "f1"));
        auto merged = m_b->merge(R, "feature", "main", {});
        QVERIFY(merged.ok());
        auto noParent = m_b->revertBranch(R, "main", merged->reference, 0, {}, false);
        QCOMPARE(noParent.error().kind, ErrorKind::Conflict);
        QVERIFY(noParent.error().message.find("parent number") != std::string::npos);
        QVERIFY(m_b->revertBranch(R, "main", merged->reference, 1, {}, false).ok());
        QCOMPARE(m_b->statObject(R, "main", "f").error().kind, ErrorKind::NotFound);
        // A later change to the same path makes reverting the earlier commit conflict.
        CHECK_OK(put(*m_b, R, "main", "g", "1"));
        auto g1 = commit(*m_b, R, "main", "g1");
        CHECK_OK(put(*m_b, R, "main", "g", "2"));
        CHECK_OK(commit(*m_b, R, "main", "g2"));
        auto conflict = m_b->revertBranch(R, "main", g1->id, 0, {}, false);
        QCOMPARE(conflict.error().kind, ErrorKind::Conflict);
        QCOMPARE(conflict.error().conflicts, std::vector<std::string>{"g"});
        CHECK_OK(put(*m_b, R, "main", "dirty", "d"));
        QCOMPARE(m_b->revertBranch(R, "main", "main", 0, {}, false).error().kind, ErrorKind::InvalidArgument);
    }

    void cherryPick()
    {
        seed();
        CHECK_OK(put(*m_b, R, "feature", "picked", "p"));
        CommitCreation cc;
        cc.message = "the fix";
        cc.metadata = {{"jira", "X-1"}};
        auto fix = m_b->commit(R, "feature", cc);
        CHECK_OK(put(*m_b, R, "feature", "not-picked", "n"));
        CHECK_OK(commit(*m_b, R, "feature", "other"));
        auto r = m_b->cherryPick(R, "main", fix->id, 0);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QCOMPARE(r->message, std::string("the fix"));
        QCOMPARE(r->metadata.at("jira"), std::string("X-1"));
        QCOMPARE(r->metadata.at("cherry-pick-origin"), fix->id);
        QCOMPARE(r->metadata.at("cherry-pick-committer"), std::string("carol"));
        QCOMPARE(r->parents.size(), size_t(1));
        QCOMPARE(*get(*m_b, R, "main", "picked"), std::string("p"));
        QCOMPARE(m_b->statObject(R, "main", "not-picked").error().kind, ErrorKind::NotFound);
        QCOMPARE(m_b->cherryPick(R, "main", fix->id, 0).error().kind, ErrorKind::InvalidArgument); // no changes
        // Conflict: both sides changed file0 differently.
        CHECK_OK(put(*m_b, R, "main", "file0", "main"));
        CHECK_OK(commit(*m_b, R, "main", "m"));
        CHECK_OK(put(*m_b, R, "feature", "file0", "feature"));
        auto fc = commit(*m_b, R, "feature", "f");
        auto conflict = m_b->cherryPick(R, "main", fc->id, 0);
        QCOMPARE(conflict.error().kind, ErrorKind::Conflict);
        QCOMPARE(conflict.error().conflicts, std::vector<std::string>{"file0"});
        // A merge commit needs a parent number.
        auto merged = m_b->merge(R, "main", "feature", MergeParams{.strategy = MergeStrategy::SourceWins});
        QVERIFY(merged.ok());
        QCOMPARE(m_b->cherryPick(R, "main", merged->reference, 0).error().kind, ErrorKind::InvalidArgument);
    }

    void logFirstParent()
    {
        seed();
        CHECK_OK(put(*m_b, R, "feature", "x", "1"));
        CHECK_OK(commit(*m_b, R, "feature", "side"));
        CHECK_OK(put(*m_b, R, "main", "y", "1"));
        CHECK_OK(commit(*m_b, R, "main", "mainline"));
        CHECK_OK(m_b->merge(R, "feature", "main", {}));
        LogParams all;
        LogParams fp;
        fp.first_parent = true;
        QCOMPARE(m_b->logCommits(R, "main", all)->results.size(), size_t(5));
        auto first = m_b->logCommits(R, "main", fp);
        QCOMPARE(first->results.size(), size_t(4));
        for (const auto& c : first->results) QVERIFY(c.message != "side");
    }
};

QTEST_GUILESS_MAIN(TestLocalMerge)
#include "tst_localmerge.moc"
