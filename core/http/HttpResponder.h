// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "HttpRequest.h"
#include <QObject>

namespace perimeter::http {

class HttpConnection;

// The answer side of one request. Owned by its connection; hold it in a QPointer because
// it is deleted once the response is complete or the client has gone.
// Either send() once, or beginStream() + writeChunk()* + endStream().
// Calls after the client has gone are ignored, so producers need not race the socket.
class HttpResponder : public QObject {
    Q_OBJECT
public:
    explicit HttpResponder(HttpConnection *connection);
    ~HttpResponder() override;

    // A complete response with Content-Length. The server adds Date, Content-Length and
    // Connection; callers add Content-Type and their own headers.
    void send(int status, const HttpHeaders &headers, const QByteArray &body);
    // Starts a chunked response (Transfer-Encoding: chunked); data follows with writeChunk().
    void beginStream(int status, const HttpHeaders &headers);
    void writeChunk(const QByteArray &data);
    void endStream();
    // Closes the connection at once without finishing the response: for an answer that cannot
    // be completed (upstream failed mid-stream), so the client sees a truncated response rather
    // than a clean end. The responder is finished afterwards; clientGone() is not emitted.
    void abort();

    bool isStarted() const { return m_started; }
    bool isFinished() const { return m_finished; }
    bool isClientGone() const { return m_clientGone; }
    // Bytes queued on the socket but not yet written: a producer may pause above a bound.
    qint64 bytesPending() const;

Q_SIGNALS:
    // The client closed the connection (or it failed) before the response was finished.
    void clientGone();
    // Some queued bytes reached the socket; lets a paused producer resume.
    void bytesWritten();

private:
    friend class HttpConnection;
    void markClientGone();

    HttpConnection *m_connection;
    bool m_started = false;
    bool m_streaming = false;
    bool m_finished = false;
    bool m_clientGone = false;
};

} // namespace perimeter::http
