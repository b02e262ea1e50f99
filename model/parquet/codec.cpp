// SPDX-License-Identifier: Apache-2.0
#include "parquet/codec.h"

#include <cstring>
#include <limits>
#include <lz4.h>
#include <snappy-c.h>
#include <zlib.h>
#include <zstd.h>

namespace lakeside::parquet {

namespace {

Error corrupt(Codec c, const std::string& why)
{
    return makeError(ErrorKind::Corruption, std::string(codecName(c)) + " data " + why);
}

Status gunzip(const uint8_t* src, size_t srcSize, uint8_t* dst, size_t dstSize)
{
    if (srcSize > std::numeric_limits<uInt>::max() || dstSize > std::numeric_limits<uInt>::max())
        return makeError(ErrorKind::NotImplemented, "GZIP pages over 4 GiB are not supported");
    z_stream zs;
    std::memset(&zs, 0, sizeof zs);
    if (inflateInit2(&zs, 15 + 32) != Z_OK) // 32: accept gzip and zlib headers
        return makeError(ErrorKind::Internal, "zlib failed to initialise");
    zs.next_in = const_cast<Bytef*>(src);
    zs.avail_in = uInt(srcSize);
    zs.next_out = dst;
    zs.avail_out = uInt(dstSize);
    int rc = Z_OK;
    while (true) {
        rc = inflate(&zs, Z_FINISH);
        // Concatenated gzip members: start the next one if input remains.
        if (rc == Z_STREAM_END && zs.avail_in > 0 && zs.avail_out > 0) {
            if (inflateReset(&zs) != Z_OK)
                break;
            continue;
        }
        break;
    }
    const size_t produced = dstSize - zs.avail_out;
    inflateEnd(&zs);
    if (rc != Z_STREAM_END)
        return corrupt(Codec::Gzip, rc == Z_BUF_ERROR && produced == dstSize
                                        ? "is longer than the page's stated size"
                                        : "is malformed or truncated");
    if (produced != dstSize)
        return corrupt(Codec::Gzip, "decompressed to " + std::to_string(produced)
                                        + " bytes, the page header says " + std::to_string(dstSize));
    return Status::Ok();
}

} // namespace

Status decompress(Codec codec, const uint8_t* src, size_t srcSize, uint8_t* dst, size_t dstSize)
{
    switch (codec) {
    case Codec::Uncompressed:
        if (srcSize != dstSize)
            return corrupt(codec, "has " + std::to_string(srcSize) + " bytes, the page header says "
                                      + std::to_string(dstSize));
        if (dstSize)
            std::memcpy(dst, src, dstSize);
        return Status::Ok();
    case Codec::Snappy: {
        size_t len = 0;
        if (snappy_uncompressed_length(reinterpret_cast<const char*>(src), srcSize, &len) != SNAPPY_OK)
            return corrupt(codec, "has a malformed length header");
        if (len != dstSize)
            return corrupt(codec, "decompresses to " + std::to_string(len)
                                      + " bytes, the page header says " + std::to_string(dstSize));
        if (snappy_uncompress(reinterpret_cast<const char*>(src), srcSize,
                              reinterpret_cast<char*>(dst), &len) != SNAPPY_OK || len != dstSize)
            return corrupt(codec, "is malformed");
        return Status::Ok();
    }
    case Codec::Gzip:
        return gunzip(src, srcSize, dst, dstSize);
    case Codec::Zstd: {
        const size_t n = ZSTD_decompress(dst, dstSize, src, srcSize);
        if (ZSTD_isError(n))
            return corrupt(codec, std::string("is malformed (") + ZSTD_getErrorName(n) + ")");
        if (n != dstSize)
            return corrupt(codec, "decompressed to " + std::to_string(n)
                                      + " bytes, the page header says " + std::to_string(dstSize));
        return Status::Ok();
    }
    case Codec::Lz4Raw:
    case Codec::Lz4: {
        if (srcSize > size_t(std::numeric_limits<int>::max()) || dstSize > size_t(std::numeric_limits<int>::max()))
            return makeError(ErrorKind::NotImplemented, "LZ4 pages over 2 GiB are not supported");
        const uint8_t* s = src;
        size_t sn = srcSize;
        // Legacy LZ4 is Hadoop's framing: big-endian decompressed and
        // compressed sizes before one block. Older writers used raw blocks.
        if (codec == Codec::Lz4 && sn >= 8) {
            auto be32 = [](const uint8_t* p) { return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | p[3]; };
            if (be32(s) == dstSize && be32(s + 4) == sn - 8) {
                s += 8;
                sn -= 8;
            }
        }
        const int n = LZ4_decompress_safe(reinterpret_cast<const char*>(s), reinterpret_cast<char*>(dst),
                                          int(sn), int(dstSize));
        if (n < 0)
            return corrupt(codec, "is malformed");
        if (size_t(n) != dstSize)
            return corrupt(codec, "decompressed to " + std::to_string(n)
                                      + " bytes, the page header says " + std::to_string(dstSize));
        return Status::Ok();
    }
    case Codec::Lzo:
    case Codec::Brotli:
        return makeError(ErrorKind::NotImplemented,
                         std::string("compression codec ") + codecName(codec) + " is not supported");
    }
    return makeError(ErrorKind::NotImplemented,
                     "compression codec " + std::to_string(int(codec)) + " is unknown");
}

} // namespace lakeside::parquet
