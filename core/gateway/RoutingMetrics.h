// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "observe/MetricFamily.h"
#include <QByteArray>
#include <QStringView>

namespace perimeter::gateway {

// The router's own Prometheus series, appended to GET /metrics after the registry's:
//   perimeter_shadow_evaluations_total            requests the shadow policy also decided
//   perimeter_shadow_disagreements_total{kind}    where it would have decided differently
//                                                 (kind: level, tiers, decision, reason, tier)
//   perimeter_queue_waiting                       requests waiting for capacity now
//   perimeter_queue_outcomes_total{outcome}       dispatched, timeout, full, client_closed
//   perimeter_endpoint_upstream_waiting{endpoint,tier}  queue depth an endpoint reports
// Thread-safe (MetricFamily), updated inline on the gateway thread.
class RoutingMetrics {
public:
    RoutingMetrics();

    void shadowEvaluated(const QStringList &differences);
    void queueOutcome(QStringView outcome);
    void setQueueWaiting(int waiting);
    void setUpstreamWaiting(QStringView endpointId, QStringView tier, int waiting);

    const observe::MetricFamily &shadowDisagreements() const { return m_shadowDisagreements; }
    const observe::MetricFamily &queueOutcomes() const { return m_queueOutcomes; }
    void render(QByteArray &out) const;

private:
    observe::MetricFamily m_shadowEvaluations;
    observe::MetricFamily m_shadowDisagreements;
    observe::MetricFamily m_queueWaiting;
    observe::MetricFamily m_queueOutcomes;
    observe::MetricFamily m_upstreamWaiting;
};

} // namespace perimeter::gateway
