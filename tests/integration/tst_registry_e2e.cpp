// SPDX-License-Identifier: Apache-2.0
// End-to-end: a model registered with `perimeterctl registry add` becomes routable on a running
// perimeterd without a restart, and a retired one answers 404 model_not_found.
#include "HttpTestClient.h"
#include "ManagedProcess.h"
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

// No raw string literals here: Qt 6.4's moc mis-tokenises them and silently skips the class.
using namespace perimeter::test;

namespace {
const QByteArray kCallerKey = QByteArrayLiteral("pk-test-registry-caller-0123456789");
const QByteArray kAdminToken = QByteArrayLiteral("admin-token-registry-tests-0123");
} // namespace

class RegistryE2eTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void addedModelBecomesRoutableWithoutRestart();
    void retiredModelIsNotFound();
    void adminApiChangesAreServedAtOnce();

private:
    HttpTestResponse chat(const QString &model);
    int ctl(const QStringList &args, QByteArray *output = nullptr);
    // Polls until the model answers `status` (or the deadline passes); returns the last answer.
    HttpTestResponse waitForStatus(const QString &model, int status, qint64 *elapsedMs);
    QStringList listedModels();
    HttpTestResponse admin(const QByteArray &method, const QString &path, const QJsonObject &body = {});

    QTemporaryDir m_dir;
    ManagedProcess m_onprem;
    ManagedProcess m_gateway;
    QString m_configPath;
    QString m_adminUrl;
};

void RegistryE2eTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_onprem.start(QStringLiteral("perimeter-sim"), {QStringLiteral("--name"), QStringLiteral("onprem"), QStringLiteral("--port"),
                                                              QStringLiteral("0"), QStringLiteral("--models"), QStringLiteral("llama-70b,qwen-7b,mistral-7b")}),
             qPrintable(m_onprem.errorOutput()));
    const QString hash = QString::fromLatin1(QCryptographicHash::hash(kCallerKey, QCryptographicHash::Sha256).toHex());
    const QJsonObject config{
        {QStringLiteral("listen"), QJsonObject{{QStringLiteral("host"), QStringLiteral("127.0.0.1")}, {QStringLiteral("port"), 0}}},
        {QStringLiteral("data_dir"), QStringLiteral("var")},
        {QStringLiteral("callers"), QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("alice")}, {QStringLiteral("team"), QStringLiteral("risk")},
                                                           {QStringLiteral("api_key_sha256"), hash}}}},
        {QStringLiteral("endpoints"), QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("gpu-1")}, {QStringLiteral("tier"), QStringLiteral("onprem")},
                                                             {QStringLiteral("url"), QStringLiteral("http://127.0.0.1:%1/v1").arg(m_onprem.port())}}}},
        {QStringLiteral("models"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("llama-70b")}, {QStringLiteral("kind"), QStringLiteral("chat")},
                                                          {QStringLiteral("endpoints"), QJsonArray{QStringLiteral("gpu-1")}}}}},
        {QStringLiteral("health_checks"), QJsonObject{{QStringLiteral("enabled"), false}}},
        {QStringLiteral("admin"), QJsonObject{{QStringLiteral("listen"), QJsonObject{{QStringLiteral("host"), QStringLiteral("127.0.0.1")}, {QStringLiteral("port"), 0}}}}}};
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

HttpTestResponse RegistryE2eTest::admin(const QByteArray &method, const QString &path, const QJsonObject &body)
{
    return HttpTestClient::request(method, QUrl(m_adminUrl + path), body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact),
                                   {{"authorization", "Bearer " + kAdminToken}, {"x-perimeter-author", "e2e"}}, 10000);
}

void RegistryE2eTest::cleanupTestCase()
{
    if (m_gateway.isRunning())
        QCOMPARE(m_gateway.terminate(), 0);
    m_onprem.terminate();
}

HttpTestResponse RegistryE2eTest::chat(const QString &model)
{
    const QJsonObject body{{QStringLiteral("model"), model},
                           {QStringLiteral("messages"), QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                                                               {QStringLiteral("content"), QStringLiteral("hello")}}}}};
    return HttpTestClient::request("POST", QUrl(m_gateway.url() + QStringLiteral("/v1/chat/completions")),
                                   QJsonDocument(body).toJson(QJsonDocument::Compact), {{"authorization", "Bearer " + kCallerKey}}, 10000);
}

int RegistryE2eTest::ctl(const QStringList &args, QByteArray *output)
{
    QProcess p;
    p.start(ManagedProcess::binary(QStringLiteral("perimeterctl")), QStringList{QStringLiteral("--config"), m_configPath, QStringLiteral("registry")} + args);
    if (!p.waitForFinished(10000))
        return -1;
    if (output)
        *output = p.readAllStandardOutput() + p.readAllStandardError();
    return p.exitCode();
}

HttpTestResponse RegistryE2eTest::waitForStatus(const QString &model, int status, qint64 *elapsedMs)
{
    QElapsedTimer clock;
    clock.start();
    HttpTestResponse r = chat(model);
    while (r.status != status && clock.elapsed() < 8000) {
        QTest::qWait(50);
        r = chat(model);
    }
    *elapsedMs = clock.elapsed();
    return r;
}

QStringList RegistryE2eTest::listedModels()
{
    const auto r = HttpTestClient::request("GET", QUrl(m_gateway.url() + QStringLiteral("/v1/models")), {}, {{"authorization", "Bearer " + kCallerKey}});
    QStringList names;
    for (const auto &m : QJsonDocument::fromJson(r.body).object().value(QStringLiteral("data")).toArray())
        names.append(m.toObject().value(QStringLiteral("id")).toString());
    return names;
}

void RegistryE2eTest::addedModelBecomesRoutableWithoutRestart()
{
    const auto before = chat(QStringLiteral("qwen-7b"));
    QCOMPARE(before.status, 404);
    QCOMPARE(QJsonDocument::fromJson(before.body).object().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("model_not_found"));
    QCOMPARE(listedModels(), QStringList{QStringLiteral("llama-70b")});

    QByteArray output;
    QCOMPARE(ctl({QStringLiteral("add"), QStringLiteral("qwen-7b"), QStringLiteral("--version"), QStringLiteral("2024-09"), QStringLiteral("--kind"),
                  QStringLiteral("chat"), QStringLiteral("--endpoint"), QStringLiteral("gpu-1"), QStringLiteral("--capacity"), QStringLiteral("4")},
                 &output),
             0);
    qint64 ms = 0;
    const auto after = waitForStatus(QStringLiteral("qwen-7b"), 200, &ms);
    QVERIFY2(after.status == 200, after.body.constData());
    QCOMPARE(after.header("x-perimeter-tier"), QByteArray("onprem"));
    qInfo("registered model routable after %lld ms", ms);
    QVERIFY(listedModels().contains(QStringLiteral("qwen-7b")));
    QVERIFY(m_gateway.isRunning()); // the same process, no restart
}

void RegistryE2eTest::retiredModelIsNotFound()
{
    QCOMPARE(chat(QStringLiteral("llama-70b")).status, 200);
    QCOMPARE(ctl({QStringLiteral("retire"), QStringLiteral("llama-70b"), QStringLiteral("--comment"), QStringLiteral("end of life")}), 0);
    qint64 ms = 0;
    const auto after = waitForStatus(QStringLiteral("llama-70b"), 404, &ms);
    QCOMPARE(after.status, 404);
    QCOMPARE(QJsonDocument::fromJson(after.body).object().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("model_not_found"));
    qInfo("retired model refused after %lld ms", ms);
    QVERIFY(!listedModels().contains(QStringLiteral("llama-70b")));
    // The other model is untouched.
    QCOMPARE(chat(QStringLiteral("qwen-7b")).status, 200);
}

void RegistryE2eTest::adminApiChangesAreServedAtOnce()
{
    const auto refused = admin("POST", QStringLiteral("/admin/v1/registry/models"),
                               QJsonObject{{QStringLiteral("name"), QStringLiteral("mistral-7b")}, {QStringLiteral("version"), QStringLiteral("1")},
                                           {QStringLiteral("kind"), QStringLiteral("vision")}, {QStringLiteral("endpoints"), QJsonArray{QStringLiteral("gpu-9")}},
                                           {QStringLiteral("capacity"), 0}});
    QCOMPARE(refused.status, 422);
    const QJsonArray problems = QJsonDocument::fromJson(refused.body).object().value(QStringLiteral("error")).toObject().value(QStringLiteral("problems")).toArray();
    QCOMPARE(problems.size(), 3); // kind, endpoints/0, capacity

    const auto added = admin("POST", QStringLiteral("/admin/v1/registry/models"),
                             QJsonObject{{QStringLiteral("name"), QStringLiteral("mistral-7b")}, {QStringLiteral("version"), QStringLiteral("1")},
                                         {QStringLiteral("kind"), QStringLiteral("chat")}, {QStringLiteral("endpoints"), QJsonArray{QStringLiteral("gpu-1")}},
                                         {QStringLiteral("capacity"), 2}, {QStringLiteral("comment"), QStringLiteral("via admin API")}});
    QCOMPARE(added.status, 201);
    QCOMPARE(QJsonDocument::fromJson(added.body).object().value(QStringLiteral("served")).toBool(), true);
    qint64 ms = 0;
    QCOMPARE(waitForStatus(QStringLiteral("mistral-7b"), 200, &ms).status, 200);
    qInfo("admin API model routable after %lld ms", ms);

    const auto edited = admin("PATCH", QStringLiteral("/admin/v1/registry/models?name=mistral-7b&version=1"), QJsonObject{{QStringLiteral("capacity"), 6}});
    QCOMPARE(edited.status, 200);
    QCOMPARE(QJsonDocument::fromJson(edited.body).object().value(QStringLiteral("capacity")).toInt(), 6);
    QCOMPARE(admin("PATCH", QStringLiteral("/admin/v1/registry/models?name=mistral-7b&version=9"), QJsonObject{{QStringLiteral("capacity"), 6}}).status, 404);

    const auto list = QJsonDocument::fromJson(admin("GET", QStringLiteral("/admin/v1/registry/models")).body).object().value(QStringLiteral("models")).toArray();
    QVERIFY(list.size() >= 3);
    const auto history = QJsonDocument::fromJson(admin("GET", QStringLiteral("/admin/v1/registry/history?name=mistral-7b")).body)
                             .object().value(QStringLiteral("history")).toArray();
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.at(0).toObject().value(QStringLiteral("actor")).toString(), QStringLiteral("e2e"));
    QCOMPARE(history.at(1).toObject().value(QStringLiteral("before")).toObject().value(QStringLiteral("capacity")).toInt(), 2);

    QCOMPARE(admin("POST", QStringLiteral("/admin/v1/registry/retire"),
                   QJsonObject{{QStringLiteral("name"), QStringLiteral("mistral-7b")}, {QStringLiteral("version"), QStringLiteral("1")}})
                 .status,
             200);
    QCOMPARE(waitForStatus(QStringLiteral("mistral-7b"), 404, &ms).status, 404);
    QCOMPARE(HttpTestClient::request("GET", QUrl(m_adminUrl + QStringLiteral("/admin/v1/registry/models"))).status, 401);
}

QTEST_GUILESS_MAIN(RegistryE2eTest)
#include "tst_registry_e2e.moc"
