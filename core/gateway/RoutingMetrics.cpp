// SPDX-License-Identifier: Apache-2.0
#include "RoutingMetrics.h"
#include <QStringList>

namespace perimeter::gateway {

using observe::MetricFamily;

RoutingMetrics::RoutingMetrics()
    : m_shadowEvaluations("perimeter_shadow_evaluations_total", "Requests the shadow policy also decided (it never routes).",
                          MetricFamily::Type::Counter, {})
    , m_shadowDisagreements("perimeter_shadow_disagreements_total",
                            "Requests where the shadow policy would have decided differently, by kind of difference.",
                            MetricFamily::Type::Counter, {"kind"}, {}, 16)
    , m_queueWaiting("perimeter_queue_waiting", "Requests waiting in the gateway's queue for endpoint capacity.", MetricFamily::Type::Gauge, {})
    , m_queueOutcomes("perimeter_queue_outcomes_total", "How waits in the capacity queue ended.", MetricFamily::Type::Counter, {"outcome"}, {}, 16)
    , m_upstreamWaiting("perimeter_endpoint_upstream_waiting", "Requests waiting in an endpoint's own queue, as the endpoint reports it.",
                        MetricFamily::Type::Gauge, {"endpoint", "tier"})
{
    m_queueWaiting.set({}, 0);
    m_shadowEvaluations.set({}, 0);
}

void RoutingMetrics::shadowEvaluated(const QStringList &differences)
{
    m_shadowEvaluations.add({}, 1);
    for (const auto &kind : differences)
        m_shadowDisagreements.add({kind}, 1);
}

void RoutingMetrics::queueOutcome(QStringView outcome)
{
    m_queueOutcomes.add({outcome}, 1);
}

void RoutingMetrics::setQueueWaiting(int waiting)
{
    m_queueWaiting.set({}, waiting);
}

void RoutingMetrics::setUpstreamWaiting(QStringView endpointId, QStringView tier, int waiting)
{
    m_upstreamWaiting.set({endpointId, tier}, waiting);
}

void RoutingMetrics::render(QByteArray &out) const
{
    m_shadowEvaluations.render(out);
    m_shadowDisagreements.render(out);
    m_queueWaiting.render(out);
    m_queueOutcomes.render(out);
    m_upstreamWaiting.render(out);
}

} // namespace perimeter::gateway
