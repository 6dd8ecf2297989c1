// SPDX-License-Identifier: Apache-2.0
// "retention" and "content_store" in the config file.
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
                {"endpoints", json::array({json{{"id", "gpu-1"}, {"tier", "onprem"}, {"url", "http://127.0.0.1:9101/v1"}}})},
                {"models", json::array({json{{"name", "llama-70b"}, {"kind", "chat"}, {"endpoints", json::array({"gpu-1"})}}})}};
}

Result<Config> load(const json &document)
{
    return ConfigLoader::fromJson(document, QStringLiteral("/etc/perimeter"), QStringLiteral("/etc/perimeter/p.json"));
}

} // namespace

class StorageConfigTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void offByDefault();
    void readsBothSections();
    void listsEveryProblem_data();
    void listsEveryProblem();
};

void StorageConfigTest::offByDefault()
{
    auto config = load(base());
    QVERIFY(config.ok());
    QVERIFY(!config.value().retention.enabled());
    QCOMPARE(config.value().retention.archiveDir, QStringLiteral("/etc/perimeter/var/archive"));
    QVERIFY(!config.value().contentStore.enabled);
}

void StorageConfigTest::readsBothSections()
{
    json doc = base();
    doc["retention"] = json{{"audit_days", 365}, {"archive_dir", "archive"}, {"run_every_minutes", 15}};
    doc["content_store"] = json{{"enabled", true}, {"key_file", "content.key"}, {"retention_days", 7}, {"max_bytes", 4096}};
    auto config = load(doc);
    QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().message));
    const Config &c = config.value();
    QVERIFY(c.retention.enabled());
    QCOMPARE(c.retention.auditDays, 365);
    QCOMPARE(c.retention.archiveDir, QStringLiteral("/etc/perimeter/archive"));
    QCOMPARE(c.retention.runEveryMinutes, 15);
    QVERIFY(c.contentStore.enabled);
    QCOMPARE(c.contentStore.keyFile, QStringLiteral("/etc/perimeter/content.key"));
    QCOMPARE(c.contentStore.retentionDays, 7);
    QCOMPARE(c.contentStore.maxBytes, qint64(4096));
}

void StorageConfigTest::listsEveryProblem_data()
{
    QTest::addColumn<QString>("retention");
    QTest::addColumn<QString>("content");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("retention without days") << "{\"archive_dir\": \"a\"}" << "{}" << QStringList{QStringLiteral("/retention/audit_days: is required")};
    QTest::newRow("enabled without key, typo, zero days")
        << "{\"audit_days\": 0, \"run_every\": 5}" << "{\"enabled\": true, \"retention_days\": 0}"
        << QStringList{QStringLiteral("/retention/audit_days"), QStringLiteral("/retention/run_every: unknown key"),
                       QStringLiteral("/content_store/key_file: is required"), QStringLiteral("/content_store/retention_days")};
    QTest::newRow("tiny cap, wrong type") << "{\"audit_days\": 30}" << "{\"enabled\": \"yes\", \"max_bytes\": 10}"
                                          << QStringList{QStringLiteral("/content_store/enabled"), QStringLiteral("/content_store/max_bytes")};
}

void StorageConfigTest::listsEveryProblem()
{
    QFETCH(QString, retention);
    QFETCH(QString, content);
    QFETCH(QStringList, expected);
    json doc = base();
    doc["retention"] = json::parse(retention.toStdString());
    doc["content_store"] = json::parse(content.toStdString());
    auto config = load(doc);
    QVERIFY(!config.ok());
    for (const QString &problem : expected)
        QVERIFY2(config.error().message.contains(problem), qPrintable(config.error().message));
}

QTEST_GUILESS_MAIN(StorageConfigTest)
#include "tst_storageconfig.moc"
