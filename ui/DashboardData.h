// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "observe/AuditRecord.h"
#include <QDateTime>
#include <QList>
#include <QMap>

namespace perimeter::ui {

// What the dashboard draws, computed from audit records off the UI thread.
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
    int total = 0;
    QString error;                   // the audit query failed: nothing else is set

    // Buckets the records falling in [from, to) into bucketCount slots.
    static DashboardData compute(const QList<observe::AuditRecord> &records, const QDateTime &from, const QDateTime &to, int bucketCount);
};

} // namespace perimeter::ui
