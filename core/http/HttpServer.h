// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "HttpResponder.h"
#include "HttpServerLimits.h"
#include <QHostAddress>
#include <QObject>
#include <functional>

class QTcpServer;

namespace perimeter::http {

// HTTP/1.1 server on QTcpServer with libhttp-parser: keep-alive, in-order pipelining (one
// request of a connection is handed out at a time; the next after its response finished),
// chunked request bodies, size limits and timeouts, graceful drain.
class HttpServer : public QObject {
    Q_OBJECT
public:
    // Called on the server's thread for each complete request. The handler answers through
    // the responder, now or later (asynchronously).
    using Handler = std::function<void(const HttpRequest &request, HttpResponder *responder)>;
    // Builds the answer for requests the server refuses itself (400 malformed, 408 timeout,
    // 413 body too large, 431 headers too large). `code` is a stable reason code such as
    // "payload_too_large"; the hook fills headers and body. Without a hook a plain JSON error is sent.
    using ProtocolErrorHook = std::function<void(int status, const QByteArray &code, const QString &message,
                                                 const HttpRequest *partialRequest, HttpHeaders &headers,
                                                 QByteArray &body)>;

    explicit HttpServer(QObject *parent = nullptr);
    ~HttpServer() override;

    void setHandler(Handler handler);
    void setProtocolErrorHook(ProtocolErrorHook hook);
    void setLimits(const HttpServerLimits &limits);
    const HttpServerLimits &limits() const { return m_limits; }

    bool listen(const QHostAddress &address, quint16 port);
    quint16 serverPort() const;
    QHostAddress serverAddress() const;
    QString errorString() const;

    // Graceful drain: stop accepting, close idle keep-alive connections, let requests in
    // progress finish (their connections close after the response). drained() follows when
    // nothing is in progress any more (at once if nothing is).
    void stopAccepting();
    // Closes every connection now, in progress or not.
    void abortAll();

    int connectionCount() const;
    int requestsInProgress() const;

Q_SIGNALS:
    void drained();

private:
    friend class HttpConnection;
    void connectionFinished(HttpConnection *connection);
    void requestStarted();
    void requestFinished();
    void onNewConnection();
    void checkDrained();

    QTcpServer *m_server;
    Handler m_handler;
    ProtocolErrorHook m_errorHook;
    HttpServerLimits m_limits;
    QList<HttpConnection *> m_connections;
    int m_inProgress = 0;
    bool m_draining = false;
    bool m_drainNotified = false;   // drained() already queued for the current stopAccepting()
};

} // namespace perimeter::http
