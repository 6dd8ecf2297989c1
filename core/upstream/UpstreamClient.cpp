// SPDX-License-Identifier: Apache-2.0
#include "UpstreamClient.h"
#include "UpstreamConnection.h"
#include <algorithm>

namespace perimeter::upstream {

namespace {

// Hop-by-hop headers (RFC 9110 §7.6.1) and the ones QNAM computes itself must not be forwarded.
bool isManagedHeader(const QByteArray &name)
{
    static const QByteArray managed[] = {
        "connection", "keep-alive", "proxy-connection", "proxy-authorization", "te", "trailer",
        "transfer-encoding", "upgrade", "host", "content-length", "accept-encoding",
    };
    const QByteArray lower = name.toLower();
    return std::find(std::begin(managed), std::end(managed), lower) != std::end(managed);
}

bool hasHeader(const UpstreamHeaders &headers, QByteArrayView lowerName)
{
    return std::any_of(headers.cbegin(), headers.cend(),
                       [lowerName](const auto &header) { return header.first.toLower() == lowerName; });
}

// A header that could split the request (CR, LF, NUL) or is not a token is refused, not sent.
bool isSafeHeader(const QByteArray &name, const QByteArray &value)
{
    if (name.isEmpty())
        return false;
    for (char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f || c == ':')
            return false;
    }
    for (char c : value) {
        if (c == '\r' || c == '\n' || c == '\0')
            return false;
    }
    return true;
}

} // namespace

UpstreamClient::UpstreamClient(QObject *parent)
    : QObject(parent)
{
}

UpstreamClient::~UpstreamClient()
{
    // Calls first: they drop their exchanges while the connections still exist.
    const auto calls = findChildren<UpstreamCall *>(Qt::FindDirectChildrenOnly);
    for (UpstreamCall *call : calls)
        delete call;
    const auto connections = findChildren<UpstreamConnection *>(Qt::FindDirectChildrenOnly);
    for (UpstreamConnection *connection : connections) {
        disconnect(connection, nullptr, this, nullptr);
        delete connection;
    }
}

QString UpstreamClient::hostKey(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    const int port = url.port(scheme == QLatin1String("https") ? 443 : 80);
    return QStringLiteral("%1://%2:%3").arg(scheme, url.host().toLower()).arg(port);
}

int UpstreamClient::inFlight(const QString &hostKey) const
{
    return m_inFlight.value(hostKey);
}

int UpstreamClient::connectionCount(const QString &hostKey) const
{
    return m_open.value(hostKey);
}

int UpstreamClient::idleConnectionCount(const QString &hostKey) const
{
    return int(m_idle.value(hostKey).size());
}

UpstreamConnection *UpstreamClient::takeIdle(const QString &hostKey)
{
    auto it = m_idle.find(hostKey);
    if (it == m_idle.end())
        return nullptr;
    // Most recently used first: its socket is the least likely to have been closed meanwhile.
    while (!it->isEmpty()) {
        UpstreamConnection *connection = it->takeLast();
        if (connection->isReusable())
            return connection;
        connection->abandon(); // closed() removes it from the count
    }
    return nullptr;
}

void UpstreamClient::onConnectionIdle(UpstreamConnection *connection)
{
    QList<UpstreamConnection *> &idle = m_idle[connection->hostKey()];
    if (idle.size() >= kMaxIdlePerHost) {
        connection->abandon();
        return;
    }
    idle.append(connection);
}

void UpstreamClient::onConnectionClosed(UpstreamConnection *connection)
{
    const QString key = connection->hostKey();
    auto it = m_idle.find(key);
    if (it != m_idle.end())
        it->removeAll(connection);
    auto open = m_open.find(key);
    if (open != m_open.end() && --*open <= 0)
        m_open.erase(open);
    disconnect(connection, nullptr, this, nullptr);
    connection->deleteLater(); // may be inside one of its own socket's signals
}

void UpstreamClient::release(const QString &hostKey)
{
    auto it = m_inFlight.find(hostKey);
    if (it != m_inFlight.end() && --*it <= 0)
        m_inFlight.erase(it);
}

UpstreamCall *UpstreamClient::start(const UpstreamRequest &request)
{
    const QString key = hostKey(request.url);
    auto *call = new UpstreamCall(request, key, this);
    const QString scheme = request.url.scheme().toLower();
    const bool https = scheme == QLatin1String("https");
    if (!request.url.isValid() || (!https && scheme != QLatin1String("http")) || request.url.host().isEmpty()) {
        call->failLater(UpstreamFailure::Kind::ProtocolError,
                        QStringLiteral("upstream %1: unsupported URL (need http or https with a host)").arg(key));
        return call;
    }
    if (request.method.isEmpty() || !isSafeHeader(request.method, {})) {
        call->failLater(UpstreamFailure::Kind::ProtocolError, QStringLiteral("upstream %1: no usable HTTP method").arg(key));
        return call;
    }

    const quint16 port = quint16(request.url.port(https ? 443 : 80));
    QByteArray target = request.url.path(QUrl::FullyEncoded).toLatin1();
    if (target.isEmpty())
        target = "/";
    if (request.url.hasQuery())
        target += '?' + request.url.query(QUrl::FullyEncoded).toLatin1();
    QByteArray hostHeader = request.url.host(QUrl::FullyEncoded).toLatin1();
    if (hostHeader.contains(':'))
        hostHeader = '[' + hostHeader + ']'; // an IPv6 literal
    if (port != (https ? 443 : 80))
        hostHeader += ':' + QByteArray::number(port);

    QByteArray wire;
    wire.reserve(256 + request.body.size());
    wire += request.method + ' ' + target + " HTTP/1.1\r\nHost: " + hostHeader + "\r\n";
    for (const auto &header : request.headers) {
        if (isManagedHeader(header.first))
            continue;
        if (!isSafeHeader(header.first, header.second)) {
            call->failLater(UpstreamFailure::Kind::ProtocolError,
                            QStringLiteral("upstream %1: refused to send a malformed request header").arg(key));
            return call;
        }
        wire += header.first + ": " + header.second + "\r\n";
    }
    // Identity: chunks are relayed byte for byte, never decompressed behind the relay's back.
    wire += "Accept-Encoding: identity\r\n";
    if (!hasHeader(request.headers, "user-agent"))
        wire += "User-Agent: perimeter/" PERIMETER_VERSION "\r\n";
    if (!request.body.isEmpty() && !hasHeader(request.headers, "content-type"))
        wire += "Content-Type: application/json\r\n";
    const bool bodyless = request.body.isEmpty() && (request.method == "GET" || request.method == "HEAD");
    if (!bodyless)
        wire += "Content-Length: " + QByteArray::number(request.body.size()) + "\r\n";
    wire += "\r\n";
    wire += request.body;

    UpstreamConnection *connection = takeIdle(key);
    if (!connection) {
        connection = new UpstreamConnection(key, request.url.host(), port, https, this);
        ++m_open[key];
        connect(connection, &UpstreamConnection::becameIdle, this, &UpstreamClient::onConnectionIdle);
        connect(connection, &UpstreamConnection::closed, this, &UpstreamClient::onConnectionClosed);
    }
    ++m_inFlight[key];
    // Connected before start() returns, so the count drops before any caller's handler runs.
    connect(call, &UpstreamCall::finished, this, [this, key] { release(key); });
    connect(call, &UpstreamCall::failed, this, [this, key] { release(key); });
    connection->send(call, std::move(wire), request.method == "HEAD");
    return call;
}

} // namespace perimeter::upstream
