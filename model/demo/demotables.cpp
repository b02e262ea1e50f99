// SPDX-License-Identifier: Apache-2.0
#include "demotables.h"

#include <cstdint>
#include <cstdio>
#include <vector>

namespace lakeside::demo {
namespace {

// A fixed integer hash: the demo's only source of "randomness", so every run
// writes the same bytes.
uint32_t mix(uint32_t x)
{
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

uint32_t pick(int row, int salt, uint32_t n) { return mix(static_cast<uint32_t>(row) * 2654435761U + static_cast<uint32_t>(salt)) % n; }

std::string fmt(const char* f, double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

std::string fmtInt(const char* f, int v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

struct Product {
    const char* sku;
    const char* name;
    const char* category;
    double price;
};

const std::vector<Product>& products()
{
    static const std::vector<Product> all = {
        {"SKU-1001", "Trail running shoe", "footwear", 119.00},   {"SKU-1002", "Merino base layer", "apparel", 69.90},
        {"SKU-1017", "Rain shell jacket", "apparel", 189.00},     {"SKU-1023", "Insulated bottle 750ml", "accessories", 29.50},
        {"SKU-1042", "Headlamp 400lm", "electronics", 54.00},     {"SKU-1055", "Trekking poles (pair)", "equipment", 89.00},
        {"SKU-1060", "Daypack 24l", "bags", 99.00},               {"SKU-1071", "Wool socks (3 pack)", "apparel", 24.90},
        {"SKU-1088", "GPS watch", "electronics", 349.00},         {"SKU-1093", "Camping stove", "equipment", 64.00},
        {"SKU-1104", "Sleeping bag -5C", "equipment", 229.00},    {"SKU-1110", "First aid kit", "accessories", 34.00},
        {"SKU-1121", "Ultralight tent 2p", "equipment", 449.00},  {"SKU-1134", "Down vest", "apparel", 139.00},
        {"SKU-1142", "Solar power bank", "electronics", 79.00},   {"SKU-1157", "Hiking boot", "footwear", 189.00},
        {"SKU-1163", "Water filter", "accessories", 44.90},
    };
    return all;
}

const char* kStatuses[] = {"delivered", "delivered", "delivered", "shipped", "processing"};
const char* kFirst[] = {"Anna", "Ben", "Chloe", "David", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jonas",
                        "Katrin", "Lars", "Mina", "Nils", "Olga", "Pavel", "Rosa", "Sven", "Tara", "Umar"};
const char* kLast[] = {"Berg", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Hansen", "Ivanova",
                       "Jensen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov", "Rossi"};
struct Country {
    const char* name;
    const char* iso;
};
const Country kCountries[] = {{"Germany", "DE"}, {"France", "FR"}, {"Netherlands", "NL"}, {"Sweden", "SE"},
                              {"Spain", "ES"},   {"Italy", "IT"},  {"Poland", "PL"},      {"Austria", "AT"}};
constexpr int kCustomers = 60;

} // namespace

std::string ordersCsv(const OrdersVersion& v)
{
    std::string s = "order_id,order_date,customer_id,product_sku,quantity,unit_price,status";
    if (v.discountColumn) s += ",discount_pct";
    s += '\n';
    const auto& ps = products();
    for (int i = v.firstRow; i <= v.lastRow; ++i) {
        if (v.removed.count(i)) continue;
        const Product& p = ps[pick(i, 1, 12)]; // orders use the first catalogue only
        const int customer = 1 + static_cast<int>(pick(i, 2, kCustomers));
        const int day = 4 + (i - 1) / 6; // about six orders a day from 2024-03-04
        const int month = day > 31 ? 4 : 3;
        const int dom = day > 31 ? day - 31 : day;
        double price = p.price;
        // The currency bug: SKU-1042 was exported in USD cents / 100 at the wrong rate.
        if (std::string(p.sku) == "SKU-1042" && !v.priceFix) price = 58.32;
        const char* status = v.cancelled.count(i) ? "cancelled" : kStatuses[pick(i, 3, 5)];
        s += fmtInt("ORD-%05d", 10000 + i) + ',' + fmtInt("2024-%02d", month) + fmtInt("-%02d", dom) + ',';
        s += v.customerIdsAsText ? fmtInt("CUST-%05d", customer) : std::to_string(customer);
        s += std::string(",") + p.sku + ',' + std::to_string(1 + pick(i, 4, 4)) + ',' + fmt("%.2f", price) + ',' + status;
        if (v.discountColumn) s += ',' + std::to_string(5 * static_cast<int>(pick(i, 5, 4)));
        s += '\n';
    }
    return s;
}

std::string productsCsv(int version)
{
    std::string s = "sku,name,category,list_price\n";
    const auto& ps = products();
    const size_t n = version >= 2 ? ps.size() : 12;
    for (size_t i = 0; i < n; ++i) {
        double price = ps[i].price;
        if (version >= 2 && std::string(ps[i].sku) == "SKU-1088") price = 329.00; // spring promotion
        s += std::string(ps[i].sku) + ',' + ps[i].name + ',' + ps[i].category + ',' + fmt("%.2f", price) + '\n';
    }
    return s;
}

std::string salesSchemaJson(int version)
{
    std::string s = "{\n  \"table\": \"orders\",\n  \"primary_key\": [\"order_id\"],\n  \"columns\": [\n"
                    "    {\"name\": \"order_id\", \"type\": \"string\"},\n"
                    "    {\"name\": \"order_date\", \"type\": \"date\"},\n";
    s += version >= 2 ? "    {\"name\": \"customer_id\", \"type\": \"string\"},\n"
                      : "    {\"name\": \"customer_id\", \"type\": \"integer\"},\n";
    s += "    {\"name\": \"product_sku\", \"type\": \"string\"},\n"
         "    {\"name\": \"quantity\", \"type\": \"integer\"},\n"
         "    {\"name\": \"unit_price\", \"type\": \"decimal(10,2)\"},\n";
    s += version >= 2 ? "    {\"name\": \"status\", \"type\": \"string\"},\n    {\"name\": \"discount_pct\", \"type\": \"integer\"}\n"
                      : "    {\"name\": \"status\", \"type\": \"string\"}\n";
    s += "  ]\n}\n";
    return s;
}

std::string salesReadme(int version)
{
    std::string s = "# Sales orders\n\nDaily order export from the ERP, one row per order line.\n\n"
                    "| path | what |\n|---|---|\n"
                    "| `orders/orders.csv` | order lines (key: `order_id`) |\n"
                    "| `products/products.csv` | product catalogue (key: `sku`) |\n"
                    "| `metadata/schema.json` | column types of the orders table |\n\n"
                    "Owner: Sales Ops (maria.santos). Refreshed weekly by `etl-bot` through `ingest-*` branches.\n";
    if (version >= 2)
        s += "\n## Changes\n\n- `discount_pct` (0-15) added to orders.\n"
             "- `customer_id` is now text (`CUST-00042`), matching customer-profiles.\n";
    return s;
}

std::string customersCsv(const CustomersVersion& v)
{
    std::string s = "customer_id,name,country,segment,signup_date,email_opt_in\n";
    for (int c = 1; c <= kCustomers; ++c) {
        if (v.erased.count(c)) continue;
        if (v.mergedDuplicates && (c == 27 || c == 48)) continue; // folded into 12 and 33
        const Country& country = kCountries[pick(c, 11, 8)];
        std::string segment = pick(c, 12, 3) == 0 ? "smb" : "consumer";
        if (v.enterpriseSegment && pick(c, 13, 4) == 0) segment = "enterprise";
        s += fmtInt("CUST-%05d", c) + ',' + kFirst[pick(c, 14, 20)] + ' ' + kLast[pick(c, 15, 16)] + ',' +
             (v.isoCountries ? country.iso : country.name) + ',' + segment + ',' +
             fmtInt("2023-%02d", 1 + static_cast<int>(pick(c, 16, 12))) + fmtInt("-%02d", 1 + static_cast<int>(pick(c, 17, 28))) + ',' +
             (pick(c, 18, 3) == 0 ? "false" : "true") + '\n';
    }
    return s;
}

std::string countriesJson()
{
    std::string s = "{\n";
    for (size_t i = 0; i < std::size(kCountries); ++i)
        s += std::string("  \"") + kCountries[i].iso + "\": \"" + kCountries[i].name + "\"" +
             (i + 1 < std::size(kCountries) ? ",\n" : "\n");
    return s + "}\n";
}

std::string customersReadme()
{
    return "# Customer profiles\n\nOne row per customer account, mastered by the CRM team.\n\n"
           "- `customers/customers.csv`: key `customer_id` (`CUST-00042`).\n"
           "- `reference/countries.json`: ISO 3166 alpha-2 codes used in `country`.\n\n"
           "Erasure requests (GDPR art. 17) are applied within 30 days and noted in the commit metadata.\n";
}

std::string campaignsCsv(int version)
{
    static const char* channels[] = {"search", "social", "email", "display", "affiliate"};
    std::string s = "campaign_id,channel,name,start_date,budget_eur\n";
    for (int c = 1; c <= 10; ++c) {
        int budget = 5000 + 1000 * static_cast<int>(pick(c, 21, 20));
        if (version == 2 && c % 3 == 0) budget += 2500;           // Q2: more for every third campaign
        if (version == 3 && (c == 3 || c == 4)) budget -= 1500;   // rebalance: cut campaigns 3 and 4
        s += fmtInt("CMP-%03d", c) + ',' + channels[pick(c, 22, 5)] + ',' + "Spring outdoor " + std::to_string(c) + ',' +
             fmtInt("2024-03-%02d", 1 + 2 * c) + ',' + std::to_string(budget) + '\n';
    }
    return s;
}

std::string touchpointsCsv(bool linear)
{
    std::string s = "order_id,campaign_id,touch_ts,weight\n";
    for (int i = 1; i <= 60; ++i) {
        const int touches = linear ? 1 + static_cast<int>(pick(i, 31, 3)) : 1;
        for (int t = 0; t < touches; ++t)
            s += fmtInt("ORD-%05d", 10000 + i) + ',' + fmtInt("CMP-%03d", 1 + static_cast<int>(pick(i, 32 + t, 10))) + ',' +
                 fmtInt("2024-03-%02dT", 2 + (i - 1) / 6) + fmtInt("%02d:00:00Z", 8 + t * 3) + ',' +
                 fmt("%.4f", 1.0 / touches) + '\n';
    }
    return s;
}

std::string attributionConfigJson(bool linear)
{
    return std::string("{\n  \"model\": \"") + (linear ? "linear" : "first_touch") +
           "\",\n  \"lookback_days\": 30,\n  \"currency\": \"EUR\",\n  \"inputs\": [\"upstream/sales-orders\", "
           "\"upstream/customer-profiles\"]\n}\n";
}

std::string marketingReadme()
{
    return "# Marketing attribution\n\nWhich campaigns brought which orders.\n\n"
           "Inputs are onboarded from other data products, not copied:\n\n"
           "- `upstream/sales-orders/` from `sales-orders@v1.0` (orders)\n"
           "- `upstream/customer-profiles/` from `customer-profiles@2024-q1` (customers)\n\n"
           "Outputs: `attribution/touchpoints.csv` (weights sum to 1 per order), `campaigns/campaigns.csv`.\n";
}

std::string returnsCsv()
{
    std::string s = "order_id,return_date,reason,refund_eur\n";
    static const char* reasons[] = {"wrong size", "damaged", "changed mind", "late delivery"};
    for (int i = 3; i <= 60; i += 7)
        s += fmtInt("ORD-%05d", 10000 + i) + ',' + fmtInt("2024-03-%02d", 10 + i / 7) + ',' + reasons[pick(i, 41, 4)] + ',' +
             fmt("%.2f", 20.0 + pick(i, 42, 150)) + '\n';
    return s;
}

} // namespace lakeside::demo
