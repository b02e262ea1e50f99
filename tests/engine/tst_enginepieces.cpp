// SPDX-License-Identifier: Apache-2.0
// Pure pieces of the engine: ref-expression parsing, key helpers for listings,
// and which commit fields make up a commit id.
#include "engine/commitid.h"
#include "engine/keys.h"
#include "engine/refexpr.h"

#include <QTest>

using namespace lakeside;
using namespace lakeside::engine;

class TestEnginePieces : public QObject {
    Q_OBJECT

private slots:
    void parseValid_data()
    {
        QTest::addColumn<QString>("ref");
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("mods"); // modifiers as "~2^1"
        QTest::addColumn<bool>("at");
        QTest::addColumn<bool>("dollar");
        QTest::addRow("plain") << "main" << "main" << "" << false << false;
        QTest::addRow("tilde default") << "main~" << "main" << "~1" << false << false;
        QTest::addRow("tilde n") << "main~12" << "main" << "~12" << false << false;
        QTest::addRow("caret zero") << "v1.0^0" << "v1.0" << "^0" << false << false;
        QTest::addRow("chain") << "abc123~2^2~" << "abc123" << "~2^2~1" << false << false;
        QTest::addRow("committed") << "main@" << "main" << "" << true << false;
        QTest::addRow("staging") << "dev$" << "dev" << "" << false << true;
    }
    void parseValid()
    {
        QFETCH(QString, ref);
        QFETCH(QString, base);
        QFETCH(QString, mods);
        QFETCH(bool, at);
        QFETCH(bool, dollar);
        auto r = parseRefExpr(ref.toStdString());
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QCOMPARE(QString::fromStdString(r->base), base);
        QString got;
        for (const auto& m : r->modifiers)
            got += (m.kind == RefModifier::Kind::Tilde ? QLatin1Char('~') : QLatin1Char('^')) + QString::number(m.n);
        QCOMPARE(got, mods);
        QCOMPARE(r->committedOnly, at);
        QCOMPARE(r->staging, dollar);
    }

    void parseInvalid_data()
    {
        QTest::addColumn<QString>("ref");
        QTest::addRow("empty") << "";
        QTest::addRow("space") << "ma in";
        QTest::addRow("only modifier") << "~1";
        QTest::addRow("at then tilde") << "main@~1";
        QTest::addRow("tilde then at") << "main~1@";
        QTest::addRow("double at") << "main@@";
        QTest::addRow("junk after number") << "main~1x";
    }
    void parseInvalid()
    {
        QFETCH(QString, ref);
        auto r = parseRefExpr(ref.toStdString());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::InvalidArgument);
    }

    void keyHelpers()
    {
        QCOMPARE(*prefixEnd("a/"), std::string("a0"));
        QVERIFY(!prefixEnd("").has_value());
        QCOMPARE(*prefixEnd(std::string("a\xff", 2)), std::string("b"));
        QCOMPARE(*commonPrefixOf("a/b/c", "", "/"), std::string("a/"));
        QCOMPARE(*commonPrefixOf("a/b/c", "a/", "/"), std::string("a/b/"));
        QVERIFY(!commonPrefixOf("a/b", "a/", "/").has_value());
        QVERIFY(!commonPrefixOf("a/b", "", "").has_value());
        QCOMPARE(pageAmount(0), 100);
        QCOMPARE(pageAmount(-1), 100);
        QCOMPARE(pageAmount(5000), 1000);
    }

    void commitIdCoversContentNotVersionOrGeneration()
    {
        Commit c;
        c.committer = "alice";
        c.message = "m";
        c.meta_range_id = "abc";
        c.creation_date = 1700000000;
        c.metadata = {{"k", "v"}};
        c.parents = {"p1"};
        const std::string id = computeCommitId(c);
        QCOMPARE(id.size(), size_t(64));
        Commit same = c;
        same.generation = 42;
        same.version = 2;
        QCOMPARE(computeCommitId(same), id);
        auto differs = [&](auto mutate) {
            Commit x = c;
            mutate(x);
            return computeCommitId(x) != id;
        };
        QVERIFY(differs([](Commit& x) { x.committer = "bob"; }));
        QVERIFY(differs([](Commit& x) { x.message = "n"; }));
        QVERIFY(differs([](Commit& x) { x.meta_range_id = "abd"; }));
        QVERIFY(differs([](Commit& x) { x.creation_date += 1; }));
        QVERIFY(differs([](Commit& x) { x.metadata["k"] = "w"; }));
        QVERIFY(differs([](Commit& x) { x.parents.push_back("p2"); }));
        // Field boundaries are length-prefixed: moving a character between fields matters.
        QVERIFY(differs([](Commit& x) { x.committer = "alicem"; x.message = ""; }));
    }
};

QTEST_GUILESS_MAIN(TestEnginePieces)
#include "tst_enginepieces.moc"
