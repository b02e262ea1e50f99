// SPDX-License-Identifier: Apache-2.0
#include "refexpr.h"

#include "api/names.h"

#include <cctype>

namespace lakeside::engine {

Result<RefExpr> parseRefExpr(const std::string& ref)
{
    LAKESIDE_RETURN_IF_ERROR(validateRef(ref));
    RefExpr out;
    const size_t cut = ref.find_first_of("~^@$");
    out.base = ref.substr(0, cut);
    auto bad = [&](const std::string& why) {
        return makeError(ErrorKind::InvalidArgument, "invalid ref '" + ref + "': " + why);
    };
    if (out.base.empty()) return bad("it names no branch, tag or commit before the modifier");
    size_t i = cut;
    while (i != std::string::npos && i < ref.size()) {
        const char c = ref[i++];
        if (c == '@' || c == '$') {
            if (i != ref.size() || !out.modifiers.empty() || out.committedOnly || out.staging)
                return bad(std::string("'") + c + "' must be the only modifier, directly after a branch name");
            (c == '@' ? out.committedOnly : out.staging) = true;
            break;
        }
        size_t j = i;
        while (j < ref.size() && std::isdigit(static_cast<unsigned char>(ref[j]))) ++j;
        int n = 1;
        if (j > i) {
            if (j - i > 6) return bad("modifier number is too large");
            n = std::stoi(ref.substr(i, j - i));
        }
        if (j < ref.size() && ref.find_first_of("~^@$", j) != j)
            return bad("unexpected '" + ref.substr(j, 1) + "' after a modifier");
        out.modifiers.push_back({c == '~' ? RefModifier::Kind::Tilde : RefModifier::Kind::Caret, n});
        i = j;
    }
    return out;
}

} // namespace lakeside::engine
