// SPDX-License-Identifier: Apache-2.0
// LakeFsServer's wire behaviour, seen by a plain HTTP client: auth, status
// codes and bodies exactly as lakeFS (REFERENCE.md §2-§4, §11).
#include "remote/server.h"

#include "local/localbackend.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace lakeside;
using namespace lakeside::remote;
using nlohmann::json;

namespace {
const char* kKey = "AKIATEST";
const char* kSecret = "s3cr3t";
} // namespace

class TestLakeFsServer : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<LocalBackend> m_backend;
    std::unique_ptr<LakeFsServer> m_server;

    httplib::Client client(bool auth = true) const
    {
        httplib::Client c("127.0.0.1", m_server->port());
        if (auth) c.set_basic_auth(kKey, kSecret);
        return c;
    }
    std::string api(const std::string& p) const { return "/api/v1" + p; }

private slots:
    void initTestCase();
    void cleanupTestCase();
    void authentication_data();
    void authentication();
    void loginGivesABearerToken();
    void unknownEndpointAndBodyLimit();
    void branchCreateIsPlainText();
    void paginationShape();
    void objectGetHeadRangeAndETag();
    void uploadPreconditions();
    void mergeConflictBodyAndRevert204();
    void runServerStopsOnFlag();
    void largeUploadsSpoolAndAreCapped();
};

void TestLakeFsServer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto b = LocalBackend::open(m_dir.path().toStdString(), "tester");
    QVERIFY2(b.ok(), b.ok() ? "" : b.error().message.c_str());
    m_backend = std::move(b).value();
    ServerOptions o;
    o.port = 0;
    o.access_key_id = kKey;
    o.secret_access_key = kSecret;
    o.max_json_bytes = 4096;
    o.spool_memory_bytes = 1024;      // larger uploads go through a temporary file
    o.max_upload_bytes = 256 * 1024;
    m_server = std::make_unique<LakeFsServer>(*m_backend, o);
    QVERIFY(m_server->start().ok());
    RepositoryCreation c;
    c.name = "wire";
    QVERIFY(m_backend->createRepository(c).ok());
}

void TestLakeFsServer::cleanupTestCase()
{
    m_server.reset();
    m_backend.reset();
}

void TestLakeFsServer::authentication_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<int>("status");
    QTest::addRow("healthcheck needs none") << "/healthcheck" << "" << "" << 204;
    QTest::addRow("missing credentials") << "/repositories" << "" << "" << 401;
    QTest::addRow("wrong secret") << "/repositories" << kKey << "nope" << 401;
    QTest::addRow("wrong key") << "/repositories" << "AKIAOTHER" << kSecret << 401;
    QTest::addRow("valid") << "/repositories" << kKey << kSecret << 200;
}

void TestLakeFsServer::authentication()
{
    QFETCH(QString, path);
    QFETCH(QString, user);
    QFETCH(QString, secret);
    QFETCH(int, status);
    httplib::Client c = client(false);
    if (!user.isEmpty()) c.set_basic_auth(user.toStdString(), secret.toStdString());
    auto res = c.Get(api(path.toStdString()));
    QVERIFY(res);
    QCOMPARE(res->status, status);
    if (status == 401) QCOMPARE(json::parse(res->body).dump(), json({{"message", "error authenticating request"}}).dump());
}

void TestLakeFsServer::loginGivesABearerToken()
{
    httplib::Client c = client(false);
    auto bad = c.Post(api("/auth/login"), json({{"access_key_id", kKey}, {"secret_access_key", "x"}}).dump(), "application/json");
    QVERIFY(bad);
    QCOMPARE(bad->status, 401);
    auto res = c.Post(api("/auth/login"), json({{"access_key_id", kKey}, {"secret_access_key", kSecret}}).dump(), "application/json");
    QVERIFY(res);
    QCOMPARE(res->status, 200);
    const std::string token = json::parse(res->body).at("token").get<std::string>();
    QVERIFY(token.size() >= 32);
    c.set_bearer_token_auth(token);
    auto user = c.Get(api("/user"));
    QVERIFY(user);
    QCOMPARE(user->status, 200);
    QCOMPARE(json::parse(user->body)["user"]["id"].get<std::string>(), std::string("tester"));
}

void TestLakeFsServer::unknownEndpointAndBodyLimit()
{
    httplib::Client c = client();
    auto res = c.Get(api("/no/such/endpoint"));
    QVERIFY(res);
    QCOMPARE(res->status, 404);
    QCOMPARE(json::parse(res->body)["message"].get<std::string>(), std::string("invalid API endpoint"));
    const std::string big = json({{"name", std::string(8000, 'x')}, {"source", "main"}}).dump();
    auto tooBig = c.Post(api("/repositories/wire/branches"), big, "application/json");
    QVERIFY(tooBig);
    QCOMPARE(tooBig->status, 413);
    auto malformed = c.Post(api("/repositories/wire/tags"), "{not json", "application/json");
    QVERIFY(malformed);
    QCOMPARE(malformed->status, 400);
}

void TestLakeFsServer::branchCreateIsPlainText()
{
    httplib::Client c = client();
    auto res = c.Post(api("/repositories/wire/branches"), json({{"name", "b1"}, {"source", "main"}}).dump(), "application/json");
    QVERIFY(res);
    QCOMPARE(res->status, 201);
    QCOMPARE(res->body, m_backend->getBranch("wire", "main")->commit_id);
    auto dup = c.Post(api("/repositories/wire/branches"), json({{"name", "b1"}, {"source", "main"}}).dump(), "application/json");
    QCOMPARE(dup->status, 409);
    auto del = c.Delete(api("/repositories/wire/branches/main"));
    QCOMPARE(del->status, 403);
}

void TestLakeFsServer::paginationShape()
{
    httplib::Client c = client();
    auto res = c.Get(api("/repositories/wire/branches?amount=1"));
    QVERIFY(res);
    QCOMPARE(res->status, 200);
    const json j = json::parse(res->body);
    QCOMPARE(j["pagination"]["max_per_page"].get<int>(), 1000);
    QCOMPARE(j["pagination"]["results"].get<int>(), 1);
    QVERIFY(j["pagination"]["has_more"].get<bool>());
    QCOMPARE(j["pagination"]["next_offset"].dump(), j["results"][0]["id"].dump());
    auto last = c.Get(api("/repositories/wire/branches?amount=1&after=b1"));
    const json k = json::parse(last->body);
    QCOMPARE(k["results"][0]["id"].get<std::string>(), std::string("main"));
    QVERIFY(!k["pagination"]["has_more"].get<bool>());
    QCOMPARE(k["pagination"]["next_offset"].get<std::string>(), std::string());
}

void TestLakeFsServer::objectGetHeadRangeAndETag()
{
    httplib::Client c = client();
    auto up = c.Post(api("/repositories/wire/branches/main/objects?path=dir%2Ften.txt"), "0123456789", "application/octet-stream");
    QVERIFY(up);
    QCOMPARE(up->status, 201);
    const json st = json::parse(up->body);
    QCOMPARE(st["size_bytes"].get<int>(), 10);
    const std::string etag = "\"" + st["checksum"].get<std::string>() + "\"";

    auto get = c.Get(api("/repositories/wire/refs/main/objects?path=dir%2Ften.txt"));
    QCOMPARE(get->status, 200);
    QCOMPARE(get->body, std::string("0123456789"));
    QCOMPARE(get->get_header_value("ETag"), etag);
    QVERIFY(!get->get_header_value("Last-Modified").empty());

    auto ranged = c.Get(api("/repositories/wire/refs/main/objects?path=dir%2Ften.txt"), {{"Range", "bytes=1-3"}});
    QCOMPARE(ranged->status, 206);
    QCOMPARE(ranged->body, std::string("123"));
    QCOMPARE(ranged->get_header_value("Content-Range"), std::string("bytes 1-3/10"));
    auto suffix = c.Get(api("/repositories/wire/refs/main/objects?path=dir%2Ften.txt"), {{"Range", "bytes=-2"}});
    QCOMPARE(suffix->body, std::string("89"));
    auto beyond = c.Get(api("/repositories/wire/refs/main/objects?path=dir%2Ften.txt"), {{"Range", "bytes=20-"}});
    QCOMPARE(beyond->status, 416);

    auto cached = c.Get(api("/repositories/wire/refs/main/objects?path=dir%2Ften.txt"), {{"If-None-Match", etag}});
    QCOMPARE(cached->status, 304);
    QVERIFY(cached->body.empty());

    auto head = c.Head(api("/repositories/wire/refs/main/objects?path=dir%2Ften.txt"));
    QCOMPARE(head->status, 200);
    QCOMPARE(head->get_header_value("Content-Length"), std::string("10"));
    QVERIFY(head->body.empty());
    auto missing = c.Head(api("/repositories/wire/refs/main/objects?path=nope"));
    QCOMPARE(missing->status, 404);
}

void TestLakeFsServer::uploadPreconditions()
{
    httplib::Client c = client();
    auto first = c.Post(api("/repositories/wire/branches/main/objects?path=once"), httplib::Headers{{"If-None-Match", "*"}},
                        "1", "application/octet-stream");
    QCOMPARE(first->status, 201);
    auto second = c.Post(api("/repositories/wire/branches/main/objects?path=once"), httplib::Headers{{"If-None-Match", "*"}},
                         "2", "application/octet-stream");
    QCOMPARE(second->status, 412);
    auto ifMatch = c.Post(api("/repositories/wire/branches/main/objects?path=once"), httplib::Headers{{"If-Match", "\"x\""}},
                          "2", "application/octet-stream");
    QCOMPARE(ifMatch->status, 501);
    auto noBranch = c.Post(api("/repositories/wire/branches/ghost/objects?path=x"), "2", "application/octet-stream");
    QCOMPARE(noBranch->status, 404);
    httplib::MultipartFormDataItems form{{"content", "a,b\n", "t.csv", "text/csv"}};
    auto multi = c.Post(api("/repositories/wire/branches/main/objects?path=t.csv"), httplib::Headers{{"X-Lakefs-Meta-Owner", "sales"}}, form);
    QCOMPARE(multi->status, 201);
    const json st = json::parse(multi->body);
    QCOMPARE(st["content_type"].get<std::string>(), std::string("text/csv"));
    QCOMPARE(st["metadata"]["owner"].get<std::string>(), std::string("sales"));
}

void TestLakeFsServer::mergeConflictBodyAndRevert204()
{
    httplib::Client c = client();
    auto put = [&](const std::string& branch, const std::string& body) {
        return c.Post(api("/repositories/wire/branches/" + branch + "/objects?path=conflict"), body, "application/octet-stream")->status;
    };
    auto commitOn = [&](const std::string& branch) {
        return c.Post(api("/repositories/wire/branches/" + branch + "/commits"), json({{"message", "m"}}).dump(), "application/json")->status;
    };
    QCOMPARE(put("main", "base"), 201);
    QCOMPARE(commitOn("main"), 201);
    QCOMPARE(c.Post(api("/repositories/wire/branches"), json({{"name", "side"}, {"source", "main"}}).dump(), "application/json")->status, 201);
    QCOMPARE(put("main", "ours"), 201);
    QCOMPARE(commitOn("main"), 201);
    QCOMPARE(put("side", "theirs"), 201);
    QCOMPARE(commitOn("side"), 201);
    auto merge = c.Post(api("/repositories/wire/refs/side/merge/main"), "{}", "application/json");
    QCOMPARE(merge->status, 409);
    QCOMPARE(json::parse(merge->body).dump(), json({{"reference", ""}}).dump());
    auto revert = c.Post(api("/repositories/wire/branches/main/revert"), json({{"ref", "main"}, {"parent_number", 0}}).dump(), "application/json");
    QCOMPARE(revert->status, 204);
    QVERIFY(revert->body.empty());
}

void TestLakeFsServer::runServerStopsOnFlag()
{
    std::atomic<bool> stop{false};
    std::atomic<int> port{0};
    ServerOptions o;
    o.port = 0;
    o.access_key_id = kKey;
    o.secret_access_key = kSecret;
    Status result;
    std::thread t([&] { result = runServer(*m_backend, o, &stop, [&](int p) { port = p; }); });
    QTRY_VERIFY(port.load() > 0);
    httplib::Client c("127.0.0.1", port.load());
    auto res = c.Get(api("/healthcheck"));
    QVERIFY(res);
    QCOMPARE(res->status, 204);
    stop = true;
    t.join();
    QVERIFY(result.ok());
    ServerOptions noKeys;
    noKeys.port = 0;
    QCOMPARE(LakeFsServer(*m_backend, noKeys).start().kind(), ErrorKind::InvalidArgument);
}

void TestLakeFsServer::largeUploadsSpoolAndAreCapped()
{
    httplib::Client c = client();
    std::string body(100 * 1024, '\0');
    for (size_t i = 0; i < body.size(); ++i) body[i] = static_cast<char>(i * 7);
    auto up = c.Post(api("/repositories/wire/branches/main/objects?path=spooled.bin"), body, "application/octet-stream");
    QVERIFY(up);
    QCOMPARE(up->status, 201);
    auto back = c.Get(api("/repositories/wire/refs/main/objects?path=spooled.bin"));
    QCOMPARE(back->body.size(), body.size());
    QVERIFY(back->body == body);
    auto tooBig = c.Post(api("/repositories/wire/branches/main/objects?path=huge.bin"), std::string(300 * 1024, 'x'),
                         "application/octet-stream");
    QVERIFY(tooBig);
    QCOMPARE(tooBig->status, 413);
    QCOMPARE(m_backend->statObject("wire", "main", "huge.bin").error().kind, ErrorKind::NotFound);
}

QTEST_GUILESS_MAIN(TestLakeFsServer)
#include "tst_lakefsserver.moc"

