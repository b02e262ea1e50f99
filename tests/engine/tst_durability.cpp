// SPDX-License-Identifier: Apache-2.0
// Durability and concurrency of the engine across processes:
// - a child doing uploads, commits, branches and merges is SIGKILLed at several
//   points; the reopened workspace must pass fsck, and every branch head must be a
//   valid commit whose tree reads back fully;
// - two children commit to one branch at once: every reported commit is in the
//   log, and the losers of a head race get a clear Conflict.
#include "local/localbackend.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cstring>
#include <memory>
#include <set>
#include <thread>

using namespace lakeside;

class TestDurability : public QObject {
    Q_OBJECT

private:
    static QString driver() { return QStringLiteral(LAKESIDE_DURABILITY_DRIVER); }

    // Reads lines until `count` "tick" lines arrived (or the child failed).
    static bool waitForTicks(QProcess& p, int count, QString* last)
    {
        int ticks = 0;
        while (ticks < count) {
            if (!p.canReadLine() && !p.waitForReadyRead(60000)) return false;
            while (p.canReadLine()) {
                const QString l = QString::fromUtf8(p.readLine()).trimmed();
                *last = l;
                if (l.startsWith(QLatin1String("ERR"))) return false;
                if (l.startsWith(QLatin1String("tick"))) ++ticks;
            }
        }
        return true;
    }

    static void verifyWorkspace(const QString& ws)
    {
        auto b = LocalBackend::open(ws.toStdString(), "checker");
        QVERIFY(b.ok());
        auto report = (*b)->fsck("");
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
        for (const auto& p : report->problems) qWarning("fsck: %s", p.c_str());
        QVERIFY(report->clean());
        QVERIFY(report->commits >= 1);
        Status st = forEachPage<Ref>([&](const std::string& after) {
            ListParams lp;
            lp.after = after;
            return (*b)->listBranches("crash", lp);
        }, [&](const Ref& br) {
            auto head = (*b)->getCommit("crash", br.id + "@");
            if (!head.ok() || head->id != br.commit_id) return false;
            Status inner = forEachPage<ObjectStats>([&](const std::string& after) {
                ListParams lp;
                lp.after = after;
                return (*b)->listObjects("crash", br.id + "@", lp, "");
            }, [&](const ObjectStats& o) {
                int64_t n = 0;
                Status g = (*b)->getObject("crash", br.id + "@", o.path, [&](const char*, int64_t len) {
                    n += len;
                    return true;
                });
                return g.ok() && n == o.size_bytes;
            });
            return inner.ok();
        });
        QVERIFY2(st.ok(), st.ok() ? "" : st.message().c_str());
    }

private slots:
    // One LocalBackend shared by several threads (the Backend contract): each call
    // leases its own connection, so writers on different branches and readers run
    // side by side and nothing is lost.
    void threadsShareOneBackend()
    {
        QTemporaryDir dir;
        auto opened = LocalBackend::open(dir.path().toStdString(), "threads");
        QVERIFY(opened.ok());
        LocalBackend& b = **opened;
        RepositoryCreation rc;
        rc.name = "crash";
        QVERIFY(b.createRepository(rc).ok());
        const int writers = 4;
        const int rounds = 10;
        for (int t = 0; t < writers; ++t) QVERIFY(b.createBranch("crash", "w" + std::to_string(t), "main").ok());
        std::atomic<int> failures{0};
        std::atomic<bool> done{false};
        std::vector<std::thread> threads;
        for (int t = 0; t < writers; ++t) {
            threads.emplace_back([&, t] {
                const std::string branch = "w" + std::to_string(t);
                for (int i = 0; i < rounds; ++i) {
                    const std::string data = branch + ":" + std::to_string(i);
                    size_t pos = 0;
                    ByteSource src = [&](char* buf, int64_t cap) -> int64_t {
                        const size_t n = std::min<size_t>(static_cast<size_t>(cap), data.size() - pos);
                        std::memcpy(buf, data.data() + pos, n);
                        pos += n;
                        return static_cast<int64_t>(n);
                    };
                    if (!b.uploadObject("crash", branch, "f" + std::to_string(i), src, -1, {}).ok()) ++failures;
                    CommitCreation c;
                    c.message = data;
                    if (!b.commit("crash", branch, c).ok()) ++failures;
                }
            });
        }
        std::thread reader([&] {
            while (!done.load()) {
                if (!b.listBranches("crash", {}).ok()) ++failures;
                if (!b.logCommits("crash", "w0", {}).ok()) ++failures;
            }
        });
        for (auto& t : threads) t.join();
        done = true;
        reader.join();
        QCOMPARE(failures.load(), 0);
        for (int t = 0; t < writers; ++t) {
            auto log = b.logCommits("crash", "w" + std::to_string(t), {});
            QCOMPARE(log->results.size(), size_t(rounds + 1));
        }
        QVERIFY(b.fsck("")->clean());
    }

    void killAtSeveralPoints()
    {
        QTemporaryDir dir;
        const QString ws = dir.path() + QStringLiteral("/ws");
        // Each round kills the same workspace again: damage would accumulate.
        for (int ticks : {1, 4, 9, 17, 30}) {
            QProcess p;
            p.start(driver(), {QStringLiteral("churn"), ws});
            QVERIFY(p.waitForStarted());
            QString last;
            QVERIFY2(waitForTicks(p, ticks, &last), qPrintable(last));
            p.kill(); // SIGKILL, wherever the child is
            QVERIFY(p.waitForFinished());
            verifyWorkspace(ws);
            if (QTest::currentTestFailed()) return;
        }
    }

    // Several processes open a workspace that does not exist yet and create
    // the same repository at the same instant: schema creation and the switch
    // to WAL must not fail with "database is locked", and the losers of the
    // repository race get Conflict (which the driver accepts), nothing else.
    void processesCreateOneWorkspaceAtOnce()
    {
        QTemporaryDir dir;
        const int rounds = 8;
        const int processes = 5;
        for (int r = 0; r < rounds; ++r) {
            const QString ws = dir.path() + QStringLiteral("/ws") + QString::number(r);
            std::vector<std::unique_ptr<QProcess>> ps;
            for (int k = 0; k < processes; ++k) {
                ps.push_back(std::make_unique<QProcess>());
                ps.back()->start(driver(), {QStringLiteral("race"), ws, QStringLiteral("p") + QString::number(k),
                                            QStringLiteral("1")});
            }
            for (auto& p : ps) {
                QVERIFY(p->waitForFinished(120000));
                const QByteArray out = p->readAllStandardOutput();
                QVERIFY2(p->exitCode() == 0, out.constData());
                QVERIFY2(out.startsWith("ready\n"), out.constData());
            }
            auto backend = LocalBackend::open(ws.toStdString(), "checker");
            QVERIFY(backend.ok());
            auto repos = (*backend)->listRepositories({});
            QVERIFY(repos.ok());
            QCOMPARE(repos->results.size(), size_t(1));
        }
    }

    void twoProcessesCommitToOneBranch()
    {
        QTemporaryDir dir;
        const QString ws = dir.path() + QStringLiteral("/ws");
        QProcess a;
        QProcess b;
        const int rounds = 25;
        a.start(driver(), {QStringLiteral("race"), ws, QStringLiteral("a"), QString::number(rounds)});
        b.start(driver(), {QStringLiteral("race"), ws, QStringLiteral("b"), QString::number(rounds)});
        QVERIFY(a.waitForFinished(120000));
        QVERIFY(b.waitForFinished(120000));
        const QByteArray outA = a.readAllStandardOutput();
        const QByteArray outB = b.readAllStandardOutput();
        // A driver that fails at start-up (opening the workspace or creating
        // the repository) says why on its last line; show it.
        QVERIFY2(a.exitCode() == 0, QByteArray(outA.right(300) + a.readAllStandardError().right(300)).constData());
        QVERIFY2(b.exitCode() == 0, QByteArray(outB.right(300) + b.readAllStandardError().right(300)).constData());
        std::set<std::string> committed;
        int lost = 0;
        for (const QByteArray* out : {&outA, &outB}) {
            const QList<QByteArray> lines = out->split('\n');
            for (const QByteArray& l : lines) {
                if (l.startsWith("OK ")) committed.insert(l.mid(3).toStdString());
                else if (l.startsWith("ERR ")) {
                    QVERIFY2(l.startsWith("ERR conflict "), l.constData());
                    QVERIFY2(l.contains("concurrent"), l.constData());
                    ++lost;
                }
            }
        }
        QCOMPARE(int(committed.size()) + lost, 2 * rounds);
        QVERIFY(!committed.empty());
        auto backend = LocalBackend::open(ws.toStdString(), "checker");
        QVERIFY(backend.ok());
        std::set<std::string> inLog;
        Status st = forEachPage<Commit>([&](const std::string& after) {
            LogParams lp;
            lp.after = after;
            return (*backend)->logCommits("race", "main", lp);
        }, [&](const Commit& c) {
            inLog.insert(c.id);
            return true;
        });
        QVERIFY(st.ok());
        for (const auto& id : committed) QVERIFY2(inLog.count(id), id.c_str());
        // Every uploaded file is committed or still staged: nothing was lost.
        int objects = 0;
        st = forEachPage<ObjectStats>([&](const std::string& after) {
            ListParams lp;
            lp.after = after;
            return (*backend)->listObjects("race", "main", lp, "");
        }, [&](const ObjectStats&) {
            ++objects;
            return true;
        });
        QVERIFY(st.ok());
        QCOMPARE(objects, 2 * rounds);
        QVERIFY((*backend)->fsck("")->clean());
    }
};

QTEST_GUILESS_MAIN(TestDurability)
#include "tst_durability.moc"
