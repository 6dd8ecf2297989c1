// SPDX-License-Identifier: Apache-2.0
// End-to-end: perimeterd between two perimeter-sim processes (one on-prem, one cloud) on
// loopback. What reached which tier is read from the sims' own logs of what they received.
#include "HttpTestClient.h"
#include "ManagedProcess.h"
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <csignal>

// No raw string literals here: Qt 6.4's moc mis-tokenises them and silently skips the class.
using namespace perimeter::test;

namespace {
const QByteArray kCallerKey = QByteArrayLiteral("pk-test-caller-key-0123456789");
const QByteArray kCloudSecret = QByteArrayLiteral("cloud-upstream-secret-42");
// Test vectors: a Luhn-valid card number and a well-formed (made-up) AWS access key id; AWS's
// documented AKIA...EXAMPLE key is deliberately treated as a placeholder by the classifier.
const char *kCard = "4111 1111 1111 1111";
const char *kAwsKey = "AKIAZ7QX4M2PLKWT3VBN";
} // namespace

class GatewayE2eTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();

    void cardNumberStaysOnPrem();
    void awsKeyStaysOnPrem();
    void cleanRequestReachesCloudWithItsOwnCredential();
    void sensitiveRequestForCloudOnlyModelIsRejected();
    void callerLabelRaisesLevel();
    void embeddingsInputIsClassified();
    void streamingArrivesIncrementally();
    void unauthenticatedIsRejected();
    void malformedRequestsAreRejected_data();
    void malformedRequestsAreRejected();
    void upstreamFailureGives502WithTier();
    void upstreamHangGives504();
    void failingOnPremNeverFallsBackToCloud();
    void modelsAreListed();
    void keysCreatedWithPerimeterctlWorkUntilRevoked();
    void badConfigIsRefusedWithEveryProblem();
    void everyRequestHasExactlyOneAuditRecord();
    void sigtermDrainsInFlightStream();

private:
    HttpTestResponse chat(const QString &model, const QString &content, const QList<QPair<QByteArray, QByteArray>> &extra = {},
                          bool stream = false);
    QJsonArray received(ManagedProcess &sim);
    void resetSims();
    void simConfig(ManagedProcess &sim, const QJsonObject &config);
    void remember(const HttpTestResponse &response);
    QString writeConfig(const QString &name, quint16 onpremPort, quint16 cloudPort);

    QTemporaryDir m_dir;
    ManagedProcess m_onprem;
    ManagedProcess m_cloud;
    ManagedProcess m_gateway;
    QString m_configPath;
    QStringList m_requestIds;
};

QString GatewayE2eTest::writeConfig(const QString &name, quint16 onpremPort, quint16 cloudPort)
{
    const QString hash = QString::fromLatin1(QCryptographicHash::hash(kCallerKey, QCryptographicHash::Sha256).toHex());
    QJsonObject config{
        {QStringLiteral("listen"), QJsonObject{{QStringLiteral("host"), QStringLiteral("127.0.0.1")}, {QStringLiteral("port"), 0}}},
        {QStringLiteral("data_dir"), QStringLiteral("var")},
        {QStringLiteral("callers"), QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("alice")}, {QStringLiteral("team"), QStringLiteral("risk")},
                                                           {QStringLiteral("api_key_sha256"), hash}}}},
        {QStringLiteral("endpoints"),
         QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("gpu-1")}, {QStringLiteral("tier"), QStringLiteral("onprem")},
                                {QStringLiteral("url"), QStringLiteral("http://127.0.0.1:%1/v1").arg(onpremPort)},
                                {QStringLiteral("idle_timeout_ms"), 1500}},
                    QJsonObject{{QStringLiteral("id"), QStringLiteral("cloud-1")}, {QStringLiteral("tier"), QStringLiteral("cloud")},
                                {QStringLiteral("url"), QStringLiteral("http://127.0.0.1:%1/v1").arg(cloudPort)},
                                {QStringLiteral("credential"), QStringLiteral("cloud:sim")}}}},
        {QStringLiteral("models"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("llama-70b")}, {QStringLiteral("kind"), QStringLiteral("chat")},
                                {QStringLiteral("endpoints"), QJsonArray{QStringLiteral("gpu-1")}}},
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("gpt-4o")}, {QStringLiteral("kind"), QStringLiteral("chat")},
                                {QStringLiteral("endpoints"), QJsonArray{QStringLiteral("cloud-1")}}},
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("mixtral")}, {QStringLiteral("kind"), QStringLiteral("chat")},
                                {QStringLiteral("endpoints"), QJsonArray{QStringLiteral("gpu-1"), QStringLiteral("cloud-1")}}},
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("embed")}, {QStringLiteral("kind"), QStringLiteral("embedding")},
                                {QStringLiteral("endpoints"), QJsonArray{QStringLiteral("cloud-1"), QStringLiteral("gpu-1")}}}}},
        {QStringLiteral("drain_grace_seconds"), 10},
        // Probes would show up in the sims' logs of what they received, which these tests count.
        {QStringLiteral("health_checks"), QJsonObject{{QStringLiteral("enabled"), false}}}};
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(QJsonDocument(config).toJson());
    return path;
}

void GatewayE2eTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_onprem.start(QStringLiteral("perimeter-sim"),
                            {QStringLiteral("--name"), QStringLiteral("onprem"), QStringLiteral("--port"), QStringLiteral("0"),
                             QStringLiteral("--models"), QStringLiteral("llama-70b,mixtral,embed")}),
             qPrintable(m_onprem.errorOutput()));
    QVERIFY2(m_cloud.start(QStringLiteral("perimeter-sim"),
                           {QStringLiteral("--name"), QStringLiteral("cloud"), QStringLiteral("--port"), QStringLiteral("0"),
                            QStringLiteral("--models"), QStringLiteral("gpt-4o,mixtral,embed"), QStringLiteral("--api-key"), QString::fromLatin1(kCloudSecret)}),
             qPrintable(m_cloud.errorOutput()));
    m_configPath = writeConfig(QStringLiteral("perimeter.json"), m_onprem.port(), m_cloud.port());
    QVERIFY(!m_configPath.isEmpty());
    qputenv("PERIMETER_CREDENTIAL_CLOUD_SIM", kCloudSecret);
    QVERIFY2(m_gateway.start(QStringLiteral("perimeterd"), {QStringLiteral("--config"), m_configPath}), qPrintable(m_gateway.errorOutput()));
}

void GatewayE2eTest::cleanupTestCase()
{
    if (m_gateway.isRunning())
        QCOMPARE(m_gateway.terminate(), 0);
    m_onprem.terminate();
    m_cloud.terminate();
}

void GatewayE2eTest::init()
{
    resetSims();
}

void GatewayE2eTest::remember(const HttpTestResponse &response)
{
    const QByteArray id = response.header("x-perimeter-request-id");
    if (!id.isEmpty())
        m_requestIds.append(QString::fromLatin1(id));
}

HttpTestResponse GatewayE2eTest::chat(const QString &model, const QString &content, const QList<QPair<QByteArray, QByteArray>> &extra, bool stream)
{
    QJsonObject body{{QStringLiteral("model"), model},
                     {QStringLiteral("messages"), QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")}, {QStringLiteral("content"), content}}}}};
    if (stream)
        body.insert(QStringLiteral("stream"), true);
    QList<QPair<QByteArray, QByteArray>> headers{{"authorization", "Bearer " + kCallerKey}};
    headers.append(extra);
    auto response = HttpTestClient::request("POST", QUrl(m_gateway.url() + QStringLiteral("/v1/chat/completions")),
                                            QJsonDocument(body).toJson(QJsonDocument::Compact), headers, 20000);
    remember(response);
    return response;
}

QJsonArray GatewayE2eTest::received(ManagedProcess &sim)
{
    const auto response = HttpTestClient::request("GET", QUrl(sim.url() + QStringLiteral("/__sim/received")));
    return QJsonDocument::fromJson(response.body).array();
}

void GatewayE2eTest::simConfig(ManagedProcess &sim, const QJsonObject &config)
{
    const auto response = HttpTestClient::request("POST", QUrl(sim.url() + QStringLiteral("/__sim/config")), QJsonDocument(config).toJson());
    QCOMPARE(response.status, 200);
}

void GatewayE2eTest::resetSims()
{
    for (auto *sim : {&m_onprem, &m_cloud}) {
        HttpTestClient::request("POST", QUrl(sim->url() + QStringLiteral("/__sim/reset")));
        simConfig(*sim, QJsonObject{{QStringLiteral("fail"), QStringLiteral("none")}, {QStringLiteral("latency_ms"), 0},
                                    {QStringLiteral("tokens_per_second"), 0}});
    }
}

void GatewayE2eTest::cardNumberStaysOnPrem()
{
    const auto r = chat(QStringLiteral("mixtral"), QStringLiteral("Please charge card %1 for the order").arg(QLatin1String(kCard)));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("x-perimeter-tier"), QByteArray("onprem"));
    QCOMPARE(r.header("x-perimeter-sensitivity"), QByteArray("confidential"));
    QCOMPARE(received(m_onprem).size(), 1);
    QCOMPARE(received(m_cloud).size(), 0);
}

void GatewayE2eTest::awsKeyStaysOnPrem()
{
    const auto r = chat(QStringLiteral("mixtral"), QStringLiteral("our deploy key is %1, why does it fail?").arg(QLatin1String(kAwsKey)));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("x-perimeter-tier"), QByteArray("onprem"));
    QCOMPARE(r.header("x-perimeter-sensitivity"), QByteArray("restricted"));
    QCOMPARE(received(m_onprem).size(), 1);
    QCOMPARE(received(m_cloud).size(), 0);
}

void GatewayE2eTest::cleanRequestReachesCloudWithItsOwnCredential()
{
    const auto r = chat(QStringLiteral("gpt-4o"), QStringLiteral("Write a haiku about autumn."));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("x-perimeter-tier"), QByteArray("cloud"));
    QCOMPARE(r.header("x-perimeter-sensitivity"), QByteArray("public"));
    QVERIFY(!r.header("x-perimeter-request-id").isEmpty());
    const auto cloud = received(m_cloud);
    QCOMPARE(cloud.size(), 1);
    QCOMPARE(received(m_onprem).size(), 0);
    const QByteArray raw = QJsonDocument(cloud.first().toObject()).toJson();
    QVERIFY2(raw.contains(kCloudSecret), "the cloud endpoint's credential must be sent");
    QVERIFY2(!raw.contains(kCallerKey), "the caller's key must never be forwarded");
    QVERIFY(QJsonDocument::fromJson(r.body).object().contains(QStringLiteral("choices")));
}

void GatewayE2eTest::sensitiveRequestForCloudOnlyModelIsRejected()
{
    const auto r = chat(QStringLiteral("gpt-4o"), QStringLiteral("card %1").arg(QLatin1String(kCard)));
    QCOMPARE(r.status, 403);
    const auto error = QJsonDocument::fromJson(r.body).object();
    QCOMPARE(error[QStringLiteral("error")][QStringLiteral("code")].toString(), QStringLiteral("residency_violation"));
    QCOMPARE(error[QStringLiteral("perimeter")][QStringLiteral("sensitivity")].toString(), QStringLiteral("confidential"));
    const QString message = error[QStringLiteral("error")][QStringLiteral("message")].toString();
    QVERIFY(message.contains(QStringLiteral("gpt-4o")));
    QVERIFY(message.contains(QStringLiteral("confidential")));
    QVERIFY(message.contains(QStringLiteral("CREDIT_CARD")));
    QVERIFY2(!r.body.contains("4111"), "the error must not echo the sensitive value");
    QCOMPARE(r.header("x-perimeter-sensitivity"), QByteArray("confidential"));
    QCOMPARE(received(m_onprem).size(), 0);
    QCOMPARE(received(m_cloud).size(), 0);
}

void GatewayE2eTest::callerLabelRaisesLevel()
{
    const auto r = chat(QStringLiteral("gpt-4o"), QStringLiteral("Nothing sensitive here."), {{"x-perimeter-classification", "confidential"}});
    QCOMPARE(r.status, 403);
    QCOMPARE(r.header("x-perimeter-sensitivity"), QByteArray("confidential"));
    const auto lower = chat(QStringLiteral("gpt-4o"), QStringLiteral("card %1").arg(QLatin1String(kCard)), {{"x-perimeter-classification", "public"}});
    QCOMPARE(lower.status, 403); // a label never lowers the level
    const auto unknown = chat(QStringLiteral("gpt-4o"), QStringLiteral("hi"), {{"x-perimeter-classification", "secret-ish"}});
    QCOMPARE(unknown.status, 400);
    QCOMPARE(received(m_cloud).size(), 0);
}

void GatewayE2eTest::embeddingsInputIsClassified()
{
    const QJsonObject body{{QStringLiteral("model"), QStringLiteral("embed")},
                           {QStringLiteral("input"), QJsonArray{QStringLiteral("harmless"), QStringLiteral("key %1").arg(QLatin1String(kAwsKey))}}};
    auto r = HttpTestClient::request("POST", QUrl(m_gateway.url() + QStringLiteral("/v1/embeddings")), QJsonDocument(body).toJson(),
                                     {{"authorization", "Bearer " + kCallerKey}});
    remember(r);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("x-perimeter-tier"), QByteArray("onprem"));
    QCOMPARE(received(m_cloud).size(), 0);
    // An embedding model on the chat path is a 400.
    const auto wrongPath = chat(QStringLiteral("embed"), QStringLiteral("hello"));
    QCOMPARE(wrongPath.status, 400);
}

void GatewayE2eTest::streamingArrivesIncrementally()
{
    simConfig(m_onprem, QJsonObject{{QStringLiteral("tokens_per_second"), 20}});
    const auto r = chat(QStringLiteral("llama-70b"), QStringLiteral("Tell me a story."), {}, true);
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("content-type").startsWith("text/event-stream"));
    QVERIFY(r.body.contains("data: [DONE]"));
    QVERIFY2(r.chunkArrivalMs.size() >= 4, qPrintable(QStringLiteral("only %1 deliveries").arg(r.chunkArrivalMs.size())));
    // At 20 tokens/s the answer takes several hundred ms; incremental relay spreads the arrivals.
    QVERIFY(r.chunkArrivalMs.last() - r.chunkArrivalMs.first() >= 150);
}

void GatewayE2eTest::unauthenticatedIsRejected()
{
    const QByteArray body = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    auto none = HttpTestClient::request("POST", QUrl(m_gateway.url() + QStringLiteral("/v1/chat/completions")), body);
    remember(none);
    QCOMPARE(none.status, 401);
    QCOMPARE(QJsonDocument::fromJson(none.body).object()[QStringLiteral("error")][QStringLiteral("code")].toString(), QStringLiteral("unauthenticated"));
    auto wrong = HttpTestClient::request("POST", QUrl(m_gateway.url() + QStringLiteral("/v1/chat/completions")), body,
                                         {{"authorization", "Bearer pk-wrong"}});
    remember(wrong);
    QCOMPARE(wrong.status, 401);
    QVERIFY(!wrong.body.contains("pk-wrong"));
    QCOMPARE(received(m_cloud).size(), 0);
}

void GatewayE2eTest::malformedRequestsAreRejected_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::newRow("not json") << QByteArray("{nope") << 400 << QStringLiteral("invalid_request");
    QTest::newRow("array body") << QByteArray("[]") << 400 << QStringLiteral("invalid_request");
    QTest::newRow("no model") << QByteArray("{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}") << 400 << QStringLiteral("invalid_request");
    QTest::newRow("model not string") << QByteArray("{\"model\":5,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}") << 400 << QStringLiteral("invalid_request");
    QTest::newRow("no messages") << QByteArray("{\"model\":\"gpt-4o\"}") << 400 << QStringLiteral("invalid_request");
    QTest::newRow("stream not bool") << QByteArray("{\"model\":\"gpt-4o\",\"stream\":\"yes\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}") << 400 << QStringLiteral("invalid_request");
    QTest::newRow("deep nesting") << QByteArray("{\"model\":\"gpt-4o\",\"messages\":") + QByteArray(5000, '[') + QByteArray(5000, ']') + "}" << 400 << QStringLiteral("invalid_request");
    QTest::newRow("unknown model") << QByteArray("{\"model\":\"nope\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}") << 404 << QStringLiteral("model_not_found");
}

void GatewayE2eTest::malformedRequestsAreRejected()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    auto r = HttpTestClient::request("POST", QUrl(m_gateway.url() + QStringLiteral("/v1/chat/completions")), body,
                                     {{"authorization", "Bearer " + kCallerKey}});
    remember(r);
    QCOMPARE(r.status, status);
    const auto doc = QJsonDocument::fromJson(r.body).object();
    QCOMPARE(doc[QStringLiteral("error")][QStringLiteral("code")].toString(), code);
    QVERIFY(!doc[QStringLiteral("perimeter")][QStringLiteral("request_id")].toString().isEmpty());
    QCOMPARE(received(m_cloud).size() + received(m_onprem).size(), 0);
}

void GatewayE2eTest::upstreamFailureGives502WithTier()
{
    simConfig(m_onprem, QJsonObject{{QStringLiteral("fail"), QStringLiteral("5xx")}, {QStringLiteral("fail_rate"), 1}});
    const auto r = chat(QStringLiteral("llama-70b"), QStringLiteral("hello"));
    QCOMPARE(r.status, 502);
    QCOMPARE(r.header("x-perimeter-tier"), QByteArray("onprem"));
    QCOMPARE(QJsonDocument::fromJson(r.body).object()[QStringLiteral("error")][QStringLiteral("code")].toString(), QStringLiteral("upstream_error"));
    simConfig(m_onprem, QJsonObject{{QStringLiteral("fail"), QStringLiteral("reset")}, {QStringLiteral("fail_rate"), 1}});
    const auto reset = chat(QStringLiteral("llama-70b"), QStringLiteral("hello"));
    QCOMPARE(reset.status, 502);
    simConfig(m_onprem, QJsonObject{{QStringLiteral("fail"), QStringLiteral("none")}});
    QCOMPARE(chat(QStringLiteral("llama-70b"), QStringLiteral("hello")).status, 200); // closes the circuit again
}

void GatewayE2eTest::upstreamHangGives504()
{
    simConfig(m_onprem, QJsonObject{{QStringLiteral("fail"), QStringLiteral("hang")}, {QStringLiteral("fail_rate"), 1}});
    const auto r = chat(QStringLiteral("llama-70b"), QStringLiteral("hello"));
    QCOMPARE(r.status, 504);
    QCOMPARE(QJsonDocument::fromJson(r.body).object()[QStringLiteral("error")][QStringLiteral("code")].toString(), QStringLiteral("upstream_timeout"));
    simConfig(m_onprem, QJsonObject{{QStringLiteral("fail"), QStringLiteral("none")}});
    QCOMPARE(chat(QStringLiteral("llama-70b"), QStringLiteral("hello")).status, 200);
}

void GatewayE2eTest::failingOnPremNeverFallsBackToCloud()
{
    simConfig(m_onprem, QJsonObject{{QStringLiteral("fail"), QStringLiteral("5xx")}, {QStringLiteral("fail_rate"), 1}});
    const auto sensitive = chat(QStringLiteral("mixtral"), QStringLiteral("card %1").arg(QLatin1String(kCard)));
    QCOMPARE(sensitive.status, 502);
    QCOMPARE(received(m_cloud).size(), 0);
    // Public data may fall back: the cloud tier is permitted for it.
    const auto clean = chat(QStringLiteral("mixtral"), QStringLiteral("hello there"));
    QCOMPARE(clean.status, 200);
    QCOMPARE(clean.header("x-perimeter-tier"), QByteArray("cloud"));
    simConfig(m_onprem, QJsonObject{{QStringLiteral("fail"), QStringLiteral("none")}});
    QCOMPARE(chat(QStringLiteral("llama-70b"), QStringLiteral("hello")).status, 200);
}

void GatewayE2eTest::modelsAreListed()
{
    auto r = HttpTestClient::request("GET", QUrl(m_gateway.url() + QStringLiteral("/v1/models")), {}, {{"authorization", "Bearer " + kCallerKey}});
    remember(r);
    QCOMPARE(r.status, 200);
    QSet<QString> ids;
    for (const auto &m : QJsonDocument::fromJson(r.body).object()[QStringLiteral("data")].toArray())
        ids.insert(m.toObject()[QStringLiteral("id")].toString());
    QCOMPARE(ids, (QSet<QString>{QStringLiteral("llama-70b"), QStringLiteral("gpt-4o"), QStringLiteral("mixtral"), QStringLiteral("embed")}));
    QCOMPARE(HttpTestClient::request("GET", QUrl(m_gateway.url() + QStringLiteral("/healthz"))).status, 200);
    QCOMPARE(HttpTestClient::request("GET", QUrl(m_gateway.url() + QStringLiteral("/readyz"))).status, 200);
    // Prometheus metrics need no caller credential and carry the tier label.
    const auto metrics = HttpTestClient::request("GET", QUrl(m_gateway.url() + QStringLiteral("/metrics")));
    QCOMPARE(metrics.status, 200);
    QVERIFY(metrics.body.contains("perimeter_requests_total{"));
    QVERIFY(metrics.body.contains("tier=\"cloud\""));
    QVERIFY(metrics.body.contains("tier=\"onprem\""));
    QVERIFY2(!metrics.body.contains("4111"), "metrics never carry payload values");
}

void GatewayE2eTest::keysCreatedWithPerimeterctlWorkUntilRevoked()
{
    QProcess create;
    create.start(ManagedProcess::binary(QStringLiteral("perimeterctl")),
                 {QStringLiteral("--config"), m_configPath, QStringLiteral("keys"), QStringLiteral("create"), QStringLiteral("--caller"),
                  QStringLiteral("bob"), QStringLiteral("--team"), QStringLiteral("ops")});
    QVERIFY(create.waitForFinished(10000));
    QCOMPARE(create.exitCode(), 0);
    static const QRegularExpression keyPattern(QStringLiteral("(pk-[A-Za-z0-9_-]{20,})"));
    const QString output = QString::fromUtf8(create.readAllStandardOutput());
    const auto key = keyPattern.match(output);
    QVERIFY2(key.hasMatch(), qPrintable(output));
    const QByteArray bearer = "Bearer " + key.captured(1).toLatin1();
    const QUrl url(m_gateway.url() + QStringLiteral("/v1/models"));

    // The gateway picks up new keys off its event loop within the refresh interval (2 s).
    int status = 0;
    for (int i = 0; i < 50 && status != 200; ++i) {
        auto r = HttpTestClient::request("GET", url, {}, {{"authorization", bearer}});
        remember(r);
        status = r.status;
        if (status != 200)
            QTest::qWait(100);
    }
    QCOMPARE(status, 200);

    QProcess list;
    list.start(ManagedProcess::binary(QStringLiteral("perimeterctl")),
               {QStringLiteral("--config"), m_configPath, QStringLiteral("keys"), QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("jsonl")});
    QVERIFY(list.waitForFinished(10000));
    const QByteArray listed = list.readAllStandardOutput();
    QVERIFY2(!listed.contains(key.captured(1).toLatin1()), "keys list must never print a key");
    QString keyId;
    for (const QByteArray &line : listed.split('\n')) {
        const auto o = QJsonDocument::fromJson(line).object();
        if (o[QStringLiteral("caller")].toString() == QLatin1String("bob"))
            keyId = o[QStringLiteral("key_id")].toString();
    }
    QVERIFY2(!keyId.isEmpty(), listed.constData());
    QProcess revoke;
    revoke.start(ManagedProcess::binary(QStringLiteral("perimeterctl")),
                 {QStringLiteral("--config"), m_configPath, QStringLiteral("keys"), QStringLiteral("revoke"), keyId});
    QVERIFY(revoke.waitForFinished(10000));
    QCOMPARE(revoke.exitCode(), 0);
    for (int i = 0; i < 50 && status != 401; ++i) {
        auto r = HttpTestClient::request("GET", url, {}, {{"authorization", bearer}});
        remember(r);
        status = r.status;
        if (status != 401)
            QTest::qWait(100);
    }
    QCOMPARE(status, 401);
}

void GatewayE2eTest::badConfigIsRefusedWithEveryProblem()
{
    const QString path = m_dir.filePath(QStringLiteral("bad.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"listen\": {\"host\": \"127.0.0.1\", \"port\": 99999},\n"
"                   \"data_dir\": \"var\",\n"
"                   \"endpoints\": [{\"id\": \"a\", \"tier\": \"onprem\", \"url\": \"http://127.0.0.1:1/v1\"},\n"
"                                 {\"id\": \"b\", \"tier\": \"moon\", \"url\": \"ftp://x\"}],\n"
"                   \"models\": [{\"name\": \"m\", \"kind\": \"chat\", \"endpoints\": [\"a\", \"missing\"]}],\n"
"                   \"colour\": \"blue\"}");
    file.close();
    QProcess check;
    check.start(ManagedProcess::binary(QStringLiteral("perimeterd")), {QStringLiteral("--config"), path, QStringLiteral("--check-config")});
    QVERIFY(check.waitForFinished(10000));
    QCOMPARE(check.exitCode(), 2);
    const QString err = QString::fromUtf8(check.readAllStandardError());
    for (const char *expected : {"/listen/port", "/endpoints/1/tier", "/endpoints/1/url", "/models/0/endpoints/1", "/colour"})
        QVERIFY2(err.contains(QLatin1String(expected)), qPrintable(QStringLiteral("missing %1 in:\n%2").arg(QLatin1String(expected), err)));

    QProcess ok;
    ok.start(ManagedProcess::binary(QStringLiteral("perimeterd")), {QStringLiteral("--config"), m_configPath, QStringLiteral("--check-config")});
    QVERIFY(ok.waitForFinished(10000));
    QCOMPARE(ok.exitCode(), 0);
}

void GatewayE2eTest::everyRequestHasExactlyOneAuditRecord()
{
    QVERIFY(m_requestIds.size() >= 20);
    QMap<QString, int> seen;
    QJsonArray records;
    // The writer commits in batches off the event loop: wait (bounded) for the last ones.
    for (int attempt = 0; attempt < 50; ++attempt) {
        QProcess ctl;
        ctl.start(ManagedProcess::binary(QStringLiteral("perimeterctl")),
                  {QStringLiteral("--config"), m_configPath, QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("jsonl")});
        QVERIFY(ctl.waitForFinished(10000));
        QCOMPARE(ctl.exitCode(), 0);
        seen.clear();
        records = QJsonArray();
        for (const QByteArray &line : ctl.readAllStandardOutput().split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            const auto record = QJsonDocument::fromJson(line).object();
            records.append(record);
            ++seen[record[QStringLiteral("request_id")].toString()];
        }
        bool all = true;
        for (const auto &id : std::as_const(m_requestIds))
            all = all && seen.contains(id);
        if (all)
            break;
        QTest::qWait(100);
    }
    for (const auto &id : std::as_const(m_requestIds))
        QVERIFY2(seen.value(id) == 1, qPrintable(QStringLiteral("request %1 has %2 audit records").arg(id).arg(seen.value(id))));
    for (auto it = seen.cbegin(); it != seen.cend(); ++it)
        QCOMPARE(it.value(), 1);
    // Spot-check the record of a residency rejection and of a routed cloud request.
    bool sawRejection = false;
    bool sawCloud = false;
    for (const auto &v : std::as_const(records)) {
        const auto r = v.toObject();
        if (r[QStringLiteral("reason")].toString() == QLatin1String("residency_violation")) {
            sawRejection = true;
            QCOMPARE(r[QStringLiteral("decision")].toString(), QStringLiteral("rejected"));
            QCOMPARE(r[QStringLiteral("status")].toInt(), 403);
            QCOMPARE(r[QStringLiteral("caller")].toString(), QStringLiteral("alice"));
            QCOMPARE(r[QStringLiteral("team")].toString(), QStringLiteral("risk"));
        }
        if (r[QStringLiteral("tier")].toString() == QLatin1String("cloud") && r[QStringLiteral("status")].toInt() == 200) {
            sawCloud = true;
            QCOMPARE(r[QStringLiteral("decision")].toString(), QStringLiteral("routed"));
            QVERIFY(r[QStringLiteral("tokens_out")].toInt() > 0);
            QCOMPARE(r[QStringLiteral("endpoint_id")].toString(), QStringLiteral("cloud-1"));
        }
    }
    QVERIFY(sawRejection);
    QVERIFY(sawCloud);
}

void GatewayE2eTest::sigtermDrainsInFlightStream()
{
    // A slow stream is in flight when SIGTERM arrives: it must complete, then perimeterd exits 0.
    simConfig(m_onprem, QJsonObject{{QStringLiteral("tokens_per_second"), 10}});
    QTimer::singleShot(300, this, [this]() { m_gateway.signal(SIGTERM); });
    const auto r = chat(QStringLiteral("llama-70b"), QStringLiteral("Tell me a long story."), {}, true);
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.contains("data: [DONE]"));
    QVERIFY(m_gateway.process().waitForFinished(10000));
    QCOMPARE(m_gateway.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_gateway.process().exitCode(), 0);
}

QTEST_GUILESS_MAIN(GatewayE2eTest)
#include "tst_gateway_e2e.moc"
