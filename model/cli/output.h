// SPDX-License-Identifier: Apache-2.0
#pragma once
// Text formatting shared by the commands (lakectl-like, stable for scripts)
// and the JSON shapes json.h does not cover (MergeResult, FindMergeBaseResult).

#include "api/json.h"

#include <algorithm>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace lakeside::cli {

// "2024-05-01 10:00:00 UTC" (always UTC, so output does not depend on TZ).
std::string formatTime(int64_t unixSeconds);
// SI units as lakectl prints them: "512 B", "1.2 kB", "3.4 MB".
std::string humanSize(int64_t bytes);

// Left-aligned columns separated by two spaces, headers (if any) in capitals.
void printTable(std::ostream& out, const std::vector<std::string>& headers,
                const std::vector<std::vector<std::string>>& rows);

// One commit as `log` and `show commit` print it.
void printCommit(std::ostream& out, const Commit& c);

// "Error: <message>" plus one line per conflicting path; with json, the
// lakeFS Error object (plus "conflicts" and "run_id" when there are any).
void printError(std::ostream& err, const Error& e, bool json);

Json mergeResultJson(const MergeResult& r);
Json findMergeBaseJson(const FindMergeBaseResult& r);

// "key=value" pairs from repeated --meta options; InvalidArgument names a bad one.
Result<Metadata> parseMetadata(const std::vector<std::string>& pairs);

// Gathers up to `limit` items (all when limit <= 0) from a paginated call,
// starting after `after`. `fetch(after, amount)` returns one page; `key(item)`
// is the pagination key. The result's has_more/next_offset say whether items
// remain past the limit, as one page of the API would.
template <class T, class Fetch, class Key>
Result<Page<T>> gatherPages(Fetch&& fetch, Key&& key, int limit, std::string after = {})
{
    Page<T> all;
    for (;;) {
        const int want = limit > 0 ? std::min<int>(1000, limit - static_cast<int>(all.results.size())) : 1000;
        Result<Page<T>> page = fetch(after, want);
        if (!page.ok()) return page.error();
        bool full = false;
        for (T& item : page->results) {
            if (limit > 0 && static_cast<int>(all.results.size()) >= limit) {
                all.has_more = true;
                full = true;
                break;
            }
            all.results.push_back(std::move(item));
        }
        if (limit > 0 && static_cast<int>(all.results.size()) >= limit) {
            all.has_more = all.has_more || page->has_more;
            full = true;
        }
        if (full || !page->has_more || page->results.empty()) break;
        after = page->next_offset;
    }
    if (all.has_more && !all.results.empty()) all.next_offset = key(all.results.back());
    return all;
}

} // namespace lakeside::cli
