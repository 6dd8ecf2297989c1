// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "UpstreamFailure.h"
#include "UpstreamRequest.h"
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <optional>

namespace perimeter::upstream {

class UpstreamClient;
class UpstreamConnection;

// One upstream exchange. Created only by UpstreamClient::start().
//
// Signals, in order: responseStarted (at most once) → dataReceived (zero or more, as bytes
// arrive; the body is never buffered whole) → exactly one of finished() / failed(), once.
// An upstream HTTP error status (4xx/5xx) is an answer, not a failure: it ends with finished().
//
// Lifetime: the call is a child of the UpstreamClient and deletes itself (deleteLater) after
// finished()/failed(); it is valid inside those handlers, gone once control returns to the event
// loop. Hold it in a QPointer. Never delete it directly; use abort(). Destroying the client
// destroys its calls silently (the upstream requests are cancelled, no signal is emitted).
class UpstreamCall : public QObject {
    Q_OBJECT
public:
    ~UpstreamCall() override;

    // The downstream client went away: cancel the upstream request. Emits failed(Aborted)
    // synchronously unless the call already ended; a no-op afterwards.
    void abort();

    bool isDone() const { return m_done; }
    QString hostKey() const { return m_hostKey; }
    int status() const { return m_status; }                    // 0 until responseStarted
    UpstreamHeaders responseHeaders() const { return m_responseHeaders; }
    QByteArray responseHeader(QByteArrayView lowerCaseName) const; // first value, "" if absent
    QByteArray contentType() const { return responseHeader("content-type"); }
    qint64 bytesReceived() const { return m_bytesReceived; }
    qint64 msToHeaders() const { return m_msToHeaders; }       // -1 until responseStarted
    qint64 msTotal() const;  // final duration once done, time elapsed so far before that

Q_SIGNALS:
    void responseStarted(int status, const perimeter::upstream::UpstreamHeaders &headers);
    void dataReceived(const QByteArray &chunk);
    void finished();
    void failed(const perimeter::upstream::UpstreamFailure &failure);

private:
    friend class UpstreamClient;
    friend class UpstreamConnection;
    UpstreamCall(const UpstreamRequest &request, QString hostKey, QObject *parent);

    void failLater(UpstreamFailure::Kind kind, const QString &message); // before the caller connected
    // Driven by the connection carrying this exchange.
    void attach(UpstreamConnection *connection);
    void onConnectionActive(bool requestOnWire);
    void deliverHead(int status, const UpstreamHeaders &headers);
    void deliverBody(const QByteArray &chunk);
    void deliverEnd();
    void deliverFailure(UpstreamFailure::Kind kind, const QString &message);
    void onProgress();
    void onTimeout(const char *which, int ms);
    void complete(std::optional<UpstreamFailure> failure);

    QString m_hostKey;
    int m_connectTimeoutMs;
    int m_idleTimeoutMs;
    int m_totalTimeoutMs;
    QPointer<UpstreamConnection> m_connection;
    QElapsedTimer m_clock;
    QTimer m_connectTimer;
    QTimer m_idleTimer;
    QTimer m_totalTimer;
    UpstreamHeaders m_responseHeaders;
    int m_status = 0;
    bool m_started = false;
    bool m_done = false;
    qint64 m_bytesReceived = 0;
    qint64 m_msToHeaders = -1;
    qint64 m_msTotal = -1;
};

} // namespace perimeter::upstream
