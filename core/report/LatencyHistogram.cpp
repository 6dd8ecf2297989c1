// SPDX-License-Identifier: Apache-2.0
#include "LatencyHistogram.h"
#include <bit>
#include <cmath>

namespace perimeter::report {

int LatencyHistogram::binOf(qint64 latencyMs)
{
    if (latencyMs < kLinear)
        return latencyMs < 0 ? 0 : int(latencyMs);
    // Octave from the highest set bit, position inside it from the next 6 bits: integer only,
    // which keeps add() cheap enough for a million records per query.
    const auto v = static_cast<quint64>(latencyMs);
    const int msb = 63 - std::countl_zero(v);             // >= 7
    const int octave = msb - 7;
    if (octave >= kOctaves)
        return kBins - 1;
    const int sub = int((v >> (msb - 6)) & (kPerOctave - 1)); // 6 bits below the msb
    return kLinear + octave * kPerOctave + sub;
}

double LatencyHistogram::binLow(int bin)
{
    if (bin < kLinear)
        return bin;
    const int octave = (bin - kLinear) / kPerOctave;
    const int sub = (bin - kLinear) % kPerOctave;
    return std::ldexp(1.0 + sub / double(kPerOctave), octave + 7);
}

double LatencyHistogram::binHigh(int bin)
{
    if (bin < kLinear)
        return bin + 1;
    return bin + 1 < kBins ? binLow(bin + 1) : binLow(bin) * 2;
}

void LatencyHistogram::add(qint64 latencyMs)
{
    if (m_bins.empty())
        m_bins.assign(kBins, 0);
    ++m_bins[size_t(binOf(latencyMs))];
    ++m_count;
}

void LatencyHistogram::merge(const LatencyHistogram &other)
{
    if (other.m_count == 0)
        return;
    if (m_bins.empty())
        m_bins.assign(kBins, 0);
    for (size_t i = 0; i < m_bins.size(); ++i)
        m_bins[i] += other.m_bins[i];
    m_count += other.m_count;
}

double LatencyHistogram::quantile(double q) const
{
    if (m_count == 0)
        return -1;
    // Nearest rank: the smallest value with at least q of the records at or below it.
    const qint64 rank = qMax<qint64>(1, qint64(std::ceil(q * double(m_count))));
    qint64 seen = 0;
    for (int i = 0; i < kBins; ++i) {
        seen += m_bins[size_t(i)];
        if (seen >= rank) {
            // Linear bins hold one exact value; a log bin answers its midpoint.
            return i < kLinear ? double(i) : std::round((binLow(i) + binHigh(i)) / 2.0);
        }
    }
    return binLow(kBins - 1);
}

} // namespace perimeter::report
