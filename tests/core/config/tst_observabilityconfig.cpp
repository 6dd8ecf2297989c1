// SPDX-License-Identifier: Apache-2.0
// "sinks", "logging", "alerts" and "metrics" in the config file.
#include "config/ConfigLoader.h"
#include <QTest>
#include <nlohmann/json.hpp>

using namespace perimeter;
using namespace perimeter::config;
using json = nlohmann::json;

namespace {

json base()
{
    return json{{"listen", {{"host", "127.0.0.1"}, {"port", 8080}}},
                {"data_dir", "var"},
                {"endpoints", json::array({json{{"id", "gpu-1"}, {"tier", "onprem"}, {"url", "http://127.0.0.1:9101/v1"}},
                                           json{{"id", "openai"}, {"tier", "cloud"}, {"url", "https://api.openai.com/v1"}}})},
                {"models", json::array({json{{"name", "llama-70b"}, {"kind", "chat"}, {"endpoints", json::array({"gpu-1"})}}})}};
}

Result<Config> load(const json &document)
{
    return ConfigLoader::fromJson(document, QStringLiteral("/etc/perimeter"), QStringLiteral("/etc/perimeter/p.json"));
}

} // namespace

class ObservabilityConfigTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaultsWithoutTheSections();
    void readsEverySection();
    void listsEveryProblem_data();
    void listsEveryProblem();
};

void ObservabilityConfigTest::defaultsWithoutTheSections()
{
    auto config = load(base());
    QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().message));
    QVERIFY(config.value().sinks.isEmpty());
    QVERIFY(config.value().alerts.rules.isEmpty());
    QVERIFY(!config.value().metrics.requireAdminToken);
    QCOMPARE(config.value().logging.format, observe::LogSettings::Format::Text);
    QVERIFY(config.value().logging.file.isEmpty());
}

void ObservabilityConfigTest::readsEverySection()
{
    json doc = base();
    doc["sinks"] = json::array({json{{"id", "siem"}, {"url", "https://siem.example/ingest"}, {"credential", "sink:siem"},
                                     {"batch_size", 200}, {"flush_ms", 1000}, {"spool_max_mb", 256}},
                                json{{"id", "lake"}, {"url", "http://10.0.0.5:8080/in"}, {"spool_dir", "spool/lake"}}});
    doc["logging"] = {{"format", "json"}, {"file", "log/perimeterd.log"}, {"level", "warning"}};
    doc["alerts"] = {{"rules", json::array({json{{"name", "cloud-errors"}, {"metric", "error_rate"}, {"scope", {{"tier", "cloud"}}},
                                                 {"window_seconds", 300}, {"threshold", 0.05}, {"for_seconds", 60}},
                                            json{{"name", "gpu-slow"}, {"metric", "latency_p99_ms"},
                                                 {"scope", {{"tier", "onprem"}, {"endpoint", "gpu-1"}}}, {"threshold", 2000}},
                                            json{{"name", "daily-spend"}, {"metric", "spend"}, {"window_seconds", 86400},
                                                 {"budget", 500}, {"threshold", 0.8}, {"resolve_seconds", 5}}})},
                     {"webhook", {{"url", "https://hooks.example/perimeter"}, {"credential", "alerts:webhook"}}}};
    doc["metrics"] = {{"require_admin_token", true}};
    auto loaded = load(doc);
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().message));
    const Config &c = loaded.value();
    QCOMPARE(c.sinks.size(), 2);
    QCOMPARE(c.sinks[0].id, QStringLiteral("siem"));
    QCOMPARE(c.sinks[0].credential, QStringLiteral("sink:siem"));
    QCOMPARE(c.sinks[0].spoolMaxBytes, qint64(256) * 1024 * 1024);
    QCOMPARE(c.sinks[0].spoolDir, QStringLiteral("/etc/perimeter/var/spool/siem"));
    QCOMPARE(c.sinks[1].spoolDir, QStringLiteral("/etc/perimeter/spool/lake"));
    QCOMPARE(c.logging.format, observe::LogSettings::Format::Json);
    QCOMPARE(c.logging.file, QStringLiteral("/etc/perimeter/log/perimeterd.log"));
    QCOMPARE(c.logging.level, observe::LogSettings::Level::Warning);
    QCOMPARE(c.alerts.rules.size(), 3);
    QCOMPARE(c.alerts.rules[0].scopeTier, QStringLiteral("cloud"));
    QCOMPARE(c.alerts.rules[0].resolveSeconds, 60); // defaults to for_seconds
    QCOMPARE(c.alerts.rules[1].metric, observe::AlertRule::Metric::LatencyPercentile);
    QCOMPARE(c.alerts.rules[1].percentile, 0.99);
    QCOMPARE(c.alerts.rules[1].scopeEndpoint, QStringLiteral("gpu-1"));
    QCOMPARE(c.alerts.rules[2].effectiveThreshold(), 400.0);
    QCOMPARE(c.alerts.rules[2].resolveSeconds, 5);
    QCOMPARE(c.alerts.webhook.url, QUrl(QStringLiteral("https://hooks.example/perimeter")));
    QVERIFY(c.metrics.requireAdminToken);
}

void ObservabilityConfigTest::listsEveryProblem_data()
{
    QTest::addColumn<QByteArray>("patch"); // merged into the base document
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("sink without url, bad id, typo") << QByteArray("{\"sinks\": [{\"id\": \"a b\", \"batchsize\": 3}]}")
                                                    << QStringList{QStringLiteral("/sinks/0/id: must be 1 to 64"),
                                                                   QStringLiteral("/sinks/0/url: is required"),
                                                                   QStringLiteral("/sinks/0/batchsize")};
    QTest::newRow("duplicate sinks, ftp url") << QByteArray("{\"sinks\": [{\"id\": \"s\", \"url\": \"ftp://x/y\"}, {\"id\": \"s\", \"url\": \"http://x/y\"}]}")
                                              << QStringList{QStringLiteral("/sinks/0/url: must be an absolute http"),
                                                             QStringLiteral("/sinks/1/id: duplicate sink id"),
                                                             QStringLiteral("/sinks/1/spool_dir: another sink")};
    QTest::newRow("logging values") << QByteArray("{\"logging\": {\"format\": \"xml\", \"level\": \"loud\"}}")
                                    << QStringList{QStringLiteral("/logging/format: must be"), QStringLiteral("/logging/level: must be")};
    QTest::newRow("alert rules") << QByteArray("{\"alerts\": {\"rules\": [{\"name\": \"x\", \"metric\": \"latency_ms\", \"threshold\": 1},"
                                               "{\"name\": \"x\", \"metric\": \"error_rate\", \"threshold\": 2, \"scope\": {\"tier\": \"moon\"}},"
                                               "{\"name\": \"s\", \"metric\": \"spend\"},"
                                               "{\"name\": \"e\", \"metric\": \"availability\", \"threshold\": 0.9, \"scope\": {\"tier\": \"cloud\", \"endpoint\": \"gpu-1\"}},"
                                               "{\"name\": \"b\", \"metric\": \"error_rate\", \"threshold\": 0.1, \"budget\": 3}]}}")
                                 << QStringList{QStringLiteral("/alerts/rules/0/metric: must be"),
                                                QStringLiteral("/alerts/rules/1/name: duplicate rule name"),
                                                QStringLiteral("/alerts/rules/1/threshold"),
                                                QStringLiteral("/alerts/rules/1/scope/tier: must be"),
                                                QStringLiteral("/alerts/rules/2/budget: is required"),
                                                QStringLiteral("/alerts/rules/3/scope/endpoint: endpoint \"gpu-1\" is not in tier \"cloud\""),
                                                QStringLiteral("/alerts/rules/4/budget: applies only")};
    QTest::newRow("webhook and metrics") << QByteArray("{\"alerts\": {\"webhook\": {\"credential\": \"x\"}}, \"metrics\": {\"require_admin_token\": \"yes\"}}")
                                         << QStringList{QStringLiteral("/alerts/webhook/url: is required"),
                                                        QStringLiteral("/metrics/require_admin_token")};
}

void ObservabilityConfigTest::listsEveryProblem()
{
    QFETCH(QByteArray, patch);
    QFETCH(QStringList, expected);
    json doc = base();
    doc.merge_patch(json::parse(patch.constData()));
    auto loaded = load(doc);
    QVERIFY(!loaded.ok());
    const QStringList problems = ConfigLoader::problems(loaded.error());
    for (const QString &e : expected) {
        bool found = false;
        for (const QString &p : problems)
            found = found || p.startsWith(e);
        QVERIFY2(found, qPrintable(QStringLiteral("missing \"%1\" in:\n%2").arg(e, problems.join(QLatin1Char('\n')))));
    }
}

QTEST_MAIN(ObservabilityConfigTest)
#include "tst_observabilityconfig.moc"
