// SPDX-License-Identifier: Apache-2.0
#include "EndpointState.h"

namespace perimeter::routing {

EndpointState::EndpointState(QString id, int capacity) : m_id(std::move(id)), m_capacity(qMax(1, capacity)) {}

int EndpointState::load() const
{
    // What waits in the endpoint's own queue comes on top of our requests in flight. Its
    // running count is not used: polled every few seconds it still counts our own requests
    // that have finished since, and would keep an idle endpoint looking busy. A queue at the
    // endpoint means it is saturated, which is exactly when overflow should start.
    return m_inFlight + qMax(0, m_upstreamWaiting);
}

bool EndpointState::isAvailable(qint64 nowMs) const
{
    return m_probeHealthy && !isCircuitOpen(nowMs);
}

void EndpointState::requestFinished(bool success, qint64 latencyMs, qint64 nowMs)
{
    if (m_inFlight > 0)
        --m_inFlight;
    if (success) {
        m_consecutiveFailures = 0;
        m_openUntilMs = 0;
        // EWMA with alpha 0.2: smooth enough to ignore one slow answer, quick to follow a trend.
        m_latencyEwmaMs = m_latencyEwmaMs < 0 ? double(latencyMs) : 0.8 * m_latencyEwmaMs + 0.2 * double(latencyMs);
        return;
    }
    if (++m_consecutiveFailures >= failureThreshold)
        m_openUntilMs = nowMs + openMs;
}

} // namespace perimeter::routing
