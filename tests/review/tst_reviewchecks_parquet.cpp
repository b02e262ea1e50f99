// SPDX-License-Identifier: Apache-2.0
// The built-in data checks (hook type lakeside_check) on Parquet objects that
// DuckDB writes at test time (tests/parquet/gen/checks.mjs): required columns
// with their declared types, not_null, unique keys and row bounds, one row per
// rule, and a pre-merge check that refuses a merge bringing a bad Parquet file.
// Skips with a message when node/npm (or the npm registry) are unavailable.

#include "../local/testutil.h"
#include "reviewworkspace.h"
#include "review/actionconfig.h"
#include "review/builtincheck.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace lakeside;

namespace {
const std::string R = "shop";

bool run(const QString& program, const QStringList& args, const QString& dir, int timeoutMs, QString* why)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *why = program + u' ' + args.join(u' ') + QStringLiteral(" failed: ") + QString::fromLocal8Bit(p.readAll().right(2000));
        p.kill();
        p.waitForFinished(2000);
        return false;
    }
    return true;
}

std::string hookYaml(const std::string& properties)
{
    return "name: parquet checks\non:\n  pre-merge:\n    branches: [main]\nhooks:\n  - id: orders_ok\n"
           "    type: lakeside_check\n    properties:\n" + properties;
}
} // namespace

class TestReviewChecksParquet : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void builtin_data();
    void builtin();
    void preMergeCheckRefusesBadParquet();
    void cleanupTestCase() { m_b.reset(); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ReviewBackend> m_b;
    std::string m_good, m_bad;
};

void TestReviewChecksParquet::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    const QString npm = QStandardPaths::findExecutable(QStringLiteral("npm"));
    if (node.isEmpty() || npm.isEmpty())
        QSKIP("node and npm are needed to write Parquet files with DuckDB; install nodejs and npm");
    const QString gen = QFileInfo(QFINDTESTDATA("../parquet/gen/checks.mjs")).absolutePath();
    QVERIFY2(!gen.isEmpty(), "tests/parquet/gen/checks.mjs is missing");
    QString why;
    if (!QFile::exists(gen + QStringLiteral("/node_modules/@duckdb/node-api/package.json"))
        && !run(npm, {QStringLiteral("ci"), QStringLiteral("--no-audit"), QStringLiteral("--no-fund")}, gen, 600000, &why))
        QSKIP(qPrintable(QStringLiteral("cannot install DuckDB from the npm registry: ") + why));
    const QString out = m_dir.filePath(QStringLiteral("files"));
    QVERIFY2(run(node, {QStringLiteral("checks.mjs"), out}, gen, 120000, &why), qPrintable(why));
    auto read = [&](const QString& name) {
        QFile f(out + u'/' + name);
        return f.open(QIODevice::ReadOnly) ? f.readAll().toStdString() : std::string();
    };
    m_good = read(QStringLiteral("orders.parquet"));
    m_bad = read(QStringLiteral("orders_bad.parquet"));
    QVERIFY(!m_good.empty() && !m_bad.empty());

    // Opening a ReviewBackend is what makes tables in checks readable as Parquet.
    const std::string ws = m_dir.filePath(QStringLiteral("ws")).toStdString();
    auto b = testutil::openReviewWorkspace(ws);
    QVERIFY2(b.ok(), b.ok() ? "" : b.error().message.c_str());
    m_b = std::move(*b);
    RepositoryCreation rc;
    rc.name = R;
    QVERIFY(m_b->createRepository(rc).ok());
    QVERIFY(testutil::put(*m_b, R, "main", "good/orders.parquet", m_good).ok());
    QVERIFY(testutil::put(*m_b, R, "main", "bad/orders.parquet", m_bad).ok());
}

void TestReviewChecksParquet::builtin_data()
{
    QTest::addColumn<QString>("paths");
    QTest::addColumn<QString>("properties");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QStringList>("expected");
    const QString good = QStringLiteral("good/*");
    const QString bad = QStringLiteral("bad/*");
    QTest::addRow("clean file passes every rule")
        << good
        << "required_columns: {id: integer, customer: text, amount: decimal, day: date}\n"
           "      not_null: [id, customer]\n      unique: [id]\n      min_rows: 1000\n      max_rows: 1000\n"
           "      allowed_formats: [parquet]"
        << true << QStringList{QStringLiteral("checked good/orders.parquet: 1000 rows"), QStringLiteral("all checks passed")};
    QTest::addRow("declared type differs")
        << good << "required_columns: {amount: integer}" << false
        << QStringList{QStringLiteral("good/orders.parquet: column 'amount' has type 'decimal', expected 'integer'")};
    QTest::addRow("missing column")
        << good << "required_columns: [id, price]" << false
        << QStringList{QStringLiteral("good/orders.parquet: column 'price' is required but missing")};
    QTest::addRow("too few rows") << good << "min_rows: 1001" << false
                                  << QStringList{QStringLiteral("good/orders.parquet: 1000 rows, fewer than min_rows 1001")};
    QTest::addRow("too many rows") << good << "max_rows: 999" << false
                                   << QStringList{QStringLiteral("good/orders.parquet: 1000 rows, more than max_rows 999")};
    QTest::addRow("nulls in a later row group")
        << bad << "not_null: [customer]" << false
        << QStringList{QStringLiteral("bad/orders.parquet: row 8: column 'customer' is null"),
                       QStringLiteral("bad/orders.parquet: row 908: column 'customer' is null")};
    QTest::addRow("duplicate key")
        << bad << "unique: [id]" << false
        << QStringList{QStringLiteral("bad/orders.parquet: row 502: duplicate key in column(s) 'id' (first seen in row 501)")};
    QTest::addRow("format not allowed") << good << "allowed_formats: [csv]" << false
                                        << QStringList{QStringLiteral("format 'parquet' is not among allowed_formats")};
}

void TestReviewChecksParquet::builtin()
{
    QFETCH(QString, paths);
    QFETCH(QString, properties);
    QFETCH(bool, ok);
    QFETCH(QStringList, expected);
    auto action = review::parseAction("a.yaml", hookYaml("      paths: ['" + paths.toStdString() + "']\n      " +
                                                         properties.toStdString() + "\n"));
    QVERIFY2(action.ok(), action.ok() ? "" : action.error().message.c_str());
    const review::HookOutcome out = review::runBuiltinCheck(*m_b, R, "main", action->hooks.front());
    QVERIFY2(out.ok == ok, out.output.c_str());
    for (const QString& e : expected)
        QVERIFY2(out.output.find(e.toStdString()) != std::string::npos, out.output.c_str());
}

void TestReviewChecksParquet::preMergeCheckRefusesBadParquet()
{
    QVERIFY(testutil::put(*m_b, R, "main", "_lakefs_actions/checks.yaml",
                          hookYaml("      paths: ['tables/*.parquet']\n      not_null: [customer]\n      unique: [id]\n"))
                .ok());
    QVERIFY(testutil::commit(*m_b, R, "main", "checks").ok());
    QVERIFY(m_b->createBranch(R, "fix", "main").ok());
    QVERIFY(m_b->createBranch(R, "oops", "main").ok());
    QVERIFY(testutil::put(*m_b, R, "fix", "tables/orders.parquet", m_good).ok());
    QVERIFY(testutil::commit(*m_b, R, "fix", "good orders").ok());
    QVERIFY(testutil::put(*m_b, R, "oops", "tables/orders.parquet", m_bad).ok());
    QVERIFY(testutil::commit(*m_b, R, "oops", "bad orders").ok());

    auto refused = m_b->merge(R, "oops", "main", {});
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.find("tables/orders.parquet: row 8: column 'customer' is null") != std::string::npos,
             refused.error().message.c_str());
    auto merged = m_b->merge(R, "fix", "main", {});
    QVERIFY2(merged.ok(), merged.ok() ? "" : merged.error().message.c_str());
}

QTEST_GUILESS_MAIN(TestReviewChecksParquet)
#include "tst_reviewchecks_parquet.moc"
