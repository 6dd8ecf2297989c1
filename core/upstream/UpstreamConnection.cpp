// SPDX-License-Identifier: Apache-2.0
#include "UpstreamConnection.h"
#include "UpstreamCall.h"
#include <QNetworkProxy>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <http_parser.h>

namespace perimeter::upstream {

namespace {

// Upstream servers close idle keep-alive connections on their own schedule (uvicorn, which
// vLLM uses, after 5 s); closing ours a little earlier keeps a request from landing on a
// connection the server is about to drop.
constexpr int kIdleKeepMs = 4000;
constexpr int kMaxHeaderBytes = 64 * 1024;

UpstreamConnection *self(http_parser *parser)
{
    return static_cast<UpstreamConnection *>(parser->data);
}

} // namespace

UpstreamConnection::UpstreamConnection(QString hostKey, QString host, quint16 port, bool tls, QObject *parent)
    : QObject(parent)
    , m_hostKey(std::move(hostKey))
    , m_host(std::move(host))
    , m_port(port)
    , m_tls(tls)
    , m_parser(std::make_unique<http_parser>())
{
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setTimerType(Qt::CoarseTimer);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        if (!m_busy)
            goUnusable();
    });
}

UpstreamConnection::~UpstreamConnection()
{
    if (m_socket) {
        disconnect(m_socket, nullptr, this, nullptr);
        m_socket->abort();
    }
}

bool UpstreamConnection::isReusable() const
{
    return !m_busy && !m_unusable && m_connected && m_keepAlive && m_socket
        && m_socket->state() == QAbstractSocket::ConnectedState && m_socket->bytesAvailable() == 0;
}

const http_parser_settings &UpstreamConnection::parserSettings()
{
    static const http_parser_settings settings = [] {
        http_parser_settings s;
        http_parser_settings_init(&s);
        s.on_message_begin = &UpstreamConnection::onMessageBegin;
        s.on_header_field = &UpstreamConnection::onHeaderField;
        s.on_header_value = &UpstreamConnection::onHeaderValue;
        s.on_headers_complete = &UpstreamConnection::onHeadersComplete;
        s.on_body = &UpstreamConnection::onBody;
        s.on_message_complete = &UpstreamConnection::onMessageComplete;
        return s;
    }();
    return settings;
}

void UpstreamConnection::resetParser()
{
    http_parser_init(m_parser.get(), HTTP_RESPONSE);
    m_parser->data = this;
    m_headers.clear();
    m_field.clear();
    m_value.clear();
    m_lastWasValue = false;
    m_headersDone = false;
    m_messageDone = false;
    m_status = 0;
    m_bodyChunk.clear();
    m_responseBytes = 0;
}

void UpstreamConnection::send(UpstreamCall *call, QByteArray wire, bool headOnly)
{
    Q_ASSERT(!m_busy && !m_unusable);
    m_idleTimer.stop();
    m_busy = true;
    m_call = call;
    m_headOnly = headOnly;
    m_reusedForThis = m_exchanges > 0;
    m_keepAlive = false;
    m_sslErrors.clear();
    resetParser();
    call->attach(this);
    m_pendingWire = std::move(wire);
    if (m_connected)
        writeRequest();
    else if (!m_socket)
        connectSocket();
}

void UpstreamConnection::connectSocket()
{
    if (m_tls) {
        auto *ssl = new QSslSocket(this);
        QSslConfiguration config = ssl->sslConfiguration();
        config.setPeerVerifyMode(QSslSocket::VerifyPeer); // never relaxed: TLS is always verified
        config.setAllowedNextProtocols({QByteArray(QSslConfiguration::NextProtocolHttp1_1)});
        ssl->setSslConfiguration(config);
        ssl->setPeerVerifyName(m_host);
        // Recorded for the failure message only: certificate errors are never ignored.
        connect(ssl, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) { m_sslErrors += errors; });
        connect(ssl, &QSslSocket::encrypted, this, [this] {
            m_connected = true;
            writeRequest();
        });
        m_socket = ssl;
    } else {
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QTcpSocket::connected, this, [this] {
            m_connected = true;
            writeRequest();
        });
    }
    // Egress goes direct until a per-endpoint proxy setting exists; never an ambient one.
    m_socket->setProxy(QNetworkProxy::NoProxy);
    connect(m_socket, &QTcpSocket::readyRead, this, &UpstreamConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &UpstreamConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &UpstreamConnection::onDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &UpstreamConnection::onSocketError);
    if (m_tls)
        static_cast<QSslSocket *>(m_socket)->connectToHostEncrypted(m_host, m_port);
    else
        m_socket->connectToHost(m_host, m_port);
}

void UpstreamConnection::writeRequest()
{
    if (m_pendingWire.isEmpty() || !m_socket)
        return;
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    const QByteArray wire = std::exchange(m_pendingWire, QByteArray());
    m_socket->write(wire);
    if (m_call)
        m_call->onConnectionActive(false);
}

void UpstreamConnection::onBytesWritten()
{
    if (m_call && m_socket && m_socket->bytesToWrite() == 0)
        m_call->onConnectionActive(true); // the whole request is on the wire
}

void UpstreamConnection::onReadyRead()
{
    if (!m_socket)
        return;
    const QByteArray data = m_socket->readAll();
    if (data.isEmpty())
        return;
    if (!m_busy || !m_call || m_messageDone) {
        // Bytes nobody asked for: the connection's framing can no longer be trusted.
        goUnusable();
        return;
    }
    m_responseBytes += data.size();
    const size_t parsed = http_parser_execute(m_parser.get(), &parserSettings(), data.constData(), size_t(data.size()));
    const auto error = HTTP_PARSER_ERRNO(m_parser.get());
    if (m_messageDone && (parsed != size_t(data.size()) && error == HPE_PAUSED))
        m_keepAlive = false; // more than one answer to one request: do not reuse
    const bool broken = error != HPE_OK && error != HPE_PAUSED;
    const bool headerOverflow = !m_headersDone && m_responseBytes > kMaxHeaderBytes;
    QPointer<UpstreamCall> call = m_call;
    call->onConnectionActive(true);
    if (m_call != call)
        return;
    dispatchParsed();
    if (m_call != call || !m_busy)
        return;
    if (broken || headerOverflow) {
        failExchange(UpstreamFailure::Kind::ProtocolError,
                     broken ? QStringLiteral("upstream %1: malformed HTTP response (%2)")
                                  .arg(m_hostKey, QLatin1String(http_errno_name(error)))
                            : QStringLiteral("upstream %1: response headers over %2 bytes").arg(m_hostKey).arg(kMaxHeaderBytes));
    }
}

void UpstreamConnection::dispatchParsed()
{
    // Handing over may end the exchange from inside a handler (abort, timeout); re-check each step.
    QPointer<UpstreamCall> call = m_call;
    if (m_headersDone && call && !call->m_started) {
        call->deliverHead(m_status, m_headers);
        if (m_call != call)
            return;
    }
    if (!m_bodyChunk.isEmpty() && call) {
        const QByteArray chunk = std::exchange(m_bodyChunk, QByteArray());
        call->deliverBody(chunk);
        if (m_call != call)
            return;
    }
    if (m_messageDone)
        finishExchange();
}

void UpstreamConnection::onDisconnected()
{
    if (m_busy && m_call && !m_messageDone) {
        // End of stream completes a body delimited by the connection's close.
        http_parser_execute(m_parser.get(), &parserSettings(), nullptr, 0);
        QPointer<UpstreamCall> call = m_call;
        dispatchParsed();
        if (m_busy && m_call == call && call) {
            if (m_responseBytes == 0) {
                failExchange(UpstreamFailure::Kind::Reset,
                             m_reusedForThis
                                 ? QStringLiteral("upstream %1: kept-alive connection closed before answering").arg(m_hostKey)
                                 : QStringLiteral("upstream %1: connection ended without an HTTP response").arg(m_hostKey));
            } else if (!m_headersDone) {
                failExchange(UpstreamFailure::Kind::Reset,
                             QStringLiteral("upstream %1: connection closed inside the response headers").arg(m_hostKey));
            } else {
                bool hasLength = false;
                const qint64 declared = call->responseHeader("content-length").trimmed().toLongLong(&hasLength);
                failExchange(UpstreamFailure::Kind::Reset,
                             hasLength ? QStringLiteral("upstream %1: response body truncated (%2 of %3 bytes)")
                                             .arg(m_hostKey).arg(call->bytesReceived()).arg(declared)
                                       : QStringLiteral("upstream %1: connection closed in the middle of the response").arg(m_hostKey));
            }
        }
    }
    goUnusable();
}

void UpstreamConnection::onSocketError()
{
    if (!m_socket)
        return;
    const QAbstractSocket::SocketError error = m_socket->error();
    if (error == QAbstractSocket::RemoteHostClosedError && m_connected)
        return; // disconnected() follows and decides whether the answer was complete
    if (m_busy && m_call) {
        using Kind = UpstreamFailure::Kind;
        if (!m_sslErrors.isEmpty() || error == QAbstractSocket::SslHandshakeFailedError
            || error == QAbstractSocket::SslInternalError || error == QAbstractSocket::SslInvalidUserDataError) {
            QStringList reasons;
            for (const QSslError &sslError : std::as_const(m_sslErrors))
                reasons.append(sslError.errorString());
            reasons.removeDuplicates();
            failExchange(Kind::TlsError,
                         QStringLiteral("upstream %1: TLS handshake failed%2")
                             .arg(m_hostKey, reasons.isEmpty() ? QString() : QStringLiteral(": ") + reasons.join(QStringLiteral("; "))));
        } else if (!m_connected) {
            // The socket's own text for connect errors names only host and port, never a path.
            failExchange(Kind::ConnectFailed,
                         QStringLiteral("upstream %1: connect_failed (%2)").arg(m_hostKey, m_socket->errorString()));
        } else {
            failExchange(Kind::Reset, QStringLiteral("upstream %1: connection broken (%2)").arg(m_hostKey, m_socket->errorString()));
        }
    }
    goUnusable();
}

void UpstreamConnection::failExchange(UpstreamFailure::Kind kind, const QString &message)
{
    QPointer<UpstreamCall> call = m_call;
    m_call = nullptr;
    m_busy = false;
    goUnusable();
    if (call)
        call->deliverFailure(kind, message);
}

void UpstreamConnection::finishExchange()
{
    QPointer<UpstreamCall> call = m_call;
    m_call = nullptr;
    m_busy = false;
    ++m_exchanges;
    if (m_keepAlive && !m_unusable && m_socket && m_socket->state() == QAbstractSocket::ConnectedState) {
        m_idleTimer.start(kIdleKeepMs);
        Q_EMIT becameIdle(this);
    } else {
        goUnusable();
    }
    if (call)
        call->deliverEnd();
}

void UpstreamConnection::abandon()
{
    m_call = nullptr;
    m_busy = false;
    goUnusable();
}

void UpstreamConnection::goUnusable()
{
    if (m_unusable)
        return;
    m_unusable = true;
    m_idleTimer.stop();
    if (m_socket) {
        disconnect(m_socket, nullptr, this, nullptr);
        m_socket->abort();
    }
    Q_EMIT closed(this);
}

int UpstreamConnection::onMessageBegin(http_parser *parser)
{
    UpstreamConnection *c = self(parser);
    c->m_headers.clear();
    c->m_field.clear();
    c->m_value.clear();
    c->m_lastWasValue = false;
    return 0;
}

int UpstreamConnection::onHeaderField(http_parser *parser, const char *at, size_t length)
{
    UpstreamConnection *c = self(parser);
    if (c->m_lastWasValue) {
        c->m_headers.append({c->m_field.toLower(), c->m_value.trimmed()});
        c->m_field.clear();
        c->m_value.clear();
        c->m_lastWasValue = false;
    }
    c->m_field.append(at, qsizetype(length));
    return 0;
}

int UpstreamConnection::onHeaderValue(http_parser *parser, const char *at, size_t length)
{
    UpstreamConnection *c = self(parser);
    c->m_value.append(at, qsizetype(length));
    c->m_lastWasValue = true;
    return 0;
}

int UpstreamConnection::onHeadersComplete(http_parser *parser)
{
    UpstreamConnection *c = self(parser);
    if (c->m_lastWasValue || !c->m_field.isEmpty())
        c->m_headers.append({c->m_field.toLower(), c->m_value.trimmed()});
    c->m_field.clear();
    c->m_value.clear();
    c->m_lastWasValue = false;
    const int status = int(parser->status_code);
    if (status >= 100 && status < 200)
        return 0; // interim answer (100 Continue, 103 Early Hints): the real one follows
    c->m_status = status;
    c->m_headersDone = true;
    c->m_keepAlive = http_should_keep_alive(parser) != 0;
    return c->m_headOnly ? 1 : 0; // 1: no body follows, whatever the headers say
}

int UpstreamConnection::onBody(http_parser *parser, const char *at, size_t length)
{
    self(parser)->m_bodyChunk.append(at, qsizetype(length));
    return 0;
}

int UpstreamConnection::onMessageComplete(http_parser *parser)
{
    UpstreamConnection *c = self(parser);
    if (!c->m_headersDone)
        return 0; // end of an interim 1xx answer
    c->m_messageDone = true;
    c->m_keepAlive = c->m_keepAlive && http_should_keep_alive(parser) != 0;
    http_parser_pause(parser, 1); // one answer per request; anything after it is not ours
    return 0;
}

} // namespace perimeter::upstream
