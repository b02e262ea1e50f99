// SPDX-License-Identifier: Apache-2.0
#include "status.h"
#include "types.h"

namespace lakeside {

int httpStatusFor(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::InvalidArgument: return 400;
    case ErrorKind::Unauthorized: return 401;
    case ErrorKind::Forbidden: return 403;
    case ErrorKind::NotFound: return 404;
    case ErrorKind::Conflict: return 409;
    case ErrorKind::Gone: return 410;
    case ErrorKind::PreconditionFailed: return 412;
    case ErrorKind::RangeNotSatisfiable: return 416;
    case ErrorKind::TooManyRequests: return 429;
    case ErrorKind::NotImplemented: return 501;
    case ErrorKind::Unavailable: return 503;
    case ErrorKind::Io:
    case ErrorKind::Corruption:
    case ErrorKind::Cancelled:
    case ErrorKind::Internal: return 500;
    }
    return 500;
}

ErrorKind errorKindForHttpStatus(int status)
{
    switch (status) {
    case 400: return ErrorKind::InvalidArgument;
    case 401: return ErrorKind::Unauthorized;
    case 403: return ErrorKind::Forbidden;
    case 404: return ErrorKind::NotFound;
    case 409: return ErrorKind::Conflict;
    case 410: return ErrorKind::Gone;
    case 412: return ErrorKind::PreconditionFailed;
    case 416: return ErrorKind::RangeNotSatisfiable;
    case 429: return ErrorKind::TooManyRequests;
    case 501: return ErrorKind::NotImplemented;
    case 502:
    case 503:
    case 504: return ErrorKind::Unavailable;
    default: return ErrorKind::Internal;
    }
}

const char* errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::InvalidArgument: return "invalid_argument";
    case ErrorKind::Unauthorized: return "unauthorized";
    case ErrorKind::Forbidden: return "forbidden";
    case ErrorKind::NotFound: return "not_found";
    case ErrorKind::Conflict: return "conflict";
    case ErrorKind::Gone: return "gone";
    case ErrorKind::PreconditionFailed: return "precondition_failed";
    case ErrorKind::RangeNotSatisfiable: return "range_not_satisfiable";
    case ErrorKind::TooManyRequests: return "too_many_requests";
    case ErrorKind::NotImplemented: return "not_implemented";
    case ErrorKind::Unavailable: return "unavailable";
    case ErrorKind::Io: return "io";
    case ErrorKind::Corruption: return "corruption";
    case ErrorKind::Cancelled: return "cancelled";
    case ErrorKind::Internal: return "internal";
    }
    return "internal";
}

const char* diffTypeName(DiffType t)
{
    switch (t) {
    case DiffType::Added: return "added";
    case DiffType::Removed: return "removed";
    case DiffType::Changed: return "changed";
    case DiffType::Conflict: return "conflict";
    case DiffType::PrefixChanged: return "prefix_changed";
    }
    return "changed";
}

const char* mergeStrategyName(MergeStrategy s)
{
    switch (s) {
    case MergeStrategy::None: return "default";
    case MergeStrategy::DestWins: return "dest-wins";
    case MergeStrategy::SourceWins: return "source-wins";
    }
    return "default";
}

const char* pullStatusName(PullStatus s)
{
    switch (s) {
    case PullStatus::Open: return "open";
    case PullStatus::Closed: return "closed";
    case PullStatus::Merged: return "merged";
    }
    return "open";
}

} // namespace lakeside
