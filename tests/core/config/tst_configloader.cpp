// SPDX-License-Identifier: Apache-2.0
#include "config/ConfigLoader.h"
#include <QDir>
#include <QTest>

// No raw string literals here: Qt 6.4's moc mis-tokenises them and silently skips the class.
using namespace perimeter;
using namespace perimeter::config;

namespace {
static QByteArray valid()
{
    return "{\n"
"      \"listen\": {\"host\": \"127.0.0.1\", \"port\": 8080},\n"
"      \"data_dir\": \"var\",\n"
"      \"callers\": [{\"id\": \"alice\", \"team\": \"risk\", \"api_key_sha256\": \"eb96747fbda6f5227b08c078c837a3d504b4be4e04a18b9ff7a848f4676f27a7\"}],\n"
"      \"endpoints\": [\n"
"        {\"id\": \"gpu-1\",  \"tier\": \"onprem\", \"url\": \"http://127.0.0.1:9101/v1/\"},\n"
"        {\"id\": \"openai\", \"tier\": \"cloud\",  \"url\": \"https://api.openai.com/v1\", \"credential\": \"cloud:openai\", \"capacity\": 100}\n"
"      ],\n"
"      \"models\": [\n"
"        {\"name\": \"llama-70b\", \"kind\": \"chat\", \"endpoints\": [\"gpu-1\"]},\n"
"        {\"name\": \"embed\", \"kind\": \"embedding\", \"endpoints\": [\"gpu-1\", \"openai\"]}\n"
"      ],\n"
"      \"policy\": \"policy.json\",\n"
"      \"limits\": {\"max_body_bytes\": 65536}\n"
"    }";
}

} // namespace

class ConfigLoaderTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void loadsTheContractExample()
    {
        auto result = ConfigLoader::fromBytes(valid(), QStringLiteral("/etc/perimeter"), QStringLiteral("/etc/perimeter/p.json"));
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().message));
        const Config &c = result.value();
        QCOMPARE(c.listen.port, quint16(8080));
        QCOMPARE(c.dataDir, QStringLiteral("/etc/perimeter/var"));
        QCOMPARE(c.policyPath, QStringLiteral("/etc/perimeter/policy.json"));
        QCOMPARE(c.credentialsDir, QStringLiteral("/etc/perimeter/var/credentials"));
        QCOMPARE(c.callers.size(), 1);
        QCOMPARE(c.callers.first().apiKeySha256.size(), 32);
        QCOMPARE(c.endpoints.size(), 2);
        QCOMPARE(c.endpoints.first().url.toString(), QStringLiteral("http://127.0.0.1:9101/v1")); // trailing slash dropped
        QCOMPARE(c.endpoints.at(1).tier, Tier::Cloud);
        QCOMPARE(c.endpoints.at(1).credential, QStringLiteral("cloud:openai"));
        QCOMPARE(c.endpoints.at(1).capacity, 100);
        QCOMPARE(c.model(QStringLiteral("embed"))->endpoints, (QStringList{QStringLiteral("gpu-1"), QStringLiteral("openai")}));
        QCOMPARE(c.http.maxBodyBytes, qint64(65536));
    }

    void homeRelativePaths()
    {
        QCOMPARE(ConfigLoader::resolvePath(QStringLiteral("~/x/y"), QStringLiteral("/etc")), QDir::homePath() + QStringLiteral("/x/y"));
        QCOMPARE(ConfigLoader::resolvePath(QStringLiteral("/abs"), QStringLiteral("/etc")), QStringLiteral("/abs"));
    }

    void refusesWithEveryProblem_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("not json") << QByteArray("{") << QStringList{QStringLiteral("/: not valid JSON")};
        QTest::newRow("not an object") << QByteArray("[]") << QStringList{QStringLiteral("/: must be an object")};
        QTest::newRow("missing required") << QByteArray("{}")
                                          << QStringList{QStringLiteral("/listen: is required"), QStringLiteral("/data_dir: is required"),
                                                         QStringLiteral("/endpoints: is required"), QStringLiteral("/models: is required")};
        QTest::newRow("many at once") << QByteArray("{\"listen\": {\"host\": \"nowhere\", \"port\": 70000}, \"data_dir\": 3,\n"
"               \"callers\": [{\"id\": \"a\", \"api_key_sha256\": \"xyz\"}, {\"id\": \"a\", \"api_key_sha256\": \"eb96747fbda6f5227b08c078c837a3d504b4be4e04a18b9ff7a848f4676f27a7\"}],\n"
"               \"endpoints\": [{\"id\": \"e\", \"tier\": \"edge\", \"url\": \"ftp://h/v1\"}, {\"id\": \"e\", \"tier\": \"cloud\", \"url\": \"http://h/v1?x=1\", \"capacity\": 0}],\n"
"               \"models\": [{\"name\": \"m\", \"kind\": \"video\", \"endpoints\": [\"nope\", 4]}, {\"name\": \"m\", \"kind\": \"chat\", \"endpoints\": []}],\n"
"               \"tpyo\": true}")
                                      << QStringList{QStringLiteral("/listen/host: must be an IP address"),
                                                     QStringLiteral("/listen/port: must be between 0 and 65535"),
                                                     QStringLiteral("/data_dir: must be a string"),
                                                     QStringLiteral("/callers/0/api_key_sha256: must be 64 hexadecimal digits"),
                                                     QStringLiteral("/callers/1/id: duplicate caller id"),
                                                     QStringLiteral("/endpoints/0/tier: must be \"onprem\" or \"cloud\""),
                                                     QStringLiteral("/endpoints/0/url: must be an absolute http"),
                                                     QStringLiteral("/endpoints/1/id: duplicate endpoint id"),
                                                     QStringLiteral("/endpoints/1/url: must not contain a query"),
                                                     QStringLiteral("/endpoints/1/capacity: must be between 1"),
                                                     QStringLiteral("/models/0/kind: must be"),
                                                     QStringLiteral("/models/0/endpoints/0: unknown endpoint \"nope\""),
                                                     QStringLiteral("/models/0/endpoints/1: must be a string"),
                                                     QStringLiteral("/models/1/name: duplicate model name"),
                                                     QStringLiteral("/models/1/endpoints: must name at least one endpoint"),
                                                     QStringLiteral("/tpyo: unknown key")};
    }

    void refusesWithEveryProblem()
    {
        QFETCH(QByteArray, json);
        QFETCH(QStringList, expected);
        auto result = ConfigLoader::fromBytes(json, QStringLiteral("/tmp"), QStringLiteral("/tmp/x.json"));
        QVERIFY(!result.ok());
        const QStringList problems = ConfigLoader::problems(result.error());
        for (const auto &e : expected) {
            bool found = false;
            for (const auto &p : problems)
                found = found || p.startsWith(e);
            QVERIFY2(found, qPrintable(QStringLiteral("expected \"%1\" in:\n%2").arg(e, problems.join(QLatin1Char('\n')))));
        }
        QCOMPARE(problems.size(), expected.size());
    }

    void unreadableFile()
    {
        auto result = ConfigLoader::loadFile(QStringLiteral("/nonexistent/perimeter.json"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("config_unreadable"));
    }
};

QTEST_GUILESS_MAIN(ConfigLoaderTest)
#include "tst_configloader.moc"
