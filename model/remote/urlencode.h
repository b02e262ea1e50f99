// SPDX-License-Identifier: Apache-2.0
#pragma once
// Percent-encoding for path segments and query strings (RFC 3986). Refs,
// branch names and object paths may hold any byte lakeFS allows, so every
// piece of a URL that comes from a caller goes through here.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lakeside::remote {

using QueryParams = std::vector<std::pair<std::string, std::string>>;

// Encodes everything except the unreserved set A-Z a-z 0-9 - . _ ~
std::string percentEncode(std::string_view s);
// "a=1&b=x%2Fy"; pairs in the given order (repeated keys allowed).
std::string encodeQuery(const QueryParams& params);

} // namespace lakeside::remote
