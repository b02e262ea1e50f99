// SPDX-License-Identifier: Apache-2.0
// The approval rule every backend and the review screen share: which
// protection rule governs a destination, who counts as an approver, and when a
// "request changes" blocks the merge.
#include "api/approvals.h"

#include <QTest>

using namespace lakeside;

namespace {
Review review(const std::string& author, ReviewVerdict v)
{
    Review r;
    r.author = author;
    r.verdict = v;
    return r;
}
} // namespace

class TestApprovals : public QObject {
    Q_OBJECT
private slots:
    void patterns_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("branch");
        QTest::addColumn<bool>("matches");
        QTest::addRow("exact") << "main" << "main" << true;
        QTest::addRow("exact, other branch") << "main" << "main2" << false;
        QTest::addRow("star suffix") << "release-*" << "release-2026" << true;
        QTest::addRow("star matches empty") << "release-*" << "release-" << true;
        QTest::addRow("star crosses slash") << "team/*" << "team/a/b" << true;
        QTest::addRow("question mark is one char") << "v?" << "v1" << true;
        QTest::addRow("question mark needs a char") << "v?" << "v" << false;
        QTest::addRow("star in the middle") << "a*z" << "abcz" << true;
        QTest::addRow("star in the middle, wrong end") << "a*z" << "abcy" << false;
        QTest::addRow("many stars do not blow up") << "*a*a*a*a*a*b" << "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" << false;
    }
    void patterns()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, branch);
        QFETCH(bool, matches);
        QCOMPARE(branchPatternMatches(pattern.toStdString(), branch.toStdString()), matches);
    }

    void strictestMatchingRuleDecides()
    {
        Backend::ProtectionRules rules;
        rules.patterns = {"ma*", "main", "dev"};
        rules.required_approvals = {{"ma*", 1}, {"main", 2}, {"dev", 5}};
        const ApprovalState s = approvalState(rules, "main", {});
        QCOMPARE(s.required, 2);
        QCOMPARE(s.rule, std::string("main"));
        QVERIFY(!s.satisfied());
        const Status st = s.check("pr1", "main");
        QCOMPARE(st.kind(), ErrorKind::PreconditionFailed);
        QVERIFY2(st.message().find("needs 2 approval(s) to merge into 'main', has 0") != std::string::npos,
                 st.message().c_str());
        // No matching rule: nothing required.
        QCOMPARE(approvalState(rules, "feature", {}).required, 0);
        QVERIFY(approvalState(rules, "feature", {}).satisfied());
    }

    void approversAreDistinctAndRequestChangesBlocks()
    {
        Backend::ProtectionRules rules;
        rules.patterns = {"main"};
        rules.required_approvals = {{"main", 2}};
        std::vector<Review> reviews = {review("ann", ReviewVerdict::Approve), review("ann", ReviewVerdict::Approve),
                                       review("bob", ReviewVerdict::Comment)};
        ApprovalState s = approvalState(rules, "main", reviews);
        QCOMPARE(s.approvers, std::vector<std::string>{"ann"});
        QVERIFY(!s.satisfied());

        reviews.push_back(review("bob", ReviewVerdict::Approve));
        reviews.push_back(review("cy", ReviewVerdict::RequestChanges));
        s = approvalState(rules, "main", reviews);
        QCOMPARE(s.approversJoined(), std::string("ann,bob"));
        QCOMPARE(s.changesRequestedBy, std::string("cy"));
        QVERIFY(!s.satisfied());
        QVERIFY(s.check("pr1", "main").message().find("cy requested changes") != std::string::npos);

        // A later approval lifts the block.
        reviews.push_back(review("cy", ReviewVerdict::Approve));
        s = approvalState(rules, "main", reviews);
        QVERIFY(s.changesRequestedBy.empty());
        QVERIFY(s.satisfied());
        QVERIFY(s.check("pr1", "main").ok());
    }
};

QTEST_GUILESS_MAIN(TestApprovals)
#include "tst_approvals.moc"
