// SPDX-License-Identifier: Apache-2.0
#include "tabular/valueformat.h"

#include "tabular/datetimeformat.h"

#include <cstdint>
#include <cstring>

namespace lakeside::tabular {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

char lowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool equalsNoCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (lowerAscii(a[i]) != b[i])
            return false;
    }
    return true;
}

// Whether s is a number (integral: no point, no exponent); leading zeros
// ("007") make it an identifier instead.
bool isDecimal(std::string_view s, bool& integral)
{
    size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
        ++i;
    const size_t intStart = i;
    while (i < s.size() && isDigit(s[i]))
        ++i;
    const size_t intDigits = i - intStart;
    if (intDigits > 1 && s[intStart] == '0')
        return false; // leading zeros: an identifier, not a number
    size_t fracDigits = 0;
    integral = true;
    if (i < s.size() && s[i] == '.') {
        integral = false;
        ++i;
        const size_t fs = i;
        while (i < s.size() && isDigit(s[i]))
            ++i;
        fracDigits = i - fs;
    }
    if (intDigits + fracDigits == 0)
        return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        integral = false;
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-'))
            ++i;
        const size_t es = i;
        while (i < s.size() && isDigit(s[i]))
            ++i;
        if (i == es || i - es > 6)
            return false;
    }
    return i == s.size();
}

bool canonicalNumber(std::string_view s, std::string& out)
{
    bool integral;
    if (!isDecimal(s, integral))
        return false;
    // Digits without leading/trailing zeros, and the power of ten they are
    // scaled by: "948.240" -> 94824e-2. Built in a stack buffer: this runs
    // for every numeric cell of a diff.
    char digits[48];
    size_t nd = 0;
    size_t i = 0;
    bool neg = false;
    if (s[i] == '+' || s[i] == '-')
        neg = s[i++] == '-';
    int64_t exp = 0;
    int64_t pendingZeros = 0; // zeros seen after the last non-zero digit
    bool point = false;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '.') {
            point = true;
            continue;
        }
        if (!isDigit(c))
            break;
        if (point)
            --exp;
        if (c == '0') {
            if (nd > 0)
                ++pendingZeros;
            continue;
        }
        if (nd + static_cast<size_t>(pendingZeros) + 1 > sizeof digits)
            return false; // absurdly long: compare as text
        for (; pendingZeros > 0; --pendingZeros)
            digits[nd++] = '0';
        digits[nd++] = c;
    }
    exp += pendingZeros;
    if (i < s.size()) { // exponent
        ++i;
        bool eneg = false;
        if (s[i] == '+' || s[i] == '-')
            eneg = s[i++] == '-';
        int64_t e = 0;
        for (; i < s.size(); ++i)
            e = e * 10 + (s[i] - '0');
        exp += eneg ? -e : e;
    }
    if (nd == 0) {
        out.assign("0");
        return true;
    }
    char buf[80];
    size_t n = 0;
    if (neg)
        buf[n++] = '-';
    std::memcpy(buf + n, digits, nd);
    n += nd;
    buf[n++] = 'e';
    if (exp < 0) {
        buf[n++] = '-';
        exp = -exp;
    }
    char rev[24];
    size_t nr = 0;
    do {
        rev[nr++] = static_cast<char>('0' + exp % 10);
        exp /= 10;
    } while (exp > 0);
    while (nr > 0)
        buf[n++] = rev[--nr];
    out.assign(buf, n);
    return true;
}

} // namespace

bool isNullToken(std::string_view v)
{
    switch (v.size()) {
    case 0: return true;
    case 2: return v == "NA";
    case 3: return v == "N/A";
    case 4: return v == "NULL" || v == "null" || v == "Null" || v == "None";
    default: return false;
    }
}

ColumnType classifyValue(std::string_view v)
{
    if (isNullToken(v))
        return ColumnType::Unknown;
    const char c = v[0];
    if (isDigit(c) || c == '-' || c == '+' || c == '.') {
        if (detail::isCanonicalDate(v))
            return ColumnType::Date;
        bool integral;
        if (isDecimal(v, integral))
            return integral ? ColumnType::Integer : ColumnType::Decimal;
        if (v.size() >= 8 && isDigit(c)) {
            std::string scratch;
            if (detail::canonicalDate(v, scratch))
                return ColumnType::Date;
            if (detail::canonicalTimestamp(v, scratch))
                return ColumnType::Timestamp;
        }
        return ColumnType::Text;
    }
    if (equalsNoCase(v, "true") || equalsNoCase(v, "false"))
        return ColumnType::Boolean;
    return ColumnType::Text;
}

ColumnType unifyTypes(ColumnType a, ColumnType b)
{
    if (a == b)
        return a;
    if (a == ColumnType::Unknown)
        return b;
    if (b == ColumnType::Unknown)
        return a;
    auto isNum = [](ColumnType t) { return t == ColumnType::Integer || t == ColumnType::Decimal; };
    auto isTime = [](ColumnType t) { return t == ColumnType::Date || t == ColumnType::Timestamp; };
    if (isNum(a) && isNum(b))
        return ColumnType::Decimal;
    if (isTime(a) && isTime(b))
        return ColumnType::Timestamp;
    return ColumnType::Text;
}

bool canonicalValue(ColumnType type, std::string_view v, std::string& out)
{
    switch (type) {
    case ColumnType::Integer:
    case ColumnType::Decimal:
        return canonicalNumber(v, out);
    case ColumnType::Boolean:
        if (equalsNoCase(v, "true")) {
            out = "true";
            return true;
        }
        if (equalsNoCase(v, "false")) {
            out = "false";
            return true;
        }
        return false;
    case ColumnType::Date:
        return detail::canonicalDate(v, out);
    case ColumnType::Timestamp:
        return detail::canonicalTimestamp(v, out);
    case ColumnType::Unknown:
    case ColumnType::Text:
        return false;
    }
    return false;
}

} // namespace lakeside::tabular
