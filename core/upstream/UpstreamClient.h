// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "UpstreamCall.h"
#include "UpstreamRequest.h"
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

namespace perimeter::upstream {

class UpstreamConnection;

// Sends requests to OpenAI-compatible upstreams and relays the answers as they stream in.
//
// HTTP/1.1 over a pool of keep-alive connections per origin (UpstreamConnection: QTcpSocket or
// QSslSocket with verification, libhttp-parser for the answer), all on the caller's thread.
// One exchange per connection at a time; a new connection is opened whenever no idle one is
// available, so concurrency per upstream is bounded by the router's capacity settings, not by
// the client. Requests are never re-sent by the client: a failure before the answer is
// reported, and UpstreamRelay decides whether to try again (only inside permitted tiers).
//
// Lives on, and must be used from, one thread (the gateway's event loop).
class UpstreamClient : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxIdlePerHost = 256;

    explicit UpstreamClient(QObject *parent = nullptr);
    ~UpstreamClient() override;

    // Never returns null. The call is owned by this client and deletes itself after its
    // finished()/failed() signal (see UpstreamCall); connect to it right away. An unusable
    // request (bad scheme, no host, a header with a line break) fails asynchronously with
    // ProtocolError.
    UpstreamCall *start(const UpstreamRequest &request);

    // Requests started and not yet ended for a host key (see hostKey()).
    int inFlight(const QString &hostKey) const;
    // Open connections (busy and idle) and idle ones for a host key.
    int connectionCount(const QString &hostKey) const;
    int idleConnectionCount(const QString &hostKey) const;

    // "scheme://host:port" with the scheme's default port filled in, e.g. "https://api.example.com:443".
    static QString hostKey(const QUrl &url);

private:
    UpstreamConnection *takeIdle(const QString &hostKey);
    void onConnectionIdle(UpstreamConnection *connection);
    void onConnectionClosed(UpstreamConnection *connection);
    void release(const QString &hostKey);

    QHash<QString, int> m_inFlight;
    QHash<QString, QList<UpstreamConnection *>> m_idle;
    QHash<QString, int> m_open;
};

} // namespace perimeter::upstream
