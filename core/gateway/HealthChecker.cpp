// SPDX-License-Identifier: Apache-2.0
#include "HealthChecker.h"
#include "GatewayContext.h"
#include "GatewaySnapshot.h"
#include "observe/MetricsRegistry.h"
#include "upstream/UpstreamCall.h"
#include "upstream/UpstreamClient.h"
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcHealth, "perimeter.health")

namespace perimeter::gateway {

HealthChecker::HealthChecker(GatewayContext &context, SnapshotSource snapshot, QObject *parent)
    : QObject(parent), m_context(context), m_snapshot(std::move(snapshot))
{
    connect(&m_timer, &QTimer::timeout, this, &HealthChecker::probeAll);
}

void HealthChecker::start()
{
    const auto snapshot = m_snapshot();
    if (!snapshot->config.healthChecks.enabled)
        return;
    m_timer.start(snapshot->config.healthChecks.intervalMs);
    probeAll();
}

void HealthChecker::stop()
{
    m_timer.stop();
}

void HealthChecker::probeAll()
{
    const auto snapshot = m_snapshot();
    const auto &settings = snapshot->config.healthChecks;
    if (!settings.enabled)
        return;
    if (m_timer.interval() != settings.intervalMs)
        m_timer.setInterval(settings.intervalMs);
    for (const auto &e : snapshot->config.endpoints) {
        upstream::UpstreamRequest request;
        QUrl url = e.url;
        url.setPath(url.path() + e.healthPath);
        request.url = url;
        request.method = QByteArrayLiteral("GET");
        request.connectTimeoutMs = settings.timeoutMs;
        request.idleTimeoutMs = settings.timeoutMs;
        request.totalTimeoutMs = settings.timeoutMs;
        if (const auto it = snapshot->credentials.constFind(e.id); it != snapshot->credentials.constEnd())
            request.headers.append({QByteArrayLiteral("authorization"), QByteArrayLiteral("Bearer ") + *it});
        auto *call = m_context.upstream->start(request);
        const QString id = e.id;
        const QString tier = tierName(e.tier);
        auto report = [this, id, tier](bool healthy) {
            if (m_context.metrics)
                m_context.metrics->setEndpointHealth(id, tier, healthy);
            auto it = m_context.endpoints.find(id);
            if (it == m_context.endpoints.end())
                return;
            if (it->isProbeHealthy() != healthy)
                qCWarning(lcHealth, "endpoint %s is %s", qPrintable(id), healthy ? "healthy again" : "failing its health check");
            it->setProbeResult(healthy);
        };
        connect(call, &upstream::UpstreamCall::finished, this, [call, report]() { report(call->status() >= 200 && call->status() < 300); });
        connect(call, &upstream::UpstreamCall::failed, this, [report](const upstream::UpstreamFailure &) { report(false); });
    }
}

} // namespace perimeter::gateway
