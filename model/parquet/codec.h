// SPDX-License-Identifier: Apache-2.0
#pragma once
// Page decompression with Debian's packaged codecs. Thread-safe.

#include "api/status.h"
#include "parquet/metadata.h"

#include <cstddef>
#include <cstdint>

namespace lakeside::parquet {

// Decompresses exactly dstSize bytes into dst. Fails with Corruption when the
// input is malformed or does not decompress to exactly dstSize bytes, and
// with NotImplemented for codecs Lakeside does not ship (LZO, BROTLI).
Status decompress(Codec codec, const uint8_t* src, size_t srcSize, uint8_t* dst, size_t dstSize);

} // namespace lakeside::parquet
