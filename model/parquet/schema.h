// SPDX-License-Identifier: Apache-2.0
#pragma once
// The schema tree of a Parquet file, rebuilt from the footer's flattened
// depth-first list, with each leaf column's definition and repetition levels.
// A Schema is an immutable value; safe to share between threads once built.

#include "api/status.h"
#include "parquet/metadata.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lakeside::parquet {

struct SchemaNode {
    SchemaElement element;
    int parent = -1;           // index into Schema::nodes(); -1 for the root
    std::vector<int> children; // indices into Schema::nodes()
    int16_t defLevel = 0;      // definition level at which this node is present
    int16_t repLevel = 0;      // repetition level of this node
    int leaf = -1;             // column index if this node is a leaf
    bool isLeaf() const { return element.numChildren == 0 && parent >= 0; }
};

// One leaf column ("column chunk" in every row group).
struct ColumnDescriptor {
    int index = 0;                 // position among the leaves
    int node = 0;                  // index into Schema::nodes()
    int topField = 0;              // index into Schema::topFields()
    std::string path;              // dotted path, e.g. "address.city"
    std::vector<std::string> pathParts;
    PhysicalType type = PhysicalType::Boolean;
    int32_t typeLength = 0;        // FIXED_LEN_BYTE_ARRAY width
    int16_t maxDef = 0, maxRep = 0;
};

class Schema {
public:
    // Fails with Corruption when the element list does not form a tree
    // (child counts running past the list, leaves without a type, ...).
    static Result<Schema> build(const std::vector<SchemaElement>& elements);

    const std::vector<SchemaNode>& nodes() const { return m_nodes; }
    const std::vector<ColumnDescriptor>& columns() const { return m_columns; }
    // Node indices of the root's children: the table's columns as a user sees them.
    const std::vector<int>& topFields() const { return m_topFields; }
    // True if the top-level field is one primitive, non-repeated leaf.
    bool isFlatField(int topField) const;
    // Leaf column indices under a top-level field, in file order.
    std::vector<int> leavesOfField(int topField) const;
    // Column index by dotted path, or -1.
    int findColumn(const std::string& path) const;

private:
    std::vector<SchemaNode> m_nodes;
    std::vector<ColumnDescriptor> m_columns;
    std::vector<int> m_topFields;
};

} // namespace lakeside::parquet
