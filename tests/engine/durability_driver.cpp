// SPDX-License-Identifier: Apache-2.0
// Child process for tst_durability: drives a workspace through LocalBackend so the
// test can SIGKILL it at arbitrary points (mode `churn`) or race it against another
// process committing to the same branch (mode `race`). Prints one line per step,
// flushed, so the parent knows how far it got.
//
//   durability_driver churn <workspace>          (runs until killed)
//   durability_driver race <workspace> <tag> <n>  (n upload+commit rounds)
#include "local/localbackend.h"

#include <cstdio>
#include <cstring>
#include <random>
#include <string>

using namespace lakeside;

namespace {

ByteSource randomSource(std::mt19937_64& rng, int64_t size)
{
    auto left = std::make_shared<int64_t>(size);
    auto gen = std::make_shared<std::mt19937_64>(rng());
    return [left, gen](char* buf, int64_t cap) -> int64_t {
        const int64_t n = std::min(cap, *left);
        for (int64_t i = 0; i < n; ++i) buf[i] = static_cast<char>((*gen)() & 0xff);
        *left -= n;
        return n;
    };
}

void line(const std::string& s)
{
    std::fputs((s + "\n").c_str(), stdout);
    std::fflush(stdout);
}

int churn(LocalBackend& b)
{
    std::mt19937_64 rng(std::random_device{}());
    for (long i = 0;; ++i) {
        const std::string path = "data/" + std::to_string(i % 40) + ".bin";
        const int64_t size = static_cast<int64_t>(rng() % (256 * 1024));
        auto up = b.uploadObject("crash", "main", path, randomSource(rng, size), size, {});
        if (!up.ok()) { line("ERR upload " + up.error().message); return 1; }
        if (i % 7 == 3) (void)b.deleteObject("crash", "main", "data/" + std::to_string((i + 5) % 40) + ".bin");
        if (i % 3 == 2) {
            CommitCreation c;
            c.message = "step " + std::to_string(i);
            auto r = b.commit("crash", "main", c);
            if (!r.ok()) { line("ERR commit " + r.error().message); return 1; }
        }
        if (i % 10 == 5) {
            const std::string br = "side-" + std::to_string(i);
            (void)b.createBranch("crash", br, "main");
            (void)b.uploadObject("crash", br, "side.bin", randomSource(rng, 100), 100, {});
            (void)b.commit("crash", br, CommitCreation{"side", {}, std::nullopt, false, false});
            if (i % 20 == 5) {
                MergeParams mp;
                mp.strategy = MergeStrategy::SourceWins;
                (void)b.merge("crash", br, "main", mp);
            }
        }
        line("tick " + std::to_string(i));
    }
}

int race(LocalBackend& b, const std::string& tag, int n)
{
    std::mt19937_64 rng(std::random_device{}());
    for (int i = 0; i < n; ++i) {
        const std::string path = "race/" + tag + "/" + std::to_string(i);
        auto up = b.uploadObject("race", "main", path, randomSource(rng, 64), 64, {});
        if (!up.ok()) { line("ERR upload " + std::string(errorKindName(up.error().kind)) + " " + up.error().message); continue; }
        CommitCreation c;
        c.message = tag + " " + std::to_string(i);
        c.allow_empty = true;
        auto r = b.commit("race", "main", c);
        if (r.ok()) line("OK " + r->id);
        else line("ERR " + std::string(errorKindName(r.error().kind)) + " " + r.error().message);
    }
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s churn|race <workspace> [tag n]\n", argv[0]);
        return 2;
    }
    const std::string mode = argv[1];
    auto b = LocalBackend::open(argv[2], "driver");
    if (!b.ok()) { line("ERR open " + b.error().message); return 1; }
    const std::string repo = mode == "churn" ? "crash" : "race";
    RepositoryCreation rc;
    rc.name = repo;
    auto created = (*b)->createRepository(rc);
    if (!created.ok() && created.error().kind != ErrorKind::Conflict) { line("ERR create " + created.error().message); return 1; }
    line("ready");
    if (mode == "churn") return churn(**b);
    if (mode == "race" && argc == 5) return race(**b, argv[3], std::atoi(argv[4]));
    return 2;
}
