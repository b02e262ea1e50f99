// SPDX-License-Identifier: Apache-2.0
#include "remote/urlencode.h"
#include "remote/connectionconfig.h"

namespace lakeside::remote {

std::string percentEncode(std::string_view s)
{
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size());
    for (unsigned char c : s) {
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
            || c == '-' || c == '.' || c == '_' || c == '~';
        if (unreserved) {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 0xF]);
        }
    }
    return out;
}

std::string encodeQuery(const QueryParams& params)
{
    std::string out;
    for (const auto& [k, v] : params) {
        if (!out.empty()) out.push_back('&');
        out += percentEncode(k);
        out.push_back('=');
        out += percentEncode(v);
    }
    return out;
}

std::string normalizedApiBase(const std::string& endpoint)
{
    std::string base = endpoint;
    while (!base.empty() && (base.back() == '/' || base.back() == ' ')) base.pop_back();
    const std::string suffix = "/api/v1";
    if (base.size() < suffix.size() || base.compare(base.size() - suffix.size(), suffix.size(), suffix) != 0)
        base += suffix;
    return base;
}

} // namespace lakeside::remote
