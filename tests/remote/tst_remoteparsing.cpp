// SPDX-License-Identifier: Apache-2.0
// The client's pure pieces, without a network: backoff, URL encoding,
// RFC 3339, hook-message parsing and the lakectl.yaml import.
#include "remote/lakectlconfig.h"
#include "remote/responseerror.h"
#include "remote/retry.h"
#include "remote/urlencode.h"
#include "remote/wire.h"

#include <QTemporaryDir>
#include <QTest>

using namespace lakeside;
using namespace lakeside::remote;

class TestRemoteParsing : public QObject {
    Q_OBJECT

private slots:
    void backoffIsBoundedWithJitter();
    void percentEncoding();
    void rfc3339RoundTrip();
    void hookRunIdParsing_data();
    void hookRunIdParsing();
    void lakectlYaml_data();
    void lakectlYaml();
};

void TestRemoteParsing::backoffIsBoundedWithJitter()
{
    RetryPolicy p;
    p.base_delay_ms = 100;
    p.max_delay_ms = 1000;
    std::mt19937 rng(7);
    for (int retry = 1; retry <= 8; ++retry) {
        const long expected = std::min(1000L, 100L << (retry - 1));
        for (int i = 0; i < 20; ++i) {
            const long d = backoffDelayMs(p, retry, rng);
            QVERIFY(d >= expected / 2 && d <= expected);
        }
    }
    QCOMPARE(backoffDelayMs(p, 1, rng, 0), 0L);
    QCOMPARE(backoffDelayMs(p, 1, rng, 30), 1000L);
    QVERIFY(isIdempotentMethod("PUT") && !isIdempotentMethod("POST"));
    QVERIFY(isRetryableStatus(429, false) && isRetryableStatus(503, false));
    QVERIFY(!isRetryableStatus(502, false) && isRetryableStatus(502, true));
    QVERIFY(!isRetryableStatus(409, true));
}

void TestRemoteParsing::percentEncoding()
{
    QCOMPARE(percentEncode("a b/c~d"), std::string("a%20b%2Fc~d"));
    QCOMPARE(percentEncode("main^1$"), std::string("main%5E1%24"));
    QCOMPARE(encodeQuery({{"path", "x/y z"}, {"objects", "a&b"}}), std::string("path=x%2Fy%20z&objects=a%26b"));
    QCOMPARE(normalizedApiBase("http://h:8000/"), std::string("http://h:8000/api/v1"));
    QCOMPARE(normalizedApiBase("http://h:8000/api/v1/"), std::string("http://h:8000/api/v1"));
}

void TestRemoteParsing::rfc3339RoundTrip()
{
    QCOMPARE(toRfc3339(0), std::string("1970-01-01T00:00:00Z"));
    QCOMPARE(fromRfc3339("2024-02-03T04:05:06Z"), int64_t(1706933106));
    QCOMPARE(fromRfc3339("2024-02-03T06:05:06.123+02:00"), int64_t(1706933106));
    QCOMPARE(fromRfc3339("yesterday"), int64_t(-1));
}

void TestRemoteParsing::hookRunIdParsing_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("runId");
    QTest::addRow("pre-merge") << "pre-merge hook aborted, run id 'abc': 1 error" << "abc";
    QTest::addRow("wrapped") << "merge: pre-commit hook aborted, run id '0x1'" << "0x1";
    QTest::addRow("none") << "conflict found" << "";
}

void TestRemoteParsing::hookRunIdParsing()
{
    QFETCH(QString, message);
    QFETCH(QString, runId);
    QCOMPARE(QString::fromStdString(hookRunIdFromMessage(message.toStdString())), runId);
}

void TestRemoteParsing::lakectlYaml_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("expect"); // endpoint, or a fragment of the error
    QTest::addRow("complete") << "credentials:\n  access_key_id: AK\n  secret_access_key: SK\nserver:\n  endpoint_url: https://lakefs.example.com/api/v1\n"
                              << true << "https://lakefs.example.com/api/v1";
    QTest::addRow("no endpoint") << "credentials:\n  access_key_id: AK\n  secret_access_key: SK\n" << false << "server.endpoint_url";
    QTest::addRow("no secret") << "credentials:\n  access_key_id: AK\nserver:\n  endpoint_url: http://h\n" << false << "secret_access_key";
    QTest::addRow("not yaml") << "credentials: [unclosed\n" << false << "not valid YAML";
}

void TestRemoteParsing::lakectlYaml()
{
    QFETCH(QString, yaml);
    QFETCH(bool, ok);
    QFETCH(QString, expect);
    auto c = parseLakectlYaml(yaml.toStdString());
    QCOMPARE(c.ok(), ok);
    if (ok) {
        QCOMPARE(QString::fromStdString(c->endpoint), expect);
        QCOMPARE(c->access_key_id, std::string("AK"));
        QCOMPARE(c->secret_access_key, std::string("SK"));
        QVERIFY(c->verify_tls);
    } else {
        QVERIFY2(c.error().message.find(expect.toStdString()) != std::string::npos, c.error().message.c_str());
    }
    QTemporaryDir dir;
    QCOMPARE(loadLakectlConfig(dir.path().toStdString() + "/missing.yaml").error().kind, ErrorKind::NotFound);
}

QTEST_GUILESS_MAIN(TestRemoteParsing)
#include "tst_remoteparsing.moc"
