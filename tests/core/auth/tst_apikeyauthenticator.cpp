// SPDX-License-Identifier: Apache-2.0
#include "auth/ApiKeyAuthenticator.h"
#include "auth/ApiKeyCrypto.h"

#include <QTest>
#include <atomic>
#include <thread>

using namespace perimeter;
using namespace perimeter::auth;

namespace {

const QByteArray kConfigKey = QByteArrayLiteral("alice-config-key-0123456789");
const QByteArray kStoreKey = QByteArrayLiteral("pk-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
const QByteArray kExpiringKey = QByteArrayLiteral("pk-BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB");
const QDateTime kNow(QDate(2026, 11, 24), QTime(5, 0), Qt::UTC);

StoredKey storedKey(const QString &id, const QString &caller, const QByteArray &key, const QDateTime &expires = {})
{
    return StoredKey{id, caller, QStringLiteral("ops"), expires, ApiKeyCrypto::sha256(key)};
}

} // namespace

class tst_ApiKeyAuthenticator : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void configKey();
    void storeKey();
    void schemeIsCaseInsensitiveAndWhitespaceTolerant_data();
    void schemeIsCaseInsensitiveAndWhitespaceTolerant();
    void rejects_data();
    void rejects();
    void expiry();
    void revokedKeyDisappearsWithNextSnapshot();
    void configWinsOverDuplicateStoreKey();
    void configReload();
    void ignoresBadDigests();
    void snapshotSwapWhileAuthenticating();

private:
    QDateTime m_now;
    std::unique_ptr<ApiKeyAuthenticator> m_auth;
};

void tst_ApiKeyAuthenticator::init()
{
    m_now = kNow;
    m_auth = std::make_unique<ApiKeyAuthenticator>(
        QList<ConfiguredKey>{{QStringLiteral("alice"), QStringLiteral("risk"), ApiKeyCrypto::sha256(kConfigKey)}},
        [this] { return m_now; });
    m_auth->setStoredKeys({storedKey(QStringLiteral("k1"), QStringLiteral("bob"), kStoreKey),
                           storedKey(QStringLiteral("k2"), QStringLiteral("carol"), kExpiringKey, kNow.addSecs(60))});
}

void tst_ApiKeyAuthenticator::configKey()
{
    auto p = m_auth->authenticate("Bearer " + kConfigKey);
    QVERIFY(p.ok());
    QCOMPARE(p.value().callerId, QStringLiteral("alice"));
    QCOMPARE(p.value().team, QStringLiteral("risk"));
    QCOMPARE(p.value().source, QStringLiteral("config"));
    QCOMPARE(p.value().keyId, QStringLiteral("config:alice"));
}

void tst_ApiKeyAuthenticator::storeKey()
{
    auto p = m_auth->authenticate("Bearer " + kStoreKey);
    QVERIFY(p.ok());
    QCOMPARE(p.value().callerId, QStringLiteral("bob"));
    QCOMPARE(p.value().team, QStringLiteral("ops"));
    QCOMPARE(p.value().source, QStringLiteral("keystore"));
    QCOMPARE(p.value().keyId, QStringLiteral("k1"));
    QCOMPARE(m_auth->keyCount(), 3);
}

void tst_ApiKeyAuthenticator::schemeIsCaseInsensitiveAndWhitespaceTolerant_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::newRow("canonical") << QByteArray("Bearer " + kStoreKey);
    QTest::newRow("lower-case scheme") << QByteArray("bearer " + kStoreKey);
    QTest::newRow("upper-case scheme") << QByteArray("BEARER " + kStoreKey);
    QTest::newRow("several spaces") << QByteArray("Bearer    " + kStoreKey);
    QTest::newRow("tab") << QByteArray("Bearer\t" + kStoreKey);
    QTest::newRow("surrounding whitespace") << QByteArray("  Bearer " + kStoreKey + " \t");
}

void tst_ApiKeyAuthenticator::schemeIsCaseInsensitiveAndWhitespaceTolerant()
{
    QFETCH(QByteArray, header);
    auto p = m_auth->authenticate(header);
    QVERIFY2(p.ok(), p ? "" : qPrintable(p.error().message));
    QCOMPARE(p.value().callerId, QStringLiteral("bob"));
}

void tst_ApiKeyAuthenticator::rejects_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("messagePart");
    const QString malformed = QStringLiteral("malformed");
    const QString invalid = QStringLiteral("invalid or revoked");
    QTest::newRow("missing") << QByteArray() << QStringLiteral("missing");
    QTest::newRow("only whitespace") << QByteArray("  \t ") << QStringLiteral("missing");
    QTest::newRow("scheme only") << QByteArray("Bearer") << malformed;
    QTest::newRow("scheme and space") << QByteArray("Bearer ") << malformed;
    QTest::newRow("no space after scheme") << QByteArray("Bearer" + kStoreKey) << malformed;
    QTest::newRow("basic scheme") << QByteArray("Basic YWxpY2U6c2VjcmV0") << malformed;
    QTest::newRow("key without scheme") << kStoreKey << malformed;
    QTest::newRow("two tokens") << QByteArray("Bearer " + kStoreKey + " extra") << malformed;
    QTest::newRow("control character") << QByteArray("Bearer pk-abc\x01" "def") << malformed;
    QTest::newRow("non-ascii") << QByteArray("Bearer pk-\xc3\xa9t\xc3\xa9") << malformed;
    QTest::newRow("nul byte") << QByteArray("Bearer pk-abc\0def", 17) << malformed;
    QTest::newRow("overlong") << QByteArray("Bearer " + QByteArray(5000, 'a')) << malformed;
    QTest::newRow("unknown key") << QByteArray("Bearer pk-CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC") << invalid;
    QTest::newRow("prefix of a valid key") << QByteArray("Bearer " + kStoreKey.left(20)) << invalid;
    QTest::newRow("valid key plus a character") << QByteArray("Bearer " + kStoreKey + "A") << invalid;
    QTest::newRow("hash instead of key") << QByteArray("Bearer " + ApiKeyCrypto::sha256(kStoreKey).toHex()) << invalid;
}

void tst_ApiKeyAuthenticator::rejects()
{
    QFETCH(QByteArray, header);
    QFETCH(QString, messagePart);
    auto p = m_auth->authenticate(header);
    QVERIFY(!p.ok());
    QCOMPARE(p.error().code, QStringLiteral("unauthenticated"));
    QVERIFY2(p.error().message.contains(messagePart), qPrintable(p.error().message));
    // The message never echoes what was presented.
    const QByteArray message = p.error().message.toUtf8();
    const QByteArray token = header.trimmed().mid(header.trimmed().indexOf(' ') + 1).trimmed();
    if (token.size() >= 4 && token.compare("bearer", Qt::CaseInsensitive) != 0) {
        QVERIFY(!message.contains(token));
        QVERIFY(!message.contains(token.left(8)));
    }
    QVERIFY(!message.contains(kStoreKey.left(10)));
    QVERIFY(!message.contains(ApiKeyCrypto::sha256(kStoreKey).toHex().left(8)));
}

void tst_ApiKeyAuthenticator::expiry()
{
    QVERIFY(m_auth->authenticate("Bearer " + kExpiringKey).ok());
    m_now = kNow.addSecs(59);
    QVERIFY(m_auth->authenticate("Bearer " + kExpiringKey).ok());
    m_now = kNow.addSecs(60);
    auto p = m_auth->authenticate("Bearer " + kExpiringKey);
    QVERIFY(!p.ok());
    QCOMPARE(p.error().code, QStringLiteral("unauthenticated"));
    QVERIFY(p.error().message.contains(QStringLiteral("expired")));
    QVERIFY(!p.error().message.contains(QString::fromLatin1(kExpiringKey.left(10))));
    // Keys without expiry are unaffected.
    m_now = kNow.addYears(50);
    QVERIFY(m_auth->authenticate("Bearer " + kStoreKey).ok());
    QVERIFY(m_auth->authenticate("Bearer " + kConfigKey).ok());
}

void tst_ApiKeyAuthenticator::revokedKeyDisappearsWithNextSnapshot()
{
    QVERIFY(m_auth->authenticate("Bearer " + kStoreKey).ok());
    // The keystore excludes revoked keys from loadActive(); the next snapshot lacks it.
    m_auth->setStoredKeys({storedKey(QStringLiteral("k2"), QStringLiteral("carol"), kExpiringKey, kNow.addSecs(60))});
    auto p = m_auth->authenticate("Bearer " + kStoreKey);
    QVERIFY(!p.ok());
    QCOMPARE(p.error().code, QStringLiteral("unauthenticated"));
    QVERIFY(m_auth->authenticate("Bearer " + kConfigKey).ok());
}

void tst_ApiKeyAuthenticator::configWinsOverDuplicateStoreKey()
{
    m_auth->setStoredKeys({storedKey(QStringLiteral("dup"), QStringLiteral("mallory"), kConfigKey)});
    auto p = m_auth->authenticate("Bearer " + kConfigKey);
    QVERIFY(p.ok());
    QCOMPARE(p.value().callerId, QStringLiteral("alice"));
    QCOMPARE(m_auth->keyCount(), 1);
}

void tst_ApiKeyAuthenticator::configReload()
{
    m_auth->setConfiguredKeys({{QStringLiteral("dave"), QString(), ApiKeyCrypto::sha256("dave-key")}});
    QVERIFY(!m_auth->authenticate("Bearer " + kConfigKey).ok());
    auto p = m_auth->authenticate("Bearer dave-key");
    QVERIFY(p.ok());
    QCOMPARE(p.value().callerId, QStringLiteral("dave"));
    QVERIFY(m_auth->authenticate("Bearer " + kStoreKey).ok());
}

void tst_ApiKeyAuthenticator::ignoresBadDigests()
{
    ApiKeyAuthenticator auth({{QStringLiteral("x"), QString(), QByteArray("short")},
                              {QStringLiteral("y"), QString(), QByteArray()}});
    QCOMPARE(auth.keyCount(), 0);
    QVERIFY(!auth.authenticate("Bearer short").ok());
    QVERIFY(!auth.authenticate("Bearer ").ok());
}

void tst_ApiKeyAuthenticator::snapshotSwapWhileAuthenticating()
{
    std::atomic<bool> stop{false};
    std::atomic<int> failures{0};
    std::atomic<int> checks{0};
    std::thread reader([&] {
        while (!stop.load()) {
            // The config key is in every snapshot, so it must never fail during swaps.
            if (!m_auth->authenticate("Bearer " + kConfigKey).ok())
                ++failures;
            ++checks;
        }
    });
    for (int i = 0; i < 2000; ++i) {
        QList<StoredKey> keys;
        if (i % 2)
            keys << storedKey(QStringLiteral("k1"), QStringLiteral("bob"), kStoreKey);
        m_auth->setStoredKeys(keys);
    }
    while (checks.load() < 100)
        std::this_thread::yield();
    stop = true;
    reader.join();
    QCOMPARE(failures.load(), 0);
}

QTEST_GUILESS_MAIN(tst_ApiKeyAuthenticator)
#include "tst_apikeyauthenticator.moc"
