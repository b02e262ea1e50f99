// SPDX-License-Identifier: Apache-2.0
#include "remote/retry.h"

#include <algorithm>

namespace lakeside::remote {

bool isIdempotentMethod(std::string_view method)
{
    return method == "GET" || method == "HEAD" || method == "PUT" || method == "DELETE";
}

bool isRetryableStatus(int status, bool idempotent)
{
    if (status == 429 || status == 503) return true;
    return idempotent && (status == 502 || status == 504);
}

long backoffDelayMs(const RetryPolicy& policy, int retry, std::mt19937& rng, long retryAfterSeconds)
{
    const long cap = std::max(0L, policy.max_delay_ms);
    if (retryAfterSeconds >= 0) return std::min(cap, retryAfterSeconds * 1000);
    long delay = std::max(1L, policy.base_delay_ms);
    for (int i = 1; i < retry && delay < cap; ++i) delay *= 2;
    delay = std::min(delay, cap);
    const long half = delay / 2;
    std::uniform_int_distribution<long> jitter(0, delay - half);
    return half + jitter(rng);
}

} // namespace lakeside::remote
