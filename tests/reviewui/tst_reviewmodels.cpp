// SPDX-License-Identifier: Apache-2.0
// The review models on the embedded ReviewBackend, each under
// QAbstractItemModelTester: paged review requests with the status filter,
// action and hook runs with logs, conflicts with per-path resolutions, and
// the merge gate's verdicts.
#include "../local/testutil.h"
#include "../review/reviewworkspace.h"
#include "reviews/actionrunlistmodel.h"
#include "reviews/conflictlistmodel.h"
#include "reviews/hookrunlistmodel.h"
#include "reviews/mergegate.h"
#include "reviews/pullrequestlistmodel.h"
#include "reviews/reviewlistmodel.h"
#include "reviews/reviewsnapshot.h"
#include "session/workspaceloader.h"

#include <QAbstractItemModelTester>

#include <atomic>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace lakeside;
using namespace lakeside::reviews;
using testutil::commit;
using testutil::put;

namespace {
const std::string R = "sales";
constexpr int kWait = 20000;
} // namespace

class TestReviewModels : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::shared_ptr<Backend> m_b;
    std::vector<std::string> m_ids; // created oldest first

private slots:
    void initTestCase()
    {
        const std::string ws = m_dir.filePath(QStringLiteral("ws")).toStdString();
        auto b = testutil::openReviewWorkspace(ws);
        QVERIFY2(b.ok(), b.ok() ? "" : b.error().message.c_str());
        m_b = std::move(*b);
        RepositoryCreation rc;
        rc.name = R;
        CHECK_OK(m_b->createRepository(rc));
        CHECK_OK(put(*m_b, R, "main", "a.csv", "id\n1\n"));
        CHECK_OK(commit(*m_b, R, "main", "base"));
        // Five requests: two merged-able, one closed, two open.
        for (int i = 0; i < 5; ++i) {
            const std::string br = "b" + std::to_string(i);
            CHECK_OK(m_b->createBranch(R, br, "main"));
            CHECK_OK(put(*m_b, R, br, "f" + std::to_string(i) + ".txt", "x"));
            CHECK_OK(commit(*m_b, R, br, "change"));
            auto id = m_b->createPull(R, {"request " + std::to_string(i), "", br, "main"});
            QVERIFY(id.ok());
            m_ids.push_back(*id);
        }
        CHECK_OK(m_b->mergePull(R, m_ids[0], {}));
        CHECK_OK(m_b->mergePull(R, m_ids[1], {}));
        PullRequestUpdate u;
        u.status = PullStatus::Closed;
        CHECK_OK(m_b->updatePull(R, m_ids[2], u));
    }

    void pullsPagedAndFiltered_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<int>("rows");
        QTest::addRow("open") << QStringLiteral("open") << 2;
        QTest::addRow("closed") << QStringLiteral("closed") << 1;
        QTest::addRow("merged") << QStringLiteral("merged") << 2;
        QTest::addRow("all") << QStringLiteral("all") << 5;
    }
    void pullsPagedAndFiltered()
    {
        QFETCH(QString, status);
        QFETCH(int, rows);
        PullRequestListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(2);
        model.setStatusFilter(status);
        QSignalSpy loaded(&model, &PullRequestListModel::loaded);
        model.setSource(m_b, QString::fromStdString(R));
        // Fetch pages as a view scrolling down would.
        for (int guard = 0; guard < 10; ++guard) {
            if (model.isLoading()) {
                QVERIFY(loaded.wait(kWait));
                continue;
            }
            if (!model.canFetchMore({})) break;
            model.fetchMore({});
        }
        if (status == QLatin1String("all")) QVERIFY(loaded.count() >= 3); // five rows in pages of two
        QCOMPARE(model.rowCount(), rows);
        for (int r = 0; r < model.rowCount(); ++r) {
            const QString s = model.index(r, 0).data(PullRequestListModel::StatusRole).toString();
            if (status != QLatin1String("all")) QCOMPARE(s, status);
        }
        if (status == QLatin1String("all")) // newest first
            QCOMPARE(model.index(0, 0).data(PullRequestListModel::IdRole).toString(), QString::fromStdString(m_ids[4]));
        QCOMPARE(model.index(0, PullRequestListModel::BranchesColumn).data().toString().endsWith(QStringLiteral(" → main")), true);
    }

    void actionAndHookRuns()
    {
        CHECK_OK(m_b->createBranch(R, "bad", "main"));
        CHECK_OK(put(*m_b, R, "bad", "_lakefs_actions/c.yaml",
                     "name: quality\non:\n  pre-merge:\n    branches: [main]\nhooks:\n"
                     "  - id: ids\n    type: lakeside_check\n    properties:\n      paths: ['*.csv']\n      not_null: [id]\n"
                     "  - id: later\n    type: lakeside_check\n    properties:\n      paths: ['*.csv']\n"));
        CHECK_OK(put(*m_b, R, "bad", "a.csv", "id\n\n"));
        CHECK_OK(commit(*m_b, R, "bad", "bad"));
        auto blocked = m_b->merge(R, "bad", "main", {});
        QCOMPARE(blocked.error().kind, ErrorKind::PreconditionFailed);

        ActionRunListModel runs;
        QAbstractItemModelTester tester(&runs, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&runs, &ActionRunListModel::loaded);
        runs.setSource(m_b, QString::fromStdString(R));
        QVERIFY(loaded.wait(kWait));
        QCOMPARE(runs.rowCount(), 1);
        QCOMPARE(runs.index(0, ActionRunListModel::StatusColumn).data().toString(), QStringLiteral("failed"));
        QCOMPARE(runs.index(0, 0).data(ActionRunListModel::RunIdRole).toString(), QString::fromStdString(blocked.error().runId));
        runs.setBranch(QStringLiteral("other"));
        QVERIFY(loaded.wait(kWait));
        QCOMPARE(runs.rowCount(), 0);

        HookRunListModel hooks;
        QAbstractItemModelTester hookTester(&hooks, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy hooksLoaded(&hooks, &HookRunListModel::loaded);
        hooks.loadRun(m_b, QString::fromStdString(R), QString::fromStdString(blocked.error().runId));
        QVERIFY(hooksLoaded.wait(kWait));
        QCOMPARE(hooks.rowCount(), 2);
        QCOMPARE(hooks.firstFailedRow(), 0);
        QVERIFY(hooks.index(0, 0).data(HookRunListModel::OutputRole).toString().contains(QStringLiteral("column 'id' is null")));
        QCOMPARE(hooks.index(1, 0).data().toString(), QStringLiteral("skipped"));

        // The snapshot finds the same run for the source's head.
        auto head = m_b->getBranch(R, "bad");
        auto latest = latestCheckRun(*m_b, R, "main", head->commit_id);
        QVERIFY(latest.ok() && latest->has_value());
        QCOMPARE((*latest)->run.run_id, blocked.error().runId);
    }

    void conflictsAndResolutions()
    {
        CHECK_OK(m_b->createBranch(R, "left", "main"));
        CHECK_OK(put(*m_b, R, "left", "a.csv", "id\n2\n"));
        CHECK_OK(put(*m_b, R, "left", "same.txt", "s"));
        CHECK_OK(commit(*m_b, R, "left", "left"));
        CHECK_OK(m_b->createBranch(R, "right", "main"));
        CHECK_OK(put(*m_b, R, "right", "a.csv", "id\n3\n"));
        CHECK_OK(put(*m_b, R, "right", "same.txt", "s"));
        CHECK_OK(commit(*m_b, R, "right", "right"));
        auto found = findConflicts(*m_b, R, "left", "right", {});
        QVERIFY(found.ok());
        QCOMPARE(found->size(), size_t(1)); // same.txt: identical on both sides

        // A cancelled search is an error, never a shorter list...
        std::atomic<bool> cancelled{true};
        OpContext cancelledCtx;
        cancelledCtx.cancelled = &cancelled;
        const std::string leftHead = m_b->getBranch(R, "left")->commit_id;
        const std::string rightHead = m_b->getBranch(R, "right")->commit_id;
        auto none = findCommitConflicts(*m_b, R, leftHead, rightHead, cancelledCtx);
        QVERIFY(!none.ok());
        QCOMPARE(none.error().kind, ErrorKind::Cancelled);
        // ...and the answer for a pair of commits is computed once: after one
        // full search the same pair needs no diff (so not even a cancelled one fails).
        auto byIds = findCommitConflicts(*m_b, R, leftHead, rightHead, {});
        QVERIFY(byIds.ok());
        QCOMPARE(byIds->size(), size_t(1));
        QCOMPARE(byIds->front().path, std::string("a.csv"));
        auto cached = findCommitConflicts(*m_b, R, leftHead, rightHead, cancelledCtx);
        QVERIFY(cached.ok());
        QCOMPARE(cached->size(), size_t(1));
        ConflictListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConflicts(*found);
        model.addPaths({"a.csv", "b.csv"});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.unresolvedCount(), 2);
        model.setResolution(0, MergeStrategy::SourceWins);
        model.setResolution(1, MergeStrategy::DestWins);
        QCOMPARE(model.unresolvedCount(), 0);
        QCOMPARE(model.resolutions().at("a.csv"), MergeStrategy::SourceWins);
        model.setConflicts(*found); // b.csv gone: its choice too
        QCOMPARE(model.resolutions().size(), size_t(1));
        model.setResolution(0, MergeStrategy::None);
        QCOMPARE(model.unresolvedCount(), 1);
    }

    void reviewList()
    {
        ReviewListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReviews({{"bob", ReviewVerdict::Approve, "ok", "2026-11-24T10:00:00Z"},
                          {"carol", ReviewVerdict::RequestChanges, "units", "2026-11-24T11:00:00Z"}});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1, ReviewListModel::VerdictColumn).data().toString(), QStringLiteral("requested changes"));
        QCOMPARE(model.index(1, ReviewListModel::AuthorColumn).data().toString(), QStringLiteral("carol"));
    }

    void mergeGate_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("checks");
        QTest::addColumn<int>("required");
        QTest::addColumn<QStringList>("verdicts"); // "a:bob", "r:carol"
        QTest::addColumn<int>("unresolved");
        QTest::addColumn<bool>("enabled");
        QTest::addColumn<QString>("reason");
        const int open = int(PullStatus::Open);
        QTest::addRow("ready") << open << int(CheckState::Passed) << 1 << QStringList{QStringLiteral("a:bob")} << 0 << true << "checks passed";
        QTest::addRow("checks not run") << open << int(CheckState::NotRun) << 0 << QStringList{} << 0 << true << "run first";
        QTest::addRow("failed check") << open << int(CheckState::Failed) << 0 << QStringList{} << 0 << false << "q / ids";
        QTest::addRow("unresolved") << open << int(CheckState::Passed) << 0 << QStringList{} << 2 << false << "2 conflict(s)";
        QTest::addRow("needs approval") << open << int(CheckState::Passed) << 2 << QStringList{QStringLiteral("a:bob"), QStringLiteral("a:bob")} << 0 << false << "Needs 2 approval(s)";
        QTest::addRow("changes requested") << open << int(CheckState::Passed) << 1 << QStringList{QStringLiteral("a:bob"), QStringLiteral("r:carol")} << 0 << false << "carol requested changes";
        QTest::addRow("approved again") << open << int(CheckState::Passed) << 1 << QStringList{QStringLiteral("r:carol"), QStringLiteral("a:carol")} << 0 << true << "";
        QTest::addRow("merged") << int(PullStatus::Merged) << int(CheckState::Passed) << 0 << QStringList{} << 0 << false << "merged";
    }
    void mergeGate()
    {
        QFETCH(int, status);
        QFETCH(int, checks);
        QFETCH(int, required);
        QFETCH(QStringList, verdicts);
        QFETCH(int, unresolved);
        QFETCH(bool, enabled);
        QFETCH(QString, reason);
        std::vector<Review> reviews;
        for (const QString& v : verdicts)
            reviews.push_back({v.mid(2).toStdString(), v.startsWith(QLatin1Char('a')) ? ReviewVerdict::Approve : ReviewVerdict::RequestChanges, "", ""});
        MergeGateInput in;
        in.status = PullStatus(status);
        in.checks = CheckState(checks);
        in.failedHook = QStringLiteral("q / ids");
        in.requiredApprovals = required;
        in.approvals = approvalsOf(reviews);
        in.unresolvedConflicts = unresolved;
        const MergeGate gate = evaluateMergeGate(in);
        QCOMPARE(gate.enabled, enabled);
        QVERIFY2(gate.reason.contains(reason), qPrintable(gate.reason));
    }

    // The GUI's workspace is a ReviewBackend: reviews, runs and protection work.
    void workspaceLoaderOpensAReviewBackend()
    {
        QTemporaryDir dir;
        WorkspaceLoader loader;
        QSignalSpy ready(&loader, &WorkspaceLoader::ready);
        QSignalSpy failed(&loader, &WorkspaceLoader::failed);
        loader.start(dir.filePath(QStringLiteral("ws")), QStringLiteral("dana"));
        QTRY_VERIFY_WITH_TIMEOUT(ready.count() + failed.count() > 0, 120000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.at(0).at(0).toString()));
        auto backend = ready.at(0).at(0).value<std::shared_ptr<Backend>>();
        QVERIFY(backend);
        auto repos = backend->listRepositories({});
        QVERIFY(repos.ok() && !repos->results.empty());
        const std::string repo = repos->results.front().id;
        QVERIFY(backend->getBranchProtection(repo).ok());
        QVERIFY(backend->listPulls(repo, "", {}).ok());
        QVERIFY(backend->listActionRuns(repo, "", "", {}).ok());
    }

    void requiredApprovalsTakesTheStrictestRule()
    {
        Backend::ProtectionRules rules;
        rules.patterns = {"main", "ma*", "dev"};
        rules.required_approvals = {{"main", 1}, {"ma*", 2}};
        QCOMPARE(requiredApprovalsFor(rules, "main"), std::make_pair(2, std::string("ma*")));
        QCOMPARE(requiredApprovalsFor(rules, "dev"), std::make_pair(0, std::string("dev")));
        QCOMPARE(requiredApprovalsFor(rules, "feature/x"), std::make_pair(0, std::string()));
    }
};

QTEST_GUILESS_MAIN(TestReviewModels)
#include "tst_reviewmodels.moc"
