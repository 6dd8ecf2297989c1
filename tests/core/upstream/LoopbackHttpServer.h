// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>
#include <memory>

class QTcpSocket;

// A small HTTP/1.1 server on 127.0.0.1 for the upstream client tests: answers every request
// with the configured Behaviour (canned, streamed with delays, hanging, reset mid-body, held
// until N requests arrived) and records what it received. Optionally TLS (QSslServer).
class LoopbackHttpServer : public QObject {
    Q_OBJECT
public:
    struct Behaviour {
        int status = 200;
        QByteArray contentType = "application/json";
        QList<QByteArray> chunks{QByteArray("{}")}; // body pieces, written with delayMs between them
        int delayMs = 0;
        bool chunked = false;          // Transfer-Encoding: chunked, else Content-Length
        qint64 declaredLength = -1;    // Content-Length to announce; -1 = the real length
        bool hangBeforeHeaders = false; // read the request, never answer
        // After the last chunk: finish, stay silent, close (FIN) or reset (RST).
        enum class End { Complete, Hang, Close, Reset } end = End::Complete;
        int holdUntilRequests = 0;     // answer nobody before this many requests arrived
        QList<QPair<QByteArray, QByteArray>> extraHeaders;
    };

    struct ReceivedRequest {
        QByteArray method;
        QByteArray target;
        QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased
        QByteArray body;
        QByteArray header(const QByteArray &lowerName) const;
    };

    explicit LoopbackHttpServer(QObject *parent = nullptr);
    ~LoopbackHttpServer() override;

    bool listen();                                              // plain HTTP
    bool listenTls(const QSslCertificate &certificate, const QSslKey &key);
    quint16 port() const;
    void setBehaviour(const Behaviour &behaviour) { m_behaviour = behaviour; }
    void closeAll(); // FIN on every open connection

    const QList<ReceivedRequest> &requests() const { return m_requests; }
    int connectionsAccepted() const { return m_connectionsAccepted; }
    int maxOpenConnections() const { return m_maxOpen; }
    int openConnections() const { return int(m_connections.size()); }

Q_SIGNALS:
    void requestReceived(int total);

private:
    struct Connection;
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void respond(QTcpSocket *socket);
    void writeChunk(QPointer<QTcpSocket> socket, int index);
    void closeConnection(QTcpSocket *socket);

    std::unique_ptr<QTcpServer> m_server;
    Behaviour m_behaviour;
    QHash<QTcpSocket *, QByteArray> m_connections; // socket → unparsed input
    QList<QPointer<QTcpSocket>> m_held;
    QList<ReceivedRequest> m_requests;
    int m_connectionsAccepted = 0;
    int m_maxOpen = 0;
};
