// SPDX-License-Identifier: Apache-2.0
#pragma once
// Content-addressed blob store of a workspace, shared by all its repositories:
// `objects/ab/cdef...` named by the SHA-256 of the content, so identical content
// is stored once. Blobs are written to `tmp/`, fsynced, then renamed into place,
// so a crash leaves either no blob or a complete one (never a partial file under
// its final name). Blobs are never modified or deleted by the engine.
//
// Addresses: "sha256:<hex>" for stored blobs, "file:///abs/path" for zero-copy
// imports (the file stays where it is; its size and checksum were recorded).
//
// Thread safety: all methods are safe to call concurrently from any thread and
// from several processes (rename is atomic; identical content renames onto an
// identical file).

#include "api/status.h"
#include "api/types.h"

#include <optional>
#include <string>

namespace lakeside::engine {

struct StoredBlob {
    std::string address;  // "sha256:<hex>"
    std::string checksum; // hex SHA-256 of the content
    int64_t size = 0;
};

// What a catalogue entry claims about its content; reads verify it.
struct BlobClaim {
    std::string address;
    std::string checksum;
    int64_t size = 0;
    int64_t mtime = 0;       // for file:// addresses: the file's mtime at import
    std::string displayPath; // the object path, for error messages
};

class ObjectStore {
public:
    explicit ObjectStore(std::string workspaceDir);

    // Creates objects/ and tmp/ if missing, and removes stale tmp files older
    // than an hour (left by killed writers).
    Status init();

    // Streams `source` into the store. Never holds the whole object in memory.
    Result<StoredBlob> put(const ByteSource& source, int64_t sizeHint, const OpContext& ctx);

    // Streams the content (or `range` of it) into `sink`. Stored blobs are hashed while
    // streaming a full read; a mismatch is Corruption naming claim.displayPath. A
    // file:// import whose size or mtime changed is re-hashed before any byte is sent,
    // so a changed file is reported instead of served.
    Status read(const BlobClaim& claim, const ByteSink& sink, const std::optional<ByteRange>& range,
                const OpContext& ctx) const;

    // Full verification (fsck): the content exists and hashes to claim.checksum.
    Status verify(const BlobClaim& claim) const;

    // Hashes a local file without copying it (zero-copy import).
    static Result<StoredBlob> hashFile(const std::string& path, const OpContext& ctx);

    std::string blobPath(const std::string& hex) const;

private:
    Result<std::string> localPathFor(const BlobClaim& claim) const;
    std::string m_dir;
};

} // namespace lakeside::engine
