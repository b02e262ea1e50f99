// SPDX-License-Identifier: Apache-2.0
#pragma once
// A ByteSourceFactory over a local file: each call opens the file afresh, so a
// TableSource can rewind by asking for a new stream.

#include "tabular/opentable.h"

#include <string>

namespace lakeside::tabular {

// The returned factory fails with NotFound (no such file) or Io (anything
// else), naming the path. The byte source it yields reads 1 MiB at a time and
// closes the file when destroyed.
ByteSourceFactory fileBytes(const std::string& path);

// Like fileBytes(), starting at a byte offset (for seeking sources).
using SeekableBytes = std::function<Result<ByteSource>(int64_t offset)>;
SeekableBytes fileBytesAt(const std::string& path);

} // namespace lakeside::tabular
