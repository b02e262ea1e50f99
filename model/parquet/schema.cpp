// SPDX-License-Identifier: Apache-2.0
#include "parquet/schema.h"

namespace lakeside::parquet {

namespace {
constexpr int kMaxDepth = 64; // levels are int16; real schemas are far shallower
}

Result<Schema> Schema::build(const std::vector<SchemaElement>& elements)
{
    if (elements.empty())
        return makeError(ErrorKind::Corruption, "schema is empty");
    Schema s;
    s.m_nodes.reserve(elements.size());
    // Depth-first rebuild with an explicit stack of (node, children left).
    struct Frame { int node; int32_t left; };
    std::vector<Frame> stack;
    for (size_t i = 0; i < elements.size(); ++i) {
        const SchemaElement& e = elements[i];
        SchemaNode n;
        n.element = e;
        if (e.numChildren < 0 || size_t(e.numChildren) > elements.size())
            return makeError(ErrorKind::Corruption, "schema element '" + e.name + "' claims "
                                 + std::to_string(e.numChildren) + " children");
        if (i == 0) {
            if (e.numChildren == 0)
                return makeError(ErrorKind::Corruption, "schema root has no columns");
        } else {
            if (stack.empty())
                return makeError(ErrorKind::Corruption, "schema element '" + e.name
                                     + "' lies outside the root's children");
            Frame& top = stack.back();
            n.parent = top.node;
            --top.left;
            const SchemaNode& p = s.m_nodes[size_t(top.node)];
            const Repetition rep = e.repetition.value_or(Repetition::Required);
            if (int(rep) < 0 || int(rep) > 2)
                return makeError(ErrorKind::Corruption, "schema element '" + e.name
                                     + "' has an invalid repetition " + std::to_string(int(rep)));
            n.defLevel = int16_t(p.defLevel + (rep != Repetition::Required ? 1 : 0));
            n.repLevel = int16_t(p.repLevel + (rep == Repetition::Repeated ? 1 : 0));
            s.m_nodes[size_t(top.node)].children.push_back(int(i));
            if (top.node == 0)
                s.m_topFields.push_back(int(i));
        }
        s.m_nodes.push_back(std::move(n));
        const int idx = int(i);
        if (e.numChildren > 0) {
            if (stack.size() >= kMaxDepth)
                return makeError(ErrorKind::Corruption, "schema is nested deeper than "
                                     + std::to_string(kMaxDepth) + " levels");
            stack.push_back({idx, e.numChildren});
        } else if (i > 0) {
            // A leaf: a primitive column.
            if (!e.type || int(*e.type) < 0 || int(*e.type) > 7)
                return makeError(ErrorKind::Corruption, "schema leaf '" + e.name
                                     + "' has no valid physical type");
            if (*e.type == PhysicalType::FixedLenByteArray && (e.typeLength <= 0 || e.typeLength > (1 << 20)))
                return makeError(ErrorKind::Corruption, "column '" + e.name
                                     + "' is FIXED_LEN_BYTE_ARRAY with invalid length "
                                     + std::to_string(e.typeLength));
            ColumnDescriptor c;
            c.index = int(s.m_columns.size());
            c.node = idx;
            c.type = *e.type;
            c.typeLength = e.typeLength;
            c.maxDef = s.m_nodes.back().defLevel;
            c.maxRep = s.m_nodes.back().repLevel;
            for (int k = idx; k > 0; k = s.m_nodes[size_t(k)].parent)
                c.pathParts.insert(c.pathParts.begin(), s.m_nodes[size_t(k)].element.name);
            for (const auto& part : c.pathParts)
                c.path += (c.path.empty() ? "" : ".") + part;
            c.topField = int(s.m_topFields.size()) - 1;
            s.m_nodes.back().leaf = c.index;
            s.m_columns.push_back(std::move(c));
        }
        while (!stack.empty() && stack.back().left == 0)
            stack.pop_back();
    }
    if (!stack.empty())
        return makeError(ErrorKind::Corruption, "schema ends before all children of '"
                             + s.m_nodes[size_t(stack.back().node)].element.name + "' were listed");
    if (s.m_columns.empty())
        return makeError(ErrorKind::Corruption, "schema has no leaf columns");
    return s;
}

bool Schema::isFlatField(int topField) const
{
    const SchemaNode& n = m_nodes[size_t(m_topFields[size_t(topField)])];
    return n.isLeaf() && n.element.repetition != Repetition::Repeated;
}

std::vector<int> Schema::leavesOfField(int topField) const
{
    std::vector<int> out;
    for (const auto& c : m_columns)
        if (c.topField == topField)
            out.push_back(c.index);
    return out;
}

int Schema::findColumn(const std::string& path) const
{
    for (const auto& c : m_columns)
        if (c.path == path)
            return c.index;
    return -1;
}

} // namespace lakeside::parquet
