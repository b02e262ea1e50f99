// SPDX-License-Identifier: Apache-2.0
// Export of a diff: CSV that parses back to the same rows, and a
// self-contained HTML report that escapes every value.

#include "tabular/diffexport.h"
#include "tabular/tablediff.h"
#include "tabulartestutil.h"

#include <QFile>
#include <QTest>

#include <sstream>

using namespace lakeside;
using namespace lakeside::tabular;
using tabulartest::q;
using tabulartest::writeFile;

class TestDiffExport : public QObject {
    Q_OBJECT
private slots:
    void init();
    void csvParsesBack();
    void htmlEscapesAndIsSelfContained();
    void exportFileChoosesFormat();
    void summaryText();
    void csvQuoteRules_data();
    void csvQuoteRules();

private:
    Result<TableDiffResult> makeDiff();
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestDiffExport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

Result<TableDiffResult> TestDiffExport::makeDiff()
{
    const std::string a = writeFile(*m_dir, QStringLiteral("old.csv"),
                                    "id,name,note\n1,\"a,b\",plain\n2,x,\"say \"\"hi\"\"\"\n3,gone,bye\n");
    const std::string b = writeFile(*m_dir, QStringLiteral("new.csv"),
                                    "id,name,note\n1,\"a,b\",\"two\nlines\"\n2,<script>alert('x')</script>,\"say \"\"hi\"\"\"\n"
                                    "4,new & <b>bold</b>,\n");
    TableDiffOptions opts;
    opts.keyColumns = {"id"};
    return diffTableFiles(a, b, opts);
}

void TestDiffExport::csvParsesBack()
{
    auto d = makeDiff();
    QVERIFY2(d.ok(), d.ok() ? "" : d.error().message.c_str());
    std::ostringstream out;
    QVERIFY(exportDiffCsv(*d, out).ok());
    const std::string path = writeFile(*m_dir, QStringLiteral("diff.csv"), QByteArray::fromStdString(out.str()));
    auto src = openTable(path);
    QVERIFY2(src.ok(), src.ok() ? "" : src.error().message.c_str());
    QCOMPARE((*src)->schema().size(), 4);
    QCOMPARE((*src)->schema().columns[0].name, std::string("status"));
    std::vector<std::vector<std::string>> rows;
    Row row;
    while (true) {
        auto r = (*src)->next(row);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        if (!r.value())
            break;
        std::vector<std::string> cells;
        for (const Cell& c : row.cells)
            cells.emplace_back(c.text);
        rows.push_back(cells);
    }
    QCOMPARE(rows.size(), size_t(4));
    QCOMPARE(rows[0], (std::vector<std::string>{"changed", "1", "a,b", "plain->two\nlines"}));
    QCOMPARE(rows[1], (std::vector<std::string>{"changed", "2", "x-><script>alert('x')</script>", "say \"hi\""}));
    QCOMPARE(rows[2], (std::vector<std::string>{"removed", "3", "gone", "bye"}));
    QCOMPARE(rows[3], (std::vector<std::string>{"added", "4", "new & <b>bold</b>", ""}));
}

void TestDiffExport::htmlEscapesAndIsSelfContained()
{
    auto d = makeDiff();
    QVERIFY(d.ok());
    std::ostringstream out;
    QVERIFY(exportDiffHtml(*d, out).ok());
    const QString html = q(out.str());
    QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
    QVERIFY(html.contains(QStringLiteral("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")));
    QVERIFY(html.contains(QStringLiteral("new &amp; &lt;b&gt;bold&lt;/b&gt;")));
    QVERIFY(html.contains(QStringLiteral("say &quot;hi&quot;")));
    QVERIFY(!html.contains(QStringLiteral("<script")));
    QVERIFY(!html.contains(QStringLiteral("<b>")));
    // Self-contained: inline style, nothing fetched.
    QVERIFY(html.contains(QStringLiteral("<style>")));
    QVERIFY(!html.contains(QStringLiteral("src=")));
    QVERIFY(!html.contains(QStringLiteral("href=")));
    QVERIFY(!html.contains(QStringLiteral("http")));
    QVERIFY(html.contains(QStringLiteral("<tr class=\"removed\">")));
    QVERIFY(html.contains(QStringLiteral("<del>plain</del> \u2192 <ins>two\nlines</ins>")));

    HtmlExportOptions limited;
    limited.maxRows = 1;
    std::ostringstream shortOut;
    QVERIFY(exportDiffHtml(*d, shortOut, limited).ok());
    QVERIFY(q(shortOut.str()).contains(QStringLiteral("Showing the first 1 of 4 differing rows.")));
}

void TestDiffExport::exportFileChoosesFormat()
{
    auto d = makeDiff();
    QVERIFY(d.ok());
    const std::string html = m_dir->filePath(QStringLiteral("r.html")).toStdString();
    QVERIFY(exportDiffFile(*d, html).ok());
    QFile f(q(html));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().startsWith("<!DOCTYPE html>"));
    Status bad = exportDiffFile(*d, m_dir->filePath(QStringLiteral("r.xlsx")).toStdString());
    QCOMPARE(bad.kind(), ErrorKind::InvalidArgument);
    Status noDir = exportDiffFile(*d, m_dir->filePath(QStringLiteral("missing/r.csv")).toStdString());
    QCOMPARE(noDir.kind(), ErrorKind::Io);
    QVERIFY(q(noDir.message()).contains(QStringLiteral("missing/r.csv")));
}

void TestDiffExport::summaryText()
{
    const std::string a = writeFile(*m_dir, QStringLiteral("o.csv"), "id,city,pop\n1,Oslo,7\n2,Rome,28\n3,Lima,90\n");
    const std::string b = writeFile(*m_dir, QStringLiteral("n.csv"),
                                    "id,town,pop,area\n1,Oslo,7.5,4\n2,Rome,28,12\n5,Lima,1,1\n");
    auto d = diffTableFiles(a, b);
    QVERIFY2(d.ok(), d.ok() ? "" : d.error().message.c_str());
    QCOMPARE(q(diffSummaryText(*d)),
             QStringLiteral("schema: 1 added (area), 1 renamed (city -> town), 1 retyped (pop integer -> decimal)\n"
                            "rows: 1 added, 1 removed, 1 changed (1 cell), 1 unchanged\n"
                            "matched by key 'id' (detected); values normalised\n"));
}

void TestDiffExport::csvQuoteRules_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::addRow("plain") << "abc" << "abc";
    QTest::addRow("comma") << "a,b" << "\"a,b\"";
    QTest::addRow("quote") << "a\"b" << "\"a\"\"b\"";
    QTest::addRow("newline") << "a\nb" << "\"a\nb\"";
    QTest::addRow("leading space") << " a" << "\" a\"";
}

void TestDiffExport::csvQuoteRules()
{
    QFETCH(QString, in);
    QFETCH(QString, out);
    QCOMPARE(q(csvQuote(in.toStdString())), out);
}

QTEST_GUILESS_MAIN(TestDiffExport)
#include "tst_diffexport.moc"
