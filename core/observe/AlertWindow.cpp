// SPDX-License-Identifier: Apache-2.0
#include "AlertWindow.h"
#include <algorithm>
#include <cmath>

namespace perimeter::observe {

AlertWindow::AlertWindow(int windowSeconds)
    : m_windowSeconds(qMax(1, windowSeconds)),
      m_bucketSeconds(qMax(1, (m_windowSeconds + kMaxBuckets - 1) / kMaxBuckets)),
      m_buckets(size_t((m_windowSeconds + m_bucketSeconds - 1) / m_bucketSeconds))
{
}

void AlertWindow::add(qint64 nowMs, bool routed, bool failed, bool residencyRejection, bool hasLatency, qint64 latencyMs, double spend)
{
    const qint64 slot = slotOf(nowMs);
    Bucket &b = m_buckets[size_t(slot % qint64(m_buckets.size()))];
    if (b.slot != slot) {
        b.slot = slot;
        b.t = Totals{};
    }
    ++b.t.requests;
    b.t.routed += routed ? 1 : 0;
    b.t.failed += failed ? 1 : 0;
    b.t.residencyRejections += residencyRejection ? 1 : 0;
    b.t.spend += spend;
    if (hasLatency) {
        ++b.t.latencySamples;
        const auto it = std::lower_bound(kLatencyBoundsMs.begin(), kLatencyBoundsMs.end(), double(latencyMs));
        ++b.t.latency[size_t(it - kLatencyBoundsMs.begin())];
    }
}

AlertWindow::Totals AlertWindow::totals(qint64 nowMs) const
{
    const qint64 slot = slotOf(nowMs);
    const qint64 oldest = slot - qint64(m_buckets.size()) + 1;
    Totals sum;
    for (const Bucket &b : m_buckets) {
        if (b.slot < oldest || b.slot > slot)
            continue;
        sum.requests += b.t.requests;
        sum.routed += b.t.routed;
        sum.failed += b.t.failed;
        sum.residencyRejections += b.t.residencyRejections;
        sum.latencySamples += b.t.latencySamples;
        sum.spend += b.t.spend;
        for (size_t i = 0; i < sum.latency.size(); ++i)
            sum.latency[i] += b.t.latency[i];
    }
    return sum;
}

double AlertWindow::percentile(const Totals &totals, double q)
{
    if (totals.latencySamples <= 0)
        return -1.0;
    const qint64 rank = qMax<qint64>(1, qint64(std::ceil(q * double(totals.latencySamples))));
    qint64 seen = 0;
    for (size_t i = 0; i < totals.latency.size(); ++i) {
        seen += totals.latency[i];
        if (seen >= rank)
            return kLatencyBoundsMs[qMin(i, kLatencyBoundsMs.size() - 1)];
    }
    return kLatencyBoundsMs.back();
}

} // namespace perimeter::observe
