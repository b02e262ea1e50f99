// SPDX-License-Identifier: Apache-2.0
#include "tabular/valueformat.h"

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

// Reads 1..maxDigits digits at s[i]; returns -1 when there are none.
int readNumber(std::string_view s, size_t& i, int minDigits, int maxDigits)
{
    int v = 0;
    int n = 0;
    while (i < s.size() && isDigit(s[i]) && n < maxDigits) {
        v = v * 10 + (s[i] - '0');
        ++i;
        ++n;
    }
    if (n < minDigits || (i < s.size() && isDigit(s[i])))
        return -1;
    return v;
}

bool leapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int daysInMonth(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leapYear(y) ? 29 : days[m - 1];
}

struct DateParts {
    int y = 0, m = 0, d = 0;
};

bool parseDate(std::string_view s, size_t& i, DateParts& out)
{
    out.y = readNumber(s, i, 4, 4);
    if (out.y < 0 || i >= s.size() || s[i] != '-')
        return false;
    ++i;
    out.m = readNumber(s, i, 1, 2);
    if (out.m < 1 || out.m > 12 || i >= s.size() || s[i] != '-')
        return false;
    ++i;
    out.d = readNumber(s, i, 1, 2);
    return out.d >= 1 && out.d <= daysInMonth(out.y, out.m);
}

struct TimeParts {
    int h = 0, mi = 0, sec = 0;
    std::string_view fraction; // digits after the point, trailing zeros kept
    bool hasOffset = false;
    int offsetMinutes = 0;
};

bool parseTime(std::string_view s, size_t& i, TimeParts& out)
{
    out.h = readNumber(s, i, 1, 2);
    if (out.h < 0 || out.h > 23 || i >= s.size() || s[i] != ':')
        return false;
    ++i;
    out.mi = readNumber(s, i, 2, 2);
    if (out.mi < 0 || out.mi > 59)
        return false;
    if (i < s.size() && s[i] == ':') {
        ++i;
        out.sec = readNumber(s, i, 2, 2);
        if (out.sec < 0 || out.sec > 60)
            return false;
        if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
            const size_t start = ++i;
            while (i < s.size() && isDigit(s[i]))
                ++i;
            if (i == start)
                return false;
            out.fraction = s.substr(start, i - start);
        }
    }
    if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
        out.hasOffset = true;
        ++i;
    } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        const int sign = s[i] == '-' ? -1 : 1;
        ++i;
        const int oh = readNumber(s, i, 2, 2);
        if (oh < 0 || oh > 23)
            return false;
        int om = 0;
        if (i < s.size() && s[i] == ':')
            ++i;
        if (i < s.size()) {
            om = readNumber(s, i, 2, 2);
            if (om < 0 || om > 59)
                return false;
        }
        out.hasOffset = true;
        out.offsetMinutes = sign * (oh * 60 + om);
    }
    return i == s.size();
}

// Days since 1970-01-01 in the proleptic Gregorian calendar, and back.
int64_t daysFromCivil(int y, int m, int d)
{
    y -= m <= 2 ? 1 : 0;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;
    const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

DateParts civilFromDays(int64_t z)
{
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    DateParts p;
    p.d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    p.m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    p.y = static_cast<int>(yoe + era * 400 + (p.m <= 2 ? 1 : 0));
    return p;
}

void append2(std::string& out, int v)
{
    out.push_back(static_cast<char>('0' + v / 10));
    out.push_back(static_cast<char>('0' + v % 10));
}

void appendDate(std::string& out, const DateParts& d)
{
    out += std::to_string(d.y);
    out.push_back('-');
    append2(out, d.m);
    out.push_back('-');
    append2(out, d.d);
}

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

// "YYYY-MM-DD" already in canonical form (the common case): no rebuild.
bool isCanonicalDate(std::string_view v)
{
    if (v.size() != 10 || v[4] != '-' || v[7] != '-')
        return false;
    for (size_t k : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (!isDigit(v[k]))
            return false;
    }
    const int y = (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0');
    const int m = (v[5] - '0') * 10 + (v[6] - '0');
    const int d = (v[8] - '0') * 10 + (v[9] - '0');
    return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

bool canonicalTimestamp(std::string_view s, std::string& out)
{
    size_t i = 0;
    DateParts d;
    if (!parseDate(s, i, d))
        return false;
    TimeParts t;
    if (i < s.size()) {
        if (s[i] != 'T' && s[i] != 't' && s[i] != ' ')
            return false;
        ++i;
        if (!parseTime(s, i, t))
            return false;
    }
    if (t.hasOffset && t.offsetMinutes != 0) {
        int64_t minutes = daysFromCivil(d.y, d.m, d.d) * 1440 + t.h * 60 + t.mi - t.offsetMinutes;
        const int64_t days = minutes >= 0 ? minutes / 1440 : -((-minutes + 1439) / 1440);
        minutes -= days * 1440;
        d = civilFromDays(days);
        t.h = static_cast<int>(minutes / 60);
        t.mi = static_cast<int>(minutes % 60);
    }
    out.clear();
    appendDate(out, d);
    out.push_back('T');
    append2(out, t.h);
    out.push_back(':');
    append2(out, t.mi);
    out.push_back(':');
    append2(out, t.sec);
    std::string_view frac = t.fraction;
    while (!frac.empty() && frac.back() == '0')
        frac.remove_suffix(1);
    if (!frac.empty()) {
        out.push_back('.');
        out.append(frac);
    }
    if (t.hasOffset)
        out.push_back('Z');
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
        if (isCanonicalDate(v))
            return ColumnType::Date;
        bool integral;
        if (isDecimal(v, integral))
            return integral ? ColumnType::Integer : ColumnType::Decimal;
        if (v.size() >= 8 && isDigit(c)) {
            size_t i = 0;
            DateParts d;
            if (parseDate(v, i, d)) {
                if (i == v.size())
                    return ColumnType::Date;
                std::string scratch;
                if (canonicalTimestamp(v, scratch))
                    return ColumnType::Timestamp;
            }
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
    case ColumnType::Date: {
        if (isCanonicalDate(v)) {
            out.assign(v);
            return true;
        }
        size_t i = 0;
        DateParts d;
        if (!parseDate(v, i, d) || i != v.size())
            return false;
        out.clear();
        appendDate(out, d);
        return true;
    }
    case ColumnType::Timestamp:
        return canonicalTimestamp(v, out);
    case ColumnType::Unknown:
    case ColumnType::Text:
        return false;
    }
    return false;
}

} // namespace lakeside::tabular
