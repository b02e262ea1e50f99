// SPDX-License-Identifier: Apache-2.0
// The raw-record shortcut (TableSource::skipIfRecordEquals and
// TableDiffOptions::allowRawRecordSkip): a new CSV record that is byte for
// byte the old table's current record is consumed unsplit. Checked twice:
// (1) per source, skipping wherever allowed yields the same rows, indexes,
// line numbers and errors as reading every record with next(); (2) per diff,
// the results (rows, cells, lines, counts, types, errors, snapshots) are the
// same with the shortcut on and off, and the shortcut was really taken.

#include "tabular/tablediff.h"
#include "tabulartestutil.h"

#include <QTest>

#include <memory>

using namespace lakeside;
using namespace lakeside::tabular;
using tabulartest::q;
using tabulartest::writeFile;

namespace {

// Re-openable bytes handed out `step` bytes per read, so that records run
// across the reader's window again and again (0: all at once).
ByteSourceFactory trickle(const QByteArray& bytes, int step)
{
    return [bytes, step]() -> Result<ByteSource> {
        auto pos = std::make_shared<qsizetype>(0);
        return ByteSource([bytes, step, pos](char* buf, int64_t capacity) -> int64_t {
            const qsizetype left = bytes.size() - *pos;
            const qsizetype n = std::min<qsizetype>({left, static_cast<qsizetype>(capacity),
                                                     step > 0 ? static_cast<qsizetype>(step) : left});
            std::memcpy(buf, bytes.constData() + *pos, static_cast<size_t>(n));
            *pos += n;
            return n;
        });
    };
}

QString rowText(const Row& row)
{
    QString s = QStringLiteral("#%1@%2").arg(row.index).arg(row.line);
    for (const Cell& c : row.cells)
        s += QLatin1Char('|') + (c.null ? QStringLiteral("<null>") : QString::fromUtf8(c.text.data(), qsizetype(c.text.size())));
    return s;
}

// The new table's rows (and final error) as next() alone reads them.
QStringList readPlain(TableSource& src)
{
    QStringList out;
    Row row;
    while (true) {
        auto r = src.next(row);
        if (!r.ok())
            return out << QStringLiteral("error: ") + q(r.error().message);
        if (!r.value())
            return out;
        out << rowText(row);
    }
}

// The new table read in lockstep with the old one, skipping each new record
// that equals the old record at the same position; cells of a skipped row
// are the old row's. Counts the skips.
QStringList readSkipping(TableSource& oldSrc, TableSource& newSrc, int& skips)
{
    QStringList out;
    Row a, b;
    bool oldMore = true;
    while (true) {
        if (oldMore) {
            auto r = oldSrc.next(a);
            oldMore = r.ok() && r.value();
        }
        if (oldMore) {
            const std::optional<std::string_view> raw = oldSrc.rawRecord();
            if (!raw)
                return out << QStringLiteral("no raw record after next()");
            if (raw->empty())
                return out << QStringLiteral("empty raw record");
            auto s = newSrc.skipIfRecordEquals(*raw, b);
            if (!s.ok())
                return out << QStringLiteral("error: ") + q(s.error().message);
            if (s.value()) {
                ++skips;
                b.cells = a.cells;
                out << rowText(b);
                const std::optional<std::string_view> again = newSrc.rawRecord();
                if (!again || *again != *raw)
                    return out << QStringLiteral("rawRecord() after a skip differs");
                continue;
            }
        }
        auto r = newSrc.next(b);
        if (!r.ok())
            return out << QStringLiteral("error: ") + q(r.error().message);
        if (!r.value())
            return out;
        out << rowText(b);
    }
}

// Forwards everything and counts the records skipped on it.
class SkipCounter final : public TableSource {
public:
    explicit SkipCounter(std::unique_ptr<TableSource> inner) : m_inner(std::move(inner)) {}
    const std::string& name() const override { return m_inner->name(); }
    const Schema& schema() const override { return m_inner->schema(); }
    Result<bool> next(Row& row) override { return m_inner->next(row); }
    std::optional<int64_t> rowCountHint() const override { return m_inner->rowCountHint(); }
    Status rewind() override { return m_inner->rewind(); }
    std::pair<int64_t, int64_t> progress() const override { return m_inner->progress(); }
    std::optional<RowBookmark> bookmark() const override { return m_inner->bookmark(); }
    Status seek(const RowBookmark& where) override { return m_inner->seek(where); }
    std::string_view rawDialect() const override { return m_inner->rawDialect(); }
    std::optional<std::string_view> rawRecord() const override { return m_inner->rawRecord(); }
    Result<bool> skipIfRecordEquals(std::string_view raw, Row& row) override
    {
        auto r = m_inner->skipIfRecordEquals(raw, row);
        if (r.ok() && r.value())
            ++skips;
        return r;
    }
    int skips = 0;

private:
    std::unique_ptr<TableSource> m_inner;
};

QString dumpResult(const Result<TableDiffResult>& d)
{
    if (!d.ok())
        return QStringLiteral("error: ") + q(d.error().message);
    const DiffSummary& s = d->summary();
    QString out = QStringLiteral("rows %1/%2 +%3 -%4 ~%5 =%6 cells %7 | %8\n")
                      .arg(s.oldRows).arg(s.newRows).arg(s.added).arg(s.removed).arg(s.changed).arg(s.unchanged)
                      .arg(s.changedCells).arg(q(d->matchDescription()));
    for (const ColumnMatch& c : d->schema().columns)
        out += QStringLiteral("%1:%2>%3 ").arg(q(c.name()), QLatin1String(columnTypeName(c.oldType)),
                                               QLatin1String(columnTypeName(c.newType)));
    for (int64_t i = 0; i < d->rowCount(); ++i) {
        auto r = d->row(i);
        if (!r.ok())
            return out + QStringLiteral("\nrow error: ") + q(r.error().message);
        out += QStringLiteral("\n%1 old=%2@%3 new=%4@%5").arg(QLatin1String(rowStatusName(r->status)))
                   .arg(r->oldRow).arg(r->oldLine).arg(r->newRow).arg(r->newLine);
        for (const DiffCell& c : r->cells)
            out += QStringLiteral(" [%1|%2%3]").arg(c.oldNull ? QStringLiteral("-") : q(c.oldText),
                                                   c.newNull ? QStringLiteral("-") : q(c.newText),
                                                   c.changed ? QStringLiteral("*") : QString());
    }
    return out;
}

QByteArray numbered(int from, int to, const QByteArray& lineEnd = "\n")
{
    QByteArray out;
    for (int i = from; i <= to; ++i)
        out += QByteArray::number(i) + ",v" + QByteArray::number(i) + "," + QByteArray::number(i * 3) + lineEnd;
    return out;
}

} // namespace

class TestRawRecordSkip : public QObject {
    Q_OBJECT
private slots:
    void sourceSkipMatchesNext_data();
    void sourceSkipMatchesNext();
    void diffSameWithAndWithoutSkip_data();
    void diffSameWithAndWithoutSkip();
    void mutatedNewTableReadsAlike_data();
    void mutatedNewTableReadsAlike();
    void bookmarkAfterSkipReturnsTheRecord();
    void otherFormatsDoNotSkip();
};

void TestRawRecordSkip::sourceSkipMatchesNext_data()
{
    QTest::addColumn<QByteArray>("oldBytes");
    QTest::addColumn<QByteArray>("newBytes");
    QTest::addColumn<bool>("header");
    QTest::addColumn<char>("delimiter");
    QTest::addColumn<int>("expectedSkips");

    const QByteArray head("id,name,qty\n");
    QTest::addRow("identical") << head + numbered(1, 6) << head + numbered(1, 6) << true << ',' << 6;
    QTest::addRow("CRLF old, LF new: nothing skipped")
        << QByteArray("id,name,qty\r\n") + numbered(1, 4, "\r\n") << head + numbered(1, 4) << true << ',' << 0;
    QTest::addRow("LF old, CRLF new: nothing skipped")
        << head + numbered(1, 4) << QByteArray("id,name,qty\r\n") + numbered(1, 4, "\r\n") << true << ',' << 0;
    QTest::addRow("both CRLF") << QByteArray("id,name,qty\r\n") + numbered(1, 4, "\r\n")
                               << QByteArray("id,name,qty\r\n") + numbered(1, 4, "\r\n") << true << ',' << 4;
    const QByteArray multi = head + "1,\"two\nlines\",3\n2,\"say \"\"hi\"\"\",4\n3,\"a\r\nb\nc\",5\n4,x,6\n";
    QTest::addRow("quoted newlines and quotes, lines stay right")
        << multi << QByteArray(multi).replace("4,x,6", "4,y,6") << true << ',' << 3;
    QTest::addRow("last record without final newline is parsed")
        << head + numbered(1, 3) + "4,v4,12" << head + numbered(1, 3) + "4,v4,12" << true << ',' << 3;
    QTest::addRow("old without final newline, new longer")
        << head + numbered(1, 3) + "4,v4,12" << head + numbered(1, 3) + "4,v4,123\n" << true << ',' << 3;
    QTest::addRow("old with final newline, new without")
        << head + numbered(1, 4) << head + numbered(1, 3) + "4,v4,12" << true << ',' << 3;
    QTest::addRow("BOM on one side") << QByteArray("\xEF\xBB\xBF") + head + numbered(1, 3) << head + numbered(1, 3)
                                     << true << ',' << 3;
    QTest::addRow("blank lines in new") << head + numbered(1, 4) << head + numbered(1, 2) + "\n\n" + numbered(3, 4)
                                        << true << ',' << 3;
    QTest::addRow("ragged record in new is reported")
        << head + numbered(1, 4) << head + numbered(1, 2) + "3,v3\n" + numbered(4, 4) << true << ',' << 2;
    QTest::addRow("quote in unquoted field in new is reported")
        << head + numbered(1, 3) << head + "1,v1,3\n2,v\"2,6\n3,v3,9\n" << true << ',' << 1;
    QTest::addRow("unterminated quote in new is reported")
        << head + numbered(1, 3) << head + numbered(1, 2) + "3,\"v3,9\n" << true << ',' << 2;
    QTest::addRow("bad UTF-8 in new is reported")
        << head + numbered(1, 3) << head + numbered(1, 1) + "2,v\xE9,6\n" + numbered(3, 3) << true << ',' << 1;
    QTest::addRow("ragged in both: the old error stops the skipping")
        << head + numbered(1, 2) + "3,v3\n" + numbered(4, 4) << head + numbered(1, 2) + "3,v3\n" + numbered(4, 4)
        << true << ',' << 2;
    QTest::addRow("repeated header in new") << head + numbered(1, 3) << head + numbered(1, 1) + head + numbered(2, 3)
                                            << true << ',' << 1;
    QTest::addRow("headerless: the first record is handed out by next()") << numbered(1, 4) << numbered(1, 4) << false
                                                                          << ',' << 3;
    QTest::addRow("TSV") << QByteArray("id\tname\n1\ta\n2\t\"b\"\n3\tc\n") << QByteArray("id\tname\n1\ta\n2\t\"b\"\n3\tC\n")
                         << true << '\t' << 2;
    QTest::addRow("semicolons") << QByteArray("id;name\n1;a,b\n2;c\n") << QByteArray("id;name\n1;a,b\n2;c\n") << true
                                << ';' << 2;
    QTest::addRow("new table longer") << head + numbered(1, 3) << head + numbered(1, 6) << true << ',' << 3;
    QTest::addRow("new table shorter") << head + numbered(1, 6) << head + numbered(1, 3) << true << ',' << 3;
    QTest::addRow("new table empty") << head + numbered(1, 3) << head << true << ',' << 0;
    QTest::addRow("one column, blank lines are null rows") << QByteArray("a\nx\n\ny\n") << QByteArray("a\nx\n\ny\n")
                                                          << true << ',' << 3;
}

void TestRawRecordSkip::sourceSkipMatchesNext()
{
    QFETCH(QByteArray, oldBytes);
    QFETCH(QByteArray, newBytes);
    QFETCH(bool, header);
    QFETCH(char, delimiter);
    QFETCH(int, expectedSkips);

    ReadOptions opts;
    opts.header = header;
    opts.delimiter = delimiter;
    opts.format = delimiter == '\t' ? TableFormat::Tsv : TableFormat::Csv;
    // 0: one window; 1, 3, 7: records straddle the window everywhere.
    for (int step : {0, 1, 3, 7}) {
        auto plain = openTable(trickle(newBytes, step), "new.csv", opts);
        auto oldSrc = openTable(trickle(oldBytes, step), "old.csv", opts);
        auto newSrc = openTable(trickle(newBytes, step), "new.csv", opts);
        QVERIFY(plain.ok() && oldSrc.ok() && newSrc.ok());
        QVERIFY(!(*newSrc)->rawDialect().empty());
        QVERIFY((*newSrc)->rawDialect() == (*oldSrc)->rawDialect());
        const QStringList expected = readPlain(**plain);
        int skips = 0;
        QCOMPARE(readSkipping(**oldSrc, **newSrc, skips), expected);
        QCOMPARE(skips, expectedSkips);
        // rewind() starts over, skips included.
        QVERIFY((*oldSrc)->rewind().ok());
        QVERIFY((*newSrc)->rewind().ok());
        QVERIFY(!(*newSrc)->rawRecord());
        skips = 0;
        QCOMPARE(readSkipping(**oldSrc, **newSrc, skips), expected);
        QCOMPARE(skips, expectedSkips);
    }
}

void TestRawRecordSkip::diffSameWithAndWithoutSkip_data()
{
    QTest::addColumn<QByteArray>("oldBytes");
    QTest::addColumn<QByteArray>("newBytes");
    QTest::addColumn<QStringList>("key");
    QTest::addColumn<int>("sampleRows");
    QTest::addColumn<bool>("newHeaderless");
    QTest::addColumn<bool>("expectSkips");
    QTest::addColumn<QString>("expectedError"); // substring; empty: the diff succeeds

    const QByteArray head("id,name,qty\n");
    const QStringList id{QStringLiteral("id")};
    QTest::addRow("changed, added, removed") << head + numbered(1, 30)
                                             << head + numbered(1, 9) + "10,v10,0\n" + numbered(12, 33) << id << 10000
                                             << false << true << QString();
    QTest::addRow("detected key") << head + numbered(1, 30) << head + numbered(2, 30).replace("v20", "w20")
                                  << QStringList() << 10000 << false << true << QString();
    QTest::addRow("CRLF old vs LF new: all unchanged via parsing")
        << QByteArray("id,name,qty\r\n") + numbered(1, 20, "\r\n") << head + numbered(1, 20) << id << 10000 << false
        << false << QString();
    const QByteArray multi = head + "1,\"two\nlines\",3\n2,\"say \"\"hi\"\"\",4\n3,\"a\nb\nc\",5\n4,x,6\n5,\"q\n\",7\n";
    QTest::addRow("multi-line records before a change: lines right")
        << multi << QByteArray(multi).replace("4,x,6", "4,y,6").replace("5,\"q\n\",7", "5,\"q\n\",8") << id << 10000
        << false << true << QString();
    QTest::addRow("last record without final newline")
        << head + numbered(1, 5) + "6,v6,18" << head + numbered(1, 5) + "6,v6,18" << id << 10000 << false << true
        << QString();
    QTest::addRow("types widen after the sample, same in both")
        << head + numbered(1, 20) + "21,v21,many\n" + numbered(22, 25)
        << head + numbered(1, 20) + "21,v21,many\n" + numbered(22, 24) << id << 5 << false << true << QString();
    QTest::addRow("ragged record in new: file and line")
        << head + numbered(1, 10) << head + numbered(1, 6) + "7,v7\n" + numbered(8, 10) << id << 3 << false << true
        << QStringLiteral("new.csv:8:");
    QTest::addRow("new header has an extra column: every record is ragged")
        << head + numbered(1, 5) << QByteArray("id,name,qty,more\n") + numbered(1, 5) << id << 10000 << false << false
        << QStringLiteral("new.csv:2:");
    QTest::addRow("duplicate key in new, byte-identical record")
        << head + numbered(1, 6) << head + numbered(1, 3) + numbered(3, 6) << id << 2 << false << true
        << QStringLiteral("new.csv:5:");
    QTest::addRow("duplicate key in old") << head + numbered(1, 3) + numbered(3, 6) << head + numbered(1, 6) << id << 2
                                          << false << true << QStringLiteral("old.csv:5:");
    QTest::addRow("new out of order: hash join after skipping")
        << head + numbered(1, 20) << head + numbered(1, 10) + numbered(12, 12) + numbered(11, 11) + numbered(13, 20)
        << id << 5 << false << true << QString();
    // Old headerless (columns column_1, column_2), new with the header line
    // "column_1,column_2": the same names, but the record "column_1,column_2"
    // is data in the old table and a repeated header in the new one. The
    // dialects differ, so nothing is skipped and the new table is rejected.
    QTest::addRow("header vs headerless: repeated header still found")
        << QByteArray("1,a\n2,b\ncolumn_1,column_2\n") << QByteArray("column_1,column_2\n1,a\n2,b\ncolumn_1,column_2\n")
        << QStringList{QStringLiteral("column_1")} << 2 << true << false << QStringLiteral("new.csv:4:");
}

void TestRawRecordSkip::diffSameWithAndWithoutSkip()
{
    QFETCH(QByteArray, oldBytes);
    QFETCH(QByteArray, newBytes);
    QFETCH(QStringList, key);
    QFETCH(int, sampleRows);
    QFETCH(bool, newHeaderless);
    QFETCH(bool, expectSkips);
    QFETCH(QString, expectedError);

    QTemporaryDir dir;
    const std::string a = writeFile(dir, QStringLiteral("old.csv"), oldBytes);
    const std::string b = writeFile(dir, QStringLiteral("new.csv"), newBytes);
    ReadOptions oldRead;
    oldRead.header = !newHeaderless;
    QString results[2];
    int skipCounts[2] = {0, 0};
    for (int skip = 0; skip < 2; ++skip) {
        auto oldSrc = openTable(a, oldRead);
        auto newSrc = openTable(b);
        QVERIFY(oldSrc.ok());
        QVERIFY(newSrc.ok());
        SkipCounter counted(std::move(*newSrc));
        TableDiffOptions opts;
        for (const QString& k : key)
            opts.keyColumns.push_back(k.toStdString());
        opts.sampleRows = sampleRows;
        opts.allowRawRecordSkip = skip == 1;
        // Every snapshot of the final generation is a prefix of the result,
        // in both modes.
        std::vector<std::pair<uint64_t, QStringList>> snapshots;
        opts.onPartial = [&](const TableDiffResult& partial) {
            snapshots.emplace_back(partial.generation(), dumpResult(partial).split(QLatin1Char('\n')).mid(2));
        };
        auto d = diffTables(**oldSrc, counted, opts);
        results[skip] = dumpResult(d);
        skipCounts[skip] = counted.skips;
        if (d.ok()) {
            const QStringList all = results[skip].split(QLatin1Char('\n')).mid(2);
            for (const auto& [generation, snap] : snapshots) {
                if (generation == d->generation())
                    QCOMPARE(snap, all.mid(0, snap.size()));
            }
        }
    }
    QCOMPARE(results[1], results[0]);
    QCOMPARE(skipCounts[0], 0);
    QCOMPARE(skipCounts[1] > 0, expectSkips);
    if (expectedError.isEmpty())
        QVERIFY2(!results[0].startsWith(QLatin1String("error")), qPrintable(results[0]));
    else
        QVERIFY2(results[0].startsWith(QLatin1String("error: ")) && results[0].contains(expectedError),
                 qPrintable(results[0]));
}

void TestRawRecordSkip::mutatedNewTableReadsAlike_data()
{
    QTest::addColumn<QByteArray>("seed");
    QTest::addColumn<char>("delimiter");
    QTest::addRow("csv, quotes and newlines")
        << QByteArray("id,name,note\n1,\"a,b\",x\n2,\"q\"\"q\",\"l1\nl2\"\n3,\u00e9,z\n4,\"\",\"\r\n\"\n5,p,q\n6,r,s") << ',';
    QTest::addRow("csv, CRLF") << QByteArray("id,name\r\n1,a\r\n2,\"b\r\nc\"\r\n3,d\r\n4,e\r\n") << ',';
    QTest::addRow("tsv") << QByteArray("id\tname\n1\ta\n2\t\"b\n3\tc\n") << '\t';
}

void TestRawRecordSkip::mutatedNewTableReadsAlike()
{
    // The old table is a valid file, the new one the same file with a few
    // bytes flipped, inserted or dropped: wherever the shortcut applies,
    // reading with it gives exactly next()'s rows, lines and errors.
    QFETCH(QByteArray, seed);
    QFETCH(char, delimiter);
    ReadOptions opts;
    opts.delimiter = delimiter;
    opts.format = delimiter == '\t' ? TableFormat::Tsv : TableFormat::Csv;
    const char alphabet[] = {',', '"', '\n', '\r', '\t', 'a', '1', '\xC3', '\xFF'};
    uint32_t state = 424242;
    auto rnd = [&state]() {
        state = state * 1664525u + 1013904223u;
        return state >> 8;
    };
    int totalSkips = 0;
    for (int variant = 0; variant < 400; ++variant) {
        QByteArray bytes = seed;
        const int edits = 1 + static_cast<int>(rnd() % 3);
        for (int e = 0; e < edits && !bytes.isEmpty(); ++e) {
            const qsizetype at = static_cast<qsizetype>(rnd() % static_cast<uint32_t>(bytes.size()));
            const char c = alphabet[rnd() % sizeof(alphabet)];
            switch (rnd() % 3) {
            case 0: bytes[at] = c; break;
            case 1: bytes.insert(at, c); break;
            default: bytes.remove(at, 1); break;
            }
        }
        const int step = static_cast<int>(rnd() % 5); // 0: one window
        auto plain = openTable(trickle(bytes, step), "new.csv", opts);
        auto oldSrc = openTable(trickle(seed, step), "old.csv", opts);
        auto newSrc = openTable(trickle(bytes, step), "new.csv", opts);
        QVERIFY(oldSrc.ok());
        QCOMPARE(newSrc.ok(), plain.ok());
        if (!plain.ok() || (*plain)->schema().size() != (*oldSrc)->schema().size())
            continue; // a broken header: the merge would not pair the columns up
        bool sameNames = true;
        for (int i = 0; i < (*plain)->schema().size(); ++i)
            sameNames = sameNames && (*plain)->schema().columns[size_t(i)].name == (*oldSrc)->schema().columns[size_t(i)].name;
        if (!sameNames)
            continue;
        int skips = 0;
        const QStringList expected = readPlain(**plain);
        QCOMPARE(readSkipping(**oldSrc, **newSrc, skips), expected);
        totalSkips += skips;
    }
    QVERIFY(totalSkips > 100); // the shortcut was really exercised
}

void TestRawRecordSkip::bookmarkAfterSkipReturnsTheRecord()
{
    QTemporaryDir dir;
    const QByteArray bytes = QByteArray("id,name,qty\n") + "1,\"a\nb\",3\n" + numbered(2, 4);
    auto oldSrc = openTable(writeFile(dir, QStringLiteral("old.csv"), bytes));
    auto newSrc = openTable(writeFile(dir, QStringLiteral("new.csv"), bytes));
    QVERIFY(oldSrc.ok() && newSrc.ok());
    Row a, b;
    QVERIFY((*oldSrc)->next(a).value());
    QVERIFY((*oldSrc)->next(a).value()); // "2,v2,6", line 4
    QVERIFY((*newSrc)->skipIfRecordEquals(*(*oldSrc)->rawRecord(), b).value() == false); // new is at record 1
    QVERIFY((*newSrc)->next(b).value());
    QVERIFY((*newSrc)->skipIfRecordEquals(*(*oldSrc)->rawRecord(), b).value());
    QCOMPARE(b.index, int64_t(1));
    QCOMPARE(b.line, int64_t(4));
    const std::optional<RowBookmark> mark = (*newSrc)->bookmark();
    QVERIFY(mark);
    QCOMPARE((*newSrc)->progress().first, int64_t(bytes.indexOf("3,v3")));
    QVERIFY((*newSrc)->next(b).value());
    QCOMPARE(rowText(b), QStringLiteral("#2@5|3|v3|9"));
    QVERIFY((*newSrc)->seek(*mark).ok());
    QVERIFY((*newSrc)->next(b).value());
    QCOMPARE(rowText(b), QStringLiteral("#1@4|2|v2|6"));
}

void TestRawRecordSkip::otherFormatsDoNotSkip()
{
    QTemporaryDir dir;
    const std::string path = writeFile(dir, QStringLiteral("t.ndjson"), "{\"id\":1}\n{\"id\":2}\n");
    auto src = openTable(path);
    QVERIFY(src.ok());
    QVERIFY((*src)->rawDialect().empty());
    Row row;
    QVERIFY((*src)->next(row).value());
    QVERIFY(!(*src)->rawRecord());
    auto skipped = (*src)->skipIfRecordEquals("{\"id\":2}\n", row);
    QVERIFY(skipped.ok() && !skipped.value());
    QVERIFY((*src)->next(row).value());
    QCOMPARE(row.index, int64_t(1));
    QVERIFY(row.cells[0].text == "2");
    // CSV and TSV are different dialects.
    const std::string csv = writeFile(dir, QStringLiteral("t.csv"), "id\n1\n");
    const std::string tsv = writeFile(dir, QStringLiteral("t.tsv"), "id\n1\n");
    auto c = openTable(csv);
    auto t = openTable(tsv);
    QVERIFY(c.ok() && t.ok());
    QVERIFY((*c)->rawDialect() != (*t)->rawDialect());
}

QTEST_GUILESS_MAIN(TestRawRecordSkip)
#include "tst_rawrecordskip.moc"
