// SPDX-License-Identifier: Apache-2.0
#include "RegistryTestConfig.h"
#include "registry/RegistryOverlay.h"
#include <QTemporaryDir>
#include <QTest>

using namespace perimeter;
using namespace perimeter::registry;

class tst_RegistryOverlay : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void withoutRecordsTheConfigIsServed();
    void overlay_data();
    void overlay();
    void droppedEndpointsAreWarned();
};

namespace {

ModelRecord rec(const QString &name, const QString &version, const QString &kind, const QStringList &endpoints, ModelStatus status, int createdSecs = 0)
{
    ModelRecord r;
    r.name = name;
    r.version = version;
    r.kind = kind;
    r.endpoints = endpoints;
    r.capacity = 4;
    r.status = status;
    r.created = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).addSecs(createdSecs);
    return r;
}

// "name=kind:e1+e2" per served model, in order.
QString describe(const QList<config::ModelConfig> &models)
{
    QStringList parts;
    for (const auto &m : models)
        parts.append(QStringLiteral("%1=%2:%3").arg(m.name, m.kind, m.endpoints.join(QLatin1Char('+'))));
    return parts.join(QLatin1Char(' '));
}

} // namespace

void tst_RegistryOverlay::withoutRecordsTheConfigIsServed()
{
    QTemporaryDir dir;
    const auto config = registryTestConfig(dir.path());
    QCOMPARE(describe(RegistryOverlay::effectiveModels(config.models, config.endpoints, {})),
             QStringLiteral("llama-70b=chat:gpu-1 gpt-4o=chat:openai embed=embedding:gpu-1+gpu-2+openai"));
}

void tst_RegistryOverlay::overlay_data()
{
    QTest::addColumn<QList<ModelRecord>>("records");
    QTest::addColumn<QString>("served");
    const auto A = ModelStatus::Active;
    const auto D = ModelStatus::Draining;
    const auto R = ModelStatus::Retired;
    QTest::newRow("registry moves an on-prem model")
        << QList<ModelRecord>{rec(QStringLiteral("llama-70b"), QStringLiteral("1"), QStringLiteral("chat"), {QStringLiteral("gpu-2")}, A)}
        << "llama-70b=chat:gpu-2 gpt-4o=chat:openai embed=embedding:gpu-1+gpu-2+openai";
    QTest::newRow("retired hides a config model")
        << QList<ModelRecord>{rec(QStringLiteral("llama-70b"), QStringLiteral("1"), QStringLiteral("chat"), {QStringLiteral("gpu-1")}, R)}
        << "gpt-4o=chat:openai embed=embedding:gpu-1+gpu-2+openai";
    QTest::newRow("retired hybrid is hidden with its cloud side")
        << QList<ModelRecord>{rec(QStringLiteral("embed"), QStringLiteral("1"), QStringLiteral("embedding"), {QStringLiteral("gpu-1")}, R)}
        << "llama-70b=chat:gpu-1 gpt-4o=chat:openai";
    QTest::newRow("hybrid keeps the config's cloud endpoints")
        << QList<ModelRecord>{rec(QStringLiteral("embed"), QStringLiteral("1"), QStringLiteral("embedding"), {QStringLiteral("gpu-2")}, A)}
        << "llama-70b=chat:gpu-1 gpt-4o=chat:openai embed=embedding:gpu-2+openai";
    QTest::newRow("registry-only model is appended")
        << QList<ModelRecord>{rec(QStringLiteral("qwen"), QStringLiteral("1"), QStringLiteral("completion"), {QStringLiteral("gpu-1"), QStringLiteral("gpu-2")}, A)}
        << "llama-70b=chat:gpu-1 gpt-4o=chat:openai embed=embedding:gpu-1+gpu-2+openai qwen=completion:gpu-1+gpu-2";
    QTest::newRow("active version wins over draining")
        << QList<ModelRecord>{rec(QStringLiteral("qwen"), QStringLiteral("1"), QStringLiteral("chat"), {QStringLiteral("gpu-1")}, D, 10),
                              rec(QStringLiteral("qwen"), QStringLiteral("2"), QStringLiteral("chat"), {QStringLiteral("gpu-2")}, A, 0)}
        << "llama-70b=chat:gpu-1 gpt-4o=chat:openai embed=embedding:gpu-1+gpu-2+openai qwen=chat:gpu-2";
    QTest::newRow("newest draining serves when none is active")
        << QList<ModelRecord>{rec(QStringLiteral("qwen"), QStringLiteral("1"), QStringLiteral("chat"), {QStringLiteral("gpu-1")}, D, 0),
                              rec(QStringLiteral("qwen"), QStringLiteral("2"), QStringLiteral("chat"), {QStringLiteral("gpu-2")}, D, 10),
                              rec(QStringLiteral("qwen"), QStringLiteral("3"), QStringLiteral("chat"), {QStringLiteral("gpu-1")}, R, 20)}
        << "llama-70b=chat:gpu-1 gpt-4o=chat:openai embed=embedding:gpu-1+gpu-2+openai qwen=chat:gpu-2";
    QTest::newRow("all versions retired: not served")
        << QList<ModelRecord>{rec(QStringLiteral("qwen"), QStringLiteral("1"), QStringLiteral("chat"), {QStringLiteral("gpu-1")}, R),
                              rec(QStringLiteral("qwen"), QStringLiteral("2"), QStringLiteral("chat"), {QStringLiteral("gpu-2")}, R)}
        << "llama-70b=chat:gpu-1 gpt-4o=chat:openai embed=embedding:gpu-1+gpu-2+openai";
}

void tst_RegistryOverlay::overlay()
{
    QFETCH(QList<ModelRecord>, records);
    QFETCH(QString, served);
    QTemporaryDir dir;
    const auto config = registryTestConfig(dir.path());
    QStringList warnings;
    QCOMPARE(describe(RegistryOverlay::effectiveModels(config.models, config.endpoints, records, &warnings)), served);
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
}

void tst_RegistryOverlay::droppedEndpointsAreWarned()
{
    QTemporaryDir dir;
    const auto config = registryTestConfig(dir.path());
    QStringList warnings;
    const auto models = RegistryOverlay::effectiveModels(
        config.models, config.endpoints,
        {rec(QStringLiteral("qwen"), QStringLiteral("1"), QStringLiteral("chat"), {QStringLiteral("gpu-gone"), QStringLiteral("gpu-1")}, ModelStatus::Active),
         rec(QStringLiteral("old"), QStringLiteral("1"), QStringLiteral("chat"), {QStringLiteral("gpu-gone")}, ModelStatus::Active)},
        &warnings);
    QCOMPARE(describe(models), QStringLiteral("llama-70b=chat:gpu-1 gpt-4o=chat:openai embed=embedding:gpu-1+gpu-2+openai qwen=chat:gpu-1"));
    QCOMPARE(warnings.size(), 3);
    QVERIFY(warnings.filter(QStringLiteral("old version 1 has no usable endpoint")).size() == 1);
    QVERIFY(warnings.filter(QStringLiteral("qwen version 1: endpoint \"gpu-gone\"")).size() == 1);
}

QTEST_GUILESS_MAIN(tst_RegistryOverlay)
#include "tst_registryoverlay.moc"
