// SPDX-License-Identifier: Apache-2.0
#include "policy/PolicyLoader.h"
#include <QTest>

// No raw string literals here: Qt 6.4's moc mis-tokenises them and silently skips the class.
using namespace perimeter;
using namespace perimeter::policy;

class PolicyLoaderTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaultsMatchTheContract()
    {
        auto policy = PolicyLoader::defaults();
        QVERIFY(policy.ok());
        const auto &p = *policy.value();
        QCOMPARE(p.version(), QStringLiteral("default"));
        QVERIFY(p.permittedTiers(Sensitivity::Public).contains(Tier::Cloud));
        QVERIFY(p.permittedTiers(Sensitivity::Internal).contains(Tier::Cloud));
        QCOMPARE(p.permittedTiers(Sensitivity::Confidential), QList<Tier>{Tier::OnPrem});
        QCOMPARE(p.permittedTiers(Sensitivity::Restricted), QList<Tier>{Tier::OnPrem});
        QVERIFY(p.classifier());
        const auto report = p.classifier()->classifyText(QStringLiteral("pay with 4111 1111 1111 1111"));
        QCOMPARE(report.level, Sensitivity::Confidential);
    }

    void explicitLevelsAndVersion()
    {
        auto policy = PolicyLoader::fromBytes("{\"version\": \"v7\", \"levels\": {\"public\": [\"cloud\", \"onprem\"], \"internal\": [\"onprem\"],\n"
"                                                  \"confidential\": [\"onprem\"], \"restricted\": []}}");
        QVERIFY2(policy.ok(), policy.ok() ? "" : qPrintable(policy.error().message));
        QCOMPARE(policy.value()->version(), QStringLiteral("v7"));
        QCOMPARE(policy.value()->permittedTiers(Sensitivity::Public), (QList<Tier>{Tier::Cloud, Tier::OnPrem}));
        QVERIFY(policy.value()->permittedTiers(Sensitivity::Restricted).isEmpty());
    }

    void versionDefaultsToContentHash()
    {
        auto a = PolicyLoader::fromBytes("{\"comment\": \"a\"}");
        auto b = PolicyLoader::fromBytes("{\"comment\": \"b\"}");
        QVERIFY(a.ok() && b.ok());
        QVERIFY(a.value()->version().startsWith(QStringLiteral("sha256:")));
        QVERIFY(a.value()->version() != b.value()->version());
    }

    void classifierSectionIsApplied()
    {
        auto policy = PolicyLoader::fromBytes("{\"classifier\": {\"markers\": [{\"name\": \"codenames\", \"level\": \"restricted\", \"terms\": [\"Project Nightingale\"]}]}}");
        QVERIFY2(policy.ok(), policy.ok() ? "" : qPrintable(policy.error().message));
        const auto report = policy.value()->classifier()->classifyText(QStringLiteral("status of project   nightingale?"));
        QCOMPARE(report.level, Sensitivity::Restricted);
    }

    void overridesOnlyTightenUnlessMarkedException()
    {
        auto policy = PolicyLoader::fromBytes(
            "{\"overrides\": [{\"team\": \"risk\", \"levels\": {\"internal\": [\"onprem\"], \"public\": [\"onprem\"]}},"
            " {\"caller\": \"alice\", \"levels\": {\"public\": [\"cloud\"]}},"
            " {\"team\": \"research\", \"exception\": true, \"comment\": \"approved by the CISO\", \"levels\": {\"confidential\": [\"onprem\", \"cloud\"]}}]}");
        QVERIFY2(policy.ok(), policy.ok() ? "" : qPrintable(policy.error().message));
        const auto &p = *policy.value();
        QString why;
        QCOMPARE(p.permittedTiers(Sensitivity::Internal, QStringLiteral("bob"), QStringLiteral("risk"), &why), QList<Tier>{Tier::OnPrem});
        QCOMPARE(why, QStringLiteral("override for team risk"));
        // A caller override wins over the team's.
        QCOMPARE(p.permittedTiers(Sensitivity::Public, QStringLiteral("alice"), QStringLiteral("risk")), QList<Tier>{Tier::Cloud});
        // Levels an override does not name follow the policy.
        QCOMPARE(p.permittedTiers(Sensitivity::Restricted, QStringLiteral("bob"), QStringLiteral("risk")), QList<Tier>{Tier::OnPrem});
        QCOMPARE(p.permittedTiers(Sensitivity::Internal, QStringLiteral("bob"), QStringLiteral("ops")), (QList<Tier>{Tier::OnPrem, Tier::Cloud}));
        QCOMPARE(p.permittedTiers(Sensitivity::Confidential, QString(), QStringLiteral("research")), (QList<Tier>{Tier::OnPrem, Tier::Cloud}));

        auto widening = PolicyLoader::fromBytes("{\"overrides\": [{\"team\": \"risk\", \"levels\": {\"restricted\": [\"cloud\"]}}, {\"levels\": {}}]}");
        QVERIFY(!widening.ok());
        QVERIFY2(widening.error().message.contains(QStringLiteral("/overrides/0/levels/restricted: permits tier cloud")), qPrintable(widening.error().message));
        QVERIFY2(widening.error().message.contains(QStringLiteral("/overrides/1: must name exactly one")), qPrintable(widening.error().message));
    }

    void modelRulesRestrictWhoMayUseAModel()
    {
        auto policy = PolicyLoader::fromBytes("{\"models\": {\"gpt-4o\": {\"teams\": [\"risk\"], \"callers\": [\"ops-bot\"]}}}");
        QVERIFY2(policy.ok(), policy.ok() ? "" : qPrintable(policy.error().message));
        const auto &p = *policy.value();
        QVERIFY(p.modelAllowed(QStringLiteral("gpt-4o"), QStringLiteral("alice"), QStringLiteral("risk")));
        QVERIFY(p.modelAllowed(QStringLiteral("gpt-4o"), QStringLiteral("ops-bot"), QString()));
        QVERIFY(!p.modelAllowed(QStringLiteral("gpt-4o"), QStringLiteral("bob"), QStringLiteral("sales")));
        QVERIFY(!p.modelAllowed(QStringLiteral("gpt-4o"), QStringLiteral("bob"), QString()));
        QVERIFY(p.modelAllowed(QStringLiteral("llama"), QStringLiteral("bob"), QStringLiteral("sales"))); // no rule
        auto bad = PolicyLoader::fromBytes("{\"models\": {\"m\": {}, \"n\": {\"teams\": [3]}}}");
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().message.contains(QStringLiteral("/models/m: must list")), qPrintable(bad.error().message));
        QVERIFY2(bad.error().message.contains(QStringLiteral("/models/n/teams/0: must be a non-empty string")), qPrintable(bad.error().message));
    }

    void routingQueueAndTypeLevels()
    {
        auto defaults = PolicyLoader::defaults();
        QVERIFY(defaults.ok());
        QCOMPARE(defaults.value()->queue().maxRequests, 64);
        QCOMPARE(defaults.value()->queue().maxWaitMs, 2000);
        QCOMPARE(defaults.value()->levelForType(QStringLiteral("CREDIT_CARD")), Sensitivity::Confidential);
        auto policy = PolicyLoader::fromBytes("{\"routing\": {\"overflow_threshold\": 0.5, \"queue\": {\"max_requests\": 0, \"max_wait_ms\": 250}},"
                                              " \"classifier\": {\"types\": {\"EMAIL_ADDRESS\": {\"level\": \"restricted\"}}}}");
        QVERIFY2(policy.ok(), policy.ok() ? "" : qPrintable(policy.error().message));
        QCOMPARE(policy.value()->overflowThreshold(), 0.5);
        QCOMPARE(policy.value()->queue().maxRequests, 0);
        QCOMPARE(policy.value()->queue().maxWaitMs, 250);
        // What a shadow policy uses to re-read the active classification.
        QCOMPARE(policy.value()->levelForType(QStringLiteral("EMAIL_ADDRESS")), Sensitivity::Restricted);
        auto bad = PolicyLoader::fromBytes("{\"routing\": {\"queue\": {\"max_requests\": -1, \"max_wait_ms\": 0, \"size\": 3}}}");
        QVERIFY(!bad.ok());
        for (const char *expected : {"/routing/queue/max_requests", "/routing/queue/max_wait_ms", "/routing/queue/size"})
            QVERIFY2(bad.error().message.contains(QLatin1String(expected)), qPrintable(bad.error().message));
    }

    void refusesWithEveryProblem_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("not json") << QByteArray("{") << QStringList{QStringLiteral("/: not valid JSON")};
        QTest::newRow("bad tiers and keys")
            << QByteArray("{\"levels\": {\"public\": [\"cloud\", \"moon\", \"cloud\"], \"internal\": \"onprem\", \"confidential\": [\"onprem\"]}, \"extra\": 1}")
            << QStringList{QStringLiteral("/levels/public/1: must be"), QStringLiteral("/levels/public/2: tier listed twice"),
                           QStringLiteral("/levels/internal: must be an array"), QStringLiteral("/levels/restricted: is required"),
                           QStringLiteral("/extra: unknown key")};
        QTest::newRow("more sensitive level reaches further")
            << QByteArray("{\"levels\": {\"public\": [\"onprem\"], \"internal\": [\"onprem\"], \"confidential\": [\"onprem\", \"cloud\"], \"restricted\": [\"onprem\"]}}")
            << QStringList{QStringLiteral("/levels/confidential: permits tier cloud, which the less sensitive level internal does not")};
        QTest::newRow("bad classifier section")
            << QByteArray("{\"classifier\": {\"custom_recognizers\": [{\"name\": \"x\", \"type\": \"X\", \"pattern\": \"(\"}]}}")
            << QStringList{QStringLiteral("/classifier/custom_recognizers/0")};
    }

    void refusesWithEveryProblem()
    {
        QFETCH(QByteArray, json);
        QFETCH(QStringList, expected);
        auto policy = PolicyLoader::fromBytes(json);
        QVERIFY(!policy.ok());
        QCOMPARE(policy.error().code, QStringLiteral("policy_invalid"));
        const QStringList problems = policy.error().message.split(QLatin1Char('\n'));
        for (const auto &e : expected) {
            bool found = false;
            for (const auto &p : problems)
                found = found || p.startsWith(e);
            QVERIFY2(found, qPrintable(QStringLiteral("expected \"%1\" in:\n%2").arg(e, problems.join(QLatin1Char('\n')))));
        }
    }
};

QTEST_GUILESS_MAIN(PolicyLoaderTest)
#include "tst_policyloader.moc"
