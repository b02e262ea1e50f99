// SPDX-License-Identifier: Apache-2.0
#include "fixture.h"

#include <cassert>

namespace lakeside::test {

const char* fixtureOrdersCsv()
{
    return "order_id,customer,amount,region\n"
           "1001,Alice,12.50,north\n"
           "1002,Bob,7.25,south\n"
           "1003,Carol,99.00,east\n"
           "1004,Dan,3.10,west\n"
           "1005,Eve,45.00,north\n";
}

std::string fixturePng()
{
    static const unsigned char png[] = {
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00,
        0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53, 0xde, 0x00,
        0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x08, 0xd7, 0x63, 0xf8, 0xcf, 0xc0, 0x00, 0x00, 0x03, 0x01,
        0x01, 0x00, 0x18, 0xdd, 0x8d, 0xb0, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60,
        0x82};
    return std::string(reinterpret_cast<const char*>(png), sizeof png);
}

std::shared_ptr<MemoryBackend> makeFixtureBackend(int64_t now)
{
    auto b = std::make_shared<MemoryBackend>();
    const int64_t day = 86400;
    b->clockNow = now - 10 * day;
    auto must = [](const Status& s) {
        assert(s.ok());
        (void)s;
    };
    auto commitAt = [&](const std::string& repo, const std::string& branch, const std::string& msg, int64_t when,
                        Metadata meta = {}) {
        CommitCreation c;
        c.message = msg;
        c.date = when;
        c.metadata = std::move(meta);
        must(b->commit(repo, branch, c).status());
    };
    must(b->createRepository({"sales-orders", "", "main", false}).status());
    must(b->put("sales-orders", "main", "README.md", "# Sales orders\n\nDaily orders by region.\n"));
    must(b->put("sales-orders", "main", "data/orders.csv", "order_id,customer,amount,region\n1001,Alice,12.50,north\n1002,Bob,7.25,south\n"));
    commitAt("sales-orders", "main", "Initial orders", now - 9 * day, {{"source", "erp"}});
    must(b->createTag("sales-orders", "v1.0", "main").status());
    must(b->put("sales-orders", "main", "data/orders.csv", fixtureOrdersCsv()));
    must(b->put("sales-orders", "main", "data/regions.tsv", "region\tmanager\nnorth\tNora\nsouth\tSam\n"));
    commitAt("sales-orders", "main", "More orders and regions", now - 6 * day);
    must(b->put("sales-orders", "main", "data/config.json", R"({"currency":"EUR","regions":["north","south"],"version":2})"));
    must(b->put("sales-orders", "main", "notes/2024/q1.txt", "Quarter one was quiet.\n"));
    must(b->put("sales-orders", "main", "notes/2024/q2.txt", "Quarter two grew.\n"));
    must(b->put("sales-orders", "main", "images/pixel.png", fixturePng()));
    commitAt("sales-orders", "main", "Config, notes and images", now - 2 * day);
    must(b->createBranch("sales-orders", "feature-x", "main").status());
    must(b->put("sales-orders", "feature-x", "data/extra.csv", "a,b\n1,2\n"));
    commitAt("sales-orders", "feature-x", "Extra data", now - day);
    must(b->createBranch("sales-orders", "ingest", "main").status());
    must(b->put("sales-orders", "ingest", "data/new.csv", "x,y\n1,2\n"));
    must(b->put("sales-orders", "ingest", "README.md", "# Sales orders\n\nNow with ingest.\n"));

    must(b->createRepository({"customer-profiles", "", "main", false}).status());
    must(b->put("customer-profiles", "main", "profiles.json", R"([{"id":1,"name":"Alice"}])"));
    commitAt("customer-profiles", "main", "Profiles", now - 3 * day);
    b->clockNow = now;
    return b;
}

} // namespace lakeside::test
