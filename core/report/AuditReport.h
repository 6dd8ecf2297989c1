// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "AuditFilter.h"
#include "observe/AuditStore.h"
#include <QList>
#include <QMap>

namespace perimeter::report {

// What a CSV, JSON or PDF audit report says, built once by AuditReportBuilder so that every
// format gives the same answer. Holds identifiers, counts and amounts only: never payload
// content or finding values (finding *types* appear in the records, as in the trail).
struct AuditReport {
    struct Cost {
        double total = 0;
        double onprem = 0;
        double cloud = 0;
        double counterfactual = 0;          // over the records that have one
        qint64 counterfactualRequests = 0;
        double costWithCounterfactual = 0;  // cost of exactly those records
        double difference() const { return counterfactual - costWithCounterfactual; }
    };

    QDateTime generatedAt;
    AuditFilter filter;                     // the period and filters the report covers
    QString filterDescription;              // e.g. "team = risk; tier = cloud"; "" for none

    qint64 total = 0;
    // tier ("onprem", "cloud", "none") -> level ("public".."restricted", "unclassified") -> requests
    QMap<QString, QMap<QString, qint64>> byTierAndLevel;
    QMap<QString, qint64> rejectionsByReason;
    QMap<QString, qint64> failuresByReason;
    QMap<QString, Cost> costByCurrency;

    // Always over the whole trail: a record changed or removed anywhere breaks the proof that
    // the period's records are the ones that were written.
    observe::ChainVerification chain;

    // "Did any confidential or restricted request go to the cloud in this period?"
    bool sensitiveInCloud = false;
    QStringList sensitiveInCloudIds;        // the evidence (empty when the answer is no)
    QStringList unclassifiedInCloudIds;     // reached the cloud without a level (reported apart)

    bool includesRecords = false;
    QList<observe::AuditRecord> records;    // oldest first, when includesRecords

    static QString residencyQuestion();
    // One sentence answering the question with its evidence and the chain result, for every
    // format: "No confidential or restricted request went to the cloud ... (chain verified: ...)".
    QString residencyAnswer() const;
    QString chainSummary() const;
};

} // namespace perimeter::report
