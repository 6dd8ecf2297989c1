// SPDX-License-Identifier: Apache-2.0
#include "LoopbackHttpReceiver.h"
#include <QTcpServer>
#include <QTcpSocket>

namespace perimeter::test {

LoopbackHttpReceiver::LoopbackHttpReceiver(QObject *parent) : QObject(parent) {}

LoopbackHttpReceiver::~LoopbackHttpReceiver()
{
    stop();
}

bool LoopbackHttpReceiver::start(quint16 port)
{
    if (m_server)
        return true;
    m_server = new QTcpServer(this);
    connect(m_server, &QTcpServer::newConnection, this, &LoopbackHttpReceiver::onConnection);
    const quint16 wanted = port ? port : m_port;
    if (!m_server->listen(QHostAddress::LocalHost, wanted)) {
        delete m_server;
        m_server = nullptr;
        return false;
    }
    m_port = m_server->serverPort();
    return true;
}

void LoopbackHttpReceiver::stop()
{
    if (m_server) {
        m_server->close();
        delete m_server;
        m_server = nullptr;
    }
    const auto sockets = m_sockets;
    m_sockets.clear();
    m_buffers.clear();
    for (QTcpSocket *socket : sockets) {
        disconnect(socket, nullptr, this, nullptr);
        socket->abort();
        socket->deleteLater();
    }
}

bool LoopbackHttpReceiver::isListening() const
{
    return m_server && m_server->isListening();
}

QString LoopbackHttpReceiver::url(const QString &path) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path);
}

QByteArray LoopbackHttpReceiver::allBytes() const
{
    return m_raw;
}

void LoopbackHttpReceiver::onConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        m_sockets.append(socket);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket]() { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket]() {
            m_sockets.removeAll(socket);
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void LoopbackHttpReceiver::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    for (;;) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        Request request;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> start = lines.value(0).trimmed().split(' ');
        request.method = start.value(0);
        request.path = start.value(1);
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            request.headers.insert(name, value);
            if (name == "content-length")
                length = value.toLongLong();
        }
        if (buffer.size() < headerEnd + 4 + length)
            return;
        request.body = buffer.mid(headerEnd + 4, length);
        request.raw = buffer.left(headerEnd + 4 + length);
        buffer.remove(0, headerEnd + 4 + length);
        m_raw += request.raw;
        const int status = m_status;
        if (status >= 200 && status < 300)
            m_requests.append(request);
        const QByteArray body = QByteArrayLiteral("{}");
        socket->write("HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: application/json\r\nContent-Length: "
                      + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    }
}

} // namespace perimeter::test
