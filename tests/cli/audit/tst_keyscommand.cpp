// SPDX-License-Identifier: Apache-2.0
#include "auth/ApiKeyCrypto.h"
#include "auth/ApiKeyStore.h"
#include "cli/KeysCommand.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace perimeter;
using namespace perimeter::auth;
using perimeter::cli::KeysCommand;

namespace {

struct Run {
    int rc = -1;
    QString out;
    QString err;
};

Run runKeys(ApiKeyStore &store, const QStringList &args)
{
    Run r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    r.rc = KeysCommand::run(store, args, out, err);
    out.flush();
    err.flush();
    return r;
}

const QRegularExpression kKeyPattern(QStringLiteral("pk-[A-Za-z0-9_-]{43}"));

} // namespace

class tst_KeysCommand : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void createPrintsKeyOnceWithWarning();
    void createJson();
    void createWithExpiryAndComment();
    void listFormats_data();
    void listFormats();
    void listNeverShowsKeyMaterial();
    void listShowsStatus();
    void revoke();
    void badUsage_data();
    void badUsage();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ApiKeyStore> m_store;
};

void tst_KeysCommand::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto store = ApiKeyStore::open(m_dir->path());
    QVERIFY(store.ok());
    m_store = std::move(store).value();
}

void tst_KeysCommand::createPrintsKeyOnceWithWarning()
{
    const Run r = runKeys(*m_store, {QStringLiteral("create"), QStringLiteral("--caller"), QStringLiteral("alice"),
                                     QStringLiteral("--team"), QStringLiteral("risk")});
    QCOMPARE(r.rc, 0);
    const auto match = kKeyPattern.match(r.out);
    QVERIFY(match.hasMatch());
    QCOMPARE(r.out.count(QStringLiteral("pk-")), 1);
    QVERIFY(r.out.contains(QStringLiteral("caller:   alice")));
    QVERIFY(r.out.contains(QStringLiteral("expires:  never")));
    QVERIFY(r.err.contains(QStringLiteral("shown only once")));
    QVERIFY(!r.err.contains(match.captured()));

    auto active = m_store->loadActive();
    QVERIFY(active.ok());
    QCOMPARE(active.value().size(), 1);
    QCOMPARE(active.value().first().sha256, ApiKeyCrypto::sha256(match.captured().toLatin1()));
    QVERIFY(r.out.contains(active.value().first().keyId));
}

void tst_KeysCommand::createJson()
{
    const Run r = runKeys(*m_store, {QStringLiteral("create"), QStringLiteral("--caller=bob"), QStringLiteral("--format=json")});
    QCOMPARE(r.rc, 0);
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8());
    QVERIFY(doc.isObject());
    const QJsonObject o = doc.object();
    QVERIFY(kKeyPattern.match(o.value(QStringLiteral("key")).toString()).hasMatch());
    QCOMPARE(o.value(QStringLiteral("caller")).toString(), QStringLiteral("bob"));
    QVERIFY(o.value(QStringLiteral("team")).isNull());
    QVERIFY(o.value(QStringLiteral("expires")).isNull());
    QVERIFY(!o.value(QStringLiteral("key_id")).toString().isEmpty());
    QVERIFY(r.err.contains(QStringLiteral("shown only once")));
}

void tst_KeysCommand::createWithExpiryAndComment()
{
    const QString tomorrow = QDateTime::currentDateTimeUtc().addDays(1).date().toString(Qt::ISODate);
    const Run r = runKeys(*m_store, {QStringLiteral("create"), QStringLiteral("--caller"), QStringLiteral("carol"),
                                     QStringLiteral("--expires"), tomorrow, QStringLiteral("--comment"),
                                     QStringLiteral("nightly batch")});
    QCOMPARE(r.rc, 0);
    auto keys = m_store->list();
    QVERIFY(keys.ok());
    QCOMPARE(keys.value().size(), 1);
    // A bare date is valid through that whole UTC day.
    QCOMPARE(keys.value().first().expires,
             QDateTime(QDate::fromString(tomorrow, Qt::ISODate).addDays(1), QTime(0, 0), Qt::UTC));
    QCOMPARE(keys.value().first().comment, QStringLiteral("nightly batch"));

    const QString in1h = QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODate);
    QCOMPARE(runKeys(*m_store, {QStringLiteral("create"), QStringLiteral("--caller"), QStringLiteral("dave"),
                                QStringLiteral("--expires"), in1h}).rc, 0);
}

void tst_KeysCommand::listFormats_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("table") << QStringLiteral("table");
    QTest::newRow("json") << QStringLiteral("json");
    QTest::newRow("jsonl") << QStringLiteral("jsonl");
}

void tst_KeysCommand::listFormats()
{
    QFETCH(QString, format);
    QVERIFY(m_store->create(QStringLiteral("alice"), QStringLiteral("risk")).ok());
    QVERIFY(m_store->create(QStringLiteral("bob"), QString(), std::nullopt, QStringLiteral("ci")).ok());
    const Run r = runKeys(*m_store, {QStringLiteral("list"), QStringLiteral("--format"), format});
    QCOMPARE(r.rc, 0);
    QVERIFY(r.err.isEmpty());
    const QStringList columns{QStringLiteral("key_id"), QStringLiteral("caller"), QStringLiteral("team"),
                              QStringLiteral("created"), QStringLiteral("expires"), QStringLiteral("revoked"),
                              QStringLiteral("status"), QStringLiteral("comment")};
    QList<QJsonObject> rows;
    if (format == QLatin1String("table")) {
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        for (const QString &c : columns)
            QVERIFY(lines.first().contains(c.toUpper()));
        QVERIFY(lines.at(1).contains(QStringLiteral("alice")));
        QVERIFY(lines.at(2).contains(QStringLiteral("bob")));
        QVERIFY(lines.at(2).endsWith(QStringLiteral("ci")));
        return;
    }
    if (format == QLatin1String("json")) {
        for (const QJsonValue &v : QJsonDocument::fromJson(r.out.toUtf8()).array())
            rows << v.toObject();
    } else {
        for (const QString &line : r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            rows << QJsonDocument::fromJson(line.toUtf8()).object();
    }
    QCOMPARE(rows.size(), 2);
    QStringList sorted = columns;
    sorted.sort();
    QCOMPARE(rows.first().keys(), sorted);
    QCOMPARE(rows.first().value(QStringLiteral("caller")).toString(), QStringLiteral("alice"));
    QCOMPARE(rows.first().value(QStringLiteral("status")).toString(), QStringLiteral("active"));
    QVERIFY(rows.first().value(QStringLiteral("revoked")).isNull());
    QCOMPARE(rows.last().value(QStringLiteral("comment")).toString(), QStringLiteral("ci"));
}

void tst_KeysCommand::listNeverShowsKeyMaterial()
{
    auto created = m_store->create(QStringLiteral("alice"), QString());
    QVERIFY(created.ok());
    const QString key = created.value().plaintextKey;
    const QString hashHex = QString::fromLatin1(ApiKeyCrypto::sha256(key.toLatin1()).toHex());
    for (const char *format : {"table", "json", "jsonl"}) {
        const Run r = runKeys(*m_store, {QStringLiteral("list"), QStringLiteral("--format"), QLatin1String(format)});
        QCOMPARE(r.rc, 0);
        QVERIFY(!r.out.contains(key.mid(3, 12)));
        QVERIFY(!r.out.contains(hashHex.left(12)));
        QVERIFY(!kKeyPattern.match(r.out).hasMatch());
    }
}

void tst_KeysCommand::listShowsStatus()
{
    // A store whose clock says 2020, so a key expiring in 2021 is expired by now.
    auto past = ApiKeyStore::open(m_dir->path(), [] { return QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC); });
    QVERIFY(past.ok());
    QVERIFY(past.value()->create(QStringLiteral("old"), QString(), QDateTime(QDate(2021, 1, 1), QTime(0, 0), Qt::UTC)).ok());
    auto revoked = m_store->create(QStringLiteral("gone"), QString());
    QVERIFY(revoked.ok());
    QVERIFY(m_store->revoke(revoked.value().info.keyId).ok());
    QVERIFY(m_store->create(QStringLiteral("live"), QString()).ok());

    const Run r = runKeys(*m_store, {QStringLiteral("list"), QStringLiteral("--format=jsonl")});
    QCOMPARE(r.rc, 0);
    QMap<QString, QString> status;
    for (const QString &line : r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
        status.insert(o.value(QStringLiteral("caller")).toString(), o.value(QStringLiteral("status")).toString());
        if (o.value(QStringLiteral("caller")).toString() == QLatin1String("gone"))
            QVERIFY(o.value(QStringLiteral("revoked")).isString());
    }
    QCOMPARE(status.value(QStringLiteral("old")), QStringLiteral("expired"));
    QCOMPARE(status.value(QStringLiteral("gone")), QStringLiteral("revoked"));
    QCOMPARE(status.value(QStringLiteral("live")), QStringLiteral("active"));
}

void tst_KeysCommand::revoke()
{
    auto created = m_store->create(QStringLiteral("alice"), QString());
    QVERIFY(created.ok());
    const QString id = created.value().info.keyId;
    Run r = runKeys(*m_store, {QStringLiteral("revoke"), id});
    QCOMPARE(r.rc, 0);
    QVERIFY(r.out.contains(QStringLiteral("revoked key ") + id));
    QVERIFY(m_store->loadActive().value().isEmpty());

    r = runKeys(*m_store, {QStringLiteral("revoke"), id});
    QCOMPARE(r.rc, 0);
    QVERIFY(r.out.contains(QStringLiteral("already revoked")));

    r = runKeys(*m_store, {QStringLiteral("revoke"), QStringLiteral("ffffffffffff")});
    QCOMPARE(r.rc, 2);
    QVERIFY(r.err.contains(QStringLiteral("no key with id")));
}

void tst_KeysCommand::badUsage_data()
{
    QTest::addColumn<QStringList>("args");
    const auto s = [](const char *text) { return QString::fromLatin1(text); };
    QTest::newRow("no subcommand") << QStringList{};
    QTest::newRow("unknown subcommand") << QStringList{s("rotate")};
    QTest::newRow("create without caller") << QStringList{s("create")};
    QTest::newRow("create with empty caller") << QStringList{s("create"), s("--caller"), QString()};
    QTest::newRow("create unknown option") << QStringList{s("create"), s("--caller"), s("a"), s("--admin")};
    QTest::newRow("create expiry in the past") << QStringList{s("create"), s("--caller"), s("a"), s("--expires"), s("2020-01-01")};
    QTest::newRow("create bad expiry") << QStringList{s("create"), s("--caller"), s("a"), s("--expires"), s("soon")};
    QTest::newRow("create positional") << QStringList{s("create"), s("--caller"), s("a"), s("extra")};
    QTest::newRow("create control character") << QStringList{s("create"), s("--caller"), s("a\nb")};
    QTest::newRow("list bad format") << QStringList{s("list"), s("--format"), s("yaml")};
    QTest::newRow("list positional") << QStringList{s("list"), s("all")};
    QTest::newRow("revoke without id") << QStringList{s("revoke")};
    QTest::newRow("revoke two ids") << QStringList{s("revoke"), s("a"), s("b")};
    QTest::newRow("revoke option") << QStringList{s("revoke"), s("--all")};
}

void tst_KeysCommand::badUsage()
{
    QFETCH(QStringList, args);
    const Run r = runKeys(*m_store, args);
    QCOMPARE(r.rc, 2);
    QVERIFY(!r.err.isEmpty());
    QVERIFY(!kKeyPattern.match(r.out).hasMatch());
    QVERIFY(m_store->list().value().isEmpty());
}

QTEST_GUILESS_MAIN(tst_KeysCommand)
#include "tst_keyscommand.moc"
