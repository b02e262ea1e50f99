// SPDX-License-Identifier: Apache-2.0
#pragma once
// Internal: dates and timestamps for valueformat.cpp. Accepted spellings:
// dates YYYY-M-D (1–2 digit month and day, real calendar days), timestamps a
// date, 'T' or ' ', H:MM[:SS[.fraction]], then optionally Z or +HH[:MM].
// Pure functions; thread-safe.

#include <string>
#include <string_view>

namespace lakeside::tabular::detail {

// "YYYY-MM-DD" exactly, and a real day: then it is its own canonical form.
bool isCanonicalDate(std::string_view v);
// A date only (no time); out = "YYYY-MM-DD".
bool canonicalDate(std::string_view v, std::string& out);
// A date or timestamp; out = "YYYY-MM-DDTHH:MM:SS[.f]" + "Z" when an offset
// was given (converted to UTC). Also accepts a plain date (midnight).
bool canonicalTimestamp(std::string_view v, std::string& out);

} // namespace lakeside::tabular::detail
