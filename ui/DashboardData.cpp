// SPDX-License-Identifier: Apache-2.0
#include "DashboardData.h"
#include "common/Sensitivity.h"
#include <algorithm>
#include <cmath>

namespace perimeter::ui {

DashboardData DashboardData::compute(const QList<observe::AuditRecord> &records, const QDateTime &from, const QDateTime &to,
                                     int bucketCount)
{
    DashboardData d;
    d.from = from;
    d.to = to;
    bucketCount = qMax(1, bucketCount);
    const qint64 span = qMax<qint64>(1, from.msecsTo(to));
    d.bucketMs = qMax<qint64>(1, (span + bucketCount - 1) / bucketCount);
    d.onprem.fill(0, bucketCount);
    d.cloud.fill(0, bucketCount);
    d.noTier.fill(0, bucketCount);
    QMap<QString, QList<qint64>> latencies;
    for (const auto &r : records) {
        const qint64 offset = from.msecsTo(r.ts);
        if (offset < 0 || offset >= span)
            continue;
        const int bucket = int(qMin<qint64>(bucketCount - 1, offset / d.bucketMs));
        if (r.tier == QLatin1String("onprem"))
            ++d.onprem[bucket];
        else if (r.tier == QLatin1String("cloud"))
            ++d.cloud[bucket];
        else
            ++d.noTier[bucket];
        ++d.decisions[r.decision];
        const auto level = parseSensitivity(r.sensitivity);
        ++d.levels[level ? int(*level) : -1];
        if (r.decision != QLatin1String("routed"))
            ++d.rejectionReasons[r.reason];
        else if (!r.tier.isEmpty())
            latencies[r.tier].append(r.latencyMs);
        // On-prem costs come at the blended rate (basis "blended_rate"), cloud at list price.
        if (!r.costBasis.isEmpty() && !r.tier.isEmpty()) {
            if (d.currency.isEmpty())
                d.currency = r.costCurrency;
            if (r.costCurrency != d.currency) {
                d.mixedCurrencies = true;
            } else {
                d.teamCost[r.team][r.tier] += r.costAmount;
                d.tierCost[r.tier] += r.costAmount;
                d.totalCost += r.costAmount;
            }
        }
        ++d.total;
    }
    for (auto it = latencies.begin(); it != latencies.end(); ++it) {
        auto &values = it.value();
        std::sort(values.begin(), values.end());
        auto rank = [&values](double p) { return values.at(qBound<qsizetype>(0, qsizetype(std::ceil(p * double(values.size()))) - 1, values.size() - 1)); };
        d.latency.insert(it.key(), TierLatency{int(values.size()), rank(0.50), rank(0.95), rank(0.99)});
    }
    return d;
}

} // namespace perimeter::ui
