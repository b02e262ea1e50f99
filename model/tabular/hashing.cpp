// SPDX-License-Identifier: Apache-2.0
#include "tabular/hashing.h"

#include "tabular/valueformat.h"

namespace lakeside::tabular::detail {
namespace {

bool typed(ColumnType t)
{
    return t != ColumnType::Text && t != ColumnType::Unknown;
}

// The spelling that equality is decided on; null -> nullopt-like flag.
std::string_view comparable(const Cell& c, ColumnType type, bool normalize, std::string& scratch, bool& null)
{
    null = c.null;
    if (null)
        return {};
    if (normalize && typed(type)) {
        if (isNullToken(c.text)) {
            null = true;
            return {};
        }
        if (canonicalValue(type, c.text, scratch))
            return scratch;
    }
    return c.text;
}

// Hash of a number's value (sign, significant digits, power of ten) without
// building its canonical string; the same rules as canonicalValue(): equal
// canonical spellings <=> equal hashes. Returns false when the text is not a
// number (then it is compared as text, as canonicalValue() does) or has more
// than 19 significant digits (then the string path hashes it; which path is
// taken depends only on the value, so equal values always agree).
bool numberHash(std::string_view s, uint64_t& out)
{
    size_t i = 0;
    const size_t n = s.size();
    bool neg = false;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        neg = s[i++] == '-';
    uint64_t mant = 0;
    int sig = 0;
    int64_t exp = 0;
    int64_t zeros = 0; // zeros after the last significant digit
    const size_t intStart = i;
    auto digit = [&](char c, bool frac) {
        if (frac)
            --exp;
        if (c == '0') {
            if (sig > 0)
                ++zeros;
            return true;
        }
        for (; zeros > 0; --zeros) {
            mant *= 10;
            if (++sig > 19)
                return false;
        }
        mant = mant * 10 + static_cast<uint64_t>(c - '0');
        return ++sig <= 19;
    };
    while (i < n && s[i] >= '0' && s[i] <= '9') {
        if (!digit(s[i], false))
            return false;
        ++i;
    }
    const size_t intDigits = i - intStart;
    if (intDigits > 1 && s[intStart] == '0')
        return false;
    size_t fracDigits = 0;
    if (i < n && s[i] == '.') {
        ++i;
        const size_t fs = i;
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            if (!digit(s[i], true))
                return false;
            ++i;
        }
        fracDigits = i - fs;
    }
    if (intDigits + fracDigits == 0)
        return false;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        bool eneg = false;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            eneg = s[i++] == '-';
        const size_t es = i;
        int64_t e = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            e = e * 10 + (s[i++] - '0');
        if (i == es || i - es > 6)
            return false;
        exp += eneg ? -e : e;
    }
    if (i != n)
        return false;
    if (mant == 0) {
        out = finalize(0x243F6A8885A308D3ULL); // every spelling of zero
        return true;
    }
    exp += zeros;
    out = finalize((mant * 0x9E3779B97F4A7C15ULL) ^ (static_cast<uint64_t>(exp) * 0xC2B2AE3D27D4EB4FULL)
                   ^ (neg ? 0x5851F42D4C957F2DULL : 0));
    return true;
}

} // namespace

uint64_t cellHash(const Cell& c, ColumnType type, bool normalize, std::string& scratch)
{
    if (normalize && !c.null && (type == ColumnType::Integer || type == ColumnType::Decimal)) {
        uint64_t h;
        if (numberHash(c.text, h))
            return h;
    }
    bool null;
    const std::string_view v = comparable(c, type, normalize, scratch, null);
    return null ? kNullHash : hashBytes(v);
}

bool cellsEqual(const Cell& a, const Cell& b, ColumnType type, bool normalize)
{
    std::string sa, sb;
    bool na, nb;
    const std::string_view va = comparable(a, type, normalize, sa, na);
    const std::string_view vb = comparable(b, type, normalize, sb, nb);
    if (na || nb)
        return na == nb;
    return va == vb;
}

} // namespace lakeside::tabular::detail
