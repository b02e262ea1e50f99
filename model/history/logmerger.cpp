// SPDX-License-Identifier: Apache-2.0
#include "logmerger.h"

#include <algorithm>

namespace lakeside {

namespace {
// Log order: newer creation_date first, on equal dates the larger id first.
bool newer(const Commit& a, const Commit& b)
{
    if (a.creation_date != b.creation_date) return a.creation_date > b.creation_date;
    return a.id > b.id;
}
} // namespace

LogMerger::LogMerger(std::shared_ptr<Backend> backend, std::string repo, std::vector<std::string> heads,
                     LogParams params)
    : m_backend(std::move(backend)), m_repo(std::move(repo)), m_params(std::move(params))
{
    for (std::string& h : heads) {
        // The same head twice (e.g. a branch listed and also chosen) is one stream.
        if (std::any_of(m_streams.begin(), m_streams.end(), [&](const Stream& s) { return s.ref == h; }))
            continue;
        Stream s;
        s.ref = std::move(h);
        m_streams.push_back(std::move(s));
    }
}

bool LogMerger::pruningAllowed() const
{
    return m_params.objects.empty() && m_params.prefixes.empty() && !m_params.since && m_params.stop_at.empty();
}

int LogMerger::liveStreams() const
{
    return static_cast<int>(std::count_if(m_streams.begin(), m_streams.end(), [](const Stream& s) {
        return !s.dropped && (s.hasMore || !s.buffer.empty());
    }));
}

bool LogMerger::atEnd() const
{
    return m_error.has_value() || liveStreams() == 0;
}

Status LogMerger::fill(Stream& s, int n, const OpContext& ctx)
{
    if (!s.buffer.empty() || !s.hasMore || s.dropped) return Status();
    if (ctx.isCancelled()) return makeError(ErrorKind::Cancelled, "history: loading cancelled");
    LogParams p = m_params;
    p.after = s.after;
    // The first head reads what was asked for; other heads start with small
    // pages (most turn out redundant soon) and grow while they stay useful.
    if (s.amount == 0) s.amount = &s == &m_streams.front() ? std::clamp(n, 20, 1000) : 20;
    p.amount = s.amount;
    s.amount = std::min(1000, std::max(s.amount * 4, std::clamp(n, 20, 1000) / 4));
    ++m_calls;
    Result<Page<Commit>> page = m_backend->logCommits(m_repo, s.ref, p);
    if (!page.ok()) return page.error();
    m_read += static_cast<int64_t>(page->results.size());
    for (Commit& c : page->results) s.buffer.push_back(std::move(c));
    s.hasMore = page->has_more && !s.buffer.empty();
    if (!s.buffer.empty()) s.after = s.buffer.back().id;
    return Status();
}

void LogMerger::consume(Stream& s)
{
    const Commit& c = s.buffer.front();
    s.started = true;
    s.frontier.erase(c.id);
    for (std::size_t i = 0; i < c.parents.size(); ++i) {
        s.frontier.insert(c.parents[i]);
        if (m_params.first_parent) break;
    }
    s.buffer.pop_front();
}

void LogMerger::dropRedundantStreams()
{
    if (!pruningAllowed()) return;
    // Later streams go first, so the first head (the default branch) is the one kept.
    for (std::size_t i = m_streams.size(); i-- > 0;) {
        Stream& s = m_streams[i];
        if (s.dropped || !s.started || (!s.hasMore && s.buffer.empty())) continue;
        bool covered = true;
        for (const std::string& id : s.frontier) {
            bool found = false;
            for (std::size_t j = 0; j < m_streams.size() && !found; ++j) {
                const Stream& o = m_streams[j];
                found = j != i && !o.dropped && o.started && o.frontier.count(id) > 0;
            }
            if (!found) {
                covered = false;
                break;
            }
        }
        if (covered) {
            s.dropped = true;
            s.buffer.clear();
            s.frontier.clear();
        }
    }
}

Result<std::vector<Commit>> LogMerger::next(int n, const OpContext& ctx)
{
    if (m_error) return *m_error;
    std::vector<Commit> out;
    out.reserve(static_cast<std::size_t>(std::max(n, 0)));
    while (static_cast<int>(out.size()) < n) {
        // Every live stream needs its head loaded before comparing; check
        // redundancy first so a dropped stream costs no further page.
        if (++m_sincePrune >= 256) {
            m_sincePrune = 0;
            dropRedundantStreams();
        }
        bool pruned = false;
        for (Stream& s : m_streams) {
            if (s.buffer.empty() && s.hasMore && !s.dropped) {
                if (!pruned) {
                    dropRedundantStreams();
                    pruned = true;
                    if (s.dropped) continue;
                }
                Status st = fill(s, n, ctx);
                if (!st.ok()) {
                    if (st.kind() != ErrorKind::Cancelled) m_error = st.error();
                    return st.error();
                }
            }
        }
        Stream* best = nullptr;
        for (Stream& s : m_streams)
            if (!s.dropped && !s.buffer.empty() && (!best || newer(s.buffer.front(), best->buffer.front())))
                best = &s;
        if (!best) break; // every stream is exhausted
        Commit c = best->buffer.front();
        for (Stream& s : m_streams)
            if (!s.dropped && !s.buffer.empty() && s.buffer.front().id == c.id) consume(s);
        if (m_seen.contains(c.id)) continue;
        m_seen.insert(c.id, 0);
        out.push_back(std::move(c));
    }
    return out;
}

} // namespace lakeside
