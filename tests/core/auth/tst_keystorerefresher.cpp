// SPDX-License-Identifier: Apache-2.0
#include "auth/ApiKeyAuthenticator.h"
#include "auth/ApiKeyStore.h"
#include "auth/KeyStoreRefresher.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace perimeter;
using namespace perimeter::auth;

class tst_KeyStoreRefresher : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void creationAndRevocationTakeEffect();
    void failureKeepsPreviousSnapshot();
    void defaults();
};

void tst_KeyStoreRefresher::creationAndRevocationTakeEffect()
{
    QTemporaryDir tmp;
    auto opened = ApiKeyStore::open(tmp.path());
    QVERIFY(opened.ok());
    std::shared_ptr<ApiKeyStore> store = std::move(opened).value();
    auto authenticator = std::make_shared<ApiKeyAuthenticator>();
    KeyStoreRefresher refresher(store, authenticator, 50);
    QSignalSpy refreshed(&refresher, &KeyStoreRefresher::refreshed);
    refresher.start();
    QVERIFY(refresher.isActive());
    QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() >= 1, 5000);
    QCOMPARE(refreshed.first().first().toInt(), 0);

    // A second handle, as `perimeterctl keys create` in another process would use.
    auto cli = ApiKeyStore::open(tmp.path());
    QVERIFY(cli.ok());
    auto created = cli.value()->create(QStringLiteral("alice"), QStringLiteral("risk"));
    QVERIFY(created.ok());
    const QByteArray header = "Bearer " + created.value().plaintextKey.toLatin1();
    QVERIFY(!authenticator->authenticate(header).ok());
    QTRY_VERIFY_WITH_TIMEOUT(authenticator->authenticate(header).ok(), 5000);
    QCOMPARE(authenticator->authenticate(header).value().keyId, created.value().info.keyId);

    QVERIFY(cli.value()->revoke(created.value().info.keyId).ok());
    QTRY_VERIFY_WITH_TIMEOUT(!authenticator->authenticate(header).ok(), 5000);
    refresher.stop();
    QVERIFY(!refresher.isActive());
}

void tst_KeyStoreRefresher::failureKeepsPreviousSnapshot()
{
    QTemporaryDir tmp;
    auto opened = ApiKeyStore::open(tmp.path());
    QVERIFY(opened.ok());
    std::shared_ptr<ApiKeyStore> store = std::move(opened).value();
    auto created = store->create(QStringLiteral("alice"), QString());
    QVERIFY(created.ok());
    const QByteArray header = "Bearer " + created.value().plaintextKey.toLatin1();

    auto authenticator = std::make_shared<ApiKeyAuthenticator>();
    KeyStoreRefresher refresher(store, authenticator, 60'000);
    QSignalSpy refreshed(&refresher, &KeyStoreRefresher::refreshed);
    QSignalSpy failed(&refresher, &KeyStoreRefresher::refreshFailed);
    refresher.refreshNow();
    QVERIFY(refresher.isLoading());
    refresher.refreshNow(); // ignored while a load is in flight
    QTRY_COMPARE_WITH_TIMEOUT(refreshed.count(), 1, 5000);
    QCOMPARE(refreshed.first().first().toInt(), 1);
    QVERIFY(authenticator->authenticate(header).ok());

    // Replace keys.db by something that is not a database.
    for (const QString &name : QDir(tmp.path()).entryList(QDir::Files))
        QVERIFY(QFile::remove(QDir(tmp.path()).filePath(name)));
    QFile garbage(store->databasePath());
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write(QByteArray(4096, 'x'));
    garbage.close();

    refresher.refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 5000);
    QVERIFY(!failed.first().first().toString().contains(created.value().plaintextKey));
    QVERIFY(authenticator->authenticate(header).ok());
    QCOMPARE(refreshed.count(), 1);
}

void tst_KeyStoreRefresher::defaults()
{
    QTemporaryDir tmp;
    auto opened = ApiKeyStore::open(tmp.path());
    QVERIFY(opened.ok());
    KeyStoreRefresher refresher(std::shared_ptr<ApiKeyStore>(std::move(opened).value()),
                                std::make_shared<ApiKeyAuthenticator>());
    QCOMPARE(refresher.intervalMs(), 2000);
    refresher.setIntervalMs(0);
    QCOMPARE(refresher.intervalMs(), 2000);
    refresher.setIntervalMs(250);
    QCOMPARE(refresher.intervalMs(), 250);
}

QTEST_GUILESS_MAIN(tst_KeyStoreRefresher)
#include "tst_keystorerefresher.moc"
