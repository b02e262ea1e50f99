// SPDX-License-Identifier: Apache-2.0
// CSV, TSV and NDJSON readers: quoting edge cases, and every kind of malformed
// input reported with file, line, column and reason.

#include "tabular/opentable.h"
#include "tabulartestutil.h"

#include <QTest>

#include <cstring>

using namespace lakeside;
using namespace lakeside::tabular;
using tabulartest::q;
using tabulartest::writeFile;

namespace {

struct ReadAll {
    std::vector<std::string> columns;
    std::vector<std::vector<QString>> rows; // "<null>" for null
    std::vector<int64_t> lines;
    std::string error;
    ErrorKind kind = ErrorKind::Internal;
};

ReadAll readAll(const std::string& path, const ReadOptions& opts = {})
{
    ReadAll out;
    auto src = openTable(path, opts);
    if (!src.ok()) {
        out.error = src.error().message;
        out.kind = src.error().kind;
        return out;
    }
    for (const Column& c : (*src)->schema().columns)
        out.columns.push_back(c.name);
    Row row;
    while (true) {
        auto r = (*src)->next(row);
        if (!r.ok()) {
            out.error = r.error().message;
            out.kind = r.error().kind;
            break;
        }
        if (!r.value())
            break;
        std::vector<QString> cells;
        for (const Cell& c : row.cells)
            cells.push_back(c.null ? QStringLiteral("<null>") : QString::fromUtf8(c.text.data(), qsizetype(c.text.size())));
        out.rows.push_back(cells);
        out.lines.push_back(row.line);
    }
    return out;
}

} // namespace

class TestTableReaders : public QObject {
    Q_OBJECT
private slots:
    void csvQuoting_data();
    void csvQuoting();
    void csvLineNumbersCountEmbeddedNewlines();
    void csvLargeFileAcrossBufferBoundaries();
    void csvFieldLengthsAroundVectorWidth();
    void malformed_data();
    void malformed();
    void tsvHasNoQuoting();
    void ndjsonValues();
    void ndjsonMalformed_data();
    void ndjsonMalformed();
    void rewindRestartsAtFirstRow();
    void seekReturnsBookmarkedRow();
    void formatByExtensionAndErrors();
    void headerlessCsv();
    void mutatedInputNeverCrashes_data();
    void mutatedInputNeverCrashes();
};

void TestTableReaders::csvQuoting_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("cell"); // row 0, column b
    QTest::addRow("plain") << QByteArray("a,b\n1,hello\n") << QStringLiteral("hello");
    QTest::addRow("quoted comma") << QByteArray("a,b\n1,\"x,y\"\n") << QStringLiteral("x,y");
    QTest::addRow("escaped quotes") << QByteArray("a,b\n1,\"say \"\"hi\"\"\"\n") << QStringLiteral("say \"hi\"");
    QTest::addRow("embedded newline") << QByteArray("a,b\n1,\"two\nlines\"\n") << QStringLiteral("two\nlines");
    QTest::addRow("embedded CRLF") << QByteArray("a,b\r\n1,\"two\r\nlines\"\r\n") << QStringLiteral("two\r\nlines");
    QTest::addRow("CRLF") << QByteArray("a,b\r\n1,v\r\n") << QStringLiteral("v");
    QTest::addRow("BOM") << QByteArray("\xEF\xBB\xBF" "a,b\n1,v\n") << QStringLiteral("v");
    QTest::addRow("no final newline") << QByteArray("a,b\n1,last") << QStringLiteral("last");
    QTest::addRow("empty is null") << QByteArray("a,b\n1,\n") << QStringLiteral("<null>");
    QTest::addRow("quoted empty is null") << QByteArray("a,b\n1,\"\"\n") << QStringLiteral("<null>");
    QTest::addRow("only quotes") << QByteArray("a,b\n1,\"\"\"\"\n") << QStringLiteral("\"");
    QTest::addRow("utf8") << QByteArray("a,b\n1,Zürich ✓\n") << QStringLiteral("Zürich ✓");
    QTest::addRow("blank line skipped") << QByteArray("a,b\n\n1,v\n\n") << QStringLiteral("v");
    QTest::addRow("lone CR is data") << QByteArray("a,b\n1,x\ry\n") << QStringLiteral("x\ry");
}

void TestTableReaders::csvQuoting()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, cell);
    QTemporaryDir dir;
    const ReadAll r = readAll(writeFile(dir, QStringLiteral("t.csv"), content));
    QVERIFY2(r.error.empty(), r.error.c_str());
    QCOMPARE(r.columns, (std::vector<std::string>{"a", "b"}));
    QCOMPARE(r.rows.size(), size_t(1));
    QCOMPARE(r.rows[0][0], QStringLiteral("1"));
    QCOMPARE(r.rows[0][1], cell);
}

void TestTableReaders::csvFieldLengthsAroundVectorWidth()
{
    // Unquoted fields are scanned 16 bytes at a time: every length from 0 to
    // 40, ending at a comma, LF, CRLF, lone CR (data) or the end of the file.
    QTemporaryDir dir;
    QByteArray content("a,b,c\n");
    std::vector<std::vector<QString>> expected;
    for (int len = 0; len <= 40; ++len) {
        const QByteArray v(len, char('a' + len % 26));
        const QByteArray withCr = v + "\rx" + v;
        content += v + "," + withCr + "," + v + (len % 2 ? "\r\n" : "\n");
        const QString null = QStringLiteral("<null>");
        expected.push_back({len ? QString::fromLatin1(v) : null, QString::fromLatin1(withCr), len ? QString::fromLatin1(v) : null});
    }
    content += "end,x," + QByteArray(17, 'z');
    expected.push_back({QStringLiteral("end"), QStringLiteral("x"), QString(17, QLatin1Char('z'))});
    const ReadAll r = readAll(writeFile(dir, QStringLiteral("t.csv"), content));
    QVERIFY2(r.error.empty(), r.error.c_str());
    QCOMPARE(r.rows.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i)
        QCOMPARE(r.rows[i], expected[i]);
}

void TestTableReaders::csvLineNumbersCountEmbeddedNewlines()
{
    QTemporaryDir dir;
    const ReadAll r = readAll(writeFile(dir, QStringLiteral("t.csv"), "a,b\n1,\"x\ny\nz\"\n2,w\n"));
    QVERIFY2(r.error.empty(), r.error.c_str());
    QCOMPARE(r.lines, (std::vector<int64_t>{2, 5}));
}

void TestTableReaders::csvLargeFileAcrossBufferBoundaries()
{
    // Records straddle the reader's 1 MiB window, including quoted ones.
    QByteArray content("id,text\n");
    for (int i = 0; i < 60000; ++i)
        content += QByteArray::number(i) + ",\"v \"\"" + QByteArray::number(i) + "\"\"\nnext\"\n";
    QTemporaryDir dir;
    const ReadAll r = readAll(writeFile(dir, QStringLiteral("big.csv"), content));
    QVERIFY2(r.error.empty(), r.error.c_str());
    QCOMPARE(r.rows.size(), size_t(60000));
    QCOMPARE(r.rows[59999][1], QStringLiteral("v \"59999\"\nnext"));
    QCOMPARE(r.lines[59999], int64_t(2 + 2 * 59999));
}

void TestTableReaders::malformed_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected"); // start of the message after the path
    QTest::addColumn<int>("kind");
    const int inval = int(ErrorKind::InvalidArgument);
    QTest::addRow("ragged short") << QByteArray("a,b,c\n1,2,3\n4,5\n")
                                  << QStringLiteral(":3: 2 fields, but the header has 3 columns") << inval;
    QTest::addRow("ragged long") << QByteArray("a,b\n1,2\n3,4\n5,6,7\n")
                                 << QStringLiteral(":4: 3 fields, but the header has 2 columns") << inval;
    QTest::addRow("quote in unquoted field") << QByteArray("a,b\n1,ab\"c\n")
                                             << QStringLiteral(":2: column 'b': quote character inside an unquoted field")
                                             << inval;
    QTest::addRow("text after closing quote") << QByteArray("a,b\n1,\"ab\"c\n")
                                              << QStringLiteral(":2: column 'b': unexpected character 'c' after a closing quote")
                                              << inval;
    QTest::addRow("unterminated quote") << QByteArray("a,b\n1,2\n3,\"open\nmore\n")
                                        << QStringLiteral(":3: column 'b': unterminated quoted field") << inval;
    QTest::addRow("bad utf8") << QByteArray("a,b\n1,ok\n2,caf\xE9\n")
                              << QStringLiteral(":3: column 'b': invalid UTF-8") << int(ErrorKind::Corruption);
    QTest::addRow("overlong utf8") << QByteArray("a,b\n1,\xC0\xAF\n")
                                   << QStringLiteral(":2: column 'b': invalid UTF-8") << int(ErrorKind::Corruption);
    QTest::addRow("repeated header") << QByteArray("a,b\n1,2\na,b\n3,4\n")
                                     << QStringLiteral(":3: the header line is repeated here") << inval;
    QTest::addRow("duplicate column") << QByteArray("a,b,a\n1,2,3\n")
                                      << QStringLiteral(":1: duplicate column name 'a' (columns 1 and 3)") << inval;
}

void TestTableReaders::malformed()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    QFETCH(int, kind);
    QTemporaryDir dir;
    const std::string path = writeFile(dir, QStringLiteral("bad.csv"), content);
    const ReadAll r = readAll(path);
    QVERIFY2(!r.error.empty(), "malformed input must be an error, not a short read");
    QVERIFY2(q(r.error).startsWith(q(path) + expected), r.error.c_str());
    QCOMPARE(int(r.kind), kind);
}

void TestTableReaders::tsvHasNoQuoting()
{
    QTemporaryDir dir;
    const ReadAll r = readAll(writeFile(dir, QStringLiteral("t.tsv"), "a\tb\n1\tsay \"hi\", ok\n2\t\n"));
    QVERIFY2(r.error.empty(), r.error.c_str());
    QCOMPARE(r.rows.size(), size_t(2));
    QCOMPARE(r.rows[0][1], QStringLiteral("say \"hi\", ok"));
    QCOMPARE(r.rows[1][1], QStringLiteral("<null>"));
}

void TestTableReaders::ndjsonValues()
{
    QTemporaryDir dir;
    const ReadAll r = readAll(writeFile(dir, QStringLiteral("t.ndjson"),
                                        "{\"id\":1,\"name\":\"a\\\"b\",\"ok\":true,\"x\":null,\"tags\":[1,2],\"o\":{\"k\":\"v\"}}\n"
                                        "\n"
                                        "{\"o\":{},\"tags\":[],\"x\":2.5,\"ok\":false,\"name\":\"é\",\"id\":2}\r\n"));
    QVERIFY2(r.error.empty(), r.error.c_str());
    QCOMPARE(r.columns, (std::vector<std::string>{"id", "name", "ok", "x", "tags", "o"}));
    QCOMPARE(r.rows.size(), size_t(2));
    QCOMPARE(r.rows[0], (std::vector<QString>{"1", "a\"b", "true", "<null>", "[1,2]", "{\"k\":\"v\"}"}));
    QCOMPARE(r.rows[1], (std::vector<QString>{"2", "é", "false", "2.5", "[]", "{}"}));
    QCOMPARE(r.lines, (std::vector<int64_t>{1, 3}));
}

void TestTableReaders::ndjsonMalformed_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("kind");
    const int inval = int(ErrorKind::InvalidArgument);
    QTest::addRow("missing key") << QByteArray("{\"a\":1,\"b\":2}\n{\"a\":3}\n")
                                 << QStringLiteral(":2: the keys differ from the first record's; missing 'b'") << inval;
    QTest::addRow("new key") << QByteArray("{\"a\":1}\n{\"a\":1}\n{\"a\":3,\"c\":4}\n")
                             << QStringLiteral(":3: the keys differ from the first record's; unexpected 'c'") << inval;
    QTest::addRow("not json") << QByteArray("{\"a\":1}\n{\"a\":\n") << QStringLiteral(":2: not valid JSON") << inval;
    QTest::addRow("not an object") << QByteArray("{\"a\":1}\n[1]\n")
                                   << QStringLiteral(":2: expected a JSON object, found array") << inval;
    QTest::addRow("bad utf8") << QByteArray("{\"a\":\"x\"}\n{\"a\":\"\xFF\"}\n")
                              << QStringLiteral(":2: invalid UTF-8") << int(ErrorKind::Corruption);
}

void TestTableReaders::ndjsonMalformed()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    QFETCH(int, kind);
    QTemporaryDir dir;
    const std::string path = writeFile(dir, QStringLiteral("bad.jsonl"), content);
    const ReadAll r = readAll(path);
    QVERIFY2(q(r.error).startsWith(q(path) + expected), r.error.c_str());
    QCOMPARE(int(r.kind), kind);
}

void TestTableReaders::rewindRestartsAtFirstRow()
{
    QTemporaryDir dir;
    auto src = openTable(writeFile(dir, QStringLiteral("t.csv"), "a\n1\n2\n"));
    QVERIFY(src.ok());
    Row row;
    QVERIFY((*src)->next(row).value());
    QVERIFY((*src)->next(row).value());
    QVERIFY(!(*src)->next(row).value());
    QVERIFY((*src)->rewind().ok());
    QVERIFY((*src)->next(row).value());
    QCOMPARE(row.cells[0].text, std::string_view("1"));
    QCOMPARE(row.index, int64_t(0));
}

void TestTableReaders::seekReturnsBookmarkedRow()
{
    QTemporaryDir dir;
    auto src = openTable(writeFile(dir, QStringLiteral("t.csv"), "\xEF\xBB\xBFk,v\n1,a\n2,\"multi\nline\"\n3,c\n"));
    QVERIFY(src.ok());
    Row row;
    std::vector<RowBookmark> marks;
    while ((*src)->next(row).value()) {
        auto bm = (*src)->bookmark();
        QVERIFY(bm.has_value());
        marks.push_back(*bm);
    }
    QCOMPARE(marks.size(), size_t(3));
    // Back to the multi-line row, then on to the next one.
    QVERIFY((*src)->seek(marks[1]).ok());
    QVERIFY((*src)->next(row).value());
    QCOMPARE(row.cells[1].text, std::string_view("multi\nline"));
    QCOMPARE(row.index, int64_t(1));
    QCOMPARE(row.line, int64_t(3));
    QVERIFY((*src)->next(row).value());
    QCOMPARE(row.cells[0].text, std::string_view("3"));
    QCOMPARE(row.line, int64_t(5));
    QVERIFY(!(*src)->next(row).value());
    QVERIFY((*src)->seek(marks[0]).ok());
    QVERIFY((*src)->next(row).value());
    QCOMPARE(row.cells[1].text, std::string_view("a"));

    // A source over a plain byte stream cannot seek, and says so.
    ReadOptions opts;
    opts.format = TableFormat::Csv;
    std::string bytes = "k\n1\n";
    auto stream = openTable([bytes]() -> Result<ByteSource> {
        auto pos = std::make_shared<size_t>(0);
        return ByteSource([bytes, pos](char* buf, int64_t cap) -> int64_t {
            const size_t n = std::min(bytes.size() - *pos, static_cast<size_t>(cap));
            std::memcpy(buf, bytes.data() + *pos, n);
            *pos += n;
            return static_cast<int64_t>(n);
        });
    }, "stream", opts);
    QVERIFY(stream.ok());
    QVERIFY((*stream)->next(row).value());
    QVERIFY(!(*stream)->bookmark().has_value());
    QCOMPARE((*stream)->seek(RowBookmark{}).kind(), ErrorKind::NotImplemented);
}

void TestTableReaders::formatByExtensionAndErrors()
{
    QCOMPARE(formatFromPath("x/Y.CSV"), TableFormat::Csv);
    QCOMPARE(formatFromPath("y.tsv"), TableFormat::Tsv);
    QCOMPARE(formatFromPath("y.jsonl"), TableFormat::Ndjson);
    QCOMPARE(formatFromPath("y.parquet"), TableFormat::Parquet);
    QTemporaryDir dir;
    auto missing = openTable(dir.filePath(QStringLiteral("none.csv")).toStdString());
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().kind, ErrorKind::NotFound);
    QVERIFY(q(missing.error().message).contains(QStringLiteral("none.csv")));
    auto unknown = openTable(writeFile(dir, QStringLiteral("t.dat"), "a\n1\n"));
    QCOMPARE(unknown.error().kind, ErrorKind::InvalidArgument);
    // An explicit format overrides the extension.
    ReadOptions opts;
    opts.format = TableFormat::Tsv;
    const ReadAll r = readAll(writeFile(dir, QStringLiteral("t2.dat"), "a\tb\n1\t2\n"), opts);
    QVERIFY2(r.error.empty(), r.error.c_str());
    QCOMPARE(r.rows[0][1], QStringLiteral("2"));
    // Semicolon-separated CSV (common where the decimal separator is a comma).
    ReadOptions semi;
    semi.delimiter = ';';
    const ReadAll s = readAll(writeFile(dir, QStringLiteral("semi.csv"), "a;b\n\"x;y\";1,5\n"), semi);
    QVERIFY2(s.error.empty(), s.error.c_str());
    QCOMPARE(s.rows[0], (std::vector<QString>{"x;y", "1,5"}));
}

void TestTableReaders::headerlessCsv()
{
    QTemporaryDir dir;
    ReadOptions opts;
    opts.header = false;
    const ReadAll r = readAll(writeFile(dir, QStringLiteral("t.csv"), "1,2\n3,4\n"), opts);
    QVERIFY2(r.error.empty(), r.error.c_str());
    QCOMPARE(r.columns, (std::vector<std::string>{"column_1", "column_2"}));
    QCOMPARE(r.rows.size(), size_t(2));
    QCOMPARE(r.rows[1][1], QStringLiteral("4"));
}

void TestTableReaders::mutatedInputNeverCrashes_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("seed");
    QTest::addRow("csv") << "m.csv" << QByteArray("id,name,note\n1,\"a,b\",x\r\n2,\"q\"\"q\",\"l1\nl2\"\n3,é,z\n");
    QTest::addRow("tsv") << "m.tsv" << QByteArray("id\tname\n1\ta\n2\tb\n");
    QTest::addRow("ndjson") << "m.ndjson" << QByteArray("{\"a\":1,\"b\":\"x\"}\n{\"a\":2,\"b\":[1,{\"c\":null}]}\n");
}

void TestTableReaders::mutatedInputNeverCrashes()
{
    // Byte flips, insertions and truncations of a valid file: every variant
    // either reads to the end or stops with a located error; none crashes.
    QFETCH(QString, name);
    QFETCH(QByteArray, seed);
    const char alphabet[] = {',', '"', '\n', '\r', '\t', '{', '}', ':', 'a', '\xC3', '\xFF', '\0'};
    uint32_t state = 12345;
    auto rnd = [&state]() {
        state = state * 1664525u + 1013904223u;
        return state >> 8;
    };
    QTemporaryDir dir;
    int errors = 0;
    for (int iter = 0; iter < 150; ++iter) {
        QByteArray data = seed;
        const int edits = 1 + int(rnd() % 3);
        for (int e = 0; e < edits && !data.isEmpty(); ++e) {
            const int pos = int(rnd() % uint32_t(data.size()));
            const char c = alphabet[rnd() % sizeof alphabet];
            switch (rnd() % 3) {
            case 0: data[pos] = c; break;
            case 1: data.insert(pos, c); break;
            default: data.truncate(pos); break;
            }
        }
        const std::string path = writeFile(dir, name, data);
        const ReadAll r = readAll(path);
        if (!r.error.empty()) {
            ++errors;
            QVERIFY2(q(r.error).startsWith(q(path)), r.error.c_str());
        }
    }
    QVERIFY(errors > 0); // the mutations did produce malformed files
}

QTEST_GUILESS_MAIN(TestTableReaders)
#include "tst_tablereaders.moc"
