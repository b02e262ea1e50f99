// SPDX-License-Identifier: Apache-2.0
#pragma once
// The demo's file contents: small, deterministic CSV/JSON/Markdown tables in
// several versions, so that diffs between commits show added, removed and
// changed rows and a schema change (an added column, a retyped column).
// Pure functions; no I/O.

#include <set>
#include <string>

namespace lakeside::demo {

// sales-orders/orders/orders.csv
struct OrdersVersion {
    int firstRow = 1;
    int lastRow = 40;             // order rows firstRow..lastRow
    bool priceFix = false;        // SKU-1042 unit prices corrected
    std::set<int> removed;        // duplicated orders dropped
    std::set<int> cancelled;      // status set to "cancelled"
    bool discountColumn = false;  // schema: discount_pct added
    bool customerIdsAsText = false; // schema: customer_id retyped integer -> text ("CUST-00042")
};
std::string ordersCsv(const OrdersVersion& v);

std::string productsCsv(int version);        // 1: 12 products; 2: 5 more and one repriced
std::string salesSchemaJson(int version);    // 1: initial; 2: discount_pct and text customer_id
std::string salesReadme(int version);

// customer-profiles
struct CustomersVersion {
    bool enterpriseSegment = false; // some "smb" customers become "enterprise"
    std::set<int> erased;           // GDPR erasure requests
    bool isoCountries = false;      // "Germany" -> "DE"
    bool mergedDuplicates = false;  // two duplicate accounts folded into one
};
std::string customersCsv(const CustomersVersion& v);
std::string countriesJson();
std::string customersReadme();

// marketing-attribution
std::string campaignsCsv(int version);   // 1: initial; 2: Q2 budgets; 3: a different rebalance (conflicts with 2)
std::string touchpointsCsv(bool linear); // first-touch weights or linear split
std::string attributionConfigJson(bool linear);
std::string marketingReadme();

// Uncommitted work on sales-orders' returns-analysis branch.
std::string returnsCsv();

} // namespace lakeside::demo
