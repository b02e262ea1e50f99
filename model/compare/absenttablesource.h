// SPDX-License-Identifier: Apache-2.0
#pragma once
// The missing side of a table that was added or removed between two refs: a
// table with no columns and no rows. Diffing against it shows every column
// as added (or removed) and every row as added (or removed), so a one-sided
// table opens in the table diff like any other.
//
// Thread safety: as any TableSource, one thread at a time.

#include "tabular/tablesource.h"

#include <string>

namespace lakeside::compare {

class AbsentTableSource : public tabular::TableSource {
public:
    explicit AbsentTableSource(std::string name) : m_name(std::move(name)) {}

    const std::string& name() const override { return m_name; }
    const tabular::Schema& schema() const override { return m_schema; }
    Result<bool> next(tabular::Row&) override { return false; }
    std::optional<int64_t> rowCountHint() const override { return 0; }
    Status rewind() override { return Status(); }

private:
    std::string m_name;
    tabular::Schema m_schema;
};

} // namespace lakeside::compare
