// SPDX-License-Identifier: Apache-2.0
#include "review/reviewids.h"

#include "api/approvals.h"

#include <atomic>
#include <chrono>
#include <ctime>
#include <random>

namespace lakeside::review {

std::string newId()
{
    static std::atomic<uint64_t> last{0};
    uint64_t now = static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::system_clock::now().time_since_epoch()).count());
    // Strictly increasing even when two ids are made within one clock tick.
    uint64_t prev = last.load();
    uint64_t t;
    do {
        t = now > prev ? now : prev + 1;
    } while (!last.compare_exchange_weak(prev, t));
    const uint64_t inv = ~t;
    static const char digits[] = "0123456789abcdefghijklmnopqrstuv";
    std::string out(20, '0');
    // 13 base32 digits hold 65 bits: the inverted time, most significant first.
    for (int i = 12; i >= 0; --i)
        out[static_cast<size_t>(i)] = digits[(i == 0 ? (inv >> 60) : (inv >> (5 * (12 - i)))) & 31];
    thread_local std::mt19937_64 rng{std::random_device{}()};
    uint64_t r = rng();
    for (int i = 13; i < 20; ++i, r >>= 5)
        out[static_cast<size_t>(i)] = digits[r & 31];
    return out;
}

std::string nowRfc3339()
{
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

bool globMatch(const std::string& pattern, const std::string& text)
{
    return branchPatternMatches(pattern, text);
}

} // namespace lakeside::review
