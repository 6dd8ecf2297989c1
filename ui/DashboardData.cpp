// SPDX-License-Identifier: Apache-2.0
#include "DashboardData.h"
#include "common/Sensitivity.h"

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
        ++d.total;
    }
    return d;
}

} // namespace perimeter::ui
