// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

class QTcpServer;
class QTcpSocket;

namespace perimeter::test {

// A minimal HTTP/1.1 receiver on 127.0.0.1 for tests of things that POST (sinks, webhooks):
// keeps every request it answered, answers with a settable status, and can go down (listener
// closed, connections cut) and come back on the same port. Lives on the test's thread.
class LoopbackHttpReceiver : public QObject {
    Q_OBJECT
public:
    struct Request {
        QByteArray method;
        QByteArray path;
        QHash<QByteArray, QByteArray> headers; // names lower-case
        QByteArray body;
        QByteArray raw;                        // the whole request as received
    };

    explicit LoopbackHttpReceiver(QObject *parent = nullptr);
    ~LoopbackHttpReceiver() override;

    // port 0: any free port (the first time); afterwards the same port is reused by start().
    bool start(quint16 port = 0);
    void stop();
    bool isListening() const;
    quint16 port() const { return m_port; }
    QString url(const QString &path = QStringLiteral("/ingest")) const;

    void setStatus(int status) { m_status = status; }
    // The requests answered with a 2xx status.
    const QList<Request> &requests() const { return m_requests; }
    // Every byte of every request received so far, refused ones included.
    QByteArray allBytes() const;
    void clear()
    {
        m_requests.clear();
        m_raw.clear();
    }

private:
    void onConnection();
    void onReadyRead(QTcpSocket *socket);

    QTcpServer *m_server = nullptr;
    QList<QTcpSocket *> m_sockets;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<Request> m_requests;
    QByteArray m_raw;
    quint16 m_port = 0;
    int m_status = 200;
};

} // namespace perimeter::test
