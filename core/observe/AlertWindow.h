// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QtGlobal>
#include <array>
#include <vector>

namespace perimeter::observe {

// A rolling window of time buckets for one alert rule: adding a request is O(1) (one bucket,
// reset when its slot comes round again), reading sums at most kMaxBuckets buckets.
//
// Buckets are one second wide up to a 10-minute window; longer windows (a daily spend budget)
// use wider buckets so that no rule holds more than kMaxBuckets of them. Latencies go into a
// fixed histogram per bucket; a percentile is the upper bound of the histogram bucket it falls
// in, so it errs on the high side (never hides slowness).
class AlertWindow {
public:
    static constexpr int kMaxBuckets = 600;
    static constexpr std::array<double, 26> kLatencyBoundsMs{1, 2, 5, 10, 20, 50, 100, 150, 200, 300, 500, 750, 1000, 1500,
                                                            2000, 3000, 5000, 7500, 10000, 15000, 20000, 30000, 60000, 120000,
                                                            300000, 600000};

    struct Totals {
        qint64 requests = 0;
        qint64 routed = 0;
        qint64 failed = 0;
        qint64 residencyRejections = 0;
        qint64 latencySamples = 0;
        double spend = 0.0;
        std::array<qint64, kLatencyBoundsMs.size() + 1> latency{}; // last: above the last bound
    };

    explicit AlertWindow(int windowSeconds);

    int windowSeconds() const { return m_windowSeconds; }
    int bucketSeconds() const { return m_bucketSeconds; }

    // nowMs: milliseconds since the epoch (the evaluator's clock).
    void add(qint64 nowMs, bool routed, bool failed, bool residencyRejection, bool hasLatency, qint64 latencyMs, double spend);
    Totals totals(qint64 nowMs) const;
    // The q-quantile (0 < q <= 1) of the sampled latencies in ms; -1 without samples.
    static double percentile(const Totals &totals, double q);

private:
    struct Bucket {
        qint64 slot = -1;
        Totals t;
    };
    qint64 slotOf(qint64 nowMs) const { return nowMs / 1000 / m_bucketSeconds; }

    int m_windowSeconds;
    int m_bucketSeconds;
    std::vector<Bucket> m_buckets;
};

} // namespace perimeter::observe
