// SPDX-License-Identifier: Apache-2.0
#pragma once
// When and how long to wait before trying a request again. Pure functions,
// so the policy is unit-tested without a network.

#include "remote/connectionconfig.h"

#include <random>
#include <string_view>

namespace lakeside::remote {

// GET, HEAD, PUT and DELETE may be repeated without changing the outcome.
bool isIdempotentMethod(std::string_view method);

// Whether an HTTP answer deserves another try: 429 and 503 for any method
// (the server did not act), 502 and 504 for idempotent methods only.
bool isRetryableStatus(int status, bool idempotent);

// Delay before retry number `retry` (1 = first retry): exponential from
// base_delay_ms, capped at max_delay_ms, with "equal jitter" (half fixed,
// half random) so that many clients do not retry in lockstep. A server's
// Retry-After (seconds, >= 0) wins when given, still capped.
long backoffDelayMs(const RetryPolicy& policy, int retry, std::mt19937& rng, long retryAfterSeconds = -1);

} // namespace lakeside::remote
