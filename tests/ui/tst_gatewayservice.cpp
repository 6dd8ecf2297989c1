// SPDX-License-Identifier: Apache-2.0
#include "TestGatewayConfig.h"
#include "observe/SqliteAuditStore.h"
#include "service/GatewayService.h"
#include <QSignalSpy>
#include <QTcpSocket>
#include <QUrl>
#include <QTemporaryDir>
#include <QTest>

using namespace perimeter;
using service::GatewayService;

class tst_GatewayService : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void startListensAndStopCloses();
    void badConfigFails();
    void simulate_data();
    void simulate();
    void simulateWhenStopped();
    void auditQuerySeesAppendedAndServedRequests();
    void statsAreSampled();
    void restartAfterStop();

private:
    bool startService(GatewayService &service);
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_config;
};

void tst_GatewayService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_config = testing::writeGatewayConfig(m_dir->path());
    QVERIFY(!m_config.isEmpty());
}

bool tst_GatewayService::startService(GatewayService &service)
{
    QSignalSpy started(&service, &GatewayService::started);
    QSignalSpy failed(&service, &GatewayService::failed);
    service.start(m_config);
    if (!started.wait(20000)) {
        qWarning() << "start failed:" << (failed.isEmpty() ? QString() : failed.first().first().toString());
        return false;
    }
    return true;
}

void tst_GatewayService::startListensAndStopCloses()
{
    GatewayService service;
    QSignalSpy states(&service, &GatewayService::stateChanged);
    QVERIFY(startService(service));
    QCOMPARE(service.state(), GatewayService::State::Running);
    QVERIFY(service.listenUrl().startsWith(QLatin1String("http://127.0.0.1:")));
    QCOMPARE(service.policyVersion().isEmpty(), false);
    QVERIFY(service.snapshot());
    QCOMPARE(service.snapshot()->config.models.size(), 3);
    QCOMPARE(states.first().first().value<GatewayService::State>(), GatewayService::State::Starting);

    const quint16 port = quint16(QUrl(service.listenUrl()).port());
    QVERIFY(port != 0);
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(socket.bytesAvailable() > 0 || socket.waitForReadyRead(100), 5000);
    QVERIFY(socket.readAll().startsWith("HTTP/1.1 200"));
    socket.close();

    QSignalSpy stopped(&service, &GatewayService::stopped);
    service.stop();
    QCOMPARE(service.state(), GatewayService::State::Stopping);
    QVERIFY(stopped.wait(10000));
    QCOMPARE(service.state(), GatewayService::State::Stopped);
    QTcpSocket after;
    after.connectToHost(QStringLiteral("127.0.0.1"), port);
    QVERIFY(!after.waitForConnected(2000));
}

void tst_GatewayService::badConfigFails()
{
    QFile file(m_config);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("{\"listen\": {\"port\": \"not a port\"}}");
    file.close();
    GatewayService service;
    QSignalSpy failed(&service, &GatewayService::failed);
    QSignalSpy started(&service, &GatewayService::started);
    service.start(m_config);
    QVERIFY(failed.wait(10000));
    QVERIFY(failed.first().first().toString().contains(QLatin1String("/listen/port")));
    QCOMPARE(started.count(), 0);
    QCOMPARE(service.state(), GatewayService::State::Stopped);
}

void tst_GatewayService::simulate_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("content");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("findingType");
    QTest::addColumn<QString>("level");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("endpoint");

    QTest::newRow("card to on-prem model") << "llama-3-70b" << "card 4111 1111 1111 1111 please" << ""
                                           << "CREDIT_CARD" << "confidential" << 200 << "onprem-1";
    QTest::newRow("card to cloud-only model is rejected") << "gpt-4o" << "card 4111 1111 1111 1111 please" << ""
                                                          << "CREDIT_CARD" << "confidential" << 403 << "";
    QTest::newRow("public text to cloud") << "gpt-4o" << "What is the capital of France?" << "" << "" << "public" << 200 << "cloud-1";
    QTest::newRow("caller label raises the level") << "gpt-4o" << "What is the capital of France?" << "restricted" << ""
                                                   << "restricted" << 403 << "";
    QTest::newRow("unknown model") << "no-such-model" << "hello" << "" << "" << "public" << 404 << "";
}

void tst_GatewayService::simulate()
{
    QFETCH(QString, model);
    QFETCH(QString, content);
    QFETCH(QString, label);
    QFETCH(QString, findingType);
    QFETCH(QString, level);
    QFETCH(int, status);
    QFETCH(QString, endpoint);

    GatewayService service;
    QVERIFY(startService(service));
    gateway::SimulationRequest request;
    const QJsonObject body{{QStringLiteral("model"), model},
                           {QStringLiteral("messages"), QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                                                              {QStringLiteral("content"), content}}}}};
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    if (!label.isEmpty())
        request.headers.append({QByteArrayLiteral("x-perimeter-classification"), label.toLatin1()});
    QSignalSpy finished(&service, &GatewayService::simulationFinished);
    const quint64 id = service.simulate(request);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().at(0).value<quint64>(), id);
    const auto result = finished.first().at(1).value<gateway::SimulationResult>();
    QCOMPARE(result.status, status);
    QCOMPARE(sensitivityName(result.level), level);
    if (!findingType.isEmpty()) {
        QVERIFY(!result.classification.findings.isEmpty());
        const auto &f = result.classification.findings.constFirst();
        QCOMPARE(f.type, findingType);
        QCOMPARE(f.path, QStringLiteral("/messages/0/content"));
        QCOMPARE(f.start, 5);
        QCOMPARE(f.end, 24);
        QVERIFY(!f.recognizer.isEmpty());
    } else {
        QVERIFY(result.classification.findings.isEmpty());
    }
    if (status == 200) {
        QCOMPARE(result.route.endpointId, endpoint);
        QVERIFY(!result.route.trace.isEmpty());
    }
    if (status == 403)
        QCOMPARE(result.reason, QStringLiteral("residency_violation"));
}

void tst_GatewayService::simulateWhenStopped()
{
    GatewayService service;
    QSignalSpy finished(&service, &GatewayService::simulationFinished);
    service.simulate({});
    QVERIFY(finished.wait(2000));
    const auto result = finished.first().at(1).value<gateway::SimulationResult>();
    QCOMPARE(result.status, 503);
    QCOMPARE(result.reason, QStringLiteral("gateway_not_running"));
}

void tst_GatewayService::auditQuerySeesAppendedAndServedRequests()
{
    {
        auto store = observe::SqliteAuditStore::open(m_dir->path() + QStringLiteral("/data"), 16);
        QVERIFY(store.ok());
        for (int i = 0; i < 3; ++i) {
            observe::AuditRecord r;
            r.requestId = QStringLiteral("req_seed_%1").arg(i);
            r.ts = QDateTime::currentDateTimeUtc().addSecs(-60 + i);
            r.caller = QStringLiteral("seed");
            r.decision = QStringLiteral("routed");
            r.tier = QStringLiteral("onprem");
            QVERIFY(store.value()->append(r));
        }
        QVERIFY(store.value()->flush().ok());
    }

    GatewayService service;
    QVERIFY(startService(service));
    auto first = service.queryAudit({});
    first.waitForFinished();
    QVERIFY2(first.result().ok, qPrintable(first.result().error));
    QCOMPARE(first.result().records.size(), 3);

    // A real request through the embedded gateway: the upstream is closed, so it fails, and
    // the record shows up in the trail the console reads.
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), quint16(QUrl(service.listenUrl()).port()));
    QVERIFY(socket.waitForConnected(5000));
    const QByteArray body = R"({"model":"gpt-4o","messages":[{"role":"user","content":"my card is 4111 1111 1111 1111"}]})";
    socket.write("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: Bearer "
                 + testing::testApiKey() + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QTRY_VERIFY_WITH_TIMEOUT(socket.bytesAvailable() > 0 || socket.waitForReadyRead(100), 10000);
    QVERIFY(socket.readAll().startsWith("HTTP/1.1 403"));

    QList<observe::AuditRecord> records;
    QTRY_VERIFY_WITH_TIMEOUT((records = [&]() { auto f = service.queryAudit({}); f.waitForFinished(); return f.result().records; }()).size() == 4, 10000);
    const auto &served = records.constLast();
    QCOMPARE(served.caller, QStringLiteral("tester"));
    QCOMPARE(served.decision, QStringLiteral("rejected"));
    QCOMPARE(served.reason, QStringLiteral("residency_violation"));
    QCOMPARE(served.findingTypes.value(QStringLiteral("CREDIT_CARD")), 1);

    observe::AuditQuery byCaller;
    byCaller.caller = QStringLiteral("seed");
    auto filtered = service.queryAudit(byCaller);
    filtered.waitForFinished();
    QCOMPARE(filtered.result().records.size(), 3);
}

void tst_GatewayService::statsAreSampled()
{
    GatewayService service;
    service.setStatsInterval(100);
    QVERIFY(startService(service));
    QSignalSpy stats(&service, &GatewayService::statsUpdated);
    QVERIFY(stats.wait(3000));
    const auto s = stats.first().first().value<service::GatewayStats>();
    QCOMPARE(s.requestsInProgress, 0);
    QVERIFY(s.requestsPerSecond >= 0.0);
}

void tst_GatewayService::restartAfterStop()
{
    GatewayService service;
    QVERIFY(startService(service));
    QSignalSpy stopped(&service, &GatewayService::stopped);
    service.stop();
    QVERIFY(stopped.wait(10000));
    QVERIFY(startService(service));
    QCOMPARE(service.state(), GatewayService::State::Running);
    // Starting twice is refused without disturbing the running gateway.
    QSignalSpy failed(&service, &GatewayService::failed);
    service.start(m_config);
    QCOMPARE(failed.count(), 1);
    QCOMPARE(service.state(), GatewayService::State::Running);
}

QTEST_GUILESS_MAIN(tst_GatewayService)
#include "tst_gatewayservice.moc"
