// SPDX-License-Identifier: Apache-2.0
// The optional content store end to end: a real perimeterd with content_store enabled between
// an on-prem and a cloud perimeter-sim. On-prem content (plain and streamed) comes back with
// `perimeterctl content show`; cloud content is never stored; no payload byte is in the clear
// anywhere under data_dir; a wrong key cannot read it.
#include "HttpTestClient.h"
#include "ManagedProcess.h"
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace perimeter::test;

namespace {
const QByteArray kCallerKey = QByteArrayLiteral("pk-content-caller-2c7e9a41f0d3b658");
// Distinctive markers: on-prem ones must come back decrypted, none may be on disk in clear.
const QByteArray kOnpremPlain = QByteArrayLiteral("Quillon-Marrowgate onprem plain 4111111111111111");
const QByteArray kOnpremStream = QByteArrayLiteral("Vexmoor-Tallowfen onprem stream 5500000000000004");
const QByteArray kCloudText = QByteArrayLiteral("Brindlecombe-Oakhurst public cloud question");

QByteArray chatBody(const QString &model, const QByteArray &content, bool stream)
{
    QJsonObject body{{QStringLiteral("model"), model},
                     {QStringLiteral("messages"), QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                                                         {QStringLiteral("content"), QString::fromUtf8(content)}}}}};
    if (stream)
        body.insert(QStringLiteral("stream"), true);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

struct CtlResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

CtlResult ctl(const QStringList &args)
{
    QProcess p;
    p.start(ManagedProcess::binary(QStringLiteral("perimeterctl")), args);
    CtlResult r;
    if (!p.waitForFinished(20000))
        return r;
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// The text a client reads from an OpenAI stream: the deltas, concatenated.
QByteArray deltas(const QByteArray &sse)
{
    QByteArray text;
    for (const QByteArray &line : sse.split('\n')) {
        if (!line.startsWith("data: ") || line.startsWith("data: [DONE]"))
            continue;
        const QJsonArray choices = QJsonDocument::fromJson(line.mid(6)).object().value(QStringLiteral("choices")).toArray();
        if (!choices.isEmpty())
            text += choices.first().toObject().value(QStringLiteral("delta")).toObject().value(QStringLiteral("content")).toString().toUtf8();
    }
    return text;
}
} // namespace

class ContentE2ETest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void onpremContentIsStoredAndCloudIsNot();

private:
    HttpTestResponse post(const QByteArray &body);

    QTemporaryDir m_dir;
    ManagedProcess m_onprem;
    ManagedProcess m_cloud;
    ManagedProcess m_gateway;
    QString m_configPath;
    QString m_keyPath;
};

void ContentE2ETest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_keyPath = m_dir.filePath(QStringLiteral("content.key"));
    const CtlResult keygen = ctl({QStringLiteral("content"), QStringLiteral("keygen"), m_keyPath});
    QVERIFY2(keygen.exitCode == 0, keygen.err.constData());
    QVERIFY(m_onprem.start(QStringLiteral("perimeter-sim"), {QStringLiteral("--name"), QStringLiteral("onprem"), QStringLiteral("--port"),
                                                             QStringLiteral("0"), QStringLiteral("--models"), QStringLiteral("local")}));
    QVERIFY(m_cloud.start(QStringLiteral("perimeter-sim"), {QStringLiteral("--name"), QStringLiteral("cloud"), QStringLiteral("--port"),
                                                            QStringLiteral("0"), QStringLiteral("--models"), QStringLiteral("shared")}));
    const QString hash = QString::fromLatin1(QCryptographicHash::hash(kCallerKey, QCryptographicHash::Sha256).toHex());
    const QJsonObject config{
        {QStringLiteral("listen"), QJsonObject{{QStringLiteral("host"), QStringLiteral("127.0.0.1")}, {QStringLiteral("port"), 0}}},
        {QStringLiteral("data_dir"), QStringLiteral("var")},
        {QStringLiteral("callers"), QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("dana")}, {QStringLiteral("team"), QStringLiteral("risk")},
                                                           {QStringLiteral("api_key_sha256"), hash}}}},
        {QStringLiteral("endpoints"),
         QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("gpu")}, {QStringLiteral("tier"), QStringLiteral("onprem")},
                                {QStringLiteral("url"), m_onprem.url() + QStringLiteral("/v1")}},
                    QJsonObject{{QStringLiteral("id"), QStringLiteral("saas")}, {QStringLiteral("tier"), QStringLiteral("cloud")},
                                {QStringLiteral("url"), m_cloud.url() + QStringLiteral("/v1")}}}},
        {QStringLiteral("models"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("shared")}, {QStringLiteral("kind"), QStringLiteral("chat")},
                                {QStringLiteral("endpoints"), QJsonArray{QStringLiteral("saas")}}},
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("local")}, {QStringLiteral("kind"), QStringLiteral("chat")},
                                {QStringLiteral("endpoints"), QJsonArray{QStringLiteral("gpu")}}}}},
        {QStringLiteral("content_store"), QJsonObject{{QStringLiteral("enabled"), true}, {QStringLiteral("key_file"), QStringLiteral("content.key")},
                                                      {QStringLiteral("retention_days"), 30}}},
    };
    m_configPath = m_dir.filePath(QStringLiteral("perimeter.json"));
    QFile file(m_configPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(config).toJson());
    file.close();
    QVERIFY2(m_gateway.start(QStringLiteral("perimeterd"), {QStringLiteral("--config"), m_configPath}), qPrintable(m_gateway.errorOutput()));
}

void ContentE2ETest::cleanupTestCase()
{
    if (m_gateway.isRunning())
        m_gateway.terminate();
    m_onprem.terminate();
    m_cloud.terminate();
}

HttpTestResponse ContentE2ETest::post(const QByteArray &body)
{
    return HttpTestClient::request("POST", QUrl(m_gateway.url() + QStringLiteral("/v1/chat/completions")), body,
                                   {{"authorization", "Bearer " + kCallerKey}}, 20000);
}

void ContentE2ETest::onpremContentIsStoredAndCloudIsNot()
{
    const QByteArray plainBody = chatBody(QStringLiteral("local"), kOnpremPlain, false);
    const auto plain = post(plainBody);
    QCOMPARE(plain.status, 200);
    QCOMPARE(plain.header("x-perimeter-tier"), QByteArray("onprem"));
    const auto stream = post(chatBody(QStringLiteral("local"), kOnpremStream, true));
    QCOMPARE(stream.status, 200);
    const auto cloud = post(chatBody(QStringLiteral("shared"), kCloudText, false));
    QCOMPARE(cloud.status, 200);
    QCOMPARE(cloud.header("x-perimeter-tier"), QByteArray("cloud"));
    const QString plainId = QString::fromLatin1(plain.header("x-perimeter-request-id"));
    const QString streamId = QString::fromLatin1(stream.header("x-perimeter-request-id"));
    const QString cloudId = QString::fromLatin1(cloud.header("x-perimeter-request-id"));

    // Stopping drains the content writer.
    QCOMPARE(m_gateway.terminate(), 0);

    auto show = [&](const QString &id, const QStringList &extra = {}) {
        return ctl(QStringList{QStringLiteral("--config"), m_configPath, QStringLiteral("content"), QStringLiteral("show"), id,
                               QStringLiteral("--format"), QStringLiteral("json")} + extra);
    };
    const CtlResult shownPlain = show(plainId);
    QVERIFY2(shownPlain.exitCode == 0, shownPlain.err.constData());
    const QJsonObject p = QJsonDocument::fromJson(shownPlain.out).array().first().toObject();
    QCOMPARE(p.value(QStringLiteral("request")).toString().toUtf8(), plainBody);
    QCOMPARE(p.value(QStringLiteral("response")).toString().toUtf8(), plain.body);
    QCOMPARE(p.value(QStringLiteral("tier")).toString(), QStringLiteral("onprem"));

    const CtlResult shownStream = show(streamId);
    QVERIFY2(shownStream.exitCode == 0, shownStream.err.constData());
    const QJsonObject s = QJsonDocument::fromJson(shownStream.out).array().first().toObject();
    QVERIFY(s.value(QStringLiteral("request")).toString().toUtf8().contains(kOnpremStream));
    QVERIFY(s.value(QStringLiteral("streamed")).toBool());
    QVERIFY(!deltas(stream.body).isEmpty());
    QCOMPARE(s.value(QStringLiteral("response")).toString().toUtf8(), deltas(stream.body));

    // Cloud content was never stored.
    const CtlResult shownCloud = show(cloudId);
    QCOMPARE(shownCloud.exitCode, 1);
    QVERIFY(shownCloud.err.contains("no stored content"));

    // Another key cannot read it, and says so without content.
    const QString otherKey = m_dir.filePath(QStringLiteral("other.key"));
    QCOMPARE(ctl({QStringLiteral("content"), QStringLiteral("keygen"), otherKey}).exitCode, 0);
    const CtlResult wrongKey = show(plainId, {QStringLiteral("--key-file"), otherKey});
    QCOMPARE(wrongKey.exitCode, 1);
    QVERIFY(wrongKey.err.contains("does not authenticate"));
    QVERIFY(!wrongKey.err.contains("Quillon") && !wrongKey.out.contains("Quillon"));

    // Nothing under data_dir holds a payload byte in the clear (audit trail included).
    int files = 0;
    QDirIterator it(m_dir.filePath(QStringLiteral("var")), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        ++files;
        for (const QByteArray &needle : {QByteArray("Quillon"), QByteArray("Marrowgate"), QByteArray("Vexmoor"), QByteArray("Tallowfen"),
                                         QByteArray("Brindlecombe"), QByteArray("4111111111111111"), QByteArray("5500000000000004")})
            QVERIFY2(!bytes.contains(needle), qPrintable(f.fileName() + QStringLiteral(": ") + QString::fromLatin1(needle)));
    }
    QVERIFY(files >= 2);
    QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("var/content.db"))));
}

QTEST_GUILESS_MAIN(ContentE2ETest)
#include "tst_content_e2e.moc"
