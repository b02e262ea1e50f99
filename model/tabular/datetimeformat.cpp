// SPDX-License-Identifier: Apache-2.0
#include "tabular/datetimeformat.h"

#include <cstdint>

namespace lakeside::tabular::detail {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Reads minDigits..maxDigits digits at s[i]; -1 when fewer, or more follow.
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
} // namespace

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

bool canonicalDate(std::string_view v, std::string& out)
{
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

} // namespace lakeside::tabular::detail
