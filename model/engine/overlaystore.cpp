// SPDX-License-Identifier: Apache-2.0
#include "overlaystore.h"

namespace lakeside::engine {

Result<std::shared_ptr<const std::string>> OverlayRangeStore::get(const std::string& id)
{
    auto it = m_nodes.find(id);
    if (it != m_nodes.end()) return it->second;
    return m_base.get(id);
}

Status OverlayRangeStore::put(const std::string& id, std::string_view bytes)
{
    countPut();
    m_nodes.emplace(id, std::make_shared<const std::string>(bytes));
    return {};
}

Status OverlayRangeStore::flush()
{
    for (const auto& [id, bytes] : m_nodes) LAKESIDE_RETURN_IF_ERROR(m_base.put(id, *bytes));
    m_nodes.clear();
    return {};
}

} // namespace lakeside::engine
