// SPDX-License-Identifier: Apache-2.0
// Malformed, truncated and corrupted Parquet files: every failure is an
// error value that names what is wrong and where; nothing crashes or reads
// outside the file (run under -DLAKESIDE_SANITIZE=ON to check the latter).
#include "parquet/fieldtext.h"
#include "parquet/parquetfile.h"

#include <QFile>
#include <QTest>

#include <cstring>

using namespace lakeside;
using namespace lakeside::parquet;

namespace {

std::vector<uint8_t> fixture()
{
    QFile f(QStringLiteral(LAKESIDE_PARQUET_FIXTURES "/small.parquet"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray b = f.readAll();
    return std::vector<uint8_t>(b.begin(), b.end());
}

uint32_t footerLength(const std::vector<uint8_t>& b)
{
    uint32_t n;
    std::memcpy(&n, b.data() + b.size() - 8, 4);
    return n;
}

// Opens the bytes and reads every field of every row group; returns the
// first error message, or "" if everything read.
std::string readAll(std::vector<uint8_t> bytes, const std::string& name = "t.parquet")
{
    auto pf = ParquetFile::fromBuffer(FileBuffer::fromBytes(std::move(bytes)), name);
    if (!pf.ok())
        return pf.error().message;
    for (int g = 0; g < (*pf)->numRowGroups(); ++g)
        for (int f = 0; f < int((*pf)->schema().topFields().size()); ++f) {
            auto t = readFieldText(**pf, g, f);
            if (!t.ok())
                return t.error().message;
        }
    return {};
}

} // namespace

class TestParquetMalformed : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_bytes = fixture();
        QVERIFY2(m_bytes.size() > 1000, "tests/parquet/data/small.parquet is missing");
    }

    void readsTheFixture()
    {
        auto pf = ParquetFile::fromBuffer(FileBuffer::fromBytes(m_bytes), "small.parquet");
        QVERIFY2(pf.ok(), pf.ok() ? "" : pf.error().message.c_str());
        QCOMPARE((*pf)->numRows(), int64_t(3000));
        QCOMPARE((*pf)->numRowGroups(), 2);
        QCOMPARE((*pf)->rowGroupFirstRow(1), int64_t(2048));
        auto ids = readFieldText(**pf, 1, 0);
        QVERIFY(ids.ok());
        QCOMPARE(ids->size(), size_t(3000 - 2048));
        QVERIFY(ids->isNull(0)); // row 2048 is a multiple of 4: null
        QCOMPARE(ids->text(1), std::string_view("2049"));
        auto tags = readFieldText(**pf, 0, 3);
        QVERIFY(tags.ok());
        QVERIFY(tags->isNull(0));
        QCOMPARE(tags->text(1), std::string_view("[1,2]"));
        QCOMPARE(readAll(m_bytes), std::string());
    }

    void rejectsWhatIsNotParquet_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::addRow("empty") << QByteArray() << QStringLiteral("too short");
        QTest::addRow("text") << QByteArray("hello, this is not parquet at all") << QStringLiteral("PAR1 magic");
        QTest::addRow("magic only") << QByteArray("PAR1PAR1PAR1") << QStringLiteral("does not fit in a file of 12 bytes");
        QTest::addRow("zero footer") << QByteArray("PAR1\0\0\0\0PAR1", 12) << QStringLiteral("footer length 0");
        QTest::addRow("encrypted") << QByteArray("PAR1\0\0\0\0\1\0\0\0PARE", 16) << QStringLiteral("encrypted");
        QTest::addRow("garbage footer") << QByteArray("PAR1\xff\xff\xff\xff\x04\0\0\0PAR1", 16)
                                        << QStringLiteral("footer metadata is malformed");
    }

    void rejectsWhatIsNotParquet()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        const std::string err = readAll(std::vector<uint8_t>(bytes.begin(), bytes.end()), "x.parquet");
        QVERIFY2(QString::fromStdString(err).contains(message), err.c_str());
        QVERIFY2(err.rfind("x.parquet: ", 0) == 0, err.c_str());
    }

    void truncatedAtEveryLength()
    {
        // Every proper prefix fails (the end magic is gone), naming the file.
        for (size_t n = 0; n < m_bytes.size(); ++n) {
            const std::string err = readAll(std::vector<uint8_t>(m_bytes.begin(), m_bytes.begin() + long(n)));
            QVERIFY2(!err.empty(), qPrintable(QString::number(n)));
            QVERIFY2(err.rfind("t.parquet: ", 0) == 0, err.c_str());
        }
    }

    void dataCutFromTheMiddle()
    {
        // The footer survives but the column data before it shrinks: chunk
        // ranges now point past the data, and the error names column and row group.
        std::vector<uint8_t> b = m_bytes;
        const size_t footerStart = b.size() - 8 - footerLength(b);
        b.erase(b.begin() + long(footerStart) - 100, b.begin() + long(footerStart));
        const std::string err = readAll(b);
        QVERIFY2(err.find(", row group ") != std::string::npos, err.c_str());
        QVERIFY2(err.find("column '") != std::string::npos, err.c_str());
        QVERIFY2(err.find("outside the file") != std::string::npos || err.find("page") != std::string::npos,
                 err.c_str());
    }

    void footerLengthCorrupted_data()
    {
        QTest::addColumn<uint32_t>("length");
        QTest::addRow("huge") << uint32_t(0xffffffff);
        QTest::addRow("file size") << uint32_t(m_bytes.size());
        QTest::addRow("too small") << uint32_t(3);
        QTest::addRow("off by one") << footerLength(m_bytes) - 1;
        QTest::addRow("one more") << footerLength(m_bytes) + 1;
    }

    void footerLengthCorrupted()
    {
        QFETCH(uint32_t, length);
        std::vector<uint8_t> b = m_bytes;
        std::memcpy(b.data() + b.size() - 8, &length, 4);
        const std::string err = readAll(b);
        QVERIFY2(!err.empty(), "a wrong footer length must not read as a valid file");
        QVERIFY2(err.find("footer") != std::string::npos || err.find("schema") != std::string::npos, err.c_str());
    }

    void everyByteFlipped()
    {
        // Flipping any single byte either still reads or fails with a message
        // naming the file; with sanitizers this also proves bounds safety.
        // Every byte of the footer and page headers' neighbourhood is tried;
        // in the page data, every 17th byte (the run time is quadratic).
        int failures = 0;
        const size_t footerStart = m_bytes.size() - 8 - footerLength(m_bytes);
        for (size_t i = 0; i < m_bytes.size(); i += (i + 1 >= footerStart || i < 64) ? 1 : 17) {
            std::vector<uint8_t> b = m_bytes;
            b[i] ^= 0xa5;
            const std::string err = readAll(b);
            if (!err.empty()) {
                ++failures;
                QVERIFY2(err.rfind("t.parquet: ", 0) == 0, err.c_str());
            }
        }
        QVERIFY(failures > 0);
    }

    void corruptPageNamesColumnAndRowGroup()
    {
        // Overwrite the first page header of the first chunk of row group 0.
        auto pf = ParquetFile::fromBuffer(FileBuffer::fromBytes(m_bytes), "t.parquet");
        QVERIFY(pf.ok());
        auto range = (*pf)->chunkRange(0, 1);
        QVERIFY(range.ok());
        std::vector<uint8_t> b = m_bytes;
        std::memset(b.data() + range->first, 0xff, 6);
        auto bad = ParquetFile::fromBuffer(FileBuffer::fromBytes(b), "t.parquet");
        QVERIFY(bad.ok());
        auto col = (*bad)->readColumn(0, 1);
        QVERIFY(!col.ok());
        QCOMPARE(col.error().kind, ErrorKind::Corruption);
        const std::string& m = col.error().message;
        QVERIFY2(m.rfind("t.parquet: column 'name', row group 0: page at byte " + std::to_string(range->first), 0) == 0,
                 m.c_str());
    }

    void fingerprintsDetectChanges()
    {
        auto a = ParquetFile::fromBuffer(FileBuffer::fromBytes(m_bytes), "a");
        QVERIFY(a.ok());
        auto f0 = (*a)->rowGroupFingerprint(0);
        auto f1 = (*a)->rowGroupFingerprint(1);
        QVERIFY(f0.ok() && f1.ok());
        QVERIFY(*f0 != *f1);
        // A change inside row group 1's "amount" chunk changes only its fingerprints.
        auto range = (*a)->chunkRange(1, 2);
        QVERIFY(range.ok());
        std::vector<uint8_t> b = m_bytes;
        b[size_t(range->second) - 3] ^= 1;
        auto c = ParquetFile::fromBuffer(FileBuffer::fromBytes(b), "c");
        QVERIFY(c.ok());
        QCOMPARE(*(*c)->rowGroupFingerprint(0), *f0);
        QVERIFY(*(*c)->rowGroupFingerprint(1) != *f1);
        QCOMPARE(*(*c)->chunkFingerprint(1, 0), *(*a)->chunkFingerprint(1, 0));
        QVERIFY(*(*c)->chunkFingerprint(1, 2) != *(*a)->chunkFingerprint(1, 2));
    }

    void extremeValuesFormatWithoutOverflow()
    {
        // Found by fuzz_parquet: INT64_MIN microseconds overflowed while splitting seconds.
        ColumnData d;
        d.type = PhysicalType::Int64;
        d.i64 = {INT64_MIN, INT64_MAX, -1};
        ValueFormat ts;
        ts.kind = ValueFormat::Timestamp;
        ts.unit = TimeUnit::Micros;
        std::string out;
        appendValueText(out, ts, d, 0);
        QCOMPARE(out, std::string("290309-12-21 19:59:05.224192 (BC)"));
        out.clear();
        appendValueText(out, ts, d, 1);
        QCOMPARE(out, std::string("294247-01-10 04:00:54.775807"));
        out.clear();
        appendValueText(out, ts, d, 2);
        QCOMPARE(out, std::string("1969-12-31 23:59:59.999999"));
        ValueFormat time;
        time.kind = ValueFormat::Time;
        time.unit = TimeUnit::Nanos;
        out.clear();
        appendValueText(out, time, d, 0); // nonsense, but no crash and a time of day
        QCOMPARE(out.size(), size_t(18));
    }

    void formatsTypesDuckDbDoesNotWrite_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("scale");
        QTest::addColumn<QString>("text");
        // INT96: nanoseconds of the day (LE int64), then the Julian day (LE uint32).
        QTest::addRow("int96 epoch") << int(ValueFormat::Int96Timestamp)
                                     << QByteArray("\x00\x00\x00\x00\x00\x00\x00\x00\x8c\x3d\x25\x00", 12) << 0
                                     << QStringLiteral("1970-01-01 00:00:00");
        QTest::addRow("int96 nanos") << int(ValueFormat::Int96Timestamp)
                                     << QByteArray("\x15\xcd\x5b\x07\x00\x00\x00\x00\x8d\x3d\x25\x00", 12) << 0
                                     << QStringLiteral("1970-01-02 00:00:00.123456789");
        QTest::addRow("decimal fixed negative") << int(ValueFormat::Decimal) << QByteArray("\xff\xff\xfe\x0c", 4) << 2
                                                << QStringLiteral("-5.00");
        QTest::addRow("decimal 20 bytes")
            << int(ValueFormat::Decimal)
            << QByteArray("\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00", 20) << 3
            << QStringLiteral("4294967.296");
        QTest::addRow("decimal small") << int(ValueFormat::Decimal) << QByteArray("\x07", 1) << 3 << QStringLiteral("0.007");
        QTest::addRow("uuid") << int(ValueFormat::Uuid)
                              << QByteArray("\x12\x34\x56\x78\x9a\xbc\xde\xf0\x01\x23\x45\x67\x89\xab\xcd\xef", 16)
                              << 0 << QStringLiteral("12345678-9abc-def0-0123-456789abcdef");
        QTest::addRow("float16 1.5") << int(ValueFormat::Float16) << QByteArray("\x00\x3e", 2) << 0 << QStringLiteral("1.5");
        QTest::addRow("float16 -2") << int(ValueFormat::Float16) << QByteArray("\x00\xc0", 2) << 0 << QStringLiteral("-2.0");
        QTest::addRow("binary") << int(ValueFormat::Binary) << QByteArray("a\x00\xff", 3) << 0 << QStringLiteral("a\\x00\\xFF");
    }

    void formatsTypesDuckDbDoesNotWrite()
    {
        QFETCH(int, kind);
        QFETCH(QByteArray, bytes);
        QFETCH(int, scale);
        QFETCH(QString, text);
        ColumnData d;
        d.type = PhysicalType::FixedLenByteArray;
        d.bytes.emplace_back(bytes.constData(), size_t(bytes.size()));
        ValueFormat fmt;
        fmt.kind = ValueFormat::Kind(kind);
        fmt.scale = scale;
        std::string out;
        appendValueText(out, fmt, d, 0);
        QCOMPARE(QString::fromStdString(out), text);
    }

private:
    std::vector<uint8_t> m_bytes;
};

QTEST_GUILESS_MAIN(TestParquetMalformed)
#include "tst_parquet_malformed.moc"
