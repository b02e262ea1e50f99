// SPDX-License-Identifier: Apache-2.0
// Branch globs, action-file validation and each built-in data check
// (lakeside_check properties) on its own, one row per rule.

#include "../local/testutil.h"
#include "local/localbackend.h"
#include "review/actionconfig.h"
#include "review/builtincheck.h"
#include "review/reviewids.h"

#include <QTemporaryDir>
#include <QTest>

using namespace lakeside;

class TestReviewChecks : public QObject {
    Q_OBJECT
private slots:
    void glob_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("match");
        QTest::addRow("exact") << "main" << "main" << true;
        QTest::addRow("question mark") << "ma?n" << "main" << true;
        QTest::addRow("star spans slash") << "tables/*" << "tables/2026/orders.csv" << true;
        QTest::addRow("star suffix") << "*.csv" << "a/b.csv" << true;
        QTest::addRow("no match") << "release-*" << "main" << false;
        QTest::addRow("anchored") << "main" << "main2" << false;
    }
    void glob()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, text);
        QFETCH(bool, match);
        QCOMPARE(review::globMatch(pattern.toStdString(), text.toStdString()), match);
    }

    void newIdsSortNewestFirst()
    {
        const std::string a = review::newId();
        const std::string b = review::newId();
        QCOMPARE(a.size(), size_t(20));
        QVERIFY(b < a);
        for (char c : a) QVERIFY((c >= '0' && c <= '9') || (c >= 'a' && c <= 'v'));
    }

    void badAction_data()
    {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<QString>("reason");
        QTest::addRow("bad name") << "name: '-x'\non: {pre-merge: }\nhooks: [{id: ab, type: webhook}]" << "invalid action name";
        QTest::addRow("no on") << "name: ab\nhooks: [{id: ab, type: webhook}]" << "missing 'on'";
        QTest::addRow("hook without type") << "name: ab\non: {pre-merge: }\nhooks: [{id: ab}]" << "'id' and a 'type'";
        QTest::addRow("duplicate id") << "name: ab\non: {pre-merge: }\nhooks: [{id: ab, type: lua}, {id: ab, type: lua}]"
                                      << "duplicate hook id 'ab'";
        QTest::addRow("bad yaml") << "name: [" << "invalid YAML";
    }
    void badAction()
    {
        QFETCH(QString, yaml);
        QFETCH(QString, reason);
        auto a = review::parseAction("_lakefs_actions/a.yaml", yaml.toStdString());
        QVERIFY(!a.ok());
        QCOMPARE(a.error().kind, ErrorKind::InvalidArgument);
        QVERIFY2(a.error().message.rfind("action file '_lakefs_actions/a.yaml': ", 0) == 0, a.error().message.c_str());
        QVERIFY2(a.error().message.find(reason.toStdString()) != std::string::npos, a.error().message.c_str());
    }

    void builtin_data()
    {
        QTest::addColumn<QString>("properties");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("expected");
        QTest::addRow("clean") << "not_null: [id]\n      unique: [id]" << true << "all checks passed";
        QTest::addRow("missing column") << "required_columns: [id, price]" << false
                                        << "t/orders.csv: column 'price' is required but missing";
        QTest::addRow("too few rows") << "min_rows: 5" << false << "t/orders.csv: 3 rows, fewer than min_rows 5";
        QTest::addRow("too many rows") << "max_rows: 2" << false << "t/orders.csv: 3 rows, more than max_rows 2";
        QTest::addRow("null amount") << "not_null: [amount]" << false
                                     << "t/orders.csv: row 2 (line 3): column 'amount' is null";
        QTest::addRow("format") << "allowed_formats: [parquet]" << false
                                << "t/orders.csv: format 'csv' is not among allowed_formats";
        QTest::addRow("size") << "max_size_bytes: 4" << false << "exceeds max_size_bytes 4";
        QTest::addRow("path pattern") << "path_patterns: ['data/*']" << false << "path matches none of path_patterns";
        QTest::addRow("bad number") << "min_rows: lots" << false << "invalid property";
    }
    void builtin()
    {
        QFETCH(QString, properties);
        QFETCH(bool, ok);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        auto b = LocalBackend::open(dir.path().toStdString(), "alice");
        QVERIFY(b.ok());
        RepositoryCreation rc;
        rc.name = "repo";
        QVERIFY((*b)->createRepository(rc).ok());
        QVERIFY(testutil::put(**b, "repo", "main", "t/orders.csv", "id,amount\n1,10\n2,\n3,30\n").ok());
        auto action = review::parseAction("a.yaml", "name: checks\non: {pre-merge: }\nhooks:\n  - id: c1\n"
                                                    "    type: lakeside_check\n    properties:\n      paths: ['t/*']\n      " +
                                                        properties.toStdString() + "\n");
        QVERIFY2(action.ok(), action.ok() ? "" : action.error().message.c_str());
        review::HookOutcome out = review::runBuiltinCheck(**b, "repo", "main", action->hooks.front());
        QVERIFY2(out.ok == ok, out.output.c_str());
        QVERIFY2(out.output.find(expected.toStdString()) != std::string::npos, out.output.c_str());
    }
};

QTEST_GUILESS_MAIN(TestReviewChecks)
#include "tst_reviewchecks.moc"
