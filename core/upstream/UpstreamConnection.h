// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "UpstreamFailure.h"
#include "UpstreamRequest.h"
#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslError>
#include <QTimer>
#include <memory>

class QTcpSocket;
struct http_parser;
struct http_parser_settings;

namespace perimeter::upstream {

class UpstreamCall;

// One HTTP/1.1 connection to one upstream origin (plain TCP or TLS), carrying one exchange at a
// time and kept alive between exchanges when both sides allow it. Owned by UpstreamClient's
// pool; an exchange is driven into an UpstreamCall through its friend interface.
//
// Why our own connection rather than QNetworkAccessManager: QNAM runs every HTTP/1.1
// connection on a worker thread with cross-thread signal hops per chunk (measured: most of the
// gateway's CPU), caps connections at 6 per host and manager, and re-sends a request on its own
// when a kept-alive connection closes, which a relay of non-idempotent POSTs must decide itself.
// The response parser is libhttp-parser, the same proven parser the server side uses.
class UpstreamConnection : public QObject {
    Q_OBJECT
public:
    UpstreamConnection(QString hostKey, QString host, quint16 port, bool tls, QObject *parent);
    ~UpstreamConnection() override;

    QString hostKey() const { return m_hostKey; }
    bool isBusy() const { return m_busy; }
    // True when an idle connection may carry another exchange.
    bool isReusable() const;
    bool hasCarriedExchange() const { return m_exchanges > 0; }

    // Sends the serialized request for `call`, connecting first if needed. `headOnly`: the
    // request is HEAD, so the answer has no body whatever its headers say.
    void send(UpstreamCall *call, QByteArray wire, bool headOnly);
    // Drops the current exchange without a signal to the call; the socket is closed.
    void abandon();

Q_SIGNALS:
    // The exchange ended and the connection can carry another one.
    void becameIdle(perimeter::upstream::UpstreamConnection *connection);
    // The connection is unusable (closed, broken, or timed out while idle); the pool deletes it.
    void closed(perimeter::upstream::UpstreamConnection *connection);

private:
    static int onMessageBegin(http_parser *parser);
    static int onHeaderField(http_parser *parser, const char *at, size_t length);
    static int onHeaderValue(http_parser *parser, const char *at, size_t length);
    static int onHeadersComplete(http_parser *parser);
    static int onBody(http_parser *parser, const char *at, size_t length);
    static int onMessageComplete(http_parser *parser);
    static const http_parser_settings &parserSettings();

    void connectSocket();
    void writeRequest();
    void onReadyRead();
    void onDisconnected();
    void onSocketError();
    void onBytesWritten();
    void dispatchParsed();
    void resetParser();
    void failExchange(UpstreamFailure::Kind kind, const QString &message);
    void finishExchange();
    void goUnusable();

    QString m_hostKey;
    QString m_host;
    quint16 m_port;
    bool m_tls;
    QTcpSocket *m_socket = nullptr;
    std::unique_ptr<http_parser> m_parser;
    QTimer m_idleTimer;

    QPointer<UpstreamCall> m_call;
    bool m_busy = false;
    QByteArray m_pendingWire; // written once the connection is up
    int m_exchanges = 0;
    bool m_connected = false;
    bool m_unusable = false;
    bool m_keepAlive = false;
    bool m_reusedForThis = false;
    bool m_headOnly = false;
    qint64 m_responseBytes = 0;
    QList<QSslError> m_sslErrors;

    // Parser state of the current response, handed to the call after each read.
    UpstreamHeaders m_headers;
    QByteArray m_field;
    QByteArray m_value;
    bool m_lastWasValue = false;
    bool m_headersDone = false;
    bool m_messageDone = false;
    int m_status = 0;
    QByteArray m_bodyChunk;
};

} // namespace perimeter::upstream
