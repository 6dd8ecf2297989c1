// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "EndpointState.h"
#include "RouteDecision.h"
#include "config/Config.h"
#include <QHash>
#include <QSet>

namespace perimeter::routing {

// Picks an endpoint for a model within the tiers the request's sensitivity permits.
// Never substitutes another model and never leaves the permitted tiers: a model hosted
// only in forbidden tiers is a residency violation, not a reason to go elsewhere.
class Router {
public:
    struct Request {
        QString model;
        QString kind;                  // endpoint kind the path serves: chat | completion | embedding
        Sensitivity level = Sensitivity::Restricted;
        QList<Tier> permittedTiers;    // in preference order
        QStringList findingTypes;      // for the rejection message
        QSet<QString> exclude;         // endpoints already tried for this request
        bool latencyLow = false;       // X-Perimeter-Latency: low
        double overflowThreshold = 0.8; // utilization at which the next permitted tier is preferred
    };

    static RouteDecision route(const config::Config &config, const Request &request,
                               const QHash<QString, EndpointState> &states, qint64 nowMs);
};

} // namespace perimeter::routing
