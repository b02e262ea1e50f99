// SPDX-License-Identifier: Apache-2.0
#include "parquet/nestedjson.h"

#include "parquet/valueformat.h"

#include <algorithm>

namespace lakeside::parquet {

namespace {

struct JNode {
    enum Kind : uint8_t { Absent, Null, Value, Object, Array };
    Kind kind = Absent;
    std::string value;          // Value: JSON text
    std::vector<JNode> children; // Object: one per schema child; Array: elements
};

// Per-leaf cursor over its slots.
struct LeafCursor {
    const ColumnData* data = nullptr;
    std::vector<int> path;         // schema nodes from the top field down to the leaf
    std::vector<int> childPos;     // position of path[i + 1] among path[i]'s children
    ValueFormat fmt;
    size_t slot = 0, value = 0;
    std::vector<size_t> index;     // element index per repetition level (1-based levels)
};

bool isRepeated(const SchemaNode& n) { return n.element.repetition == Repetition::Repeated; }

bool isList(const SchemaNode& n)
{
    return n.element.logicalType.kind == LogicalType::List || n.element.convertedType == ConvertedType::List;
}
bool isMap(const SchemaNode& n)
{
    return n.element.logicalType.kind == LogicalType::Map || n.element.convertedType == ConvertedType::Map
        || n.element.convertedType == ConvertedType::MapKeyValue;
}

class Assembler {
public:
    explicit Assembler(const Schema& s) : m_s(s) {}

    Status insert(LeafCursor& c, JNode& root)
    {
        const ColumnData& d = *c.data;
        const int16_t def = d.maxDef ? d.defLevels[c.slot] : 0;
        const int16_t rep = d.maxRep ? d.repLevels[c.slot] : 0;
        if (rep > 0) {
            ++c.index[size_t(rep)];
            std::fill(c.index.begin() + rep + 1, c.index.end(), 0);
        } else {
            std::fill(c.index.begin(), c.index.end(), 0);
        }
        JNode* cur = &root;
        for (size_t i = 0; i < c.path.size(); ++i) {
            const SchemaNode& n = m_s.nodes()[size_t(c.path[i])];
            if (def < n.defLevel) {
                if (cur->kind == JNode::Absent)
                    cur->kind = isRepeated(n) ? JNode::Array : JNode::Null;
                return Status::Ok();
            }
            if (isRepeated(n)) {
                if (cur->kind != JNode::Array) {
                    if (cur->kind != JNode::Absent)
                        return makeError(ErrorKind::Corruption, "levels of nested column disagree");
                    cur->kind = JNode::Array;
                }
                const size_t idx = c.index[size_t(n.repLevel)];
                if (idx > cur->children.size())
                    return makeError(ErrorKind::Corruption, "repetition levels skip a list element");
                if (idx == cur->children.size())
                    cur->children.emplace_back();
                cur = &cur->children[idx];
            }
            if (n.isLeaf()) {
                if (c.value >= d.numValues())
                    return makeError(ErrorKind::Corruption, "nested column has fewer values than levels");
                cur->kind = JNode::Value;
                cur->value.clear();
                appendValueJson(cur->value, c.fmt, d, c.value++);
                return Status::Ok();
            }
            if (cur->kind != JNode::Object) {
                if (cur->kind == JNode::Null)
                    return makeError(ErrorKind::Corruption, "levels of nested column disagree");
                cur->kind = JNode::Object;
                cur->children.resize(n.children.size());
            }
            cur = &cur->children[size_t(c.childPos[i])];
        }
        return Status::Ok();
    }

    void render(std::string& out, const JNode& j, int node, int depth = 0)
    {
        if (j.kind == JNode::Absent || j.kind == JNode::Null) {
            out += "null";
            return;
        }
        if (j.kind == JNode::Array) {
            out += '[';
            for (size_t k = 0; k < j.children.size(); ++k) {
                if (k)
                    out += ',';
                renderContent(out, j.children[k], node, depth);
            }
            out += ']';
            return;
        }
        renderContent(out, j, node, depth);
    }

private:
    // The value of one occurrence of node (an element, for repeated nodes).
    void renderContent(std::string& out, const JNode& j, int node, int depth)
    {
        const SchemaNode& n = m_s.nodes()[size_t(node)];
        if (j.kind == JNode::Value) {
            out += j.value;
            return;
        }
        if (j.kind != JNode::Object) {
            out += j.kind == JNode::Array ? "[]" : "null";
            return;
        }
        if (n.children.size() == 1 && (isList(n) || isMap(n))) {
            const int r = n.children[0];
            const SchemaNode& rn = m_s.nodes()[size_t(r)];
            const JNode& arr = j.children[0];
            if (isRepeated(rn) && isList(n)) {
                // Three-level list: the repeated group wraps the element,
                // unless it is a legacy two-level list of structs.
                const std::string& rname = rn.element.name;
                const bool tuple = rname.size() >= 6 && rname.compare(rname.size() - 6, 6, "_tuple") == 0;
                const bool wrapper = !rn.isLeaf() && rn.children.size() == 1 && rname != "array" && !tuple;
                out += '[';
                for (size_t k = 0; k < arr.children.size(); ++k) {
                    if (k)
                        out += ',';
                    const JNode& e = arr.children[k];
                    if (wrapper)
                        render(out, e.kind == JNode::Object ? e.children[0] : JNode{}, rn.children[0], depth + 1);
                    else
                        renderContent(out, e, r, depth + 1);
                }
                out += ']';
                return;
            }
            if (isRepeated(rn) && isMap(n) && rn.children.size() == 2) {
                out += '{';
                for (size_t k = 0; k < arr.children.size(); ++k) {
                    if (k)
                        out += ',';
                    const JNode& kv = arr.children[k];
                    std::string key;
                    if (kv.kind == JNode::Object)
                        render(key, kv.children[0], rn.children[0], depth + 1);
                    if (key.empty() || key.front() != '"') {
                        std::string quoted;
                        appendJsonString(quoted, key);
                        key = std::move(quoted);
                    }
                    out += key;
                    out += ':';
                    if (kv.kind == JNode::Object)
                        render(out, kv.children[1], rn.children[1], depth + 1);
                    else
                        out += "null";
                }
                out += '}';
                return;
            }
        }
        out += '{';
        for (size_t k = 0; k < n.children.size(); ++k) {
            if (k)
                out += ',';
            appendJsonString(out, m_s.nodes()[size_t(n.children[k])].element.name);
            out += ':';
            render(out, j.children[k], n.children[k], depth + 1);
        }
        out += '}';
    }

    const Schema& m_s;
};

} // namespace

Result<std::vector<std::optional<std::string>>> assembleNestedJson(const Schema& schema, int topField,
                                                                   const std::vector<const ColumnData*>& leaves,
                                                                   int64_t numRows)
{
    const std::vector<int> leafIdx = schema.leavesOfField(topField);
    if (leafIdx.size() != leaves.size())
        return makeError(ErrorKind::InvalidArgument, "nested field needs all of its leaf columns");
    const int top = schema.topFields()[size_t(topField)];
    std::vector<LeafCursor> cursors(leaves.size());
    for (size_t l = 0; l < leaves.size(); ++l) {
        const ColumnDescriptor& col = schema.columns()[size_t(leafIdx[l])];
        LeafCursor& c = cursors[l];
        c.data = leaves[l];
        for (int k = col.node; k != schema.nodes()[size_t(top)].parent; k = schema.nodes()[size_t(k)].parent)
            c.path.insert(c.path.begin(), k);
        for (size_t i = 0; i + 1 < c.path.size(); ++i) {
            const auto& ch = schema.nodes()[size_t(c.path[i])].children;
            c.childPos.push_back(int(std::find(ch.begin(), ch.end(), c.path[i + 1]) - ch.begin()));
        }
        c.childPos.push_back(0);
        c.fmt = valueFormatFor(schema.nodes()[size_t(col.node)].element, col.type);
        c.index.assign(size_t(col.maxRep) + 1, 0);
    }
    Assembler a(schema);
    std::vector<std::optional<std::string>> out;
    out.reserve(size_t(numRows));
    for (int64_t row = 0; row < numRows; ++row) {
        JNode root;
        for (LeafCursor& c : cursors) {
            const ColumnData& d = *c.data;
            // A row is the slot with repetition level 0 and every slot after it until the next.
            bool first = true;
            while (c.slot < size_t(d.numSlots) && (first || (d.maxRep && d.repLevels[c.slot] != 0))) {
                if (first && d.maxRep && d.repLevels[c.slot] != 0)
                    return makeError(ErrorKind::Corruption, "nested column row does not start at repetition level 0");
                LAKESIDE_RETURN_IF_ERROR(a.insert(c, root));
                ++c.slot;
                first = false;
            }
            if (first)
                return makeError(ErrorKind::Corruption, "nested column has fewer rows than its row group");
        }
        if (root.kind == JNode::Null || root.kind == JNode::Absent) {
            out.emplace_back(std::nullopt);
            continue;
        }
        std::string text;
        a.render(text, root, top);
        out.emplace_back(std::move(text));
    }
    return out;
}

} // namespace lakeside::parquet
