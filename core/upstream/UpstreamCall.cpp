// SPDX-License-Identifier: Apache-2.0
#include "UpstreamCall.h"
#include <QMetaEnum>
#include <QNetworkRequest>

namespace perimeter::upstream {

namespace {

QString errorName(QNetworkReply::NetworkError error)
{
    const char *key = QMetaEnum::fromType<QNetworkReply::NetworkError>().valueToKey(error);
    return key ? QString::fromLatin1(key) : QString::number(int(error));
}

// Errors QNAM derives from an HTTP status (404 → ContentNotFoundError, 500 →
// InternalServerError, ...) are answers to relay; everything else is a broken transport.
bool isTransportError(QNetworkReply::NetworkError error)
{
    const int code = int(error);
    return (code >= 1 && code <= 199) || error == QNetworkReply::ProtocolUnknownError
        || error == QNetworkReply::ProtocolFailure;
}

} // namespace

UpstreamCall::UpstreamCall(const UpstreamRequest &request, QString hostKey, QObject *parent)
    : QObject(parent)
    , m_hostKey(std::move(hostKey))
    , m_connectTimeoutMs(request.connectTimeoutMs)
    , m_idleTimeoutMs(request.idleTimeoutMs)
    , m_totalTimeoutMs(request.totalTimeoutMs)
{
    m_clock.start();
    for (QTimer *timer : {&m_connectTimer, &m_idleTimer, &m_totalTimer}) {
        timer->setSingleShot(true);
        timer->setTimerType(Qt::CoarseTimer);
    }
    connect(&m_connectTimer, &QTimer::timeout, this, [this] { onTimeout("connect", m_connectTimeoutMs); });
    connect(&m_idleTimer, &QTimer::timeout, this, [this] { onTimeout("idle", m_idleTimeoutMs); });
    connect(&m_totalTimer, &QTimer::timeout, this, [this] { onTimeout("total", m_totalTimeoutMs); });
}

UpstreamCall::~UpstreamCall()
{
    if (m_reply) {
        disconnect(m_reply, nullptr, this, nullptr);
        if (m_reply->isRunning())
            m_reply->abort();
        // deleteLater: we may be destroyed from inside one of the reply's own signals.
        m_reply->deleteLater();
    }
}

QByteArray UpstreamCall::responseHeader(QByteArrayView lowerCaseName) const
{
    for (const auto &header : m_responseHeaders) {
        if (header.first == lowerCaseName)
            return header.second;
    }
    return {};
}

qint64 UpstreamCall::msTotal() const
{
    return m_done ? m_msTotal : m_clock.elapsed();
}

void UpstreamCall::abort()
{
    complete(UpstreamFailure{UpstreamFailure::Kind::Aborted,
                             QStringLiteral("upstream %1: request cancelled by the gateway").arg(m_hostKey),
                             !m_started});
}

void UpstreamCall::attach(QNetworkReply *reply)
{
    m_reply = reply;
    if (m_connectTimeoutMs > 0)
        m_connectTimer.start(m_connectTimeoutMs);
    if (m_idleTimeoutMs > 0)
        m_idleTimer.start(m_idleTimeoutMs);
    if (m_totalTimeoutMs > 0)
        m_totalTimer.start(m_totalTimeoutMs);

    connect(reply, &QNetworkReply::metaDataChanged, this, &UpstreamCall::onMetaDataChanged);
    connect(reply, &QNetworkReply::readyRead, this, &UpstreamCall::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &UpstreamCall::onReplyFinished);
    // Recorded for the failure message only: certificate errors are never ignored.
    connect(reply, &QNetworkReply::sslErrors, this,
            [this](const QList<QSslError> &errors) { m_sslErrors += errors; });
    // QNAM has no "connected" signal; these mark the request as being on the wire, which ends
    // the connect phase (a reused keep-alive connection skips connecting altogether).
    connect(reply, &QNetworkReply::requestSent, this, &UpstreamCall::onRequestOnWire);
    connect(reply, &QNetworkReply::encrypted, this, &UpstreamCall::onRequestOnWire);
    connect(reply, &QNetworkReply::uploadProgress, this, &UpstreamCall::onRequestOnWire);
    connect(reply, &QNetworkReply::downloadProgress, this, &UpstreamCall::onProgress);
}

void UpstreamCall::failLater(UpstreamFailure::Kind kind, const QString &message)
{
    // start() has not returned yet, so the caller has not connected: fail on the next turn.
    QTimer::singleShot(0, this, [this, kind, message] { complete(UpstreamFailure{kind, message, true}); });
}

void UpstreamCall::onRequestOnWire()
{
    m_connectTimer.stop();
    onProgress();
}

void UpstreamCall::onProgress()
{
    if (!m_done && m_idleTimeoutMs > 0)
        m_idleTimer.start(m_idleTimeoutMs);
}

void UpstreamCall::onMetaDataChanged()
{
    m_connectTimer.stop();
    onProgress();
    emitResponseStarted();
}

void UpstreamCall::emitResponseStarted()
{
    if (m_started || m_done || !m_reply)
        return;
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid())
        return; // no response headers yet
    m_started = true;
    m_status = status.toInt();
    m_msToHeaders = m_clock.elapsed();
    const auto pairs = m_reply->rawHeaderPairs();
    m_responseHeaders.reserve(pairs.size());
    for (const auto &pair : pairs)
        m_responseHeaders.append({pair.first.toLower(), pair.second});
    Q_EMIT responseStarted(m_status, m_responseHeaders);
}

void UpstreamCall::onReadyRead()
{
    m_connectTimer.stop();
    onProgress();
    emitResponseStarted();
    if (m_done || !m_reply)
        return;
    const QByteArray chunk = m_reply->readAll();
    if (chunk.isEmpty())
        return;
    m_bytesReceived += chunk.size();
    Q_EMIT dataReceived(chunk);
}

void UpstreamCall::onReplyFinished()
{
    if (m_done || !m_reply)
        return;
    const QNetworkReply::NetworkError error = m_reply->error();
    const bool answered = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid();
    const bool transportOk = error == QNetworkReply::NoError
        || (answered && !isTransportError(error) && m_sslErrors.isEmpty());

    emitResponseStarted();
    if (m_done)
        return;
    if (m_started && m_reply->bytesAvailable() > 0) {
        onReadyRead(); // whatever arrived before the end is relayed, also on a broken stream
        if (m_done)
            return;
    }

    if (!transportOk) {
        complete(classify(error));
        return;
    }
    if (!m_started) {
        complete(UpstreamFailure{UpstreamFailure::Kind::ProtocolError,
                                 QStringLiteral("upstream %1: connection ended without an HTTP response").arg(m_hostKey),
                                 true});
        return;
    }
    // Identity encoding was requested, so a declared length is the byte count we must see;
    // fewer bytes means the upstream broke off, whatever QNAM concluded.
    bool hasLength = false;
    const qint64 declared = responseHeader("content-length").trimmed().toLongLong(&hasLength);
    if (hasLength && responseHeader("content-encoding").isEmpty() && m_bytesReceived < declared
        && m_status != 204 && m_status != 304) {
        complete(UpstreamFailure{UpstreamFailure::Kind::Reset,
                                 QStringLiteral("upstream %1: response body truncated (%2 of %3 bytes)")
                                     .arg(m_hostKey).arg(m_bytesReceived).arg(declared),
                                 false});
        return;
    }
    complete(std::nullopt);
}

void UpstreamCall::onTimeout(const char *which, int ms)
{
    complete(UpstreamFailure{UpstreamFailure::Kind::Timeout,
                             QStringLiteral("upstream %1: %2 timeout after %3 ms")
                                 .arg(m_hostKey, QLatin1String(which)).arg(ms),
                             !m_started});
}

UpstreamFailure UpstreamCall::classify(QNetworkReply::NetworkError error) const
{
    using Kind = UpstreamFailure::Kind;
    UpstreamFailure failure;
    failure.beforeResponse = !m_started;
    if (!m_sslErrors.isEmpty() || error == QNetworkReply::SslHandshakeFailedError) {
        failure.kind = Kind::TlsError;
        QStringList reasons;
        for (const QSslError &sslError : m_sslErrors)
            reasons.append(sslError.errorString());
        reasons.removeDuplicates();
        failure.message = QStringLiteral("upstream %1: TLS handshake failed%2")
                              .arg(m_hostKey,
                                   reasons.isEmpty() ? QString() : QStringLiteral(": ") + reasons.join(QStringLiteral("; ")));
        return failure;
    }
    const int code = int(error);
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::BackgroundRequestNotAllowedError:
        failure.kind = Kind::ConnectFailed;
        break;
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::UnknownNetworkError:
        failure.kind = Kind::Reset;
        break;
    case QNetworkReply::TimeoutError:
        failure.kind = Kind::Timeout;
        break;
    case QNetworkReply::OperationCanceledError:
        failure.kind = Kind::Aborted;
        break;
    default:
        failure.kind = (code >= 101 && code <= 199) ? Kind::ConnectFailed : Kind::ProtocolError;
        break;
    }
    // The error name, not errorString(): the latter embeds the full URL.
    failure.message = QStringLiteral("upstream %1: %2 (%3)")
                          .arg(m_hostKey, UpstreamFailure::kindName(failure.kind), errorName(error));
    return failure;
}

void UpstreamCall::complete(std::optional<UpstreamFailure> failure)
{
    if (m_done)
        return;
    m_done = true;
    m_msTotal = m_clock.elapsed();
    m_connectTimer.stop();
    m_idleTimer.stop();
    m_totalTimer.stop();
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        disconnect(reply, nullptr, this, nullptr);
        if (reply->isRunning())
            reply->abort();
        reply->deleteLater();
    }
    if (failure)
        Q_EMIT failed(*failure);
    else
        Q_EMIT finished();
    deleteLater();
}

} // namespace perimeter::upstream
