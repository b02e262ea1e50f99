// SPDX-License-Identifier: Apache-2.0
#pragma once
// Turns a lakeFS error answer into an Error. Bodies are parsed leniently:
// lakeFS sends {"message": ...}, but a 409 merge sends a MergeResult, proxies
// send HTML or plain text, and some answers have no body at all.

#include "api/status.h"
#include "remote/httpclient.h"

#include <string>

namespace lakeside::remote {

// The server's message: "message" of a JSON object body, else the trimmed
// text (shortened), else "" (empty body or a JSON body without a message).
std::string serverMessage(const std::string& body);

// "<event> hook aborted, run id '<RUN>'" -> RUN; "" when absent.
std::string hookRunIdFromMessage(const std::string& message);

// Kind from the status (status.h); message "<what>: <server message>" so it
// names the object; 412 hook failures carry Error::runId; 401 says whether
// the credentials are wrong or only lack permission.
Error errorFromResponse(const HttpResponse& response, const std::string& what);

} // namespace lakeside::remote
