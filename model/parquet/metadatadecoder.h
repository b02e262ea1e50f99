// SPDX-License-Identifier: Apache-2.0
#pragma once
// Decodes the Thrift-encoded footer and page headers. Unknown fields are
// skipped (forward compatible); malformed input yields an error that says
// which structure and byte went wrong. Thread-safe (pure functions).

#include "api/status.h"
#include "parquet/metadata.h"

#include <cstddef>
#include <cstdint>

namespace lakeside::parquet {

Result<FileMetaData> decodeFileMetaData(const uint8_t* data, size_t size);

// Decodes one page header from the front of [data, data + size) and sets
// *headerSize to the bytes it took.
Result<PageHeader> decodePageHeader(const uint8_t* data, size_t size, size_t* headerSize);

} // namespace lakeside::parquet
