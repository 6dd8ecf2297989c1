// SPDX-License-Identifier: Apache-2.0
#include "DashboardData.h"
#include "common/Sensitivity.h"
#include <limits>
#include <cmath>

namespace perimeter::ui {

namespace {
int clampCount(qint64 n)
{
    return int(qMin<qint64>(n, std::numeric_limits<int>::max()));
}

qint64 roundMs(double ms)
{
    return ms < 0 ? 0 : qint64(std::llround(ms));
}
} // namespace

DashboardData DashboardData::load(const report::AuditAnalytics &analytics, const QDateTime &from, const QDateTime &to, int bucketCount)
{
    DashboardData d;
    d.from = from;
    d.to = to;
    bucketCount = qBound(1, bucketCount, report::AuditAnalytics::kMaxBuckets);
    const qint64 span = qMax<qint64>(1, from.msecsTo(to));
    d.bucketMs = qMax<qint64>(1, (span + bucketCount - 1) / bucketCount);
    d.onprem.fill(0, bucketCount);
    d.cloud.fill(0, bucketCount);
    d.noTier.fill(0, bucketCount);

    report::AuditFilter filter;
    filter.from = from;
    filter.to = to;
    // The first failing query wins; the dashboard then shows the error instead of partial data.
    auto fail = [&d](const QString &message) {
        DashboardData failed;
        failed.from = d.from;
        failed.to = d.to;
        failed.bucketMs = d.bucketMs;
        failed.error = message;
        return failed;
    };

    auto series = analytics.series(filter, d.bucketMs);
    if (!series)
        return fail(series.error().message);
    for (const auto &point : series.value().points) {
        const qint64 offset = from.msecsTo(point.bucketStart);
        if (offset < 0)
            continue;
        const int bucket = int(offset / d.bucketMs);
        if (bucket >= bucketCount)
            continue;
        const int n = clampCount(point.stats.requests);
        if (point.tier == QLatin1String("onprem"))
            d.onprem[bucket] += n;
        else if (point.tier == QLatin1String("cloud"))
            d.cloud[bucket] += n;
        else
            d.noTier[bucket] += n;
    }

    auto totals = analytics.totals(filter);
    if (!totals)
        return fail(totals.error().message);
    d.total = clampCount(totals.value().requests);
    d.decisions.insert(QStringLiteral("routed"), clampCount(totals.value().routed));
    d.decisions.insert(QStringLiteral("rejected"), clampCount(totals.value().rejected));
    d.decisions.insert(QStringLiteral("failed"), clampCount(totals.value().failed));
    // One currency is drawn: the one carrying the most cost; records priced in others are
    // left out (and said so) rather than added across currencies.
    for (auto it = totals.value().cost.cbegin(); it != totals.value().cost.cend(); ++it) {
        if (it.key().isEmpty())
            continue;
        if (d.currency.isEmpty() || it.value() > totals.value().cost.value(d.currency))
            d.currency = it.key();
    }
    for (auto it = totals.value().cost.cbegin(); it != totals.value().cost.cend(); ++it) {
        if (!it.key().isEmpty() && it.key() != d.currency && it.value() != 0.0)
            d.mixedCurrencies = true;
    }
    d.totalCost = totals.value().cost.value(d.currency);

    auto levels = analytics.breakdown(filter, report::Dimension::Sensitivity);
    if (!levels)
        return fail(levels.error().message);
    for (const auto &row : levels.value()) {
        const auto level = parseSensitivity(row.key);
        d.levels[level ? int(*level) : -1] += clampCount(row.stats.requests);
    }

    auto rejections = analytics.topRejections(filter, -1);
    if (!rejections)
        return fail(rejections.error().message);
    for (const auto &reason : rejections.value())
        d.rejectionReasons[reason.reason] += clampCount(reason.count);

    auto tiers = analytics.breakdown(filter, report::Dimension::Tier);
    if (!tiers)
        return fail(tiers.error().message);
    for (const auto &row : tiers.value()) {
        if (row.key.isEmpty())
            continue;
        if (row.stats.routed > 0 && row.stats.latencyP50 >= 0)
            d.latency.insert(row.key, TierLatency{clampCount(row.stats.routed), roundMs(row.stats.latencyP50),
                                                  roundMs(row.stats.latencyP95), roundMs(row.stats.latencyP99)});
        const double cost = row.stats.cost.value(d.currency);
        if (cost != 0.0)
            d.tierCost.insert(row.key, cost);
    }

    // Cost per team and tier: one team breakdown per tier (on-prem at the blended rate).
    for (const QString &tier : {QStringLiteral("onprem"), QStringLiteral("cloud")}) {
        report::AuditFilter tierFilter = filter;
        tierFilter.tiers = {tier};
        auto teams = analytics.breakdown(tierFilter, report::Dimension::Team);
        if (!teams)
            return fail(teams.error().message);
        for (const auto &row : teams.value()) {
            const double cost = row.stats.cost.value(d.currency);
            if (cost != 0.0)
                d.teamCost[row.key][tier] += cost;
        }
    }
    return d;
}

} // namespace perimeter::ui
