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
