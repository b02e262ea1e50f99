// SPDX-License-Identifier: Apache-2.0
#pragma once
// The steps createDemoData() runs, with what every step needs: the persona
// backends, commit dates relative to DemoOptions::now, progress and
// cancellation between steps, and errors prefixed with the step that failed.

#include "demo.h"

#include <string>

namespace lakeside::demo {

class DemoScript {
public:
    static constexpr int kTotalSteps = 38;

    DemoScript(Backend& backend, const DemoOptions& options);

    // Unix seconds `daysAgo` days before the day `now` falls in, at `hour` (UTC).
    int64_t at(int daysAgo, int hour) const;

    Status createRepository(const std::string& repo);
    Status createBranch(const std::string& repo, const std::string& branch, const std::string& source);
    Status createTag(const std::string& repo, const std::string& tag, const std::string& ref);
    // Stages `content` at repo/branch/path (no step of its own).
    Status put(const std::string& repo, const std::string& branch, const std::string& path, const std::string& content);
    Result<Commit> commit(const std::string& repo, const std::string& branch, const std::string& user, int daysAgo,
                          int hour, const std::string& message, const Metadata& metadata = {});
    Result<Commit> importFrom(const std::string& repo, const std::string& branch, const std::string& destPrefix,
                              const std::string& sourceRepo, const std::string& sourceRef, const std::string& sourcePrefix,
                              const std::string& user, int daysAgo, int hour, const std::string& message);
    // Merge commits carry the current time: the Backend's merge takes no date.
    Result<MergeResult> merge(const std::string& repo, const std::string& source, const std::string& dest,
                              const std::string& user, const std::string& message, const Metadata& metadata = {});
    // Marks a step that only stages changes (for progress).
    Status stagedStep(const std::string& what);

private:
    Status begin(const std::string& what);
    Backend& as(const std::string& user);
    Error fail(const std::string& what, const Error& e) const;

    Backend& m_backend;
    const DemoOptions& m_options;
    int64_t m_dayStart = 0;
    int m_done = 0;
};

Status writeSalesOrders(DemoScript& s);
Status writeCustomerProfiles(DemoScript& s);
Status writeMarketingAttribution(DemoScript& s);

} // namespace lakeside::demo
