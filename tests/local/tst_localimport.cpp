// SPDX-License-Identifier: Apache-2.0
// Zero-copy imports (local folder, another repository's ref) and fsck.
#include "local/localbackend.h"

#include "testutil.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <atomic>

using namespace lakeside;
using namespace testutil;

class TestLocalImport : public QObject {
    Q_OBJECT

private:
    QTemporaryDir* m_dir = nullptr;
    std::unique_ptr<LocalBackend> m_b;
    QString m_src;
    const std::string R = "lake";

    void writeFile(const QString& rel, const QByteArray& data)
    {
        const QString path = m_src + QLatin1Char('/') + rel;
        QDir().mkpath(QFileInfo(path).path());
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(data);
    }
    int blobCount()
    {
        int n = 0;
        QDirIterator it(m_dir->path() + QStringLiteral("/ws/objects"), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            ++n;
        }
        return n;
    }
    CommitCreation msg(const char* m)
    {
        CommitCreation c;
        c.message = m;
        return c;
    }

private slots:
    void init()
    {
        m_dir = new QTemporaryDir;
        m_src = m_dir->path() + QStringLiteral("/src");
        m_b = std::move(LocalBackend::open(m_dir->path().toStdString() + "/ws", "dan")).value();
        RepositoryCreation rc;
        rc.name = R;
        CHECK_OK(m_b->createRepository(rc));
        writeFile(QStringLiteral("a.csv"), "id\n1\n");
        writeFile(QStringLiteral("sub/b.json"), "{}");
        writeFile(QStringLiteral("sub/deep/c.bin"), QByteArray(1000, 'c'));
    }
    void cleanup()
    {
        m_b.reset();
        delete m_dir;
    }

    void importFolderIsZeroCopy()
    {
        CHECK_OK(put(*m_b, R, "main", "ext/old", "replaced by the import"));
        CHECK_OK(put(*m_b, R, "main", "keep", "outside the prefix"));
        CHECK_OK(commit(*m_b, R, "main", "before"));
        const int blobsBefore = blobCount();
        std::vector<int64_t> progress;
        OpContext ctx;
        ctx.progress = [&](int64_t done, int64_t) { progress.push_back(done); };
        auto c = m_b->importLocalFolder(R, "main", m_src.toStdString(), "ext", msg("import"), ctx);
        QVERIFY2(c.ok(), c.ok() ? "" : c.error().message.c_str());
        QCOMPARE(blobCount(), blobsBefore);
        QCOMPARE(progress.back(), int64_t(3));
        QCOMPARE(c->metadata.at(".lakefs.merge.strategy"), std::string("source-wins"));
        auto list = m_b->listObjects(R, "main", {}, "");
        std::vector<std::string> paths;
        for (const auto& o : list->results) paths.push_back(o.path);
        QCOMPARE(paths, (std::vector<std::string>{"ext/a.csv", "ext/sub/b.json", "ext/sub/deep/c.bin", "keep"}));
        auto st = m_b->statObject(R, "main", "ext/sub/deep/c.bin");
        QCOMPARE(st->size_bytes, int64_t(1000));
        QVERIFY(st->physical_address.rfind("file://", 0) == 0);
        QCOMPARE(st->content_type, std::string("application/octet-stream"));
        QCOMPARE(m_b->statObject(R, "main", "ext/a.csv")->content_type, std::string("text/csv"));
        QCOMPARE(*get(*m_b, R, "main", "ext/a.csv"), std::string("id\n1\n"));
        QCOMPARE(*get(*m_b, R, "main", "ext/sub/deep/c.bin", ByteRange{998, std::nullopt}), std::string("cc"));
        auto report = m_b->fsck(R);
        QVERIFY(report.ok());
        QVERIFY(report->clean());
    }

    void changedImportedFileIsReportedNotServed()
    {
        CHECK_OK(m_b->importLocalFolder(R, "main", m_src.toStdString(), "", msg("import"), {}));
        writeFile(QStringLiteral("a.csv"), "id\n2\n"); // same size, new content
        auto r = get(*m_b, R, "main", "a.csv");
        QCOMPARE(r.error().kind, ErrorKind::Corruption);
        QVERIFY2(r.error().message.find("a.csv") != std::string::npos, r.error().message.c_str());
        writeFile(QStringLiteral("sub/b.json"), "{\"longer\": true}");
        auto s = get(*m_b, R, "main", "sub/b.json", ByteRange{0, 0});
        QCOMPARE(s.error().kind, ErrorKind::Corruption);
        QFile::remove(m_src + QStringLiteral("/sub/deep/c.bin"));
        QCOMPARE(get(*m_b, R, "main", "sub/deep/c.bin").error().kind, ErrorKind::Corruption);
        auto report = m_b->fsck("");
        QVERIFY(report.ok());
        QCOMPARE(report->problems.size(), size_t(3));
    }

    void importErrorsChangeNothing()
    {
        const std::string head = m_b->getCommit(R, "main")->id;
        auto missing = m_b->importLocalFolder(R, "main", m_src.toStdString() + "/nope", "", msg("x"), {});
        QCOMPARE(missing.error().kind, ErrorKind::NotFound);
        QVERIFY(missing.error().message.find("nope") != std::string::npos);
        auto file = m_b->importLocalFolder(R, "main", QString(m_src + QStringLiteral("/a.csv")).toStdString(), "", msg("x"), {});
        QCOMPARE(file.error().kind, ErrorKind::InvalidArgument);
        QCOMPARE(m_b->importLocalFolder(R, "nobranch", m_src.toStdString(), "", msg("x"), {}).error().kind,
                 ErrorKind::NotFound);
        std::atomic<bool> cancel{true};
        OpContext ctx;
        ctx.cancelled = &cancel;
        QCOMPARE(m_b->importLocalFolder(R, "main", m_src.toStdString(), "", msg("x"), ctx).error().kind,
                 ErrorKind::Cancelled);
        CHECK_OK(put(*m_b, R, "main", "dirty", "d"));
        QCOMPARE(m_b->importLocalFolder(R, "main", m_src.toStdString(), "", msg("x"), {}).error().kind,
                 ErrorKind::InvalidArgument);
        QCOMPARE(m_b->getCommit(R, "main")->id, head);
    }

    void importFromRefLinksWithLineage()
    {
        RepositoryCreation rc;
        rc.name = "upstream";
        CHECK_OK(m_b->createRepository(rc));
        CHECK_OK(put(*m_b, "upstream", "main", "data/x.csv", "x"));
        CHECK_OK(put(*m_b, "upstream", "main", "data/y/z.csv", "z"));
        CHECK_OK(put(*m_b, "upstream", "main", "other", "o"));
        auto up = commit(*m_b, "upstream", "main", "publish");
        QVERIFY(up.ok());
        const int blobs = blobCount();
        auto c = m_b->importFromRef(R, "main", "sources/upstream/", "upstream", "main", "data/", msg("onboard"), {});
        QVERIFY2(c.ok(), c.ok() ? "" : c.error().message.c_str());
        QCOMPARE(blobCount(), blobs);
        QCOMPARE(c->metadata.at("lakeside.source"), "upstream@" + up->id);
        QCOMPARE(c->metadata.at("lakeside.source.prefix"), std::string("data/"));
        QCOMPARE(*get(*m_b, R, "main", "sources/upstream/y/z.csv"), std::string("z"));
        QCOMPARE(m_b->statObject(R, "main", "sources/upstream/x.csv")->physical_address,
                 m_b->statObject("upstream", "main", "data/x.csv")->physical_address);
        QCOMPARE(m_b->statObject(R, "main", "sources/upstream/other").error().kind, ErrorKind::NotFound);
        QCOMPARE(m_b->importFromRef(R, "main", "s/", "no-such-repo", "main", "", msg("x"), {}).error().kind,
                 ErrorKind::NotFound);
        QCOMPARE(m_b->importFromRef(R, "main", "s/", "upstream", "nosuchref", "", msg("x"), {}).error().kind,
                 ErrorKind::NotFound);
        QVERIFY(m_b->fsck("")->clean());
    }

    void fsckFindsCorruptBlobsAndNodes()
    {
        CHECK_OK(put(*m_b, R, "main", "data/file", "precious"));
        CHECK_OK(commit(*m_b, R, "main", "c"));
        auto clean = m_b->fsck(R);
        QVERIFY(clean.ok());
        QVERIFY(clean->clean());
        QCOMPARE(clean->commits, int64_t(2));
        QCOMPARE(clean->objects, int64_t(1));
        // Flip the blob's content on disk.
        const std::string checksum = m_b->statObject(R, "main", "data/file")->checksum;
        const QString blob = m_dir->path() + QStringLiteral("/ws/objects/") + QString::fromStdString(checksum.substr(0, 2)) +
                             QLatin1Char('/') + QString::fromStdString(checksum.substr(2));
        QFile f(blob);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("tampered");
        f.close();
        auto bad = m_b->fsck(R);
        QCOMPARE(bad->problems.size(), size_t(1));
        QVERIFY2(bad->problems[0].find("data/file") != std::string::npos, bad->problems[0].c_str());
        QCOMPARE(get(*m_b, R, "main", "data/file").error().kind, ErrorKind::Corruption);
        // Damage every stored tree node.
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open((m_dir->path() + QStringLiteral("/ws/workspace.db")).toUtf8().constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "UPDATE ranges SET data = X'00'", nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);
        auto nodes = m_b->fsck(R);
        QVERIFY(nodes.ok());
        bool treeProblem = false;
        for (const auto& p : nodes->problems) treeProblem = treeProblem || p.find("tree") != std::string::npos;
        QVERIFY(treeProblem);
    }

    void newerWorkspaceFormatIsRefused()
    {
        m_b.reset();
        const QString ws = m_dir->path() + QStringLiteral("/ws");
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open((ws + QStringLiteral("/workspace.db")).toUtf8().constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "UPDATE meta SET value = '99' WHERE key = 'schema_version'", nullptr, nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(db);
        auto b = LocalBackend::open(ws.toStdString(), "dan");
        QVERIFY(!b.ok());
        QCOMPARE(b.error().kind, ErrorKind::InvalidArgument);
        QVERIFY2(b.error().message.find("newer") != std::string::npos, b.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestLocalImport)
#include "tst_localimport.moc"
