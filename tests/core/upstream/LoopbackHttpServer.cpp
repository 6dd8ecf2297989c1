// SPDX-License-Identifier: Apache-2.0
#include "LoopbackHttpServer.h"
#include <QSslServer>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>
#include <sys/socket.h>

QByteArray LoopbackHttpServer::ReceivedRequest::header(const QByteArray &lowerName) const
{
    for (const auto &h : headers) {
        if (h.first == lowerName)
            return h.second;
    }
    return {};
}

LoopbackHttpServer::LoopbackHttpServer(QObject *parent)
    : QObject(parent)
{
}

LoopbackHttpServer::~LoopbackHttpServer()
{
    const auto sockets = m_connections.keys();
    for (QTcpSocket *socket : sockets) {
        socket->disconnect(this);
        socket->abort();
        delete socket;
    }
}

void LoopbackHttpServer::closeAll()
{
    const auto sockets = m_connections.keys();
    for (QTcpSocket *socket : sockets)
        socket->disconnectFromHost();
}

bool LoopbackHttpServer::listen()
{
    m_server = std::make_unique<QTcpServer>();
    m_server->setMaxPendingConnections(1024);
    connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, &LoopbackHttpServer::onNewConnection);
    return m_server->listen(QHostAddress::LocalHost, 0);
}

bool LoopbackHttpServer::listenTls(const QSslCertificate &certificate, const QSslKey &key)
{
    auto server = std::make_unique<QSslServer>();
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(certificate);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // the server does not ask for client certs
    server->setSslConfiguration(configuration);
    m_server = std::move(server);
    connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, &LoopbackHttpServer::onNewConnection);
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 LoopbackHttpServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

void LoopbackHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(nullptr);
        ++m_connectionsAccepted;
        m_connections.insert(socket, QByteArray());
        m_maxOpen = std::max(m_maxOpen, int(m_connections.size()));
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] { closeConnection(socket); });
        if (socket->bytesAvailable() > 0)
            onReadyRead(socket);
    }
}

void LoopbackHttpServer::closeConnection(QTcpSocket *socket)
{
    if (m_connections.remove(socket) == 0)
        return;
    socket->disconnect(this);
    socket->deleteLater();
}

void LoopbackHttpServer::onReadyRead(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    it->append(socket->readAll());
    for (;;) {
        QByteArray &buffer = m_connections[socket];
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        ReceivedRequest request;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        qint64 contentLength = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = lines[i].left(colon).trimmed().toLower();
            const QByteArray value = lines[i].mid(colon + 1).trimmed();
            request.headers.append({name, value});
            if (name == "content-length")
                contentLength = value.toLongLong();
        }
        if (buffer.size() < headerEnd + 4 + contentLength)
            return;
        request.body = buffer.mid(headerEnd + 4, contentLength);
        buffer.remove(0, headerEnd + 4 + contentLength);
        m_requests.append(request);
        Q_EMIT requestReceived(int(m_requests.size()));

        if (m_behaviour.hangBeforeHeaders)
            continue;
        if (m_behaviour.holdUntilRequests > 0 && m_requests.size() < m_behaviour.holdUntilRequests) {
            m_held.append(socket);
            continue;
        }
        const auto held = std::exchange(m_held, {});
        for (const QPointer<QTcpSocket> &waiting : held) {
            if (waiting)
                respond(waiting);
        }
        respond(socket);
    }
}

void LoopbackHttpServer::respond(QTcpSocket *socket)
{
    const Behaviour &b = m_behaviour;
    qint64 length = 0;
    for (const QByteArray &chunk : b.chunks)
        length += chunk.size();
    QByteArray head = "HTTP/1.1 " + QByteArray::number(b.status) + " Status\r\n";
    head += "Content-Type: " + b.contentType + "\r\n";
    if (b.chunked)
        head += "Transfer-Encoding: chunked\r\n";
    else
        head += "Content-Length: " + QByteArray::number(b.declaredLength >= 0 ? b.declaredLength : length) + "\r\n";
    for (const auto &header : b.extraHeaders)
        head += header.first + ": " + header.second + "\r\n";
    head += "\r\n";
    socket->write(head);
    writeChunk(socket, 0);
}

void LoopbackHttpServer::writeChunk(QPointer<QTcpSocket> socket, int index)
{
    if (!socket || !m_connections.contains(socket))
        return;
    const Behaviour &b = m_behaviour;
    if (index < b.chunks.size()) {
        const QByteArray &chunk = b.chunks[index];
        if (b.chunked)
            socket->write(QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n");
        else
            socket->write(chunk);
        socket->flush();
        if (index + 1 < b.chunks.size() && b.delayMs > 0) {
            QTimer::singleShot(b.delayMs, this, [this, socket, index] { writeChunk(socket, index + 1); });
            return;
        }
        writeChunk(socket, index + 1);
        return;
    }
    switch (b.end) {
    case Behaviour::End::Complete:
        if (b.chunked)
            socket->write("0\r\n\r\n");
        socket->flush();
        break;
    case Behaviour::End::Hang:
        break;
    case Behaviour::End::Close: {
        socket->flush();
        // Let the written bytes leave before the connection is torn down.
        QTimer::singleShot(20, this, [socket] {
            if (socket)
                socket->disconnectFromHost();
        });
        break;
    }
    case Behaviour::End::Reset: {
        socket->flush();
        QTimer::singleShot(20, this, [socket] {
            if (!socket)
                return;
            // SO_LINGER with a zero timeout makes close() send RST instead of FIN.
            struct linger hard {1, 0};
            ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
            socket->abort();
        });
        break;
    }
    }
}
