// SPDX-License-Identifier: Apache-2.0
#include "bench_util.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <random>
#include <set>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace bench {

double now()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double cpuNow()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

double best(const std::vector<double>& v)
{
    // The machine is shared: the fastest run is the one least disturbed by others.
    return v.empty() ? 0 : *std::min_element(v.begin(), v.end());
}

std::string trim(std::string s)
{
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
}

Proc run(const std::vector<std::string>& argv, const std::string& cwd, const std::vector<std::string>& env,
         const std::string& stdinFile)
{
    Proc p;
    int pipefd[2];
    if (pipe(pipefd) != 0) return p;
    const double t0 = now();
    const pid_t pid = fork();
    if (pid == 0) {
        if (!cwd.empty() && chdir(cwd.c_str()) != 0) _exit(126);
        for (const auto& kv : env) putenv(const_cast<char*>(kv.c_str()));
        const int in = open(stdinFile.empty() ? "/dev/null" : stdinFile.c_str(), O_RDONLY);
        dup2(in, 0);
        dup2(pipefd[1], 1);
        close(pipefd[0]);
        close(pipefd[1]);
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        execvp(args[0], args.data());
        _exit(127);
    }
    close(pipefd[1]);
    char buf[65536];
    ssize_t n;
    while ((n = read(pipefd[0], buf, sizeof buf)) > 0) p.out.append(buf, size_t(n));
    close(pipefd[0]);
    int status = 0;
    rusage ru{};
    wait4(pid, &status, 0, &ru);
    p.seconds = now() - t0;
    p.maxRssKb = ru.ru_maxrss;
    p.cpuSeconds = double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
    p.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return p;
}

Proc mustRun(const std::vector<std::string>& argv, const std::string& cwd, const std::vector<std::string>& env,
             const std::string& stdinFile)
{
    Proc p = run(argv, cwd, env, stdinFile);
    if (p.exitCode != 0) {
        std::string cmd;
        for (const auto& a : argv) cmd += a + " ";
        std::fprintf(stderr, "bench_ranges: command failed (%d): %s\n", p.exitCode, cmd.c_str());
        std::exit(1);
    }
    return p;
}

const char* layoutName(Layout l)
{
    return l == Layout::Flat ? "one directory" : "1000 directories";
}

// Decimal with leading zeros, without printf (generation must not dominate the timings).
static void putDigits(std::string& out, int64_t v, int width)
{
    const size_t at = out.size();
    out.resize(at + size_t(width));
    for (int p = width - 1; p >= 0; --p) {
        out[at + size_t(p)] = char('0' + v % 10);
        v /= 10;
    }
}

std::string keyOf(Layout l, int64_t i)
{
    std::string k;
    k.reserve(32);
    if (l == Layout::Flat) {
        k += "data/part-";
        putDigits(k, i, 7);
    } else {
        k += "data/d";
        putDigits(k, i / 1000, 3);
        k += "/part-";
        putDigits(k, i % 1000, 3);
    }
    k += ".parquet";
    return k;
}

std::string addedKeyOf(Layout l, int64_t i)
{
    std::string k = keyOf(l, i);
    k.insert(k.size() - 8, "-new"); // "part-0000042-new.parquet" sorts after "part-0000042.parquet"
    return k;
}

static uint64_t mix(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

static std::string hexOf(uint64_t seed, int words)
{
    static const char digits[] = "0123456789abcdef";
    std::string out(size_t(words) * 16, '0');
    for (int w = 0; w < words; ++w) {
        uint64_t v = mix(seed * 8 + uint64_t(w));
        for (int j = 15; j >= 0; --j, v >>= 4) out[size_t(w) * 16 + size_t(j)] = digits[v & 15];
    }
    return out;
}

lakeside::ranges::Entry entryOf(int64_t i, int version)
{
    lakeside::ranges::Entry e;
    const uint64_t seed = uint64_t(i) * 1000003ULL + uint64_t(version);
    e.address = "sha256:" + hexOf(seed, 4);
    e.size = int64_t(mix(seed) % 100000000);
    e.checksum = hexOf(seed ^ 0x5555, 2);
    e.mtime = 1700000000 + version;
    return e;
}

std::vector<BenchChange> makeChanges(Layout l, int64_t lo, int64_t hi, uint32_t seed, int count)
{
    std::mt19937_64 rng(seed);
    std::set<int64_t> picked;
    while (int(picked.size()) < count) picked.insert(lo + int64_t(rng() % uint64_t(hi - lo)));
    std::vector<BenchChange> out;
    int j = 0;
    for (int64_t i : picked) {
        const int slot = j++ % 10;
        if (slot == 3) out.push_back({keyOf(l, i), i, BenchChange::Delete});
        else if (slot == 7) out.push_back({addedKeyOf(l, i), i, BenchChange::Add});
        else out.push_back({keyOf(l, i), i, BenchChange::Modify});
    }
    std::sort(out.begin(), out.end(), [](const BenchChange& a, const BenchChange& b) { return a.key < b.key; });
    return out;
}

} // namespace bench
