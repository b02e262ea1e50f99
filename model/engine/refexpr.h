// SPDX-License-Identifier: Apache-2.0
#pragma once
// Parsing of lakeFS ref expressions (REFERENCE.md §5.2): a base name followed by
// modifiers `~N` (first parent N times), `^N` (N-th parent, 1-based; ^0 = itself),
// `@` (branch committed state) and `$` (branch including staging). Pure; thread-safe.

#include "api/status.h"

#include <string>
#include <vector>

namespace lakeside::engine {

struct RefModifier {
    enum class Kind { Tilde, Caret };
    Kind kind = Kind::Tilde;
    int n = 1;
};

struct RefExpr {
    std::string base;
    std::vector<RefModifier> modifiers; // ~ and ^ in order
    bool committedOnly = false;         // trailing '@'
    bool staging = false;               // trailing '$'
};

// InvalidArgument for empty/whitespace refs, malformed numbers, or `@`/`$` that is
// not the sole modifier.
Result<RefExpr> parseRefExpr(const std::string& ref);

} // namespace lakeside::engine
