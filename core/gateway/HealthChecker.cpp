// SPDX-License-Identifier: Apache-2.0
#include "HealthChecker.h"
#include "GatewayContext.h"
#include "GatewaySnapshot.h"
#include "RoutingMetrics.h"
#include "observe/MetricsRegistry.h"
#include "routing/QueueMetricsParser.h"
#include "routing/WaitQueue.h"
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
            const bool changed = it->isProbeHealthy() != healthy;
            if (changed)
                qCWarning(lcHealth, "endpoint %s is %s", qPrintable(id), healthy ? "healthy again" : "failing its health check");
            it->setProbeResult(healthy);
            if (changed && healthy && m_context.queue)
                m_context.queue->pump();
        };
        connect(call, &upstream::UpstreamCall::finished, this, [call, report]() { report(call->status() >= 200 && call->status() < 300); });
        connect(call, &upstream::UpstreamCall::failed, this, [report](const upstream::UpstreamFailure &) { report(false); });
        if (!e.queueMetrics.source.isEmpty())
            pollQueueMetrics(e, settings.timeoutMs, snapshot->credentials.value(e.id));
    }
}

void HealthChecker::pollQueueMetrics(const config::EndpointConfig &endpoint, int timeoutMs, const QByteArray &credential)
{
    // vLLM and llama.cpp serve /metrics at the server root, not under the /v1 base path.
    upstream::UpstreamRequest request;
    QUrl url = endpoint.url;
    url.setPath(endpoint.queueMetrics.path);
    request.url = url;
    request.method = QByteArrayLiteral("GET");
    request.connectTimeoutMs = timeoutMs;
    request.idleTimeoutMs = timeoutMs;
    request.totalTimeoutMs = timeoutMs;
    if (!credential.isEmpty())
        request.headers.append({QByteArrayLiteral("authorization"), QByteArrayLiteral("Bearer ") + credential});
    auto *call = m_context.upstream->start(request);
    auto body = std::make_shared<QByteArray>();
    const QString id = endpoint.id;
    const QString tier = tierName(endpoint.tier);
    const auto metrics = endpoint.queueMetrics;
    auto store = [this, id, tier](int waiting, int running) {
        auto it = m_context.endpoints.find(id);
        if (it == m_context.endpoints.end())
            return;
        const bool eased = waiting < it->upstreamWaiting();
        it->setUpstreamQueue(waiting, running);
        if (m_context.routingMetrics && waiting >= 0)
            m_context.routingMetrics->setUpstreamWaiting(id, tier, waiting);
        if (eased && m_context.queue)
            m_context.queue->pump();
    };
    connect(call, &upstream::UpstreamCall::dataReceived, this, [call, body](const QByteArray &chunk) {
        // A metrics page is small; a runaway one is cut rather than held in memory.
        if (body->size() + chunk.size() > kMaxMetricsBytes)
            call->abort();
        else
            body->append(chunk);
    });
    connect(call, &upstream::UpstreamCall::finished, this, [call, body, store, metrics, id]() {
        if (call->status() < 200 || call->status() >= 300) {
            store(-1, -1);
            return;
        }
        const auto waiting = routing::QueueMetricsParser::gauge(*body, metrics.waitingMetric);
        const auto running = metrics.runningMetric.isEmpty() ? std::nullopt : routing::QueueMetricsParser::gauge(*body, metrics.runningMetric);
        if (!waiting) {
            qCWarning(lcHealth, "endpoint %s: metric %s not found in its queue metrics", qPrintable(id), qPrintable(metrics.waitingMetric));
            store(-1, -1);
            return;
        }
        store(qMax(0, int(*waiting)), running ? qMax(0, int(*running)) : -1);
    });
    connect(call, &upstream::UpstreamCall::failed, this, [store](const upstream::UpstreamFailure &) { store(-1, -1); });
}

} // namespace perimeter::gateway
