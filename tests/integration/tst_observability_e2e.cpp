// SPDX-License-Identifier: Apache-2.0
// Residency-aware observability end to end: a real perimeterd between two perimeter-sim tiers
// gets requests full of sensitive values; the remote sink (a loopback receiver in this
// process), the JSON operator log and the alert webhook must never see one byte of them.
// Also: GET /metrics behind the admin token, and alerts fired by residency rejections.
#include "HttpTestClient.h"
#include "LoopbackHttpReceiver.h"
#include "ManagedProcess.h"
#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace perimeter::test;

namespace {
const QByteArray kCallerKey = QByteArrayLiteral("pk-observe-caller-5f2a9c0e7d1b4a36");
const QByteArray kAdminToken = QByteArrayLiteral("admin-token-observe-8c1d0f3b2e6a4979");
const QByteArray kSinkSecret = QByteArrayLiteral("sink-secret-7b3e1f9a0c2d4e68");

// What callers send and nothing outside the perimeter may receive: Luhn-valid card numbers,
// US SSNs, cloud keys, tokens, a private key, a connection string with its password.
const QList<QByteArray> kSensitive = {
    "4111 1111 1111 1111", "4111111111111111", "5500-0000-0000-0004", "5500000000000004",
    "078-05-1120", "078051120", "219-09-9999",
    "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "ghp_4Fq9ZrT2mX8vLk3Wc7Ny1Hs5Bd0Pj6Ga2Qe9",
    "sk-proj-Zm9vYmFyYmF6cXV4cXV1eDEyMzQ1Njc4OTBhYmNkZWZnaGlqa2xt",
    "MIIEowIBAAKCAQEA7p2Xv9kq",
    "S3cr3t-P4ssw0rd!",
    "jane.doe@example.com",
};

QByteArray chatBody(const QString &model, const QString &content, bool stream = false)
{
    QJsonObject body{{QStringLiteral("model"), model},
                     {QStringLiteral("messages"), QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                                                         {QStringLiteral("content"), content}}}}};
    if (stream)
        body.insert(QStringLiteral("stream"), true);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}
} // namespace

class ObservabilityE2ETest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void metricsNeedTheAdminToken_data();
    void metricsNeedTheAdminToken();
    void sensitivePayloadsNeverReachSinkLogOrWebhook();

private:
    HttpTestResponse post(const QString &path, const QByteArray &body);

    QTemporaryDir m_dir;
    LoopbackHttpReceiver m_receiver;
    ManagedProcess m_onprem;
    ManagedProcess m_cloud;
    ManagedProcess m_gateway;
    QString m_logPath;
};

void ObservabilityE2ETest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_receiver.start());
    QVERIFY(m_onprem.start(QStringLiteral("perimeter-sim"), {QStringLiteral("--name"), QStringLiteral("onprem"), QStringLiteral("--port"),
                                                             QStringLiteral("0"), QStringLiteral("--models"), QStringLiteral("local,embed")}));
    QVERIFY(m_cloud.start(QStringLiteral("perimeter-sim"), {QStringLiteral("--name"), QStringLiteral("cloud"), QStringLiteral("--port"),
                                                            QStringLiteral("0"), QStringLiteral("--models"), QStringLiteral("shared")}));
    const QString hash = QString::fromLatin1(QCryptographicHash::hash(kCallerKey, QCryptographicHash::Sha256).toHex());
    m_logPath = m_dir.filePath(QStringLiteral("perimeterd.log"));
    const QJsonObject config{
        {QStringLiteral("listen"), QJsonObject{{QStringLiteral("host"), QStringLiteral("127.0.0.1")}, {QStringLiteral("port"), 0}}},
        {QStringLiteral("data_dir"), QStringLiteral("var")},
        {QStringLiteral("callers"), QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("dana")}, {QStringLiteral("team"), QStringLiteral("risk")},
                                                           {QStringLiteral("api_key_sha256"), hash}}}},
        {QStringLiteral("endpoints"),
         QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("gpu")}, {QStringLiteral("tier"), QStringLiteral("onprem")},
                                {QStringLiteral("url"), m_onprem.url() + QStringLiteral("/v1")}},
                    QJsonObject{{QStringLiteral("id"), QStringLiteral("saas")}, {QStringLiteral("tier"), QStringLiteral("cloud")},
                                {QStringLiteral("url"), m_cloud.url() + QStringLiteral("/v1")}}}},
        {QStringLiteral("models"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("shared")}, {QStringLiteral("kind"), QStringLiteral("chat")},
                                {QStringLiteral("endpoints"), QJsonArray{QStringLiteral("saas")}}},
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("local")}, {QStringLiteral("kind"), QStringLiteral("chat")},
                                {QStringLiteral("endpoints"), QJsonArray{QStringLiteral("gpu")}}},
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("embed")}, {QStringLiteral("kind"), QStringLiteral("embedding")},
                                {QStringLiteral("endpoints"), QJsonArray{QStringLiteral("gpu")}}}}},
        {QStringLiteral("sinks"), QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("siem")},
                                                         {QStringLiteral("url"), m_receiver.url(QStringLiteral("/ingest"))},
                                                         {QStringLiteral("credential"), QStringLiteral("sink:siem")},
                                                         {QStringLiteral("batch_size"), 4},
                                                         {QStringLiteral("flush_ms"), 100}}}},
        {QStringLiteral("logging"), QJsonObject{{QStringLiteral("format"), QStringLiteral("json")}, {QStringLiteral("file"), m_logPath},
                                                {QStringLiteral("level"), QStringLiteral("debug")}}},
        {QStringLiteral("metrics"), QJsonObject{{QStringLiteral("require_admin_token"), true}}},
        {QStringLiteral("alerts"),
         QJsonObject{{QStringLiteral("evaluate_interval_ms"), 200},
                     {QStringLiteral("rules"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("residency-spike")},
                                                                      {QStringLiteral("metric"), QStringLiteral("residency_rejections")},
                                                                      {QStringLiteral("window_seconds"), 120},
                                                                      {QStringLiteral("threshold"), 2}}}},
                     {QStringLiteral("webhook"), QJsonObject{{QStringLiteral("url"), m_receiver.url(QStringLiteral("/hook"))}}}}},
    };
    const QString configPath = m_dir.filePath(QStringLiteral("perimeter.json"));
    QFile file(configPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(config).toJson());
    file.close();
    qputenv("PERIMETER_CREDENTIAL_ADMIN_TOKEN", kAdminToken);
    qputenv("PERIMETER_CREDENTIAL_SINK_SIEM", kSinkSecret);
    QVERIFY2(m_gateway.start(QStringLiteral("perimeterd"), {QStringLiteral("--config"), configPath}), qPrintable(m_gateway.errorOutput()));
}

void ObservabilityE2ETest::cleanupTestCase()
{
    if (m_gateway.isRunning())
        m_gateway.terminate();
    m_onprem.terminate();
    m_cloud.terminate();
}

HttpTestResponse ObservabilityE2ETest::post(const QString &path, const QByteArray &body)
{
    return HttpTestClient::request("POST", QUrl(m_gateway.url() + path), body, {{"authorization", "Bearer " + kCallerKey}}, 20000);
}

void ObservabilityE2ETest::metricsNeedTheAdminToken_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<int>("status");
    QTest::newRow("no token") << QByteArray() << 401;
    QTest::newRow("caller key") << QByteArray("Bearer " + kCallerKey) << 401;
    QTest::newRow("token without scheme") << kAdminToken << 401;
    QTest::newRow("admin token") << QByteArray("Bearer " + kAdminToken) << 200;
}

void ObservabilityE2ETest::metricsNeedTheAdminToken()
{
    QFETCH(QByteArray, authorization);
    QFETCH(int, status);
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!authorization.isEmpty())
        headers.append({"authorization", authorization});
    const auto r = HttpTestClient::request("GET", QUrl(m_gateway.url() + QStringLiteral("/metrics")), {}, headers);
    QCOMPARE(r.status, status);
    if (status == 200)
        QVERIFY(r.body.contains("# TYPE perimeter_sink_records_total counter"));
    else
        QCOMPARE(r.header("www-authenticate"), QByteArray("Bearer"));
}

void ObservabilityE2ETest::sensitivePayloadsNeverReachSinkLogOrWebhook()
{
    QSet<QString> requestIds;
    int residencyRejections = 0;
    auto track = [&](const HttpTestResponse &r) {
        QVERIFY2(r.status != 0, qPrintable(r.error));
        requestIds.insert(QString::fromLatin1(r.header("x-perimeter-request-id")));
        if (r.status == 403)
            ++residencyRejections;
    };
    for (const QByteArray &value : kSensitive) {
        const QString text = QStringLiteral("please check %1 for the customer").arg(QString::fromLatin1(value));
        track(post(QStringLiteral("/v1/chat/completions"), chatBody(QStringLiteral("shared"), text)));
        track(post(QStringLiteral("/v1/chat/completions"), chatBody(QStringLiteral("local"), text, value.size() % 2 == 0)));
    }
    // Sensitive values where a caller should not put them at all.
    track(post(QStringLiteral("/v1/chat/completions"), chatBody(QStringLiteral("4111111111111111"), QStringLiteral("hello"))));
    track(post(QStringLiteral("/v1/078-05-1120"), chatBody(QStringLiteral("local"), QStringLiteral("hello"))));
    track(post(QStringLiteral("/v1/embeddings"),
               QJsonDocument(QJsonObject{{QStringLiteral("model"), QStringLiteral("embed")},
                                         {QStringLiteral("input"), QStringLiteral("AKIAIOSFODNN7EXAMPLE S3cr3t-P4ssw0rd!")}})
                   .toJson()));
    track(post(QStringLiteral("/v1/chat/completions"), QByteArray("{\"model\": \"local\", \"messages\": [ 4111111111111111 ")));
    QVERIFY2(residencyRejections >= 2, "the classifier must keep card numbers and secrets out of the cloud-only model");

    // Every request reaches the sink as one line, identified by its request id.
    QSet<QString> sunk;
    QList<QJsonObject> records;
    auto everyRequestSunk = [&]() {
            sunk.clear();
            records.clear();
            for (const auto &request : m_receiver.requests()) {
                if (request.path != "/ingest")
                    continue;
                for (const QByteArray &line : request.body.split('\n')) {
                    if (line.isEmpty())
                        continue;
                    const QJsonObject o = QJsonDocument::fromJson(line).object();
                    records.append(o);
                    sunk.insert(o.value(QStringLiteral("request_id")).toString());
                }
            }
            return sunk.contains(requestIds);
        };
    QTRY_VERIFY_WITH_TIMEOUT(everyRequestSunk(), 15000);
    for (const auto &request : m_receiver.requests()) {
        if (request.path == "/ingest") {
            QCOMPARE(request.headers.value("content-type"), QByteArray("application/x-ndjson"));
            QCOMPARE(request.headers.value("authorization"), QByteArray("Bearer " + kSinkSecret));
        }
    }
    bool sawFindings = false;
    for (const auto &o : records) {
        QVERIFY(o.contains(QStringLiteral("decision")));
        QVERIFY(!o.contains(QStringLiteral("content")) && !o.contains(QStringLiteral("messages")));
        sawFindings = sawFindings || !o.value(QStringLiteral("finding_types")).toObject().isEmpty();
    }
    QVERIFY(sawFindings); // the types travel, the values do not

    // The alert fired on the residency rejections and reached the webhook.
    auto alertReachedWebhook = [&]() {
            for (const auto &request : m_receiver.requests()) {
                const QJsonObject o = QJsonDocument::fromJson(request.body).object();
                if (request.path == "/hook" && o.value(QStringLiteral("rule")).toString() == QLatin1String("residency-spike")
                    && o.value(QStringLiteral("state")).toString() == QLatin1String("firing"))
                    return true;
            }
            return false;
        };
    QTRY_VERIFY_WITH_TIMEOUT(alertReachedWebhook(), 10000);

    const auto metrics = HttpTestClient::request("GET", QUrl(m_gateway.url() + QStringLiteral("/metrics")), {},
                                                 {{"authorization", "Bearer " + kAdminToken}});
    QVERIFY(metrics.body.contains("perimeter_sink_records_total{sink=\"siem\",outcome=\"delivered\"}"));
    QVERIFY(metrics.body.contains("perimeter_alert_firing{rule=\"residency-spike\"} 1"));

    QCOMPARE(m_gateway.terminate(), 0);

    // Scan everything that left the process: sink batches, webhook calls (headers included,
    // minus the sink's own bearer secret) and the operator log.
    QByteArray outside = m_receiver.allBytes();
    outside.replace(kSinkSecret, "<sink-secret>");
    QFile log(m_logPath);
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray logBytes = log.readAll();
    int logLines = 0;
    bool sawAlertInLog = false;
    for (const QByteArray &line : logBytes.split('\n')) {
        if (line.isEmpty())
            continue;
        ++logLines;
        QJsonParseError error;
        const auto doc = QJsonDocument::fromJson(line, &error);
        QVERIFY2(error.error == QJsonParseError::NoError && doc.isObject(), line.constData());
        for (const char *key : {"ts", "level", "component", "event", "fields"})
            QVERIFY2(doc.object().contains(QLatin1String(key)), line.constData());
        sawAlertInLog = sawAlertInLog || doc.object().value(QStringLiteral("event")).toString() == QLatin1String("alert_fired");
    }
    qInfo("%d requests, %d residency rejections, %d sink lines in %d batches, %d operator log lines scanned", int(requestIds.size()),
          residencyRejections, int(records.size()), int(m_receiver.requests().size()), logLines);
    QVERIFY(logLines > 0);
    QVERIFY(sawAlertInLog);
    for (const QByteArray &value : kSensitive) {
        QVERIFY2(!outside.contains(value), value.constData());
        QVERIFY2(!logBytes.contains(value), value.constData());
    }
    for (const QByteArray &secret : {kCallerKey, kAdminToken, kSinkSecret}) {
        QVERIFY(!outside.contains(secret));
        QVERIFY(!logBytes.contains(secret));
    }
}

QTEST_MAIN(ObservabilityE2ETest)
#include "tst_observability_e2e.moc"
