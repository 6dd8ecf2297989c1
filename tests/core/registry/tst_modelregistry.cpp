// SPDX-License-Identifier: Apache-2.0
#include "RegistryTestConfig.h"
#include "registry/ModelRegistry.h"
#include "registry/SqliteModelRepository.h"
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <nlohmann/json.hpp>

using namespace perimeter;
using namespace perimeter::registry;

class tst_ModelRegistry : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void seedsOnPremModelsFromConfig();
    void seedIsIdempotentAndAddsNewConfigNames();
    void addListsAndRecordsHistory();
    void addRejects_data();
    void addRejects();
    void addListsEveryProblem();
    void editChangesFieldsWithBeforeAfter();
    void editRejects_data();
    void editRejects();
    void retireAndReactivate();
    void oneActiveVersionPerName();
    void reopenKeepsRecordsHistoryAndWal();
    void revisionGrowsWithEveryChange();

private:
    QTemporaryDir m_tmp;
};

namespace {

QDateTime g_now = QDateTime(QDate(2026, 11, 30), QTime(12, 0), Qt::UTC);

std::shared_ptr<ModelRegistry> openRegistry(const config::Config &config)
{
    auto repository = SqliteModelRepository::open(config.dataDir);
    if (!repository.ok())
        qFatal("cannot open registry: %s", qPrintable(repository.error().message));
    auto registry = std::make_shared<ModelRegistry>(std::shared_ptr<ModelRepository>(std::move(repository).value()), [] { return g_now; });
    auto seeded = registry->seed(config, QStringLiteral("test (seed)"));
    if (!seeded.ok())
        qFatal("cannot seed: %s", qPrintable(seeded.error().message));
    return registry;
}

ModelRecord qwen()
{
    ModelRecord r;
    r.name = QStringLiteral("qwen2.5-32b");
    r.version = QStringLiteral("2024-09");
    r.kind = QStringLiteral("chat");
    r.endpoints = {QStringLiteral("gpu-2")};
    r.contextLength = 32768;
    r.capacity = 16;
    r.notes = QStringLiteral("AWQ int4");
    return r;
}

} // namespace

void tst_ModelRegistry::seedsOnPremModelsFromConfig()
{
    QTemporaryDir dir;
    const auto config = registryTestConfig(dir.path());
    auto registry = openRegistry(config);
    QVERIFY(QFileInfo::exists(config.dataDir + QStringLiteral("/registry.db")));
    const auto records = registry->list();
    QVERIFY(records.ok());
    // gpt-4o has only a cloud endpoint: it stays a config (cloud) model.
    QCOMPARE(records.value().size(), 2);
    const auto embed = ModelRegistry::find(records.value(), QStringLiteral("embed"), QStringLiteral("1"));
    QVERIFY(embed);
    QCOMPARE(embed->kind, QStringLiteral("embedding"));
    QCOMPARE(embed->endpoints, (QStringList{QStringLiteral("gpu-1"), QStringLiteral("gpu-2")}));
    QCOMPARE(embed->capacity, 12); // 8 + 4: the on-prem endpoints' capacity
    QCOMPARE(embed->status, ModelStatus::Active);
    QCOMPARE(embed->updatedBy, QStringLiteral("test (seed)"));
    const auto llama = ModelRegistry::find(records.value(), QStringLiteral("llama-70b"), QStringLiteral("1"));
    QVERIFY(llama);
    QCOMPARE(llama->capacity, 8);
    QVERIFY(!ModelRegistry::find(records.value(), QStringLiteral("gpt-4o"), QStringLiteral("1")));

    const auto history = registry->history();
    QVERIFY(history.ok());
    QCOMPARE(history.value().size(), 2);
    QCOMPARE(history.value().at(0).action, QStringLiteral("seed"));
    QVERIFY(history.value().at(0).before.isEmpty());
    QVERIFY(history.value().at(0).comment.contains(QStringLiteral("perimeter.json")));
}

void tst_ModelRegistry::seedIsIdempotentAndAddsNewConfigNames()
{
    QTemporaryDir dir;
    auto config = registryTestConfig(dir.path());
    auto registry = openRegistry(config);
    auto again = registry->seed(config, QStringLiteral("test"));
    QVERIFY(again.ok());
    QCOMPARE(again.value(), 0);

    // A retired name stays retired: the registry decides once it knows a name.
    QVERIFY(registry->retire(config, QStringLiteral("llama-70b"), QStringLiteral("1"), QStringLiteral("ops")).ok());
    config.models.append(config::ModelConfig{QStringLiteral("mistral-7b"), QStringLiteral("completion"), {QStringLiteral("gpu-2")}});
    auto more = registry->seed(config, QStringLiteral("test"));
    QVERIFY(more.ok());
    QCOMPARE(more.value(), 1);
    const auto records = registry->list().value();
    QCOMPARE(records.size(), 3);
    QCOMPARE(ModelRegistry::find(records, QStringLiteral("llama-70b"), QStringLiteral("1"))->status, ModelStatus::Retired);
    QCOMPARE(ModelRegistry::find(records, QStringLiteral("mistral-7b"), QStringLiteral("1"))->kind, QStringLiteral("completion"));
}

void tst_ModelRegistry::addListsAndRecordsHistory()
{
    QTemporaryDir dir;
    const auto config = registryTestConfig(dir.path());
    auto registry = openRegistry(config);
    auto added = registry->add(config, qwen(), QStringLiteral("cli:bob"), QStringLiteral("new deployment"));
    QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.error().message));
    QCOMPARE(added.value().created, g_now);
    QCOMPARE(added.value().updatedBy, QStringLiteral("cli:bob"));

    const auto records = registry->list().value();
    const auto stored = ModelRegistry::find(records, QStringLiteral("qwen2.5-32b"), QStringLiteral("2024-09"));
    QVERIFY(stored);
    QVERIFY(stored->sameContent(qwen()));
    QCOMPARE(stored->created, g_now);

    const auto history = registry->history(QStringLiteral("qwen2.5-32b")).value();
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.at(0).action, QStringLiteral("add"));
    QCOMPARE(history.at(0).actor, QStringLiteral("cli:bob"));
    QCOMPARE(history.at(0).comment, QStringLiteral("new deployment"));
    QCOMPARE(history.at(0).at, g_now);
    const auto after = nlohmann::json::parse(history.at(0).after.toStdString());
    QCOMPARE(after.at("capacity").get<int>(), 16);
    QCOMPARE(after.at("endpoints").at(0).get<std::string>(), std::string("gpu-2"));
    QVERIFY(history.at(0).changeSummary().startsWith(QStringLiteral("created")));
}

void tst_ModelRegistry::addRejects_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("problem");
    QTest::newRow("empty name") << "name" << "" << "name: is required";
    QTest::newRow("name with space") << "name" << "qwen 32b" << "name: may contain only";
    QTest::newRow("name starting with dot") << "name" << ".hidden" << "name: must start with a letter or digit";
    QTest::newRow("empty version") << "version" << "" << "version: is required";
    QTest::newRow("version with slash") << "version" << "1/2" << "version: may contain only";
    QTest::newRow("bad kind") << "kind" << "image" << "kind: must be";
    QTest::newRow("unknown endpoint") << "endpoints" << "gpu-9" << "endpoints/0: unknown endpoint id \"gpu-9\"";
    QTest::newRow("cloud endpoint") << "endpoints" << "openai" << "endpoints/0: \"openai\" is a cloud endpoint";
    QTest::newRow("duplicate endpoint") << "endpoints" << "gpu-1,gpu-1" << "endpoints/1: \"gpu-1\" is listed twice";
    QTest::newRow("no endpoint") << "endpoints" << "" << "endpoints: at least one";
    QTest::newRow("capacity zero") << "capacity" << "0" << "capacity: must be between 1";
    QTest::newRow("capacity negative") << "capacity" << "-3" << "capacity: must be between 1";
    QTest::newRow("context negative") << "context_length" << "-1" << "context_length: must be between 0";
    QTest::newRow("notes with control") << "notes" << QStringLiteral("a\u0007b") << "notes: must not contain control characters";
    QTest::newRow("duplicate name+version") << "version" << "1#llama-70b" << "version: llama-70b version 1 is already registered";
    QTest::newRow("second active version") << "version" << "2#llama-70b" << "status: version 1 of llama-70b is already active";
    QTest::newRow("kind differs from cloud side") << "kind" << "chat#embed" << "kind: the config serves embed from the cloud";
}

void tst_ModelRegistry::addRejects()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, problem);
    QTemporaryDir dir;
    const auto config = registryTestConfig(dir.path());
    auto registry = openRegistry(config);
    ModelRecord r = qwen();
    QString v = value;
    if (v.contains(QLatin1Char('#'))) { // "<value>#<name>": the record takes another name
        r.name = v.section(QLatin1Char('#'), 1);
        v = v.section(QLatin1Char('#'), 0, 0);
        if (r.name == QLatin1String("embed"))
            r.version = QStringLiteral("9");
    }
    if (field == QLatin1String("name"))
        r.name = v;
    else if (field == QLatin1String("version"))
        r.version = v;
    else if (field == QLatin1String("kind"))
        r.kind = v;
    else if (field == QLatin1String("endpoints"))
        r.endpoints = v.split(QLatin1Char(','), Qt::SkipEmptyParts);
    else if (field == QLatin1String("capacity"))
        r.capacity = v.toInt();
    else if (field == QLatin1String("context_length"))
        r.contextLength = v.toInt();
    else if (field == QLatin1String("notes"))
        r.notes = v;
    const qint64 revisionBefore = registry->revision().value();
    auto added = registry->add(config, r, QStringLiteral("test"));
    QVERIFY(!added.ok());
    QCOMPARE(added.error().code, QStringLiteral("invalid"));
    QVERIFY2(added.error().message.contains(problem), qPrintable(added.error().message));
    QCOMPARE(registry->revision().value(), revisionBefore); // nothing written
}

void tst_ModelRegistry::addListsEveryProblem()
{
    QTemporaryDir dir;
    const auto config = registryTestConfig(dir.path());
    auto registry = openRegistry(config);
    ModelRecord r;
    r.name = QStringLiteral("x y");
    r.version = QString();
    r.kind = QStringLiteral("image");
    r.endpoints = {QStringLiteral("gpu-9"), QStringLiteral("openai")};
    r.capacity = 0;
    r.contextLength = -5;
    auto added = registry->add(config, r, QStringLiteral("test"));
    QVERIFY(!added.ok());
    const QStringList problems = added.error().message.split(QLatin1Char('\n'));
    QCOMPARE(problems.size(), 7);
    for (const char *field : {"name:", "version:", "kind:", "endpoints/0:", "endpoints/1:", "context_length:", "capacity:"}) {
        const bool found = std::any_of(problems.cbegin(), problems.cend(), [field](const QString &p) { return p.startsWith(QLatin1String(field)); });
        QVERIFY2(found, field);
    }
}

void tst_ModelRegistry::editChangesFieldsWithBeforeAfter()
{
    QTemporaryDir dir;
    const auto config = registryTestConfig(dir.path());
    auto registry = openRegistry(config);
    QVERIFY(registry->add(config, qwen(), QStringLiteral("a")).ok());
    g_now = g_now.addSecs(60);
    ModelPatch patch;
    patch.capacity = 32;
    patch.endpoints = QStringList{QStringLiteral("gpu-1"), QStringLiteral("gpu-2")};
    auto edited = registry->edit(config, QStringLiteral("qwen2.5-32b"), QStringLiteral("2024-09"), patch, QStringLiteral("b"), QStringLiteral("scale out"));
    QVERIFY2(edited.ok(), edited.ok() ? "" : qPrintable(edited.error().message));
    QCOMPARE(edited.value().capacity, 32);
    QCOMPARE(edited.value().contextLength, 32768); // untouched
    QCOMPARE(edited.value().updated, g_now);
    QVERIFY(edited.value().created < g_now);

    const auto history = registry->history(QStringLiteral("qwen2.5-32b"), QStringLiteral("2024-09")).value();
    QCOMPARE(history.size(), 2);
    const auto &e = history.at(1);
    QCOMPARE(e.action, QStringLiteral("edit"));
    QCOMPARE(e.actor, QStringLiteral("b"));
    QCOMPARE(e.changedFields(), (QStringList{QStringLiteral("capacity"), QStringLiteral("endpoints")}));
    QCOMPARE(nlohmann::json::parse(e.before.toStdString()).at("capacity").get<int>(), 16);
    QCOMPARE(nlohmann::json::parse(e.after.toStdString()).at("capacity").get<int>(), 32);
    QVERIFY2(e.changeSummary().contains(QStringLiteral("capacity: 16 -> 32")), qPrintable(e.changeSummary()));
    QVERIFY(history.at(0).sequence < e.sequence);
}

void tst_ModelRegistry::editRejects_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("version");
    QTest::addColumn<int>("capacity");
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("problem");
    QTest::newRow("unknown model") << "nope" << "1" << 4 << "" << "not_found" << "nope version 1 is not registered";
    QTest::newRow("unknown version") << "llama-70b" << "7" << 4 << "" << "not_found" << "llama-70b version 7 is not registered";
    QTest::newRow("capacity zero") << "llama-70b" << "1" << 0 << "" << "invalid" << "capacity: must be between 1";
    QTest::newRow("unknown endpoint") << "llama-70b" << "1" << 4 << "gpu-7" << "invalid" << "endpoints/0: unknown endpoint id";
    QTest::newRow("no change") << "llama-70b" << "1" << 8 << "" << "invalid" << "leaves llama-70b version 1 as it is";
}

void tst_ModelRegistry::editRejects()
{
    QFETCH(QString, name);
    QFETCH(QString, version);
    QFETCH(int, capacity);
    QFETCH(QString, endpoint);
    QFETCH(QString, code);
    QFETCH(QString, problem);
    QTemporaryDir dir;
    const auto config = registryTestConfig(dir.path());
    auto registry = openRegistry(config);
    ModelPatch patch;
    patch.capacity = capacity;
    if (!endpoint.isEmpty())
        patch.endpoints = QStringList{endpoint};
    auto edited = registry->edit(config, name, version, patch, QStringLiteral("t"));
    QVERIFY(!edited.ok());
    QCOMPARE(edited.error().code, code);
    QVERIFY2(edited.error().message.contains(problem), qPrintable(edited.error().message));
    QVERIFY(!registry->edit(config, QStringLiteral("llama-70b"), QStringLiteral("1"), ModelPatch{}, QStringLiteral("t")).ok());
}

void tst_ModelRegistry::retireAndReactivate()
{
    QTemporaryDir dir;
    const auto config = registryTestConfig(dir.path());
    auto registry = openRegistry(config);
    auto retired = registry->retire(config, QStringLiteral("llama-70b"), QStringLiteral("1"), QStringLiteral("ops"), QStringLiteral("EOL"));
    QVERIFY(retired.ok());
    QCOMPARE(retired.value().status, ModelStatus::Retired);
    auto twice = registry->retire(config, QStringLiteral("llama-70b"), QStringLiteral("1"), QStringLiteral("ops"));
    QVERIFY(!twice.ok());
    QVERIFY(twice.error().message.contains(QStringLiteral("already retired")));
    ModelPatch back;
    back.status = ModelStatus::Active;
    QVERIFY(registry->edit(config, QStringLiteral("llama-70b"), QStringLiteral("1"), back, QStringLiteral("ops")).ok());
    const auto history = registry->history(QStringLiteral("llama-70b")).value();
    QCOMPARE(history.size(), 3);
    QCOMPARE(history.at(1).action, QStringLiteral("retire"));
    QCOMPARE(history.at(1).comment, QStringLiteral("EOL"));
    QVERIFY(history.at(1).changeSummary().contains(QStringLiteral("status: active -> retired")));
    QCOMPARE(history.at(2).action, QStringLiteral("edit"));
}

void tst_ModelRegistry::oneActiveVersionPerName()
{
    QTemporaryDir dir;
    const auto config = registryTestConfig(dir.path());
    auto registry = openRegistry(config);
    ModelRecord v2;
    v2.name = QStringLiteral("llama-70b");
    v2.version = QStringLiteral("2");
    v2.kind = QStringLiteral("chat");
    v2.endpoints = {QStringLiteral("gpu-2")};
    v2.capacity = 4;
    v2.status = ModelStatus::Draining; // staged next to the active version
    QVERIFY(registry->add(config, v2, QStringLiteral("ops")).ok());
    ModelPatch activate;
    activate.status = ModelStatus::Active;
    auto refused = registry->edit(config, v2.name, v2.version, activate, QStringLiteral("ops"));
    QVERIFY(!refused.ok());
    QVERIFY(refused.error().message.contains(QStringLiteral("version 1 of llama-70b is already active")));
    ModelPatch drain;
    drain.status = ModelStatus::Draining;
    QVERIFY(registry->edit(config, v2.name, QStringLiteral("1"), drain, QStringLiteral("ops")).ok());
    QVERIFY(registry->edit(config, v2.name, v2.version, activate, QStringLiteral("ops")).ok());
}

void tst_ModelRegistry::reopenKeepsRecordsHistoryAndWal()
{
    QTemporaryDir dir;
    const auto config = registryTestConfig(dir.path());
    {
        auto registry = openRegistry(config);
        QVERIFY(registry->add(config, qwen(), QStringLiteral("a")).ok());
    }
    auto reopened = ModelRegistry::open(config);
    QVERIFY(reopened.ok());
    const auto records = reopened.value()->list().value();
    QCOMPARE(records.size(), 3);
    QVERIFY(ModelRegistry::find(records, QStringLiteral("qwen2.5-32b"), QStringLiteral("2024-09"))->sameContent(qwen()));
    QCOMPARE(reopened.value()->history().value().size(), 3); // 2 seeds + 1 add, no second seed
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(config.dataDir + QStringLiteral("/registry.db"));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
    QCOMPARE(QFileInfo(config.dataDir + QStringLiteral("/registry.db")).permissions() & (QFile::ReadOther | QFile::ReadGroup), QFileDevice::Permissions());
}

void tst_ModelRegistry::revisionGrowsWithEveryChange()
{
    QTemporaryDir dir;
    const auto config = registryTestConfig(dir.path());
    auto registry = openRegistry(config);
    const qint64 r0 = registry->revision().value();
    QCOMPARE(r0, 2);
    QVERIFY(registry->add(config, qwen(), QStringLiteral("a")).ok());
    const qint64 r1 = registry->revision().value();
    QVERIFY(r1 > r0);
    QVERIFY(registry->retire(config, QStringLiteral("qwen2.5-32b"), QStringLiteral("2024-09"), QStringLiteral("a")).ok());
    QVERIFY(registry->revision().value() > r1);
}

QTEST_GUILESS_MAIN(tst_ModelRegistry)
#include "tst_modelregistry.moc"
