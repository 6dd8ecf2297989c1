// SPDX-License-Identifier: Apache-2.0
#include "AlertRule.h"

namespace perimeter::observe {

bool AlertRule::breached(double value) const
{
    switch (metric) {
    case Metric::ErrorRate:
    case Metric::LatencyPercentile:
        return value > threshold;
    case Metric::Availability:
        return value < threshold;
    case Metric::Spend:
        // Reaching the share of the budget is the event (80 % of it with threshold 0.8).
        return value >= effectiveThreshold();
    case Metric::ResidencyRejections:
        return value >= threshold;
    }
    return false;
}

} // namespace perimeter::observe
