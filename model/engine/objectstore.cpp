// SPDX-License-Identifier: Apache-2.0
#include "objectstore.h"

#include "sha256.h"

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <random>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace lakeside::engine {
namespace {

constexpr size_t kChunk = 1 << 16;

Error ioError(const std::string& what)
{
    return makeError(ErrorKind::Io, what + ": " + std::strerror(errno));
}

// Closes the descriptor on scope exit.
struct Fd {
    int fd = -1;
    ~Fd() { if (fd >= 0) ::close(fd); }
};

Status fsyncDir(const std::string& dir)
{
    Fd d{::open(dir.c_str(), O_RDONLY | O_DIRECTORY)};
    if (d.fd < 0) return ioError("cannot open directory '" + dir + "'");
    if (::fsync(d.fd) != 0) return ioError("cannot sync directory '" + dir + "'");
    return {};
}

Status writeAll(int fd, const char* p, size_t n, const std::string& path)
{
    while (n > 0) {
        const ssize_t w = ::write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            return ioError("cannot write '" + path + "'");
        }
        p += w;
        n -= static_cast<size_t>(w);
    }
    return {};
}

std::string uniqueTmpName()
{
    static std::atomic<uint64_t> counter{0};
    thread_local std::mt19937_64 rng{std::random_device{}()};
    return std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" + std::to_string(rng()) + ".part";
}

std::string corruption(const BlobClaim& c, const std::string& why)
{
    return "object '" + c.displayPath + "' is corrupt or changed on disk (" + c.address + "): " + why;
}

} // namespace

ObjectStore::ObjectStore(std::string workspaceDir) : m_dir(std::move(workspaceDir)) {}

std::string ObjectStore::blobPath(const std::string& hex) const
{
    return m_dir + "/objects/" + hex.substr(0, 2) + "/" + hex.substr(2);
}

Status ObjectStore::init()
{
    std::error_code ec;
    fs::create_directories(m_dir + "/objects", ec);
    if (ec) return makeError(ErrorKind::Io, "cannot create '" + m_dir + "/objects': " + ec.message());
    fs::create_directories(m_dir + "/tmp", ec);
    if (ec) return makeError(ErrorKind::Io, "cannot create '" + m_dir + "/tmp': " + ec.message());
    // A killed writer leaves a partial file in tmp/; it was never renamed, so it is
    // garbage. Only old ones are removed: a live writer in another process may own a new one.
    const auto cutoff = fs::file_time_type::clock::now() - std::chrono::hours(1);
    for (const auto& e : fs::directory_iterator(m_dir + "/tmp", ec)) {
        std::error_code ec2;
        if (e.last_write_time(ec2) < cutoff && !ec2) fs::remove(e.path(), ec2);
    }
    return {};
}

Result<StoredBlob> ObjectStore::put(const ByteSource& source, int64_t sizeHint, const OpContext& ctx)
{
    const std::string tmp = m_dir + "/tmp/" + uniqueTmpName();
    Fd f{::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644)};
    if (f.fd < 0) return ioError("cannot create temporary file '" + tmp + "'");
    auto fail = [&](Error e) -> Result<StoredBlob> {
        ::unlink(tmp.c_str());
        return e;
    };
    Sha256 h;
    std::vector<char> buf(kChunk);
    int64_t total = 0;
    for (;;) {
        if (ctx.isCancelled()) return fail(makeError(ErrorKind::Cancelled, "upload cancelled"));
        const int64_t n = source(buf.data(), static_cast<int64_t>(buf.size()));
        if (n < 0) return fail(makeError(ErrorKind::Io, "the upload source failed while reading"));
        if (n == 0) break;
        h.update(buf.data(), static_cast<size_t>(n));
        Status st = writeAll(f.fd, buf.data(), static_cast<size_t>(n), tmp);
        if (!st.ok()) return fail(st.error());
        total += n;
        ctx.report(total, sizeHint);
    }
    if (::fsync(f.fd) != 0) return fail(ioError("cannot sync '" + tmp + "'"));
    ::close(f.fd);
    f.fd = -1;

    StoredBlob out;
    out.checksum = h.finishHex();
    out.address = "sha256:" + out.checksum;
    out.size = total;
    const std::string finalPath = blobPath(out.checksum);
    const std::string dir = finalPath.substr(0, finalPath.rfind('/'));
    struct stat st{};
    if (::stat(finalPath.c_str(), &st) == 0 && st.st_size == total) {
        ::unlink(tmp.c_str()); // already stored: identical content is kept once
        return out;
    }
    if (::mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST)
        return fail(ioError("cannot create '" + dir + "'"));
    if (::rename(tmp.c_str(), finalPath.c_str()) != 0) return fail(ioError("cannot store blob '" + finalPath + "'"));
    LAKESIDE_RETURN_IF_ERROR(fsyncDir(dir));
    return out;
}

Result<std::string> ObjectStore::localPathFor(const BlobClaim& claim) const
{
    const std::string& a = claim.address;
    if (a.rfind("sha256:", 0) == 0 && a.size() == 7 + 64) return blobPath(a.substr(7));
    if (a.rfind("file://", 0) == 0) return a.substr(7);
    return makeError(ErrorKind::Corruption,
                     "object '" + claim.displayPath + "' has an unsupported address '" + a + "'");
}

Result<StoredBlob> ObjectStore::hashFile(const std::string& path, const OpContext& ctx)
{
    Fd f{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
    if (f.fd < 0) {
        if (errno == ENOENT) return makeError(ErrorKind::NotFound, "file '" + path + "' does not exist");
        return ioError("cannot open '" + path + "'");
    }
    Sha256 h;
    std::vector<char> buf(kChunk);
    int64_t total = 0;
    for (;;) {
        if (ctx.isCancelled()) return makeError(ErrorKind::Cancelled, "cancelled while reading '" + path + "'");
        const ssize_t n = ::read(f.fd, buf.data(), buf.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return ioError("cannot read '" + path + "'");
        }
        if (n == 0) break;
        h.update(buf.data(), static_cast<size_t>(n));
        total += n;
    }
    StoredBlob out;
    out.checksum = h.finishHex();
    out.address = "file://" + path;
    out.size = total;
    return out;
}

Status ObjectStore::verify(const BlobClaim& claim) const
{
    LAKESIDE_ASSIGN_OR_RETURN(std::string path, localPathFor(claim));
    Result<StoredBlob> r = hashFile(path, {});
    if (!r.ok()) {
        if (r.error().kind == ErrorKind::NotFound)
            return makeError(ErrorKind::Corruption, corruption(claim, "content file '" + path + "' is missing"));
        return r.error();
    }
    if (r->size != claim.size)
        return makeError(ErrorKind::Corruption, corruption(claim, "size is " + std::to_string(r->size) +
                                                                      ", expected " + std::to_string(claim.size)));
    if (r->checksum != claim.checksum)
        return makeError(ErrorKind::Corruption, corruption(claim, "content hash does not match its checksum"));
    return {};
}

Status ObjectStore::read(const BlobClaim& claim, const ByteSink& sink, const std::optional<ByteRange>& range,
                         const OpContext& ctx) const
{
    LAKESIDE_ASSIGN_OR_RETURN(std::string path, localPathFor(claim));
    const bool imported = claim.address.rfind("file://", 0) == 0;
    Fd f{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
    if (f.fd < 0)
        return makeError(ErrorKind::Corruption, corruption(claim, std::string("cannot open '") + path +
                                                                      "': " + std::strerror(errno)));
    struct stat st{};
    if (::fstat(f.fd, &st) != 0) return ioError("cannot stat '" + path + "'");
    if (st.st_size != claim.size)
        return makeError(ErrorKind::Corruption,
                         corruption(claim, "size is " + std::to_string(st.st_size) + ", expected " +
                                               std::to_string(claim.size)));
    if (imported && st.st_mtim.tv_sec != claim.mtime) {
        // Modified since import: serve it only if the content is still the same.
        LAKESIDE_RETURN_IF_ERROR(verify(claim));
    }

    int64_t first = 0;
    int64_t last = claim.size - 1;
    if (range) {
        if (range->first < 0 || range->first >= claim.size ||
            (range->last && *range->last < range->first))
            return makeError(ErrorKind::RangeNotSatisfiable,
                             "range " + std::to_string(range->first) + "-" +
                                 (range->last ? std::to_string(*range->last) : std::string()) +
                                 " is outside object '" + claim.displayPath + "' of " +
                                 std::to_string(claim.size) + " bytes");
        first = range->first;
        if (range->last && *range->last < last) last = *range->last;
    }
    const bool full = first == 0 && last == claim.size - 1;
    Sha256 h;
    std::vector<char> buf(kChunk);
    int64_t pos = first;
    while (pos <= last) {
        if (ctx.isCancelled()) return makeError(ErrorKind::Cancelled, "download of '" + claim.displayPath + "' cancelled");
        const size_t want = static_cast<size_t>(std::min<int64_t>(static_cast<int64_t>(buf.size()), last - pos + 1));
        const ssize_t n = ::pread(f.fd, buf.data(), want, pos);
        if (n < 0) {
            if (errno == EINTR) continue;
            return ioError("cannot read '" + path + "'");
        }
        if (n == 0) return makeError(ErrorKind::Corruption, corruption(claim, "file is shorter than recorded"));
        if (full) h.update(buf.data(), static_cast<size_t>(n));
        if (!sink(buf.data(), n)) return makeError(ErrorKind::Cancelled, "download of '" + claim.displayPath + "' stopped by the receiver");
        pos += n;
        ctx.report(pos - first, last - first + 1);
    }
    if (full && h.finishHex() != claim.checksum)
        return makeError(ErrorKind::Corruption, corruption(claim, "content hash does not match its checksum"));
    return {};
}

} // namespace lakeside::engine
