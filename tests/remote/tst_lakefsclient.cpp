// SPDX-License-Identifier: Apache-2.0
// LakeFsBackend against a scripted HTTP server: how lakeFS's answers (and
// failures to answer) become results and errors, and when requests are retried.
#include "remote/connectiontest.h"
#include "remote/lakefsbackend.h"
#include "remote/responseerror.h"
#include "remote/wire.h"

#include "scriptedserver.h"

#include <QTemporaryDir>
#include <QTest>

#include <condition_variable>
#include <mutex>

using namespace lakeside;
using namespace lakeside::remote;

namespace {

const char* kCommit = R"({"id":"c1","parents":[],"committer":"u","message":"m","creation_date":1,"meta_range_id":""})";

} // namespace

class TestLakeFsClient : public QObject {
    Q_OBJECT

private:
    ScriptedServer* m_server = nullptr;
    QTemporaryDir m_state;
    std::atomic<int> m_flaky{0}, m_down{0}, m_postRetry{0}, m_badGateway{0};
    std::mutex m_slowMutex;
    std::condition_variable m_slowCv;
    bool m_release = false;
    std::string m_uploadBody, m_uploadType, m_uploadPartType, m_uploadMeta, m_uploadIfNoneMatch;

    ConnectionConfig config(const std::string& url) const
    {
        ConnectionConfig c;
        c.name = "test";
        c.endpoint = url;
        c.access_key_id = "AKIA";
        c.secret_access_key = "secret";
        c.retry.base_delay_ms = 1;
        c.retry.max_delay_ms = 5;
        c.retry.max_attempts = 3;
        c.timeouts.connect_ms = 2000;
        c.state_dir = m_state.path().toStdString();
        return c;
    }

private slots:
    void initTestCase();
    void cleanupTestCase();
    void retriesAfter429();
    void gives503UpAfterMaxAttempts();
    void retriesPostOnlyFor429And503_data();
    void retriesPostOnlyFor429And503();
    void mapsHookFailureRunId();
    void parsesPlainTextBranchCreate();
    void malformedJsonIsAClearError();
    void mergeConflictCollectsPaths();
    void revertReadsTheNewHead();
    void patchAccepts204();
    void badCredentialsSayWhy();
    void connectionRefusedIsUnavailable();
    void timeoutIsUnavailable();
    void uploadStreamsRawAndMultipart_data();
    void uploadStreamsRawAndMultipart();
    void downloadRangeAndCancel();
    void reviewsStayClientSide();
    void connectionTestReportsRefused();
    void connectionTestReportsCredentials();
    void connectionTestReportsTls();
    void uploadCancellation();
};

void TestLakeFsClient::initTestCase()
{
    QVERIFY(m_state.isValid());
    m_server = new ScriptedServer;
    auto& s = m_server->http();
    s.Get("/api/v1/repositories/flaky", [this](const httplib::Request&, httplib::Response& res) {
        if (m_flaky++ == 0) {
            res.status = 429;
            res.set_header("Retry-After", "0");
            res.set_content(R"({"message":"Too many attempts, try again later"})", "application/json");
            return;
        }
        res.set_content(R"({"id":"flaky","creation_date":5,"default_branch":"main","storage_namespace":"local://flaky"})", "application/json");
    });
    s.Get("/api/v1/repositories/down", [this](const httplib::Request&, httplib::Response& res) {
        ++m_down;
        res.status = 503;
        res.set_content(R"({"message":"Throughput exceeded. Slow down and retry"})", "application/json");
    });
    s.Post("/api/v1/repositories/r/branches/(busy|gateway)/commits", [this](const httplib::Request& req, httplib::Response& res) {
        const bool busy = req.matches[1] == "busy";
        const int n = busy ? m_postRetry++ : m_badGateway++;
        if (n == 0) {
            res.status = busy ? 429 : 502;
            res.set_content(R"({"message":"try again"})", "application/json");
            return;
        }
        res.status = 201;
        res.set_content(kCommit, "application/json");
    });
    s.Post("/api/v1/repositories/r/branches/hooked/commits", [](const httplib::Request&, httplib::Response& res) {
        res.status = 412;
        res.set_content(R"({"message":"pre-commit hook aborted, run id 'RUN42': 1 error occurred:\n\t* hook run id '0000_0000' failed on action 'check' hook 'h': action failed"})",
                        "application/json");
    });
    s.Post("/api/v1/repositories/r/branches", [](const httplib::Request& req, httplib::Response& res) {
        const auto j = nlohmann::json::parse(req.body);
        res.status = 201;
        res.set_content(j.value("name", "") == "quoted" ? "\"abc123\"" : "abc123\n", "text/html");
    });
    s.Get("/api/v1/repositories/bad", [](const httplib::Request&, httplib::Response& res) {
        res.set_content("<html>not json", "text/html");
    });
    s.Post("/api/v1/repositories/r/refs/feature/merge/main", [](const httplib::Request&, httplib::Response& res) {
        res.status = 409;
        res.set_content(R"({"reference":""})", "application/json");
    });
    s.Get("/api/v1/repositories/r/refs/main/diff/feature", [](const httplib::Request& req, httplib::Response& res) {
        if (req.get_param_value("after").empty()) {
            res.set_content(R"({"pagination":{"has_more":true,"next_offset":"b","results":2,"max_per_page":1000},
                "results":[{"type":"conflict","path":"a","path_type":"object"},{"type":"added","path":"b","path_type":"object"}]})", "application/json");
        } else {
            res.set_content(R"({"pagination":{"has_more":false,"next_offset":"","results":1,"max_per_page":1000},
                "results":[{"type":"conflict","path":"c","path_type":"object"}]})", "application/json");
        }
    });
    s.Post("/api/v1/repositories/r/branches/main/revert", [](const httplib::Request&, httplib::Response& res) { res.status = 204; });
    s.Get("/api/v1/repositories/r/branches/main", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(R"({"id":"main","commit_id":"c1"})", "application/json");
    });
    s.Get("/api/v1/repositories/r/commits/c1", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(kCommit, "application/json");
    });
    s.Patch("/api/v1/repositories/r/pulls/p1", [](const httplib::Request&, httplib::Response& res) { res.status = 204; });
    s.Get("/api/v1/repositories/r/pulls/p1", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(R"({"id":"p1","status":"open","title":"t","description":"","author":"u","source_branch":"f","destination_branch":"main","creation_date":"2024-01-01T00:00:00Z"})", "application/json");
    });
    s.Get("/api/v1/repositories/denied", [](const httplib::Request&, httplib::Response& res) {
        res.status = 401;
        res.set_content(R"({"message":"error authenticating request"})", "application/json");
    });
    s.Get("/api/v1/repositories/slow", [this](const httplib::Request&, httplib::Response& res) {
        std::unique_lock<std::mutex> lock(m_slowMutex);
        m_slowCv.wait_for(lock, std::chrono::seconds(5), [this] { return m_release; });
        res.status = 200;
    });
    s.Post("/api/v1/repositories/r/branches/main/objects", [this](const httplib::Request& req, httplib::Response& res) {
        m_uploadType = req.get_header_value("Content-Type");
        m_uploadMeta = req.get_header_value("X-Lakefs-Meta-Owner");
        m_uploadIfNoneMatch = req.get_header_value("If-None-Match");
        m_uploadBody = req.is_multipart_form_data() ? req.get_file_value("content").content : req.body;
        m_uploadPartType = req.is_multipart_form_data() ? req.get_file_value("content").content_type : std::string();
        res.status = 201;
        res.set_content(R"({"path":"p","path_type":"object","physical_address":"x","checksum":"c","mtime":1,"size_bytes":3})", "application/json");
    });
    s.Get("/api/v1/repositories/r/refs/main/objects", [](const httplib::Request& req, httplib::Response& res) {
        if (req.get_header_value("Range") == "bytes=2-4") {
            res.set_content("0123456789", "application/octet-stream"); // httplib answers 206 with the slice
            return;
        }
        res.set_content(std::string(1 << 20, 'x'), "application/octet-stream");
    });
    QVERIFY(m_server->start());
}

void TestLakeFsClient::cleanupTestCase()
{
    {
        std::lock_guard<std::mutex> g(m_slowMutex);
        m_release = true;
    }
    m_slowCv.notify_all();
    delete m_server;
}

void TestLakeFsClient::retriesAfter429()
{
    LakeFsBackend b(config(m_server->url()));
    auto r = b.getRepository("flaky");
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
    QCOMPARE(r->default_branch, std::string("main"));
    QCOMPARE(m_flaky.load(), 2);
}

void TestLakeFsClient::gives503UpAfterMaxAttempts()
{
    LakeFsBackend b(config(m_server->url()));
    auto r = b.getRepository("down");
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, ErrorKind::Unavailable);
    QVERIFY(r.error().message.find("Throughput exceeded") != std::string::npos);
    QCOMPARE(m_down.load(), 3);
}

void TestLakeFsClient::retriesPostOnlyFor429And503_data()
{
    QTest::addColumn<QString>("branch");
    QTest::addColumn<bool>("succeeds");
    QTest::addRow("429 is retried for POST") << "busy" << true;
    QTest::addRow("502 is not retried for POST") << "gateway" << false;
}

void TestLakeFsClient::retriesPostOnlyFor429And503()
{
    QFETCH(QString, branch);
    QFETCH(bool, succeeds);
    LakeFsBackend b(config(m_server->url()));
    CommitCreation c;
    c.message = "m";
    auto r = b.commit("r", branch.toStdString(), c);
    QCOMPARE(r.ok(), succeeds);
    if (!succeeds) QCOMPARE(r.error().kind, ErrorKind::Unavailable);
}

void TestLakeFsClient::mapsHookFailureRunId()
{
    LakeFsBackend b(config(m_server->url()));
    CommitCreation c;
    c.message = "m";
    auto r = b.commit("r", "hooked", c);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, ErrorKind::PreconditionFailed);
    QCOMPARE(r.error().runId, std::string("RUN42"));
    QVERIFY(r.error().message.find("branch 'hooked'") != std::string::npos);
}

void TestLakeFsClient::parsesPlainTextBranchCreate()
{
    LakeFsBackend b(config(m_server->url()));
    for (const char* name : {"plain", "quoted"}) {
        auto r = b.createBranch("r", name, "main");
        QVERIFY(r.ok());
        QCOMPARE(r->id, std::string(name));
        QCOMPARE(r->commit_id, std::string("abc123"));
    }
}

void TestLakeFsClient::malformedJsonIsAClearError()
{
    LakeFsBackend b(config(m_server->url()));
    auto r = b.getRepository("bad");
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, ErrorKind::InvalidArgument);
    QVERIFY(r.error().message.find("malformed JSON") != std::string::npos);
    QVERIFY(r.error().message.find("repository 'bad'") != std::string::npos);
}

void TestLakeFsClient::mergeConflictCollectsPaths()
{
    LakeFsBackend b(config(m_server->url()));
    auto r = b.merge("r", "feature", "main", MergeParams{});
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, ErrorKind::Conflict);
    QCOMPARE(r.error().conflicts, (std::vector<std::string>{"a", "c"}));
}

void TestLakeFsClient::revertReadsTheNewHead()
{
    LakeFsBackend b(config(m_server->url()));
    auto r = b.revertBranch("r", "main", "c0", 0, CommitOverrides{}, false);
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
    QCOMPARE(r->id, std::string("c1"));
}

void TestLakeFsClient::patchAccepts204()
{
    LakeFsBackend b(config(m_server->url()));
    PullRequestUpdate u;
    u.status = PullStatus::Closed;
    QVERIFY(b.updatePull("r", "p1", u).ok());
}

void TestLakeFsClient::badCredentialsSayWhy()
{
    LakeFsBackend b(config(m_server->url()));
    auto r = b.getRepository("denied");
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, ErrorKind::Unauthorized);
    QVERIFY(r.error().message.find("access key") != std::string::npos);
}

void TestLakeFsClient::connectionRefusedIsUnavailable()
{
    ScriptedServer gone;
    QVERIFY(gone.start());
    const std::string url = gone.url();
    gone.stop(); // the port is now closed
    LakeFsBackend b(config(url));
    auto r = b.listRepositories(ListParams{});
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, ErrorKind::Unavailable);
    QVERIFY2(r.error().message.find("connection refused") != std::string::npos, r.error().message.c_str());
}

void TestLakeFsClient::timeoutIsUnavailable()
{
    ConnectionConfig c = config(m_server->url());
    c.timeouts.request_ms = 200;
    c.retry.max_attempts = 1;
    LakeFsBackend b(c);
    auto r = b.getRepository("slow");
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, ErrorKind::Unavailable);
    QVERIFY2(r.error().message.find("timed out") != std::string::npos, r.error().message.c_str());
}

void TestLakeFsClient::uploadStreamsRawAndMultipart_data()
{
    QTest::addColumn<qint64>("threshold");
    QTest::addColumn<bool>("multipart");
    QTest::addColumn<QString>("type");
    QTest::addRow("raw body") << qint64(1 << 20) << false << "application/octet-stream";
    QTest::addRow("multipart for size") << qint64(1) << true << "application/octet-stream";
    QTest::addRow("multipart for type") << qint64(1 << 20) << true << "text/csv";
}

void TestLakeFsClient::uploadStreamsRawAndMultipart()
{
    QFETCH(qint64, threshold);
    QFETCH(bool, multipart);
    QFETCH(QString, type);
    ConnectionConfig c = config(m_server->url());
    c.multipart_threshold = threshold;
    LakeFsBackend b(c);
    const std::string data = "a,b\n1,2\n";
    size_t pos = 0;
    ByteSource src = [&](char* buf, int64_t cap) -> int64_t {
        const size_t n = std::min<size_t>(static_cast<size_t>(cap), std::min<size_t>(3, data.size() - pos));
        std::memcpy(buf, data.data() + pos, n);
        pos += n;
        return static_cast<int64_t>(n);
    };
    UploadOptions o;
    o.content_type = type.toStdString();
    o.metadata["owner"] = "sales";
    o.if_none_match_star = true;
    int64_t lastDone = 0;
    OpContext ctx;
    ctx.progress = [&](int64_t done, int64_t) { lastDone = done; };
    auto r = b.uploadObject("r", "main", "dir/t.csv", src, static_cast<int64_t>(data.size()), o, ctx);
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
    QCOMPARE(m_uploadBody, data);
    QCOMPARE(m_uploadMeta, std::string("sales"));
    QCOMPARE(m_uploadIfNoneMatch, std::string("*"));
    QCOMPARE(m_uploadType.rfind("multipart/form-data", 0) == 0, multipart);
    if (!multipart) QCOMPARE(m_uploadType, type.toStdString());
    else QCOMPARE(m_uploadPartType, type.toStdString());
    QVERIFY(lastDone >= static_cast<int64_t>(data.size()));
}

void TestLakeFsClient::downloadRangeAndCancel()
{
    LakeFsBackend b(config(m_server->url()));
    std::string got;
    ByteSink sink = [&](const char* d, int64_t n) { got.append(d, static_cast<size_t>(n)); return true; };
    QVERIFY(b.getObject("r", "main", "f", sink, ByteRange{2, 4}).ok());
    QCOMPARE(got, std::string("234"));

    std::atomic<bool> cancel{false};
    OpContext ctx;
    ctx.cancelled = &cancel;
    ByteSink stopping = [&](const char*, int64_t) { cancel = true; return true; };
    Status s = b.getObject("r", "main", "f", stopping, std::nullopt, ctx);
    QVERIFY(!s.ok());
    QCOMPARE(s.kind(), ErrorKind::Cancelled);

    ByteSink refusing = [](const char*, int64_t) { return false; };
    s = b.getObject("r", "main", "f", refusing);
    QCOMPARE(s.kind(), ErrorKind::Cancelled);
}

void TestLakeFsClient::reviewsStayClientSide()
{
    LakeFsBackend b(config(m_server->url()));
    Review r;
    r.author = "ana";
    r.verdict = ReviewVerdict::Approve;
    r.comment = "lgtm";
    QVERIFY(b.addReview("r", "p1", r).ok());
    // A second client on the same endpoint and state dir sees it; another endpoint does not.
    LakeFsBackend again(config(m_server->url() + "/api/v1/"));
    auto list = again.listReviews("r", "p1");
    QVERIFY(list.ok());
    QCOMPARE(list->size(), size_t(1));
    QCOMPARE(list->front().verdict, ReviewVerdict::Approve);
    QVERIFY(!list->front().created.empty());
    LakeFsBackend other(config("http://127.0.0.1:1"));
    QCOMPARE(other.listReviews("r", "p1")->size(), size_t(0));
}

void TestLakeFsClient::connectionTestReportsRefused()
{
    ScriptedServer gone;
    QVERIFY(gone.start());
    const std::string url = gone.url();
    gone.stop();
    ConnectionReport rep = testConnection(config(url));
    QCOMPARE(rep.problem, ConnectionProblem::ConnectionRefused);
    QVERIFY(rep.summary.find("Connection refused") != std::string::npos);
    ConnectionConfig bad = config("ftp://x");
    QCOMPARE(testConnection(bad).problem, ConnectionProblem::InvalidEndpoint);
}

void TestLakeFsClient::connectionTestReportsCredentials()
{
    ScriptedServer s;
    s.http().Get("/api/v1/healthcheck", [](const httplib::Request&, httplib::Response& res) { res.status = 204; });
    s.http().Get("/api/v1/config/version", [](const httplib::Request& req, httplib::Response& res) {
        if (req.get_header_value("Authorization").empty()) {
            res.status = 401;
            res.set_content(R"({"message":"error authenticating request"})", "application/json");
            return;
        }
        res.set_content(R"({"version":"1.2.3"})", "application/json");
    });
    s.http().Get("/api/v1/user", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(R"({"user":{"id":"admin","creation_date":1}})", "application/json");
    });
    QVERIFY(s.start());
    ConnectionReport ok = testConnection(config(s.url()));
    QVERIFY2(ok.ok(), ok.summary.c_str());
    QCOMPARE(ok.serverVersion, std::string("1.2.3"));
    QCOMPARE(ok.userId, std::string("admin"));
    QCOMPARE(ok.steps.size(), size_t(3));
    ConnectionConfig anon = config(s.url());
    anon.access_key_id.clear();
    ConnectionReport denied = testConnection(anon);
    QCOMPARE(denied.problem, ConnectionProblem::Credentials);
}

void TestLakeFsClient::connectionTestReportsTls()
{
    // https:// against a plain-HTTP port fails in the TLS handshake.
    ConnectionConfig c = config("https://127.0.0.1:" + std::to_string(m_server->port()));
    ConnectionReport rep = testConnection(c);
    QCOMPARE(rep.problem, ConnectionProblem::Tls);
    QVERIFY2(rep.summary.find("TLS") != std::string::npos, rep.summary.c_str());
    LakeFsBackend b(c);
    auto r = b.getRepository("flaky");
    QCOMPARE(r.error().kind, ErrorKind::Unavailable);
    QVERIFY(r.error().message.find("TLS") != std::string::npos);
}

void TestLakeFsClient::uploadCancellation()
{
    LakeFsBackend b(config(m_server->url()));
    std::atomic<bool> cancel{false};
    OpContext ctx;
    ctx.cancelled = &cancel;
    int64_t produced = 0;
    // An endless source: only cancellation can end this upload.
    ByteSource endless = [&](char* buf, int64_t cap) -> int64_t {
        std::memset(buf, 'z', static_cast<size_t>(cap));
        produced += cap;
        if (produced > (1 << 20)) cancel = true;
        return cap;
    };
    auto r = b.uploadObject("r", "main", "endless", endless, -1, UploadOptions{}, ctx);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, ErrorKind::Cancelled);
    ByteSource failing = [](char*, int64_t) -> int64_t { return -1; };
    auto f = b.uploadObject("r", "main", "bad", failing, -1, UploadOptions{}, {});
    QCOMPARE(f.error().kind, ErrorKind::Io);
}

QTEST_GUILESS_MAIN(TestLakeFsClient)
#include "tst_lakefsclient.moc"
