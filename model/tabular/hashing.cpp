// SPDX-License-Identifier: Apache-2.0
#include "tabular/hashing.h"

#include "tabular/valueformat.h"

namespace lakeside::tabular::detail {
namespace {

bool typed(ColumnType t)
{
    return t != ColumnType::Text && t != ColumnType::Unknown;
}

// The spelling that equality is decided on; null -> nullopt-like flag.
std::string_view comparable(const Cell& c, ColumnType type, bool normalize, std::string& scratch, bool& null)
{
    null = c.null;
    if (null)
        return {};
    if (normalize && typed(type)) {
        if (isNullToken(c.text)) {
            null = true;
            return {};
        }
        if (canonicalValue(type, c.text, scratch))
            return scratch;
    }
    return c.text;
}

} // namespace

uint64_t cellHash(const Cell& c, ColumnType type, bool normalize, std::string& scratch)
{
    bool null;
    const std::string_view v = comparable(c, type, normalize, scratch, null);
    return null ? kNullHash : hashBytes(v);
}

bool cellsEqual(const Cell& a, const Cell& b, ColumnType type, bool normalize)
{
    std::string sa, sb;
    bool na, nb;
    const std::string_view va = comparable(a, type, normalize, sa, na);
    const std::string_view vb = comparable(b, type, normalize, sb, nb);
    if (na || nb)
        return na == nb;
    return va == vb;
}

} // namespace lakeside::tabular::detail
