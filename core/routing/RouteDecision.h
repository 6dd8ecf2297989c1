// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/Sensitivity.h"
#include <QList>
#include <QString>
#include <QStringList>

namespace perimeter::routing {

// The outcome of routing one request, with the candidates considered so that a decision
// can be explained to a security officer.
struct RouteDecision {
    bool ok = false;
    int status = 0;            // HTTP status of the rejection when !ok
    QString reason;            // stable code: "ok", "residency_violation", "model_not_found", "no_capacity", "invalid_request"
    QString message;           // for the caller; names model, level and finding types, never values
    QString endpointId;        // chosen endpoint when ok
    Tier tier = Tier::OnPrem;
    QStringList trace;         // one line per candidate: kept or dropped and why
};

} // namespace perimeter::routing
