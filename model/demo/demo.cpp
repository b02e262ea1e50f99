// SPDX-License-Identifier: Apache-2.0
#include "demo.h"

namespace lakeside {

const std::vector<std::string>& demoRepositoryNames()
{
    static const std::vector<std::string> names = {"sales-orders", "customer-profiles", "marketing-attribution"};
    return names;
}

Status createDemoData(Backend& backend, const DemoOptions&)
{
    for (const std::string& name : demoRepositoryNames()) {
        Result<Repository> existing = backend.getRepository(name);
        if (existing.ok())
            return makeError(ErrorKind::Conflict, "repository '" + name + "' already exists in " + backend.describe());
    }
    return makeError(ErrorKind::NotImplemented, "demo data is not written yet");
}

} // namespace lakeside
