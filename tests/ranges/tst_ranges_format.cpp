// SPDX-License-Identifier: Apache-2.0
// Byte formats: entries, identities, range and meta-range nodes, and the SQLite store
// (round trips, golden identities, corruption detection, caller-owned transactions).

#include "testutil.h"

#include "engine/ranges/encoding.h"
#include "engine/ranges/node.h"
#include "engine/ranges/node_cache.h"

#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace rt;
using lakeside::ErrorKind;
namespace d = lakeside::ranges::detail;

class TestRangesFormat : public QObject {
    Q_OBJECT
private slots:
    void entryRoundTrip_data();
    void entryRoundTrip();
    void entryDecodeRejectsGarbage();
    void identityGolden_data();
    void identityGolden();
    void identityIgnoresAddressAndMtime();
    void nodesRoundTrip();
    void corruptNodeIsReported();
    void sqliteStoreRoundTrip();
    void sqliteStoreJoinsCallerTransaction();
};

void TestRangesFormat::entryRoundTrip_data()
{
    QTest::addColumn<Entry>("e");
    QTest::addRow("empty") << Entry{};
    Entry full = entry("abc", 123456789012345);
    full.mtime = -5;
    full.content_type = "application/x-parquet";
    full.metadata = {{"owner", "sales"}, {"", ""}, {"ü", std::string("\0x", 2)}};
    QTest::addRow("full") << full;
    Entry neg;
    neg.size = -1;
    neg.address = "file:///abs/path with spaces";
    QTest::addRow("negative size, file address") << neg;
    Entry big;
    big.address = std::string(100000, 'a');
    big.size = INT64_MAX;
    big.mtime = INT64_MIN;
    QTest::addRow("large values") << big;
    // Hex runs are stored as binary; every shape must still round-trip exactly.
    Entry hex;
    hex.address = "sha256:" + std::string(64, 'a') + "0123456789";
    hex.checksum = "d41d8cd98f00b204e9800998ecf8427e";
    QTest::addRow("hex address and checksum") << hex;
    Entry odd;
    odd.address = "s3://bucket/" + std::string(33, 'f'); // odd-length hex tail
    odd.checksum = "ABCDEF0123456789ABCDEF"; // upper case stays plain
    QTest::addRow("odd hex, upper-case hex") << odd;
    Entry allHex;
    allHex.address = std::string(40, '9');
    allHex.checksum = "abc"; // too short to pack
    QTest::addRow("all hex, short hex") << allHex;
}

void TestRangesFormat::entryRoundTrip()
{
    QFETCH(Entry, e);
    const std::string bytes = encodeEntry(e);
    auto back = decodeEntry(bytes);
    QVERIFY(back.ok());
    QVERIFY(back.value() == e);
}

void TestRangesFormat::entryDecodeRejectsGarbage()
{
    // A typical entry packs its hex: 71-char address + 32-char checksum in well under 103 bytes.
    Entry typical;
    typical.address = "sha256:" + std::string(64, 'e');
    typical.checksum = std::string(32, '7');
    typical.size = 123456;
    typical.mtime = 1700000000;
    QVERIFY(encodeEntry(typical).size() < 72); // 115 bytes unpacked
    const std::string bytes = encodeEntry(entry("abc"));
    QCOMPARE(decodeEntry(bytes.substr(0, bytes.size() - 1)).error().kind, ErrorKind::Corruption);
    QCOMPARE(decodeEntry(bytes + "x").error().kind, ErrorKind::Corruption);
    QCOMPARE(decodeEntry(std::string(20, '\xff')).error().kind, ErrorKind::Corruption);
}

void TestRangesFormat::identityGolden_data()
{
    // Expected values computed independently (Python hashlib) from REFERENCE.md §6.5.
    QTest::addColumn<Entry>("e");
    QTest::addColumn<QString>("hex");
    Entry a;
    a.size = 3;
    a.checksum = "abc";
    QTest::addRow("plain") << a << QStringLiteral("2c7bac1b670f061abcb0db8393d684eb1d8f6e47ae03e04156791425ab1f1014");
    Entry b;
    b.size = 1024;
    b.checksum = "d41d8cd98f00b204e9800998ecf8427e";
    b.metadata = {{"owner", "sales"}, {"b", "x"}};
    b.content_type = "text/csv";
    QTest::addRow("metadata and content type")
        << b << QStringLiteral("efa4e9db4dd993f8072a7b9c247f3ed9cefa09b5e5614f5f3781317d790ac3cd");
}

void TestRangesFormat::identityGolden()
{
    QFETCH(Entry, e);
    QFETCH(QString, hex);
    QCOMPARE(QString::fromStdString(d::toHex(identity(e))), hex);
}

void TestRangesFormat::identityIgnoresAddressAndMtime()
{
    Entry a = entry("x");
    Entry b = a;
    b.address = "file:///elsewhere";
    b.mtime = 1;
    QCOMPARE(identity(a), identity(b));
    Entry c = a;
    c.metadata["k"] = "v";
    QVERIFY(identity(a) != identity(c));
    Entry e = a;
    e.content_type = "text/plain";
    QVERIFY(identity(a) != identity(e));
}

void TestRangesFormat::nodesRoundTrip()
{
    // Every node of a three-level tree decodes and re-encodes to the same bytes,
    // and its id is the SHA-256 of those bytes.
    MemoryRangeStore store;
    Ref ref;
    for (int i = 0; i < 100000; ++i) ref.emplace(key(i), entry(std::to_string(i)));
    const std::string id = build(store, ref);
    std::vector<std::string> todo{id};
    int levels[8] = {};
    while (!todo.empty()) {
        const std::string hex = todo.back();
        todo.pop_back();
        auto raw = store.get(hex);
        QVERIFY(raw.ok());
        QCOMPARE(QString::fromStdString(d::toHex(d::sha256Raw(*raw.value()))), QString::fromStdString(hex));
        auto node = d::decodeNode(raw.value());
        QVERIFY(node.ok());
        const auto& n = *node.value();
        ++levels[n.level];
        d::NodeEncoder enc;
        enc.reset(n.level);
        for (size_t i = 0; i < n.items.size(); ++i) {
            if (n.level == 0) {
                enc.addRecord(n.minKey(i), n.hash(i), n.entry(i));
                QCOMPARE(n.entry(i), std::string_view(encodeEntry(ref.at(std::string(n.minKey(i))))));
            } else {
                enc.addChild(n.minKey(i), n.maxKey(i), n.hash(i), n.items[i].count, n.items[i].bytes);
                todo.push_back(d::toHex(n.hash(i)));
            }
        }
        QCOMPARE(enc.finish(), *raw.value());
    }
    QVERIFY(levels[0] > 100);
    QVERIFY(levels[1] > 1);
    QCOMPARE(size_t(levels[0] + levels[1] + levels[2] + levels[3]), store.size());
}

void TestRangesFormat::corruptNodeIsReported()
{
    MemoryRangeStore store;
    store.setCache(std::make_shared<NodeCache>(1 << 20));
    Ref ref;
    for (int i = 0; i < 2000; ++i) ref.emplace(key(i), entry(std::to_string(i)));
    const std::string id = build(store, ref);
    auto raw = store.get(id);
    QVERIFY(raw.ok());
    for (size_t cut : {size_t(0), size_t(1), raw.value()->size() / 2, raw.value()->size() - 1}) {
        QVERIFY(!d::decodeNode(std::make_shared<const std::string>(raw.value()->substr(0, cut))).ok());
    }
    // A root whose child is missing: Corruption, naming the missing range.
    MemoryRangeStore partial;
    partial.setCache(std::make_shared<NodeCache>(1 << 20));
    QVERIFY(partial.put(id, *raw.value()).ok());
    std::vector<std::string> seen;
    TreeIterator it(partial, id);
    it.seekGE("");
    QVERIFY(!it.valid());
    QCOMPARE(it.status().kind(), ErrorKind::Corruption);
    QVERIFY(it.status().message().find("missing") != std::string::npos);
}

void TestRangesFormat::sqliteStoreRoundTrip()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("ranges.db")).toStdString();
    Ref ref;
    for (int i = 0; i < 30000; ++i) ref.emplace(key(i), entry(std::to_string(i)));
    std::string id;
    {
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
        auto store = SqliteRangeStore::open(db);
        QVERIFY(store.ok());
        QCOMPARE(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), SQLITE_OK);
        id = build(*store.value(), ref);
        QCOMPARE(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), SQLITE_OK);
        store.value().reset();
        sqlite3_close(db);
    }
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    auto store = SqliteRangeStore::open(db);
    QVERIFY(store.ok());
    store.value()->setCache(std::make_shared<NodeCache>(1 << 20)); // read from disk, not memory
    QVERIFY(readAll(*store.value(), id) == ref);
    QCOMPARE(store.value()->get(std::string(64, '0')).error().kind, ErrorKind::NotFound);
    QVERIFY(store.value()->put(id, "ignored: ids are content hashes").ok()); // idempotent
    QCOMPARE(countEntries(*store.value(), id).value(), int64_t(ref.size()));
    store.value().reset();
    sqlite3_close(db);
}

void TestRangesFormat::sqliteStoreJoinsCallerTransaction()
{
    QTemporaryDir dir;
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(dir.filePath(QStringLiteral("r.db")).toUtf8().constData(), &db), SQLITE_OK);
    auto store = SqliteRangeStore::open(db);
    QVERIFY(store.ok());
    store.value()->setCache(std::make_shared<NodeCache>(1 << 20));
    Ref ref{{"a", entry("1")}, {"b", entry("2")}};
    QCOMPARE(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), SQLITE_OK);
    const std::string id = build(*store.value(), ref);
    QCOMPARE(countEntries(*store.value(), id).value(), int64_t(2));
    QCOMPARE(sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr), SQLITE_OK);
    store.value()->setCache(std::make_shared<NodeCache>(1 << 20));
    QCOMPARE(countEntries(*store.value(), id).error().kind, ErrorKind::NotFound);
    store.value().reset();
    sqlite3_close(db);
}

QTEST_GUILESS_MAIN(TestRangesFormat)
#include "tst_ranges_format.moc"
