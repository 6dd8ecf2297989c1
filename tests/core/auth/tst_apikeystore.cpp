// SPDX-License-Identifier: Apache-2.0
#include "auth/ApiKeyCrypto.h"
#include "auth/ApiKeyStore.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <future>

using namespace perimeter;
using namespace perimeter::auth;

class tst_ApiKeyStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void createReturnsWellFormedKeyOnce();
    void storesOnlyTheHash();
    void listShowsMetadataOnly();
    void createRejectsBadInput_data();
    void createRejectsBadInput();
    void revoke();
    void loadActiveSkipsRevokedAndExpired();
    void reopenKeepsKeysAndWal();
    void usableFromSeveralThreads();
    void keysAreUnique();
};

namespace {

QDateTime g_now = QDateTime(QDate(2026, 11, 24), QTime(5, 0), Qt::UTC);

std::unique_ptr<ApiKeyStore> openStore(const QString &dir)
{
    auto store = ApiKeyStore::open(dir, [] { return g_now; });
    if (!store)
        qFatal("cannot open key store: %s", qPrintable(store.error().message));
    return std::move(store).value();
}

} // namespace

void tst_ApiKeyStore::createReturnsWellFormedKeyOnce()
{
    QTemporaryDir tmp;
    auto store = openStore(tmp.filePath(QStringLiteral("var")));
    QCOMPARE(QFileInfo(tmp.filePath(QStringLiteral("var"))).permissions()
                 & (QFile::ReadGroup | QFile::ReadOther | QFile::ExeGroup | QFile::ExeOther),
             QFileDevice::Permissions());
    auto created = store->create(QStringLiteral("alice"), QStringLiteral("risk"), std::nullopt, QStringLiteral("batch job"));
    QVERIFY(created.ok());
    const CreatedApiKey &k = created.value();
    static const QRegularExpression keyFormat(QStringLiteral("^pk-[A-Za-z0-9_-]{43}$"));
    QVERIFY2(keyFormat.match(k.plaintextKey).hasMatch(), "key format");
    static const QRegularExpression idFormat(QStringLiteral("^[0-9a-f]{12}$"));
    QVERIFY(idFormat.match(k.info.keyId).hasMatch());
    QCOMPARE(k.info.callerId, QStringLiteral("alice"));
    QCOMPARE(k.info.team, QStringLiteral("risk"));
    QCOMPARE(k.info.comment, QStringLiteral("batch job"));
    QCOMPARE(k.info.created, g_now);
    QVERIFY(!k.info.expires.isValid());
    QVERIFY(!k.info.isRevoked());
    // 32 random bytes decode from the 43 characters.
    QCOMPARE(QByteArray::fromBase64(k.plaintextKey.mid(3).toLatin1(), QByteArray::Base64UrlEncoding).size(), 32);
}

void tst_ApiKeyStore::storesOnlyTheHash()
{
    QTemporaryDir tmp;
    auto store = openStore(tmp.path());
    auto created = store->create(QStringLiteral("alice"), QString());
    QVERIFY(created.ok());
    const QByteArray key = created.value().plaintextKey.toLatin1();

    auto active = store->loadActive();
    QVERIFY(active.ok());
    QCOMPARE(active.value().size(), 1);
    QCOMPARE(active.value().first().sha256, ApiKeyCrypto::sha256(key));

    // Nothing in the database files resembles the key.
    QDir dir(tmp.path());
    for (const QString &name : dir.entryList(QDir::Files)) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray content = f.readAll();
        QVERIFY2(!content.contains(key), qPrintable(name));
        QVERIFY2(!content.contains(key.mid(3, 20)), qPrintable(name));
    }
}

void tst_ApiKeyStore::listShowsMetadataOnly()
{
    QTemporaryDir tmp;
    auto store = openStore(tmp.path());
    const QDateTime expiry = g_now.addDays(30);
    auto a = store->create(QStringLiteral("alice"), QStringLiteral("risk"), expiry, QStringLiteral("first"));
    g_now = g_now.addSecs(1);
    auto b = store->create(QStringLiteral("bob"), QString());
    QVERIFY(a.ok() && b.ok());
    auto listed = store->list();
    QVERIFY(listed.ok());
    QCOMPARE(listed.value().size(), 2);
    const ApiKeyInfo &first = listed.value().at(0);
    QCOMPARE(first.keyId, a.value().info.keyId);
    QCOMPARE(first.callerId, QStringLiteral("alice"));
    QCOMPARE(first.team, QStringLiteral("risk"));
    QCOMPARE(first.expires, expiry);
    QCOMPARE(first.comment, QStringLiteral("first"));
    QCOMPARE(listed.value().at(1).keyId, b.value().info.keyId);
    QVERIFY(listed.value().at(1).team.isEmpty());
    QVERIFY(!listed.value().at(1).expires.isValid());
}

void tst_ApiKeyStore::createRejectsBadInput_data()
{
    QTest::addColumn<QString>("caller");
    QTest::addColumn<QString>("comment");
    QTest::addColumn<int>("expiresInSecs"); // 0 = none
    QTest::newRow("empty caller") << QString() << QString() << 0;
    QTest::newRow("blank caller") << QStringLiteral("   ") << QString() << 0;
    QTest::newRow("control char in caller") << QStringLiteral("al\nice") << QString() << 0;
    QTest::newRow("overlong caller") << QString(300, QLatin1Char('a')) << QString() << 0;
    QTest::newRow("overlong comment") << QStringLiteral("alice") << QString(2000, QLatin1Char('c')) << 0;
    QTest::newRow("expiry in the past") << QStringLiteral("alice") << QString() << -60;
}

void tst_ApiKeyStore::createRejectsBadInput()
{
    QFETCH(QString, caller);
    QFETCH(QString, comment);
    QFETCH(int, expiresInSecs);
    QTemporaryDir tmp;
    auto store = openStore(tmp.path());
    std::optional<QDateTime> expires;
    if (expiresInSecs != 0)
        expires = g_now.addSecs(expiresInSecs);
    auto created = store->create(caller, QString(), expires, comment);
    QVERIFY(!created.ok());
    QCOMPARE(created.error().code, QStringLiteral("invalid_argument"));
    QCOMPARE(store->list().value().size(), 0);
}

void tst_ApiKeyStore::revoke()
{
    QTemporaryDir tmp;
    auto store = openStore(tmp.path());
    auto created = store->create(QStringLiteral("alice"), QString());
    QVERIFY(created.ok());
    const QString id = created.value().info.keyId;

    auto first = store->revoke(id);
    QVERIFY(first.ok());
    QCOMPARE(first.value(), true);
    auto again = store->revoke(id);
    QVERIFY(again.ok());
    QCOMPARE(again.value(), false);
    auto unknown = store->revoke(QStringLiteral("000000000000"));
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error().code, QStringLiteral("not_found"));
    auto injection = store->revoke(QStringLiteral("' OR '1'='1"));
    QVERIFY(!injection.ok());

    auto listed = store->list();
    QVERIFY(listed.ok());
    QVERIFY(listed.value().first().isRevoked());
    QCOMPARE(listed.value().first().revoked, g_now);
}

void tst_ApiKeyStore::loadActiveSkipsRevokedAndExpired()
{
    QTemporaryDir tmp;
    auto store = openStore(tmp.path());
    auto keep = store->create(QStringLiteral("alice"), QStringLiteral("risk"));
    auto revoked = store->create(QStringLiteral("bob"), QString());
    auto expiring = store->create(QStringLiteral("carol"), QString(), g_now.addSecs(60));
    QVERIFY(keep.ok() && revoked.ok() && expiring.ok());
    QVERIFY(store->revoke(revoked.value().info.keyId).ok());

    auto active = store->loadActive();
    QVERIFY(active.ok());
    QStringList ids;
    for (const auto &k : active.value())
        ids << k.keyId;
    ids.sort();
    QStringList expected{keep.value().info.keyId, expiring.value().info.keyId};
    expected.sort();
    QCOMPARE(ids, expected);

    g_now = g_now.addSecs(61);
    active = store->loadActive();
    QVERIFY(active.ok());
    QCOMPARE(active.value().size(), 1);
    QCOMPARE(active.value().first().keyId, keep.value().info.keyId);
    QCOMPARE(active.value().first().team, QStringLiteral("risk"));
    QCOMPARE(active.value().first().sha256.size(), 32);
}

void tst_ApiKeyStore::reopenKeepsKeysAndWal()
{
    QTemporaryDir tmp;
    QString id;
    {
        auto store = openStore(tmp.path());
        auto created = store->create(QStringLiteral("alice"), QString());
        QVERIFY(created.ok());
        id = created.value().info.keyId;
    }
    auto store = openStore(tmp.path());
    auto listed = store->list();
    QVERIFY(listed.ok());
    QCOMPARE(listed.value().size(), 1);
    QCOMPARE(listed.value().first().keyId, id);

    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tst.raw"));
        db.setDatabaseName(store->databasePath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(q.exec(QStringLiteral("SELECT version FROM schema_version")) && q.next());
        QCOMPARE(q.value(0).toInt(), ApiKeyStore::kSchemaVersion);
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tst.raw"));
}

void tst_ApiKeyStore::usableFromSeveralThreads()
{
    QTemporaryDir tmp;
    auto store = openStore(tmp.path());
    auto work = [&store](int n) {
        int ok = 0;
        for (int i = 0; i < n; ++i) {
            if (store->create(QStringLiteral("caller"), QString()).ok() && store->loadActive().ok())
                ++ok;
        }
        return ok;
    };
    auto a = std::async(std::launch::async, work, 20);
    auto b = std::async(std::launch::async, work, 20);
    QCOMPARE(a.get() + b.get(), 40);
    QCOMPARE(store->list().value().size(), 40);
}

void tst_ApiKeyStore::keysAreUnique()
{
    QTemporaryDir tmp;
    auto store = openStore(tmp.path());
    QSet<QString> keys;
    QSet<QString> ids;
    for (int i = 0; i < 50; ++i) {
        auto created = store->create(QStringLiteral("alice"), QString());
        QVERIFY(created.ok());
        keys.insert(created.value().plaintextKey);
        ids.insert(created.value().info.keyId);
    }
    QCOMPARE(keys.size(), 50);
    QCOMPARE(ids.size(), 50);
}

QTEST_GUILESS_MAIN(tst_ApiKeyStore)
#include "tst_apikeystore.moc"
