// SPDX-License-Identifier: Apache-2.0
#include "http/HttpServer.h"
#include <QPointer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>
#include <memory>

using namespace perimeter::http;

namespace {

struct Response {
    int status = 0;
    QByteArray version;
    HttpHeaders headers;
    QByteArray body;
    QList<QByteArray> chunks;
    bool chunked = false;

    QByteArray header(QByteArrayView name) const
    {
        for (const auto &h : headers) {
            if (name.compare(h.first, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
};

// Parses as many complete responses as `data` holds. A close-delimited body counts as complete
// only once the connection has closed.
QList<Response> parseResponses(const QByteArray &data, bool closed, bool *trailingGarbage = nullptr)
{
    QList<Response> out;
    qsizetype pos = 0;
    while (pos < data.size()) {
        const qsizetype headEnd = data.indexOf("\r\n\r\n", pos);
        if (headEnd < 0)
            break;
        const QList<QByteArray> lines = data.mid(pos, headEnd - pos).split('\n');
        Response r;
        const QList<QByteArray> statusParts = lines.first().trimmed().split(' ');
        if (statusParts.size() < 2) {
            if (trailingGarbage)
                *trailingGarbage = true;
            break;
        }
        r.version = statusParts.at(0);
        r.status = statusParts.at(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                r.headers.append({line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
        }
        qsizetype bodyPos = headEnd + 4;
        if (r.status == 100) {
            pos = bodyPos;
            continue;
        }
        if (r.header("transfer-encoding") == "chunked") {
            r.chunked = true;
            bool complete = false;
            qsizetype p = bodyPos;
            while (true) {
                const qsizetype lineEnd = data.indexOf("\r\n", p);
                if (lineEnd < 0)
                    break;
                bool ok = false;
                const qsizetype size = data.mid(p, lineEnd - p).toLongLong(&ok, 16);
                if (!ok)
                    break;
                if (size == 0) {
                    if (data.size() < lineEnd + 4)
                        break;
                    p = lineEnd + 4;
                    complete = true;
                    break;
                }
                if (data.size() < lineEnd + 2 + size + 2)
                    break;
                const QByteArray chunk = data.mid(lineEnd + 2, size);
                r.chunks.append(chunk);
                r.body += chunk;
                p = lineEnd + 2 + size + 2;
            }
            if (!complete)
                break;
            pos = p;
        } else if (r.headers.contains({QByteArrayLiteral("content-length"), r.header("content-length")})
                   && !r.header("content-length").isEmpty()) {
            const qsizetype len = r.header("content-length").toLongLong();
            if (data.size() < bodyPos + len)
                break;
            r.body = data.mid(bodyPos, len);
            pos = bodyPos + len;
        } else {
            if (!closed)
                break;
            r.body = data.mid(bodyPos);
            pos = data.size();
        }
        out.append(r);
    }
    return out;
}

// A raw loopback client that records everything it receives and whether the server closed.
class Client : public QObject {
public:
    explicit Client(quint16 port)
    {
        connect(&socket, &QTcpSocket::readyRead, this, [this] { received += socket.readAll(); });
        connect(&socket, &QTcpSocket::disconnected, this, [this] { closed = true; });
        socket.connectToHost(QHostAddress::LocalHost, port);
    }
    bool waitConnected() { return socket.waitForConnected(5000); }
    void send(const QByteArray &data)
    {
        // The kernel completes the handshake from the listen backlog, so blocking here is safe.
        if (socket.state() != QAbstractSocket::ConnectedState)
            socket.waitForConnected(5000);
        socket.write(data);
    }
    QList<Response> responses() const { return parseResponses(received, closed); }
    bool waitResponses(int n, int ms = 5000)
    {
        return QTest::qWaitFor([&] { return responses().size() >= n; }, ms);
    }
    bool waitClosed(int ms = 5000)
    {
        return QTest::qWaitFor([&] { return closed; }, ms);
    }

    QTcpSocket socket;
    QByteArray received;
    bool closed = false;
};

QByteArray get(const QByteArray &path, const QByteArray &extra = {})
{
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\n";
}

QByteArray post(const QByteArray &path, const QByteArray &body, const QByteArray &extra = {})
{
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\n" + extra + "\r\n" + body;
}

int queryInt(const HttpRequest &r, const QString &key, int fallback)
{
    const QUrlQuery q(QString::fromLatin1(r.query));
    return q.hasQueryItem(key) ? q.queryItemValue(key).toInt() : fallback;
}

} // namespace

class TestHttpServer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void simpleGet();
    void simplePost();
    void requestFields();
    void keepAliveReuse();
    void pipelinedInOrder();
    void pipelineBackpressure();
    void connectionClose();
    void http10_data();
    void http10();
    void http10Streaming();
    void chunkedRequestBody();
    void expectContinue();
    void chunkedStreamedResponse();
    void payloadTooLarge_data();
    void payloadTooLarge();
    void headersTooLarge();
    void malformed_data();
    void malformed();
    void protocolErrorHook();
    void headerTimeoutSlowLoris_data();
    void headerTimeoutSlowLoris();
    void bodyTimeout();
    void idleTimeout();
    void clientGoneMidStream();
    void responderDeletedAfterResponse();
    void abortMidStream();
    void backpressureSignals();
    void callsAfterFinishIgnored();
    void drainWithRequestInFlight();
    void drainWhenIdle();
    void abortAll();
    void maxConnections();
    void responseHeaderInjectionDropped();
    void fuzz();

private:
    void handle(const HttpRequest &request, HttpResponder *responder);
    quint16 port() const { return m_server->serverPort(); }

    std::unique_ptr<HttpServer> m_server;
    QList<QPointer<HttpResponder>> m_held;
    QList<HttpRequest> m_seen;
};

void TestHttpServer::init()
{
    m_server = std::make_unique<HttpServer>();
    m_server->setHandler([this](const HttpRequest &r, HttpResponder *resp) { handle(r, resp); });
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
    QVERIFY(port() != 0);
    m_held.clear();
    m_seen.clear();
}

void TestHttpServer::cleanup()
{
    m_server.reset();
    m_held.clear();
}

void TestHttpServer::handle(const HttpRequest &r, HttpResponder *resp)
{
    m_seen.append(r);
    const HttpHeaders text{{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain")}};
    if (r.path == "/hello") {
        resp->send(200, text, QByteArrayLiteral("hello"));
    } else if (r.path == "/echo") {
        HttpHeaders h = text;
        h.append({QByteArrayLiteral("X-Method"), r.method});
        h.append({QByteArrayLiteral("X-Target"), r.target});
        resp->send(200, h, r.body);
    } else if (r.path == "/slow") {
        // Answered later from the event loop, as an upstream relay would.
        QPointer<HttpResponder> p(resp);
        const QByteArray body = r.target;
        QTimer::singleShot(queryInt(r, QStringLiteral("ms"), 50), this, [p, body] {
            if (p)
                p->send(200, {}, body);
        });
    } else if (r.path == "/stream") {
        const int n = queryInt(r, QStringLiteral("n"), 3);
        const int ms = queryInt(r, QStringLiteral("ms"), 10);
        resp->beginStream(200, {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/event-stream")}});
        QPointer<HttpResponder> p(resp);
        auto i = std::make_shared<int>(0);
        auto *timer = new QTimer(this);
        connect(timer, &QTimer::timeout, this, [p, i, n, timer] {
            if (!p) {
                timer->deleteLater();
                return;
            }
            if (*i == n) {
                p->endStream();
                timer->deleteLater();
                return;
            }
            p->writeChunk(QByteArray()); // must not terminate the stream
            p->writeChunk("chunk " + QByteArray::number((*i)++) + "\n");
        });
        timer->start(ms);
    } else if (r.path == "/hold") {
        m_held.append(resp);
    } else if (r.path == "/hold-stream") {
        resp->beginStream(200, {});
        resp->writeChunk("first");
        m_held.append(resp);
    } else {
        resp->send(404, text, QByteArrayLiteral("not found"));
    }
}

void TestHttpServer::simpleGet()
{
    Client c(port());
    c.send(get("/hello"));
    QVERIFY(c.waitResponses(1));
    const Response r = c.responses().first();
    QCOMPARE(r.version, QByteArray("HTTP/1.1"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray("hello"));
    QCOMPARE(r.header("content-length"), QByteArray("5"));
    QCOMPARE(r.header("content-type"), QByteArray("text/plain"));
    QCOMPARE(r.header("connection"), QByteArray("keep-alive"));
    QVERIFY(r.header("date").endsWith(" GMT"));
    QVERIFY(c.received.startsWith("HTTP/1.1 200 OK\r\n"));
    QVERIFY(!c.closed);
}

void TestHttpServer::simplePost()
{
    Client c(port());
    const QByteArray body = R"({"model":"x","messages":[]})";
    c.send(post("/echo", body, "Content-Type: application/json\r\n"));
    QVERIFY(c.waitResponses(1));
    const Response r = c.responses().first();
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, body);
    QCOMPARE(r.header("x-method"), QByteArray("POST"));

    Client n(port());
    n.send(get("/nope"));
    QVERIFY(n.waitResponses(1));
    QCOMPARE(n.responses().first().status, 404);
    QVERIFY(n.received.startsWith("HTTP/1.1 404 Not Found\r\n"));
}

void TestHttpServer::requestFields()
{
    Client c(port());
    c.send("GET /echo?a=1&b=2 HTTP/1.1\r\nHost: h\r\nAuthorization: Bearer one\r\nX-Mixed-Case:   padded value  \r\n"
           "authorization: Bearer two\r\n\r\n");
    QVERIFY(c.waitResponses(1));
    QCOMPARE(m_seen.size(), 1);
    const HttpRequest &r = m_seen.first();
    QCOMPARE(r.method, QByteArray("GET"));
    QCOMPARE(r.target, QByteArray("/echo?a=1&b=2"));
    QCOMPARE(r.path, QByteArray("/echo"));
    QCOMPARE(r.query, QByteArray("a=1&b=2"));
    QCOMPARE(r.versionMajor, 1);
    QCOMPARE(r.versionMinor, 1);
    QVERIFY(r.keepAlive);
    QCOMPARE(r.header("x-mixed-case"), QByteArray("padded value"));
    QCOMPARE(r.header("X-MIXED-CASE"), QByteArray("padded value"));
    QCOMPARE(r.headerCount("Authorization"), 2);
    QCOMPARE(r.header("authorization"), QByteArray("Bearer one"));
    QVERIFY(!r.hasHeader("cookie"));
    QCOMPARE(r.peerAddress, QHostAddress(QHostAddress::LocalHost));
    QVERIFY(r.peerPort != 0);
    QCOMPARE(r.headers.first().first, QByteArray("host"));
}

void TestHttpServer::keepAliveReuse()
{
    Client c(port());
    c.send(get("/hello"));
    QVERIFY(c.waitResponses(1));
    c.send(post("/echo", "second"));
    QVERIFY(c.waitResponses(2));
    c.send(get("/hello"));
    QVERIFY(c.waitResponses(3));
    QCOMPARE(c.responses().at(1).body, QByteArray("second"));
    QVERIFY(!c.closed);
    QCOMPARE(m_server->connectionCount(), 1);
    QCOMPARE(m_server->requestsInProgress(), 0);
}

void TestHttpServer::pipelinedInOrder()
{
    Client c(port());
    // The first is answered last in time (via a timer); the order on the wire must still be 1, 2, 3.
    c.send(get("/slow?ms=150&id=1") + post("/echo?id=2", "two") + get("/echo?id=3"));
    QVERIFY(c.waitResponses(3));
    const QList<Response> rs = c.responses();
    QCOMPARE(rs.size(), 3);
    QCOMPARE(rs.at(0).body, QByteArray("/slow?ms=150&id=1"));
    QCOMPARE(rs.at(1).body, QByteArray("two"));
    QCOMPARE(rs.at(1).header("x-target"), QByteArray("/echo?id=2"));
    QCOMPARE(rs.at(2).header("x-target"), QByteArray("/echo?id=3"));
    QVERIFY(!c.closed);
    // One request at a time reached the handler: the second arrived only after the first answered.
    QCOMPARE(m_seen.size(), 3);
}

void TestHttpServer::pipelineBackpressure()
{
    HttpServerLimits limits;
    limits.maxPipelinedRequests = 2;
    m_server->setLimits(limits);
    Client c(port());
    QByteArray all;
    for (int i = 0; i < 12; ++i)
        all += get("/slow?ms=5&i=" + QByteArray::number(i));
    c.send(all);
    QVERIFY(c.waitResponses(12));
    const QList<Response> rs = c.responses();
    for (int i = 0; i < 12; ++i)
        QCOMPARE(rs.at(i).body, "/slow?ms=5&i=" + QByteArray::number(i));
    QVERIFY(!c.closed);
}

void TestHttpServer::connectionClose()
{
    Client c(port());
    // What follows a "Connection: close" request is never answered.
    c.send(get("/hello", "Connection: close\r\n") + get("/hello"));
    QVERIFY(c.waitClosed());
    const QList<Response> rs = c.responses();
    QCOMPARE(rs.size(), 1);
    QCOMPARE(rs.first().header("connection"), QByteArray("close"));
    QCOMPARE(rs.first().body, QByteArray("hello"));
    QCOMPARE(m_seen.size(), 1);
    QTRY_COMPARE(m_server->connectionCount(), 0);
}

void TestHttpServer::http10_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<bool>("keepAlive");
    QTest::newRow("plain-closes") << QByteArray("GET /hello HTTP/1.0\r\n\r\n") << false;
    QTest::newRow("keep-alive-requested") << QByteArray("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n") << true;
    QTest::newRow("post-body") << QByteArray("POST /echo HTTP/1.0\r\nContent-Length: 2\r\n\r\nhi") << false;
}

void TestHttpServer::http10()
{
    QFETCH(QByteArray, request);
    QFETCH(bool, keepAlive);
    Client c(port());
    c.send(request);
    QVERIFY(c.waitResponses(1));
    const Response r = c.responses().first();
    QCOMPARE(r.status, 200);
    QCOMPARE(m_seen.first().versionMinor, 0);
    QCOMPARE(m_seen.first().keepAlive, keepAlive);
    if (keepAlive) {
        QCOMPARE(r.header("connection"), QByteArray("keep-alive"));
        QTest::qWait(100);
        QVERIFY(!c.closed);
    } else {
        QCOMPARE(r.header("connection"), QByteArray("close"));
        QVERIFY(c.waitClosed());
    }
}

void TestHttpServer::http10Streaming()
{
    Client c(port());
    c.send("GET /stream?n=2&ms=5 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
    QVERIFY(c.waitClosed());
    const QList<Response> rs = c.responses();
    QCOMPARE(rs.size(), 1);
    QVERIFY(!rs.first().chunked);
    QCOMPARE(rs.first().header("connection"), QByteArray("close"));
    QCOMPARE(rs.first().body, QByteArray("chunk 0\nchunk 1\n"));
}

void TestHttpServer::chunkedRequestBody()
{
    Client c(port());
    c.send("POST /echo HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
           "5\r\nhello\r\n1;ext=1\r\n \r\n");
    QTest::qWait(30);
    c.send("6\r\nworld!\r\n0\r\nTrailer: x\r\n\r\n");
    QVERIFY(c.waitResponses(1));
    QCOMPARE(c.responses().first().body, QByteArray("hello world!"));
    QVERIFY(!c.closed);
    // The connection stays usable after a chunked body.
    c.send(get("/hello"));
    QVERIFY(c.waitResponses(2));
}

void TestHttpServer::expectContinue()
{
    Client c(port());
    c.send("POST /echo HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");
    QVERIFY(QTest::qWaitFor([&] { return c.received.startsWith("HTTP/1.1 100 Continue\r\n\r\n"); }, 5000));
    c.send("body");
    QVERIFY(c.waitResponses(1));
    QCOMPARE(c.responses().first().status, 200);
    QCOMPARE(c.responses().first().body, QByteArray("body"));
}

void TestHttpServer::chunkedStreamedResponse()
{
    Client c(port());
    c.send(get("/stream?n=4&ms=20"));
    // Chunks arrive one by one, before the end of the stream.
    QVERIFY(QTest::qWaitFor([&] { return c.received.contains("chunk 1\n"); }, 5000));
    QVERIFY(!c.received.contains("\r\n0\r\n\r\n"));
    QVERIFY(c.waitResponses(1));
    const Response r = c.responses().first();
    QVERIFY(r.chunked);
    QVERIFY(r.header("content-length").isEmpty());
    QCOMPARE(r.header("content-type"), QByteArray("text/event-stream"));
    QCOMPARE(r.chunks.size(), 4);
    QCOMPARE(r.chunks.at(3), QByteArray("chunk 3\n"));
    // The stream's end frees the connection for the next request.
    c.send(get("/hello"));
    QVERIFY(c.waitResponses(2));
}

void TestHttpServer::payloadTooLarge_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("content-length-upfront") << QByteArray("POST /echo HTTP/1.1\r\nHost: h\r\nContent-Length: 1025\r\n\r\n")
                                            << QByteArray();
    QTest::newRow("huge-content-length") << QByteArray("POST /echo HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\n")
                                         << QByteArray();
    QByteArray chunks;
    for (int i = 0; i < 40; ++i)
        chunks += "40\r\n" + QByteArray(64, 'x') + "\r\n";
    QTest::newRow("chunked-overflow") << QByteArray("POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n") << chunks;
}

void TestHttpServer::payloadTooLarge()
{
    QFETCH(QByteArray, head);
    QFETCH(QByteArray, body);
    HttpServerLimits limits;
    limits.maxBodyBytes = 1024;
    m_server->setLimits(limits);
    Client c(port());
    c.send(head + body);
    QVERIFY(c.waitClosed());
    const QList<Response> rs = c.responses();
    QCOMPARE(rs.size(), 1);
    QCOMPARE(rs.first().status, 413);
    QCOMPARE(rs.first().header("connection"), QByteArray("close"));
    QVERIFY(rs.first().body.contains("\"code\":\"payload_too_large\""));
    QVERIFY(rs.first().body.contains("\"type\":\"invalid_request_error\""));
    QVERIFY(m_seen.isEmpty());
}

void TestHttpServer::headersTooLarge()
{
    HttpServerLimits limits;
    limits.maxHeaderBytes = 2048;
    m_server->setLimits(limits);
    Client c(port());
    c.send(get("/hello", "X-Big: " + QByteArray(4096, 'a') + "\r\n"));
    QVERIFY(c.waitClosed());
    QCOMPARE(c.responses().size(), 1);
    QCOMPARE(c.responses().first().status, 431);
    QVERIFY(c.responses().first().body.contains("headers_too_large"));

    // Below the limit is fine.
    Client ok(port());
    ok.send(get("/hello", "X-Big: " + QByteArray(1024, 'a') + "\r\n"));
    QVERIFY(ok.waitResponses(1));
    QCOMPARE(ok.responses().first().status, 200);

    // An oversized header that never ends is refused without waiting for its end.
    Client endless(port());
    endless.send("GET /hello HTTP/1.1\r\nX-Endless: " + QByteArray(8192, 'b'));
    QVERIFY(endless.waitClosed());
    QCOMPARE(endless.responses().first().status, 431);
}

void TestHttpServer::malformed_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("status");
    QTest::newRow("garbage") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11) << 400;
    QTest::newRow("bad-request-line") << QByteArray("GARBAGE\r\n\r\n") << 400;
    QTest::newRow("bad-method") << QByteArray("G@T / HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("bad-version") << QByteArray("GET / HTTP/9.x\r\n\r\n") << 400;
    QTest::newRow("space-in-target") << QByteArray("GET /a b HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("bad-header-no-colon") << QByteArray("GET / HTTP/1.1\r\nNoColonHere\r\n\r\n") << 400;
    QTest::newRow("bad-header-name") << QByteArray("GET / HTTP/1.1\r\nBad Name: x\r\n\r\n") << 400;
    QTest::newRow("nul-in-header") << QByteArray("GET / HTTP/1.1\r\nX-A: a\0b\r\n\r\n", 28) << 400;
    QTest::newRow("nul-in-target") << QByteArray("GET /a\0b HTTP/1.1\r\n\r\n", 21) << 400;
    QTest::newRow("bad-chunk-size") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << 400;
    QTest::newRow("chunk-size-overflow")
        << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\n") << 400;
    QTest::newRow("cl-and-te") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
                               << 400;
    QTest::newRow("te-not-chunked-last")
        << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked, gzip\r\n\r\n0\r\n\r\n") << 400;
    QTest::newRow("negative-content-length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << 400;
    QTest::newRow("overflow-content-length")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n") << 400;
    QTest::newRow("two-content-lengths")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab") << 400;
    QTest::newRow("content-length-letters") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n") << 400;
    QTest::newRow("bare-cr") << QByteArray("GET / HTTP/1.1\rX: y\r\n\r\n") << 400;
    QByteArray many = "GET / HTTP/1.1\r\n";
    for (int i = 0; i < 1000; ++i)
        many += "X-" + QByteArray::number(i) + ": 1\r\n";
    many += "\r\n";
    QTest::newRow("huge-header-count") << many << 431;
}

void TestHttpServer::malformed()
{
    QFETCH(QByteArray, input);
    QFETCH(int, status);
    Client c(port());
    c.send(input);
    QVERIFY(c.waitClosed());
    const QList<Response> rs = c.responses();
    QCOMPARE(rs.size(), 1);
    QCOMPARE(rs.first().status, status);
    QCOMPARE(rs.first().header("connection"), QByteArray("close"));
    QVERIFY(m_seen.isEmpty());
    QTRY_COMPARE(m_server->connectionCount(), 0);
}

void TestHttpServer::protocolErrorHook()
{
    QList<QByteArray> codes;
    QList<QByteArray> partialMethods;
    m_server->setProtocolErrorHook([&](int status, const QByteArray &code, const QString &, const HttpRequest *partial,
                                       HttpHeaders &headers, QByteArray &body) {
        codes.append(code);
        partialMethods.append(partial ? partial->target : QByteArray("<none>"));
        headers.append({QByteArrayLiteral("X-Hooked"), QByteArray::number(status)});
        body = "hooked:" + code;
    });
    HttpServerLimits limits;
    limits.maxBodyBytes = 10;
    m_server->setLimits(limits);

    Client bad(port());
    bad.send("NOT HTTP\r\n\r\n");
    QVERIFY(bad.waitClosed());
    QCOMPARE(bad.responses().first().body, QByteArray("hooked:invalid_request"));
    QCOMPARE(bad.responses().first().header("x-hooked"), QByteArray("400"));

    Client big(port());
    big.send("POST /echo/target HTTP/1.1\r\nContent-Length: 11\r\n\r\n");
    QVERIFY(big.waitClosed());
    QCOMPARE(big.responses().first().status, 413);
    QCOMPARE(big.responses().first().body, QByteArray("hooked:payload_too_large"));
    QCOMPARE(codes, (QList<QByteArray>{"invalid_request", "payload_too_large"}));
    QCOMPARE(partialMethods.last(), QByteArray("/echo/target"));
}

void TestHttpServer::headerTimeoutSlowLoris_data()
{
    QTest::addColumn<QByteArray>("prefix");
    QTest::addColumn<bool>("dribble");
    QTest::newRow("silent-connection") << QByteArray() << false;
    QTest::newRow("partial-header") << QByteArray("GET /hello HTTP/1.1\r\nHost: x\r\n") << false;
    QTest::newRow("dribbling-bytes") << QByteArray("GET /hello HTTP/1.1\r\n") << true;
}

void TestHttpServer::headerTimeoutSlowLoris()
{
    QFETCH(QByteArray, prefix);
    QFETCH(bool, dribble);
    HttpServerLimits limits;
    limits.headerTimeoutMs = 300;
    m_server->setLimits(limits);
    Client c(port());
    QVERIFY(c.waitConnected());
    QElapsedTimer t;
    t.start();
    c.send(prefix);
    // A byte every 50 ms keeps the connection busy but must not extend the deadline.
    QTimer dribbler;
    connect(&dribbler, &QTimer::timeout, &c, [&] {
        if (c.socket.state() == QAbstractSocket::ConnectedState)
            c.send("X");
    });
    if (dribble)
        dribbler.start(50);
    QVERIFY(c.waitClosed(3000));
    QVERIFY2(t.elapsed() >= 250, QByteArray::number(t.elapsed()).constData());
    QVERIFY2(t.elapsed() < 2000, QByteArray::number(t.elapsed()).constData());
    QCOMPARE(c.responses().size(), 1);
    QCOMPARE(c.responses().first().status, 408);
    QVERIFY(c.responses().first().body.contains("request_timeout"));
    QVERIFY(m_seen.isEmpty());
}

void TestHttpServer::bodyTimeout()
{
    HttpServerLimits limits;
    limits.bodyTimeoutMs = 300;
    m_server->setLimits(limits);
    Client c(port());
    c.send("POST /echo HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc");
    QVERIFY(c.waitClosed(3000));
    QCOMPARE(c.responses().size(), 1);
    QCOMPARE(c.responses().first().status, 408);
    QVERIFY(m_seen.isEmpty());
}

void TestHttpServer::idleTimeout()
{
    HttpServerLimits limits;
    limits.idleTimeoutMs = 300;
    m_server->setLimits(limits);
    Client c(port());
    c.send(get("/hello"));
    QVERIFY(c.waitResponses(1));
    const qsizetype before = c.received.size();
    // A request in progress is not idle: a slow answer outlives the idle timeout.
    c.send(get("/slow?ms=500"));
    QVERIFY(c.waitResponses(2, 3000));
    QVERIFY(!c.closed);
    QElapsedTimer t;
    t.start();
    QVERIFY(c.waitClosed(3000));
    QVERIFY(t.elapsed() >= 200);
    // Closed silently: no 408 for an idle keep-alive connection.
    QCOMPARE(c.responses().size(), 2);
    QVERIFY(c.received.size() > before);
}

void TestHttpServer::clientGoneMidStream()
{
    auto *c = new Client(port());
    c->send(get("/hold-stream"));
    QTRY_COMPARE(m_held.size(), 1);
    QPointer<HttpResponder> r = m_held.first();
    QVERIFY(r);
    QVERIFY(QTest::qWaitFor([&] { return c->received.contains("first"); }, 5000));
    QSignalSpy gone(r.data(), &HttpResponder::clientGone);
    QCOMPARE(m_server->requestsInProgress(), 1);
    c->socket.abort();
    delete c;
    QVERIFY(gone.wait(5000) || gone.count() == 1);
    QCOMPARE(gone.count(), 1);
    QCOMPARE(m_server->requestsInProgress(), 0);
    // Later calls are harmless no-ops, and the responder goes away on its own.
    if (r) {
        QVERIFY(r->isClientGone());
        r->writeChunk("late");
        r->endStream();
        QCOMPARE(r->bytesPending(), 0);
    }
    QTRY_VERIFY(r.isNull());
    QTRY_COMPARE(m_server->connectionCount(), 0);
}

void TestHttpServer::responderDeletedAfterResponse()
{
    QPointer<HttpResponder> captured;
    m_server->setHandler([&](const HttpRequest &, HttpResponder *resp) {
        captured = resp;
        QVERIFY(!resp->isStarted());
        resp->send(204, {}, {});
        QVERIFY(resp->isStarted());
        QVERIFY(resp->isFinished());
    });
    Client c(port());
    c.send(get("/x"));
    QVERIFY(c.waitResponses(1));
    QCOMPARE(c.responses().first().status, 204);
    QTRY_VERIFY(captured.isNull());
}

void TestHttpServer::abortMidStream()
{
    QPointer<HttpResponder> captured;
    m_server->setHandler([&](const HttpRequest &, HttpResponder *resp) {
        captured = resp;
        resp->beginStream(200, {});
        resp->writeChunk("partial");
        QTimer::singleShot(30, resp, [resp] { resp->abort(); });
    });
    Client c(port());
    c.send(get("/x"));
    QVERIFY(c.waitClosed());
    QVERIFY(c.received.contains("partial"));
    QVERIFY(!c.received.endsWith("0\r\n\r\n"));
    QCOMPARE(c.responses().size(), 0);
    QCOMPARE(m_server->requestsInProgress(), 0);
    QTRY_VERIFY(captured.isNull());
    QTRY_COMPARE(m_server->connectionCount(), 0);
}

void TestHttpServer::backpressureSignals()
{
    QPointer<HttpResponder> captured;
    qint64 pendingAfterWrite = -1;
    m_server->setHandler([&](const HttpRequest &, HttpResponder *resp) {
        captured = resp;
        resp->beginStream(200, {});
        // Far more than the kernel's socket buffers take at once while the client does not read.
        resp->writeChunk(QByteArray(32 * 1024 * 1024, 'x'));
        pendingAfterWrite = resp->bytesPending();
    });
    QTcpSocket raw;
    raw.connectToHost(QHostAddress::LocalHost, port());
    QVERIFY(raw.waitForConnected(5000));
    raw.write(get("/big"));
    QTRY_VERIFY(captured);
    QVERIFY2(pendingAfterWrite > 0, QByteArray::number(pendingAfterWrite).constData());
    QSignalSpy written(captured.data(), &HttpResponder::bytesWritten);
    qint64 received = 0;
    connect(&raw, &QTcpSocket::readyRead, this, [&] { received += raw.readAll().size(); });
    // As the client reads, queued bytes drain and the producer hears about it.
    QTRY_VERIFY_WITH_TIMEOUT(captured->bytesPending() == 0, 20000);
    QVERIFY(written.count() > 0);
    captured->endStream();
    QTRY_VERIFY(received > 32 * 1024 * 1024);
}

void TestHttpServer::callsAfterFinishIgnored()
{
    m_server->setHandler([&](const HttpRequest &, HttpResponder *resp) {
        resp->send(200, {}, "one");
        resp->send(500, {}, "two");
        resp->beginStream(200, {});
        resp->writeChunk("three");
        resp->endStream();
    });
    Client c(port());
    c.send(get("/x") + get("/y"));
    QVERIFY(c.waitResponses(2));
    QTest::qWait(50);
    QCOMPARE(c.responses().size(), 2);
    QCOMPARE(c.responses().at(0).body, QByteArray("one"));
    QCOMPARE(c.responses().at(1).body, QByteArray("one"));
    QCOMPARE(c.received.count("HTTP/1.1"), 2);
}

void TestHttpServer::drainWithRequestInFlight()
{
    Client busy(port());
    busy.send(get("/hold"));
    QTRY_COMPARE(m_held.size(), 1);
    Client idle(port());
    idle.send(get("/hello"));
    QVERIFY(idle.waitResponses(1));
    QCOMPARE(m_server->connectionCount(), 2);
    QCOMPARE(m_server->requestsInProgress(), 1);

    QSignalSpy drained(m_server.get(), &HttpServer::drained);
    m_server->stopAccepting();
    QVERIFY(idle.waitClosed());
    QTest::qWait(50);
    QCOMPARE(drained.count(), 0);
    QVERIFY(!busy.closed);

    // No new connections once draining.
    QTcpSocket late;
    late.connectToHost(QHostAddress::LocalHost, port());
    QVERIFY(!late.waitForConnected(1000) || late.waitForDisconnected(1000));

    QVERIFY(m_held.first());
    m_held.first()->send(200, {}, "late answer");
    QVERIFY(busy.waitResponses(1));
    QCOMPARE(busy.responses().first().body, QByteArray("late answer"));
    QCOMPARE(busy.responses().first().header("connection"), QByteArray("close"));
    QTRY_COMPARE_WITH_TIMEOUT(drained.count(), 1, 5000);
    QVERIFY(busy.waitClosed());
    QTest::qWait(20);
    QCOMPARE(drained.count(), 1);
    QCOMPARE(m_server->requestsInProgress(), 0);
    QTRY_COMPARE(m_server->connectionCount(), 0);
}

void TestHttpServer::drainWhenIdle()
{
    Client c(port());
    c.send(get("/hello"));
    QVERIFY(c.waitResponses(1));
    m_server->stopAccepting();
    // Queued, so a listener connected right after the call still hears it.
    QSignalSpy drained(m_server.get(), &HttpServer::drained);
    QVERIFY(drained.wait(2000));
    QCOMPARE(drained.count(), 1);
    QVERIFY(c.waitClosed());
}

void TestHttpServer::abortAll()
{
    Client a(port());
    a.send(get("/hold-stream"));
    Client b(port());
    b.send(get("/hello"));
    QVERIFY(b.waitResponses(1));
    QTRY_COMPARE(m_held.size(), 1);
    QSignalSpy gone(m_held.first().data(), &HttpResponder::clientGone);
    m_server->abortAll();
    QCOMPARE(gone.count(), 1);
    QCOMPARE(m_server->connectionCount(), 0);
    QCOMPARE(m_server->requestsInProgress(), 0);
    QVERIFY(a.waitClosed());
    QVERIFY(b.waitClosed());
}

void TestHttpServer::maxConnections()
{
    HttpServerLimits limits;
    limits.maxConnections = 2;
    m_server->setLimits(limits);
    Client a(port());
    Client b(port());
    a.send(get("/hello"));
    b.send(get("/hello"));
    QVERIFY(a.waitResponses(1));
    QVERIFY(b.waitResponses(1));
    Client c(port());
    c.send(get("/hello"));
    QVERIFY(c.waitClosed());
    QVERIFY(c.received.isEmpty());
    QCOMPARE(m_server->connectionCount(), 2);
}

void TestHttpServer::responseHeaderInjectionDropped()
{
    m_server->setHandler([](const HttpRequest &, HttpResponder *resp) {
        resp->send(200,
                   {{QByteArrayLiteral("X-Ok"), QByteArrayLiteral("1")},
                    {QByteArrayLiteral("X-Evil"), QByteArrayLiteral("a\r\nSet-Cookie: x=1")},
                    {QByteArrayLiteral("Content-Length"), QByteArrayLiteral("999")},
                    {QByteArrayLiteral("Connection"), QByteArrayLiteral("upgrade")}},
                   "body");
    });
    Client c(port());
    c.send(get("/x"));
    QVERIFY(c.waitResponses(1));
    const Response r = c.responses().first();
    QCOMPARE(r.header("x-ok"), QByteArray("1"));
    QVERIFY(r.header("set-cookie").isEmpty());
    QVERIFY(r.header("x-evil").isEmpty());
    QCOMPARE(r.header("content-length"), QByteArray("4"));
    QCOMPARE(r.header("connection"), QByteArray("keep-alive"));
    QCOMPARE(r.body, QByteArray("body"));
}

void TestHttpServer::fuzz()
{
    HttpServerLimits limits;
    limits.headerTimeoutMs = 250;
    limits.bodyTimeoutMs = 250;
    limits.idleTimeoutMs = 250;
    limits.maxBodyBytes = 4096;
    limits.maxHeaderBytes = 4096;
    m_server->setLimits(limits);

    const QList<QByteArray> seeds{
        get("/hello"),
        post("/echo", "{\"a\":1}"),
        "POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
        get("/slow?ms=1") + get("/echo?x"),
        "GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
        "POST /echo HTTP/1.1\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\nabc",
    };
    QRandomGenerator rng(20260424);
    const char interesting[] = {'\r', '\n', ':', ' ', '\0', '0', '9', 'f', '-', ';', '\t', '\x7f', '\xff'};
    auto mutate = [&](QByteArray s) {
        const int ops = 1 + int(rng.bounded(6));
        for (int k = 0; k < ops && !s.isEmpty(); ++k) {
            const qsizetype at = rng.bounded(int(s.size()));
            switch (rng.bounded(5)) {
            case 0: s[at] = char(rng.bounded(256)); break;
            case 1: s[at] = interesting[rng.bounded(int(sizeof(interesting)))]; break;
            case 2: s.remove(at, 1 + rng.bounded(4)); break;
            case 3: s.insert(at, QByteArray(1 + int(rng.bounded(8)), interesting[rng.bounded(int(sizeof(interesting)))])); break;
            case 4: s.insert(at, s.mid(rng.bounded(int(s.size())), 1 + int(rng.bounded(20)))); break;
            }
        }
        return s;
    };

    constexpr int kCases = 2400;
    constexpr int kBatch = 120;
    int answered = 0;
    int closedOnly = 0;
    for (int base = 0; base < kCases; base += kBatch) {
        std::vector<std::unique_ptr<Client>> clients;
        for (int i = 0; i < kBatch; ++i) {
            QByteArray input;
            if (rng.bounded(10) == 0) {
                input.resize(1 + rng.bounded(200));
                for (auto &ch : input)
                    ch = char(rng.bounded(256));
            } else {
                input = mutate(seeds.at(rng.bounded(int(seeds.size()))));
            }
            clients.push_back(std::make_unique<Client>(port()));
            clients.back()->send(input);
        }
        // Every connection ends up answered or closed: timeouts bound whatever is left pending.
        const bool settled = QTest::qWaitFor([&] {
            for (const auto &c : clients) {
                if (!c->closed && !c->received.startsWith("HTTP/1.1 "))
                    return false;
            }
            return true;
        }, 10000);
        QVERIFY2(settled, "a fuzz connection neither answered nor closed");
        for (const auto &c : clients) {
            if (!c->received.isEmpty()) {
                QVERIFY2(c->received.startsWith("HTTP/1.1 "), c->received.left(40).toHex().constData());
                ++answered;
            } else {
                ++closedOnly;
            }
        }
    }
    QVERIFY(answered > 0);
    qInfo("fuzz: %d cases, %d answered, %d closed without answer", kCases, answered, closedOnly);
    // Still healthy afterwards.
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestsInProgress(), 0, 5000);
    Client c(port());
    c.send(get("/hello"));
    QVERIFY(c.waitResponses(1));
    QCOMPARE(c.responses().first().status, 200);
}

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
