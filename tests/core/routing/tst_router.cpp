// SPDX-License-Identifier: Apache-2.0
#include "config/ConfigLoader.h"
#include "routing/Router.h"
#include <QTest>

// No raw string literals here: Qt 6.4's moc mis-tokenises them and silently skips the class.
using namespace perimeter;
using namespace perimeter::routing;

class RouterTest : public QObject {
    Q_OBJECT
private:
    config::Config m_config;
    QHash<QString, EndpointState> m_states;

    Router::Request request(const QString &model, Sensitivity level, QList<Tier> tiers, const QString &kind = QStringLiteral("chat"))
    {
        Router::Request r;
        r.model = model;
        r.kind = kind;
        r.level = level;
        r.permittedTiers = tiers;
        r.findingTypes = {QStringLiteral("CREDIT_CARD")};
        return r;
    }

private Q_SLOTS:
    void init()
    {
        auto loaded = config::ConfigLoader::fromBytes("{\n"
"          \"listen\": {\"host\": \"127.0.0.1\", \"port\": 0}, \"data_dir\": \"v\",\n"
"          \"endpoints\": [\n"
"            {\"id\": \"gpu-1\", \"tier\": \"onprem\", \"url\": \"http://127.0.0.1:1/v1\", \"capacity\": 2},\n"
"            {\"id\": \"gpu-2\", \"tier\": \"onprem\", \"url\": \"http://127.0.0.1:2/v1\", \"capacity\": 2},\n"
"            {\"id\": \"cloud\", \"tier\": \"cloud\", \"url\": \"http://127.0.0.1:3/v1\"}],\n"
"          \"models\": [\n"
"            {\"name\": \"local\", \"kind\": \"chat\", \"endpoints\": [\"gpu-1\", \"gpu-2\"]},\n"
"            {\"name\": \"remote\", \"kind\": \"chat\", \"endpoints\": [\"cloud\"]},\n"
"            {\"name\": \"both\", \"kind\": \"chat\", \"endpoints\": [\"cloud\", \"gpu-1\"]},\n"
"            {\"name\": \"emb\", \"kind\": \"embedding\", \"endpoints\": [\"gpu-1\"]}]}",
                                                      QStringLiteral("/tmp"), QStringLiteral("/tmp/c.json"));
        QVERIFY(loaded.ok());
        m_config = loaded.value();
        m_states.clear();
        for (const auto &e : m_config.endpoints)
            m_states.insert(e.id, EndpointState(e.id, e.capacity));
    }

    void decisions_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("level");
        QTest::addColumn<QList<Tier>>("tiers");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("endpoint");
        const QList<Tier> onprem{Tier::OnPrem};
        const QList<Tier> both{Tier::OnPrem, Tier::Cloud};
        const QList<Tier> cloudFirst{Tier::Cloud, Tier::OnPrem};
        const QString chat = QStringLiteral("chat");
        QTest::newRow("restricted, on-prem model") << "local" << int(Sensitivity::Restricted) << onprem << chat << "ok" << "gpu-1";
        QTest::newRow("restricted, cloud-only model: reject, never substitute") << "remote" << int(Sensitivity::Restricted) << onprem << chat << "residency_violation" << "";
        QTest::newRow("public, cloud-only model") << "remote" << int(Sensitivity::Public) << both << chat << "ok" << "cloud";
        QTest::newRow("confidential, model in both tiers goes on-prem") << "both" << int(Sensitivity::Confidential) << onprem << chat << "ok" << "gpu-1";
        QTest::newRow("public, both tiers, policy order prefers cloud") << "both" << int(Sensitivity::Public) << cloudFirst << chat << "ok" << "cloud";
        QTest::newRow("no tier permitted at all") << "local" << int(Sensitivity::Restricted) << QList<Tier>{} << chat << "residency_violation" << "";
        QTest::newRow("unknown model") << "nope" << int(Sensitivity::Public) << both << chat << "model_not_found" << "";
        QTest::newRow("embedding model on chat path") << "emb" << int(Sensitivity::Public) << both << chat << "invalid_request" << "";
        QTest::newRow("chat model on completions path") << "local" << int(Sensitivity::Public) << both << "completion" << "ok" << "gpu-1";
    }

    void decisions()
    {
        QFETCH(QString, model);
        QFETCH(int, level);
        QFETCH(QList<Tier>, tiers);
        QFETCH(QString, kind);
        QFETCH(QString, reason);
        QFETCH(QString, endpoint);
        const auto d = Router::route(m_config, request(model, Sensitivity(level), tiers, kind), m_states, 0);
        QCOMPARE(d.reason, reason);
        QCOMPARE(d.endpointId, endpoint);
        QCOMPARE(d.ok, reason == QLatin1String("ok"));
    }

    void residencyMessageNamesModelLevelAndTypes()
    {
        const auto d = Router::route(m_config, request(QStringLiteral("remote"), Sensitivity::Confidential, {Tier::OnPrem}), m_states, 0);
        QCOMPARE(d.status, 403);
        QVERIFY(d.message.contains(QStringLiteral("remote")));
        QVERIFY(d.message.contains(QStringLiteral("confidential")));
        QVERIFY(d.message.contains(QStringLiteral("CREDIT_CARD")));
    }

    void leastUtilisedWithinTier()
    {
        m_states[QStringLiteral("gpu-1")].requestStarted();
        const auto d = Router::route(m_config, request(QStringLiteral("local"), Sensitivity::Restricted, {Tier::OnPrem}), m_states, 0);
        QCOMPARE(d.endpointId, QStringLiteral("gpu-2"));
    }

    void openCircuitIsSkippedButNeverLeavesPermittedTiers()
    {
        for (int i = 0; i < EndpointState::failureThreshold; ++i) {
            m_states[QStringLiteral("gpu-1")].requestStarted();
            m_states[QStringLiteral("gpu-1")].requestFinished(false, 10, 1000);
        }
        QVERIFY(m_states[QStringLiteral("gpu-1")].isCircuitOpen(1000));
        // "both" is hosted on gpu-1 (down) and in the cloud: confidential data may not follow it there.
        const auto d = Router::route(m_config, request(QStringLiteral("both"), Sensitivity::Confidential, {Tier::OnPrem}), m_states, 1000);
        QCOMPARE(d.reason, QStringLiteral("no_capacity"));
        QCOMPARE(d.status, 503);
        const auto pub = Router::route(m_config, request(QStringLiteral("both"), Sensitivity::Public, {Tier::OnPrem, Tier::Cloud}), m_states, 1000);
        QCOMPARE(pub.endpointId, QStringLiteral("cloud"));
        // After the open period one request is let through again.
        QVERIFY(!m_states[QStringLiteral("gpu-1")].isCircuitOpen(1000 + EndpointState::openMs + 1));
    }

    void latencyPreferenceStaysInsidePermittedTiers()
    {
        // gpu-1 is slow, the cloud is fast.
        m_states[QStringLiteral("gpu-1")].requestStarted();
        m_states[QStringLiteral("gpu-1")].requestFinished(true, 400, 0);
        m_states[QStringLiteral("cloud")].requestStarted();
        m_states[QStringLiteral("cloud")].requestFinished(true, 20, 0);
        auto fast = request(QStringLiteral("both"), Sensitivity::Public, {Tier::OnPrem, Tier::Cloud});
        QCOMPARE(Router::route(m_config, fast, m_states, 0).endpointId, QStringLiteral("gpu-1")); // cost order without a preference
        fast.latencyLow = true;
        QCOMPARE(Router::route(m_config, fast, m_states, 0).endpointId, QStringLiteral("cloud"));
        // Latency never overrides residency.
        auto confidential = request(QStringLiteral("both"), Sensitivity::Confidential, {Tier::OnPrem});
        confidential.latencyLow = true;
        QCOMPARE(Router::route(m_config, confidential, m_states, 0).endpointId, QStringLiteral("gpu-1"));
    }

    void overflowToCloudOnlyWhenPermitted()
    {
        // gpu-1 has capacity 2: one request in flight is 50 %, over a 40 % threshold.
        m_states[QStringLiteral("gpu-1")].requestStarted();
        auto pub = request(QStringLiteral("both"), Sensitivity::Public, {Tier::OnPrem, Tier::Cloud});
        pub.overflowThreshold = 0.4;
        const auto overflow = Router::route(m_config, pub, m_states, 0);
        QCOMPARE(overflow.endpointId, QStringLiteral("cloud"));
        QVERIFY(overflow.trace.last().contains(QStringLiteral("overflow")));
        auto confidential = request(QStringLiteral("both"), Sensitivity::Confidential, {Tier::OnPrem});
        confidential.overflowThreshold = 0.4;
        QCOMPARE(Router::route(m_config, confidential, m_states, 0).endpointId, QStringLiteral("gpu-1"));
        // At full capacity the endpoint is not chosen at all: confidential data gets 503, not the cloud.
        m_states[QStringLiteral("gpu-1")].requestStarted();
        const auto full = Router::route(m_config, confidential, m_states, 0);
        QCOMPARE(full.reason, QStringLiteral("no_capacity"));
        QCOMPARE(Router::route(m_config, pub, m_states, 0).endpointId, QStringLiteral("cloud"));
    }

    // Combinations of the routing modes: a row sets endpoint load and latency, then asks.
    // Latency preference never overrides residency; overflow only into permitted tiers;
    // capacity caps decide between overflow, queueing (atCapacity) and 503.
    void combinations_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("level");
        QTest::addColumn<QList<Tier>>("tiers");
        QTest::addColumn<bool>("latencyLow");
        QTest::addColumn<double>("threshold");
        QTest::addColumn<int>("gpu1InFlight");
        QTest::addColumn<int>("gpu1Waiting");      // reported by the endpoint; -1 = unknown
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<bool>("atCapacity");
        const QList<Tier> onprem{Tier::OnPrem};
        const QList<Tier> both{Tier::OnPrem, Tier::Cloud};
        // gpu-1: capacity 2, measured 400 ms; cloud: capacity 64, measured 20 ms.
        QTest::newRow("latency low, public: fast cloud wins") << "both" << int(Sensitivity::Public) << both << true << 0.8 << 0 << -1 << "ok" << "cloud" << false;
        QTest::newRow("latency low, confidential: residency wins over speed") << "both" << int(Sensitivity::Confidential) << onprem << true << 0.8 << 0 << -1 << "ok" << "gpu-1" << false;
        QTest::newRow("latency low, restricted, cloud-only model: rejected") << "remote" << int(Sensitivity::Restricted) << onprem << true << 0.8 << 0 << -1 << "residency_violation" << "" << false;
        QTest::newRow("latency low, confidential, gpu full: 503 not cloud") << "both" << int(Sensitivity::Confidential) << onprem << true << 0.8 << 2 << -1 << "no_capacity" << "" << true;
        QTest::newRow("cost order, public, idle on-prem first") << "both" << int(Sensitivity::Public) << both << false << 0.8 << 0 << -1 << "ok" << "gpu-1" << false;
        QTest::newRow("overflow, public, busy on-prem goes to cloud") << "both" << int(Sensitivity::Public) << both << false << 0.4 << 1 << -1 << "ok" << "cloud" << false;
        QTest::newRow("overflow refused, confidential stays on busy on-prem") << "both" << int(Sensitivity::Confidential) << onprem << false << 0.4 << 1 << -1 << "ok" << "gpu-1" << false;
        QTest::newRow("cap, confidential, gpu full: queueable 503") << "both" << int(Sensitivity::Confidential) << onprem << false << 0.8 << 2 << -1 << "no_capacity" << "" << true;
        QTest::newRow("cap, public, gpu full: overflow to cloud") << "both" << int(Sensitivity::Public) << both << false << 0.8 << 2 << -1 << "ok" << "cloud" << false;
        QTest::newRow("endpoint queue counts into utilization: public overflows") << "both" << int(Sensitivity::Public) << both << false << 0.8 << 0 << 5 << "ok" << "cloud" << false;
        QTest::newRow("endpoint queue never moves confidential data") << "both" << int(Sensitivity::Confidential) << onprem << false << 0.8 << 0 << 5 << "ok" << "gpu-1" << false;
        QTest::newRow("short endpoint queue stays under threshold") << "both" << int(Sensitivity::Public) << both << false << 0.8 << 0 << 1 << "ok" << "gpu-1" << false;
        QTest::newRow("one on-prem endpoint full: the other one serves") << "local" << int(Sensitivity::Restricted) << onprem << false << 0.8 << 2 << -1 << "ok" << "gpu-2" << false;
    }

    void combinations()
    {
        QFETCH(QString, model);
        QFETCH(int, level);
        QFETCH(QList<Tier>, tiers);
        QFETCH(bool, latencyLow);
        QFETCH(double, threshold);
        QFETCH(int, gpu1InFlight);
        QFETCH(int, gpu1Waiting);
        QFETCH(QString, reason);
        QFETCH(QString, endpoint);
        QFETCH(bool, atCapacity);
        auto &gpu = m_states[QStringLiteral("gpu-1")];
        gpu.requestStarted();
        gpu.requestFinished(true, 400, 0);
        m_states[QStringLiteral("cloud")].requestStarted();
        m_states[QStringLiteral("cloud")].requestFinished(true, 20, 0);
        for (int i = 0; i < gpu1InFlight; ++i)
            gpu.requestStarted();
        gpu.setUpstreamQueue(gpu1Waiting, gpu1Waiting < 0 ? -1 : gpu1InFlight);
        auto r = request(model, Sensitivity(level), tiers);
        r.latencyLow = latencyLow;
        r.overflowThreshold = threshold;
        const auto d = Router::route(m_config, r, m_states, 0);
        QCOMPARE(d.reason, reason);
        QCOMPARE(d.endpointId, endpoint);
        QCOMPARE(d.atCapacity, atCapacity);
        // Whatever the mode, the choice is in a permitted tier, and every forbidden-tier
        // endpoint is listed as dropped for that reason.
        if (d.ok)
            QVERIFY(tiers.contains(d.tier));
        for (const auto &c : d.candidates) {
            if (!tiers.contains(c.tier)) {
                QVERIFY(!c.kept);
                QVERIFY2(c.why.contains(QStringLiteral("not permitted")), qPrintable(c.why));
            }
        }
    }

    void candidatesExplainEveryEndpoint()
    {
        m_states[QStringLiteral("gpu-1")].setProbeResult(false);
        const auto d = Router::route(m_config, request(QStringLiteral("both"), Sensitivity::Public, {Tier::OnPrem, Tier::Cloud}), m_states, 0);
        QCOMPARE(d.endpointId, QStringLiteral("cloud"));
        QCOMPARE(d.candidates.size(), 2);
        QCOMPARE(d.candidates.at(0).endpointId, QStringLiteral("gpu-1"));
        QVERIFY(!d.candidates.at(0).kept);
        QCOMPARE(d.candidates.at(0).why, QStringLiteral("health check failing"));
        QVERIFY(d.candidates.at(1).kept);
        QCOMPARE(d.candidates.at(1).capacity, 64);
        QVERIFY(!d.choice.isEmpty());
        // An unhealthy endpoint is not a capacity problem: waiting would not help.
        const auto down = Router::route(m_config, request(QStringLiteral("both"), Sensitivity::Confidential, {Tier::OnPrem}), m_states, 0);
        QCOMPARE(down.reason, QStringLiteral("no_capacity"));
        QVERIFY(!down.atCapacity);
    }

    void upstreamQueueLoad_data()
    {
        QTest::addColumn<int>("inFlight");
        QTest::addColumn<int>("waiting");
        QTest::addColumn<int>("running");
        QTest::addColumn<int>("load");
        QTest::newRow("nothing reported") << 3 << -1 << -1 << 3;
        QTest::newRow("waiting only: added to our in-flight") << 3 << 4 << -1 << 7;
        QTest::newRow("a running count does not add (it includes ours, and may be stale)") << 3 << 4 << 10 << 7;
        QTest::newRow("empty endpoint queue: ours") << 20 << 0 << 5 << 20;
    }

    void upstreamQueueLoad()
    {
        QFETCH(int, inFlight);
        QFETCH(int, waiting);
        QFETCH(int, running);
        QFETCH(int, load);
        EndpointState s(QStringLiteral("e"), 10);
        for (int i = 0; i < inFlight; ++i)
            s.requestStarted();
        s.setUpstreamQueue(waiting, running);
        QCOMPARE(s.load(), load);
        QCOMPARE(s.utilization(), double(load) / 10.0);
    }

    void excludedEndpointsAreNotRetried()
    {
        auto r = request(QStringLiteral("local"), Sensitivity::Restricted, {Tier::OnPrem});
        r.exclude = {QStringLiteral("gpu-1")};
        QCOMPARE(Router::route(m_config, r, m_states, 0).endpointId, QStringLiteral("gpu-2"));
        r.exclude.insert(QStringLiteral("gpu-2"));
        QCOMPARE(Router::route(m_config, r, m_states, 0).reason, QStringLiteral("no_capacity"));
    }
};

QTEST_GUILESS_MAIN(RouterTest)
#include "tst_router.moc"
