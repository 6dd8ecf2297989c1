// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QDateTime>
#include <QMap>
#include <QString>
#include <optional>

namespace perimeter::observe {

// One request, same fields for both tiers (shared/design/CONTRACTS.md "Audit record").
// Never carries payload content or finding values.
struct AuditRecord {
    QString requestId;
    QDateTime ts;                  // UTC; stored as RFC 3339 with milliseconds
    QString caller;                // "" when unauthenticated
    QString team;
    QString endpointPath;          // e.g. "/v1/chat/completions"
    QString modelRequested;
    QString modelServed;
    QString tier;                  // "onprem" | "cloud" | "" (never reached a tier)
    QString endpointId;
    QString decision;              // "routed" | "rejected" | "failed"
    QString reason;                // stable reason code, e.g. "ok", "residency_violation"
    QString sensitivity;           // level name, "" before classification
    QMap<QString, int> findingTypes; // type -> count
    QString policyVersion;
    int status = 0;                // HTTP status sent to the caller
    qint64 tokensIn = 0;
    qint64 tokensOut = 0;
    qint64 latencyMs = 0;
    qint64 upstreamMs = -1;        // -1: no upstream call
    qint64 ttftMs = -1;            // -1: not streamed / no token
    bool streamed = false;
    double costAmount = 0.0;
    QString costCurrency = QStringLiteral("USD");
    QString costBasis;             // "list_price" | "blended_rate" | ""
    // What the same tokens would have cost in the other tier (same currency); absent when the
    // other tier has no price for it or the request never reached a tier.
    std::optional<double> costCounterfactual;

    // The routing decision trace (JSON; types, counts, scores and endpoint load, never payload
    // or finding values). Stored beside the record in decision_traces, by request id, in the
    // same transaction; not a contract column and not part of the hash chain.
    QByteArray decisionTrace;

    // Set by the store when a record is read back: the tamper-evident chain (SHA-256, hex).
    // Ignored by append(); the writer computes them in commit order.
    QString prevHash;
    QString hash;
};

} // namespace perimeter::observe
