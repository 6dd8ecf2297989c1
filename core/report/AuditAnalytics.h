// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "AuditFilter.h"
#include "common/Result.h"
#include "observe/AuditRecord.h"
#include <QList>
#include <QMap>
#include <functional>

namespace perimeter::report {

// Sums over a set of audit records. "errors" are rejected + failed requests. Latency
// percentiles cover the routed requests (answers that were served), in milliseconds, -1 when
// there is none; they come from a LatencyHistogram, so they are within 0.6 % of the exact
// value. Costs are kept per currency: records priced in different currencies are never added.
struct AuditStats {
    qint64 requests = 0;
    qint64 routed = 0;
    qint64 rejected = 0;
    qint64 failed = 0;
    qint64 onpremRequests = 0;
    qint64 cloudRequests = 0;
    qint64 tokensIn = 0;
    qint64 tokensOut = 0;
    QMap<QString, double> cost;  // currency -> amount ("" for records without a currency)
    // What the same tokens would have cost in the other tier, over the records that have a
    // counterfactual, and the actual cost of exactly those records (a like-for-like difference).
    qint64 counterfactualRequests = 0;
    QMap<QString, double> counterfactual;
    QMap<QString, double> costWithCounterfactual;
    double latencyP50 = -1;
    double latencyP95 = -1;
    double latencyP99 = -1;

    qint64 errors() const { return rejected + failed; }
    double totalCost(const QString &currency) const { return cost.value(currency); }
};

// One bucket of one tier: [bucketStart, bucketStart + bucketMs).
struct SeriesPoint {
    QDateTime bucketStart;
    QString tier;                // "onprem", "cloud", "" (rejected or failed before a tier)
    AuditStats stats;
};

// Dense: every bucket has one point per tier in `tiers` (zeros where nothing happened), in
// bucket order then tier order, so a chart can plot it without filling gaps.
struct TimeSeries {
    QDateTime from;
    QDateTime to;
    qint64 bucketMs = 0;
    QStringList tiers;           // onprem, cloud, "" (always these three, in this order)
    QList<SeriesPoint> points;

    int bucketCount() const { return tiers.isEmpty() ? 0 : int(points.size() / tiers.size()); }
    const SeriesPoint &at(int bucket, int tier) const { return points.at(bucket * tiers.size() + tier); }
};

struct BreakdownRow {
    QString key;                 // "" for records without a value
    AuditStats stats;
};

struct ReasonCount {
    QString reason;
    qint64 count = 0;
};

// The read side of the audit trail for dashboards and reports: aggregates in the store,
// never a list of a million records in memory. Behind an interface so that a shared
// PostgreSQL can answer the same questions for a fleet (SQLite is the embedded default).
// Every call blocks: call it from a worker thread, never from the gateway's event loop or
// the UI thread. Implementations are safe to call from several threads.
class AuditAnalytics {
public:
    // Bucketed series per tier over [filter.from, filter.to), which must both be set.
    static constexpr int kMaxBuckets = 10000;

    virtual ~AuditAnalytics() = default;

    virtual Result<TimeSeries> series(const AuditFilter &filter, qint64 bucketMs) const = 0;
    // Rows ordered by requests (most first), then key.
    virtual Result<QList<BreakdownRow>> breakdown(const AuditFilter &filter, Dimension dimension) const = 0;
    // Rejected requests by reason, most first; at most `limit` rows (-1: all).
    virtual Result<QList<ReasonCount>> topRejections(const AuditFilter &filter, int limit) const = 0;
    virtual Result<AuditStats> totals(const AuditFilter &filter) const = 0;
    virtual Result<qint64> count(const AuditFilter &filter) const = 0;
    // Every matching record, oldest first, with its chain hashes. `visit` returns false to stop
    // early (the call then still succeeds). Streams: memory does not grow with the period.
    virtual Status forEachRecord(const AuditFilter &filter, const std::function<bool(const observe::AuditRecord &)> &visit) const = 0;
};

} // namespace perimeter::report
