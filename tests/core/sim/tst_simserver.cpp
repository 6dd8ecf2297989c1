// SPDX-License-Identifier: Apache-2.0
#include "http/HttpServer.h"
#include "sim/SimServer.h"
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <memory>

using namespace perimeter::sim;
using namespace Qt::StringLiterals;

namespace {

struct Reply {
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QByteArray simHeader;
    QByteArray contentType;
    qint64 elapsedMs = 0;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// Splits an SSE body into the JSON payloads of its "data:" events; [DONE] is returned as is.
QList<QByteArray> sseData(const QByteArray &body)
{
    QList<QByteArray> out;
    for (const QByteArray &event : body.split('\n')) {
        if (event.startsWith("data: "))
            out.append(event.mid(6));
    }
    return out;
}

// A raw streaming client: one request, everything received, whether the server closed.
class RawClient : public QObject {
public:
    RawClient(quint16 port, const QByteArray &request)
    {
        connect(&socket, &QTcpSocket::connected, this, [this, request] { socket.write(request); });
        connect(&socket, &QTcpSocket::readyRead, this, [this] {
            received += socket.readAll();
            ++reads;
        });
        connect(&socket, &QTcpSocket::disconnected, this, [this] { closed = true; });
        socket.connectToHost(QHostAddress::LocalHost, port);
    }
    bool done() const { return received.contains("data: [DONE]\n\n") && received.endsWith("0\r\n\r\n"); }
    QTcpSocket socket;
    QByteArray received;
    int reads = 0;
    bool closed = false;
};

QByteArray rawPost(const QByteArray &path, const QByteArray &body)
{
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

} // namespace

class TestSimServer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void optionsFromArguments_data();
    void optionsFromArguments();
    void modelsList();
    void chatCompletion();
    void chatMaxTokens();
    void chatStreamChunkByChunk();
    void completions();
    void completionsStream();
    void embeddings();
    void errors_data();
    void errors();
    void apiKey();
    void fail5xx();
    void failRateZeroNeverFails();
    void failReset();
    void failHang();
    void latency();
    void receivedLogAndReset();
    void recordFile();
    void configLive();
    void configRejectsBadValues();
    void stats();
    void receivedLogIsBounded();
    void manyConcurrentStreams();

private:
    void start(SimOptions options = {});
    Reply call(const QByteArray &method, const QString &path, const QByteArray &body = {},
               const QList<QPair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 5000);

    std::unique_ptr<SimServer> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_nam;
};

void TestSimServer::init()
{
    m_nam = std::make_unique<QNetworkAccessManager>();
}

void TestSimServer::cleanup()
{
    m_nam.reset();
    m_sim.reset();
}

void TestSimServer::start(SimOptions options)
{
    if (options.name == QLatin1String("sim"))
        options.name = QStringLiteral("test-sim");
    m_sim = std::make_unique<SimServer>(options);
    const auto started = m_sim->start();
    QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
    QVERIFY(m_sim->port() != 0);
}

Reply TestSimServer::call(const QByteArray &method, const QString &path, const QByteArray &body,
                          const QList<QPair<QByteArray, QByteArray>> &headers, int timeoutMs)
{
    QNetworkRequest req(QUrl(m_sim->url() + path));
    if (!body.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &h : headers)
        req.setRawHeader(h.first, h.second);
    req.setTransferTimeout(timeoutMs);
    QElapsedTimer t;
    t.start();
    QNetworkReply *r = m_nam->sendCustomRequest(req, method, body);
    Reply out;
    if (!QTest::qWaitFor([r] { return r->isFinished(); }, timeoutMs + 5000)) {
        r->abort();
        out.error = QNetworkReply::TimeoutError;
    } else {
        out.error = r->error();
    }
    out.elapsedMs = t.elapsed();
    out.status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (r->isOpen())
        out.body = r->readAll();
    out.simHeader = r->rawHeader("X-Perimeter-Sim");
    out.contentType = r->rawHeader("Content-Type");
    r->deleteLater();
    return out;
}

void TestSimServer::optionsFromArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("valid");
    QTest::newRow("defaults") << QStringList{} << true;
    QTest::newRow("everything") << QStringList{u"--host"_s, u"127.0.0.1"_s, u"--port"_s, u"0"_s, u"--name"_s, u"gpu-1"_s, u"--models"_s,
                                               u"a,b-embed"_s, u"--latency-ms"_s, u"5"_s, u"--tokens-per-second"_s, u"50"_s,
                                               u"--reply-tokens"_s, u"3"_s, u"--api-key"_s, u"k"_s, u"--fail"_s, u"hang"_s,
                                               u"--fail-rate"_s, u"0.5"_s, u"--record"_s, u"/tmp/x.jsonl"_s,
                                               u"--keep-received"_s, u"7"_s}
                                << true;
    QTest::newRow("bad-fail") << QStringList{u"--fail"_s, u"boom"_s} << false;
    QTest::newRow("bad-rate") << QStringList{u"--fail-rate"_s, u"2"_s} << false;
    QTest::newRow("bad-port") << QStringList{u"--port"_s, u"99999"_s} << false;
    QTest::newRow("bad-latency") << QStringList{u"--latency-ms"_s, u"-1"_s} << false;
    QTest::newRow("zero-reply-tokens") << QStringList{u"--reply-tokens"_s, u"0"_s} << false;
    QTest::newRow("no-models") << QStringList{u"--models"_s, u","_s} << false;
    QTest::newRow("bad-host") << QStringList{u"--host"_s, u"not an address"_s} << false;
    QTest::newRow("positional") << QStringList{u"stray"_s} << false;
}

void TestSimServer::optionsFromArguments()
{
    QFETCH(QStringList, args);
    QFETCH(bool, valid);
    QCommandLineParser parser;
    SimOptions::addToParser(parser);
    QVERIFY(parser.parse(QStringList{u"perimeter-sim"_s} + args));
    const auto options = SimOptions::fromParser(parser);
    QCOMPARE(options.ok(), valid);
    if (QByteArray(QTest::currentDataTag()) == "defaults") {
        const SimOptions &o = options.value();
        QCOMPARE(o.host, QStringLiteral("127.0.0.1"));
        QCOMPARE(o.port, quint16(0));
        QCOMPARE(o.name, QStringLiteral("sim"));
        QCOMPARE(o.models, (QStringList{u"sim-chat"_s, u"sim-embed"_s}));
        QCOMPARE(o.replyTokens, 8);
        QCOMPARE(o.fail, FailMode::None);
    } else if (QByteArray(QTest::currentDataTag()) == "everything") {
        const SimOptions &o = options.value();
        QCOMPARE(o.name, QStringLiteral("gpu-1"));
        QCOMPARE(o.models, (QStringList{u"a"_s, u"b-embed"_s}));
        QCOMPARE(o.latencyMs, 5);
        QCOMPARE(o.tokensPerSecond, 50);
        QCOMPARE(o.replyTokens, 3);
        QCOMPARE(o.apiKey, QStringLiteral("k"));
        QCOMPARE(o.fail, FailMode::Hang);
        QCOMPARE(o.failRate, 0.5);
        QCOMPARE(o.recordFile, QStringLiteral("/tmp/x.jsonl"));
        QCOMPARE(o.keepReceived, 7);
        QVERIFY(SimOptions::isEmbeddingModel(o.models.at(1)));
        QVERIFY(!SimOptions::isEmbeddingModel(o.models.at(0)));
    }
}

void TestSimServer::modelsList()
{
    SimOptions o;
    o.models = {QStringLiteral("llama-70b"), QStringLiteral("embed")};
    start(o);
    const Reply r = call("GET", QStringLiteral("/v1/models"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.simHeader, QByteArray("test-sim"));
    QCOMPARE(r.contentType, QByteArray("application/json"));
    const QJsonObject j = r.json();
    QCOMPARE(j.value(u"object").toString(), QStringLiteral("list"));
    const QJsonArray data = j.value(u"data").toArray();
    QCOMPARE(data.size(), 2);
    QCOMPARE(data.at(0).toObject().value(u"id").toString(), QStringLiteral("llama-70b"));
    QCOMPARE(data.at(0).toObject().value(u"object").toString(), QStringLiteral("model"));
    QCOMPARE(data.at(1).toObject().value(u"id").toString(), QStringLiteral("embed"));
}

void TestSimServer::chatCompletion()
{
    start();
    const Reply r = call("POST", QStringLiteral("/v1/chat/completions"),
                         R"({"model":"sim-chat","messages":[{"role":"user","content":"Hello there, how are you?"}]})");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.simHeader, QByteArray("test-sim"));
    const QJsonObject j = r.json();
    QCOMPARE(j.value(u"object").toString(), QStringLiteral("chat.completion"));
    QCOMPARE(j.value(u"model").toString(), QStringLiteral("sim-chat"));
    QCOMPARE(j.value(u"system_fingerprint").toString(), QStringLiteral("perimeter-sim"));
    QVERIFY(j.value(u"id").toString().startsWith(QStringLiteral("chatcmpl-")));
    const QJsonObject choice = j.value(u"choices").toArray().at(0).toObject();
    QCOMPARE(choice.value(u"finish_reason").toString(), QStringLiteral("stop"));
    QCOMPARE(choice.value(u"message").toObject().value(u"role").toString(), QStringLiteral("assistant"));
    QVERIFY(choice.value(u"message").toObject().value(u"content").toString().startsWith(QStringLiteral("[simulated test-sim]")));
    const QJsonObject usage = j.value(u"usage").toObject();
    QCOMPARE(usage.value(u"completion_tokens").toInt(), 8);
    QCOMPARE(usage.value(u"prompt_tokens").toInt(), 7); // 25 characters / 4, rounded up
    QCOMPARE(usage.value(u"total_tokens").toInt(), 15);
}

void TestSimServer::chatMaxTokens()
{
    start();
    const Reply r = call("POST", QStringLiteral("/v1/chat/completions"),
                         R"({"model":"sim-chat","max_tokens":2,"messages":[{"role":"user","content":[{"type":"text","text":"hi"}]}]})");
    QCOMPARE(r.status, 200);
    const QJsonObject j = r.json();
    QCOMPARE(j.value(u"usage").toObject().value(u"completion_tokens").toInt(), 2);
    QCOMPARE(j.value(u"choices").toArray().at(0).toObject().value(u"finish_reason").toString(), QStringLiteral("length"));
}

void TestSimServer::chatStreamChunkByChunk()
{
    SimOptions o;
    o.tokensPerSecond = 40; // 25 ms between tokens
    o.replyTokens = 6;
    start(o);
    QNetworkRequest req(QUrl(m_sim->url() + QStringLiteral("/v1/chat/completions")));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = m_nam->post(req, R"({"model":"sim-chat","stream":true,"messages":[{"role":"user","content":"hey"}]})");
    QByteArray body;
    QList<qint64> arrivals;
    QElapsedTimer t;
    t.start();
    connect(reply, &QNetworkReply::readyRead, this, [&] {
        const QByteArray part = reply->readAll();
        arrivals.append(t.elapsed());
        body += part;
    });
    QVERIFY(QTest::qWaitFor([&] { return reply->isFinished(); }, 10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(reply->rawHeader("Content-Type"), QByteArray("text/event-stream"));
    QCOMPARE(reply->rawHeader("X-Perimeter-Sim"), QByteArray("test-sim"));
    reply->deleteLater();

    const QList<QByteArray> events = sseData(body);
    QCOMPARE(events.size(), 6 + 2); // one per token, the final chunk, [DONE]
    QCOMPARE(events.last(), QByteArray("[DONE]"));
    QString content;
    for (int i = 0; i < 6; ++i) {
        const QJsonObject chunk = QJsonDocument::fromJson(events.at(i)).object();
        QCOMPARE(chunk.value(u"object").toString(), QStringLiteral("chat.completion.chunk"));
        QCOMPARE(chunk.value(u"system_fingerprint").toString(), QStringLiteral("perimeter-sim"));
        const QJsonObject choice = chunk.value(u"choices").toArray().at(0).toObject();
        QVERIFY(choice.value(u"finish_reason").isNull());
        if (i == 0)
            QCOMPARE(choice.value(u"delta").toObject().value(u"role").toString(), QStringLiteral("assistant"));
        content += choice.value(u"delta").toObject().value(u"content").toString();
    }
    QVERIFY(content.startsWith(QStringLiteral("[simulated test-sim]")));
    const QJsonObject final = QJsonDocument::fromJson(events.at(6)).object();
    QCOMPARE(final.value(u"choices").toArray().at(0).toObject().value(u"finish_reason").toString(), QStringLiteral("stop"));
    QCOMPARE(final.value(u"usage").toObject().value(u"completion_tokens").toInt(), 6);
    QCOMPARE(final.value(u"usage").toObject().value(u"total_tokens").toInt(), 7);
    // Paced, not sent at once: several separate arrivals spread over roughly 5 intervals.
    QVERIFY2(arrivals.size() >= 4, QByteArray::number(arrivals.size()).constData());
    QVERIFY2(arrivals.last() - arrivals.first() >= 90, QByteArray::number(arrivals.last() - arrivals.first()).constData());
}

void TestSimServer::completions()
{
    start();
    const Reply r = call("POST", QStringLiteral("/v1/completions"), R"({"model":"sim-chat","prompt":"Say something"})");
    QCOMPARE(r.status, 200);
    const QJsonObject j = r.json();
    QCOMPARE(j.value(u"object").toString(), QStringLiteral("text_completion"));
    const QJsonObject choice = j.value(u"choices").toArray().at(0).toObject();
    QVERIFY(choice.value(u"text").toString().startsWith(QStringLiteral("[simulated test-sim]")));
    QCOMPARE(j.value(u"usage").toObject().value(u"prompt_tokens").toInt(), 4);
}

void TestSimServer::completionsStream()
{
    start();
    const Reply r = call("POST", QStringLiteral("/v1/completions"), R"({"model":"sim-chat","prompt":"x","stream":true})");
    QCOMPARE(r.status, 200);
    const QList<QByteArray> events = sseData(r.body);
    QCOMPARE(events.size(), 8 + 2);
    QCOMPARE(events.last(), QByteArray("[DONE]"));
    const QJsonObject first = QJsonDocument::fromJson(events.first()).object();
    QCOMPARE(first.value(u"object").toString(), QStringLiteral("text_completion"));
    QVERIFY(first.value(u"choices").toArray().at(0).toObject().value(u"text").toString().startsWith(QStringLiteral("[simulated")));
    const QJsonObject final = QJsonDocument::fromJson(events.at(8)).object();
    QCOMPARE(final.value(u"usage").toObject().value(u"completion_tokens").toInt(), 8);
}

void TestSimServer::embeddings()
{
    start();
    const Reply a = call("POST", QStringLiteral("/v1/embeddings"), R"({"model":"sim-embed","input":["alpha","beta"]})");
    QCOMPARE(a.status, 200);
    const QJsonObject j = a.json();
    QCOMPARE(j.value(u"object").toString(), QStringLiteral("list"));
    const QJsonArray data = j.value(u"data").toArray();
    QCOMPARE(data.size(), 2);
    const QJsonArray v0 = data.at(0).toObject().value(u"embedding").toArray();
    const QJsonArray v1 = data.at(1).toObject().value(u"embedding").toArray();
    QCOMPARE(v0.size(), 8);
    QVERIFY(v0 != v1);
    QCOMPARE(data.at(1).toObject().value(u"index").toInt(), 1);
    // "alpha" is 2 tokens (5 characters / 4, rounded up), "beta" 1.
    QCOMPARE(j.value(u"usage").toObject().value(u"prompt_tokens").toInt(), 3);
    QCOMPARE(j.value(u"usage").toObject().value(u"total_tokens").toInt(), 3);
    // Deterministic: the same input gives the same vector.
    const Reply b = call("POST", QStringLiteral("/v1/embeddings"), R"({"model":"sim-embed","input":"alpha"})");
    QCOMPARE(b.json().value(u"data").toArray().at(0).toObject().value(u"embedding").toArray(), v0);
}

void TestSimServer::errors_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::newRow("unknown-model") << QByteArray("POST") << u"/v1/chat/completions"_s
                                   << QByteArray(R"({"model":"gpt-9","messages":[]})") << 404 << u"model_not_found"_s;
    QTest::newRow("bad-json") << QByteArray("POST") << u"/v1/chat/completions"_s << QByteArray("{not json") << 400
                              << u"invalid_request"_s;
    QTest::newRow("missing-model") << QByteArray("POST") << u"/v1/chat/completions"_s << QByteArray(R"({"messages":[]})")
                                   << 400 << u"invalid_request"_s;
    QTest::newRow("missing-messages") << QByteArray("POST") << u"/v1/chat/completions"_s
                                      << QByteArray(R"({"model":"sim-chat"})") << 400 << u"invalid_request"_s;
    QTest::newRow("embedding-model-on-chat") << QByteArray("POST") << u"/v1/chat/completions"_s
                                             << QByteArray(R"({"model":"sim-embed","messages":[]})") << 400
                                             << u"invalid_request"_s;
    QTest::newRow("chat-model-on-embeddings") << QByteArray("POST") << u"/v1/embeddings"_s
                                              << QByteArray(R"({"model":"sim-chat","input":"x"})") << 400
                                              << u"invalid_request"_s;
    QTest::newRow("missing-input") << QByteArray("POST") << u"/v1/embeddings"_s << QByteArray(R"({"model":"sim-embed"})")
                                   << 400 << u"invalid_request"_s;
    QTest::newRow("unknown-path") << QByteArray("GET") << u"/v2/things"_s << QByteArray() << 404 << u"not_found"_s;
    QTest::newRow("wrong-method") << QByteArray("GET") << u"/v1/chat/completions"_s << QByteArray() << 405
                                  << u"method_not_allowed"_s;
}

void TestSimServer::errors()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    start();
    const Reply r = call(method, path, body);
    QCOMPARE(r.status, status);
    QCOMPARE(r.simHeader, QByteArray("test-sim"));
    const QJsonObject error = r.json().value(u"error").toObject();
    QCOMPARE(error.value(u"code").toString(), code);
    QVERIFY(error.value(u"message").toString().startsWith(QStringLiteral("[simulated test-sim]")));
    QVERIFY(error.contains(u"type"));
    QVERIFY(error.value(u"param").isNull());
}

void TestSimServer::apiKey()
{
    SimOptions o;
    o.apiKey = QStringLiteral("secret-upstream-key");
    start(o);
    const QByteArray chat = R"({"model":"sim-chat","messages":[]})";
    const Reply none = call("POST", QStringLiteral("/v1/chat/completions"), chat);
    QCOMPARE(none.status, 401);
    QCOMPARE(none.json().value(u"error").toObject().value(u"code").toString(), QStringLiteral("invalid_api_key"));
    QVERIFY(!none.body.contains("secret-upstream-key"));
    const Reply wrong = call("POST", QStringLiteral("/v1/chat/completions"), chat, {{"Authorization", "Bearer nope"}});
    QCOMPARE(wrong.status, 401);
    const Reply right = call("POST", QStringLiteral("/v1/chat/completions"), chat,
                             {{"Authorization", "Bearer secret-upstream-key"}});
    QCOMPARE(right.status, 200);
    const Reply models = call("GET", QStringLiteral("/v1/models"));
    QCOMPARE(models.status, 401);
    // Control endpoints need no credential; what arrived is recorded as sent.
    const Reply received = call("GET", QStringLiteral("/__sim/received"));
    QCOMPARE(received.status, 200);
    const QJsonArray log = QJsonDocument::fromJson(received.body).array();
    QCOMPARE(log.size(), 4);
    QVERIFY(!log.at(0).toObject().value(u"headers").toObject().contains(u"authorization"));
    QCOMPARE(log.at(2).toObject().value(u"headers").toObject().value(u"authorization").toString(),
             QStringLiteral("Bearer secret-upstream-key"));
}

void TestSimServer::fail5xx()
{
    SimOptions o;
    o.fail = FailMode::ServerError;
    start(o);
    const Reply r = call("POST", QStringLiteral("/v1/chat/completions"), R"({"model":"sim-chat","messages":[]})");
    QCOMPARE(r.status, 500);
    QCOMPARE(r.simHeader, QByteArray("test-sim"));
    QCOMPARE(r.json().value(u"error").toObject().value(u"type").toString(), QStringLiteral("server_error"));
    QCOMPARE(call("GET", QStringLiteral("/v1/models")).status, 500);
    // Control endpoints are not subject to injected failures.
    QCOMPARE(call("GET", QStringLiteral("/__sim/stats")).status, 200);
}

void TestSimServer::failRateZeroNeverFails()
{
    SimOptions o;
    o.fail = FailMode::ServerError;
    o.failRate = 0.0;
    start(o);
    for (int i = 0; i < 10; ++i)
        QCOMPARE(call("GET", QStringLiteral("/v1/models")).status, 200);
}

void TestSimServer::failReset()
{
    SimOptions o;
    o.fail = FailMode::Reset;
    start(o);
    RawClient c(m_sim->port(), rawPost("/v1/chat/completions", R"({"model":"sim-chat","messages":[]})"));
    QVERIFY(QTest::qWaitFor([&] { return c.closed || c.socket.error() == QAbstractSocket::RemoteHostClosedError; }, 5000));
    QVERIFY(c.received.isEmpty());
    QTRY_COMPARE(m_sim->inFlight(), 0);
    QCOMPARE(m_sim->requestCount(), 1);
}

void TestSimServer::failHang()
{
    SimOptions o;
    o.fail = FailMode::Hang;
    start(o);
    QTimer probe;
    int inFlightSeen = 0;
    connect(&probe, &QTimer::timeout, this, [&] { inFlightSeen = qMax(inFlightSeen, m_sim->inFlight()); });
    probe.start(20);
    const Reply r = call("POST", QStringLiteral("/v1/chat/completions"), R"({"model":"sim-chat","messages":[]})", {}, 400);
    QCOMPARE(r.error, QNetworkReply::OperationCanceledError); // the client's transfer timeout fired
    QVERIFY(r.elapsedMs >= 350);
    QCOMPARE(r.status, 0);
    QCOMPARE(inFlightSeen, 1);
    // Once the client gives up, the hanging request is no longer in flight.
    QTRY_COMPARE(m_sim->inFlight(), 0);
}

void TestSimServer::latency()
{
    SimOptions o;
    o.latencyMs = 200;
    start(o);
    const Reply r = call("GET", QStringLiteral("/v1/models"));
    QCOMPARE(r.status, 200);
    QVERIFY2(r.elapsedMs >= 190, QByteArray::number(r.elapsedMs).constData());
    // Control endpoints answer at once.
    const Reply s = call("GET", QStringLiteral("/__sim/stats"));
    QVERIFY2(s.elapsedMs < 150, QByteArray::number(s.elapsedMs).constData());
}

void TestSimServer::receivedLogAndReset()
{
    start();
    QSignalSpy spy(m_sim.get(), &SimServer::requestReceived);
    call("POST", QStringLiteral("/v1/chat/completions?trace=1"), R"({"model":"sim-chat","messages":[{"role":"user","content":"4111 1111"}]})",
         {{"X-Route-Tier", "onprem"}});
    call("GET", QStringLiteral("/v1/models"));
    call("POST", QStringLiteral("/v1/embeddings"), "not json at all");
    QCOMPARE(spy.count(), 3);
    const Reply r = call("GET", QStringLiteral("/__sim/received"));
    QCOMPARE(r.status, 200);
    const QJsonArray log = QJsonDocument::fromJson(r.body).array();
    QCOMPARE(log.size(), 3); // the control request itself is not recorded
    const QJsonObject first = log.at(0).toObject();
    QCOMPARE(first.value(u"method").toString(), QStringLiteral("POST"));
    QCOMPARE(first.value(u"path").toString(), QStringLiteral("/v1/chat/completions"));
    QCOMPARE(first.value(u"query").toString(), QStringLiteral("trace=1"));
    QCOMPARE(first.value(u"headers").toObject().value(u"x-route-tier").toString(), QStringLiteral("onprem"));
    QVERIFY(first.value(u"time").toString().endsWith(QLatin1Char('Z')));
    QCOMPARE(first.value(u"body").toObject().value(u"messages").toArray().at(0).toObject().value(u"content").toString(),
             QStringLiteral("4111 1111"));
    QCOMPARE(log.at(1).toObject().value(u"body"), QJsonValue(QJsonValue::Null));
    QCOMPARE(log.at(2).toObject().value(u"body").toString(), QStringLiteral("not json at all"));
    QCOMPARE(m_sim->received().size(), 3);

    QCOMPARE(call("POST", QStringLiteral("/__sim/reset")).status, 200);
    QCOMPARE(QJsonDocument::fromJson(call("GET", QStringLiteral("/__sim/received")).body).array().size(), 0);
    QCOMPARE(m_sim->requestCount(), 0);
}

void TestSimServer::recordFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SimOptions o;
    o.recordFile = dir.filePath(QStringLiteral("received.jsonl"));
    start(o);
    call("POST", QStringLiteral("/v1/chat/completions"), R"({"model":"sim-chat","messages":[]})", {{"Authorization", "Bearer k"}});
    call("GET", QStringLiteral("/v1/models"));
    call("GET", QStringLiteral("/__sim/stats"));
    QFile f(o.recordFile);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const QJsonObject first = QJsonDocument::fromJson(lines.at(0)).object();
    QCOMPARE(first.value(u"path").toString(), QStringLiteral("/v1/chat/completions"));
    QCOMPARE(first.value(u"headers").toObject().value(u"authorization").toString(), QStringLiteral("Bearer k"));
    QCOMPARE(first.value(u"body").toObject().value(u"model").toString(), QStringLiteral("sim-chat"));
    QCOMPARE(QJsonDocument::fromJson(lines.at(1)).object().value(u"method").toString(), QStringLiteral("GET"));
}

void TestSimServer::configLive()
{
    start();
    const QByteArray chat = R"({"model":"sim-chat","messages":[]})";
    QCOMPARE(call("POST", QStringLiteral("/v1/chat/completions"), chat).status, 200);

    const Reply set = call("POST", QStringLiteral("/__sim/config"), R"({"fail":"5xx","fail_rate":1})");
    QCOMPARE(set.status, 200);
    QCOMPARE(set.json().value(u"fail").toString(), QStringLiteral("5xx"));
    QCOMPARE(call("POST", QStringLiteral("/v1/chat/completions"), chat).status, 500);

    QCOMPARE(call("POST", QStringLiteral("/__sim/config"), R"({"fail":"none","latency_ms":150,"reply_tokens":3})").status, 200);
    const Reply slow = call("POST", QStringLiteral("/v1/chat/completions"), chat);
    QCOMPARE(slow.status, 200);
    QVERIFY(slow.elapsedMs >= 140);
    QCOMPARE(slow.json().value(u"usage").toObject().value(u"completion_tokens").toInt(), 3);

    QCOMPARE(call("POST", QStringLiteral("/__sim/config"), R"({"latency_ms":0,"api_key":"k2"})").status, 200);
    QCOMPARE(call("POST", QStringLiteral("/v1/chat/completions"), chat).status, 401);
    QCOMPARE(call("POST", QStringLiteral("/v1/chat/completions"), chat, {{"Authorization", "Bearer k2"}}).status, 200);

    const Reply get = call("GET", QStringLiteral("/__sim/config"));
    QCOMPARE(get.json().value(u"latency_ms").toInt(), 0);
    QCOMPARE(get.json().value(u"api_key_required").toBool(), true);
    QVERIFY(!get.body.contains("k2"));
}

void TestSimServer::configRejectsBadValues()
{
    start();
    QCOMPARE(call("POST", QStringLiteral("/__sim/config"), "[1]").status, 400);
    QCOMPARE(call("POST", QStringLiteral("/__sim/config"), R"({"fail":"explode"})").status, 400);
    QCOMPARE(call("POST", QStringLiteral("/__sim/config"), R"({"fail_rate":3})").status, 400);
    QCOMPARE(call("POST", QStringLiteral("/__sim/config"), R"({"latency_ms":-5})").status, 400);
    QCOMPARE(call("POST", QStringLiteral("/__sim/config"), R"({"bogus":1})").status, 400);
    // A rejected change leaves everything as it was, including the valid parts of it.
    QCOMPARE(call("POST", QStringLiteral("/__sim/config"), R"({"fail":"5xx","latency_ms":"x"})").status, 400);
    QCOMPARE(m_sim->options().fail, FailMode::None);
    QCOMPARE(call("GET", QStringLiteral("/v1/models")).status, 200);
}

void TestSimServer::stats()
{
    SimOptions o;
    o.tokensPerSecond = 20;
    o.replyTokens = 10;
    start(o);
    call("GET", QStringLiteral("/v1/models"));
    RawClient streaming(m_sim->port(), rawPost("/v1/chat/completions", R"({"model":"sim-chat","stream":true,"messages":[]})"));
    QVERIFY(QTest::qWaitFor([&] { return streaming.received.contains("data: "); }, 5000));
    const QJsonObject during = call("GET", QStringLiteral("/__sim/stats")).json();
    QCOMPARE(during.value(u"requests").toInt(), 2);
    QCOMPARE(during.value(u"in_flight").toInt(), 1);
    QVERIFY(QTest::qWaitFor([&] { return streaming.done(); }, 5000));
    QTRY_COMPARE(call("GET", QStringLiteral("/__sim/stats")).json().value(u"in_flight").toInt(), 0);
}

void TestSimServer::receivedLogIsBounded()
{
    SimOptions o;
    o.keepReceived = 2;
    start(o);
    for (int i = 0; i < 4; ++i)
        call("GET", QStringLiteral("/v1/models?i=%1").arg(i));
    const QJsonArray log = QJsonDocument::fromJson(call("GET", QStringLiteral("/__sim/received")).body).array();
    QCOMPARE(log.size(), 2);
    QCOMPARE(log.at(0).toObject().value(u"query").toString(), QStringLiteral("i=2"));
    const QJsonObject stats = call("GET", QStringLiteral("/__sim/stats")).json();
    QCOMPARE(stats.value(u"requests").toInt(), 4);
    QCOMPARE(stats.value(u"received_dropped").toInt(), 2);
}

void TestSimServer::manyConcurrentStreams()
{
    SimOptions o;
    o.tokensPerSecond = 20; // 50 ms per token: 6 tokens take ~250 ms per stream
    o.replyTokens = 6;
    start(o);
    constexpr int kStreams = 300;
    const QByteArray request = rawPost("/v1/chat/completions", R"({"model":"sim-chat","stream":true,"messages":[{"role":"user","content":"x"}]})");
    std::vector<std::unique_ptr<RawClient>> clients;
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < kStreams; ++i)
        clients.push_back(std::make_unique<RawClient>(m_sim->port(), request));
    int maxInFlight = 0;
    const bool allDone = QTest::qWaitFor([&] {
        maxInFlight = qMax(maxInFlight, m_sim->inFlight());
        for (const auto &c : clients) {
            if (!c->done())
                return false;
        }
        return true;
    }, 30000);
    const qint64 elapsed = t.elapsed();
    int done = 0;
    for (const auto &c : clients)
        done += c->done() ? 1 : 0;
    QVERIFY2(allDone, qPrintable(QStringLiteral("%1 of %2 streams finished").arg(done).arg(kStreams)));
    qInfo("%d concurrent streams finished in %lld ms, at most %d in flight at once", kStreams, elapsed, maxInFlight);
    // Concurrent, not serialised: 300 streams of ~250 ms each finish in a few seconds at most.
    QVERIFY(maxInFlight >= 256);
    QVERIFY(elapsed < 10000);
    for (const auto &c : clients)
        QCOMPARE(c->received.count("data: "), 6 + 2);
    QTRY_COMPARE(m_sim->inFlight(), 0);
    QCOMPARE(m_sim->requestCount(), kStreams);
}

QTEST_GUILESS_MAIN(TestSimServer)
#include "tst_simserver.moc"
