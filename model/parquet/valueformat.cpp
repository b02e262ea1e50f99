// SPDX-License-Identifier: Apache-2.0
#include "parquet/valueformat.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

namespace lakeside::parquet {

namespace {

constexpr int64_t kSecondsPerDay = 86400;

int64_t floorDiv(int64_t a, int64_t b)
{
    const int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

// Non-negative remainder of a / b (b > 0), without the overflow of a - q * b.
int64_t floorMod(int64_t a, int64_t b)
{
    const int64_t r = a % b;
    return r < 0 ? r + b : r;
}

void civilFromDays(int64_t z, int64_t& y, unsigned& m, unsigned& d)
{
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = int64_t(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += (m <= 2);
}

void appendPadded(std::string& out, int64_t v, int width)
{
    char buf[24];
    auto [p, ec] = std::to_chars(buf, buf + sizeof buf, v);
    (void)ec;
    for (int n = int(p - buf); n < width; ++n)
        out += '0';
    out.append(buf, p);
}

// Appends YYYY-MM-DD; returns true if the year is BC (caller appends " (BC)").
bool appendDate(std::string& out, int64_t days)
{
    int64_t y;
    unsigned m, d;
    civilFromDays(days, y, m, d);
    const bool bc = y <= 0;
    appendPadded(out, bc ? 1 - y : y, 4);
    out += '-';
    appendPadded(out, m, 2);
    out += '-';
    appendPadded(out, d, 2);
    return bc;
}

// HH:MM:SS[.fraction with trailing zeros trimmed]
void appendTimeOfDay(std::string& out, int64_t secondsOfDay, int64_t fraction, int digits)
{
    appendPadded(out, secondsOfDay / 3600, 2);
    out += ':';
    appendPadded(out, secondsOfDay / 60 % 60, 2);
    out += ':';
    appendPadded(out, secondsOfDay % 60, 2);
    if (fraction > 0) {
        while (fraction % 10 == 0) {
            fraction /= 10;
            --digits;
        }
        out += '.';
        appendPadded(out, fraction, digits);
    }
}

int64_t unitsPerSecond(TimeUnit u) { return u == TimeUnit::Millis ? 1000 : u == TimeUnit::Micros ? 1000000 : 1000000000; }
int unitDigits(TimeUnit u) { return u == TimeUnit::Millis ? 3 : u == TimeUnit::Micros ? 6 : 9; }

void appendTimestamp(std::string& out, int64_t v, TimeUnit unit, bool utc, bool iso)
{
    const int64_t ups = unitsPerSecond(unit);
    const int64_t secs = floorDiv(v, ups);
    const int64_t frac = floorMod(v, ups);
    const int64_t days = floorDiv(secs, kSecondsPerDay);
    const bool bc = appendDate(out, days);
    out += iso ? 'T' : ' ';
    appendTimeOfDay(out, secs - days * kSecondsPerDay, frac, unitDigits(unit));
    if (utc)
        out += iso ? "Z" : "+00";
    if (bc)
        out += " (BC)";
}

// Shortest round-trip text, laid out like Python's repr and DuckDB's casts:
// fixed notation for decimal exponents in [-4, 16), else d.ddde+XX; integral
// values keep a ".0".
template <class T>
void appendFloat(std::string& out, T v)
{
    if (std::isnan(v)) {
        out += "nan";
        return;
    }
    if (std::isinf(v)) {
        out += v < 0 ? "-inf" : "inf";
        return;
    }
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
    (void)ec;
    const char* p = buf;
    if (*p == '-') {
        out += '-';
        ++p;
    }
    std::string digits;
    const char* e = p;
    for (; e < end && *e != 'e'; ++e)
        if (*e != '.')
            digits += *e;
    int exp = 0;
    std::from_chars(e + 1 + (e[1] == '+'), end, exp);
    if (exp < -4 || exp >= 16) {
        out += digits[0];
        if (digits.size() > 1) {
            out += '.';
            out.append(digits, 1, std::string::npos);
        }
        out += exp < 0 ? "e-" : "e+";
        const int a = exp < 0 ? -exp : exp;
        if (a < 10)
            out += '0';
        out += std::to_string(a);
        return;
    }
    if (exp < 0) {
        out += "0.";
        out.append(size_t(-exp - 1), '0');
        out += digits;
        return;
    }
    const size_t intDigits = size_t(exp) + 1;
    if (digits.size() <= intDigits) {
        out += digits;
        out.append(intDigits - digits.size(), '0');
        out += ".0";
    } else {
        out.append(digits, 0, intDigits);
        out += '.';
        out.append(digits, intDigits, std::string::npos);
    }
}

template <class T>
void appendNumber(std::string& out, T v)
{
    if constexpr (std::is_floating_point_v<T>) {
        appendFloat(out, v);
    } else {
        char buf[32];
        auto [p, ec] = std::to_chars(buf, buf + sizeof buf, v);
        (void)ec;
        out.append(buf, p);
    }
}

// Decimal digits of a big-endian two's complement integer.
std::string bigEndianDigits(const uint8_t* p, size_t n, bool& negative)
{
    std::string mag(reinterpret_cast<const char*>(p), n);
    negative = n > 0 && (p[0] & 0x80);
    if (negative) { // two's complement magnitude: invert and add one
        for (auto& c : mag)
            c = char(~uint8_t(c));
        for (size_t i = mag.size(); i-- > 0;) {
            auto b = uint8_t(mag[i]);
            mag[i] = char(uint8_t(b + 1));
            if (b != 0xff)
                break;
        }
    }
    std::string digits;
    size_t start = 0;
    while (start < mag.size()) {
        unsigned rem = 0;
        for (size_t i = start; i < mag.size(); ++i) {
            const unsigned cur = rem * 256 + uint8_t(mag[i]);
            mag[i] = char(cur / 10);
            rem = cur % 10;
        }
        digits += char('0' + rem);
        while (start < mag.size() && mag[start] == 0)
            ++start;
    }
    if (digits.empty())
        digits = "0";
    return std::string(digits.rbegin(), digits.rend());
}

void appendDecimal(std::string& out, bool negative, std::string digits, int scale)
{
    if (negative && digits != "0")
        out += '-';
    if (scale <= 0) {
        out += digits;
        return;
    }
    if (digits.size() <= size_t(scale))
        digits.insert(0, size_t(scale) + 1 - digits.size(), '0');
    out.append(digits, 0, digits.size() - size_t(scale));
    out += '.';
    out.append(digits, digits.size() - size_t(scale), std::string::npos);
}

void appendEscapedBytes(std::string& out, std::string_view b)
{
    static const char hex[] = "0123456789ABCDEF";
    for (unsigned char c : b) {
        if (c >= 32 && c < 127) {
            out += char(c);
        } else {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
}

float halfToFloat(uint16_t h)
{
    const uint32_t sign = uint32_t(h >> 15) << 31;
    const int exp = (h >> 10) & 0x1f;
    const uint32_t mant = h & 0x3ff;
    if (exp == 0)
        return (sign ? -1.0f : 1.0f) * std::ldexp(float(mant), -24);
    if (exp == 31) {
        uint32_t bits = sign | 0x7f800000u | (mant << 13);
        float f;
        std::memcpy(&f, &bits, 4);
        return f;
    }
    uint32_t bits = sign | uint32_t(exp - 15 + 127) << 23 | (mant << 13);
    float f;
    std::memcpy(&f, &bits, 4);
    return f;
}

uint32_t le32(const char* p)
{
    uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
}

} // namespace


void appendValueText(std::string& out, const ValueFormat& fmt, const ColumnData& data, size_t i)
{
    switch (fmt.kind) {
    case ValueFormat::Null:
        return;
    case ValueFormat::Boolean:
        out += data.bools[i] ? "true" : "false";
        return;
    case ValueFormat::Int:
        if (data.type == PhysicalType::Int32) appendNumber(out, data.i32[i]);
        else appendNumber(out, data.i64[i]);
        return;
    case ValueFormat::UInt:
        if (data.type == PhysicalType::Int32) appendNumber(out, uint32_t(data.i32[i]));
        else appendNumber(out, uint64_t(data.i64[i]));
        return;
    case ValueFormat::Float:
        appendNumber(out, data.f32[i]);
        return;
    case ValueFormat::Double:
        appendNumber(out, data.f64[i]);
        return;
    case ValueFormat::Decimal: {
        int64_t v = 0;
        if (data.type == PhysicalType::Int32 || data.type == PhysicalType::Int64) {
            v = data.type == PhysicalType::Int32 ? data.i32[i] : data.i64[i];
            const uint64_t mag = v < 0 ? 0 - uint64_t(v) : uint64_t(v);
            std::string digits;
            appendNumber(digits, mag);
            appendDecimal(out, v < 0, std::move(digits), fmt.scale);
        } else {
            bool negative = false;
            const auto b = data.bytes[i];
            std::string digits = bigEndianDigits(reinterpret_cast<const uint8_t*>(b.data()), b.size(), negative);
            appendDecimal(out, negative, std::move(digits), fmt.scale);
        }
        return;
    }
    case ValueFormat::String:
        out += data.bytes[i];
        return;
    case ValueFormat::Binary:
        if (fmt.iso) {
            static const char hex[] = "0123456789abcdef";
            for (unsigned char c : data.bytes[i]) {
                out += hex[c >> 4];
                out += hex[c & 15];
            }
        } else {
            appendEscapedBytes(out, data.bytes[i]);
        }
        return;
    case ValueFormat::Date:
        if (appendDate(out, data.i32[i]))
            out += " (BC)";
        return;
    case ValueFormat::Time: {
        const int64_t v = data.type == PhysicalType::Int32 ? data.i32[i] : data.i64[i];
        const int64_t ups = unitsPerSecond(fmt.unit);
        const int64_t secs = floorDiv(v, ups);
        appendTimeOfDay(out, floorMod(secs, kSecondsPerDay), floorMod(v, ups),
                        unitDigits(fmt.unit));
        return;
    }
    case ValueFormat::Timestamp:
        appendTimestamp(out, data.i64[i], fmt.unit, fmt.utc, fmt.iso);
        return;
    case ValueFormat::Int96Timestamp: {
        const auto b = data.bytes[i];
        int64_t nanos;
        std::memcpy(&nanos, b.data(), 8);
        const int64_t days = int64_t(le32(b.data() + 8)) - 2440588; // Julian day of 1970-01-01
        const int64_t secs = floorDiv(nanos, 1000000000);
        const bool bc = appendDate(out, days + floorDiv(secs, kSecondsPerDay));
        out += fmt.iso ? 'T' : ' ';
        appendTimeOfDay(out, floorMod(secs, kSecondsPerDay),
                        floorMod(nanos, 1000000000), 9);
        if (bc)
            out += " (BC)";
        return;
    }
    case ValueFormat::Uuid: {
        static const char hex[] = "0123456789abcdef";
        const auto b = data.bytes[i];
        for (size_t k = 0; k < b.size(); ++k) {
            if (k == 4 || k == 6 || k == 8 || k == 10)
                out += '-';
            out += hex[uint8_t(b[k]) >> 4];
            out += hex[uint8_t(b[k]) & 15];
        }
        return;
    }
    case ValueFormat::Float16: {
        const auto b = data.bytes[i];
        appendNumber(out, halfToFloat(uint16_t(uint8_t(b[0]) | uint8_t(b[1]) << 8)));
        return;
    }
    case ValueFormat::Interval: {
        const auto b = data.bytes[i];
        out += std::to_string(le32(b.data())) + " months " + std::to_string(le32(b.data() + 4)) + " days "
            + std::to_string(le32(b.data() + 8)) + " ms";
        return;
    }
    }
}

} // namespace lakeside::parquet
