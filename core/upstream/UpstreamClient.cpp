// SPDX-License-Identifier: Apache-2.0
#include "UpstreamClient.h"
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkRequest>
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

} // namespace

UpstreamClient::UpstreamClient(QObject *parent, int maxManagers)
    : QObject(parent)
    , m_maxManagers(std::max(1, maxManagers))
{
}

UpstreamClient::~UpstreamClient()
{
    // Calls first: they abort their replies while the managers still exist.
    const auto calls = findChildren<UpstreamCall *>(Qt::FindDirectChildrenOnly);
    for (UpstreamCall *call : calls)
        delete call;
}

QString UpstreamClient::hostKey(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    const int port = url.port(scheme == QLatin1String("https") ? 443 : 80);
    return QStringLiteral("%1://%2:%3").arg(scheme, url.host().toLower()).arg(port);
}

int UpstreamClient::inFlight(const QString &hostKey) const
{
    const auto it = m_inFlight.constFind(hostKey);
    if (it == m_inFlight.cend())
        return 0;
    int total = 0;
    for (int count : *it)
        total += count;
    return total;
}

int UpstreamClient::pickManager(const QString &hostKey)
{
    QList<int> &counts = m_inFlight[hostKey];
    counts.resize(m_managers.size(), 0);
    int best = -1;
    for (int i = 0; i < counts.size(); ++i) {
        if (best < 0 || counts[i] < counts[best])
            best = i;
    }
    if ((best < 0 || counts[best] >= kConnectionsPerManager) && m_managers.size() < m_maxManagers) {
        auto *manager = new QNetworkAccessManager(this);
        // An upstream redirect must not carry the endpoint credential to another origin; a 3xx
        // is relayed as an answer instead.
        manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
        // Egress goes direct until a per-endpoint proxy setting exists; never an ambient one.
        manager->setProxy(QNetworkProxy::NoProxy);
        manager->setStrictTransportSecurityEnabled(false);
        m_managers.append(manager);
        counts.append(0);
        best = int(counts.size()) - 1;
    }
    return best;
}

void UpstreamClient::release(const QString &hostKey, int managerIndex)
{
    auto it = m_inFlight.find(hostKey);
    if (it == m_inFlight.end() || managerIndex >= it->size())
        return;
    int &count = (*it)[managerIndex];
    count = std::max(0, count - 1);
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
    if (request.method.isEmpty()) {
        call->failLater(UpstreamFailure::Kind::ProtocolError, QStringLiteral("upstream %1: no HTTP method").arg(key));
        return call;
    }

    QNetworkRequest netRequest(request.url);
    netRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    netRequest.setAttribute(QNetworkRequest::Http2AllowedAttribute, https);
    // Cookies set by one upstream answer must never reach another caller's request.
    netRequest.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    netRequest.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    netRequest.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    netRequest.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    for (const auto &header : request.headers) {
        if (!isManagedHeader(header.first))
            netRequest.setRawHeader(header.first, header.second);
    }
    // Identity: chunks are relayed byte for byte and QNAM must not decompress behind our back.
    netRequest.setRawHeader("Accept-Encoding", "identity");
    if (!hasHeader(request.headers, "user-agent"))
        netRequest.setRawHeader("User-Agent", "perimeter/" PERIMETER_VERSION);
    if (!request.body.isEmpty() && !hasHeader(request.headers, "content-type"))
        netRequest.setRawHeader("Content-Type", "application/json");

    const int index = pickManager(key);
    QNetworkReply *reply = m_managers[index]->sendCustomRequest(netRequest, request.method, request.body);
    ++m_inFlight[key][index];
    // Connected before start() returns, so the count drops before any caller's handler runs.
    connect(call, &UpstreamCall::finished, this, [this, key, index] { release(key, index); });
    connect(call, &UpstreamCall::failed, this, [this, key, index] { release(key, index); });
    call->attach(reply);
    return call;
}

} // namespace perimeter::upstream
