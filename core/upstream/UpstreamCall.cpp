// SPDX-License-Identifier: Apache-2.0
#include "UpstreamCall.h"
#include "UpstreamConnection.h"

namespace perimeter::upstream {

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
    // Destroyed without ending (the client went away): the connection must not carry on.
    if (UpstreamConnection *connection = m_connection.data()) {
        m_connection = nullptr;
        connection->abandon();
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

void UpstreamCall::attach(UpstreamConnection *connection)
{
    m_connection = connection;
    if (m_connectTimeoutMs > 0)
        m_connectTimer.start(m_connectTimeoutMs);
    if (m_idleTimeoutMs > 0)
        m_idleTimer.start(m_idleTimeoutMs);
    if (m_totalTimeoutMs > 0)
        m_totalTimer.start(m_totalTimeoutMs);
}

void UpstreamCall::failLater(UpstreamFailure::Kind kind, const QString &message)
{
    // start() has not returned yet, so the caller has not connected: fail on the next turn.
    QTimer::singleShot(0, this, [this, kind, message] { complete(UpstreamFailure{kind, message, true}); });
}

void UpstreamCall::onConnectionActive(bool requestOnWire)
{
    // The connect phase ends once the whole request is on the wire (a reused keep-alive
    // connection skips connecting altogether) or the upstream answers.
    if (requestOnWire)
        m_connectTimer.stop();
    onProgress();
}

void UpstreamCall::onProgress()
{
    if (!m_done && m_idleTimeoutMs > 0)
        m_idleTimer.start(m_idleTimeoutMs);
}

void UpstreamCall::deliverHead(int status, const UpstreamHeaders &headers)
{
    if (m_started || m_done)
        return;
    m_connectTimer.stop();
    onProgress();
    m_started = true;
    m_status = status;
    m_msToHeaders = m_clock.elapsed();
    m_responseHeaders = headers;
    Q_EMIT responseStarted(m_status, m_responseHeaders);
}

void UpstreamCall::deliverBody(const QByteArray &chunk)
{
    if (m_done || chunk.isEmpty())
        return;
    onProgress();
    m_bytesReceived += chunk.size();
    Q_EMIT dataReceived(chunk);
}

void UpstreamCall::deliverEnd()
{
    m_connection = nullptr; // released by the connection, which stays open for reuse
    complete(std::nullopt);
}

void UpstreamCall::deliverFailure(UpstreamFailure::Kind kind, const QString &message)
{
    m_connection = nullptr;
    complete(UpstreamFailure{kind, message, !m_started});
}

void UpstreamCall::onTimeout(const char *which, int ms)
{
    complete(UpstreamFailure{UpstreamFailure::Kind::Timeout,
                             QStringLiteral("upstream %1: %2 timeout after %3 ms")
                                 .arg(m_hostKey, QLatin1String(which)).arg(ms),
                             !m_started});
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
    if (UpstreamConnection *connection = m_connection.data()) {
        // Ended by us (abort, timeout) while the exchange was running: its framing is lost.
        m_connection = nullptr;
        connection->abandon();
    }
    if (failure)
        Q_EMIT failed(*failure);
    else
        Q_EMIT finished();
    deleteLater();
}

} // namespace perimeter::upstream
