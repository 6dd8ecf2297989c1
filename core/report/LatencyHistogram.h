// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QtGlobal>
#include <vector>

namespace perimeter::report {

// Latency percentiles in bounded memory: exact 1 ms bins up to 128 ms, then logarithmic bins
// 2^(1/64) wide (1.1 %), so a percentile is within 0.6 % of the exact value whatever the
// number of records, and a histogram never holds more than kBins counters (~5 KiB). The
// counters are allocated on the first add(), so empty groups cost nothing.
class LatencyHistogram {
public:
    static constexpr int kLinear = 128;
    static constexpr int kPerOctave = 64;
    static constexpr int kOctaves = 24; // up to 2^31 ms
    static constexpr int kBins = kLinear + kPerOctave * kOctaves;

    void add(qint64 latencyMs);
    void merge(const LatencyHistogram &other);
    qint64 count() const { return m_count; }
    // q in [0, 1]; -1 when empty. Nearest-rank on the bins, answering the bin's midpoint.
    double quantile(double q) const;

    static int binOf(qint64 latencyMs);
    static double binLow(int bin);
    static double binHigh(int bin);

private:
    std::vector<quint32> m_bins;
    qint64 m_count = 0;
};

} // namespace perimeter::report
