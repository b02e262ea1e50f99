// SPDX-License-Identifier: Apache-2.0
#include "demo.h"

#include "demoscript.h"

namespace lakeside {

const std::vector<std::string>& demoRepositoryNames()
{
    static const std::vector<std::string> names = {"sales-orders", "customer-profiles", "marketing-attribution"};
    return names;
}

Status createDemoData(Backend& backend, const DemoOptions& options)
{
    for (const std::string& name : demoRepositoryNames()) {
        Result<Repository> existing = backend.getRepository(name);
        if (existing.ok())
            return makeError(ErrorKind::Conflict, "repository '" + name + "' already exists in " + backend.describe() +
                                                      "; the demo repositories must be absent");
        if (existing.error().kind != ErrorKind::NotFound) return existing.error();
    }
    demo::DemoScript script(backend, options);
    LAKESIDE_RETURN_IF_ERROR(demo::writeSalesOrders(script));
    LAKESIDE_RETURN_IF_ERROR(demo::writeCustomerProfiles(script));
    return demo::writeMarketingAttribution(script);
}

} // namespace lakeside
