// SPDX-License-Identifier: Apache-2.0
#include "engine/ranges/tree.h"

#include "engine/ranges/cursor.h"
#include "engine/ranges/tree_builder.h"

namespace lakeside::ranges {

// --- TreeWriter --------------------------------------------------------------

TreeWriter::TreeWriter(RangeStore& store) : m_builder(std::make_unique<TreeBuilder>(store)) {}
TreeWriter::~TreeWriter() = default;

Status TreeWriter::add(std::string_view key, const Entry& entry)
{
    if (key.empty()) return makeError(ErrorKind::InvalidArgument, "tree writer: empty key");
    if (m_any && key <= m_last)
        return makeError(ErrorKind::InvalidArgument,
                         "tree writer: key '" + std::string(key) + "' is not after '" + m_last + "'");
    m_last.assign(key);
    m_any = true;
    return m_builder->addRecord(key, identity(entry), encodeEntry(entry));
}

Result<std::string> TreeWriter::finish()
{
    return m_builder->finish();
}

// --- applyChanges ------------------------------------------------------------

Result<std::string> applyChanges(RangeStore& store, const std::string& baseTreeId,
                                 const std::function<Result<std::optional<Change>>()>& pull)
{
    TreeCursor base(store);
    LAKESIDE_RETURN_IF_ERROR(base.open(baseTreeId));
    TreeBuilder out(store);
    std::optional<Change> change;
    std::string lastKey;
    bool any = false;
    auto nextChange = [&]() -> Status {
        LAKESIDE_ASSIGN_OR_RETURN(change, pull());
        if (change) {
            if (change->key.empty()) return makeError(ErrorKind::InvalidArgument, "change with an empty key");
            if (any && change->key <= lastKey)
                return makeError(ErrorKind::InvalidArgument,
                                 "changes are not sorted: '" + change->key + "' after '" + lastKey + "'");
            lastKey = change->key;
            any = true;
        }
        return Status::Ok();
    };
    auto write = [&](const Change& c) -> Status {
        if (!c.entry) return Status::Ok(); // deleting an absent key
        return out.addRecord(c.key, identity(*c.entry), encodeEntry(*c.entry));
    };
    LAKESIDE_RETURN_IF_ERROR(nextChange());
    while (!base.atEnd()) {
        if (change && change->key < base.minKey()) { // before the head: an insert
            LAKESIDE_RETURN_IF_ERROR(write(*change));
            LAKESIDE_RETURN_IF_ERROR(nextChange());
            continue;
        }
        if (!base.isRecord()) {
            const bool untouched = !change || change->key > base.maxKey();
            // A right-most node ended with its input, not at a cut; it may still be reused
            // when nothing follows it in the new tree either (no changes left).
            if (untouched && (!change || !base.headRightmost()) && out.canSplice(base.nodeLevel())) {
                LAKESIDE_RETURN_IF_ERROR(out.addNode(base.nodeLevel(), base.minKey(), base.maxKey(), base.hash(),
                                                     base.count(), base.bytes()));
                base.pop();
            } else {
                LAKESIDE_RETURN_IF_ERROR(base.expand());
            }
            continue;
        }
        if (change && change->key == base.key()) { // overwrite or delete
            LAKESIDE_RETURN_IF_ERROR(write(*change));
            LAKESIDE_RETURN_IF_ERROR(nextChange());
        } else {
            LAKESIDE_RETURN_IF_ERROR(out.addRecord(base.key(), base.hash(), base.entry()));
        }
        base.pop();
    }
    while (change) {
        LAKESIDE_RETURN_IF_ERROR(write(*change));
        LAKESIDE_RETURN_IF_ERROR(nextChange());
    }
    return out.finish();
}

Result<std::string> applyChanges(RangeStore& store, const std::string& baseTreeId,
                                 const std::vector<Change>& sortedChanges)
{
    size_t i = 0;
    return applyChanges(store, baseTreeId, [&]() -> Result<std::optional<Change>> {
        if (i == sortedChanges.size()) return std::optional<Change>();
        return std::optional<Change>(sortedChanges[i++]);
    });
}

// --- TreeIterator ------------------------------------------------------------

TreeIterator::TreeIterator(RangeStore& store, std::string treeId) : m_cursor(std::make_unique<TreeCursor>(store))
{
    m_status = m_cursor->open(treeId);
    m_positioned = false;
}

TreeIterator::~TreeIterator() = default;

void TreeIterator::seekGE(std::string_view key)
{
    if (!m_status.ok()) return;
    m_positioned = true;
    m_status = m_cursor->seekGE(key);
    if (m_status.ok()) m_status = m_cursor->toRecord();
}

void TreeIterator::next()
{
    m_cursor->pop();
    m_status = m_cursor->toRecord();
}

bool TreeIterator::valid() const
{
    return m_positioned && m_status.ok() && !m_cursor->atEnd();
}

const std::string& TreeIterator::key() const
{
    m_key.assign(m_cursor->key());
    return m_key;
}

const std::string& TreeIterator::identity() const
{
    m_identity.assign(m_cursor->hash());
    return m_identity;
}

Entry TreeIterator::entry() const
{
    auto e = decodeEntry(m_cursor->entry());
    if (!e.ok()) {
        m_status = e.status();
        return {};
    }
    return std::move(e).value();
}

Status TreeIterator::status() const
{
    return m_status;
}

// --- lookup and stats --------------------------------------------------------

Result<std::optional<Entry>> lookup(RangeStore& store, const std::string& treeId, std::string_view key)
{
    TreeCursor c(store);
    LAKESIDE_RETURN_IF_ERROR(c.open(treeId));
    LAKESIDE_RETURN_IF_ERROR(c.seekGE(key));
    LAKESIDE_RETURN_IF_ERROR(c.toRecord());
    if (c.atEnd() || c.key() != key) return std::optional<Entry>();
    LAKESIDE_ASSIGN_OR_RETURN(Entry e, decodeEntry(c.entry()));
    return std::optional<Entry>(std::move(e));
}

Result<int64_t> countEntries(RangeStore& store, const std::string& treeId)
{
    LAKESIDE_ASSIGN_OR_RETURN(auto root, detail::loadRoot(store, treeId));
    int64_t n = 0;
    if (root)
        for (const auto& it : root->items) n += it.count;
    return n;
}

Result<TreeStats> treeStats(RangeStore& store, const std::string& treeId)
{
    TreeStats stats;
    LAKESIDE_ASSIGN_OR_RETURN(auto root, detail::loadRoot(store, treeId));
    if (!root) return stats;
    stats.height = root->level + 1;
    for (const auto& it : root->items) {
        stats.count += it.count;
        stats.bytes += it.bytes;
    }
    if (root->level == 0) {
        stats.ranges = 1;
        stats.bytes = static_cast<int64_t>(root->raw->size());
        return stats;
    }
    // Count ranges: walk meta-range nodes down to level 1 (whose items are ranges).
    std::vector<std::shared_ptr<const detail::Node>> frontier{root};
    while (!frontier.empty()) {
        auto n = frontier.back();
        frontier.pop_back();
        if (n->level == 1) {
            stats.ranges += static_cast<int64_t>(n->items.size());
            continue;
        }
        for (size_t i = 0; i < n->items.size(); ++i) {
            LAKESIDE_ASSIGN_OR_RETURN(auto child, detail::loadNode(store, n->hash(i)));
            frontier.push_back(std::move(child));
        }
    }
    return stats;
}

} // namespace lakeside::ranges
