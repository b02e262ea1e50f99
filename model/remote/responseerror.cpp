// SPDX-License-Identifier: Apache-2.0
#include "remote/responseerror.h"

#include <nlohmann/json.hpp>

#include <regex>

namespace lakeside::remote {

std::string serverMessage(const std::string& body)
{
    const auto j = nlohmann::json::parse(body, nullptr, false);
    if (!j.is_discarded() && j.is_object()) {
        auto it = j.find("message");
        if (it != j.end() && it->is_string()) return it->get<std::string>();
        // RFC 7807 problem details (validating proxies such as Prism): title,
        // detail and each validation message, so the user sees what failed.
        std::string text = j.value("title", std::string());
        if (auto d = j.find("detail"); d != j.end() && d->is_string() && !d->get<std::string>().empty())
            text += (text.empty() ? "" : ": ") + d->get<std::string>();
        if (auto v = j.find("validation"); v != j.end() && v->is_array())
            for (const auto& item : *v)
                if (item.is_object())
                    text += "; " + item.value("location", nlohmann::json::array()).dump() + " " + item.value("message", std::string());
        return text;
    }
    std::string text = body;
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
    if (text.size() > 300) text = text.substr(0, 300) + "...";
    return text;
}

std::string hookRunIdFromMessage(const std::string& message)
{
    static const std::regex re(R"((\S+) hook aborted, run id '([^']+)')");
    std::smatch m;
    if (std::regex_search(message, m, re)) return m[2].str();
    return {};
}

Error errorFromResponse(const HttpResponse& r, const std::string& what)
{
    Error e;
    e.kind = errorKindForHttpStatus(r.status);
    std::string msg = serverMessage(r.body);
    if (msg.empty()) {
        switch (r.status) {
        case 401: msg = "error authenticating request"; break;
        case 404: msg = "not found"; break;
        case 409: msg = "conflict found"; break;
        case 412: msg = "precondition failed"; break;
        case 429: msg = "too many requests, try again later"; break;
        case 503: msg = "service unavailable, try again later"; break;
        default: msg = "HTTP " + std::to_string(r.status); break;
        }
    }
    if (r.status == 401) {
        msg = msg.rfind("insufficient permissions", 0) == 0 ? msg + " (the credentials lack permission)"
                                                            : msg + " (check the access key id and secret)";
    }
    if (r.status == 412) e.runId = hookRunIdFromMessage(msg);
    e.message = what.empty() ? msg : what + ": " + msg;
    return e;
}

} // namespace lakeside::remote
