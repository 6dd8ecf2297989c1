// SPDX-License-Identifier: Apache-2.0
#include "LoopbackHttpServer.h"
#include "upstream/UpstreamClient.h"
#include <QElapsedTimer>
#include <QPointer>
#include <QProcess>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace perimeter::upstream;
using Behaviour = LoopbackHttpServer::Behaviour;
using Kind = UpstreamFailure::Kind;

namespace {

// Everything one call signalled, in order, with the time of each event.
struct Recorder {
    QPointer<UpstreamCall> call;
    QElapsedTimer clock;
    int status = 0;
    UpstreamHeaders headers;
    int startedCount = 0;
    QList<QByteArray> chunks;
    QList<qint64> chunkTimes;
    int finishedCount = 0;
    int failedCount = 0;
    UpstreamFailure failure;
    bool dataAfterEnd = false;

    explicit Recorder(UpstreamCall *c, QObject *context)
        : call(c)
    {
        clock.start();
        QObject::connect(c, &UpstreamCall::responseStarted, context, [this](int s, const UpstreamHeaders &h) {
            status = s;
            headers = h;
            ++startedCount;
        });
        QObject::connect(c, &UpstreamCall::dataReceived, context, [this](const QByteArray &chunk) {
            dataAfterEnd = dataAfterEnd || ended();
            chunks.append(chunk);
            chunkTimes.append(clock.elapsed());
        });
        QObject::connect(c, &UpstreamCall::finished, context, [this] { ++finishedCount; });
        QObject::connect(c, &UpstreamCall::failed, context, [this](const UpstreamFailure &f) {
            failure = f;
            ++failedCount;
        });
    }
    bool ended() const { return finishedCount + failedCount > 0; }
    QByteArray body() const { return chunks.join(); }
};

UpstreamRequest postTo(quint16 port, const QByteArray &body = "{\"model\":\"m\"}", const char *scheme = "http")
{
    UpstreamRequest request;
    request.url = QUrl(QStringLiteral("%1://127.0.0.1:%2/v1/chat/completions").arg(QLatin1String(scheme)).arg(port));
    request.method = "POST";
    request.body = body;
    request.headers = {{"Content-Type", "application/json"}, {"Authorization", "Bearer upstream-key"}};
    request.connectTimeoutMs = 5000;
    request.idleTimeoutMs = 10000;
    request.totalTimeoutMs = 30000;
    return request;
}

} // namespace

class TestUpstreamClient : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tlsDir;
    QSslCertificate m_certificate;
    QSslKey m_key;

    // A self-signed certificate for 127.0.0.1, made at test time so none is checked in.
    bool makeCertificate()
    {
        if (!m_certificate.isNull())
            return true;
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty() || !m_tlsDir.isValid())
            return false;
        const QString keyPath = m_tlsDir.filePath(QStringLiteral("key.pem"));
        const QString certPath = m_tlsDir.filePath(QStringLiteral("cert.pem"));
        QProcess process;
        process.start(openssl, {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                                QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                                QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                                QStringLiteral("-keyout"), keyPath, QStringLiteral("-out"), certPath,
                                QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
                                QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                                QStringLiteral("subjectAltName=IP:127.0.0.1")});
        if (!process.waitForFinished(30000) || process.exitCode() != 0)
            return false;
        QFile certFile(certPath);
        QFile keyFile(keyPath);
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
            return false;
        m_certificate = QSslCertificate(&certFile, QSsl::Pem);
        m_key = QSslKey(&keyFile, QSsl::Ec, QSsl::Pem);
        return !m_certificate.isNull() && !m_key.isNull();
    }

private Q_SLOTS:
    void plainPostRoundTrip()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        Behaviour behaviour;
        behaviour.chunks = {"{\"id\":\"x\",\"choices\":[]}"};
        behaviour.extraHeaders = {{"X-Upstream", "yes"}};
        server.setBehaviour(behaviour);

        UpstreamClient client;
        UpstreamRequest request = postTo(server.port());
        request.headers.append(qMakePair(QByteArray("Connection"), QByteArray("close"))); // hop-by-hop: must not be forwarded
        request.headers.append(qMakePair(QByteArray("Accept-Encoding"), QByteArray("gzip"))); // replaced by identity
        UpstreamCall *call = client.start(request);
        Recorder rec(call, this);
        QCOMPARE(client.inFlight(UpstreamClient::hostKey(request.url)), 1);

        QTRY_VERIFY_WITH_TIMEOUT(rec.ended(), 10000);
        QCOMPARE(rec.finishedCount, 1);
        QCOMPARE(rec.failedCount, 0);
        QCOMPARE(rec.startedCount, 1);
        QCOMPARE(rec.status, 200);
        QCOMPARE(rec.body(), behaviour.chunks.first());
        QVERIFY(rec.headers.contains(qMakePair(QByteArray("content-type"), QByteArray("application/json"))));
        QVERIFY(rec.headers.contains(qMakePair(QByteArray("x-upstream"), QByteArray("yes"))));
        QVERIFY(call);
        QCOMPARE(call->contentType(), QByteArray("application/json"));
        QVERIFY(call->msToHeaders() >= 0);
        QVERIFY(call->msTotal() >= call->msToHeaders());
        QCOMPARE(client.inFlight(UpstreamClient::hostKey(request.url)), 0);

        QCOMPARE(server.requests().size(), 1);
        const auto &received = server.requests().first();
        QCOMPARE(received.method, QByteArray("POST"));
        QCOMPARE(received.target, QByteArray("/v1/chat/completions"));
        QCOMPARE(received.body, request.body);
        QCOMPARE(received.header("authorization"), QByteArray("Bearer upstream-key"));
        QCOMPARE(received.header("accept-encoding"), QByteArray("identity"));
        QCOMPARE(received.header("content-type"), QByteArray("application/json"));
        QVERIFY(received.header("connection") != "close");

        QTRY_VERIFY(!rec.call); // deletes itself after finishing
    }

    void getRequest()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        Behaviour behaviour;
        behaviour.chunks = {"{\"data\":[]}"};
        server.setBehaviour(behaviour);
        UpstreamClient client;
        UpstreamRequest request = postTo(server.port(), {});
        request.url.setPath(QStringLiteral("/v1/models"));
        request.method = "GET";
        Recorder rec(client.start(request), this);
        QTRY_VERIFY_WITH_TIMEOUT(rec.ended(), 10000);
        QCOMPARE(rec.finishedCount, 1);
        QCOMPARE(server.requests().value(0).method, QByteArray("GET"));
        QCOMPARE(rec.body(), behaviour.chunks.first());
    }

    void httpErrorStatusIsAnAnswer_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("400") << 400;
        QTest::newRow("401") << 401;
        QTest::newRow("404") << 404;
        QTest::newRow("429") << 429;
        QTest::newRow("500") << 500;
        QTest::newRow("503") << 503;
    }
    void httpErrorStatusIsAnAnswer()
    {
        QFETCH(int, status);
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        Behaviour behaviour;
        behaviour.status = status;
        behaviour.chunks = {"{\"error\":{\"message\":\"nope\"}}"};
        server.setBehaviour(behaviour);
        UpstreamClient client;
        Recorder rec(client.start(postTo(server.port())), this);
        QTRY_VERIFY_WITH_TIMEOUT(rec.ended(), 10000);
        QCOMPARE(rec.failedCount, 0);
        QCOMPARE(rec.finishedCount, 1);
        QCOMPARE(rec.status, status);
        QCOMPARE(rec.body(), behaviour.chunks.first());
    }

    void redirectNotFollowed()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        Behaviour behaviour;
        behaviour.status = 302;
        behaviour.chunks = {};
        behaviour.extraHeaders = {{"Location", "http://127.0.0.1:" + QByteArray::number(server.port()) + "/elsewhere"}};
        server.setBehaviour(behaviour);
        UpstreamClient client;
        Recorder rec(client.start(postTo(server.port())), this);
        QTRY_VERIFY_WITH_TIMEOUT(rec.ended(), 10000);
        QCOMPARE(rec.finishedCount, 1);
        QCOMPARE(rec.status, 302);
        QTest::qWait(100);
        QCOMPARE(server.requests().size(), 1); // the credential never went to the Location
    }

    void streamedIncrementally_data()
    {
        QTest::addColumn<bool>("chunked");
        QTest::newRow("chunked") << true;
        QTest::newRow("content-length") << false;
    }
    void streamedIncrementally()
    {
        QFETCH(bool, chunked);
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        Behaviour behaviour;
        behaviour.contentType = "text/event-stream";
        behaviour.chunked = chunked;
        behaviour.delayMs = 80;
        for (int i = 0; i < 5; ++i)
            behaviour.chunks.append("data: {\"choices\":[{\"delta\":{\"content\":\"t" + QByteArray::number(i) + "\"}}]}\n\n");
        behaviour.chunks.removeFirst(); // the default "{}"
        behaviour.chunks.append("data: [DONE]\n\n");
        server.setBehaviour(behaviour);

        UpstreamClient client;
        Recorder rec(client.start(postTo(server.port())), this);
        QTRY_VERIFY_WITH_TIMEOUT(rec.ended(), 10000);
        QCOMPARE(rec.finishedCount, 1);
        QCOMPARE(rec.body(), behaviour.chunks.join());
        // Five delays of 80 ms: bytes must have been handed over as they arrived, not at the end.
        QVERIFY2(rec.chunks.size() >= 4, qPrintable(QString::number(rec.chunks.size())));
        QVERIFY2(rec.chunkTimes.last() - rec.chunkTimes.first() >= 250,
                 qPrintable(QStringLiteral("first %1 ms, last %2 ms").arg(rec.chunkTimes.first()).arg(rec.chunkTimes.last())));
        QVERIFY(!rec.dataAfterEnd);
    }

    void manyConcurrentStreamsToOneHost()
    {
        constexpr int kStreams = 300;
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        Behaviour behaviour;
        behaviour.contentType = "text/event-stream";
        behaviour.chunked = true;
        behaviour.chunks = {"data: {\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\n\n", "data: [DONE]\n\n"};
        behaviour.delayMs = 300;
        behaviour.holdUntilRequests = kStreams; // nobody gets an answer until all 300 are in
        server.setBehaviour(behaviour);

        UpstreamClient client;
        const UpstreamRequest request = postTo(server.port());
        const QString key = UpstreamClient::hostKey(request.url);
        std::vector<std::unique_ptr<Recorder>> recorders;
        int startedBeforeFirstEnd = -1;
        int started = 0;
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < kStreams; ++i) {
            UpstreamCall *call = client.start(request);
            connect(call, &UpstreamCall::responseStarted, this, [&started] { ++started; });
            connect(call, &UpstreamCall::finished, this, [&] {
                if (startedBeforeFirstEnd < 0)
                    startedBeforeFirstEnd = started;
            });
            recorders.push_back(std::make_unique<Recorder>(call, this));
        }
        QCOMPARE(client.inFlight(key), kStreams);
        QTRY_COMPARE_WITH_TIMEOUT(int(server.requests().size()), kStreams, 60000);
        const qint64 allArrivedMs = clock.elapsed();
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(recorders.begin(), recorders.end(), [](const auto &r) { return r->ended(); }), 60000);

        int finished = 0;
        for (const auto &r : recorders) {
            finished += r->finishedCount;
            QCOMPARE(r->failedCount, 0);
            QCOMPARE(r->body(), behaviour.chunks.join());
        }
        QCOMPARE(finished, kStreams);
        QCOMPARE(startedBeforeFirstEnd, kStreams); // every stream was open before any ended
        QVERIFY2(server.maxOpenConnections() >= kStreams, qPrintable(QString::number(server.maxOpenConnections())));
        QCOMPARE(client.inFlight(key), 0);
        qInfo("%d concurrent streams to one host: all requests in after %lld ms, %d connections",
              kStreams, allArrivedMs, server.maxOpenConnections());
        // Every connection went back to the pool for reuse once its stream ended.
        // Every connection went back to the pool for reuse once its stream ended, up to its bound.
        QCOMPARE(client.idleConnectionCount(key), std::min(kStreams, UpstreamClient::kMaxIdlePerHost));
        QCOMPARE(client.connectionCount(key), client.idleConnectionCount(key));
    }

    void connectFailure()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close(); // nothing listens there now

        UpstreamClient client;
        Recorder rec(client.start(postTo(port)), this);
        QTRY_VERIFY_WITH_TIMEOUT(rec.ended(), 10000);
        QCOMPARE(rec.failedCount, 1);
        QCOMPARE(rec.finishedCount, 0);
        QCOMPARE(rec.failure.kind, Kind::ConnectFailed);
        QVERIFY(rec.failure.beforeResponse);
        QCOMPARE(rec.startedCount, 0);
        QVERIFY(!rec.failure.message.contains(QLatin1String("upstream-key")));
    }

    void idleTimeout_data()
    {
        QTest::addColumn<bool>("beforeHeaders");
        QTest::newRow("before-headers") << true;
        QTest::newRow("mid-stream") << false;
    }
    void idleTimeout()
    {
        QFETCH(bool, beforeHeaders);
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        Behaviour behaviour;
        behaviour.hangBeforeHeaders = beforeHeaders;
        behaviour.chunked = true;
        behaviour.chunks = {"data: {}\n\n"};
        behaviour.end = Behaviour::End::Hang;
        server.setBehaviour(behaviour);

        UpstreamClient client;
        UpstreamRequest request = postTo(server.port());
        request.idleTimeoutMs = 300;
        Recorder rec(client.start(request), this);
        QTRY_VERIFY_WITH_TIMEOUT(rec.ended(), 10000);
        const qint64 elapsed = rec.clock.elapsed();
        QCOMPARE(rec.failedCount, 1);
        QCOMPARE(rec.failure.kind, Kind::Timeout);
        QCOMPARE(rec.failure.beforeResponse, beforeHeaders);
        QVERIFY(rec.failure.message.contains(QLatin1String("idle")));
        QVERIFY2(elapsed >= 280 && elapsed < 3000, qPrintable(QString::number(elapsed)));
        if (!beforeHeaders)
            QCOMPARE(rec.body(), behaviour.chunks.first());
        QTRY_COMPARE(server.openConnections(), 0); // the upstream request was cancelled
    }

    void totalTimeout()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        Behaviour behaviour;
        behaviour.chunked = true;
        behaviour.delayMs = 100;
        behaviour.chunks = QList<QByteArray>(50, "data: {}\n\n"); // 5 s of trickle, never idle
        server.setBehaviour(behaviour);
        UpstreamClient client;
        UpstreamRequest request = postTo(server.port());
        request.idleTimeoutMs = 1000;
        request.totalTimeoutMs = 600;
        Recorder rec(client.start(request), this);
        QTRY_VERIFY_WITH_TIMEOUT(rec.ended(), 10000);
        QCOMPARE(rec.failure.kind, Kind::Timeout);
        QVERIFY(rec.failure.message.contains(QLatin1String("total")));
        QVERIFY(!rec.failure.beforeResponse);
        QVERIFY(rec.chunks.size() >= 2);
    }

    void brokenMidBody_data()
    {
        QTest::addColumn<bool>("chunked");
        QTest::addColumn<bool>("rst");
        QTest::newRow("content-length-fin") << false << false;
        QTest::newRow("content-length-rst") << false << true;
        QTest::newRow("chunked-fin") << true << false;
        QTest::newRow("chunked-rst") << true << true;
    }
    void brokenMidBody()
    {
        QFETCH(bool, chunked);
        QFETCH(bool, rst);
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        Behaviour behaviour;
        behaviour.chunked = chunked;
        behaviour.declaredLength = 1000;
        behaviour.chunks = {QByteArray(100, 'x')};
        behaviour.end = rst ? Behaviour::End::Reset : Behaviour::End::Close;
        server.setBehaviour(behaviour);
        UpstreamClient client;
        Recorder rec(client.start(postTo(server.port())), this);
        QTRY_VERIFY_WITH_TIMEOUT(rec.ended(), 10000);
        QCOMPARE(rec.finishedCount, 0);
        QCOMPARE(rec.failedCount, 1);
        QCOMPARE(rec.failure.kind, Kind::Reset);
        QVERIFY(!rec.failure.beforeResponse);
        QCOMPARE(rec.startedCount, 1);
        QVERIFY(!rec.failure.message.contains(QLatin1String("xxxx")));
    }

    void closedWithoutAnswer()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        Behaviour behaviour;
        behaviour.hangBeforeHeaders = true;
        server.setBehaviour(behaviour);
        UpstreamClient client;
        Recorder rec(client.start(postTo(server.port())), this);
        QTRY_COMPARE_WITH_TIMEOUT(int(server.requests().size()), 1, 10000);
        // The request was sent and nothing came back. The client never re-sends a request on its
        // own (a POST may not be idempotent): the call ends as Reset and UpstreamRelay decides.
        server.closeAll();
        QTRY_VERIFY_WITH_TIMEOUT(rec.ended(), 10000);
        QTest::qWait(100);
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(rec.failedCount, 1);
        QVERIFY2(rec.failure.kind == Kind::Reset, qPrintable(rec.failure.message));
        QVERIFY(rec.failure.beforeResponse);
    }

    void abortCancels_data()
    {
        QTest::addColumn<bool>("afterFirstChunk");
        QTest::newRow("before-headers") << false;
        QTest::newRow("mid-stream") << true;
    }
    void abortCancels()
    {
        QFETCH(bool, afterFirstChunk);
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        Behaviour behaviour;
        behaviour.hangBeforeHeaders = !afterFirstChunk;
        behaviour.chunked = true;
        behaviour.chunks = {"data: {}\n\n"};
        behaviour.end = Behaviour::End::Hang;
        server.setBehaviour(behaviour);
        UpstreamClient client;
        const UpstreamRequest request = postTo(server.port());
        UpstreamCall *call = client.start(request);
        Recorder rec(call, this);
        if (afterFirstChunk)
            QTRY_COMPARE_WITH_TIMEOUT(rec.chunks.size(), 1, 10000);
        else
            QTRY_COMPARE_WITH_TIMEOUT(int(server.requests().size()), 1, 10000);
        QCOMPARE(server.openConnections(), 1);

        call->abort();
        QCOMPARE(rec.failedCount, 1); // synchronous
        QCOMPARE(rec.failure.kind, Kind::Aborted);
        QCOMPARE(rec.failure.beforeResponse, !afterFirstChunk);
        QCOMPARE(client.inFlight(UpstreamClient::hostKey(request.url)), 0);
        call->abort(); // no second signal
        QCOMPARE(rec.failedCount, 1);
        QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 0, 5000); // the upstream saw the cancel
        QTest::qWait(50);
        QCOMPARE(rec.failedCount + rec.finishedCount, 1);
        QVERIFY(!rec.call);
    }

    void unsupportedUrlFailsAsynchronously()
    {
        UpstreamClient client;
        UpstreamRequest request;
        request.url = QUrl(QStringLiteral("ftp://127.0.0.1/x"));
        UpstreamCall *call = client.start(request);
        QVERIFY(call);
        QSignalSpy failedSpy(call, &UpstreamCall::failed);
        QVERIFY(failedSpy.wait(2000));
        QCOMPARE(failedSpy.first().first().value<UpstreamFailure>().kind, Kind::ProtocolError);
    }

    // Sequential requests share one kept-alive connection instead of paying a connect each.
    void keepAliveConnectionReused()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        Behaviour behaviour;
        behaviour.chunks = {"{\"n\":1}"};
        server.setBehaviour(behaviour);
        UpstreamClient client;
        const UpstreamRequest request = postTo(server.port());
        for (int i = 0; i < 3; ++i) {
            Recorder rec(client.start(request), this);
            QTRY_VERIFY_WITH_TIMEOUT(rec.ended(), 10000);
            QVERIFY2(rec.failedCount == 0, qPrintable(rec.failure.message));
            QCOMPARE(rec.body(), behaviour.chunks.first());
        }
        QCOMPARE(server.requests().size(), 3);
        QCOMPARE(server.connectionsAccepted(), 1);
        const QString key = UpstreamClient::hostKey(request.url);
        QCOMPARE(client.connectionCount(key), 1);
        QCOMPARE(client.idleConnectionCount(key), 1);
    }

    // The upstream closed the idle connection: the next request opens a new one and succeeds.
    void closedIdleConnectionNotReused()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        UpstreamClient client;
        const UpstreamRequest request = postTo(server.port());
        const QString key = UpstreamClient::hostKey(request.url);
        {
            Recorder rec(client.start(request), this);
            QTRY_VERIFY_WITH_TIMEOUT(rec.ended(), 10000);
            QCOMPARE(rec.finishedCount, 1);
        }
        QCOMPARE(client.idleConnectionCount(key), 1);
        server.closeAll();
        QTRY_COMPARE_WITH_TIMEOUT(client.connectionCount(key), 0, 5000);
        Recorder rec(client.start(request), this);
        QTRY_VERIFY_WITH_TIMEOUT(rec.ended(), 10000);
        QVERIFY2(rec.failedCount == 0, qPrintable(rec.failure.message));
        QCOMPARE(server.connectionsAccepted(), 2);
    }

    // A header value with a line break would let a caller-influenced value split the request.
    void headerWithLineBreakRefused_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("CRLF in value") << QByteArray("X-Trace") << QByteArray("a\r\nX-Injected: 1");
        QTest::newRow("LF in value") << QByteArray("X-Trace") << QByteArray("a\nb");
        QTest::newRow("colon in name") << QByteArray("X-A:B") << QByteArray("v");
        QTest::newRow("space in name") << QByteArray("X A") << QByteArray("v");
    }

    void headerWithLineBreakRefused()
    {
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, value);
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        UpstreamClient client;
        UpstreamRequest request = postTo(server.port());
        request.headers.append({name, value});
        Recorder rec(client.start(request), this);
        QTRY_VERIFY_WITH_TIMEOUT(rec.ended(), 5000);
        QCOMPARE(rec.failedCount, 1);
        QCOMPARE(rec.failure.kind, Kind::ProtocolError);
        QVERIFY(!rec.failure.message.contains(QString::fromLatin1(value)));
        QTest::qWait(50);
        QCOMPARE(server.connectionsAccepted(), 0);
    }

    void hostKey_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("key");
        QTest::newRow("https-default") << "https://API.example.com/v1" << "https://api.example.com:443";
        QTest::newRow("http-default") << "http://gpu-1/v1" << "http://gpu-1:80";
        QTest::newRow("explicit-port") << "http://127.0.0.1:9101/v1/models" << "http://127.0.0.1:9101";
    }
    void hostKey()
    {
        QFETCH(QString, url);
        QFETCH(QString, key);
        QCOMPARE(UpstreamClient::hostKey(QUrl(url)), key);
    }

    void tlsSelfSignedRejected()
    {
        if (!makeCertificate())
            QSKIP("openssl CLI not available to make a test certificate");
        LoopbackHttpServer server;
        QVERIFY(server.listenTls(m_certificate, m_key));
        UpstreamClient client;
        Recorder rec(client.start(postTo(server.port(), "{\"model\":\"m\"}", "https")), this);
        QTRY_VERIFY_WITH_TIMEOUT(rec.ended(), 10000);
        QCOMPARE(rec.finishedCount, 0);
        QCOMPARE(rec.failedCount, 1);
        QCOMPARE(rec.failure.kind, Kind::TlsError);
        QVERIFY(rec.failure.beforeResponse);
        QVERIFY2(!rec.failure.message.isEmpty(), "names the TLS problem");
        QVERIFY(server.requests().isEmpty()); // not a byte of the request was sent
    }

    // Control for the test above: the same server is accepted once its certificate is trusted,
    // so the rejection was certificate verification and not a broken TLS setup.
    void tlsTrustedCertificateAccepted()
    {
        if (!makeCertificate())
            QSKIP("openssl CLI not available to make a test certificate");
        const QSslConfiguration original = QSslConfiguration::defaultConfiguration();
        QSslConfiguration trusting = original;
        trusting.addCaCertificate(m_certificate);
        QSslConfiguration::setDefaultConfiguration(trusting);
        auto restore = qScopeGuard([&original] { QSslConfiguration::setDefaultConfiguration(original); });

        LoopbackHttpServer server;
        QVERIFY(server.listenTls(m_certificate, m_key));
        Behaviour behaviour;
        behaviour.chunks = {"{\"ok\":true}"};
        server.setBehaviour(behaviour);
        UpstreamClient client;
        Recorder rec(client.start(postTo(server.port(), "{\"model\":\"m\"}", "https")), this);
        QTRY_VERIFY_WITH_TIMEOUT(rec.ended(), 10000);
        QVERIFY2(rec.failedCount == 0, qPrintable(rec.failure.message));
        QCOMPARE(rec.status, 200);
        QCOMPARE(rec.body(), behaviour.chunks.first());
        QCOMPARE(server.requests().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestUpstreamClient)
#include "tst_upstreamclient.moc"
