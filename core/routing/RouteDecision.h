// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/Sensitivity.h"
#include <QList>
#include <QString>
#include <QStringList>

namespace perimeter::routing {

// One endpoint the router looked at for a request, and why it was kept or dropped. Numbers
// only (load, latency): never anything from the payload.
struct RouteCandidate {
    QString endpointId;
    Tier tier = Tier::OnPrem;
    bool kept = false;
    QString why;               // "tier not permitted for confidential data", "at capacity", ...
    int attempt = 1;           // 1 for the first routing, 2.. for retries after a failure
    int inFlight = 0;
    int capacity = 0;
    int upstreamWaiting = -1;  // queue depth the endpoint reports; -1 = not known
    double utilization = 0.0;
    double latencyMs = -1.0;   // moving average; -1 = not measured yet
};

// The outcome of routing one request, with the candidates considered so that a decision
// can be explained to a security officer.
struct RouteDecision {
    bool ok = false;
    int status = 0;            // HTTP status of the rejection when !ok
    QString reason;            // stable code: "ok", "residency_violation", "model_not_found", "no_capacity", "invalid_request"
    QString message;           // for the caller; names model, level and finding types, never values
    QString endpointId;        // chosen endpoint when ok
    Tier tier = Tier::OnPrem;
    QString choice;            // why the chosen endpoint won (empty when !ok)
    // no_capacity only because healthy permitted endpoints are all at capacity: waiting in the
    // gateway's queue may help (a failing or excluded endpoint will not come back by waiting).
    bool atCapacity = false;
    QList<RouteCandidate> candidates;
    QStringList trace;         // one line per candidate: kept or dropped and why
};

} // namespace perimeter::routing
