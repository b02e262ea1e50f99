// SPDX-License-Identifier: Apache-2.0
#include "commitid.h"

#include "sha256.h"

namespace lakeside::engine {
namespace {

// The typed encoding of lakeFS's pkg/ident: a type tag byte, then the payload.
class IdentWriter {
public:
    explicit IdentWriter(Sha256& h) : m_h(h) {}

    void int64(int64_t v)
    {
        unsigned char buf[10];
        buf[0] = 2;
        buf[1] = 8;
        const auto u = static_cast<uint64_t>(v);
        for (int i = 0; i < 8; ++i) buf[2 + i] = static_cast<unsigned char>(u >> (56 - 8 * i));
        m_h.update(buf, sizeof buf);
    }
    void bytes(std::string_view b) { tagged(0, b); }
    void string(std::string_view s) { tagged(1, s); }
    void stringSlice(const std::vector<std::string>& v)
    {
        tag(3);
        int64(static_cast<int64_t>(v.size()));
        for (const std::string& s : v) string(s);
    }
    void stringMap(const Metadata& m) // std::map iterates in sorted key order
    {
        tag(4);
        int64(static_cast<int64_t>(m.size()));
        for (const auto& [k, v] : m) {
            string(k);
            string(v);
        }
    }
    void identity(std::string_view raw)
    {
        tag(5);
        bytes(raw);
    }

private:
    void tag(unsigned char t) { m_h.update(&t, 1); }
    void tagged(unsigned char t, std::string_view payload)
    {
        tag(t);
        int64(static_cast<int64_t>(payload.size()));
        m_h.update(payload);
    }
    Sha256& m_h;
};

} // namespace

std::string computeCommitId(const Commit& c)
{
    Sha256 parentsHash;
    IdentWriter(parentsHash).stringSlice(c.parents);
    const std::string parentsIdentity = parentsHash.finishRaw();

    Sha256 h;
    IdentWriter w(h);
    w.string("commit:v1");
    w.string(c.committer);
    w.string(c.message);
    w.string(c.meta_range_id);
    w.int64(c.creation_date);
    w.stringMap(c.metadata);
    w.identity(parentsIdentity);
    return h.finishHex();
}

} // namespace lakeside::engine
