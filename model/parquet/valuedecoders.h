// SPDX-License-Identifier: Apache-2.0
#pragma once
// Decoders for the value encodings of a data or dictionary page. Each
// appends exactly `count` values of the column's physical type to `out`
// (see ColumnData) or returns a Corruption error saying what is wrong.
// `owner` keeps `data` alive for byte-array views. Thread-safe.

#include "api/status.h"
#include "parquet/columndata.h"

#include <cstddef>
#include <cstdint>
#include <memory>

namespace lakeside::parquet {

struct ValueSpan {
    const uint8_t* data = nullptr;
    size_t size = 0;
    std::shared_ptr<const void> owner;
};

Status decodePlain(const ValueSpan& in, size_t count, int32_t typeLength, ColumnData& out);
Status decodeRleBooleans(const ValueSpan& in, size_t count, ColumnData& out);
Status decodeDeltaBinaryPacked(const ValueSpan& in, size_t count, ColumnData& out);
Status decodeDeltaLengthByteArray(const ValueSpan& in, size_t count, ColumnData& out);
Status decodeDeltaByteArray(const ValueSpan& in, size_t count, ColumnData& out);
Status decodeByteStreamSplit(const ValueSpan& in, size_t count, int32_t typeLength, ColumnData& out);
// Dictionary indices (bit width byte + RLE hybrid) looked up in `dict`.
Status decodeDictionaryIndices(const ValueSpan& in, size_t count, const ColumnData& dict, ColumnData& out);

} // namespace lakeside::parquet
