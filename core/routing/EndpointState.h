// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QString>
#include <QtGlobal>

namespace perimeter::routing {

// Live state of one endpoint, owned by the gateway thread. Passive outlier detection:
// after `failureThreshold` consecutive failures the circuit opens for `openMs`, then one
// request is let through (half-open) and its outcome closes or re-opens the circuit.
class EndpointState {
public:
    explicit EndpointState(QString id = {}, int capacity = 64);

    const QString &id() const { return m_id; }
    int capacity() const { return m_capacity; }
    int inFlight() const { return m_inFlight; }
    // Load for cost-aware routing: this gateway's requests in flight plus the requests waiting
    // in the endpoint's own queue (other clients' included), when the endpoint reports it.
    int load() const;
    double utilization() const { return double(load()) / double(m_capacity); }
    double latencyEwmaMs() const { return m_latencyEwmaMs; }

    // Queue depth from the endpoint's own metrics (vLLM, llama.cpp), polled with the health
    // check; -1 = not known (no source configured, or the last poll failed).
    int upstreamWaiting() const { return m_upstreamWaiting; }
    int upstreamRunning() const { return m_upstreamRunning; }
    void setUpstreamQueue(int waiting, int running)
    {
        m_upstreamWaiting = waiting;
        m_upstreamRunning = running;
    }

    bool isAvailable(qint64 nowMs) const;
    // Active health checks: a failed probe takes the endpoint out until a probe succeeds.
    bool isProbeHealthy() const { return m_probeHealthy; }
    void setProbeResult(bool healthy) { m_probeHealthy = healthy; }
    bool isCircuitOpen(qint64 nowMs) const { return m_openUntilMs > nowMs; }

    void requestStarted() { ++m_inFlight; }
    void requestFinished(bool success, qint64 latencyMs, qint64 nowMs);

    static constexpr int failureThreshold = 5;
    static constexpr qint64 openMs = 10'000;

private:
    QString m_id;
    int m_capacity;
    int m_inFlight = 0;
    int m_consecutiveFailures = 0;
    qint64 m_openUntilMs = 0;
    double m_latencyEwmaMs = -1.0;
    bool m_probeHealthy = true;
    int m_upstreamWaiting = -1;
    int m_upstreamRunning = -1;
};

} // namespace perimeter::routing
