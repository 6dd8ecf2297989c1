// SPDX-License-Identifier: Apache-2.0
// The admin API and policy hot reload, end to end: a real perimeterd with one perimeter-sim
// per tier, driven over HTTP on loopback.
#include "HttpTestClient.h"
#include "ManagedProcess.h"
#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <csignal>

using namespace perimeter::test;

namespace {
const QByteArray kCallerKey = QByteArrayLiteral("pk-admin-test-caller-0123456789");
const QByteArray kAdminToken = QByteArrayLiteral("admin-token-for-tests-0123456789");
const QByteArray kOpenPolicy = QByteArrayLiteral("{\"version\": \"open-1\", \"levels\": {\"public\": [\"cloud\", \"onprem\"], "
                                                 "\"internal\": [\"cloud\", \"onprem\"], \"confidential\": [\"onprem\"], \"restricted\": [\"onprem\"]}}");
// Internal data (an e-mail address) may no longer leave the perimeter.
const QByteArray kStrictPolicy = QByteArrayLiteral("{\"version\": \"strict-2\", \"levels\": {\"public\": [\"cloud\", \"onprem\"], "
                                                   "\"internal\": [\"onprem\"], \"confidential\": [\"onprem\"], \"restricted\": [\"onprem\"]}}");
} // namespace

class AdminApiTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void requiresTheAdminToken();
    void getAndValidatePolicy();
    void putPolicyChangesRoutingAndIsVersioned();
    void diffAndRollback();
    void simulateExplainsTheDecision();
    void endpointsReportHealth();
    void modelRuleHidesTheModelFromOtherTeams();
    void policyFileEditIsPickedUp();
    void sighupReloadKeepsInFlightRequests();

private:
    HttpTestResponse admin(const QByteArray &method, const QString &path, const QByteArray &body = {}, bool authorised = true);
    HttpTestResponse chatWithEmail(bool stream = false);
    QString policyVersionInUse();
    void writePolicy(const QByteArray &content);

    QTemporaryDir m_dir;
    ManagedProcess m_onprem;
    ManagedProcess m_cloud;
    ManagedProcess m_gateway;
    QString m_adminUrl;
    QString m_policyPath;
};

void AdminApiTest::writePolicy(const QByteArray &content)
{
    QFile file(m_policyPath);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
}

void AdminApiTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_onprem.start(QStringLiteral("perimeter-sim"), {QStringLiteral("--name"), QStringLiteral("onprem"), QStringLiteral("--port"), QStringLiteral("0"),
                                                             QStringLiteral("--models"), QStringLiteral("shared")}));
    QVERIFY(m_cloud.start(QStringLiteral("perimeter-sim"), {QStringLiteral("--name"), QStringLiteral("cloud"), QStringLiteral("--port"), QStringLiteral("0"),
                                                            QStringLiteral("--models"), QStringLiteral("shared")}));
    m_policyPath = m_dir.filePath(QStringLiteral("policy.json"));
    writePolicy(kOpenPolicy);
    const QString hash = QString::fromLatin1(QCryptographicHash::hash(kCallerKey, QCryptographicHash::Sha256).toHex());
    const QJsonObject config{
        {QStringLiteral("listen"), QJsonObject{{QStringLiteral("host"), QStringLiteral("127.0.0.1")}, {QStringLiteral("port"), 0}}},
        {QStringLiteral("admin"), QJsonObject{{QStringLiteral("listen"), QJsonObject{{QStringLiteral("host"), QStringLiteral("127.0.0.1")}, {QStringLiteral("port"), 0}}}}},
        {QStringLiteral("data_dir"), QStringLiteral("var")},
        {QStringLiteral("policy"), QStringLiteral("policy.json")},
        {QStringLiteral("callers"), QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("carol")}, {QStringLiteral("api_key_sha256"), hash}}}},
        {QStringLiteral("endpoints"),
         QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("gpu")}, {QStringLiteral("tier"), QStringLiteral("onprem")},
                                {QStringLiteral("url"), m_onprem.url() + QStringLiteral("/v1")}},
                    QJsonObject{{QStringLiteral("id"), QStringLiteral("saas")}, {QStringLiteral("tier"), QStringLiteral("cloud")},
                                {QStringLiteral("url"), m_cloud.url() + QStringLiteral("/v1")}},
                    // Nothing listens on port 1: its health check must fail.
                    QJsonObject{{QStringLiteral("id"), QStringLiteral("dead")}, {QStringLiteral("tier"), QStringLiteral("onprem")},
                                {QStringLiteral("url"), QStringLiteral("http://127.0.0.1:1/v1")}}}},
        {QStringLiteral("health_checks"), QJsonObject{{QStringLiteral("interval_ms"), 300}, {QStringLiteral("timeout_ms"), 1000}}},
        // Hosted in the cloud only, so a policy change shows as routed vs. rejected.
        {QStringLiteral("models"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("shared")}, {QStringLiteral("kind"), QStringLiteral("chat")},
                                                          {QStringLiteral("endpoints"), QJsonArray{QStringLiteral("saas")}}},
                                              QJsonObject{{QStringLiteral("name"), QStringLiteral("local")}, {QStringLiteral("kind"), QStringLiteral("chat")},
                                                          {QStringLiteral("endpoints"), QJsonArray{QStringLiteral("dead"), QStringLiteral("gpu")}}}}}};
    const QString configPath = m_dir.filePath(QStringLiteral("perimeter.json"));
    QFile file(configPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(config).toJson());
    file.close();
    qputenv("PERIMETER_CREDENTIAL_ADMIN_TOKEN", kAdminToken);
    QVERIFY2(m_gateway.start(QStringLiteral("perimeterd"), {QStringLiteral("--config"), configPath}), qPrintable(m_gateway.errorOutput()));
    const auto match = QRegularExpression(QStringLiteral("admin API on (http://\\S+)")).match(m_gateway.startupOutput());
    QVERIFY2(match.hasMatch(), qPrintable(m_gateway.startupOutput()));
    m_adminUrl = match.captured(1);
}

void AdminApiTest::cleanupTestCase()
{
    if (m_gateway.isRunning())
        QCOMPARE(m_gateway.terminate(), 0);
    m_onprem.terminate();
    m_cloud.terminate();
}

HttpTestResponse AdminApiTest::admin(const QByteArray &method, const QString &path, const QByteArray &body, bool authorised)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (authorised)
        headers.append(qMakePair(QByteArrayLiteral("authorization"), QByteArray("Bearer " + kAdminToken)));
    headers.append(qMakePair(QByteArrayLiteral("x-perimeter-author"), QByteArrayLiteral("test-officer")));
    return HttpTestClient::request(method, QUrl(m_adminUrl + path), body, headers, 20000);
}

HttpTestResponse AdminApiTest::chatWithEmail(bool stream)
{
    QJsonObject body{{QStringLiteral("model"), QStringLiteral("shared")},
                     {QStringLiteral("messages"), QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                                                         {QStringLiteral("content"), QStringLiteral("mail jane.doe@example.com the summary")}}}}};
    if (stream)
        body.insert(QStringLiteral("stream"), true);
    return HttpTestClient::request("POST", QUrl(m_gateway.url() + QStringLiteral("/v1/chat/completions")), QJsonDocument(body).toJson(),
                                   {{"authorization", "Bearer " + kCallerKey}}, 20000);
}

QString AdminApiTest::policyVersionInUse()
{
    return QJsonDocument::fromJson(admin("GET", QStringLiteral("/admin/v1/policy")).body).object()[QStringLiteral("version")].toString();
}

void AdminApiTest::requiresTheAdminToken()
{
    QCOMPARE(admin("GET", QStringLiteral("/admin/v1/policy"), {}, false).status, 401);
    auto wrong = HttpTestClient::request("GET", QUrl(m_adminUrl + QStringLiteral("/admin/v1/policy")), {}, {{"authorization", "Bearer nope"}});
    QCOMPARE(wrong.status, 401);
    // The caller API does not serve admin paths, and a caller key does not open the admin API.
    auto viaGateway = HttpTestClient::request("GET", QUrl(m_gateway.url() + QStringLiteral("/admin/v1/policy")), {}, {{"authorization", "Bearer " + kAdminToken}});
    QCOMPARE(viaGateway.status, 404);
    auto callerKey = HttpTestClient::request("GET", QUrl(m_adminUrl + QStringLiteral("/admin/v1/policy")), {}, {{"authorization", "Bearer " + kCallerKey}});
    QCOMPARE(callerKey.status, 401);
}

void AdminApiTest::getAndValidatePolicy()
{
    QCOMPARE(policyVersionInUse(), QStringLiteral("open-1"));
    auto bad = admin("POST", QStringLiteral("/admin/v1/policy/validate"), QByteArrayLiteral("{\"levels\": {\"public\": [\"moon\"]}, \"x\": 1}"));
    QCOMPARE(bad.status, 200);
    const auto doc = QJsonDocument::fromJson(bad.body).object();
    QCOMPARE(doc[QStringLiteral("valid")].toBool(), false);
    const QString problems = QString::fromUtf8(QJsonDocument(doc[QStringLiteral("problems")].toArray()).toJson());
    QVERIFY2(problems.contains(QStringLiteral("/levels/public/0")) && problems.contains(QStringLiteral("/x")), qPrintable(problems));
    auto good = admin("POST", QStringLiteral("/admin/v1/policy/validate"), kStrictPolicy);
    QCOMPARE(QJsonDocument::fromJson(good.body).object()[QStringLiteral("valid")].toBool(), true);
}

void AdminApiTest::putPolicyChangesRoutingAndIsVersioned()
{
    QCOMPARE(chatWithEmail().status, 200); // internal data may go to the cloud under open-1
    auto refused = admin("PUT", QStringLiteral("/admin/v1/policy"), QByteArrayLiteral("{\"levels\": 3}"));
    QCOMPARE(refused.status, 422);
    QCOMPARE(policyVersionInUse(), QStringLiteral("open-1")); // an invalid policy changes nothing

    auto put = admin("PUT", QStringLiteral("/admin/v1/policy?comment=keep%20contact%20data%20inside"), kStrictPolicy);
    QCOMPARE(put.status, 200);
    QCOMPARE(QJsonDocument::fromJson(put.body).object()[QStringLiteral("version")].toString(), QStringLiteral("strict-2"));
    QCOMPARE(policyVersionInUse(), QStringLiteral("strict-2"));
    const auto r = chatWithEmail();
    QCOMPARE(r.status, 403);
    QCOMPARE(QJsonDocument::fromJson(r.body).object()[QStringLiteral("error")][QStringLiteral("code")].toString(), QStringLiteral("residency_violation"));
    // The file on disk is the applied document, so a restart keeps the policy.
    QFile file(m_policyPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), kStrictPolicy);

    const auto versions = QJsonDocument::fromJson(admin("GET", QStringLiteral("/admin/v1/policy/versions")).body).object()[QStringLiteral("versions")].toArray();
    QVERIFY(versions.size() >= 2);
    const auto newest = versions.first().toObject();
    QCOMPARE(newest[QStringLiteral("version")].toString(), QStringLiteral("strict-2"));
    QCOMPARE(newest[QStringLiteral("author")].toString(), QStringLiteral("test-officer"));
    QCOMPARE(newest[QStringLiteral("comment")].toString(), QStringLiteral("keep contact data inside"));
}

void AdminApiTest::diffAndRollback()
{
    const auto versions = QJsonDocument::fromJson(admin("GET", QStringLiteral("/admin/v1/policy/versions")).body).object()[QStringLiteral("versions")].toArray();
    qint64 openSequence = 0;
    for (const auto &v : versions) {
        if (v.toObject()[QStringLiteral("version")].toString() == QLatin1String("open-1"))
            openSequence = v.toObject()[QStringLiteral("sequence")].toInteger();
    }
    QVERIFY(openSequence > 0);
    auto diff = admin("GET", QStringLiteral("/admin/v1/policy/diff?from=%1").arg(openSequence));
    QCOMPARE(diff.status, 200);
    const QString lines = QString::fromUtf8(QJsonDocument(QJsonDocument::fromJson(diff.body).object()[QStringLiteral("lines")].toArray()).toJson());
    QVERIFY2(lines.contains(QStringLiteral("- ")) && lines.contains(QStringLiteral("+ ")) && lines.contains(QStringLiteral("strict-2")), qPrintable(lines));

    auto rollback = admin("POST", QStringLiteral("/admin/v1/policy/rollback"), QStringLiteral("{\"sequence\": %1}").arg(openSequence).toUtf8());
    QCOMPARE(rollback.status, 200);
    QCOMPARE(policyVersionInUse(), QStringLiteral("open-1"));
    QCOMPARE(chatWithEmail().status, 200);
}

void AdminApiTest::simulateExplainsTheDecision()
{
    const QByteArray body = "{\"request\": {\"model\": \"shared\", \"messages\": [{\"role\": \"user\", \"content\": \"card 4111 1111 1111 1111\"}]}, \"caller\": \"carol\"}";
    auto r = admin("POST", QStringLiteral("/admin/v1/simulate"), body);
    QCOMPARE(r.status, 200);
    const auto doc = QJsonDocument::fromJson(r.body).object();
    QCOMPARE(doc[QStringLiteral("sensitivity")].toString(), QStringLiteral("confidential"));
    QCOMPARE(doc[QStringLiteral("status")].toInt(), 403);
    QCOMPARE(doc[QStringLiteral("reason")].toString(), QStringLiteral("residency_violation"));
    QCOMPARE(doc[QStringLiteral("findings")].toArray().first().toObject()[QStringLiteral("type")].toString(), QStringLiteral("CREDIT_CARD"));
    QVERIFY(!doc[QStringLiteral("route")][QStringLiteral("trace")].toArray().isEmpty());
    QVERIFY2(!r.body.contains("4111"), "the simulation reports types and spans, never values");
    QCOMPARE(admin("POST", QStringLiteral("/admin/v1/simulate"), QByteArrayLiteral("{}")).status, 400);
}

void AdminApiTest::endpointsReportHealth()
{
    auto r = admin("GET", QStringLiteral("/admin/v1/endpoints"));
    QCOMPARE(r.status, 200);
    const auto list = QJsonDocument::fromJson(r.body).object()[QStringLiteral("endpoints")].toArray();
    QCOMPARE(list.size(), 3);
    QMap<QString, bool> available;
    for (const auto &e : list)
        available.insert(e.toObject()[QStringLiteral("id")].toString(), e.toObject()[QStringLiteral("available")].toBool());
    QVERIFY(available.value(QStringLiteral("gpu")));
    QVERIFY(available.value(QStringLiteral("saas")));
    QVERIFY(!available.value(QStringLiteral("dead"))); // probed every 300 ms; failed long ago
    // The router leaves the failing endpoint out and says why.
    const QByteArray body = "{\"request\": {\"model\": \"local\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}}";
    const auto sim = QJsonDocument::fromJson(admin("POST", QStringLiteral("/admin/v1/simulate"), body).body).object();
    QCOMPARE(sim[QStringLiteral("route")][QStringLiteral("endpoint")].toString(), QStringLiteral("gpu"));
    const QString trace = QString::fromUtf8(QJsonDocument(sim[QStringLiteral("route")][QStringLiteral("trace")].toArray()).toJson());
    QVERIFY2(trace.contains(QStringLiteral("dead (onprem): dropped, health check failing")), qPrintable(trace));
}

void AdminApiTest::modelRuleHidesTheModelFromOtherTeams()
{
    const QByteArray reserved = "{\"version\": \"rules-3\", \"models\": {\"shared\": {\"teams\": [\"treasury\"]}}}";
    QCOMPARE(admin("PUT", QStringLiteral("/admin/v1/policy"), reserved).status, 200);
    const auto r = chatWithEmail();
    QCOMPARE(r.status, 404);
    QCOMPARE(QJsonDocument::fromJson(r.body).object()[QStringLiteral("error")][QStringLiteral("code")].toString(), QStringLiteral("model_not_found"));
    const auto models = HttpTestClient::request("GET", QUrl(m_gateway.url() + QStringLiteral("/v1/models")), {}, {{"authorization", "Bearer " + kCallerKey}});
    QCOMPARE(models.status, 200);
    QVERIFY(!models.body.contains("\"shared\""));
    QVERIFY(models.body.contains("\"local\""));
    QCOMPARE(admin("PUT", QStringLiteral("/admin/v1/policy"), kOpenPolicy).status, 200);
    QCOMPARE(chatWithEmail().status, 200);
}

void AdminApiTest::policyFileEditIsPickedUp()
{
    writePolicy(kStrictPolicy);
    QTRY_COMPARE_WITH_TIMEOUT(policyVersionInUse(), QStringLiteral("strict-2"), 15000);
    // A broken edit is refused; the policy in force stays.
    writePolicy(QByteArrayLiteral("{\"levels\": "));
    QTest::qWait(1500);
    QCOMPARE(policyVersionInUse(), QStringLiteral("strict-2"));
    writePolicy(kOpenPolicy);
    QTRY_COMPARE_WITH_TIMEOUT(policyVersionInUse(), QStringLiteral("open-1"), 15000);
}

void AdminApiTest::sighupReloadKeepsInFlightRequests()
{
    // A slow stream starts under open-1; the policy changes under it; it still completes, and
    // the next request is decided by the new policy.
    QVERIFY(HttpTestClient::request("POST", QUrl(m_cloud.url() + QStringLiteral("/__sim/config")), QByteArrayLiteral("{\"tokens_per_second\": 8}")).status == 200);
    QTimer::singleShot(300, this, [this]() {
        QFile file(m_policyPath);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write(kStrictPolicy);
        file.close();
        m_gateway.signal(SIGHUP);
    });
    const auto inFlight = chatWithEmail(true);
    QCOMPARE(inFlight.status, 200);
    QVERIFY(inFlight.body.contains("data: [DONE]"));
    QTRY_COMPARE_WITH_TIMEOUT(policyVersionInUse(), QStringLiteral("strict-2"), 15000);
    QCOMPARE(chatWithEmail().status, 403);
}

QTEST_GUILESS_MAIN(AdminApiTest)
#include "tst_admin_api.moc"
