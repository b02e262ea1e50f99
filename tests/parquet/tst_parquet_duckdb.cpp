// SPDX-License-Identifier: Apache-2.0
// Reads Parquet files written by DuckDB and hyparquet-writer (every codec,
// data page v1 and v2, dictionary, delta and byte-stream-split encodings,
// flat and nested columns) and compares every value with DuckDB's reading
// of the same file.
#include "parquet/fieldtext.h"
#include "parquet/parquetdiff.h"
#include "parquet/parquetfile.h"
#include "parquet/statistics.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace lakeside::parquet;

class TestParquetDuckDb : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void matchesDuckDb_data();
    void matchesDuckDb();
    void coversEncodingsAndCodecs();
    void diffSkipsIdenticalRowGroups();

private:
    static bool run(const QString& program, const QStringList& args, const QString& dir, int timeoutMs, QString* why);

    QTemporaryDir m_dir;
    QStringList m_files;
};

bool TestParquetDuckDb::run(const QString& program, const QStringList& args, const QString& dir, int timeoutMs,
                            QString* why)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *why = program + QLatin1Char(' ') + args.join(QLatin1Char(' ')) + QLatin1String(" failed: ")
            + QString::fromLocal8Bit(p.readAll().right(2000));
        p.kill();
        p.waitForFinished(2000);
        return false;
    }
    *why = QString::fromLocal8Bit(p.readAll());
    return true;
}

void TestParquetDuckDb::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    const QString npm = QStandardPaths::findExecutable(QStringLiteral("npm"));
    if (node.isEmpty() || npm.isEmpty())
        QSKIP("node and npm are needed to generate Parquet files with DuckDB; install nodejs and npm");
    const QString gen = qEnvironmentVariable("LAKESIDE_SOURCE_DIR") + QStringLiteral("/tests/parquet/gen");
    QVERIFY2(QFile::exists(gen + QStringLiteral("/gen.mjs")), qPrintable(gen));
    QString out;
    if (!QFile::exists(gen + QStringLiteral("/node_modules/@duckdb/node-api/package.json"))
        || !QFile::exists(gen + QStringLiteral("/node_modules/hyparquet-writer/package.json"))) {
        if (!run(npm, {QStringLiteral("ci"), QStringLiteral("--no-audit"), QStringLiteral("--no-fund")}, gen,
                 600000, &out))
            QSKIP(qPrintable(QStringLiteral("cannot install the generators from the npm registry: ") + out));
    }
    QVERIFY2(run(node, {QStringLiteral("gen.mjs"), m_dir.path()}, gen, 600000, &out), qPrintable(out));
    m_files = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(m_files.size() >= 10, qPrintable(out));
}

void TestParquetDuckDb::matchesDuckDb_data()
{
    QTest::addColumn<QString>("file");
    for (const QString& f : m_files)
        QTest::addRow("%s", qPrintable(f)) << f;
}

void TestParquetDuckDb::matchesDuckDb()
{
    QFETCH(QString, file);
    const QString path = m_dir.filePath(file);
    QFile jf(path + QStringLiteral(".json"));
    QVERIFY(jf.open(QIODevice::ReadOnly));
    const QJsonObject expected = QJsonDocument::fromJson(jf.readAll()).object();
    const QJsonArray columns = expected.value(QStringLiteral("columns")).toArray();
    const QJsonArray rows = expected.value(QStringLiteral("rows")).toArray();

    auto opened = ParquetFile::open(path.toStdString());
    QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().message.c_str());
    const ParquetFile& pf = **opened;
    const Schema& schema = pf.schema();
    QCOMPARE(int(schema.topFields().size()), int(columns.size()));
    for (int f = 0; f < columns.size(); ++f)
        QCOMPARE(QString::fromStdString(schema.nodes()[size_t(schema.topFields()[size_t(f)])].element.name),
                 columns[f].toObject().value(QStringLiteral("name")).toString());
    QCOMPARE(pf.numRows(), qint64(rows.size()));

    qint64 compared = 0;
    for (int g = 0; g < pf.numRowGroups(); ++g) {
        const qint64 first = pf.rowGroupFirstRow(g);
        for (int f = 0; f < columns.size(); ++f) {
            auto text = readFieldText(pf, g, f);
            QVERIFY2(text.ok(), text.ok() ? "" : text.error().message.c_str());
            QCOMPARE(qint64(text->size()), pf.rowGroupNumRows(g));
            for (size_t r = 0; r < text->size(); ++r) {
                const QJsonValue want = rows[int(first + qint64(r))].toArray()[f];
                const QString gotText = text->isNull(r) ? QStringLiteral("<null>")
                                                        : QString::fromUtf8(text->text(r).data(), qsizetype(text->text(r).size()));
                const QString wantText = want.isNull() ? QStringLiteral("<null>") : want.toString();
                if (gotText != wantText) {
                    const QString msg = QStringLiteral("%1, column '%2' (%3), row %4: Lakeside reads '%5', DuckDB '%6'")
                                            .arg(file, columns[f].toObject().value(QStringLiteral("name")).toString(),
                                                 columns[f].toObject().value(QStringLiteral("type")).toString())
                                            .arg(first + qint64(r))
                                            .arg(gotText.left(300), wantText.left(300));
                    QFAIL(qPrintable(msg));
                }
                ++compared;
            }
        }
    }
    QCOMPARE(compared, qint64(rows.size()) * columns.size());

    // Footer statistics, spelled as DuckDB spells them (where DuckDB shows them).
    int statsCompared = 0;
    for (const QJsonValue& v : expected.value(QStringLiteral("stats")).toArray()) {
        const QJsonArray st = v.toArray();
        const int g = st[0].toString().toInt(), c = st[1].toString().toInt();
        const ColumnStatisticsText ours = columnStatisticsText(pf, g, c);
        const auto check = [&](const QJsonValue& want, const std::optional<std::string>& got) {
            if (want.isNull())
                return true;
            ++statsCompared;
            return got && QString::fromStdString(*got) == want.toString();
        };
        const QString where = QStringLiteral("%1, row group %2, column %3 (%4): ")
                                  .arg(file).arg(g).arg(c).arg(QString::fromStdString(schema.columns()[size_t(c)].path));
        QVERIFY2(check(st[2], ours.min), qPrintable(where + QStringLiteral("min ") + QString::fromStdString(ours.min.value_or("<none>")) + QStringLiteral(" vs ") + st[2].toString()));
        QVERIFY2(check(st[3], ours.max), qPrintable(where + QStringLiteral("max ") + QString::fromStdString(ours.max.value_or("<none>")) + QStringLiteral(" vs ") + st[3].toString()));
        if (!st[4].isNull())
            QCOMPARE(ours.nullCount.value_or(-1), st[4].toString().toLongLong());
    }
    if (pf.numRows() > 0 && file.startsWith(QLatin1String("duckdb_flat")))
        QVERIFY(statsCompared > 0);
}

void TestParquetDuckDb::coversEncodingsAndCodecs()
{
    std::set<std::string> seen;
    for (const QString& file : std::as_const(m_files)) {
        auto pf = ParquetFile::open(m_dir.filePath(file).toStdString());
        QVERIFY(pf.ok());
        for (const auto& rg : (*pf)->metadata().rowGroups)
            for (const auto& c : rg.columns) {
                seen.insert(codecName(c.meta.codec));
                for (Encoding e : c.meta.encodings)
                    seen.insert(encodingName(e));
            }
    }
    for (const char* want : {"UNCOMPRESSED", "SNAPPY", "GZIP", "ZSTD", "LZ4_RAW", "PLAIN", "RLE_DICTIONARY",
                             "DELTA_BINARY_PACKED", "DELTA_LENGTH_BYTE_ARRAY", "DELTA_BYTE_ARRAY",
                             "BYTE_STREAM_SPLIT", "RLE"})
        QVERIFY2(seen.count(want), want);
}

void TestParquetDuckDb::diffSkipsIdenticalRowGroups()
{
    auto a = ParquetFile::open(m_dir.filePath(QStringLiteral("diff_old.parquet")).toStdString());
    auto b = ParquetFile::open(m_dir.filePath(QStringLiteral("diff_new.parquet")).toStdString());
    QVERIFY(a.ok() && b.ok());
    QCOMPARE((*a)->numRowGroups(), 5);
    auto d = diffParquetFiles(**a, **b);
    QVERIFY2(d.ok(), d.ok() ? "" : d.error().message.c_str());
    QCOMPARE(d->changed, int64_t(5));
    QCOMPARE(d->added, int64_t(3));
    QCOMPARE(d->removed, int64_t(2));
    QCOMPARE(d->unchanged, int64_t(10000 - 5 - 2));
    QCOMPARE(d->skippedRowGroups, 3); // row groups 0, 1 and 3 are byte-identical
    QCOMPARE(d->decodedRowGroups, 4);
    std::set<std::string> keys(d->keys.begin(), d->keys.end());
    QCOMPARE(keys, (std::set<std::string>{"5000", "5001", "5002", "5003", "5004", "9998", "9999", "10000", "10001",
                                          "10002"}));
    // A diff of a file with itself decodes nothing.
    auto same = diffParquetFiles(**a, **a);
    QVERIFY(same.ok());
    QCOMPARE(same->decodedRowGroups, 0);
    QCOMPARE(same->unchanged, int64_t(10000));
    ParquetDiffOptions byName;
    byName.keyColumn = "nope";
    QCOMPARE(diffParquetFiles(**a, **b, byName).error().kind, lakeside::ErrorKind::InvalidArgument);
}

QTEST_GUILESS_MAIN(TestParquetDuckDb)
#include "tst_parquet_duckdb.moc"
