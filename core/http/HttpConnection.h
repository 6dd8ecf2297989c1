// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "HttpRequest.h"
#include "HttpServerLimits.h"
#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <http_parser.h>

class QTcpSocket;
class QTimer;

namespace perimeter::http {

class HttpServer;
class HttpResponder;

// One accepted TCP connection: parses requests with libhttp-parser, queues up to
// maxPipelinedRequests of them and hands them to the server's handler strictly one at a time,
// so responses leave in request order. Owns the socket and the current responder.
class HttpConnection : public QObject {
    Q_OBJECT
public:
    HttpConnection(QTcpSocket *socket, HttpServer *server);
    ~HttpConnection() override;

    // Drain: close now when nothing is in progress, otherwise after the current response.
    void closeWhenIdle();
    // Closes at once; a responder in progress sees clientGone().
    void abortNow();
    // The server is going away: no more callbacks into it.
    void detachFromServer() { m_server = nullptr; }

private:
    friend class HttpResponder;

    enum class Framing { Length, Chunked, CloseDelimited };
    enum class TimerMode { None, Header, Body, Idle, Closing };

    struct Pending {
        HttpRequest request;
        int errorStatus = 0;   // nonzero: a protocol error answer instead of a request
        QByteArray errorCode;
        QString errorMessage;
        bool hasPartialRequest = false;
    };

    // Used by HttpResponder.
    QByteArray responseHead(int status, const HttpHeaders &headers, qint64 contentLength, Framing framing);
    bool currentRequestIsHttp10() const;
    void writeData(const QByteArray &data);
    void responseFinished(HttpResponder *responder);
    void abortResponse(HttpResponder *responder);
    qint64 bytesToWrite() const;

    void onReadyRead();
    void onBytesWritten();
    void onDisconnected();
    void onTimeout();
    void parseBuffered();
    void protocolError(int status, const QByteArray &code, const QString &message);
    void scheduleDispatch();
    void dispatchNext();
    void sendProtocolError(const Pending &pending);
    void closeGracefully();
    void maybeHalfClose();
    void resumeReading();
    void commitHeader();
    void setParseError(int status, const QByteArray &code, const QString &message);
    void finish();
    void armTimer(TimerMode mode);
    void updateIdleState();

    static int onMessageBegin(http_parser *parser);
    static int onUrl(http_parser *parser, const char *at, size_t length);
    static int onHeaderField(http_parser *parser, const char *at, size_t length);
    static int onHeaderValue(http_parser *parser, const char *at, size_t length);
    static int onHeadersComplete(http_parser *parser);
    static int onBody(http_parser *parser, const char *at, size_t length);
    static int onMessageComplete(http_parser *parser);
    static const http_parser_settings &parserSettings();

    int checkHeaderLimits();

    QTcpSocket *m_socket;
    HttpServer *m_server;
    HttpServerLimits m_limits;
    QHostAddress m_peerAddress;
    quint16 m_peerPort = 0;
    QTimer *m_timer;
    TimerMode m_timerMode = TimerMode::None;
    http_parser m_parser;
    QByteArray m_in;

    // Request being parsed.
    HttpRequest m_building;
    QByteArray m_field;
    QByteArray m_value;
    bool m_lastWasValue = false;
    bool m_inMessage = false;
    bool m_headersDone = false;
    int m_headerCount = 0;
    qint64 m_headerBytes = 0;
    int m_parseErrorStatus = 0;   // set by a callback that rejects the request
    QByteArray m_parseErrorCode;
    QString m_parseErrorMessage;

    QList<Pending> m_queue;
    HttpRequest m_currentRequest;
    QPointer<HttpResponder> m_current;
    bool m_closeAfterResponse = false;
    bool m_readPaused = false;     // queue full: leave bytes in the socket
    bool m_stopReading = false;    // no more requests will be accepted on this connection
    bool m_draining = false;
    bool m_dispatchScheduled = false;
    bool m_finished = false;
    bool m_closing = false;        // closeGracefully() began: flush, half-close, linger
    bool m_halfClosed = false;
};

} // namespace perimeter::http
