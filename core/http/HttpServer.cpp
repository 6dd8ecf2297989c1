// SPDX-License-Identifier: Apache-2.0
#include "HttpServer.h"
#include "HttpConnection.h"
#include <QTcpServer>
#include <QTcpSocket>

namespace perimeter::http {

namespace {
// Bursts of hundreds of clients connecting at once (benchmarks, many streams) must not overflow
// the kernel's accept queue, which would cost them a SYN retransmit of a second or more.
constexpr int kListenBacklog = 1024;
} // namespace

HttpServer::HttpServer(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    m_server->setMaxPendingConnections(kListenBacklog);
    connect(m_server, &QTcpServer::newConnection, this, &HttpServer::onNewConnection);
}

HttpServer::~HttpServer()
{
    const auto connections = m_connections;
    m_connections.clear();
    for (HttpConnection *c : connections) {
        c->detachFromServer();
        delete c;
    }
}

void HttpServer::setHandler(Handler handler) { m_handler = std::move(handler); }

void HttpServer::setProtocolErrorHook(ProtocolErrorHook hook) { m_errorHook = std::move(hook); }

void HttpServer::setLimits(const HttpServerLimits &limits) { m_limits = limits; }

bool HttpServer::listen(const QHostAddress &address, quint16 port)
{
    m_draining = false;
    m_drainNotified = false;
    m_server->setListenBacklogSize(kListenBacklog);
    return m_server->listen(address, port);
}

quint16 HttpServer::serverPort() const { return m_server->serverPort(); }

QHostAddress HttpServer::serverAddress() const { return m_server->serverAddress(); }

QString HttpServer::errorString() const { return m_server->errorString(); }

void HttpServer::stopAccepting()
{
    m_draining = true;
    m_drainNotified = false;
    m_server->close();
    const auto connections = m_connections;
    for (HttpConnection *c : connections)
        c->closeWhenIdle();
    checkDrained();
}

void HttpServer::abortAll()
{
    const auto connections = m_connections;
    for (HttpConnection *c : connections)
        c->abortNow();
}

int HttpServer::connectionCount() const { return int(m_connections.size()); }

int HttpServer::requestsInProgress() const { return m_inProgress; }

void HttpServer::onNewConnection()
{
    while (m_server->hasPendingConnections()) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        if (!socket)
            break;
        if (m_draining || m_connections.size() >= m_limits.maxConnections) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        m_connections.append(new HttpConnection(socket, this));
    }
}

void HttpServer::connectionFinished(HttpConnection *connection)
{
    m_connections.removeOne(connection);
    connection->deleteLater();
    checkDrained();
}

void HttpServer::requestStarted() { ++m_inProgress; }

void HttpServer::requestFinished()
{
    if (m_inProgress > 0)
        --m_inProgress;
    checkDrained();
}

void HttpServer::checkDrained()
{
    if (!m_draining || m_drainNotified || m_inProgress > 0)
        return;
    m_drainNotified = true;
    // Queued so that a caller connecting to drained() right after stopAccepting() still sees it.
    QMetaObject::invokeMethod(this, [this] {
        if (m_draining)
            Q_EMIT drained();
    }, Qt::QueuedConnection);
}

} // namespace perimeter::http
