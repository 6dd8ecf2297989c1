// SPDX-License-Identifier: Apache-2.0
#include "RegistryTestConfig.h"
#include "registry/ModelRegistry.h"
#include "registry/RegistryRefresher.h"
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace perimeter;
using namespace perimeter::registry;

class tst_RegistryRefresher : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void seesChangesFromAnotherInstance();
    void quietWhileNothingChanges();
};

void tst_RegistryRefresher::seesChangesFromAnotherInstance()
{
    QTemporaryDir dir;
    const auto config = registryTestConfig(dir.path());
    auto gatewaySide = ModelRegistry::open(config).value();
    RegistryRefresher refresher(gatewaySide, gatewaySide->revision().value(), 50);
    QSignalSpy changed(&refresher, &RegistryRefresher::changed);
    refresher.start();

    // Another process (perimeterctl) writes through its own instance and connection.
    auto cliSide = ModelRegistry::open(config).value();
    QVERIFY(cliSide->retire(config, QStringLiteral("llama-70b"), QStringLiteral("1"), QStringLiteral("cli")).ok());
    QVERIFY(changed.wait(5000));
    const auto records = changed.last().at(0).value<QList<ModelRecord>>();
    QCOMPARE(ModelRegistry::find(records, QStringLiteral("llama-70b"), QStringLiteral("1"))->status, ModelStatus::Retired);
    QCOMPARE(changed.last().at(1).toLongLong(), cliSide->revision().value());
    QCOMPARE(refresher.knownRevision(), cliSide->revision().value());
}

void tst_RegistryRefresher::quietWhileNothingChanges()
{
    QTemporaryDir dir;
    const auto config = registryTestConfig(dir.path());
    auto registry = ModelRegistry::open(config).value();
    RegistryRefresher refresher(registry, registry->revision().value(), 20);
    QSignalSpy changed(&refresher, &RegistryRefresher::changed);
    QSignalSpy failed(&refresher, &RegistryRefresher::refreshFailed);
    refresher.start();
    QTest::qWait(200);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(failed.count(), 0);
    refresher.refreshNow();
    QTest::qWait(100);
    QCOMPARE(changed.count(), 0);
}

QTEST_GUILESS_MAIN(tst_RegistryRefresher)
#include "tst_registryrefresher.moc"
