// SPDX-License-Identifier: Apache-2.0
#pragma once
// The decoded contents of one column chunk: its levels and its non-null
// values in the physical type's natural C++ form. Byte arrays (BYTE_ARRAY,
// FIXED_LEN_BYTE_ARRAY, INT96) are views into buffers that `owners` keeps
// alive (the mapped file or decompressed pages), so a ColumnData can be moved
// and shared freely. Immutable once returned; safe to read from many threads.

#include "parquet/metadata.h"

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace lakeside::parquet {

struct ColumnData {
    PhysicalType type = PhysicalType::Boolean;
    int16_t maxDef = 0, maxRep = 0;
    // One entry per level slot (a value or a null/empty marker). Empty when
    // the maximum level is 0, in which case every slot holds a value.
    std::vector<int16_t> defLevels, repLevels;
    int64_t numSlots = 0;

    // Non-null values, densely, in slot order; exactly one vector is used.
    std::vector<uint8_t> bools;
    std::vector<int32_t> i32;
    std::vector<int64_t> i64;
    std::vector<float> f32;
    std::vector<double> f64;
    std::vector<std::string_view> bytes;
    std::vector<std::shared_ptr<const void>> owners;

    size_t numValues() const
    {
        switch (type) {
        case PhysicalType::Boolean: return bools.size();
        case PhysicalType::Int32: return i32.size();
        case PhysicalType::Int64: return i64.size();
        case PhysicalType::Float: return f32.size();
        case PhysicalType::Double: return f64.size();
        default: return bytes.size();
        }
    }
    bool slotHasValue(int64_t slot) const
    {
        return maxDef == 0 || defLevels[size_t(slot)] == maxDef;
    }
};

} // namespace lakeside::parquet
