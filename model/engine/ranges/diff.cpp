// SPDX-License-Identifier: Apache-2.0
#include "engine/ranges/diff.h"

#include "engine/ranges/walk.h"

namespace lakeside::ranges {

using detail::KeyWindow;

namespace {

// Calls visit for one record; returns false when the walk must stop.
bool report(const DiffVisitor& visit, DiffType type, std::string key, const TreeCursor* left,
            const TreeCursor* right, Status& st)
{
    DiffRecord rec;
    rec.type = type;
    if (left) rec.left = detail::entryAt(*left, key, st);
    if (right) rec.right = detail::entryAt(*right, key, st);
    if (!st.ok()) return false;
    rec.key = std::move(key);
    return visit(rec);
}

} // namespace

Status diffTrees(RangeStore& store, const std::string& leftId, const std::string& rightId, std::string_view prefix,
                 std::string_view after, const DiffVisitor& visit)
{
    TreeCursor L(store), R(store);
    LAKESIDE_RETURN_IF_ERROR(L.open(leftId));
    LAKESIDE_RETURN_IF_ERROR(R.open(rightId));
    if (leftId == rightId) return Status::Ok();
    const KeyWindow w(prefix, after);
    LAKESIDE_RETURN_IF_ERROR(L.seekGE(w.start));
    LAKESIDE_RETURN_IF_ERROR(R.seekGE(w.start));
    Status st;
    while (true) {
        const bool le = L.atEnd() || w.beyond(L.minKey());
        const bool re = R.atEnd() || w.beyond(R.minKey());
        if (le && re) break;
        if (!le && !re && !L.isRecord() && !R.isRecord() && L.hash() == R.hash()) { // same subtree
            L.pop();
            R.pop();
            continue;
        }
        if (re || (!le && L.maxKey() < R.minKey())) { // left head lies wholly before the right head
            if (!L.isRecord()) {
                LAKESIDE_RETURN_IF_ERROR(L.expand());
                continue;
            }
            if (!report(visit, DiffType::Removed, std::string(L.key()), &L, nullptr, st)) return st;
            L.pop();
            continue;
        }
        if (le || R.maxKey() < L.minKey()) { // right head wholly before the left head
            if (!R.isRecord()) {
                LAKESIDE_RETURN_IF_ERROR(R.expand());
                continue;
            }
            if (!report(visit, DiffType::Added, std::string(R.key()), nullptr, &R, st)) return st;
            R.pop();
            continue;
        }
        const int lr = L.rank(), rr = R.rank();
        if (lr > 0 || rr > 0) { // overlapping, at least one whole subtree: open the larger
            if (lr >= rr && lr > 0) LAKESIDE_RETURN_IF_ERROR(L.expand());
            if (rr >= lr && rr > 0) LAKESIDE_RETURN_IF_ERROR(R.expand());
            continue;
        }
        // Two records with the same key.
        if (L.hash() != R.hash() && !report(visit, DiffType::Changed, std::string(L.key()), &L, &R, st)) return st;
        L.pop();
        R.pop();
    }
    return st;
}

Status threeDotDiff(RangeStore& store, const std::string& baseId, const std::string& leftId,
                    const std::string& rightId, std::string_view prefix, std::string_view after,
                    const DiffVisitor& visit)
{
    TreeCursor B(store), L(store), R(store);
    LAKESIDE_RETURN_IF_ERROR(B.open(baseId));
    LAKESIDE_RETURN_IF_ERROR(L.open(leftId));
    LAKESIDE_RETURN_IF_ERROR(R.open(rightId));
    if (leftId == rightId || rightId == baseId) return Status::Ok(); // right brought nothing
    const KeyWindow w(prefix, after);
    LAKESIDE_RETURN_IF_ERROR(B.seekGE(w.start));
    LAKESIDE_RETURN_IF_ERROR(L.seekGE(w.start));
    LAKESIDE_RETURN_IF_ERROR(R.seekGE(w.start));
    using detail::endedOrAfter;
    using detail::skipThrough;
    Status st;
    while (true) {
        const bool le = L.atEnd() || w.beyond(L.minKey());
        const bool re = R.atEnd() || w.beyond(R.minKey());
        if (le && re) break;
        auto skipAll = [&](std::string_view k) -> Status {
            const std::string key(k);
            LAKESIDE_RETURN_IF_ERROR(skipThrough(L, key));
            LAKESIDE_RETURN_IF_ERROR(skipThrough(R, key));
            return skipThrough(B, key);
        };
        // Same subtree on both sides, or right unchanged from base there: nothing to report.
        if (!L.atEnd() && !R.atEnd() && !L.isRecord() && !R.isRecord() && L.hash() == R.hash()) {
            LAKESIDE_RETURN_IF_ERROR(skipAll(R.maxKey()));
            continue;
        }
        if (!R.atEnd() && !B.atEnd() && !R.isRecord() && !B.isRecord() && R.hash() == B.hash()) {
            LAKESIDE_RETURN_IF_ERROR(skipAll(R.maxKey()));
            continue;
        }
        if (!R.atEnd() && endedOrAfter(L, R.maxKey()) && endedOrAfter(B, R.maxKey())) { // only on right: added
            if (!R.isRecord()) {
                LAKESIDE_RETURN_IF_ERROR(R.expand());
                continue;
            }
            if (!re && !report(visit, DiffType::Added, std::string(R.key()), nullptr, &R, st)) return st;
            R.pop();
            continue;
        }
        if (!L.atEnd() && endedOrAfter(R, L.maxKey()) && endedOrAfter(B, L.maxKey())) { // added on left only
            LAKESIDE_RETURN_IF_ERROR(skipThrough(L, std::string(L.maxKey())));
            continue;
        }
        if (!B.atEnd() && endedOrAfter(L, B.maxKey()) && endedOrAfter(R, B.maxKey())) { // deleted on both
            LAKESIDE_RETURN_IF_ERROR(skipThrough(B, std::string(B.maxKey())));
            continue;
        }
        const std::string f(*detail::frontier({&L, &R, &B}));
        LAKESIDE_ASSIGN_OR_RETURN(const bool expanded, detail::expandAt(f, {&L, &R, &B}));
        if (expanded) continue;
        const auto l = detail::recordAt(L, f), r = detail::recordAt(R, f), b = detail::recordAt(B, f);
        std::optional<DiffType> type;
        if (l == r || r == b) {
            // same on both sides, or only left changed it
        } else if (l == b) {
            type = !r ? DiffType::Removed : !l ? DiffType::Added : DiffType::Changed;
        } else {
            type = DiffType::Conflict;
        }
        if (type && w.contains(f) && !report(visit, *type, f, &L, &R, st)) return st;
        for (TreeCursor* c : {&L, &R, &B})
            if (detail::recordAt(*c, f)) c->pop();
    }
    return st;
}

} // namespace lakeside::ranges
