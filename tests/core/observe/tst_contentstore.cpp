// SPDX-License-Identifier: Apache-2.0
#include "observe/ContentCipher.h"
#include "observe/ContentStore.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace perimeter;
using namespace perimeter::observe;

namespace {

const QByteArray kSecretRequest =
    QByteArrayLiteral("{\"model\":\"llama-70b\",\"messages\":[{\"role\":\"user\",\"content\":\"card 4111111111111111 of Zebulon Quirkfeather\"}]}");
const QByteArray kSecretResponse =
    QByteArrayLiteral("{\"choices\":[{\"message\":{\"content\":\"The quarterly plan PROJECT-NIGHTJAR is approved\"}}]}");

QString makeKey(const QTemporaryDir &dir, const char *name = "content.key")
{
    const QString path = dir.filePath(QLatin1String(name));
    return ContentCipher::generateKeyFile(path).ok() ? path : QString();
}

ContentStoreSettings settingsFor(const QString &keyFile)
{
    ContentStoreSettings s;
    s.enabled = true;
    s.keyFile = keyFile;
    s.retentionDays = 30;
    s.maxBytes = 4096;
    return s;
}

ContentRecord onprem(const QString &id, QByteArray request = kSecretRequest, QByteArray response = kSecretResponse)
{
    ContentRecord r;
    r.requestId = id;
    r.ts = QDateTime::currentDateTimeUtc();
    r.tier = QStringLiteral("onprem");
    r.model = QStringLiteral("llama-70b");
    r.request = std::move(request);
    r.response = std::move(response);
    return r;
}

QByteArray allBytesUnder(const QString &dir)
{
    QByteArray all;
    for (const QString &name : QDir(dir).entryList(QDir::Files)) {
        QFile f(QDir(dir).filePath(name));
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll();
    }
    return all;
}

bool execRaw(const QString &path, const QString &sql, const QVariantList &binds = {})
{
    const QString name = QStringLiteral("tst.content.raw");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(sql);
            for (const QVariant &b : binds)
                q.addBindValue(b);
            ok = q.exec();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

QByteArray sealedResponse(const QString &path, const QString &requestId)
{
    const QString name = QStringLiteral("tst.content.read");
    QByteArray value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT response_sealed FROM content_records WHERE request_id = ?"));
            q.addBindValue(requestId);
            if (q.exec() && q.next())
                value = q.value(0).toByteArray();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

} // namespace

class tst_ContentStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cipherRoundTrip_data();
    void cipherRoundTrip();
    void cipherRejects_data();
    void cipherRejects();
    void keyFileIsRefused_data();
    void keyFileIsRefused();
    void keygenNeverOverwrites();
    void storeRoundTrip();
    void fileHoldsNoPlaintext();
    void tamperedCiphertextFails();
    void swappedRowsFail();
    void wrongKeyFails();
    void cloudRecordsAreRefused();
    void contentIsCappedAndMarked();
    void streamTextConcatenatesDeltas_data();
    void streamTextConcatenatesDeltas();
    void retentionDeletesOldRecords();
    void openRefusesBadKey();
};

void tst_ContentStore::cipherRoundTrip_data()
{
    QTest::addColumn<QByteArray>("plain");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("short") << QByteArray("x");
    QTest::newRow("payload") << kSecretRequest;
    QTest::newRow("1 MiB binary") << QByteArray(1 << 20, '\xA5');
}

void tst_ContentStore::cipherRoundTrip()
{
    QFETCH(QByteArray, plain);
    auto cipher = ContentCipher::fromKey(QByteArray(32, '\x11'));
    QVERIFY(cipher.ok());
    auto a = cipher.value().seal(plain, "req-1");
    auto b = cipher.value().seal(plain, "req-1");
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(a.value().size(), plain.size() + ContentCipher::kNonceBytes + ContentCipher::kTagBytes);
    // A fresh nonce per value: the same plaintext never seals the same way.
    QVERIFY(a.value() != b.value());
    QVERIFY(a.value().left(ContentCipher::kNonceBytes) != b.value().left(ContentCipher::kNonceBytes));
    auto opened = cipher.value().open(a.value(), "req-1");
    QVERIFY(opened.ok());
    QCOMPARE(opened.value(), plain);
}

void tst_ContentStore::cipherRejects_data()
{
    QTest::addColumn<int>("flipAt");       // -1: none
    QTest::addColumn<QByteArray>("aad");
    QTest::addColumn<bool>("otherKey");
    QTest::newRow("nonce bit") << 0 << QByteArray("req-1") << false;
    QTest::newRow("ciphertext bit") << 20 << QByteArray("req-1") << false;
    QTest::newRow("tag bit") << -2 << QByteArray("req-1") << false;
    QTest::newRow("other request id") << -1 << QByteArray("req-2") << false;
    QTest::newRow("other key") << -1 << QByteArray("req-1") << true;
}

void tst_ContentStore::cipherRejects()
{
    QFETCH(int, flipAt);
    QFETCH(QByteArray, aad);
    QFETCH(bool, otherKey);
    auto cipher = ContentCipher::fromKey(QByteArray(32, '\x11'));
    auto sealed = cipher.value().seal(kSecretRequest, "req-1").value();
    if (flipAt == -2)
        sealed[sealed.size() - 1] = char(sealed.at(sealed.size() - 1) ^ 0x01);
    else if (flipAt >= 0)
        sealed[flipAt] = char(sealed.at(flipAt) ^ 0x01);
    auto reader = otherKey ? ContentCipher::fromKey(QByteArray(32, '\x12')) : cipher;
    auto opened = reader.value().open(sealed, aad);
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().code, QStringLiteral("content_auth_failed"));
}

void tst_ContentStore::keyFileIsRefused_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("expected");
    QTest::newRow("group readable") << QByteArray(64, 'a') << 0640 << QStringLiteral("group or others");
    QTest::newRow("world readable") << QByteArray(64, 'a') << 0604 << QStringLiteral("group or others");
    QTest::newRow("too short hex") << QByteArray(62, 'a') << 0600 << QStringLiteral("64 hex digits");
    QTest::newRow("not hex") << QByteArray(64, 'z') << 0600 << QStringLiteral("64 hex digits");
    QTest::newRow("16 raw bytes") << QByteArray(16, '\x01') << 0600 << QStringLiteral("32 raw bytes");
    QTest::newRow("empty") << QByteArray() << 0600 << QStringLiteral("32 raw bytes");
}

void tst_ContentStore::keyFileIsRefused()
{
    QFETCH(QByteArray, content);
    QFETCH(int, mode);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("k"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();
    QFile::Permissions p;
    if (mode & 0400) p |= QFile::ReadOwner;
    if (mode & 0200) p |= QFile::WriteOwner;
    if (mode & 0040) p |= QFile::ReadGroup;
    if (mode & 0004) p |= QFile::ReadOther;
    QVERIFY(QFile::setPermissions(path, p));
    auto cipher = ContentCipher::fromKeyFile(path);
    QVERIFY(!cipher.ok());
    QVERIFY2(cipher.error().message.contains(expected), qPrintable(cipher.error().message));
    // The message never echoes key material.
    if (!content.isEmpty() && content.at(0) == 'a')
        QVERIFY(!cipher.error().message.contains(QLatin1String("aaaaaaaa")));
    QVERIFY(!ContentCipher::fromKeyFile(dir.filePath(QStringLiteral("missing"))).ok());
}

void tst_ContentStore::keygenNeverOverwrites()
{
    QTemporaryDir dir;
    const QString path = makeKey(dir);
    QVERIFY(!path.isEmpty());
    QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFile::Permissions());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray before = f.readAll();
    QCOMPARE(before.trimmed().size(), 64);
    QVERIFY(!ContentCipher::generateKeyFile(path).ok());
    f.close();
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
    QVERIFY(ContentCipher::fromKeyFile(path).ok());
}

void tst_ContentStore::storeRoundTrip()
{
    QTemporaryDir dir;
    const QString key = makeKey(dir);
    {
        auto store = ContentStore::open(dir.filePath(QStringLiteral("data")), settingsFor(key));
        QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(store.error().message));
        QVERIFY(store.value()->append(onprem(QStringLiteral("r1"))));
        QVERIFY(store.value()->flush().ok());
    }
    auto read = ContentStore::read(dir.filePath(QStringLiteral("data")), key, QStringLiteral("r1"));
    QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().message));
    QCOMPARE(read.value().request, kSecretRequest);
    QCOMPARE(read.value().response, kSecretResponse);
    QCOMPARE(read.value().tier, QStringLiteral("onprem"));
    QVERIFY(!read.value().requestTruncated);
    auto missing = ContentStore::read(dir.filePath(QStringLiteral("data")), key, QStringLiteral("nope"));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, QStringLiteral("content_not_found"));
}

void tst_ContentStore::fileHoldsNoPlaintext()
{
    QTemporaryDir dir;
    const QString key = makeKey(dir);
    const QString data = dir.filePath(QStringLiteral("data"));
    auto store = ContentStore::open(data, settingsFor(key));
    QVERIFY(store.ok());
    for (int i = 0; i < 20; ++i)
        QVERIFY(store.value()->append(onprem(QStringLiteral("r%1").arg(i))));
    QVERIFY(store.value()->flush().ok());
    // Database, WAL and shared memory: no distinctive payload fragment anywhere.
    const QByteArray all = allBytesUnder(data);
    QVERIFY(all.size() > 0);
    for (const QByteArray &needle : {QByteArray("4111111111111111"), QByteArray("Zebulon"), QByteArray("Quirkfeather"),
                                     QByteArray("NIGHTJAR"), QByteArray("quarterly plan"), QByteArray("\"messages\"")})
        QVERIFY2(!all.contains(needle), needle.constData());
    QCOMPARE(QFile::permissions(store.value()->databasePath()) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
}

void tst_ContentStore::tamperedCiphertextFails()
{
    QTemporaryDir dir;
    const QString key = makeKey(dir);
    const QString data = dir.filePath(QStringLiteral("data"));
    QString path;
    {
        auto store = ContentStore::open(data, settingsFor(key));
        QVERIFY(store.ok());
        path = store.value()->databasePath();
        QVERIFY(store.value()->append(onprem(QStringLiteral("r1"))));
        QVERIFY(store.value()->flush().ok());
    }
    QByteArray sealed = sealedResponse(path, QStringLiteral("r1"));
    QVERIFY(sealed.size() > 30);
    sealed[20] = char(sealed.at(20) ^ 0x40);
    QVERIFY(execRaw(path, QStringLiteral("UPDATE content_records SET response_sealed = ? WHERE request_id = 'r1'"), {sealed}));
    auto read = ContentStore::read(data, key, QStringLiteral("r1"));
    QVERIFY(!read.ok());
    QCOMPARE(read.error().code, QStringLiteral("content_auth_failed"));
}

void tst_ContentStore::swappedRowsFail()
{
    QTemporaryDir dir;
    const QString key = makeKey(dir);
    const QString data = dir.filePath(QStringLiteral("data"));
    QString path;
    {
        auto store = ContentStore::open(data, settingsFor(key));
        path = store.value()->databasePath();
        QVERIFY(store.value()->append(onprem(QStringLiteral("a"))));
        QVERIFY(store.value()->append(onprem(QStringLiteral("b"), "other request", "other response")));
        QVERIFY(store.value()->flush().ok());
    }
    // Another request's sealed content moved under this id: the request id is authenticated.
    const QByteArray fromB = sealedResponse(path, QStringLiteral("b"));
    QVERIFY(execRaw(path, QStringLiteral("UPDATE content_records SET response_sealed = ? WHERE request_id = 'a'"), {fromB}));
    auto read = ContentStore::read(data, key, QStringLiteral("a"));
    QVERIFY(!read.ok());
    QCOMPARE(read.error().code, QStringLiteral("content_auth_failed"));
}

void tst_ContentStore::wrongKeyFails()
{
    QTemporaryDir dir;
    const QString key = makeKey(dir);
    const QString other = makeKey(dir, "other.key");
    const QString data = dir.filePath(QStringLiteral("data"));
    {
        auto store = ContentStore::open(data, settingsFor(key));
        QVERIFY(store.value()->append(onprem(QStringLiteral("r1"))));
        QVERIFY(store.value()->flush().ok());
    }
    auto read = ContentStore::read(data, other, QStringLiteral("r1"));
    QVERIFY(!read.ok());
    QCOMPARE(read.error().code, QStringLiteral("content_auth_failed"));
    QVERIFY(!read.error().message.contains(QLatin1String("Zebulon")));
}

void tst_ContentStore::cloudRecordsAreRefused()
{
    QTemporaryDir dir;
    const QString key = makeKey(dir);
    const QString data = dir.filePath(QStringLiteral("data"));
    {
        auto store = ContentStore::open(data, settingsFor(key));
        ContentRecord cloud = onprem(QStringLiteral("c1"));
        cloud.tier = QStringLiteral("cloud");
        QVERIFY(!store.value()->append(cloud));
        ContentRecord none = onprem(QStringLiteral("n1"));
        none.tier.clear();
        QVERIFY(!store.value()->append(none));
        QVERIFY(store.value()->flush().ok());
    }
    QCOMPARE(ContentStore::read(data, key, QStringLiteral("c1")).error().code, QStringLiteral("content_not_found"));
    QCOMPARE(ContentStore::read(data, key, QStringLiteral("n1")).error().code, QStringLiteral("content_not_found"));
}

void tst_ContentStore::contentIsCappedAndMarked()
{
    QTemporaryDir dir;
    const QString key = makeKey(dir);
    const QString data = dir.filePath(QStringLiteral("data"));
    {
        ContentStoreSettings s = settingsFor(key);
        s.maxBytes = 1024;
        auto store = ContentStore::open(data, s);
        QVERIFY(store.value()->append(onprem(QStringLiteral("big"), QByteArray(5000, 'q'), QByteArray(100, 'r'))));
        ContentRecord cut = onprem(QStringLiteral("cut"), "small", QByteArray(10, 's'));
        cut.responseTruncated = true; // the gateway's capture stopped at the cap
        QVERIFY(store.value()->append(cut));
        QVERIFY(store.value()->flush().ok());
    }
    auto big = ContentStore::read(data, key, QStringLiteral("big"));
    QVERIFY(big.ok());
    QCOMPARE(big.value().request, QByteArray(1024, 'q'));
    QVERIFY(big.value().requestTruncated);
    QVERIFY(!big.value().responseTruncated);
    auto cut = ContentStore::read(data, key, QStringLiteral("cut"));
    QVERIFY(cut.value().responseTruncated);
    QVERIFY(!cut.value().requestTruncated);
}

void tst_ContentStore::streamTextConcatenatesDeltas_data()
{
    QTest::addColumn<QByteArray>("sse");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("chat deltas") << QByteArray("data: {\"choices\":[{\"delta\":{\"role\":\"assistant\"}}]}\n\n"
                                               "data: {\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}\n\n"
                                               "data: {\"choices\":[{\"delta\":{\"content\":\"lo\"}}]}\n\n"
                                               "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":3}}\n\n"
                                               "data: [DONE]\n\n")
                                 << QByteArray("Hello");
    QTest::newRow("completions text, CRLF") << QByteArray("data: {\"choices\":[{\"text\":\"a\"}]}\r\n\r\ndata: {\"choices\":[{\"text\":\"b\"}]}\r\n\r\n")
                                            << QByteArray("ab");
    QTest::newRow("malformed skipped") << QByteArray("data: {oops\n\ndata: {\"choices\":[{\"delta\":{\"content\":\"x\"}}]}\n\n: comment\n\n")
                                       << QByteArray("x");
    QTest::newRow("unicode") << QByteArray("data: {\"choices\":[{\"delta\":{\"content\":\"\\u00e9t\\u00e9\"}}]}\n\n")
                             << QByteArray("\xc3\xa9t\xc3\xa9");
}

void tst_ContentStore::streamTextConcatenatesDeltas()
{
    QFETCH(QByteArray, sse);
    QFETCH(QByteArray, expected);
    QCOMPARE(ContentStore::streamText(sse), expected);
}

void tst_ContentStore::retentionDeletesOldRecords()
{
    QTemporaryDir dir;
    const QString key = makeKey(dir);
    const QString data = dir.filePath(QStringLiteral("data"));
    auto store = ContentStore::open(data, settingsFor(key));
    ContentRecord old = onprem(QStringLiteral("old"));
    old.ts = QDateTime::currentDateTimeUtc().addDays(-40);
    QVERIFY(store.value()->append(old));
    QVERIFY(store.value()->append(onprem(QStringLiteral("new"))));
    QVERIFY(store.value()->flush().ok());
    auto purged = store.value()->purgeOlderThan(QDateTime::currentDateTimeUtc().addDays(-30));
    QVERIFY(purged.ok());
    QCOMPARE(purged.value(), qint64(1));
    QVERIFY(!ContentStore::read(data, key, QStringLiteral("old")).ok());
    QVERIFY(ContentStore::read(data, key, QStringLiteral("new")).ok());
    store.value().reset();
    // The writer applies retention by itself when it starts.
    QVERIFY(execRaw(QDir(data).filePath(QStringLiteral("content.db")),
                    QStringLiteral("UPDATE content_records SET ts_ms = ? WHERE request_id = 'new'"),
                    {QDateTime::currentDateTimeUtc().addDays(-31).toMSecsSinceEpoch()}));
    auto reopened = ContentStore::open(data, settingsFor(key));
    QVERIFY(reopened.ok());
    QTRY_VERIFY_WITH_TIMEOUT(!ContentStore::read(data, key, QStringLiteral("new")).ok(), 5000);
}

void tst_ContentStore::openRefusesBadKey()
{
    QTemporaryDir dir;
    ContentStoreSettings s = settingsFor(dir.filePath(QStringLiteral("absent.key")));
    auto store = ContentStore::open(dir.filePath(QStringLiteral("data")), s);
    QVERIFY(!store.ok());
    QVERIFY(store.error().message.contains(QLatin1String("keygen")));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("data/content.db"))));
}

QTEST_GUILESS_MAIN(tst_ContentStore)
#include "tst_contentstore.moc"
