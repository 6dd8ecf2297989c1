// SPDX-License-Identifier: Apache-2.0
// The router end to end: shadow policy, the capacity queue, queue depth reported by an
// endpoint, decision traces stored with the audit record, and requests in flight across a
// policy reload. A real perimeterd between two perimeter-sim processes on loopback.
#include "HttpTestClient.h"
#include "ManagedProcess.h"
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <memory>

// No raw string literals here: Qt 6.4's moc mis-tokenises them and silently skips the class.
using namespace perimeter::test;

namespace {
const QByteArray kCallerKey = QByteArrayLiteral("pk-routing-e2e-caller-0123456789");
const QByteArray kAdminToken = QByteArrayLiteral("routing-admin-token-0123456789");
const char *kCard = "4111 1111 1111 1111";

QByteArray policy(const char *version, bool internalToCloud)
{
    return QByteArray("{\"version\": \"") + version + "\", \"levels\": {\"public\": [\"onprem\", \"cloud\"], \"internal\": "
        + (internalToCloud ? "[\"onprem\", \"cloud\"]" : "[\"onprem\"]")
        + ", \"confidential\": [\"onprem\"], \"restricted\": [\"onprem\"]}, "
          "\"routing\": {\"overflow_threshold\": 0.8, \"queue\": {\"max_requests\": 1, \"max_wait_ms\": 900}}}";
}

// One request in flight, answered asynchronously (the blocking HttpTestClient cannot overlap).
struct Pending {
    QNetworkReply *reply = nullptr;
    int status = 0;
    QByteArray body;
    QByteArray requestId;
    QByteArray tier;
    bool done = false;
    qint64 ms = -1;
};
} // namespace

class RoutingE2eTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();

    void shadowPolicyRecordsDisagreementButNeverRoutes();
    void traceIsStoredAndShownByRequestId();
    void queuedRequestIsDispatchedWhenCapacityFrees();
    void queueBoundAndWaitEndInNoCapacity();
    void clientLeavingTheQueueIsRecorded();
    void reportedQueueDepthMovesPublicDataToTheCloud();
    void inFlightRequestsKeepTheirPolicyVersionAcrossPut();
    void inFlightRequestsKeepTheirPolicyVersionAcrossSighup();
    void badQueueMetricsAndShadowPolicyAreRefused();

private:
    std::shared_ptr<Pending> send(const QString &model, const QString &content, bool stream = false);
    bool waitAll(const QList<std::shared_ptr<Pending>> &requests, int timeoutMs = 20000);
    HttpTestResponse admin(const QByteArray &method, const QString &path, const QByteArray &body = {});
    void simConfig(ManagedProcess &sim, const QJsonObject &config);
    int chatsReceived(ManagedProcess &sim);
    QJsonObject auditShow(const QByteArray &requestId);
    QJsonArray auditList();
    double metric(const QByteArray &series);

    QTemporaryDir m_dir;
    ManagedProcess m_onprem;
    ManagedProcess m_cloud;
    ManagedProcess m_gateway;
    QString m_configPath;
    QString m_policyPath;
    QString m_adminUrl;
    QNetworkAccessManager m_nam;
};

void RoutingE2eTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_onprem.start(QStringLiteral("perimeter-sim"), {QStringLiteral("--name"), QStringLiteral("onprem"), QStringLiteral("--port"), QStringLiteral("0"),
                                                              QStringLiteral("--models"), QStringLiteral("local,shared"), QStringLiteral("--metrics"), QStringLiteral("vllm")}),
             qPrintable(m_onprem.errorOutput()));
    QVERIFY2(m_cloud.start(QStringLiteral("perimeter-sim"), {QStringLiteral("--name"), QStringLiteral("cloud"), QStringLiteral("--port"), QStringLiteral("0"),
                                                             QStringLiteral("--models"), QStringLiteral("remote,shared")}),
             qPrintable(m_cloud.errorOutput()));
    m_policyPath = m_dir.filePath(QStringLiteral("policy.json"));
    QFile p(m_policyPath);
    QVERIFY(p.open(QIODevice::WriteOnly));
    p.write(policy("active-1", true));
    p.close();
    // The shadow keeps internal data on-prem: it disagrees whenever such data goes to the cloud.
    QFile shadow(m_dir.filePath(QStringLiteral("policy-next.json")));
    QVERIFY(shadow.open(QIODevice::WriteOnly));
    shadow.write(policy("next-1", false));
    shadow.close();

    const QString hash = QString::fromLatin1(QCryptographicHash::hash(kCallerKey, QCryptographicHash::Sha256).toHex());
    const QJsonObject config{
        {QStringLiteral("listen"), QJsonObject{{QStringLiteral("host"), QStringLiteral("127.0.0.1")}, {QStringLiteral("port"), 0}}},
        {QStringLiteral("admin"), QJsonObject{{QStringLiteral("listen"), QJsonObject{{QStringLiteral("host"), QStringLiteral("127.0.0.1")}, {QStringLiteral("port"), 0}}}}},
        {QStringLiteral("data_dir"), QStringLiteral("var")},
        {QStringLiteral("policy"), QStringLiteral("policy.json")},
        {QStringLiteral("shadow_policy"), QStringLiteral("policy-next.json")},
        {QStringLiteral("callers"), QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("dana")}, {QStringLiteral("team"), QStringLiteral("ops")},
                                                           {QStringLiteral("api_key_sha256"), hash}}}},
        {QStringLiteral("endpoints"),
         QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("gpu")}, {QStringLiteral("tier"), QStringLiteral("onprem")},
                                {QStringLiteral("url"), m_onprem.url() + QStringLiteral("/v1")}, {QStringLiteral("capacity"), 1},
                                {QStringLiteral("queue_metrics"), QJsonObject{{QStringLiteral("source"), QStringLiteral("vllm")}}}},
                    QJsonObject{{QStringLiteral("id"), QStringLiteral("saas")}, {QStringLiteral("tier"), QStringLiteral("cloud")},
                                {QStringLiteral("url"), m_cloud.url() + QStringLiteral("/v1")}}}},
        {QStringLiteral("models"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("local")}, {QStringLiteral("kind"), QStringLiteral("chat")},
                                                          {QStringLiteral("endpoints"), QJsonArray{QStringLiteral("gpu")}}},
                                              QJsonObject{{QStringLiteral("name"), QStringLiteral("remote")}, {QStringLiteral("kind"), QStringLiteral("chat")},
                                                          {QStringLiteral("endpoints"), QJsonArray{QStringLiteral("saas")}}},
                                              QJsonObject{{QStringLiteral("name"), QStringLiteral("shared")}, {QStringLiteral("kind"), QStringLiteral("chat")},
                                                          {QStringLiteral("endpoints"), QJsonArray{QStringLiteral("gpu"), QStringLiteral("saas")}}}}},
        // Probes also poll the on-prem sim's /metrics (its fake queue depth); their timeout is
        // longer than any latency the tests give the sims, so a slow sim is busy, not down.
        {QStringLiteral("health_checks"), QJsonObject{{QStringLiteral("interval_ms"), 150}, {QStringLiteral("timeout_ms"), 5000}}},
        {QStringLiteral("drain_grace_seconds"), 5}};
    m_configPath = m_dir.filePath(QStringLiteral("perimeter.json"));
    QFile file(m_configPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(config).toJson());
    file.close();
    qputenv("PERIMETER_CREDENTIAL_ADMIN_TOKEN", kAdminToken);
    QVERIFY2(m_gateway.start(QStringLiteral("perimeterd"), {QStringLiteral("--config"), m_configPath}), qPrintable(m_gateway.errorOutput()));
    const auto match = QRegularExpression(QStringLiteral("admin API on (http://\\S+)")).match(m_gateway.startupOutput());
    QVERIFY2(match.hasMatch(), qPrintable(m_gateway.startupOutput()));
    m_adminUrl = match.captured(1);
}

void RoutingE2eTest::cleanupTestCase()
{
    if (m_gateway.isRunning())
        QCOMPARE(m_gateway.terminate(), 0);
    m_onprem.terminate();
    m_cloud.terminate();
}

void RoutingE2eTest::init()
{
    for (auto *sim : {&m_onprem, &m_cloud}) {
        HttpTestClient::request("POST", QUrl(sim->url() + QStringLiteral("/__sim/reset")));
        simConfig(*sim, QJsonObject{{QStringLiteral("fail"), QStringLiteral("none")}, {QStringLiteral("latency_ms"), 0},
                                    {QStringLiteral("tokens_per_second"), 0}, {QStringLiteral("queue_waiting"), 0}});
    }
}

void RoutingE2eTest::simConfig(ManagedProcess &sim, const QJsonObject &config)
{
    const auto response = HttpTestClient::request("POST", QUrl(sim.url() + QStringLiteral("/__sim/config")), QJsonDocument(config).toJson());
    QCOMPARE(response.status, 200);
}

int RoutingE2eTest::chatsReceived(ManagedProcess &sim)
{
    const auto response = HttpTestClient::request("GET", QUrl(sim.url() + QStringLiteral("/__sim/received")));
    int n = 0;
    for (const auto &r : QJsonDocument::fromJson(response.body).array())
        n += r.toObject()[QStringLiteral("path")].toString() == QLatin1String("/v1/chat/completions") ? 1 : 0;
    return n;
}

std::shared_ptr<Pending> RoutingE2eTest::send(const QString &model, const QString &content, bool stream)
{
    QJsonObject body{{QStringLiteral("model"), model},
                     {QStringLiteral("messages"), QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")}, {QStringLiteral("content"), content}}}}};
    if (stream)
        body.insert(QStringLiteral("stream"), true);
    QNetworkRequest request(QUrl(m_gateway.url() + QStringLiteral("/v1/chat/completions")));
    request.setRawHeader("authorization", "Bearer " + kCallerKey);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    auto pending = std::make_shared<Pending>();
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    pending->reply = m_nam.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    connect(pending->reply, &QNetworkReply::finished, this, [pending, clock]() {
        pending->status = pending->reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        pending->body = pending->reply->readAll();
        pending->requestId = pending->reply->rawHeader("x-perimeter-request-id");
        pending->tier = pending->reply->rawHeader("x-perimeter-tier");
        pending->ms = clock->elapsed();
        pending->done = true;
        pending->reply->deleteLater();
    });
    return pending;
}

bool RoutingE2eTest::waitAll(const QList<std::shared_ptr<Pending>> &requests, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    for (;;) {
        bool all = true;
        for (const auto &r : requests)
            all = all && r->done;
        if (all)
            return true;
        if (clock.elapsed() > timeoutMs)
            return false;
        QTest::qWait(20);
    }
}

HttpTestResponse RoutingE2eTest::admin(const QByteArray &method, const QString &path, const QByteArray &body)
{
    return HttpTestClient::request(method, QUrl(m_adminUrl + path), body,
                                   {{"authorization", "Bearer " + kAdminToken}, {"x-perimeter-author", "routing-test"}}, 20000);
}

QJsonObject RoutingE2eTest::auditShow(const QByteArray &requestId)
{
    // The writer commits off the event loop: wait (bounded) for the record.
    for (int attempt = 0; attempt < 50; ++attempt) {
        QProcess ctl;
        ctl.start(ManagedProcess::binary(QStringLiteral("perimeterctl")),
                  {QStringLiteral("--config"), m_configPath, QStringLiteral("audit"), QStringLiteral("show"), QString::fromLatin1(requestId),
                   QStringLiteral("--format"), QStringLiteral("json")});
        if (!ctl.waitForFinished(10000))
            return {};
        if (ctl.exitCode() == 0) {
            const auto doc = QJsonDocument::fromJson(ctl.readAllStandardOutput());
            return doc.isArray() ? doc.array().first().toObject() : doc.object();
        }
        QTest::qWait(100);
    }
    return {};
}

QJsonArray RoutingE2eTest::auditList()
{
    QProcess ctl;
    ctl.start(ManagedProcess::binary(QStringLiteral("perimeterctl")),
              {QStringLiteral("--config"), m_configPath, QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")});
    if (!ctl.waitForFinished(10000))
        return {};
    return QJsonDocument::fromJson(ctl.readAllStandardOutput()).array();
}

double RoutingE2eTest::metric(const QByteArray &series)
{
    const auto response = HttpTestClient::request("GET", QUrl(m_gateway.url() + QStringLiteral("/metrics")));
    for (const QByteArray &line : response.body.split('\n')) {
        if (line.startsWith(series + ' '))
            return line.mid(series.size() + 1).toDouble();
    }
    return 0.0;
}

void RoutingE2eTest::shadowPolicyRecordsDisagreementButNeverRoutes()
{
    const auto policyDoc = QJsonDocument::fromJson(admin("GET", QStringLiteral("/admin/v1/policy")).body).object();
    QCOMPARE(policyDoc[QStringLiteral("version")].toString(), QStringLiteral("active-1"));
    QCOMPARE(policyDoc[QStringLiteral("shadow")][QStringLiteral("version")].toString(), QStringLiteral("next-1"));

    const double before = metric("perimeter_shadow_disagreements_total{kind=\"decision\"}");
    // Internal data (an e-mail address) for a cloud-only model: the active policy routes it,
    // the shadow would refuse it.
    auto r = send(QStringLiteral("remote"), QStringLiteral("write to jane.doe@example.com about the launch"));
    QVERIFY(waitAll({r}));
    QCOMPARE(r->status, 200);
    QCOMPARE(r->tier, QByteArray("cloud"));
    QCOMPARE(chatsReceived(m_cloud), 1);
    const auto shown = auditShow(r->requestId);
    const auto shadow = shown[QStringLiteral("decision_trace")][QStringLiteral("shadow")].toObject();
    QCOMPARE(shadow[QStringLiteral("policy_version")].toString(), QStringLiteral("next-1"));
    QCOMPARE(shadow[QStringLiteral("decision")].toString(), QStringLiteral("rejected"));
    QCOMPARE(shadow[QStringLiteral("reason")].toString(), QStringLiteral("residency_violation"));
    QCOMPARE(shadow[QStringLiteral("agrees")].toBool(), false);
    const auto diffs = shadow[QStringLiteral("differences")].toArray();
    QVERIFY(diffs.contains(QStringLiteral("tiers")) && diffs.contains(QStringLiteral("decision")) && diffs.contains(QStringLiteral("reason")));
    QCOMPARE(shown[QStringLiteral("record")][QStringLiteral("tier")].toString(), QStringLiteral("cloud"));
    QCOMPARE(metric("perimeter_shadow_disagreements_total{kind=\"decision\"}"), before + 1);

    // Where both agree nothing is counted as a disagreement.
    const double tiersBefore = metric("perimeter_shadow_disagreements_total{kind=\"tiers\"}");
    auto clean = send(QStringLiteral("local"), QStringLiteral("what is the capital of France?"));
    QVERIFY(waitAll({clean}));
    QCOMPARE(clean->status, 200);
    QCOMPARE(auditShow(clean->requestId)[QStringLiteral("decision_trace")][QStringLiteral("shadow")][QStringLiteral("agrees")].toBool(), true);
    QCOMPARE(metric("perimeter_shadow_disagreements_total{kind=\"tiers\"}"), tiersBefore);
}

void RoutingE2eTest::traceIsStoredAndShownByRequestId()
{
    auto r = send(QStringLiteral("shared"), QStringLiteral("charge card %1 please").arg(QLatin1String(kCard)));
    QVERIFY(waitAll({r}));
    QCOMPARE(r->status, 200);
    QCOMPARE(r->tier, QByteArray("onprem"));
    const auto trace = auditShow(r->requestId)[QStringLiteral("decision_trace")].toObject();
    QCOMPARE(trace[QStringLiteral("request_id")].toString(), QString::fromLatin1(r->requestId));
    QCOMPARE(trace[QStringLiteral("policy_version")].toString(), QStringLiteral("active-1"));
    QCOMPARE(trace[QStringLiteral("level")][QStringLiteral("value")].toString(), QStringLiteral("confidential"));
    QCOMPARE(trace[QStringLiteral("level")][QStringLiteral("findings")].toArray().first().toObject()[QStringLiteral("type")].toString(), QStringLiteral("CREDIT_CARD"));
    QCOMPARE(trace[QStringLiteral("permitted_tiers")].toArray(), QJsonArray{QStringLiteral("onprem")});
    QCOMPARE(trace[QStringLiteral("choice")][QStringLiteral("endpoint")].toString(), QStringLiteral("gpu"));
    bool cloudDropped = false;
    for (const auto &c : trace[QStringLiteral("candidates")].toArray()) {
        const auto o = c.toObject();
        if (o[QStringLiteral("endpoint")].toString() == QLatin1String("saas"))
            cloudDropped = !o[QStringLiteral("kept")].toBool() && o[QStringLiteral("why")].toString().contains(QStringLiteral("not permitted"));
    }
    QVERIFY(cloudDropped);
    QCOMPARE(trace[QStringLiteral("outcome")][QStringLiteral("decision")].toString(), QStringLiteral("routed"));
    QVERIFY2(!QJsonDocument(trace).toJson().contains("4111"), "a trace holds types and scores, never values");

    // The readable form names the same things.
    QProcess ctl;
    ctl.start(ManagedProcess::binary(QStringLiteral("perimeterctl")),
              {QStringLiteral("--config"), m_configPath, QStringLiteral("audit"), QStringLiteral("show"), QString::fromLatin1(r->requestId)});
    QVERIFY(ctl.waitForFinished(10000));
    QCOMPARE(ctl.exitCode(), 0);
    const QString text = QString::fromUtf8(ctl.readAllStandardOutput());
    for (const char *expected : {"Decision trace (policy active-1)", "CREDIT_CARD x1", "saas (cloud) dropped: tier cloud not permitted for confidential data",
                                 "gpu (onprem):", "shadow", "agrees"})
        QVERIFY2(text.contains(QLatin1String(expected)), qPrintable(QStringLiteral("missing '%1' in:\n%2").arg(QLatin1String(expected), text)));
    QVERIFY(!text.contains(QStringLiteral("4111")));

    // The what-if gives the same trace shape from the same code.
    const QByteArray sim = QByteArray("{\"request\": {\"model\": \"shared\", \"messages\": [{\"role\": \"user\", \"content\": \"card ") + kCard + "\"}]}, \"caller\": \"dana\"}";
    const auto whatIf = QJsonDocument::fromJson(admin("POST", QStringLiteral("/admin/v1/simulate"), sim).body).object()[QStringLiteral("decision_trace")].toObject();
    QCOMPARE(whatIf[QStringLiteral("level")][QStringLiteral("value")].toString(), QStringLiteral("confidential"));
    QCOMPARE(whatIf[QStringLiteral("choice")][QStringLiteral("endpoint")].toString(), QStringLiteral("gpu"));
    QCOMPARE(whatIf[QStringLiteral("outcome")][QStringLiteral("decision")].toString(), QStringLiteral("would_forward"));
    QCOMPARE(whatIf.keys(), trace.keys());

    // Unknown id: exit 1.
    QProcess missing;
    missing.start(ManagedProcess::binary(QStringLiteral("perimeterctl")),
                  {QStringLiteral("--config"), m_configPath, QStringLiteral("audit"), QStringLiteral("show"), QStringLiteral("req_nope")});
    QVERIFY(missing.waitForFinished(10000));
    QCOMPARE(missing.exitCode(), 1);
}

void RoutingE2eTest::queuedRequestIsDispatchedWhenCapacityFrees()
{
    // gpu has capacity 1: the second confidential request waits, then goes to gpu (never the cloud).
    simConfig(m_onprem, QJsonObject{{QStringLiteral("latency_ms"), 300}});
    const QString content = QStringLiteral("card %1").arg(QLatin1String(kCard));
    auto first = send(QStringLiteral("shared"), content);
    QTest::qWait(80);
    auto second = send(QStringLiteral("shared"), content);
    QVERIFY(waitAll({first, second}));
    QCOMPARE(first->status, 200);
    QCOMPARE(second->status, 200);
    QCOMPARE(second->tier, QByteArray("onprem"));
    QCOMPARE(chatsReceived(m_cloud), 0);
    QVERIFY2(second->ms >= 400, qPrintable(QString::number(second->ms))); // waited for the first one
    const auto queue = auditShow(second->requestId)[QStringLiteral("decision_trace")][QStringLiteral("queue")].toObject();
    QCOMPARE(queue[QStringLiteral("outcome")].toString(), QStringLiteral("dispatched"));
    QVERIFY(queue[QStringLiteral("waited_ms")].toInt() > 0);
}

void RoutingE2eTest::queueBoundAndWaitEndInNoCapacity()
{
    // One in flight (slow), one waiting (queue bound 1, 900 ms), a third finds the queue full.
    simConfig(m_onprem, QJsonObject{{QStringLiteral("latency_ms"), 2500}});
    const QString content = QStringLiteral("card %1").arg(QLatin1String(kCard));
    auto busy = send(QStringLiteral("local"), content);
    QTest::qWait(80);
    auto waiting = send(QStringLiteral("local"), content);
    QTest::qWait(80);
    auto refused = send(QStringLiteral("local"), content);
    QVERIFY(waitAll({refused}, 5000));
    QCOMPARE(refused->status, 503);
    QVERIFY2(refused->ms < 700, qPrintable(QString::number(refused->ms)));
    QVERIFY(waitAll({waiting}, 5000));
    QCOMPARE(waiting->status, 503);
    QCOMPARE(QJsonDocument::fromJson(waiting->body).object()[QStringLiteral("error")][QStringLiteral("code")].toString(), QStringLiteral("no_capacity"));
    QVERIFY2(waiting->ms >= 850, qPrintable(QString::number(waiting->ms)));
    QVERIFY(waitAll({busy}));
    QCOMPARE(busy->status, 200);
    QCOMPARE(auditShow(waiting->requestId)[QStringLiteral("decision_trace")][QStringLiteral("queue")][QStringLiteral("outcome")].toString(), QStringLiteral("timeout"));
    QCOMPARE(auditShow(refused->requestId)[QStringLiteral("decision_trace")][QStringLiteral("queue")][QStringLiteral("outcome")].toString(), QStringLiteral("full"));
    QVERIFY(metric("perimeter_queue_outcomes_total{outcome=\"timeout\"}") >= 1);
}

void RoutingE2eTest::clientLeavingTheQueueIsRecorded()
{
    simConfig(m_onprem, QJsonObject{{QStringLiteral("latency_ms"), 1200}});
    const QString content = QStringLiteral("card %1").arg(QLatin1String(kCard));
    auto busy = send(QStringLiteral("local"), content);
    QTest::qWait(80);
    auto leaving = send(QStringLiteral("local"), content);
    QTest::qWait(200);
    const double before = metric("perimeter_queue_outcomes_total{outcome=\"client_closed\"}");
    QVERIFY2(!leaving->done, qPrintable(QStringLiteral("answered while it should wait: %1 %2").arg(leaving->status).arg(QString::fromUtf8(leaving->body))));
    leaving->reply->abort();
    QVERIFY(waitAll({busy, leaving}));
    QCOMPARE(busy->status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(metric("perimeter_queue_outcomes_total{outcome=\"client_closed\"}"), before + 1, 5000);
    // Its record says so (found by reason: an aborted reply has no headers to read the id from).
    bool found = false;
    for (int attempt = 0; attempt < 50 && !found; ++attempt) {
        for (const auto &v : auditList()) {
            const auto r = v.toObject();
            found = found || (r[QStringLiteral("reason")].toString() == QLatin1String("client_closed") && r[QStringLiteral("status")].toInt() == 499
                              && r[QStringLiteral("tier")].toString().isEmpty());
        }
        if (!found)
            QTest::qWait(100);
    }
    QVERIFY(found);
    QCOMPARE(chatsReceived(m_onprem), 1); // the one that left never reached an endpoint
}

void RoutingE2eTest::reportedQueueDepthMovesPublicDataToTheCloud()
{
    auto endpointWaiting = [this]() {
        for (const auto &e : QJsonDocument::fromJson(admin("GET", QStringLiteral("/admin/v1/endpoints")).body).object()[QStringLiteral("endpoints")].toArray()) {
            if (e.toObject()[QStringLiteral("id")].toString() == QLatin1String("gpu"))
                return e.toObject()[QStringLiteral("upstream_waiting")].toInt(-1);
        }
        return -1;
    };
    // The on-prem server reports a deep queue of its own (other clients): public data overflows.
    simConfig(m_onprem, QJsonObject{{QStringLiteral("queue_waiting"), 40}});
    QTRY_COMPARE_WITH_TIMEOUT(endpointWaiting(), 40, 5000);
    auto pub = send(QStringLiteral("shared"), QStringLiteral("what is the capital of France?"));
    auto conf = send(QStringLiteral("shared"), QStringLiteral("card %1").arg(QLatin1String(kCard)));
    QVERIFY(waitAll({pub, conf}));
    QCOMPARE(pub->tier, QByteArray("cloud"));
    QCOMPARE(conf->tier, QByteArray("onprem")); // a busy on-prem never sends confidential data out
    const auto candidates = auditShow(pub->requestId)[QStringLiteral("decision_trace")][QStringLiteral("candidates")].toArray();
    bool sawDepth = false;
    for (const auto &c : candidates)
        sawDepth = sawDepth || c.toObject()[QStringLiteral("upstream_waiting")].toInt() == 40;
    QVERIFY(sawDepth);
    QCOMPARE(metric("perimeter_endpoint_upstream_waiting{endpoint=\"gpu\",tier=\"onprem\"}"), 40.0);

    simConfig(m_onprem, QJsonObject{{QStringLiteral("queue_waiting"), 0}});
    QTRY_COMPARE_WITH_TIMEOUT(endpointWaiting(), 0, 5000);
    auto again = send(QStringLiteral("shared"), QStringLiteral("what is the capital of Spain?"));
    QVERIFY(waitAll({again}));
    QCOMPARE(again->tier, QByteArray("onprem"));
}

void RoutingE2eTest::inFlightRequestsKeepTheirPolicyVersionAcrossPut()
{
    // A slow stream starts under active-1; PUT replaces the policy while it runs.
    simConfig(m_onprem, QJsonObject{{QStringLiteral("tokens_per_second"), 10}});
    auto inFlight = send(QStringLiteral("local"), QStringLiteral("tell me a story"), true);
    QTest::qWait(250);
    QVERIFY(!inFlight->done);
    QCOMPARE(admin("PUT", QStringLiteral("/admin/v1/policy"), policy("active-2", true)).status, 200);
    simConfig(m_onprem, QJsonObject{{QStringLiteral("tokens_per_second"), 0}});
    auto after = send(QStringLiteral("remote"), QStringLiteral("hello"));
    QVERIFY(waitAll({inFlight, after}));
    QCOMPARE(inFlight->status, 200);
    QVERIFY(inFlight->body.contains("data: [DONE]"));
    QCOMPARE(after->status, 200);
    QCOMPARE(auditShow(inFlight->requestId)[QStringLiteral("record")][QStringLiteral("policy_version")].toString(), QStringLiteral("active-1"));
    QCOMPARE(auditShow(after->requestId)[QStringLiteral("record")][QStringLiteral("policy_version")].toString(), QStringLiteral("active-2"));
    QCOMPARE(auditShow(inFlight->requestId)[QStringLiteral("decision_trace")][QStringLiteral("policy_version")].toString(), QStringLiteral("active-1"));
}

void RoutingE2eTest::inFlightRequestsKeepTheirPolicyVersionAcrossSighup()
{
    // Under active-2 internal data may go to the cloud; active-3 forbids it. A request in
    // flight during SIGHUP finishes under active-2; the next one is refused under active-3.
    simConfig(m_cloud, QJsonObject{{QStringLiteral("tokens_per_second"), 10}});
    auto inFlight = send(QStringLiteral("remote"), QStringLiteral("mail jane.doe@example.com the plan"), true);
    QTest::qWait(250);
    QVERIFY(!inFlight->done);
    QFile file(m_policyPath);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(policy("active-3", false));
    file.close();
    m_gateway.signal(SIGHUP);
    QTRY_COMPARE_WITH_TIMEOUT(QJsonDocument::fromJson(admin("GET", QStringLiteral("/admin/v1/policy")).body).object()[QStringLiteral("version")].toString(),
                              QStringLiteral("active-3"), 10000);
    auto after = send(QStringLiteral("remote"), QStringLiteral("mail jane.doe@example.com the plan"));
    QVERIFY(waitAll({inFlight, after}));
    QCOMPARE(inFlight->status, 200);
    QCOMPARE(inFlight->tier, QByteArray("cloud"));
    QCOMPARE(after->status, 403);
    QCOMPARE(auditShow(inFlight->requestId)[QStringLiteral("record")][QStringLiteral("policy_version")].toString(), QStringLiteral("active-2"));
    QCOMPARE(auditShow(after->requestId)[QStringLiteral("record")][QStringLiteral("policy_version")].toString(), QStringLiteral("active-3"));
    // The shadow is reloaded with the config too and still answers beside the new policy.
    QCOMPARE(auditShow(after->requestId)[QStringLiteral("decision_trace")][QStringLiteral("shadow")][QStringLiteral("policy_version")].toString(),
             QStringLiteral("next-1"));
}

void RoutingE2eTest::badQueueMetricsAndShadowPolicyAreRefused()
{
    QFile shadow(m_dir.filePath(QStringLiteral("bad-shadow.json")));
    QVERIFY(shadow.open(QIODevice::WriteOnly));
    shadow.write("{\"levels\": {\"public\": [\"moon\"]}}");
    shadow.close();
    auto check = [this](const QByteArray &endpoints, const QList<const char *> &expected) {
        const QString path = m_dir.filePath(QStringLiteral("bad.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("{\"listen\": {\"host\": \"127.0.0.1\", \"port\": 0}, \"data_dir\": \"var-bad\", \"shadow_policy\": \"bad-shadow.json\",\n"
                   " \"endpoints\": " + endpoints + ",\n \"models\": [{\"name\": \"m\", \"kind\": \"chat\", \"endpoints\": [\"a\"]}]}");
        file.close();
        QProcess process;
        process.start(ManagedProcess::binary(QStringLiteral("perimeterd")), {QStringLiteral("--config"), path, QStringLiteral("--check-config")});
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 2);
        const QString err = QString::fromUtf8(process.readAllStandardError());
        for (const char *e : expected)
            QVERIFY2(err.contains(QLatin1String(e)), qPrintable(QStringLiteral("missing %1 in:\n%2").arg(QLatin1String(e), err)));
    };
    // Configuration problems, every one by JSON pointer.
    check("[{\"id\": \"a\", \"tier\": \"onprem\", \"url\": \"http://127.0.0.1:1/v1\", \"queue_metrics\": {\"source\": \"ollama\", \"path\": \"metrics\"}},"
          " {\"id\": \"b\", \"tier\": \"onprem\", \"url\": \"http://127.0.0.1:2/v1\", \"queue_metrics\": {\"source\": \"prometheus\"}}]",
          {"/endpoints/0/queue_metrics/source", "/endpoints/0/queue_metrics/path", "/endpoints/1/queue_metrics/waiting_metric"});
    // A valid configuration whose shadow policy is invalid is refused too, naming the shadow file.
    check("[{\"id\": \"a\", \"tier\": \"onprem\", \"url\": \"http://127.0.0.1:1/v1\", \"queue_metrics\": {\"source\": \"llamacpp\"}}]",
          {"shadow_policy", "bad-shadow.json", "/levels/public/0"});
}

QTEST_GUILESS_MAIN(RoutingE2eTest)
#include "tst_routing_e2e.moc"
