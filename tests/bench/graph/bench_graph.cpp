// SPDX-License-Identifier: Apache-2.0
// History tab benchmark on a synthetic DAG (default 1M commits, one merge in
// every 10 commits), served from memory by the synthetic test backend.
//
//   bench_graph [--commits N] [--frames K]          measure, print a markdown table
//   bench_graph [--commits N] --fast-import FILE    write the same DAG as a git fast-import stream
//
// Measures (offscreen platform): time from constructing HistoryPage to the
// first page painted; time to page in the whole log; every scroll frame as
// setting the scrollbar plus rendering the viewport (QWidget::grab), for
// page steps from the top, random jumps, a jump to the very end and back;
// and GraphLayout's bytes per commit.
#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QTableView>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "history/commitlogmodel.h"
#include "history/historypage.h"
#include "historyfixtures.h"

using namespace lakeside;
using lakeside::test::SyntheticBackend;

namespace {

struct Dag {
    std::shared_ptr<SyntheticBackend> backend;
    int32_t total = 0;
};

// 9 mainline commits, the 9th a merge of a one-commit side branch: one merge
// in every 10 commits. A few branches and tags near the top.
Dag makeDag(int total)
{
    Dag d;
    d.backend = test::makeMergeHistory(total * 9 / 10, 9, 1);
    d.total = d.backend->size();
    const int32_t top = d.backend->branchHead("main");
    for (int i = 0; i < 5; ++i) {
        const int32_t b = d.backend->add(1900000000 + i, top - 20 * (i + 1));
        d.backend->setBranch("topic-" + std::to_string(i), b);
    }
    d.backend->setTag("v1", top - 7);
    d.backend->setTag("v0", top / 2);
    d.total = d.backend->size();
    return d;
}

bool writeFastImport(SyntheticBackend& b, const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return false;
    const int32_t n = b.size();
    std::string buf;
    buf.reserve(1 << 20);
    auto flush = [&] {
        f.write(buf.data(), static_cast<qint64>(buf.size()));
        buf.clear();
    };
    for (int32_t i = 0; i < n; ++i) {
        const Commit c = b.getCommit(b.repo, SyntheticBackend::idOf(i)).value();
        const std::string msg = c.message + "\n";
        buf += "commit refs/heads/main\nmark :" + std::to_string(i + 1) + "\ncommitter " + c.committer + " <"
            + c.committer + "@example.com> " + std::to_string(c.creation_date) + " +0000\ndata "
            + std::to_string(msg.size()) + "\n" + msg;
        const std::string idx = "index";
        for (std::size_t k = 0; k < c.parents.size(); ++k) {
            const int p = static_cast<int>(std::stoul(c.parents[k].substr(56), nullptr, 16));
            buf += (k == 0 ? "from :" : "merge :") + std::to_string(p + 1) + "\n";
        }
        buf += "\n";
        if (buf.size() > (1 << 20) - 4096) flush();
    }
    Result<Page<Ref>> branches = b.listBranches(b.repo, ListParams{"", "", 1000});
    for (const Ref& r : branches->results) {
        const int p = static_cast<int>(std::stoul(r.commit_id.substr(56), nullptr, 16));
        buf += "reset refs/heads/" + r.id + "\nfrom :" + std::to_string(p + 1) + "\n\n";
    }
    Result<Page<Ref>> tags = b.listTags(b.repo, ListParams{"", "", 1000});
    for (const Ref& r : tags->results) {
        const int p = static_cast<int>(std::stoul(r.commit_id.substr(56), nullptr, 16));
        buf += "reset refs/tags/" + r.id + "\nfrom :" + std::to_string(p + 1) + "\n\n";
    }
    flush();
    return true;
}

// CPU time of this thread: on a shared machine wall time also counts other
// processes' work, so both are reported.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

// The 1/5/15-minute load averages, so a reader can tell whether wall times
// of single frames were taken on a quiet machine.
QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly)) return QStringLiteral("unknown");
    return QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2);
}

template <class Obj, class Signal>
void waitFor(Obj* obj, Signal signal, int timeoutMs = 120000)
{
    QEventLoop loop;
    QObject::connect(obj, signal, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
}

struct Stats {
    double p50 = 0, p99 = 0, max = 0;
    int count = 0;
};

Stats stats(std::vector<double> v)
{
    Stats s;
    if (v.empty()) return s;
    std::sort(v.begin(), v.end());
    s.count = static_cast<int>(v.size());
    s.p50 = v[v.size() / 2];
    s.p99 = v[std::min(v.size() - 1, v.size() * 99 / 100)];
    s.max = v.back();
    return s;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    int commits = 1000000;
    int frames = 300;
    QString fastImport;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--commits")) commits = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--frames")) frames = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--fast-import")) fastImport = args[i + 1];
    }
    QElapsedTimer build;
    build.start();
    Dag dag = makeDag(commits);
    std::fprintf(stderr, "synthetic DAG: %d commits, built in %lld ms\n", dag.total, static_cast<long long>(build.elapsed()));
    if (!fastImport.isEmpty()) return writeFastImport(*dag.backend, fastImport) ? 0 : 1;

    // Warm-up: in the app the window, fonts and style are up before the tab
    // opens; a throwaway page on a tiny history does that here, untimed.
    {
        auto tiny = test::makeMergeHistory(50);
        ui::HistoryPage warm(tiny, QStringLiteral("repo"));
        warm.resize(1280, 800);
        warm.show();
        waitFor(&warm, &ui::HistoryPage::viewReady);
        (void)warm.view()->viewport()->grab();
    }

    // 1. First screen: construct the page (what opening the tab does) until the first page is painted.
    QElapsedTimer t;
    t.start();
    ui::HistoryPage page(dag.backend, QStringLiteral("repo"));
    page.resize(1280, 800);
    page.show();
    waitFor(&page, &ui::HistoryPage::viewReady);
    (void)page.view()->viewport()->grab();
    const qint64 firstScreen = t.elapsed();
    CommitLogModel* model = page.model();
    const int firstRows = model->rowCount();

    // 2. Page in everything (the benchmark needs the very end to be loaded).
    t.restart();
    while (model->canFetchMore()) {
        model->fetchMore();
        waitFor(model, &CommitLogModel::pageLoaded);
    }
    const qint64 loadAll = t.elapsed();
    const int rows = model->rowCount();
    const double layoutBytes = double(model->layout().memoryBytes()) / std::max(1, rows);

    // 3. Scroll frames.
    QScrollBar* bar = page.view()->verticalScrollBar();
    QWidget* viewport = page.view()->viewport();
    std::vector<double> steps, jumps, cpu;
    double endJump = 0, topJump = 0;
    const QString loadBefore = loadAverage();
    auto frame = [&](int value) {
        QElapsedTimer f;
        const double c0 = threadCpuMs();
        f.start();
        bar->setValue(value);
        (void)viewport->grab();
        cpu.push_back(threadCpuMs() - c0);
        return f.nsecsElapsed() / 1e6;
    };
    frame(0);
    for (int i = 0; i < frames / 3; ++i) steps.push_back(frame(bar->value() + bar->pageStep()));
    QRandomGenerator rng(42);
    for (int i = 0; i < frames / 3; ++i) jumps.push_back(frame(int(rng.bounded(bar->maximum() + 1))));
    endJump = frame(bar->maximum());
    for (int i = 0; i < frames / 3; ++i) steps.push_back(frame(std::max(0, bar->value() - bar->pageStep())));
    topJump = frame(0);
    const QString loadAfter = loadAverage();
    const Stats s = stats(steps);
    const Stats j = stats(jumps);
    std::vector<double> all = steps;
    all.insert(all.end(), jumps.begin(), jumps.end());
    all.push_back(endJump);
    all.push_back(topJump);
    const Stats a = stats(all);
    const Stats c = stats(cpu);

    QTextStream out(stdout);
    out << "| measure | Lakeside History tab |\n|---|---|\n";
    out << "| commits (rows) | " << rows << " |\n";
    out << "| lanes (graph width) | " << model->laneCount() << " |\n";
    out << "| first screen after opening the tab | " << firstScreen << " ms (" << firstRows << " rows) |\n";
    out << "| whole log paged in | " << loadAll << " ms |\n";
    out << "| scroll frame, page steps (p50 / p99 / max, " << s.count << " frames) | "
        << QString::number(s.p50, 'f', 2) << " / " << QString::number(s.p99, 'f', 2) << " / "
        << QString::number(s.max, 'f', 2) << " ms |\n";
    out << "| scroll frame, random jumps (p50 / p99 / max, " << j.count << " frames) | "
        << QString::number(j.p50, 'f', 2) << " / " << QString::number(j.p99, 'f', 2) << " / "
        << QString::number(j.max, 'f', 2) << " ms |\n";
    out << "| jump to the very end / back to the top | " << QString::number(endJump, 'f', 2) << " / "
        << QString::number(topJump, 'f', 2) << " ms |\n";
    out << "| scroll frame wall time, all frames (p50 / p99 / max, " << a.count << " frames) | "
        << QString::number(a.p50, 'f', 2) << " / " << QString::number(a.p99, 'f', 2) << " / "
        << QString::number(a.max, 'f', 2) << " ms |\n";
    out << "| every frame within 16 ms (wall) | " << (a.max <= 16.0 ? "yes" : "no") << " (max "
        << QString::number(a.max, 'f', 2) << " ms) |\n";
    out << "| scroll frame CPU time of the GUI thread (p50 / p99 / max, all frames) | "
        << QString::number(c.p50, 'f', 2) << " / " << QString::number(c.p99, 'f', 2) << " / "
        << QString::number(c.max, 'f', 2) << " ms |\n";
    out << "| load average (1/5/15 min) before / after the frames | " << loadBefore << " / " << loadAfter << " |\n";
    out << "| lane layout memory | " << QString::number(layoutBytes, 'f', 1) << " bytes/commit |\n";
    out.flush();
    return 0;
}
