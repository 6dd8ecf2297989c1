// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "observe/AuditRecord.h"
#include <QDateTime>
#include <QList>
#include <QMap>

namespace perimeter::ui {

// Latency percentiles (nearest rank) of the requests routed to one tier, in ms.
struct TierLatency {
    int count = 0;
    qint64 p50 = 0;
    qint64 p95 = 0;
    qint64 p99 = 0;
};

// What the dashboard draws, computed from audit records off the UI thread. This is the seam
// to the core query API (core/report) once it lands: compute() is the only place that
// aggregates, and it runs on the thread pool.
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

    // Buckets the records falling in [from, to) into bucketCount slots.
    static DashboardData compute(const QList<observe::AuditRecord> &records, const QDateTime &from, const QDateTime &to, int bucketCount);
};

} // namespace perimeter::ui
