// SPDX-License-Identifier: Apache-2.0
// Row matching without a key: a multiset of whole-row hashes (see rowmatcher.h).
#include "tabular/keyindex.h"
#include "tabular/matchcontext.h"

namespace lakeside::tabular::detail {

Status contentPasses(MatchContext& c)
{
    // rowHash counts the old copies of a row, newRow how many the new table matched.
    KeyIndex index(static_cast<uint64_t>(c.m_plan.oldRows));
    Row r;
    LAKESIDE_RETURN_IF_ERROR(c.m_a.rewind());
    while (true) {
        LAKESIDE_ASSIGN_OR_RETURN(bool more, c.m_a.next(r));
        if (!more)
            break;
        c.observe(r, true);
        auto [slot, inserted] = index.findOrInsert(c.rowHash(r, true));
        if (inserted)
            slot->newRow = 0;
        ++slot->rowHash;
        LAKESIDE_RETURN_IF_ERROR(c.tick(c.m_a));
    }
    LAKESIDE_RETURN_IF_ERROR(c.m_b.rewind());
    while (true) {
        LAKESIDE_ASSIGN_OR_RETURN(bool more, c.m_b.next(r));
        if (!more)
            break;
        c.observe(r, false);
        KeyIndex::Slot* slot = index.find(c.rowHash(r, false));
        if (slot && slot->newRow < slot->rowHash) {
            ++slot->newRow;
            ++c.m_data.summary.unchanged;
        } else {
            LAKESIDE_RETURN_IF_ERROR(c.storeOneSided(r, false, 2 * (static_cast<uint64_t>(r.index) + 1)));
        }
        LAKESIDE_RETURN_IF_ERROR(c.tick(c.m_b));
    }
    if (c.m_data.summary.unchanged == c.m_oldCount)
        return Status::Ok();
    LAKESIDE_RETURN_IF_ERROR(c.m_a.rewind());
    while (true) {
        LAKESIDE_ASSIGN_OR_RETURN(bool more, c.m_a.next(r));
        if (!more)
            break;
        KeyIndex::Slot* slot = index.find(c.rowHash(r, true));
        if (slot->newRow > 0)
            --slot->newRow; // this copy has a partner in the new table
        else
            LAKESIDE_RETURN_IF_ERROR(c.storeOneSided(r, true, 2 * (static_cast<uint64_t>(r.index) + 1) + 1));
        LAKESIDE_RETURN_IF_ERROR(c.tick(c.m_a));
    }
    return Status::Ok();
}

} // namespace lakeside::tabular::detail
