// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "report/AuditAnalytics.h"
#include <QDateTime>
#include <QList>
#include <QMap>

namespace perimeter::ui {

// Latency percentiles of the requests routed to one tier, in ms (from the core's latency
// histogram: within 0.6 % of the exact value).
struct TierLatency {
    int count = 0;
    qint64 p50 = 0;
    qint64 p95 = 0;
    qint64 p99 = 0;
};

// What the dashboard draws. The figures come from the core query API (report::AuditAnalytics:
// aggregates in the store, never the period's records in memory), so ui/ does not duplicate
// the report logic; load() blocks and runs on the thread pool.
struct DashboardData {
    QDateTime from;
    QDateTime to;
    qint64 bucketMs = 0;
    // Per bucket i, [from + i*bucketMs, from + (i+1)*bucketMs): requests by tier.
    QList<int> onprem;
    QList<int> cloud;
    QList<int> noTier;               // rejected or failed before reaching a tier
    QMap<QString, int> decisions;    // routed / rejected / failed -> count
    QMap<int, int> levels;           // Sensitivity as int -> count (-1: not classified)
    QMap<QString, int> rejectionReasons;
    QMap<QString, TierLatency> latency;             // tier -> percentiles (routed requests)
    QMap<QString, QMap<QString, double>> teamCost;  // team ("" none) -> tier -> cost
    QMap<QString, double> tierCost;                 // tier -> cost
    double totalCost = 0.0;
    QString currency;                               // of the costs; the first seen
    bool mixedCurrencies = false;                   // other currencies were left out
    int total = 0;
    QString error;                   // the audit query failed: nothing else is set

    // Asks `analytics` for [from, to) in bucketCount slots (series, totals, breakdowns by
    // decision, sensitivity, tier and team, top rejections). Blocking: call it off the UI thread.
    static DashboardData load(const report::AuditAnalytics &analytics, const QDateTime &from, const QDateTime &to, int bucketCount);
};

} // namespace perimeter::ui
