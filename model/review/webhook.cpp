// SPDX-License-Identifier: Apache-2.0
#include "review/webhook.h"

#include <curl/curl.h>

#include <regex>

namespace lakeside::review {
namespace {

size_t collect(char* data, size_t size, size_t n, void* user)
{
    static_cast<std::string*>(user)->append(data, size * n);
    return size * n;
}

// Go duration ("30s", "1m", "500ms", "1m30s") in milliseconds; 60000 when absent or unreadable.
long timeoutMs(const std::string& text)
{
    if (text.empty()) return 60000;
    static const std::regex part(R"((\d+(?:\.\d+)?)(ms|s|m|h))");
    long total = 0;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), part); it != std::sregex_iterator(); ++it) {
        double v = std::stod((*it)[1].str());
        const std::string unit = (*it)[2].str();
        total += static_cast<long>(unit == "ms" ? v : unit == "s" ? v * 1000 : unit == "m" ? v * 60000 : v * 3600000);
    }
    return total > 0 ? total : 60000;
}

} // namespace

HookOutcome runWebhook(const HookSpec& hook, const std::string& eventJson)
{
    HookOutcome out;
    auto prop = [&](const char* k) {
        auto it = hook.properties.find(k);
        return it == hook.properties.end() ? HookProperty{} : it->second;
    };
    std::string url = prop("url").scalar;
    if (url.empty()) return {false, "webhook hook '" + hook.id + "': missing properties.url\n"};
    CURL* curl = curl_easy_init();
    if (!curl) return {false, "cannot initialise libcurl\n"};
    const HookProperty qp = prop("query_params");
    std::string query;
    auto addParam = [&](const std::string& k, const std::string& v) {
        char* ek = curl_easy_escape(curl, k.c_str(), static_cast<int>(k.size()));
        char* ev = curl_easy_escape(curl, v.c_str(), static_cast<int>(v.size()));
        query += (query.empty() ? "" : "&") + std::string(ek) + "=" + ev;
        curl_free(ek);
        curl_free(ev);
    };
    for (const auto& [k, v] : qp.map) addParam(k, v);
    for (const auto& [k, vs] : qp.mapOfLists)
        for (const auto& v : vs) addParam(k, v);
    if (!query.empty()) url += (url.find('?') == std::string::npos ? "?" : "&") + query;

    std::string body;
    curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
    std::string headerLog;
    for (const auto& [k, v] : prop("headers").map) {
        headers = curl_slist_append(headers, (k + ": " + v).c_str());
        headerLog += k + ": " + v + "\n";
    }
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_POST, 1L);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, eventJson.c_str());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(eventJson.size()));
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, timeoutMs(prop("timeout").scalar));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
    out.output = "Request:\nPOST " + url + "\nContent-Type: application/json\n" + headerLog + "\n" + eventJson + "\n\n";
    CURLcode rc = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    if (rc != CURLE_OK) {
        out.ok = false;
        out.output += std::string("Error: ") + curl_easy_strerror(rc) + "\n";
        return out;
    }
    out.output += "Response:\n" + std::to_string(status) + "\n\n" + body + "\n";
    out.ok = status >= 200 && status < 300;
    if (!out.ok) out.output += "webhook returned status code " + std::to_string(status) + "\n";
    return out;
}

} // namespace lakeside::review
