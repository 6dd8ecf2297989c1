// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "UpstreamCall.h"
#include "UpstreamRequest.h"
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

class QNetworkAccessManager;

namespace perimeter::upstream {

// Sends requests to OpenAI-compatible upstreams and relays the answers as they stream in.
//
// Why a pool of QNetworkAccessManagers rather than an own HTTP/1.1 client on QSslSocket:
// QNAM brings a proven response parser (chunked, keep-alive, pipelining edge cases), HTTP/2 via
// ALPN, OpenSSL 3 with the system trust store, and proxy support that the "egress proxy" seam
// will need; an own client would re-implement all of that. QNAM's one flaw for a gateway is the
// fixed limit of 6 HTTP/1.1 connections per host and manager (not configurable in Qt 6.4), so
// several managers are used, created lazily: a request goes to the manager with the fewest
// in-flight requests for its host, and a new manager is added only when every existing one is
// at that limit. The price is one QNAM worker thread per manager, so the pool is bounded
// (maxManagers × 6 concurrent HTTP/1.1 streams per host; beyond that QNAM queues requests).
//
// Lives on, and must be used from, one thread (the gateway's event loop).
class UpstreamClient : public QObject {
    Q_OBJECT
public:
    static constexpr int kConnectionsPerManager = 6; // Qt 6.4's fixed HTTP/1.1 limit per host
    static constexpr int kDefaultMaxManagers = 128;

    explicit UpstreamClient(QObject *parent = nullptr, int maxManagers = kDefaultMaxManagers);
    ~UpstreamClient() override;

    // Never returns null. The call is owned by this client and deletes itself after its
    // finished()/failed() signal (see UpstreamCall); connect to it right away. An unusable
    // request (bad scheme, no host) fails asynchronously with ProtocolError.
    UpstreamCall *start(const UpstreamRequest &request);

    // Requests started and not yet ended for a host key (see hostKey()).
    int inFlight(const QString &hostKey) const;
    int managerCount() const { return int(m_managers.size()); }
    int maxManagers() const { return m_maxManagers; }

    // "scheme://host:port" with the scheme's default port filled in, e.g. "https://api.example.com:443".
    static QString hostKey(const QUrl &url);

private:
    int pickManager(const QString &hostKey);
    void release(const QString &hostKey, int managerIndex);

    int m_maxManagers;
    QList<QNetworkAccessManager *> m_managers;
    QHash<QString, QList<int>> m_inFlight; // host key → in-flight count per manager index
};

} // namespace perimeter::upstream
