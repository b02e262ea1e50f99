// SPDX-License-Identifier: Apache-2.0
#include "remote/clientstore.h"
#include "remote/connectionconfig.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

namespace lakeside::remote {

namespace fs = std::filesystem;

namespace {

std::string defaultStateDir()
{
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return std::string(x) + "/lakeside/remote";
    const char* home = std::getenv("HOME");
    return std::string(home ? home : ".") + "/.local/share/lakeside/remote";
}

} // namespace

ClientStore::ClientStore(std::string stateDir, std::string endpoint)
    : m_file((stateDir.empty() ? defaultStateDir() : stateDir) + "/lakefs-client-state.json"),
      m_endpoint(normalizedApiBase(endpoint))
{
}

Result<Json> ClientStore::load() const
{
    std::error_code ec;
    if (!fs::exists(m_file, ec)) return Json::object();
    std::ifstream in(m_file, std::ios::binary);
    if (!in) return makeError(ErrorKind::Io, "cannot read " + m_file);
    std::stringstream ss;
    ss << in.rdbuf();
    Json j = Json::parse(ss.str(), nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return makeError(ErrorKind::Corruption, m_file + " is not valid JSON; move it away to start afresh");
    return j;
}

Status ClientStore::save(const Json& j)
{
    std::error_code ec;
    fs::create_directories(fs::path(m_file).parent_path(), ec);
    if (ec) return makeError(ErrorKind::Io, "cannot create " + fs::path(m_file).parent_path().string() + ": " + ec.message());
    // Unique per writer, so two stores (or processes) never share a temp file.
    static std::atomic<unsigned> counter{0};
    const std::string tmp = m_file + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(++counter);
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << j.dump(2);
        if (!out) return makeError(ErrorKind::Io, "cannot write " + tmp);
    }
    fs::rename(tmp, m_file, ec);
    if (ec) return makeError(ErrorKind::Io, "cannot replace " + m_file + ": " + ec.message());
    return Status();
}

Result<std::vector<Review>> ClientStore::reviews(const std::string& repo, const std::string& pullId) const
{
    std::lock_guard<std::mutex> g(m_mutex);
    LAKESIDE_ASSIGN_OR_RETURN(Json j, load());
    std::vector<Review> out;
    const Json& node = j.value("/reviews"_json_pointer / m_endpoint / repo / pullId, Json::array());
    for (const Json& r : node) out.push_back(r.get<Review>());
    return out;
}

Status ClientStore::addReview(const std::string& repo, const std::string& pullId, const Review& review)
{
    std::lock_guard<std::mutex> g(m_mutex);
    LAKESIDE_ASSIGN_OR_RETURN(Json j, load());
    Json& list = j["reviews"][m_endpoint][repo][pullId];
    if (!list.is_array()) list = Json::array();
    list.push_back(review);
    return save(j);
}

Result<std::map<std::string, int>> ClientStore::requiredApprovals(const std::string& repo) const
{
    std::lock_guard<std::mutex> g(m_mutex);
    LAKESIDE_ASSIGN_OR_RETURN(Json j, load());
    std::map<std::string, int> out;
    const Json& node = j.value("/approvals"_json_pointer / m_endpoint / repo, Json::object());
    for (auto& [k, v] : node.items())
        if (v.is_number_integer()) out[k] = v.get<int>();
    return out;
}

Status ClientStore::setRequiredApprovals(const std::string& repo, const std::map<std::string, int>& approvals)
{
    std::lock_guard<std::mutex> g(m_mutex);
    LAKESIDE_ASSIGN_OR_RETURN(Json j, load());
    j["approvals"][m_endpoint][repo] = approvals;
    return save(j);
}

} // namespace lakeside::remote
