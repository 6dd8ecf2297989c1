// SPDX-License-Identifier: Apache-2.0
#include "HttpConnection.h"
#include "HttpProtocol.h"
#include "HttpResponder.h"
#include "HttpServer.h"
#include <QTcpSocket>
#include <QTimer>
#include <cstring>
#include <sys/socket.h>

namespace perimeter::http {

namespace {
// A request with more header lines than this is hostile or broken; answered like oversized headers.
constexpr int kMaxHeaderCount = 256;
// Request line and header separators that the byte count of the parser callbacks does not see.
constexpr int kHeaderLineOverhead = 4;
// Bounds how much a paused connection lets Qt buffer before TCP flow control pushes back.
constexpr qint64 kSocketReadBuffer = 256 * 1024;
constexpr quint64 kInitialBodyReserve = 64 * 1024;
// A closing connection whose peer makes no progress reading (or does not close) is aborted.
constexpr int kCloseLingerMs = 5'000;

HttpConnection *self(http_parser *parser) { return static_cast<HttpConnection *>(parser->data); }

// RFC 9110 token characters; the parser itself lets some others through in header names.
bool isToken(QByteArrayView v)
{
    if (v.isEmpty())
        return false;
    for (char c : v) {
        const auto u = static_cast<unsigned char>(c);
        const bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9')
            || (u != 0 && std::strchr("!#$%&'*+-.^_`|~", c) != nullptr);
        if (!ok)
            return false;
    }
    return true;
}

bool hasControlBytes(QByteArrayView v)
{
    for (char c : v) {
        if (c == '\0' || c == '\r' || c == '\n')
            return true;
    }
    return false;
}
} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, HttpServer *server)
    : QObject(server)
    , m_socket(socket)
    , m_server(server)
    , m_limits(server->limits())
    , m_timer(new QTimer(this))
{
    m_socket->setParent(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_socket->setReadBufferSize(kSocketReadBuffer);
    m_peerAddress = m_socket->peerAddress();
    m_peerPort = m_socket->peerPort();
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_socket->state() == QAbstractSocket::UnconnectedState)
            finish();
    });
    http_parser_init(&m_parser, HTTP_REQUEST);
    m_parser.data = this;
    // Slow-loris protection starts with the connection, not with the first byte.
    armTimer(TimerMode::Header);
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection()
{
    m_socket->disconnect(this);
    m_timer->stop();
}

const http_parser_settings &HttpConnection::parserSettings()
{
    static const http_parser_settings settings = [] {
        http_parser_settings s;
        http_parser_settings_init(&s);
        s.on_message_begin = &HttpConnection::onMessageBegin;
        s.on_url = &HttpConnection::onUrl;
        s.on_header_field = &HttpConnection::onHeaderField;
        s.on_header_value = &HttpConnection::onHeaderValue;
        s.on_headers_complete = &HttpConnection::onHeadersComplete;
        s.on_body = &HttpConnection::onBody;
        s.on_message_complete = &HttpConnection::onMessageComplete;
        return s;
    }();
    return settings;
}

// ---- parser callbacks -------------------------------------------------------------------

void HttpConnection::setParseError(int status, const QByteArray &code, const QString &message)
{
    if (m_parseErrorStatus != 0)
        return;
    m_parseErrorStatus = status;
    m_parseErrorCode = code;
    m_parseErrorMessage = message;
}

int HttpConnection::checkHeaderLimits()
{
    if (m_headerBytes > m_limits.maxHeaderBytes || m_headerCount > kMaxHeaderCount) {
        setParseError(431, QByteArrayLiteral("headers_too_large"),
                      QStringLiteral("Request header fields too large"));
        return -1;
    }
    return 0;
}

int HttpConnection::onMessageBegin(http_parser *parser)
{
    HttpConnection *c = self(parser);
    c->m_building = HttpRequest{};
    c->m_building.peerAddress = c->m_peerAddress;
    c->m_building.peerPort = c->m_peerPort;
    c->m_field.clear();
    c->m_value.clear();
    c->m_lastWasValue = false;
    c->m_inMessage = true;
    c->m_headersDone = false;
    c->m_headerCount = 0;
    c->m_headerBytes = 0;
    if (c->m_timerMode != TimerMode::Header)
        c->armTimer(TimerMode::Header);
    return 0;
}

int HttpConnection::onUrl(http_parser *parser, const char *at, size_t length)
{
    HttpConnection *c = self(parser);
    c->m_building.target.append(at, qsizetype(length));
    c->m_headerBytes += qint64(length) + kHeaderLineOverhead + 12;
    return c->checkHeaderLimits();
}

void HttpConnection::commitHeader()
{
    if (m_field.isEmpty())
        return;
    ++m_headerCount;
    m_headerBytes += kHeaderLineOverhead;
    if (hasControlBytes(m_value) || !isToken(m_field))
        setParseError(400, QByteArrayLiteral("invalid_request"), QStringLiteral("Malformed HTTP request header"));
    m_building.headers.append({m_field.toLower(), m_value.trimmed()});
    m_field.clear();
    m_value.clear();
}

int HttpConnection::onHeaderField(http_parser *parser, const char *at, size_t length)
{
    HttpConnection *c = self(parser);
    if (c->m_lastWasValue) {
        c->commitHeader();
        c->m_lastWasValue = false;
    }
    c->m_field.append(at, qsizetype(length));
    c->m_headerBytes += qint64(length);
    if (c->m_parseErrorStatus != 0)
        return -1;
    return c->checkHeaderLimits();
}

int HttpConnection::onHeaderValue(http_parser *parser, const char *at, size_t length)
{
    HttpConnection *c = self(parser);
    c->m_value.append(at, qsizetype(length));
    c->m_lastWasValue = true;
    c->m_headerBytes += qint64(length);
    return c->checkHeaderLimits();
}

int HttpConnection::onHeadersComplete(http_parser *parser)
{
    HttpConnection *c = self(parser);
    c->commitHeader();
    c->m_lastWasValue = false;
    if (c->m_parseErrorStatus != 0 || c->checkHeaderLimits() != 0)
        return -1;
    c->m_headersDone = true;

    HttpRequest &r = c->m_building;
    r.method = QByteArray(http_method_str(static_cast<http_method>(parser->method)));
    r.versionMajor = parser->http_major;
    r.versionMinor = parser->http_minor;
    r.keepAlive = http_should_keep_alive(parser) != 0;
    const qsizetype q = r.target.indexOf('?');
    r.path = q < 0 ? r.target : r.target.left(q);
    r.query = q < 0 ? QByteArray() : r.target.mid(q + 1);

    const bool chunked = (parser->flags & F_CHUNKED) != 0;
    const bool hasLength = (parser->flags & F_CONTENTLENGTH) != 0;
    if (hasLength && parser->content_length > quint64(c->m_limits.maxBodyBytes)) {
        c->setParseError(413, QByteArrayLiteral("payload_too_large"), QStringLiteral("Request body too large"));
        return -1;
    }
    const bool hasBody = chunked || (hasLength && parser->content_length > 0);
    if (!hasBody) {
        c->armTimer(TimerMode::None);
        return 0;
    }
    // Announced is not received: a client must not make us commit memory by promising a body.
    if (hasLength)
        r.body.reserve(qsizetype(qMin<quint64>(parser->content_length, kInitialBodyReserve)));
    c->armTimer(TimerMode::Body);
    // curl and others wait up to a second for "100 Continue" before sending a larger body. It may
    // only go out when no earlier response is on the wire, or it would land inside that one.
    if (r.header("expect").compare("100-continue", Qt::CaseInsensitive) == 0 && !c->m_current
        && c->m_queue.isEmpty() && r.versionMinor >= 1)
        c->writeData(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
    return 0;
}

int HttpConnection::onBody(http_parser *parser, const char *at, size_t length)
{
    HttpConnection *c = self(parser);
    if (c->m_building.body.size() + qint64(length) > c->m_limits.maxBodyBytes) {
        c->setParseError(413, QByteArrayLiteral("payload_too_large"), QStringLiteral("Request body too large"));
        return -1;
    }
    c->m_building.body.append(at, qsizetype(length));
    return 0;
}

int HttpConnection::onMessageComplete(http_parser *parser)
{
    HttpConnection *c = self(parser);
    c->m_inMessage = false;
    c->armTimer(TimerMode::None);
    Pending p;
    p.request = std::move(c->m_building);
    c->m_building = HttpRequest{};
    // Upgrades (WebSocket, CONNECT) are not spoken here: answer as plain HTTP, then close.
    if (parser->upgrade)
        p.request.keepAlive = false;
    if (!p.request.keepAlive)
        c->m_stopReading = true;
    c->m_queue.append(std::move(p));
    if (c->m_server)
        c->m_server->requestStarted();
    c->scheduleDispatch();
    // Returns control after each message so the queue bound is checked between requests.
    http_parser_pause(parser, 1);
    return 0;
}

// ---- input ---------------------------------------------------------------------------------

void HttpConnection::onReadyRead()
{
    if (m_finished || m_readPaused)
        return;
    if (m_stopReading) {
        // Keep draining so that closing does not turn into a reset that destroys our answer.
        m_socket->readAll();
        return;
    }
    m_in.append(m_socket->readAll());
    parseBuffered();
}

void HttpConnection::parseBuffered()
{
    qsizetype offset = 0;
    while (offset < m_in.size() && !m_stopReading && !m_finished) {
        if (m_queue.size() >= m_limits.maxPipelinedRequests) {
            m_readPaused = true;
            // A full queue is the server's doing; the client is not slow.
            if (m_timerMode == TimerMode::Header || m_timerMode == TimerMode::Body)
                armTimer(TimerMode::None);
            break;
        }
        const size_t n = http_parser_execute(&m_parser, &parserSettings(), m_in.constData() + offset,
                                             size_t(m_in.size() - offset));
        offset += qsizetype(n);
        const http_errno err = HTTP_PARSER_ERRNO(&m_parser);
        if (err == HPE_PAUSED) {
            http_parser_pause(&m_parser, 0);
            continue;
        }
        if (err != HPE_OK) {
            if (m_parseErrorStatus != 0)
                protocolError(m_parseErrorStatus, m_parseErrorCode, m_parseErrorMessage);
            else if (err == HPE_HEADER_OVERFLOW)
                protocolError(431, QByteArrayLiteral("headers_too_large"),
                              QStringLiteral("Request header fields too large"));
            else
                protocolError(400, QByteArrayLiteral("invalid_request"), QStringLiteral("Malformed HTTP request"));
            break;
        }
        if (n == 0)
            break;
    }
    if (m_stopReading || offset >= m_in.size())
        m_in.clear();
    else if (offset > 0)
        m_in.remove(0, offset);
}

void HttpConnection::resumeReading()
{
    if (!m_readPaused || m_stopReading || m_finished)
        return;
    m_readPaused = false;
    if (m_inMessage)
        armTimer(m_headersDone ? TimerMode::Body : TimerMode::Header);
    // Queued: the caller may be in the middle of dispatching a request.
    QMetaObject::invokeMethod(this, [this] {
        if (m_finished || m_readPaused || m_stopReading)
            return;
        m_in.append(m_socket->readAll());
        parseBuffered();
    }, Qt::QueuedConnection);
}

void HttpConnection::protocolError(int status, const QByteArray &code, const QString &message)
{
    m_stopReading = true;
    m_readPaused = false;
    armTimer(TimerMode::None);
    Pending p;
    p.errorStatus = status;
    p.errorCode = code;
    p.errorMessage = message;
    p.hasPartialRequest = m_inMessage;
    if (m_inMessage)
        p.request = m_building;
    m_inMessage = false;
    m_queue.append(std::move(p));
    scheduleDispatch();
}

// ---- dispatch and output -----------------------------------------------------------------

void HttpConnection::scheduleDispatch()
{
    if (m_dispatchScheduled || m_finished)
        return;
    m_dispatchScheduled = true;
    QMetaObject::invokeMethod(this, &HttpConnection::dispatchNext, Qt::QueuedConnection);
}

void HttpConnection::dispatchNext()
{
    m_dispatchScheduled = false;
    if (m_finished || m_closing || m_current)
        return;
    if (m_queue.isEmpty()) {
        if (m_draining) {
            closeGracefully();
            return;
        }
        resumeReading();
        updateIdleState();
        return;
    }
    Pending p = m_queue.takeFirst();
    if (p.errorStatus != 0) {
        sendProtocolError(p);
        return;
    }
    m_currentRequest = std::move(p.request);
    m_closeAfterResponse = !m_currentRequest.keepAlive || m_draining;
    auto *responder = new HttpResponder(this);
    m_current = responder;
    if (m_timerMode == TimerMode::Idle)
        armTimer(TimerMode::None);
    resumeReading();
    if (m_server && m_server->m_handler) {
        m_server->m_handler(m_currentRequest, responder);
    } else {
        responder->send(503, {{QByteArrayLiteral("content-type"), QByteArrayLiteral("application/json")}},
                        defaultErrorBody(QByteArrayLiteral("no_handler"), QStringLiteral("No request handler")));
    }
}

void HttpConnection::sendProtocolError(const Pending &pending)
{
    HttpHeaders headers;
    QByteArray body;
    if (m_server && m_server->m_errorHook) {
        m_server->m_errorHook(pending.errorStatus, pending.errorCode, pending.errorMessage,
                              pending.hasPartialRequest ? &pending.request : nullptr, headers, body);
    } else {
        headers.append({QByteArrayLiteral("content-type"), QByteArrayLiteral("application/json")});
        body = defaultErrorBody(pending.errorCode, pending.errorMessage);
    }
    m_closeAfterResponse = true;
    // The answer is given as HTTP/1.1 whatever the partial request claimed.
    m_currentRequest = HttpRequest{};
    QByteArray out = responseHead(pending.errorStatus, headers, body.size(), Framing::Length);
    out += body;
    writeData(out);
    closeGracefully();
}

bool HttpConnection::currentRequestIsHttp10() const
{
    return m_currentRequest.versionMajor == 1 && m_currentRequest.versionMinor == 0;
}

QByteArray HttpConnection::responseHead(int status, const HttpHeaders &headers, qint64 contentLength, Framing framing)
{
    if (framing == Framing::CloseDelimited)
        m_closeAfterResponse = true;
    QByteArray out;
    out.reserve(256);
    out += "HTTP/1.1 ";
    out += QByteArray::number(status);
    out += ' ';
    out += reasonPhrase(status);
    out += "\r\n";
    for (const auto &h : headers) {
        // Dropped rather than written: a CR or LF here would let a value split the response.
        if (h.first.isEmpty() || hasControlBytes(h.first) || hasControlBytes(h.second))
            continue;
        if (isServerOwnedHeader(h.first.toLower()))
            continue;
        out += h.first;
        out += ": ";
        out += h.second;
        out += "\r\n";
    }
    out += "Date: ";
    out += httpDate();
    out += "\r\n";
    if (framing == Framing::Length) {
        out += "Content-Length: ";
        out += QByteArray::number(contentLength);
        out += "\r\n";
    } else if (framing == Framing::Chunked) {
        out += "Transfer-Encoding: chunked\r\n";
    }
    if (m_draining)
        m_closeAfterResponse = true;
    out += m_closeAfterResponse ? "Connection: close\r\n" : "Connection: keep-alive\r\n";
    out += "\r\n";
    return out;
}

void HttpConnection::writeData(const QByteArray &data)
{
    if (m_finished || m_halfClosed || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    m_socket->write(data);
}

qint64 HttpConnection::bytesToWrite() const
{
    return m_finished ? 0 : m_socket->bytesToWrite();
}

void HttpConnection::responseFinished(HttpResponder *responder)
{
    if (responder != m_current)
        return;
    m_current = nullptr;
    responder->deleteLater();
    if (m_server)
        m_server->requestFinished();
    if (m_closeAfterResponse || m_draining) {
        closeGracefully();
        return;
    }
    scheduleDispatch();
}

void HttpConnection::abortResponse(HttpResponder *responder)
{
    if (responder != m_current)
        return;
    m_current = nullptr;
    responder->deleteLater();
    if (m_server)
        m_server->requestFinished();
    // A reset, not an orderly close: the client must not mistake the truncated answer for a whole one.
    const qintptr fd = m_socket->socketDescriptor();
    if (fd >= 0) {
        const linger hard{1, 0};
        ::setsockopt(int(fd), SOL_SOCKET, SO_LINGER, &hard, sizeof(hard));
    }
    abortNow();
}

void HttpConnection::onBytesWritten()
{
    if (m_current)
        Q_EMIT m_current->bytesWritten();
    if (m_closing) {
        armTimer(TimerMode::Closing);
        maybeHalfClose();
    }
}

// ---- closing -------------------------------------------------------------------------------

void HttpConnection::updateIdleState()
{
    if (!m_current && m_queue.isEmpty() && !m_inMessage && !m_stopReading && !m_finished && !m_closing)
        armTimer(TimerMode::Idle);
}

void HttpConnection::closeWhenIdle()
{
    m_draining = true;
    if (!m_current && m_queue.isEmpty())
        closeGracefully();
}

void HttpConnection::closeGracefully()
{
    if (m_finished || m_closing)
        return;
    m_closing = true;
    m_stopReading = true;
    m_readPaused = false;
    m_in.clear();
    // Requests parsed but not yet handed out are dropped; the client may retry them.
    for (const Pending &p : std::as_const(m_queue)) {
        if (p.errorStatus == 0 && m_server)
            m_server->requestFinished();
    }
    m_queue.clear();
    armTimer(TimerMode::Closing);
    maybeHalfClose();
}

void HttpConnection::maybeHalfClose()
{
    if (m_finished || m_halfClosed || m_socket->bytesToWrite() > 0)
        return;
    // Half-close and keep reading until the peer closes (lingering close): closing with unread
    // input would make the kernel send a reset, which can destroy the answer just written.
    m_halfClosed = true;
    const qintptr fd = m_socket->socketDescriptor();
    if (fd < 0 || ::shutdown(int(fd), SHUT_WR) != 0) {
        abortNow();
        return;
    }
    onReadyRead();
}

void HttpConnection::onTimeout()
{
    const TimerMode mode = m_timerMode;
    m_timerMode = TimerMode::None;
    switch (mode) {
    case TimerMode::Header:
        protocolError(408, QByteArrayLiteral("request_timeout"), QStringLiteral("Request header not received in time"));
        break;
    case TimerMode::Body:
        protocolError(408, QByteArrayLiteral("request_timeout"), QStringLiteral("Request body not received in time"));
        break;
    case TimerMode::Idle:
        closeGracefully();
        break;
    case TimerMode::Closing:
        abortNow();
        break;
    case TimerMode::None:
        break;
    }
}

void HttpConnection::armTimer(TimerMode mode)
{
    m_timerMode = mode;
    int ms = 0;
    switch (mode) {
    case TimerMode::Header: ms = m_limits.headerTimeoutMs; break;
    case TimerMode::Body: ms = m_limits.bodyTimeoutMs; break;
    case TimerMode::Idle: ms = m_limits.idleTimeoutMs; break;
    case TimerMode::Closing: ms = kCloseLingerMs; break;
    case TimerMode::None: break;
    }
    if (ms > 0) {
        m_timer->start(ms);
    } else {
        m_timer->stop();
        m_timerMode = TimerMode::None;
    }
}

void HttpConnection::abortNow()
{
    if (m_finished)
        return;
    m_socket->abort();
    finish();
}

void HttpConnection::onDisconnected()
{
    finish();
}

void HttpConnection::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer->stop();
    m_timerMode = TimerMode::None;
    if (HttpResponder *r = m_current.data()) {
        m_current = nullptr;
        r->markClientGone();
        if (m_server)
            m_server->requestFinished();
        r->deleteLater();
    }
    for (const Pending &p : std::as_const(m_queue)) {
        if (p.errorStatus == 0 && m_server)
            m_server->requestFinished();
    }
    m_queue.clear();
    if (m_server)
        m_server->connectionFinished(this);
}

} // namespace perimeter::http
