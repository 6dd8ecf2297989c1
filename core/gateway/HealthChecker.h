// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "config/Config.h"
#include <QObject>
#include <QTimer>
#include <functional>
#include <memory>

namespace perimeter::gateway {

struct GatewayContext;
struct GatewaySnapshot;

// Active health checks: every interval, GET <endpoint url><health path> (by default /models,
// never a completion) with the endpoint's own credential. A failed probe takes the endpoint
// out of routing until a later probe succeeds; passive outlier detection (the circuit breaker
// in EndpointState) works alongside.
class HealthChecker : public QObject {
    Q_OBJECT
public:
    using SnapshotSource = std::function<std::shared_ptr<const GatewaySnapshot>()>;
    HealthChecker(GatewayContext &context, SnapshotSource snapshot, QObject *parent = nullptr);

    void start();
    void stop();
    void probeAll();

private:
    // The endpoint's own queue depth (queue_metrics), counted into its utilization.
    void pollQueueMetrics(const config::EndpointConfig &endpoint, int timeoutMs, const QByteArray &credential);
    static constexpr qsizetype kMaxMetricsBytes = 8 * 1024 * 1024;

    GatewayContext &m_context;
    SnapshotSource m_snapshot;
    QTimer m_timer;
};

} // namespace perimeter::gateway
