// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "GatewayContext.h"
#include "Stage.h"
#include "routing/Router.h"

namespace perimeter::gateway {

// Chooses the endpoint; a model only hosted where the data may not go is refused with
// residency_violation, never substituted. When every permitted endpoint is at capacity and
// the policy has a queue, the request waits in it (bounded in length and time) instead of
// getting 503 no_capacity at once. Also runs the shadow policy, which only records.
class RouteStage final : public Stage {
public:
    const char *name() const override { return "route"; }
    StageStatus run(const std::shared_ptr<Exchange> &exchange, Pipeline &pipeline) override;

    // Shared with the forwarder's fallback and the queue so a retry obeys exactly the same rules.
    static routing::RouteDecision decide(const Exchange &exchange, const GatewayContext &context);
    // The router's input for this exchange at a given level and tiers (the shadow policy asks
    // with its own).
    static routing::Router::Request routerRequest(const Exchange &exchange, Sensitivity level, const QList<Tier> &tiers,
                                                  double overflowThreshold);

private:
    static StageStatus enqueue(const std::shared_ptr<Exchange> &exchange, Pipeline &pipeline, routing::RouteDecision decision);
};

} // namespace perimeter::gateway
