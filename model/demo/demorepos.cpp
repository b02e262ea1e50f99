// SPDX-License-Identifier: Apache-2.0
// The history of each demo repository, oldest step first. Personas:
// maria.santos (sales ops), jonas.berg (data engineer), aisha.khan (analyst),
// etl-bot (weekly ingest), priya.nair (CRM), tomas.novak (CRM), lucas.meyer (marketing).
#include "demoscript.h"
#include "demotables.h"

namespace lakeside::demo {

Status writeSalesOrders(DemoScript& s)
{
    const std::string r = "sales-orders";
    LAKESIDE_RETURN_IF_ERROR(s.createRepository(r));

    LAKESIDE_RETURN_IF_ERROR(s.put(r, "main", "README.md", salesReadme(1)));
    LAKESIDE_RETURN_IF_ERROR(s.put(r, "main", "products/products.csv", productsCsv(1)));
    LAKESIDE_RETURN_IF_ERROR(s.commit(r, "main", "maria.santos", 27, 9, "Add README and product catalogue",
                                      {{"owner", "sales-ops"}}).status());

    OrdersVersion v;
    v.lastRow = 40;
    LAKESIDE_RETURN_IF_ERROR(s.put(r, "main", "orders/orders.csv", ordersCsv(v)));
    LAKESIDE_RETURN_IF_ERROR(s.put(r, "main", "metadata/schema.json", salesSchemaJson(1)));
    LAKESIDE_RETURN_IF_ERROR(s.commit(r, "main", "etl-bot", 26, 6, "Ingest orders for week 10 (2024-03-04..10)",
                                      {{"pipeline", "erp-export"}, {"batch", "2024-w10"}, {"rows", "40"}}).status());

    v.lastRow = 80;
    LAKESIDE_RETURN_IF_ERROR(s.put(r, "main", "orders/orders.csv", ordersCsv(v)));
    LAKESIDE_RETURN_IF_ERROR(s.commit(r, "main", "etl-bot", 20, 6, "Ingest orders for week 11 (2024-03-11..17)",
                                      {{"pipeline", "erp-export"}, {"batch", "2024-w11"}, {"rows", "80"}}).status());

    v.priceFix = true;
    LAKESIDE_RETURN_IF_ERROR(s.put(r, "main", "orders/orders.csv", ordersCsv(v)));
    LAKESIDE_RETURN_IF_ERROR(s.commit(r, "main", "jonas.berg", 19, 14,
                                      "Fix SKU-1042 unit prices exported in the wrong currency",
                                      {{"ticket", "DATA-311"}}).status());
    LAKESIDE_RETURN_IF_ERROR(s.createTag(r, "v1.0", "main"));

    v.lastRow = 120;
    LAKESIDE_RETURN_IF_ERROR(s.put(r, "main", "orders/orders.csv", ordersCsv(v)));
    LAKESIDE_RETURN_IF_ERROR(s.commit(r, "main", "etl-bot", 13, 6, "Ingest orders for week 12 (2024-03-18..24)",
                                      {{"pipeline", "erp-export"}, {"batch", "2024-w12"}, {"rows", "120"}}).status());

    v.removed = {17, 58, 93};
    v.cancelled = {5, 44};
    LAKESIDE_RETURN_IF_ERROR(s.put(r, "main", "orders/orders.csv", ordersCsv(v)));
    LAKESIDE_RETURN_IF_ERROR(s.commit(r, "main", "jonas.berg", 9, 11, "Drop 3 duplicated orders and cancel 2 fraudulent ones",
                                      {{"ticket", "DATA-327"}}).status());
    LAKESIDE_RETURN_IF_ERROR(s.createBranch(r, "feature-discounts", "main"));

    LAKESIDE_RETURN_IF_ERROR(s.put(r, "main", "products/products.csv", productsCsv(2)));
    LAKESIDE_ASSIGN_OR_RETURN(Commit beforeMerge,
                              s.commit(r, "main", "maria.santos", 6, 10, "Add spring products and the GPS watch promotion"));

    OrdersVersion f = v;
    f.discountColumn = true;
    LAKESIDE_RETURN_IF_ERROR(s.put(r, "feature-discounts", "orders/orders.csv", ordersCsv(f)));
    LAKESIDE_RETURN_IF_ERROR(s.commit(r, "feature-discounts", "aisha.khan", 7, 15, "Add discount_pct to orders",
                                      {{"ticket", "DATA-340"}}).status());
    f.customerIdsAsText = true;
    LAKESIDE_RETURN_IF_ERROR(s.put(r, "feature-discounts", "orders/orders.csv", ordersCsv(f)));
    LAKESIDE_RETURN_IF_ERROR(s.put(r, "feature-discounts", "metadata/schema.json", salesSchemaJson(2)));
    LAKESIDE_RETURN_IF_ERROR(s.commit(r, "feature-discounts", "aisha.khan", 5, 10,
                                      "Retype customer_id to text to match customer-profiles",
                                      {{"ticket", "DATA-341"}}).status());
    LAKESIDE_RETURN_IF_ERROR(s.put(r, "feature-discounts", "README.md", salesReadme(2)));
    LAKESIDE_RETURN_IF_ERROR(s.commit(r, "feature-discounts", "aisha.khan", 4, 16, "Document the orders schema change").status());
    LAKESIDE_RETURN_IF_ERROR(s.merge(r, "feature-discounts", "main", "maria.santos",
                                     "Merge feature-discounts: discounts and text customer ids",
                                     {{"reviewed-by", "jonas.berg"}, {"ticket", "DATA-340"}}).status());

    // An ingest still in review; it conflicts with the merged schema change on purpose.
    LAKESIDE_RETURN_IF_ERROR(s.createBranch(r, "ingest-2024-w13", beforeMerge.id));
    v.lastRow = 150;
    LAKESIDE_RETURN_IF_ERROR(s.put(r, "ingest-2024-w13", "orders/orders.csv", ordersCsv(v)));
    LAKESIDE_RETURN_IF_ERROR(s.commit(r, "ingest-2024-w13", "etl-bot", 2, 6,
                                      "Ingest orders for week 13 (awaiting validation)",
                                      {{"pipeline", "erp-export"}, {"batch", "2024-w13"}, {"rows", "147"}}).status());

    // Work in progress: uncommitted changes on a branch.
    LAKESIDE_RETURN_IF_ERROR(s.createBranch(r, "returns-analysis", "main"));
    LAKESIDE_RETURN_IF_ERROR(s.stagedStep("returns-analysis changes"));
    LAKESIDE_RETURN_IF_ERROR(s.put(r, "returns-analysis", "returns/returns.csv", returnsCsv()));
    return s.put(r, "returns-analysis", "README.md",
                 salesReadme(2) + "\n## Work in progress\n\n- `returns/returns.csv`: returned order lines (draft).\n");
}

Status writeCustomerProfiles(DemoScript& s)
{
    const std::string r = "customer-profiles";
    LAKESIDE_RETURN_IF_ERROR(s.createRepository(r));

    CustomersVersion v;
    LAKESIDE_RETURN_IF_ERROR(s.put(r, "main", "README.md", customersReadme()));
    LAKESIDE_RETURN_IF_ERROR(s.put(r, "main", "customers/customers.csv", customersCsv(v)));
    LAKESIDE_RETURN_IF_ERROR(s.put(r, "main", "reference/countries.json", countriesJson()));
    LAKESIDE_RETURN_IF_ERROR(s.commit(r, "main", "priya.nair", 25, 9, "Initial load from the CRM export",
                                      {{"source", "crm"}, {"rows", "60"}}).status());

    v.enterpriseSegment = true;
    LAKESIDE_RETURN_IF_ERROR(s.put(r, "main", "customers/customers.csv", customersCsv(v)));
    LAKESIDE_RETURN_IF_ERROR(s.commit(r, "main", "priya.nair", 18, 11, "Flag enterprise accounts from the key-account list").status());

    v.isoCountries = true;
    LAKESIDE_RETURN_IF_ERROR(s.put(r, "main", "customers/customers.csv", customersCsv(v)));
    LAKESIDE_RETURN_IF_ERROR(s.commit(r, "main", "tomas.novak", 10, 10, "Normalise countries to ISO 3166 alpha-2 codes",
                                      {{"ticket", "CRM-88"}}).status());
    LAKESIDE_RETURN_IF_ERROR(s.createTag(r, "2024-q1", "main"));

    LAKESIDE_RETURN_IF_ERROR(s.createBranch(r, "gdpr-erasure", "main"));
    CustomersVersion erased = v;
    erased.erased = {9, 21, 52};
    LAKESIDE_RETURN_IF_ERROR(s.put(r, "gdpr-erasure", "customers/customers.csv", customersCsv(erased)));
    LAKESIDE_RETURN_IF_ERROR(s.commit(r, "gdpr-erasure", "priya.nair", 8, 9, "Erase 3 customers on request (GDPR art. 17)",
                                      {{"requests", "GDPR-0412,GDPR-0415,GDPR-0419"}}).status());

    LAKESIDE_RETURN_IF_ERROR(s.createBranch(r, "dedupe-accounts", "main"));
    CustomersVersion deduped = v;
    deduped.mergedDuplicates = true;
    LAKESIDE_RETURN_IF_ERROR(s.put(r, "dedupe-accounts", "customers/customers.csv", customersCsv(deduped)));
    LAKESIDE_RETURN_IF_ERROR(s.commit(r, "dedupe-accounts", "tomas.novak", 3, 13,
                                      "Fold duplicate accounts CUST-00027 and CUST-00048").status());

    return s.merge(r, "gdpr-erasure", "main", "priya.nair", "Merge gdpr-erasure", {{"approved-by", "dpo"}}).status();
}

Status writeMarketingAttribution(DemoScript& s)
{
    const std::string r = "marketing-attribution";
    LAKESIDE_RETURN_IF_ERROR(s.createRepository(r));

    LAKESIDE_RETURN_IF_ERROR(s.put(r, "main", "README.md", marketingReadme()));
    LAKESIDE_RETURN_IF_ERROR(s.put(r, "main", "campaigns/campaigns.csv", campaignsCsv(1)));
    LAKESIDE_RETURN_IF_ERROR(s.commit(r, "main", "lucas.meyer", 13, 10, "Set up the spring campaign catalogue").status());

    // Lineage: inputs are linked from other data products at a tagged version.
    LAKESIDE_RETURN_IF_ERROR(s.importFrom(r, "main", "upstream/customer-profiles/", "customer-profiles", "2024-q1", "customers/",
                                          "lucas.meyer", 7, 9, "Onboard customer-profiles@2024-q1").status());
    LAKESIDE_RETURN_IF_ERROR(s.importFrom(r, "main", "upstream/sales-orders/", "sales-orders", "v1.0", "orders/",
                                          "lucas.meyer", 7, 10, "Onboard sales-orders@v1.0").status());

    LAKESIDE_RETURN_IF_ERROR(s.put(r, "main", "attribution/touchpoints.csv", touchpointsCsv(false)));
    LAKESIDE_RETURN_IF_ERROR(s.put(r, "main", "model/config.json", attributionConfigJson(false)));
    LAKESIDE_RETURN_IF_ERROR(s.commit(r, "main", "lucas.meyer", 5, 14, "First-touch attribution for March orders",
                                      {{"model", "first_touch"}}).status());

    LAKESIDE_RETURN_IF_ERROR(s.createBranch(r, "model-v2", "main"));
    LAKESIDE_RETURN_IF_ERROR(s.createBranch(r, "budget-rebalance", "main"));
    LAKESIDE_RETURN_IF_ERROR(s.put(r, "model-v2", "attribution/touchpoints.csv", touchpointsCsv(true)));
    LAKESIDE_RETURN_IF_ERROR(s.put(r, "model-v2", "model/config.json", attributionConfigJson(true)));
    LAKESIDE_RETURN_IF_ERROR(s.commit(r, "model-v2", "lucas.meyer", 3, 11, "Switch to linear attribution",
                                      {{"model", "linear"}}).status());

    // Both sides change the same budgets: a merge of budget-rebalance conflicts.
    LAKESIDE_RETURN_IF_ERROR(s.put(r, "budget-rebalance", "campaigns/campaigns.csv", campaignsCsv(3)));
    LAKESIDE_RETURN_IF_ERROR(s.commit(r, "budget-rebalance", "aisha.khan", 2, 15, "Rebalance budgets away from display").status());
    LAKESIDE_RETURN_IF_ERROR(s.put(r, "main", "campaigns/campaigns.csv", campaignsCsv(2)));
    return s.commit(r, "main", "lucas.meyer", 1, 10, "Q2 budget increase for every third campaign",
                    {{"approved-by", "cmo"}}).status();
}

} // namespace lakeside::demo
